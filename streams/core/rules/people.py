"""Who the article's people are, repaired at document level before any rule reads the entities.

The small English model mislabels people in news text ("Trump" as ORG in 10 of 16 mentions,
"Takaichi" never PERSON, the typo "Takachi" as GPE, on the sample article).
``find_people`` learns the people once per article: a name that is a person once is a person
everywhere, a name after a personal title is a person, spelling variants one edit apart and
surname-only mentions join the fullest form of the name. It then relabels ``doc.ents`` so
every later rule sees the repaired entities.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from streams.core.lexicon.organisations import (
    BODY_NAME_ADJECTIVES,
    BODY_WORDS,
    COMPANY_DESCRIPTORS,
    COMPANY_TAILS,
)
from streams.core.lexicon.people import (
    NAME_PARTICLES,
    NAME_TITLES,
    NOT_ACRONYM_NAMES,
    PERSON_JOB_NOUNS,
    PERSON_TITLES,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_ABBREVIATIONS,
)
from streams.core.lexicon.places import FACILITY_HEADS
from streams.core.lexicon.speech import SPEECH_LEMMAS, SPEECH_SUBJECT_VERBS
from streams.core.lexicon.triggers import (
    ACQUISITION_VERBS,
    AGREEMENT_VERBS,
    MEETING_VERBS,
    MEMBER_NOUNS,
    MERGER_VERBS,
    SALE_VERBS,
)
from streams.core.normalise.countries import country_for
from streams.core.normalise.gazetteer import is_country_name, is_place_name
from streams.core.rules.headlines import named_elsewhere, title_cased

_QUOTE_MARKS = frozenset('"“”‘’')
#: "G7", "G20": a forum named by the number of its member nations.
_GROUP_OF_NATIONS = re.compile(r"G-?\d{1,2}")
#: A body's initials, or such a forum's name.
_ACRONYM = re.compile(rf"^(?:[A-Z]{{2,6}}|{_GROUP_OF_NATIONS.pattern})$")
_MIDDLE_INITIAL = re.compile(r"^[A-Z]\.$")


#: Words that may follow a full name and still belong to it ("Donald Trump Jr.").
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})


#: Lower-case words a name never ends with: an entity that does ran on past the name.
NAME_RUN_ON_WORDS = frozenset({"of", "and", "for", "the", "in", "at", "to"})


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """An entity's text as a name: one space between words, no article, no possessive ending,
    no dash or quotation mark at its edges ("― Ana Ruiz", "Robert “Bobby"). Kept for each text:
    an article asks for the same names again and again (about 40,000 calls for 187 articles)."""
    text = " ".join(text.split()).strip(" ―—–-“”\"'‘’")
    dateline = _DATELINE.match(text)
    if dateline is not None and is_place_name(dateline.group(1)):
        text = text[dateline.end() :]  # "ROME - Bernie Sanders": the story's place line ran into the name
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.strip(" ,.;:")
    words = text.split()
    if len(words) > 1 and words[0] in TITLE_ABBREVIATIONS:
        text = " ".join(words[1:])  # "Reps. Tom Cole": the title the tokenizer now keeps whole
    # the model ran the name on into the next words: "Patrice Talon of", "Free Trade Area (AfCFTA"
    words = text.split()
    while len(words) > 1 and words[-1] in NAME_RUN_ON_WORDS:
        words.pop()
    text = " ".join(words)
    share = next((k for k in range(1, len(words)) if _a_share(words, k)), None)
    if share is not None:
        text = " ".join(words[:share])  # "gave Orbis 13 percent of its mines": the name ran into a share
    if text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip()
    elif text.count(")") > text.count("(") and text.endswith(")"):
        text = text[:-1].rstrip()
    return text


#: A dateline ahead of a name: a place in capitals, maybe a state, and a dash ("ROME - ",
#: "SCRANTON, Pa. — "); "NATO - Russia Council" names no place first.
_DATELINE = re.compile(r"^([A-Z][A-Z .'-]*[A-Z])(?:, [A-Z][a-z.]+)? [-–—―] (?=[A-Z][a-z])")


def _a_share(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` starts an amount ("13 percent", "40%")."""
    word = words[k]
    if re.fullmatch(r"\d[\d.,]*%", word):
        return True
    return bool(re.fullmatch(r"\d[\d.,]*", word)) and k + 1 < len(words) and words[k + 1].lower() == "percent"


#: Capitalised words that, inside a person's name, are a headline's words running on past it:
#: "Obama To Asians Worried", "Lee On Trade".
HEADLINE_BREAKS = frozenset({"To", "On", "For", "About", "At", "With", "Vs", "Vs."})


#: Modals that, before a verb, end the name before them: "Trump May be Aligning" (but not "Theresa
#: May", nor "Will Smith").
HEADLINE_MODALS = frozenset({"May", "Might", "Could", "Will", "Would", "Should", "Can", "Must"})


#: Verbs a headline tells news with, in the form a headline writes them ("AMD Buys SeaMicro",
#: "Obama Meets Xi"): inside a name the model ran over the headline, they end the name.
HEADLINE_VERBS = frozenset(
    form
    for lemma in (
        *MEETING_VERBS,
        *AGREEMENT_VERBS,
        *ACQUISITION_VERBS,
        *SALE_VERBS,
        *MERGER_VERBS,
        *SPEECH_LEMMAS,
    )
    for form in (lemma.capitalize() + "s", lemma.capitalize() + "es")
)


def headline_name(name: str) -> str:
    """A person's name without the headline words the model ran it into ("Obama To Asians
    Worried", "Obama Meets Xi"); empty when the name starts with the headline's verb ("Buys
    SeaMicro"): what follows the verb is its object, no one's name."""
    words = name.split()
    if words and words[0] in HEADLINE_VERBS:
        return ""
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if i > 0 and (w in HEADLINE_BREAKS or w in HEADLINE_VERBS or _modal_before_a_verb(words, i))
        ),
        len(words),
    )
    return " ".join(words[:cut])


