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
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from streams.core.model import DateBasis, DateValue, Event
from streams.core.rules.document import entities_in
from streams.core.rules.event_dates import TIME_SHIFT_WORDS, news_day, past_tense
from streams.core.rules.syntax import clause_verb


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


def _free_of_time(sent: Span) -> bool:
    """No date and no word that moves the sentence in time."""
    if any(ent.label_ in ("DATE", "TIME") for ent in entities_in(sent)):
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
) -> Event:
    """``event`` dated (and placed, when it names no place) as the latest earlier meeting or
    agreement of the news day that shares a party with it, or, in a live blog's entry and outside a
    quote (``quoted``), dated the blog's day; unchanged when neither holds."""
    if (
        event.date is not None
        or event.status != "past"
        or not _simple_past(trigger)
        or not _free_of_time(sent)
    ):
        return event
    # in a live blog's entry (``live_blog_entries``), not in a quote: "It was my first meeting of Ali"
    entry = None if quoted or not entries else _entry_time(sent, entries)
    if entry is not None and base is not None:
        day = DateValue(text=entry, value=base.isoformat(), precision="day")
        return replace(event, date=day, date_basis=basis)
    parties = {a.name for a in event.actors}
    for other in reversed(earlier):
        if other.type == "statement" or other.date is None or not news_day(other.date, base):
            continue
        if not parties & {a.name for a in other.actors}:
            continue
        return replace(
            event,
            date=other.date,
            date_basis=other.date_basis,
            location=event.location or other.location,
        )
    return event
