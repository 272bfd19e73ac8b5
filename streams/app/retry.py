"""The one backoff loop of the stream: try again, waiting longer each time, until it works.

Reading the article state and publishing a batch both depend on the broker; while it is
away the batch waits rather than going ahead without its state or being dropped, so these
retries never give up on their own (only a worker that is stopping gives up).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The first wait after a failure, seconds; each further failure doubles it up to the cap.
FIRST_DELAY = 0.5


async def retry_with_backoff(
    attempt: Callable[[], Awaitable[T]],
    *,
    what: str,
    max_delay: float,
    on_failure: Callable[[Exception], None] = lambda exc: None,
    stopping: Callable[[], bool] = lambda: False,
) -> T:
    """``attempt()`` until it returns; after each failure call ``on_failure``, log, and wait.

    A failure while ``stopping()`` is true is raised instead of retried. Cancellation is
    never retried.
    """
    delay = FIRST_DELAY
    while True:
        try:
            return await attempt()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            if stopping():
                raise
            on_failure(exc)
            log.warning("%s failed (%s); retrying in %.1f s", what, exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, max_delay)
