from __future__ import annotations

from datetime import date

import pytest

from streams.core.dates import normalise_date

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
    ],
)
def test_date_forms(text: str, value: str, precision: str) -> None:
    result = normalise_date(text, WEDNESDAY)
    assert result is not None
    assert (result.value, result.precision) == (value, precision)


@pytest.mark.parametrize("text", ["recent days", "the 1990s", "weeks"])
def test_unresolvable(text: str) -> None:
    assert normalise_date(text, WEDNESDAY) is None


def test_relative_dates_need_a_base() -> None:
    assert normalise_date("Tuesday", None) is None
    assert normalise_date("5 March 2021", None) is not None


def test_impossible_day_keeps_only_the_year() -> None:
    result = normalise_date("February 30, 2024", WEDNESDAY)
    assert result is not None and (result.value, result.precision) == ("2024", "year")
