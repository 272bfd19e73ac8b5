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
   mention (``streams.core.stories``), publishes every changed story on ``events.story``, and
   writes the rows it changed once the broker has them (``BlockRows`` says why in that order).

Both tables are Faust tables: each write goes to a compacted changelog topic, and a worker
that restarts, or takes a partition over in a rebalance, rebuilds the table from it before
its agent resumes. Every step is idempotent for a repeated input (an event that is already a
member leaves and rejoins), so at-least-once delivery only repeats story versions. For that
the table must hold exactly what was published for every committed input: a step lets its
input be committed only once the changelog has its rows (``ChangelogTable``), and writes no
row while a rebalance may still recover the table under it (``Holding``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import faust
from faust.types import StreamT

from streams import metrics
from streams.app.publishing import FaustPublisher, Publisher, publish_until_acknowledged
from streams.app.records import OutputRecord, story_record
from streams.app.retry import retry_with_backoff
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


@dataclass(frozen=True)
class Placement:
    """What one instruction did to a block: the story records to publish, the event's publication
    time (``recorded_at``), and the table rows to write once they are published (None: delete)."""

    changes: list[StoryChange]
    recorded: datetime | None
    rows: dict[bytes, bytes | None]


#: The largest journal row written, bytes: below Kafka's default 1 MB message limit, with room for
#: the record's key and headers.
JOURNAL_LIMIT = 900_000


class BlockRows:
    """The story state as table rows, with the blocks in use kept as objects.

    Each block is one index row (``i:<block>``: its sequence and story ids) and one row per story
    (``s:<story id>``: its members), so that a mention rewrites only the rows it changed and no
    row grows with its block: a block of every meeting of ten days would pass Kafka's 1 MB
    message limit as one row. Blocks already read are kept as ``StoryBook`` objects; the table
    is written through, so the cache is only a copy, and :meth:`forget` drops it when the
    worker's partitions change (another worker may have changed the rows meanwhile).

    Why rows are written only after the story records are published, and through a journal: a
    worker can die between any two sends. Its successor restores the table from the changelog and
    replays the mention. If the rows had been written first, the replay would find the mention
    already placed and publish nothing, so a tombstone of a merged story that never reached
    ``events.story`` would be lost, and its events would stay in two stories. Written after, the
    rows are either all old (the replay publishes the same changes again) or, thanks to the
    journal, all new. The journal row (``j:<block>``) holds every row a mention changes, written
    before them and deleted after them; one changelog partition keeps the writes in order, so a
    journal still present names writes that may be half done, and :meth:`book` finishes them.
    A mention that changes one row, the usual case, needs no journal. The agent publishes with
    retries instead of raising (Faust would acknowledge the mention), writes no row across a
    rebalance, and acknowledges the mention only once the changelog has its rows (``Holding``,
    ``ChangelogTable``).
    """

    def __init__(self, table: MutableMapping[bytes, bytes], horizon: timedelta) -> None:
        self.table = table
        self.horizon = horizon
        self._books: dict[str, StoryBook] = {}

    def book(self, block: str) -> StoryBook:
        if block not in self._books:
            self._finish_journal(block)
            index = self.table.get(b"i:" + block.encode())
            if index is None:
                self._books[block] = StoryBook(block)
            else:
                state = json.loads(index)
                rows = [json.loads(self.table[b"s:" + i.encode()]) for i in state["stories"]]
                self._books[block] = StoryBook.from_rows(state, rows)
        return self._books[block]

    def place(self, block: str, instruction: dict[str, Any]) -> Placement:
        """Apply one instruction to the block's cached book; nothing is written yet (:meth:`write`)."""
        book = self.book(block)
        next_seq, expired_to = book.next_seq, book.expired_to
        changes, expired, recorded = apply_instruction(book, instruction, self.horizon)
        opened_or_closed = any(c.kind in ("created", "merged", "deleted") for c in changes)
        rows: dict[bytes, bytes | None] = {}
        for story_id in sorted({c.story_id for c in changes} | set(expired)):
            key = b"s:" + story_id.encode()
            rows[key] = _compact(book.story_state(story_id)) if story_id in book.stories else None
        index = b"i:" + block.encode()
        if not book.stories:
            self._books.pop(block, None)
            rows[index] = None
        elif expired or opened_or_closed or book.next_seq != next_seq or book.expired_to != expired_to:
            rows[index] = _compact(book.index_state())
        return Placement(changes, recorded, rows)

    def write(self, block: str, rows: dict[bytes, bytes | None]) -> None:
        """Write the rows of one placement, through the journal when there are several."""
        if len(rows) <= 1:
            self._write(rows)
            return
        journal = b"j:" + block.encode()
        entry = _compact({"rows": [[k.decode(), _text(v)] for k, v in rows.items()]})
        if len(entry) > JOURNAL_LIMIT:
            # a merge of very large stories: one changelog message could not hold it, so the rows
            # go without a journal (a crash between them is then not finished by the successor)
            log.warning(
                "story stage: block %s changes %d bytes of rows at once; writing them unjournalled",
                block,
                len(entry),
            )
            self._write(rows)
            return
        self.table[journal] = entry
        self._write(rows)
        del self.table[journal]

    def apply(self, block: str, instruction: dict[str, Any]) -> Placement:
        """Place and write at once: for callers that publish nothing (benchmarks, tests)."""
        placement = self.place(block, instruction)
        self.write(block, placement.rows)
        return placement

    def _write(self, rows: dict[bytes, bytes | None]) -> None:
        for key, value in rows.items():
            if value is not None:
                self.table[key] = value
            elif key in self.table:
                del self.table[key]

    def _finish_journal(self, block: str) -> None:
        key = b"j:" + block.encode()
        journal = self.table.get(key)
        if journal is None:
            return
        log.warning("story stage: block %s had writes left half done; finishing them", block)
        rows = json.loads(journal)["rows"]
        self._write({k.encode(): (None if v is None else v.encode()) for k, v in rows})
        del self.table[key]

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
            changes += self.rows.apply(block, json.loads(json.dumps(instruction))).changes
        return changes


def _compact(state: dict[str, Any]) -> bytes:
    return json.dumps(state, separators=(",", ":")).encode()


def _text(value: bytes | None) -> str | None:
    return None if value is None else value.decode()


async def _deliver(publisher: Publisher, settings: Settings, records: list[OutputRecord]) -> None:
    """Deliver the records, sending them all again until the broker acknowledges every one.

    Why retry here rather than raise: Faust acknowledges the current message when an agent's body
    raises, so a failed mention would be committed and never replayed (and an event could stay in
    two stories). Sending again only repeats story versions and instructions, which every step
    takes idempotently. A worker that is stopping gives up (cancellation), and its mention is read
    again by whoever takes the partition over, since its rows are not written.
    """
    await publish_until_acknowledged(
        publisher,
        records,
        settings,
        what=f"publishing {len(records)} story-stage records",
        on_failure=lambda exc: metrics.PUBLISH_FAILURES.inc(),
    )


async def _held_until_done(message: Any, step: Awaitable[bool]) -> None:
    """Run one step with its input message held uncommitted unless the step has finished.

    Faust acknowledges the message when the agent leaves it, even by an exception or by
    cancellation at shutdown; the extra reference (the extraction agent's pattern,
    streams/app/worker.py) keeps a step that did not finish from being committed, so the
    message is read again after a restart. A step that returns False gave its message up to a
    rebalance (:class:`Holding`): it stays unacknowledged, so no commit can pass it, and is read
    again from the committed offset by whoever holds its partition now.
    """
    message.incref()
    if await step:
        message.decref()


class ChangelogTable(faust.Table):  # type: ignore[type-arg]
    """A Faust table whose changelog writes a step can wait for (:meth:`acknowledged`).

    Faust sends a table's writes with ``send_soon``: they wait in the producer's buffer, and the
    flush before an offset commit gives up on the buffer after 0.1 s without a send. A mention
    acknowledged before its rows reach the changelog could then be committed without them, and
    a worker killed at that moment leaves a successor whose table lacks rows whose stories were
    published (an event in no story, or in two). So a step waits for its rows first.
    """

    _unacknowledged: list[Any] | None = None

    def send_changelog(self, *args: Any, **kwargs: Any) -> Any:
        future = super().send_changelog(*args, **kwargs)
        if self._unacknowledged is None:
            self._unacknowledged = []
        self._unacknowledged.append(future)
        return future

    async def acknowledged(self) -> None:
        """Return once the broker has every changelog write made so far; raise if one failed."""
        pending, self._unacknowledged = self._unacknowledged or [], []
        await asyncio.gather(*pending)


class Holding:
    """Whether this worker may write a step's table rows: the partition held without a break since
    the step began, and no rebalance under way.

    Why both. Faust does not wait for agents in a rebalance (``stream_wait_empty`` is off), so a
    step can finish while one runs. If the partition moved, the new owner has recovered the table
    and replays the mention: rows written here would land in its changelog after its own. If the
    partition stays, Faust recovers it anyway, reading the changelog again from where this
    worker's last recovery ended up to its end offset *at the start of this recovery*, and so
    puts each row back to its value there: rows written during the rebalance are undone in the
    table (not in the changelog), the step acknowledges its mention, and the next mention of the
    block starts from rows that lack it: an event in no story, or in two when a merge is undone
    (the chaos soak's failures, docs/reliability.md). A partition lost and got back meanwhile has
    rows another worker wrote since the step read them.

    So a step waits until the rebalance is over (its assignment seen and its tables recovered),
    writes only if the partition has stayed here all along, and acknowledges its mention only if
    no rebalance began while its rows were on their way to the changelog; otherwise it writes them
    again once that one is over (the same rows: the mention is still this block's latest).
    """

    #: The longest a step waiting for a rebalance to end goes without looking again: Faust flags
    #: the end (``App.rebalancing``) with no signal after it.
    POLL = 0.2

    def __init__(self, app: Any) -> None:
        self.app = app
        self._since: dict[Any, int] = {}  # partition -> the rebalance that gave it to this worker
        self._assigned_in = -1  # the rebalance whose assignment was seen last
        self._moved = asyncio.Event()

    @property
    def rebalance(self) -> int:
        """Faust's count of rebalances, raised on the consumer's thread as soon as one begins."""
        return int(self.app.rebalancing_count)

    def on_assigned(self, assigned: set[Any]) -> None:
        rebalance = self.rebalance
        self._since = {tp: self._since.get(tp, rebalance) for tp in assigned}
        self._assigned_in = rebalance
        self.look_again()

    def look_again(self) -> None:
        """Wake the steps waiting for the rebalance to end (the tables are recovered, say)."""
        self._moved.set()

    def settled(self) -> bool:
        """No rebalance under way, and the assignment of the last one seen."""
        return not self.app.rebalancing and self._assigned_in == self.rebalance

    async def until_settled(self) -> None:
        while not self.settled():
            self._moved.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._moved.wait(), self.POLL)

    def has_table_partition(self, table: Any, partition: int) -> bool:
        """Whether this rebalance gave this worker ``table``'s changelog partition ``partition``,
        whose rows its recovery restored.

        Faust assigns a table's changelog partitions with its input's only while every member of
        the group subscribes to the same topics. A member still starting (or stopping) subscribes
        to fewer, and the assignor then splits the topics into groups assigned one by one: a worker
        can get input partition 2 and the changelog partitions of its last assignment (a chaos
        soak's logs: articles 2, 3, 6 and changelogs 0, 1, 3, 6). Its table then holds no row of
        partition 2, and a step would read every block there as empty."""
        topic = table.changelog_topic.get_topic_name()
        return any(
            tp.topic == topic and tp.partition == partition for tp in self.app.assignor.assigned_actives()
        )

    def held_since(self, tp: Any, rebalance: int) -> bool:
        """Whether ``tp`` has been this worker's without a break since ``rebalance``."""
        since = self._since.get(tp)
        return since is not None and since <= rebalance and tp in self.app.consumer.assignment()


