"""The Faust application: consume ``articles.raw`` in batches, publish events and dead letters.

Delivery is at-least-once. Faust's ``take_events`` acknowledges a batch's input records
when the batch is left, even when it is left by an exception or by cancellation at
shutdown; so each record's reference count is raised by one when its batch starts and
lowered only after every output of the batch has been acknowledged by the broker. A
batch abandoned half-way therefore keeps its offsets uncommitted and is read again
after a restart, while a finished one is committed as usual.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

import faust
from faust.types import StreamT

from streams import health, metrics
from streams.app.article_state import ArticleStateStore
from streams.app.lag import LagMonitor
from streams.app.membership import JoinWatch
from streams.app.processing import BatchProcessor
from streams.app.publishing import FaustPublisher
from streams.app.records import InputRecord
from streams.app.stories import install_story_stage
from streams.app.transport import STALL_CHECK_SECONDS, install_transport
from streams.config import Settings
from streams.core.extractor import Extractor
from streams.kafka_options import faust_credentials

log = logging.getLogger(__name__)


SHUTDOWN_TIMEOUT_EXIT = 3


def start_shutdown_deadline(seconds: float) -> threading.Timer:
    """Exit the process if shutdown takes longer than ``seconds``.

    With the broker unreachable, Faust's shutdown (final commit, leaving the group,
    flushing the producer) was seen waiting for minutes after SIGTERM. Exiting without
    them is safe: offsets are committed only after a batch's outputs are acknowledged,
    so whatever was not committed is read again by the next worker. A daemon thread
    keeps the deadline even when the event loop itself is stuck.
    See docs/decisions/0003-shutdown-deadline.md.
    """

    def expire() -> None:
        log.error(
            "shutdown did not finish within %g s (is the broker reachable?); exiting now, "
            "uncommitted articles will be read again",
            seconds,
        )
        logging.shutdown()
        os._exit(SHUTDOWN_TIMEOUT_EXIT)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def ready_line(topic: str, partitions: Sequence[int], group: str, metrics_url: str | None) -> str:
    """The one line that says a worker is serving: what it reads, as which group, where its metrics are."""
    held = sorted(partitions)
    if not held:
        what = f"{topic} (no partition assigned yet: more workers than partitions)"
    else:
        numbers = ", ".join(map(str, held))
        what = f"{topic} ({len(held)} partition{'s' if len(held) != 1 else ''}: {numbers})"
    where = f"metrics on {metrics_url}" if metrics_url else "metrics disabled (NEWSEVENTS_METRICS_PORT=0)"
    return f"worker ready: consuming {what} as group {group}; {where}"


class Worker(faust.Worker):
    """Faust's worker without its own logging set-up, banner and spinner, and with one readable
    "ready" line: the log format and levels are the command's (``streams.cli.logs``)."""

    def __init__(self, app: faust.App, input_topic: str, log_level: str, metrics_url: str | None) -> None:
        super().__init__(app, loglevel=log_level, quiet=True, override_logging=False)
        self.spinner = None
        self._input_topic = input_topic
        self._metrics_url = metrics_url

    async def on_startup_finished(self) -> None:
        await super().on_startup_finished()
        if self._shutdown_immediately:
            return
        held = [tp.partition for tp in self.app.consumer.assignment() if tp.topic == self._input_topic]
        log.info(ready_line(self._input_topic, held, self.app.conf.id, self._metrics_url))


def _input_record(event: Any) -> InputRecord:
    message = event.message
    headers = message.headers or []
    if isinstance(headers, dict):
        headers = list(headers.items())
    return InputRecord(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=message.value,
        headers=[(k, bytes(v) if v is not None else b"") for k, v in headers],
        timestamp_ms=int(message.timestamp * 1000) if message.timestamp else None,
    )


