"""``newsevents worker``: load the model, make sure the topics exist, serve metrics, run Faust."""

from __future__ import annotations

import logging
import time

from streams.config import Settings


def cmd_worker(settings: Settings) -> int:
    import faust

    from streams import metrics
    from streams.app.processing import failing_hook
    from streams.app.topics import ensure_topics
    from streams.app.worker import create_app
    from streams.core.extractor import Extractor
    from streams.core.pipeline.loader import load_model

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    log = logging.getLogger("newsevents.worker")
    hook = failing_hook(settings.test_fail_marker) if settings.test_fail_marker else None
    started = time.perf_counter()
    extractor = Extractor(load_model(), batch_size=settings.batch_size, before_article=hook)  # type: ignore[arg-type]
    metrics.MODEL_LOAD_SECONDS.set(time.perf_counter() - started)
    log.info("model %s loaded; extractor %s", extractor.info.model, extractor.info.version)
    if settings.create_topics:
        for status in ensure_topics(settings):
            log.info(
                "topic %s: %d partitions%s",
                status.name,
                status.partitions,
                " (created)" if status.created else "",
            )
    metrics.serve_metrics(settings.metrics_host, settings.metrics_port, extractor.info.model)
    if settings.metrics_port:
        log.info("metrics on http://%s:%d/metrics", settings.metrics_host, settings.metrics_port)
    app = create_app(settings, extractor)
    worker = faust.Worker(app, loglevel=settings.log_level, quiet=True)
    worker.execute_from_commandline()
    return 0
