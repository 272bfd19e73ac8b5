"""Peak memory and time of ``newsevents extract`` on one long article: ``make bench-long-article``.

Each body is built from the paragraphs of the repository's own ``samples/articles.jsonl``,
drawn at random (fixed seed) until the body reaches the size asked for, so it reads like
news text: names, quotes, meetings, agreements, sums and dates. Other shapes stress the
windows' fallbacks: ``one-paragraph`` (no line break: cut at sentence ends), ``no-sentences``
(no line break, no full stop: cut at spaces) and ``dense`` (one- and two-letter words and
punctuation: the most tokens per byte).

Every run is a fresh ``newsevents extract`` process; its peak resident memory is the
kernel's account of the child (``wait4``'s ``ru_maxrss``), which includes the model's
load. ``--cap BYTES`` runs it under an address-space limit (``RLIMIT_AS``), as a container
memory limit would stop it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from streams.core.article import DEFAULT_MAX_BODY_BYTES
from streams.resources import samples_path

KINDS = ("news", "one-paragraph", "no-sentences", "dense")


def sample_paragraphs() -> list[str]:
    """The paragraphs of the English sample articles."""
    paragraphs: list[str] = []
    for line in samples_path().read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        if article.get("language") in (None, "en"):
            paragraphs.extend(p for p in article["body"].split("\n") if p.strip())
    return paragraphs


def _fill(pieces: Callable[[], str], separator: str, size: int) -> str:
    """Pieces joined by ``separator`` up to ``size`` UTF-8 bytes (the last one cut to fit)."""
    out: list[str] = []
    used = 0
    while used < size:
        piece = pieces()
        cost = len(piece.encode("utf-8")) + len(separator)
        if used + cost > size:
            piece = piece.encode("utf-8")[: size - used - len(separator)].decode("utf-8", "ignore").rstrip()
            if piece:
                out.append(piece)
            break
        out.append(piece)
        used += cost
    return separator.join(out)


def long_body(size: int, kind: str = "news", seed: int = 17) -> str:
    """A body of at most ``size`` UTF-8 bytes, of the given shape (see the module docstring)."""
    rng = random.Random(seed)
    paragraphs = sample_paragraphs()
    if kind == "news":
        return _fill(lambda: rng.choice(paragraphs), "\n", size)
    if kind == "one-paragraph":
        return _fill(lambda: rng.choice(paragraphs), " ", size)
    if kind == "no-sentences":
        words = [re.sub(r"[.!?…]", "", w) for p in paragraphs for w in p.split()]
        return _fill(lambda: rng.choice(words), " ", size)
    if kind == "dense":
        return _fill(lambda: rng.choice(("a", "I", ",", ".", "US", "“", "”", "said", "he")), " ", size)
    raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def article_record(size: int, kind: str = "news") -> bytes:
    """One article as an input line, its body ``size`` bytes at most."""
    article = {
        "id": f"long-{kind}-{size}",
        "published_at": "2026-03-12",
        "language": "en",
        "body": long_body(size, kind),
    }
    return json.dumps(article, ensure_ascii=False).encode("utf-8") + b"\n"


@dataclass(frozen=True)
class Run:
    """One ``newsevents extract`` process: its peak resident memory, wall time, output and status."""

    peak_rss_mb: float
    seconds: float
    events: int
    status: int
    stderr: str


def newsevents_command() -> list[str]:
    """``newsevents`` from the interpreter's own environment."""
    return [str(Path(sys.executable).with_name("newsevents"))]


def run_extract(path: Path, cap: int | None = None, env: dict[str, str] | None = None) -> Run:
    """``newsevents extract path`` in a fresh process: its peak RSS, wall time and events."""

    def limit() -> None:
        if cap is not None:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [*newsevents_command(), "extract", str(path)],
            stdout=out,
            stderr=err,
            preexec_fn=limit,  # noqa: PLW1509 - only setrlimit, before exec
            env={**os.environ, **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        events = sum(1 for line in out if line.strip())
        stderr = err.read().decode("utf-8", "replace")
    return Run(usage.ru_maxrss / 1024, seconds, events, process.returncode, stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=f"50000,250000,1000000,{DEFAULT_MAX_BODY_BYTES}",
        help="comma-separated body sizes in bytes (default: 50 KB, 250 KB, 1 MB and the default limit)",
    )
    parser.add_argument("--kinds", default="news", help=f"comma-separated shapes: {', '.join(KINDS)}")
    parser.add_argument("--cap", type=int, default=None, help="address-space limit of each run, bytes")
    args = parser.parse_args()
    print(f"{'body bytes':>10s} {'kind':<13s} {'peak RSS MB':>11s} {'seconds':>8s} {'events':>7s} status")
    worst = 0
    with tempfile.TemporaryDirectory(prefix="newsevents-long-") as tmp:
        for kind in args.kinds.split(","):
            for size in (int(s) for s in args.sizes.split(",")):
                path = Path(tmp) / f"{kind}-{size}.jsonl"
                path.write_bytes(article_record(size, kind))
                run = run_extract(path, args.cap)
                print(
                    f"{size:>10d} {kind:<13s} {run.peak_rss_mb:>11.0f} {run.seconds:>8.1f} "
                    f"{run.events:>7d} {run.status}",
                    flush=True,
                )
                if run.status:
                    print("  " + "\n  ".join(run.stderr.strip().splitlines()[-3:]))
                    worst = max(worst, run.status)
    return worst


if __name__ == "__main__":
    sys.exit(main())
