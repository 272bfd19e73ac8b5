from __future__ import annotations

import time

from streams.core.rules.quotes import find_quotes


def test_curly_straight_and_single_quotes() -> None:
    text = '“We will win,” she said. He said "not today". They called it ‘a new era’ for trade.'
    assert [q.text for q in find_quotes(text)] == ["We will win,", "not today", "a new era"]


def test_apostrophes_are_not_quotes() -> None:
    assert find_quotes("Japan’s leader and the country’s envoy met.") == []


def test_unbalanced_quotes_never_crash_and_stay_linear() -> None:
    assert find_quotes("He said “this never closes. And goes on") == []
    started = time.perf_counter()
    find_quotes('"' * 100_000 + "“" * 50_000)
    assert time.perf_counter() - started < 2.0


def test_offsets() -> None:
    text = 'A "quoted phrase here" b'
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == '"quoted phrase here"'
    assert text[q.inner_start : q.inner_end] == "quoted phrase here"
