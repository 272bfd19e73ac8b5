"""Retraction bookkeeping of the article-state store (no broker)."""

from __future__ import annotations

import uuid

from streams.app.article_state import ArticleState, ArticleStateStore
from streams.config import Settings

TYPES = ("meeting", "agreement", "statement")


def test_events_no_longer_produced_are_retracted() -> None:
    store = ArticleStateStore(Settings.from_flat())
    first = store.update(0, "a1", {"e1": "statement", "e2": "meeting"}, now=1000.0)
    assert first.retracted == []
    second = store.update(0, "a1", {"e2": "meeting", "e3": "agreement"}, now=2000.0)
    assert second.retracted == [("e1", "statement")]
    assert store.get(0, "a1") == ArticleState({"e2": "meeting", "e3": "agreement"}, 2000.0)
    assert store.get(1, "a1") is None  # state is per input partition


def test_state_round_trips_and_expires_after_the_horizon() -> None:
    state = ArticleState({"e1": "statement"}, 1234.5)
    assert ArticleState.decode(state.encode()) == state
    store = ArticleStateStore(Settings.from_flat(state_horizon_days=1.0))
    store.update(0, "old", {"e1": "statement"}, now=0.0)
    store.update(0, "new", {"e2": "statement"}, now=80_000.0)
    expired = store.expire(0, now=90_000.0)
    assert [(u.article_id, u.state) for u in expired] == [("old", None)]
    assert store.get(0, "old") is None and store.get(0, "new") is not None


def test_state_is_kept_packed_and_read_back_exactly() -> None:
    """UUID ids of known types are packed to 17 bytes each; anything else is kept as JSON, unchanged."""
    store = ArticleStateStore(Settings.from_flat())
    ids = {str(uuid.uuid5(uuid.NAMESPACE_URL, f"e{n}")): t for n, t in enumerate(TYPES)}
    store.update(0, "uuids", ids, now=1.0)
    odd = {"not-a-uuid": "statement", str(uuid.uuid4()).upper(): "meeting", str(uuid.uuid4()): "protest"}
    store.update(0, "odd", odd, now=2.0)
    assert store.get(0, "uuids") == ArticleState(ids, 1.0)
    assert store.get(0, "odd") == ArticleState(odd, 2.0)
    assert len(store._partitions[0]["uuids"][1]) == 1 + 17 * len(ids)
    retracted = store.update(0, "uuids", {}, now=3.0).retracted
    assert retracted == sorted(ids.items())
