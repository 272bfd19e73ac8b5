"""Normalise date expressions (spaCy DATE spans) against the article's publication day.

Hand-written rather than dateparser: the expressions news events carry are few
(weekdays, yesterday/today/tomorrow, last/next week|month|year, "earlier this year",
month names with or without day and year, bare years, ISO dates), and the shared notes
record dateparser returning None for "earlier this year" and the wrong week for a
weekday named on the day of publication. Weekdays resolve to the latest such day not
after publication (a news "Tuesday" is in the past unless "next" says otherwise).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from streams.core.model import DateValue

_MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: i
    for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(_WEEKDAYS)

_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?,?\s+(?:of\s+)?(\d{{4}})\b", re.I)
_MONTH_ONLY = re.compile(rf"^(?:(?:in|early|late|mid|mid-|last|this|next)\s+)*({_MONTH_RE})\.?$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(rf"\b(?:(last|this|next|on|past)\s+)?({_WEEKDAY_RE})\b", re.I)
_RELATIVE_UNIT = re.compile(
    r"\b(last|this|next|past|previous|coming|earlier this|later this)\s+(weekend|week|month|year)\b", re.I
)
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_AGO = re.compile(rf"\b(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})\s+(day|week|month|year)s?\s+ago\b", re.I)


def _day(value: date, text: str) -> DateValue:
    return DateValue(text=text, value=value.isoformat(), precision="day")


def _month(year: int, month: int, text: str) -> DateValue:
    return DateValue(text=text, value=f"{year:04d}-{month:02d}", precision="month")


def _year(year: int, text: str) -> DateValue:
    return DateValue(text=text, value=f"{year:04d}", precision="year")


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(text: str, base: date | None) -> DateValue | None:
    if m := _ISO.search(text):
        year, month = int(m.group(1)), int(m.group(2))
        if m.group(3):
            day = _safe_date(year, month, int(m.group(3)))
            return _day(day, text) if day else None
        return _month(year, month, text) if 1 <= month <= 12 else None
    for pattern, order in ((_MONTH_DAY_YEAR, "md"), (_DAY_MONTH_YEAR, "dm")):
        if m := pattern.search(text):
            month_word, day_text = (m.group(1), m.group(2)) if order == "md" else (m.group(2), m.group(1))
            year_text = m.group(3)
            if year_text is None and base is None:
                return None
            year = int(year_text) if year_text else base.year  # type: ignore[union-attr]
            day = _safe_date(year, _MONTHS[month_word.lower()], int(day_text))
            return _day(day, text) if day else None
    if m := _MONTH_YEAR.search(text):
        return _month(int(m.group(2)), _MONTHS[m.group(1).lower()], text)
    if (m := _MONTH_ONLY.match(text.strip())) and base is not None:
        return _month(base.year, _MONTHS[m.group(1).lower()], text)
    return None


def _relative(text: str, base: date) -> DateValue | None:
    lowered = text.lower()
    if re.search(r"\btoday\b|\btonight\b|\bthis (morning|afternoon|evening)\b", lowered):
        return _day(base, text)
    if re.search(r"\byesterday\b|\blast night\b", lowered):
        return _day(base - timedelta(days=1), text)
    if re.search(r"\btomorrow\b", lowered):
        return _day(base + timedelta(days=1), text)
    if m := _WEEKDAY.search(text):
        qualifier = (m.group(1) or "").lower()
        target = _WEEKDAYS[m.group(2).lower()]
        if qualifier in ("next",):
            delta = (target - base.weekday()) % 7 or 7
            return _day(base + timedelta(days=delta), text)
        back = (base.weekday() - target) % 7
        if qualifier == "last" and back == 0:
            back = 7
        return _day(base - timedelta(days=back), text)
    if m := _AGO.search(text):
        count_text, unit = m.group(1).lower(), m.group(2).lower()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
        if unit == "day":
            return _day(base - timedelta(days=count), text)
        if unit == "week":
            monday = base - timedelta(days=base.weekday()) - timedelta(weeks=count)
            return DateValue(text=text, value=monday.isoformat(), precision="week")
        if unit == "month":
            return _month(*_shift_month(base.year, base.month, -count), text)
        return _year(base.year - count, text)
    if m := _RELATIVE_UNIT.search(text):
        which, unit = m.group(1).lower(), m.group(2).lower()
        step = -1 if which in ("last", "past", "previous") else 1 if which in ("next", "coming") else 0
        if unit == "year":
            return _year(base.year + step, text)
        if unit == "month":
            year, month = _shift_month(base.year, base.month, step)
            return _month(year, month, text)
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return DateValue(text=text, value=monday.isoformat(), precision="week")
    return None


def normalise_date(text: str, base: date | None) -> DateValue | None:
    """Normalise one date expression; None when it names no resolvable date.

    ``base`` is the publication day (or the record day when the article has none);
    relative expressions need it and are left unresolved without it.
    """
    text = " ".join(text.split())
    if not text or len(text) > 80:
        return None
    absolute = _absolute(text, base)
    if absolute is not None:
        return absolute
    if base is not None:
        relative = _relative(text, base)
        if relative is not None:
            return relative
    if m := _YEAR.search(text):
        if re.search(r"\b\d{4}s\b", text):  # "the 1990s" is a decade, not a year
            return None
        return _year(int(m.group(1)), text)
    return None


def is_relative(value: DateValue) -> bool:
    """True when the value depended on the base date (no explicit year in the text)."""
    return _YEAR.search(value.text) is None
