"""Latency at a steady input rate for several batch timeouts: ``make bench-batch-timeout``.

Faust's ``take_events`` waits up to ``NEWSEVENTS_BATCH_TIMEOUT`` before every batch that is not
full. Under a steady load below capacity batches are rarely full, so each wait is time
the worker sits idle while articles queue. This runs the benchmark's paced stage (one
warmed-up worker on Tansu, one article every 1/rate s, in corpus order) once per value
and prints the latency percentiles from an article's record time to its events'.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from bench.throughput import corpus, offline, stream


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=8.0, help="articles per second (default 8)")
    parser.add_argument("--seconds", type=float, default=40.0, help="length of each paced run (default 40)")
    parser.add_argument(
        "--timeouts", default="0.1,0.01", help="comma-separated batch timeouts in seconds (default 0.1,0.01)"
    )
    args = parser.parse_args()
    timeouts = [float(value) for value in args.timeouts.split(",")]
    base = corpus.load_base(corpus.shared_dir())
    warmup = corpus.repeat(base, stream.WARMUP_ARTICLES, tag="warmup")
    paced = corpus.repeat(base, round(args.rate * args.seconds))
    core = offline.run(warmup + paced)  # the events each article must produce
    print(f"{len(paced)} articles at {args.rate:g}/s per run; latency from record time to events, seconds:")
    print(f"  {'batch timeout':>13s} {'p50':>6s} {'p95':>6s} {'p99':>6s} {'max':>6s}")
    for timeout in timeouts:
        workdir = Path(tempfile.mkdtemp(prefix="newsevents-batch-timeout-"))
        result = stream.run_paced(
            warmup,
            paced,
            core.expected_events(warmup),
            core.expected_events(paced),
            args.rate,
            workdir,
            overrides={"batch_timeout": timeout},
        )
        shutil.rmtree(workdir, ignore_errors=True)
        p = result.latency_s
        if p is None:
            print(f"  {timeout:13g} no events arrived")
            continue
        print(f"  {timeout:13g} {p.p50:6.3f} {p.p95:6.3f} {p.p99:6.3f} {p.max:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
