"""Agreements named with their parties, and "agree with" as an opinion."""

from __future__ import annotations

import pytest
from spacy.language import Language

from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.agreement_shapes import (
    agreement_with_party,
    consents_to_speak,
    joint_pledge,
    opinion_agreement,
    reacted_to,
)
from tests.fixtures.extraction import events_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _token(nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    (token,) = [t for t in nlp(text) if t.text == word]
    return token


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Analysts praised the union's deal with Acme Corp.", "deal"),
        ("Last year's trade deal with Peru limits imports.", "deal"),
        ("Oman kept its understanding with Iran on shipping.", "understanding"),
        ("According to Miller's plea agreement, he will testify.", "agreement"),
        ("Acme has a large contract with Veritron.", "contract"),
    ],
)
def test_agreements_named_with_a_party(nlp: Language, text: str, word: str) -> None:
    assert agreement_with_party(_token(nlp, text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The envoys held talks on a deal with Iran.", "deal"),
        ("The senators pushed for a deal with Iran.", "deal"),
        ("Washington is negotiating a trade deal with Japan.", "deal"),
        ("He took a plea deal.", "deal"),
        ("The deal was good for farmers.", "deal"),
        ("She has a good understanding with her staff.", "understanding"),
    ],
)
def test_agreement_nouns_without_a_named_party_or_still_sought(nlp: Language, text: str, word: str) -> None:
    assert not agreement_with_party(_token(nlp, text, word))


@pytest.mark.parametrize(
    ("text", "opinion"),
    [
        ("Most voters agreed with Smith that taxes are too high.", True),
        ("I agree with Smith that the tax is wrong.", True),
        ("Iran agreed with the European Union that sanctions would end.", False),
        ("Smith agreed with Jones to split the costs.", False),
        ("Acme agreed with Beta on a price.", False),
        ("The two firms agreed to merge.", False),
        ("The three scholars agreed there are qualified candidates.", True),
        ("Kleinbard agreed that the Treasury has limited power.", True),
        ("The two countries agreed that troops would withdraw by May.", False),
        ("Former mayor Tom Ruiz agreed that the party's rules should be changed.", True),
        ("Chile agreed that its troops would withdraw by May.", False),
        ("The sides agreed that the border should reopen.", False),
        # what others should do, agreed by people, is a view; by sides, or of their own acts, terms
        ("Ann Lund and Tom Berg agree that Norway must act.", True),
        ("Most economists agreed that the bank should raise rates.", True),
        ("Ann Lund and Tom Berg agreed that they must cooperate on trade.", False),
        ("Chile and Peru agreed that troops should leave the border by May.", False),
        # a share of those asked: a poll's answer
        ("In the poll, 41% strongly agree that they should be free to pick their school.", True),
        # agreeing in what one says, with nothing agreed to: a view voiced
        ("In a statement, Ann Lund and Tom Berg agreed.", True),
        ("In a statement, Chile and Peru agreed to cut tariffs.", False),
    ],
)
def test_agree_with_as_opinion(nlp: Language, text: str, opinion: bool) -> None:
    assert opinion_agreement(_token(nlp, text, "agreed" if "agreed" in text else "agree")) is opinion


@pytest.mark.parametrize(
    ("text", "word", "agreement"),
    [
        (
            "Ivan Pelz and Governor Rosa Lind pledged to work together despite their differences.",
            "pledged",
            True,
        ),
        ("Chile and Peru vowed to cooperate on water.", "vowed", True),
        ("Chile and Peru pledged to fight corruption.", "pledged", False),  # two promises, nothing joint
        ("Rosa Lind pledged to work together with the unions.", "pledged", False),  # one named party
    ],
)
def test_a_pledge_to_act_together(nlp: Language, text: str, word: str, agreement: bool) -> None:
    assert joint_pledge(_token(nlp, text, word)) is agreement


@pytest.mark.parametrize(
    ("text", "word", "reaction"),
    [
        ("In Lille on Monday the envoys denounced the pact between Chad and Niger.", "pact", True),
        ("The mayor welcomed the deal with Acme on Friday.", "deal", True),
        # leaving it: the year is the leaving's, not the treaty's
        ("Last year the president withdrew the country from the treaty with Chile.", "treaty", True),
        ("In May Norway quit the fishing accord with Chile.", "accord", True),
        ("The council pulled the town out of the deal with Acme.", "deal", True),
        ("On Friday Acme walked away from the deal with Beta.", "deal", True),
        # taking something out of a deal, or pulling one together, leaves no one
        ("Acme took the clause from the deal with Beta.", "deal", False),
        ("The council pulled together a deal with Acme.", "deal", False),
        ("Acme and Beta signed the deal in Oslo on Monday.", "deal", False),
        # a regulator clearing or blocking a deal two others made
        ("The Commission cleared Orion Motors' takeover of Vexa Systems on Friday.", "takeover", True),
        ("The board approved a merger with Beta on Friday.", "merger", False),  # its own deal
        # the means of the reaction, not what it is about
        ("Peru was condemned in a joint declaration by Chad and Niger.", "declaration", False),
    ],
)
def test_an_agreement_reacted_to(nlp: Language, text: str, word: str, reaction: bool) -> None:
    assert reacted_to(_token(nlp, text, word)) is reaction


def test_a_reaction_neither_dates_nor_places_the_agreement(extractor: Extractor) -> None:
    """The day and place of "denounced" are the denouncing's; a date of the deal's own stays."""
    body = (
        "In Lille on Monday the envoys denounced the pact between Chad and Niger. "
        "In Lille on Monday the envoys denounced the May 3 pact between Mali and Togo."
    )
    found = [(e["date"], e["location"]) for e in events_of(extractor, body, "agreement")]
    assert found[0] == (None, None), found
    assert found[1][0] is not None and found[1][0]["value"] == "2025-05-03" and found[1][1] is None, found


def test_leaving_an_agreement_does_not_date_it(extractor: Extractor) -> None:
    """The day a side pulls out is the leaving's; the pact was made before."""
    body = "Chile pulled out of the trade pact with Peru on Monday."
    found = [
        (e["date"], sorted(a["name"] for a in e["actors"])) for e in events_of(extractor, body, "agreement")
    ]
    assert found == [(None, ["Chile", "Peru"])], found


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("Anna agreed to talk as long as her name was withheld.", True),
        ("Zenco agreed to speak to reporters after the vote.", True),
        ("Anna Berg agreed to be interviewed by the Herald.", True),
        ("The rebels agreed to talk with the government in Oslo.", False),
        ("Zenco agreed to pay Bolt $5 million.", False),
        ("Anna Berg agreed to an hour-long interview with the Herald.", True),
    ],
)
def test_consent_to_an_interview(nlp: Language, text: str, consent: bool) -> None:
    assert consents_to_speak(_token(nlp, text, "agreed")) is consent


@pytest.mark.parametrize(
    "body",
    [
        # one person sharing a view, however the sentence goes on
        "Weighing in on the debate, former Ohio Gov. Tom Ruiz agreed, calling his rival a gifted speaker.",
        # a source's consent to speak
        "Anna Lund agreed to talk as long as her name was withheld.",
        # an order about a settlement is no settlement
        "Governor Tom Ruiz signed an order on Monday that pauses the settlement of claims.",
    ],
)
def test_no_agreement_is_published(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "agreement", published_at="2016-03-21") == []
