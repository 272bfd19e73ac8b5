"""How quoted parts become statements: one per utterance (rules/utterances.py), titles left out."""

from __future__ import annotations

from typing import Any

from streams.core.article import Article
from streams.core.extractor import Extractor


def _statements(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    assert result.error is None, result.error
    # the direct statements: reported speech around the quotes is another rule's business
    return [e.to_dict() for e in result.events if e.type == "statement" and e.to_dict()["form"] == "direct"]


def _speaker(statement: dict[str, Any]) -> str:
    return str(next(a["name"] for a in statement["actors"] if a["role"] == "speaker"))


def test_a_sentence_broken_by_its_attribution_is_one_statement(extractor: Extractor) -> None:
    body = "“We will not rush this decision,” Ana Ruiz said on Monday, “because the vote is only in May.”"
    (st,) = _statements(extractor, body)
    assert st["content"] == "We will not rush this decision, because the vote is only in May."
    span = st["content_span"]
    assert body[span["start"] : span["end"]].startswith("We will not rush")
    assert body[span["start"] : span["end"]].endswith("only in May.")
    assert _speaker(st) == "Ana Ruiz"
    assert not st["partial"]


def test_doubled_apostrophes_broken_by_the_attribution(extractor: Extractor) -> None:
    body = "''The harbour stays closed until the storm passes,'' said Omar Haddad, ''and not a day longer.''"
    (st,) = _statements(extractor, body)
    assert st["content"] == "The harbour stays closed until the storm passes, and not a day longer."
    assert _speaker(st) == "Omar Haddad"


def test_two_sentences_around_the_attribution_are_two_statements(extractor: Extractor) -> None:
    body = "“We like the plan for the harbour,” Ana Ruiz said. “It is fair to every member of the union.”"
    statements = _statements(extractor, body)
    assert [st["content"] for st in statements] == [
        "We like the plan for the harbour,",
        "It is fair to every member of the union.",
    ]
    assert {_speaker(st) for st in statements} == {"Ana Ruiz"}


def test_narration_between_parts_keeps_them_apart(extractor: Extractor) -> None:
    body = (
        "“The talks went well and we expect a deal,” Lena Berg said, adding that the last "
        "round would “settle the remaining questions of the accord.”"
    )
    contents = [st["content"] for st in _statements(extractor, body)]
    assert (
        "The talks went well and we expect a deal, settle the remaining questions of the accord."
        not in contents
    )


def test_each_paragraph_of_a_long_quotation_has_the_speaker(extractor: Extractor) -> None:
    body = (
        "The minister spoke for an hour.\n\n"
        "“The port will reopen within a week and the ships will come back.\n\n"
        "“Trade will follow them, as it always has in this city,” Transport Minister Ana Ruiz said."
    )
    statements = _statements(extractor, body)
    assert [st["content"] for st in statements] == [
        "The port will reopen within a week and the ships will come back.",
        "Trade will follow them, as it always has in this city,",
    ]
    assert [_speaker(st) for st in statements] == ["Ana Ruiz", "Ana Ruiz"]


def test_titles_in_quotation_marks_are_not_statements(extractor: Extractor) -> None:
    body = (
        "Senator Omar Haddad appeared on “Morning Report With Jane Doe” on Sunday and later "
        "praised the film “The Long Harbour” in a post."
    )
    assert _statements(extractor, body) == []


def test_a_title_cased_utterance_after_a_speech_verb_is_kept(extractor: Extractor) -> None:
    body = "Asked who would win, Omar Haddad said “Only The People Of This City.”"
    (st,) = _statements(extractor, body)
    assert _speaker(st) == "Omar Haddad"


def test_scare_quotes_in_a_paraphrase_are_partial(extractor: Extractor) -> None:
    body = "Lena Berg called the new tariff plan “reckless” and said it would hurt farmers."
    for st in _statements(extractor, body):
        assert st["partial"]
