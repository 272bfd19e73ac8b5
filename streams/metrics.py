"""Prometheus metrics of the worker, and the HTTP endpoint that serves them.

Label values are bounded: event types, rejection reasons and the like, never article
ids or names.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

from streams import __version__

ARTICLES_CONSUMED = Counter("newsevents_articles_consumed", "Article records read from the input topic.")
EVENTS_PUBLISHED = Counter("newsevents_events_published", "Events published, by type.", ["type"])
DEAD_LETTERS = Counter(
    "newsevents_dead_letters", "Records sent to the dead-letter topic, by reason.", ["reason"]
)
PUBLISH_FAILURES = Counter(
    "newsevents_publish_failures", "Failed attempts to publish a batch (it is retried)."
)
EXTRACTION_SECONDS = Histogram(
    "newsevents_extraction_duration_seconds",
    "Extraction time per article (a batch's time divided by its size).",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
BATCH_SECONDS = Histogram(
    "newsevents_batch_extraction_duration_seconds",
    "Extraction time per batch.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
HEALTHY = Gauge("newsevents_healthy", "1 while the worker can publish, 0 while publishing fails.")
BUILD_INFO = Gauge("newsevents_build_info", "Version of the worker and its model.", ["version", "model"])


def serve_metrics(host: str, port: int, model: str) -> None:
    """Start the /metrics endpoint in a background thread (port 0 disables it)."""
    BUILD_INFO.labels(version=__version__, model=model).set(1)
    HEALTHY.set(1)
    if port:
        start_http_server(port, addr=host)
