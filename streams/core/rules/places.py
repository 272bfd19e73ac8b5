"""Where a meeting or agreement took place, and which entities are places rather than parties."""

from __future__ import annotations

import itertools
from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Span, Token

from streams.core.lexicon.places import (
    ARRIVAL_VERBS,
    CITY_NOUNS,
    FACILITY_HEADS,
    LOCATION_LABELS,
    MOTION_VERBS,
    ON_ISLAND_VERBS,
    PLACE_PREPOSITIONS,
    ROOM_HEADS,
    SEND_VERBS,
)
from streams.core.lexicon.speech import SPEECH_LEMMAS
from streams.core.lexicon.triggers import (
    ABOUT_PREPS,
    ABOUT_VERBS,
    ACQUISITION_VERBS,
    AGREEMENT_NOUN_VERBS,
    AGREEMENT_NOUNS,
    AGREEMENT_VERBS,
    JOINING_VERBS,
    MEETING_NOUNS,
    SALE_NOUNS,
    SALE_VERBS,
    STAKE_NOUNS,
    VISIT_LEMMAS,
)
from streams.core.model import Location
from streams.core.normalise.calendar_words import MONTHS, PERIOD_PARTS, SEASONS, WEEKDAYS
from streams.core.normalise.countries import country_for, demonym_country
from streams.core.normalise.gazetteer import country_code, is_place_name, us_state_abbreviation
from streams.core.rules.dateline import Dateline
from streams.core.rules.document import entities_in, paths_to_common_head
from streams.core.rules.event_context import past_relative_clause
from streams.core.rules.geocode import GEOCODED_LABELS, located, qualifying_country
from streams.core.rules.syntax import clause_verb, day_on_a_state, in_event_topic, is_to_infinitive
from streams.core.spans import CharSpans

#: Trade words whose to/from-phrase names the buyer or the seller, never a place.
TRADE_LEMMAS = SALE_VERBS | SALE_NOUNS | ACQUISITION_VERBS
#: Words whose to/from-phrase names a side, never a place: a trade's buyer or seller ("sold it to
#: Citrix"), whom an agreement was won from ("won a contract from the Navy").
SIDE_PHRASE_LEMMAS = TRADE_LEMMAS | AGREEMENT_NOUN_VERBS | AGREEMENT_NOUNS


def place_entities(sent: Span, quote_spans: CharSpans, trigger: Token | None = None) -> list[Span]:
    """Places, not actors: entities after "in", "at", "inside", "outside" or "near" ("in Santiago",
    "at La Moneda Palace", "a residence outside Lima"), after "to" or "from" when that word hangs
    on the trigger ("a visit to Tbilisi") or on a verb of sending ("sent an envoy to Kabul"), after
    "on" on a verb of meeting ("met on Malta"; "talks on Syria" is a topic), the place visited for
    the event ("toured the parliament building to meet X"). A possessive ("in Germany's position") is none."""
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
        if previous.lower_ in ("'s", "’s") and previous.i > 0 and doc[previous.i - 1].ent_type_ == "GPE":
            # "in Vietnam's Ho Chi Minh City": the word before the country's name counts
            country_start = previous.i - 1
            while country_start > 0 and doc[country_start].ent_iob_ == "I":
                country_start -= 1
            previous = doc[country_start - 1] if country_start > 0 else previous
        if _names_a_facility(ent, previous):
            previous = doc[previous.i - 1]  # "at the Denver airport": the words before the facility
        if previous.head.lower_ in STAKE_NOUNS or (
            ent.label_ == "ORG"
            and any(c.dep_ == "dobj" and c.lower_ in STAKE_NOUNS for c in previous.head.children)
        ):
            continue  # "a stake in Beta", "bought a stake last year in Beta": the company owned, not a place
        if (
            previous.lower_ in PLACE_PREPOSITIONS
            or (
                previous.lower_ in ("to", "from")
                and (previous.head == trigger or previous.head.lemma_.lower() in MOTION_VERBS)
                # "sold it to Citrix": the buyer; "won a contract from the Navy": whom it was won from
                and previous.head.lemma_.lower() not in SIDE_PHRASE_LEMMAS
            )
            or (previous.lower_ == "to" and _sent_for(previous, trigger))
            or (previous.lower_ == "to" and ent.label_ != "ORG" and _trip_the_event_is_on(previous.head))
            or (
                previous.lower_ == "on"
                and (ent.label_ != "ORG" or is_place_name(ent.text))
                and _met_on(previous)
            )  # "met on Malta", "meet with Reid on Capitol Hill" (tagged as a body)
            or _visited_for(ent, trigger)
        ):
            places.append(ent)
    return places


