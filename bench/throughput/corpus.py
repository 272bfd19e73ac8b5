"""The benchmark corpus: every shared article, repeated under unique ids to the size a run needs.

All stages read the same list, so their rates compare like with like. Copies get the id
``<id>~<n>`` (``n`` = copy number) because the stream keys input records, events and the
per-article state by article id: a repeated id would be a correction of the same article
(retractions, compaction), not new work.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: repo/../shared, where ``shared/`` sits beside the repository (overridden by $NEWSEVENTS_SHARED).
DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared"
SEPARATOR = "~"


class CorpusError(RuntimeError):
    """The shared articles are missing or unusable."""


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the run: the original JSON object under a run-unique id."""

    id: str
    base_id: str
    obj: Mapping[str, Any]

    @property
    def body(self) -> str:
        return str(self.obj["body"])

    def value(self) -> bytes:
        """The record value a producer sends: the article as UTF-8 JSON."""
        return json.dumps(dict(self.obj), ensure_ascii=False).encode("utf-8")


def shared_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    value = environ.get("NEWSEVENTS_SHARED")
    return Path(value) if value else DEFAULT_SHARED


def load_base(shared: Path) -> list[dict[str, Any]]:
    """Every article object of ``shared/articles/*.jsonl``, files in name order."""
    paths = sorted((shared / "articles").glob("*.jsonl"))
    if not paths:
        raise CorpusError(
            f"no articles: {shared / 'articles'}/*.jsonl matched nothing (set NEWSEVENTS_SHARED)"
        )
    articles: list[dict[str, Any]] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or "body" not in obj:
                raise CorpusError(f"{path}:{number}: not an article object with an id and a body")
            articles.append(obj)
    ids = [a["id"] for a in articles]
    if len(set(ids)) != len(ids):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        raise CorpusError(f"duplicate article ids in {shared / 'articles'}: {duplicates[:5]}")
    return articles


def repeat(base: Sequence[Mapping[str, Any]], count: int, tag: str = "") -> list[CorpusArticle]:
    """``count`` articles cycling through ``base``; the n-th copy of article X is ``X~<tag><n>``.

    Exactly ``count`` articles, so the last copy may be partial (``base`` order is kept).
    """
    if not base:
        raise CorpusError("cannot repeat an empty corpus")
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    out: list[CorpusArticle] = []
    for i in range(count):
        source = base[i % len(base)]
        article_id = f"{source['id']}{SEPARATOR}{tag}{i // len(base)}"
        out.append(CorpusArticle(id=article_id, base_id=str(source["id"]), obj={**source, "id": article_id}))
    return out


def base_id(article_id: str) -> str:
    """The shared article an id was copied from (the part before the last ``~``)."""
    return article_id.rsplit(SEPARATOR, 1)[0] if SEPARATOR in article_id else article_id


def word_count(texts: Iterable[str]) -> int:
    """Whitespace-separated tokens: the "words" of every words/s figure."""
    return sum(len(text.split()) for text in texts)
