"""Kafka-agnostic record types and the building of every output record: events, retractions,
article state and dead letters.

Kept free of Faust so the mapping from an input record to what gets published (keys,
CloudEvents headers, dead-letter headers) is unit-tested without a broker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from streams.core.article import RejectionReason
from streams.core.failures import FailureReason
from streams.core.model import Event, EventType

Headers = list[tuple[str, bytes]]

#: What an output record is: an event (by type), a retraction tombstone, an article's
#: retraction state, a dead letter, a story version, or a story-stage instruction.
OutputKind = EventType | Literal["retraction", "state", "dead_letter", "story", "story_mention"]
#: Why a record went to the dead-letter topic: it is no valid article, extraction raised, or
#: extraction ran past its time budget.
DeadLetterReason = RejectionReason | FailureReason
DEAD_LETTER_REASONS: tuple[DeadLetterReason, ...] = (*get_args(RejectionReason), *get_args(FailureReason))

#: Headers added to a dead letter; the original headers are kept before them, unchanged.
DLQ_HEADERS = (
    "dlq_reason",
    "dlq_error",
    "dlq_source_topic",
    "dlq_source_partition",
    "dlq_source_offset",
    "dlq_time",
    "dlq_app_id",
)


@dataclass(frozen=True)
class InputRecord:
    """One consumed record, as received."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Headers
    timestamp_ms: int | None

    @property
    def record_time(self) -> datetime | None:
        if self.timestamp_ms is None or self.timestamp_ms <= 0:
            return None
        return datetime.fromtimestamp(self.timestamp_ms / 1000, tz=UTC)


@dataclass(frozen=True)
class OutputRecord:
    topic: str
    key: bytes | None
    value: bytes | None
    headers: Headers
    kind: OutputKind
    reason: DeadLetterReason | None = None
    partition: int | None = None  # None: the producer's partitioner decides (by key)


def retraction_record(event_id: str, event_type: str, topic: str, article_id: str) -> OutputRecord:
    """A tombstone: the event's key with a null value, so compacted topics and consumers drop it."""
    headers: Headers = [
        ("newsevents_retracted", b"true"),
        ("ce_subject", article_id.encode("utf-8")),
        ("ce_type", f"org.newsevents.{event_type}.v1".encode()),
    ]
    return OutputRecord(topic=topic, key=event_id.encode(), value=None, headers=headers, kind="retraction")


def state_record(topic: str, article_id: str, state: bytes | None, partition: int) -> OutputRecord:
    """An article's retraction state (None: forgotten), on the partition its article was read from."""
    return OutputRecord(
        topic=topic,
        key=article_id.encode("utf-8"),
        value=state,
        headers=[],
        kind="state",
        partition=partition,
    )


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def event_record(event: Event, topic: str, ce_source: str, now: datetime | None = None) -> OutputRecord:
    """An event as a Kafka record: key = event_id, JSON value, CloudEvents binary-mode headers."""
    now = now or datetime.now(UTC)
    # recorded_at tells runs and extractor versions of the same event apart; the event_id does not change
    data = {**event.to_dict(), "recorded_at": _rfc3339(now)}
    value = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers: Headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", event.event_id.encode()),
        ("ce_source", ce_source.encode()),
        ("ce_type", f"org.newsevents.{event.type}.v1".encode()),
        ("ce_time", _rfc3339(now).encode()),
        ("ce_subject", event.article_id.encode("utf-8")),
        ("ce_dataschema", b"https://newsevents.example/schemas/event.v1.json"),
        ("content-type", b"application/json"),
    ]
    return OutputRecord(
        topic=topic, key=event.event_id.encode(), value=value, headers=headers, kind=event.type
    )


def story_record(
    story_id: str, record: dict[str, Any] | None, topic: str, ce_source: str, now: datetime | None = None
) -> OutputRecord:
    """A story version (key = story_id, JSON value, CloudEvents headers) or, with ``record`` None,
    its tombstone."""
    now = now or datetime.now(UTC)
    if record is None:
        headers: Headers = [
            ("newsevents_deleted", b"true"),
            ("ce_subject", story_id.encode()),
            ("ce_type", b"org.newsevents.story.v1"),
        ]
        return OutputRecord(topic=topic, key=story_id.encode(), value=None, headers=headers, kind="story")
    data = {**record, "recorded_at": _rfc3339(now)}
    value = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", f"{story_id}:{record['version']}".encode()),
        ("ce_source", ce_source.encode()),
        ("ce_type", b"org.newsevents.story.v1"),
        ("ce_time", _rfc3339(now).encode()),
        ("ce_subject", story_id.encode()),
        ("ce_dataschema", b"https://newsevents.example/schemas/story.v1.json"),
        ("content-type", b"application/json"),
    ]
    return OutputRecord(topic=topic, key=story_id.encode(), value=value, headers=headers, kind="story")


def dead_letter(
    record: InputRecord,
    topic: str,
    reason: DeadLetterReason,
    error: str,
    app_id: str,
    now: datetime | None = None,
) -> OutputRecord:
    """The original key, value and headers, plus headers that say why and where from."""
    now = now or datetime.now(UTC)
    added: Headers = [
        ("dlq_reason", reason.encode()),
        ("dlq_error", error[:2000].encode("utf-8", errors="replace")),
        ("dlq_source_topic", record.topic.encode()),
        ("dlq_source_partition", str(record.partition).encode()),
        ("dlq_source_offset", str(record.offset).encode()),
        ("dlq_time", _rfc3339(now).encode()),
        ("dlq_app_id", app_id.encode()),
    ]
    return OutputRecord(
        topic=topic,
        key=record.key,
        value=record.value,
        headers=[*record.headers, *added],
        kind="dead_letter",
        reason=reason,
    )
