"""Publishing records through the Faust app's producer until the broker has every one.

The extraction agent (``streams/app/processing.py``) and the story stage
(``streams/app/stories.py``) both publish before they let their input be committed, and both
send again, with backoff, when a send fails or never completes: duplicates are harmless (an
event keeps its ``event_id``, a story its ``story_id``), a lost record is not.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Protocol

import faust

from streams.app.records import OutputRecord
from streams.app.retry import retry_with_backoff
from streams.config import Settings


class Publisher(Protocol):
    async def publish(self, records: Sequence[OutputRecord]) -> None:
        """Send all records and return once the broker has acknowledged every one; raise on failure."""


class FaustPublisher:
    """Publishes through the Faust app's producer and waits for every acknowledgement."""

    def __init__(self, app: faust.App) -> None:
        self.app = app

    async def publish(self, records: Sequence[OutputRecord]) -> None:
        if not records:
            return
        producer = self.app.producer
        pending = [
            await producer.send(
                r.topic, r.key, r.value, partition=r.partition, timestamp=None, headers=r.headers
            )
            for r in records
        ]
        await asyncio.gather(*pending)


async def publish_until_acknowledged(
    publisher: Publisher,
    records: Sequence[OutputRecord],
    settings: Settings,
    *,
    what: str,
    on_failure: Callable[[Exception], None],
) -> None:
    """Publish ``records`` until the broker acknowledges every one; a send that never completes is
    sent again. Cancellation (a worker stopping) is not retried."""

    async def attempt() -> None:
        # a send that never resolves (seen after a broker restart) must not hold the step forever:
        # give up after the timeout and send again
        await asyncio.wait_for(publisher.publish(records), settings.batching.publish_timeout)

    await retry_with_backoff(
        attempt, what=what, max_delay=settings.batching.publish_retry_max, on_failure=on_failure
    )
