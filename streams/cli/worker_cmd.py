"""``newsevents worker``: load the model, make sure the topics exist, serve metrics, run Faust."""

from __future__ import annotations

import logging
import os
import time

from streams.config import Settings
from streams.testing_hooks import FaultHooks


def cmd_worker(settings: Settings, hooks: FaultHooks | None = None) -> int:
    """Run until stopped. ``hooks`` default to the ``NEWSEVENTS_TEST_*`` variables (tests only)."""
    import faust

    from streams import metrics
    from streams.app.topics import ensure_topics
    from streams.app.worker import create_app
    from streams.core.extractor import Extractor
    from streams.core.pipeline.loader import load_model

    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    log = logging.getLogger("newsevents.worker")
    hooks = FaultHooks.from_environ(os.environ) if hooks is None else hooks
    started = time.perf_counter()
    extractor = Extractor(
        load_model(), batch_size=settings.batching.size, before_article=hooks.before_article()
    )
    metrics.MODEL_LOAD_SECONDS.set(time.perf_counter() - started)
    log.info("model %s loaded; extractor %s", extractor.info.model, extractor.info.version)
    if settings.topics.create:
        for status in ensure_topics(settings):
            log.info(
                "topic %s: %d partitions%s",
                status.name,
                status.partitions,
                " (created)" if status.created else "",
            )
    metrics.serve_metrics(settings.metrics.host, settings.metrics.port, extractor.info.model)
    if settings.metrics.port:
        log.info("metrics on http://%s:%d/metrics", settings.metrics.host, settings.metrics.port)
    app = create_app(settings, extractor, drop_types=hooks.drop_types)
    worker = faust.Worker(app, loglevel=settings.log_level, quiet=True)
    worker.execute_from_commandline()
    return 0
