"""Normalise date expressions (spaCy DATE spans) against the article's publication day.

Hand-written rather than dateparser: the expressions news events carry are a bounded
set (weekdays, yesterday/today/tomorrow, last/next week|month|year, "earlier this year",
"three days ago", "in two weeks", month names with or without day and year, bare years,
ISO dates, "the week of March 3"), and the shared notes record dateparser returning None
for "earlier this year" and the wrong week for a weekday named on the day of publication.

Direction: news reports the past, so by default a weekday is the latest such day not
after publication, and a month or day without a year is in the year of publication unless
that puts it more than eight months ahead ("11 December" in January is last year's). For
an event the text reports as scheduled, the extractor asks for the future reading
(``prefer_future``): "will meet on Tuesday" is the next Tuesday; for one the text reports
in the past tense (``not_after``), a day or month without a year is never after publication
("a June 12 meeting" in February is last June's). "April 3 last year" takes the year the words
name. "The following day", "two days later" and "eight months later" count from the date the text
used just before (``reference``) and are left unresolved without one; "the following year" and "a
year earlier" count from it too, and from publication without one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from streams.core.model import DateValue
from streams.core.normalise.calendar_words import MONTHS, ORDINAL_WORDS, WEEKDAYS
from streams.core.normalise.numbers import CARDINALS

_NUMBER_WORDS = {w: v for w, v in CARDINALS.items() if v <= 20 or v in (30, 40, 50)} | {"a": 1, "an": 1}

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY_RE = r"\d{1,2}(?:st|nd|rd|th)?|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_COUNT_RE = r"\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_UNIT_RE = r"day|week|month|year"

_ISO = re.compile(r"\b(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?\b")
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?\s*(?:the\s+)?({_DAY_RE})\b(?!\s*(?:,\s*)?\d{{1,2}}:)(?:\s*,?\s*(\d{{4}}))?", re.I
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:the\s+)?({_DAY_RE})\s+(?:of\s+)?({_MONTH_RE})\b\.?(?:\s*,?\s*(\d{{4}}))?", re.I
)
_MONTH_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?(?:\s*[-–]\s*(?:{_MONTH_RE})\.?)?\s*[-/,]?\s*(?:of\s+)?(\d{{4}})\b", re.I
)
_YEAR_MONTH = re.compile(rf"\b(\d{{4}})\s+({_MONTH_RE})\b", re.I)
_MONTH_ONLY = re.compile(
    rf"^(?:(?:in|on|early|late|mid|last|this|next|the\s+end\s+of|the\s+beginning\s+of)\s+|mid-)*"
    rf"({_MONTH_RE})\.?(?:\s+(?:of\s+)?(?:the\s+)?(?:last|this|next|previous|following)\s+year)?$",
    re.I,
)
_ORDINAL_DAY = re.compile(r"^(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY = re.compile(rf"\b(?:(last|this|next|on|past|coming)\s+)?({_WEEKDAY_RE})\b\.?", re.I)
_WEEK_OF_WEEKDAY = re.compile(
    rf"\b(?:(next|last|this|the following|the previous)\s+week\s+(?:on\s+)?({_WEEKDAY_RE})"
    rf"|({_WEEKDAY_RE})\s+(?:of\s+)?(next|last|this|the following|the previous)\s+week)\b",
    re.I,
)
_RELATIVE_UNIT = re.compile(
    r"\b(last|this|next|past|previous|coming|following|earlier this|later this)\s+"
    r"(weekend|week|month|year)\b",
    re.I,
)
#: A span of time up to now, "the past year" (the twelve months to publication), not a calendar
#: year or month: "he has spent the last year attacking them" dates nothing to one of them.
_TRAILING_PERIOD = re.compile(
    r"^(?:(?:over|during|in|for|throughout|within)\s+)?the\s+(?:last|past)\s+(?:year|month)$", re.I
)
_WEEK_AFTER_NEXT = re.compile(r"\bthe\s+week\s+after\s+next\b", re.I)
#: "over the weekend", "the weekend": the one just gone in a past scene, the coming one in a plan
_THE_WEEKEND = re.compile(r"^(?:(?:over|during|at|on)\s+)?the\s+weekend$", re.I)
_AGO = re.compile(rf"\b({_COUNT_RE})\s+({_UNIT_RE})s?\s+(?:ago|earlier|before)\b", re.I)
_IN_COUNT = re.compile(rf"^(?:in|within)\s+({_COUNT_RE})\s+({_UNIT_RE})s?$", re.I)
_FROM_DAY = re.compile(
    rf"\b({_COUNT_RE})\s+({_UNIT_RE})s?\s+(after|from|before)\s+(today|tomorrow|yesterday|now)\b", re.I
)
_DAY_AROUND = re.compile(r"\bthe\s+day\s+(before\s+yesterday|after\s+tomorrow)\b", re.I)
_PREVIOUS_YEAR = re.compile(r"\b(?:the\s+)?(?:year\s+(?:before|previous|earlier)|previous\s+year)\b", re.I)
#: Weekday numbers run from Monday (0); the working week ends on Friday.
FRIDAY = 4
WEEKEND_START = 5  # Saturday
_YEAR_PART = re.compile(
    r"\b(?:(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+(?:the|this)\s+year|year[-\s]end)\b", re.I
)
_WEEK_OF = re.compile(r"^(?:the\s+)?week\s+of\s+(.+)$", re.I)
_NTH_WEEK_OF = re.compile(r"^(?:the\s+)?(first|last)\s+week\s+of\s+(.+)$", re.I)
_WEEK_NUMBER = re.compile(r"^(?:in\s+)?week\s+(\d{1,2})(?:\s+of\s+(\d{4}))?$", re.I)
#: "April 3 last year", "in June the previous year": the year a day or month without one is in
_NAMED_YEAR = re.compile(r"\b(last|this|next|previous|following)\s+year\b|\byear\s+(before|after)\b", re.I)
_YEAR_STEP = {"last": -1, "previous": -1, "before": -1, "this": 0, "next": 1, "following": 1, "after": 1}
#: a day counted from the date the text used just before: "the following day", "two days later"
_FOLLOWING_DAY = re.compile(
    r"^(?:on\s+)?the\s+(?:following|next)\s+(?:day|morning|afternoon|evening)$|^(?:the\s+)?day\s+after$", re.I
)
_PREVIOUS_DAY = re.compile(
    r"^(?:on\s+)?the\s+(?:previous|preceding)\s+(?:day|morning|afternoon|evening)$|^(?:the\s+)?day\s+before$",
    re.I,
)
_LATER = re.compile(rf"^({_COUNT_RE})\s+({_UNIT_RE})s?\s+(later|after|afterwards|earlier|before)$", re.I)
#: a month or year next to the date the text used just before: "the following year", "the month before"
_NEXT_PERIOD = re.compile(
    r"^(?:in\s+|during\s+)?the\s+(following|next|previous|preceding)\s+(month|year)$"
    r"|^(?:in\s+)?the\s+(month|year)\s+(after|before)$",
    re.I,
)
#: the day the text used just before: "earlier that day", "later the same day", "on that day"
_SAME_DAY = re.compile(r"^(?:(?:earlier|later)\s+)?(?:on\s+)?(?:that|the\s+same)\s+day$", re.I)


def _day(value: date, text: str) -> DateValue:
    return DateValue(text=text, value=value.isoformat(), precision="day")


def _counted(base: date, unit: str, count: int, text: str) -> DateValue:
    """ "three days ago", "in two weeks": so many units from ``base``, as precise as the unit."""
    moved = _shift(base, unit, count)
    if unit == "day":
        return _day(moved, text)
    if unit == "week":
        return _week(moved, text)
    return _month(moved.year, moved.month, text) if unit == "month" else _year(moved.year, text)


def _week(value: date, text: str) -> DateValue:
    monday = value - timedelta(days=value.weekday())
    return DateValue(text=text, value=monday.isoformat(), precision="week")


def _weekend(value: date, text: str) -> DateValue:
    """The weekend of ``value``'s week: its month, the most precise value that holds both days
    without naming a day they are not (a week's Monday is five days off); the week when the
    Saturday and Sunday fall in two months."""
    saturday = value - timedelta(days=value.weekday()) + timedelta(days=5)
    return _month_holding(saturday, saturday + timedelta(days=1), text) or _week(value, text)


def week_as_month(value: DateValue, base: date | None = None, past: bool | None = None) -> DateValue:
    """A week given as the month it lies in, when it lies in one; else the week itself. An event
    "this week" took place on some day of it, which the week's Monday is not: the month names no
    wrong day (as a gold's YYYY-MM does). In the week of publication ``base``, a ``past`` event
    lies before it and a coming one (``past`` false) after it: "met this week" in a Saturday
    article of April 30 is April's, though the week ends in May."""
    if value.precision != "week":
        return value
    first = monday = date.fromisoformat(value.value)
    last = monday + timedelta(days=6)
    if base is not None and past is not None and monday <= base <= last:
        first, last = (monday, base) if past else (base, last)
    return _month_holding(first, last, value.text) or value


def _month_holding(first: date, last: date, text: str) -> DateValue | None:
    """The month that holds both days, or None when they fall in two."""
    if (first.year, first.month) != (last.year, last.month):
        return None
    return _month(first.year, first.month, text)


def _month(year: int, month: int, text: str) -> DateValue:
    return DateValue(text=text, value=f"{year:04d}-{month:02d}", precision="month")


def _year(year: int, text: str) -> DateValue:
    return DateValue(text=text, value=f"{year:04d}", precision="year")


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _shift(base: date, unit: str, count: int) -> date:
    """``base`` moved by ``count`` days, weeks, months or years (month ends clamp)."""
    unit = unit.lower()
    if unit == "day":
        return base + timedelta(days=count)
    if unit == "week":
        return base + timedelta(weeks=count)
    months = count if unit == "month" else 12 * count
    year, month = _shift_month(base.year, base.month, months)
    for day in (base.day, 30, 29, 28):
        if (moved := safe_date(year, month, day)) is not None:
            return moved
    raise ValueError("unreachable: every month has 28 days")


def safe_date(year: int, month: int, day: int) -> date | None:
    """The day, or None when the calendar has no such day ("February 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _count(text: str) -> int:
    lowered = text.lower()
    return int(lowered) if lowered.isdigit() else _NUMBER_WORDS[lowered]


def _day_number(text: str) -> int:
    lowered = text.lower()
    if lowered in ORDINAL_WORDS:
        return ORDINAL_WORDS[lowered]
    return int(re.sub(r"(st|nd|rd|th)$", "", lowered))


def _pick_month_year(month: int, base: date, future: bool, text: str = "", not_after: bool = False) -> int:
    """The year of a month written without one: the year the words name ("last year"), else
    the publication year, as writers mean it, except a month far ahead ("December" in January:
    last year's), a month after publication for an event told in the past tense (``not_after``),
    or, for a scheduled event, a month already well past ("March" in October: next year's)."""
    if m := _NAMED_YEAR.search(text):
        return base.year + _YEAR_STEP[(m.group(1) or m.group(2)).lower()]
    if not_after and not future and month > base.month:
        return base.year - 1
    if future and month < base.month - 2:
        return base.year + 1
    if not future and month > base.month + 8:
        return base.year - 1
    return base.year


def _pick_year(month: int, day: int, base: date, future: bool, text: str, not_after: bool) -> date | None:
    year = _pick_month_year(month, base, future, text, not_after)
    if not_after and not future and year == base.year and _NAMED_YEAR.search(text) is None:
        this_year = safe_date(year, month, day)
        # a few days' grace: a publication time in UTC can fall on the day before the local one
        if this_year is not None and this_year > base + timedelta(days=3):
            year -= 1
    return safe_date(year, month, day)


def _absolute(text: str, base: date | None, future: bool, not_after: bool = False) -> DateValue | None:
    if (m := _ISO.search(text)) and 1 <= int(m.group(2)) <= 12:  # not "the 2019-20 season"
        year, month = int(m.group(1)), int(m.group(2))
        if m.group(3):
            day = safe_date(year, month, int(m.group(3)))
            return _day(day, text) if day else None
        return _month(year, month, text)
    for pattern, order in ((_MONTH_DAY_YEAR, "md"), (_DAY_MONTH_YEAR, "dm")):
        if m := pattern.search(text):
            month_word, day_text = (m.group(1), m.group(2)) if order == "md" else (m.group(2), m.group(1))
            month, day_number = MONTHS[month_word.lower()], _day_number(day_text)
            if m.group(3):
                day = safe_date(int(m.group(3)), month, day_number)
            elif base is not None:
                day = _pick_year(month, day_number, base, future, text, not_after)
            else:
                return None
            return _day(day, text) if day else None
    if m := _MONTH_YEAR.search(text):
        return _month(int(m.group(2)), MONTHS[m.group(1).lower()], text)
    if m := _YEAR_MONTH.search(text):
        return _month(int(m.group(1)), MONTHS[m.group(2).lower()], text)
    if (m := _MONTH_ONLY.match(text)) and base is not None:
        month = MONTHS[m.group(1).lower()]
        return _month(_pick_month_year(month, base, future, text, not_after), month, text)
    return None


def _weekday(base: date, target: int, qualifier: str, future: bool) -> date:
    qualifier = qualifier.lower()
    if qualifier in ("next", "coming") or (future and qualifier not in ("last", "past")):
        ahead = (target - base.weekday()) % 7
        return base + timedelta(days=ahead or (7 if qualifier == "next" else 0))
    back = (base.weekday() - target) % 7
    if qualifier in ("last", "past") and back == 0:
        back = 7
    if qualifier == "last" and target < base.weekday() <= FRIDAY:
        # news says "Monday" for a day of the working week it is written in, and "last Monday"
        # for the one before: "met last Monday" in a Wednesday article is nine days back
        back += 7
    return base - timedelta(days=back)


def _weeks(text: str, base: date | None, future: bool) -> DateValue | None:
    """ "the week of March 3", "the first week of 2015", "week 31"."""
    if m := _WEEK_NUMBER.match(text):
        year = int(m.group(2)) if m.group(2) else (base.year if base else None)
        if year is None or not 1 <= int(m.group(1)) <= 53:
            return None
        try:
            return _week(date.fromisocalendar(year, int(m.group(1)), 1), text)
        except ValueError:
            return None
    if m := _NTH_WEEK_OF.match(text):
        inner = normalise_date(m.group(2), base, future)
        if inner is None or inner.precision not in ("month", "year"):
            return None
        year, month = int(inner.value[:4]), (int(inner.value[5:7]) if inner.precision == "month" else None)
        if m.group(1).lower() == "first":
            return _week(date(year, month or 1, 1), text)
        end = _shift(date(year, month or 12, 1), "month", 1) - timedelta(days=1)
        return _week(end, text)
    if m := _WEEK_OF.match(text):
        inner = normalise_date(m.group(1), base, future)
        if inner is not None and inner.precision == "day":
            return _week(date.fromisoformat(inner.value), text)
    return None


def _relative(text: str, base: date, future: bool) -> DateValue | None:
    lowered = text.lower()
    if m := _DAY_AROUND.search(text):
        return _day(base + timedelta(days=-2 if m.group(1).lower().startswith("before") else 2), text)
    if m := _FROM_DAY.search(text):
        anchor = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1}[m.group(4).lower()]
        sign = -1 if m.group(3).lower() == "before" else 1
        moved = _shift(base + timedelta(days=anchor), m.group(2), sign * _count(m.group(1)))
        return _day(moved, text)
    if re.search(r"\btoday\b|\btonight\b|\bthis (morning|afternoon|evening)\b", lowered):
        return _day(base, text)
    if re.search(r"\byesterday\b|\blast night\b", lowered):
        return _day(base - timedelta(days=1), text)
    if re.search(r"\btomorrow\b", lowered):
        return _day(base + timedelta(days=1), text)
    if m := _WEEK_OF_WEEKDAY.search(text):
        which = (m.group(1) or m.group(4)).lower()
        target = WEEKDAYS[(m.group(2) or m.group(3)).lower()]
        step = -1 if which in ("last", "the previous") else 0 if which == "this" else 1
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return _day(monday + timedelta(days=target), text)
    if m := _WEEKDAY.search(text):
        return _day(_weekday(base, WEEKDAYS[m.group(2).lower()], m.group(1) or "", future), text)
    if m := _AGO.search(text):
        return _counted(base, m.group(2).lower(), -_count(m.group(1)), text)
    if m := _IN_COUNT.match(text):
        return _counted(base, m.group(2).lower(), _count(m.group(1)), text)
    if _WEEK_AFTER_NEXT.search(text):
        return _week(base + timedelta(weeks=2), text)
    if _THE_WEEKEND.match(text):
        # a past weekend is this week's only from its Saturday on
        gone = future or base.weekday() >= WEEKEND_START
        return _weekend(base if gone else base - timedelta(weeks=1), text)
    if m := _RELATIVE_UNIT.search(text):
        which, unit = m.group(1).lower(), m.group(2).lower()
        step = (
            -1
            if which in ("last", "past", "previous")
            else 1
            if which in ("next", "coming", "following")
            else 0
        )
        if unit == "year":
            return _year(base.year + step, text)
        if unit == "month":
            year, month = _shift_month(base.year, base.month, step)
            return _month(year, month, text)
        if unit == "weekend":
            return _weekend(base + timedelta(weeks=step), text)
        return _week(base + timedelta(weeks=step), text)
    if _PREVIOUS_YEAR.search(text):
        return _year(base.year - 1, text)
    if _YEAR_PART.search(text):
        return _year(base.year, text)
    if m := _ORDINAL_DAY.match(text):
        day_number = int(m.group(1))
        months = (0, 1, 2) if future else (0, -1, -2)
        for delta in months:
            year, month = _shift_month(base.year, base.month, delta)
            day = safe_date(year, month, day_number)
            if day is not None and (day >= base if future else day <= base):
                return _day(day, text)
    return None


def _counted_from(text: str, reference: date | None) -> DateValue | None:
    """ "the following day", "two days later", "eight months later", "the following year":
    counted from the date the text used before, as precise as the unit counted (a day for days
    and weeks)."""
    if reference is None:
        return None
    if _FOLLOWING_DAY.match(text) or _PREVIOUS_DAY.match(text):
        return _day(reference + timedelta(days=1 if _FOLLOWING_DAY.match(text) else -1), text)
    if m := _LATER.match(text):
        sign = 1 if m.group(3).lower() in ("later", "after", "afterwards") else -1
        unit = m.group(2).lower()
        moved = _shift(reference, unit, sign * _count(m.group(1)))
        return _day(moved, text) if unit in ("day", "week") else _counted(moved, unit, 0, text)
    if m := _NEXT_PERIOD.match(text):
        which = (m.group(1) or m.group(4)).lower()
        sign = 1 if which in ("following", "next", "after") else -1
        return _counted(reference, (m.group(2) or m.group(3)).lower(), sign, text)
    if _SAME_DAY.match(text):
        return _day(reference, text)
    return None


#: How coarse a date the text used before may be for each unit counted from it: "eight months
#: later" counts from "in June 2014", "two days later" only from a day.
_REFERENCE_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}


def reference_precision(text: str) -> str | None:
    """The coarsest precision ("day", "month" or "year") of a date that the words can count from
    ("the following day": a day; "a year later": a day, month or year), or None when they count
    from no date given before."""
    text = " ".join(text.split()).strip(" ,.;:")
    if _FOLLOWING_DAY.match(text) or _PREVIOUS_DAY.match(text) or _SAME_DAY.match(text):
        return "day"
    if m := _LATER.match(text):
        return _REFERENCE_PRECISION[m.group(2).lower()]
    if m := _NEXT_PERIOD.match(text):
        return (m.group(2) or m.group(3)).lower()
    return None


def normalise_date(
    text: str,
    base: date | None,
    prefer_future: bool = False,
    not_after: bool = False,
    reference: date | None = None,
) -> DateValue | None:
    """Normalise one date expression; None when it names no resolvable date.

    ``base`` is the publication day (or the record day when the article has none);
    relative expressions need it and are left unresolved without it. ``prefer_future``
    reads a bare weekday, month or day forwards, for events the text reports as scheduled;
    ``not_after`` keeps a day or month without a year from falling after publication, for
    events told in the past tense. ``reference`` is the date the text used just before, that
    "the following day" and "two days later" count from.
    """
    text = " ".join(text.split()).strip(" ,.;:")
    if not text or len(text) > 80:
        return None
    if reference is not None and (counted := _counted_from(text, reference)) is not None:
        return counted
    if _FOLLOWING_DAY.match(text) or _PREVIOUS_DAY.match(text) or _SAME_DAY.match(text):
        return None
    if _TRAILING_PERIOD.match(text):
        return None
    weeks = _weeks(text, base, prefer_future)
    if weeks is not None:
        return weeks
    absolute = _absolute(text, base, prefer_future, not_after)
    if absolute is not None:
        return absolute
    if base is not None:
        relative = _relative(text, base, prefer_future)
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
