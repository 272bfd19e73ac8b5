"""The model's layers multiply matrices with numpy's OpenBLAS on one thread, not thinc's BLIS.

The BLIS build in the ``blis`` wheel does the tok2vec layers' product about 3 times slower than
numpy's OpenBLAS here; the model and weights are unchanged, only the library that multiplies
(``make bench-gemm`` measures both and checks the analyses stay identical). OpenBLAS is held to
``BLAS_THREADS`` threads unless ``OPENBLAS_NUM_THREADS`` or ``OMP_NUM_THREADS`` is set: a worker
is one core, and capacity grows with workers. See docs/decisions/0002-openblas-not-blis.md.
"""

from __future__ import annotations

import os

import spacy
from spacy.language import Language
from thinc.api import get_current_ops, use_ops
from threadpoolctl import threadpool_limits

#: Matrix-product threads per process (see the module docstring).
BLAS_THREADS = 1
#: Environment variables with which an operator chooses the BLAS thread count instead.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


def limit_blas_threads() -> None:
    """Hold every BLAS library loaded so far to ``BLAS_THREADS``, process-wide and for good.

    numpy's OpenBLAS is built with pthreads, so the limit holds in every thread, the
    worker's extraction thread included. An explicit thread variable wins.
    """
    if not any(os.environ.get(name) for name in THREAD_VARIABLES):
        threadpool_limits(limits=BLAS_THREADS, user_api="blas")


def load_with_ops(package: str, openblas: bool = True) -> Language:
    """``spacy.load(package)`` with every thinc layer multiplying on OpenBLAS (or on BLIS).

    spaCy builds the parser's and the entity recogniser's output layer under
    ``use_ops("cpu")`` whatever the current ops are, so after loading, every layer of
    every trained component is given the same ops explicitly.
    """
    if openblas:
        limit_blas_threads()
    with use_ops("numpy", use_blis=not openblas):
        ops = get_current_ops()  # the one instance the layers built here got
        nlp = spacy.load(package)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops
    return nlp
