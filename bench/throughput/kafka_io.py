"""Talking to the broker: fresh topics per stage, producing articles, and reading what the workers publish.

Every time the benchmark reports comes from records' broker timestamps: input records
carry the producer's send time (CreateTime), event and state records the worker
producer's send time. The reading side (``Collector``) keeps, per event id, its first
publication, so a batch redelivered after a rebalance is counted once as an event but
still extends the span, because the work was done twice.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import KafkaError

from bench.throughput.corpus import CorpusArticle
from bench.throughput.workers import WorkerProcess
from streams.app.topics import ensure_topics
from streams.broker import EmbeddedBroker
from streams.config import Settings
from streams.kafka_options import client_options

CREATE_TIME = 0  # kafka timestamp_type of a record stamped by its producer


class BenchError(RuntimeError):
    """The stream did not do what the benchmark waits for; the message says what and how far it got."""


#: The workers' log level; ``--worker-log-level debug`` logs every batch's size, wait and extraction time.
WORKER_LOG_LEVEL = "info"


def fresh_settings(
    broker: EmbeddedBroker,
    tag: str,
    workdir: Path,
    partitions: int = 4,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Unique topics and consumer group for one stage, created now; production defaults otherwise
    except what ``broker``'s engine needs (or ``overrides``, for a probe of one setting)."""
    uid = f"{tag}-{uuid.uuid4().hex[:8]}"
    settings = Settings.from_flat(
        bootstrap=broker.bootstrap,
        app_id=f"newsevents-bench-{uid}",
        input_topic=f"bench.articles.{uid}",
        dlq_topic=f"bench.dlq.{uid}",
        event_topic_prefix=f"bench.events.{uid}.",
        state_topic=f"bench.state.{uid}",
        partitions=partitions,
        data_dir=str(workdir / f"worker-data-{uid}"),
        metrics_port=0,  # several workers on one host: no fixed port
        log_level=WORKER_LOG_LEVEL,
        **broker.worker_settings,
    )
    settings = settings.replace(**(overrides or {}))
    ensure_topics(settings)
    return settings


class Sender:
    """Produces articles (key = article id, acks=all) and returns each record's timestamp."""

    def __init__(self, settings: Settings, linger_ms: int = 5) -> None:
        self.topic = settings.topics.input
        self._producer = KafkaProducer(
            **client_options(settings, "newsevents-bench-producer"), acks="all", linger_ms=linger_ms
        )
        self._pending: list[tuple[str, Any]] = []

    def send(self, article: CorpusArticle) -> None:
        future = self._producer.send(self.topic, key=article.id.encode("utf-8"), value=article.value())
        self._pending.append((article.id, future))

    def finish(self, timeout: float = 60.0) -> dict[str, int]:
        """Flush and return article id -> record timestamp (ms) of everything sent so far."""
        self._producer.flush(timeout)
        stamps = {
            article_id: int(future.get(timeout=timeout).timestamp) for article_id, future in self._pending
        }
        self._pending = []
        return stamps

    def close(self) -> None:
        self._producer.close()

    def __enter__(self) -> Sender:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def ingest(settings: Settings, articles: Sequence[CorpusArticle]) -> tuple[dict[str, int], float]:
    """Produce every article up front; (timestamps by id, seconds it took)."""
    started = time.perf_counter()
    with Sender(settings) as sender:
        for article in articles:
            sender.send(article)
        stamps = sender.finish()
    return stamps, time.perf_counter() - started


@dataclass(frozen=True)
class Published:
    article_id: str
    timestamp_ms: int


