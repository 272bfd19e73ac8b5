"""When two outlets' names for an actor are the same actor: the story stage's name matching.

Outlets write one party many ways: "AMD" and "Advanced Micro Devices", "HP" and
"Hewlett - Packard Co", "SeaMicro" and "Sea Micro" or "microserver startup SeaMicro", "Barack
Obama" and "Obama", "South Sudan" and its ISO code. Exact names would split every story, and
a fuzzy ratio over the whole name joins "EDS" with "EDF"; so a name is reduced to a few
*forms* (its key, its initials, its squashed letters, its distinctive words) and two names
are one actor when their forms meet in a way that is specific enough (:func:`same_actor`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.lexicon.organisations import CORPORATE_SUFFIXES

#: Words of a speaker description that do not tell speakers apart ("CNN officials", "the
#: company's spokesperson", "HP's management" speak for CNN, the company, HP).
SPOKESPEOPLE = frozenset(
    {
        "official",
        "officials",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "management",
        "executives",
        "representative",
        "representatives",
        "source",
        "sources",
        "the",
    }
)
_SPLIT = re.compile(r"[\s\-–—./,&()]+")
_POSSESSIVE = re.compile(r"['’]s$")


def _words(name: str) -> list[str]:
    """The name's words without possessives, corporate suffixes or spokespeople."""
    words = [_POSSESSIVE.sub("", w) for w in _SPLIT.split(name) if w]
    return [w for w in words if w and w.lower() not in CORPORATE_SUFFIXES | SPOKESPEOPLE]


@dataclass(frozen=True)
class NameForms:
    """The forms of one actor name that :func:`same_actor` compares."""

    key: str  # the blocking form: a person's surname, a country's code, a body's initials or word
    squashed: str  # lower-case letters and digits only: "sea micro" and "SeaMicro" meet here
    initials: str  # of the capitalised words, lower case, when there are two or more
    words: frozenset[str]  # distinctive words, lower case, three letters or more


def name_forms(name: str, kind: str, country_code: str | None = None) -> NameForms:
    """The forms of ``name``; ``kind`` is the actor's kind (person, organization, country, group)."""
    words = _words(name) or [name]
    capitalised = [w for w in words if w[:1].isupper()]
    # a body's initials ("AMD"); a person's ("BO" for Barack Obama) are no name anyone uses
    spelt = len(capitalised) >= 2 and kind != "person"
    initials = "".join(w[0] for w in capitalised).lower() if spelt else ""
    squashed = re.sub(r"[\W_]+", "", " ".join(words).lower())
    distinctive = frozenset(w.lower() for w in words if len(w) >= 3 and (w[:1].isupper() or w.isupper()))
    if kind == "country" and country_code:
        key = country_code.lower()
    elif kind == "person":
        key = words[-1].lower()
    elif len(words) == 1:
        key = squashed
    else:
        key = initials or squashed
    return NameForms(key=key, squashed=squashed, initials=initials, words=distinctive)


def same_actor(a: NameForms, b: NameForms) -> bool:
    """Whether two names are one actor: the same key or letters, one the initials of the other
    ("AMD", "Advanced Micro Devices"), or every distinctive word of the shorter name in the
    longer ("SeaMicro" in "Microserver Startup SeaMicro", "Obama" in "Barack Obama")."""
    if a.key == b.key or a.squashed == b.squashed:
        return True
    if (a.initials and a.initials == b.squashed) or (b.initials and b.initials == a.squashed):
        return True
    shorter, longer = (a, b) if len(a.words) <= len(b.words) else (b, a)
    return bool(shorter.words) and shorter.words <= longer.words
