"""Prometheus metrics of the worker, and the HTTP endpoint that serves them.

Names follow Prometheus conventions: a ``newsevents_`` prefix, base units (seconds),
``_total`` on counters (added by prometheus-client). Label values are bounded: event
types, rejection reasons, topic names and partition numbers, never article ids or
names. The default registry also exports the process metrics (CPU, memory, open files)
and Python's garbage-collector metrics.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from prometheus_client import Counter, Gauge, Histogram

from streams import __version__

if TYPE_CHECKING:
    from streams.app.records import OutputRecord

ARTICLES_CONSUMED = Counter("newsevents_articles_consumed", "Article records read from the input topic.")
EVENTS_PUBLISHED = Counter("newsevents_events_published", "Events published, by type.", ["type"])
DEAD_LETTERS = Counter(
    "newsevents_dead_letters", "Records sent to the dead-letter topic, by reason.", ["reason"]
)
ARTICLES_SKIPPED = Counter(
    "newsevents_articles_skipped",
    "Valid articles that yield no events by design, by reason (language: not in English).",
    ["reason"],
)
ARTICLES_SKIPPED.labels(reason="language")  # exported as 0 from the start, so rate() has a baseline
RETRACTIONS = Counter(
    "newsevents_retractions", "Tombstones published for events an article no longer produces."
)
PUBLISH_FAILURES = Counter(
    "newsevents_publish_failures", "Failed attempts to publish a batch or story-stage records (retried)."
)
#: 50 ms to 5 s is the range of one article's extraction on a worker core; a batch of 16 spans 0.5 s to 60 s.
EXTRACTION_SECONDS = Histogram(
    "newsevents_extraction_duration_seconds",
    "Extraction time per article (a batch's time divided by its size).",
    buckets=(0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
BATCH_SECONDS = Histogram(
    "newsevents_batch_extraction_duration_seconds",
    "Extraction time per batch.",
    buckets=(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0),
)
BATCH_SIZE = Histogram(
    "newsevents_batch_size",
    "Article records per batch.",
    buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256),
)
END_TO_END_SECONDS = Histogram(
    "newsevents_end_to_end_latency_seconds",
    "From an article record's timestamp to the broker's acknowledgement of its events (per article).",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0),
)
CONSUMER_LAG = Gauge(
    "newsevents_consumer_lag",
    "Records not yet committed by the consumer group, per input partition assigned to this worker "
    "(end offset minus committed offset).",
    ["topic", "partition"],
)
LAG_CHECK_FAILURES = Counter(
    "newsevents_consumer_lag_check_failures", "Failed attempts to read the group's offsets for the lag gauge."
)
MODEL_LOAD_SECONDS = Gauge("newsevents_model_load_seconds", "Time the worker took to load the spaCy model.")
LAST_BATCH_TIMESTAMP = Gauge(
    "newsevents_last_batch_timestamp_seconds",
    "Unix time at which the last batch's outputs were acknowledged.",
)
HEALTHY = Gauge(
    "newsevents_healthy", "1 while the worker can publish and reach the broker, 0 while either fails."
)
BROKER_REACHABLE = Gauge(
    "newsevents_broker_reachable", "1 if the last offset check reached the broker, 0 if it failed."
)
ASSIGNED_PARTITIONS = Gauge(
    "newsevents_assigned_partitions",
    "Input partitions this worker holds (0: waiting for an assignment, or more workers than partitions).",
)
STORY_CHANGES = Counter(
    "newsevents_stories",
    "Story versions and tombstones published on the story topic, by change "
    "(created, updated, merged: a version pointing to the story that absorbed it, deleted: a tombstone).",
    ["change"],
)
for _change in ("created", "updated", "merged", "deleted"):
    STORY_CHANGES.labels(change=_change)  # exported as 0 from the start, so rate() has a baseline
STORY_MENTIONS = Histogram(
    "newsevents_story_mentions",
    "Mentions of each story version published: how many event mentions one story gathers.",
    buckets=(1, 2, 3, 5, 10, 20, 50, 100),
)
STORY_LAG = Gauge(
    "newsevents_story_lag_seconds",
    "Now minus the publication time (recorded_at) of the last event the story stage assigned: how far "
    "story assignment lags behind event publication.",
)
STORY_BACKLOG = Gauge(
    "newsevents_story_backlog",
    "Records the story stage has not yet committed, per partition of the event topics and of its "
    "repartition topic assigned to this worker (end offset minus committed offset): grows when story "
    "assignment falls behind event publication or stops.",
    ["topic", "partition"],
)
STORY_STATE = Gauge(
    "newsevents_story_state_stories",
    "Live stories in the story state of the blocks this worker last touched.",
)
STALLED_PARTITIONS = Counter(
    "newsevents_stalled_partitions",
    "Partitions an idle worker found with records left unprocessed, or a table's recovery waited "
    "for in vain, and read again; none is expected.",
)
STORY_REJECTS = Counter(
    "newsevents_story_rejected_events",
    "Records on the event topics the story stage could not read (logged with their key); none is expected.",
)
BUILD_INFO = Gauge("newsevents_build_info", "Version of the worker and its model.", ["version", "model"])


def batch_extracted(seconds: float, articles: int) -> None:
    """One batch's extraction time, and its share per article."""
    BATCH_SECONDS.observe(seconds)
    for _ in range(articles):
        EXTRACTION_SECONDS.observe(seconds / articles)


def batch_acknowledged(
    timestamps_ms: Iterable[int | None], outputs: Iterable[OutputRecord], acknowledged: float
) -> None:
    """Count a batch whose outputs the broker acknowledged at ``acknowledged`` (Unix time)."""
    LAST_BATCH_TIMESTAMP.set(acknowledged)
    consumed = 0
    for timestamp_ms in timestamps_ms:
        consumed += 1
        if timestamp_ms is not None and timestamp_ms > 0:
            END_TO_END_SECONDS.observe(max(0.0, acknowledged - timestamp_ms / 1000))
    ARTICLES_CONSUMED.inc(consumed)
    for out in outputs:
        if out.kind == "dead_letter":
            DEAD_LETTERS.labels(reason=out.reason or "unknown").inc()
        elif out.kind == "retraction":
            RETRACTIONS.inc()
        elif out.kind != "state":
            EVENTS_PUBLISHED.labels(type=out.kind).inc()


log = logging.getLogger("newsevents.worker")
_skips_reported: set[str] = set()


def article_skipped(article_id: str, why: str) -> None:
    """Count an article skipped by design, and say so in the log once per distinct ``why``
    (e.g. once per language); later ones are logged at DEBUG only, the counter has them all."""
    reason = "language" if why.startswith("language") else "other"
    ARTICLES_SKIPPED.labels(reason=reason).inc()
    if why in _skips_reported:
        log.debug("article %r skipped: %s", article_id, why)
        return
    _skips_reported.add(why)
    log.info(
        "article %r skipped: %s (only English articles are; further ones are counted in "
        'newsevents_articles_skipped_total{reason="%s"})',
        article_id,
        why,
        reason,
    )


def export_build(model: str) -> None:
    """Labels that say which build runs, and the health gauges' starting values."""
    BUILD_INFO.labels(version=__version__, model=model).set(1)
    HEALTHY.set(1)
    BROKER_REACHABLE.set(1)
