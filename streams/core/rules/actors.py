"""Turn the article's named entities into actors with canonical names, kinds and countries.

Built once per article after ``people.find_people`` has repaired the entities: a person's
mentions share the fullest form of the name, titles in front of a name ("Foreign Ministry
spokesman Guo Jiakun") are kept apart from it and split into office and organisation, and
a person's country comes from their title or from a role phrase said of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from streams.core.lexicon.people import PERSON_TITLES, PRONOUNS, ROLE_NOUNS
from streams.core.lexicon.speech import DESCRIPTION_HEADS
from streams.core.model import Actor, ActorKind, Role
from streams.core.normalise.calendar_words import TIME_ZONES
from streams.core.normalise.countries import country_for, demonym_country
from streams.core.normalise.gazetteer import country_place, is_place_name, us_state_abbreviation
from streams.core.rules.date_spans import widen_relative_dates
from streams.core.rules.document import KIND_BY_LABEL, DocumentIndex
from streams.core.rules.headlines import named_elsewhere, title_cased
from streams.core.rules.people import (
    PersonRegister,
    after_title,
    clean_name,
    described_as_a_company,
    display_name,
    find_people,
    headline_name,
    is_body_name,
    is_initials,
    is_street_name,
    listed_among_bodies,
    speech_form,
)
from streams.core.spans import CharSpans

#: The tail of a title that the model tags alone: "State" of "Secretary of State", "General"
#: of "Secretary-General". Neither names anyone by itself.
TITLE_TAILS = frozenset({"State", "General"})


#: Titles an institution's name can open: "House Speaker Paul Ryan", "Boston Mayor Marty Walsh".
OFFICE_TITLES = PERSON_TITLES | frozenset({"speaker", "whip"})


class ActorResolver:
    """Who is who in one article: the actor each entity denotes, and each person's country."""

    def __init__(self, document: DocumentIndex, people: PersonRegister) -> None:
        self.document = document
        self._people = people
        self._actor_cache: dict[tuple[int, int, int, str], Actor | None] = {}
        # the actor an entity denotes in whichever role it was first asked for: only the role differs
        self._denoted: dict[tuple[int, int, int], Actor | None] = {}
        # the actor entities of a token range before roles (entity_actors_in with nothing excluded)
        self._range_entities: dict[tuple[int, int], list[Span]] = {}
        self._headlines: dict[int, bool] = {}  # sentence start -> whether a title-cased headline
        self._modifiers: dict[tuple[int, int], bool] = {}  # entity -> whether it describes a person
        self._person_tokens: set[int] = set()
        for ent in document.ents:
            if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "GPE", "NORP") and after_title(ent)):
                self._person_tokens.update(range(ent.start, ent.end))
        self._countries: dict[str, str] = {}
        self._former: set[str] = set()
        self._collect_person_countries()

    @classmethod
    def for_doc(cls, doc: Doc) -> ActorResolver:
        """Mend the date entities and find the article's people (both relabel ``doc.ents``), then
        index the document."""
        widen_relative_dates(doc)
        text = doc.text  # spaCy joins the tokens anew on every read: once for both
        people = find_people(doc, text)
        return cls(DocumentIndex(doc, text), people)

    def country_in(self, tokens: Sequence[Token] | Span) -> str | None:
        """The first country named by a GPE/NORP entity or demonym among ``tokens``."""
        for token in tokens:
            if token.ent_type_ in ("GPE", "NORP") or token.text[:1].isupper():
                country = country_for(token.text)
                if country is None and token.ent_type_ in ("GPE", "NORP") and token.ent_iob_ == "B":
                    ent = self.document.entity_starting(token.i)
                    country = country_for(ent.text) if ent is not None else None
                if country is not None:
                    return country
        return None

    def _person_at(self, token: Token) -> str | None:
        if token.i not in self._person_tokens:
            return None
        ent = self.document.entity_at(token)
        if ent is None:
            return None
        person = self._people.find(clean_name(ent.text))
        return person.canonical if person else None

    def _collect_person_countries(self) -> None:
        """Learn each person's country from their titles and from role phrases said of them.

        "Japanese Prime Minister Sanae Takaichi" (a title), "Takaichi, Japan's prime minister"
        (an apposition) and "Takaichi, who made history as Japan's first female prime minister"
        ("as" / "is": the sentence's only named person) all give Japan.
        """
        doc = self.document.doc
        for ent in self.document.ents:
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
        for sent in self.document.sentences:
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

    def is_former(self, person_name: str) -> bool:
        """True when the person is introduced as former/late: no longer the office holder."""
        return person_name in self._former

    def _in_headline(self, sentence: Span) -> bool:
        """``title_cased``, asked once per sentence."""
        known = self._headlines.get(sentence.start)
        if known is None:
            known = self._headlines[sentence.start] = title_cased(sentence)
        return known

    def _named_elsewhere(self, name: str, sentence: Span) -> tuple[str, str] | None:
        """The longest run of the name's words that is the whole name of an entity outside its
        sentence ("SeaMicro" of "Microserver Startup SeaMicro"), with that entity's label, or None."""
        labels: dict[str, str] = {}
        for ent in self.document.ents:
            if ent.start < sentence.start or ent.start >= sentence.end:
                labels.setdefault(clean_name(ent.text), ent.label_)
        told = named_elsewhere(name, labels)
        return None if told is None else (told, labels[told])

    def is_person_span(self, span: Span) -> bool:
        return span.start in self._person_tokens

    def _title_words(self, span: Span) -> Span | None:
        """The title words (and the body they belong to) right before a name."""
        i = span.start - 1
        sent_start = self.document.sentence_of(span.start).start
        while i >= sent_start and (
            self.document.doc[i].lower_ in PERSON_TITLES
            or (
                self.document.doc[i].ent_type_ in ("ORG", "NORP", "GPE")
                and self.document.doc[i].i not in self._person_tokens
            )
            or (self.document.doc[i].lower_ in ("of", "'s", "’s") and i > sent_start)
        ):
            i -= 1
        words = self.document.doc[i + 1 : span.start]
        if not words.text.strip(" ,") or not any(t.lower_ in PERSON_TITLES for t in words):
            return None
        return words

    def _country_tagged_as_a_person(self, span: Span, name: str) -> bool:
        """A name tagged as a person that is a country's own name ("Togo", "South Sudan"), with
        no title before it ("President Chad Ross" is a person) and never the short form of a
        fuller name the article gives ("Jordan" after "Michael Jordan")."""
        if not _country_tagged_as_a_body(name) or self._title_words(span) is not None:
            return False
        return not self._people.names_part_of_a_longer_name(name)

    def role_and_organization(self, span: Span) -> tuple[str | None, str | None]:
        """Split a title into the office and the organisation: ("spokesman", "Chinese Foreign Ministry")."""
        words = self._title_words(span)
        if words is None:
            # "Oxfam Jane Roe": a body's name right before the person's, with no title between
            before = self.document.doc[span.start - 1] if span.start > 0 else None
            body = self.document.entity_at(before) if before is not None and not before.is_punct else None
            if body is not None and body.label_ == "ORG" and body.end == span.start:
                return None, clean_name(body.text) or None
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
            clean_name(" ".join(t.text for t in org)) or None,
        )

    def actor(self, span: Span, role: Role) -> Actor | None:
        """The actor a named-entity span denotes, or None if it is not an actor.

        Asked again for the same entity as each later sentence looks back over it; the
        index no longer changes once built, so each answer is kept (``Actor`` is frozen).
        """
        key = (span.start, span.end, span.label, role)
        if key in self._actor_cache:
            return self._actor_cache[key]
        entity = key[:3]
        if entity in self._denoted:  # asked before in another role: the same actor otherwise
            denoted = self._denoted[entity]
            found = None if denoted is None else replace(denoted, role=role)
        else:
            found = self._denoted[entity] = self._new_actor(span, role)
        self._actor_cache[key] = found
        return found

    def _new_actor(self, span: Span, role: Role) -> Actor | None:
        name = clean_name(span.text)
        if name == "Group":
            name = _group_of_number(span) or name
        if not name or name.lower() in PRONOUNS or name in TITLE_TAILS or name in TIME_ZONES:
            return None  # "2:35am CET": a clock's zone, not a body
        label = span.label_
        sentence = self.document.sentence_of(span.start)
        as_person = self.is_person_span(span)
        if as_person and self._country_tagged_as_a_person(span, name):
            as_person, label = False, "GPE"  # "Ghana and Togo signed": the model takes "Togo" for a person
        if as_person:
            name = headline_name(name)
            if not name:
                return None  # "Buys SeaMicro": a headline's verb and its object
        if (
            " " in name
            and self._in_headline(sentence)
            and not (as_person and self._people.find(name) is not None)
        ):
            # "Clinton Visit To Police Memorial Brings Allegations": the model runs a title-cased
            # headline's words into a name; only the part the article names elsewhere is one. A
            # run it took for a person ("SeaMicro Puts Intel") is what the article names there.
            told = self._named_elsewhere(name, sentence)
            if told is None:
                return None
            name = told[0]
            if as_person:
                label = told[1]
                as_person = label == "PERSON"
        if as_person:
            person = self._people.find(name)  # "Bill Clinton", not the Clinton named first
            canonical = person.canonical if person else display_name(name)
            if is_initials(canonical) or is_code_name(canonical) or _fronted_by_initials(canonical):
                # "HP said", "GM announced", "G-III has 7,600 employees": the model and the speech
                # rule take a body's initials or code for a person; it stays one for finding
                # speakers, but it is an organisation
                return Actor(name=canonical, role=role, kind="organization")
            title, organization = self.role_and_organization(span)
            return Actor(
                name=canonical,
                role=role,
                kind="person",
                title=title,
                country=self._countries.get(canonical),
                organization=organization,
            )
        kind = KIND_BY_LABEL.get(label)
        if kind is None:
            return None
        if kind == "organization" and " " in name:
            # "Patrice Talon of" tagged as an organisation: the cleaned name is a known person's
            person = self._people.find(name)
            if person is not None and person.canonical == name:
                return Actor(name=name, role=role, kind="person", country=self._countries.get(name))
        if kind == "organization" and _country_tagged_as_a_body(name):
            kind = "country"  # "Israel and Cyprus signed": the small model tags some countries' names a body
        elif kind == "country" and country_for(name) is None and _initials_with_dots(name):
            kind = "organization"  # "the F.B.I.", tagged as a place: a body's initials, no country
        elif kind == "country" and _no_place(name, span.text):
            # "Allergan", "Verizon", "Quinnipiac": tagged as a place no gazetteer knows, a body's name
            kind = "organization"
        country: str | None
        if kind == "country":
            country = country_for(name) or name
            name = country  # "US", "U.S." and "America" are one actor
        else:  # "Chinese Foreign Ministry", "the Japanese government": a country word in front
            start = max(self.document.sentence_of(span.start).start, span.start - 1)
            country = self.country_in(self.document.doc[start : min(span.end, span.start + 3)])
        return Actor(name=name, role=role, kind=kind, country=country)

    def actors_in(
        self, start: int, end: int, role: Role, exclude: CharSpans | Sequence[tuple[int, int]] = ()
    ) -> list[Actor]:
        """Distinct actors whose entity lies in the token range [start, end), outside excluded char spans."""
        found: dict[str, Actor] = {}
        for _, actor in self.entity_actors_in(start, end, role, exclude):
            found.setdefault(actor.name, actor)
        return list(found.values())

    def entity_actors_in(
        self, start: int, end: int, role: Role, exclude: CharSpans | Sequence[tuple[int, int]] = ()
    ) -> list[tuple[Span, Actor]]:
        """Each actor entity in the token range [start, end) with its actor, outside excluded char spans."""
        pairs: list[tuple[Span, Actor]] = []
        for ent in self._actor_entities(start, end, exclude):
            actor = self.actor(ent, role)
            if actor is not None:
                pairs.append((ent, actor))
        return pairs

    def _actor_entities(
        self, start: int, end: int, exclude: CharSpans | Sequence[tuple[int, int]] = ()
    ) -> list[Span]:
        """The entities of ``entity_actors_in`` before their actors are read. Every sentence is
        looked over in several roles (party, speaker), so a range with nothing excluded is kept."""
        excluded = exclude if isinstance(exclude, CharSpans) else CharSpans(exclude)
        key = (start, end)
        if not excluded and key in self._range_entities:
            return self._range_entities[key]
        found: list[Span] = []
        for ent in self.document.entities_from(start):
            if ent.start >= end:
                break
            if ent.end > end:
                continue
            if excluded.covers(ent.start_char) or self._modifies_person(ent):
                continue
            if ent.root.dep_ in ("amod", "compound", "npadvmod", "nmod") and is_demonym_entity(ent):
                continue  # "the Yemeni government", "Kurdish-led forces": a description, not a party
            found.append(ent)
        if not excluded:
            self._range_entities[key] = found
        return found

    def _modifies_person(self, ent: Span) -> bool:
        """ "Norwegian" in "Norwegian Fisheries Minister Ingrid Solberg" describes her; it is no actor.
        Asked once per entity: every look over a sentence asks it again."""
        key = (ent.start, ent.end)
        known = self._modifiers.get(key)
        if known is None:
            known = self._modifiers[key] = self._reads_as_modifier(ent)
        return known

    def _reads_as_modifier(self, ent: Span) -> bool:
        if ent.start in self._person_tokens:
            return False
        doc = self.document.doc
        # "House Speaker Paul Ryan", "Senate Majority Leader Mitch McConnell": the body is in the title
        titled = ent.end
        while (
            titled < min(ent.end + 3, len(doc)) and doc[titled].is_title and titled not in self._person_tokens
        ):
            titled += 1
        if titled > ent.end and doc[titled - 1].lower_ in OFFICE_TITLES and titled in self._person_tokens:
            return True
        if ent.root.dep_ not in ("amod", "compound", "nmod", "poss"):
            return False
        following = range(ent.end, min(ent.end + 5, len(self.document.doc)))
        return any(i in self._person_tokens for i in following)

    def known_person(self, written: str, role: Role) -> Actor | None:
        """The article's person a bare written name means ("Sanders", "WALLACE"), if any."""
        name = clean_name(written)
        if not name or not name[:1].isupper():
            return None
        person = self._people.find(name) or (self._people.find(name.title()) if name.isupper() else None)
        if person is None:
            return None
        return Actor(
            name=person.canonical, role=role, kind="person", country=self._countries.get(person.canonical)
        )

    def country_written(self, name: str, role: Role) -> Actor | None:
        """The country a name written as a proper noun is, when it is a country's own name or
        short form ("South Sudan", "U.S.") and no part of a longer name of the article's people
        ("Chad" of "Chad Ross"); not a demonym ("Chinese" alone says no more than a people)."""
        if demonym_country(name) is not None or self._people.names_part_of_a_longer_name(name):
            return None
        if country_for(name) is None and country_place(name) is None:
            return None
        country = country_for(name) or name
        return Actor(name=country, role=role, kind="country", country=country)

    def untagged_name(self, token: Token, role: Role) -> Actor | None:
        """An actor from a proper name the model left untagged ("to meet Xi Jinping").

        Only asked for words in an actor's slot (the one met, the one signed with), where a
        capitalised proper noun is someone.
        """
        if (
            token.pos_ != "PROPN"
            or not token.text[:1].isupper()
            or self.document.entity_at(token) is not None
        ):
            return None
        name, kind = written_name(token)
        if is_street_name(name):
            return None  # "her visit to Wall Street": a place
        if country_for(name) is not None:
            return Actor(name=country_for(name) or name, role=role, kind="country", country=country_for(name))
        country = self.country_written(name, role)
        if country is not None:
            return country  # "signed with Togo": a country only the gazetteer knows
        person = self._people.find(name)
        if person is not None:
            return Actor(
                name=person.canonical, role=role, kind="person", country=self._countries.get(person.canonical)
            )
        sentence = self.document.sentence_of(token.i)
        if self._in_headline(sentence):
            # "Visit To Police Memorial Brings Allegations": in a title-cased headline any word is
            # capitalised; a name is one the article names elsewhere
            told = self._named_elsewhere(name, sentence)
            if told is None:
                return None
            name = told[0]
        return Actor(name=name, role=role, kind=kind)


