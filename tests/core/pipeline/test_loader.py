"""The pipeline's own components: paragraph breaks, names with particles, abbreviated titles and
states."""

from __future__ import annotations

from streams.core.pipeline.loader import load_model, name_particles, state_abbreviations


def test_a_name_with_a_particle_is_never_cut_into_two_sentences() -> None:
    nlp = load_model()
    doc = name_particles(
        nlp.make_doc("They met at the Granja do Torto, the residence, and at the Casa de la Moneda.")
    )
    words = {t.text: t.is_sent_start for t in doc}
    assert words["do"] is False and words["Torto"] is False
    assert words["de"] is False and words["la"] is False and words["Moneda"] is False
    # an English "do" between two words that are no name is left to the parser
    doc = name_particles(nlp.make_doc("What did they do Tuesday?"))
    assert all(t.is_sent_start is None for t in doc[1:])


def test_the_pipeline_runs_the_particle_component_before_the_parser() -> None:
    names = load_model().pipe_names
    assert names.index("newsevents_name_particles") < names.index("parser")


def test_an_abbreviated_title_is_one_token_and_never_ends_the_sentence() -> None:
    doc = load_model()(
        "The senator teamed up with Sens. Jane Holt and Tom Reyes, and with Lt. Col. Ann Berg."
    )
    assert [s.text for s in doc.sents] == [doc.text]
    assert {"Sens.", "Lt.", "Col."} <= {t.text for t in doc}
    # a full stop after a title that no name follows still ends a sentence
    doc = load_model()("The vote was close in the House. Reps. voted late.\nSens. Holt and Reyes agreed.")
    assert len(list(doc.sents)) >= 2


def test_the_pipeline_runs_the_title_component_before_the_parser() -> None:
    names = load_model().pipe_names
    assert names.index("newsevents_title_abbreviations") < names.index("parser")


def test_a_name_after_a_state_abbreviation_with_no_comma_starts_a_sentence() -> None:
    """ "City, St." with no comma after it ends a sentence in news copy; with one, it does not."""
    nlp = load_model()
    doc = state_abbreviations(
        nlp.make_doc("The talks ran late near Ashford, N.J. Tom Berg also met Ana Lund.")
    )
    assert [t.text for t in doc[1:] if t.is_sent_start] == ["Tom"]
    doc = state_abbreviations(nlp.make_doc("The mayor of Ashford, N.J., met Ana Lund there."))
    assert all(t.is_sent_start is None for t in doc[1:])
    # a state's abbreviation with no city before it is part of a name
    doc = state_abbreviations(nlp.make_doc("The Ashford Va. Tech team met Ana Lund."))
    assert all(t.is_sent_start is None for t in doc[1:])
    assert "newsevents_state_abbreviations" in nlp.pipe_names[: nlp.pipe_names.index("parser")]


def test_a_title_after_a_state_abbreviation_is_left_to_the_parser() -> None:
    doc = state_abbreviations(load_model().make_doc("In Ashford, N.J. Gov. Tom Berg met Ana Lund."))
    assert all(t.is_sent_start is None for t in doc[1:])
