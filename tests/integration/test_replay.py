"""``newsevents replay`` on a real broker: idempotent, windowed, retracting, unseen by the live group."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams.cli.replay_cmd import cmd_replay, plan
from streams.config import Settings
from streams.core.extractor import Extractor
from tests.fixtures.broker import WorkerProcess, committed_offsets, consume_until, end_offsets, produce
from tests.fixtures.extraction import SAMPLES, events_for


def read_all(bootstrap: str, topics: list[str]) -> list[Any]:
    """Every record of ``topics`` up to the end offsets at the time of the call."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        tps = [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or ())]
        ends = consumer.end_offsets(tps)
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        records: list[Any] = []
        deadline = time.monotonic() + 60
        while any(consumer.position(tp) < ends[tp] for tp in tps):
            assert time.monotonic() < deadline, "topics did not drain"
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def live_events(bootstrap: str, settings: Settings) -> dict[str, dict[str, Any]]:
    """What a downstream consumer materialises: key -> latest value, tombstones removed."""
    view: dict[str, dict[str, Any]] = {}
    for record in read_all(bootstrap, list(settings.topics.events.values())):
        key = record.key.decode()
        if record.value is None:
            view.pop(key, None)
        else:
            view[key] = json.loads(record.value)
    return view


def _replay(
    settings: Settings, start: str = "earliest", end: str = "latest", drop_types: frozenset[str] = frozenset()
) -> str:
    out = io.StringIO()
    assert (
        cmd_replay(settings, start, end, None, dry_run=False, progress=False, out=out, drop_types=drop_types)
        == 0
    )
    return out.getvalue()


def _wait_committed(settings: Settings, worker: WorkerProcess) -> dict[int, int | None]:
    ends = end_offsets(settings.kafka.bootstrap, settings.topics.input)
    deadline = time.monotonic() + 60
    while True:
        committed = committed_offsets(settings.kafka.bootstrap, settings.app_id, settings.topics.input)
        if all((committed.get(p) or 0) == end for p, end in ends.items()):
            return committed
        assert worker.alive() and time.monotonic() < deadline, (
            f"offsets never committed: {committed} vs {ends}"
        )
        time.sleep(0.2)  # polling a condition with a deadline


def test_replaying_everything_twice_changes_nothing_downstream_nor_the_live_group(
    settings: Settings, worker_factory: Callable[..., WorkerProcess], extractor: Extractor
) -> None:
    expected = {e["event_id"] for e in events_for(extractor, SAMPLES)}
    worker = worker_factory(settings)
    produce(settings.kafka.bootstrap, settings.topics.input, [(raw[:20], raw, []) for raw in SAMPLES])
    topics = list(settings.topics.events.values())
    consume_until(settings.kafka.bootstrap, topics, lambda r: len(r) >= len(expected), 120, worker)
    committed_before = _wait_committed(settings, worker)

    first = _replay(settings)
    second = _replay(settings)
    assert f"replayed {len(SAMPLES)} articles" in first and f"replayed {len(SAMPLES)} articles" in second
    assert "0 retractions" in first and "0 retractions" in second

    records = read_all(settings.kafka.bootstrap, topics)
    assert {r.key.decode() for r in records} == expected  # no new ids: the same evidence, the same id
    assert len(records) == 3 * len(expected)  # the worker's copy and one per replay, all duplicates by id
    assert set(live_events(settings.kafka.bootstrap, settings)) == expected
    assert (
        committed_offsets(settings.kafka.bootstrap, settings.app_id, settings.topics.input)
        == committed_before
    )
    assert worker.alive()


def test_a_time_window_rereads_exactly_that_window(settings: Settings) -> None:
    articles = [json.loads(raw) for raw in SAMPLES]
    # Recent record times: with times of 2026-01-01 the window came out empty in two fresh-clone runs
    # of the whole suite (never alone). A retention sweep of records older than 7 days would explain
    # it, but a 7-minute probe on noida saw none, so the cause is not established.
    start_of_hour = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    base_time = start_of_hour - timedelta(hours=len(articles))
    base = int(base_time.timestamp() * 1000)
    producer = KafkaProducer(bootstrap_servers=settings.kafka.bootstrap, acks="all")
    for hour, article in enumerate(articles):  # one article per hour from base_time
        producer.send(
            settings.topics.input,
            key=article["id"].encode(),
            value=json.dumps(article).encode(),
            timestamp_ms=base + hour * 3_600_000,
        )
    producer.flush()
    producer.close()
    first, last = (
        (base_time + timedelta(hours=h)).isoformat().replace("+00:00", "Z") for h in (1, 3)
    )  # the second and third articles
    window = plan(settings, first, last)
    assert sum(w.size for w in window) == 2

    _replay(settings, first, last)
    replayed = {event["article_id"] for event in live_events(settings.kafka.bootstrap, settings).values()}
    assert replayed == {articles[1]["id"], articles[2]["id"]}


def test_a_changed_extractor_retracts_the_events_it_no_longer_finds(
    settings: Settings, worker_factory: Callable[..., WorkerProcess], extractor: Extractor
) -> None:
    expected = events_for(extractor, SAMPLES)
    worker = worker_factory(settings)
    produce(settings.kafka.bootstrap, settings.topics.input, [(raw[:20], raw, []) for raw in SAMPLES])
    topics = list(settings.topics.events.values())
    consume_until(settings.kafka.bootstrap, topics, lambda r: len(r) >= len(expected), 120, worker)
    _wait_committed(settings, worker)  # the worker's article state is written with its events

    statements = {e["event_id"] for e in expected if e["type"] == "statement"}
    assert statements
    output = _replay(settings, drop_types=frozenset({"statement"}))  # "the new extractor" finds no statements
    assert f"{len(statements)} retractions" in output

    tombstones = [r for r in read_all(settings.kafka.bootstrap, topics) if r.value is None]
    assert {r.key.decode() for r in tombstones} == statements
    assert {r.topic for r in tombstones} == {settings.topics.events["statement"]}
    live = live_events(settings.kafka.bootstrap, settings)
    assert set(live) == {e["event_id"] for e in expected} - statements
    # replaying again with the same extractor retracts nothing more
    assert "0 retractions" in _replay(settings, drop_types=frozenset({"statement"}))
