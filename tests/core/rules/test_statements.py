"""Every quote form the extractor promises, each in a sentence written like wire copy."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor


def _statements(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    assert result.error is None, result.error
    return [e.to_dict() for e in result.events if e.type == "statement"]


def _speaker(statement: dict[str, Any]) -> str:
    return str(next(a["name"] for a in statement["actors"] if a["role"] == "speaker"))


@pytest.mark.parametrize(
    ("body", "speaker", "quote_start"),
    [
        # "…," X said
        ("“The port will reopen within a week,” Transport Minister Ana Ruiz said.", "Ana Ruiz", "The port"),
        # X said: "…"
        ('Ana Ruiz said: "The port will reopen within a week."', "Ana Ruiz", "The port"),
        # inverted: "…," said X
        (
            "“Prices have peaked for this year,” said central bank governor Omar Haddad.",
            "Omar Haddad",
            "Prices",
        ),
        # "…" X told Y
        ("“We are ready to sign the accord,” Lena Berg told reporters.", "Lena Berg", "We are ready"),
        # colon cue without a verb
        (
            "Foreign Ministry spokesman Guo Jiakun: “We urge Japan to respect our concerns.”",
            "Guo Jiakun",
            "We urge",
        ),
        # dash cue after the quote
        (
            "“We will never give up on this fight for our people” — Nelson Mandela.",
            "Nelson Mandela",
            "We will",
        ),
        # straight single quotes, British style
        ("Ana Ruiz said 'the port will reopen within a week' at the briefing.", "Ana Ruiz", "the port"),
        # according to
        ("“The talks are going very well indeed,” according to Lena Berg.", "Lena Berg", "The talks"),
        # a description introducing someone new
        (
            "“We expect a short bankruptcy process,” a senior administration official said.",
            "senior administration official",
            "We expect",
        ),
        # by saying / quoted as saying
        (
            "Michael Ryan defended the order by saying, “The new jet has the best reliability.”",
            "Michael Ryan",
            "The new jet",
        ),
        (
            "“We do not need to buy aircraft now,” the newspaper quoted Djamal Ahmed as saying.",
            "Djamal Ahmed",
            "We do not",
        ),
        # a long description that ends in the name
        (
            "“The housing market is starting to see early signs of recovery,” said the vice president and "
            "chairman of Norvik LLC Paul Marsh.",
            "Paul Marsh",
            "The housing market",
        ),
    ],
)
def test_quote_forms(extractor: Extractor, body: str, speaker: str, quote_start: str) -> None:
    (statement,) = _statements(extractor, body)
    assert _speaker(statement) == speaker
    assert statement["quote"].startswith(quote_start)
    assert statement["evidence"]["sentence"] in body


def test_split_quote_is_one_statement(extractor: Extractor) -> None:
    body = "“We will not rush this,” Lena Berg said, “because the accord has to last for decades.”"
    (statement,) = _statements(extractor, body)
    assert _speaker(statement) == "Lena Berg"
    assert statement["quote"] == "We will not rush this, because the accord has to last for decades."


def test_quote_over_several_sentences_attributed_at_its_end(extractor: Extractor) -> None:
    body = (
        "Fires spread across the region on Thursday.\n"
        "“Our forests are burning. This is an emergency for all of us. We must act now!” "
        "President Emmanuel Macron wrote on Thursday."
    )
    (statement,) = _statements(extractor, body)
    assert _speaker(statement) == "Emmanuel Macron"
    assert statement["quote"].startswith("Our forests are burning.")
    assert statement["date"]["value"] == "2025-10-23"


def test_glued_quotation_marks(extractor: Extractor) -> None:
    body = '"We expect the delay to be brief,"a top official said,"Farmers will be able to sell grain."'
    statements = _statements(extractor, body)
    assert [_speaker(s) for s in statements] == ["top official", "top official"]


def test_pronoun_and_continuation_resolve_to_the_named_speaker(extractor: Extractor) -> None:
    body = (
        "Lena Berg met the delegation on Monday.\n"
        "“We have closed the gaps on fishing quotas,” she said.\n"
        "“The signing can happen next month.”"
    )
    statements = _statements(extractor, body)
    assert [(_speaker(s), s["speaker_resolution"]) for s in statements] == [
        ("Lena Berg", "pronoun"),
        ("Lena Berg", "continuation"),
    ]
    assert statements[0]["confidence"] > statements[1]["confidence"]


def test_reported_speech_then_bare_quote_continues_the_reporter(extractor: Extractor) -> None:
    body = "Angela Merkel said the talks had been useful. “We made real progress on the open questions.”"
    (statement,) = [s for s in _statements(extractor, body) if s["form"] == "direct"]
    assert _speaker(statement) == "Angela Merkel"


def test_description_with_a_nationality_picks_that_persons_country(extractor: Extractor) -> None:
    body = (
        "US President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo.\n"
        "“We are allies at the strongest level,” Trump said.\n"
        "“Peace cannot be protected by words alone,” the Japanese leader said."
    )
    statements = _statements(extractor, body)
    assert [_speaker(s) for s in statements] == ["Donald Trump", "Sanae Takaichi"]
    assert statements[1]["speaker_resolution"] == "description"


def test_the_ministry_resolves_to_the_named_ministry(extractor: Extractor) -> None:
    body = (
        "The Chinese Foreign Ministry issued a statement on Tuesday.\n"
        "“Japan must respect the security concerns of its neighbours,” the ministry said."
    )
    (statement,) = _statements(extractor, body)
    assert _speaker(statement) == "Chinese Foreign Ministry"
    assert statement["actors"][0]["country"] == "China"


def test_short_quotes_are_partial_and_the_addressee_is_an_actor(extractor: Extractor) -> None:
    body = "Donald Trump told Sanae Takaichi that her election was a “big deal.”"
    (statement,) = _statements(extractor, body)
    assert statement["partial"] is True
    roles = {a["role"]: a["name"] for a in statement["actors"]}
    assert roles == {"speaker": "Donald Trump", "addressee": "Sanae Takaichi"}


def test_cue_verb_sets_the_plover_category(extractor: Extractor) -> None:
    body = "“Japan must stop these provocations at once,” the Chinese government warned."
    (statement,) = _statements(extractor, body)
    assert statement["cue"] == "warn"
    assert statement["plover"] == {"category": "THREATEN", "mode": None}


@pytest.mark.parametrize(
    "body",
    [
        "He said “this never closes and goes on",
        '"' * 5000,
        "“a” " * 2000,
        "She said ” backwards “ quotes.",
    ],
)
def test_unbalanced_or_pathological_quotes_never_crash(extractor: Extractor, body: str) -> None:
    _statements(extractor, body)
