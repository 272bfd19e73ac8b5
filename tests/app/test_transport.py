"""The worker's group consumer gets the configured broker-side fetch wait, not Faust's fixed 1,500 ms."""

from __future__ import annotations

import asyncio
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


class _FaustStandIn:
    """What the guard relies on in Faust's consumer: a fetch that yields records, a seek, read offsets."""

    def __init__(self, fetches: list[list[int]], committed: int | None) -> None:
        self._fetches = fetches
        self._committed = committed
        self._read_offset: dict[str, int | None] = {}

    async def getmany(self, timeout: float) -> Any:  # noqa: ASYNC109 - as in Faust
        for offset in self._fetches.pop(0):
            yield "tp", _Message(offset)

    async def perform_seek(self) -> None:
        self._read_offset["tp"] = self._committed


class _Guarded(SeekGuard, _FaustStandIn):
    pass


async def _drain(consumer: Any, seek_during: int | None) -> list[int]:
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


def _replay(consumer_class: type, seek_during: int | None) -> list[int]:
    """Records 0-3 were fetched and lost with a cleared buffer; 4-6 are being delivered when the seek
    to the committed offset (none yet) happens; after it the partition is fetched again from 0."""
    consumer = consumer_class([[4, 5, 6], [0, 1, 2, 3, 4, 5, 6]], committed=None)
    first = asyncio.run(_drain(consumer, seek_during))
    return first + asyncio.run(_drain(consumer, None))


def test_without_the_guard_records_before_a_stale_offset_are_dropped_after_the_seek() -> None:
    """The premise (what the broker-restart test hit): offsets 0-3 are never delivered."""
    delivered = _replay(_FaustStandIn, seek_during=4)
    assert not {0, 1, 2, 3} & set(delivered)


def test_the_guard_delivers_every_record_after_a_seek_mid_delivery() -> None:
    delivered = _replay(_Guarded, seek_during=4)
    assert set(delivered) == {0, 1, 2, 3, 4, 5, 6}
    assert delivered[-7:] == [0, 1, 2, 3, 4, 5, 6]  # in order, from the committed offset


def test_records_fetched_after_a_seek_are_delivered() -> None:
    """At start-up the seek comes before the first fetch returns: nothing may be thrown away."""
    consumer = _Guarded([[0, 1, 2]], committed=None)
    asyncio.run(consumer.perform_seek())
    assert asyncio.run(_drain(consumer, None)) == [0, 1, 2]
