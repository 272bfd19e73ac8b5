"""The offline gazetteer: countries, states and cities, namesakes, and names it does not know."""

from __future__ import annotations

import pytest

from streams.core.normalise.gazetteer import capital_country, country_code, geocode, us_state_abbreviation


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Japan", "JP"),
        ("Japanese", "JP"),  # a demonym, through countries.country_for
        ("the U.S.", "US"),
        ("Britain", "GB"),
        ("Iran", "IR"),  # ISO's "Iran, Islamic Republic of"
        ("Vietnam", "VN"),
        ("Netherlands’", "NL"),
    ],
)
def test_country_codes(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["European Union", "Korea", "Narnia", "Democrats", ""])
def test_no_code_for_what_is_no_single_country(name: str) -> None:
    assert country_code(name) is None


def test_a_country_is_placed_at_its_capital() -> None:
    malta = geocode("Malta")
    assert malta is not None
    assert (malta.feature, malta.country_code, malta.geonames_id) == ("country", "MT", 2562770)
    assert malta.latitude == pytest.approx(35.9, abs=0.05)  # Valletta
    assert malta.longitude == pytest.approx(14.5, abs=0.05)


def test_a_city() -> None:
    doha = geocode("Doha")
    assert doha is not None
    assert (doha.feature, doha.country_code, doha.geonames_id) == ("city", "QA", 290030)
    assert doha.latitude == pytest.approx(25.29, abs=0.05)
    assert doha.longitude == pytest.approx(51.53, abs=0.05)


def test_a_city_by_its_english_alternate_name() -> None:
    kiev = geocode("Kiev")
    assert kiev is not None
    assert (kiev.country_code, kiev.feature) == ("UA", "city")


def test_a_state_and_a_capital_named_like_a_state() -> None:
    florida = geocode("Florida")
    assert florida is not None
    assert (florida.feature, florida.country_code, florida.latitude) == ("admin_region", "US", None)
    washington = geocode("Washington")
    assert washington is not None
    assert washington.feature == "city"
    assert washington.latitude == pytest.approx(38.9, abs=0.05)


def test_namesakes_the_article_country_decides_unless_dwarfed() -> None:
    alone, in_pakistan = geocode("Hyderabad"), geocode("Hyderabad", {"PK"})
    assert alone is not None
    assert in_pakistan is not None
    assert (alone.country_code, in_pakistan.country_code) == ("IN", "PK")
    paris = geocode("Paris", {"US"})  # Paris, Texas is a hundredth of Paris, France
    assert paris is not None
    assert paris.country_code == "FR"


@pytest.mark.parametrize("name", ["Narnia", "Gondor City", "the Harbour Accord"])
def test_unknown_places_give_nothing(name: str) -> None:
    assert geocode(name) is None


@pytest.mark.parametrize(
    ("text", "expected"), [("N.H.", True), ("Fla.", True), ("Calif.", True), ("Peru", False)]
)
def test_us_state_abbreviations_in_news_style(text: str, expected: bool) -> None:
    assert us_state_abbreviation(text) is expected


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Ankara", "Turkey"),
        ("Kyiv", "Ukraine"),
        ("Washington", "United States"),
        ("Istanbul", None),
        ("Ohio", None),
    ],
)
def test_a_capital_names_its_country(name: str, country: str | None) -> None:
    assert capital_country(name) == country


def test_a_place_name_is_a_places_own_name_not_only_an_alternate() -> None:
    from streams.core.normalise.gazetteer import is_place_name

    assert is_place_name("Capitol Hill") and is_place_name("Peru") and is_place_name("Florida")
    # alternate names of Naberezhnye Chelny and Casablanca: a body by those names is no city
    assert not is_place_name("NBC") and not is_place_name("White House")
