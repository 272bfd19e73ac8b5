"""``newsevents extract``: the offline core; JSONL articles in, one event JSON per line out.

It prints exactly the JSON the stream worker publishes as record values. Invalid lines
are reported on standard error with their line number and reason, and make the exit
status 1 once every valid article has been processed.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterator
from typing import TextIO

from streams.core.article import Article, InvalidArticle, parse_article, parse_published_at
from streams.core.extractor import ArticleInput, Extractor
from streams.core.pipeline.loader import load_model

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
) -> int:
    if default_published_at:
        parse_published_at(default_published_at)  # fail early on a bad flag
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

    extractor = Extractor(load_model())
    for batch in _batches(articles(), BATCH):
        for result in extractor.extract([ArticleInput(a) for a in batch]):
            if result.error is not None:
                failed += 1
                print(
                    f"newsevents extract: article {result.article.id!r}: extraction_error: "
                    f"{result.error.strip().splitlines()[-1]}",
                    file=err,
                )
            for event in result.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    out.flush()
    if invalid or failed:
        print(f"newsevents extract: {invalid} invalid line(s), {failed} failed article(s)", file=err)
        return 1
    return 0


def main_extract(path: str, default_published_at: str | None) -> int:
    from streams.cli.jsonl import read_lines

    return run_extract(read_lines(path), sys.stdout, sys.stderr, default_published_at)
