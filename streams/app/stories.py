"""The story stage in the stream: two Faust agents and two tables around the pure core.

Why agents on the event topics rather than a step of the extraction batch: the event topics are
the contract, so stories follow exactly what downstream sees, retractions and replays included;
and an analyst can rebuild stories by replaying the event topics alone. The agents run in their
own worker by default (``newsevents stories``, ``create_story_app``), so that story state never
holds extraction up; ``NEWSEVENTS_STORIES=true`` adds them to the extraction workers instead.

The work is split by what each step needs to find:

1. ``route-mentions`` reads ``events.meeting``, ``events.agreement`` and ``events.statement``
   (key = event id). Its table ``story-routes`` (event id -> block) is what lets a tombstone,
   which carries only the event id, reach the block its event is in. It forwards each event to
   the repartition topic ``<app id>-story-mentions`` keyed by block, the ``group_by`` of this
   stream: an explicit topic rather than ``Stream.group_by`` because a tombstone's new key
   comes from the table and the forwarded message is an instruction (add / retract), not the
   event record itself.
2. ``assign-stories`` reads that topic (key = block). Its table ``story-blocks`` holds each
   block's stories (``BlockRows``: an index row per block, a row per story); it places the
   mention (``streams.core.stories``)
   and publishes every changed story on ``events.story`` before moving on.

Both tables are Faust tables: each write goes to a compacted changelog topic, and a worker
that restarts, or takes a partition over in a rebalance, rebuilds the table from it before
its agent resumes. Every step is idempotent for a repeated input (an event that is already a
member leaves and rejoins), so at-least-once delivery only repeats story versions.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import MutableMapping
from datetime import UTC, datetime, timedelta
from typing import Any

import faust
from faust.types import StreamT

from streams import metrics
from streams.app.records import story_record
from streams.config import Settings
from streams.config.settings import STORY_BLOCKS_TABLE, STORY_ROUTES_TABLE
from streams.core.stories.book import StoryBook, StoryChange
from streams.core.stories.mention import InvalidEventRecord, mention_from_record, parse_time
from streams.core.stories.stage import route

log = logging.getLogger(__name__)


def _decode_event(value: bytes | None) -> dict[str, Any] | None:
    """An event record, or None for a tombstone; raises InvalidEventRecord for anything else."""
    if value is None:
        return None
    try:
        record = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidEventRecord(f"not JSON: {error}") from error
    if not isinstance(record, dict):
        raise InvalidEventRecord("not a JSON object")
    return record


def route_instructions(
    event_id: str, value: bytes | None, previous_block: str | None
) -> tuple[list[tuple[str, dict[str, Any]]], str | None]:
    """What one event-topic record asks of the blocks, and the event's block afterwards.

    Returns ``[(block, instruction), ...]`` in the order to send them, and the block to keep for
    the event (None: forget it). An instruction is ``{"op": "retract", "event_id": ...}`` or
    ``{"op": "add", "record": {...}}``.
    """
    routed = route(event_id, _decode_event(value), previous_block)
    out: list[tuple[str, dict[str, Any]]] = []
    if routed.old_block is not None:
        out.append((routed.old_block, {"op": "retract", "event_id": event_id}))
    if routed.mention is None:
        return out, None
    out.append((routed.mention.block, {"op": "add", "record": routed.mention.record}))
    return out, routed.mention.block


def apply_instruction(
    book: StoryBook, instruction: dict[str, Any], horizon: timedelta
) -> tuple[list[StoryChange], list[str], datetime | None]:
    """Apply one instruction to a block: the changes to publish, the stories that left the
    state past the horizon, and the event's publication time (``recorded_at``)."""
    if instruction["op"] == "retract":
        return book.retract(str(instruction["event_id"])), [], None
    changes, expired = book.place(mention_from_record(instruction["record"]), horizon)
    return changes, expired, parse_time(instruction["record"].get("recorded_at"))


class BlockRows:
    """The story state as table rows, with the blocks in use kept as objects.

    Each block is one index row (``i:<block>``: its sequence and story ids) and one row per story
    (``s:<story id>``: its members), so that a mention rewrites only the rows it changed and no
    row grows with its block: a block of every meeting of ten days would pass Kafka's 1 MB
    message limit as one row. Blocks already read are kept as ``StoryBook`` objects; the table
    is written through, so the cache is only a copy, and :meth:`forget` drops it when the
    worker's partitions change (another worker may have changed the rows meanwhile).
    """

    def __init__(self, table: MutableMapping[bytes, bytes], horizon: timedelta) -> None:
        self.table = table
        self.horizon = horizon
        self._books: dict[str, StoryBook] = {}

    def book(self, block: str) -> StoryBook:
        if block not in self._books:
            index = self.table.get(b"i:" + block.encode())
            if index is None:
                self._books[block] = StoryBook(block)
            else:
                state = json.loads(index)
                rows = [json.loads(self.table[b"s:" + i.encode()]) for i in state["stories"]]
                self._books[block] = StoryBook.from_rows(state, rows)
        return self._books[block]

    def apply(self, block: str, instruction: dict[str, Any]) -> tuple[list[StoryChange], datetime | None]:
        """One instruction; the rows it changed are written before this returns."""
        book = self.book(block)
        next_seq = book.next_seq
        changes, expired, recorded = apply_instruction(book, instruction, self.horizon)
        opened_or_closed = any(c.kind in ("created", "merged", "deleted") for c in changes)
        for story_id in {c.story_id for c in changes} | set(expired):
            key = b"s:" + story_id.encode()
            if story_id in book.stories:
                self.table[key] = _compact(book.story_state(story_id))
            elif key in self.table:
                del self.table[key]
        index = b"i:" + block.encode()
        if not book.stories:
            self._books.pop(block, None)
            if index in self.table:
                del self.table[index]
        elif expired or opened_or_closed or book.next_seq != next_seq:
            self.table[index] = _compact(book.index_state())
        return changes, recorded

    def forget(self) -> None:
        self._books.clear()

    @property
    def live_stories(self) -> int:
        return sum(len(b) for b in self._books.values())


