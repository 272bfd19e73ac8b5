"""rules/dateline: a wire story's dateline is found by its shape, and places the lede's event."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.extractor import Extractor
from streams.core.rules.dateline import find_dateline
from tests.fixtures.extraction import events_of


@pytest.mark.parametrize(
    ("body", "place", "region", "agency"),
    [
        ("OSLO (AP) — Ana Ruiz met Tomas Veld.", "Oslo", None, "AP"),
        ("A title line\n\nTAMPA, Fla. (Reuters) - Ana Ruiz met Tomas Veld.", "Tampa", "Fla.", "Reuters"),
        ("SAN DIEGO, March 3 (UPI) — Ana Ruiz met Tomas Veld.", "San Diego", None, "UPI"),
        ("LIMA, Peru – Ana Ruiz met Tomas Veld.", "Lima", "Peru", None),
        ("OSLO - Ana Ruiz met Tomas Veld.", "Oslo", None, None),  # a city alone before the dash
    ],
)
def test_a_dateline_is_read_from_its_shape(
    body: str, place: str, region: str | None, agency: str | None
) -> None:
    dateline = find_dateline(body)
    assert dateline is not None
    assert (dateline.place, dateline.region, dateline.agency) == (place, region, agency)
    assert body[dateline.end :].startswith("Ana Ruiz")


@pytest.mark.parametrize(
    "body",
    [
        "NATO - the alliance met in Oslo.",  # capitals and a dash, nothing else
        "Ana Ruiz met Tomas Veld." + " More words." * 60 + "\n\nOSLO (AP) — this line comes too late.",
        "The US and Chile - two old partners - met.",
        "CHILE - Peru talks resumed on Monday.",  # a country alone is no dateline
    ],
)
def test_other_openings_are_no_dateline(body: str) -> None:
    assert find_dateline(body) is None


def _meetings(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    return events_of(extractor, body, "meeting", published_at="2025-10-30")


def test_the_lede_takes_the_dateline_city_and_later_sentences_do_not(extractor: Extractor) -> None:
    body = (
        "OSLO (AP) — Prime Minister Anna Berg met President Tomas Veld on Wednesday.\n\n"
        "Last month Prime Minister Anna Berg met Chancellor Otto Lind."
    )
    lede, later = _meetings(extractor, body)
    assert lede["location"]["name"] == "Oslo"
    assert lede["location"]["country_code"] == "NO"
    assert later["location"] is None


def test_a_place_in_the_lede_wins_over_the_dateline(extractor: Extractor) -> None:
    body = "OSLO (AP) — Prime Minister Anna Berg met President Tomas Veld in Geneva on Wednesday."
    (meeting,) = _meetings(extractor, body)
    assert meeting["location"]["name"] == "Geneva"


def test_a_dateline_with_a_us_state_places_the_lede_in_the_us(extractor: Extractor) -> None:
    body = "MANCHESTER, N.H. (AP) — Prime Minister Anna Berg met President Tomas Veld on Wednesday."
    (meeting,) = _meetings(extractor, body)
    assert (meeting["location"]["name"], meeting["location"]["country_code"]) == ("Manchester", "US")


def test_the_dateline_is_not_the_place_of_an_event_of_another_day(extractor: Extractor) -> None:
    """The dateline says where the news of the day was filed; a meeting "earlier this month" in the
    lede happened somewhere the text does not say."""
    body = "OSLO (AP) — Earlier this month, Rita Moe's advisers huddled with Senator Tom Hale."
    (meeting,) = events_of(extractor, body, "meeting")
    assert meeting["location"] is None


def test_the_dateline_places_a_lede_event_of_the_last_days(extractor: Extractor) -> None:
    """A Monday story filed from Oslo about a meeting on Saturday: the meeting was in Oslo."""
    body = "OSLO - Senator Tom Hale met privately with Bishop Ana Ruiz on Saturday."
    (meeting,) = events_of(extractor, body, "meeting", published_at="2025-11-03")
    assert meeting["location"]["name"] == "Oslo"
