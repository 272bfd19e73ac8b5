"""A password given to the worker appears nowhere: not in its logs (even when the broker rejects
the handshake and errors are logged at debug level), not in its metrics, not in command errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from streams.broker import free_port
from streams.config import Settings, settings_env
from tests.fixtures.broker import WorkerProcess

SECRET = "s3cret-the-logs-must-never-show"


def test_the_sasl_password_never_reaches_logs_metrics_or_errors(settings: Settings, tmp_path: Path) -> None:
    port = free_port()
    secured = settings.replace(
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism="SCRAM-SHA-256",
        sasl_username="newsevents",
        sasl_password=SECRET,
        metrics_port=port,
        create_topics=False,
        log_level="debug",
    )
    worker = WorkerProcess(secured, tmp_path / "worker.log").start()
    try:
        deadline = time.monotonic() + 60
        metrics = ""
        while time.monotonic() < deadline:  # the worker retries the rejected handshake and logs about it
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as response:
                    metrics = response.read().decode()
            except OSError:
                pass
            if metrics and len(worker.log()) > 5000:
                break
            time.sleep(0.5)  # polling a condition with a deadline
        assert metrics, worker.log()[-2000:]
    finally:
        worker.stop(signal.SIGKILL)
    log = worker.log()
    assert "newsevents" in log and SECRET not in log
    assert SECRET not in metrics
    # a command that fails on the same settings does not print the password either
    env = {**os.environ, **settings_env(secured.replace(create_topics=True))}
    result = subprocess.run(
        [sys.executable, "-m", "streams.cli.main", "topics", "create"],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert SECRET not in result.stdout + result.stderr
