"""The pipeline's own components: paragraph breaks, names with particles, abbreviated titles."""

from __future__ import annotations

from streams.core.pipeline.loader import load_model, name_particles


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
