"""The date a body opens with, for articles that come without ``published_at``.

Scraped pages and wire copy often reach us with no publication metadata but with the date on a
line of its own near the top: "December 15th, 2008, 7:35 am", "Published on Friday, 27 September
2013", "WASHINGTON, DC, April 28, 2009", "2/29/2012". That line is the article's own word on when
it was written, so "Monday" and "yesterday" are read against it (``date_basis`` "dateline"), which
is better than the Kafka record time: a replay of old articles would date every event today.

Only a line that is a date and little else counts: a full day with its year, with at most a time,
a time zone, a weekday, a city and a word like "Posted" around it. A sentence that mentions a date
("On February 29, 2012, AMD announced ...") is the story, not its dateline.
"""

from __future__ import annotations

import re
from datetime import date

from streams.core.normalise.calendar_words import MONTHS, WEEKDAYS
from streams.core.normalise.dates import normalise_date, safe_date

#: How far into the body the date line may be: after a title and a subtitle, not later.
_SEARCH_CHARS = 400
_SEARCH_LINES = 4
_MAX_LINE = 90
#: Words a date line may hold besides the date (a city or a source name takes the rest).
_FILLER_WORDS = frozenset(
    {
        "posted",
        "published",
        "updated",
        "last",
        "on",
        "at",
        "by",
        "am",
        "pm",
        "a.m",
        "p.m",
        "hrs",
        "gmt",
        "utc",
    }
    | {"est", "edt", "cst", "cdt", "pst", "pdt", "mst", "et", "pt", "ist", "cet", "cest", "bst", "st", "nd"}
    | {"rd", "th"}
)
_MAX_OTHER_WORDS = 3
#: Digits spaced out by a tokenizer ("2 / 29 / 2012", "2013 - 09 - 26", "02. 29. 12") closed up.
_SPACED_SEPARATOR = re.compile(r"(?<=\d)\s*([/.-])\s*(?=\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
_ISO_DATE = re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/.-])")
_WORD = re.compile(r"[A-Za-z][A-Za-z.]*")


def opening_date(text: str) -> date | None:
    """The day a line near the top of ``text`` gives as the article's date, if one does."""
    lines = [line.strip() for line in text[:_SEARCH_CHARS].split("\n") if line.strip()]
    for line in lines[:_SEARCH_LINES]:
        if len(line) <= _MAX_LINE and (found := _line_date(line)) is not None:
            return found
    return None


def _line_date(line: str) -> date | None:
    """The day of a line that is a date and little else."""
    closed = _SPACED_SEPARATOR.sub(r"\1", line)
    found = _numeric_date(closed)
    if found is None:
        value = normalise_date(closed, None)
        if value is None or value.precision != "day":
            return None
        found = date.fromisoformat(value.value)
    return found if _only_a_date(closed) else None


def _numeric_date(line: str) -> date | None:
    """'2013-09-26', '2/29/2012', '12/16/08', '02.29.12' (month first unless it cannot be)."""
    if m := _ISO_DATE.search(line):
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC_DATE.search(line):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        year += 2000 if year < 100 else 0
        month, day = (second, first) if first > 12 else (first, second)
        return safe_date(year, month, day)
    return None


def _only_a_date(line: str) -> bool:
    """Whether the words of ``line`` other than calendar and time words are few (a city, a source)."""
    others = [
        word
        for word in (w.lower().rstrip(".") for w in _WORD.findall(line))
        if word not in _FILLER_WORDS and word not in MONTHS and word not in WEEKDAYS
    ]
    return len(others) <= _MAX_OTHER_WORDS