def _modal_before_a_verb(words: list[str], i: int) -> bool:
    """ "Trump May be Aligning", "Lee Could Have Won": a modal and the verb after it, no name."""
    after = words[i + 1] if i + 1 < len(words) else ""
    return words[i] in HEADLINE_MODALS and (after.lower() in ("be", "have", "not") or after[:1].islower())


def display_name(name: str) -> str:
    """A name as published: title case when the text wrote it all in lower case."""
    return name.title() if name.islower() else name


def is_body_name(name: str) -> bool:
    """Whether a name is a country's or an organisation's ("Syrian Democratic Forces")."""
    words = name.lower().split()
    return country_for(name) is not None or any(w.strip(".,") in _BODY_NAME_WORDS for w in words)


#: The words that make a name a body's, wherever they stand in it (``is_body_name``).
_BODY_NAME_WORDS = BODY_WORDS | BODY_NAME_ADJECTIVES


def _with_middle_name(short: list[str], full: list[str]) -> bool:
    """ "Robert Mugabe" and "Robert Gabriel Mugabe": a first and last name that a longer name
    has too, with middle names between. "George W. Bush" and "George H.W. Bush", two middle
    names, are two people."""
    return len(short) == 2 and len(full) > 2 and short[0] == full[0] and short[1] == full[-1]


def _without_suffix(words: list[str]) -> list[str]:
    return [w for w in words if w not in NAME_SUFFIXES]


def one_edit_apart(a: str, b: str) -> bool:
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


@dataclass
class Person:
    """One person of the article, under every form of the name the text used."""

    names: list[str]
    first: int = 1 << 62  # where the text first names the person (a character offset)

    @property
    def canonical(self) -> str:
        # the fullest form, but never one cut inside a nickname ("Robert C. “Bobby")
        return display_name(
            max(
                self.names, key=lambda n: (not _QUOTE_MARKS & set(n), len(n.split()), n[:1].isupper(), len(n))
            )
        )

    def has_surname(self, word: str) -> bool:
        """Whether a form of the name ends in ``word`` (lower case)."""
        return any(n.lower().split()[-1:] == [word] for n in self.names)

    def matches(self, name: str) -> bool:
        lowered = name.lower()
        parts = lowered.split()
        if not parts:
            return False
        for known in self.names:
            known_l = known.lower()
            if not known_l.strip():
                continue
            if one_edit_apart(lowered, known_l):
                return True
            known_parts = known_l.split()
            # one word joins a longer name as any of its words spelt alike ("Hillary", "Clinton"),
            # but a misspelling only as the surname: "Rence Priebus" is not "Pence"
            if len(parts) == 1 and (parts[0] in known_parts or one_edit_apart(parts[0], known_parts[-1])):
                return True
            if len(known_parts) == 1 and (
                known_parts[0] in parts or one_edit_apart(known_parts[0], parts[-1])
            ):
                return True
            if len(parts) < 2 or len(known_parts) < 2 or parts[0] != known_parts[0]:
                continue  # below: two names of one first name
            if _with_middle_name(parts, known_parts) or _with_middle_name(known_parts, parts):
                return True
            if _without_suffix(parts) == _without_suffix(known_parts):
                return True  # "Brent Bozell III" and "Brent Bozell"
        return False


class PersonRegister:
    """The article's people; a name joins the first person it matches."""

    def __init__(self, text: str = "") -> None:
        self._text = text  # the article, to see where a shared surname is first written alone
        self._people: list[Person] = []
        # find's answers; the people list only grows, and every change clears this
        self._cache: dict[str, Person | None] = {}

    def add(self, name: str, first: int | None = None) -> None:
        """Learn a name, first written at character offset ``first`` when that is known."""
        name = headline_name(name)
        if not name or name.lower() in PRONOUNS or is_body_name(name):
            return
        existing = self.find(name)
        if existing is not None and _another_first_name(name, existing):
            existing = None  # "Carly Fiorina" is not "Frank Fiorina", whom "Fiorina" named before
        if existing is None:
            self._people.append(Person([name]) if first is None else Person([name], first))
            self._cache.clear()
        else:
            if name not in existing.names:
                existing.names.append(name)
                self._cache.clear()
            if first is not None and first < existing.first and " " in name.strip():
                # where the person is first named in full: a surname alone ("Fiorina" in a headline)
                # may stand for a relative named in full later
                existing.first = first
                self._cache.clear()

    def find(self, name: str) -> Person | None:
        """The person a name stands for. A name written in full is first the person of that very
        name ("Bill Clinton", though Hillary Clinton, known also as "Clinton", matches it too), then
        one whose full name it is with the first name spelt another way. One word that two people
        share ("Mohamed" of Ahmed Mohamed and of his father) is the surname of the one the text
        named first: news names its subject first and the relatives after."""
        if name in self._cache:
            return self._cache[name]
        found: Person | None = None
        if country_for(name) is None:  # "Syria" is never "Syrian Democratic Forces" misspelt
            matching = (person for person in self._people if person.matches(name))
            if " " in name.strip():
                lowered = name.strip().lower()  # a full name is first its very bearer's
                exact = (p for p in self._people if lowered in (n.lower() for n in p.names))
                candidates = list(matching)
                # of the people it matches, first one it may be ("Marria Rossi" is Maria, not Paolo)
                fitting = (p for p in candidates if _spelt_alike(name, p))
                found = next(exact, None) or next(fitting, None) or (candidates[0] if candidates else None)
            else:
                found = self._bearer(name.strip(), list(matching))
        self._cache[name] = found
        return found

    def names_part_of_a_longer_name(self, name: str) -> bool:
        """Whether ``name`` begins or ends a longer name of one of the article's people: "Jordan" of
        "Michael Jordan", "Chad" of "Chad Ross" (``find`` keeps such a country's name apart)."""
        words = name.lower().split()
        return any(
            len(form.split()) > len(words)
            and (form.lower().split()[-len(words) :] == words or form.lower().split()[: len(words)] == words)
            for person in self._people
            for form in person.names
        )

    def _bearer(self, word: str, matching: list[Person]) -> Person | None:
        """Which of the people one word matches it stands for. A surname shared by relatives
        ("Mohamed" of Ahmed Mohamed and of his father) is the one the text named in full first,
        as news names its subject before the relatives; unless the surname came alone before
        any of their full names ("Mr. Trump ... his brother Freddy Trump ... Donald J. Trump"):
        then the fullest name, as for any other word."""
        lowered = word.lower()
        bearers = [p for p in matching if p.has_surname(lowered)]
        if len(bearers) < 2:
            return bearers[0] if bearers else (matching[0] if matching else None)
        first = min(bearers, key=lambda person: person.first)
        if self._alone_before(word, first.first, bearers):
            # the fullest name; of two as full, the one the text wrote first
            return max(bearers, key=lambda person: (max(len(n.split()) for n in person.names), -person.first))
        return first

    def _alone_before(self, word: str, offset: int, people: list[Person]) -> bool:
        """Whether the text writes ``word`` outside these people's longer names before ``offset``."""
        text = self._text[:offset]
        inside = {
            m.start() + len(n) - len(word)
            for p in people
            for n in p.names
            if len(n) > len(word)
            for m in re.finditer(re.escape(n), text)
        }
        return any(m.start() not in inside for m in re.finditer(rf"\b{re.escape(word)}\b", text))


