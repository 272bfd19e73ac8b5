"""OpenBLAS against BLIS for the model's matrix products: ``make bench-gemm``.

Three measurements behind ``streams.core.pipeline.gemm``:
1. one product of the tok2vec layers' shape (8,000 tokens x 288 inputs, 288 outputs) with
   thinc's BLIS and with numpy's OpenBLAS on one thread;
2. the extractor's pipeline built both ways over the shared articles, alternating the two
   so that a change in the machine's speed hits both, seconds per component;
3. whether the two give the same tags, POS, lemmas, dependencies, heads and entities for
   every token of every article.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

from bench.pipeline_shares import component_seconds
from bench.rules_overhead import load_articles
from bench.throughput.corpus import shared_dir
from streams.core.pipeline.boilerplate import prepare_for_nlp
from streams.core.pipeline.loader import build_pipeline

Analysis = list[tuple[object, ...]]


def product_seconds(multiply: Callable[[numpy.ndarray, numpy.ndarray], object], repeat: int = 30) -> float:
    """Median seconds for one (8000 x 288) @ (288 x 288) float32 product."""
    rng = numpy.random.default_rng(0)
    a = rng.random((8000, 288), dtype=numpy.float32)
    b = rng.random((288, 288), dtype=numpy.float32)
    multiply(a, b)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        multiply(a, b)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def analysis(nlp: Language, texts: list[str]) -> Analysis:
    return [
        (t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for doc in nlp.pipe(texts, batch_size=16)
        for t in doc
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="alternating passes per pipeline (default 2)")
    args = parser.parse_args()
    # OpenBLAS first: building it sets the one-thread limit that the product below also gets
    pipelines = {"openblas": build_pipeline(openblas=True), "blis": build_pipeline(openblas=False)}

    flops = 2 * 8000 * 288 * 288
    print("one (8000 x 288) @ (288 x 288) product, one thread:")
    for name, ops in (("blis", NumpyOps(use_blis=True)), ("openblas", NumpyOps(use_blis=False))):
        seconds = product_seconds(ops.gemm)
        print(f"  {name:9s} {1000 * seconds:7.2f} ms  {flops / seconds / 1e9:6.1f} GFLOP/s")

    texts = [prepare_for_nlp(item.article.body) for item in load_articles(shared_dir())]
    for nlp in pipelines.values():
        component_seconds(texts, nlp=nlp)  # warm-up: lemma tables and caches
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in pipelines}
    for _ in range(args.rounds):
        for name, nlp in pipelines.items():
            runs[name].append(component_seconds(texts, nlp=nlp))
    print(f"{len(texts)} articles, median of {args.rounds} alternating passes, seconds:")
    components = list(runs["blis"][0])
    print(f"  {'component':30s} {'blis':>8s} {'openblas':>9s}")
    totals = {name: statistics.median(sum(r.values()) for r in passes) for name, passes in runs.items()}
    for component in components:
        blis = statistics.median(r[component] for r in runs["blis"])
        fast = statistics.median(r[component] for r in runs["openblas"])
        print(f"  {component:30s} {blis:8.2f} {fast:9.2f}")
    print(f"  {'whole pipeline':30s} {totals['blis']:8.2f} {totals['openblas']:9.2f}")
    print(f"OpenBLAS pipeline speed-up: {totals['blis'] / totals['openblas']:.2f}x")

    same = analysis(pipelines["openblas"], texts) == analysis(pipelines["blis"], texts)
    print(f"same tags, POS, lemmas, dependencies, heads and entities for every token: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
