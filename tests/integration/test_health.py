"""Real workers' /readyz and /livez: ready once a partition is assigned, not ready while the group gives
it none, live all along (the probes Kubernetes reads, deploy/k8s/deployment.yaml)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from streams.broker import free_port
from streams.core.pipeline.windows import WINDOW_CHARS
from streams.health import Bounds
from streams.resources import samples_path
from tests.fixtures.broker import WorkerProcess, committed_offsets, end_offsets, isolated_settings, produce

pytestmark = pytest.mark.integration


def _probe(worker: WorkerProcess, path: str) -> tuple[int, dict[str, Any]] | None:
    """Status and JSON body, or None while the endpoint is not up yet."""
    url = f"http://127.0.0.1:{worker.settings.metrics.port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)
    except OSError:
        return None


def test_readyz_follows_the_assignment_and_livez_answers(
    bootstrap: str, tmp_path: Path, worker_factory: Callable[..., WorkerProcess]
) -> None:
    settings = isolated_settings(
        bootstrap,
        tmp_path / "worker",
        "newsevents-health",
        partitions=1,
        metrics_port=free_port(),
    )
    first = worker_factory(settings)

    def ready(worker: WorkerProcess) -> dict[str, Any] | None:
        answer = _probe(worker, "/readyz")
        return answer[1] if answer and answer[0] == 200 else None

    document = first.wait_for("ready", lambda: ready(first))
    assert document["status"] == "ready" and document["partitions"] == [0]

    # One partition is all the group has: a second worker is given none and says why it is not ready.
    second = worker_factory(settings.replace(metrics_port=free_port()))
    none_assigned = f"partitions assigned: {settings.topics.input} none"
    second.wait_for("an empty assignment", lambda: none_assigned in second.log())
    status, document = _probe(second, "/readyz") or (0, {})
    assert status == 503 and document["partitions"] == [], document
    assert document["reasons"][0].startswith(f"no partition of {settings.topics.input} assigned"), document

    # The first keeps its partition through the rebalance and processes what arrives.
    line = samples_path().read_bytes().splitlines()[0]
    produce(bootstrap, settings.topics.input, [(None, line, [])])
    document = first.wait_for(
        "an acknowledged batch",
        lambda: (doc := ready(first)) and doc["seconds_since_last_batch"] is not None and doc,
    )
    assert document["partitions"] == [0]
    # Caught up, the group's committed offset is the end offset (the next one to read, not the last one
    # read), so the lag gauge of an idle worker is 0: NewseventsWorkerStalled relies on it.
    topic = settings.topics.input
    first.wait_for(
        "the committed offset at the end",
        lambda: (
            committed_offsets(bootstrap, settings.app_id, topic) == end_offsets(bootstrap, topic) == {0: 1}
        ),
        timeout=60,
    )
    for worker in (first, second):
        status, document = _probe(worker, "/livez") or (0, {})
        assert status == 200 and document["status"] == "live", document
        assert document["seconds_since_event_loop_tick"] < 30, "the event loop ticks"
    # The extraction bound follows the extractor's windows, not the 1 MiB body limit (93 minutes).
    bounds = Bounds.from_settings(settings, largest_document=WINDOW_CHARS)
    assert document["bounds_seconds"] == {
        "event_loop": bounds.loop_stall,
        "extraction": bounds.extraction_stall,
    }
    assert bounds.extraction_stall == 2 * settings.batching.extraction_timeout