async def write_held(
    holding: Holding,
    message: Any,
    began: int,
    write: Callable[[], None],
    table: ChangelogTable,
    settings: Settings,
    what: str,
) -> bool:
    """Write a step's rows (``write``) once the partition is known to have stayed here since the
    step began in rebalance ``began``, and return once the changelog has them; False: the rows
    are not this worker's to write, and the mention must not be acknowledged (:class:`Holding`)."""

    async def attempt() -> bool:
        while True:
            await holding.until_settled()
            if not holding.held_since(message.tp, began):
                log.info(
                    "story stage: %s: %s[%d] changed hands meanwhile; leaving it to a replay",
                    what,
                    message.topic,
                    message.partition,
                )
                return False
            written_in = holding.rebalance
            write()
            await table.acknowledged()
            if holding.rebalance == written_in:
                return True
            log.info(
                "story stage: %s: a rebalance began while its rows were sent; writing them again after it",
                what,
            )

    return await retry_with_backoff(
        attempt,
        what=f"writing the rows of {what}",
        max_delay=settings.batching.publish_retry_max,
        on_failure=lambda exc: metrics.PUBLISH_FAILURES.inc(),
    )


class StoryAgents:
    """The bodies of the two agents (see the module docstring), apart from Faust so that the tests
    can run them; each returns whether its mention may be acknowledged."""

    def __init__(
        self,
        app: Any,
        settings: Settings,
        routes: ChangelogTable,
        blocks: ChangelogTable,
        publisher: Publisher,
        holding: Holding,
    ) -> None:
        self.app = app
        self.settings = settings
        self.names = settings.story_topics
        self.routes = routes
        self.blocks = blocks
        self.rows = BlockRows(blocks, timedelta(days=settings.stories.horizon_days))
        self.publisher = publisher
        self.holding = holding

    async def _settled(self, message: Any, what: str, table: ChangelogTable) -> int | None:
        """Wait until no rebalance is under way, and return the count of the last one; None when
        the message's partition left this worker meanwhile (the step must then give it up).

        Why before a step reads its table, not only before it writes: Faust does not wait for
        agents in a rebalance, so a step can begin (on a message fetched before it) while the
        tables are recovered, and would read rows half recovered (older ones on a partition kept
        here, none on one just taken over) and place its mention from them: an event opening a
        second story, or a story losing members. And a step whose partition the rebalance gave
        to another worker would read no rows at all and publish from them a story its write then
        refuses (a chaos soak's event in two stories); the new owner replays the mention. No
        await comes between this return and the step's read.
        """
        entered = self.holding.rebalance
        if not self.holding.settled():
            log.info("story stage: a step waits for the rebalance to end before it reads its rows")
            await self.holding.until_settled()
        if not self.holding.held_since(message.tp, entered):
            log.info(
                "story stage: %s: %s[%d] changed hands before the step read its rows; leaving it to a replay",
                what,
                message.topic,
                message.partition,
            )
            return None
        if not self.holding.has_table_partition(table, message.partition):
            log.warning(
                "story stage: %s: %s[%d] came without partition %d of the table's changelog, which the "
                "group assigned elsewhere while its members subscribed to different topics; leaving "
                "the mention uncommitted for a replay after the next rebalance",
                what,
                message.topic,
                message.partition,
                message.partition,
            )
            return None
        return self.holding.rebalance

    async def route(self, event: Any) -> bool:
        event_id = (event.key or b"").decode("utf-8", errors="replace")
        began = await self._settled(event.message, f"event {event_id}", self.routes)
        if began is None:
            return False
        previous = self.routes.get(event.key)
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
            return True
        # delivered before the route changes: a replay sends them again
        instructions = [
            OutputRecord(self.names.mentions, b.encode(), json.dumps(i).encode(), [], "story_mention")
            for b, i in sends
        ]
        await _deliver(self.publisher, self.settings, instructions)

        route = keep.encode() if keep is not None else None
        if route == previous:
            return True  # a copy of the event: its route, already in the changelog, stays

        def write() -> None:
            if route is not None:
                self.routes[event.key] = route
            elif event.key in self.routes:
                del self.routes[event.key]

        return await write_held(
            self.holding, event.message, began, write, self.routes, self.settings, f"event {event_id}"
        )

    async def assign(self, event: Any) -> bool:
        block = (event.key or b"").decode()
        began = await self._settled(event.message, f"block {block}", self.blocks)
        if began is None:
            return False
        rows = self.rows
        try:
            placement = rows.place(block, json.loads(event.value))
            now = datetime.now(UTC)
            stories = [
                story_record(c.story_id, c.record, self.names.stories, self.settings.ce_source, now)
                for c in placement.changes
            ]
            await _deliver(self.publisher, self.settings, stories)
            written = not placement.rows or await write_held(
                self.holding,
                event.message,
                began,
                lambda: rows.write(block, placement.rows),
                self.blocks,
                self.settings,
                f"block {block}",
            )
        except BaseException:
            rows.forget()  # the cached book is ahead of the table, which the replay reads
            raise
        if not written:
            rows.forget()
            return False
        for change in placement.changes:
            metrics.STORY_CHANGES.labels(change=change.kind).inc()
            if change.record is not None:
                metrics.STORY_MENTIONS.observe(change.mention_count)
        metrics.STORY_STATE.set(rows.live_stories)
        if placement.recorded is not None:
            metrics.STORY_LAG.set(max(0.0, time.time() - placement.recorded.timestamp()))
        return True


