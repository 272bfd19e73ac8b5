"""Throughput benchmark: stock spaCy vs the offline core vs the stream worker (1 and 2 workers).

Run with ``.venv/bin/python -m bench.throughput [--quick] [--json PATH]``. One run measures,
on one corpus (every article of ``$NEWSEVENTS_SHARED/articles/*.jsonl``, repeated under
unique ids), the stock model, the offline core, the stream end to end with one and two
workers, the latency at half capacity and the workers' memory, then prints the ratios and
targets and writes everything as JSON. It is a measurement, not a test: not part of the suite.
"""
