"""The worker's health: the ``newsevents_healthy`` gauge, and the answers of ``/livez`` and ``/readyz``.

Two questions, because Kubernetes acts differently on each (``deploy/k8s/deployment.yaml``):

- **Ready**: is this worker doing its share? Not while publishing fails or the broker cannot be
  reached, and not while it holds no partition of the input topic and has made no progress lately
  (a worker beyond the partition count, or one whose group never assigns it anything: the stuck
  group of issue 17). A rebalance takes the partitions away for a moment: a batch acknowledged
  within the last session timeout keeps the worker ready through it.
- **Live**: would a restart help? Only when a loop is stuck: the event loop has not ticked (a Faust
  timer, every ``LOOP_TICK_SECONDS``) for longer than ``Bounds.loop_stall``, or the extraction thread
  is busy and has not passed a document through the spaCy pipeline for longer than
  ``Bounds.extraction_stall``. A broker outage is *not* a liveness failure: restarting every worker
  while Kafka is down fixes nothing and makes them all reload the model.

The state is written by the stream (assignment, acknowledged batches, publishing, the lag check)
and read by the HTTP thread (``streams.endpoints``), hence the lock.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from streams import metrics

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from streams.config import Settings

#: How often the event loop proves that it runs.
LOOP_TICK_SECONDS = 1.0
#: No stall bound is shorter than this: a probe must never kill a worker for a GC pause or a slow disk.
MIN_STALL_SECONDS = 60.0
#: Slowest extraction measured on one worker core, in body characters (bytes, for English) per second:
#: a 1,000,000-byte body in one document took 149 s (issue 17: 6.7 KB/s; an ordinary article runs at
#: about 25 KB/s).
SLOWEST_CHARS_PER_SECOND = 6_000
#: Margin over that rate, and over an article's time budget, for a slower or throttled CPU.
SAFETY_FACTOR = 2.0
#: Where the operator reads what to do about a failing probe.
RUNBOOK = "docs/operations.md#liveness-and-readiness"


@dataclass(frozen=True)
class Bounds:
    """How long each loop may go without a tick before the worker counts as stuck, and how long a
    worker without partitions stays ready after its last batch, in seconds."""

    loop_stall: float = MIN_STALL_SECONDS
    extraction_stall: float = MIN_STALL_SECONDS
    rebalance_grace: float = 30.0

    @classmethod
    def from_settings(cls, settings: Settings, largest_document: int | None = None) -> Bounds:
        """Bounds that a legitimately busy worker never reaches with these settings.

        The extraction thread ticks as each document enters and leaves the pipeline, and spaCy
        takes documents ``batching.size`` at a time, so one gap is at most one such minibatch of
        the largest documents at the slowest rate. ``largest_document`` is the most characters the
        extractor hands spaCy as one document (its window; the body limit if not given). A long
        article's rules run after its last document, until at most one step past its time budget
        (``NEWSEVENTS_EXTRACTION_TIMEOUT``), so a gap may also last that long. A stalled event loop
        cannot heartbeat the group: past two session timeouts its member is gone anyway.
        """
        limit = settings.batching.max_body_bytes
        largest = min(limit, largest_document or limit)
        minibatch = settings.batching.size * largest / SLOWEST_CHARS_PER_SECOND * SAFETY_FACTOR
        budget = settings.batching.extraction_timeout * SAFETY_FACTOR
        return cls(
            loop_stall=max(MIN_STALL_SECONDS, 2 * settings.kafka.session_timeout),
            extraction_stall=max(MIN_STALL_SECONDS, minibatch, budget),
            rebalance_grace=settings.kafka.session_timeout,
        )


@dataclass(frozen=True)
class Verdict:
    """One probe's answer: its status line, why it is not ok, and what the worker knows."""

    ok: bool
    status: str
    reasons: list[str] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    def body(self) -> bytes:
        """A short JSON document, readable with curl."""
        document = {"status": self.status, "reasons": self.reasons, **self.detail}
        if not self.ok:
            document["runbook"] = RUNBOOK
        return (json.dumps(document) + "\n").encode()


def _ago(now: float, then: float | None) -> float | None:
    return None if then is None else round(now - then, 1)