def _changelog_table(app: faust.App, name: str, partitions: int) -> ChangelogTable:
    # bytes in, bytes out: the app's serializers are "raw" (streams/app/worker.py)
    table = ChangelogTable(
        app, name=name, beacon=app.tables.beacon, partitions=partitions, key_type=bytes, value_type=bytes
    )
    app.tables.add(table)
    return table


def install_story_stage(app: faust.App, settings: Settings) -> None:
    """Add the two agents and their tables to ``app`` (see the module docstring)."""
    names = settings.story_topics
    partitions = settings.topics.partitions
    routes = _changelog_table(app, STORY_ROUTES_TABLE, partitions)
    blocks = _changelog_table(app, STORY_BLOCKS_TABLE, partitions)
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
    holding = Holding(app)
    agents = StoryAgents(app, settings, routes, blocks, FaustPublisher(app), holding)

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def forget_blocks(app: faust.App, revoked: set[Any], **kwargs: Any) -> None:
        """Rows of blocks this worker may no longer own, or will recover again, are read afresh."""
        agents.rows.forget()

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def note_assignment(app: faust.App, assigned: set[Any], **kwargs: Any) -> None:
        holding.on_assigned(assigned)

    @app.on_rebalance_complete.connect  # type: ignore[arg-type]
    async def tables_recovered(app: faust.App, **kwargs: Any) -> None:
        holding.look_again()

    @app.agent(event_topics, name="route-mentions")
    async def route_mentions(stream: StreamT[Any]) -> None:
        async for event in stream.events():
            await _held_until_done(event.message, agents.route(event))

    @app.agent(mentions, name="assign-stories")
    async def assign_stories(stream: StreamT[Any]) -> None:
        async for event in stream.events():
            await _held_until_done(event.message, agents.assign(event))
