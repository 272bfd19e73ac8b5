"""The extraction entry point shared by the stream worker, ``newsevents extract`` and tests.

``Extractor.extract`` takes a batch of articles and returns, per article, either its
events or the error that extraction raised; one bad article never fails the others.
The batch goes through spaCy's ``nlp.pipe`` once, inside ``nlp.memory_zone()`` so the
string store of a long-running worker stays flat, and results are copied out to plain
dataclasses before the zone closes. The pipeline is a parameter: whoever builds the
extractor loads it (``pipeline.loader.load_model``), so tests and benchmarks can share one.

A body longer than one window (``pipeline.windows``) is parsed on its own, window by window,
so memory stays near the normal working set whatever the body's size, and against a time
budget: past ``time_budget`` seconds the article fails with ``extraction_timeout`` instead
of holding the worker. The budget is checked between ``nlp.pipe`` batches of windows and
between the rules' steps (``assemble.build_events``), so an article stops at most one such
step after its budget: one batch of windows (``windows.BATCH_CHARS``) or one rules step.
A body of one window is bounded by the window's size and is not timed.
"""

from __future__ import annotations

import logging
import time
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
from streams.core.failures import DEFAULT_TIME_BUDGET, ExtractionTimeout, FailureReason
from streams.core.model import Event
from streams.core.model import Extractor as ExtractorInfo
from streams.core.normalise import gazetteer
from streams.core.pipeline.boilerplate import prepare_for_nlp
from streams.core.pipeline.windows import WINDOW_CHARS, parse_in_windows

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
    error_reason: FailureReason = "extraction_error"  # what ``error`` is, when it is set
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
        *,
        time_budget: float = DEFAULT_TIME_BUDGET,
        window_chars: int = WINDOW_CHARS,
    ) -> None:
        """``time_budget``: seconds a body longer than ``window_chars`` characters may take."""
        self.batch_size = batch_size
        self.time_budget = time_budget
        self.window_chars = window_chars
        self._nlp = nlp
        self.info = ExtractorInfo(version=__version__, model=model_name(nlp))
        gazetteer.load()  # now, beside the model's load, rather than during the first article
        # A hook run before each article's rules (tests use it to simulate a failure).
        self._before_article = before_article

    def extract(self, inputs: Sequence[ArticleInput]) -> list[ArticleResult]:
        """Extract every article of the batch; results are in input order."""
        results = [ArticleResult(article=item.article) for item in inputs]
        todo = [i for i, item in enumerate(inputs) if _is_english(item.article)]
        for i, item in enumerate(inputs):
            if i not in todo:
                results[i].skipped = f"language {item.article.language!r} is not extracted"
        texts = {i: prepare_for_nlp(inputs[i].article.body) for i in todo}
        short = [i for i in todo if len(texts[i]) <= self.window_chars]
        with self._nlp.memory_zone():
            docs = self._parse([texts[i] for i in short], short, results)
            for index, doc in zip(short, docs, strict=True):
                if doc is not None:
                    self._build(doc, inputs[index], results[index], None)
        for index in todo:
            if index not in short:
                with self._nlp.memory_zone():  # one long article's strings at a time
                    self._extract_long(texts[index], inputs[index], results[index])
        return results

    def _build(
        self, doc: Doc, item: ArticleInput, result: ArticleResult, checkpoint: Callable[[], None] | None
    ) -> None:
        """The rules on one parsed article; whatever they raise becomes the article's error."""
        try:
            if self._before_article is not None:
                self._before_article(item.article)
            result.events = build_events(doc, item.article, item.fallback_date, self.info, checkpoint)
        except ExtractionTimeout as exc:
            log.error("extraction of article %r stopped: %s", item.article.id, exc)
            result.error, result.error_reason = str(exc), "extraction_timeout"
        except Exception:
            log.exception("extraction failed for article %r", item.article.id)
            result.error = traceback.format_exc(limit=3)

    def _extract_long(self, text: str, item: ArticleInput, result: ArticleResult) -> None:
        """A body longer than a window: parsed in windows, against the time budget."""
        started = time.monotonic()

        def checkpoint() -> None:
            spent = time.monotonic() - started
            if spent > self.time_budget:
                raise ExtractionTimeout(
                    f"a body of {len(text)} characters ran past the time budget of {self.time_budget:g} s "
                    f"({spent:.1f} s spent; NEWSEVENTS_EXTRACTION_TIMEOUT sets it)"
                )

        try:
            doc = parse_in_windows(
                self._nlp,
                text,
                window_chars=self.window_chars,
                batch_size=self.batch_size,
                between=checkpoint,
            )
        except ExtractionTimeout as exc:
            log.error("extraction of article %r stopped: %s", item.article.id, exc)
            result.error, result.error_reason = str(exc), "extraction_timeout"
            return
        except Exception:
            log.exception("nlp.pipe failed for article %r", item.article.id)
            result.error = traceback.format_exc(limit=3)
            return
        self._build(doc, item, result, checkpoint)

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
