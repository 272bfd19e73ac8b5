"""Events' locations and actors get the gazetteer's codes; places it does not know get none."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor


def _first(extractor: Extractor, body: str, kind: str) -> dict[str, Any]:
    result = extractor.extract_one(Article(id="geo", body=body, published_at="2025-10-29"))
    assert result.error is None, result.error
    return next(e.to_dict() for e in result.events if e.type == kind)


def test_a_city_location_is_geocoded(extractor: Extractor) -> None:
    meeting = _first(
        extractor, "Prime Minister Anna Berg met President Tomas Veld in Geneva on Monday.", "meeting"
    )
    location = meeting["location"]
    assert location["name"] == "Geneva"
    assert (location["country_code"], location["feature"], location["geonames_id"]) == ("CH", "city", 2660646)
    assert location["latitude"] == pytest.approx(46.2, abs=0.05)
    assert location["longitude"] == pytest.approx(6.15, abs=0.05)


def test_a_country_location_is_geocoded(extractor: Extractor) -> None:
    agreement = _first(
        extractor, "Chile and Norway signed a fisheries agreement in Malta on Friday.", "agreement"
    )
    location = agreement["location"]
    assert location["name"] == "Malta"
    assert (location["country_code"], location["feature"]) == ("MT", "country")
    assert location["latitude"] is not None


def test_an_ambiguous_city_takes_the_country_the_article_names(extractor: Extractor) -> None:
    body = (
        "Pakistani Foreign Minister Omar Qadir met Chinese envoy Li Wen in Hyderabad on Tuesday.\n"
        "The talks in Pakistan covered trade."
    )
    meeting = _first(extractor, body, "meeting")
    assert meeting["location"]["name"] == "Hyderabad"
    assert meeting["location"]["country_code"] == "PK"


def test_an_unknown_place_gets_no_codes(extractor: Extractor) -> None:
    meeting = _first(
        extractor, "Governor Ella Marsh met Mayor Tom Reed in Quillbrook City on Monday.", "meeting"
    )
    location = meeting["location"]
    assert location is not None
    assert location["name"] == "Quillbrook City"
    assert [location[k] for k in ("geonames_id", "country_code", "latitude", "longitude", "feature")] == [
        None
    ] * 5


def test_actors_get_the_code_of_their_country(extractor: Extractor) -> None:
    agreement = _first(
        extractor, "Chile and Norway signed a fisheries agreement in Malta on Friday.", "agreement"
    )
    codes = {a["name"]: a["country_code"] for a in agreement["actors"]}
    assert codes == {"Chile": "CL", "Norway": "NO"}
    meeting = _first(extractor, "Kenyan President Amina Odhiambo met Joseph Kato in Nairobi.", "meeting")
    people = {a["name"]: (a["country"], a["country_code"]) for a in meeting["actors"]}
    assert people["Amina Odhiambo"] == ("Kenya", "KE")
    assert people["Joseph Kato"] == (None, None)


def test_a_venue_is_geocoded_by_the_city_it_stands_in(extractor: Extractor) -> None:
    meeting = _first(
        extractor,
        "Prime Minister Anna Berg met President Tomas Veld at Akasaka Palace in Tokyo on Monday.",
        "meeting",
    )
    location = meeting["location"]
    assert (location["name"], location["locality"]) == ("Akasaka Palace", "Tokyo")
    assert (location["country_code"], location["feature"]) == ("JP", "city")


def test_a_venue_in_an_unknown_locality_takes_the_country_the_locality_names(extractor: Extractor) -> None:
    meeting = _first(
        extractor,
        "President Ana Ruiz had lunch with President Lars Dahl at the Villa Serena, the official retreat "
        "in the Norwegian Lake District.",
        "meeting",
    )
    location = meeting["location"]
    assert (location["name"], location["country_code"], location["geonames_id"]) == (
        "Villa Serena",
        "NO",
        None,
    )
    assert location["locality"] == "the Norwegian Lake District"


def test_a_place_named_by_itself_has_no_locality(extractor: Extractor) -> None:
    meeting = _first(
        extractor, "Prime Minister Anna Berg met President Tomas Veld in Geneva on Monday.", "meeting"
    )
    assert meeting["location"]["locality"] is None


def test_an_island_met_on_is_the_place_and_a_topic_after_on_is_not(extractor: Extractor) -> None:
    meeting = _first(
        extractor, "Prime Minister Anna Berg met President Tomas Veld on Malta in December.", "meeting"
    )
    assert meeting["location"]["name"] == "Malta"
    talks = _first(
        extractor, "Prime Minister Anna Berg held talks with President Tomas Veld on Syria.", "meeting"
    )
    assert talks["location"] is None


def test_a_place_in_another_clause_is_not_the_events(extractor: Extractor) -> None:
    meeting = _first(
        extractor, "Ana Ruiz, who had flown in from Madrid, met Lars Dahl on Monday in Lisbon.", "meeting"
    )
    assert meeting["location"]["name"] == "Lisbon"


def test_each_coordinated_meeting_takes_the_place_of_its_own_clause(extractor: Extractor) -> None:
    result = extractor.extract_one(
        Article(
            id="geo",
            body="Ana Ruiz met Lars Dahl in Paris, and Otto Berg met Lia Ek in Rome.",
            published_at="2025-10-29",
        )
    )
    places = [e.to_dict()["location"]["name"] for e in result.events if e.type == "meeting"]
    assert places == ["Paris", "Rome"]


def test_a_city_qualified_by_its_state_is_the_one_in_that_state(extractor: Extractor) -> None:
    meeting = _first(
        extractor,
        "Anna Berg met Tomas Veld after the debate at St. Anselm College in Manchester, New Hampshire.",
        "meeting",
    )
    location = meeting["location"]
    assert (location["name"], location["locality"], location["country_code"]) == (
        "St. Anselm College",
        "Manchester",
        "US",
    )


def test_a_city_tagged_as_a_body_is_still_placed_and_a_company_is_no_place(extractor: Extractor) -> None:
    meeting = _first(extractor, "Leaders of Chile and Peru met in Niamey on Sunday.", "meeting")
    assert (meeting["location"]["name"], meeting["location"]["country_code"]) == ("Niamey", "NE")
    deal = _first(extractor, "Acme agreed to buy Beta Corp after Jane Doe returned to Apple.", "agreement")
    assert deal["location"] is None


def test_a_city_qualified_by_an_ap_state_abbreviation_is_in_the_us(extractor: Extractor) -> None:
    meeting = _first(extractor, "Anna Berg met Tomas Veld in Manchester, N.H., on Monday.", "meeting")
    assert (meeting["location"]["name"], meeting["location"]["country_code"]) == ("Manchester", "US")
