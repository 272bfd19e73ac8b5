"""What a real worker prints at INFO before it is ready: a few lines in one format, no library chatter."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from kafka import TopicPartition

from streams.app.lag import LagMonitor
from streams.app.topics import ensure_topics
from streams.config import Settings

pytestmark = pytest.mark.integration

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR) [\w.]+: .+$")


def test_a_worker_says_a_few_lines_then_one_ready_line(
    settings: Settings, worker_factory: Callable[..., Any]
) -> None:
    worker = worker_factory(settings)
    deadline = time.monotonic() + 180
    while "worker ready:" not in worker.log():
        assert worker.alive(), worker.log()
        assert time.monotonic() < deadline, worker.log()
        time.sleep(0.2)  # polling a condition with a deadline
    lines = worker.log().splitlines()
    ready = next(i for i, line in enumerate(lines) if "worker ready:" in line)
    head = lines[: ready + 1]
    # model loaded, partitions assigned, ready (the topics exist already)
    assert len(head) <= 4, "\n".join(head)
    assert all(LINE.match(line) for line in head), "\n".join(head)
    assert "group_id is None" not in worker.log()
    expected = f"consuming {settings.topics.input} (2 partitions: 0, 1) as group {settings.app_id};"
    assert expected in lines[ready]


def test_clients_without_a_group_do_not_warn_about_auto_commit(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        ensure_topics(settings)
        LagMonitor(settings).measure([TopicPartition(settings.topics.input, 0)])
    assert not [r for r in caplog.records if "group_id is None" in r.getMessage()]
