"""What each stage measured, as plain dataclasses: no I/O, so the report and its tests import only this.

Times are seconds, memory is MB (2**20 bytes), rates are per second. ``None`` means the
number could not be computed (e.g. no event was published), never zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.throughput import stats


@dataclass(frozen=True)
class Percentiles:
    p50: float
    p95: float
    p99: float
    max: float
    count: int

    @staticmethod
    def of(values: list[float]) -> Percentiles | None:
        if not values:
            return None
        return Percentiles(
            p50=stats.percentile(values, 50),
            p95=stats.percentile(values, 95),
            p99=stats.percentile(values, 99),
            max=max(values),
            count=len(values),
        )


@dataclass(frozen=True)
class CorpusInfo:
    shared: str
    distinct_articles: int
    articles: int
    words: int


@dataclass(frozen=True)
class InProcessResult:
    """Stage 1 (stock spaCy) or stage 2 (offline core): one process, batches of ``batch_size``."""

    name: str
    articles: int
    words: int
    batch_size: int
    load_s: float
    seconds: float
    articles_per_s: float
    words_per_s: float
    events: int | None = None  # stage 2 only
    failed_articles: int | None = None
    skipped_articles: int | None = None
    copies_consistent: bool | None = None  # every copy of an article gave the same number of events


@dataclass(frozen=True)
class RssSummary:
    """One worker's memory over a run; trends are judged after warm-up (second half of processing)."""

    worker: str
    samples: int
    peak_mb: float | None
    steady_mb: float | None  # median over the second half of the samples
    trend_mb_per_1k_articles: float | None  # least squares, second half of the processing samples
    trend_all_mb_per_1k_articles: float | None  # least squares, every processing sample
    floor_trend_mb_per_1k_articles: (
        float | None
    )  # least squares of per-window minima, second half: the verdict


@dataclass(frozen=True)
class StreamResult:
    """Stages 3 and 4 (and the dedicated RSS run): a backlog through N workers, end to end."""

    workers: int
    articles: int
    words: int
    events_expected: int
    events_published: int  # distinct event ids
    event_records: int  # including duplicates from redelivery
    dead_letters: int
    articles_completed: int  # articles whose state record (or dead letter) was seen
    span_s: float | None  # broker timestamp of the last event record - of the first
    articles_per_s: float | None  # articles / span_s
    words_per_s: float | None
    events_per_s: float | None
    articles_per_s_fit: float | None  # slope of completed articles over time (no first-batch fencepost)
    ingest_s: float
    join_s: float | None  # worker start -> group stable (when workers join before ingestion)
    startup_s: float | None  # worker start -> first event consumed
    wall_s: float  # worker start -> last expected event consumed
    latency_s: Percentiles | None  # per article: its last event - its input record (queueing here)
    all_create_time: bool  # every event record carried CreateTime (the worker producer's clock)
    rss: list[RssSummary] = field(default_factory=list)


@dataclass(frozen=True)
class PacedResult:
    """Stage 5: articles produced at a fixed rate to one caught-up worker."""

    target_rate: float
    achieved_rate: float | None
    duration_s: float
    warmup_articles: int
    articles: int
    events_expected: int
    events_published: int
    latency_s: Percentiles | None  # per event: event record - input record
    article_latency_s: Percentiles | None  # per article: its last event - its input record


@dataclass(frozen=True)
class RssResult:
    """Stage 6: the memory verdict, from a dedicated run (full mode) or stage 3 (``--quick``)."""

    source: str
    articles: int
    articles_per_s: float | None
    summary: RssSummary
    samples: list[tuple[float, float, float]]  # (seconds since start, articles processed, RSS MB)


@dataclass(frozen=True)
class Results:
    date: str
    mode: str
    machine: dict[str, Any]
    versions: dict[str, str | None]
    corpus: CorpusInfo
    baseline: InProcessResult
    offline: InProcessResult
    stream_one: StreamResult
    stream_two: StreamResult
    paced: PacedResult
    rss: RssResult
    run_seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
