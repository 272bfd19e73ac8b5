"""The model's matrix products run on OpenBLAS, one thread, and give what BLIS gives."""

from __future__ import annotations

from spacy.language import Language
from threadpoolctl import threadpool_info

from streams.core.gemm import BLAS_THREADS
from streams.core.nlp import build_pipeline, load_model

TEXT = (
    "Japanese Prime Minister Sanae Takaichi met U.S. President Donald Trump in Tokyo on Tuesday. "
    '"We signed a $550 billion investment deal," she told reporters.\n'
    "The two leaders agreed to meet again in Washington next year."
)


def test_every_layer_of_the_loaded_model_multiplies_with_openblas() -> None:
    blis_layers = []
    for name, component in load_model().pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            blis_layers += [(name, layer.name) for layer in model.walk() if layer.ops.use_blis]
    assert blis_layers == []


def test_blas_is_held_to_one_thread_per_process() -> None:
    load_model()
    blas = [info for info in threadpool_info() if info["user_api"] == "blas"]
    assert blas, "no BLAS library found (numpy's wheels bundle OpenBLAS)"
    assert {info["num_threads"] for info in blas} == {BLAS_THREADS}


def _analysis(nlp: Language) -> list[tuple[object, ...]]:
    doc = nlp(TEXT)
    return [(t.text, t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_openblas_and_blis_give_the_same_analysis() -> None:
    assert _analysis(load_model()) == _analysis(build_pipeline(openblas=False))
