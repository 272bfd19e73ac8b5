"""``python -m bench.story_scale [--stories N]``: the story stage's cost as one block grows.

Meetings share one block (``meeting:meeting``), so a busy feed puts thousands of live stories
in it. This feeds N made-up meetings between distinct pairs of people, each reported by three
outlets within a day, through the stream's two steps (``streams/app/stories.py``, a dict for
the Faust table), and reports the time per mention at the start and at the end of the run and
the largest table row written: what a changelog message costs, which Kafka caps at 1 MB by
default.
"""

from __future__ import annotations

import argparse
import json
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from streams.app.stories import InMemorySteps

OUTLETS = ("wire", "daily", "blog")


def meetings(count: int) -> Iterator[dict[str, Any]]:
    """Three reports of each of ``count`` meetings, the ones of a meeting one after another."""
    start = datetime(2026, 3, 2, tzinfo=UTC)
    for n in range(count):
        when = start + timedelta(minutes=3 * n)
        for k, outlet in enumerate(OUTLETS):
            event_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{n}/{outlet}"))
            sentence = f"Envoy Arlo Quint{n} met Minister Bea Varn{n} on Monday."
            yield {
                "event_id": event_id,
                "type": "meeting",
                "article_id": f"{outlet}:{n}",
                "source": outlet,
                "published_at": (when + timedelta(hours=k)).isoformat().replace("+00:00", "Z"),
                "actors": [
                    {"name": f"Arlo Quint{n}", "role": "participant", "kind": "person"},
                    {"name": f"Bea Varn{n}", "role": "participant", "kind": "person"},
                ],
                "quote": None,
                "date": None,
                "location": None,
                "amounts": [],
                "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)},
                "confidence": 0.8,
                "trigger_lemma": "meet",
            }


class SizedTable(dict[bytes, bytes]):
    """A dict that remembers the largest value written, as a changelog would carry it."""

    largest = 0

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self.largest = max(self.largest, len(key) + len(value))
        super().__setitem__(key, value)


def run(count: int) -> dict[str, float]:
    table = SizedTable()
    steps = InMemorySteps(timedelta(days=10), table)
    timings: list[float] = []
    for record in meetings(count):
        started = time.perf_counter()
        steps.feed(record["event_id"], json.dumps(record).encode())
        timings.append(time.perf_counter() - started)
    tenth = max(1, len(timings) // 10)
    return {
        "stories": steps.rows.live_stories,
        "mentions": len(timings),
        "first_ms": 1000 * sum(timings[:tenth]) / tenth,
        "last_ms": 1000 * sum(timings[-tenth:]) / tenth,
        "largest_row_bytes": table.largest,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--stories", type=int, default=3000, help="meetings to feed (three reports each)")
    args = parser.parse_args(argv)
    result = run(args.stories)
    print(
        f"story scale: {result['stories']} live stories in one block from {result['mentions']} mentions; "
        f"{result['first_ms']:.2f} ms per mention over the first tenth, {result['last_ms']:.2f} ms over "
        f"the last; largest table row {result['largest_row_bytes']:,} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
