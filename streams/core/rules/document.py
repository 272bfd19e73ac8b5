"""One article's parse, indexed once: its text, sentences and entities by token.

spaCy rebuilds ``doc.text``, ``doc.ents`` and ``token.sent`` on every access; the rules
ask these questions for every token, so they are answered from lists built here once,
after ``people.find_people`` has relabelled the entities.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from streams.core.lexicon.people import PERSON_PRONOUNS
from streams.core.model import ActorKind

#: The entity labels that can be actors, and the kind of actor each gives.
KIND_BY_LABEL: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "country",
    "NORP": "group",
}
ACTOR_LABELS = frozenset(KIND_BY_LABEL)


def entities_in(span: Span) -> list[Span]:
    """``span.ents`` (the entities lying wholly inside ``span``) in time proportional to the span.

    spaCy's ``Span.ents`` rebuilds every entity of the whole document on each call, so asking it
    once per sentence made the rules quadratic in the article's length: 86 of the 90 s the rules
    took on a 250 KB body. This reads the same entities from the span's own tokens.
    """
    doc = span.doc
    found: list[Span] = []
    start = -1
    for i in range(span.start, span.end):
        token = doc[i]
        iob = token.ent_iob  # 0 missing, 1 inside, 2 outside, 3 begin
        if iob == 1:
            continue
        if start != -1:
            found.append(Span(doc, start, i, label=doc[start].ent_type, kb_id=doc[start].ent_kb_id))
            start = -1
        if iob == 3 and token.ent_type != 0:
            start = i
    if start != -1 and (span.end >= len(doc) or doc[span.end].ent_iob != 1):
        found.append(Span(doc, start, span.end, label=doc[start].ent_type, kb_id=doc[start].ent_kb_id))
    return found


class DocumentIndex:
    """Sentences and entity look-ups of one parsed article."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        self.ents: list[Span] = list(doc.ents)
        self._entity_by_token: dict[int, Span] = {
            i: ent for ent in self.ents if ent.label_ in ACTOR_LABELS for i in range(ent.start, ent.end)
        }
        self._ent_starting: dict[int, Span] = {ent.start: ent for ent in self.ents}
        self._ent_token_starts = [ent.start for ent in self.ents]  # doc.ents are sorted and disjoint
        self.sentences: list[Span] = list(doc.sents)
        self._sentence_of: list[int] = [0] * len(doc)
        for number, sent in enumerate(self.sentences):
            self._sentence_of[sent.start : sent.end] = [number] * len(sent)

    def entity_at(self, token: Token) -> Span | None:
        """The actor entity containing ``token``, if any."""
        return self._entity_by_token.get(token.i)

    def entity_starting(self, token_index: int) -> Span | None:
        """The entity (of any label) whose first token is at ``token_index``."""
        return self._ent_starting.get(token_index)

    def entities_in(self, span: Span) -> list[Span]:
        """The module's ``entities_in(span)`` from the index: the entities lying wholly inside ``span``."""
        found = []
        for ent in self.entities_from(span.start):
            if ent.start >= span.end:
                break
            if ent.end <= span.end:
                found.append(ent)
        return found

    def entities_from(self, token_index: int) -> Iterator[Span]:
        """The entities that start at or after ``token_index``, in order. An iterator, not a
        slice: callers stop at the end of a sentence, and copying the rest of a long article's
        entities on every call cost more than reading them."""
        ents = self.ents
        return (ents[i] for i in range(bisect.bisect_left(self._ent_token_starts, token_index), len(ents)))

    def sentence_number(self, token_index: int) -> int:
        """The index in ``sentences`` of the sentence holding the token at ``token_index``."""
        return self._sentence_of[token_index]

    def sentence_of(self, token_index: int) -> Span:
        """The sentence holding the token at ``token_index``."""
        return self.sentences[self._sentence_of[token_index]]

    def sentences_before_in_paragraph(self, sent: Span, count: int) -> list[Span]:
        """Up to ``count`` sentences right before ``sent``, the nearest first, that its paragraph
        holds: none past a line break. What sets a scene up is told in the same paragraph."""
        number = self._sentence_of[sent.start]
        found: list[Span] = []
        for back in range(1, count + 1):
            if number - back < 0:
                break
            previous = self.sentences[number - back]
            if "\n" in self.text[previous.end_char - 1 : sent.start_char]:
                break  # another paragraph
            found.append(previous)
        return found

    def person_subject_above(self, pronoun: Token) -> Span | None:
        """The named person who is the subject of a clause above ``pronoun``, before it in its
        sentence, the nearest first ("Lind says the dockers are ready for what she calls a fair
        deal", "Hale, head of the fund, said every conversation he has held ..."). The walk passes
        subjects that are pronouns or no person ("Trump's aides said he ...") and goes up at most
        eight clauses."""
        for verb in list(pronoun.ancestors)[1:9]:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.i >= pronoun.i or subject.lower_ in PERSON_PRONOUNS:
                continue
            entity = self.entity_at(subject)
            if entity is not None and entity.label_ == "PERSON":
                return entity
        return None


def paths_to_common_head(token: Token, trigger: Token) -> tuple[list[Token], list[Token]] | None:
    """The words on the way up from ``token`` to the first word that also governs ``trigger``, and
    the trigger's own way up to that word (the word itself in neither); None when the two share no
    governor.

    Whether a name is a party of an event, or a place its venue, depends on what lies on these two
    paths (a clause boundary, a topic preposition): the callers judge the words, this finds them.
    """
    above_trigger = {trigger.i}
    node = trigger
    while node.head.i != node.i:
        node = node.head
        above_trigger.add(node.i)
    up: list[Token] = []
    node = token
    while node.i not in above_trigger:
        if node.head.i == node.i:
            return None
        up.append(node)
        node = node.head
    down: list[Token] = []
    climber = trigger
    while climber.i != node.i:
        down.append(climber)
        climber = climber.head
    return up, down