def _trip_the_event_is_on(noun: Token) -> bool:
    """A journey that frames the clause: "During his visit to Canberra, Modi met Albanese", "on a
    trip to Oslo she signed the pact": the event took place where the journey went."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in _JOURNEY_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("during", "on")
    )


def _names_a_facility(ent: Span, determiner: Token) -> bool:
    """ "the Denver airport", "the Lima Hilton hotel", "a Brooklyn wine bar": a name before the noun
    of a facility, after an article and a preposition, whose place that preposition gives. Not
    "at a Phoenix rally" or "in a US $5 billion deal": a rally or a deal is no building."""
    facility = ent.root.head
    if not (
        determiner.lower_ in ("the", "a", "an")
        and determiner.i > 0
        and ent.root.dep_ in ("compound", "nmod")
        and facility.dep_ == "pobj"
        and facility.head.i == determiner.i - 1
    ):
        return False
    return facility.lower_ in FACILITY_HEADS


def _body_as_place(ent: Span, trigger: Token | None) -> bool:
    """Whether an entity tagged as a body is where the event took place: a verb's "at" or
    "inside" ("met at the United Nations"), a body visited for the event, or a name the gazetteer
    knows as a place after a place preposition ("met in Niamey")."""
    previous = ent.doc[ent.start - 1]
    if _names_a_facility(ent, previous):
        # "at a Capitol Hill social club", the place's name tagged as a body: a place the gazetteer
        # knows names where the facility is, after a place preposition
        return ent.doc[previous.i - 1].lower_ in PLACE_PREPOSITIONS and is_place_name(ent.text)
    if previous.lower_ in ("at", "inside") and (
        previous.head.pos_ in ("VERB", "AUX") or ent[-1].lower_ in FACILITY_HEADS
    ):
        return True  # "met at the United Nations", "the debate at St. Anselm College"
    building = ent[-1].lower_ in FACILITY_HEADS | ROOM_HEADS
    if previous.lower_ == "in" and previous.head.pos_ == "VERB" and building:
        return True  # "met Berg in the Oval Office"; not "officials in the White House said"
    if _visited_for(ent, trigger):
        return True
    # a known place after a place preposition ("met in Niamey"), or where someone was sent for the
    # event ("sent X to Capitol Hill for talks")
    placed = (
        previous.lower_ in PLACE_PREPOSITIONS
        or (previous.lower_ == "to" and _sent_for(previous, trigger))
        or (previous.lower_ == "on" and _met_on(previous))
    )
    return placed and is_place_name(ent.text)


def _sent_for(to: Token, trigger: Token | None) -> bool:
    """ "sent an envoy to Kabul for talks", "dispatched to Phoenix to begin negotiating": where someone
    was sent for the event; not a place something else was sent to ("money migrants send to Mexico
    until the government agreed"), nor the topic of an event that governs the sending ("an agreement on
    sending soldiers to Libya")."""
    send = to.head
    if trigger is None or send.lemma_.lower() not in SEND_VERBS:
        return False
    return any(a.i == send.i for a in trigger.ancestors) and _in_clause_of(to, trigger)


def _arrival(clause: Token, trigger: Token) -> bool:
    """A clause of arriving that sets the event's scene: "will meet X when he arrives in
    Washington" (on the event), "will meet X Monday when he arrives in Washington" (on its day,
    where the parser hangs it as a relative clause): the place of the arrival is the event's."""
    if clause.dep_ not in ("advcl", "relcl") or clause.lemma_.lower() not in ARRIVAL_VERBS:
        return False
    if clause.dep_ == "advcl" and clause.head.i == trigger.i:
        return True
    day = clause.head
    on_the_event = day.head.i == trigger.i or (day.head.dep_ == "prep" and day.head.head.i == trigger.i)
    return (
        day.ent_type_ == "DATE"
        and on_the_event  # "will meet X Monday" or "on Dec. 28 when he arrives in Oslo"
        and any(c.lower_ == "when" for c in clause.children if c.dep_ == "advmod")
    )


def _is_purpose(token: Token) -> bool:
    """A to-infinitive of purpose or complement ("flew to Oslo to meet", "visited X to sign")."""
    return token.dep_ in ("advcl", "xcomp") and is_to_infinitive(token)


def _visited_for(ent: Span, trigger: Token | None) -> bool:
    """The place visited when the event is the visit's purpose: "toured the parliament building on Friday to
    meet with X" (the Capitol), and a building visited ("visited the Pentagon"); in "X visited Mexico"
    the host country is a party."""
    root = ent.root
    if root.dep_ == "appos" and root.head.dep_ == "dobj" and root.head.lemma_.lower() in CITY_NOUNS:
        root = root.head  # "visited the capital, Sanaa"
    if trigger is None or root.dep_ != "dobj":
        return False
    visit = root.head
    if visit.lemma_.lower() not in VISIT_LEMMAS:
        return False
    if visit.i == trigger.i:
        # "toured the Old Mill": a building is never the host; "visited Ankara", "visited Peru":
        # the place (a country visited is the host as well, which the parties keep); a tour of
        # several ("visits Kuwait, Bahrain and Egypt") has no one place
        known = ent.label_ == "GPE" or (ent.label_ == "ORG" and is_place_name(ent.text))
        return ent.label_ == "FAC" or ent.root.i != root.i or (known and not root.conjuncts)
    return visit.i == trigger.head.i and _is_purpose(trigger)


def _met_on(on: Token) -> bool:
    """ "met on Malta", "met the president on Malta" (the parser often hangs "on" on the person met);
    not "talks on Syria" or "an agreement on Cyprus", whose "on" gives the topic."""
    head = on.head
    if head.pos_ == "PROPN" and head.dep_ in ("dobj", "pobj"):
        head = head.head.head if head.dep_ == "pobj" else head.head
    if day_on_a_state(head):
        return True  # "with senators who back him in Oslo on Friday": the meeting's place
    return head.pos_ == "VERB" and head.lemma_.lower() in ON_ISLAND_VERBS


def place_char_spans(
    sent: Span, quote_spans: CharSpans, trigger: Token | None = None
) -> list[tuple[int, int]]:
    """The character spans of ``place_entities``, for keeping places out of the actors."""
    return [(e.start_char, e.end_char) for e in place_entities(sent, quote_spans, trigger)]


def event_location(
    sent: Span,
    quote_spans: CharSpans,
    trigger: Token | None = None,
    countries: Collection[str] = (),
    own_phrase: bool = False,
) -> Location | None:
    """The event's place: a facility if the sentence names one, else the place nearest the trigger;
    geocoded, with ``countries`` (ISO codes the article names) deciding between namesake cities.
    With ``own_phrase`` only a place in the trigger noun's own phrase ("the deal signed in Oslo")."""
    anchor = trigger.i if trigger is not None else sent.start
    if trigger is not None and trigger.ent_type_ in ("FAC", "EVENT"):
        # a meeting named for its place: "the Annapolis Conference", "the Camp David summit" (not
        # for its time: "the Winter Meetings")
        named = [
            c
            for c in trigger.children
            if c.dep_ == "compound" and c.text[:1].isupper() and not c.like_num and c.i < trigger.i
        ]
        timed = any(c.lower_ in _TIME_NAMES for c in named)
        if named and not timed and not any(c.lower_.startswith("g") and c.text[1:].isdigit() for c in named):
            words = sent.doc[named[0].i : named[-1].i + 1]
            return located(words.text, words.text, named[0].ent_type_ or None, countries)
    # every place keeps its entity out of the parties, but a body is the event's place only as
    # a venue ("met at the United Nations") or as a city the model tagged as a body ("met in
    # Niamey"), not "returned to Apple" or "costs at Chrysler"
    places = [
        p
        for p in place_entities(sent, quote_spans, trigger)
        if (p.label_ != "ORG" or _body_as_place(p, trigger))
        and not (trigger is not None and p.start <= trigger.i < p.end)  # "the Winter Meetings": the event
        and not _gathering_named_for_its_time(p)  # "met X at the Winter Meetings in Las Vegas": Las Vegas
        and not _in_content_clause(p.root, trigger)
        and not _in_reporting_clause(p.root, trigger)
        and not (own_phrase and trigger is not None and trigger not in p.root.ancestors)
        and not _in_topic_phrase(p.root, trigger)
        and not _scope_of_the_topic(p)
        and not _locates_the_subject(p.root, trigger)
        and not _went_on_to(p.root, trigger)
    ]
    best = min(
        places,
        key=lambda e: (
            trigger is not None and not _in_clause_of(e.root, trigger),
            e.label_ != "FAC",
            abs(e.start - anchor),
        ),
        default=None,
    )
    if trigger is not None and not own_phrase and (best is None or not _in_clause_of(best.root, trigger)):
        # "a school in the Harbour district where she met X": the noun "where" refers to
        best = _where_place(trigger, quote_spans) or (
            best
            if best is None
            or not (
                _in_conjunct(best.root, trigger)
                or _on_another_trip(best.root, trigger)
                or _outside_its_subordinate_clause(best.root, trigger)
            )
            else None
        )
    if best is None:
        if trigger is None or own_phrase:
            return None
        return _city_named_after_noun(trigger, countries) or _untagged_city(trigger, countries)
    name = best.text[4:] if best.text.lower().startswith("the ") else best.text
    # a body kept as a place was kept because the gazetteer knows it ("met in Niamey", tagged ORG)
    label = "GPE" if best.label_ == "ORG" and is_place_name(name) else best.label_
    location = located(name, best.text, label, countries, qualifying_country(best))
    if location.geonames_id is not None:
        return location
    return _in_locality(location, best, places, countries)


#: Words of a time a meeting's name may open with: seasons, months and weekdays in full.
_TIME_NAMES = (
    SEASONS | {m for m in MONTHS if len(m) > 3 or m == "may"} | {d for d in WEEKDAYS if d.endswith("day")}
)


def _gathering_named_for_its_time(entity: Span) -> bool:
    """ "the Winter Meetings", "the Spring Summit": a gathering named for its season, which is no
    place; the one it is held in is ("... in Las Vegas")."""
    words = [t for t in entity if t.lower_ != "the"]
    return len(words) >= 2 and words[0].lower_ in _TIME_NAMES and entity.root.lower_ in MEETING_NOUNS


#: Words of a phrase that puts the event before the clause it hangs on ("After meeting X, Holt flew
#: to Ohio"), and of one that puts a going after the event ("met X before flying to Oslo").
_EARLIER_MARKS = frozenset({"after", "following"})
_LATER_MARKS = frozenset({"before"})


def _went_on_to(place: Token, trigger: Token | None) -> bool:
    """Where someone went after the event, not where it was: "After meeting with Reyes, Holt flew
    to Ohio", "After a breakfast with Reyes, Holt flew to Ohio" (the going's clause comes after the
    event's phrase), "Holt met Reyes before flying to Ohio" (the going's phrase after the event)."""
    if trigger is None or place.dep_ != "pobj" or place.head.lower_ not in ("to", "for"):
        return False
    going = place.head.head
    marker = trigger.head if trigger.dep_ in ("pcomp", "pobj") else None
    if marker is not None and marker.lower_ in _EARLIER_MARKS and marker.head.i == going.i:
        return True
    return going.dep_ == "pcomp" and going.head.lower_ in _LATER_MARKS and going.head.head.i == trigger.i


#: Links to a clause or a coordinated event of its own: a place below one belongs to that event
#: ("The visit to Peru, and the talks held in Quito": Quito is the talks' place).
_OTHER_CLAUSE = frozenset({"conj", "relcl", "ccomp", "advcl", "parataxis", "csubj", "xcomp"})


#: Links to a clause that tells what an event is for or about: "a treaty designed to balance their
#: interests in Central Asia", "signed a deal to build a plant in Ohio".
_CONTENT_CLAUSE = frozenset({"xcomp", "ccomp", "relcl", "advcl", "acl"})


def _in_content_clause(token: Token, trigger: Token | None) -> bool:
    """Whether ``token`` lies in a clause below the trigger that tells the event's purpose or
    content (a place there is that clause's), not in a participle describing the event noun
    itself ("the talks, held in Doha")."""
    if trigger is None or not trigger.is_ancestor(token):
        return False
    node = token
    while node.i != trigger.i:
        if node.dep_ in _CONTENT_CLAUSE and node.pos_ in ("VERB", "AUX"):
            describing = node.dep_ == "acl" and node.tag_ == "VBN" and node.head.i == trigger.i
            # "sat down to talk with advisers at the Blue Palace": the purpose is the same scene
            scene = (
                _is_purpose(node)
                and node.head.i == trigger.i
                and trigger.pos_ == "VERB"
                # "agreed to take on costs at Chrysler", "teamed up to build a plant in Ohio"
                and trigger.lemma_.lower() not in AGREEMENT_VERBS | JOINING_VERBS
            )
            # "the talks they began in November in Washington": the relative clause that tells it took place
            own = past_relative_clause(trigger)
            # "a meeting with Mr. Hale, which took place at the Grand Hotel": the parser hangs the
            # relative clause on the nearest noun, but only an event takes place
            occurrence = node.dep_ == "relcl" and _tells_an_occurrence(node)
            # "will meet X when he arrives in Washington": the arrival sets the scene
            arrival = _arrival(node, trigger)
            own_clause = own is not None and own.i == node.i
            misattached = day_on_a_state(node)
            return not (describing or scene or occurrence or arrival or own_clause or misattached)
        node = node.head
    return False


#: Verbs whose relative clause says where or when an event happened ("which was held in Oslo").
_OCCURRENCE_VERBS = frozenset({"happen", "occur", "hold", "unfold", "convene"})


def _tells_an_occurrence(verb: Token) -> bool:
    """ "which took place", "that was held", "which happened": said of an event, not a person."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    if lemma == "hold":
        return any(c.dep_ == "auxpass" for c in verb.children)  # "was held", not "who holds"
    return lemma in _OCCURRENCE_VERBS


#: Prepositions of what an event is about: a place inside their phrase is the topic's
#: ("a meeting about the latest developments in Gaza").
_TOPIC_PREPS = ABOUT_PREPS | frozenset({"over", "on"})


def _in_topic_phrase(token: Token, trigger: Token | None) -> bool:
    """Whether the place lies in a topic phrase of the event ("talks about the fighting in Gaza"),
    not in its own place phrase ("met on Malta", where "on" is the place's own preposition)."""
    if trigger is None:
        return False
    if in_event_topic(token, trigger):
        return True  # "the talks cover disputes in the South China Sea"
    paths = paths_to_common_head(token, trigger)
    if paths is None:
        return False
    up = paths[0]
    own_prep = token.head.i if token.dep_ == "pobj" else -1
    if any(node.dep_ == "dobj" and node.head.lemma_.lower() in ABOUT_VERBS for node in up):
        return True  # "met to discuss the crisis in Ukraine": what was discussed
    return any(node.dep_ == "prep" and node.i != own_prep and _a_topic_prep(node) for node in up)


def _a_topic_prep(prep: Token) -> bool:
    """A preposition that gives what an event is about ("talks on trade", "a row over Syria"), not
    the edge of an occasion ("on the sidelines of"), a day ("on Dec. 28 when") nor a journey ("on a
    trip to Oslo")."""
    return (
        prep.lower_ in _TOPIC_PREPS
        and not _at_the_edge_of(prep)
        and not any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in prep.children)
        and not any(_trip_the_event_is_on(c) for c in prep.children)  # "on a trip to Oslo"
    )


def _scope_of_the_topic(place: Span) -> bool:
    """Whether a country's in-phrase follows a topic phrase on the same noun: "had signed a
    two-year pact on police training in Peru" (the parser hangs "in Peru" on the pact) is
    training in Peru, not a pact signed there. A city after a topic is the venue ("held
    talks on trade in Muscat"); a country there is as often what the topic is about, and is left
    out."""
    root = place.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "in" or country_for(place.text) is None:
        return False
    noun = prep.head
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "prep" and c.i < prep.i and _a_topic_prep(c) for c in noun.children
    )


