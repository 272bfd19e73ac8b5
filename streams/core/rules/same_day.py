"""An undated event of someone the lede dated on the news day: the same day, and the same place.

"Lund and Holt met on Tuesday over the ferry row ... Lund also met the harbour chief, then the
mayors of the islands." A wire story tells the day of its news once, in the
lede; a later sentence that tells, in the simple past and with no time of its own, more of what
the same people did is read by any reader as that day's, where that day's scene was. Only then:
a sentence that names any date, moves in time ("later", "earlier", "again"), or is in the
perfect ("had met", "has met": background) keeps its own silence, and so does an event whose
parties share no one with the dated one.

A live blog ("The Latest: ...", entries headed "5:30 p.m.") tells each entry's news on the blog's
day: there an undated event in the simple past, under an entry's clock time, is of the news day.

The lede may give the news day with no event of its own ("The row burst into view Tuesday, with
the White House sending an aide to Capitol Hill ... they sent counsel X to Capitol Hill for a tense
meeting with Y"; "Trump is set to meet party leaders Monday when he arrives in Washington ... Trump
would be meeting with top Republicans"): an undated event a little later that names one of the
lede's parties or its place, in the simple past or planned, is of that day too, and, when the
article gives it no place, of the one city or venue the lede names. Not one told by a
plural noun ("her meetings with donors", a series with a time of its own), nor one in a quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from streams.core.lexicon.triggers import MEETING_NOUNS
from streams.core.model import DateBasis, DateValue, Event, Location
from streams.core.normalise.dates import is_relative
from streams.core.rules.document import DocumentIndex, entities_in
from streams.core.rules.event_dates import TIME_SHIFT_WORDS, news_day, past_tense, sentence_days
from streams.core.rules.places import event_location, place_char_spans
from streams.core.rules.syntax import clause_verb, in_past_form
from streams.core.spans import CharSpans

#: How many of the body's first sentences may be its lede (after a headline and a standfirst).
LEDE_SENTENCES = 3
#: How many sentences into the body an undated event may still be the lede's news.
LEDE_REACH = 15
#: How many days before publication a dated meeting or agreement may be the scene that a later
#: undated event of the same people continues: a weekly or a late wire story tells Tuesday's
#: talks on Saturday ("The ministers met in Cairo on Wednesday ... The ministers agreed to ...").
SCENE_DAYS = 7


@dataclass(frozen=True)
class Lede:
    """The lede's sentence and the one news day it gives."""

    start: int  # character offsets of the sentence
    end: int
    text: str
    day: DateValue
    #: the one city or venue the lede names, if it names one and no other place
    place: Location | None = None
    #: the meeting nouns the lede tells its news at ("handshakes at a summit Friday"): "the
    #: summit" later is that occasion, whoever it names
    occasions: frozenset[str] = frozenset()


def find_lede(
    sentences: Sequence[Span], base: date | None, quote_spans: CharSpans, countries: Collection[str] = ()
) -> Lede | None:
    """The first of the body's first sentences that gives a date, when that is one day of the news
    (``news_day``), with its one city or venue; read once per article."""
    for sent in sentences[:LEDE_SENTENCES]:
        days = sentence_days(sent, base, quote_spans)
        if not days:
            continue
        if len(days) != 1:
            return None
        (day,) = days.values()
        if not news_day(day, base):
            return None
        place = _one_place(sent, quote_spans, countries)
        return Lede(sent.start_char, sent.end_char, sent.text, day, place, _occasions(sent, quote_spans))
    return None


def _occasions(sent: Span, quote_spans: CharSpans) -> frozenset[str]:
    """The lede's meeting nouns, one occasion each ("a summit", not "summits"), outside quotes, in a
    clause told in the past: the news day's occasion, not one planned ("will attend a summit",
    "agreed Sunday to meet at a summit in May": the infinitive's clause is not the past's)."""
    return frozenset(
        t.lower_
        for t in sent
        if t.lower_ in MEETING_NOUNS and t.tag_ == "NN" and not quote_spans.covers(t.idx) and _finite_past(t)
    )


def _finite_past(token: Token) -> bool:
    verb = clause_verb(token)
    return verb is not None and in_past_form(verb)


