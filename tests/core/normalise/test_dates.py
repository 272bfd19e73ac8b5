from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from streams.core.normalise.dates import normalise_date, reference_precision

WEDNESDAY = date(2025, 10, 29)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Tuesday", "2025-10-28", "day"),
        ("on Wednesday", "2025-10-29", "day"),  # the day of publication itself
        ("Thursday", "2025-10-23", "day"),  # latest Thursday not after publication
        ("next Friday", "2025-10-31", "day"),
        ("yesterday", "2025-10-28", "day"),
        ("today", "2025-10-29", "day"),
        ("tomorrow", "2025-10-30", "day"),
        ("last week", "2025-10-20", "week"),
        ("earlier this year", "2025", "year"),
        ("last year", "2024", "year"),
        ("next month", "2025-11", "month"),
        ("July", "2025-07", "month"),
        ("March 2024", "2024-03", "month"),
        ("March 5", "2025-03-05", "day"),
        ("5 March 2021", "2021-03-05", "day"),
        ("Oct. 28, 2025", "2025-10-28", "day"),
        ("2022", "2022", "year"),
        ("2008-03-01", "2008-03-01", "day"),
        ("last Tuesday", "2025-10-21", "day"),  # yesterday would be "Tuesday": the week before's
        ("last Monday", "2025-10-20", "day"),
        ("last Friday", "2025-10-24", "day"),  # not yet this week: the latest one
        ("last Sunday", "2025-10-26", "day"),
        ("this past Tuesday", "2025-10-28", "day"),
        ("on Wednesday", "2025-10-29", "day"),
        ("this week", "2025-10-27", "week"),
        ("this weekend", "2025-11", "month"),  # Saturday 1 and Sunday 2 November
        ("last weekend", "2025-10", "month"),
        ("later this month", "2025-10", "month"),
        ("three days ago", "2025-10-26", "day"),
        ("two weeks ago", "2025-10-13", "week"),
        ("Seventeen years ago", "2008", "year"),
        ("in two weeks", "2025-11-10", "week"),  # as precise as its unit, as "two weeks ago"
        ("in three days", "2025-11-01", "day"),
        ("mid-February", "2025-02", "month"),
        ("over the weekend", "2025-10", "month"),  # a Wednesday's: Saturday 25 and Sunday 26 October
        ("the day before yesterday", "2025-10-27", "day"),
        ("the year before", "2024", "year"),
        ("the end of the year", "2025", "year"),
        ("Dec. 31 , 1994", "1994-12-31", "day"),
        ("the second of August", "2025-08-02", "day"),
        ("December 11", "2025-12-11", "day"),  # within eight months: this year's
        ("Jan-Feb 2017", "2017-01", "month"),
        ("2017 April", "2017-04", "month"),
        ("the week of April 10, 2018", "2018-04-09", "week"),
        ("the first week of 2015", "2014-12-29", "week"),
        ("week 31 of 2018", "2018-07-30", "week"),
        ("the 18th", "2025-10-18", "day"),
    ],
)
def test_date_forms(text: str, value: str, precision: str) -> None:
    result = normalise_date(text, WEDNESDAY)
    assert result is not None
    assert (result.value, result.precision) == (value, precision)


@pytest.mark.parametrize(
    "text",
    # the twelve months or the month up to now lie across two calendar ones
    ["recent days", "the 1990s", "weeks", "the last year", "over the past year", "the past month"],
)
def test_unresolvable(text: str) -> None:
    assert normalise_date(text, WEDNESDAY) is None


def test_relative_dates_need_a_base() -> None:
    assert normalise_date("Tuesday", None) is None
    assert normalise_date("5 March 2021", None) is not None


def test_impossible_day_keeps_only_the_year() -> None:
    result = normalise_date("February 30, 2024", WEDNESDAY)
    assert result is not None and (result.value, result.precision) == ("2024", "year")


