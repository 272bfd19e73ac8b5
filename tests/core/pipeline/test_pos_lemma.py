"""PosLemma against the stock attribute_ruler and lemmatizer, on our sample articles.

On the 187 shared articles (79,590 tokens) the measured difference is 0 POS and 5 lemmas
(two-token spellings such as "let's"); the samples here must match as closely.
"""

from __future__ import annotations

import json

import spacy

from streams.core.pipeline.loader import MODEL_PACKAGE, build_pipeline, load_model
from streams.resources import samples_path

EXTRA = [
    "There were talks in Doha, and there is a deal: they've agreed, haven't they?",
    "Americans don't like losses; the other losses were bigger than the Russian ones.",
    "Whether she will sign is unclear, but that is what he did and what they do.",
]


def test_pos_identical_and_lemmas_almost_identical_to_the_stock_components() -> None:
    texts = [json.loads(line)["body"] for line in samples_path().read_text().splitlines() if line.strip()]
    texts += EXTRA
    stock = spacy.load(MODEL_PACKAGE)
    ours = load_model()
    assert "lemmatizer" in ours.disabled  # replaced, not run
    tokens = pos_diff = lemma_diff = 0
    for expected, got in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        by_offset = {t.idx: t for t in got}
        for token in expected:
            other = by_offset.get(token.idx)
            if other is None or other.text != token.text:
                continue
            tokens += 1
            pos_diff += token.pos_ != other.pos_
            lemma_diff += token.lemma_ != other.lemma_
    assert tokens > 300
    assert pos_diff == 0
    assert lemma_diff <= 1


def test_lemmas_resolve_in_every_memory_zone() -> None:
    """Lemmas come from a per-process table; a string first seen in one zone must resolve in the next."""
    nlp = load_model()
    text = "The Zorblaxian envoys were meeting the Quibbletonians and signing accords."
    seen = []
    for _ in range(2):
        with nlp.memory_zone():
            doc = nlp(text)
            seen.append([t.lemma_ for t in doc])
    assert seen[0] == seen[1]
    assert "meet" in seen[1] and "sign" in seen[1] and "accord" in seen[1]


def test_each_pipeline_of_a_process_has_its_own_lemma_component() -> None:
    """A second pipeline (``make bench-gemm`` builds two) must not use the first one's string ids."""
    first, second = build_pipeline(), build_pipeline()
    assert first.get_pipe("newsevents_pos_lemma") is not second.get_pipe("newsevents_pos_lemma")
    text = "The Vexorian ministers were negotiating treaties with Plumbridge officials."
    for nlp in (first, second):
        with nlp.memory_zone():
            lemmas = [t.lemma_ for t in nlp(text)]
        assert "negotiate" in lemmas and "treaty" in lemmas and "official" in lemmas
        assert "vexorian" in lemmas and "Plumbridge" in lemmas  # words new to both string stores