def _the_ledes_occasion(trigger: Token, lede: Lede) -> bool:
    """ "An exchange of handshakes at a summit Friday ended the row ... The Rio Group summit ...":
    the definite noun of the occasion the lede told is that occasion, though the lede named none
    of the people the later sentence names."""
    return trigger.lower_ in lede.occasions and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children
    )


def _one_place(sent: Span, quote_spans: CharSpans, countries: Collection[str]) -> Location | None:
    """The lede's place when it names one and no other: a city or a venue (with the city it is in,
    if named), not a country (a country in a lede is as often what the news is about as where it
    happened)."""
    named = len(place_char_spans(sent, quote_spans))
    if named not in (1, 2):
        return None
    place = event_location(sent, quote_spans, None, countries)
    if place is None or place.feature == "country" or (place.geonames_id is None and place.locality is None):
        return None
    if named == 2 and place.locality is None:
        return None  # two places, unless a venue and its city ("at the Foreign Ministry in Lima")
    return place


def scene_place(
    sent: Span,
    document: DocumentIndex,
    quote_spans: CharSpans,
    countries: Collection[str],
    day: DateValue,
    base: date | None,
) -> Location | None:
    """Where the scene of the sentence before goes on: "The ministers met in Lima on Monday. They
    agreed to build a railway." An event whose sentence names no place, in the paragraph of a
    sentence that gives the event's ``day`` and no other and one city or venue (``_one_place``),
    is of that scene, as it took its day (``event_dates._previous_sentence_day``)."""
    before = document.sentences_before_in_paragraph(sent, 1)
    if not before or place_char_spans(sent, quote_spans):
        return None
    if list(sentence_days(before[0], base, quote_spans)) != [day.value]:
        return None
    return _one_place(before[0], quote_spans, countries)


def _names_the_lede_tells(event: Event, lede: Lede) -> bool:
    """Whether the lede names a party of the event (a person by surname too) or its place."""
    names = [a.name for a in event.actors if a.kind != "group"]
    names += [a.name.split()[-1] for a in event.actors if a.kind == "person" and " " in a.name]
    if event.location is not None and event.location.name:
        names.append(event.location.name)
    return any(re.search(rf"\b{re.escape(name)}\b", lede.text) for name in names)


def _planned_in_words(trigger: Token) -> bool:
    """ "would be meeting", "will sign", "is set to meet": a plan the clause tells."""
    verb = clause_verb(trigger)
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "’ll") for c in verb.children
    )


def _simple_past(trigger: Token) -> bool:
    """ "met", "was held", "held talks": the narrative tense of the day's scene. Not the perfect
    ("had met", "has signed": what lies before the scene), nor the present of a comment ("First
    she flies to Bergen to see the fishermen, now ...")."""
    verb = clause_verb(trigger)
    while verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
        verb = clause_verb(verb.head)  # "leaders joined by X": the participle's noun is in a clause above
    if verb is None or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False
    return past_tense(verb)


#: Parts of a day, which keep the scene on the day told before ("a tense midday meeting").
_PARTS_OF_DAY = frozenset({"morning", "midday", "noon", "afternoon", "evening", "night", "overnight"})


def _free_of_time(sent: Span) -> bool:
    """No date, no time but a part of the day, and no word that moves the sentence in time."""
    if any(
        ent.label_ == "DATE"
        or (ent.label_ == "TIME" and not _PARTS_OF_DAY.intersection(ent.text.lower().split()))
        for ent in entities_in(sent)
    ):
        return False
    return not any(t.lower_ in TIME_SHIFT_WORDS for t in sent)


#: An entry's heading in a live blog: a clock time alone on its line ("5:30 p.m.", "11:05 AM").
_ENTRY_TIME = re.compile(r"^[ \t]*(\d{1,2}:\d{2}[ \t]*[ap]\.?[ \t]*m\.?)[ \t]*$", re.I | re.M)


def live_blog_entries(text: str) -> list[tuple[int, str]]:
    """Where each live-blog entry's heading ends and its clock time, read once per article; none
    outside a live blog (an article with fewer than two such headings)."""
    headings = [(h.end(), h.group(1)) for h in _ENTRY_TIME.finditer(text)]
    return headings if len(headings) >= 2 else []


