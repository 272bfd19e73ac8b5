"""The worker's group consumer gets the configured broker-side fetch wait, not Faust's fixed 1,500 ms."""

from __future__ import annotations

import asyncio
from collections import deque
from types import SimpleNamespace
from typing import Any

import faust
import pytest

from streams.app.transport import SeekGuard, install_transport


def _group_consumer_fetch_wait(app: faust.App) -> int:
    async def build() -> int:
        group_consumer: Any = app.consumer
        thread = group_consumer._new_consumer_thread()
        consumer = thread._create_worker_consumer(app.transport)
        return int(consumer._fetch_max_wait_ms)

    return asyncio.run(build())


def _app(name: str) -> faust.App:
    return faust.App(name, broker="kafka://127.0.0.1:1", web_enabled=False, topic_disable_leader=True)


def test_faust_alone_waits_1500_ms() -> None:
    """The premise: without the install, Faust hard-codes 1,500 ms (if this changes, revisit the module)."""
    assert _group_consumer_fetch_wait(_app("fetch-wait-stock")) == 1500


def test_installed_wait_reaches_the_consumer() -> None:
    app = _app("fetch-wait-ours")
    install_transport(app, 100)
    assert _group_consumer_fetch_wait(app) == 100


def test_a_wait_that_is_not_positive_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        install_transport(_app("fetch-wait-zero"), 0)


class _Message:
    def __init__(self, offset: int) -> None:
        self.offset = offset


class _Conf:
    consumer_auto_offset_reset = "earliest"


class _App:
    conf = _Conf()


class _FaustStandIn:
    """A one-partition stand-in for Faust's consumer over aiokafka: a log of offsets, a fetch
    position, read offsets, acknowledged offsets and Faust's commit rule; ``seek_to_committed``
    leaves a partition with nothing committed where it was, as aiokafka 0.14 does."""

    app = _App()

    def __init__(self, log: list[int], committed: int | None = None, batch: int = 4) -> None:
        self.log, self.committed, self.batch = log, committed, batch
        self.position = log[0]
        self._read_offset: dict[str, int | None] = {}
        self._acked: dict[str, list[int]] = {"tp": []}

    async def getmany(self, timeout: float) -> Any:  # noqa: ASYNC109 - as in Faust
        records = [o for o in self.log if o >= self.position][: self.batch]
        if records:
            self.position = records[-1] + 1
        for offset in records:
            yield "tp", _Message(offset)

    async def perform_seek(self) -> None:
        if self.committed:
            self.position = self.committed
        self._read_offset["tp"] = self.committed

    async def seek(self, tp: str, offset: int) -> None:
        self.position = offset
        self._read_offset[tp] = offset

    async def seek_wait(self, partitions: dict[str, int]) -> None:
        for tp, offset in partitions.items():
            await self.seek(tp, offset)

    async def earliest_offsets(self, *tps: str) -> dict[str, int]:
        return dict.fromkeys(tps, self.log[0])

    def _new_offset(self, tp: str) -> int | None:
        """Faust's rule: one past the first unbroken run of acknowledged offsets, wherever it starts."""
        acked = sorted(self._acked[tp])
        if not acked:
            return None
        end = acked[0]
        while end + 1 in acked:
            end += 1
        return end + 1


class _Guarded(SeekGuard, _FaustStandIn):
    restart_topics = frozenset({"t"})  # the stand-in's partition "tp" is of topic "tp"[0], "t"


async def _drain(consumer: Any, seek_during: int | None = None) -> list[int]:
    """Faust's ``Consumer._drain_messages`` in miniature: drop below the read offset, deliver, record.

    ``seek_during``: a rebalance (and its seek) happens while this offset is being delivered.
    """
    delivered: list[int] = []
    async for tp, message in consumer.getmany(timeout=1.0):
        read = consumer._read_offset.get(tp)
        if read is None or message.offset >= read:
            if message.offset == seek_during:
                await consumer.perform_seek()  # Faust abandons this delivery when flow is suspended
            else:
                delivered.append(message.offset)
            consumer._read_offset[tp] = message.offset
    return delivered


