"""Small statistics used by the benchmark: percentiles, medians and least-squares slopes.

Written out here (no numpy) so the definitions are visible, unit-tested, and identical
wherever the benchmark reports a percentile or a trend.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100), interpolating linearly between ranks (numpy's default).

    Raises ValueError on an empty sequence: a percentile of nothing is a bug upstream.
    """
    if not values:
        raise ValueError("percentile of an empty sequence")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0-100, got {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of ``ys`` against ``xs``; None when it is undefined.

    Undefined means fewer than two points or no spread in ``xs`` (e.g. every sample taken
    before the first event arrived), which callers report as "no trend" rather than zero.
    """
    if len(xs) != len(ys):
        raise ValueError(f"slope needs as many xs as ys ({len(xs)} != {len(ys)})")
    n = len(xs)
    if n < 2:
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / sxx
