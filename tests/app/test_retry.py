"""The stream's one backoff loop."""

from __future__ import annotations

import asyncio

import pytest

from streams.app.retry import retry_with_backoff


def test_retries_until_it_works_with_doubling_capped_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    failures: list[str] = []

    async def no_wait(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr("streams.app.retry.asyncio.sleep", no_wait)
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        if calls <= 4:
            raise ConnectionError(f"failure {calls}")
        return "done"

    result = asyncio.run(
        retry_with_backoff(attempt, what="test", max_delay=1.5, on_failure=lambda e: failures.append(str(e)))
    )
    assert result == "done"
    assert waits == [0.5, 1.0, 1.5, 1.5]
    assert failures == ["failure 1", "failure 2", "failure 3", "failure 4"]


def test_a_failure_while_stopping_is_raised_not_retried() -> None:
    async def attempt() -> None:
        raise ConnectionError("broker gone")

    with pytest.raises(ConnectionError, match="broker gone"):
        asyncio.run(retry_with_backoff(attempt, what="test", max_delay=1.0, stopping=lambda: True))
