"""Which events each article produced last: the state behind retractions (tombstones).

When an article is processed again and an event it produced before is not produced again,
downstream gets a tombstone; that needs, per article, the events last published. The state
lives in a compacted topic (``NEWSEVENTS_STATE_TOPIC``, key = article id) partitioned like the
input, written to the partition the input record came from, so the owner of input partition
*p* rebuilds it from state partition *p* after a restart or a rebalance, and catches up on it
before each batch. Entries older than ``NEWSEVENTS_STATE_HORIZON_DAYS`` are deleted.
See docs/decisions/0005-article-state-topic.md.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from kafka import KafkaConsumer, TopicPartition

from streams.config import Settings
from streams.kafka_options import client_options

log = logging.getLogger(__name__)


@dataclass
class ArticleState:
    """The events last published for one article: event id -> event type."""

    events: dict[str, str]
    seen_at: float  # Unix time of the last publication

    def encode(self) -> bytes:
        return json.dumps({"events": self.events, "seen_at": round(self.seen_at, 3)}, sort_keys=True).encode()

    @staticmethod
    def decode(raw: bytes) -> ArticleState:
        data = json.loads(raw)
        return ArticleState(events=dict(data["events"]), seen_at=float(data["seen_at"]))


@dataclass(frozen=True)
class StateUpdate:
    """What one article's new extraction changes: tombstones to publish and the new state."""

    partition: int
    article_id: str
    retracted: list[tuple[str, str]]  # (event_id, type) no longer produced
    state: ArticleState | None  # None: delete the article's entry (expired)


#: Event types as one byte in the packed form of a state (``_pack``).
_TYPE_CODES = {"meeting": b"m", "agreement": b"a", "statement": b"s"}
_TYPE_NAMES = {code[0]: name for name, code in _TYPE_CODES.items()}
_PACKED, _JSON = b"\x01", b"\x00"

#: What the store keeps per article: (seen_at, packed events). A worker holds one entry per
#: article of the last ``NEWSEVENTS_STATE_HORIZON_DAYS``, so its size is the memory cost of
#: retractions: 733 bytes an article as ``ArticleState`` objects, 275 packed
#: (``make bench-state-memory``, 4 events an article).
_Entry = tuple[float, bytes]


def _pack(events: dict[str, str]) -> bytes:
    """16 bytes of UUID and 1 of type per event; JSON for ids or types that do not fit that."""
    parts = []
    for event_id, event_type in events.items():
        code = _TYPE_CODES.get(event_type)
        try:
            parsed = uuid.UUID(event_id)
        except ValueError:
            parsed = None
        if code is None or parsed is None or str(parsed) != event_id:
            return _JSON + json.dumps(events, sort_keys=True).encode()
        parts.append(parsed.bytes + code)
    return _PACKED + b"".join(parts)


def _unpack(packed: bytes) -> dict[str, str]:
    if packed[:1] == _JSON:
        return dict(json.loads(packed[1:]))
    body = packed[1:]
    return {
        str(uuid.UUID(bytes=body[i : i + 16])): _TYPE_NAMES[body[i + 16]] for i in range(0, len(body), 17)
    }


@dataclass
class ArticleStateStore:
    """Per-partition map of article id -> state, mirrored from the state topic (kept packed)."""

    settings: Settings
    _partitions: dict[int, dict[str, _Entry]] = field(default_factory=dict)
    _positions: dict[int, int] = field(default_factory=dict)
    _consumer: KafkaConsumer | None = None

    @property
    def horizon_seconds(self) -> float:
        return self.settings.state.horizon_days * 86400.0

    def _client(self) -> KafkaConsumer:
        if self._consumer is None:
            self._consumer = KafkaConsumer(
                **client_options(self.settings, f"{self.settings.app_id}-state"),
                enable_auto_commit=False,
                auto_offset_reset="earliest",
                consumer_timeout_ms=1000,
            )
        return self._consumer

    def close(self) -> None:
        if self._consumer is not None:
            self._consumer.close()
            self._consumer = None

    def catch_up(self, partitions: Iterable[int]) -> None:
        """Read the state topic's new records for ``partitions`` up to their current end."""
        wanted = sorted(set(partitions))
        if not wanted:
            return
        consumer = self._client()
        tps = [TopicPartition(self.settings.topics.state, p) for p in wanted]
        ends = consumer.end_offsets(tps)
        behind = [tp for tp in tps if self._positions.get(tp.partition, 0) < ends[tp]]
        for tp in tps:
            self._partitions.setdefault(tp.partition, {})
            self._positions.setdefault(tp.partition, 0)
        if not behind:
            return
        consumer.assign(behind)
        for tp in behind:
            consumer.seek(tp, self._positions[tp.partition])
        deadline = time.monotonic() + 60.0
        while any(self._positions[tp.partition] < ends[tp] for tp in behind):
            if time.monotonic() > deadline:
                raise TimeoutError(f"state topic {self.settings.topics.state} did not catch up within 60 s")
            for tp, records in consumer.poll(timeout_ms=500).items():
                table = self._partitions[tp.partition]
                for record in records:
                    key = record.key.decode("utf-8") if record.key else ""
                    if record.value is None:
                        table.pop(key, None)
                    else:
                        state = ArticleState.decode(record.value)
                        table[key] = (state.seen_at, _pack(state.events))
                    self._positions[tp.partition] = record.offset + 1
        consumer.assign([])

    def get(self, partition: int, article_id: str) -> ArticleState | None:
        entry = self._partitions.get(partition, {}).get(article_id)
        return ArticleState(events=_unpack(entry[1]), seen_at=entry[0]) if entry is not None else None

    def update(self, partition: int, article_id: str, events: dict[str, str], now: float) -> StateUpdate:
        """Record an article's new events; returns the retractions they imply."""
        previous = self.get(partition, article_id)
        retracted = sorted(
            (i, t) for i, t in (previous.events if previous else {}).items() if i not in events
        )
        state = ArticleState(events=dict(events), seen_at=now)
        self._partitions.setdefault(partition, {})[article_id] = (now, _pack(state.events))
        return StateUpdate(partition, article_id, retracted, state)

    def expire(self, partition: int, now: float) -> list[StateUpdate]:
        """Entries older than the horizon: dropped here, to be deleted from the topic by the caller."""
        table = self._partitions.get(partition, {})
        old = [key for key, (seen_at, _) in table.items() if now - seen_at > self.horizon_seconds]
        for key in old:
            del table[key]
        return [StateUpdate(partition, key, [], None) for key in old]