def _another_first_name(name: str, person: Person) -> bool:
    """Whether a full name is of someone else than ``person``, whom it matched only through a
    surname alone: the person's full names all have the same surname and another first name
    ("Carly Fiorina" and "Frank Fiorina", both "Fiorina"). A title in front is no first name."""
    words = name.lower().split()
    if len(words) < 2 or words[0] in NAME_TITLES | PERSON_TITLES or words[0].rstrip(".") in NAME_TITLES:
        return False
    full = [n.lower().split() for n in person.names if len(n.split()) > 1]
    # a first name spelt another way is the same one ("Hilary" and "Hillary", "Kristin" and "Kristen")
    return bool(full) and all(n[-1] == words[-1] and not one_edit_apart(n[0], words[0]) for n in full)


def _given_an_age(ent: Span, name: str) -> bool:
    """A name of two or three words followed by an age between commas is a person's ("One voter,
    Lupe Otanez, 35, said"), whatever the model tagged it."""
    doc = ent.doc
    if len(name.split()) not in (2, 3) or is_body_name(name) or ent.end + 2 >= len(doc):
        return False
    comma, age, close = doc[ent.end], doc[ent.end + 1], doc[ent.end + 2]
    return (
        comma.text == ","
        and age.text.isdigit()
        and 14 <= int(age.text) <= 110
        and close.text in (",", ".", ";")
        and all(w[:1].isupper() for w in name.split())
    )


#: Labels the model gives a person's name it does not know ("Will Estrada" as a work of art).
_LABELS_A_NAME_MAY_GET = frozenset({"ORG", "GPE", "NORP", "WORK_OF_ART", "PRODUCT", "FAC", "LOC"})


def _holds_a_job(ent: Span, name: str) -> bool:
    """A first and last name right after a job only a person holds, or with one in apposition, is
    that person's ("political director Amanda Renteria", "Will Estrada, the chairman for the
    county, said"), whatever the model tagged it; never a name with a body's word."""
    if len(name.split()) not in (2, 3) or is_body_name(name) or not _capitalised_words(name):
        return False
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in PERSON_JOB_NOUNS:
        return True
    # any word of the name: with "Will" read as a modal the parser may root the span there
    return any(
        c.dep_ == "appos" and c.tag_ == "NN" and c.lower_ in PERSON_JOB_NOUNS for t in ent for c in t.children
    )


def _listed_among_bodies(ent: Span) -> bool:
    """A one-word name the model tagged a person in a list of bodies with no person in it: "a deal
    with Facebook, Google and Twitter" (Google tagged a body)."""
    return ent.label_ == "PERSON" and len(ent) == 1 and listed_among_bodies(ent.root)


def listed_among_bodies(token: Token) -> bool:
    """Whether a one-word name stands in a list of three or more with a body in it and no person
    ("Facebook, Google and Twitter"); "met Berg and Google" is too short a list to tell."""
    others = [t for t in token.conjuncts if t.pos_ == "PROPN"]
    return (
        len(others) >= 2
        and any(t.ent_type_ == "ORG" for t in others)
        and not any(t.ent_type_ == "PERSON" for t in others)
    )


def _listed_among_people(ent: Span, name: str) -> bool:
    """A name the model tagged a body in a list of people: "Tarek Fahmy, Yannis Petrou, Nikos Loizou
    and Marc Dubois" (two people beside it), or "Presidents Adamu Bello of Ghana and Pierre Talon of
    Togo" (a person beside it, and "of" a country after each).
    Never a name with a body's word, nor one word: "Goldman Sachs and Jamie Dimon" stays a body."""
    if ent.label_ != "ORG" or len(name.split()) not in (2, 3) or is_body_name(name) or is_initials(name):
        return False
    people = {t.i for t in ent.root.conjuncts if t.ent_type_ == "PERSON"}
    if len(people) >= 2:
        return True
    doc = ent.doc
    after = ent.end - 1 if doc[ent.end - 1].lower_ == "of" else ent.end
    of_a_country = after + 1 < len(doc) and doc[after].lower_ == "of" and is_country_name(doc[after + 1].text)
    parallel = any(_of_a_country(t) for t in ent.root.conjuncts)  # "Bello of Ghana", tagged or not
    return of_a_country and (len(people) == 1 or parallel)


def _of_a_country(token: Token) -> bool:
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
    return any(is_country_name(g.text) for c in preps for g in c.children if g.dep_ == "pobj")


def _spelt_alike(name: str, person: Person) -> bool:
    """Whether one of the person's full names is ``name`` with its first name spelt another way."""
    words = name.lower().split()
    full = [n.lower().split() for n in person.names if len(n.split()) == len(words)]
    return any(n[1:] == words[1:] and one_edit_apart(n[0], words[0]) for n in full)


def after_title(ent: Span) -> bool:
    """Whether a short capitalised entity follows a personal title ("President Takaichi")."""
    if ent.start == 0 or not ent[0].text[:1].isupper() or len(ent) > 3:
        return False
    previous = ent.doc[ent.start - 1]
    return previous.lower_ in NAME_TITLES


