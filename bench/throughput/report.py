"""Ratios, targets and the printed summary; pure functions over ``Results``.

The targets come from the issue ("faster than stock spaCy on the same articles, scaling
with workers"): the stream with one worker at least as fast as stock spaCy, two workers
at least 1.7x one, worker RSS at most 700 MB and flat, and p99 latency under 1 s at half
capacity. "Flat" is judged as a trend of the RSS floor (see ``rss``) of at most 1 MB per
1,000 articles after warm-up (1 KB per article, i.e. 1 GB per million: a slower leak needs a
longer run to see).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.throughput.results import InProcessResult, Percentiles, Results, StreamResult

RESULTS_DIR = Path(__file__).resolve().parents[1] / "results"

STREAM_VS_STOCK_MIN = 1.0
TWO_VS_ONE_MIN = 1.7
RSS_PEAK_MAX_MB = 700.0
RSS_TREND_MAX_MB_PER_1K = 1.0
#: Shorter memory runs (``--quick``) report a trend but get no verdict: their second half is a
#: few hundred articles, where a 2 MB step of the floor reads as a leak of several MB per 1,000.
RSS_TREND_MIN_ARTICLES = 2000
PACED_P99_MAX_S = 1.0

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": lambda value, threshold: value >= threshold,
    "<=": lambda value, threshold: value <= threshold,
    "<": lambda value, threshold: value < threshold,
}


@dataclass(frozen=True)
class Check:
    """One target: ``value op threshold``; ``passed`` is None when the value could not be measured."""

    name: str
    value: float | None
    op: str
    threshold: float
    unit: str = ""

    @property
    def passed(self) -> bool | None:
        if self.value is None:
            return None
        return _COMPARE[self.op](self.value, self.threshold)

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "n/a"}[self.passed]


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, or None when either is missing or the denominator is not positive."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def ratios(results: Results) -> dict[str, float | None]:
    stock = results.baseline.articles_per_s
    return {
        "offline_vs_stock (2/1)": ratio(results.offline.articles_per_s, stock),
        "stream_1_worker_vs_stock (3/1)": ratio(results.stream_one.articles_per_s, stock),
        "stream_2_workers_vs_1 (4/3)": ratio(
            results.stream_two.articles_per_s, results.stream_one.articles_per_s
        ),
    }


def checks(results: Results) -> list[Check]:
    r = ratios(results)
    p99 = results.paced.latency_s.p99 if results.paced.latency_s else None
    floor_trend = results.rss.summary.floor_trend_mb_per_1k_articles
    if results.rss.articles < RSS_TREND_MIN_ARTICLES:
        floor_trend = None
    return [
        Check(
            "stream, 1 worker / stock spaCy (3/1)",
            r["stream_1_worker_vs_stock (3/1)"],
            ">=",
            STREAM_VS_STOCK_MIN,
        ),
        Check("stream, 2 workers / 1 worker (4/3)", r["stream_2_workers_vs_1 (4/3)"], ">=", TWO_VS_ONE_MIN),
        Check("worker RSS peak", results.rss.summary.peak_mb, "<=", RSS_PEAK_MAX_MB, " MB"),
        Check(
            "worker RSS floor trend after warm-up",
            floor_trend,
            "<=",
            RSS_TREND_MAX_MB_PER_1K,
            " MB/1k articles",
        ),
        Check("paced p99 latency", p99, "<", PACED_P99_MAX_S, " s"),
    ]


def default_json_path(day: date, mode: str) -> Path:
    """``throughput-<day>.json`` for a full run, ``throughput-quick-<day>.json`` for ``--quick``."""
    prefix = "throughput" if mode == "full" else f"throughput-{mode}"
    return RESULTS_DIR / f"{prefix}-{day.isoformat()}.json"


def document(results: Results) -> dict[str, Any]:
    """Everything measured, plus the ratios and target verdicts, as one JSON-ready dict."""
    doc = dataclasses.asdict(results)
    doc["ratios"] = ratios(results)
    doc["targets"] = [
        {"name": c.name, "value": c.value, "op": c.op, "threshold": c.threshold, "passed": c.passed}
        for c in checks(results)
    ]
    return doc


def _num(value: float | None, digits: int = 1, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}{unit}"


def _pct(p: Percentiles | None) -> str:
    if p is None:
        return "n/a"
    return f"p50 {p.p50:.2f} s, p95 {p.p95:.2f} s, p99 {p.p99:.2f} s (max {p.max:.2f} s, n={p.count})"


def _in_process_line(label: str, r: InProcessResult) -> str:
    return (
        f"{label:<34}{_num(r.articles_per_s):>10}{_num(r.words_per_s, 0):>10}   "
        f"{r.seconds:.1f} s for {r.articles} articles; model load {r.load_s:.1f} s"
    )


def _stream_lines(label: str, r: StreamResult) -> list[str]:
    events = f"{r.events_published}/{r.events_expected} events"
    if r.event_records != r.events_published:
        events += f" ({r.event_records - r.events_published} redelivered)"
    lines = [
        f"{label:<34}{_num(r.articles_per_s):>10}{_num(r.words_per_s, 0):>10}   "
        f"span {_num(r.span_s)} s; {events}; fit {_num(r.articles_per_s_fit)} articles/s",
        f"{'':<56}wall {r.wall_s:.1f} s incl. start-up (first event after {_num(r.startup_s)} s"
        + (f", group stable after {r.join_s:.1f} s)" if r.join_s is not None else ")"),
        f"{'':<56}latency per article (queueing): {_pct(r.latency_s)}",
    ]
    for m in r.rss:
        lines.append(
            f"{'':<56}RSS {m.worker}: peak {_num(m.peak_mb, 0)} MB, steady {_num(m.steady_mb, 0)} MB"
        )
    return lines


def summary(results: Results) -> str:
    """The human-readable report printed at the end of a run."""
    m, c = results.machine, results.corpus
    out = [
        f"newsevents throughput benchmark ({results.mode} mode), {results.date}",
        f"machine: {m.get('cpu_model')}, {m.get('cores')} cores, {_num(m.get('memory_mb'), 0)} MB; "
        f"newsevents {results.versions.get('newsevents')}, spaCy {results.versions.get('spacy')}",
        f"corpus: {c.articles} articles ({c.distinct_articles} distinct; copies <id>~<n>), {c.words:,} words",
        "",
        f"{'stage':<34}{'art/s':>10}{'words/s':>10}",
        _in_process_line("1 stock spaCy, nlp.pipe(16)", results.baseline),
        _in_process_line("2 offline core, extract(16)", results.offline)
        + f"; {results.offline.events} events",
        *_stream_lines("3 stream, 1 worker", results.stream_one),
        *_stream_lines("4 stream, 2 workers", results.stream_two),
    ]
    p = results.paced
    out += [
        f"5 paced, {p.target_rate:.2f} articles/s (achieved {_num(p.achieved_rate, 2)}) "
        f"for {p.duration_s:.0f} s, {p.articles} articles, {p.events_published}/{p.events_expected} events",
        f"  latency per event:   {_pct(p.latency_s)}",
        f"  latency per article: {_pct(p.article_latency_s)}",
    ]
    s = results.rss.summary
    out += [
        f"6 RSS ({results.rss.source}, {results.rss.articles} articles): peak {_num(s.peak_mb, 0)} MB, "
        f"steady {_num(s.steady_mb, 0)} MB, {s.samples} samples",
        f"  trend in MB per 1,000 articles after warm-up: floor {_num(s.floor_trend_mb_per_1k_articles, 2)}, "
        f"every sample {_num(s.trend_mb_per_1k_articles, 2)} "
        f"(every sample, whole run: {_num(s.trend_all_mb_per_1k_articles, 2)})",
        "",
        "ratios",
    ]
    out += [f"  {name:<34}{_num(value, 2)}" for name, value in ratios(results).items()]
    out += ["", "targets"]
    for check in checks(results):
        value = _num(check.value, 2, check.unit)
        target = f"target {check.op} {check.threshold:g}{check.unit}"
        out.append(f"  {check.name:<40}{value:>22}   {target:<28}{check.verdict}")
    if results.notes:
        out += ["", "notes", *(f"  - {note}" for note in results.notes)]
    laps = ", ".join(f"{name} {seconds:.0f} s" for name, seconds in results.stage_seconds.items())
    out.append(f"\nrun took {results.run_seconds:.0f} s" + (f" ({laps})" if laps else ""))
    return "\n".join(out)