class Collector:
    """Reads the event, state and dead-letter topics of one stage from the beginning."""

    def __init__(self, settings: Settings) -> None:
        self._event_topics = frozenset(settings.topics.events.values())
        self._state_topic = settings.topics.state
        self._dlq_topic = settings.topics.dlq
        self._consumer = KafkaConsumer(
            **client_options(settings, "newsevents-bench-collector"), enable_auto_commit=False
        )
        partitions: list[TopicPartition] = []
        for topic in [*sorted(self._event_topics), self._state_topic, self._dlq_topic]:
            ids = self._consumer.partitions_for_topic(topic)
            if not ids:
                raise BenchError(f"topic {topic} has no partitions; was it created?")
            partitions.extend(TopicPartition(topic, p) for p in sorted(ids))
        self._consumer.assign(partitions)
        self._consumer.seek_to_beginning(*partitions)
        self.events: dict[bytes, Published] = {}  # event id -> first publication
        self.events_by_article: Counter[str] = Counter()
        self.event_records = 0
        self.first_event_ms: int | None = None
        self.last_event_ms: int | None = None
        self.first_event_seen: float | None = None  # perf_counter when the first event was read
        self.not_create_time = 0
        self.completed: dict[str, int] = {}  # article id -> timestamp of its state record or dead letter
        self.dead_letters = 0

    @property
    def unique_events(self) -> int:
        return len(self.events)

    def poll(self, timeout_ms: int = 200) -> int:
        """Read what has arrived (waiting up to ``timeout_ms``); returns the number of records."""
        count = 0
        for records in self._consumer.poll(timeout_ms=timeout_ms).values():
            for record in records:
                self._add(record)
                count += 1
        return count

    def _add(self, record: Any) -> None:
        timestamp = int(record.timestamp)
        if record.topic in self._event_topics:
            if record.value is None:
                return  # a retraction (tombstone); none are expected with unique ids
            headers = dict(record.headers or [])
            article_id = bytes(headers.get("ce_subject", b"")).decode("utf-8")
            self.event_records += 1
            if record.timestamp_type != CREATE_TIME:
                self.not_create_time += 1
            if self.first_event_seen is None:
                self.first_event_seen = time.perf_counter()
            if self.first_event_ms is None or timestamp < self.first_event_ms:
                self.first_event_ms = timestamp
            if self.last_event_ms is None or timestamp > self.last_event_ms:
                self.last_event_ms = timestamp
            if record.key not in self.events:
                self.events[record.key] = Published(article_id, timestamp)
                self.events_by_article[article_id] += 1
        elif record.topic == self._state_topic and record.value is not None:
            self.completed.setdefault(record.key.decode("utf-8"), timestamp)
        elif record.topic == self._dlq_topic:
            self.dead_letters += 1
            if record.key is not None:
                self.completed.setdefault(record.key.decode("utf-8", errors="replace"), timestamp)

    def progress(self) -> str:
        return (
            f"{self.unique_events} events ({self.event_records} records), "
            f"{len(self.completed)} articles completed, {self.dead_letters} dead letters"
        )

    def close(self) -> None:
        self._consumer.close()

    def __enter__(self) -> Collector:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class Finished:
    """Done once ``ids`` have published their expected events.

    If every article of ``ids`` has completed (state record or dead letter) and the events
    are still short after ``grace_s``, it is done too, and ``shortfall`` says by how much:
    a difference between the offline core and the stream is a finding, not a hang.
    """

    def __init__(self, collector: Collector, ids: Sequence[str], expected_events: int, grace_s: float = 3.0):
        self.collector = collector
        self.ids = list(ids)
        self.expected_events = expected_events
        self.grace_s = grace_s
        self._all_completed_at: float | None = None

    def events_seen(self) -> int:
        counts = self.collector.events_by_article
        return sum(counts[i] for i in self.ids)

    def all_completed(self) -> bool:
        completed = self.collector.completed
        return all(i in completed for i in self.ids)

    @property
    def shortfall(self) -> int:
        return max(0, self.expected_events - self.events_seen())

    def __call__(self) -> bool:
        if self.expected_events == 0:
            return self.all_completed()
        if self.events_seen() >= self.expected_events:
            return True
        if not self.all_completed():
            return False
        if self._all_completed_at is None:
            self._all_completed_at = time.perf_counter()
        return time.perf_counter() - self._all_completed_at >= self.grace_s


def wait_until(
    collector: Collector,
    done: Callable[[], bool],
    workers: Sequence[WorkerProcess],
    what: str,
    idle_timeout: float = 180.0,
) -> None:
    """Poll until ``done()``; raise if a worker dies or nothing arrives for ``idle_timeout`` s."""
    last_record = time.perf_counter()
    while not done():
        for worker in workers:
            worker.check()
        if collector.poll(200):
            last_record = time.perf_counter()
        elif time.perf_counter() - last_record > idle_timeout:
            tail = workers[0].log_tail() if workers else ""
            raise BenchError(
                f"nothing published for {idle_timeout:.0f} s while waiting for {what}; "
                f"got {collector.progress()}. Worker log tail:\n{tail}"
            )


def _holds_partitions(log_path: Path) -> bool:
    text = log_path.read_text(errors="replace") if log_path.exists() else ""
    return text.rfind("partitions assigned:") > text.rfind("partitions revoked:")


def wait_group_stable(
    settings: Settings, members: int, workers: Sequence[WorkerProcess], timeout: float = 180.0
) -> None:
    """Block until the workers' group is Stable with ``members`` members, each holding partitions."""
    admin = KafkaAdminClient(**client_options(settings, "newsevents-bench-admin"))
    try:
        deadline = time.monotonic() + timeout
        state, seen = "unknown", 0
        while time.monotonic() < deadline:
            for worker in workers:
                worker.check()
            try:
                group = admin.describe_groups([settings.app_id]).get(settings.app_id) or {}
            except KafkaError as exc:  # e.g. the coordinator is still loading: ask again
                state, group = f"unknown ({exc})", {}
            except ValueError:
                # kafka-python 3 cannot parse Tansu's DescribeGroups answer (shared broker notes):
                # read the workers' own logs instead -- each must hold partitions after its last revoke
                if all(_holds_partitions(w.log_path) for w in workers):
                    return
                state, group = "unknown (DescribeGroups unreadable; waiting for the workers' logs)", {}
            state = str(group.get("group_state", state))
            assigned = [m for m in group.get("members") or [] if m.get("member_assignment")]
            seen = len(assigned)
            if state == "Stable" and seen == members:
                return
            time.sleep(0.5)
        raise BenchError(
            f"consumer group {settings.app_id} not stable with {members} members after {timeout:.0f} s "
            f"(state {state}, {seen} members with partitions)"
        )
    finally:
        admin.close()
