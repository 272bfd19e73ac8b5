"""A person named as a company's officer: "Kestrel's new CEO Dana Whitlow", "Kestrel chief executive
Dana Whitlow", "Dana Whitlow, chief executive of Kestrel".

Business news names a takeover's buyer through the officer who leads it ("Kestrel's CEO has wasted
no time with the acquisition of Zentra"); companies buy companies, so the party of such a purchase
is the company the officer's title names, not the officer.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.core.rules.document import DocumentIndex

#: Titles of those who act for a company. Not "former": a former officer acts for no one.
OFFICER_TITLES = frozenset(
    {
        "ceo",
        "executive",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "founder",
        "co-founder",
        "cofounder",
        "boss",
        "head",
        "chief",
        "director",
        "cfo",
        "coo",
    }
)
#: Words that may stand between the company and the title: "Kestrel's new CEO", "its interim chief".
_TITLE_ADJECTIVES = frozenset({"new", "interim", "acting", "incoming", "current", "managing", "'s", "’s"})
#: Prepositions that name whose officer one is: "chief executive of Kestrel", "the boss at Kestrel".
_EMPLOYER_PREPS = frozenset({"of", "at"})


def employer(person: Span, document: DocumentIndex) -> Span | None:
    """The company ``person``'s title names, when the title is an officer's: the words right
    before the name ("Kestrel's new CEO Dana Whitlow") or an apposition after it ("Dana Whitlow,
    chief executive of Kestrel")."""
    return _named_before(person, document) or _named_in_apposition(person, document)


def _named_before(person: Span, document: DocumentIndex) -> Span | None:
    doc = person.doc
    start = person.sent.start
    i = person.start - 1
    titled = False
    company: Span | None = None
    while i >= start:
        word = doc[i]
        if word.lower_ in OFFICER_TITLES:
            titled = True
        elif word.ent_type_ == "ORG":
            company = document.entity_at(word)
            if company is None:
                return None
            i = company.start
        elif word.lower_ not in _TITLE_ADJECTIVES:
            break
        i -= 1
    return company if titled else None


def _named_in_apposition(person: Span, document: DocumentIndex) -> Span | None:
    for appos in person.root.children:
        if appos.dep_ != "appos" or not _an_officer(appos):
            continue
        for prep in appos.children:
            if prep.dep_ == "prep" and prep.lower_ in _EMPLOYER_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                        return document.entity_at(obj)
    return None


def _an_officer(title: Token) -> bool:
    """ "chief executive", "the company's founder": the head of an apposition is an officer's title."""
    return title.lower_ in OFFICER_TITLES and not any(c.lower_ == "former" for c in title.children)
