"""The model's layers multiply matrices with numpy's OpenBLAS on one thread, not thinc's BLIS.

thinc's layers call BLIS for their matrix products unless told otherwise. The BLIS build in
the ``blis`` wheel does the tok2vec layers' product about 3 times slower than the OpenBLAS
bundled with numpy on this project's machines (``make bench-gemm`` measures both and
checks that tags, parses and entities stay identical). The model and its weights are
unchanged: only the library that multiplies them is. The parser's and entity recogniser's
state-by-state decoding, compiled into spaCy, still calls BLIS directly; that part is not
reachable from here.

OpenBLAS is held to ``BLAS_THREADS`` threads for the whole process, unless the operator set
``OPENBLAS_NUM_THREADS`` or ``OMP_NUM_THREADS``. A worker is sized as one core: more
throughput comes from more workers in the consumer group, and BLAS threads of several
workers on one machine would only compete with each other.
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
