"""The model's layers multiply on OpenBLAS, one thread, and give what BLIS gives."""

from __future__ import annotations

import threading
from typing import Any, NoReturn

import blis.py
import pytest
from spacy.language import Language
from threadpoolctl import threadpool_info

from streams.core.pipeline.gemm import BLAS_THREADS, THREAD_VARIABLES
from streams.core.pipeline.loader import build_pipeline, load_model

TEXT = (
    "Japanese Prime Minister Sanae Takaichi met U.S. President Donald Trump in Tokyo on Tuesday. "
    '"We signed a $550 billion investment deal," she told reporters.\n'
    "The two leaders agreed to meet again in Washington next year."
)


def test_no_layer_of_the_loaded_model_multiplies_with_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    """thinc's BLIS ops call ``blis.py.gemm``; make it fail and run the whole pipeline."""

    def no_blis(*args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError("a layer multiplied with BLIS")

    nlp = load_model()
    monkeypatch.setattr(blis.py, "gemm", no_blis)
    assert len(nlp(TEXT).ents) > 3
    with pytest.raises(AssertionError, match="with BLIS"):
        build_pipeline(openblas=False)(TEXT)  # the check itself works


def test_blas_is_held_to_one_thread_in_every_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    load_model()
    seen: list[set[int]] = []

    def read() -> None:  # the worker extracts in an executor thread
        seen.append({info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"})

    read()
    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert seen == [{BLAS_THREADS}, {BLAS_THREADS}], "no BLAS library, or one on more threads"


def _analysis(nlp: Language) -> list[tuple[object, ...]]:
    doc = nlp(TEXT)
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_openblas_and_blis_give_the_same_analysis() -> None:
    assert _analysis(load_model()) == _analysis(build_pipeline(openblas=False))
