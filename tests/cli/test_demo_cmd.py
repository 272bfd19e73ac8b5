"""The demo supervises its worker as a deployment would: status 4 (no partitions from the group within
the join timeout) gets a restart, anything else ends the demo with the reason."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from streams.app.membership import JOIN_TIMEOUT_EXIT
from streams.cli.demo_cmd import DemoError, DemoWorker
from streams.config import Settings


def _worker(tmp_path: Path, status: int, restarts: int) -> DemoWorker:
    command = (sys.executable, "-c", f"import sys; print('run'); sys.exit({status})")
    return DemoWorker(Settings.from_flat(), tmp_path / "worker.log", restarts=restarts, command=command)


def _exited(worker: DemoWorker) -> DemoWorker:
    assert worker.process is not None
    worker.process.wait(30)
    return worker


def test_a_worker_that_exits_for_its_supervisor_is_started_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    worker = _worker(tmp_path, JOIN_TIMEOUT_EXIT, restarts=2)
    worker.start()
    _exited(worker).check()
    _exited(worker).check()
    assert worker.restarts_left == 0
    assert capsys.readouterr().out.count("starting it again") == 2
    with pytest.raises(DemoError, match=f"exited with status {JOIN_TIMEOUT_EXIT}"):
        _exited(worker).check()
    assert (tmp_path / "worker.log").read_text().split() == ["run"] * 3  # one log for every run


def test_a_worker_that_fails_otherwise_ends_the_demo(tmp_path: Path) -> None:
    worker = _worker(tmp_path, 1, restarts=3)
    worker.start()
    with pytest.raises(DemoError, match="exited with status 1"):
        _exited(worker).check()
    assert worker.restarts_left == 3
