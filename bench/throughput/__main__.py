"""``python -m bench.throughput [--quick] [--json PATH]``: run every stage once and report.

Stages run one after another, never side by side, so each has the machine to itself:
stock spaCy, the offline core, the stream with one worker, with two, the paced latency
run and (full mode) a long single-worker run for memory. Stage 2 fixes how many events
the stream must publish, and stage 3's rate sets the pace of stage 5.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.throughput import baseline, corpus, environment, kafka_io, offline, report, rss, stream
from bench.throughput.kafka_io import BenchError
from bench.throughput.results import CorpusInfo, Results, RssResult
from bench.throughput.workers import WorkerDied
from streams.broker import BrokerError

BATCH_SIZE = 16  # the worker's default NEWSEVENTS_BATCH_SIZE


@dataclass(frozen=True)
class Plan:
    mode: str
    articles: int
    paced_s: float
    rss_articles: int | None  # None: judge memory on stage 3


FULL = Plan("full", articles=2000, paced_s=60.0, rss_articles=5000)
QUICK = Plan("quick", articles=300, paced_s=15.0, rss_articles=None)


class Progress:
    """Timestamped progress lines on stderr, so a long run shows where it is."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.started:6.1f} s] {message}", file=sys.stderr, flush=True)


class StageClock:
    """Wall time of each stage, set-up and teardown included: what the run-time budget is spent on."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 1)
        self._last = now


def run(plan: Plan, say: Progress, workdir: Path) -> Results:
    shared = corpus.shared_dir()
    base = corpus.load_base(shared)
    articles = corpus.repeat(base, plan.articles)
    words = corpus.word_count(a.body for a in articles)
    notes: list[str] = []
    say(
        f"corpus: {len(base)} articles in {shared / 'articles'}, {len(articles)} with copies, {words:,} words"
    )

    clock = StageClock()
    say("stage 1: stock spaCy, nlp.pipe(batch_size=16)")
    stock = baseline.run(articles, BATCH_SIZE)
    say(f"  {stock.articles_per_s:.1f} articles/s")
    clock.lap("1 stock spaCy")
    gc.collect()

    say("stage 2: offline core, Extractor.extract in batches of 16")
    core = offline.run(articles, BATCH_SIZE)
    say(f"  {core.result.articles_per_s:.1f} articles/s, {core.result.events} events")
    if not core.result.copies_consistent:
        notes.append(
            "offline core: copies of one article gave different event counts (batch-dependent results)"
        )
    clock.lap("2 offline core")
    gc.collect()

    expected = core.expected_events(articles)
    say("stage 3: stream, 1 worker, backlog produced before the worker starts")
    one = stream.run_backlog("one", articles, words, expected, 1, workdir)
    say(f"  {one.result.articles_per_s or 0:.1f} articles/s, wall {one.result.wall_s:.1f} s")
    clock.lap("3 stream, 1 worker")

    say("stage 4: stream, 2 workers in one group (joined before the backlog is produced)")
    two = stream.run_backlog("two", articles, words, expected, 2, workdir, join_first=True)
    say(f"  {two.result.articles_per_s or 0:.1f} articles/s, wall {two.result.wall_s:.1f} s")
    clock.lap("4 stream, 2 workers")

    capacity = one.result.articles_per_s
    if not capacity:
        raise BenchError("stage 3 measured no rate, so stage 5 has no pace to run at")
    rate = capacity / 2
    warmup = corpus.repeat(base, stream.WARMUP_ARTICLES, tag="warmup")
    paced_articles = corpus.repeat(base, max(1, round(rate * plan.paced_s)))
    say(f"stage 5: paced, {rate:.2f} articles/s for {plan.paced_s:.0f} s ({len(paced_articles)} articles)")
    paced = stream.run_paced(
        warmup,
        paced_articles,
        core.expected_events(warmup),
        core.expected_events(paced_articles),
        rate,
        workdir,
    )
    say(f"  p99 {paced.latency_s.p99 if paced.latency_s else float('nan'):.2f} s")
    clock.lap("5 paced")

    if plan.rss_articles is None:
        memory_run, source = one, "stage 3 worker"
        notes.append(
            f"quick mode: memory measured on stage 3 ({len(articles)} articles): too few to judge the trend"
        )
    else:
        long_articles = corpus.repeat(base, plan.rss_articles)
        say(f"stage 6: memory, 1 worker over {len(long_articles)} articles")
        memory_run = stream.run_backlog(
            "rss",
            long_articles,
            corpus.word_count(a.body for a in long_articles),
            core.expected_events(long_articles),
            1,
            workdir,
        )
        source = "dedicated single-worker run"
        clock.lap("6 memory")
    memory = RssResult(
        source=source,
        articles=memory_run.result.articles,
        articles_per_s=memory_run.result.articles_per_s,
        summary=memory_run.result.rss[0],
        samples=rss.curve(memory_run.samples, memory_run.articles_per_event),
    )

    for label, r in (("stage 3", one.result), ("stage 4", two.result)):
        if r.events_published != r.events_expected:
            notes.append(
                f"{label}: {r.events_published} events published, {r.events_expected} by the offline core"
            )
    if paced.events_published != paced.events_expected:
        notes.append(f"stage 5: {paced.events_published} events published, {paced.events_expected} expected")
    notes += [
        "articles/s of stages 3-4 = articles / (last - first event timestamp), as specified; the first "
        "batch's articles count but its time does not, so it reads up to batch x workers / articles high; "
        "articles_per_s_fit (slope of completed articles over time) has no such offset",
        "stage 4 workers join their group before the backlog is produced: no rebalance inside the span",
        "stage 2 calls Extractor.extract on 16 articles at a time (the worker's batch); newsevents extract "
        "hands it 32 at a time; nlp.pipe runs batches of 16 in both",
        "stage 2 validates articles before timing; the stream stages include validation",
    ]
    return Results(
        date=datetime.now(UTC).isoformat(timespec="seconds"),
        mode=plan.mode,
        machine=environment.machine(),
        versions=environment.versions(),
        corpus=CorpusInfo(str(shared), len(base), len(articles), words),
        baseline=stock,
        offline=core.result,
        stream_one=one.result,
        stream_two=two.result,
        paced=paced,
        rss=memory,
        run_seconds=time.perf_counter() - say.started,
        stage_seconds=clock.laps,
        notes=notes,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.throughput",
        description="Throughput of stock spaCy, the offline core and the stream worker (1 and 2 workers).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK.articles} articles, {QUICK.paced_s:.0f} s paced stage, memory from stage 3 (< 3 min)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        help="write the results here (default bench/results/throughput[-quick]-<UTC date>.json)",
    )
    parser.add_argument("--keep-logs", action="store_true", help="keep the broker and worker logs")
    parser.add_argument(
        "--worker-log-level",
        default="info",
        choices=("debug", "info", "warning"),
        help="debug logs each batch: its size, its oldest record's wait, extraction and publication time",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    logging.getLogger("kafka").setLevel(logging.ERROR)  # connection chatter during broker start/stop
    plan = QUICK if args.quick else FULL
    kafka_io.WORKER_LOG_LEVEL = args.worker_log_level
    say = Progress()
    workdir = Path(tempfile.mkdtemp(prefix="newsevents-throughput-"))
    try:
        results = run(plan, say, workdir)
    except (BenchError, WorkerDied, BrokerError, corpus.CorpusError) as exc:
        print(
            f"throughput benchmark failed: {exc}\n(broker and worker logs kept in {workdir})", file=sys.stderr
        )
        return 1
    except BaseException:
        print(f"(broker and worker logs kept in {workdir})", file=sys.stderr)
        raise
    if args.keep_logs:
        print(f"(broker and worker logs kept in {workdir})", file=sys.stderr)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    path = args.json or report.default_json_path(datetime.now(UTC).date(), plan.mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(report.document(results), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(report.summary(results))
    print(f"results written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
