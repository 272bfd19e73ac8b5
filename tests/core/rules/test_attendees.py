"""A gathering's attendees, named in the sentence after the one that tells it."""

from __future__ import annotations

import pytest

from streams.core.extractor import Extractor
from tests.fixtures.extraction import events_of


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # the people who came, as the subject, at the gathering told again
        (
            "A regional conference in Oslo on Friday agreed on a plan against smuggling. Delegates at "
            "the conference came from nine states, among them Somalia, Kenya and Norway.",
            {"Somalia", "Kenya", "Norway"},
        ),
        # the gathering told again, with a verb of attending
        (
            "A summit in Lima on Monday ended without a deal. The summit brought together Chile, Peru "
            "and Bolivia.",
            {"Chile", "Peru", "Bolivia"},
        ),
        # in the next paragraph too
        (
            "A summit in Lima on Monday ended without a deal.\n\nThe summit brought together Chile, Peru "
            "and Bolivia.",
            {"Chile", "Peru", "Bolivia"},
        ),
        # the people named as the subject of "attended" and nothing else; whose leader each is, no party
        (
            "A summit of Nordic leaders opened in Oslo on Tuesday. Prime Minister Lia Ek of Norway and "
            "Prime Minister Tom Berg of Sweden attended.",
            {"Lia Ek", "Tom Berg"},
        ),
    ],
)
def test_a_gatherings_attendees_named_next_are_its_parties(
    extractor: Extractor, body: str, want: set[str]
) -> None:
    (meeting,) = events_of(extractor, body, "meeting", published_at="2010-01-28")
    assert meeting["evidence"]["start"] == 0  # the gathering told first, with its day and place
    assert {a["name"] for a in meeting["actors"]} == want


@pytest.mark.parametrize(
    "body",
    [
        # a next sentence that does not tell who came
        "A summit in Lima on Monday ended without a deal. Chile, Peru and Bolivia sent ministers home.",
        # another summit, not the one told (an event of its own)
        "A summit in Lima on Monday ended without a deal. A summit in May brought together Chile, "
        "Peru and Bolivia.",
        # the people who came, but not to this gathering
        "A summit in Lima on Monday ended without a deal. Delegates from Chile, Peru and Bolivia flew home.",
        # the gathering told again, but not who came to it
        "A summit in Lima on Monday ended without a deal. The summit angered Chile, Peru and Bolivia.",
        "A summit in Lima on Monday ended without a deal. The summit ended with Chile, Peru and Bolivia "
        "at odds.",
        # what they attended is named, and it is something else
        "A summit in Lima on Monday ended without a deal. Chile and Peru attended a dinner for the Pope.",
        # one name is not a gathering's parties
        "A summit in Lima on Monday ended without a deal. The summit brought together the ministers of the "
        "Andean Forum.",
    ],
)
def test_a_next_sentence_that_tells_no_attendance_gives_no_parties(extractor: Extractor, body: str) -> None:
    meetings = events_of(extractor, body, "meeting", published_at="2010-01-28")
    assert [m for m in meetings if m["evidence"]["start"] == 0] == []  # the first summit stays unpublished
