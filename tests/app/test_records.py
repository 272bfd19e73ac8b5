from __future__ import annotations

import json
from datetime import UTC, datetime

from streams.app.records import InputRecord, dead_letter, event_record
from streams.core.model import Actor, Event, Evidence, Extractor, make_event_id


def _event() -> Event:
    return Event(
        event_id=make_event_id("a1", "statement", 0, 10, "0"),
        type="statement",
        article_id="a1",
        published_at="2025-10-29",
        actors=[Actor("Ana Costa", "speaker", "person")],
        quote="We agreed.",
        date=None,
        location=None,
        amounts=[],
        evidence=Evidence("We agreed.", 0, 10),
        confidence=0.9,
        extractor=Extractor("0.1.0", "m"),
    )


def test_event_record_key_value_and_cloudevents_headers() -> None:
    event = _event()
    record = event_record(
        event, "events.statement", "urn:test", now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    )
    headers = dict(record.headers)
    assert record.key == event.event_id.encode()
    assert json.loads(record.value or b"")["event_id"] == event.event_id
    assert headers["ce_specversion"] == b"1.0"
    assert headers["ce_id"] == event.event_id.encode()
    assert headers["ce_type"] == b"org.newsevents.statement.v1"
    assert headers["ce_source"] == b"urn:test"
    assert headers["ce_time"] == b"2026-01-02T03:04:05.000Z"
    assert headers["content-type"] == b"application/json"


def test_event_ids_are_deterministic_and_distinct() -> None:
    assert make_event_id("a", "meeting", 1, 2, "x") == make_event_id("a", "meeting", 1, 2, "x")
    assert make_event_id("a", "meeting", 1, 2, "x") != make_event_id("a", "agreement", 1, 2, "x")
    assert make_event_id("a", "meeting", 1, 2, "x") != make_event_id("b", "meeting", 1, 2, "x")


def test_dead_letter_keeps_original_bytes_and_headers() -> None:
    source = InputRecord(
        topic="articles.raw",
        partition=3,
        offset=42,
        key=b"k",
        value=b"\xff garbage",
        headers=[("trace", b"abc")],
        timestamp_ms=1,
    )
    letter = dead_letter(source, "articles.dlq", "not_utf8", "invalid UTF-8 at byte 0", "app")
    assert (letter.topic, letter.key, letter.value) == ("articles.dlq", b"k", b"\xff garbage")
    assert letter.headers[0] == ("trace", b"abc")
    added = dict(letter.headers[1:])
    assert added["dlq_reason"] == b"not_utf8"
    assert added["dlq_source_topic"] == b"articles.raw"
    assert added["dlq_source_partition"] == b"3"
    assert added["dlq_source_offset"] == b"42"
    assert added["dlq_time"].endswith(b"Z")