def test_a_month_far_ahead_is_last_years() -> None:
    late_january = date(2010, 1, 25)
    result = normalise_date("11 December", late_january)
    assert result is not None and result.value == "2009-12-11"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuesday", "2025-11-04"),  # "will meet on Tuesday", said on a Wednesday: next week's
        ("on Wednesday", "2025-10-29"),  # the day itself still counts
        ("March", "2026-03"),
        ("March 5", "2026-03-05"),
        ("the 18th", "2025-11-18"),
    ],
)
def test_scheduled_events_read_forwards(text: str, value: str) -> None:
    result = normalise_date(text, WEDNESDAY, prefer_future=True)
    assert result is not None and result.value == value


def test_season_range_is_a_year_not_a_month() -> None:
    result = normalise_date("the 2019-20 season", WEDNESDAY)
    assert result is not None and (result.value, result.precision) == ("2019", "year")


@pytest.mark.parametrize(
    ("text", "kwargs", "value"),
    [
        ("June 12", {"not_after": True}, "2024-06-12"),  # told in the past tense in February
        ("June 12", {}, "2025-06-12"),
        ("June 12", {"prefer_future": True}, "2025-06-12"),
        ("February 12", {"not_after": True}, "2025-02-12"),  # a few days' grace for time zones
        ("March", {"not_after": True}, "2024-03"),
        ("April 3 last year", {}, "2024-04-03"),
        ("June of last year", {}, "2024-06"),
        ("June of this year", {}, "2025-06"),
        ("the following day", {"reference": date(2024, 12, 31)}, "2025-01-01"),
        ("the day before", {"reference": date(2025, 1, 1)}, "2024-12-31"),
        ("two days later", {"reference": date(2025, 1, 30)}, "2025-02-01"),
        ("three days earlier", {"reference": date(2025, 1, 30)}, "2025-01-27"),
        ("earlier that day", {"reference": date(2025, 1, 30)}, "2025-01-30"),
        ("later the same day", {"reference": date(2025, 1, 30)}, "2025-01-30"),
        ("eight months later", {"reference": date(2024, 6, 1)}, "2025-02"),
        ("a year later", {"reference": date(2021, 3, 4)}, "2022"),
        ("three years earlier", {"reference": date(2021, 3, 4)}, "2018"),
        ("the following year", {"reference": date(2021, 3, 4)}, "2022"),
        ("the year before", {"reference": date(2021, 3, 4)}, "2020"),
        ("the following month", {"reference": date(2024, 12, 9)}, "2025-01"),
        ("the following year", {}, "2026"),  # no date before: counted from publication
        ("a year earlier", {}, "2024"),
    ],
)
def test_year_and_reference(text: str, kwargs: dict[str, Any], value: str) -> None:
    result = normalise_date(text, date(2025, 2, 10), **kwargs)
    assert result is not None
    assert result.value == value


@pytest.mark.parametrize(
    "text", ["the following day", "two days later", "the day before", "earlier that day", "a year later"]
)
def test_counted_days_need_a_reference(text: str) -> None:
    assert normalise_date(text, date(2025, 2, 10)) is None


def test_last_weekday_written_at_a_weekend_is_the_latest_one() -> None:
    """On a Sunday the working week is over: "last Friday" is two days back, not nine."""
    value = normalise_date("last Friday", date(2025, 11, 2))
    assert value is not None and value.value == "2025-10-31"


def test_a_weekend_across_two_months_stays_a_week() -> None:
    result = normalise_date("this weekend", date(2025, 5, 28))  # Saturday 31 May, Sunday 1 June
    assert result is not None
    assert (result.value, result.precision) == ("2025-05-26", "week")


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("the following day", "day"),
        ("two weeks later", "day"),
        ("eight months later", "month"),
        ("the previous month", "month"),
        ("a year later", "year"),
        ("the year after", "year"),
        ("next year", None),
        ("last week", None),
    ],
)
def test_how_coarse_a_date_a_count_may_start_from(text: str, precision: str | None) -> None:
    """ "Eight months later" counts from "June 2014"; "two weeks later" needs a day."""
    assert reference_precision(text) == precision