def described_as_a_company(doc: Doc, start: int, end: int) -> bool:
    """Whether the name ``doc[start:end]`` follows a noun for a kind of business ("server startup
    SeaMicro", "database maker Palvex"), stands in apposition to one ("a Texas company, Diamond
    Shamrock") or, one word long, has one in apposition ("Tomco, the chipmaker,"): a company's name,
    though the model may take a name it never saw for a person's or a place's."""
    if start > 0 and _a_business_noun(doc[start - 1]):
        return True
    root = doc[start:end].root
    if root.dep_ == "appos" and _a_business_noun(root.head) and root.head.i < start:
        return True  # "another drug company, Actavis"
    if end - start > 1:
        return (
            False  # a full name's apposition may be its company's, misattached ("Ann Lutz of Acme, a firm")
        )
    return any(c.dep_ == "appos" and _a_business_noun(c) for c in root.children)


def _a_business_noun(token: Token) -> bool:
    return token.tag_ == "NN" and token.text.islower() and token.lower_ in COMPANY_DESCRIPTORS


def find_people(doc: Doc, text: str | None = None) -> PersonRegister:
    """Learn the article's people from the model's entities, then relabel ``doc.ents`` to match.
    ``text`` is ``doc.text`` when the caller has it already (spaCy builds it anew on every read)."""
    text = doc.text if text is None else text
    register = PersonRegister(text)
    _join_name_particles(doc, text)
    _join_cut_surname(doc)
    _trim_glued_words(doc)
    _split_body_and_person(doc)
    _join_body_of_place(doc)
    model_ents = list(doc.ents)  # the model's entities, before _relabel_people changes them
    names = [clean_name(ent.text) for ent in model_ents]  # each entity's name, cleaned once
    _cut_headline_runs(model_ents, names)
    # "in Tbilisi", "a visit to Tbilisi": the model sometimes tags a city PERSON, and "a person
    # once is a person everywhere" must not spread that mistake to every mention.
    place_names = _names_used_as_places(model_ents)
    bodies = _words_for_bodies(model_ents, names) | _mostly_bodies(model_ents, names)
    person_names = [
        name
        for ent, name in zip(model_ents, names, strict=True)
        if ent.label_ == "PERSON"
        and name not in bodies
        and not _place_taken_for_a_person(ent, place_names)
        and not _names_a_case(name)
    ]
    first_seen: dict[str, int] = {}
    for ent, name in zip(model_ents, names, strict=True):
        first_seen.setdefault(name, ent.start_char)
    for name, start in _relatives_named_in_full(doc, person_names):
        person_names.append(name)
        first_seen[name] = min(first_seen.get(name, start), start)
    # "Will Estrada, the chairman for the county": a name the model tagged a work of art is
    # relabelled only where a job says so, not wherever a known name could be read in one
    job_holders = {
        ent.start
        for ent, name in zip(model_ents, names, strict=True)
        if ent.label_ in _LABELS_A_NAME_MAY_GET and _holds_a_job(ent, name)
    }
    titled = [
        name
        for ent, name in zip(model_ents, names, strict=True)
        if (ent.label_ in ("ORG", "GPE", "NORP") and (after_title(ent) or _given_an_age(ent, name)))
        or ent.start in job_holders
        or _listed_among_people(ent, name)
    ]
    # Longest names first, so surname-only mentions join the full name.
    for name in sorted(person_names + titled, key=lambda name: -len(name.split())):
        register.add(name, first_seen.get(name))
    # The subject of a speech verb written as a bare proper name is a person ("Takaichi said"),
    # when the article gives the name in full too ("Sanae Takaichi") or a he or she follows: a
    # one-word name never given so is a body's ("Fiat announced", "Aeroflot say")
    surnames = {name.split()[-1] for name in names if _like_a_full_name(name)}
    # "electronics maker Apple Computer ... Apple Computer said": a company that speaks
    companies = {
        name
        for ent, name in zip(model_ents, names, strict=True)
        if described_as_a_company(doc, ent.start, ent.end)
    }
    for ent, name in zip(model_ents, names, strict=True):
        if (
            ent.label_ in ("ORG", "GPE")
            and name not in place_names
            and name not in bodies
            and name not in companies
            and _speaking_name(ent)
            # a body's initials stay a speaker here; ActorResolver makes them a body ("HP said")
            and (" " in name or name in surnames or is_initials(name) or _followed_by_a_personal_pronoun(ent))
        ):
            register.add(name, first_seen.get(name))
    _relabel_people(doc, register, text, bodies, job_holders)
    return register


#: The last word of a street's or a square's name: "Wall Street", "Pennsylvania Avenue". Not
#: "Lane" or "Drive", which end people's names too.
_STREET_WORDS = frozenset({"Street", "Avenue", "Boulevard", "Road", "Square", "Plaza"})


def is_street_name(name: str) -> bool:
    """A street's or a square's name, which the model may tag as a person's ("Wall Street")."""
    words = name.split()
    return len(words) >= 2 and words[-1] in _STREET_WORDS


def _cut_headline_runs(ents: list[Span], names: list[str]) -> None:
    """A name of three words or more in a title-cased headline ("Obama Reverses Bush Rules") keeps
    only what the article names elsewhere ("Obama"), as a person if it was tagged one: the register
    must not learn the run as the full name that every later "Obama" joins, nor a company's name in
    it ("Will Twitter Be Next") as a person's. A body's run ("SeaMicro Puts Intel") must not lend
    "Intel" the look of a surname either, which would make "Intel said" a person's words."""
    for k, ent in enumerate(ents):
        if len(names[k].split()) < 3:
            continue
        sent = ent.sent  # spaCy finds it by scanning the parse: once
        if not title_cased(sent):
            continue
        person = ent.label_ == "PERSON"
        outside = (
            names[j]
            for j, e in enumerate(ents)
            if (e.label_ == "PERSON" or not person) and (e.start < sent.start or e.start >= sent.end)
        )
        names[k] = named_elsewhere(names[k], outside) or ""  # a name elsewhere, or none


