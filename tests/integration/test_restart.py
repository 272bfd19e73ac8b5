"""A worker killed with SIGKILL and started again takes over by itself, the broker left alone.

The operator's case of issue 17 on each embedded engine: malformed records and articles arrive, the
worker is killed once its first events are out, more arrive while it is down, and it is started
again, as when a pod crashes and restarts. Before static membership the restarted worker never got a
partition on noida (its dead predecessor stayed in the group) until the broker restarted; this test
keeps the broker it starts running throughout.
Why and how: docs/decisions/0008-restarted-worker-takes-over.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from streams.broker import ENGINES, EmbeddedBroker
from streams.core.extractor import Extractor
from tests.fixtures.broker import WorkerProcess, consume_until, isolated_settings, produce
from tests.fixtures.extraction import SAMPLES, events_for
from tests.fixtures.malformed import HAND_MADE

#: Small hand-made faults (the ones under a few KB), split between the two phases.
SMALL_FAULTS = [raw for raw in HAND_MADE if len(raw) < 4096]


@pytest.fixture(params=ENGINES)
def broker(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EmbeddedBroker]:
    engine = request.param
    with EmbeddedBroker(engine=engine, data_dir=tmp_path / engine, log_path=tmp_path / "broker.log") as b:
        yield b


def _phase(name: str, faults: list[bytes]) -> tuple[list[bytes], list[bytes]]:
    """Articles (every sample, twice, with ids of this phase) and malformed records for one phase."""
    articles = [
        json.dumps({**json.loads(raw), "id": f"{name}-{n}-{json.loads(raw)['id']}"}).encode()
        for n in range(2)
        for raw in SAMPLES
    ]
    malformed = [*faults, *(json.dumps({"id": f"{name}-bad-{i}", "body": " "}).encode() for i in range(30))]
    return articles, malformed


def _send(bootstrap: str, topic: str, articles: list[bytes], malformed: list[bytes]) -> None:
    records: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = []
    for i, raw in enumerate(malformed):  # interleaved, as a real feed would be
        records.append((None, raw, []))
        if i < len(articles):
            records.append((articles[i][:16], articles[i], []))
    records += [(raw[:16], raw, []) for raw in articles[len(malformed) :]]
    produce(bootstrap, topic, records)


def _event_ids(records: list[Any]) -> set[str]:
    return {json.loads(r.value)["event_id"] for r in records if r.value is not None}


def test_a_killed_worker_started_again_takes_over_without_a_broker_restart(
    broker: EmbeddedBroker, tmp_path: Path, extractor: Extractor
) -> None:
    settings = isolated_settings(
        broker.bootstrap, tmp_path / "worker", "restart", batch_size=4, **broker.worker_settings
    )
    events = list(settings.topics.events.values())
    assert broker.process is not None
    broker_pid = broker.process.pid
    half = len(SMALL_FAULTS) // 2
    first_articles, first_bad = _phase("first", SMALL_FAULTS[:half])
    second_articles, second_bad = _phase("second", SMALL_FAULTS[half:])

    first = WorkerProcess(settings, tmp_path / "worker-1.log").start()
    _send(settings.kafka.bootstrap, settings.topics.input, first_articles, first_bad)
    consume_until(settings.kafka.bootstrap, events, lambda r: len(r) > 0, 60, first)
    first.kill()  # SIGKILL once its first events are out: it leaves nothing behind but its member
    _send(settings.kafka.bootstrap, settings.topics.input, second_articles, second_bad)

    started = time.monotonic()
    restarted = WorkerProcess(settings, tmp_path / "worker-2.log").start()
    wanted = {e["event_id"] for e in events_for(extractor, first_articles + second_articles)}
    consume_until(settings.kafka.bootstrap, events, lambda r: wanted <= _event_ids(r), 60, restarted)
    malformed = first_bad + second_bad
    assert len(set(malformed)) == len(malformed)
    dead = consume_until(
        settings.kafka.bootstrap,
        [settings.topics.dlq],
        lambda r: set(malformed) <= {d.value for d in r},
        30,
        restarted,
    )
    took = time.monotonic() - started

    # each one dead-lettered byte for byte; twice at most where the killed worker had not committed it
    copies = Counter(r.value for r in dead)
    assert set(copies) == set(malformed) and max(copies.values()) <= 2
    assert broker.process is not None and broker.process.pid == broker_pid and broker.process.poll() is None
    print(f"{broker.engine}: the restarted worker finished the backlog {took:.1f} s after it started")
    restarted.stop()


#: A plain group member that takes its partitions and then waits to be killed.
_MEMBER = """
import sys, warnings
warnings.simplefilter("ignore")
from kafka import KafkaConsumer
consumer = KafkaConsumer(sys.argv[2], bootstrap_servers=sys.argv[1], group_id=sys.argv[3],
                         session_timeout_ms=6000, heartbeat_interval_ms=1000)
while not consumer.assignment():
    consumer.poll(timeout_ms=200)
print("assigned", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(
    bool(os.environ.get("NEWSEVENTS_TEST_BOOTSTRAP")),
    reason="Kafka expires the killed member: no stuck group",
)
def test_a_worker_the_group_never_admits_says_why_and_exits_for_its_supervisor(
    tmp_path: Path, bootstrap: str
) -> None:
    """A member of another process killed on noida (never expired there) holds the group: the worker
    reports what it waits for, then exits with status 4 instead of waiting in silence."""
    settings = isolated_settings(bootstrap, tmp_path / "worker", "stuck", join_timeout=13.0)
    member = subprocess.Popen(
        [sys.executable, "-c", _MEMBER, bootstrap, settings.topics.input, settings.app_id],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert member.stdout is not None and member.stdout.readline() == b"assigned\n"
    finally:
        member.kill()  # SIGKILL: it never leaves
        member.wait()
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    assert worker.process is not None
    status = worker.process.wait(90)
    log = worker.log()
    assert status == 4, log[-3000:]
    assert "waiting 6 s for group" in log and "exiting with status 4" in log, log[-3000:]