#: Words of a state's or a region's name the gazetteer may not hold in that form ("Republic of Turkey").
_POLITY_WORDS = frozenset(
    {"Republic", "Kingdom", "Federation", "Emirates", "Islands", "State", "States", "Province", "Region"}
)


#: Former and other names of countries that neither the country table nor the gazetteer holds.
_OTHER_COUNTRY_NAMES = frozenset(
    {"Burma", "Swaziland", "Macedonia", "East Timor", "Zaire", "Persia", "Ceylon", "Rhodesia", "Siam"}
    | {"Yugoslavia", "Czechoslovakia", "Soviet Union", "USSR", "East Germany", "West Germany"}
)


def _no_place(name: str, written: str) -> bool:
    """Whether a name the model tagged as a place is none: no country, no place the gazetteer
    knows, no state's or province's abbreviation ("Calif.", "Mass.", "Ont"), no polity's long form,
    no former name of a country ("Burma")."""
    return (
        len(name) > 4
        and name not in _OTHER_COUNTRY_NAMES
        and country_for(name) is None
        and not is_place_name(name)
        and not written.rstrip().endswith(".")
        and not us_state_abbreviation(name + ".")
        and not _POLITY_WORDS.intersection(name.split())
    )


def written_name(token: Token) -> tuple[str, ActorKind]:
    """A proper name as the text writes it, ending at ``token`` ("Ana Ruiz"), and what it names:
    an organisation when it says so or runs past three words, else a person."""
    # the proper nouns run up to the name's last word, each leaning on the run: the name of a
    # possessor inside the subtree is not part of it ("the United Kingdom's Queen Elizabeth II")
    words: list[Token] = []
    run = {token.i}
    for t in reversed(token.doc[token.left_edge.i : token.i]):
        if t.pos_ != "PROPN" or t.dep_ not in ("compound", "flat") or t.head.i not in run:
            break
        words.insert(0, t)
        run.add(t.i)
    titles = PERSON_TITLES | ROLE_NOUNS | DESCRIPTION_HEADS
    while words and words[0].lower_.rstrip(".") in titles:  # "Protester Ana Ruiz" is Ana Ruiz
        words.pop(0)
    parts = [*words, token]
    # a title-case headline runs on past the name: "Trump Says He Never ...", "2016 9:12PMTrump"
    while len(parts) > 1 and any(c.isdigit() for c in parts[0].text):
        parts.pop(0)
    cut = next(
        (
            k
            for k, t in enumerate(parts)
            if k and (speech_form(t.text) or t.lower_ in PRONOUNS or has_digit(t.text))
        ),
        len(parts),
    )
    parts = parts[:cut]
    name = _hyphened_front(parts[0]) + " ".join(t.text for t in parts) + _hyphened_rest(parts[-1])
    body = (
        is_code_name(name)
        or is_body_name(name)
        or len(parts) > 3
        or described_as_a_company(token.doc, parts[0].i, token.i + 1)
        or (len(parts) == 1 and listed_among_bodies(token))
    )
    return name, ("organization" if body else "person")


