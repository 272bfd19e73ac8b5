"""Worker memory: sample VmRSS once a second in a thread, then summarise peak, steady level and trend.

Trends are least-squares slopes against work done (articles processed, estimated from the
events consumed so far) rather than against time, so a slow or stalled run cannot hide a
leak or fake one. The first half of processing is left out of the verdict: the allocator
grows while the first batches of new document sizes arrive, and that warm-up is not a leak.

RSS swings by 100 MB or more within every batch (the batch's documents are allocated, then
freed when ``memory_zone`` closes), so a slope through every sample mostly measures where
the samples fell in those swings. The verdict therefore uses the floor: the lowest sample
of each ``FLOOR_WINDOW``-sample window, a window longer than a batch, so each holds a
trough between batches; a leak raises that floor, a large batch does not.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from bench.throughput import stats
from bench.throughput.results import RssSummary

MB = 1024 * 1024
FLOOR_WINDOW = 10  # samples, i.e. about 10 s: several batches at any rate measured so far


@dataclass(frozen=True)
class RssSample:
    worker: str
    elapsed_s: float
    events: int  # events consumed so far (the progress measure)
    rss_mb: float


def read_rss_mb(pid: int) -> float | None:
    """VmRSS of ``pid`` in MB, or None once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    for line in text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / MB  # the kernel reports kB
    return None


class RssSampler:
    """Samples every worker's RSS at start and then every ``interval`` s until the block ends."""

    def __init__(self, pids: Mapping[str, int], progress: Callable[[], int], interval: float = 1.0) -> None:
        self.pids = dict(pids)
        self.progress = progress
        self.interval = interval
        self.samples: list[RssSample] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._started = 0.0

    def _sample(self) -> None:
        elapsed = time.perf_counter() - self._started
        events = self.progress()
        for name, pid in self.pids.items():
            rss = read_rss_mb(pid)
            if rss is not None:
                self.samples.append(RssSample(name, elapsed, events, rss))

    def _run(self) -> None:
        self._sample()
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> RssSampler:
        self._started = time.perf_counter()
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sample()  # one last point at the end of the run


def summarize(worker: str, samples: Sequence[RssSample], articles_per_event: float) -> RssSummary:
    """Peak, steady (median of the second half) and trend in MB per 1,000 articles of one worker."""
    own = [s for s in samples if s.worker == worker]
    if not own:
        return RssSummary(worker, 0, None, None, None, None, None)
    second_half = own[len(own) // 2 :]
    processing = [s for s in own if s.events > 0]
    late = processing[len(processing) // 2 :]
    return RssSummary(
        worker=worker,
        samples=len(own),
        peak_mb=max(s.rss_mb for s in own),
        steady_mb=stats.median([s.rss_mb for s in second_half]),
        trend_mb_per_1k_articles=_trend(late, articles_per_event),
        trend_all_mb_per_1k_articles=_trend(processing, articles_per_event),
        floor_trend_mb_per_1k_articles=_trend(floors(late), articles_per_event),
    )


def floors(samples: Sequence[RssSample], window: int = FLOOR_WINDOW) -> list[RssSample]:
    """The lowest sample of each run of ``window`` samples (a last, shorter run counts if at least half)."""
    out: list[RssSample] = []
    for start in range(0, len(samples), window):
        chunk = samples[start : start + window]
        if len(chunk) * 2 >= window:
            out.append(min(chunk, key=lambda s: s.rss_mb))
    return out


def _trend(samples: Sequence[RssSample], articles_per_event: float) -> float | None:
    xs = [s.events * articles_per_event / 1000 for s in samples]
    return stats.slope(xs, [s.rss_mb for s in samples])


def curve(samples: Sequence[RssSample], articles_per_event: float) -> list[tuple[float, float, float]]:
    """(seconds, articles processed, MB) points of every sample, rounded for the JSON file."""
    return [
        (round(s.elapsed_s, 2), round(s.events * articles_per_event, 1), round(s.rss_mb, 1)) for s in samples
    ]