def _names_a_case(name: str) -> bool:
    """A lawsuit's name ("Trump v. Trump", "Lund vs. Acme"), which the model may tag as a person:
    no one's name, and never the full name of a party it mentions."""
    return any(w in ("v.", "vs.", "v", "vs") for w in name.split()[1:-1])


def _words_for_bodies(ents: Sequence[Span], names: Sequence[str]) -> set[str]:
    """One-word names the article uses for a company, which the model may also tag as a person:
    the first word of a company's longer name ("Cerberus" of "Cerberus Capital Management",
    "Ford" of "Ford Motor Company"). Not a word that is also a person's surname here ("Trump"
    of "Trump Holdings" and "Donald Trump"), nor a body's initials ("HP", "GM"), which stay
    people for finding speakers (ActorResolver makes them bodies)."""
    surnames: set[str] = set()
    heads: set[str] = set()
    for ent, name in zip(ents, names, strict=True):
        if (
            ent.label_ in ("PERSON", "GPE") and described_as_a_company(ent.doc, ent.start, ent.end)
        ) or _listed_among_bodies(ent):
            heads.add(name)  # "server startup SeaMicro", "Facebook, Google and Twitter": every mention
            continue
        if " " not in name:
            if ent.label_ == "ORG" and _names_a_model(ent):
                heads.add(name)  # "the Boeing 717", "an Airbus A330": a maker of things
            continue
        words = name.split()
        if ent.label_ in ("ORG", "PERSON") and words[-1].lower().strip(".,") in COMPANY_TAILS:
            heads.add(words[0])
        elif ent.label_ == "PERSON":
            surnames.add(words[-1])
    return {word for word in heads - surnames if not is_initials(word)}


def _mostly_bodies(ents: Sequence[Span], names: Sequence[str]) -> set[str]:
    """Names of two words or more the model tags a body at least twice and more often than a
    person ("Northrop Grumman"): the one time it took the name for a person's is its slip."""
    labels: dict[str, Counter[str]] = {}
    for ent, name in zip(ents, names, strict=True):
        if " " in name and ent.label_ in ("PERSON", "ORG"):
            labels.setdefault(name, Counter())[ent.label_] += 1
    return {name for name, n in labels.items() if n["PERSON"] and n["ORG"] >= 2 and n["ORG"] > n["PERSON"]}


def _names_a_model(ent: Span) -> bool:
    """Whether a one-word name is followed by a model number ("Boeing 717", "Airbus A330-200"):
    then it is a maker of things, not a person, wherever else it speaks."""
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    model = doc[ent.end]
    return any(c.isdigit() for c in model.text) and model.ent_type_ not in (
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
    )


def speech_form(word: str) -> bool:
    """ "Says", "Warns", "Defends": a present-tense speech verb glued to a name in a headline."""
    lower = word.lower()
    return lower.endswith("s") and (
        lower[:-1] in SPEECH_LEMMAS or (lower.endswith("es") and lower[:-2] in SPEECH_LEMMAS)
    )


#: Dashes that, spaced, set off an aside: a name the model runs across one ends before it.
_DASHES = frozenset({"-", "–", "—"})


def _trim_glued_words(doc: Doc) -> None:
    """Cut the headline words the model glued to a name: "Obama Says", "Ted Cruz Refuses".

    A title-case headline runs a name into the verb after it. A person entity that ends in a
    speech verb loses it; one that is another person entity's full name plus more words
    (other than "Jr.") before or after it is cut back to that name; a person's name holds no
    digit ("Patriot 13 percent"), nor a title in front of a first and last name ("Taoiseach Leo
    Varadkar"), nor a spaced dash and the lower-case word after it ("Rosa Lind - agreed"), nor
    a word that is no proper noun and a spaced dash before it ("Weak - Rubio"); no name of a
    person or body starts with a dateline's capitals and dash ("ROME - Bernie Sanders").
    """
    ents = list(doc.ents)
    names = {
        tuple(t.lower_ for t in e)
        for e in ents
        if e.label_ == "PERSON" and len(e) >= 2 and not any(speech_form(t.text) for t in e[1:])
    }
    changed = False
    out: list[Span] = []
    for ent in ents:
        start, end, label = ent.start, ent.end, ent.label_
        if ent.label_ == "PERSON":
            # "Patriot 13 percent", "2016 9:12PMTrump": no name holds a digit
            digits = [t.i for t in ent if any(c.isdigit() for c in t.text)]
            if digits and digits[0] > ent.start:
                end = digits[0]
            elif digits and digits[-1] + 1 < ent.end and len(digits) < len(ent):
                start = digits[-1] + 1
        if ent.label_ == "PERSON" and end - start >= 3 and doc[start].lower_ in NAME_TITLES:
            start += 1  # "Taoiseach Leo Varadkar": a title the model took into the name
        if ent.label_ == "PERSON":
            # "Rosa Lind - agreed to ...": the closing dash of an aside and the verb after it
            dash = next(
                (
                    t.i
                    for t in doc[start + 1 : end - 1]
                    if t.text in _DASHES and t.whitespace_ and doc[t.i + 1].text[:1].islower()
                ),
                None,
            )
            if dash is not None:
                end = dash
        if ent.label_ in ("PERSON", "ORG"):
            # a spaced dash after words that are no name: "Weak - Rubio - weak on immigration" (a
            # person's: no proper noun before it), "ROME - Bernie Sanders met" (a dateline's capitals)
            lead = next((t.i for t in doc[start + 1 : end - 1] if t.text in _DASHES and t.whitespace_), None)
            if lead is not None and (
                (ent.label_ == "PERSON" and not any(t.pos_ == "PROPN" for t in doc[start:lead]))
                or all(t.text.isupper() for t in doc[start:lead])
            ):
                start = lead + 1
        if ent.label_ in ("PERSON", "ORG") and end - start >= 2:
            # "Trump Says He Never Pledged": the name ends before a capitalised speech verb or a pronoun
            glue = next(
                (
                    t.i
                    for t in doc[start + 1 : end]
                    if (speech_form(t.text) and t.text[:1].isupper() and not _ends_a_country(t))
                    or t.lower_ in PRONOUNS
                ),
                None,
            )
            if glue is not None:
                end = glue
            words = tuple(t.lower_ for t in doc[start:end])
            for size in range(len(words) - 1, 1, -1):
                if words[:size] in names and not all(w in NAME_SUFFIXES for w in words[size:]):
                    end, label = start + size, "PERSON"
                    break
                if words[-size:] in names and not any(w.rstrip(".") in NAME_TITLES for w in words[:-size]):
                    # "Crooked Hillary Clinton": a word glued in front of a known full name
                    start, label = end - size, "PERSON"
                    break
        if (start, end) != (ent.start, ent.end):
            changed = True
            out.append(Span(doc, start, end, label=label))
        else:
            out.append(ent)
    if changed:
        doc.ents = out


