"""The story stage offline: events in, story versions out, with every block in one process.

The stream splits the same work over two steps (``streams/app/stories.py``): the first, keyed
by event id, knows which block each event went to (so a tombstone, which carries only the
event id, finds its story); the second, keyed by block, holds the blocks. :class:`StoryStage`
does both in memory in the same order, so ``newsevents extract --stories`` and the benchmark
give what the stream gives for the same events in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from streams.core.stories.book import StoryBook, StoryChange
from streams.core.stories.matching import DEFAULT_MATCH, MatchSettings
from streams.core.stories.mention import Mention, mention_from_record


@dataclass(frozen=True)
class Routed:
    """What one event means for the blocks: leave ``old_block`` (if any), join ``mention``'s."""

    event_id: str
    old_block: str | None
    mention: Mention | None  # None for a retraction


def route(event_id: str, record: dict[str, Any] | None, previous_block: str | None) -> Routed:
    """The first step: an event (or its tombstone, ``record`` None) against the block it was in."""
    if record is None:
        return Routed(event_id, previous_block, None)
    mention = mention_from_record(record)
    old = previous_block if previous_block not in (None, mention.block) else None
    return Routed(event_id, old, mention)


@dataclass
class StoryStage:
    """Every block in memory, for offline use."""

    settings: MatchSettings = DEFAULT_MATCH
    horizon: timedelta = timedelta(days=10)
    books: dict[str, StoryBook] = field(default_factory=dict)
    blocks: dict[str, str] = field(default_factory=dict)  # event id -> block

    def book(self, block: str) -> StoryBook:
        if block not in self.books:
            self.books[block] = StoryBook(block, self.settings)
        return self.books[block]

    def add(self, record: dict[str, Any]) -> list[StoryChange]:
        """One published event: its story versions (and those of the story it left, if it moved)."""
        routed = route(str(record.get("event_id")), record, self.blocks.get(str(record.get("event_id"))))
        return self.apply(routed)

    def retract(self, event_id: str) -> list[StoryChange]:
        """One event tombstone."""
        return self.apply(route(event_id, None, self.blocks.get(event_id)))

    def apply(self, routed: Routed) -> list[StoryChange]:
        changes: list[StoryChange] = []
        if routed.old_block is not None:
            changes += self.book(routed.old_block).retract(routed.event_id)
        if routed.mention is None:
            self.blocks.pop(routed.event_id, None)
            return changes
        mention = routed.mention
        self.blocks[routed.event_id] = mention.block
        return changes + self.book(mention.block).place(mention, self.horizon)[0]
