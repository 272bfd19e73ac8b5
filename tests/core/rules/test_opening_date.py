"""The date line a body opens with, read when an article comes without ``published_at``."""

from __future__ import annotations

from datetime import date

import pytest

from streams.core.rules.opening_date import opening_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 3rd, 2021, 6:10 pm", date(2021, 3, 3)),
        ("Posted on Saturday, 14 August 2021", date(2021, 8, 14)),
        ("UPDATED 4: 15 AM EDT Jun 2, 2020", date(2020, 6, 2)),
        ("LISBON, Portugal, October 5, 2019", date(2019, 10, 5)),
        ("Published: 7 Jan 2018", date(2018, 1, 7)),
        ("2016 - 04 - 30", date(2016, 4, 30)),
        ("5 / 28 / 2022 @ 9: 05AM", date(2022, 5, 28)),  # spaced out by a tokenizer
        ("11/03/19 02:39 PM ET", date(2019, 11, 3)),  # month first, as US sites write it
        ("28/05/2022", date(2022, 5, 28)),  # a first number over 12 is the day
        ("04. 30. 16 4: 15 PM", date(2016, 4, 30)),
        ("SAT MAY 1 2021, 07: 11 hrs", date(2021, 5, 1)),
    ],
)
def test_a_date_line_under_the_title_dates_the_article(line: str, expected: date) -> None:
    body = (
        f"Harbour board approves new ferry terminal\n{line}\nThe harbour board voted on Monday to build it."
    )
    assert opening_date(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a sentence that mentions a date is the story, not its date line
        "On May 3, 2021, the two ports signed a twinning agreement after a long courtship.",
        # a day without its year cannot date the article
        "OSLO, Nov 11 -\nThe two ports signed a twinning agreement.",
        # a month is not a day
        "June 2021\nThe two ports signed a twinning agreement.",
        # a date line far below the top is something else
        "Line one.\nLine two.\nLine three.\nLine four.\nMay 3, 2021\nThe ports signed.",
        # no such day
        "February 30, 2021\nThe ports signed.",
    ],
)
def test_no_date_line_no_date(body: str) -> None:
    assert opening_date(body) is None