def _ends_a_country(word: Token) -> bool:
    """Whether the word ends a country's name with the word before it: "States" in "the United
    States Air Force" is no headline's "says"."""
    return word.i > 0 and country_for(f"{word.doc[word.i - 1].text} {word.text}") is not None


_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_PARTICLE_BEFORE_NAME = re.compile(r"\b(?:" + "|".join(sorted(NAME_PARTICLES)) + r")\s+[A-Z]")


def _join_name_particles(doc: Doc, text: str) -> None:
    """Carry a name over the particles the model stops at: it tags "the Granja" of "the Granja do
    Torto" and leaves "do Torto" out, so the place would be published cut.

    An entity followed by one or two particles and then capitalised proper nouns that no other
    entity holds takes them, up to the last of those proper nouns (or through the next entity of
    the same label, which the particle joins to it).
    """
    if _PARTICLE_BEFORE_NAME.search(text) is None:
        return  # reading the entities costs more than this search
    ents = list(doc.ents)
    starts = {e.start: e for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    absorbed: set[int] = set()
    changed = False
    for ent in ents:
        if ent.start in absorbed:
            continue
        end = ent.end
        while ent.label_ in _NAMED_LABELS:
            i = end
            while i < len(doc) and i - end < 2 and doc[i].lower_ in NAME_PARTICLES and doc[i].text.islower():
                i += 1
            if i == end or i >= len(doc) or doc[i].sent != ent.sent:
                break
            nxt = starts.get(i)
            if nxt is not None and (nxt.label_ == ent.label_ or _surname_after_particle(doc, end, nxt)):
                absorbed.add(nxt.start)
                end = nxt.end
                continue
            if i in covered:
                break
            j = i
            while j < len(doc) and j not in covered and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            if j == i:
                break
            end = j
        if end != ent.end:
            changed = True
            out.append(Span(doc, ent.start, end, label=ent.label_))
        else:
            out.append(ent)
    if changed:
        doc.ents = out


def _surname_after_particle(doc: Doc, end: int, nxt: Span) -> bool:
    """ "Ursula von" tagged a person and "Leyen" a place: a name the model cut inside its particles
    ends in one, and the one capitalised word after them is its surname, whatever its label."""
    return (
        doc[end - 1].lower_ in NAME_PARTICLES and len(nxt) == 1 and nxt[0].pos_ == "PROPN" and nxt[0].is_title
    )


#: Words a name is followed by that are a job or title, never a surname ("Clinton Pollster").
_NO_SURNAMES = PERSON_TITLES | PERSON_JOB_NOUNS | ROLE_NOUNS


#: Entity labels a first name may wrongly carry ("Ivanka" as a product) and still be one.
_FIRST_NAME_LABELS = frozenset({"", "PERSON", "PRODUCT", "WORK_OF_ART"})
#: Words before a surname that are no first name: a job, a title, a body's word.
_NOT_FIRST_NAMES = _NO_SURNAMES | NAME_TITLES | BODY_WORDS


def _relatives_named_in_full(doc: Doc, person_names: Sequence[str]) -> list[tuple[str, int]]:
    """Full names the model did not tag, of a first name before a known person's surname:
    "Ivanka Trump" where only "Donald Trump" is tagged. Each is another person of that family,
    who must not be taken for the one tagged (and a later "Trump" is the one named first).
    Not a title or a job before the surname ("President Trump", "Candidate Trump"), nor a word
    the model never takes for part of a name ("Team Trump")."""
    surnames = {name.split()[-1] for name in person_names if " " in name}
    if not surnames:
        return []
    known = set(person_names)
    found: dict[str, int] = {}
    named: set[str] = set()
    # one array of word ids: a Python loop over every token costs more
    words = doc.to_array(ORTH)
    surname_ids = numpy.array([get_string_id(name) for name in surnames], dtype=numpy.uint64)
    for i in numpy.flatnonzero(numpy.isin(words[1:], surname_ids)):
        token = doc[int(i) + 1]
        first = doc[token.i - 1]
        if (
            first.dep_ == "compound"
            and first.head.i == token.i
            and first.pos_ == "PROPN"
            and first.is_alpha
            and len(first.text) >= 3
            and first.text[:1].isupper()
            and not first.text.isupper()
            and first.ent_type_ in _FIRST_NAME_LABELS
            and first.lower_ not in _NOT_FIRST_NAMES
            and (first.i == 0 or doc[first.i - 1].ent_iob_ != "I" or doc[first.i - 1].ent_type_ == "PERSON")
        ):
            name = f"{first.text} {token.text}"
            if name not in known:
                found.setdefault(name, first.idx)
                if first.ent_type_:
                    named.add(name)
    # the model took the first word for a name somewhere ("Ivanka" as a product), not only a
    # capitalised word before a surname ("Team Trump")
    return [(name, start) for name, start in found.items() if name in named]


def _extend_entities(doc: Doc, extension: Callable[[Span, dict[int, Span]], Span | None]) -> None:
    """Replace each entity by the longer span ``extension`` gives for it (given the entities by
    their first token), which takes in the entity after it; the entities taken in are dropped."""
    ents = list(doc.ents)
    starts = {e.start: e for e in ents}
    out: list[Span] = []
    taken: set[int] = set()
    for ent in ents:
        if ent.start in taken:
            continue
        longer = extension(ent, starts)
        if longer is None:
            out.append(ent)
            continue
        out.append(longer)
        taken.update(range(ent.end, longer.end))
    if taken:
        doc.ents = out


def _join_cut_surname(doc: Doc) -> None:
    """Give a person's name back the last word the model cut off: in some articles it tags
    "Enrique Peña" a person and "Nieto" a place, though the parse makes "Nieto" the head of the
    name. The cut name then stood for a second person, and every full mention was trimmed to it.

    A person entity whose last word is a compound of the proper noun right after it, a
    capitalised word that no gazetteer knows as a place, no body word, job, title or acronym, that
    ends the name and is untagged or tagged alone, takes that word.
    """
    _extend_entities(doc, _with_its_cut_surname)


def _with_its_cut_surname(ent: Span, starts: dict[int, Span]) -> Span | None:
    doc = ent.doc
    i = ent.end
    if ent.label_ != "PERSON" or i >= len(doc) or ent[-1].dep_ != "compound" or ent[-1].head.i != i:
        return None
    word, tagged = doc[i], starts.get(i)
    if not (
        word.pos_ == "PROPN"
        and word.text[:1].isupper()
        and word.is_alpha
        and (tagged is None or (len(tagged) == 1 and tagged.label_ in ("GPE", "ORG", "NORP")))
        and (tagged is not None or word.ent_iob_ == "O")
        and not is_place_name(word.text)
        and country_for(word.text) is None
        and word.lower_ not in BODY_WORDS
        and word.lower_ not in _NO_SURNAMES
        and not word.text.isupper()  # "Lund SDI": a body's initials
        and not (i + 1 < len(doc) and doc[i + 1].dep_ == "compound" and doc[i + 1].head.i > i)
    ):
        return None
    return Span(doc, ent.start, i + 1, label="PERSON")


def _join_body_of_place(doc: Doc) -> None:
    """Give a body's name back its place: the model ends "Progressive Democrats of America" and
    "Renault Samsung Motors of Korea" before "of" and tags the place alone, which then stood for a
    party of its own. A name of two or more words ending in a plural ("Democrats", "Workers") or a
    body's word, then "of" and a place, is one organisation's name. A person's name never ends in
    a plural, so "Bernie Sanders of Vermont" stays a senator and his state."""
    _extend_entities(doc, _with_its_place)


def _with_its_place(ent: Span, starts: dict[int, Span]) -> Span | None:
    doc = ent.doc
    place = starts.get(ent.end + 1)
    if (
        ent.label_ in ("ORG", "NORP")
        and len(ent) >= 2
        and all(t.text[:1].isupper() for t in ent)
        and (ent[-1].tag_ == "NNPS" or ent[-1].lower_ in BODY_WORDS)
        and ent.end < len(doc)
        and doc[ent.end].text == "of"
        and place is not None
        and (place.label_ == "GPE" or is_place_name(place.text))  # "Anaheim", tagged a body
    ):
        return Span(doc, ent.start, place.end, label="ORG")
    return None


def _split_body_and_person(doc: Doc) -> None:
    """Part a body's name from the name of the person after it: "Oxfam Jane Roe", "the Harbour
    Trust Maria Lind" (the model runs them into one entity).

    Split when the tail is two or three capitalised proper nouns and the front is a body: it
    ends in a body word ("Trust", "Union") or is an acronym, or the article names it alone
    elsewhere as an organisation.
    """
    ents = list(doc.ents)
    bodies = {clean_name(e.text).lower() for e in ents if e.label_ == "ORG"}
    out: list[Span] = []
    changed = False
    for ent in ents:
        split = None
        if ent.label_ in ("ORG", "PERSON") and len(ent) >= 3:
            for tail in (2, 3):
                cut = ent.end - tail
                front, back = doc[ent.start : cut], doc[cut : ent.end]
                if len(front) == 0 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in back):
                    continue
                if any(t.lower_.rstrip(".") in BODY_WORDS or _ACRONYM.match(t.text) for t in back):
                    continue  # "Advanced Micro Devices Inc.": a body's own name goes on, abbreviated or not
                if _MIDDLE_INITIAL.match(back[0].text) and len(front) == 1:
                    continue  # "Paul D. Ryan": a first name, a middle initial, a surname
                last = front[-1]
                is_body = clean_name(front.text).lower() in bodies - {clean_name(ent.text).lower()} or (
                    ent.label_ == "ORG" and (last.lower_ in BODY_WORDS or bool(_ACRONYM.match(last.text)))
                )
                if is_body:
                    split = cut
                    break
        if split is None:
            out.append(ent)
            continue
        changed = True
        out.append(Span(doc, ent.start, split, label="ORG"))
        out.append(Span(doc, split, ent.end, label="PERSON"))
    parted = _split_person_of_body(doc, out)
    if changed or parted is not out:
        doc.ents = parted


