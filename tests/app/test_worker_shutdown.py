"""The shutdown deadline ends a process whose shutdown hangs, with its own exit status."""

from __future__ import annotations

import subprocess
import sys
import time

from streams.app.worker import SHUTDOWN_TIMEOUT_EXIT

HANGING_SHUTDOWN = """
import time
from streams.app.worker import start_shutdown_deadline
start_shutdown_deadline(0.5)
time.sleep(60)  # a shutdown that never finishes
"""


def test_a_hanging_shutdown_is_ended_at_the_deadline() -> None:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", HANGING_SHUTDOWN], check=False, capture_output=True, text=True, timeout=50
    )
    assert done.returncode == SHUTDOWN_TIMEOUT_EXIT
    assert time.monotonic() - started < 30
    assert "shutdown did not finish within 0.5 s" in done.stderr
