"""book: what a block publishes when mentions come, change and go, and the state it keeps."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from streams.core.stories.book import StoryBook, StoryChange
from streams.core.stories.mention import mention_from_record
from streams.core.stories.story import make_story_id
from tests.core.stories.records import event, statement, usd


def _add(book: StoryBook, record: dict[str, Any]) -> list[StoryChange]:
    return book.add(mention_from_record(record))


def _kinds(changes: list[StoryChange]) -> list[tuple[str, str]]:
    return [(c.story_id, c.kind) for c in changes]


def test_a_first_mention_creates_a_story_and_a_second_updates_it() -> None:
    book = StoryBook("agreement:acquisition")
    created = _add(book, event("e1"))
    sid = make_story_id("agreement:acquisition", "e1")
    assert _kinds(created) == [(sid, "created")]
    record = created[0].record
    assert record is not None and record["version"] == 1 and record["event_ids"] == ["e1"]
    updated = _add(book, event("e2"))
    assert _kinds(updated) == [(sid, "updated")]
    assert updated[0].record is not None and updated[0].record["version"] == 2
    assert updated[0].mention_count == updated[0].record["mention_count"] == 2


def _two_deals(book: StoryBook) -> tuple[str, str]:
    """Two stories between the same two companies, told apart by their sums."""
    _add(book, event("e1", amounts=[usd(120e6)]))
    _add(book, event("e2", amounts=[usd(310e6)]))
    assert len(book) == 2
    first, second = book.stories
    return first, second


def test_a_mention_that_matches_two_stories_strongly_merges_them_into_the_oldest() -> None:
    book = StoryBook("agreement:acquisition")
    first, second = _two_deals(book)
    changes = _add(book, event("e3"))  # the same parties, no sum
    assert _kinds(changes) == [(second, "merged"), (second, "deleted"), (first, "updated")]
    pointer, tombstone, survivor = changes
    assert pointer.record is not None and pointer.record["merged_into"] == first
    assert pointer.record["event_ids"] == ["e2"]
    assert pointer.mention_count == pointer.record["mention_count"] == 1
    assert tombstone.record is None
    assert survivor.record is not None and survivor.record["event_ids"] == ["e1", "e2", "e3"]
    assert survivor.record["merged_into"] is None
    assert list(book.stories) == [first]
    assert {book.where[e] for e in ("e1", "e2", "e3")} == {first}


def test_a_weak_match_with_two_stories_joins_the_best_without_merging() -> None:
    book = StoryBook("statement:kilroy")
    _add(book, statement("s1", "Marta Kilroy", "the harbour will reopen in spring after the repairs"))
    _add(book, statement("s2", "Marta Kilroy", "tolls on the bridge go up in June for every driver"))
    changes = _add(book, statement("s3", "Marta Kilroy", "the harbour will reopen in spring, she said"))
    assert [c.kind for c in changes] == ["updated"]
    assert len(book) == 2


def test_a_retraction_drops_the_counts_and_an_empty_story_is_tombstoned() -> None:
    book = StoryBook("agreement:acquisition")
    _add(book, event("e1", source="alpha"))
    _add(book, event("e2", source="beta"))
    sid = book.where["e1"]
    changes = book.retract("e2")
    assert _kinds(changes) == [(sid, "updated")]
    record = changes[0].record
    assert record is not None
    assert (record["mention_count"], record["source_count"], record["event_ids"]) == (1, 1, ["e1"])
    assert book.retract("e1") == [StoryChange(sid, "deleted", None)]
    assert len(book) == 0 and not book.where
    assert book.retract("e1") == []
    assert book.retract("never-seen") == []


def test_a_retracted_mention_leaves_merged_stories_merged() -> None:
    book = StoryBook("agreement:acquisition")
    first, _ = _two_deals(book)
    _add(book, event("e3"))
    book.retract("e3")
    assert list(book.stories) == [first]
    assert [m.event_id for m in book.stories[first].members] == ["e1", "e2"]


def test_a_reextracted_event_moves_and_its_emptied_story_is_tombstoned() -> None:
    book = StoryBook("agreement:acquisition")
    first, second = _two_deals(book)
    changes = _add(book, event("e2", amounts=[usd(120e6)]))  # corrected: the first deal's sum
    assert _kinds(changes) == [(second, "deleted"), (first, "updated")]
    assert book.where["e2"] == first
    assert [m.event_id for m in book.stories[first].members] == ["e1", "e2"]


def test_a_reextracted_event_that_stays_is_one_update() -> None:
    book = StoryBook("agreement:acquisition")
    _add(book, event("e1"))
    _add(book, event("e2"))
    changes = _add(book, event("e2", confidence=0.95))
    assert [c.kind for c in changes] == ["updated"]
    assert changes[0].record is not None and changes[0].record["mention_count"] == 2


def test_expiry_forgets_old_stories_without_publishing_and_a_later_mention_opens_a_new_one() -> None:
    book = StoryBook("agreement:acquisition")
    _add(book, event("e1", published_at="2026-01-05T09:00:00Z"))
    old = book.where["e1"]
    assert book.expire(datetime(2026, 1, 5, tzinfo=UTC)) == []
    assert book.expire(datetime(2026, 2, 1, tzinfo=UTC)) == [old]
    assert len(book) == 0 and "e1" not in book.where
    assert book.retract("e1") == []
    changes = _add(book, event("e9", published_at="2026-02-02T09:00:00Z"))
    assert [c.kind for c in changes] == ["created"] and changes[0].story_id != old


def test_a_story_without_times_never_expires() -> None:
    book = StoryBook("agreement:acquisition")
    _add(book, event("e1", published_at=None))
    assert book.expire(datetime(2099, 1, 1, tzinfo=UTC)) == []


def _later(book: StoryBook) -> list[StoryChange]:
    changes = _add(book, event("e3"))  # merges the two deals
    changes += _add(book, event("e4", amounts=[usd(999e6)], source="gamma"))
    changes += book.retract("e1")
    changes += _add(book, event("e5", actors=[]))
    return changes


def _state(book: StoryBook) -> dict[str, Any]:
    """The rows the stream keeps for a block: its index and each story."""
    return {"index": book.index_state(), "stories": [book.story_state(i) for i in book.stories]}


def test_state_round_trip_behaves_the_same_afterwards() -> None:
    book = StoryBook("agreement:acquisition")
    _two_deals(book)
    state = json.loads(json.dumps(_state(book)))
    restored = StoryBook.from_rows(state["index"], state["stories"])
    assert _state(restored) == _state(book)
    assert restored.where == book.where and restored.next_seq == book.next_seq
    assert _later(restored) == _later(book)
    assert _state(restored) == _state(book)


def test_a_book_read_back_has_looked_as_far_as_the_one_written() -> None:
    """How far expiry has looked travels with the rows: a book read back after a crash expires the
    same stories as the book that wrote them, so a replay publishes the same changes."""
    book = StoryBook("agreement:acquisition")
    book.place(mention_from_record(event("e1")), timedelta(days=10))
    assert book.expired_to is not None
    state = json.loads(json.dumps(_state(book)))
    assert StoryBook.from_rows(state["index"], state["stories"]).expired_to == book.expired_to
