"""The worker's group consumer gets the configured broker-side fetch wait, not Faust's fixed 1,500 ms."""

from __future__ import annotations

import asyncio
from typing import Any

import faust
import pytest

from streams.app.transport import install_fetch_wait


def _group_consumer_fetch_wait(app: faust.App) -> int:
    async def build() -> int:
        group_consumer: Any = app.consumer
        thread = group_consumer._new_consumer_thread()
        consumer = thread._create_worker_consumer(app.transport)
        return int(consumer._fetch_max_wait_ms)

    return asyncio.run(build())


def _app(name: str) -> faust.App:
    return faust.App(name, broker="kafka://127.0.0.1:1", web_enabled=False, topic_disable_leader=True)


def test_faust_alone_waits_1500_ms() -> None:
    """The premise: without the install, Faust hard-codes 1,500 ms (if this changes, revisit the module)."""
    assert _group_consumer_fetch_wait(_app("fetch-wait-stock")) == 1500


def test_installed_wait_reaches_the_consumer() -> None:
    app = _app("fetch-wait-ours")
    install_fetch_wait(app, 100)
    assert _group_consumer_fetch_wait(app) == 100


def test_a_wait_that_is_not_positive_is_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        install_fetch_wait(_app("fetch-wait-zero"), 0)