def _split_person_of_body(doc: Doc, ents: list[Span]) -> list[Span]:
    """Part a person's full name from the body after "of": "Travis Kalanick of Uber", "Ana Ruiz of
    Orvik Corp" (the model runs them into one person). A one-word name before "of" stays whole
    ("Catherine of Aragon"). Returns ``ents`` itself when nothing is parted."""
    out: list[Span] = []
    changed = False
    for ent in ents:
        of = next((t.i for t in ent if t.lower_ == "of"), None)
        if ent.label_ != "PERSON" or of is None or of - ent.start < 2 or of + 1 >= ent.end:
            out.append(ent)
            continue
        front, back = doc[ent.start : of], doc[of + 1 : ent.end]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in (*front, *back)):
            out.append(ent)
            continue
        changed = True
        out.append(Span(doc, ent.start, of, label="PERSON"))
        out.append(Span(doc, of + 1, ent.end, label="ORG"))
    return out if changed else ents


def _place_taken_for_a_person(ent: Span, place_names: set[str]) -> bool:
    """A name tagged PERSON that the article also uses as a place: one word ("in Tbilisi"), or a
    building's name ("entering Trump Tower" ... "met at Trump Tower"), which must not become a
    person that "Trump" then joins. "Monty Hall" used as no place stays a person."""
    name = clean_name(ent.text)
    if name not in place_names:
        return False
    return len(ent) == 1 or ent[-1].lower_ in FACILITY_HEADS


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
            names.add(clean_name(e.text))
    return names


