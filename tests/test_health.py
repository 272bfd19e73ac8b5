"""The health state machine behind /readyz and /livez, on a clock the tests move by hand."""

from __future__ import annotations

import pytest
import spacy
from prometheus_client import REGISTRY

from streams import health
from streams.config import Settings
from streams.health import Bounds, HealthState

BOUNDS = Bounds(loop_stall=60.0, extraction_stall=120.0, rebalance_grace=30.0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def state(clock: Clock) -> HealthState:
    s = HealthState(clock)
    s.bounds = BOUNDS
    return s


# --- readiness ---------------------------------------------------------------------------------------
def test_a_worker_is_ready_once_it_holds_a_partition(state: HealthState, clock: Clock) -> None:
    clock.advance(95)
    verdict = state.readiness()
    assert not verdict.ok and verdict.status == "not ready"
    (reason,) = verdict.reasons
    assert "no partition of articles.raw assigned for 95 s" in reason and "stuck consumer group" in reason
    state.assignment([1, 0])
    verdict = state.readiness()
    assert verdict.ok and verdict.reasons == [] and verdict.detail["partitions"] == [0, 1]


def test_a_rebalance_right_after_a_batch_keeps_the_worker_ready(state: HealthState, clock: Clock) -> None:
    state.assignment([0, 1])
    clock.advance(10)
    state.progress()
    state.revoked([0, 1])  # the eager protocol takes everything away first
    clock.advance(29)
    assert state.readiness().ok, "a batch within the grace counts as progress"
    clock.advance(2)
    verdict = state.readiness()
    assert not verdict.ok and "assigned for 31 s" in verdict.reasons[0]
    assert verdict.detail["seconds_since_last_batch"] == 31.0
    state.assignment([1])
    assert state.readiness().ok


def test_a_revocation_of_some_partitions_keeps_the_others(state: HealthState) -> None:
    state.assignment([0, 1, 2])
    state.revoked([0, 2])
    assert state.readiness().detail["partitions"] == [1]


def test_a_worker_that_cannot_publish_or_reach_the_broker_is_not_ready(state: HealthState) -> None:
    state.assignment([0])
    state.publishing(ok=False)
    state.broker_reachable(ok=False)
    verdict = state.readiness()
    assert not verdict.ok
    assert [r.split(" ")[0] for r in verdict.reasons] == ["publishing", "the"]
    state.publishing(ok=True)
    state.broker_reachable(ok=True)
    assert state.readiness().ok


# --- liveness ----------------------------------------------------------------------------------------
def test_an_event_loop_that_never_ticks_is_not_live_after_its_bound(state: HealthState, clock: Clock) -> None:
    clock.advance(60)
    assert state.liveness().ok
    clock.advance(1)
    verdict = state.liveness()
    assert not verdict.ok and verdict.status == "not live"
    assert verdict.reasons == ["the event loop has not started for 61 s (bound 60 s)"]


def test_a_ticking_event_loop_is_live_and_a_stopped_one_is_not(state: HealthState, clock: Clock) -> None:
    for _ in range(200):
        clock.advance(1)
        state.loop_tick()
    assert state.liveness().ok
    clock.advance(75)
    assert state.liveness().reasons == ["the event loop has not ticked for 75 s (bound 60 s)"]


def test_an_idle_extraction_thread_is_never_a_stall(state: HealthState, clock: Clock) -> None:
    clock.advance(10_000)
    state.loop_tick()
    verdict = state.liveness()
    assert verdict.ok and verdict.detail["extraction"] == "idle"


def test_a_long_batch_that_keeps_ticking_is_live(state: HealthState, clock: Clock) -> None:
    """A batch of long articles runs far past the bound, but each document through spaCy ticks."""
    with state.extracting():
        for _ in range(100):
            clock.advance(100)
            state.loop_tick()
            state.extraction_tick()
            assert state.liveness().ok
    assert state.liveness().detail["extraction"] == "idle"


def test_extraction_that_stops_ticking_is_not_live(state: HealthState, clock: Clock) -> None:
    with state.extracting():
        clock.advance(100)
        state.loop_tick()
        assert state.liveness().ok
        clock.advance(21)
        state.loop_tick()
        verdict = state.liveness()
        assert not verdict.ok
        assert verdict.reasons == ["extraction has passed no document for 121 s (bound 120 s)"]
    assert state.liveness().ok, "once the step returns, the thread is idle again"


# --- bounds ------------------------------------------------------------------------------------------
def test_bounds_follow_the_settings() -> None:
    quick = {"extraction_timeout": 10}  # twice the time budget is under the other bounds here
    defaults = Bounds.from_settings(Settings.from_flat(**quick))
    assert defaults.loop_stall == 60.0 and defaults.rebalance_grace == 30.0
    # 16 bodies of 1 MiB at the slowest measured rate, with the margin
    assert defaults.extraction_stall == pytest.approx(16 * 2**20 / 6_000 * 2)
    windows = Bounds.from_settings(Settings.from_flat(**quick), largest_document=100_000)
    assert windows.extraction_stall == pytest.approx(16 * 100_000 / 6_000 * 2)
    small = Bounds.from_settings(
        Settings.from_flat(batch_size=4, session_timeout=45, **quick), largest_document=20_000
    )
    assert small.loop_stall == 90.0
    assert small.extraction_stall == 60.0, "never below the floor"
    budget = Bounds.from_settings(Settings.from_flat(), largest_document=10_000)
    assert budget.extraction_stall == 240.0, "a long article's rules may run up to its budget (120 s)"


# --- gauges and the pipeline heartbeat ---------------------------------------------------------------
def test_the_process_state_exports_its_gauges(monkeypatch: pytest.MonkeyPatch) -> None:
    exported = HealthState(export=True)
    exported.assignment([0, 3])
    exported.publishing(ok=False)
    assert REGISTRY.get_sample_value("newsevents_assigned_partitions") == 2
    assert REGISTRY.get_sample_value("newsevents_healthy") == 0
    exported.publishing(ok=True)
    exported.revoked([0, 3])
    assert REGISTRY.get_sample_value("newsevents_assigned_partitions") == 0
    assert REGISTRY.get_sample_value("newsevents_healthy") == 1


def test_every_document_through_the_pipeline_ticks(
    monkeypatch: pytest.MonkeyPatch, state: HealthState, clock: Clock
) -> None:
    monkeypatch.setattr(health, "STATE", state)
    nlp = spacy.blank("en")
    health.watch_pipeline(nlp)
    health.watch_pipeline(nlp)  # idempotent
    assert nlp.pipe_names == ["heartbeat_in", "heartbeat_out"]
    with state.extracting():
        clock.advance(500)
        state.loop_tick()
        assert not state.liveness().ok
        list(nlp.pipe(["one document", "and another"]))
        assert state.liveness().ok
