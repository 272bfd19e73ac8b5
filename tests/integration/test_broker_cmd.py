"""``newsevents broker`` stops on Ctrl-C even when started where SIGINT is ignored (a script's
background job), and takes its broker process with it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from streams.broker import free_port

pytestmark = pytest.mark.integration


def test_broker_started_with_sigint_ignored_still_stops_on_it(tmp_path: Path) -> None:
    port = free_port()
    command = f'trap "" INT; exec "$0" -m streams.cli.main broker --port {port} --data-dir "$1"'
    broker = subprocess.Popen(
        ["sh", "-c", command, sys.executable, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert broker.stdout is not None
        first = broker.stdout.readline()
        assert f"ready at 127.0.0.1:{port}" in first, first + broker.stdout.read()
        broker.send_signal(signal.SIGINT)
        rest, _ = broker.communicate(timeout=30)
        assert broker.returncode == 0, rest
    finally:  # a failed run must not leave a broker behind: SIGTERM makes the command stop it
        if broker.poll() is None:
            broker.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                broker.wait(30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(broker.pid, signal.SIGKILL)
        broker.wait()
