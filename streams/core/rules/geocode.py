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
from streams.core.normalise.gazetteer import country_code, geocode, us_state_abbreviation

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
            if code is None and ent.label_ == "GPE":
                # a US state ("New Hampshire") names its country too: "Manchester" is then Manchester, N.H.
                place = geocode(ent.text)
                code = place.country_code if place is not None and place.feature == "admin_region" else None
            if code is not None:
                codes.add(code)
    return frozenset(codes)


def located(
    name: str, text: str, label: str | None, countries: Collection[str], within: str | None = None
) -> Location:
    """A location record for a place name, geocoded when its entity label is a place's and the
    gazetteer knows it; ``within`` is the country the text puts it in ("Manchester, N.H.")."""
    place = geocode(name, countries, within) if label in GEOCODED_LABELS else None
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


def qualifying_country(place: Span) -> str | None:
    """The country a place name is qualified with right after it: "Manchester, New Hampshire"
    (a US state), "Hyderabad, Pakistan" (a country) give US and PK."""
    doc = place.doc
    if place.end + 1 >= len(doc) or doc[place.end].text != ",":
        return None
    # "Manchester, N.H.": the AP abbreviation of a US state, which the model seldom tags
    abbreviation = doc[place.end + 1].text + (
        "." if place.end + 2 < len(doc) and doc[place.end + 2].text == "." else ""
    )
    if us_state_abbreviation(abbreviation) or us_state_abbreviation(doc[place.end + 1].text):
        return "US"
    following = next((e for e in doc.ents if e.start == place.end + 1 and e.label_ == "GPE"), None)
    if following is None:
        return None
    code = country_code(following.text)
    if code is not None:
        return code
    region = geocode(following.text)
    return region.country_code if region is not None and region.feature == "admin_region" else None


def with_country_codes(actors: list[Actor]) -> list[Actor]:
    """The actors, each with the ISO code of its ``country`` (a country actor: of itself)."""
    coded = []
    for actor in actors:
        country = actor.country or (actor.name if actor.kind == "country" else None)
        code = country_code(country) if country else None
        coded.append(replace(actor, country_code=code) if code != actor.country_code else actor)
    return coded
