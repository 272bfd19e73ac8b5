"""Turn the model's named entities into actors with canonical names and kinds.

The small English model mislabels people in news text (shared notes: "Trump" as ORG in
10 of 16 mentions, "Takaichi" never PERSON, the typo "Takachi" as GPE). This module
repairs that at document level: a name that is a person once is a person everywhere,
a name after a personal title is a person, spelling variants one edit apart and
surname-only mentions join the fullest form of the name, and titles in front of a name
("Foreign Ministry spokesman Guo Jiakun") are kept apart from it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from streams.core.countries import country_for
from streams.core.model import Actor
from streams.core.spans import CharSpans

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
        "former",
        "late",
        "ex",
    }
)
SPEECH_SUBJECT_VERBS = frozenset(
    {"say", "tell", "add", "state", "announce", "praise", "note", "urge", "warn"}
)
#: Nouns for the office a person holds; with a country in front ("Japan's prime minister",
#: "the Japanese leader") they tell the person's country.
ROLE_NOUNS = frozenset(
    {
        "leader",
        "president",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "monarch",
        "ruler",
        "head",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "ambassador",
        "envoy",
        "diplomat",
        "secretary",
        "general",
        "commander",
        "governor",
        "mayor",
        "emperor",
        "dictator",
        "strongman",
    }
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


#: Words that make a name an organisation's, whatever the model labelled it.
BODY_WORDS = frozenset(
    {
        "forces",
        "force",
        "army",
        "party",
        "ministry",
        "council",
        "government",
        "group",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "bank",
        "association",
        "union",
        "committee",
        "commission",
        "agency",
        "office",
        "department",
        "court",
        "parliament",
        "congress",
        "senate",
        "police",
        "university",
        "institute",
        "foundation",
        "organization",
        "organisation",
        "front",
        "movement",
        "alliance",
        "coalition",
        "federation",
        "league",
        "authority",
        "board",
        "house",
        "network",
    }
)


NOT_ACRONYM_NAMES = frozenset(
    {
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XX",
        "XXI",
        "CEO",
        "CFO",
        "AI",
        "TV",
        "GDP",
        "PM",
        "AM",
        "OK",
        "ID",
        "IT",
        "PR",
        "HQ",
    }
)
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|G-?\d{1,2})$")


def is_body_name(name: str) -> bool:
    words = name.lower().split()
    return country_for(name) is not None or any(w.strip(".,") in BODY_WORDS for w in words)


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
        self.text = doc.text  # Doc.text rebuilds the string on every access
        self._people: list[_Person] = []
        # _person_for's answers; the people list only grows, and every change clears this
        self._person_cache: dict[str, _Person | None] = {}
        self._actor_cache: dict[tuple[int, int, int, str], Actor | None] = {}
        self._person_tokens: set[int] = set()
        model_ents = list(doc.ents)  # the model's entities, before _relabel_people changes them
        self._place_names = self._names_used_as_places(model_ents)
        person_names = [
            (_clean(ent.text), ent)
            for ent in model_ents
            if ent.label_ == "PERSON" and (len(ent) > 1 or not self._used_as_place(ent))
        ]
        titled = [
            (_clean(ent.text), ent)
            for ent in model_ents
            if ent.label_ in ("ORG", "GPE", "NORP") and self._after_title(ent)
        ]
        # Longest names first, so surname-only mentions join the full name.
        for name, _ in sorted(person_names + titled, key=lambda item: -len(item[0].split())):
            self._add_person(name)
        # The subject of a speech verb written as a bare proper name is a person ("Takaichi said").
        for ent in model_ents:
            if ent.label_ in ("ORG", "GPE") and self._speaking_name(ent) and not self._used_as_place(ent):
                self._add_person(_clean(ent.text))
        self._relabel_people()
        # doc.ents and token.sent build new objects on every access; look them up once.
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
        for ent in self.ents:
            if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "GPE", "NORP") and self._after_title(ent)):
                self._person_tokens.update(range(ent.start, ent.end))
        self._countries: dict[str, str] = {}
        self._former: set[str] = set()
        self._collect_person_countries()

    # --- countries -----------------------------------------------------------------------

    def country_in(self, tokens: Sequence[Token] | Span) -> str | None:
        """The first country named by a GPE/NORP entity or demonym among ``tokens``."""
        for token in tokens:
            if token.ent_type_ in ("GPE", "NORP") or token.text[:1].isupper():
                country = country_for(token.text)
                if country is None and token.ent_type_ in ("GPE", "NORP") and token.ent_iob_ == "B":
                    ent = self._ent_starting.get(token.i)
                    country = country_for(ent.text) if ent is not None else None
                if country is not None:
                    return country
        return None

    def _person_at(self, token: Token) -> str | None:
        if token.i not in self._person_tokens:
            return None
        ent = self.entity_at(token)
        if ent is None:
            return None
        person = self._person_for(_clean(ent.text))
        return person.canonical if person else None

    def _collect_person_countries(self) -> None:
        """Learn each person's country from their titles and from role phrases said of them.

        "Japanese Prime Minister Sanae Takaichi" (a title), "Takaichi, Japan's prime minister"
        (an apposition) and "Takaichi, who made history as Japan's first female prime minister"
        ("as" / "is": the sentence's only named person) all give Japan.
        """
        doc = self.doc
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            name = self._person_at(ent[0])
            words = self._title_words(ent)
            if name is None or words is None:
                continue
            if any(t.lower_ in ("former", "late", "ex", "then") for t in words):
                self._former.add(name)
            country = self.country_in(words)
            if country is not None:
                self._countries.setdefault(name, country)
        for sent in self.sentences:
            for token in sent:
                if token.lower_ not in ROLE_NOUNS or token.i in self._person_tokens:
                    continue
                target: str | None = None
                apposed = [c for c in token.children if c.dep_ == "appos" and c.i in self._person_tokens]
                if apposed:
                    target = self._person_at(apposed[0])
                elif token.dep_ == "appos" and token.head.i in self._person_tokens:
                    target = self._person_at(token.head)
                elif token.dep_ == "attr" and token.head.lemma_ == "be":  # "Takaichi is Japan's leader"
                    target = self._subject_person(token.head)
                elif token.dep_ == "pobj" and token.head.lower_ == "as":  # "Takaichi, as Japan's leader,"
                    target = self._subject_person(token.head.head)
                if target is None:
                    continue
                country = self.country_in(doc[token.left_edge.i : token.i])
                if country is not None:
                    self._countries.setdefault(target, country)

    def _subject_person(self, verb: Token) -> str | None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return self._person_at(subjects[0]) if subjects else None

    def country_of(self, person_name: str) -> str | None:
        """The country the text gives for a person (by canonical name), if any."""
        return self._countries.get(person_name)

    def is_former(self, person_name: str) -> bool:
        """True when the person is introduced as former/late: no longer the office holder."""
        return person_name in self._former

    def _used_as_place(self, ent: Span) -> bool:
        """Whether the same name is used somewhere as a place: "in Tbilisi", "a visit to Tbilisi".

        The model sometimes tags a city PERSON; "a person once is a person everywhere" must
        not spread that mistake to every mention. Answers from the model's own entities
        (before ``_relabel_people``): it is only asked while the index is being built.
        """
        return _clean(ent.text) in self._place_names

    @staticmethod
    def _names_used_as_places(ents: Sequence[Span]) -> set[str]:
        """The names of ``ents`` that some mention uses as a place (one pass over the entities)."""
        names: set[str] = set()
        for e in ents:
            if e.start == 0:
                continue
            doc = e.doc
            if e.end < len(doc) and doc[e.end].lower_ in ("'s", "’s", "'", "’"):
                continue
            previous = doc[e.start - 1].lower_
            if previous in ("in", "at", "into", "inside") or (
                previous in ("to", "from") and e.label_ in ("GPE", "LOC", "FAC")
            ):
                names.add(_clean(e.text))
        return names

    @staticmethod
    def _speaking_name(ent: Span) -> bool:
        if len(ent) > 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
            return False
        if is_body_name(ent.text):  # "Syrian Democratic Forces announced": a body, not a person
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
                and _ACRONYM.match(token.text)
                and token.text not in NOT_ACRONYM_NAMES
            ):
                # "G7", "NATO", "ASEAN": groups the small model often leaves untagged
                label = "GPE" if country_for(token.text) else "ORG"
                entities.append(Span(doc, token.i, token.i + 1, label=label))
                covered.add(token.i)
                continue
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
        if not name or name.lower() in PRONOUNS or is_body_name(name):
            return
        existing = self._person_for(name)
        if existing is None:
            self._people.append(_Person([name]))
            self._person_cache.clear()
        elif name not in existing.names:
            existing.names.append(name)
            self._person_cache.clear()

    def _person_for(self, name: str) -> _Person | None:
        if name in self._person_cache:
            return self._person_cache[name]
        found: _Person | None = None
        if country_for(name) is None:  # "Syria" is never "Syrian Democratic Forces" misspelt
            found = next((person for person in self._people if person.matches(name)), None)
        self._person_cache[name] = found
        return found

    def is_person_span(self, span: Span) -> bool:
        return span.start in self._person_tokens

    def _title_words(self, span: Span) -> Span | None:
        """The title words (and the body they belong to) right before a name."""
        i = span.start - 1
        sent_start = self.sentence_of(span.start).start
        while i >= sent_start and (
            self.doc[i].lower_ in PERSON_TITLES
            or (self.doc[i].ent_type_ in ("ORG", "NORP", "GPE") and self.doc[i].i not in self._person_tokens)
            or (self.doc[i].lower_ in ("of", "'s", "’s") and i > sent_start)
        ):
            i -= 1
        words = self.doc[i + 1 : span.start]
        if not words.text.strip(" ,") or not any(t.lower_ in PERSON_TITLES for t in words):
            return None
        return words

    def title_of(self, span: Span) -> str | None:
        """The whole title before a name: "Chinese Foreign Ministry spokesman"."""
        words = self._title_words(span)
        return _clean(words.text) if words is not None else None

    def role_and_organization(self, span: Span) -> tuple[str | None, str | None]:
        """Split a title into the office and the organisation: ("spokesman", "Chinese Foreign Ministry")."""
        words = self._title_words(span)
        if words is None:
            return None, None
        org = [t for t in words if t.ent_type_ == "ORG"]
        # the country goes to ``country``: "German Chancellor" -> "Chancellor", Germany
        role = [
            t
            for t in words
            if t.ent_type_ not in ("ORG", "NORP", "GPE")
            and country_for(t.text) is None
            and t.lower_ not in ("the", "of", "'s", "’s")
        ]
        return (
            " ".join(t.text for t in role) or None,
            _clean(" ".join(t.text for t in org)) or None,
        )

    def actor(self, span: Span, role: str) -> Actor | None:
        """The actor a named-entity span denotes, or None if it is not an actor.

        Asked again for the same entity as each later sentence looks back over it; the
        index no longer changes once built, so each answer is kept (``Actor`` is frozen).
        """
        key = (span.start, span.end, span.label, role)
        if key not in self._actor_cache:
            self._actor_cache[key] = self._new_actor(span, role)
        return self._actor_cache[key]

    def _new_actor(self, span: Span, role: str) -> Actor | None:
        name = _clean(span.text)
        if not name or name.lower() in PRONOUNS:
            return None
        if self.is_person_span(span):
            person = self._person_for(name)
            canonical = person.canonical if person else _display(name)
            title, organization = self.role_and_organization(span)
            return Actor(
                name=canonical,
                role=role,
                kind="person",
                title=title,
                country=self._countries.get(canonical),
                organization=organization,
            )
        kind = KIND_BY_LABEL.get(span.label_)
        if kind is None:
            return None
        country: str | None
        if kind == "country":
            country = country_for(name) or name
            name = country  # "US", "U.S." and "America" are one actor
        else:  # "Chinese Foreign Ministry", "the Japanese government": a country word in front
            start = max(self.sentence_of(span.start).start, span.start - 1)
            country = self.country_in(self.doc[start : min(span.end, span.start + 3)])
        return Actor(name=name, role=role, kind=kind, country=country)

    def actors_in(
        self, start: int, end: int, role: str, exclude: CharSpans | Sequence[tuple[int, int]] = ()
    ) -> list[Actor]:
        """Distinct actors whose entity lies in the token range [start, end), outside excluded char spans."""
        found: dict[str, Actor] = {}
        excluded = exclude if isinstance(exclude, CharSpans) else CharSpans(exclude)
        first = bisect.bisect_left(self._ent_token_starts, start)
        for ent in self.ents[first:]:
            if ent.start >= end:
                break
            if ent.end > end:
                continue
            if excluded.covers(ent.start_char) or self._modifies_person(ent):
                continue
            if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound", "npadvmod", "nmod"):
                continue  # "the Yemeni government", "Kurdish-led forces": a description, not a party
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

    def untagged_name(self, token: Token, role: str) -> Actor | None:
        """An actor from a proper name the model left untagged ("to meet Xi Jinping").

        Only asked for words in an actor's slot (the one met, the one signed with), where a
        capitalised proper noun is someone.
        """
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or self.entity_at(token) is not None:
            return None
        words = [
            t
            for t in token.subtree
            if t.i <= token.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")
        ]
        name = " ".join(t.text for t in [*words, token])
        if country_for(name) is not None:
            return Actor(name=country_for(name) or name, role=role, kind="country", country=country_for(name))
        person = self._person_for(name)
        if person is not None:
            return Actor(
                name=person.canonical, role=role, kind="person", country=self._countries.get(person.canonical)
            )
        kind = "organization" if is_body_name(name) or len(words) > 2 else "person"
        return Actor(name=name, role=role, kind=kind)

    def entity_at(self, token: Token) -> Span | None:
        """The actor entity containing ``token``, if any."""
        return self._entity_by_token.get(token.i)

    def sentence_number(self, token_index: int) -> int:
        """The index in ``sentences`` of the sentence holding the token at ``token_index``."""
        return self._sentence_of[token_index]

    def sentence_of(self, token_index: int) -> Span:
        """The sentence holding the token at ``token_index``."""
        return self.sentences[self._sentence_of[token_index]]
