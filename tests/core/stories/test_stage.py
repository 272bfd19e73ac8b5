"""stage: every block offline, routed as the stream routes them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from streams.core.stories.book import StoryChange
from streams.core.stories.stage import StoryStage, route
from tests.core.stories.records import event, meeting, statement, usd

QUOTE = "Our stores stay open through the holidays, every one of them."


def _feed() -> list[dict[str, Any]]:
    return [
        event("e1", amounts=[usd(120e6)]),
        statement("s1", "Marta Kilroy", QUOTE, source="alpha"),
        event("e2", amounts=[usd(310e6)], source="beta"),
        meeting("m1", "Ana Ruiz", "Ben Okafor"),
        statement("s2", "Kilroy", QUOTE.lower(), source="beta"),
        event("e3", trigger_lemma="sign"),
        event("e4", source="gamma"),  # merges the two deals
        meeting("m2", "Ruiz", "Okafor", source="beta"),
    ]


def _run(records: list[dict[str, Any]]) -> list[StoryChange]:
    stage = StoryStage()
    return [change for record in records for change in stage.add(record)]


def test_the_same_events_in_the_same_order_give_the_same_story_ids_and_versions() -> None:
    first, second = _run(_feed()), _run(_feed())
    assert first == second
    assert len({c.story_id for c in first}) == 5


def test_each_block_holds_its_own_stories() -> None:
    stage = StoryStage()
    for record in _feed():
        stage.add(record)
    assert {block: len(book) for block, book in stage.books.items()} == {
        "agreement:acquisition": 1,
        "statement:kilroy": 1,
        "meeting:meeting": 1,
        "agreement:signing": 1,
    }


def test_a_tombstone_finds_the_block_of_its_event() -> None:
    stage = StoryStage()
    sid = stage.add(statement("s1", "Marta Kilroy", QUOTE))[0].story_id
    stage.add(event("e1"))
    assert stage.retract("s1") == [StoryChange(sid, "deleted", None)]
    assert "s1" not in stage.blocks
    assert len(stage.books["statement:kilroy"]) == 0
    assert len(stage.books["agreement:acquisition"]) == 1
    assert stage.retract("s1") == []


def test_a_changed_speaker_moves_a_statement_to_the_other_block() -> None:
    stage = StoryStage()
    old = stage.add(statement("s1", "Marta Kilroy", QUOTE))[0].story_id
    changes = stage.add(statement("s1", "Ben Okafor", QUOTE))
    assert [c.kind for c in changes] == ["deleted", "created"]
    assert changes[0].story_id == old and changes[1].story_id != old
    assert stage.blocks["s1"] == "statement:okafor"
    assert len(stage.books["statement:kilroy"]) == 0


def test_route_leaves_the_old_block_only_when_the_block_changes() -> None:
    record = statement("s1", "Marta Kilroy", QUOTE)
    assert route("s1", record, "statement:kilroy").old_block is None
    assert route("s1", record, "statement:okafor").old_block == "statement:okafor"
    gone = route("s1", None, "statement:kilroy")
    assert gone.mention is None and gone.old_block == "statement:kilroy"


def test_a_mention_past_the_horizon_starts_a_new_story() -> None:
    stage = StoryStage(horizon=timedelta(days=30))
    first = stage.add(event("e1", published_at="2026-01-02T09:00:00Z"))[0].story_id
    later = stage.add(event("e2", published_at="2026-03-02T09:00:00Z"))
    assert [c.kind for c in later] == ["created"] and later[0].story_id != first
    assert len(stage.books["agreement:acquisition"]) == 1