def _like_a_full_name(name: str) -> bool:
    """ "Sanae Takaichi", "Dennis DesRosier": two or more capitalised words, no initials or
    punctuation ("NYSE: AMD" is no one's name)."""
    words = name.split()
    return len(words) >= 2 and _capitalised_words(name) and not is_initials(words[-1])


def _capitalised_words(name: str) -> bool:
    """Every word capitalised and made of letters, with hyphens and apostrophes ("Jean-Luc O'Neil")."""
    return all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in name.split())


def _followed_by_a_personal_pronoun(ent: Span) -> bool:
    """ "25-year-old Guzel said she had come": a he or she later in the sentence tells a person
    ("Fiat said it would" tells a body)."""
    sent = ent.sent  # spaCy finds the sentence anew on every read
    return any(t.lower_ in ("he", "she", "his", "her", "him") for t in sent[ent.end - sent.start :])


def _speaking_name(ent: Span) -> bool:
    if len(ent) > 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        return False
    if is_body_name(ent.text):  # "Syrian Democratic Forces announced": a body, not a person
        return False
    head = ent.root
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_SUBJECT_VERBS


def _in_capitals_line(token: Token, text: str) -> bool:
    """Whether the token's line of ``text`` (the doc's) is written in capitals ("'THREE AMIGOS' TAKE
    ON ... AT SUMMIT IN OTTAWA"): there every word looks like an acronym, so none is taken for one."""
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if any(c.isalpha() for c in w)]
    return len(words) >= 4 and sum(w.isupper() for w in words) >= 0.8 * len(words)


def _has_member_states(root: Token) -> bool:
    """ "the fifteen countries from the Eurogroup", "the states of the Baltic League": what has
    countries or states as its members is a body, never a person."""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in ("of", "from")
        and prep.head.lemma_.lower() in MEMBER_NOUNS
        and prep.head.tag_ == "NNS"
    )


def is_group_of_nations(name: str) -> bool:
    """ "G7", "G20": a forum of nations, which the model often tags as a product or a number."""
    return _GROUP_OF_NATIONS.fullmatch(name) is not None


def is_initials(name: str) -> bool:
    """A body's initials ("HP", "GM", "AMD"): one word in capitals, not a numeral or a title ("III",
    "CEO")."""
    return _ACRONYM.match(name) is not None and name not in NOT_ACRONYM_NAMES


def _names_a_body(name: str, bodies: Collection[str]) -> bool:
    return name in bodies or (is_body_name(name) and country_for(name) is None)


def _lends_a_full_name(name: str, register: PersonRegister) -> bool:
    """Whether a name the model tagged a body is a known person's: not when that person is only a
    body's initials ("AMD says" is kept a speaker), which make "AMD Opteron" a chip, not a name;
    nor when the name is a body's by its words ("Trump National Doral" has Trump's surname)."""
    if is_body_name(name):
        return False
    person = register.find(name)
    return person is not None and (person.canonical == name or not is_initials(person.canonical))


def _relabel_people(
    doc: Doc,
    register: PersonRegister,
    text: str,
    bodies: Collection[str] = frozenset(),
    job_holders: Collection[int] = frozenset(),
) -> None:
    """Label every mention of a known person PERSON, including ones the model missed, and a body's
    name the model tagged PERSON ("Cerberus Capital Management", "Boeing said") ORG. The entities
    starting at ``job_holders`` are people whatever their label ("Will Estrada, the chairman")."""
    entities: list[Span] = []
    covered: set[int] = set()
    for ent in doc.ents:
        span = ent
        if ent.label_ == "PERSON" and _names_a_body(clean_name(ent.text), bodies):
            span = Span(doc, ent.start, ent.end, label="ORG")
        elif ent.label_ not in ("ORG", "PERSON", "GPE", "NORP") and is_group_of_nations(ent.text):
            span = Span(doc, ent.start, ent.end, label="ORG")  # "the G7 meeting", tagged a product
        elif (
            ent.label_ == "GPE"
            and described_as_a_company(doc, ent.start, ent.end)
            and not country_for(ent.text)
        ):
            span = Span(doc, ent.start, ent.end, label="ORG")  # "software startup Zendrix"
        if ent.start in job_holders or (
            ent.label_ in ("ORG", "GPE")
            and len(ent) <= 3
            and _lends_a_full_name(clean_name(ent.text), register)
        ):
            register.add(clean_name(ent.text), ent.start_char)  # "Sanae Takaichi" as ORG lends its full name
            span = Span(doc, ent.start, ent.end, label="PERSON")
        entities.append(span)
        covered.update(range(span.start, span.end))
    for token in doc:
        if token.i in covered or (token.pos_ != "PROPN" and not is_group_of_nations(token.text)):
            continue  # "the G8 summit": the tagger may take the forum's name for a common noun
        if is_initials(token.text) and (
            country_for(token.text) is not None or not _in_capitals_line(token, text)
        ):
            # "G7", "NATO", "ASEAN": groups the small model often leaves untagged
            label = "GPE" if country_for(token.text) else "ORG"
            entities.append(Span(doc, token.i, token.i + 1, label=label))
            covered.add(token.i)
            continue
        if _has_member_states(token) and country_for(token.text) is None:
            entities.append(Span(doc, token.i, token.i + 1, label="ORG"))  # "countries from the Eurogroup"
            covered.add(token.i)
            continue
        word = token.text
        if word[:1].isupper() and len(word) >= 3 and register.find(word):  # the register keeps its answers
            entities.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    doc.ents = _one_span_per_name(sorted(entities, key=lambda e: e.start), register)


def _one_span_per_name(entities: list[Span], register: PersonRegister) -> list[Span]:
    """Join two person spans side by side that name one person ("Peña" and "Nieto" of "Peña
    Nieto", each found as a word of the full name): one name, one mention."""
    out: list[Span] = []
    for ent in entities:
        last = out[-1] if out else None
        if (
            last is not None
            and ent.label_ == last.label_ == "PERSON"
            and ent.start == last.end
            and len(last) + len(ent) <= 4
            and (person := register.find(clean_name(last.text))) is not None
            and person is register.find(clean_name(ent.text))
        ):
            out[-1] = Span(ent.doc, last.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    return out
