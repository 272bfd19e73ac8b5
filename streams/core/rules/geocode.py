"""Give the rules' places and countries their gazetteer codes: GeoNames id, ISO code, coordinates.

Downstream services map events and join them by country; the rules find the words, and this
module asks the offline gazetteer (``normalise/gazetteer.py``) what they stand for. Nothing is
guessed: a name the gazetteer does not know keeps its null codes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from spacy.tokens import Span

from streams.core.model import Actor, Location
from streams.core.normalise.gazetteer import country_code, geocode

#: Entity labels that can name a country: "Pakistan" (GPE), "Pakistani" (NORP).
_COUNTRY_LABELS = ("GPE", "NORP")
#: Entity labels the gazetteer can place: countries, states, cities (GPE), regions (LOC).
#: Buildings (FAC) are not looked up: a city-level gazetteer would place "the White House" wrongly.
GEOCODED_LABELS = ("GPE", "LOC")


def article_countries(entities: Iterable[Span]) -> frozenset[str]:
    """ISO codes of the countries an article names, which decide between namesake cities."""
    codes = set()
    for ent in entities:
        if ent.label_ in _COUNTRY_LABELS:
            code = country_code(ent.text)
            if code is not None:
                codes.add(code)
    return frozenset(codes)


def located(name: str, text: str, label: str | None, countries: Collection[str]) -> Location:
    """A location record for a place name, geocoded when its entity label is a place's and the
    gazetteer knows it."""
    place = geocode(name, countries) if label in GEOCODED_LABELS else None
    if place is None:
        return Location(name=name, text=text)
    return Location(
        name=name,
        text=text,
        geonames_id=place.geonames_id,
        country_code=place.country_code,
        latitude=place.latitude,
        longitude=place.longitude,
        feature=place.feature,
    )


def with_country_codes(actors: list[Actor]) -> list[Actor]:
    """The actors, each with the ISO code of its ``country`` (a country actor: of itself)."""
    coded = []
    for actor in actors:
        country = actor.country or (actor.name if actor.kind == "country" else None)
        code = country_code(country) if country else None
        coded.append(replace(actor, country_code=code) if code != actor.country_code else actor)
    return coded
