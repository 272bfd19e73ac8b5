"""Trips that are visits: "a four-day trip to Chile" is a meeting with Chile as host.

News calls a state visit a trip or a tour as often as a visit ("the chancellor ended a four-day trip
to Chile", "on a trip to Peru and Bolivia next month"). A trip is a meeting only when it goes
to a country, which hosts it: a trip to a city or a state ("a trip to Atlantic City", "early
trips to Iowa") names no host, and a campaign, speaking or business trip is travel whoever
receives it. Who travels is the trip's possessor or the clause's subject (rules/parties.py);
a trip with no named traveller beside it is not a visit.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from spacy.tokens import Span, Token

from streams.core.lexicon.triggers import NOT_VISIT_TRIPS, TRIP_NOUNS, VISIT_LEMMAS
from streams.core.model import Actor, DateValue, Location
from streams.core.normalise.countries import country_for
from streams.core.normalise.dates import normalise_date
from streams.core.normalise.gazetteer import country_place
from streams.core.rules.geocode import located
from streams.core.rules.syntax import prep_objects

#: Entity labels that can name who travels.
_VISITOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _entity(token: Token) -> Span | None:
    """The named entity ``token`` is part of, with its label, found by its IOB tags (no scan of the
    document)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _names_country(token: Token) -> bool:
    """A destination (or one coordinated with it: "to Peru and Bolivia") that is a country."""
    for place in (token, *token.conjuncts):
        entity = _entity(place) if place.ent_type_ == "GPE" else None
        if entity is not None and (country_for(entity.text) or country_place(entity.text)):
            return True
    return False


def _has_visitor(token: Token) -> bool:
    """Someone named travels: the trip's possessor ("Obama's trip") or the named subject of the
    verb the trip completes ("Berg ended a trip to Chile", "Berg, on a trip to Chile,
    said"). A pronoun ("his trip", "on a trip he said") is left out: the parties are read from
    the trip's own slots, which do not resolve it to the traveller, and the wrong one (the
    clause's subject in "X shunned Y during his trips") would be published; only "he" reported by
    a named person ("X said that on a trip to Chile he would") is taken (``_reported_self``). "The president's
    tour to Japan and South Korea" names only the hosts, and two hosts are no meeting."""
    owners = [c for c in token.children if c.dep_ == "poss"]
    if owners:  # "his trip": whose, the trip's slots cannot tell
        return any(w.ent_type_ in _VISITOR_LABELS for w in owners)
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.ent_type_ in _VISITOR_LABELS or _reported_self(c, verb) for c in subjects)


def _reported_self(subject: Token, verb: Token) -> bool:
    """ "Berg said that on a trip to Chile he would ...": "he" in the clause a named person
    reports is that person (rules/parties.py reads it so), the one case a pronoun traveller is
    taken."""
    if subject.lower_ not in ("he", "she") or verb.dep_ != "ccomp":
        return False
    return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.head.children)


def is_trip_visit(token: Token) -> bool:
    """A trip or tour noun whose to-phrase names a country ("a trip to Peru and Bolivia").

    A trip to cities ("a trip to Paris and Berlin") names no host; someone named must travel.
    """
    if token.pos_ != "NOUN" or token.lower_ not in TRIP_NOUNS:
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in NOT_VISIT_TRIPS for c in token.children):
        return False
    return _has_visitor(token) and any(
        prep.dep_ == "prep" and prep.lower_ == "to" and _names_country(obj)
        for prep in token.children
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def is_trip_noun(token: Token) -> bool:
    """A trip or visit noun: an event of its own, with its own traveller and destination."""
    return token.pos_ == "NOUN" and (token.lower_ in TRIP_NOUNS or token.lemma_.lower() in VISIT_LEMMAS)


def trip_of_a_party(
    sent: Span, parties: Sequence[Actor], countries: Collection[str], base: date | None
) -> tuple[Location | None, DateValue | None]:
    """The place and the time of a trip that one of a meeting's parties made, told in the same
    sentence: "reminds me of Reagan's trip to Geneva in 1985, ... the meeting between Reagan and
    Gorbachev". A meeting told only by its noun has no place or time of its own; the trip that took
    its party there gives both. Only a possessed trip counts (the traveller named), and only a
    to-phrase that names a place, and an in-phrase that names a date (read as past)."""
    surnames = {a.name.split()[-1] for a in parties if a.kind == "person" and a.name.split()}
    for trip in sent:
        if trip.pos_ != "NOUN" or trip.lower_ not in TRIP_NOUNS:
            continue
        owners = [c for c in trip.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"]
        if not any(o.text in surnames for o in owners):
            continue
        place = _phrase_entity(trip, "to", ("GPE", "LOC", "FAC"))
        when = _phrase_entity(trip, "in", ("DATE",)) or _right_after(place)
        if place is not None or when is not None:
            location = located(place.text, place.text, place.label_, countries) if place is not None else None
            value = normalise_date(when.text, base, not_after=True) if when is not None else None
            return location, value
    return None, None


def _right_after(place: Span | None) -> Span | None:
    """ "a trip to Geneva in 1985": the date right after the destination, wherever the parser hangs it."""
    if place is None or place.end + 1 >= len(place.doc) or place.doc[place.end].lower_ != "in":
        return None
    word = place.doc[place.end + 1]
    return _entity(word) if word.ent_type_ == "DATE" else None


def _phrase_entity(noun: Token, preposition: str, labels: tuple[str, ...]) -> Span | None:
    """The entity of one of these labels that the noun's phrase with this preposition names."""
    return next((_entity(word) for word in prep_objects(noun, preposition) if word.ent_type_ in labels), None)
