"""One batch of input records through named steps: validate → read state → extract → map → publish.

The processor decides what to publish; a ``Publisher`` (Faust in the worker, a list in
unit tests) sends it. ``process`` returns only when every output record of the batch
has been acknowledged by the broker: the caller acknowledges the input offsets after
that, which is what makes delivery at-least-once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from streams import health, metrics
from streams.app.article_state import ArticleStateStore, StateUpdate
from streams.app.publishing import Publisher, publish_until_acknowledged
from streams.app.records import (
    InputRecord,
    OutputRecord,
    dead_letter,
    event_record,
    retraction_record,
    state_record,
)
from streams.app.retry import retry_with_backoff
from streams.config import Settings
from streams.core.article import InvalidArticle, parse_article
from streams.core.extractor import ArticleInput, ArticleResult, Extractor

log = logging.getLogger(__name__)

T = TypeVar("T")


#: How often one partition's state is swept for entries past the horizon.
EXPIRY_SWEEP_SECONDS = 60.0


@dataclass(frozen=True)
class ValidArticle:
    """An input record that parsed as an article, with what the extractor needs of it."""

    record: InputRecord
    item: ArticleInput


class BatchProcessor:
    """Validate, read state, extract, map to output records, publish; with an ``ArticleStateStore``,
    also retract (tombstone) the events an article no longer produces."""

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
        """Stop waiting for the broker: a state read that fails from now on is raised, not retried.

        The extraction thread is left to finish the batch in flight, whose remaining steps still
        run on it, so a batch under way at shutdown is published and committed rather than abandoned
        (an idle thread ends with the process; a busy one is bounded by the shutdown deadline).
        """
        self._closing = True

    async def process(self, records: Sequence[InputRecord]) -> list[OutputRecord]:
        """Process a batch and publish its outputs, retrying publication until it succeeds."""
        metrics.BATCH_SIZE.observe(len(records))
        started, started_at = time.perf_counter(), time.time()
        valid, outputs = await self._in_thread(self.validate, records)
        if valid:
            await self.read_state({v.record.partition for v in valid})
            results = await self._in_thread(self.extract, valid)
            outputs += await self._in_thread(self.map_to_records, valid, results)
        built = time.perf_counter()
        await self.publish(outputs)
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
        metrics.batch_acknowledged([r.timestamp_ms for r in records], outputs, acknowledged)
        health.progress()
        return outputs

    async def _in_thread(self, step: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, step, *args)

    # --- the steps ---------------------------------------------------------------------------

    def validate(self, records: Sequence[InputRecord]) -> tuple[list[ValidArticle], list[OutputRecord]]:
        """The records that are articles, and a dead letter for each one that is not."""
        s = self.settings
        valid: list[ValidArticle] = []
        dead_letters: list[OutputRecord] = []
        for record in records:
            try:
                article = parse_article(record.value, s.batching.max_body_bytes)
            except InvalidArticle as exc:
                dead_letters.append(dead_letter(record, s.topics.dlq, exc.reason, exc.detail, s.app_id))
                continue
            fallback = record.record_time.date() if record.record_time else None
            valid.append(ValidArticle(record, ArticleInput(article, fallback)))
        return valid, dead_letters

    async def read_state(self, partitions: set[int]) -> None:
        """Bring the article state of ``partitions`` up to date before extracting.

        Retractions depend on this state, so a batch never goes ahead without it: while the
        broker is away the batch waits (with backoff, reported as unhealthy) as publishing does.
        """
        state = self.state
        if state is None:
            return

        async def attempt() -> None:
            await self._in_thread(state.catch_up, partitions)

        await retry_with_backoff(
            attempt,
            what="reading the article state",
            max_delay=self.settings.batching.publish_retry_max,
            on_failure=lambda exc: health.broker_reachable(ok=False),
            stopping=lambda: self._closing,
        )

    def extract(self, valid: Sequence[ValidArticle]) -> list[ArticleResult]:
        """The core's extraction of the batch, timed for the metrics."""
        started = time.perf_counter()
        with health.extracting():  # /livez watches this thread only while it works
            results = self.extractor.extract([v.item for v in valid])
        metrics.batch_extracted(time.perf_counter() - started, len(valid))
        return results

    def map_to_records(
        self, valid: Sequence[ValidArticle], results: Sequence[ArticleResult]
    ) -> list[OutputRecord]:
        """Events, dead letters for failed extractions, and (with state) retractions and new state."""
        s = self.settings
        outputs: list[OutputRecord] = []
        for v, result in zip(valid, results, strict=True):
            if result.error is not None:
                outputs.append(
                    dead_letter(v.record, s.topics.dlq, result.error_reason, result.error, s.app_id)
                )
                continue
            if result.skipped is not None:
                metrics.article_skipped(result.article.id, result.skipped)
            events = [e for e in result.events if e.type not in self._dropped_types]
            outputs.extend(event_record(event, s.topics.events[event.type], s.ce_source) for event in events)
            if self.state is not None:
                update = self.state.update(
                    v.record.partition, result.article.id, {e.event_id: e.type for e in events}, time.time()
                )
                outputs.extend(self._state_records(update))
        if self.state is not None:
            outputs.extend(self._expired({v.record.partition for v in valid}))
        return outputs

    async def publish(self, outputs: Sequence[OutputRecord]) -> None:
        """Publish until the broker acknowledges every record; a send that never completes is sent again."""

        def failed(exc: Exception) -> None:
            metrics.PUBLISH_FAILURES.inc()
            health.publishing(ok=False)

        await publish_until_acknowledged(
            self.publisher,
            outputs,
            self.settings,
            what=f"publishing {len(outputs)} records",
            on_failure=failed,
        )
        health.publishing(ok=True)

    # --- article state -----------------------------------------------------------------------

    def _state_records(self, update: StateUpdate) -> list[OutputRecord]:
        """Tombstones for the events no longer produced, then the article's new state."""
        s = self.settings
        records = [
            retraction_record(event_id, event_type, s.topics.events[event_type], update.article_id)
            for event_id, event_type in update.retracted
            if event_type in s.topics.events
        ]
        value = update.state.encode() if update.state is not None else None
        records.append(state_record(s.topics.state, update.article_id, value, update.partition))
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
