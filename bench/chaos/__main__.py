"""``python -m bench.chaos [--seconds N] [--engine noida|tansu]``: the chaos soak, ending in one line.

``chaos: engine=E seconds=N articles=N with_events=N dead_letters=N/N kills=N duplicates=N lost=N
stories=N story_errors=N``; the exit status is 0 only when nothing was lost, no event was published
that should not have been, and every live event is in exactly one live story (and stories hold no
other).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.chaos.diagnosis import write_story_diagnosis
from bench.chaos.outcome import Published, diagnose, expected_events, judge, judge_stories
from bench.chaos.soak import run_soak
from bench.throughput.kafka_io import fresh_settings
from bench.throughput.workers import stop_all
from streams.broker import EmbeddedBroker
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model

#: How long the workers get, after the last kill, to finish everything that was sent.
SETTLE_SECONDS = 240.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=300.0, help="how long to send and kill")
    parser.add_argument("--engine", choices=("noida", "tansu"), default="noida")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args()

    def say(message: str) -> None:
        print(f"[{time.monotonic() - began:7.1f} s] {message}", file=sys.stderr, flush=True)

    began = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix=f"newsevents-chaos-{args.engine}-"))
    say(
        f"engine {args.engine}, {args.workers} workers, {args.partitions} partitions, "
        f"seed {args.seed}, logs in {workdir}"
    )
    with EmbeddedBroker(
        engine=args.engine, data_dir=workdir / "broker", log_path=workdir / "broker.log"
    ) as broker:
        settings = fresh_settings(
            broker,
            "chaos",
            workdir,
            partitions=args.partitions,
            overrides={
                "session_timeout": 10.0,
                "heartbeat_interval": 1.0,
                "shutdown_timeout": 15.0,
                # the samples are dated months apart: with the 10-day horizon a story would leave
                # the state as soon as a later-dated copy arrives, and a copy of its events sent
                # after that would open a second story (docs/stories.md). The soak checks crashes
                # and rebalances, not the horizon.
                "story_horizon_days": 3650.0,
                # the story stage inside the extraction workers, so that their kills hit its tables
                "stories": True,
            },
        )
        sent, monkey, workers = run_soak(settings, workdir, args.seconds, args.workers, args.seed, say)
        say(
            f"sent {len(sent)} records; {monkey.kills} kills {monkey.by_signal}; "
            "waiting for the workers to finish"
        )
        expected = expected_events(Extractor(load_model()), sent)
        published = Published(settings)
        try:
            deadline = time.monotonic() + SETTLE_SECONDS
            verdict = judge(sent, expected, published)
            stories = judge_stories(published)
            # the stories settle after the events: every live event in exactly one live story
            while (verdict.lost or stories.wrong) and time.monotonic() < deadline:
                published.poll()
                monkey.supervise(time.monotonic(), workers, say)
                verdict = judge(sent, expected, published)
                stories = judge_stories(published)
            if stories.wrong:
                wrong = [e for examples in stories.examples.values() for e in examples]
                write_story_diagnosis(settings, wrong, workdir / "story-diagnosis.txt")
                say(f"the history of {len(wrong)} wrong events: {workdir / 'story-diagnosis.txt'}")
            if verdict.lost:
                for line in diagnose(settings, verdict.missing_articles + verdict.missing_dead_letters):
                    say(line)
        finally:
            published.close()
            stop_all(workers)
    line = (
        f"chaos: engine={args.engine} seconds={args.seconds:.0f} articles={verdict.articles} "
        f"with_events={verdict.with_events} dead_letters={verdict.dead_letters}/{verdict.malformed} "
        f"kills={monkey.kills} duplicates={verdict.duplicates} lost={verdict.lost} "
        f"stories={stories.stories} story_errors={stories.wrong}"
    )
    if stories.wrong:
        say(
            f"stories: {stories.unassigned} live events in no story, {stories.repeated} in several, "
            f"{stories.stale} story members that are no live event"
        )
        for what, examples in stories.examples.items():
            for event_id, story_ids in examples.items():
                say(f"stories: {what} event {event_id}: in {story_ids or 'no live story'}")
    if verdict.lost:
        say(
            f"missing events for {verdict.missing_articles[:10]}; "
            f"no dead letter for {verdict.missing_dead_letters[:10]}"
        )
    if verdict.foreign:
        say(f"{verdict.foreign} published event ids no sent article gives (not duplicates of expected ones)")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "date": datetime.now(UTC).isoformat(timespec="seconds"),
                    "engine": args.engine,
                    "seconds": args.seconds,
                    "workers": args.workers,
                    "partitions": args.partitions,
                    "seed": args.seed,
                    "kills": monkey.by_signal,
                    "exits": monkey.exits,
                    "verdict": {k: v for k, v in vars(verdict).items() if not k.startswith("missing")},
                    "lost": verdict.lost,
                    "stories": vars(stories),
                    "line": line,
                },
                indent=2,
            )
            + "\n"
        )
    print(line, flush=True)
    return 0 if verdict.lost == 0 and verdict.foreign == 0 and stories.wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