def _entry_time(sent: Span, entries: list[tuple[int, str]]) -> str | None:
    """The clock time heading the live-blog entry ``sent`` is in, if any."""
    index = bisect.bisect_right(entries, sent.start_char, key=lambda entry: entry[0])
    return entries[index - 1][1] if index else None


def on_the_news_day(
    event: Event,
    trigger: Token,
    sent: Span,
    earlier: list[Event],
    base: date | None,
    basis: DateBasis | None = None,
    quoted: bool = False,
    entries: list[tuple[int, str]] | None = None,
    lede: Lede | None = None,
    number: int = 0,
) -> Event:
    """``event`` dated (and placed, when it names no place) as the latest earlier meeting or
    agreement of the news week (``SCENE_DAYS``) that shares a party with it, or, in a live blog's
    entry and outside a quote (``quoted``), dated the blog's day, or dated the ``lede``'s day when
    it is the ``number``-th sentence a little after it and the lede names one of its parties or its
    place; unchanged when none holds."""
    if event.date is None and _told_before_the_lede(event, sent, lede, number, quoted):
        # "Sanders praises Obama after 45-minute meeting" above "Sanders took a detour Wednesday to
        # meet ...": a headline or standfirst tells, in its present, the lede's news
        assert lede is not None
        return replace(event, date=lede.day, date_basis=basis if is_relative(lede.day) else None)
    if event.date is not None or not _free_of_time(sent):
        return event
    if event.status == "planned" and _planned_in_words(trigger):
        return _on_the_ledes_day(event, trigger, sent, lede, number, quoted, basis)
    if event.status != "past" or not _simple_past(trigger):
        return event
    # in a live blog's entry (``live_blog_entries``), not in a quote: "It was my first meeting of Ali"
    entry = None if quoted or not entries else _entry_time(sent, entries)
    if entry is not None and base is not None:
        day = DateValue(text=entry, value=base.isoformat(), precision="day")
        return replace(event, date=day, date_basis=basis)
    parties = {a.name for a in event.actors}
    for other in reversed(earlier):
        if other.type == "statement" or other.date is None or not news_day(other.date, base, SCENE_DAYS):
            continue
        if not parties & {a.name for a in other.actors}:
            continue
        return replace(
            event,
            date=other.date,
            date_basis=other.date_basis,
            location=event.location or other.location,
        )
    return _on_the_ledes_day(event, trigger, sent, lede, number, quoted, basis)


def _told_before_the_lede(event: Event, sent: Span, lede: Lede | None, number: int, quoted: bool) -> bool:
    """Whether a past event is told in a headline or standfirst above the lede (one of the body's
    first sentences, before the lede's), names one of the lede's parties and gives no date of its
    own: the lede's news, whatever the headline's tense or its "after"."""
    return (
        lede is not None
        and not quoted
        and event.status == "past"
        and number < LEDE_SENTENCES
        and sent.end_char <= lede.start
        and not any(ent.label_ == "DATE" for ent in entities_in(sent))
        and _names_the_lede_tells(event, lede)
    )


def _on_the_ledes_day(
    event: Event,
    trigger: Token,
    sent: Span,
    lede: Lede | None,
    number: int,
    quoted: bool,
    basis: DateBasis | None,
) -> Event:
    if (
        lede is None
        or quoted
        or number >= LEDE_REACH
        or lede.end > sent.start_char
        or trigger.tag_ in ("NNS", "NNPS")
        or not (_names_the_lede_tells(event, lede) or _the_ledes_occasion(trigger, lede))
    ):
        return event
    return replace(event, date=lede.day, date_basis=basis if is_relative(lede.day) else None)


def with_the_ledes_place(events: list[Event], lede: Lede | None, dated: set[str]) -> list[Event]:
    """The lede's one city or venue for the events that took its day (``dated``, their ids) and still
    name no place once the article is read: a later sentence may give the place of the same event
    ("Kelly met with Trump. ... a meeting, which took place at Trump Tower"), which comes first."""
    if lede is None or lede.place is None:
        return events
    return [
        replace(e, location=lede.place) if e.event_id in dated and e.location is None else e for e in events
    ]
