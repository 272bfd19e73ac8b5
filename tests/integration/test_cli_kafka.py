"""``tail`` against a real broker: ``--format pretty`` prints the headers, and ``| head`` is quiet."""

from __future__ import annotations

import json

import pytest
from kafka import KafkaProducer

from streams.cli.main import main
from streams.config import Settings
from tests.fixtures.cli import run_into_closed_pipe

pytestmark = pytest.mark.integration

EVENT = {"event_id": "e1", "type": "meeting", "article_id": "a1", "actors": [{"name": "Ana Costa"}]}


def _topic_with_records(settings: Settings, count: int) -> str:
    topic = settings.topics.events["meeting"]
    producer = KafkaProducer(bootstrap_servers=settings.kafka.bootstrap, acks="all")
    try:
        for _ in range(count):
            producer.send(topic, key=b"e1", value=json.dumps(EVENT).encode(), headers=[("ce_id", b"e1")])
        producer.flush()
    finally:
        producer.close()
    return topic


def test_tail_pretty_prints_each_record_with_its_headers(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    topic = _topic_with_records(settings, 1)
    argv = ["--bootstrap", settings.kafka.bootstrap, "tail", topic, "--from-beginning", "--max", "1"]
    assert main([*argv, "--format", "pretty"]) == 0
    out = capsys.readouterr().out
    assert "[meeting  ] Ana Costa" in out
    assert "headers: ce_id=e1" in out


def test_tail_into_a_pipe_whose_reader_left_exits_0_quietly(settings: Settings) -> None:
    topic = _topic_with_records(settings, 50)
    result = run_into_closed_pipe(
        "--bootstrap",
        settings.kafka.bootstrap,
        *["tail", topic, "--from-beginning", "--max", "50", "--timeout", "20"],
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "BrokenPipe" not in result.stderr and "Traceback" not in result.stderr
