"""Consumer lag arithmetic and the gauge's bookkeeping across rebalances (no broker)."""

from __future__ import annotations

from kafka import TopicPartition
from prometheus_client import REGISTRY

from streams.app.lag import LagMonitor, compute_lag
from streams.config import Settings


def test_lag_is_end_minus_committed_and_never_negative() -> None:
    a, b, c = TopicPartition("t", 0), TopicPartition("t", 1), TopicPartition("t", 2)
    lag = compute_lag({a: 10, b: 5, c: 3}, {a: 7, b: None, c: 9})
    assert lag == {a: 3, b: 5, c: 0}


class FixedLag(LagMonitor):
    def __init__(self, results: list[dict[TopicPartition, int]]) -> None:
        super().__init__(Settings.from_flat())
        self.results = results

    def measure(self, partitions: object) -> dict[TopicPartition, int]:
        result = self.results.pop(0)
        if isinstance(result, Exception):
            raise result
        return result


def _gauge(partition: int) -> float | None:
    return REGISTRY.get_sample_value(
        "newsevents_consumer_lag", {"topic": "lagtest", "partition": str(partition)}
    )


def test_partitions_moved_away_leave_the_gauge() -> None:
    p0, p1 = TopicPartition("lagtest", 0), TopicPartition("lagtest", 1)
    monitor = FixedLag([{p0: 4, p1: 2}, {p1: 1}])
    monitor.update([p0, p1])
    assert (_gauge(0), _gauge(1)) == (4.0, 2.0)
    monitor.update([p1])  # a rebalance gave partition 0 to another worker
    assert (_gauge(0), _gauge(1)) == (None, 1.0)


def test_a_failed_measurement_is_counted_not_raised() -> None:
    before = REGISTRY.get_sample_value("newsevents_consumer_lag_check_failures_total") or 0.0
    monitor = FixedLag([ConnectionError("broker away")])  # type: ignore[list-item]
    monitor.update([TopicPartition("lagtest", 0)])
    assert REGISTRY.get_sample_value("newsevents_consumer_lag_check_failures_total") == before + 1
