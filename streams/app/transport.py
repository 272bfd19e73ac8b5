"""Faust's Kafka transport with a configurable broker-side fetch wait.

Faust builds its group consumer with ``fetch_max_wait_ms=1500`` and no setting to change
it. Apache Kafka answers a waiting fetch as soon as a record arrives, so there the value
only bounds idle round trips; Tansu (the benchmark's broker) holds the fetch for a share
of that time even when records are waiting. Measured with one aiokafka consumer on Tansu,
a record produced every 0.2 s to 4 partitions (``bench/throughput/fetch_wait.py``):
fetch wait 1,500 ms -> p50 0.39 s from produce to receipt, 500 ms -> 0.11 s, 100 ms ->
0.004 s. That wait was most of the paced benchmark's latency, so the worker sets it from
``NEWSEVENTS_FETCH_MAX_WAIT_MS``.

Only aiokafka's constructor argument is private to Faust; the value is set on the built
consumer before it starts, which is when aiokafka hands it to its fetcher.
"""

from __future__ import annotations

from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_aiokafka


def _consumer_thread_class(fetch_max_wait_ms: int) -> type[faust_aiokafka.AIOKafkaConsumerThread]:
    class FetchWaitConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_worker_consumer(self, transport: Any) -> Any:
            consumer = super()._create_worker_consumer(transport)
            consumer._fetch_max_wait_ms = fetch_max_wait_ms
            return consumer

    return FetchWaitConsumerThread


def install_fetch_wait(app: faust.App, fetch_max_wait_ms: int) -> None:
    """Give ``app`` a transport whose group consumer waits at most ``fetch_max_wait_ms`` per fetch.

    Must run before anything asks the app for its transport (topics, agents).
    """
    if fetch_max_wait_ms <= 0:
        raise ValueError(f"fetch_max_wait_ms must be positive, got {fetch_max_wait_ms}")
    thread_class = _consumer_thread_class(fetch_max_wait_ms)

    class FetchWaitConsumer(faust_aiokafka.Consumer):
        def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
            return thread_class(self, loop=self.loop, beacon=self.beacon)

    class FetchWaitTransport(faust_aiokafka.Transport):
        Consumer = FetchWaitConsumer

    app.transport = FetchWaitTransport(app.conf.broker_consumer, app)