def _restart_scenario(consumer_class: type) -> list[int]:
    """Offsets 0-3 are fetched and dropped with Faust's buffers at a rebalance (nothing committed
    yet); offsets 4-7 are being handed out when the seek to the committed offsets happens."""
    consumer = consumer_class(list(range(8)))
    asyncio.run(consumer.perform_seek())  # the first assignment
    asyncio.run(_drain(consumer))  # 0-3: into a buffer that the rebalance clears
    delivered = asyncio.run(_drain(consumer, seek_during=4))
    for _ in range(4):
        delivered += asyncio.run(_drain(consumer))
    return delivered


def test_without_the_guard_the_first_batch_is_never_read_again() -> None:
    """The premise, as the broker-restart test saw it: offsets 0-3 never come back."""
    assert not {0, 1, 2, 3} & set(_restart_scenario(_FaustStandIn))


def test_the_guard_reads_every_record_again_in_order() -> None:
    delivered = _restart_scenario(_Guarded)
    assert [o for o in delivered if o < 4] == [0, 1, 2, 3]
    assert set(delivered) == set(range(8))
    assert delivered.index(0) < delivered.index(7)


def test_the_last_records_of_a_partition_with_no_commit_come_back_after_a_rebalance() -> None:
    """A worker restarted after the input went quiet: 0-2 are fetched and handed to Faust, and a
    rebalance during offset 2 drops them with Faust's buffers. No later offset arrives to show the
    gap, so the guard must send the partition back to its start at the seek itself."""
    consumer = _Guarded([0, 1, 2])
    asyncio.run(consumer.perform_seek())
    asyncio.run(_drain(consumer, seek_during=2))
    delivered: list[int] = []
    for _ in range(3):
        delivered += asyncio.run(_drain(consumer))
    assert delivered == [0, 1, 2]


def test_records_fetched_after_a_seek_are_all_delivered() -> None:
    """At start-up the seek comes before the first fetch returns: nothing may be thrown away."""
    consumer = _Guarded(list(range(3)))
    asyncio.run(consumer.perform_seek())
    assert asyncio.run(_drain(consumer)) == [0, 1, 2]


def test_a_real_gap_is_accepted_after_reading_again_once() -> None:
    """Offsets 2 and 3 do not exist (transaction markers): one re-read, then delivery goes on."""
    consumer = _Guarded([0, 1, 4, 5], batch=2)
    asyncio.run(consumer.perform_seek())
    delivered: list[int] = []
    for _ in range(4):
        delivered += asyncio.run(_drain(consumer))
    assert delivered == [0, 1, 4, 5]
    consumer._acked["tp"] = delivered
    assert consumer._new_offset("tp") == 2  # Faust's own gap records carry the commit past 2 and 3


def test_a_commit_never_starts_above_an_unacknowledged_offset() -> None:
    consumer = _Guarded(list(range(8)))
    asyncio.run(consumer.perform_seek())
    consumer._acked["tp"] = [4, 5, 6, 7]  # a later batch acknowledged first
    assert consumer._new_offset("tp") is None
    assert _FaustStandIn._new_offset(consumer, "tp") == 8  # what Faust alone would commit
    consumer._acked["tp"] = [0, 1, 2, 3, 4, 5, 6, 7]
    assert consumer._new_offset("tp") == 8


class _Tables:
    changelog_topics = frozenset({"t"})  # the stand-in's partition "tp" is of topic "tp"[0], "t"


class _TableApp(_App):
    tables = _Tables()


class _ChangelogGuarded(_Guarded):
    app = _TableApp()


