"""A meeting told in the first person inside a quote has the quote's speaker as a party."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor


def _meetings(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    return [e.to_dict() for e in result.events if e.type == "meeting"]


@pytest.mark.parametrize(
    "body",
    [
        '"We met with Mr. Oduya on Monday and liked his plan," said Tarco chairman Ivan Pelz.',
        'Ivan Pelz, the chairman of Tarco, was blunt. "I met with Governor Rosa Lind last week," he said.',
        # a bare quote that carries on the last speaker's words
        '"We will grow," said Tarco chairman Ivan Pelz.\n\n"Last spring I met with Governor Rosa Lind."',
    ],
)
def test_the_speaker_is_a_party(extractor: Extractor, body: str) -> None:
    (meeting,) = _meetings(extractor, body)
    names = [a["name"] for a in meeting["actors"]]
    assert names[0] == "Ivan Pelz"
    assert len(names) == 2


@pytest.mark.parametrize(
    "body",
    [
        '"We could meet with Mr. Oduya," said Tarco chairman Ivan Pelz.',  # a possibility
        '"We met with some of the lenders," said Tarco chairman Ivan Pelz.',  # no one named
        '"We met with Mr. Oduya," the statement said.',  # no speaker to stand for "we"
    ],
)
def test_no_meeting_without_a_speaker_and_a_named_counterpart(extractor: Extractor, body: str) -> None:
    assert _meetings(extractor, body) == []


def test_a_named_partys_visit_stated_in_a_quote_is_reported_with_its_place(extractor: Extractor) -> None:
    """ "Dole's visit to Peru reminds me ...": the visit is told as a fact, whatever the tense of the
    verb it is the subject of; its place is read inside the quote it is stated in."""
    body = '"Donald Dole\u2019s surprise visit to Peru reminds me of the old days," Ann Lund wrote.'
    (meeting,) = _meetings(extractor, body)
    assert [a["name"] for a in meeting["actors"]] == ["Donald Dole", "Peru"]
    assert meeting["location"]["name"] == "Peru"
    assert _meetings(extractor, '"Dole\u2019s visit to Peru would be a disaster," Ann Lund wrote.') == []


def test_a_meeting_the_quote_says_will_be_arranged_is_the_speakers_side(extractor: Extractor) -> None:
    """ "talks will be held with the unions," the minister said: no one named holds them, so the
    speaker's side does; the unnamed counterpart is a group. A possibility is not reported."""
    body = 'Ugo Ferri, the deputy minister, said "a working table will be set up with the farm associations".'
    assert _meetings(extractor, body) == []  # "working table" is no meeting word
    body = (
        'Ugo Ferri, the deputy minister, said "a discussion table will be set up with the farm associations".'
    )
    (meeting,) = _meetings(extractor, body)
    assert [a["name"] for a in meeting["actors"]] == ["Ugo Ferri", "farm associations"]
    assert meeting["status"] == "planned"
    assert _meetings(extractor, '"Talks could be held with the unions," Labour Minister Ana Ruiz said.') == []


def test_a_group_met_in_the_first_person_is_the_other_party(extractor: Extractor) -> None:
    """ "I met with several of the bond agencies," the governor said: the speaker and the agencies."""
    body = '"I went to Boston, and I met with several of the bond agencies," Governor Ivan Pelz said.'
    (meeting,) = _meetings(extractor, body)
    assert [a["name"] for a in meeting["actors"]] == ["Ivan Pelz", "bond agencies"]
    assert _meetings(extractor, '"I met with my friends," Governor Ivan Pelz said.') == []


def test_a_quoted_meeting_that_will_go_on_is_scheduled(extractor: Extractor) -> None:
    """ "will continue to meet" inside a quoted statement: the tense is the aspect verb's, so the
    quote states a scheduled meeting of the two it names; "could continue to meet" does not."""
    body = (
        "The joint statement read: “President Ana Ruiz and Prime Minister Tom Lund will continue to meet "
        "every two weeks to follow up the talks.”"
    )
    (meeting,) = _meetings(extractor, body)
    assert meeting["status"] == "planned"
    assert {a["name"] for a in meeting["actors"]} == {"Ana Ruiz", "Tom Lund"}
    assert _meetings(extractor, "“Ana Ruiz and Tom Lund could continue to meet,” the aide said.") == []


def _agreement_parties(extractor: Extractor, body: str) -> list[set[str]]:
    result = extractor.extract_one(Article(id="q", body=body, published_at="2025-10-29"))
    return [{a.name for a in e.actors} for e in result.events if e.type == "agreement"]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # the speaker's body, which the title names, is the side "we" binds; not the spokesman
        (
            '"We signed a supply deal with Boeing in March," said Airbus spokesman Tom Lund.',
            {"Airbus", "Boeing"},
        ),
        # no body named: the speaker
        ('"We signed an agreement with Japan last year," Prime Minister Lia Ek said.', {"Lia Ek", "Japan"}),
        (
            '"Our agreements with Japan and Korea were signed last year," Prime Minister Lia Ek said.',
            {"Lia Ek", "Japan", "Korea"},
        ),
    ],
)
def test_an_agreement_told_in_the_first_person_has_the_speakers_side(
    extractor: Extractor, body: str, want: set[str]
) -> None:
    assert _agreement_parties(extractor, body) == [want]


def test_an_agreement_the_quote_only_imagines_is_none(extractor: Extractor) -> None:
    assert (
        _agreement_parties(extractor, '"We could sign a deal with Boeing," said Airbus spokesman Tom Lund.')
        == []
    )


@pytest.mark.parametrize(
    "body",
    [
        # the contracts are the county's; "we" only studied them
        '"Last spring we studied the county\'s current contracts with Tom Hale closely," Mara Klein said.',
        # a law signed, with no other side
        '"When I signed Senate Bill 88, the law protected farmers," Governor Tom Hale said.',
    ],
)
def test_no_agreement_of_the_speakers_side_without_a_counterpart_of_its_own(
    extractor: Extractor, body: str
) -> None:
    assert _agreement_parties(extractor, body) == []
