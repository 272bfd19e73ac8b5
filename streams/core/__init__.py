"""The pure extraction core: article text and metadata in, event records out.

Nothing in this package imports Kafka or Faust, so the stream worker, the offline
``newsevents extract`` command, the tests and the benchmarks all run the same code.
"""
