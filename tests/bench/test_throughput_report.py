"""The throughput benchmark's pure parts: statistics, corpus copies, RSS summaries, ratios and targets.

The benchmark itself (``python -m bench.throughput``) needs the broker and the model and
is not part of the suite; these tests pin down how it counts, so its numbers can be trusted.
"""

from __future__ import annotations

import dataclasses

import pytest

from bench.throughput import report, rss, stats
from bench.throughput.corpus import CorpusError, base_id, repeat, word_count
from bench.throughput.results import (
    CorpusInfo,
    InProcessResult,
    PacedResult,
    Percentiles,
    Results,
    RssResult,
    RssSummary,
    StreamResult,
)


def test_percentile_interpolates_between_ranks_like_numpy() -> None:
    values = [float(v) for v in range(1, 11)]  # 1..10
    assert stats.percentile(values, 50) == pytest.approx(5.5)
    assert stats.percentile(values, 95) == pytest.approx(9.55)
    assert stats.percentile(values, 99) == pytest.approx(9.91)
    assert stats.percentile([3.0, 1.0, 2.0], 0) == 1.0
    assert stats.percentile([3.0, 1.0, 2.0], 100) == 3.0
    assert stats.percentile([7.0], 99) == 7.0
    with pytest.raises(ValueError):
        stats.percentile([], 50)


def test_slope_is_least_squares_and_none_when_undefined() -> None:
    assert stats.slope([0.0, 1.0, 2.0, 3.0], [1.0, 3.0, 5.0, 7.0]) == pytest.approx(2.0)
    assert stats.slope([0.0, 1.0, 2.0], [5.0, 5.0, 5.0]) == pytest.approx(0.0)
    assert stats.slope([0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 0.0, 1.0]) == pytest.approx(0.2)
    assert stats.slope([1.0], [1.0]) is None
    assert stats.slope([2.0, 2.0], [1.0, 5.0]) is None  # no spread in x: no trend


def test_repeat_gives_unique_ids_per_copy_and_exactly_count_articles() -> None:
    base = [{"id": "a", "body": "one two"}, {"id": "b", "body": "three"}, {"id": "c~x", "body": "four"}]
    copies = repeat(base, 7)
    assert [c.id for c in copies] == ["a~0", "b~0", "c~x~0", "a~1", "b~1", "c~x~1", "a~2"]
    assert [c.base_id for c in copies] == ["a", "b", "c~x", "a", "b", "c~x", "a"]
    assert all(base_id(c.id) == c.base_id for c in copies)
    assert copies[3].obj["id"] == "a~1" and base[0]["id"] == "a"  # the shared objects are untouched
    assert b'"id": "a~1"' in copies[3].value()
    assert [c.id for c in repeat(base, 2, tag="warmup")] == ["a~warmup0", "b~warmup0"]
    assert word_count(c.body for c in copies) == 2 + 1 + 1 + 2 + 1 + 1 + 2
    with pytest.raises(CorpusError):
        repeat([], 3)


def test_rss_summary_judges_the_trend_after_warm_up() -> None:
    # start-up (no events yet), warm-up growth, then flat: the late trend is ~0, the whole-run one is not
    mb = [150.0, 300.0, 400.0, 450.0, 460.0, 460.0, 460.0, 460.0, 460.0, 460.0]
    events = [0, 0, 100, 200, 300, 400, 500, 600, 700, 800]
    samples = [rss.RssSample("w", float(i), e, m) for i, (e, m) in enumerate(zip(events, mb, strict=True))]
    summary = rss.summarize("w", samples, articles_per_event=0.5)
    assert summary.peak_mb == 460.0
    assert summary.steady_mb == 460.0
    assert summary.trend_mb_per_1k_articles == pytest.approx(0.0)
    assert summary.trend_all_mb_per_1k_articles is not None and summary.trend_all_mb_per_1k_articles > 50
    leaking = [rss.RssSample("w", float(i), 1000 * i, 400.0 + 2 * i) for i in range(1, 11)]
    # 2 MB per 1,000 events = 4 MB per 1,000 articles at 0.5 articles per event
    assert rss.summarize("w", leaking, 0.5).trend_mb_per_1k_articles == pytest.approx(4.0)
    assert rss.summarize("other", samples, 0.5).peak_mb is None


