"""Matrix products for the model: numpy's OpenBLAS on one thread instead of thinc's BLIS.

thinc multiplies matrices with BLIS unless told otherwise. The BLIS build in the
``blis`` wheel runs the tok2vec layers' products about 2.8 times slower than the OpenBLAS
bundled with numpy on this project's machines (``make bench-gemm`` measures both and
checks that tags, parses and entities stay identical). The model and its weights are
unchanged: only the library that multiplies them is.

OpenBLAS is held to one thread. A worker is sized as one core: more throughput comes
from more workers in the consumer group, and BLAS threads of several workers on one
machine would only compete with each other.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from thinc.api import NumpyOps, use_ops
from threadpoolctl import threadpool_limits

#: Matrix-product threads per process (see the module docstring).
BLAS_THREADS = 1


def load_with_ops(package: str, openblas: bool = True) -> Language:
    """``spacy.load(package)`` with every layer's matrix products on OpenBLAS (or on BLIS).

    spaCy builds the parser's and the entity recogniser's output layer under
    ``use_ops("cpu")`` whatever the current ops are, so after loading, every layer of
    every trained component is given the same ops explicitly.
    """
    if openblas:
        threadpool_limits(limits=BLAS_THREADS, user_api="blas")
    ops = NumpyOps(use_blis=not openblas)
    with use_ops("numpy", use_blis=not openblas):
        nlp = spacy.load(package)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops
    return nlp