#: "on the sidelines of the summit in Osaka": the meeting was held there, at the edge of it.
_EDGE_NOUNS = frozenset({"sidelines", "sideline", "margins", "margin", "fringes", "fringe"})


def _at_the_edge_of(prep: Token) -> bool:
    """ "on the sidelines of", "on the margins of": the place of an occasion, not a topic."""
    return prep.lower_ == "on" and any(c.dep_ == "pobj" and c.lower_ in _EDGE_NOUNS for c in prep.children)


def _city_named_after_noun(trigger: Token, countries: Collection[str]) -> Location | None:
    """ "visited the capital, Sana'a, to discuss ...": the city a visited "capital" or "city" is
    named as, when the model tags the name as no entity at all (or the parser cuts it off). The
    noun says it is a city, so any name the gazetteer knows for one is taken."""
    visit = trigger if trigger.lemma_.lower() in VISIT_LEMMAS else trigger.head
    if visit.lemma_.lower() not in VISIT_LEMMAS or not (visit.i == trigger.i or _is_purpose(trigger)):
        return None
    noun = next((c for c in visit.children if c.dep_ == "dobj" and c.lemma_.lower() in CITY_NOUNS), None)
    doc = trigger.doc
    if noun is None or noun.ent_type_ or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return None
    words = list(itertools.takewhile(lambda t: t.text[:1].isupper() and not t.is_punct, doc[noun.i + 2 :]))
    if not words or words[-1].i + 1 >= len(doc) or not doc[words[-1].i + 1].is_punct:
        return None  # "the capital, Sanaa, ...", "the capital, Sanaa." but not "the capital, Sanaa Street"
    name = doc[words[0].i : words[-1].i + 1].text
    location = located(name, name, "GPE", countries)
    return location if location.feature == "city" else None


