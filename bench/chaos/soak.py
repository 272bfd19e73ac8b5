"""The soak itself: a broker, a group of workers, a driver that sends and a monkey that kills.

Kills come at random moments, including while a worker is starting (a kill shortly after a
restart) and while the group rebalances (a second kill soon after a first); each killed worker is
started again after a short random pause, as a supervisor would. SIGKILL is a crash, SIGTERM a
graceful stop.
"""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kafka import KafkaProducer

from bench.chaos.traffic import Record, records
from bench.throughput.workers import WorkerProcess
from streams.config import Settings
from streams.kafka_options import client_options

#: Records sent per second while the soak runs (articles and malformed records together).
SEND_RATE = 3.0


@dataclass
class Monkey:
    """Decides when to kill which worker, and when to start it again."""

    rng: random.Random
    gap: tuple[float, float] = (4.0, 14.0)  # seconds between kills
    restart_pause: tuple[float, float] = (0.0, 4.0)
    next_kill: float = 0.0
    restarts: dict[str, float] = field(default_factory=dict)  # worker name -> when to start it again
    kills: int = 0
    exits: int = 0  # workers that stopped without being killed
    by_signal: dict[str, int] = field(default_factory=lambda: {"SIGKILL": 0, "SIGTERM": 0})

    def schedule(self, now: float, soon: bool = False) -> None:
        self.next_kill = now + (self.rng.uniform(1.0, 3.0) if soon else self.rng.uniform(*self.gap))

    def act(self, now: float, workers: list[WorkerProcess], say: Callable[[str], None]) -> None:
        if now >= self.next_kill:
            victim = self.rng.choice(workers)
            if victim.alive():
                sig = self.rng.choice([signal.SIGKILL, signal.SIGTERM])
                assert victim.process is not None
                victim.process.send_signal(sig)
                self.kills += 1
                self.by_signal[sig.name] += 1
                say(f"kill {self.kills}: {sig.name} to {victim.name}")
                self.restarts[victim.name] = now + self.rng.uniform(*self.restart_pause)
            # a quick second kill now and then lands in the rebalance (or start-up) the first caused
            self.schedule(now, soon=self.rng.random() < 0.3)
        self.supervise(now, workers, say)

    def supervise(self, now: float, workers: list[WorkerProcess], say: Callable[[str], None]) -> None:
        """Start again every worker that is down: killed here, or exited by itself (as a worker
        that gets no partitions for NEWSEVENTS_JOIN_TIMEOUT does, for its supervisor to restart)."""
        for worker in workers:
            if not worker.alive() and worker.name not in self.restarts:
                assert worker.process is not None
                self.exits += 1
                say(f"{worker.name} exited by itself with status {worker.process.wait()}")
                self.restarts[worker.name] = now + self.rng.uniform(*self.restart_pause)
            due = self.restarts.get(worker.name)
            if due is not None and now >= due and not worker.alive():
                assert worker.process is not None
                worker.process.wait()
                worker.start()
                del self.restarts[worker.name]
                say(f"restarted {worker.name}")


def run_soak(
    settings: Settings,
    workdir: Path,
    seconds: float,
    worker_count: int,
    seed: int,
    say: Callable[[str], None],
) -> tuple[list[Record], Monkey, list[WorkerProcess]]:
    """Send and kill for ``seconds``; return what was sent, the monkey and the (running) workers."""
    rng = random.Random(seed)
    workers = [
        WorkerProcess(f"worker-{i}", settings, workdir / f"worker-{i}.log") for i in range(worker_count)
    ]
    for worker in workers:
        worker.start()
    monkey = Monkey(rng)
    producer = KafkaProducer(**client_options(settings, "newsevents-chaos-driver"), acks="all")
    source = records(seed)
    sent: list[Record] = []
    started = time.monotonic()
    monkey.schedule(started)
    try:
        while (now := time.monotonic()) - started < seconds:
            while len(sent) < (now - started) * SEND_RATE:
                record = next(source)
                producer.send(settings.topics.input, key=record.key.encode(), value=record.value)
                sent.append(record)
            monkey.act(now, workers, say)
            time.sleep(0.1)  # the driver's tick: sending and killing are paced by the clock
        producer.flush(60)
    finally:
        producer.close()
    for worker in workers:  # the soak is over: every worker runs again
        if not worker.alive() and worker.name in monkey.restarts:
            assert worker.process is not None
            worker.process.wait()
            worker.start()
            del monkey.restarts[worker.name]
    return sent, monkey, workers
