"""An undated event of people the lede dated on the news day takes that day and place."""

from __future__ import annotations

import pytest

from streams.core.extractor import Extractor
from tests.fixtures.extraction import events_of

LEDE = "OSLO (AP) — Mayor Ana Lund and Governor Ben Holt met on Tuesday over the ferry row.\n\n"


def _dated(extractor: Extractor, later: str) -> list[tuple[str | None, str | None]]:
    """(date, place) of each meeting after the lede's."""
    events = events_of(extractor, LEDE + later, "meeting", published_at="2025-10-29")
    return [
        ((e["date"] or {}).get("value"), (e["location"] or {}).get("name"))
        for e in events
        if e["evidence"]["start"] >= len(LEDE)
    ]


def test_the_same_peoples_undated_meeting_is_of_the_news_day(extractor: Extractor) -> None:
    assert _dated(extractor, "Lund also met with harbour chief Omar Berg.") == [("2025-10-28", "Oslo")]


@pytest.mark.parametrize(
    "later",
    [
        "Lund had met with harbour chief Omar Berg.",  # the perfect: before the scene
        "Lund later met with harbour chief Omar Berg.",  # moves in time
        "Lund met with harbour chief Omar Berg in May.",  # a date of its own
        "Rita Moe met with harbour chief Omar Berg.",  # no one of the lede's
    ],
)
def test_background_keeps_its_silence(extractor: Extractor, later: str) -> None:
    found = _dated(extractor, later)
    assert found and all(date != "2025-10-28" for date, _ in found), found


def test_a_comment_in_the_present_is_not_the_news_day(extractor: Extractor) -> None:
    """ "First Lund goes to Bergen to meet the fishermen, now ...": a reader's comment, no scene."""
    found = _dated(
        extractor, "First Lund goes to Bergen to meet harbour chief Omar Berg, now she is in Oslo."
    )
    assert all(date is None for date, _ in found), found


BLOG = (
    "The Latest: Lund tours the harbour\n\n"
    "9:10 a.m.\n\n"
    "Mayor Ana Lund says the ferry will run again.\n\n"
    "11:45 a.m.\n\n"
)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # an undated scene under an entry's clock time is of the blog's day
        ("Lund arrived at the fish market, where she met with harbour chief Omar Berg.", "2025-10-29"),
        # not a recollection in a quote
        ('"It was my first meeting with Omar Berg," Lund said of the harbour chief.', None),
    ],
)
def test_a_live_blog_entry_is_of_the_blogs_day(
    extractor: Extractor, entry: str, expected: str | None
) -> None:
    (meeting,) = events_of(extractor, BLOG + entry, "meeting", published_at="2025-10-29")
    assert (meeting["date"] or {}).get("value") == expected