class InMemorySteps:
    """Both steps as the agents run them (JSON in and out, rows written), with dicts for the
    Faust tables: what the benchmarks time and the tests compare with ``StoryStage``."""

    def __init__(self, horizon: timedelta, table: MutableMapping[bytes, bytes] | None = None) -> None:
        self.routes: dict[str, str] = {}
        self.rows = BlockRows({} if table is None else table, horizon)

    def feed(self, event_id: str, value: bytes | None) -> list[StoryChange]:
        """One record of an event topic (``value`` None: a tombstone); the changes to publish."""
        sends, keep = route_instructions(event_id, value, self.routes.get(event_id))
        if keep is None:
            self.routes.pop(event_id, None)
        else:
            self.routes[event_id] = keep
        changes: list[StoryChange] = []
        for block, instruction in sends:
            changes += self.rows.apply(block, json.loads(json.dumps(instruction)))[0]
        return changes


def _compact(state: dict[str, Any]) -> bytes:
    return json.dumps(state, separators=(",", ":")).encode()


def install_story_stage(app: faust.App, settings: Settings) -> None:
    """Add the two agents and their tables to ``app`` (see the module docstring)."""
    names = settings.story_topics
    partitions = settings.topics.partitions
    horizon = timedelta(days=settings.stories.horizon_days)
    # bytes in, bytes out: the app's serializers are "raw" (streams/app/worker.py)
    routes = app.Table(STORY_ROUTES_TABLE, partitions=partitions, key_type=bytes, value_type=bytes)
    blocks = app.Table(STORY_BLOCKS_TABLE, partitions=partitions, key_type=bytes, value_type=bytes)
    event_topics = app.topic(
        *settings.topics.events.values(),
        key_serializer="raw",
        value_serializer="raw",
        partitions=partitions,
        allow_empty=True,
    )
    mentions = app.topic(
        names.mentions, key_serializer="raw", value_serializer="raw", partitions=partitions, allow_empty=True
    )
    rows = BlockRows(blocks, horizon)

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def forget_blocks(app: faust.App, revoked: set[Any], **kwargs: Any) -> None:
        """Rows of blocks this worker may no longer own, or will recover again, are read afresh."""
        rows.forget()

    @app.agent(event_topics, name="route-mentions")
    async def route_mentions(stream: StreamT[Any]) -> None:
        async for event in stream.events():
            event_id = (event.key or b"").decode("utf-8", errors="replace")
            previous = routes.get(event.key)
            try:
                sends, keep = route_instructions(
                    event_id, event.value, previous.decode() if previous is not None else None
                )
            except InvalidEventRecord as error:
                metrics.STORY_REJECTS.inc()
                log.error(
                    "story stage: record %s on %s[%d]@%d is no event record (%s); it joins no story",
                    event_id or "(no key)",
                    event.message.topic,
                    event.message.partition,
                    event.message.offset,
                    error,
                )
                continue
            for block, instruction in sends:
                await mentions.send(key=block.encode(), value=json.dumps(instruction).encode())
            if keep is not None:
                routes[event.key] = keep.encode()
            elif previous is not None:
                del routes[event.key]

    @app.agent(mentions, name="assign-stories")
    async def assign_stories(stream: StreamT[Any]) -> None:
        async for event in stream.events():
            changes, recorded = rows.apply((event.key or b"").decode(), json.loads(event.value))
            now = datetime.now(UTC)
            pending = []
            for change in changes:
                out = story_record(change.story_id, change.record, names.stories, settings.ce_source, now)
                pending.append(
                    await app.producer.send(
                        out.topic, out.key, out.value, partition=None, timestamp=None, headers=out.headers
                    )
                )
                metrics.STORY_CHANGES.labels(change=change.kind).inc()
                if change.record is not None:
                    metrics.STORY_MENTIONS.observe(change.mention_count)
            for future in pending:
                await future  # acknowledged before the next mention, so no version is lost
            metrics.STORY_STATE.set(rows.live_stories)
            if recorded is not None:
                metrics.STORY_LAG.set(max(0.0, time.time() - recorded.timestamp()))
