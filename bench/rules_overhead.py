"""How much the extraction rules add to spaCy's own time: ``make bench-rules``.

Parses every article of ``$NEWSEVENTS_SHARED/articles/*.jsonl`` with the pipeline
(``nlp.pipe``, the same settings the extractor uses), then times the rules alone on the
parsed documents (actor repair, quotes, statements, triggers, dates, money), and prints
both and their ratio. Each phase runs ``--repeat`` times and the fastest run counts, to
keep the noise of a shared machine out of the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from streams.core.article import article_from_object
from streams.core.assemble import build_events
from streams.core.extractor import ArticleInput, Extractor
from streams.core.pipeline.boilerplate import prepare_for_nlp as blank_boilerplate
from streams.core.pipeline.loader import load_model

HERE = Path(__file__).resolve().parent


def load_articles(shared: Path) -> list[ArticleInput]:
    items = []
    for path in sorted((shared / "articles").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(ArticleInput(article_from_object(json.loads(line))))
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    shared = Path(os.environ.get("NEWSEVENTS_SHARED", HERE.parent.parent / "shared"))
    items = load_articles(shared)
    nlp = load_model()
    extractor = Extractor(nlp)
    texts = [blank_boilerplate(item.article.body) for item in items]
    words = sum(len(t.split()) for t in texts)
    parse_times, rule_times, events = [], [], 0
    for _ in range(args.repeat):
        with nlp.memory_zone():
            started = time.perf_counter()
            docs = list(nlp.pipe(texts, batch_size=extractor.batch_size))
            parse_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            events = sum(
                len(build_events(doc, item.article, item.fallback_date, extractor.info))
                for doc, item in zip(docs, items, strict=True)
            )
            rule_times.append(time.perf_counter() - started)
    parse, rules = min(parse_times), min(rule_times)
    print(f"{len(items)} articles, {words} words, {events} events")
    speed = f"{words / parse:,.0f} words/s, {1000 * parse / len(items):.1f} ms/article"
    print(f"spaCy pipeline: {parse:.2f} s ({speed})")
    per_article = 1000 * rules / len(items)
    print(f"rules:          {rules:.2f} s ({per_article:.1f} ms/article)")
    print(f"rules / spaCy:  {100 * rules / parse:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
