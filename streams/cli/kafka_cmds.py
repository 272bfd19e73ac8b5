"""``topics create``, ``ingest`` and ``tail``: small Kafka tools around the worker's topics."""

from __future__ import annotations

import base64
import json
import sys
import time
from typing import Any, TextIO

from tqdm import tqdm

from streams.app.topics import ensure_topics
from streams.cli.jsonl import count_lines, read_lines
from streams.cli.render import render_record
from streams.config import Settings
from streams.core.article import InvalidArticle, parse_article
from streams.kafka_options import client_options


def cmd_topics_create(settings: Settings) -> int:
    for status in ensure_topics(settings):
        state = "created" if status.created else "exists"
        print(f"{status.name:24s} {status.partitions:3d} partitions  {state}")
    return 0


def _article_key(raw: bytes) -> bytes | None:
    try:
        return parse_article(raw).id.encode("utf-8")
    except InvalidArticle:
        return None


def cmd_ingest(settings: Settings, path: str, progress: bool = True) -> int:
    """Send every non-blank line of a JSONL file, unchanged, to the input topic (key = article id)."""
    from kafka import KafkaProducer

    total = count_lines(path)
    producer = KafkaProducer(**client_options(settings, "newsevents-ingest"), acks="all", linger_ms=5)
    sent = invalid = 0
    futures = []
    try:
        with tqdm(total=total, unit="article", desc="ingest", disable=not progress, file=sys.stderr) as bar:
            for number, raw in read_lines(path):
                key = _article_key(raw)
                if key is None:
                    invalid += 1
                    print(
                        f"newsevents ingest: line {number} is not a valid article; "
                        f"the worker will dead-letter it",
                        file=sys.stderr,
                    )
                futures.append(producer.send(settings.topics.input, key=key, value=raw))
                sent += 1
                bar.update(1)
        producer.flush()
        for future in futures:
            future.get(timeout=30)  # raises if the broker refused a record
    finally:
        producer.close()
    print(
        f"ingested {sent} record(s) into {settings.topics.input} ({invalid} not valid articles)",
        file=sys.stderr,
    )
    return 0


def record_as_json(record: Any) -> dict[str, Any]:
    value: Any
    data: dict[str, Any] = {
        "topic": record.topic,
        "partition": record.partition,
        "offset": record.offset,
        "timestamp": record.timestamp,
        "key": record.key.decode("utf-8", errors="replace") if record.key is not None else None,
        "headers": {
            k: v.decode("utf-8", errors="replace") if v is not None else None for k, v in record.headers or []
        },
    }
    raw = record.value
    if raw is None:
        value = None
    else:
        try:
            value = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            value = None
            data["value_base64"] = base64.b64encode(raw).decode()
    data["value"] = value
    return data


def tail(
    settings: Settings,
    topics: list[str],
    from_beginning: bool,
    max_records: int | None,
    timeout: float | None,
    out: TextIO,
    fmt: str = "json",
) -> int:
    """Print records of ``topics`` until ``max_records`` or ``timeout`` seconds without a new one."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(**client_options(settings, "newsevents-tail"), enable_auto_commit=False)
    try:
        partitions = []
        for topic in topics:
            ids = consumer.partitions_for_topic(topic)
            if not ids:
                print(f"newsevents tail: topic {topic!r} does not exist", file=sys.stderr)
                return 2
            partitions += [TopicPartition(topic, p) for p in sorted(ids)]
        consumer.assign(partitions)
        if from_beginning:
            consumer.seek_to_beginning(*partitions)
        else:
            consumer.seek_to_end(*partitions)
        printed = 0
        last_seen = time.monotonic()
        while max_records is None or printed < max_records:
            batches = consumer.poll(timeout_ms=200)
            if not batches:
                if timeout is not None and time.monotonic() - last_seen > timeout:
                    break
                continue
            last_seen = time.monotonic()
            for records in batches.values():
                for record in records:
                    data = record_as_json(record)
                    if fmt == "pretty":
                        out.write(render_record(data) + "\n")
                    else:
                        out.write(json.dumps(data, ensure_ascii=False) + "\n")
                    out.flush()
                    printed += 1
                    if max_records is not None and printed >= max_records:
                        return 0
        return 0
    finally:
        consumer.close()