def test_a_changelog_partition_is_delivered_from_where_recovery_seeks_it() -> None:
    """Faust's table recovery seeks a changelog to what the table has read (5), not to a committed
    offset: the guard must not send it back to the start, as it did to the story tables."""
    for consumer_class, expected in ((_Guarded, [0, 1, 2, 3]), (_ChangelogGuarded, [5, 6, 7])):
        consumer = consumer_class(list(range(8)))
        asyncio.run(consumer.perform_seek())  # nothing committed: the guard expects offset 0
        asyncio.run(consumer.seek("tp", 5))  # recovery
        delivered: list[int] = []
        for _ in range(3):
            delivered += asyncio.run(_drain(consumer))
        assert delivered[: len(expected)] == expected


class _TwoPartitionsStandIn(_FaustStandIn):
    """A guarded partition "g" and a changelog partition "t" (topic "t"), each with its own log
    and fetch position, fetched together; a seek on the event loop's thread fails the test, as
    only ``seek_wait`` reaches aiokafka from the consumer's thread."""

    app = _TableApp()

    def __init__(self, logs: dict[str, list[int]]) -> None:
        super().__init__(logs["g"])
        self.logs = logs
        self.positions = {tp: log[0] for tp, log in logs.items()}
        self._acked = {tp: [] for tp in logs}

    async def getmany(self, timeout: float) -> Any:  # noqa: ASYNC109 - as in Faust
        batch = {
            tp: [o for o in log if o >= self.positions[tp]][: self.batch] for tp, log in self.logs.items()
        }
        for tp, offsets in batch.items():
            if offsets:
                self.positions[tp] = offsets[-1] + 1
        for tp, offsets in batch.items():
            for offset in offsets:
                yield tp, _Message(offset)

    async def perform_seek(self) -> None:
        self._read_offset.update(dict.fromkeys(self.logs))

    async def earliest_offsets(self, *tps: str) -> dict[str, int]:
        return {tp: self.logs[tp][0] for tp in tps}

    async def seek(self, tp: str, offset: int) -> None:
        raise AssertionError("aiokafka's seek called from the event loop's thread")

    async def seek_wait(self, partitions: dict[str, int]) -> None:
        for tp, offset in partitions.items():
            self.positions[tp] = offset
            self._read_offset[tp] = offset


class _TwoPartitionsGuarded(SeekGuard, _TwoPartitionsStandIn):
    pass


def test_a_changelog_fetched_with_a_partition_read_again_keeps_its_records() -> None:
    """Offset 2 of "g" is missing from the first fetch, which also holds the changelog's 10-13: the
    guard reads "g" again from 2 and the changelog from 10, which recovery has not had yet."""
    consumer = _TwoPartitionsGuarded({"g": [0, 1, 2, 3, 4, 5], "t": [10, 11, 12, 13, 14, 15]})
    asyncio.run(consumer.perform_seek())
    consumer._next["g"] = 2  # 0 and 1 delivered; the fetcher has moved on to 3
    consumer.positions["g"] = 3
    delivered: dict[str, list[int]] = {"g": [], "t": []}
    for _ in range(4):

        async def fetch() -> None:
            async for tp, message in consumer.getmany(timeout=1.0):
                delivered[tp].append(message.offset)

        asyncio.run(fetch())
    assert delivered == {"g": [2, 3, 4, 5], "t": [10, 11, 12, 13, 14, 15]}


def test_only_the_named_topics_go_back_to_their_start_at_a_seek() -> None:
    """The worker names its input topic; the story stage's topics keep aiokafka's position."""
    app = _app("restart-topics")
    install_transport(app, 100, restart_topics=frozenset({"articles.raw"}))
    consumer_class: Any = app.transport.Consumer
    assert consumer_class.restart_topics == frozenset({"articles.raw"})
    consumer = _Guarded(list(range(3)))
    consumer.restart_topics = frozenset({"other"})
    asyncio.run(consumer.perform_seek())
    asyncio.run(_drain(consumer, seek_during=2))
    assert asyncio.run(_drain(consumer)) == []  # not named: left where the fetcher was


