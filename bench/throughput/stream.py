"""Stages 3 to 6: the stream end to end, each stage on its own broker, topics and consumer group.

A fresh broker per stage keeps one stage's data (noida-db keeps it all in one file)
from weighing on the next; fresh topics and a unique group id keep offsets and
membership apart. Rates come from the broker timestamps of the event records, so the
workers' model load and group join are outside the measured span; ``wall_s`` keeps them in.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.throughput import rss, stats
from bench.throughput.corpus import CorpusArticle
from bench.throughput.kafka_io import (
    BenchError,
    Collector,
    Finished,
    Sender,
    fresh_settings,
    ingest,
    wait_group_stable,
    wait_until,
)
from bench.throughput.results import PacedResult, Percentiles, StreamResult
from bench.throughput.workers import WorkerProcess, running
from streams.broker import EmbeddedBroker
from streams.config import Settings

WARMUP_ARTICLES = 16  # one batch: the paced stage starts from a worker that has processed something


@dataclass(frozen=True)
class BacklogRun:
    result: StreamResult
    samples: list[rss.RssSample]
    articles_per_event: float


#: The embedded broker of the stream stages. Tansu by default: noida-db answers a consumer's fetch
#: at once even when it has no data (measured: 5,661 fetch requests in 3 s on an empty topic, against
#: 18 for Tansu, which waits ``fetch.max.wait.ms`` as Kafka does), and the worker's event loop then
#: spends the core decoding empty fetches instead of leaving it to spaCy. Set
#: NEWSEVENTS_BENCH_ENGINE=noida to measure on noida-db anyway.
ENGINE = os.environ.get("NEWSEVENTS_BENCH_ENGINE", "tansu")


def _broker(stage_dir: Path) -> EmbeddedBroker:
    stage_dir.mkdir(parents=True, exist_ok=True)
    return EmbeddedBroker(engine=ENGINE, data_dir=stage_dir / "broker", log_path=stage_dir / "broker.log")


def _workers(settings: Settings, count: int, stage_dir: Path, tag: str) -> list[WorkerProcess]:
    return [
        WorkerProcess(
            f"{tag}-worker-{i}",
            settings.replace(data_dir=f"{settings.data_dir}-{i}"),
            stage_dir / f"worker-{i}.log",
        )
        for i in range(count)
    ]


def _drain(collector: Collector, finished: Finished, seconds: float = 2.0) -> None:
    """Read the last state records after the last event, so completion counts are whole."""
    deadline = time.perf_counter() + seconds
    while not finished.all_completed() and time.perf_counter() < deadline:
        collector.poll(100)


def _seconds(ms: int) -> float:
    return ms / 1000.0


def run_backlog(
    tag: str,
    articles: Sequence[CorpusArticle],
    words: int,
    expected_events: int,
    workers: int,
    workdir: Path,
    join_first: bool = False,
) -> BacklogRun:
    """All ``articles`` through ``workers`` workers of one group; rates, latency and RSS.

    With ``join_first`` the workers join their group on the empty topic and the articles
    are produced once the group is stable: two workers started on a full topic would
    otherwise rebalance mid-backlog (the first to load its model takes every partition)
    and redeliver batches, which measures Faust's rebalance and not the throughput.
    """
    stage_dir = workdir / tag
    ids = [a.id for a in articles]
    with _broker(stage_dir) as broker:
        settings = fresh_settings(broker, tag, stage_dir)
        procs = _workers(settings, workers, stage_dir, tag)
        with Collector(settings) as collector:
            stamps: dict[str, int] = {}
            ingest_s = 0.0
            join_s: float | None = None
            if not join_first:
                stamps, ingest_s = ingest(settings, articles)
            started = time.perf_counter()
            with running(procs):
                pids = {w.name: w.pid for w in procs}
                with rss.RssSampler(pids, lambda: collector.unique_events) as sampler:
                    if join_first:
                        wait_group_stable(settings, workers, procs)
                        join_s = time.perf_counter() - started
                        stamps, ingest_s = ingest(settings, articles)
                    finished = Finished(collector, ids, expected_events)
                    wait_until(
                        collector, finished, procs, f"{expected_events} events of {len(articles)} articles"
                    )
                    wall_s = time.perf_counter() - started
                    _drain(collector, finished)
    articles_per_event = len(articles) / expected_events if expected_events else 0.0
    return BacklogRun(
        _backlog_result(
            collector,
            articles,
            words,
            expected_events,
            workers,
            stamps,
            ingest_s,
            join_s,
            started,
            wall_s,
            sampler.samples,
            articles_per_event,
        ),
        sampler.samples,
        articles_per_event,
    )


def _backlog_result(
    collector: Collector,
    articles: Sequence[CorpusArticle],
    words: int,
    expected_events: int,
    workers: int,
    stamps: dict[str, int],
    ingest_s: float,
    join_s: float | None,
    started: float,
    wall_s: float,
    samples: list[rss.RssSample],
    articles_per_event: float,
) -> StreamResult:
    span_s: float | None = None
    if collector.first_event_ms is not None and collector.last_event_ms is not None:
        span_s = _seconds(collector.last_event_ms - collector.first_event_ms) or None
    last_event: dict[str, int] = {}
    for published in collector.events.values():
        last_event[published.article_id] = max(
            published.timestamp_ms, last_event.get(published.article_id, 0)
        )
    latencies = [_seconds(last_event[a.id] - stamps[a.id]) for a in articles if a.id in last_event]
    completions = sorted(_seconds(t) for i, t in collector.completed.items() if i in stamps)
    fit = stats.slope(completions, [float(n) for n in range(1, len(completions) + 1)])
    n = len(articles)
    return StreamResult(
        workers=workers,
        articles=n,
        words=words,
        events_expected=expected_events,
        events_published=collector.unique_events,
        event_records=collector.event_records,
        dead_letters=collector.dead_letters,
        articles_completed=len(completions),
        span_s=span_s,
        articles_per_s=n / span_s if span_s else None,
        words_per_s=words / span_s if span_s else None,
        events_per_s=collector.unique_events / span_s if span_s else None,
        articles_per_s_fit=fit,
        ingest_s=ingest_s,
        join_s=join_s,
        startup_s=collector.first_event_seen - started if collector.first_event_seen else None,
        wall_s=wall_s,
        latency_s=Percentiles.of(latencies),
        all_create_time=collector.not_create_time == 0,
        rss=[
            rss.summarize(name, samples, articles_per_event) for name in sorted({s.worker for s in samples})
        ],
    )


def run_paced(
    base_warmup: Sequence[CorpusArticle],
    paced: Sequence[CorpusArticle],
    expected_warmup: int,
    expected_paced: int,
    rate: float,
    workdir: Path,
    overrides: Mapping[str, Any] | None = None,
) -> PacedResult:
    """One warmed-up worker; ``paced`` articles sent one every ``1/rate`` s; latency of every event."""
    if rate <= 0:
        raise BenchError(f"paced stage needs a positive rate, got {rate}")
    stage_dir = workdir / "paced"
    with _broker(stage_dir) as broker:
        settings = fresh_settings(broker, "paced", stage_dir, overrides=overrides)
        procs = _workers(settings, 1, stage_dir, "paced")
        with Collector(settings) as collector, running(procs):
            with Sender(settings) as sender:
                for article in base_warmup:
                    sender.send(article)
                sender.finish()
            warm = Finished(collector, [a.id for a in base_warmup], expected_warmup)
            wait_until(collector, warm, procs, f"the {len(base_warmup)} warm-up articles")
            with Sender(settings, linger_ms=0) as sender:
                start = time.perf_counter()
                for i, article in enumerate(paced):
                    due = start + i / rate
                    while (now := time.perf_counter()) < due:
                        collector.poll(max(1, min(200, int((due - now) * 1000))))
                        procs[0].check()
                    sender.send(article)
                stamps = sender.finish()
            finished = Finished(collector, [a.id for a in paced], expected_paced)
            wait_until(collector, finished, procs, f"{expected_paced} events of {len(paced)} paced articles")
    events = [p for p in collector.events.values() if p.article_id in stamps]
    latencies = [_seconds(p.timestamp_ms - stamps[p.article_id]) for p in events]
    last_event: dict[str, int] = {}
    for p in events:
        last_event[p.article_id] = max(p.timestamp_ms, last_event.get(p.article_id, 0))
    sent = sorted(stamps.values())
    achieved = (
        (len(sent) - 1) / _seconds(sent[-1] - sent[0]) if len(sent) > 1 and sent[-1] > sent[0] else None
    )
    return PacedResult(
        target_rate=rate,
        achieved_rate=achieved,
        duration_s=len(paced) / rate,
        warmup_articles=len(base_warmup),
        articles=len(paced),
        events_expected=expected_paced,
        events_published=len(events),
        latency_s=Percentiles.of(latencies),
        article_latency_s=Percentiles.of([_seconds(t - stamps[a]) for a, t in last_event.items()]),
    )
