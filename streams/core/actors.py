"""Turn the model's named entities into actors with canonical names and kinds.

The small English model mislabels people in news text (shared notes: "Trump" as ORG in
10 of 16 mentions, "Takaichi" never PERSON, the typo "Takachi" as GPE). This module
repairs that at document level: a name that is a person once is a person everywhere,
a name after a personal title is a person, spelling variants one edit apart and
surname-only mentions join the fullest form of the name, and titles in front of a name
("Foreign Ministry spokesman Guo Jiakun") are kept apart from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from streams.core.model import Actor

KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}
ACTOR_LABELS = frozenset(KIND_BY_LABEL)

#: Titles that, directly before a capitalised name, make it a person's name even when the model
#: labelled it an organisation or a place ("President Takaichi", "Mr Trump").
NAME_TITLES = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr.",
        "president",
        "minister",
        "chancellor",
        "premier",
        "senator",
        "secretary",
        "spokesman",
    }
)
#: Words that, right before a proper name, say the name is a person's.
PERSON_TITLES = NAME_TITLES | frozenset(
    {
        "dr",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "ambassador",
        "envoy",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "general",
        "judge",
        "justice",
        "pope",
        "sheikh",
        "emir",
        "sultan",
        "leader",
        "rep.",
        "sen.",
        "gov.",
        "lawmaker",
        "official",
        "commissioner",
        "adviser",
        "advisor",
        "aide",
        "professor",
        "prof.",
        "chief",
        "executive",
        "founder",
        "analyst",
        "economist",
        "lieutenant",
        "colonel",
        "captain",
        "sergeant",
        "admiral",
        "vice",
        "deputy",
        "foreign",
        "prime",
        "defence",
        "defense",
        "finance",
        "trade",
        "interior",
        "state",
    }
)
SPEECH_SUBJECT_VERBS = frozenset(
    {"say", "tell", "add", "state", "announce", "praise", "note", "urge", "warn"}
)
PRONOUNS = frozenset({"he", "she", "him", "her", "they", "it", "we", "i"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _clean(text: str) -> str:
    text = " ".join(text.split())
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip(" ,.;:")


def _one_edit_apart(a: str, b: str) -> bool:
    """True for equal strings or strings one insertion, deletion or substitution apart."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def _display(name: str) -> str:
    return name.title() if name.islower() else name


@dataclass
class _Person:
    names: list[str]

    @property
    def canonical(self) -> str:
        return _display(max(self.names, key=lambda n: (len(n.split()), n[:1].isupper(), len(n))))

    def matches(self, name: str) -> bool:
        lowered = name.lower()
        parts = lowered.split()
        for known in self.names:
            known_l = known.lower()
            if _one_edit_apart(lowered, known_l):
                return True
            known_parts = known_l.split()
            if len(parts) == 1 and any(_one_edit_apart(parts[0], p) for p in known_parts):
                return True
            if len(known_parts) == 1 and any(_one_edit_apart(known_parts[0], p) for p in parts):
                return True
        return False


