"""``newsevents worker`` subprocesses, configured through the environment exactly as in production.

Each worker logs to its own file; when one dies the error carries the tail of that log,
because a benchmark that only says "timed out" costs a second run to diagnose.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from streams.config import Settings, settings_env

REPO = Path(__file__).resolve().parents[2]


class WorkerDied(RuntimeError):
    """A worker subprocess exited while the benchmark still needed it."""


class WorkerProcess:
    """One ``python -m streams.cli.main worker`` in its own session, logging to ``log_path``."""

    def __init__(self, name: str, settings: Settings, log_path: Path) -> None:
        self.name = name
        self.settings = settings
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        env = {**os.environ, **settings_env(self.settings)}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "streams.cli.main", "worker"],
                env=env,
                cwd=REPO,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    @property
    def pid(self) -> int:
        if self.process is None:
            raise RuntimeError(f"worker {self.name} was not started")
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def check(self) -> None:
        """Raise ``WorkerDied`` with the log tail if the worker is no longer running."""
        if not self.alive():
            status = self.process.returncode if self.process is not None else None
            raise WorkerDied(f"worker died: {self.name} exited with status {status}:\n{self.log_tail()}")

    def log_tail(self, chars: int = 3000) -> str:
        if not self.log_path.exists():
            return "(no log)"
        return self.log_path.read_text(errors="replace")[-chars:]

    def terminate(self) -> None:
        if self.alive():
            assert self.process is not None
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGTERM)

    def wait_or_kill(self, timeout: float) -> None:
        """Wait for exit; SIGKILL the whole session if it does not come within ``timeout`` s."""
        if self.process is None:
            return
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


def stop_all(workers: Sequence[WorkerProcess], timeout: float = 30.0) -> None:
    """SIGTERM every worker at once, then wait (SIGKILL after ``timeout`` s): a graceful leave."""
    for worker in workers:
        worker.terminate()
    deadline = time.monotonic() + timeout
    for worker in workers:
        worker.wait_or_kill(max(0.1, deadline - time.monotonic()))


@contextlib.contextmanager
def running(workers: Sequence[WorkerProcess]) -> Iterator[Sequence[WorkerProcess]]:
    """Start ``workers``; stop every one of them when the block ends, also on error."""
    try:
        for worker in workers:
            worker.start()
        yield workers
    finally:
        stop_all(workers)