class HealthState:
    """What the probes and the gauges report; ``clock`` is monotonic seconds (tests pass their own)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, export: bool = False) -> None:
        self._clock = clock
        self._export = export
        self._lock = threading.Lock()
        self.bounds = Bounds()
        self.topic = "articles.raw"
        self._publishing = True
        self._broker = True
        self._partitions: frozenset[int] = frozenset()
        self._since = clock()  # start of serving: the loop's first tick is due within its bound
        self._unassigned_since = self._since
        self._last_progress: float | None = None
        self._loop_tick: float | None = None
        self._busy_since: float | None = None
        self._extraction_tick = self._since

    def start(self, settings: Settings, largest_document: int | None = None) -> None:
        """Take the bounds from the settings (``Bounds.from_settings``); from now on the ticks are due."""
        with self._lock:
            self.bounds = Bounds.from_settings(settings, largest_document)
            self.topic = settings.topics.input
            self._since = self._unassigned_since = self._clock()
            self._update()

    # --- written by the stream ---------------------------------------------------------------

    def publishing(self, ok: bool) -> None:
        with self._lock:
            self._publishing = ok
            self._update()

    def broker_reachable(self, ok: bool) -> None:
        with self._lock:
            self._broker = ok
            self._update()

    def assignment(self, partitions: Iterable[int]) -> None:
        """The input partitions this worker holds now (the whole assignment after a rebalance)."""
        with self._lock:
            self._set_partitions(frozenset(partitions))

    def revoked(self, partitions: Iterable[int]) -> None:
        with self._lock:
            self._set_partitions(self._partitions - frozenset(partitions))

    def progress(self) -> None:
        """A batch's outputs were acknowledged and its offsets may be committed."""
        with self._lock:
            self._last_progress = self._clock()

    def loop_tick(self) -> None:
        with self._lock:
            self._loop_tick = self._clock()

    def extraction_tick(self) -> None:
        with self._lock:
            self._extraction_tick = self._clock()

    @contextmanager
    def extracting(self) -> Iterator[None]:
        """Around work in the extraction thread: only busy time without ticks counts as a stall."""
        with self._lock:
            self._busy_since = self._extraction_tick = self._clock()
        try:
            yield
        finally:
            with self._lock:
                self._busy_since = None

    def _set_partitions(self, partitions: frozenset[int]) -> None:
        if self._partitions and not partitions:
            self._unassigned_since = self._clock()
        self._partitions = partitions
        self._update()

    def _update(self) -> None:
        if self._export:
            metrics.HEALTHY.set(1 if self._publishing and self._broker else 0)
            metrics.BROKER_REACHABLE.set(1 if self._broker else 0)
            metrics.ASSIGNED_PARTITIONS.set(len(self._partitions))

    # --- read by the probes ------------------------------------------------------------------

    def readiness(self) -> Verdict:
        with self._lock:
            now = self._clock()
            reasons = []
            if not self._publishing:
                reasons.append("publishing to the broker fails (retrying; the log says why)")
            if not self._broker:
                reasons.append("the broker could not be reached at the last check (the log says why)")
            last = self._last_progress
            if not self._partitions and (last is None or now - last > self.bounds.rebalance_grace):
                reasons.append(
                    f"no partition of {self.topic} assigned for {now - self._unassigned_since:.0f} s and no "
                    "batch since: more workers than partitions, or a stuck consumer group"
                )
            detail = {
                "topic": self.topic,
                "partitions": sorted(self._partitions),
                "seconds_since_last_batch": _ago(now, self._last_progress),
                "publishing": self._publishing,
                "broker_reachable": self._broker,
            }
        return Verdict(not reasons, "not ready" if reasons else "ready", reasons, detail)

    def liveness(self) -> Verdict:
        with self._lock:
            now = self._clock()
            reasons = []
            loop_age = now - (self._loop_tick if self._loop_tick is not None else self._since)
            if loop_age > self.bounds.loop_stall:
                started = "has not ticked" if self._loop_tick is not None else "has not started"
                reasons.append(
                    f"the event loop {started} for {loop_age:.0f} s (bound {self.bounds.loop_stall:.0f} s)"
                )
            busy = self._busy_since is not None
            tick_age = now - self._extraction_tick
            if busy and tick_age > self.bounds.extraction_stall:
                reasons.append(
                    f"extraction has passed no document for {tick_age:.0f} s "
                    f"(bound {self.bounds.extraction_stall:.0f} s)"
                )
            detail = {
                "seconds_since_event_loop_tick": round(loop_age, 1),
                "extraction": "busy" if busy else "idle",
                "seconds_since_extraction_tick": round(tick_age, 1) if busy else None,
                "bounds_seconds": {
                    "event_loop": self.bounds.loop_stall,
                    "extraction": round(self.bounds.extraction_stall, 1),
                },
            }
        return Verdict(not reasons, "not live" if reasons else "live", reasons, detail)


#: The process's state: what the worker writes and its endpoints read.
STATE = HealthState(export=True)

start = STATE.start
publishing = STATE.publishing
broker_reachable = STATE.broker_reachable
assignment = STATE.assignment
revoked = STATE.revoked
progress = STATE.progress
loop_tick = STATE.loop_tick
extraction_tick = STATE.extraction_tick
extracting = STATE.extracting
readiness = STATE.readiness
liveness = STATE.liveness

HEARTBEAT_COMPONENT = "newsevents_heartbeat"


def _heartbeat(doc: Doc) -> Doc:
    STATE.extraction_tick()
    return doc


def watch_pipeline(nlp: Language) -> None:
    """Tick the extraction heartbeat as each document enters and leaves ``nlp`` (the worker's only).

    A component first and one last, so whatever the extractor does with the pipeline (one article
    per document, or long bodies in pieces), the gap between ticks is at most one spaCy minibatch.
    """
    from spacy.language import Language

    if not Language.has_factory(HEARTBEAT_COMPONENT):
        Language.component(HEARTBEAT_COMPONENT, func=_heartbeat)
    if "heartbeat_in" not in nlp.pipe_names:
        nlp.add_pipe(HEARTBEAT_COMPONENT, name="heartbeat_in", first=True)
        nlp.add_pipe(HEARTBEAT_COMPONENT, name="heartbeat_out", last=True)
