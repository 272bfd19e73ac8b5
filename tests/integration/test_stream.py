"""End to end on a real broker: articles in, events and dead letters out, restarts without loss."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import jsonschema

from streams.config import Settings
from streams.core.extractor import Extractor
from streams.resources import schema_path
from tests.fixtures.broker import WorkerProcess, committed_offsets, consume_until, end_offsets, produce
from tests.fixtures.extraction import SAMPLES, events_for

SCHEMA = json.loads(schema_path("event.v1.json").read_text())


def _article(i: int, tag: str) -> bytes:
    body = (
        f"“We signed the {tag} deal number {i} this morning,” Minister Ana Costa said on Tuesday.\n"
        f"Costa met Finance Minister Rui Vale in Lisbon to sign the accord worth $25 million."
    )
    return json.dumps({"id": f"{tag}-{i}", "body": body, "published_at": "2026-02-04"}).encode()


def _event_values(records: list[Any]) -> list[dict[str, Any]]:
    return [json.loads(r.value) for r in records]


def test_articles_in_events_out(
    settings: Settings, worker_factory: Callable[..., WorkerProcess], extractor: Extractor
) -> None:
    expected = events_for(extractor, SAMPLES)
    worker = worker_factory(settings)
    produce(settings.kafka.bootstrap, settings.topics.input, [(None, raw, []) for raw in SAMPLES])
    topics = list(settings.topics.events.values())
    records = consume_until(settings.kafka.bootstrap, topics, lambda r: len(r) >= len(expected), 120, worker)
    published = _event_values(records)
    for record, event in zip(records, published, strict=True):
        jsonschema.validate(event, SCHEMA)
        assert record.topic == settings.topics.events[event["type"]]
        assert record.key == event["event_id"].encode()
        headers = dict(record.headers)
        assert headers["ce_id"] == event["event_id"].encode()
        assert headers["ce_specversion"] == b"1.0"
        assert headers["ce_type"] == f"org.newsevents.{event['type']}.v1".encode()
        assert headers["content-type"] == b"application/json"
    # exactly what the offline core produces for the same articles, plus the publication time
    assert all(event.pop("recorded_at").endswith("Z") for event in published)
    assert sorted(published, key=lambda e: e["event_id"]) == sorted(expected, key=lambda e: e["event_id"])
    assert {e["type"] for e in published} == {"meeting", "agreement", "statement"}


def test_bad_records_go_to_the_dead_letters_while_good_ones_flow(
    settings: Settings, worker_factory: Callable[..., WorkerProcess], extractor: Extractor
) -> None:
    good = [_article(i, "good") for i in range(6)]
    failing = json.dumps(
        {"id": "explodes", "body": "EXPLODE “We will sign the deal,” Ana Costa said."}
    ).encode()
    bad: list[tuple[bytes | None, bytes | None, str]] = [
        (b"k1", b"\xff\xfe\x00 not utf-8", "not_utf8"),
        (b"k2", b"{not json", "not_json"),
        (b"k3", b"[1, 2]", "not_object"),
        (b"k4", json.dumps({"id": "no-body"}).encode(), "missing_field"),
        (b"k5", json.dumps({"id": 7, "body": "x"}).encode(), "wrong_type"),
        (b"k6", json.dumps({"id": "big", "body": "word " * 2000}).encode(), "body_too_large"),
        (b"k7", b"[" * 5000 + b"]" * 5000, "not_json"),
        (b"explodes", failing, "extraction_error"),
    ]
    records: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = []
    for i, raw in enumerate(good):
        records.append((None, raw, []))
        if i < len(bad):
            key, value, _ = bad[i]
            records.append((key, value, [("trace-id", f"t{i}".encode())]))
    for key, value, _ in bad[len(good) :]:
        records.append((key, value, [("trace-id", b"late")]))
    expected_events = events_for(extractor, good)

    worker = worker_factory(settings, NEWSEVENTS_MAX_BODY_BYTES="5000", NEWSEVENTS_TEST_FAIL_MARKER="EXPLODE")
    produce(settings.kafka.bootstrap, settings.topics.input, records)

    letters = consume_until(
        settings.kafka.bootstrap, [settings.topics.dlq], lambda r: len(r) >= len(bad), 120, worker
    )
    events = consume_until(
        settings.kafka.bootstrap,
        list(settings.topics.events.values()),
        lambda r: len(r) >= len(expected_events),
        60,
        worker,
    )
    assert sorted(e["event_id"] for e in _event_values(events)) == sorted(
        e["event_id"] for e in expected_events
    )
    assert len(letters) == len(bad)
    by_key = {r.key: r for r in letters}
    for key, value, reason in bad:
        letter = by_key[key]
        headers = dict(letter.headers)
        assert letter.value == value, "the original bytes are kept unchanged"
        assert headers["dlq_reason"].decode() == reason
        assert headers["dlq_source_topic"].decode() == settings.topics.input
        assert int(headers["dlq_source_offset"]) >= 0
        assert headers["dlq_error"]
        assert headers["dlq_time"]
        assert letter.headers[0][0] == "trace-id", "original headers come first, unchanged"
    assert worker.alive(), "bad input never stops the worker"


def test_sigterm_and_restart_neither_lose_nor_reprocess(
    settings: Settings, worker_factory: Callable[..., WorkerProcess], extractor: Extractor
) -> None:
    first = [_article(i, "first") for i in range(8)]
    second = [_article(i, "second") for i in range(8)]
    expected_first = events_for(extractor, first)
    expected_second = events_for(extractor, second)
    topics = list(settings.topics.events.values())

    worker = worker_factory(settings)
    produce(settings.kafka.bootstrap, settings.topics.input, [(None, raw, []) for raw in first])
    consume_until(settings.kafka.bootstrap, topics, lambda r: len(r) >= len(expected_first), 120, worker)
    took = worker.stop()
    assert worker.process is not None and worker.process.returncode == 0, worker.log()[-2000:]
    assert took < 20, f"SIGTERM took {took:.1f} s"
    committed = committed_offsets(settings.kafka.bootstrap, settings.app_id, settings.topics.input)
    # a partition that never held a record has no committed offset (None), which equals offset 0
    assert {p: c or 0 for p, c in committed.items()} == end_offsets(
        settings.kafka.bootstrap, settings.topics.input
    ), "everything processed before SIGTERM is committed"

    restarted = worker_factory(settings)
    produce(settings.kafka.bootstrap, settings.topics.input, [(None, raw, []) for raw in second])
    total = len(expected_first) + len(expected_second)
    records = consume_until(settings.kafka.bootstrap, topics, lambda r: len(r) >= total, 120, restarted)
    # let the restarted worker commit, then check nothing was published twice
    restarted.stop()
    records = consume_until(settings.kafka.bootstrap, topics, lambda r: len(r) >= total, 10)
    counts = Counter(json.loads(r.value)["event_id"] for r in records)
    assert set(counts) == {e["event_id"] for e in expected_first + expected_second}
    assert max(counts.values()) == 1, "committed work was not reprocessed after the restart"
