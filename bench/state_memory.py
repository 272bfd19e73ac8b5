"""Memory the retraction state takes per article: ``make bench-state-memory``.

The worker keeps, for every article it has processed within ``NEWSEVENTS_STATE_HORIZON_DAYS``,
the ids and types of the events it last published (``streams/app/article_state.py``), so its
memory grows with the number of distinct articles until the horizon drops old ones. This
measures that growth with ``tracemalloc``: ``--articles`` synthetic articles with
``--events`` events each (the shared corpus averages 3.8), ids shaped like the real ones.
"""

from __future__ import annotations

import argparse
import tracemalloc
import uuid

from streams.app.article_state import ArticleStateStore
from streams.config import Settings

TYPES = ("meeting", "agreement", "statement")


def bytes_per_article(articles: int, events: int) -> float:
    store = ArticleStateStore(Settings.from_flat())  # no broker is contacted: only update() is used
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for n in range(articles):
        article_id = f"wikinews-article-{n:07d}~{n % 11}"
        produced = {
            str(uuid.uuid5(uuid.NAMESPACE_URL, f"{article_id}/{e}")): TYPES[e % 3] for e in range(events)
        }
        store.update(n % 4, article_id, produced, now=1_800_000_000.0 + n)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--events", type=int, default=4)
    args = parser.parse_args()
    per = bytes_per_article(args.articles, args.events)
    print(
        f"{args.articles} articles x {args.events} events: {per:,.0f} bytes per article, "
        f"{per * 1000 / 1e6:.2f} MB per 1,000 articles"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
