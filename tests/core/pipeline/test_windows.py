"""Long bodies in windows: where they are cut, that the joined parse is the article's text, and
that the events and their offsets are those of the whole article."""

from __future__ import annotations

import itertools
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc

from bench.long_article import long_body
from streams.core.article import Article
from streams.core.extractor import ArticleInput, Extractor
from streams.core.pipeline import windows
from streams.core.pipeline.boilerplate import prepare_for_nlp
from streams.core.pipeline.loader import load_model
from streams.core.pipeline.windows import parse_in_windows, split_windows


def _check_cover(text: str, windows: list[tuple[int, int]], max_chars: int) -> None:
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(windows):
        assert end == start
        assert text[start - 1].isspace() and not text[start].isspace()  # a token starts here anyway
    assert all(0 < end - start <= max_chars for start, end in windows)


def test_short_text_is_one_window() -> None:
    assert split_windows("One paragraph.\nTwo.", 100) == [(0, 19)]


@pytest.mark.parametrize("kind", ["news", "one-paragraph", "no-sentences", "dense"])
def test_windows_cover_the_text_and_respect_the_size(kind: str) -> None:
    text = prepare_for_nlp(long_body(30_000, kind))
    windows = split_windows(text, 2_000)
    _check_cover(text, windows, 2_000)
    assert len(windows) >= len(text) // 2_000


def test_paragraph_breaks_are_preferred_over_sentence_ends() -> None:
    text = "A first sentence. A second one.\nThe next paragraph is here.\nAnd a third."
    windows = split_windows(text, 35)
    assert [text[s:e] for s, e in windows] == [
        "A first sentence. A second one.\n",
        "The next paragraph is here.\n",
        "And a third.",
    ]


def test_a_long_paragraph_is_cut_at_sentence_ends_then_at_spaces() -> None:
    text = "Talks ended. “They agreed,” he said. " + "word " * 20
    pieces = [text[s:e] for s, e in split_windows(text, 30)]
    assert pieces[:2] == ["Talks ended. ", "“They agreed,” he said. "]
    assert all(len(p) <= 30 for p in pieces) and "".join(pieces) == text


def test_joined_parse_is_the_text_with_the_same_tokens_and_sentences() -> None:
    nlp = load_model()
    text = prepare_for_nlp(long_body(6_000))
    with nlp.memory_zone():
        whole = nlp(text)
        joined = parse_in_windows(nlp, text, window_chars=500, batch_chars=1_000)
        assert joined.text == text
        assert [t.idx for t in joined] == [t.idx for t in whole]
        # the same sentences with words in them: a closing mark and a line break at a window's end may
        # stand as a sentence of their own in one parse and end the sentence before in the other
        assert _worded_sentence_starts(joined) == _worded_sentence_starts(whole)


def _worded_sentence_starts(doc: Doc) -> list[int]:
    return [s.start_char for s in doc.sents if any(t.is_alpha for t in s)]


def test_between_runs_after_each_batch_of_windows() -> None:
    nlp = load_model()
    text = prepare_for_nlp(long_body(5_000))
    calls: list[int] = []
    with nlp.memory_zone():
        parse_in_windows(nlp, text, window_chars=500, batch_chars=1_000, between=lambda: calls.append(1))
    assert len(calls) >= 5  # about 10 windows, two per batch


def test_long_body_gives_the_events_of_the_whole_article() -> None:
    """Cut every 600 characters, the samples' paragraphs give the same events, offsets included
    (the speaker tracking and the person register read the joined article)."""
    article = Article(id="long", body=long_body(12_000), published_at="2026-03-12")
    nlp = load_model()
    whole = Extractor(nlp, window_chars=1_000_000).extract([ArticleInput(article)])[0]
    windowed = Extractor(nlp, window_chars=600).extract([ArticleInput(article)])[0]
    assert windowed.error is None and whole.error is None
    assert len(whole.events) > 50
    assert [e.to_dict() for e in windowed.events] == [e.to_dict() for e in whole.events]
    for event in windowed.events:
        assert article.body[event.evidence.start : event.evidence.end] == event.evidence.sentence


def test_a_long_article_past_its_time_budget_fails_with_extraction_timeout() -> None:
    article = Article(id="slow", body=long_body(20_000))
    short = Article(id="short", body="“We signed the deal today,” Minister Ana Costa said.")
    extractor = Extractor(load_model(), window_chars=2_000, time_budget=1e-6)
    slow_result, short_result = extractor.extract([ArticleInput(article), ArticleInput(short)])
    assert slow_result.error_reason == "extraction_timeout" and slow_result.events == []
    assert slow_result.error is not None and "time budget" in slow_result.error
    assert short_result.error is None and short_result.events  # one window: not timed


#: The cut patterns as first written: the same cuts, found by retrying a regex at every position.
_REGEX_CUTS = {
    "paragraph": re.compile(r"\n\s*(?=\S)"),
    "sentence": re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=\S)"),
    "space": re.compile(r"\s+(?=\S)"),
}
_FITS = {"paragraph": windows._paragraph_cut, "sentence": windows._sentence_cut, "space": windows._space_cut}


@given(st.text(alphabet=" \n\t.!?”’)]\"'ab…", max_size=60), st.sampled_from(sorted(_REGEX_CUTS)))
def test_cuts_are_where_the_patterns_put_them(text: str, kind: str) -> None:
    expected = [m.end() for m in _REGEX_CUTS[kind].finditer(text, 0, len(text)) if 0 < m.end() < len(text)]
    assert windows._cuts_in(text, 0, len(text), _FITS[kind]) == expected


def test_a_long_blank_stretch_is_cut_in_linear_time() -> None:
    """A body of 100,000 quotation marks is blanked to spaces by prepare_for_nlp; finding the cuts
    in it took 46 s with a pattern retried from every position."""
    for text in (" " * 100_000, "\n" * 100_000, ". " + " " * 100_000):
        started = time.perf_counter()
        windows.split_windows(text)
        assert time.perf_counter() - started < 1.0
