"""``newsevents extract``: the offline core; JSONL articles in, one event JSON per line out.

It prints exactly the JSON the stream worker publishes as record values. Invalid lines
are reported on standard error with their line number and reason, and make the exit
status 1 once every valid article has been processed. Articles skipped by design (not
in English) are noted on standard error once per reason, and counted at the end.

With ``--stories`` it prints stories instead of events: the story stage runs over the events
in input order, and once the input ends each story still live (its last version, unless a
tombstone followed it) is printed, one ``schemas/story.v1.json`` object per line, in the
order the stories opened. Stories replace events rather than following them so that every
line of the output has one schema; ``event_ids`` names each story's events, and running
without ``--stories`` prints those.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from typing import Any, TextIO

from streams.cli.errors import UsageError
from streams.core.article import (
    DEFAULT_MAX_BODY_BYTES,
    Article,
    InvalidArticle,
    parse_article,
    parse_published_at,
)
from streams.core.extractor import ArticleInput, Extractor
from streams.core.failures import DEFAULT_TIME_BUDGET
from streams.core.pipeline.loader import load_model
from streams.core.stories.stage import StoryStage

BATCH = 32


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_extract(
    lines: Iterator[tuple[int, bytes]],
    out: TextIO,
    err: TextIO,
    default_published_at: str | None = None,
    max_body_bytes: int | None = None,
    time_budget: float = DEFAULT_TIME_BUDGET,
    stories: bool = False,
) -> int:
    if default_published_at:
        try:
            parse_published_at(default_published_at)  # fail early on a bad flag
        except InvalidArticle as exc:
            raise UsageError(
                f"--default-published-at {default_published_at!r}: {exc.detail}; "
                "expected ISO 8601, e.g. 2026-01-31 or 2026-01-31T09:00:00Z"
            ) from None
    invalid = failed = 0

    def articles() -> Iterator[Article]:
        nonlocal invalid
        for number, raw in lines:
            try:
                article = parse_article(raw, max_body_bytes) if max_body_bytes else parse_article(raw)
            except InvalidArticle as exc:
                invalid += 1
                print(f"newsevents extract: line {number}: {exc.reason}: {exc.detail}", file=err)
                continue
            if default_published_at and not article.published_at:
                article = dataclasses.replace(article, published_at=default_published_at)
            yield article

    extractor = Extractor(load_model(), time_budget=time_budget)
    stage = StoryStage() if stories else None
    live: dict[str, dict[str, Any]] = {}  # story id -> its last version, in the order stories opened
    skipped: Counter[str] = Counter()
    for batch in _batches(articles(), BATCH):
        for result in extractor.extract([ArticleInput(a) for a in batch]):
            if result.skipped is not None:
                if not skipped[result.skipped]:
                    print(
                        f"newsevents extract: article {result.article.id!r} skipped: {result.skipped}",
                        file=err,
                    )
                skipped[result.skipped] += 1
            if result.error is not None:
                failed += 1
                print(
                    f"newsevents extract: article {result.article.id!r}: {result.error_reason}: "
                    f"{result.error.strip().splitlines()[-1]}",
                    file=err,
                )
            for event in result.events:
                if stage is None:
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                    continue
                for change in stage.add(event.to_dict()):
                    if change.record is None:
                        live.pop(change.story_id, None)
                    else:
                        live[change.story_id] = change.record
    for record in live.values():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    for why, count in skipped.items():
        if count > 1:
            print(f"newsevents extract: {count} articles skipped: {why}", file=err)
    if invalid or failed:
        print(f"newsevents extract: {invalid} invalid line(s), {failed} failed article(s)", file=err)
        return 1
    return 0


def max_body_bytes_from_env() -> int:
    """NEWSEVENTS_MAX_BODY_BYTES, the worker's limit, so that ``extract`` accepts what it accepts."""
    raw = os.environ.get("NEWSEVENTS_MAX_BODY_BYTES", "").strip()
    if not raw:
        return DEFAULT_MAX_BODY_BYTES
    if not raw.isdigit() or int(raw) <= 0:
        raise UsageError(f"NEWSEVENTS_MAX_BODY_BYTES={raw!r}: expected a positive whole number of bytes")
    return int(raw)


def time_budget_from_env() -> float:
    """NEWSEVENTS_EXTRACTION_TIMEOUT, the worker's budget for one long article."""
    raw = os.environ.get("NEWSEVENTS_EXTRACTION_TIMEOUT", "").strip()
    if not raw:
        return DEFAULT_TIME_BUDGET
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        raise UsageError(f"NEWSEVENTS_EXTRACTION_TIMEOUT={raw!r}: expected a positive number of seconds")
    return seconds


def main_extract(path: str, default_published_at: str | None, stories: bool = False) -> int:
    from streams.cli.jsonl import read_lines, readable_file

    if path != "-":
        readable_file(path)  # before the model loads, so a wrong path fails at once
    limit, budget = max_body_bytes_from_env(), time_budget_from_env()
    return run_extract(
        read_lines(path), sys.stdout, sys.stderr, default_published_at, limit, budget, stories=stories
    )
