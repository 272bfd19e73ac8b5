"""A later mention of an event already reported: "This meeting was the first since May", "the deal
with the carmaker went through after all", "The two pacts the leaders signed were vague".

News refers back to the events it has told: with a definite noun, or by telling the same
thing again (the headline, then the lede). Published again, each such mention is a copy of the
event, which a consumer cannot tell from a second meeting. A mention of the same parties that
gives no other date or place (``earlier_copy``) is not published a second time; a date or place
only it gives goes to the record kept (``with_details_of``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from streams.core.lexicon.organisations import CORPORATE_SUFFIXES
from streams.core.lexicon.triggers import (
    ACQUISITION_NOUNS,
    ACQUISITION_VERBS,
    MERGER_NOUNS,
    MERGER_VERBS,
    PAY_VERB,
    SALE_NOUNS,
    SALE_VERBS,
)
from streams.core.model import DateValue, Event
from streams.core.rules.aliases import bracket_openings, full_name_of, spelt_out

#: Words that make an event noun point back: "the meeting", "this deal", "their talks".
DEFINITE_WORDS = frozenset(
    {"the", "this", "that", "these", "those", "their", "its", "his", "her", "our", "my"}
)


def points_back(token: Token) -> bool:
    """Whether the trigger is a definite event noun ("the agreement", "this meeting")."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_WORDS for c in token.children
    )


#: The trigger lemmas of a trade: a purchase, sale or merger ("will pay $334 million for SeaMicro" is
#: one only when a company is paid for, rules/acquisitions.py).
TRADE_LEMMAS = (
    ACQUISITION_VERBS | ACQUISITION_NOUNS | SALE_VERBS | SALE_NOUNS | MERGER_VERBS | MERGER_NOUNS | {PAY_VERB}
)

#: Words that make a mention another event of the same parties: "met again", "another deal",
#: "a second round", "their first meeting since".
NEW_EVENT_WORDS = frozenset(
    {
        "again",
        "another",
        "second",
        "third",
        "new",
        "next",
        "first",
        "last",
        "previous",
        "earlier",
        "latest",
        "fresh",
    }
)


def _told_as_new(token: Token) -> bool:
    """Whether the trigger or its clause marks the event as one more of its kind."""
    verb = token.head if token.pos_ == "NOUN" and token.head.pos_ in ("VERB", "AUX") else token
    words = [*token.children, *verb.children]
    return any(w.lower_ in NEW_EVENT_WORDS for w in words)


def refers_back(token: Token) -> bool:
    """Whether the trigger is a definite event noun not told as one more of its kind: "his
    talk with the Herald", not "his first visit in a year" or "their next meeting"."""
    return points_back(token) and not _told_as_new(token)


def _a_trade(event: Event, doc: Doc) -> bool:
    """A purchase, sale or merger: told twice with the same parties, it is the same one. Told by
    its own verb or noun, or by the agreement to make it ("signed an agreement to acquire X")."""
    if str(event.extra.get("trigger_lemma", "")) in TRADE_LEMMAS:
        return True
    span = event.extra.get("trigger_span")
    trigger = doc.char_span(span["start"], span["end"]) if isinstance(span, dict) else None
    return trigger is not None and _agrees_to_trade(trigger.root)


def _agrees_to_trade(token: Token) -> bool:
    """ "has agreed to acquire EYP", "signed an agreement to buy SeaBolt": the agreeing is the trade."""
    words = [token, *(c for c in token.children if c.dep_ == "dobj")]
    return any(
        c.dep_ in ("xcomp", "acl") and c.lemma_.lower() in TRADE_LEMMAS for w in words for c in w.children
    )


