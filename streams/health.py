"""The worker's health, as one gauge operators can alert on (``newsevents_healthy``).

Healthy means both: the last attempt to publish a batch succeeded, and the last check of
the broker (the consumer-lag measurement, every ``NEWSEVENTS_LAG_INTERVAL`` seconds)
reached it. The second matters when the worker is idle: with nothing to publish, a lost
broker would otherwise go unnoticed until the next article.
"""

from __future__ import annotations

import threading

from streams import metrics

_lock = threading.Lock()
_state = {"publishing": True, "broker": True}


def _update() -> None:
    metrics.HEALTHY.set(1 if all(_state.values()) else 0)
    metrics.BROKER_REACHABLE.set(1 if _state["broker"] else 0)


def publishing(ok: bool) -> None:
    with _lock:
        _state["publishing"] = ok
        _update()


def broker_reachable(ok: bool) -> None:
    with _lock:
        _state["broker"] = ok
        _update()
