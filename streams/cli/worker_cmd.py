"""``newsevents worker``: load the model, make sure the topics exist, serve metrics, run Faust."""

from __future__ import annotations

import logging
import os
import time

from streams.config import Settings
from streams.testing_hooks import FaultHooks


def cmd_worker(settings: Settings, hooks: FaultHooks | None = None) -> int:
    """Run until stopped. ``hooks`` default to the ``NEWSEVENTS_TEST_*`` variables (tests only)."""
    from streams import endpoints, health, metrics
    from streams.app import membership
    from streams.app.worker import Worker, create_app
    from streams.cli.logs import configure_logging
    from streams.core.extractor import Extractor
    from streams.core.pipeline.loader import load_model

    configure_logging(settings.log_level)
    log = logging.getLogger("newsevents.worker")
    hooks = FaultHooks.from_environ(os.environ) if hooks is None else hooks
    static = settings.kafka.group_membership == "static"
    try:  # before the model load: a second worker with the same id fails at once
        slot = membership.claim_instance_id(settings) if static else None
    except membership.InstanceIdTaken as exc:
        log.error("%s", exc)
        return 2
    started = time.perf_counter()
    nlp = load_model()
    health.watch_pipeline(nlp)
    extractor = Extractor(
        nlp,
        batch_size=settings.batching.size,
        before_article=hooks.before_article(),
        time_budget=settings.batching.extraction_timeout,
    )
    metrics.MODEL_LOAD_SECONDS.set(time.perf_counter() - started)
    log.info(
        "model %s loaded in %.1f s; extractor %s",
        extractor.info.model,
        time.perf_counter() - started,
        extractor.info.version,
    )
    create_topics(settings, log)
    endpoints.start(settings, extractor.info.model, largest_document=extractor.window_chars)
    instance_id = slot.instance_id if slot is not None else None
    if instance_id is not None:
        membership.remove_previous_member(settings, instance_id)
    log.debug("joining group %s as %s", settings.app_id, instance_id or "a dynamic member")
    watch = membership.JoinWatch(settings, instance_id or "a dynamic member")
    app = create_app(
        settings, extractor, drop_types=hooks.drop_types, instance_id=instance_id, join_watch=watch
    )
    stop_watch = membership.start_join_watch(watch, settings)
    try:
        worker = Worker(app, settings.topics.input, settings.log_level, metrics_url(settings))
        worker.execute_from_commandline()
    finally:
        stop_watch.set()
    return 0


def create_topics(settings: Settings, log: logging.Logger) -> None:
    """Create the missing topics when ``NEWSEVENTS_CREATE_TOPICS`` says so, one log line each."""
    from streams.app.topics import ensure_topics

    if not settings.topics.create:
        return
    for status in ensure_topics(settings):
        log.log(
            logging.INFO if status.created else logging.DEBUG,
            "topic %s: %d partitions%s",
            status.name,
            status.partitions,
            " (created)" if status.created else "",
        )


def metrics_url(settings: Settings) -> str | None:
    """Where the worker serves its metrics; None when the endpoint is off (port 0)."""
    if not settings.metrics.port:
        return None
    return f"http://{settings.metrics.host}:{settings.metrics.port}/metrics"
