"""The history behind a failed story check, written next to the workers' logs.

For each event the check finds wrong: its records on the event topics, its routes, the mentions
that carry it, every version of every story that ever held it, and the story-blocks changelog of
its block (the rows the workers wrote, in order), each with partition, offset and time, so that
it can be laid next to the workers' logs (their rebalances and kills).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from streams.config import Settings
from streams.kafka_options import client_options


def _read_all(settings: Settings, topics: Iterable[str], timeout: float = 120.0) -> dict[str, list[Any]]:
    consumer = KafkaConsumer(
        **client_options(settings, "newsevents-chaos-diagnosis"), enable_auto_commit=False
    )
    try:
        tps = [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or ())]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        ends = consumer.end_offsets(tps)
        position = dict.fromkeys(tps, 0)
        records: dict[str, list[Any]] = defaultdict(list)
        deadline = time.monotonic() + timeout
        while any(position[tp] < ends[tp] for tp in tps) and time.monotonic() < deadline:
            for tp, batch in consumer.poll(timeout_ms=1000, max_records=5000).items():
                for record in batch:
                    records[record.topic].append(record)
                    position[tp] = record.offset + 1
        for batch in records.values():
            batch.sort(key=lambda r: (r.partition, r.offset))
        return records
    finally:
        consumer.close()


def _at(record: Any) -> str:
    when = datetime.fromtimestamp(record.timestamp / 1000).strftime("%H:%M:%S.%f")[:-3]
    return f"[{record.partition}]@{record.offset} {when}"


def _event_of(instruction: dict[str, Any]) -> str:
    return str(instruction.get("event_id") or instruction["record"]["event_id"])


def write_story_diagnosis(settings: Settings, event_ids: Iterable[str], path: Path) -> None:
    """Write the history of ``event_ids`` (see the module docstring) to ``path``."""
    names = settings.story_topics
    event_topics = list(settings.topics.events.values())
    data = _read_all(
        settings,
        [*event_topics, names.mentions, names.routes_changelog, names.blocks_changelog, names.stories],
    )
    lines: list[str] = []
    say = lines.append
    mentions = [(r, json.loads(r.value)) for r in data[names.mentions] if r.value is not None]
    stories: dict[str, list[Any]] = defaultdict(list)
    for r in data[names.stories]:
        stories[r.key.decode()].append(r)
    for event_id in event_ids:
        say(f"==== event {event_id}")
        for topic in event_topics:
            for r in data[topic]:
                if r.key and r.key.decode() == event_id:
                    say(f"  {topic.rsplit('.', 1)[-1]} {_at(r)}{' TOMBSTONE' if r.value is None else ''}")
        for r in data[names.routes_changelog]:
            if r.key and r.key.decode() == event_id:
                say(f"  route {_at(r)} -> {r.value!r}")
        blocks: set[str] = set()
        for r, instruction in mentions:
            if _event_of(instruction) == event_id:
                blocks.add(r.key.decode())
                say(f"  mention {_at(r)} {instruction['op']} to block {r.key.decode()}")
        for story_id, versions in stories.items():
            if not any(
                v.value is not None and event_id in json.loads(v.value)["event_ids"] for v in versions
            ):
                continue
            say(f"  story {story_id}")
            for v in versions:
                if v.value is None:
                    say(f"    {_at(v)} tombstone")
                    continue
                story = json.loads(v.value)
                say(
                    f"    {_at(v)} version {story.get('version')} members {len(story['event_ids'])} "
                    f"holds it {event_id in story['event_ids']} merged_into {story.get('merged_into')}"
                )
        for block in sorted(blocks):
            say(f"  -- mentions of block {block}")
            for r, instruction in mentions:
                if r.key.decode() == block:
                    mark = "  <==" if _event_of(instruction) == event_id else ""
                    say(f"    {_at(r)} {instruction['op']} {_event_of(instruction)}{mark}")
            say(f"  -- story-blocks changelog of block {block}")
            story_ids = {
                s
                for r in data[names.blocks_changelog]
                if r.key.decode() == f"i:{block}" and r.value is not None
                for s in json.loads(r.value)["stories"]
            }
            for r in data[names.blocks_changelog]:
                key = r.key.decode()
                if key not in (f"i:{block}", f"j:{block}") and not (
                    key.startswith("s:") and key[2:] in story_ids
                ):
                    continue
                if r.value is None:
                    what = "deleted"
                elif key.startswith("i:"):
                    index = json.loads(r.value)
                    what = f"next_seq {index['next_seq']} stories {index['stories']}"
                elif key.startswith("s:"):
                    row = json.loads(r.value)
                    held = [m["event_id"] for m in row["members"]]
                    what = f"version {row['version']} members {len(held)} holds it {event_id in held}"
                else:
                    what = f"journal of {len(json.loads(r.value)['rows'])} rows"
                say(f"    {_at(r)} {key} {what}")
    say("==== the group's committed offsets and the ends of the story stage's input topics")
    lines += _committed(settings, [*event_topics, names.mentions])
    path.write_text("\n".join(lines) + "\n")


def _committed(settings: Settings, topics: list[str]) -> list[str]:
    """A partition whose commit stays below its end after the soak was never read to its end."""
    consumer = KafkaConsumer(
        **client_options(settings, "newsevents-chaos-diagnosis"),
        group_id=settings.app_id,
        enable_auto_commit=False,
    )
    try:
        tps = [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or ())]
        ends = consumer.end_offsets(tps)
        return [
            f"  {tp.topic}[{tp.partition}] committed {consumer.committed(tp)} end {ends[tp]}" for tp in tps
        ]
    finally:
        consumer.close()
