"""Whom a description in a party slot stands for: the one person the text described so before."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor


def _parties(
    extractor: Extractor, body: str, kind: str = "meeting", published_at: str = "2016-05-12"
) -> list[list[str]]:
    """The parties of each event of ``kind``, in the order published."""
    result = extractor.extract_one(Article(id="t", body=body, published_at=published_at))
    assert result.error is None, result.error
    events: list[dict[str, Any]] = [e.to_dict() for e in result.events if e.type == kind]
    return [[a["name"] for a in e["actors"]] for e in events]


@pytest.mark.parametrize(
    "body",
    [
        # a title before the name
        "House Speaker Paul Berg and Senator Ann Lund spoke on Monday. "
        "Ravi Patel met with the speaker on Tuesday.",
        # an apposition, with its of-phrase and "former"
        "Paul Berg, the former secretary of state, spoke on Monday. "
        "Mayor Ravi Patel met the former secretary of state on Tuesday.",
        # a country's office, said of the person in another form
        "Chilean President Paul Berg spoke on Monday. Ravi Patel met Chile's president on Tuesday.",
        "US President Paul Berg spoke on Monday. Ravi Patel met the US president on Tuesday.",
        # a capitalised title no entity holds
        "Prime Minister Paul Berg spoke on Monday. Ravi Patel met the Prime Minister on Tuesday.",
    ],
)
def test_a_description_stands_for_the_person_described_so(extractor: Extractor, body: str) -> None:
    assert _parties(extractor, body) == [["Ravi Patel", "Paul Berg"]]


@pytest.mark.parametrize(
    "body",
    [
        # two people fit: no one is chosen
        "President Paul Berg and President Ann Lund spoke on Monday. "
        "Ravi Patel met with the president on Tuesday.",
        # described by another title
        "House Speaker Paul Berg spoke on Monday. Ravi Patel met with the governor on Tuesday.",
        # a bare title whose bearer was named long before, others since
        "Paul Berg, a candidate for governor, spoke in Lyon on Monday. The city council voted on "
        "Tuesday. Its members backed a new bridge. The mayor was away. Fans filled the stadium. "
        "Ravi Patel spoke to Ann Lund later. Patel had a conversation with the candidate on Friday.",
    ],
)
def test_a_description_that_fits_no_one_person_names_no_one(extractor: Extractor, body: str) -> None:
    assert _parties(extractor, body) == []


def test_a_bare_title_stands_for_its_bearer_named_a_few_sentences_back(extractor: Extractor) -> None:
    body = (
        "Paul Berg, a candidate for governor, spoke in Lyon on Monday. The city council voted on "
        "Tuesday. Ravi Patel had a conversation with the candidate on Friday."
    )
    assert [set(p) for p in _parties(extractor, body)] == [{"Ravi Patel", "Paul Berg"}]


def test_another_countrys_office_is_that_country(extractor: Extractor) -> None:
    body = "Chilean President Paul Berg spoke on Monday. Ravi Patel met Peru's president on Tuesday."
    assert _parties(extractor, body) == [["Ravi Patel", "Peru"]]


def test_the_three_countries_are_the_last_three_named(extractor: Extractor) -> None:
    body = (
        "A handshake at a summit on Friday ended the row between Chile, Peru and Bolivia over the "
        "past week. The three countries agreed to end the conflict."
    )
    result = extractor.extract_one(Article(id="t", body=body, published_at="2026-01-07"))
    (deal,) = [e for e in result.events if e.type == "agreement"]
    assert {a.name for a in deal.actors} == {"Chile", "Peru", "Bolivia"}


def test_the_ministers_are_the_people_who_met_not_a_deals_countries(extractor: Extractor) -> None:
    """ "The foreign ministers" after a meeting of four ministers and a deal of two countries told
    since: the ministers who met."""
    body = (
        "Foreign ministers Ana Ruiz, Ben Holt and Carla Dunn met in Lisbon on Monday. They said the "
        "border agreement between Chad and Niger was void. The foreign ministers then agreed to a future "
        "meet in Porto."
    )
    result = extractor.extract_one(Article(id="t", body=body, published_at="2026-01-07"))
    later = [e for e in result.events if e.type == "meeting" and e.evidence.start > 100]
    assert [{a.name for a in e.actors} for e in later] == [{"Ana Ruiz", "Ben Holt", "Carla Dunn"}]
    assert later[0].status == "planned"


def test_the_company_described_by_where_it_is_based_is_the_one_named(extractor: Extractor) -> None:
    body = (
        "Dunmore Systems makes chips for phones. The Sunnyvale, Calif., company said it will pay "
        "$40 million for Zentro Inc., a maker of servers."
    )
    deals = _parties(extractor, body, "agreement", published_at="2026-01-07")
    assert [set(d) for d in deals] == [{"Dunmore Systems", "Zentro Inc"}]


def test_a_title_tagged_as_a_name_still_describes(extractor: Extractor) -> None:
    """The tagger takes "president" in "the president visits Kuwait" for a proper noun (NNP)."""
    body = "President Paul Berg travels to the region next week.\nThen the president visits Kuwait and Egypt."
    assert [set(p) for p in _parties(extractor, body)] == [{"Paul Berg", "Kuwait", "Egypt"}]


def test_each_country_is_every_country_named_before(extractor: Extractor) -> None:
    body = (
        "The feud between the nations of Chile, Peru, and Bolivia ended on Friday. "
        "The leaders of each country agreed on Saturday to restore ties."
    )
    assert [set(p) for p in _parties(extractor, body, "agreement")] == [{"Chile", "Peru", "Bolivia"}]


def test_the_two_nations_may_be_countries_only_the_gazetteer_knows(extractor: Extractor) -> None:
    """South Sudan has no entry in the demonym table, but it is a country named after France."""
    body = (
        "France urged Sudan and South Sudan to stop the fighting on Monday.\n\n"
        "On Tuesday the two nations signed a ceasefire agreement."
    )
    assert [set(p) for p in _parties(extractor, body, "agreement")] == [{"Sudan", "South Sudan"}]


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        # the person named before "him" in its sentence, not the last speaker
        (
            '"Tom Hale started the fight with us," Jim Lund said.\n\n'
            "The two got on well in the spring, with Carl Berg calling Hale his friend, meeting with "
            "him in July and inviting him on a trip.",
            {"Carl Berg", "Tom Hale"},
        ),
        # the subject of the clause around the pronoun is never its object: the reporter is meant
        (
            "Jim Lund spoke on Monday. Tom Hale said that Carl Berg met him in Paris.",
            {"Carl Berg", "Tom Hale"},
        ),
        ("Jim Lund spoke on Monday. Ana Berg said Carl Hale met her in Paris.", {"Carl Hale", "Ana Berg"}),
    ],
)
def test_him_is_someone_named_before_in_its_sentence(
    extractor: Extractor, body: str, parties: set[str]
) -> None:
    assert [set(p) for p in _parties(extractor, body, published_at="2016-01-17")] == [parties]


def test_she_is_the_person_in_apposition_to_the_last_subject(extractor: Extractor) -> None:
    """ "The director of the centre, Maria Rossi, told ...": the subject is a description, and the
    person named beside it is the one "she" goes back to, not the man who spoke before."""
    body = (
        "Tom Hale told the AP that Jim Lund had written to him.\n\n"
        "The director of the Harbour Centre, Maria Rossi, denied any ties of her staff to Lund. "
        "She said she had met with Lund twice."
    )
    assert [set(p) for p in _parties(extractor, body, published_at="2016-08-17")] == [
        {"Maria Rossi", "Jim Lund"}
    ]


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        # a subject inside a quote is the speaker's words, not whom the narrative's "he" means
        (
            "In an interview, Omar Berg said he hoped to talk with mayors abroad.\n\n"
            '"If Tom Hale wins, they will keep me out," he said.\n\n'
            "He said he intends to visit the United States in March in case Hale wins.",
            {"Omar Berg", "United States"},
        ),
        # "he" under a clause whose subject is a named person is that person, not the last subject
        (
            "Ana Berg spoke on Monday. Tom Hale, head of the Harbour Fund, said almost every "
            "conversation he has held with donors this year turns to the Senate.",
            {"Tom Hale", "donors"},
        ),
        # a surname alone there is the person the text was about, of two who bear it
        (
            "Senator Ana Ruiz spoke on Monday.\n\nFormer governor Carl Ruiz greeted voters in Dover on "
            "Tuesday.\n\nRuiz arrived at a school in Dover, where he met with Mayor Tom Hale.",
            {"Carl Ruiz", "Tom Hale"},
        ),
    ],
)
def test_he_is_the_named_subject_above_it_and_never_one_quoted(
    extractor: Extractor, body: str, parties: set[str]
) -> None:
    assert [set(p) for p in _parties(extractor, body, published_at="2016-05-11")] == [parties]


def test_the_energy_ministers_are_those_of_the_group_described_so(extractor: Extractor) -> None:
    """Prime ministers and energy ministers met; "the energy ministers" signed: only the latter."""
    body = (
        "The talks in Lima were attended by Chilean prime minister Ana Ruiz and energy minister Tom "
        "Berg, and Peruvian prime minister Rosa Lind and energy minister Omar Vidal. The deal was "
        "signed by the energy ministers."
    )
    assert [set(p) for p in _parties(extractor, body, "agreement")] == [{"Tom Berg", "Omar Vidal"}]


def test_the_two_companies_may_be_named_before_in_their_own_sentence(extractor: Extractor) -> None:
    body = (
        "The record label Nordlys Music claims that Kestrel Software broke a pact signed between "
        "the two companies in 1987."
    )
    found = [set(parties) for parties in _parties(extractor, body, "agreement")]
    assert found == [{"Nordlys Music", "Kestrel Software"}], found


def test_a_bare_title_is_its_bearer_named_without_a_country_when_another_has_one(
    extractor: Extractor,
) -> None:
    """ "President Berg ... Korean President Lee ... the president visits": the text gives the other
    bearer's country to tell him apart, so the bare title is the one it gave none."""
    body = (
        "President Paul Berg travels to Asia in the coming week to push for a trade pact.\n\n"
        "The first stop is Japan, where he says he will urge Prime Minister Ana Ruiz and Korean "
        "President Lee Sun to resume their talks.\n\n"
        "After Japan, the president visits Laos, Vietnam, Thailand and Cambodia."
    )
    visits = [names for names in _parties(extractor, body) if "Laos" in names]
    assert visits and "Paul Berg" in visits[0], visits
