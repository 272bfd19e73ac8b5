"""The largest allowed article under the deployed memory limit, in a process of its own.

``deploy/k8s/deployment.yaml`` and ``docker-compose.yml`` give a worker 1 GiB; before bodies
were parsed in windows a 250 KB body peaked at 1.06 GB and a 1 MB one at 3.3 GB, so the
worker was killed and fed the same article again. Here ``newsevents extract`` (the worker's
extractor) runs under an address-space limit of 1 GiB (``RLIMIT_AS``, stricter than a
container's limit on resident memory) on a body of ``DEFAULT_MAX_BODY_BYTES`` and must finish
with its events. ``make bench-long-article`` gives the peak and the time for each size.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.long_article import article_record, run_extract
from streams.core.article import DEFAULT_MAX_BODY_BYTES

DEPLOYED_LIMIT = 1 << 30  # deploy/k8s/deployment.yaml: limits.memory 1Gi; docker-compose.yml: 1g


@pytest.mark.slow
def test_largest_allowed_body_is_extracted_within_the_deployed_memory_limit(tmp_path: Path) -> None:
    path = tmp_path / "largest.jsonl"
    path.write_bytes(article_record(DEFAULT_MAX_BODY_BYTES))
    run = run_extract(path, cap=DEPLOYED_LIMIT)
    assert run.status == 0, run.stderr[-2000:]
    assert run.events > 5_000  # about one event per 110 bytes of the samples' text
    assert run.peak_rss_mb < 0.75 * DEPLOYED_LIMIT / 2**20  # a worker's own ~70 MB still fits
