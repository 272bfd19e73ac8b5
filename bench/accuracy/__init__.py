"""Open accuracy benchmark: score the extraction pieces against openly licensed annotated corpora.

Run with ``python -m bench.accuracy`` from the repository root. Each corpus has its own small
reader (``meantime``, ``gum``, ``recognizers``) that turns the annotation into gold cases in one
shared shape; ``scoring`` holds the metric arithmetic and the lenient matchers; ``evaluate``
calls the extractor pieces (statements, ``find_money``, ``normalise_date``) and scores them;
``run`` is the command line. The gold decisions (what counts as a direct quote, which
annotated values can be compared with ours) live in the readers, next to the format they
interpret, and every case left out is counted under a reason.
"""
