"""Where a meeting or agreement took place, and which entities are places rather than parties."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from streams.core.lexicon.places import LOCATION_LABELS, MOTION_VERBS
from streams.core.model import Location
from streams.core.rules.document import entities_in
from streams.core.rules.geocode import located
from streams.core.spans import CharSpans


def place_entities(sent: Span, quote_spans: CharSpans, trigger: Token | None = None) -> list[Span]:
    """Places, not actors: entities after "in", "at" or "inside" ("in Santiago", "at La Moneda
    Palace"), and after "to" or "from" when that word hangs on the trigger ("a visit to Tbilisi").
    A possessive ("in Germany's position") is no place."""
    places = []
    doc = sent.doc
    for ent in entities_in(sent):
        if ent.label_ not in (*LOCATION_LABELS, "ORG") or quote_spans.covers(ent.start_char):
            continue
        if ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s", "'", "’"):
            continue
        previous = doc[ent.start - 1] if ent.start > 0 else None
        if previous is None:
            continue
        if previous.lower_ in ("in", "at", "inside") or (
            previous.lower_ in ("to", "from")
            and (previous.head == trigger or previous.head.lemma_.lower() in MOTION_VERBS)
        ):
            places.append(ent)
    return places


def place_char_spans(
    sent: Span, quote_spans: CharSpans, trigger: Token | None = None
) -> list[tuple[int, int]]:
    """The character spans of ``place_entities``, for keeping places out of the actors."""
    return [(e.start_char, e.end_char) for e in place_entities(sent, quote_spans, trigger)]


def event_location(
    sent: Span, quote_spans: CharSpans, trigger: Token | None = None, countries: Collection[str] = ()
) -> Location | None:
    """The event's place: a facility if the sentence names one, else the place nearest the trigger;
    geocoded, with ``countries`` (ISO codes the article names) deciding between namesake cities."""
    anchor = trigger.i if trigger is not None else sent.start
    if trigger is not None and trigger.ent_type_ in ("FAC", "EVENT"):
        # a meeting named for its place: "the Annapolis Conference", "the Camp David summit"
        named = [
            c
            for c in trigger.children
            if c.dep_ == "compound" and c.text[:1].isupper() and not c.like_num and c.i < trigger.i
        ]
        if named and not any(c.lower_.startswith("g") and c.text[1:].isdigit() for c in named):
            words = sent.doc[named[0].i : named[-1].i + 1]
            return located(words.text, words.text, named[0].ent_type_ or None, countries)
    places = place_entities(sent, quote_spans, trigger)
    best = min(places, key=lambda e: (e.label_ != "FAC", abs(e.start - anchor)), default=None)
    if best is None:
        return None
    name = best.text[4:] if best.text.lower().startswith("the ") else best.text
    return located(name, best.text, best.label_, countries)
