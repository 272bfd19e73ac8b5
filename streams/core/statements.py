"""Attribute direct quotations to speakers, using the dependency parse.

For each quotation the sentence around it is searched, outside the quoted words, for a
speech verb ("said", "told", "added", "according to" ...). Its subject is the speaker:
a named actor directly, a pronoun ("he said") or a description ("the official said")
through the last speaker or last person named before it. A sentence that is nothing but
a quotation continues the previous speaker. Two quotations in one sentence split by the
attribution ("“…,” he said, “…”") are one statement.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from streams.core.actors import PERSON_PRONOUNS, ActorIndex
from streams.core.model import Actor
from streams.core.quotes import QuoteSpan

SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "announce",
        "explain",
        "insist",
        "note",
        "warn",
        "argue",
        "claim",
        "write",
        "ask",
        "reply",
        "respond",
        "urge",
        "stress",
        "emphasize",
        "emphasise",
        "continue",
        "comment",
        "acknowledge",
        "admit",
        "describe",
        "call",
        "remark",
        "recall",
        "suggest",
        "conclude",
        "predict",
        "promise",
        "vow",
        "pledge",
        "maintain",
        "affirm",
        "confirm",
        "deny",
        "tweet",
        "post",
    ]
)
DESCRIPTION_HEADS = frozenset(
    [
        "leader",
        "official",
        "minister",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ministry",
        "premier",
        "chancellor",
        "secretary",
        "chief",
        "executive",
        "diplomat",
        "ambassador",
        "envoy",
        "senator",
        "governor",
        "mayor",
        "statement",
        "source",
        "government",
        "prime",
    ]
)
#: Confidence by how the speaker was found.
CONFIDENCE = {"named": 0.9, "pronoun": 0.75, "description": 0.7, "continuation": 0.65, "subject": 0.5}


@dataclass(frozen=True)
class Statement:
    quote: str
    partial: bool
    speaker: Actor
    addressee: Actor | None
    sentence_start: int
    sentence_end: int
    quote_start: int
    how: str

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.how]


def _inside(token: Token, quotes: list[QuoteSpan]) -> bool:
    return any(q.start <= token.idx < q.end for q in quotes)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "relcl") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _according_to(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    for token in sent:
        if token.lower_ == "according" and token.i + 2 < len(token.doc) and token.nbor().lower_ == "to":
            for child in token.nbor().children:
                if child.dep_ == "pobj" and not _inside(child, quotes):
                    return child
    return None


class SpeakerTracker:
    """Remembers the last speaker and the last people named, for pronouns and descriptions."""

    def __init__(self, actors: ActorIndex) -> None:
        self.actors = actors
        self.last_speaker: Actor | None = None
        self.last_speaker_end = -1  # sentence end char of the last statement
        self.recent_people: list[Actor] = []

    def note_people(self, sent: Span) -> None:
        for actor in self.actors.actors_in(sent.start, sent.end, "speaker"):
            if actor.kind == "person":
                self.recent_people = [p for p in self.recent_people if p.name != actor.name] + [actor]

    def resolve(self, head: Token) -> tuple[Actor | None, str]:
        entity = self.actors.entity_at(head)
        if entity is None:
            # the subject may be a title noun whose name is a compound child or apposition
            for child in head.children:
                if child.dep_ in ("compound", "appos") and (entity := self.actors.entity_at(child)):
                    break
        if entity is not None:
            actor = self.actors.actor(entity, "speaker")
            if actor is not None:
                return actor, "named"
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            if self.last_speaker is not None and self.last_speaker.kind == "person":
                return self.last_speaker, "pronoun"
            return (self.recent_people[-1], "pronoun") if self.recent_people else (None, "pronoun")
        if head.lemma_.lower() in DESCRIPTION_HEADS and any(c.lower_ in ("the", "a") for c in head.children):
            if self.last_speaker is not None:
                return self.last_speaker, "description"
            return (self.recent_people[-1], "description") if self.recent_people else (None, "description")
        return None, "subject"


def _speech_verb(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    candidates = [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_LEMMAS and not _inside(t, quotes)
    ]
    if not candidates:
        return None
    # Prefer a verb with a subject; then the one nearest the quote.
    with_subject = [t for t in candidates if _subject(t) is not None]
    return (with_subject or candidates)[0]


def _addressee(verb: Token, quotes: list[QuoteSpan], actors: ActorIndex) -> Actor | None:
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and not _inside(child, quotes):
            entity = actors.entity_at(child)
            if entity is not None:
                return actors.actor(entity, "addressee")
            if child.pos_ == "PROPN":  # the one told is a person even when the model tagged no entity
                words = [t for t in child.subtree if t.pos_ == "PROPN" and t.i <= child.i]
                return Actor(name=" ".join(t.text for t in words), role="addressee", kind="person")
    return None


def _only_quotes(sent: Span, quotes: list[QuoteSpan]) -> bool:
    outside = [t for t in sent if not _inside(t, quotes) and not t.is_punct and not t.is_space]
    return not outside


def find_statements(doc: Doc, actors: ActorIndex, quotes: list[QuoteSpan]) -> list[Statement]:
    """Attribute ``quotes`` (from ``find_quotes(doc.text)``); short ones are marked partial."""
    tracker = SpeakerTracker(actors)
    statements: list[Statement] = []
    by_sentence: dict[int, list[QuoteSpan]] = {}
    sentences = {s.start_char: s for s in doc.sents}
    for quote in quotes:
        sent = doc.char_span(quote.inner_start, quote.inner_start + 1, alignment_mode="expand")
        if sent is None:
            continue
        by_sentence.setdefault(sent.sent.start_char, []).append(quote)
    for start_char, sent in sentences.items():
        sent_quotes = by_sentence.get(start_char, [])
        # a quote that began in an earlier sentence but spans into this one belongs to the earlier one
        if sent_quotes:
            end_char = max(sent.end_char, *(q.end for q in sent_quotes))
            span = doc.char_span(sent.start_char, end_char, alignment_mode="expand") or sent
            statements.extend(_attribute(span, sent_quotes, tracker, actors))
        tracker.note_people(sent)
    return statements


def _attribute(
    sent: Span, quotes: list[QuoteSpan], tracker: SpeakerTracker, actors: ActorIndex
) -> list[Statement]:
    verb = _speech_verb(sent, quotes)
    speaker: Actor | None = None
    how = "subject"
    addressee: Actor | None = None
    if verb is not None:
        subject = _subject(verb)
        if subject is not None and not _inside(subject, quotes):
            speaker, how = tracker.resolve(subject)
        addressee = _addressee(verb, quotes, actors)
    if speaker is None and (source := _according_to(sent, quotes)) is not None:
        speaker, how = tracker.resolve(source)
    if (
        speaker is None
        and _only_quotes(sent, quotes)
        and tracker.last_speaker is not None
        and sent.start_char - tracker.last_speaker_end < 400
    ):
        speaker, how = tracker.last_speaker, "continuation"
    if speaker is None and verb is None:
        root_subject = _subject(sent.root)
        if root_subject is not None and not _inside(root_subject, quotes):
            speaker, how = tracker.resolve(root_subject)
            how = "subject" if how == "named" else how
    if speaker is None:
        return []
    tracker.last_speaker = speaker
    tracker.last_speaker_end = sent.end_char
    text = sent.doc.text
    # one utterance split by the attribution: join the parts
    joined = " ".join(q.text for q in quotes) if verb is not None and len(quotes) > 1 else None
    groups = [quotes] if joined else [[q] for q in quotes]
    out: list[Statement] = []
    for group in groups:
        quote_text = " ".join(q.text for q in group)
        first = group[0]
        starts_lower = text[first.inner_start : first.inner_start + 1].islower()
        partial = sum(q.words for q in group) < 4 or starts_lower
        out.append(
            Statement(
                quote=quote_text,
                partial=partial,
                speaker=speaker,
                addressee=addressee,
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                quote_start=first.start,
                how=how,
            )
        )
    return out
