"""Reading what the workers published and judging it against what was sent."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kafka import KafkaConsumer, TopicPartition

from bench.chaos.traffic import Record
from streams.config import Settings
from streams.core.article import article_from_object
from streams.core.extractor import ArticleInput, Extractor
from streams.kafka_options import client_options


class Published:
    """Everything on the event and dead-letter topics so far, read incrementally from the beginning."""

    def __init__(self, settings: Settings) -> None:
        self._event_topics = set(settings.topics.events.values())
        self._dlq = settings.topics.dlq
        self.stories_topic = settings.stories.topic if settings.stories.enabled else None
        self._consumer = KafkaConsumer(
            **client_options(settings, "newsevents-chaos-reader"), enable_auto_commit=False
        )
        topics = [*sorted(self._event_topics), self._dlq]
        if self.stories_topic is not None:
            topics.append(self.stories_topic)
        partitions = [
            TopicPartition(topic, p)
            for topic in topics
            for p in sorted(self._consumer.partitions_for_topic(topic) or ())
        ]
        self._consumer.assign(partitions)
        self._consumer.seek_to_beginning(*partitions)
        self.event_records: Counter[str] = Counter()  # event id -> records carrying it
        self.live: dict[str, str] = {}  # event id -> article id, tombstones removed
        self.dead_lettered: set[str] = set()  # original keys
        self.story_members: dict[str, list[str]] = {}  # live story id -> its event ids

    def poll(self, timeout_ms: int = 500) -> None:
        for records in self._consumer.poll(timeout_ms=timeout_ms).values():
            for record in records:
                key = record.key.decode("utf-8", errors="replace") if record.key else ""
                if record.topic == self._dlq:
                    self.dead_lettered.add(key)
                elif record.topic == self.stories_topic:
                    if record.value is None:
                        self.story_members.pop(key, None)
                    else:
                        self.story_members[key] = list(json.loads(record.value)["event_ids"])
                elif record.value is None:
                    self.live.pop(key, None)
                else:
                    self.event_records[key] += 1
                    self.live[key] = json.loads(record.value)["article_id"]

    def close(self) -> None:
        self._consumer.close()


@dataclass
class Verdict:
    articles: int
    with_events: int
    malformed: int
    dead_letters: int
    duplicates: int
    foreign: int  # events no article sent should have given
    missing_articles: list[str] = field(default_factory=list)
    missing_dead_letters: list[str] = field(default_factory=list)

    @property
    def lost(self) -> int:
        return len(self.missing_articles) + len(self.missing_dead_letters)


def expected_events(extractor: Extractor, sent: Sequence[Record]) -> dict[str, set[str]]:
    """Article id -> the event ids the offline core gives it (what the stream must publish)."""
    valid = [r for r in sent if r.valid]
    inputs = [ArticleInput(article_from_object(json.loads(r.value))) for r in valid]
    expected: dict[str, set[str]] = {}
    for start in range(0, len(inputs), 32):
        for result in extractor.extract(inputs[start : start + 32]):
            expected[result.article.id] = {e.event_id for e in result.events}
    return expected


def judge(sent: Sequence[Record], expected: dict[str, set[str]], published: Published) -> Verdict:
    live_ids = set(published.live)
    wanted = set().union(*expected.values()) if expected else set()
    missing_articles = [a for a, ids in expected.items() if not ids <= live_ids]
    malformed = [r.key for r in sent if not r.valid]
    missing_dead_letters = [k for k in malformed if k not in published.dead_lettered]
    return Verdict(
        articles=len(expected),
        with_events=len(expected) - len(missing_articles),
        malformed=len(malformed),
        dead_letters=len(malformed) - len(missing_dead_letters),
        duplicates=sum(n - 1 for n in published.event_records.values()),
        foreign=len(set(published.event_records) - wanted),
        missing_articles=missing_articles,
        missing_dead_letters=missing_dead_letters,
    )


def settled(expected: dict[str, set[str]], sent: Sequence[Record], published: Published) -> bool:
    return judge(sent, expected, published).lost == 0


def diagnose(settings: Settings, missing_keys: Sequence[str]) -> list[str]:
    """Where the missing records sit in the input topic, next to the group's committed offsets."""
    consumer = KafkaConsumer(
        **client_options(settings, "newsevents-chaos-diagnosis"),
        group_id=settings.app_id,
        enable_auto_commit=False,
    )
    try:
        topic = settings.topics.input
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        committed = {tp.partition: consumer.committed(tp) for tp in tps}
        ends = {tp.partition: offset for tp, offset in consumer.end_offsets(tps).items()}
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        wanted = set(missing_keys)
        where: dict[str, tuple[int, int]] = {}
        deadline = time.monotonic() + 30
        while len(where) < len(wanted) and time.monotonic() < deadline:
            for records in consumer.poll(timeout_ms=500).values():
                for r in records:
                    key = r.key.decode("utf-8", errors="replace") if r.key else ""
                    if key in wanted:
                        where[key] = (r.partition, r.offset)
        lines = [f"partition {p}: committed {committed[p]}, end {ends.get(p)}" for p in sorted(committed)]
        lines += [
            f"{key}: partition {p} offset {o}" for key, (p, o) in sorted(where.items(), key=lambda i: i[1])
        ]
        return lines
    finally:
        consumer.close()


@dataclass(frozen=True)
class StoryVerdict:
    """Whether the live stories hold the live events: each in exactly one story, nothing else."""

    stories: int
    unassigned: int  # live events in no live story
    repeated: int  # live events in two live stories or more
    stale: int  # event ids in live stories that are no live event
    #: a few of the event ids behind each count, with the live stories that hold them, for the log
    examples: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def wrong(self) -> int:
        return self.unassigned + self.repeated + self.stale


def judge_stories(published: Published) -> StoryVerdict:
    """Nothing to judge when the story stage is off (``NEWSEVENTS_STORIES=false``)."""
    if published.stories_topic is None:
        return StoryVerdict(stories=0, unassigned=0, repeated=0, stale=0)
    homes: Counter[str] = Counter(e for members in published.story_members.values() for e in members)
    live = set(published.live)
    unassigned = sorted(live - set(homes))
    repeated = sorted(e for e, n in homes.items() if n > 1 and e in live)
    stale = sorted(set(homes) - live)

    def stories_of(event_ids: list[str]) -> dict[str, list[str]]:
        return {
            e: sorted(s for s, members in published.story_members.items() if e in members)
            for e in event_ids[:10]
        }

    return StoryVerdict(
        stories=len(published.story_members),
        unassigned=len(unassigned),
        repeated=len(repeated),
        stale=len(stale),
        examples={
            "unassigned": stories_of(unassigned),
            "repeated": stories_of(repeated),
            "stale": stories_of(stale),
        },
    )
