"""``tail --format pretty``: a readable line per record, and its headers, whatever the record is."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from streams.cli.kafka_cmds import record_as_json
from streams.cli.render import render_record

EVENT = {
    "event_id": "e1",
    "type": "meeting",
    "article_id": "a1",
    "actors": [{"name": "Ana Costa", "role": "participant"}, {"name": "Li Wei", "role": "participant"}],
    "location": {"name": "Lisbon"},
}


def _record(value: bytes | None, headers: list[tuple[str, bytes]], topic: str = "events.meeting") -> Any:
    return SimpleNamespace(
        topic=topic, partition=1, offset=7, timestamp=0, key=b"e1", value=value, headers=headers
    )


def test_an_event_is_one_line_then_its_headers() -> None:
    data = record_as_json(_record(json.dumps(EVENT).encode(), [("ce_type", b"newsevents.meeting")]))
    lines = render_record(data).splitlines()
    assert lines[0] == "events.meeting[1]@7 key=e1"
    assert lines[1].strip().startswith("[meeting  ] Ana Costa, Li Wei") and "at Lisbon" in lines[1]
    assert lines[2] == "  headers: ce_type=newsevents.meeting"


def test_a_dead_letter_shows_its_reason_and_headers() -> None:
    headers = [("dlq_reason", b"not_json"), ("dlq_source_offset", b"3")]
    text = render_record(record_as_json(_record(b"{broken", headers, topic="articles.dlq")))
    assert "[dead-letter] reason=not_json" in text
    assert "headers: dlq_reason=not_json, dlq_source_offset=3" in text


def test_a_tombstone_says_it_is_a_retraction() -> None:
    text = render_record(record_as_json(_record(None, [])))
    assert "[tombstone]" in text and "retracted" in text