class ActorIndex:
    """Document-level view of who is who; built once per article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._people: list[_Person] = []
        self._person_tokens: set[int] = set()
        person_names = [(_clean(ent.text), ent) for ent in doc.ents if ent.label_ == "PERSON"]
        titled = [
            (_clean(ent.text), ent)
            for ent in doc.ents
            if ent.label_ in ("ORG", "GPE", "NORP") and self._after_title(ent)
        ]
        # Longest names first, so surname-only mentions join the full name.
        for name, _ in sorted(person_names + titled, key=lambda item: -len(item[0].split())):
            self._add_person(name)
        # The subject of a speech verb written as a bare proper name is a person ("Takaichi said").
        for ent in doc.ents:
            if ent.label_ in ("ORG", "GPE") and self._speaking_name(ent):
                self._add_person(_clean(ent.text))
        self._relabel_people()
        for ent in doc.ents:
            if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "GPE", "NORP") and self._after_title(ent)):
                self._person_tokens.update(range(ent.start, ent.end))

    @staticmethod
    def _speaking_name(ent: Span) -> bool:
        if len(ent) > 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
            return False
        head = ent.root
        return head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_SUBJECT_VERBS

    def _relabel_people(self) -> None:
        """Label every mention of a known person PERSON, including ones the model missed."""
        doc = self.doc
        entities: list[Span] = []
        covered: set[int] = set()
        for ent in doc.ents:
            span = ent
            if ent.label_ in ("ORG", "GPE") and len(ent) <= 3 and self._person_for(_clean(ent.text)):
                self._add_person(_clean(ent.text))  # "Sanae Takaichi" as ORG still lends its full name
                span = Span(doc, ent.start, ent.end, label="PERSON")
            entities.append(span)
            covered.update(range(span.start, span.end))
        for token in doc:
            if (
                token.i not in covered
                and token.pos_ == "PROPN"
                and token.text[:1].isupper()
                and len(token.text) >= 3
                and self._person_for(token.text)
            ):
                entities.append(Span(doc, token.i, token.i + 1, label="PERSON"))
        doc.ents = sorted(entities, key=lambda e: e.start)

    @staticmethod
    def _after_title(ent: Span) -> bool:
        if ent.start == 0 or not ent[0].text[:1].isupper() or len(ent) > 3:
            return False
        previous = ent.doc[ent.start - 1]
        return previous.lower_ in NAME_TITLES

    def _add_person(self, name: str) -> None:
        if not name or name.lower() in PRONOUNS:
            return
        existing = self._person_for(name)
        if existing is None:
            self._people.append(_Person([name]))
        elif name not in existing.names:
            existing.names.append(name)

    def _person_for(self, name: str) -> _Person | None:
        for person in self._people:
            if person.matches(name):
                return person
        return None

    def is_person_span(self, span: Span) -> bool:
        return span.start in self._person_tokens

    def title_of(self, span: Span) -> str | None:
        """The title words (and the body they belong to) right before a name."""
        i = span.start - 1
        sent_start = span.sent.start
        while i >= sent_start and (
            self.doc[i].lower_ in PERSON_TITLES
            or (self.doc[i].ent_type_ in ("ORG", "NORP", "GPE") and self.doc[i].i not in self._person_tokens)
            or (self.doc[i].lower_ in ("of", "'s", "’s") and i > sent_start)
        ):
            i -= 1
        words = self.doc[i + 1 : span.start]
        text = words.text.strip(" ,")
        if not text or not any(t.lower_ in PERSON_TITLES for t in words):
            return None
        return text

    def actor(self, span: Span, role: str) -> Actor | None:
        """The actor a named-entity span denotes, or None if it is not an actor."""
        name = _clean(span.text)
        if not name or name.lower() in PRONOUNS:
            return None
        if self.is_person_span(span):
            person = self._person_for(name)
            canonical = person.canonical if person else _display(name)
            return Actor(name=canonical, role=role, kind="person", title=self.title_of(span))
        kind = KIND_BY_LABEL.get(span.label_)
        if kind is None:
            return None
        return Actor(name=name, role=role, kind=kind)

    def actors_in(
        self, start: int, end: int, role: str, exclude: Sequence[tuple[int, int]] = ()
    ) -> list[Actor]:
        """Distinct actors whose entity lies in the token range [start, end), outside excluded char spans."""
        found: dict[str, Actor] = {}
        for ent in self.doc.ents:
            if ent.start < start or ent.end > end:
                continue
            if any(s <= ent.start_char < e for s, e in exclude) or self._modifies_person(ent):
                continue
            actor = self.actor(ent, role)
            if actor is not None and actor.name not in found:
                found[actor.name] = actor
        return list(found.values())

    def _modifies_person(self, ent: Span) -> bool:
        """ "Norwegian" in "Norwegian Fisheries Minister Ingrid Solberg" describes her; it is no actor."""
        if ent.start in self._person_tokens or ent.root.dep_ not in ("amod", "compound", "nmod", "poss"):
            return False
        following = range(ent.end, min(ent.end + 5, len(self.doc)))
        return any(i in self._person_tokens for i in following)

    def entity_at(self, token: Token) -> Span | None:
        """The actor entity containing ``token``, if any."""
        for ent in self.doc.ents:
            if ent.start <= token.i < ent.end and ent.label_ in ACTOR_LABELS:
                return ent
        return None
