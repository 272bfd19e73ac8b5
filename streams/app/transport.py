"""Faust's Kafka transport with the changes the worker needs: a fetch wait, leaving, and a seek guard.

**Fetch wait.** Faust fixes the group consumer's ``fetch_max_wait_ms`` at 1,500 ms; Tansu holds
a fetch for part of that time even with records waiting, so the worker sets it from
``NEWSEVENTS_FETCH_MAX_WAIT_MS`` on the built consumer. See docs/decisions/0004-fetch-wait.md.

**Leaving.** A static group member leaves the group on a graceful stop, as a dynamic one does
(``leave_by_member_id``; why: ``streams/app/membership.py``), unless
``NEWSEVENTS_LEAVE_GROUP_ON_STOP`` is off (``stay_in_group``: the embedded Tansu broker's group gets
stuck when its leader leaves during a rebalance; docs/decisions/0009-tansu-group-leader.md).

**Seek guard.** Faust 0.15.3 with aiokafka 0.14 was seen to skip a partition's first batch after
a broker restart and commit its offsets. ``SeekGuard`` delivers each partition in order from its
committed offset, reads again when a later offset arrives, and commits only from the lowest
uncommitted offset. Tables' changelog partitions are left alone (``SeekGuard._unguarded``). See
docs/decisions/0001-seek-guard.md.

**Stalls.** Reading again needs a later offset to arrive; a partition whose last records were
dropped on the way waits forever. An idle worker looks for partitions with records it has not
committed and reads them again (``SeekGuard.look_for_stalls``, every ``STALL_CHECK_SECONDS``).
A table's recovery that waits for a changelog partition from which nothing arrives is read
again the same way (``SeekGuard.look_for_stalled_recovery``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import faust
from aiokafka.errors import KafkaError
from aiokafka.protocol.group import JoinGroupRequest, LeaveGroupRequest
from faust.transport.drivers import aiokafka as faust_aiokafka

from streams import metrics

log = logging.getLogger(__name__)

#: How often a worker looks for stalled partitions (``SeekGuard.look_for_stalls``): a partition is
#: read again after two looks in a row found the worker idle and the partition's records unread.
STALL_CHECK_SECONDS = 5.0
#: A message still being processed after this long is logged once by ``look_for_stalls``.
SLOW_MESSAGE_SECONDS = 60.0
#: A changelog partition a table's recovery waits for is read again after this long with nothing
#: from it (``look_for_stalled_recovery``); Faust starts warning of such a partition at 30 s.
RECOVERY_STALL_SECONDS = 30.0


class SeekGuard:
    """Mixin for Faust's consumer: deliver each partition's records in order from its start.

    Kept apart from Faust's class so that ``tests/app/test_transport.py`` can run it over
    a stand-in for Faust's consumer and fetch loop. Why: docs/decisions/0001-seek-guard.md.
    """

    _read_offset: Any
    _acked: Any
    app: Any
    #: Topics whose uncommitted partitions go back to their start at every seek: the input, whose
    #: last articles must not wait forever (``_seek_uncommitted``); the story stage's topics keep
    #: aiokafka's position, which the chaos soak found safer for the stage's replays.
    restart_topics: frozenset[str] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._seeks = 0
        self._read_offsets_after_seek: dict[Any, int | None] = {}
        self._next: dict[Any, int] = {}  # per partition: the offset to deliver next
        self._floor: dict[Any, int] = {}  # per partition: the lowest offset not committed yet
        self._gap_seen: dict[Any, tuple[int, int]] = {}  # per partition: (expected, got) of the last jump
        self._handed_out = 0  # guarded records handed to Faust so far
        self._stall_suspects: dict[Any, tuple[int, int]] = {}  # tp -> (floor, handed out), last look
        self._in_flight_since: dict[tuple[Any, int], float] = {}  # (tp, offset) -> first seen in flight
        self._slow_reported: set[tuple[Any, int]] = set()
        self._recovery_reads: dict[Any, float] = {}  # changelog tp -> when it was last read again
        # one seek at a time: a rewind that lands inside a rebalance's seek, after aiokafka moved
        # to the committed offset and before the guard learnt it, sends a partition back to where
        # it was before the rebalance, past records nobody processed (a stall, look_for_stalls)
        self._seeking = asyncio.Lock()

    async def perform_seek(self) -> None:
        async with self._seeking:
            await super().perform_seek()  # type: ignore[misc]
            self._read_offsets_after_seek = dict(self._read_offset)
            starts = await self._start_offsets()
            self._next, self._floor, self._gap_seen = dict(starts), dict(starts), {}
            self._seeks += 1
            await self._seek_uncommitted(starts)
        log.info("seek %d: delivering from %s", self._seeks, _offsets_text(starts))

    async def _seek_uncommitted(self, starts: dict[Any, int]) -> None:
        """Send each guarded partition with nothing committed to where it starts.

        aiokafka's ``seek_to_committed`` leaves such a partition where its fetcher was, past
        records that were fetched and then dropped with Faust's buffers. Reading again when a later
        offset arrives does not help when those records were the partition's last ones (a worker
        restarted after its input went quiet): no later offset ever comes, and they wait forever.
        """
        for tp, offset in starts.items():
            if self._read_offsets_after_seek.get(tp) is None and tp[0] in self.restart_topics:
                await self._seek_on_consumer_thread(tp, offset, "to")

    async def _start_offsets(self) -> dict[Any, int]:
        """Committed offsets; for partitions with none, where ``auto_offset_reset`` starts them."""
        starts = {tp: o for tp, o in self._read_offsets_after_seek.items() if o is not None}
        missing = [tp for tp, o in self._read_offsets_after_seek.items() if o is None]
        if missing:
            if self.app.conf.consumer_auto_offset_reset == "earliest":
                starts.update(await self.earliest_offsets(*missing))  # type: ignore[attr-defined]
            else:
                starts.update(await self.highwaters(*missing))  # type: ignore[attr-defined]
        return starts

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[Any, Any]]:  # noqa: ASYNC109 - as in Faust
        fetched = super().getmany(timeout)  # type: ignore[misc]
        fetched_at: int | None = None  # the seek count when the fetch returned its records
        try:
            async for tp, message in fetched:
                if fetched_at is None:
                    fetched_at = self._seeks
                if self._unguarded(tp):
                    yield tp, message
                    continue
                if self._seeks != fetched_at:  # fetched before the latest seek
                    await self._rewind([(tp, message.offset), *[(t, m.offset) async for t, m in fetched]])
                    return
                expected = self._next.get(tp)
                if (
                    expected is not None
                    and message.offset > expected
                    and not self._known_gap(tp, expected, message.offset)
                ):
                    log.warning(
                        "%s: offset %d arrived where %d was due; reading again from %d",
                        tp,
                        message.offset,
                        expected,
                        expected,
                    )
                    await self._rewind([(tp, message.offset), *[(t, m.offset) async for t, m in fetched]])
                    return
                self._handed_out += 1
                yield tp, message
                if self._seeks != fetched_at:
                    # handed out across a seek: Faust has just recorded this stale offset as read
                    self._read_offset[tp] = self._read_offsets_after_seek.get(tp)
                    await self._rewind([(t, m.offset) async for t, m in fetched])
                    return
                if expected is not None and message.offset >= expected:
                    self._next[tp] = message.offset + 1
        finally:
            await fetched.aclose()

    def _unguarded(self, tp: Any) -> bool:
        """A table's changelog partition: Faust's recovery seeks it to the offset the table has
        read, not to a committed one, and the guard, expecting the group's offset, sent it back
        to the start on every rebalance; a worker was seen stuck in recovery for minutes with
        the story tables (``streams/app/stories.py``). Changelogs are never committed, so the
        skip the guard exists for cannot lose their records."""
        tables = getattr(self.app, "tables", None)
        return tables is not None and tp[0] in tables.changelog_topics

    def _known_gap(self, tp: Any, expected: int, got: int) -> bool:
        """A jump seen right after reading again from ``expected`` is real (markers, compaction)."""
        if self._gap_seen.get(tp) == (expected, got):
            if self._floor.get(tp) == expected:
                self._floor[tp] = got
            return True
        self._gap_seen[tp] = (expected, got)
        return False

    async def _rewind(self, undelivered: list[tuple[Any, int]]) -> None:
        """Seek each partition with fetched records left undelivered back, so that none is lost.

        A guarded partition goes back to the offset it must deliver next; a changelog partition,
        whose offsets the guard does not follow, to its first undelivered record: sending it to
        where the last rebalance started it would replay its table from there, and leaving it
        alone would lose the records, which the fetcher has already moved past.

        ``seek_wait`` runs the seek on the consumer's own thread. Faust's ``seek`` calls aiokafka's
        from the event loop's thread, and aiokafka's fetcher, which runs on the consumer thread,
        must not be changed from another one.
        """
        async with self._seeking:  # the targets are read after any seek under way has ended
            targets: dict[Any, int] = {}
            for tp, offset in undelivered:
                if self._unguarded(tp):
                    targets[tp] = min(offset, targets.get(tp, offset))
                elif tp in self._next:
                    targets[tp] = self._next[tp]
            for tp, offset in targets.items():
                await self._seek_on_consumer_thread(tp, offset, "back to")

    async def _seek_on_consumer_thread(self, tp: Any, offset: int, how: str) -> None:
        """``seek_wait`` one partition (on the consumer's own thread, see ``_rewind``); a partition
        revoked meanwhile is logged and left: its next owner starts from the commit."""
        try:
            await self.seek_wait({tp: offset})  # type: ignore[attr-defined]
        except Exception as exc:
            log.warning("could not seek %s %s %d: %s", tp, how, offset, exc)

    async def look_for_stalls(self) -> dict[Any, int]:
        """Read again the partitions an idle worker holds with records it has not committed.

        Why: the guard reads again when a later offset arrives, which never happens for a
        partition whose last records were dropped on the way (a rebalance during their fetch, say):
        they would wait until the next rebalance, and in a quiet topic forever. The chaos soak
        saw this in the story stage: a partition's last records not processed four minutes after
        the last rebalance, with nothing committed past them. A partition is read again from its
        lowest uncommitted offset when two looks in a row (``STALL_CHECK_SECONDS`` apart) find
        the worker idle (no record handed out, none queued or being processed) and the partition
        below its end offset at the same place; under load a worker is never idle, so this costs
        nothing then. Returns the partitions read again, with the offset each starts from.
        """
        if self.app.rebalancing or not self.flow_active:  # type: ignore[attr-defined]
            self._stall_suspects.clear()
            return {}
        in_flight = list(self._messages_in_flight())
        self._note_slow_messages(in_flight)
        if in_flight:
            self._stall_suspects.clear()
            return {}
        held = [tp for tp in self.assignment() if not self._unguarded(tp) and tp in self._floor]  # type: ignore[attr-defined]
        ends = await self.highwaters(*held) if held else {}  # type: ignore[attr-defined]
        suspects: dict[Any, tuple[int, int]] = {}
        stalled: dict[Any, int] = {}
        for tp in held:
            floor, end = self._floor[tp], ends.get(tp)
            if end is None or floor >= end:
                continue
            seen = (floor, self._handed_out)
            if self._stall_suspects.get(tp) == seen:
                stalled[tp] = floor
            else:
                suspects[tp] = seen
        self._stall_suspects = suspects
        for tp, seen_floor in stalled.items():
            metrics.STALLED_PARTITIONS.inc()
            async with self._seeking:
                floor = self._floor.get(tp, seen_floor)  # a seek that ran meanwhile may have moved it
                log.warning(
                    "%s: records %d to %d not processed while the worker is idle; reading again from %d (%s)",
                    tp,
                    floor,
                    ends[tp] - 1,
                    floor,
                    self._fetch_state(tp),
                )
                self._next[tp] = floor
                self._gap_seen.pop(tp, None)
                self.resume_partitions({tp})  # type: ignore[attr-defined]
                await self._seek_on_consumer_thread(tp, floor, "back to")
        return stalled

    async def look_for_stalled_recovery(self, now: float | None = None) -> dict[Any, int]:
        """Read again a changelog partition that a table's recovery waits for and that delivers
        nothing.

        Why: in CI's chaos soak at 7a0225a a worker that took partitions over waited four minutes
        in recovery for one changelog partition below its end, from which nothing arrived (Faust:
        "No event received for active tp ... since recovery start"); Faust pauses a worker's input
        while its tables recover, so two articles waited with it and the soak counted one lost.
        ``look_for_stalls`` cannot see this: the rebalance has not ended while tables recover. A
        partition recovery still needs (``active_remaining``) that has had no record for
        ``RECOVERY_STALL_SECONDS`` since the recovery started or since it was last read again is
        sought again where Faust's recovery seeks it (the last offset read, or 0): reading a
        changelog again only replays rows the table writes idempotently. Returns the partitions
        read again, with the offset each starts from.
        """
        tables = getattr(self.app, "tables", None)
        recovery = getattr(tables, "recovery", None)
        if recovery is None or not recovery.in_recovery:
            self._recovery_reads.clear()
            return {}
        now = time.monotonic() if now is None else now
        started = recovery._recovery_started_at or now
        received = recovery._active_events_received_at
        stalled: dict[Any, int] = {}
        for tp, remaining in recovery.active_remaining().items():
            quiet = now - max(received.get(tp, started), self._recovery_reads.get(tp, started))
            if remaining <= 0 or quiet < RECOVERY_STALL_SECONDS:
                continue
            read = recovery.active_offsets.get(tp)
            offset = stalled[tp] = 0 if read is None or read < 0 else read
            metrics.STALLED_PARTITIONS.inc()
            log.warning(
                "%s: table recovery has had no record of this changelog partition for %.0f s and needs "
                "%d more; reading again from %d (%s)",
                tp,
                quiet,
                remaining,
                offset,
                self._fetch_state(tp),
            )
            self._recovery_reads[tp] = now
            async with self._seeking:
                self.resume_partitions({tp})  # type: ignore[attr-defined]
                await self._seek_on_consumer_thread(tp, offset, "back to")
        return stalled

    def _messages_in_flight(self) -> Iterator[tuple[Any, int]]:
        """(partition, offset) of each record handed to Faust and not acknowledged: queued for an
        agent, or taken by one and not finished."""
        for message in list(self._unacked_messages):  # type: ignore[attr-defined]
            if not message.acked:
                yield message.tp, message.offset
        for channels in list(self.app.topics._tp_index.values()):
            for channel in list(channels):
                for event in list(channel.queue._queue):
                    message = getattr(event, "message", None)
                    if message is not None:
                        yield message.tp, message.offset

    def _note_slow_messages(self, in_flight: list[tuple[Any, int]]) -> None:
        """Log, once each, the records in flight for longer than ``SLOW_MESSAGE_SECONDS``: a step
        that never ends holds its partition as surely as a record never fetched."""
        now = time.monotonic()
        since = {key: self._in_flight_since.get(key, now) for key in in_flight}
        for (tp, offset), first_seen in since.items():
            if first_seen <= now - SLOW_MESSAGE_SECONDS and (tp, offset) not in self._slow_reported:
                self._slow_reported.add((tp, offset))
                log.warning("%s: offset %d still in flight after %.0f s", tp, offset, now - first_seen)
        self._in_flight_since = since
        self._slow_reported &= set(since)

    def _fetch_state(self, tp: Any) -> str:
        """What Faust's fetcher thinks of a partition, for the stall warning."""
        active = getattr(self, "_active_partitions", None)
        state = (
            f"next due {self._next.get(tp)}, "
            f"active {active is None or tp in active}, "
            f"paused {tp in getattr(self, '_paused_partitions', ())}, "
            f"buffered {tp in getattr(self, '_buffered_partitions', ())}"
        )
        consumer: Any = getattr(getattr(self, "_thread", None), "_consumer", None)
        try:  # aiokafka's own view, read from this thread: a snapshot for the log, nothing more
            position = consumer._subscription.subscription.assignment.state_value(tp)._position
            held = tp in consumer._fetcher._records
        except AttributeError:
            return state
        return f"{state}, aiokafka position {position}, fetched and not returned {held}"

    def _new_offset(self, tp: Any) -> int | None:
        acked = self._acked[tp]
        floor = self._floor.get(tp)
        if acked and floor is not None and min(acked) > floor:
            return None  # an offset below the acknowledged ones is still being processed
        offset: int | None = super()._new_offset(tp)  # type: ignore[misc]
        if offset is not None and floor is not None:
            self._floor[tp] = max(floor, offset)
        return offset


def _offsets_text(offsets: dict[Any, int]) -> str:
    """``topic[partition]@offset, ...`` (a Faust TP is a (topic, partition) tuple)."""
    texts = [f"{tp[0]}[{tp[1]}]@{o}" if isinstance(tp, tuple) else f"{tp}@{o}" for tp, o in offsets.items()]
    return ", ".join(sorted(texts)) or "-"


class SeekGuardedConsumer(SeekGuard, faust_aiokafka.Consumer):
    """Faust's aiokafka consumer with the seek guard."""


def leave_by_member_id(consumer: Any) -> None:
    """Make ``consumer.stop()`` send LeaveGroup by member id although the member is static.

    aiokafka, like Kafka's own client, leaves a group silently when it has a
    ``group_instance_id``: the group keeps the member until its session times out, betting on a
    quick restart. The embedded noida broker never times a member out, so a worker stopped for good
    would hold its partitions forever; a LeaveGroup by member id removes a static member on Kafka,
    noida and Tansu alike. See docs/decisions/0008-restarted-worker-takes-over.md.

    The instance id itself stays: the stop first lets a join in progress finish, and a join sent
    without the id made the broker register a new *dynamic* member that no restart replaces and
    noida never drops, which held the whole group (a chaos soak, SIGTERM during a worker's join).
    The leave goes out whenever the coordinator knows its member id, whatever the generation.
    """
    coordinator = getattr(consumer, "_coordinator", None)
    if coordinator is None:
        return

    async def leave() -> None:
        if coordinator.member_id != JoinGroupRequest.UNKNOWN_MEMBER_ID:
            request = LeaveGroupRequest(coordinator.group_id, coordinator.member_id)
            try:
                await coordinator._send_req(request)
            except KafkaError as exc:  # as aiokafka's own leave: one attempt, the stop goes on
                log.warning("LeaveGroup for member %s failed: %s", coordinator.member_id, exc)
        coordinator.reset_generation()

    coordinator._maybe_leave_group = leave


def stay_in_group(consumer: Any) -> None:
    """Make ``consumer.stop()`` send no LeaveGroup at all.

    Tansu 0.6 keeps a member that leaves while the group rebalances as the group's leader, so no
    one is ever elected again and the group assigns nothing until the broker restarts. Without a
    LeaveGroup the member is dropped when its session times out, which Tansu does correctly.
    """
    coordinator = getattr(consumer, "_coordinator", None)
    if coordinator is not None:

        async def forget_generation() -> None:
            coordinator.reset_generation()

        coordinator._maybe_leave_group = forget_generation


def _consumer_thread_class(
    fetch_max_wait_ms: int, leave_on_stop: bool
) -> type[faust_aiokafka.AIOKafkaConsumerThread]:
    class FetchWaitConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_worker_consumer(self, transport: Any) -> Any:
            consumer = super()._create_worker_consumer(transport)
            consumer._fetch_max_wait_ms = fetch_max_wait_ms
            return consumer

        async def on_thread_stop(self) -> None:
            if self._consumer is not None:  # its group coordinator exists once it has started
                (leave_by_member_id if leave_on_stop else stay_in_group)(self._consumer)
            await super().on_thread_stop()

    return FetchWaitConsumerThread


def install_transport(
    app: faust.App,
    fetch_max_wait_ms: int,
    leave_on_stop: bool = True,
    restart_topics: frozenset[str] = frozenset(),
) -> None:
    """Give ``app`` the guarded consumer, waiting at most ``fetch_max_wait_ms`` per fetch and
    leaving its group on a graceful stop when ``leave_on_stop``.

    Must run before anything asks the app for its transport (topics, agents).
    """
    if fetch_max_wait_ms <= 0:
        raise ValueError(f"fetch_max_wait_ms must be positive, got {fetch_max_wait_ms}")
    thread_class = _consumer_thread_class(fetch_max_wait_ms, leave_on_stop)

    topics = restart_topics

    class WorkerConsumer(SeekGuardedConsumer):
        restart_topics = topics

        def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
            return thread_class(self, loop=self.loop, beacon=self.beacon)

    class WorkerTransport(faust_aiokafka.Transport):
        Consumer = WorkerConsumer

    app.transport = WorkerTransport(app.conf.broker_consumer, app)
