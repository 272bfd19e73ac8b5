"""Over a thousand malformed records, interleaved with valid and pathological articles, through a
real worker: every malformed record is dead-lettered with a reason, every valid article's events
are published, pathological bodies finish, and the worker never restarts."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from kafka.errors import MessageSizeTooLargeError

from streams.config import Settings
from streams.core.article import REJECTION_REASONS
from streams.core.extractor import Extractor
from tests.fixtures.broker import WorkerProcess, consume_until, produce
from tests.fixtures.extraction import SAMPLES, events_for
from tests.fixtures.malformed import HAND_MADE, OVERSIZED, malformed_records

GENERATED = 1_000


def _generated_corpus() -> list[bytes]:
    """1,000 malformed records drawn by hypothesis (derandomized, so every run sends the same)."""
    drawn: list[bytes] = []

    @hypothesis_settings(
        max_examples=GENERATED * 3,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(malformed_records())
    def collect(raw: bytes) -> None:
        if len(drawn) < GENERATED:
            drawn.append(raw)

    collect()
    assert len(drawn) == GENERATED
    return drawn


def _pathological_articles() -> list[bytes]:
    bodies = {
        "p-quotes": '"' * 100_000,
        "p-curly": "“a” " * 5_000,
        "p-parens": "(" * 20_000 + ")" * 20_000,
        "p-html": "<div><p>Ministers met in <b>Oslo</b> on Monday.</p></div>" * 500,
        "p-control": "Ministers\x00 met\x07 in Oslo\x1b on Monday. " * 100,
        "p-foreign": "Министры встретились в Осло в понедельник. 部长们周一在奥斯陆会面。" * 100,
    }
    return [json.dumps({"id": key, "body": body}).encode() for key, body in bodies.items()]


def test_a_thousand_malformed_records_are_dead_lettered_and_nothing_else_is_lost(
    settings: Settings, worker_factory: Callable[..., WorkerProcess], extractor: Extractor
) -> None:
    malformed = _generated_corpus() + HAND_MADE
    valid = [
        json.dumps({**json.loads(raw), "id": f"{json.loads(raw)['id']}-{n}"}).encode()
        for n in range(3)
        for raw in SAMPLES
    ]
    pathological = _pathological_articles()
    expected_events = events_for(extractor, valid)
    # interleave: a valid or pathological article after every ~80 malformed records
    good = valid + pathological
    step = max(1, len(malformed) // len(good))
    records: list[bytes] = []
    for i, raw in enumerate(malformed):
        records.append(raw)
        if i % step == 0 and good:
            records.append(good.pop(0))
    records.extend(good)
    worker = worker_factory(settings.replace(max_body_bytes=200_000))
    pid = worker.process.pid if worker.process else None
    # a 10 MB record never reaches the worker: the broker refuses it, and the producer is told
    with pytest.raises(MessageSizeTooLargeError):
        produce(settings.kafka.bootstrap, settings.topics.input, [(None, OVERSIZED[1], [])])
    produce(settings.kafka.bootstrap, settings.topics.input, [(None, raw, []) for raw in records])

    dead = consume_until(
        settings.kafka.bootstrap, [settings.topics.dlq], lambda r: len(r) >= len(malformed), 300, worker
    )
    assert len(dead) == len(malformed)
    assert Counter(bytes(r.value or b"") for r in dead) == Counter(malformed)  # each original, byte for byte
    reasons = Counter(dict(r.headers)["dlq_reason"].decode() for r in dead)
    assert set(reasons) <= set(REJECTION_REASONS) and len(reasons) >= 6, reasons

    topics = list(settings.topics.events.values())
    events = consume_until(
        settings.kafka.bootstrap, topics, lambda r: len(r) >= len(expected_events), 300, worker
    )
    published = {json.loads(r.value)["event_id"] for r in events if r.value is not None}
    assert published >= {e["event_id"] for e in expected_events}
    state_keys = {
        r.key.decode()
        for r in consume_until(
            settings.kafka.bootstrap, [settings.topics.state], lambda r: len(r) >= len(valid) + 6, 300, worker
        )
    }
    assert {
        "p-quotes",
        "p-curly",
        "p-parens",
        "p-html",
        "p-control",
        "p-foreign",
    } <= state_keys  # all finished
    assert worker.alive() and worker.process is not None and worker.process.pid == pid
    assert "Traceback" not in worker.log()
