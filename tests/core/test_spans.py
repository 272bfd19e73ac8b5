"""Sorted character spans: what covers an offset, and a range's share of the spans."""

from __future__ import annotations

from streams.core.spans import CharSpans


def test_covers_and_covering() -> None:
    spans = CharSpans([(30, 40), (0, 10)])
    assert spans.covers(5) and not spans.covers(10) and spans.covering(35) == (30, 40)


def test_within_gives_the_spans_overlapping_a_range() -> None:
    spans = CharSpans([(0, 10), (15, 25), (30, 40), (50, 60)])
    assert list(spans.within(20, 35)) == [(15, 25), (30, 40)]  # one reaching in from before, one inside
    assert list(spans.within(10, 15)) == []  # the gap between two
    assert list(spans.within(0, 100)) == list(spans)


def test_starts_within_asks_only_where_a_span_opens() -> None:
    spans = CharSpans([(0, 10), (30, 40)])
    assert spans.starts_within(25, 35) and spans.starts_within(0, 1)
    assert not spans.starts_within(5, 30)  # inside the first, and up to where the second opens
