"""Reported speech: each indirect and mixed form, and the beliefs and denials that are not statements."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor


def _reported(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    assert result.error is None, result.error
    events = [e.to_dict() for e in result.events if e.type == "statement"]
    return [e for e in events if e["form"] != "direct"]


def _speaker(statement: dict[str, Any]) -> str:
    return str(next(a["name"] for a in statement["actors"] if a["role"] == "speaker"))


@pytest.mark.parametrize(
    ("body", "speaker", "content", "cue"),
    [
        # said that ...
        (
            "Ana Ruiz said that the port would reopen within a week.",
            "Ana Ruiz",
            "that the port would reopen within a week",
            "say",
        ),
        # said + a bare clause
        (
            "Omar Haddad said prices had peaked for the year.",
            "Omar Haddad",
            "prices had peaked for the year",
            "say",
        ),
        # the clause first: "..., X said"
        (
            "The harvest will be late this year, the farmer Lena Berg said on Monday.",
            "Lena Berg",
            "The harvest will be late this year",
            "say",
        ),
        # told X that ...
        (
            "Lena Berg told reporters that she would veto the bill.",
            "Lena Berg",
            "that she would veto the bill",
            "tell",
        ),
        # according to X, ...
        (
            "According to the Transport Ministry, the port will reopen within a week.",
            "Transport Ministry",
            "the port will reopen within a week",
            "according to",
        ),
        # ..., according to X
        (
            "The port will reopen within a week, according to Ana Ruiz.",
            "Ana Ruiz",
            "The port will reopen within a week",
            "according to",
        ),
        # X said in a statement ...: the phrase is the report's, not the content's
        (
            "The Transport Ministry said in a statement it would reopen the port.",
            "Transport Ministry",
            "it would reopen the port",
            "say",
        ),
        # a speech act with a nominal or infinitive complement
        (
            "Lena Berg accused the ministry of hiding the figures.",
            "Lena Berg",
            "the ministry of hiding the figures",
            "accuse",
        ),
        (
            "Omar Haddad urged parliament to approve the budget.",
            "Omar Haddad",
            "parliament to approve the budget",
            "urge",
        ),
    ],
)
def test_indirect_forms(extractor: Extractor, body: str, speaker: str, content: str, cue: str) -> None:
    [statement] = _reported(extractor, body)
    assert statement["form"] == "indirect"
    assert statement["quote"] is None
    assert statement["content"] == content
    span = statement["content_span"]
    assert body[span["start"] : span["end"]] == content
    assert statement["cue"] == cue
    assert _speaker(statement) == speaker


def test_told_names_the_addressee(extractor: Extractor) -> None:
    [statement] = _reported(extractor, "Lena Berg told reporters that she would veto the bill.")
    assert statement["addressee"] == "reporters"


def test_reported_speech_is_less_confident_than_a_quote(extractor: Extractor) -> None:
    body = "Ana Ruiz said the port would reopen. “We are ready to sail,” Ana Ruiz said."
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    by_form = {e.to_dict()["form"]: e.confidence for e in result.events if e.type == "statement"}
    assert by_form["indirect"] < by_form["direct"]


def test_mixed_keeps_the_quote_and_the_clause(extractor: Extractor) -> None:
    body = "Lena Berg said that the plan was “a gift to the smugglers” and would be withdrawn."
    [statement] = _reported(extractor, body)
    assert statement["form"] == "mixed"
    assert statement["quote"] == "a gift to the smugglers"
    assert statement["content"] == "that the plan was “a gift to the smugglers” and would be withdrawn"
    span = statement["content_span"]
    assert body[span["start"] : span["end"]] == statement["content"]
    assert _speaker(statement) == "Lena Berg"
    # the quote is published once, as part of the mixed statement
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    assert sum(e.type == "statement" for e in result.events) == 1


def test_a_scare_quote_in_a_paraphrase_stays_indirect(extractor: Extractor) -> None:
    """Under four quoted words is no quotation (GUIDELINES): the clause is indirect, with its
    marks in the content and the quoted fragment kept in ``quote``."""
    body = "Lena Berg said that the plan was “dead on arrival” in parliament."
    [statement] = _reported(extractor, body)
    assert statement["form"] == "indirect"
    assert statement["quote"] == "dead on arrival"
    assert "“dead on arrival”" in statement["content"]


def test_a_quoted_fragment_without_a_reported_clause_is_indirect(extractor: Extractor) -> None:
    """“a disaster” is the writer's paraphrase with three quoted words: indirect, words kept;
    four quoted words are a quotation and stay direct."""
    body = "Lena Berg called the plan “a costly disaster” on Monday. “It will not pass,” Berg said."
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    forms = {e.to_dict()["quote"]: e.to_dict()["form"] for e in result.events if e.type == "statement"}
    assert forms == {"a costly disaster": "indirect", "It will not pass,": "direct"}


def test_a_quote_as_complement_stays_direct(extractor: Extractor) -> None:
    body = "“The port will reopen within a week,” Ana Ruiz said."
    assert _reported(extractor, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Omar Haddad thinks the port will reopen soon.",
        "Lena Berg believes prices have peaked.",
        "Ana Ruiz backs the plan to reopen the port.",
        "Polls show the port is popular with voters.",
        "Omar Haddad did not say whether the port would reopen.",
        "Who said the port would reopen?",
        "Lena Berg called a meeting for Friday.",
    ],
)
def test_not_statements(extractor: Extractor, body: str) -> None:
    assert _reported(extractor, body) == []


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("According to fears voiced by a senior official, the truce could collapse.", "senior official"),
        ("According to a report by the Harbour Authority, the port will close in May.", "Harbour Authority"),
    ],
)
def test_according_to_words_names_whose_words_they_are(extractor: Extractor, body: str, speaker: str) -> None:
    [statement] = _reported(extractor, body)
    assert _speaker(statement) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The mayor of Springfield said the new bridge would open in May.", "mayor of Springfield"),
        ("The president of Chile said the copper tax would stay.", "president of Chile"),
        ("The head of the Harbour Authority said the port would close.", "head of the Harbour Authority"),
        # a share of a named people is who says it
        ("In the survey, 40 percent of Norwegians said the tax was too high.", "40 percent of Norwegians"),
        # no name after "of": the title alone, as written
        ("The leader of the protest said the march would go on.", "leader"),
    ],
)
def test_an_unnamed_speaker_keeps_the_named_place_or_body_it_is_of(
    extractor: Extractor, body: str, speaker: str
) -> None:
    """An unnamed official is known by the title and whose official: "the president of Chile",
    not "president", which says nothing of which one."""
    [statement] = _reported(extractor, body)
    assert _speaker(statement) == speaker
