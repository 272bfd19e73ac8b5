"""One log format, the libraries at WARNING unless debugging, and one readable "ready" line."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import pytest

from streams.app.worker import ready_line
from streams.cli.logs import LIBRARIES, configure_logging


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in LIBRARIES}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, value in levels.items():
        logging.getLogger(name).setLevel(value)


LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR) [\w.]+: .+$")


def test_at_info_the_libraries_say_only_warnings_and_every_line_has_one_format() -> None:
    out = io.StringIO()
    configure_logging("info", out)
    logging.getLogger("newsevents.worker").info("model loaded")
    logging.getLogger("kafka.net.manager").info("Attempting bootstrap")
    logging.getLogger("faust.transport").info("Updating subscribed topics")
    logging.getLogger("aiokafka.consumer.group_coordinator").warning("heartbeat failed")
    logging.getLogger("mode.worker").info("Starting...")
    lines = out.getvalue().splitlines()
    assert len(lines) == 2, lines
    assert all(LINE.match(line) for line in lines), lines
    assert lines[0].endswith("INFO newsevents.worker: model loaded")
    assert lines[1].endswith("WARNING aiokafka.consumer.group_coordinator: heartbeat failed")


def test_at_debug_the_libraries_say_everything() -> None:
    out = io.StringIO()
    configure_logging("debug", out)
    logging.getLogger("kafka.net.manager").debug("Attempting bootstrap")
    assert "DEBUG kafka.net.manager: Attempting bootstrap" in out.getvalue()


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown log level 'loud'"):
        configure_logging("loud")


def test_the_ready_line_says_what_is_consumed_as_which_group_and_where_the_metrics_are() -> None:
    line = ready_line("articles.raw", [3, 0, 1, 2], "newsevents", "http://127.0.0.1:9108/metrics")
    assert line == (
        "worker ready: consuming articles.raw (4 partitions: 0, 1, 2, 3) as group newsevents; "
        "metrics on http://127.0.0.1:9108/metrics"
    )
    idle = ready_line("articles.raw", [], "newsevents", None)
    assert "no partition assigned yet" in idle and "NEWSEVENTS_METRICS_PORT=0" in idle