def _name_key(name: str) -> str:
    """A party's name without its corporate suffix: "EYP Inc." in the lede is "EYP" of the headline."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in CORPORATE_SUFFIXES:
        words.pop()
    return " ".join(words)


def _same_standing(event: Event, other: Event) -> bool:
    """Told with the same status; a trade's headline may tell as to come ("HP will buy EYP") or as
    under way what the lede tells as agreed ("has agreed to acquire EYP", "AMD buys SeaMicro" and
    "is acquiring SeaMicro today"), but not what happened years ago ("plans to buy a majority
    stake" is not the stake it "bought in 2009")."""
    if event.status == other.status:
        return True
    return (
        event.type == "agreement"
        and {event.status, other.status} <= {"planned", "past", "ongoing"}
        and "historical" not in (event.context, other.context)
    )


def _named_in(name: str, theirs: set[str]) -> bool:
    """Whether a name is one of ``theirs`` or the end of one: "the Herald" of "Daily Herald",
    "Holt" of "Mara J. Holt"."""
    words = name.split()
    return any(name == other or other.split()[-len(words) :] == words for other in theirs)


def _points_at(named: list[str], parties: set[str], theirs: set[str], attended: bool = False) -> bool:
    """Whether a definite mention ("the meeting with Holt", "her talk with the Herald"), with
    ``parties`` and among them the people and bodies ``named``, is of an event with ``theirs`` as
    parties: each person or body it names is one of them. A group it names ("the meeting with the
    Democrats") says who was in the room, not another meeting; a mention that names only groups
    must name groups of the earlier event. Who else was at it (``attended``: "Lund's aides, among
    them his wife, were also at the meeting") need name only one of them."""
    if not named:
        return parties <= theirs
    return (any if attended else all)(_named_in(name, theirs) for name in named)


def _attended(noun: Token) -> bool:
    """A meeting noun told as where people were: "were also at the meeting", "attended the talks"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "at":
        return head.head.lemma_.lower() == "be"
    return noun.dep_ == "dobj" and head.lemma_.lower() == "attend"


#: How many events (statements among them) back a mention is compared with: far more than a news
#: article holds, so that nothing changes for one, while a body of a megabyte (thousands of events)
#: is not compared pairwise.
REACH = 300


def earlier_copy(token: Token, event: Event, earlier: Sequence[Event]) -> int | None:
    """The index in ``earlier`` of the event that ``event``, told by ``token``, tells again; None if
    it is a new one.

    A definite event noun ("the meeting", "their talks") is a copy of an earlier event of its
    type whose parties include the people and bodies it names (``_points_at``), unless that one
    is a meeting still to come and this one is over. Any other mention ("AMD buys SeaMicro" in
    the headline, "AMD has acquired SeaMicro" in the lede; "Kelly met with Trump" twice) is one
    only with exactly the same parties and status and no word that makes it another ("again", "a
    second"), and, for an agreement, only a trade: the same two parties may sign several
    agreements, not buy each other twice. Either way a date or place that differs from the
    earlier one's makes it another event.
    """
    definite = points_back(token)
    if not definite and _told_as_new(token):
        return None
    doc = token.doc
    if "bracket_openings" not in doc.user_data:
        doc.user_data["bracket_openings"] = (doc.text, bracket_openings(doc.text))
    text, openings = doc.user_data["bracket_openings"]
    first = max(0, len(earlier) - REACH)
    known = {a.name for e in (event, *earlier[first:]) for a in e.actors}
    keys: dict[str, str] = {}

    def key(name: str) -> str:  # "EYP MCF", given in brackets after "EYP Mission Critical Facilities"
        if name not in keys:
            at = openings.get(name)
            full = full_name_of(name, known, text, at) if at is not None else None
            keys[name] = _name_key(full or spelt_out(name, known) or name)  # "AMD": "Advanced Micro Devices"
        return keys[name]

    parties = {key(a.name) for a in event.actors}
    named = [key(a.name) for a in event.actors if a.kind != "group"]  # people and bodies
    traded = _a_trade(event, token.doc) or _agrees_to_trade(token)
    for index in range(len(earlier) - 1, first - 1, -1):
        other = earlier[index]
        if other.type != event.type or other.evidence.start == event.evidence.start:
            continue
        theirs = {key(a.name) for a in other.actors}
        if not (
            _points_at(named, parties, theirs, definite and _attended(token))
            if definite
            else (parties == theirs and _same_standing(event, other))
        ):
            continue
        if definite and other.status == "planned" and event.status == "past" and other.type == "meeting":
            continue  # "his meeting with Holt" (done) is not the one they "agreed to meet again" for
        if not definite and event.type == "agreement" and not (traded and _a_trade(other, token.doc)):
            continue  # two parties may sign several deals; a firm is bought once
        if event.date is not None and other.date is not None and not _same_time(event.date, other.date):
            continue
        if (
            event.location is not None
            and other.location is not None
            and other.location.name != event.location.name
        ):
            continue
        return index
    return None


def agenda_of(token: Token, event: Event, earlier: Sequence[Event], since: int) -> int | None:
    """The index in ``earlier`` of the latest meeting, told from character ``since`` on (a few
    sentences back), whose agenda ``event`` tells, or None: "Berg held a meeting with Lund and Vidal on
    Thursday. The leaders were expected to discuss trade." is that meeting's talk, not a meeting of
    its own; one with a time of its own ("On Friday they discussed it by phone") is another."""
    if token.lemma_.lower() != "discuss" or event.type != "meeting" or event.date is not None:
        return None
    meetings = [i for i, e in enumerate(earlier) if e.type == "meeting" and e.evidence.start >= since]
    if not meetings:
        return None
    latest = max(meetings, key=lambda i: earlier[i].evidence.start)
    names = {a.name for a in event.actors}
    return latest if names <= {a.name for a in earlier[latest].actors} else None


def _same_time(one: DateValue, other: DateValue) -> bool:
    """The same date, or one inside the other: "later this month" (2015-12) and "the Dec. 28
    meeting" (2015-12-28) tell one meeting."""
    a, b = sorted((one.value, other.value), key=len)
    return a == b or b.startswith(a + "-")


def with_details_of(kept: Event, copy: Event) -> Event:
    """The kept record, with the date and place its later copy gives and it lacks ("AMD buys
    SeaMicro" in the headline, dated by "on Wednesday" in the lede), and the copy's day within the
    kept one's month."""
    if kept.status == "planned" and copy.status == "past":
        # "HP will buy EYP" in the headline, "has agreed to acquire EYP" in the lede: it is agreed
        kept = replace(kept, status=copy.status, context=copy.context)
    if copy.date is not None and (kept.date is None or len(copy.date.value) > len(kept.date.value)):
        # the copy's date, or its day within the kept one's month ("later this month", "Dec. 28")
        kept = replace(kept, date=copy.date, date_basis=copy.date_basis)
    if kept.location is None and copy.location is not None:
        kept = replace(kept, location=copy.location)
    return kept


def headline_end(body: str, title: str | None) -> int:
    """Where the headline ends when the body opens with the article's title (feeds that repeat
    it above the text), else 0: no event is the headline's."""
    if not title or not title.strip():
        return 0
    start = len(body) - len(body.lstrip())
    wanted = title.strip().rstrip(".")
    if not wanted or not body.startswith(wanted, start):
        return 0
    end = start + len(wanted)
    return end + 1 if body[end : end + 1] == "." else end


def headlines_with_details(events: list[Event], end: int, reach: int) -> list[Event]:
    """Each undated event of the headline (evidence ending by ``end``) with the date and place of
    the first later event of its type with the same parties and standing that starts before
    ``reach`` (the lede and what follows it): "Verizon, unions reach deal" is the deal "announced
    Friday" below. Both stay published, but every copy of the event gives its date. Copies that
    ``earlier_copy`` already folds (a trade, a meeting) never reach here."""
    if end <= 0:
        return events
    out = list(events)
    for i, head in enumerate(events):
        if head.evidence.end > end or head.type == "statement" or head.date is not None:
            continue
        parties = [_name_key(a.name) for a in head.actors]
        for later in events:
            if later.evidence.start < end or later.evidence.start >= reach or later.type != head.type:
                continue
            if not _same_parties(parties, [_name_key(a.name) for a in later.actors]) or not _same_standing(
                head, later
            ):
                continue
            if later.date is not None:
                out[i] = with_details_of(head, later)
            break  # the first retelling decides: a later one may be another deal of the same parties
    return out


def _same_parties(ours: list[str], theirs: list[str]) -> bool:
    """As many parties, each named alike: the same name, or one name's words at the start or the end
    of the other's (a headline's "EYP" is "EYP Mission Critical Facilities", "Holt" is "Mara Holt")."""
    return len(ours) == len(theirs) and all(any(_alike(a, b) for b in theirs) for a in ours)


def _alike(one: str, other: str) -> bool:
    short, long = sorted((one.split(), other.split()), key=len)
    return short == long[: len(short)] or short == long[-len(short) :]