class _StallMessage(_Message):
    def __init__(self, offset: int, acked: bool = False) -> None:
        super().__init__(offset)
        self.tp, self.acked = "tp", acked


class _Channel:
    def __init__(self) -> None:
        self.queue = SimpleNamespace(_queue=deque())


class _IdleStandIn(_Guarded):
    """The guarded stand-in with what ``look_for_stalls`` reads: the app's rebalance flag, the
    messages Faust tracks as unacknowledged, the agents' queues, the assignment and end offsets."""

    def __init__(self, log: list[int]) -> None:
        super().__init__(log)
        self.channel = _Channel()
        self.app = SimpleNamespace(
            rebalancing=False,
            conf=_Conf(),
            topics=SimpleNamespace(_tp_index={"tp": {self.channel}}),
        )
        self.flow_active = True
        self._unacked_messages: set[_StallMessage] = set()
        self.resumed: list[str] = []

    def assignment(self) -> set[str]:
        return {"tp"}

    async def highwaters(self, *tps: str) -> dict[str, int]:
        return dict.fromkeys(tps, self.log[-1] + 1)

    def resume_partitions(self, tps: set[str]) -> None:
        self.resumed += sorted(tps)


def _handed_out_and_dropped(log: list[int]) -> _IdleStandIn:
    """Records handed to Faust and dropped on the way (a rebalance cleared the agent's queue,
    say): nothing is processed or committed, and no later offset comes to show the gap."""
    consumer = _IdleStandIn(log)
    asyncio.run(consumer.perform_seek())
    assert asyncio.run(_drain(consumer)) == log
    assert asyncio.run(_drain(consumer)) == []
    return consumer


def test_an_idle_worker_reads_its_unprocessed_last_records_again_at_the_second_look() -> None:
    consumer = _handed_out_and_dropped([0, 1, 2])
    assert asyncio.run(consumer.look_for_stalls()) == {}  # one look: the records may be on their way
    assert asyncio.run(consumer.look_for_stalls()) == {"tp": 0}
    assert consumer.resumed == ["tp"]
    assert asyncio.run(_drain(consumer)) == [0, 1, 2]


def test_a_partition_committed_to_its_end_is_not_read_again() -> None:
    consumer = _handed_out_and_dropped([0, 1, 2])
    consumer._acked["tp"] = [0, 1, 2]
    assert consumer._new_offset("tp") == 3  # Faust's commit moves the guard's floor to the end
    for _ in range(3):
        assert asyncio.run(consumer.look_for_stalls()) == {}


def test_records_queued_or_in_processing_keep_the_partition_from_being_read_again() -> None:
    consumer = _handed_out_and_dropped([0, 1, 2])
    consumer.channel.queue._queue.append(SimpleNamespace(message=_StallMessage(2)))
    for _ in range(3):
        assert asyncio.run(consumer.look_for_stalls()) == {}
    consumer.channel.queue._queue.clear()
    consumer._unacked_messages.add(_StallMessage(1))
    for _ in range(3):
        assert asyncio.run(consumer.look_for_stalls()) == {}
    consumer._unacked_messages = {_StallMessage(1, acked=True)}
    asyncio.run(consumer.look_for_stalls())
    assert asyncio.run(consumer.look_for_stalls()) == {"tp": 0}


def test_no_partition_is_read_again_during_a_rebalance_or_after_a_delivery_between_looks() -> None:
    consumer = _handed_out_and_dropped([0, 1, 2])
    assert asyncio.run(consumer.look_for_stalls()) == {}
    consumer.app.rebalancing = True
    assert asyncio.run(consumer.look_for_stalls()) == {}
    consumer.app.rebalancing = False
    assert asyncio.run(consumer.look_for_stalls()) == {}  # the rebalance started the count again
    consumer._handed_out += 1  # a record of any partition handed out since: the worker is not idle
    assert asyncio.run(consumer.look_for_stalls()) == {}
    assert asyncio.run(consumer.look_for_stalls()) == {"tp": 0}


