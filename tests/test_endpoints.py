"""The worker's HTTP endpoint over a real socket: metrics, both probes with their reasons, and 404."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from streams import endpoints, health
from streams.health import HealthState


@pytest.fixture
def state(monkeypatch: pytest.MonkeyPatch) -> HealthState:
    s = HealthState()
    monkeypatch.setattr(health, "STATE", s)
    return s


@pytest.fixture
def base_url(state: HealthState) -> Iterator[str]:
    server = endpoints.serve("127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def _json(body: bytes) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(body)
    return document


def test_metrics_are_served(base_url: str) -> None:
    status, content_type, body = _get(f"{base_url}/metrics")
    assert status == 200 and content_type.startswith("text/plain")
    assert b"newsevents_healthy " in body and b"newsevents_assigned_partitions " in body


def test_readyz_says_why_it_is_not_ready_then_ready(base_url: str, state: HealthState) -> None:
    status, content_type, body = _get(f"{base_url}/readyz")
    assert (status, content_type) == (503, "application/json")
    document = _json(body)
    assert document["status"] == "not ready"
    assert "no partition of articles.raw assigned" in document["reasons"][0]
    assert document["runbook"] == health.RUNBOOK
    state.assignment([2])
    status, _, body = _get(f"{base_url}/readyz")
    assert status == 200 and _json(body)["partitions"] == [2]
    assert "runbook" not in _json(body)


def test_livez_answers_live_and_not_live(base_url: str, state: HealthState) -> None:
    status, _, body = _get(f"{base_url}/livez")
    assert status == 200 and _json(body)["status"] == "live"
    state.bounds = health.Bounds(loop_stall=0.0)
    status, _, body = _get(f"{base_url}/livez")
    assert status == 503 and _json(body)["reasons"][0].startswith("the event loop has not started")


def test_other_paths_are_not_found(base_url: str) -> None:
    status, _, body = _get(f"{base_url}/healthz")
    assert status == 404 and b"/livez" in body
