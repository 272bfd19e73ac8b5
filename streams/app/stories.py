"""The story stage in the stream: two Faust agents and two tables around the pure core.

Why agents on the event topics, in the same worker, rather than a step after extraction: the
event topics are the contract, so stories follow exactly what downstream sees, retractions
and replays included; extraction batches are never held up by story state; and an analyst
can rebuild stories by replaying the event topics alone.

The work is split by what each step needs to find:

1. ``route-mentions`` reads ``events.meeting``, ``events.agreement`` and ``events.statement``
   (key = event id). Its table ``story-routes`` (event id -> block) is what lets a tombstone,
   which carries only the event id, reach the block its event is in. It forwards each event to
   the repartition topic ``<app id>-story-mentions`` keyed by block, the ``group_by`` of this
   stream: an explicit topic rather than ``Stream.group_by`` because a tombstone's new key
   comes from the table and the forwarded message is an instruction (add / retract), not the
   event record itself.
2. ``assign-stories`` reads that topic (key = block). Its table ``story-blocks`` holds each
   block's stories (``StoryBook.to_state()``); it places the mention (``streams.core.stories``)
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
) -> tuple[list[StoryChange], datetime | None]:
    """Apply one instruction to a block; returns the changes and the event's publication time."""
    if instruction["op"] == "retract":
        return book.retract(str(instruction["event_id"])), None
    mention = mention_from_record(instruction["record"])
    if mention.seen is not None:
        book.expire(mention.seen - horizon)
    return book.add(mention), parse_time(instruction["record"].get("recorded_at"))


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
    live: dict[str, int] = {}  # block -> live stories, for the state gauge

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
            block = (event.key or b"").decode()
            raw = blocks.get(event.key)
            book = StoryBook.from_state(json.loads(raw)) if raw is not None else StoryBook(block)
            changes, recorded = apply_instruction(book, json.loads(event.value), horizon)
            if len(book):
                blocks[event.key] = json.dumps(book.to_state(), separators=(",", ":")).encode()
            elif raw is not None:
                del blocks[event.key]
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
            live[block] = len(book)
            metrics.STORY_STATE.set(sum(live.values()))
            if recorded is not None:
                metrics.STORY_LAG.set(max(0.0, time.time() - recorded.timestamp()))
