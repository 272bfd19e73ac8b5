"""Meetings told by ellipsis: "a meeting with X and another with Y" is two meetings."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.ellipsis import elliptic_meetings
from tests.fixtures.extraction import events_of


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model()


def _meetings(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    return events_of(extractor, body, "meeting", published_at="2026-01-07")  # a Wednesday


def test_another_with_is_one_more_meeting_of_the_same_holder_on_its_own_day(extractor: Extractor) -> None:
    body = (
        "Tom Ruiz held a meeting with union leader Omar Berg on Monday and another with Lena Holt on Tuesday."
    )
    first, second = _meetings(extractor, body)
    assert {a["name"] for a in first["actors"]} == {"Tom Ruiz", "Omar Berg"}
    assert first["date"]["value"] == "2026-01-05"
    assert {a["name"] for a in second["actors"]} == {"Tom Ruiz", "Lena Holt"}
    assert second["date"]["value"] == "2026-01-06"


@pytest.mark.parametrize(
    "body",
    [
        "Tom Ruiz met with Omar Berg on Monday, and on Tuesday with Governor Lena Holt.",
        "Tom Ruiz met with Omar Berg on Monday and Tuesday with Lena Holt.",
    ],
)
def test_a_time_after_and_stands_for_the_meeting_verb(extractor: Extractor, body: str) -> None:
    """ "met with X last week, and this week with Y": two meetings, each on its own day."""
    first, second = _meetings(extractor, body)
    assert {a["name"] for a in first["actors"]} == {"Tom Ruiz", "Omar Berg"}
    assert first["date"]["value"] == "2026-01-05"
    assert {a["name"] for a in second["actors"]} == {"Tom Ruiz", "Lena Holt"}
    assert second["date"]["value"] == "2026-01-06"


def test_a_meeting_told_by_this_week_alone_lies_before_publication(extractor: Extractor) -> None:
    """The week of April 25, 2016 ends in May; a meeting held in it by Saturday the 30th is April's."""
    body = "Gov. Ann Lee met with Sen. Tom Ruiz last week, and this week with Gov. Bo Kim."
    first, second = events_of(extractor, body, "meeting", published_at="2016-04-30")
    assert {a["name"] for a in second["actors"]} == {"Ann Lee", "Bo Kim"}
    assert (first["date"]["value"], second["date"]["value"]) == ("2016-04", "2016-04")


def test_a_list_of_meetings_is_its_items_not_one_more(extractor: Extractor) -> None:
    body = "Three meetings were set for Tom Ruiz: one with Omar Berg, then one with Lena Holt and Ada Park."
    assert [{a["name"] for a in m["actors"]} for m in _meetings(extractor, body)] == [
        {"Tom Ruiz", "Omar Berg"},
        {"Tom Ruiz", "Lena Holt", "Ada Park"},
    ]


def test_one_with_nobody_named_is_no_meeting(extractor: Extractor) -> None:
    body = "The meeting between Tom Ruiz and Omar Berg was one with few surprises."
    assert [{a["name"] for a in m["actors"]} for m in _meetings(extractor, body)] == [
        {"Tom Ruiz", "Omar Berg"}
    ]


def test_the_with_phrase_ends_at_the_next_item(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Talks were set for Ruiz: one with Berg and his aides, then one with Holt; Park waited.")
    phrases = [doc[e.start : e.end].text for e in elliptic_meetings(doc[:], 0)]
    assert phrases == ["Berg and his aides", "Holt"]


def test_then_with_after_a_meeting_verb_is_the_next_meeting(extractor: Extractor) -> None:
    body = "Finance Minister Ann Berg met with the IMF on Monday, then with President Tom Ruiz on Tuesday."
    assert [{a["name"] for a in m["actors"]} for m in _meetings(extractor, body)] == [
        {"Ann Berg", "IMF"},
        {"Ann Berg", "Tom Ruiz"},
    ]


def test_then_with_a_thing_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Tom Ruiz met with Omar Berg, then with the help of the Senate he passed the bill.")
    assert elliptic_meetings(doc[:], 0) == []


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a holder the text names by a pronoun; the first meeting stays when the list adds none
        (
            "Tom Ruiz arrived on Sunday. He held a meeting with Omar Berg and another with Lena Holt.",
            [{"Tom Ruiz", "Omar Berg"}, {"Tom Ruiz", "Lena Holt"}],
        ),
        # the object of the first meeting's verb is whom it was held with, not a holder
        (
            "Tom Ruiz met Omar Berg on Monday, then with Lena Holt on Tuesday.",
            [{"Tom Ruiz", "Omar Berg"}, {"Tom Ruiz", "Lena Holt"}],
        ),
        # a possessor opens a thing, not a meeting; a sentence with no full stop keeps its last name
        (
            "Tom Ruiz held a meeting with Omar Berg and then with Britain's backing pushed for a vote.",
            [{"Tom Ruiz", "Omar Berg"}],
        ),
        (
            "Ann Berg met with the IMF on Monday, then with President Tom Ruiz",
            [{"Ann Berg", "IMF"}, {"Ann Berg", "Tom Ruiz"}],
        ),
    ],
)
def test_who_holds_the_next_meeting(extractor: Extractor, body: str, want: list[set[str]]) -> None:
    assert [{a["name"] for a in m["actors"]} for m in _meetings(extractor, body)] == want
