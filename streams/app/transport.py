"""Faust's Kafka transport with two changes the worker needs: a fetch wait, and a seek guard.

**Fetch wait.** Faust builds its group consumer with ``fetch_max_wait_ms=1500`` and no
setting to change it. Apache Kafka answers a waiting fetch as soon as a record arrives,
so there the value only bounds idle round trips; Tansu (the benchmark's broker) holds
the fetch for a share of that time even when records are waiting. Measured with one
aiokafka consumer on Tansu, a record produced every 0.2 s to 4 partitions
(``make bench-fetch-wait``): fetch wait 1,500 ms -> p50 0.39 s from produce to receipt,
500 ms -> 0.11 s, 100 ms -> 0.004 s. That wait was most of the paced benchmark's latency,
so the worker sets it from ``NEWSEVENTS_FETCH_MAX_WAIT_MS``. Only aiokafka's constructor
argument is private to Faust; the value is set on the built consumer before it starts,
which is when aiokafka hands it to its fetcher.

**Seek guard.** After a rebalance Faust seeks every partition back to its committed
offset and resets its "read offset" (below which it drops records as already seen).
Records fetched *before* that seek can still be handed out after it: Faust stops such a
stale batch only when the group generation changes, and a broker that lost its group
state (a restart) gives the rejoined member the same generation again. Each stale record
moves the read offset past the seek, so the same records, fetched again from the
committed offset, are dropped as seen, and the commit later jumps over them: articles
skipped for good. The broker-restart test in ``tests/integration/test_faults.py`` caught
it (the 4 articles of one partition lost, their offsets committed). The guard counts
seeks; a batch fetched before the latest seek is not delivered, and a record already on
its way when the seek happened has its read offset put back to the seek's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_aiokafka


class SeekGuard:
    """Mixin for a Faust consumer: never deliver records fetched before the latest seek.

    Kept apart from Faust's class so that ``tests/app/test_transport.py`` can run it over
    a stand-in for Faust's fetch loop.
    """

    _read_offset: Any
    _seeks = 0
    _read_offsets_after_seek: dict[Any, int | None]

    async def perform_seek(self) -> None:
        await super().perform_seek()  # type: ignore[misc]
        self._read_offsets_after_seek = dict(self._read_offset)
        self._seeks += 1

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[Any, Any]]:  # noqa: ASYNC109 - as in Faust
        fetched = super().getmany(timeout)  # type: ignore[misc]
        fetched_at: int | None = None  # the seek count when the fetch returned its records
        try:
            async for tp, message in fetched:
                if fetched_at is None:
                    fetched_at = self._seeks
                elif self._seeks != fetched_at:
                    return  # stale: the seek put the position back, these come again
                yield tp, message
                if self._seeks != fetched_at:
                    # delivered across a seek: Faust has just recorded this stale offset as read
                    self._read_offset[tp] = self._read_offsets_after_seek.get(tp)
                    return
        finally:
            await fetched.aclose()


class SeekGuardedConsumer(SeekGuard, faust_aiokafka.Consumer):
    """Faust's aiokafka consumer with the seek guard."""


def _consumer_thread_class(fetch_max_wait_ms: int) -> type[faust_aiokafka.AIOKafkaConsumerThread]:
    class FetchWaitConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_worker_consumer(self, transport: Any) -> Any:
            consumer = super()._create_worker_consumer(transport)
            consumer._fetch_max_wait_ms = fetch_max_wait_ms
            return consumer

    return FetchWaitConsumerThread


def install_transport(app: faust.App, fetch_max_wait_ms: int) -> None:
    """Give ``app`` the guarded consumer, waiting at most ``fetch_max_wait_ms`` per fetch.

    Must run before anything asks the app for its transport (topics, agents).
    """
    if fetch_max_wait_ms <= 0:
        raise ValueError(f"fetch_max_wait_ms must be positive, got {fetch_max_wait_ms}")
    thread_class = _consumer_thread_class(fetch_max_wait_ms)

    class WorkerConsumer(SeekGuardedConsumer):
        def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
            return thread_class(self, loop=self.loop, beacon=self.beacon)

    class WorkerTransport(faust_aiokafka.Transport):
        Consumer = WorkerConsumer

    app.transport = WorkerTransport(app.conf.broker_consumer, app)
