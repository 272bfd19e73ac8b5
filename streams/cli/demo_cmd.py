"""``newsevents demo``: broker, topics, worker, sample articles and live events in one command.

Everything it starts (the embedded broker, a worker and a story worker subprocess) is stopped on
Ctrl-C, on SIGTERM and on any failure, and its temporary folder (broker data, worker
state, logs) is removed; a failure exits non-zero with the reason and the tail of the
worker's log.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

from streams.broker import BrokerError, EmbeddedBroker, check_engine, free_port
from streams.cli.jsonl import InputError, readable_file
from streams.cli.kafka_cmds import cmd_ingest, record_as_json
from streams.cli.render import render_event, render_story
from streams.config import Settings, settings_env
from streams.kafka_options import client_options
from streams.resources import samples_path


class DemoError(RuntimeError):
    pass


def _log_tail(path: Path, lines: int = 15) -> str:
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _worker_env(settings: Settings) -> dict[str, str]:
    return {**os.environ, **settings_env(settings)}


class DemoWorker:
    """The demo's worker subprocess, supervised as a deployment would be: a worker that exits with
    ``JOIN_TIMEOUT_EXIT`` (no partitions from its group for ``NEWSEVENTS_JOIN_TIMEOUT``) is started
    again, up to ``restarts`` times; any other exit ends the demo with the reason."""

    COMMAND = (sys.executable, "-m", "streams.cli.main", "worker")
    STORIES = (sys.executable, "-m", "streams.cli.main", "stories")  # the story stage's own worker

    def __init__(
        self, settings: Settings, log_path: Path, restarts: int = 3, command: tuple[str, ...] = COMMAND
    ) -> None:
        self.settings = settings
        self.log_path = log_path
        self.restarts_left = restarts
        self.command = command
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                list(self.command),
                env=_worker_env(self.settings),
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def check(self) -> None:
        """Raise ``DemoError`` if the worker is gone for good; start it again if it asked for that."""
        from streams.app.membership import JOIN_TIMEOUT_EXIT

        assert self.process is not None
        code = self.process.poll()
        if code is None:
            return
        if code == JOIN_TIMEOUT_EXIT and self.restarts_left > 0:
            self.restarts_left -= 1
            print(
                f"· the worker got no partitions from its group and exited (status {code}); "
                "starting it again",
                flush=True,
            )
            self.start()
            return
        raise DemoError(f"the worker exited with status {code}")

    def stop(self, timeout: float = 15.0) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_demo(articles: str | None, engine: str, metrics_port: int, idle_exit: float | None) -> int:
    started = time.monotonic()
    try:
        path = readable_file(articles) if articles else samples_path()
        check_engine(engine)
    except (InputError, BrokerError) as exc:
        print(f"newsevents demo: {exc}", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="newsevents-demo-"))
    worker_log = workdir / "worker.log"
    broker = EmbeddedBroker(engine=engine, data_dir=workdir / "broker", log_path=workdir / "broker.log")
    worker: DemoWorker | None = None
    story_worker: DemoWorker | None = None

    def on_stop_signal(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # SIGINT too: a process started from a script's background job inherits SIGINT ignored,
    # and Python then never turns Ctrl-C into KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_stop_signal)
    signal.signal(signal.SIGINT, on_stop_signal)
    try:
        print(f"· starting the {engine} broker ...", flush=True)
        broker.start()
        settings = Settings.from_flat(
            bootstrap=broker.bootstrap,
            app_id="newsevents-demo",
            data_dir=str(workdir / "worker"),
            metrics_host="127.0.0.1",
            metrics_port=metrics_port or free_port(),
            batch_timeout=0.5,
            **broker.worker_settings,
        )
        print(
            f"· broker at {broker.bootstrap}; starting a worker (log: {worker_log}, removed at exit) ...",
            flush=True,
        )
        worker = DemoWorker(settings, worker_log)
        worker.start()
        from streams.app.topics import ensure_topics
        from streams.app.worker import story_worker_settings

        ensure_topics(settings)
        ensure_topics(story_worker_settings(settings))
        story_settings = settings.replace(metrics_port=free_port())
        story_worker = DemoWorker(story_settings, workdir / "stories.log", command=DemoWorker.STORIES)
        story_worker.start()
        print(f"· ingesting {path} ...", flush=True)
        cmd_ingest(settings, str(path), progress=False)
        print(f"· metrics: http://127.0.0.1:{settings.metrics.port}/metrics", flush=True)
        print(
            f"· story stage: its own worker (newsevents stories), metrics on "
            f"http://127.0.0.1:{story_settings.metrics.port}/metrics",
            flush=True,
        )
        print("· events as they arrive (Ctrl-C stops the demo and everything it started):", flush=True)
        return _follow(settings, [worker, story_worker], started, idle_exit)
    except KeyboardInterrupt:
        print("\n· stopping ...", flush=True)
        return 0
    except BrokenPipeError:  # `newsevents demo | head`: the reader left; main exits quietly
        raise
    except (BrokerError, DemoError, OSError) as exc:
        print(f"newsevents demo: {exc}", file=sys.stderr)
        tail = _log_tail(worker_log)
        if tail:
            print(f"--- last lines of {worker_log} ---\n{tail}", file=sys.stderr)
        return 1
    finally:
        for started_worker in (worker, story_worker):
            if started_worker is not None:
                started_worker.stop()
        broker.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def _follow(
    settings: Settings,
    workers: list[DemoWorker],
    started: float,
    idle_exit: float | None,
) -> int:
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(**client_options(settings, "newsevents-demo"), enable_auto_commit=False)
    try:
        partitions = [
            TopicPartition(t, p)
            for t in settings.topics.events.values()
            for p in sorted(consumer.partitions_for_topic(t) or ())
        ]
        dlq = [
            TopicPartition(settings.topics.dlq, p)
            for p in sorted(consumer.partitions_for_topic(settings.topics.dlq) or ())
        ]
        # stories, shown as they change (docs/stories.md), from the demo's story worker
        dlq += [
            TopicPartition(settings.stories.topic, p)
            for p in sorted(consumer.partitions_for_topic(settings.stories.topic) or ())
        ]
        consumer.assign(partitions + dlq)
        consumer.seek_to_beginning(*(partitions + dlq))
        seen = 0
        last = time.monotonic()
        while True:
            for worker in workers:
                worker.check()
            batches = consumer.poll(timeout_ms=300)
            for records in batches.values():
                for record in records:
                    data = record_as_json(record)
                    if record.topic == settings.topics.dlq:
                        print(
                            f"[dead-letter] reason={data['headers'].get('dlq_reason')} "
                            f"offset={data['headers'].get('dlq_source_offset')}",
                            flush=True,
                        )
                        continue
                    if record.topic == settings.stories.topic:
                        print(render_story(data["key"] or "", data["value"]), flush=True)
                        last = time.monotonic()
                        continue
                    if seen == 0:
                        print(f"· first event after {time.monotonic() - started:.1f} s", flush=True)
                    seen += 1
                    last = time.monotonic()
                    print(render_event(data["value"]), flush=True)
            if idle_exit is not None and seen and time.monotonic() - last > idle_exit:
                print(f"· {seen} events; no new event for {idle_exit:g} s, stopping", flush=True)
                return 0
            if idle_exit is not None and not seen and time.monotonic() - last > 120:
                raise DemoError("no event within 120 s")
    finally:
        consumer.close()