def _faust_app(settings: Settings, instance_id: str | None) -> faust.App:
    """The Faust app both kinds of worker share: brokers, serializers, group timings, transport."""
    app = faust.App(
        settings.app_id,
        broker=[f"kafka://{server.strip()}" for server in settings.kafka.bootstrap.split(",")],
        broker_credentials=faust_credentials(settings),
        datadir=settings.data_dir,
        key_serializer="raw",
        value_serializer="raw",
        web_enabled=False,
        topic_disable_leader=True,
        topic_allow_declare=False,
        topic_partitions=settings.topics.partitions,
        topic_replication_factor=settings.topics.replication_factor,
        consumer_auto_offset_reset=settings.kafka.auto_offset_reset,
        broker_session_timeout=settings.kafka.session_timeout,
        broker_heartbeat_interval=settings.kafka.heartbeat_interval,
        broker_rebalance_timeout=settings.kafka.session_timeout,
        consumer_group_instance_id=instance_id,
        broker_commit_interval=settings.kafka.commit_interval,
        producer_acks=-1,
        stream_wait_empty=False,
        # Fetch and buffer about one batch ahead. Faust's defaults (4,096 buffered events,
        # unbounded polls) kept the event loop decoding fetches it then threw away, competing
        # with spaCy for the interpreter: 2.2 articles/s measured, against 4.2 with these.
        broker_max_poll_records=settings.batching.size,
        stream_buffer_maxsize=max(32, 2 * settings.batching.size),
        # The story tables (streams/app/stories.py) live in memory and are rebuilt from their
        # changelogs. Faust's consistency check compares what a table has read with the
        # changelog's end offset, which Tansu reports too low: a worker on Tansu crashed in
        # recovery ("persisted offset ... higher than the last offset"). A memory store cannot be
        # ahead of its changelog across restarts, the case the check exists for, so it is off;
        # no standby copies either: a worker taking a partition over replays its changelog.
        recovery_consistency_check=False,
        table_standby_replicas=0,
    )
    install_transport(
        app,
        settings.kafka.fetch_max_wait_ms,
        leave_on_stop=settings.kafka.leave_group_on_stop,
        restart_topics=frozenset({settings.topics.input}),
    )
    _look_for_stalls(app)
    return app


def _look_for_stalls(app: faust.App) -> None:
    """Read again what an idle worker left unprocessed (``SeekGuard.look_for_stalls``), and the
    changelog partitions a table's recovery waits for in vain (``look_for_stalled_recovery``)."""

    @app.timer(STALL_CHECK_SECONDS)  # type: ignore[untyped-decorator]
    async def look_for_stalls() -> None:
        consumer: Any = app.consumer
        try:
            await consumer.look_for_stalled_recovery()
            await consumer.look_for_stalls()
        except Exception as exc:  # the broker out of reach, say: the lag check reports that
            log.debug("looking for stalled partitions failed: %s", exc)


def _tick_event_loop(app: faust.App) -> None:
    """The event loop's heartbeat, which /livez reads (streams.health)."""

    @app.timer(health.LOOP_TICK_SECONDS)  # type: ignore[untyped-decorator]
    async def event_loop_tick() -> None:
        health.loop_tick()


def _story_backlog(app: faust.App, settings: Settings) -> Callable[[], Awaitable[None]]:
    """Refresh ``newsevents_story_backlog`` for the story stage's partitions this worker holds."""
    monitor = LagMonitor(settings, metrics.STORY_BACKLOG)
    inputs = {*settings.topics.events.values(), settings.story_topics.mentions}

    async def update() -> None:
        held = [tp for tp in app.consumer.assignment() if tp.topic in inputs]
        await asyncio.get_running_loop().run_in_executor(None, monitor.update, held)

    return update


def create_story_app(settings: Settings) -> faust.App:
    """A worker of the story stage alone (``newsevents stories``): no model, no extraction.

    ``settings`` are the story worker's own (``story_worker_settings``): another consumer
    group, so that the extraction workers never wait for the story tables' recovery."""
    app = _faust_app(settings, None)
    install_story_stage(app, settings)
    _tick_event_loop(app)
    story_backlog = _story_backlog(app, settings)
    mentions = settings.story_topics.mentions

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def bound_shutdown(app: faust.App, **kwargs: Any) -> None:
        log.info("story worker stopping (at most %g s)", settings.batching.shutdown_timeout)
        start_shutdown_deadline(settings.batching.shutdown_timeout)

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def log_assigned(app: faust.App, assigned: set[Any], **kwargs: Any) -> None:
        """Readiness counts the repartition topic's partitions, as an extraction worker's its input's."""
        mine = sorted(tp.partition for tp in assigned if tp.topic == mentions)
        health.assignment(mine)
        log.info("partitions assigned: %s %s", mentions, ", ".join(map(str, mine)) or "none")

    if settings.metrics.lag_interval > 0:

        @app.timer(settings.metrics.lag_interval)  # type: ignore[untyped-decorator]
        async def report_story_backlog() -> None:
            await story_backlog()

    return app


