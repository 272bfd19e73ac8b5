"""The document index: sentence and entity look-ups by token."""

from __future__ import annotations

from streams.core.pipeline.loader import load_model
from streams.core.rules.document import DocumentIndex


def test_sentences_and_entities_by_token() -> None:
    doc = load_model()("Angela Merkel met Emmanuel Macron in Paris.\nThe talks ended on Friday.")
    index = DocumentIndex(doc)
    assert len(index.sentences) == 2
    friday = next(t for t in doc if t.text == "Friday")
    assert index.sentence_number(friday.i) == 1
    assert index.sentence_of(friday.i).text.startswith("The talks")
    macron = next(t for t in doc if t.text == "Macron")
    entity = index.entity_at(macron)
    assert entity is not None and entity.text == "Emmanuel Macron"
    assert index.entity_at(friday) is None  # a DATE is no actor entity
    later = [e.text for e in index.entities_from(macron.i)]
    assert later[0] == "Paris" and "Emmanuel Macron" not in later


def test_entities_in_a_span_are_spacy_s_span_ents() -> None:
    """The linear-time look-up gives exactly ``Span.ents`` for sentences and for arbitrary spans
    (entities cut by the span's edges are left out, as spaCy leaves them out)."""
    from bench.long_article import long_body
    from streams.core.rules.document import entities_in

    doc = load_model()(long_body(5_000))
    spans = [*doc.sents, *(doc[i : i + 7] for i in range(0, len(doc) - 7, 3))]
    for span in spans:
        expected = [(e.start, e.end, e.label_) for e in span.ents]
        assert [(e.start, e.end, e.label_) for e in entities_in(span)] == expected
    assert sum(len(span.ents) for span in spans) > 100


def test_the_sentences_before_in_a_paragraph_stop_at_a_line_break() -> None:
    doc = load_model()("Ana Ruiz arrived.\n\nShe rested. Tom Lund came. They met.")
    index = DocumentIndex(doc)
    last = index.sentences[-1]
    assert [s.text for s in index.sentences_before_in_paragraph(last, 1)] == ["Tom Lund came."]
    assert [s.text for s in index.sentences_before_in_paragraph(last, 5)] == ["Tom Lund came.", "She rested."]
    assert index.sentences_before_in_paragraph(index.sentences[0], 2) == []