def test_floor_trend_ignores_the_swing_within_batches_but_sees_a_rising_floor() -> None:
    # every 4th sample is a trough between batches; peaks vary with the batch, the floor is flat
    peaks = [350.0, 420.0, 380.0, 500.0, 360.0, 450.0, 390.0, 470.0, 400.0, 480.0]
    mb = [250.0 if i % 4 == 0 else peaks[(i // 4) % len(peaks)] for i in range(80)]
    flat = [rss.RssSample("w", float(i), 10 * (i + 1), m) for i, m in enumerate(mb)]
    summary = rss.summarize("w", flat, articles_per_event=1.0)
    assert summary.floor_trend_mb_per_1k_articles == pytest.approx(0.0)
    assert summary.trend_mb_per_1k_articles != pytest.approx(0.0)  # the raw slope follows the swings
    rising = [rss.RssSample("w", s.elapsed_s, s.events, s.rss_mb + s.events * 0.005) for s in flat]
    # +0.005 MB per event = 5 MB per 1,000 articles at one article per event
    assert rss.summarize("w", rising, 1.0).floor_trend_mb_per_1k_articles == pytest.approx(5.0)
    assert [s.rss_mb for s in rss.floors(flat[:25], window=10)] == [250.0, 250.0, 250.0]
    assert len(rss.floors(flat[:24], window=10)) == 2  # a last run shorter than half a window is dropped


def _results(
    stock: float, one: float | None, two: float | None, peak: float, trend: float, p99: float
) -> Results:
    def in_process(name: str, rate: float) -> InProcessResult:
        return InProcessResult(name, 100, 1000, 16, 1.0, 100 / rate, rate, rate * 10)

    def stream(workers: int, rate: float | None) -> StreamResult:
        return StreamResult(
            workers=workers,
            articles=100,
            words=1000,
            events_expected=50,
            events_published=50,
            event_records=50,
            dead_letters=0,
            articles_completed=100,
            span_s=100 / rate if rate else None,
            articles_per_s=rate,
            words_per_s=None,
            events_per_s=None,
            articles_per_s_fit=None,
            ingest_s=0.5,
            join_s=None,
            startup_s=5.0,
            wall_s=20.0,
            latency_s=None,
            all_create_time=True,
        )

    memory = RssSummary("w", 10, peak, peak, trend * 3, trend * 3, trend)
    latency = Percentiles(p99 / 2, p99 * 0.9, p99, p99, 40)
    return Results(
        date="2026-01-01T00:00:00+00:00",
        mode="quick",
        machine={"cpu_model": "test", "cores": 2, "memory_mb": 1024},
        versions={"newsevents": "0", "spacy": "3"},
        corpus=CorpusInfo("/shared", 10, 100, 1000),
        baseline=in_process("stock", stock),
        offline=in_process("core", stock * 0.9),
        stream_one=stream(1, one),
        stream_two=stream(2, two),
        paced=PacedResult(5.0, 5.0, 15.0, 16, 75, 40, 40, latency, latency),
        rss=RssResult("dedicated run", 5000, one, memory, [(0.0, 0.0, peak)]),
        run_seconds=1.0,
    )


def test_ratios_and_targets_pass_and_fail_at_their_thresholds() -> None:
    good = _results(stock=10.0, one=10.0, two=17.0, peak=700.0, trend=1.0, p99=0.99)
    assert report.ratios(good) == {
        "offline_vs_stock (2/1)": pytest.approx(0.9),
        "stream_1_worker_vs_stock (3/1)": pytest.approx(1.0),
        "stream_2_workers_vs_1 (4/3)": pytest.approx(1.7),
    }
    assert [c.passed for c in report.checks(good)] == [True, True, True, True, True]

    bad = _results(stock=10.0, one=9.9, two=16.0, peak=701.0, trend=1.5, p99=1.0)
    assert [c.passed for c in report.checks(bad)] == [False, False, False, False, False]
    assert {c.verdict for c in report.checks(bad)} == {"FAIL"}

    short = dataclasses.replace(bad, rss=dataclasses.replace(bad.rss, articles=300))
    assert [c.verdict for c in report.checks(short)][3] == "n/a"  # too short a run to judge a trend


def test_missing_numbers_are_not_applicable_rather_than_zero() -> None:
    results = _results(stock=10.0, one=None, two=15.0, peak=500.0, trend=0.0, p99=0.5)
    assert report.ratio(None, 10.0) is None
    assert report.ratio(5.0, 0.0) is None
    checks = {c.name: c for c in report.checks(results)}
    assert checks["stream, 1 worker / stock spaCy (3/1)"].verdict == "n/a"
    assert checks["stream, 2 workers / 1 worker (4/3)"].verdict == "n/a"
    text = report.summary(results)
    assert "n/a" in text and "paced p99 latency" in text
    doc = report.document(results)
    assert doc["ratios"]["stream_2_workers_vs_1 (4/3)"] is None
    assert doc["targets"][0]["passed"] is None
