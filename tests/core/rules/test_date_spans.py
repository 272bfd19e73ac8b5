"""Relative date entities the model cut short are widened; counted days it missed become dates."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.date_spans import widen_relative_dates
from tests.fixtures.extraction import events_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


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


def _doc_with(words: list[str], label: str | None = None, start: int = 0, end: int = 0) -> Doc:
    doc = Doc(load_model().vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label)] if label else []
    return doc


def test_an_untagged_counted_day_is_a_date() -> None:
    doc = _doc_with(["The", "following", "day", "she", "met", "him"])
    widen_relative_dates(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("The following day", "DATE")]


def test_a_day_counted_from_an_event_stays_untagged() -> None:
    """ "the day after the vote" counts from an event, which no date rule knows."""
    doc = _doc_with(["the", "day", "after", "the", "vote", "she", "met", "him"])
    widen_relative_dates(doc)
    assert list(doc.ents) == []


def test_a_counted_morning_tagged_a_time_is_a_date() -> None:
    whole = _doc_with(["met", "him", "the", "next", "morning"], "TIME", 2, 5)
    widen_relative_dates(whole)
    assert [(e.text, e.label_) for e in whole.ents] == [("the next morning", "DATE")]
    cut = _doc_with(["met", "him", "the", "next", "morning"], "TIME", 3, 5)  # "the" left out
    widen_relative_dates(cut)
    assert [(e.text, e.label_) for e in cut.ents] == [("the next morning", "DATE")]
    clock = _doc_with(["met", "him", "at", "noon"], "TIME", 3, 4)
    widen_relative_dates(clock)
    assert [(e.text, e.label_) for e in clock.ents] == [("noon", "TIME")]


def test_a_meeting_the_next_morning_is_the_day_after_the_one_told(extractor: Extractor) -> None:
    body = (
        "Foreign Minister Maria Gonzalez arrived in Oslo on Monday. "
        "The following day she met Tom Lund. She met Erik Dahl the next morning."
    )
    dates = [e["date"]["value"] if e["date"] else None for e in events_of(extractor, body, "meeting")]
    assert dates == ["2025-10-28", "2025-10-29"]


def test_a_count_of_units_after_in_takes_the_word_when_the_verb_is_future(nlp: Language) -> None:
    """ "will meet in two weeks" is a time from now; "sold it in eight months" and "would know in six
    months" are spans of time, and "within" a deadline."""
    for text, dates in [
        ("Ana Ruiz will meet Tom Lund in two weeks.", ["in two weeks"]),
        ("Tom Lund sold the farm in eight months.", ["eight months"]),
        ("Tom Lund would know in six months.", ["six months"]),
        ("Ana Ruiz will sign the deal within two weeks.", ["two weeks"]),
    ]:
        doc = nlp(text)
        widen_relative_dates(doc)
        assert [e.text for e in doc.ents if e.label_ == "DATE"] == dates, text
