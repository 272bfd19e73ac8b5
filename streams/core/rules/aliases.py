"""Short forms of a name: the one a text gives in brackets right after it ("EYP Mission Critical
Facilities Inc. (EYP MCF)"), and its initials ("AMD" of "Advanced Micro Devices"). The short
form is the same party again, in the sentence that introduces it (not a second party) and in
every later sentence that uses it (the same acquisition, not another)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from streams.core.lexicon.organisations import COMPANY_TAILS

#: The longest gap between a name and its bracketed short form (", Corp. " and the like).
_GAP_LIMIT = 16


def _only_a_company_tail(gap: str) -> bool:
    """Whether what lies between a name and a bracket is nothing but spaces, stops and commas, or a
    company's legal form the name leaves out (" ", "., ", " Inc. ", ", Ltd. ")."""
    words = gap.replace(",", " ").replace(".", " ").split()
    return len(gap) <= _GAP_LIMIT and all(w.lower() in COMPANY_TAILS for w in words)


def full_name_of(short: str, names: Iterable[str], text: str, at: int | None = None) -> str | None:
    """The longer of ``names`` that ``text`` writes right before "(short)", if any; ``at`` is where
    that bracket opens, when the caller knows it (``bracket_openings``)."""
    at = text.find(f"({short})") if at is None else at
    if at <= 0:
        return None
    for name in names:
        if len(name) <= len(short):
            continue
        end = text.rfind(name, max(0, at - len(name) - _GAP_LIMIT), at)
        if end >= 0 and _only_a_company_tail(text[end + len(name) : at]):
            return name
    return None


#: A short bracketed phrase: "(EYP MCF)", "(ODS)".
_BRACKETED = re.compile(r"\(([^()\n]{1,40})\)")


def bracket_openings(text: str) -> dict[str, int]:
    """Where each short bracketed phrase of ``text`` first opens: read once per article, so that
    looking a party's short form up costs no pass over a long text."""
    openings: dict[str, int] = {}
    for match in _BRACKETED.finditer(text):
        openings.setdefault(match.group(1), match.start())
    return openings


def initials(name: str) -> str:
    """ "Syrian Democratic Forces" -> "SDF", "Royal Air Force" -> "RAF": its capitalised words' initials."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def spelt_out(short: str, names: Iterable[str]) -> str | None:
    """The one of ``names`` whose initials ``short`` is ("AMD" -> "Advanced Micro Devices"), when
    ``short`` is written in capitals and exactly one name of two words or more fits; else None."""
    if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 6):
        return None
    found = {name for name in names if " " in name and initials(name) == short}
    return found.pop() if len(found) == 1 else None