def story_worker_settings(settings: Settings) -> Settings:
    """The settings of a story-only worker: the stage on, in the group ``<app id>-stories``."""
    return settings.replace(app_id=f"{settings.app_id}{STORY_GROUP_SUFFIX}", stories=True)


#: A story-only worker's consumer group (and so its tables' changelogs) is the app id plus this.
STORY_GROUP_SUFFIX = "-stories"


def create_app(
    settings: Settings,
    extractor: Extractor,
    drop_types: frozenset[str] = frozenset(),
    instance_id: str | None = None,
    join_watch: JoinWatch | None = None,
) -> faust.App:
    """Build the Faust app and its agent around an already loaded extractor.

    The extractor (and so the spaCy model) is built before the app starts, so the model
    load never blocks the event loop while the consumer is joining its group. ``instance_id``
    makes the worker a static group member and ``join_watch`` hears of its rebalances
    (``streams/app/membership.py``).
    """
    app = _faust_app(settings, instance_id)
    input_topic = app.topic(
        settings.topics.input,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.topics.partitions,
        allow_empty=True,
    )
    processor = BatchProcessor(
        settings, extractor, FaustPublisher(app), ArticleStateStore(settings), drop_types=drop_types
    )
    lag_monitor = LagMonitor(settings)
    story_backlog = None
    if settings.stories.enabled:
        install_story_stage(app, settings)
        story_backlog = _story_backlog(app, settings)
    _tick_event_loop(app)

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def stop_processor(app: faust.App, **kwargs: Any) -> None:
        """Let a batch that waits for the broker give up, and bound the whole shutdown."""
        log.info(
            "worker stopping: %s (at most %g s)",
            "leaving the group"
            if settings.kafka.leave_group_on_stop
            else "finishing its batch, staying in the group",
            settings.batching.shutdown_timeout,
        )
        processor.close()
        if join_watch is not None:
            join_watch.stopping()
        start_shutdown_deadline(settings.batching.shutdown_timeout)

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def log_revoked(app: faust.App, revoked: set[Any], **kwargs: Any) -> None:
        """Rebalances in one line each (Faust's own account is at WARNING unless debugging)."""
        mine = sorted(tp.partition for tp in revoked if tp.topic == settings.topics.input)
        health.revoked(mine)
        if join_watch is not None:
            join_watch.revoked()
        if mine:
            log.info("partitions revoked: %s %s", settings.topics.input, ", ".join(map(str, mine)))

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def log_assigned(app: faust.App, assigned: set[Any], **kwargs: Any) -> None:
        mine = sorted(tp.partition for tp in assigned if tp.topic == settings.topics.input)
        health.assignment(mine)
        if join_watch is not None:
            join_watch.assigned()
        log.info("partitions assigned: %s %s", settings.topics.input, ", ".join(map(str, mine)) or "none")

    if settings.metrics.lag_interval > 0:

        @app.timer(settings.metrics.lag_interval)  # type: ignore[untyped-decorator]
        async def report_consumer_lag() -> None:
            """Refresh ``newsevents_consumer_lag`` for the input partitions this worker holds."""
            assigned = [tp for tp in app.consumer.assignment() if tp.topic == settings.topics.input]
            await asyncio.get_running_loop().run_in_executor(None, lag_monitor.update, assigned)
            if story_backlog is not None:
                await story_backlog()

    @app.agent(input_topic, name="extract-articles")
    async def extract_articles(stream: StreamT[Any]) -> None:
        # take_events is on faust.Stream but missing from StreamT's type stub
        batches = cast(faust.Stream[Any], stream).take_events(
            settings.batching.size, settings.batching.timeout
        )
        async for events in batches:
            # Hold every record until its outputs are acknowledged (see the module docstring).
            for event in events:
                event.message.incref()
            records = [_input_record(e) for e in events]
            await processor.process(records)
            for event in events:
                event.message.decref()

    return app
