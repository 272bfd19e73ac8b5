"""A real broker per test session and helpers to run real workers against it.

The embedded noida-db broker is started on a free port with a temporary data directory;
``NEWSEVENTS_TEST_BOOTSTRAP=host:port`` runs the same tests against an external Kafka.
Each test gets its own topics and consumer group, so tests never see each other's data.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams.app.topics import ensure_topics
from streams.broker import EmbeddedBroker
from streams.config import Settings, settings_env

INTEGRATION_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/integration/ needs a broker: mark it so `make unit` can leave it out."""
    for item in items:
        if INTEGRATION_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("NEWSEVENTS_TEST_BOOTSTRAP")
    if external:
        yield external
        return
    data = tmp_path_factory.mktemp("broker")
    with EmbeddedBroker(engine="noida", data_dir=data, log_path=data / "broker.log") as broker:
        yield broker.bootstrap


@pytest.fixture
def settings(bootstrap: str, tmp_path: Path) -> Settings:
    """Unique topics and group for one test, created up front."""
    return isolated_settings(bootstrap, tmp_path / "worker", "newsevents-test")


def isolated_settings(bootstrap: str, data_dir: Path, group_prefix: str, **changes: Any) -> Settings:
    """Settings with topics and a group no other test uses, fast group timings, topics created."""
    uid = uuid.uuid4().hex[:8]
    values: dict[str, Any] = {
        "bootstrap": bootstrap,
        "app_id": f"{group_prefix}-{uid}",
        "input_topic": f"articles.raw.{uid}",
        "dlq_topic": f"articles.dlq.{uid}",
        "event_topic_prefix": f"events.{uid}.",
        "state_topic": f"article-state.{uid}",
        "partitions": 2,
        "data_dir": str(data_dir),
        "metrics_port": 0,
        "batch_timeout": 0.3,
        "session_timeout": 6.0,
        "heartbeat_interval": 1.0,
        "commit_interval": 0.5,
    }
    s = Settings.from_flat(**{**values, **changes})
    ensure_topics(s)
    return s


#: Every worker started by a test; ``no_worker_outlives_its_test`` kills what is left of them.
_STARTED: list[WorkerProcess] = []


class WorkerProcess:
    """``newsevents worker`` as a subprocess, configured through the environment like in production."""

    def __init__(self, settings: Settings, log_path: Path, **extra_env: str) -> None:
        self.settings = settings
        self.log_path = log_path
        self.extra_env = extra_env
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        env = {**os.environ, **settings_env(self.settings)}
        env.update(self.extra_env)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streams.cli.main", "worker"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _STARTED.append(self)
        return self

    def kill(self) -> None:
        """SIGKILL the worker's whole session, if it still runs."""
        if self.alive():
            assert self.process is not None
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> float:
        """Send ``sig`` and wait for exit; returns the seconds it took."""
        assert self.process is not None
        started = time.monotonic()
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"worker did not stop within {timeout} s") from None
        return time.monotonic() - started

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test() -> Iterator[None]:
    """A test that fails (or forgets) before stopping its workers must not leave them running.

    Only workers started during the test: those of wider-scoped fixtures started before it.
    """
    already = len(_STARTED)
    yield
    while len(_STARTED) > already:
        _STARTED.pop().kill()


@pytest.fixture
def worker_factory(tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    started: list[WorkerProcess] = []

    def make(settings: Settings, **extra_env: str) -> WorkerProcess:
        worker = WorkerProcess(settings, tmp_path / f"worker-{len(started)}.log", **extra_env).start()
        started.append(worker)
        return worker

    yield make  # no_worker_outlives_its_test kills what is left running


def produce(
    bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]]
) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=16 * 1024 * 1024)
    try:
        futures = [producer.send(topic, key=k, value=v, headers=h) for k, v, h in records]
        producer.flush()
        for future in futures:
            future.get(timeout=30)
    finally:
        producer.close()


def consume_until(
    bootstrap: str,
    topics: list[str],
    done: Callable[[list[Any]], bool],
    timeout: float,
    worker: WorkerProcess | None = None,
) -> list[Any]:
    """Read ``topics`` from the beginning until ``done(records)`` holds; fail after ``timeout`` s."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        partitions = [
            TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or ())
        ]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        records: list[Any] = []
        deadline = time.monotonic() + timeout
        while not done(records):
            if time.monotonic() > deadline:
                log = worker.log()[-3000:] if worker else ""
                raise AssertionError(f"condition not met within {timeout} s; {len(records)} records\n{log}")
            if worker is not None and not worker.alive():
                raise AssertionError(f"worker died:\n{worker.log()[-3000:]}")
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def committed_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int | None]:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        return {tp.partition: consumer.committed(tp) for tp in partitions}
    finally:
        consumer.close()


def end_offsets(bootstrap: str, topic: str) -> dict[int, int]:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        return {tp.partition: offset for tp, offset in consumer.end_offsets(partitions).items()}
    finally:
        consumer.close()


def with_topics(settings: Settings, **changes: Any) -> Settings:
    return settings.replace(**changes)