def _untagged_city(trigger: Token, countries: Collection[str]) -> Location | None:
    """ "met in Asuncion on Monday", "met in Montevideo this week": a city's name right after "in"
    or "at" on the trigger that the model tagged as nothing, or ran into the date after it. The
    gazetteer must know it as a city; a word of the calendar ("in May") never is one. The parser
    may hang the phrase on the one met ("met Tom Lund in Kyiv", "breakfast with Lund in Kyiv")."""
    for prep in (c for word in _trigger_and_sides(trigger) for c in word.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is None or place.pos_ != "PROPN" or place.ent_type_ not in ("", "DATE"):
            continue
        words = [*(c for c in place.children if c.dep_ == "compound" and c.pos_ == "PROPN"), place]
        if words[0].i != prep.i + 1 or any(w.ent_type_ != place.ent_type_ for w in words):
            continue
        if place.ent_type_ == "DATE" and (place.ent_iob_ != "B" or len(words) > 1):
            continue  # only a one-word city the model ran into the date after it
        if any(
            w.lower_ in MONTHS or w.lower_ in WEEKDAYS or w.lower_ in SEASONS or w.lower_ in PERIOD_PARTS
            for w in words
        ):
            continue  # "in May", "in mid-March"
        name = " ".join(w.text for w in words)
        location = located(name, name, "GPE", countries)
        if location.feature == "city":
            return location
    return None


def _trigger_and_sides(trigger: Token) -> list[Token]:
    """The trigger, the verb a trigger noun is the object of ("had breakfast"), and whom the event
    is with: its object, or the object of its with-phrase."""
    words = [trigger]
    if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        words.append(trigger.head)
    for child in trigger.children:
        if child.dep_ == "dobj" and child.pos_ == "PROPN":
            words.append(child)
        elif child.dep_ == "prep" and child.lower_ == "with":
            words.extend(g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN")
    return words


def _locates_the_subject(token: Token, trigger: Token | None) -> bool:
    """ "Serra Automotive in Grand Blanc Township is in talks with X": a place phrase on the named
    subject of the event's clause says where that party is based, not where the talks are."""
    if trigger is None or token.dep_ != "pobj" or token.head.lower_ not in ("in", "of", "from"):
        return False
    subject = token.head.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.ent_type_ not in ("ORG", "PERSON"):
        return False
    verb = clause_verb(trigger) or trigger
    return subject.head.i == verb.i


def _in_reporting_clause(token: Token, trigger: Token | None) -> bool:
    """ "Officials in the White House said X met Y": a place of the clause that reports the event
    is where the reporters are, not where the event was."""
    if trigger is None:
        return False
    verb = clause_verb(trigger) or trigger
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    ancestors = {a.i for a in token.ancestors}
    return verb.head.i in ancestors and verb.i not in ancestors


def _in_conjunct(token: Token, trigger: Token) -> bool:
    """Whether ``token`` is in a coordinated clause with its own verb, not the trigger's: "signed a
    deal with Peru, opened an office in Lima" (Lima is the office's)."""
    paths = paths_to_common_head(token, trigger)
    if paths is None:
        return False
    # the event's own side may be a conjunct of the scene ("attended a rally in X and met Y")
    up, down = paths
    if any(node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") for node in up):
        return True
    if any(node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and _set_against(node) for node in down):
        # "a suit was filed in Texas, but on May 2 the firms agreed": a clause set against the
        # one the place is in, with its own subject, is no further step of that scene
        return True
    # "plans to train a force in Peru, and plans to host a summit": two things coordinated
    return any(node.dep_ == "conj" and node.pos_ == "NOUN" for node in down)


#: Conjunctions that set a clause against the one before: "filed in Texas, but they agreed".
_CONTRAST_WORDS = frozenset({"but", "yet", "although", "though", "whereas"})


#: Nouns of a journey whose place is where that journey went: "a stop in Bethlehem", "a trip to Oslo".
_JOURNEY_NOUNS = VISIT_LEMMAS | frozenset({"stop", "stopover", "journey", "pilgrimage"})


#: Subordinators of a clause that tells its event beside the main clause's: "as the Council met".
_BESIDE_MARKS = frozenset({"as", "while", "after", "before", "since", "because"})


def _outside_its_subordinate_clause(token: Token, trigger: Token) -> bool:
    """Whether the event is told in a subordinate clause ("..., as the UN Security Council met to
    discuss the crisis") and the place outside it: the main clause's place ("the onslaught in the
    Gaza Strip"), not the event's."""
    paths = paths_to_common_head(token, trigger)
    if paths is None:
        return False
    return any(
        node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BESIDE_MARKS for c in node.children)
        for node in paths[1]
    )


def _on_another_trip(token: Token, trigger: Token) -> bool:
    """Whether the place is that of another journey the sentence tells, outside the event's clause:
    "as he made a visit to the border, Francis also made a stop in Bethlehem" (the stop's)."""
    node = token
    while node.dep_ == "pobj" and node.head.dep_ == "prep":
        noun = node.head.head
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in _JOURNEY_NOUNS:
            return noun.i != trigger.i
        node = noun
    return False


def _set_against(verb: Token) -> bool:
    """Whether a coordinated clause has its own subject and a conjunction of contrast."""
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    contrast = any(c.dep_ == "cc" and c.lower_ in _CONTRAST_WORDS for c in verb.head.children)
    return subject and contrast


def _in_clause_of(token: Token, trigger: Token) -> bool:
    """Whether ``token`` hangs in the trigger's own clause: the way up from it to the word that
    governs both, and the trigger's way up to that word, cross no other clause or conjunct."""
    paths = paths_to_common_head(token, trigger)
    if paths is None:
        return False
    up, down = paths
    if any(node.dep_ in _OTHER_CLAUSE and not _arrival(node, trigger) for node in up):
        return False
    # "went to Oslo to meet", "arrived in Oslo to sign": the trip's place is its purpose's
    return not any(t.dep_ in _OTHER_CLAUSE and not _is_purpose(t) for t in down)


def _where_place(trigger: Token, quote_spans: CharSpans) -> Span | None:
    """The place a relative "where" refers to, when the trigger's clause is that relative clause:
    "a visit to Chile, where she met the president" (Chile), "a school in the Harbour
    district where she met the mayor" (the Harbour district): the named place in the noun's phrase."""
    clause = clause_verb(trigger) or trigger  # "where they held talks": the clause of the trigger noun
    if clause.dep_ != "relcl":
        return None
    if not any(c.lower_ == "where" and c.dep_ == "advmod" and c.i < trigger.i for c in clause.children):
        return None  # the trigger must follow "where", in its clause (not a parse that pulls it in)
    noun = clause.head
    phrase = range(noun.left_edge.i, clause.left_edge.i)
    if noun.ent_type_ == "DATE" and (verb := clause_verb(noun)) is not None and verb.i < noun.i:
        # "visited Oslo on Monday, where she met X": the parser hangs "where" on the day; the
        # place is the one the day's clause names before it
        phrase = range(verb.i, noun.left_edge.i)
    named = [
        e
        for e in entities_in(trigger.sent)
        if e.label_ in LOCATION_LABELS
        and e.start in phrase
        and e.end - 1 in phrase
        and not quote_spans.covers(e.start_char)
    ]
    return min(named, key=lambda e: abs(e.root.i - noun.i), default=None)


def _in_locality(venue: Location, entity: Span, places: list[Span], countries: Collection[str]) -> Location:
    """A venue geocoded by the city or country the sentence puts it in: the nearest other place
    ("at Akasaka Palace in Tokyo", "at a ranch outside Lima") that the gazetteer knows."""
    others = sorted(
        (p for p in places if p.label_ in GEOCODED_LABELS and p.start != entity.start),
        key=lambda p: abs(p.start - entity.start),
    )
    for other in others:
        city = located(other.text, other.text, other.label_, countries, qualifying_country(other))
        if city.geonames_id is not None:
            return replace(city, name=venue.name, text=venue.text, locality=other.text)
    return _in_named_country(venue, entity)


#: How far after a venue its locality phrase may start: "at the Villa Serena, the official retreat
#: in the Norwegian Lake District".
_LOCALITY_REACH = 12


def _in_named_country(venue: Location, entity: Span) -> Location:
    """A venue the gazetteer cannot place, in a locality that names its country by a country word
    ("... retreat in the Norwegian Lake District"): the country's code, no coordinates."""
    doc = entity.doc
    end = min(entity.end + _LOCALITY_REACH, entity.sent.end)
    for prep in doc[entity.end : end]:
        if prep.lower_ != "in" or prep.dep_ != "prep":
            continue
        for locality in (c for c in prep.children if c.dep_ == "pobj"):
            for word in locality.subtree:
                # a country's name or demonym; a demonym inside a body's name is still one
                # ("the Norwegian Lake District", tagged as a body), a country's name is not
                country = word.text if word.ent_type_ in ("NORP", "GPE") else demonym_country(word.text)
                code = country_code(country) if country else None
                if code is not None:
                    words = doc[locality.left_edge.i : locality.right_edge.i + 1]
                    return replace(venue, country_code=code, locality=words.text)
        return venue
    return venue


def dateline_location(
    sent: Span, dateline: Dateline | None, countries: Collection[str] = ()
) -> Location | None:
    """The dateline's city for an event of the lede (the sentence the dateline opens) that names no
    place itself: a wire story's first sentence happened where it was filed. Later sentences do
    not get it: a story filed in Washington reports meetings held elsewhere. Only a place the
    gazetteer knows is used, so a dateline misread from other capitals gives nothing."""
    if dateline is None or not (sent.start_char <= dateline.end <= sent.end_char):
        return None
    text = sent.doc.text[dateline.start : dateline.end].split(",")[0].split("(")[0].strip(" —–-")
    within = "US" if dateline.region is not None and us_state_abbreviation(dateline.region) else None
    location = located(dateline.place, text, "GPE", countries, within)
    return location if location.geonames_id is not None else None
