"""Relative date entities the model cut short are widened to the word that makes them relative."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.date_spans import widen_relative_dates
from tests.fixtures.extraction import events_of


def _doc_with_date(words: list[str], start: int, end: int) -> Doc:
    doc = Doc(load_model().vocab, words=words)
    doc.ents = [Span(doc, start, end, label="DATE")]
    return doc


def test_a_unit_after_this_takes_the_word() -> None:
    doc = _doc_with_date(["cheered", "this", "week", "'s", "deal"], 2, 3)
    widen_relative_dates(doc)
    assert [e.text for e in doc.ents] == ["this week"]


def test_a_unit_without_a_relative_word_is_left_alone() -> None:
    doc = _doc_with_date(["a", "week", "of", "talks"], 1, 2)
    widen_relative_dates(doc)
    assert [e.text for e in doc.ents] == ["week"]


def test_an_event_of_this_week_is_dated_by_it(extractor: Extractor) -> None:
    (deal,) = events_of(
        extractor, "Investors cheered this week's megadeal between Zenco and Dunmore Labs.", "agreement"
    )
    assert deal["date"]["value"] == "2025-10"  # the days of the week up to publication are October's