#: A name of capitals and digits joined by hyphens: "G-III", "JK-2". No one's name is so written.
_CODE_NAME = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)+")


def is_code_name(name: str) -> bool:
    """ "G-III": a company's code-like name, which the model may tag as a person's."""
    return _CODE_NAME.fullmatch(name) is not None


def _fronted_by_initials(name: str) -> bool:
    """ "EYP Missions", "AMD Opteron": a name that opens with a body's initials of three letters or
    more is the body's or its product's, not a person's (people go by two: "AJ Green")."""
    words = name.split()
    return (
        len(words) >= 2
        and len(words[0]) >= 3
        and words[0].isalpha()
        and is_initials(words[0])
        and not all(w.isupper() for w in words)  # "DONALD TRUMP" in a line of capitals
    )


def _hyphened_front(first: Token) -> str:
    """ "G-" of "G-III": the tokenizer splits a hyphened code name, and the parse may start the
    name after the hyphen (the rest alone reads as a roman numeral)."""
    doc = first.doc
    if first.i < 2:
        return ""
    hyphen, front = doc[first.i - 1], doc[first.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or front.whitespace_ or not front.text.isupper():
        return ""
    return front.text + "-"


def _hyphened_rest(last: Token) -> str:
    """ "-koo" of "Han Min-koo": the tokenizer splits a hyphened given name, and the parse may end
    the name before the hyphen."""
    doc = last.doc
    if last.whitespace_ or last.i + 2 >= len(doc):
        return ""
    hyphen, rest = doc[last.i + 1], doc[last.i + 2]
    if hyphen.text != "-" or hyphen.whitespace_ or not rest.is_alpha or not rest.text.islower():
        return ""
    if rest.pos_ not in ("NOUN", "PROPN"):
        return ""  # "Acme Corp-owned", "Kurdish-led": a description, not the rest of a name
    return "-" + rest.text


def has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def is_demonym_entity(ent: Span) -> bool:
    """Whether an entity is a people's name: tagged so, or a demonym tagged as a body or a person
    ("the Kazakh government", where the model takes "Kazakh" for either)."""
    return ent.label_ == "NORP" or (ent.label_ in ("ORG", "PERSON") and demonym_country(ent.text) is not None)


def _country_tagged_as_a_body(name: str) -> bool:
    """A name tagged as a body that is a country's own name ("Cyprus"), not a demonym ("Chinese")."""
    return country_place(name) is not None and demonym_country(name) is None


def _initials_with_dots(name: str) -> bool:
    """ "F.B.I", "C.I.A.": capital letters each followed by a dot (what country_for does not know)."""
    letters = name.replace(".", "")
    return (
        len(letters) >= 2 and letters.isalpha() and letters.isupper() and name.count(".") >= len(letters) - 1
    )


def _group_of_number(span: Span) -> str | None:
    """ "the Group of 20", "the Group of Seven": the model tags "Group" alone; the number is the name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return None
    number = doc[span.end + 1]
    if not (number.like_num or number.ent_type_ == "CARDINAL"):
        return None
    return f"Group of {number.text.capitalize() if number.is_alpha else number.text}"
