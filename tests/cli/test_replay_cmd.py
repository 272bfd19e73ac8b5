"""Window bounds of ``newsevents replay`` (no broker)."""

from __future__ import annotations

import pytest

from streams.cli.errors import UsageError
from streams.cli.replay_cmd import Window, check_bound, resolve_bound

EARLIEST = {0: 0, 1: 5}
LATEST = {0: 100, 1: 50}


def _no_time(stamp: int) -> dict[int, int | None]:
    raise AssertionError("no timestamp lookup expected")


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("earliest", {0: 0, 1: 5}),
        ("latest", {0: 100, 1: 50}),
        ("20", {0: 20, 1: 20}),
        ("70", {0: 70, 1: 50}),  # clamped to each partition's end
        ("0:10,1:30", {0: 10, 1: 30}),
        ("1:2", {0: 100, 1: 5}),  # a partition not named keeps the end; offsets are clamped
    ],
)
def test_offset_bounds(spec: str, expected: dict[int, int]) -> None:
    assert resolve_bound(spec, [0, 1], EARLIEST, LATEST, _no_time) == expected


def test_time_bounds_use_the_first_offset_at_or_after_the_time() -> None:
    found = resolve_bound("2026-01-01T01:00:00Z", [0, 1], EARLIEST, LATEST, lambda stamp: {0: 42, 1: None})
    assert found == {0: 42, 1: 50}  # nothing after the time on partition 1: the window is empty there


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("yesterday", "--to 'yesterday' is not a window bound; use earliest, latest, an ISO 8601"),
        ("0:abc", "--to '0:abc' is not a window bound"),
        ("7:10", "--to '7:10' names partition(s) [7], which are not being replayed (replayed: 0, 1"),
    ],
)
def test_bad_bounds_are_argument_errors_naming_option_value_and_forms(spec: str, says: str) -> None:
    with pytest.raises(UsageError) as error:
        resolve_bound(spec, [0, 1], EARLIEST, LATEST, lambda stamp: {}, option="--to")
    assert says in str(error.value)


def test_a_bad_bound_is_refused_before_any_broker_is_contacted() -> None:
    with pytest.raises(UsageError, match="--from 'yesterday'"):
        check_bound("yesterday", "--from")
    for good in ("earliest", "latest", "1200", "0:120,1:300", "2026-01-31", "2026-01-31T09:00:00Z"):
        check_bound(good, "--from")


def test_window_size_is_never_negative() -> None:
    assert Window(0, 10, 5).size == 0
