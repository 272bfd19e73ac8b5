"""One batch of input records -> validated articles -> extraction -> output records.

The processor decides what to publish; a ``Publisher`` (Faust in the worker, a list in
unit tests) sends it. ``process`` returns only when every output record of the batch
has been acknowledged by the broker: the caller acknowledges the input offsets after
that, which is what makes delivery at-least-once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from streams import health, metrics
from streams.app.article_state import ArticleStateStore, StateUpdate
from streams.app.records import InputRecord, OutputRecord, dead_letter, event_record, retraction_record
from streams.config import Settings
from streams.core.article import InvalidArticle, parse_article
from streams.core.extractor import ArticleInput, Extractor

log = logging.getLogger(__name__)


class Publisher(Protocol):
    async def publish(self, records: Sequence[OutputRecord]) -> None:
        """Send all records and return once the broker has acknowledged every one; raise on failure."""


#: How often one partition's state is swept for entries past the horizon.
EXPIRY_SWEEP_SECONDS = 60.0


class BatchProcessor:
    """Validate, extract, map to output records, publish; with an ``ArticleStateStore``, also
    retract (tombstone) the events an article no longer produces."""

    def __init__(
        self,
        settings: Settings,
        extractor: Extractor,
        publisher: Publisher,
        state: ArticleStateStore | None = None,
        drop_types: frozenset[str] = frozenset(),
    ) -> None:
        """``drop_types``: event types never published; only tests set it (``streams.testing_hooks``)."""
        self.settings = settings
        self.extractor = extractor
        self.publisher = publisher
        self.state = state
        self._dropped_types = drop_types
        self._closing = False
        self._last_sweep: dict[int, float] = {}
        # spaCy is CPU-bound: run it off the event loop so heartbeats and fetches keep going.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")

    def close(self) -> None:
        self._closing = True
        self._executor.shutdown(wait=False, cancel_futures=True)

    def build_outputs(self, records: Sequence[InputRecord]) -> list[OutputRecord]:
        """Validate, extract and map one batch; blocking (runs in the extraction thread)."""
        s = self.settings
        outputs: list[OutputRecord] = []
        valid: list[tuple[InputRecord, ArticleInput]] = []
        for record in records:
            try:
                article = parse_article(record.value, s.batching.max_body_bytes)
            except InvalidArticle as exc:
                outputs.append(dead_letter(record, s.topics.dlq, exc.reason, exc.detail, s.app_id))
                continue
            fallback = record.record_time.date() if record.record_time else None
            valid.append((record, ArticleInput(article, fallback)))
        if valid and self.state is not None:
            self._catch_up({record.partition for record, _ in valid})
        if valid:
            started = time.perf_counter()
            results = self.extractor.extract([item for _, item in valid])
            elapsed = time.perf_counter() - started
            metrics.BATCH_SECONDS.observe(elapsed)
            for _ in valid:
                metrics.EXTRACTION_SECONDS.observe(elapsed / len(valid))
            for (record, _), result in zip(valid, results, strict=True):
                if result.error is not None:
                    outputs.append(
                        dead_letter(record, s.topics.dlq, "extraction_error", result.error, s.app_id)
                    )
                    continue
                if result.skipped is not None:
                    metrics.article_skipped(result.article.id, result.skipped)
                events = [e for e in result.events if e.type not in self._dropped_types]
                for event in events:
                    outputs.append(event_record(event, s.topics.events[event.type], s.ce_source))
                if self.state is not None:
                    update = self.state.update(
                        record.partition, result.article.id, {e.event_id: e.type for e in events}, time.time()
                    )
                    outputs.extend(self._state_records(update))
        if self.state is not None:
            outputs.extend(self._expired({record.partition for record, _ in valid}))
        return outputs

    def _catch_up(self, partitions: set[int]) -> None:
        """Read the article state before extracting; while the broker is away, wait and retry.

        Retractions depend on this state, so a batch never goes ahead without it: the batch
        waits (with backoff, reported as unhealthy) exactly as publishing does.
        """
        assert self.state is not None
        delay = 0.5
        while True:
            try:
                self.state.catch_up(partitions)
            except Exception as exc:
                if self._closing:
                    raise
                health.broker_reachable(ok=False)
                log.warning("reading the article state failed (%s); retrying in %.1f s", exc, delay)
                time.sleep(delay)  # in the extraction thread; the event loop keeps running
                delay = min(delay * 2, self.settings.batching.publish_retry_max)
            else:
                return

    def _state_records(self, update: StateUpdate) -> list[OutputRecord]:
        """Tombstones for the events no longer produced, then the article's new state."""
        s = self.settings
        records = [
            retraction_record(event_id, event_type, s.topics.events[event_type], update.article_id)
            for event_id, event_type in update.retracted
            if event_type in s.topics.events
        ]
        records.append(
            OutputRecord(
                topic=s.topics.state,
                key=update.article_id.encode("utf-8"),
                value=update.state.encode() if update.state is not None else None,
                headers=[],
                kind="state",
                partition=update.partition,
            )
        )
        return records

    def _expired(self, partitions: set[int]) -> list[OutputRecord]:
        assert self.state is not None
        now = time.time()
        outputs: list[OutputRecord] = []
        for partition in partitions:
            if now - self._last_sweep.get(partition, 0.0) < EXPIRY_SWEEP_SECONDS:
                continue
            self._last_sweep[partition] = now
            for update in self.state.expire(partition, now):
                outputs.extend(self._state_records(update))
        return outputs

    async def process(self, records: Sequence[InputRecord]) -> list[OutputRecord]:
        """Process a batch and publish its outputs, retrying publication until it succeeds."""
        loop = asyncio.get_running_loop()
        metrics.BATCH_SIZE.observe(len(records))
        started, started_at = time.perf_counter(), time.time()
        outputs = await loop.run_in_executor(self._executor, self.build_outputs, records)
        built = time.perf_counter()
        await self._publish_with_retry(outputs)
        acknowledged = time.time()
        if log.isEnabledFor(logging.DEBUG):  # the offsets and ages below are only worth it for this line
            stamps = [r.timestamp_ms for r in records if r.timestamp_ms]
            log.debug(
                "batch of %d (oldest record %.3f s old when it started: %s): built %d outputs in %.3f s, "
                "published in %.3f s",
                len(records),
                started_at - min(stamps) / 1000 if stamps else 0.0,
                ", ".join(f"{r.partition}/{r.offset}" for r in records),
                len(outputs),
                built - started,
                time.perf_counter() - built,
            )
        metrics.LAST_BATCH_TIMESTAMP.set(acknowledged)
        for record in records:
            if record.timestamp_ms is not None and record.timestamp_ms > 0:
                metrics.END_TO_END_SECONDS.observe(max(0.0, acknowledged - record.timestamp_ms / 1000))
        metrics.ARTICLES_CONSUMED.inc(len(records))
        for out in outputs:
            if out.kind == "dead_letter":
                metrics.DEAD_LETTERS.labels(reason=out.reason or "unknown").inc()
            elif out.kind == "retraction":
                metrics.RETRACTIONS.inc()
            elif out.kind != "state":
                metrics.EVENTS_PUBLISHED.labels(type=out.kind).inc()
        return outputs

    async def _publish_with_retry(self, outputs: Sequence[OutputRecord]) -> None:
        delay = 0.5
        while True:
            try:
                # a send that never resolves (seen after a broker restart) must not hold the batch
                # forever: give up after the timeout and send again; duplicates keep their event_id
                await asyncio.wait_for(
                    self.publisher.publish(outputs), self.settings.batching.publish_timeout
                )
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                metrics.PUBLISH_FAILURES.inc()
                health.publishing(ok=False)
                log.warning("publishing %d records failed (%s); retrying in %.1f s", len(outputs), exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.settings.batching.publish_retry_max)
            else:
                health.publishing(ok=True)
                return
