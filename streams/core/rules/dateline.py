"""The dateline that opens a wire story: "WASHINGTON (AP) —", "ORLANDO, Fla. (Reuters) -".

A dateline says where the story was filed, which for the lede is where its event happened:
"WASHINGTON (AP) — Trump and Ryan pledged to work together after a meeting Thursday" is a
meeting in Washington. It is also never a party: the place and the agency are not actors.
Found by its shape, in the first paragraphs only: a run of capitals (the city), a comma and a
region or a date ("N.H.", "Nov. 19") or an agency in brackets or both, then a dash; or a city the
gazetteer knows alone before the dash ("ROME - ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.normalise.gazetteer import is_city_name

#: How far into the body a dateline may start: after a title line and a byline, not later.
_SEARCH_CHARS = 600
_DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{1,40}?[A-ZÀ-Ý.])"  # WASHINGTON, NEW YORK, BRASÍLIA
    r"(?:,\s*(?P<region>[A-Z][\w.'’ ]{0,30}?))?"  # , Fla. / , N.H. / , Brazil / , Nov. 19
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&]{0,30})\))?"  # (AP), (Reuters)
    r"\s*[—–-]{1,2}\s",
    re.MULTILINE,
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Dateline:
    """Where a dateline is in the body, and the place it names in ordinary case ("Washington")."""

    place: str
    region: str | None
    agency: str | None
    start: int
    end: int


def find_dateline(text: str) -> Dateline | None:
    """The body's dateline, if a line in its first paragraphs opens with one."""
    match = _DATELINE.search(text[:_SEARCH_CHARS])
    if match is None:
        return None
    city = match.group("city").strip()
    if not any(c.isalpha() for c in city) or len(city.replace(" ", "")) < 3:
        return None
    region = match.group("region")
    dated = region is not None and region.startswith(_MONTHS)
    if dated:
        region = None  # "NEW YORK, Nov. 19 (UPI) —": a date, not a region
    if (
        match.group("agency") is None
        and region is None
        and not dated
        and not is_city_name(_ordinary_case(city))
    ):
        # "NATO - the alliance ...", "US - China talks": capitals and a dash alone are too weak a
        # sign, unless they name a city ("JERUSALEM - Netanyahu will meet ...")
        return None
    return Dateline(
        place=_ordinary_case(city),
        region=region.strip() if region else None,
        agency=match.group("agency"),
        start=match.start(),
        end=match.end(),
    )


def _ordinary_case(name: str) -> str:
    """ "NEW YORK" -> "New York", "BRASÍLIA" -> "Brasília", "ST. LOUIS" -> "St. Louis"."""
    return " ".join(word.capitalize() if word.isupper() else word for word in name.split())
