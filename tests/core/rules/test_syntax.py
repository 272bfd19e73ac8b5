"""The walks up the dependency tree that several rules share."""

from __future__ import annotations

from streams.core.pipeline.loader import load_model
from streams.core.rules.syntax import clause_verb, sentence_root


def test_a_noun_belongs_to_the_verb_of_its_clause_and_the_sentence_to_its_root() -> None:
    doc = load_model()("Officials said that Tom Hale held talks with Omar Berg.")
    talks = next(t for t in doc if t.text == "talks")
    verb = clause_verb(talks)
    assert verb is not None and verb.text == "held"
    assert sentence_root(talks).text == "said"
    held = next(t for t in doc if t.text == "held")
    assert clause_verb(talks, stop=held) is None  # the walk reached the stop word
