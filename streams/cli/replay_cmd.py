"""``newsevents replay``: re-run a window of the input topic through the installed extractor.

A *bounded reader outside the live consumer group*: it captures the input topic's end
offsets when it starts, reads the chosen window of each partition with a consumer in no
group (nothing committed), and stops at the window's end. The live workers and their
offsets are never touched, and the worker's own ``BatchProcessor`` maps the articles, so a
replay publishes what the worker would, tombstones included. Why not reset the group's
offsets: docs/decisions/0006-replay-bounded-reader.md.

Window bounds (``--from`` / ``--to``): ``earliest`` / ``latest``; an ISO 8601 date or
date-time (record timestamps; ``--to`` is exclusive); an offset for every partition
(``1200``); or offsets per partition (``0:120,1:300``). ``--partition`` limits the
partitions.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TextIO

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams.app.article_state import ArticleStateStore
from streams.app.processing import BatchProcessor
from streams.app.records import InputRecord, OutputRecord
from streams.cli.errors import UsageError
from streams.config import ConfigError, Settings
from streams.kafka_options import client_options


@dataclass(frozen=True)
class Window:
    """Offsets [start, end) of one partition to re-read."""

    partition: int
    start: int
    end: int

    @property
    def size(self) -> int:
        return max(0, self.end - self.start)


def _timestamp_ms(text: str) -> int | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp() * 1000)


BOUND_FORMS = (
    "earliest, latest, an ISO 8601 date or time (2026-01-31, 2026-01-31T09:00:00Z), "
    "an offset for every partition (1200) or offsets per partition (0:120,1:300)"
)


def _is_partition_offsets(spec: str) -> bool:
    parts = [part.partition(":") for part in spec.split(",")]
    return all(p.strip().isdigit() and sep and o.strip().lstrip("-").isdigit() for p, sep, o in parts)


def check_bound(spec: str, option: str) -> None:
    """Refuse a ``--from``/``--to`` value that is none of the accepted forms, before any broker is
    contacted; the message names the option, the value and the forms."""
    text = spec.strip()
    if text in ("earliest", "latest") or text.lstrip("-").isdigit() or _is_partition_offsets(text):
        return
    if _timestamp_ms(text) is not None:
        return
    raise UsageError(f"{option} {spec!r} is not a window bound; use {BOUND_FORMS}")


def resolve_bound(
    spec: str,
    partitions: Sequence[int],
    earliest: dict[int, int],
    latest: dict[int, int],
    offsets_for_time: Callable[[int], dict[int, int | None]] | None = None,
    option: str = "--from",
) -> dict[int, int]:
    """One window bound per partition from a ``--from``/``--to`` value (see the module docstring)."""
    check_bound(spec, option)
    spec = spec.strip()
    if spec == "earliest":
        return {p: earliest[p] for p in partitions}
    if spec == "latest":
        return {p: latest[p] for p in partitions}
    if ":" in spec and all(part.split(":", 1)[0].strip().isdigit() for part in spec.split(",")):
        given: dict[int, int] = {}
        for part in spec.split(","):
            partition_text, _, offset_text = part.partition(":")
            given[int(partition_text)] = int(offset_text)
        unknown = set(given) - set(partitions)
        if unknown:
            raise UsageError(
                f"{option} {spec!r} names partition(s) {sorted(unknown)}, which are not being replayed "
                f"(replayed: {', '.join(map(str, partitions))}; see --partition)"
            )
        return {p: min(max(given.get(p, latest[p]), earliest[p]), latest[p]) for p in partitions}
    if spec.lstrip("-").isdigit():
        everywhere = int(spec)
        return {p: min(max(everywhere, earliest[p]), latest[p]) for p in partitions}
    stamp = _timestamp_ms(spec)
    if stamp is not None and offsets_for_time is not None:
        found = offsets_for_time(stamp)  # the first offset at or after the time; None: nothing after it
        return {p: latest[p] if found.get(p) is None else int(found[p] or 0) for p in partitions}
    raise UsageError(f"{option} {spec!r} is not a window bound; use {BOUND_FORMS}")


def plan(settings: Settings, start: str, end: str, only: Sequence[int] | None = None) -> list[Window]:
    """The window of each partition, with the end offsets captured now."""
    consumer = KafkaConsumer(
        **client_options(settings, f"{settings.app_id}-replay"), enable_auto_commit=False
    )
    try:
        known = consumer.partitions_for_topic(settings.topics.input)
        if not known:
            raise ConfigError(
                f"the input topic {settings.topics.input!r} (NEWSEVENTS_INPUT_TOPIC) does not exist; "
                "create it with `newsevents topics create`"
            )
        partitions = sorted(known) if not only else sorted(only)
        missing = set(partitions) - known
        if missing:
            raise UsageError(
                f"--partition {', '.join(map(str, sorted(missing)))}: topic {settings.topics.input!r} has "
                f"partitions {', '.join(map(str, sorted(known)))}"
            )
        tps = [TopicPartition(settings.topics.input, p) for p in partitions]
        earliest = {tp.partition: o for tp, o in consumer.beginning_offsets(tps).items()}
        latest = {tp.partition: o for tp, o in consumer.end_offsets(tps).items()}

        def at_time(stamp: int) -> dict[int, int | None]:
            answer = consumer.offsets_for_times({tp: stamp for tp in tps})
            return {
                tp.partition: (value.offset if value is not None else None) for tp, value in answer.items()
            }

        starts = resolve_bound(start, partitions, earliest, latest, at_time, "--from")
        ends = resolve_bound(end, partitions, earliest, latest, at_time, "--to")
    finally:
        consumer.close()
    return [Window(p, starts[p], max(starts[p], ends[p])) for p in partitions]


class ProducerPublisher:
    """Publishes with kafka-python and returns once the broker acknowledged every record."""

    def __init__(self, settings: Settings) -> None:
        self.producer = KafkaProducer(
            **client_options(settings, f"{settings.app_id}-replay"), acks="all", linger_ms=5
        )

    async def publish(self, records: Sequence[OutputRecord]) -> None:
        futures = [
            self.producer.send(r.topic, key=r.key, value=r.value, headers=r.headers, partition=r.partition)
            for r in records
        ]
        self.producer.flush()
        for future in futures:
            future.get(timeout=60)

    def close(self) -> None:
        self.producer.close()


def print_plan(windows: Sequence[Window], out: TextIO) -> None:
    print(f"{'partition':>9} {'from offset':>12} {'to offset':>10} {'records':>8}", file=out)
    for w in windows:
        print(f"{w.partition:>9} {w.start:>12} {w.end:>10} {w.size:>8}", file=out)
    print(f"{'total':>9} {'':>12} {'':>10} {sum(w.size for w in windows):>8}", file=out)


async def _run(
    settings: Settings,
    windows: Sequence[Window],
    progress: bool,
    out: TextIO,
    drop_types: frozenset[str] = frozenset(),
) -> dict[str, int]:
    from tqdm import tqdm

    from streams.core.extractor import Extractor
    from streams.core.pipeline.loader import load_model

    work = [w for w in windows if w.size > 0]
    publisher = ProducerPublisher(settings)
    state = ArticleStateStore(settings)
    extractor = Extractor(
        load_model(), batch_size=settings.batching.size, time_budget=settings.batching.extraction_timeout
    )
    processor = BatchProcessor(settings, extractor, publisher, state, drop_types=drop_types)
    consumer = KafkaConsumer(
        **client_options(settings, f"{settings.app_id}-replay"), enable_auto_commit=False
    )
    counts = {"articles": 0, "events": 0, "retractions": 0, "dead_letters": 0}
    bar = tqdm(total=sum(w.size for w in work), unit="article", disable=not progress, file=sys.stderr)
    try:
        tps = {w.partition: TopicPartition(settings.topics.input, w.partition) for w in work}
        consumer.assign(list(tps.values()))
        for w in work:
            consumer.seek(tps[w.partition], w.start)
        remaining = {w.partition: w for w in work}
        while remaining:
            batch: list[InputRecord] = []
            for tp, records in consumer.poll(timeout_ms=1000, max_records=settings.batching.size).items():
                window = remaining.get(tp.partition)
                if window is None:
                    continue
                for r in records:
                    if r.offset >= window.end:
                        break
                    batch.append(
                        InputRecord(
                            r.topic, r.partition, r.offset, r.key, r.value, list(r.headers or []), r.timestamp
                        )
                    )
            for partition in list(remaining):
                if consumer.position(tps[partition]) >= remaining[partition].end:
                    consumer.pause(tps[partition])
                    del remaining[partition]
            if not batch:
                continue
            outputs = await processor.process(batch)
            counts["articles"] += len(batch)
            counts["events"] += sum(
                1 for o in outputs if o.kind not in ("dead_letter", "retraction", "state")
            )
            counts["retractions"] += sum(1 for o in outputs if o.kind == "retraction")
            counts["dead_letters"] += sum(1 for o in outputs if o.kind == "dead_letter")
            bar.update(len(batch))
    finally:
        bar.close()
        consumer.close()
        processor.close()
        state.close()
        publisher.close()
    return counts


def cmd_replay(
    settings: Settings,
    start: str,
    end: str,
    partitions: Sequence[int] | None,
    dry_run: bool,
    progress: bool = True,
    out: TextIO = sys.stdout,
    drop_types: frozenset[str] = frozenset(),
) -> int:
    """``drop_types``: event types this run leaves out, as a changed extractor would (tests only)."""
    check_bound(start, "--from")  # before contacting the broker
    check_bound(end, "--to")
    windows = plan(settings, start, end, partitions)
    print(f"replay of {settings.topics.input} from {start} to {end} (end offsets captured now):", file=out)
    print_plan(windows, out)
    if dry_run:
        print("dry run: nothing was read or published", file=out)
        return 0
    if not any(w.size for w in windows):
        print("nothing to replay", file=out)
        return 0
    started = time.monotonic()
    counts = asyncio.run(_run(settings, windows, progress, out, drop_types))
    print(
        f"replayed {counts['articles']} articles in {time.monotonic() - started:.1f} s: "
        f"{counts['events']} events, {counts['retractions']} retractions, "
        f"{counts['dead_letters']} dead letters; the live consumer group was not touched",
        file=out,
    )
    return 0
