"""The extraction entry point shared by the stream worker, ``newsevents extract`` and tests.

``Extractor.extract`` takes a batch of articles and returns, per article, either its
events or the error that extraction raised; one bad article never fails the others.
The batch goes through spaCy's ``nlp.pipe`` once, inside ``nlp.memory_zone()`` so the
string store of a long-running worker stays flat, and results are copied out to plain
dataclasses before the zone closes. The pipeline is a parameter: whoever builds the
extractor loads it (``pipeline.loader.load_model``), so tests and benchmarks can share one.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from streams import __version__
from streams.core.article import Article
from streams.core.assemble import build_events
from streams.core.model import Event
from streams.core.model import Extractor as ExtractorInfo
from streams.core.pipeline.boilerplate import prepare_for_nlp

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArticleInput:
    """An article plus the day to resolve relative dates against when it has no ``published_at``."""

    article: Article
    fallback_date: date | None = None


@dataclass
class ArticleResult:
    """What extraction produced for one article: events, or the error it raised."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None  # reason the article yields no events by design (e.g. language)


def _is_english(article: Article) -> bool:
    return not article.language or article.language.lower().split("-")[0] == "en"


def model_name(nlp: Language) -> str:
    """``lang_name-version`` of a loaded pipeline, for the event's ``extractor.model``."""
    meta: dict[str, Any] = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


class Extractor:
    """Turns articles into events. Construct once per process around the loaded pipeline."""

    def __init__(
        self,
        nlp: Language,
        batch_size: int = 16,
        before_article: Callable[[Article], None] | None = None,
    ) -> None:
        self.batch_size = batch_size
        self._nlp = nlp
        self.info = ExtractorInfo(version=__version__, model=model_name(nlp))
        # A hook run before each article's rules (tests use it to simulate a failure).
        self._before_article = before_article

    def extract(self, inputs: Sequence[ArticleInput]) -> list[ArticleResult]:
        """Extract every article of the batch; results are in input order."""
        results = [ArticleResult(article=item.article) for item in inputs]
        todo = [i for i, item in enumerate(inputs) if _is_english(item.article)]
        for i, item in enumerate(inputs):
            if i not in todo:
                results[i].skipped = f"language {item.article.language!r} is not extracted"
        texts = [prepare_for_nlp(inputs[i].article.body) for i in todo]
        with self._nlp.memory_zone():
            docs = self._parse(texts, todo, results)
            for index, doc in zip(todo, docs, strict=True):
                if doc is None:
                    continue
                item = inputs[index]
                try:
                    if self._before_article is not None:
                        self._before_article(item.article)
                    results[index].events = build_events(doc, item.article, item.fallback_date, self.info)
                except Exception:
                    log.exception("extraction failed for article %r", item.article.id)
                    results[index].error = traceback.format_exc(limit=3)
        return results

    def _parse(self, texts: list[str], todo: list[int], results: list[ArticleResult]) -> list[Doc | None]:
        """The batch through ``nlp.pipe``; if one article breaks it, each article on its own."""
        try:
            return list(self._nlp.pipe(texts, batch_size=self.batch_size))
        except Exception:
            log.exception("nlp.pipe failed for a batch of %d; retrying one by one", len(texts))
        docs: list[Doc | None] = []
        for index, text in zip(todo, texts, strict=True):
            try:
                docs.append(self._nlp(text))
            except Exception:
                results[index].error = traceback.format_exc(limit=3)
                docs.append(None)
        return docs

    def extract_one(self, article: Article, fallback_date: date | None = None) -> ArticleResult:
        return self.extract([ArticleInput(article, fallback_date)])[0]
