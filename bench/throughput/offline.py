"""Stage 2: the offline core, ``Extractor.extract`` in batches, as ``newsevents extract`` runs it.

Besides its rate, this stage fixes how many events each article yields: the stream
stages wait for exactly that many, so "done" never depends on a timeout.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bench.throughput.corpus import CorpusArticle, word_count
from bench.throughput.results import InProcessResult


@dataclass(frozen=True)
class OfflineRun:
    result: InProcessResult
    events_by_id: dict[str, int]  # article id of this corpus -> its events
    events_by_base: dict[str, int]  # shared article id -> events one copy of it yields (the most seen)

    def expected_events(self, articles: Sequence[CorpusArticle]) -> int:
        """Events the stream must publish for ``articles``: exact for this corpus, else per shared article."""
        return sum(self.events_by_id.get(a.id, self.events_by_base[a.base_id]) for a in articles)


def story_stage_seconds(events: Sequence[dict[str, object]]) -> float:
    """The story stage's time over ``events``, as the stream pays it: per event, the event
    record read from JSON and routed, the instruction read from JSON and applied, and the
    changed table rows written as JSON (``streams/app/stories.py``; a dict stands for the
    Faust tables)."""
    from streams.app.stories import InMemorySteps

    steps = InMemorySteps(timedelta(days=10))
    started = time.perf_counter()
    for event in events:
        steps.feed(str(event["event_id"]), json.dumps(event).encode())
    return time.perf_counter() - started


def run(articles: Sequence[CorpusArticle], batch_size: int = 16) -> OfflineRun:
    """Validate every article first (not timed), load the model (timed apart), then extract."""
    from streams.core.article import article_from_object
    from streams.core.extractor import ArticleInput, Extractor
    from streams.core.pipeline.loader import load_model

    inputs = [ArticleInput(article_from_object(dict(a.obj))) for a in articles]
    started = time.perf_counter()
    extractor = Extractor(load_model(), batch_size=batch_size)
    load_s = time.perf_counter() - started
    counts: list[int] = []
    events: list[dict[str, object]] = []
    failed = skipped = 0
    started = time.perf_counter()
    for i in range(0, len(inputs), batch_size):
        for outcome in extractor.extract(inputs[i : i + batch_size]):
            counts.append(len(outcome.events))
            events.extend(e.to_dict() for e in outcome.events)
            failed += outcome.error is not None
            skipped += outcome.skipped is not None
    seconds = time.perf_counter() - started
    story_s = story_stage_seconds(events)
    print(
        f"story stage: {story_s:.2f} s for {len(events)} events of {len(inputs)} articles, "
        f"{100 * story_s / seconds:.1f} % of extraction time (issue 16: at most 10 %)",
        file=sys.stderr,
        flush=True,
    )
    per_base: dict[str, set[int]] = defaultdict(set)
    for article, count in zip(articles, counts, strict=True):
        per_base[article.base_id].add(count)
    words = word_count(a.body for a in articles)
    result = InProcessResult(
        name="offline core",
        articles=len(inputs),
        words=words,
        batch_size=batch_size,
        load_s=load_s,
        seconds=seconds,
        articles_per_s=len(inputs) / seconds,
        words_per_s=words / seconds,
        events=sum(counts),
        failed_articles=failed,
        skipped_articles=skipped,
        copies_consistent=all(len(c) == 1 for c in per_base.values()),
    )
    by_id = {a.id: count for a, count in zip(articles, counts, strict=True)}
    return OfflineRun(result, by_id, {base: max(c) for base, c in per_base.items()})
