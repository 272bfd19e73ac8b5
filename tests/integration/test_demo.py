"""``newsevents demo`` as a user runs it: events appear, and Ctrl-C stops everything it started."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures.shared_data import shared_file

pytestmark = pytest.mark.integration


def _children(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-eo", "pid=,ppid=,sid="], capture_output=True, text=True, check=True).stdout
    rows = [tuple(int(x) for x in line.split()) for line in out.splitlines() if line.strip()]
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {p for p, ppid, _ in rows if ppid in frontier} - found
        found |= frontier
    return found


def test_demo_shows_events_and_stories_and_ctrl_c_stops_everything() -> None:
    # started with SIGINT ignored, as from a script's background job: the demo must still stop on it
    demo = subprocess.Popen(
        ["sh", "-c", 'trap "" INT; exec "$0" -m streams.cli.main demo', sys.executable],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert demo.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + 120
    started_children: set[int] = set()
    try:
        # events, and the story the bundled samples' two outlets both report (the Norway-Chile accord)
        while not (
            {"[meeting", "[agreement", "[statement"} <= {line[:10].strip() for line in seen}
            and any(
                line.startswith("[story") and "(2 mentions, 2 articles, 2 sources)" in line for line in seen
            )
        ):
            assert time.monotonic() < deadline, "\n".join(seen)
            line = demo.stdout.readline()
            assert line or demo.poll() is None, "\n".join(seen)
            seen.append(line)
            started_children |= _children(demo.pid)
        assert any("metrics: http://127.0.0.1:" in line for line in seen)
        assert started_children, "the demo runs a broker and a worker"
        demo.send_signal(signal.SIGINT)
        rest, _ = demo.communicate(timeout=60)  # reads on, so a full pipe cannot hold the demo up
        assert demo.returncode == 0, rest
        still_running = [
            pid
            for pid in started_children
            if os.path.exists(f"/proc/{pid}")
            and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
        ]
        assert still_running == [], "every process the demo started has stopped"
        workdir = re.search(r"\(log: (\S+)/worker\.log", "".join(seen))
        assert workdir is not None, seen
        assert not Path(workdir.group(1)).exists(), "the demo removes its temporary folder"
    finally:  # a failed run must not leave a broker and a worker behind for the next tests
        for pid in [demo.pid, *started_children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        demo.wait()


def test_demo_runs_the_seed_article() -> None:
    seed = shared_file("articles/seed.jsonl")
    result = subprocess.run(
        [sys.executable, "-m", "streams.cli.main", "demo", "--articles", str(seed), "--exit-when-idle", "3"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("[statement]") and "Guo Jiakun" in line for line in lines)
    assert any(line.startswith("[agreement]") for line in lines)
    assert any(line.startswith("[meeting") for line in lines)
