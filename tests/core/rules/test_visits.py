"""Trips that are visits: a trip to a country by someone named is a meeting with that country."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.visits import is_trip_visit


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model()


def _meetings(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    return [e.to_dict() for e in result.events if e.type == "meeting"]


@pytest.mark.parametrize(
    ("text", "visit"),
    [
        ("Premier Lina Varga ended a four-day trip to Chile on Sunday.", True),
        ("On a trip to Peru and Bolivia, Senator Abel Moss praised the farmers.", True),
        ("Chancellor Otto Brandt's tour to Norway ended on Friday.", True),
        # "he" in the clause a named person reports is that person
        ("Mr. Holt told reporters that on a trip to Kenya soon he would calm allies.", True),
        # "his trip": the pronoun may be another's ("X shunned Y during his trips to Chile")
        ("Lina Varga shunned Otto Brandt during his trips to Chile.", False),
        # a city or a state has no host; a campaign trip is travel; no named traveller, no visit
        ("Mayor Ruth Kamp defended her trip to Lyon.", False),
        ("Governor Lee Park made a campaign trip to Chile.", False),
        ("The minister's trip to Chile was a success.", False),
        ("The trip to Chile took nine hours.", False),
    ],
)
def test_trip_to_a_country(nlp, text: str, visit: bool) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert any(is_trip_visit(t) for t in doc) is visit


def test_a_reported_trip_has_its_reporter_travel_to_every_country(extractor: Extractor) -> None:
    body = "Tom Holt told reporters Monday that while on a trip to Kosovo and Albania, he would calm allies."
    (meeting,) = _meetings(extractor, body)
    assert {a["name"] for a in meeting["actors"]} == {"Tom Holt", "Kosovo", "Albania"}
    assert meeting["status"] == "planned"


def test_a_trip_is_published_as_a_visit(extractor: Extractor) -> None:
    (meeting,) = _meetings(extractor, "Premier Lina Varga ended a four-day trip to Chile on Sunday.")
    assert {a["name"] for a in meeting["actors"]} == {"Lina Varga", "Chile"}
    assert meeting["plover"] == {"category": "CONSULT", "mode": "visit"}


@pytest.mark.parametrize(
    ("body", "actors", "place"),
    [
        # a foreign visitor to a capital visits its country, and the capital is the place
        ("German Chancellor Ada Brandt visited Ankara on Wednesday.", ["Ada Brandt", "Turkey"], "Ankara"),
        ("German Chancellor Ada Brandt visited Peru on Wednesday.", ["Ada Brandt", "Peru"], "Peru"),
    ],
)
def test_a_visit_to_a_capital_or_a_country(
    extractor: Extractor, body: str, actors: list[str], place: str
) -> None:
    (meeting,) = _meetings(extractor, body)
    assert [a["name"] for a in meeting["actors"]] == actors
    assert meeting["location"]["name"] == place


@pytest.mark.parametrize(
    "body",
    [
        "Senator Ann Lund visited Washington on Saturday.",  # her own capital, or no one known to be foreign
        "German Chancellor Ada Brandt visited Berlin on Wednesday.",
    ],
)
def test_a_visit_home_is_no_meeting(extractor: Extractor, body: str) -> None:
    assert _meetings(extractor, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Governor Tom Ruiz went on a short visit to the U.S.-Canada border at Detroit last summer.",
        "A month later, Tom Ruiz paid a quick visit to the Peru-Chile border near Tacna.",
    ],
)
def test_a_visit_to_a_border_meets_none_of_its_countries(extractor: Extractor, body: str) -> None:
    assert _meetings(extractor, body) == []


def test_a_meeting_noun_takes_place_and_time_from_its_partys_trip(extractor: Extractor) -> None:
    """ "Lund's trip to Vienna in 1979 ... the meeting between Lund and Petrov": where and when."""
    body = (
        "\"Tom Berg's visit to Peru recalls President Ann Lund's trip to Vienna in 1979,\" she wrote, "
        "recalling the meeting between Lund and Soviet leader Ivan Petrov."
    )
    result = extractor.extract_one(Article(id="t", body=body, published_at="2016-09-06"))
    meetings = [
        e for e in result.events if e.type == "meeting" and "Ivan Petrov" in {a.name for a in e.actors}
    ]
    assert [
        (m.location.name if m.location else None, m.date.value if m.date else None) for m in meetings
    ] == [("Vienna", "1979")]


def test_whose_trip_a_visit_recalls_is_no_party_of_the_visit(extractor: Extractor) -> None:
    body = "Tom Berg's visit to Peru recalls President Ann Lund's trip to Vienna in 1979."
    result = extractor.extract_one(Article(id="t", body=body, published_at="2016-09-06"))
    visits = [e for e in result.events if e.type == "meeting" and "Peru" in {a.name for a in e.actors}]
    assert [{a.name for a in v.actors} for v in visits] == [{"Tom Berg", "Peru"}]
