"""Consumer lag per partition, from the group's committed offsets and the topic's end offsets.

Lag is what operators scale on, so it is measured the way Kafka's own tools measure it
(``kafka-consumer-groups --describe``): end offset minus the group's committed offset,
read with kafka-python's admin client. Each worker reports only the partitions assigned
to it, so summing the gauge over workers counts every partition once; a partition that
moves to another worker on a rebalance is dropped from this worker's gauge.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from prometheus_client import Gauge

from streams import health, metrics
from streams.config import Settings
from streams.kafka_options import client_options

log = logging.getLogger(__name__)


def compute_lag(
    end_offsets: dict[TopicPartition, int], committed: dict[TopicPartition, int | None]
) -> dict[TopicPartition, int]:
    """Lag per partition; a partition the group never committed lags by its whole length."""
    return {tp: max(0, end - (committed.get(tp) or 0)) for tp, end in end_offsets.items()}


class LagMonitor:
    """Reads offsets with its own short-lived clients (blocking: call it from a thread)."""

    def __init__(self, settings: Settings, gauge: Gauge = metrics.CONSUMER_LAG) -> None:
        self.settings = settings
        self.gauge = gauge  # the input's lag, or the story stage's backlog (STORY_BACKLOG)
        self._reported: set[tuple[str, int]] = set()

    def measure(self, partitions: Iterable[TopicPartition]) -> dict[TopicPartition, int]:
        wanted = [TopicPartition(tp.topic, tp.partition) for tp in partitions]
        if not wanted:
            return {}
        options = client_options(self.settings, "newsevents-lag")
        admin = KafkaAdminClient(**options)
        consumer = KafkaConsumer(**options, enable_auto_commit=False)  # no group: nothing to commit
        try:
            offsets = admin.list_group_offsets({self.settings.app_id: wanted}).get(self.settings.app_id, {})
            committed = {
                tp: (meta.offset if meta is not None and meta.offset >= 0 else None)
                for tp, meta in offsets.items()
            }
            end_offsets = consumer.end_offsets(wanted)
        finally:
            consumer.close()
            admin.close()
        return compute_lag(end_offsets, committed)

    def update(self, partitions: Iterable[TopicPartition]) -> None:
        """Measure and publish the gauge; a failure is counted and logged, never raised."""
        try:
            lag = self.measure(partitions)
        except Exception as exc:  # the broker may be away; the worker must not stop for a metric
            metrics.LAG_CHECK_FAILURES.inc()
            health.broker_reachable(ok=False)
            log.warning("could not reach the broker to read consumer lag: %s", exc)
            return
        health.broker_reachable(ok=True)
        current = {(tp.topic, tp.partition) for tp in lag}
        for topic, partition in self._reported - current:
            self.gauge.remove(topic, str(partition))
        for tp, value in lag.items():
            self.gauge.labels(topic=tp.topic, partition=str(tp.partition)).set(value)
        self._reported = current