class _SlowSeekStandIn(_FaustStandIn):
    """Faust's seek to the committed offsets takes a while (aiokafka asks the coordinator for each
    partition's offset in turn): other coroutines run between its seek and its return."""

    async def perform_seek(self) -> None:
        self.position = self.committed or self.log[0]
        await asyncio.sleep(0)
        self._read_offset["tp"] = self.committed


class _SlowSeekGuarded(SeekGuard, _SlowSeekStandIn):
    pass


def test_a_rewind_never_lands_between_a_seek_and_the_guard_learning_its_offsets() -> None:
    """A rebalance's seek sends the partition back to its committed offset (2) while the fetch loop
    rewinds it to where the guard expected the next record before the rebalance (5): the rewind
    must wait for the seek, or the partition stays at 5 and records 2 to 4 are never read."""

    async def race() -> int:
        consumer = _SlowSeekGuarded(list(range(8)), committed=2)
        await consumer.perform_seek()
        consumer._next["tp"] = 5  # records 2-4 were handed out, then dropped at a rebalance
        await asyncio.gather(consumer.perform_seek(), consumer._rewind([("tp", 6)]))
        return consumer.position

    assert asyncio.run(race()) == 2


class _Recovery:
    """What ``look_for_stalled_recovery`` reads of Faust's table recovery."""

    def __init__(self, remaining: int, offset: int | None) -> None:
        self.in_recovery = True
        self._recovery_started_at = 100.0
        self._active_events_received_at: dict[str, float] = {}
        self.active_offsets = {"tp": offset}
        self.remaining = remaining

    def active_remaining(self) -> dict[str, int]:
        return {"tp": self.remaining}


def _in_recovery(remaining: int = 3, offset: int | None = 7) -> _IdleStandIn:
    consumer = _IdleStandIn(list(range(12)))
    consumer.app.tables = SimpleNamespace(recovery=_Recovery(remaining, offset), changelog_topics={"t"})
    return consumer


def test_a_changelog_partition_recovery_waits_for_in_vain_is_read_again_where_recovery_reads_it() -> None:
    consumer = _in_recovery()
    assert asyncio.run(consumer.look_for_stalled_recovery(now=120.0)) == {}  # 20 s: Faust may be slow
    assert asyncio.run(consumer.look_for_stalled_recovery(now=131.0)) == {"tp": 7}
    assert consumer.position == 7 and consumer.resumed == ["tp"]
    # read again: it waits as long again before the next read
    assert asyncio.run(consumer.look_for_stalled_recovery(now=150.0)) == {}
    assert asyncio.run(consumer.look_for_stalled_recovery(now=162.0)) == {"tp": 7}


def test_a_changelog_partition_that_delivers_or_is_complete_is_left_to_recovery() -> None:
    consumer = _in_recovery()
    consumer.app.tables.recovery._active_events_received_at["tp"] = 125.0  # a record came at 125 s
    assert asyncio.run(consumer.look_for_stalled_recovery(now=150.0)) == {}
    assert asyncio.run(consumer.look_for_stalled_recovery(now=156.0)) == {"tp": 7}
    complete = _in_recovery(remaining=0)
    assert asyncio.run(complete.look_for_stalled_recovery(now=500.0)) == {}
    done = _in_recovery()
    done.app.tables.recovery.in_recovery = False
    assert asyncio.run(done.look_for_stalled_recovery(now=500.0)) == {}


def test_a_changelog_partition_with_nothing_read_yet_is_read_again_from_its_start() -> None:
    consumer = _in_recovery(offset=-1)
    assert asyncio.run(consumer.look_for_stalled_recovery(now=131.0)) == {"tp": 0}
