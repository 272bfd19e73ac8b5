"""story: the events.story record is recomputed from the members."""

from __future__ import annotations

from typing import Any

from streams.core.stories.mention import mention_from_record
from streams.core.stories.story import Story, make_story_id
from tests.core.stories.records import actor, day, event, usd


def _story(*records: dict[str, Any]) -> Story:
    story = Story(make_story_id("agreement:acquisition", "e1"), "agreement:acquisition", 0, version=3)
    story.members = [mention_from_record(r) for r in records]
    return story


def _members() -> list[dict[str, Any]]:
    return [
        event(
            "e1",
            actors=[actor("Northwind Traders"), actor("Widgetco")],
            article_id="alpha:1",
            source="alpha",
            published_at="2026-03-02T11:00:00+02:00",
            confidence=0.6,
            sentence="Northwind Traders buys Widgetco.",
            amounts=[usd(120e6)],
        ),
        event(
            "e2",
            actors=[actor("NT"), actor("Widgetco Inc")],
            article_id="alpha:1",
            source="alpha",
            published_at="2026-03-02T12:00:00Z",
            confidence=0.9,
            sentence="NT agreed to buy Widgetco Inc for $120 million.",
            date=day("Tuesday", "2026-03-03"),
            amounts=[usd(120e6), dict(usd(9e9), scope="article")],
        ),
        event(
            "e3",
            actors=[actor("Northwind Traders"), actor("Widgetco"), actor("Ida Lund", "person")],
            article_id="beta:7",
            source="beta",
            published_at="2026-03-04T08:30:00Z",
            confidence=0.9,
            sentence="Ida Lund said Northwind Traders will buy Widgetco.",
        ),
    ]


def test_counts_sources_and_times() -> None:
    record = _story(*_members()).to_record()
    assert (record["mention_count"], record["article_count"], record["source_count"]) == (3, 2, 2)
    assert record["sources"] == ["alpha", "beta"]
    assert record["first_seen"] == "2026-03-02T09:00:00Z"
    assert record["last_seen"] == "2026-03-04T08:30:00Z"
    assert record["event_ids"] == ["e1", "e2", "e3"]
    assert (record["version"], record["merged_into"], record["type"], record["frame"]) == (
        3,
        None,
        "agreement",
        "acquisition",
    )


def test_canonical_actors_merge_the_names_of_every_member() -> None:
    actors = _story(*_members()).to_record()["actors"]
    assert [(a["name"], a["aliases"], a["mentions"]) for a in actors] == [
        ("Northwind Traders", ["NT"], 3),
        ("Widgetco", ["Widgetco Inc"], 3),
        ("Ida Lund", [], 1),
    ]
    assert actors[2]["kind"] == "person"


def test_the_representative_evidence_is_the_most_confident_member_first_among_equals() -> None:
    evidence = _story(*_members()).to_record()["evidence"]
    assert evidence == {
        "event_id": "e2",
        "article_id": "alpha:1",
        "sentence": "NT agreed to buy Widgetco Inc for $120 million.",
        "confidence": 0.9,
    }


def test_date_and_sums_come_from_the_members() -> None:
    record = _story(*_members()).to_record()
    assert record["date"] == day("Tuesday", "2026-03-03")
    assert [a["value"] for a in record["amounts"]] == [120e6]  # the article-wide sum is not the deal's


def test_a_story_id_depends_only_on_block_and_first_event() -> None:
    assert make_story_id("b", "e1") == make_story_id("b", "e1")
    assert make_story_id("b", "e1") != make_story_id("b", "e2")
    assert make_story_id("b", "e1") != make_story_id("c", "e1")
