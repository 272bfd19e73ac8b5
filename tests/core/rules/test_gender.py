"""A person's gender from the article's own words, and "he"/"she" resolved with it."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.actors import ActorResolver
from streams.core.rules.gender import learn_genders


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _genders(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp(text)
    actors = ActorResolver.for_doc(doc)
    genders: dict[str, str] = {}
    for sent in doc.sents:
        learn_genders(sent, actors, genders)
    return genders


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Ms. Ana Lane spoke on Monday.", "Ana Lane", "f"),
        ("Mr. Paul Berg spoke on Monday.", "Paul Berg", "m"),
        ("Her husband, Paul Berg, spoke on Monday.", "Paul Berg", "m"),
        ("Paul Berg is the man who saved the farm.", "Paul Berg", "m"),
        ("Ana Lane said her farm was saved.", "Ana Lane", "f"),
    ],
)
def test_what_the_text_says_of_a_person(nlp: Language, text: str, name: str, gender: str) -> None:
    assert _genders(nlp, text).get(name) == gender


def test_nothing_is_learnt_from_a_sentence_with_two_people_or_both_pronouns(nlp: Language) -> None:
    genders = _genders(
        nlp, "Ana Lane told Paul Berg that his farm was safe. Omar Haddad said he and her met."
    )
    assert genders == {}


def _meetings(extractor: Extractor, body: str) -> list[list[str]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2016-05-12"))
    events: list[dict[str, Any]] = [e.to_dict() for e in result.events if e.type == "meeting"]
    return [[a["name"] for a in e["actors"]] for e in events]


def test_she_is_not_the_last_subject_when_the_text_shows_him_a_man(extractor: Extractor) -> None:
    body = (
        "Ana Lane says the senator saved her farm. To Lane, Paul Berg is the man who saved it. "
        "On Tuesday, she went to a rally in Dayton and reconnected with Berg."
    )
    assert _meetings(extractor, body) == [["Paul Berg", "Ana Lane"]]
