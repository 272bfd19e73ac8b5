"""An undated event of people the lede dated, or of the lede's news, takes that day (and place)."""

from __future__ import annotations

import pytest

from streams.core.article import Article
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
    ("published", "expected"),
    [
        ("2025-11-01", "2025-10-28"),  # four days on: the week's news
        ("2025-11-20", None),  # three weeks on: the scene is history, not the news
    ],
)
def test_the_same_peoples_scene_of_the_week_dates_their_undated_meeting(
    extractor: Extractor, published: str, expected: str | None
) -> None:
    text = "Mayor Ana Lund and Governor Ben Holt met in Oslo on October 28 over the ferry row.\n\n"
    text += "Lund and Holt agreed to share the cost of a new ferry."
    events = events_of(extractor, text, "agreement", published_at=published)
    assert [(e["date"] or {}).get("value") for e in events] == [expected]


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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the lede's day, for an event of its news told later with a party the lede names
        (
            "Senator Ravi Patel is set to meet the leaders of his party Monday when he arrives in Oslo.\n\n"
            "A series of meetings will follow. His aides said Patel would be meeting with top party "
            "officials but would not name them.",
            ["2016-03-21", "2016-03-21"],
        ),
        # or the lede's place; a part of the day keeps it
        (
            "The row burst into public view Sunday, with the city hall sending an aide to Bergen.\n\n"
            "The letter so annoyed the mayor that she sent counsel Tom Berg to Bergen for a tense "
            "midday meeting with council members, including Ann Lund.",
            ["2016-03-20"],
        ),
        # not for an event that names neither, nor one in the perfect, which tells an earlier time
        (
            "The row burst into public view Sunday, with the city hall sending an aide to Bergen.\n\n"
            "Counsel Tom Berg met with Ann Lund in Lyon.",
            [None],
        ),
        (
            "Senator Ravi Patel met the leaders of his party Sunday in Oslo.\n\nPatel had met with Ann "
            "Lund in Lyon.",
            ["2016-03-20", None],
        ),
        # nor for a present told of any time
        (
            "Senator Ravi Patel met the leaders of his party Sunday in Oslo.\n\nFirst Patel goes to Lyon "
            "to meet Ann Lund, now this.",
            ["2016-03-20", None],
        ),
        # the occasion the lede's news happened at, told again with "the", is that day's, whoever it names
        (
            "An exchange of handshakes at a regional summit Sunday ended the row between Chile and Peru.\n\n"
            "The Andean Forum summit, which included ten nations, soon erupted into attacks between "
            "Ana Lund and Tom Berg.",
            ["2016-03-20"],
        ),
        # not an occasion the lede only plans, nor "a summit" told as another one
        (
            "Leaders agreed Sunday to meet at a regional summit in May.\n\nThe summit was hosted by "
            "Ana Lund and Tom Berg.",
            [None],
        ),
        (
            "An exchange of handshakes at a regional summit Sunday ended the row between Chile and Peru.\n\n"
            "A summit of the Andean Forum erupted into attacks between Ana Lund and Tom Berg.",
            [None],
        ),
        # a headline or standfirst above the lede, naming one of its parties, tells the lede's news
        (
            "Senator steps off the trail.\n\nMaria Lopez praises Governor Tom Reed after 40-minute "
            "meeting on the budget.\n\nWith four days left before the vote, Senator Maria Lopez took "
            "a detour from the trail Sunday to sit down with the man she hopes to replace.",
            ["2016-03-20"],
        ),
        (
            "Senator steps off the trail.\n\nRita Moen praises Omar Vidal after 40-minute meeting on "
            "the budget.\n\nWith four days left before the vote, Senator Maria Lopez took a detour "
            "from the trail Sunday to sit down with the man she hopes to replace.",
            [None],
        ),
        # nor for a series told by a plural noun
        (
            "A report on Senator Ravi Patel came out Sunday in Oslo.\n\nIt said Patel's meetings with "
            "Ann Lund drew scrutiny.",
            [None],
        ),
    ],
)
def test_an_undated_event_of_the_ledes_news_takes_its_day(
    extractor: Extractor, body: str, expected: list[str | None]
) -> None:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2016-03-21"))
    assert [(e.date.value if e.date else None) for e in result.events if e.type != "statement"] == expected


def _places(extractor: Extractor, body: str) -> list[str | None]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2016-03-21"))
    return [(e.location.name if e.location else None) for e in result.events if e.type != "statement"]


def test_the_ledes_one_city_is_the_place_of_its_news(extractor: Extractor) -> None:
    """ "... Monday when he arrives in Lyon. ... Patel would be meeting with party officials": Lyon,
    not a country the lede names ("would turn Dutch brewer Zenco into a British company")."""
    assert _places(
        extractor,
        "Senator Ravi Patel is set to meet the leaders of his party Monday when he arrives in Lyon.\n\n"
        "A series of meetings will follow. His aides said Patel would be meeting with top party "
        "officials but would not name them.",
    ) == ["Lyon", "Lyon"]
    assert _places(
        extractor,
        "A deal announced Monday would turn Dutch brewer Zenco into a British company.\n\nZenco's deal "
        "with Valtron Systems drew criticism.",
    ) == [None]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # the scene goes on: the day and the place of the sentence before
        (
            "Leaders of Chile, Peru and Bolivia met in Lima on Monday. "
            "The three leaders agreed to build a railway.",
            "Lima",
        ),
        # a venue with its city is one place
        (
            "Delegations from Chile and Peru gathered at the Foreign Ministry in Lima on Monday. "
            "The two sides signed a border treaty.",
            "Foreign Ministry",
        ),
        # two places: which one is unsure
        (
            "Delegations from Chile and Peru flew from Quito to Lima on Monday. "
            "The two sides signed a border treaty.",
            None,
        ),
        # another paragraph is another scene
        (
            "Leaders of Chile, Peru and Bolivia met in Lima on Monday.\n\n"
            "On Monday the leaders also agreed to build a railway.",
            None,
        ),
    ],
)
def test_an_agreement_after_a_dated_scene_is_where_the_scene_was(
    extractor: Extractor, body: str, place: str | None
) -> None:
    (deal,) = events_of(extractor, body, "agreement", published_at="2025-10-29")
    assert (deal["location"] or {}).get("name") == place


def test_a_sentence_with_another_day_is_not_the_scenes_place(extractor: Extractor) -> None:
    body = "Leaders of Chile and Peru met in Lima on Monday. On Friday they signed a border treaty."
    (deal,) = events_of(extractor, body, "agreement", published_at="2025-10-29")
    assert deal["location"] is None
