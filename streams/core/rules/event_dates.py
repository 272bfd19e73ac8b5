"""The date of an event: the resolvable date in its sentence nearest what signalled it.

For a meeting or agreement (``event_date``) the date must belong to the event's clause: a date
in a clause the event's governs or is followed by ("agreed to cut emissions by 2030", "signed
the deal, and cars should be out by 2011") dates something else, while one in the clause that
governs the event's dates it ("said Tuesday it had settled"). A sentence with no date at all
takes the day the sentence before it in the paragraph gives ("On Tuesday the ministers arrived.
They met the president."). "The following day" counts from the date the text used last.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from streams.core.lexicon.modality import CLAIM_NOUNS, FUTURE_MODALS, PLAN_WORDS, WOULD
from streams.core.lexicon.places import MOTION_VERBS
from streams.core.lexicon.speech import SPEECH_LEMMAS
from streams.core.lexicon.triggers import (
    ACQUISITION_VERBS,
    MEETING_NOUNS,
    MEETING_VERBS,
    MERGER_VERBS,
    SALE_VERBS,
    VISIT_LEMMAS,
)
from streams.core.model import Actor, DateBasis, DateValue, EventStatus
from streams.core.normalise.calendar_words import SEASONS
from streams.core.normalise.dates import (
    is_relative,
    normalise_date,
    reference_precision,
    week_as_month,
)
from streams.core.rules.actors import ActorResolver, has_digit
from streams.core.rules.document import DocumentIndex, entities_in, paths_to_common_head
from streams.core.rules.event_context import past_relative_clause
from streams.core.rules.syntax import clause_verb, day_on_a_state, in_past_form, is_to_infinitive, retold
from streams.core.spans import CharSpans

#: words that move an event away from the time of the sentence before ("later they met")
TIME_SHIFT_WORDS = frozenset(
    {
        "later",
        "earlier",
        "previously",
        "again",
        "since",
        "before",
        "after",
        "already",
        "once",
        "formerly",
        "recently",
        "subsequently",
        "ago",
        "last",
        "next",
        "meanwhile",
    }
)
#: how far back, in characters, a "the following day" looks for the day it counts from
_REFERENCE_WINDOW = 1500

#: A date and, when it was resolved relative to a day, what that day was.
DatedAs = tuple[DateValue | None, DateBasis | None]


def sentence_date(
    sent: Span,
    base: date | None,
    basis: DateBasis | None,
    quote_spans: CharSpans | None = None,
    anchor: int | None = None,
    planned: bool = False,
) -> DatedAs:
    """The resolvable date of the sentence, outside quoted words, nearest the event's anchor.

    ``anchor`` is the token index of the trigger (or quote); with none, the first date
    wins. A scheduled event (``planned``) reads a bare weekday or month forwards.
    """
    found: list[tuple[int, DateValue]] = []
    for ent in entities_in(sent):
        if ent.label_ == "DATE" and not (quote_spans is not None and quote_spans.covers(ent.start_char)):
            value = normalise_date(ent.text, base, prefer_future=planned)
            if value is not None:
                distance = 0 if anchor is None else min(abs(ent.start - anchor), abs(ent.end - 1 - anchor))
                found.append((distance, value))
    if not found:
        return None, None
    value = min(found, key=lambda item: item[0])[1]
    return value, (basis if is_relative(value) else None)


def speech_date(
    sent: Span,
    speaker: Actor,
    actors: ActorResolver,
    base: date | None,
    basis: DateBasis | None,
    quote_spans: CharSpans,
) -> DatedAs:
    """The date of the occasion a quote was said on, from the sentence that set it up.

    "On Wednesday, Erdoğan called for cooperation. “...,” he said." -- the quote has no
    date of its own; up to two sentences back in the same paragraph, a sentence naming
    the same speaker with a date gives it.
    """
    for previous in actors.document.sentences_before_in_paragraph(sent, 2):
        named = {a.name for a in actors.actors_in(previous.start, previous.end, "speaker")}
        if speaker.name in named:
            return sentence_date(previous, base, basis, quote_spans)
    return None, None


def event_date(
    sent: Span,
    trigger: Token,
    status: EventStatus,
    document: DocumentIndex,
    base: date | None,
    basis: DateBasis | None,
    quote_spans: CharSpans,
    own_phrase: bool = False,
) -> DatedAs:
    """The date of a meeting or agreement signalled by ``trigger`` in ``sent``.

    With ``own_phrase`` only a date in the trigger noun's own phrase counts ("denounced on Monday
    the November 27 agreement": November 27; the sentence before says nothing of it either).

    Its own clause's date nearest the trigger; a year-less date in a past-tense clause is
    never after publication; with no date in the sentence, the day the previous sentence of
    the paragraph gives, unless the sentence moves away in time ("later", "again").
    """
    planned = status == "planned"
    not_after = status == "past" and (past_tense(trigger) or past_relative_clause(trigger) is not None)
    found: list[tuple[bool, int, DateValue]] = []
    any_date = False
    same_day = _SAME_DAY_WORDS.search(sent.text) or (_PART_OF_DAY.search(sent.text) if not_after else None)
    if same_day is not None and quote_spans.covers(sent.start_char + same_day.start()):
        same_day = None
    for ent in entities_in(sent):
        if not _day_entity(ent, base) or quote_spans.covers(ent.start_char):
            continue
        if same_day is not None and same_day.start() <= ent.start_char - sent.start_char < same_day.end():
            continue  # "the day" of "earlier in the day": read below, from the day given before
        any_date = True
        counted = None if own_phrase else _counted_back_to_the_event(ent, trigger)
        if counted is not None:
            # "The closure came a day after Tate met Saleh": a day before the day given before
            words, precision = counted
            reference = _reference_day(
                document, ent.start_char, base, quote_spans, not_after, precision=precision
            )
            value = normalise_date(words, base, reference=reference) if reference is not None else None
            if value is not None:
                found.append((False, 0, value))
            continue
        if own_phrase and not any(a.i == trigger.i for a in ent.root.ancestors):
            continue
        if retold(trigger) and ent.end <= trigger.head.i:
            continue  # "In an interview last week, Hoenlein described the meeting": the telling's day
        if _a_bound(ent):
            continue  # "planned to visit before January": some time before it, not then
        if _since_a_first(ent):
            continue  # "met for the first time since March": when they had last met, not when they met
        trailing = False
        if planned and _dates_the_plan(ent, trigger):
            continue  # "agreed Monday to hold talks": Monday is the agreeing
        governed_past = False
        said = _announced_then(ent, trigger)  # "said today it will acquire Beta": today is past
        if not _belongs_to_event(ent, trigger, said):
            governed_past = not_after and _in_agreed_infinitive(ent, trigger)
            if not governed_past and not (not_after and _ends_clause_in_participle(ent, trigger)):
                continue
            trailing = not governed_past
        counted_from = reference_precision(ent.text)
        reference = (
            _reference_day(document, ent.start_char, base, quote_spans, not_after, precision=counted_from)
            if counted_from is not None
            else None
        )
        value = normalise_date(
            ent.text,
            base,
            prefer_future=planned and not said,
            not_after=not_after or said or _since(ent),
            reference=reference,
        )
        if value is not None and trailing and not news_day(value, base):
            continue  # "visited the families of the men trapped on Tuesday": an earlier day is the trapping's
        if value is not None and governed_past and not _not_after(value, base):
            continue  # "agreed in 2015 to cut emissions in 2030": a later year is the target's
        if value is not None and reference is not None and not_after and not _not_after(value, base):
            continue  # "met in June. Eight months later they signed", told in October: not after it
        if value is not None:
            distance = min(abs(ent.start - trigger.i), abs(ent.end - 1 - trigger.i))
            found.append((_above_the_event(ent, trigger), distance, value))
    if found:
        # the event's own clause first: "X said on Monday that on a trip this week he would ..."
        tense = True if not_after else False if planned else None
        value = week_as_month(min(found, key=lambda item: item[:2])[2], base, tense)
        return value, (basis if is_relative(value) else None)
    if not (own_phrase or any_date) and _during_the_trip(trigger):
        # "During her trip, Lee will meet X": the trip the text dated before ("travels to the
        # Gulf in the coming week")
        value = _trip_date(sent, document, base, quote_spans, planned)
        if value is not None:
            return value, (basis if is_relative(value) else None)
    if (
        same_day is not None
        and not own_phrase
        and (not any_date or _said_of_the_event(sent, same_day, trigger))
    ):
        # "plans to meet Reid that day", "earlier in the day": the day the text gave before, which
        # the model does not tag as a date (or tags as "the day" alone)
        start = sent.start_char + same_day.start()
        day = _reference_day(document, start, base, quote_spans, not_after, future=planned)
        if day is not None:
            value = DateValue(text=same_day.group(0), value=day.isoformat(), precision="day")
            return value, None
    if own_phrase or any_date or not not_after or any(_shifts_time(t, trigger) for t in sent):
        return None, None  # only a past-tense scene continues the day of the sentence before
    return _previous_sentence_day(sent, document, base, basis, quote_spans)


def _said_of_the_event(sent: Span, words: re.Match[str], trigger: Token) -> bool:
    """Whether "that day" is in the event's own clause ("also met Lund that day, as the paper
    reported on Tuesday"): then the sentence's other dates, none of which is the event's, do not
    keep it from the day given before."""
    span = sent.char_span(words.start(), words.end(), alignment_mode="expand")
    return span is not None and clause_verb(span.root) == clause_verb(trigger)


#: The day the text gave before, in words the model leaves untagged or tags without the words that
#: make them so: "that day", "the same day", "earlier in the day", "later in the day".
_SAME_DAY_WORDS = re.compile(
    r"\b(?:(?:earlier|later)\s+(?:in\s+)?(?:that|the(?:\s+same)?)\s+day|(?:on\s+)?(?:that|the\s+same)\s+day)\b",
    re.I,
)


#: A part of the day a past scene took place in ("held a joint meeting in the morning"): of the day
#: the text gave before. Only for the past: "will meet in the morning" is a morning to come.
_PART_OF_DAY = re.compile(r"\b(?:early |late )?in the (?:morning|afternoon|evening)\b", re.I)


def _counted_back_to_the_event(ent: Span, trigger: Token) -> tuple[str, str] | None:
    """ "The closure came a day after Tate met Saleh", "This comes a week after he met Ruiz in
    Oslo": a span of days before an after-clause that tells the event puts the event that long
    before the day the text gave before (the closure's, the news'). The words as a count from that
    day ("a day earlier") with the coarsest date it may count from (``reference_precision``), or
    None. "Before" counts forward ("two days before they met": later)."""
    doc = ent.doc
    if ent.end >= len(doc) or ent.end > trigger.i:
        return None
    marker = doc[ent.end]
    if marker.lower_ not in ("after", "before") or marker.dep_ not in ("mark", "prep"):
        return None
    clause = marker.head
    if not (clause.i == trigger.i or clause.is_ancestor(trigger)):
        return None
    counted = f"{ent.text} {'earlier' if marker.lower_ == 'after' else 'later'}"
    precision = reference_precision(counted)
    return (counted, precision) if precision is not None else None


def _day_entity(ent: Span, base: date | None) -> bool:
    """A date, or a time that names its day ("this morning", "last night"); not a bare clock time."""
    if ent.label_ == "DATE":
        return True
    if ent.label_ != "TIME":
        return False
    value = normalise_date(ent.text, base)
    return value is not None and value.precision == "day"


def _above_the_event(ent: Span, trigger: Token) -> bool:
    """Whether the date sits in a clause above the event's ("said Tuesday it had settled")."""
    date_verb = clause_verb(ent.root, stop=trigger)
    event_verb = clause_verb(trigger)
    if date_verb is None or event_verb is None or date_verb.i == event_verb.i:
        return False
    return any(a.i == date_verb.i for a in event_verb.ancestors)


#: Nouns of an occasion for speaking, which a date in their phrase dates: "In an interview on
#: Monday night, X answered a claim that he met Y" -- Monday is the interview's.
OCCASION_NOUNS = frozenset(
    {"interview", "speech", "statement", "remarks", "appearance", "address", "briefing", "testimony", "tweet"}
)


def dates_an_occasion(ent: Span, trigger: Token) -> bool:
    """Whether the date sits in the phrase of an occasion noun other than the trigger."""
    node = ent.root
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
        if node.i == trigger.i:
            return False
        if node.pos_ == "NOUN" and node.lemma_.lower() in OCCASION_NOUNS:
            return True
    return False


def _dates_another_event(ent: Span, trigger: Token) -> bool:
    """Whether the date modifies another noun, apart from the trigger's phrase ("the late Friday
    release"), or sits in the phrase of another trip or meeting that does not frame the trigger:
    "his visit to Mexico, where he met X, recalls Reagan's trip to Geneva in 1985" (1985 is the
    trip's, even where the parser hangs "in 1985" on the verb: the phrase it closes is the trip's). A
    trip the event happened on ("met X during his visit to Peru in May") is below the trigger, and its
    date is the event's."""
    last = ent[-1]  # "the late Friday release": the model's span root is "the"; its last word modifies
    owner = last.head
    if (
        last.dep_ in ("compound", "poss", "nmod", "npadvmod")
        and not ent.start <= owner.i < ent.end
        and owner.pos_ == "NOUN"
        and owner.ent_type_ not in ("DATE", "TIME")  # "Wednesday morning": one time
        # "on Sunday Presidents X and Y signed": a date right after its preposition, misparsed
        and not (ent.start > 0 and ent.doc[ent.start - 1].pos_ == "ADP" and ent[0].pos_ != "DET")
        and owner.i != trigger.i
        and not owner.is_ancestor(trigger)
        and not trigger.is_ancestor(owner)
    ):
        return True  # "came after the late Friday leak of the list": the leak's day
    starts = [ent.root]
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and prep.i == ent.start - 1 and prep.i > 0:
        starts.append(ent.doc[prep.i - 1])  # the word the date's phrase follows
    for start in starts:
        node = start
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            if node.i == trigger.i or trigger.is_ancestor(node):
                break
            if node.pos_ == "NOUN" and (node.lemma_.lower() in VISIT_LEMMAS or node.lower_ in MEETING_NOUNS):
                if node.is_ancestor(trigger):
                    break
                return True
            node = node.head
    return False


def _timed_on_its_own(event_verb: Token, trigger: Token, other: Span) -> bool:
    """Whether the event's clause has a time of its own besides ``other``, even one no day can
    be read from ("pulled out of talks over the weekend"): then another clause's date is not the
    event's. A time that describes a thing ("a 10-month moratorium", "its decades-long dispute",
    "the annual meeting") says nothing of when."""
    return any(
        ent.label_ in ("DATE", "TIME")
        and ent.start != other.start
        and _tells_when(ent.root, trigger)
        and not _a_duration(ent)
        and clause_verb(ent.root) == event_verb
        for ent in entities_in(other.sent)
    )


def _a_duration(ent: Span) -> bool:
    """ "met for two hours", "talked for a few days": how long, not when ("set for Monday" is when)."""
    return (
        ent.root.dep_ == "pobj"
        and ent.root.head.lower_ == "for"
        and any(t.like_num or t.lower_ in ("a", "an", "several", "few", "many") for t in ent)
    )


def _tells_when(word: Token, trigger: Token) -> bool:
    """Whether a time phrase's head word says when its verb or the event noun happened ("Monday",
    "talks over the weekend"), not what kind of thing something is ("a 10-month moratorium",
    "decades-long")."""
    head = word.head.head if word.dep_ == "pobj" and word.head.dep_ == "prep" else word.head
    if word.dep_ not in ("pobj", "npadvmod", "advmod", "tmod"):
        return False
    return head.pos_ in ("VERB", "AUX") or head.i == trigger.i


def _said_of_a_side(token: Token, trigger: Token) -> bool:
    """Whether a word under an event noun lies in a clause said of something in its phrase, not of
    the event: "an agreement with unions representing workers who walked out in mid-April" (the
    walking out's time). A clause on the event noun itself is its own ("a deal struck in July",
    "the summit where on Sunday they signed")."""
    node = token
    while node.i not in (trigger.i, node.head.i):
        if node.dep_ in ("relcl", "acl") and node.pos_ in ("VERB", "AUX") and node.head.i != trigger.i:
            return not day_on_a_state(node)  # "exchanges with senators who oppose him on Thursday"
        node = node.head
    return False


def _belongs_to_event(ent: Span, trigger: Token, said: bool) -> bool:
    """Whether the date is the event's: on the trigger word or what describes it ("the June 12
    meeting", "a deal struck in July"), in its clause or a clause above it ("said Tuesday it had
    settled"); not in a clause below it that follows the trigger ("agreed to cut emissions by
    2030", "went through, and cars should be out by 2011"): that clause has its own time. ``said``
    is whether the date is the saying's of an event told as still to come (``_announced_then``)."""
    if trigger.pos_ not in ("VERB", "AUX") and any(a.i == trigger.i for a in ent.root.ancestors):
        return not (
            _in_purpose_of_noun(ent.root, trigger)
            or _said_of_a_side(ent.root, trigger)
            or _moved_from(ent.root)
        )
    if dates_an_occasion(ent, trigger) or _dates_another_event(ent, trigger):
        return False
    if _year_of_a_thing(ent) or _year_in_a_name(ent):
        return False  # "bought a 1968 Boeing 727", "the Recovery Act of 2009": the jet's, the law's
    date_verb = clause_verb(ent.root, stop=trigger)
    event_verb = clause_verb(trigger)
    if said and not _a_purchase(event_verb):
        return False  # "said on Wednesday he would meet the NRA": the day he said so
    if date_verb is None:
        return True  # the date modifies the trigger word itself
    if event_verb is not None and date_verb.i != event_verb.i and _timed_on_its_own(event_verb, trigger, ent):
        return False  # "filed on Monday after they pulled out of talks over the weekend"
    if event_verb is not None and _decided_then(event_verb, date_verb):
        return False  # "On Monday, Lund agreed to meet Berg": the day she agreed, not the meeting's
    if (
        event_verb is not None
        and any(a.i == date_verb.i for a in event_verb.ancestors)
        and _held_by_a_noun(event_verb, date_verb)
    ):
        # a date above the event's clause dates it ("said Tuesday it had settled"), unless the event
        # is told in what a noun holds ("denied on Monday reports that he met X", "a claim that they
        # met"): the date is the denial's or the claim's
        return False
    if _in_the_other_conjuncts_clause(ent, trigger):
        return False  # "was fired up at the analyst day earlier this month and has bought X": the day's
    if event_verb is None or date_verb.i == event_verb.i or ent.start < trigger.i:
        return True
    if not any(a.i == event_verb.i for a in date_verb.ancestors):
        return True
    if _in_a_coordinated_clause(date_verb, event_verb):
        return False  # "agreed to a freeze, but when Berg visited Israel in March, he was caught off guard"
    # below the event's clause, yet about its time: "a summit where on Sunday they signed",
    # and, when the event noun is the subject, its predicate ("the meeting is set to open tomorrow")
    if date_verb.left_edge.lower_ in ("where", "when") and (
        date_verb.dep_ == "relcl" or date_verb.head.i == trigger.i
    ):
        # a relative clause on the event noun; not a when-clause of the verb it is the object or
        # subject of ("The idea of the meeting came up when they chatted last month")
        return True
    if day_on_a_state(date_verb):
        return True  # "met relatives of miners who live in Oslo on Thursday": the meeting's day
    if _describes(date_verb, trigger):
        return True
    if trigger.pos_ not in ("VERB", "AUX") and trigger.dep_ in ("nsubj", "nsubjpass"):
        verb = date_verb
        while verb.dep_ == "xcomp" and verb.i != event_verb.i:
            verb = verb.head
        return verb.i == event_verb.i
    return False


def _in_the_other_conjuncts_clause(ent: Span, trigger: Token) -> bool:
    """Whether the date lies in a clause below another conjunct than the event's: "Read was fired
    up about doing better at the analyst day earlier this month and has wasted little time with the
    acquisition of X" dates the doing, not the acquisition: two things one subject did. A date on
    the other conjunct itself ("On Monday, X arrived in Oslo and met Y") is the scene's, and the
    event's too."""
    paths = paths_to_common_head(ent.root, trigger)
    if paths is None or not paths[1]:
        return False
    up, down = paths
    top = down[-1]
    if top.dep_ != "conj" or top.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in top.children):
        return False  # "a deal begun last year, but talks had stalled": a clause of its own, of that deal
    return any(n.pos_ in ("VERB", "AUX") and n.dep_ in _SUBORDINATE_CLAUSES for n in up)


_SUBORDINATE_CLAUSES = frozenset({"pcomp", "advcl", "xcomp", "ccomp", "relcl", "acl"})


def _in_a_coordinated_clause(date_verb: Token, event_verb: Token) -> bool:
    """Whether ``date_verb`` lies in a clause coordinated with the event's ("X agreed, but when Y
    visited in March, he ..."): that clause tells another happening, and its time is its own."""
    node = date_verb
    while node.head.i not in (node.i, event_verb.i):
        node = node.head
    return node.head.i == event_verb.i and node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")


#: Verbs of an event's own course, whose infinitive on the event noun gives its time: "talks to
#: begin on Monday", "a deal to close in June", "the summit to be held in May" (any passive).
_COURSE_VERBS = frozenset(
    {
        "begin",
        "start",
        "open",
        "resume",
        "close",
        "conclude",
        "end",
        "finish",
        "last",
        "run",
        "continue",
        "be",
    }
)


#: Verbs of deciding on an act to come, whose own day is not the act's ("agreed on Monday to meet").
_DECIDING_VERBS = frozenset({"agree", "decide", "promise", "pledge", "vow", "offer", "consent", "resolve"})


def _decided_then(event_verb: Token, date_verb: Token) -> bool:
    """Whether the date is on a verb of deciding whose infinitive the event is: "On Monday, Lund
    agreed to meet Berg" dates the agreeing. Not "is expected to meet on Monday" (a forecast of
    the meeting), nor "said Tuesday it had met" (a report)."""
    verb = event_verb
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        if verb.i == date_verb.i:
            return verb.lemma_.lower() in _DECIDING_VERBS
    return False


def _announced_then(ent: Span, trigger: Token) -> bool:
    """Whether the date is that of a verb of saying whose reported clause tells the event as still
    to come ("announced Monday that they will sign"; "said on Wednesday he would meet the NRA",
    which the parser hangs on "meet", the date standing before the reported clause's subject): the
    day of the saying, which is past. A past report ("said Tuesday it had settled") is dated by it
    as any clause above is."""
    event_verb = clause_verb(trigger)
    if event_verb is None:
        return False
    intended = False
    while event_verb.dep_ == "xcomp" and event_verb.head.pos_ == "VERB":
        # "said Monday it intends to acquire Beta": the reported clause is the intent's
        event_verb = event_verb.head
        intended = intended or event_verb.lemma_.lower() in PLAN_WORDS
    saying = event_verb.head
    if event_verb.dep_ != "ccomp" or saying.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    if not intended and not any(
        c.dep_ == "aux" and c.lower_ in FUTURE_MODALS | WOULD for c in event_verb.children
    ):
        return False
    date_verb = clause_verb(ent.root, stop=trigger) or trigger
    if date_verb.i == saying.i:
        return True
    # where the reported clause begins: its "that", else its subject
    starts = [c.i for c in event_verb.children if c.dep_ == "mark"] or [
        c.i for c in event_verb.children if c.dep_ in ("nsubj", "nsubjpass")
    ]
    return date_verb.i == event_verb.i and bool(starts) and saying.i < ent.start and ent.end <= min(starts)


def _a_purchase(verb: Token | None) -> bool:
    """ "said today it will acquire Beta": a purchase announced is the deal, struck as it is told."""
    return verb is not None and verb.lemma_.lower() in ACQUISITION_VERBS | SALE_VERBS | MERGER_VERBS


#: Verbs that move an event to another time: the time it is moved from is not its own.
_RESCHEDULING_VERBS = frozenset({"postpone", "delay", "move", "push", "reschedule", "defer"})


def _moved_from(date_word: Token) -> bool:
    """ "the summit, postponed from May, took place on Friday": the time it was first set for."""
    prep = date_word.head
    return (
        date_word.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_.lower() in _RESCHEDULING_VERBS
    )


def _in_purpose_of_noun(date_word: Token, trigger: Token) -> bool:
    """Whether the date hangs in a to-infinitive on the event noun that tells what the event is
    for: "in talks with carmakers to replace Acme after 2011", "a pact to cut tariffs in 2030".
    That clause has its own time; the talks' is not given."""
    node = date_word
    while node.i not in (trigger.i, node.head.i):
        if (
            is_to_infinitive(node)
            and node.dep_ in ("acl", "relcl", "advcl")
            and node.lemma_.lower() not in _COURSE_VERBS
            and not any(c.dep_ == "auxpass" for c in node.children)
        ):
            return True
        node = node.head
    return False


def _bare_year(ent: Span) -> bool:
    """A date entity that is a year alone, written in four digits ("1968")."""
    return len(ent) == 1 and ent.text.isdigit() and len(ent.text) == 4


def _year_of_a_thing(ent: Span) -> bool:
    """A bare year before a maker's name and a model number ("a 1968 Boeing 727", "the 2004 Ford
    F-150"): the year the thing was made, however the parse hangs it; or before the words of an
    accounting period ("its 2008 second-quarter earnings"): that period's name."""
    doc = ent.doc
    if not _bare_year(ent) or ent.end + 1 >= len(doc):
        return False
    if any(t.lower_ in _PERIOD_LABELS for t in doc[ent.end : ent.end + 3]):
        return True  # "HP's 2008 second-quarter earnings", "its 2019 fiscal results": a period's name
    maker, model = doc[ent.end], doc[ent.end + 1]
    return maker.pos_ == "PROPN" and maker.ent_type_ in ("ORG", "PRODUCT") and has_digit(model.text)


#: Words after a bare year that make it the name of an accounting period, not a time of the event.
_PERIOD_LABELS = frozenset({"quarter", "quarterly", "fiscal", "earnings", "results", "budget"})


#: Prepositions that make a date a bound, not the time of what they bound.
_BOUND_PREPS = frozenset({"before", "until", "till", "by"})


def _since(ent: Span) -> bool:
    """ "have been negotiating since December": a start that lies before the telling, whatever the
    tense (the present perfect is not past in ``past_tense``'s sense)."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ == "since"


def _since_a_first(ent: Span) -> bool:
    """A date after "since" on a first or a superlative ("the first since March", "for the first time
    since 2014", "signed its biggest deal since June"): the time of the last one like it, not of the
    event. On a verb in the simple past the same ("met twice since March"): only a perfect or a
    going on ("have been negotiating since December") starts then."""
    if not _since(ent):
        return False
    word = ent.root.head.head
    if word.pos_ in ("VERB", "AUX"):
        return word.tag_ == "VBD" and not any(c.dep_ == "aux" for c in word.children)
    if word.lower_ == "time":  # "the first time since"
        return any(c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" for c in word.children)
    return (
        word.ent_type_ == "ORDINAL"
        or word.tag_ in ("JJS", "RBS")
        or any(c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" for c in word.children if c.dep_ == "amod")
    )


def _a_bound(ent: Span) -> bool:
    """A date after "before", "until" or "by" ("visit the US before January", "sign the deal by
    June"): the event is some time on the near side of it, not on it. After a passive, the parser
    takes "by" for the agent's ("a deal to be finalised by June 10"): a date is no agent."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.lower_ in _BOUND_PREPS


def _year_in_a_name(ent: Span) -> bool:
    """A year that ends a name ("the Recovery Act of 2009", "the Class of 1998", "Act (ARRA) of
    2009"): when that law or body dates from, not the event."""
    doc = ent.doc
    if not _bare_year(ent) or ent.start < 2:
        return False
    of = doc[ent.start - 1]
    if of.lower_ != "of":
        return False
    before = doc[ent.start - 2]
    if before.text == ")" and ent.start >= 3:
        before = doc[ent.start - 3]  # "the Act (ARRA) of 2009"
    return before.pos_ == "PROPN" and before.text[:1].isupper()


#: prepositions that set a deadline or a span rather than the time of what was agreed
_DEADLINE_PREPS = _BOUND_PREPS | {"through", "within"}


def _in_agreed_infinitive(ent: Span, trigger: Token) -> bool:
    """ "He agreed to sell it to her in 2010": a date in the to-infinitive of a past-tense agreeing
    verb dates the agreement too, when it is not a deadline ("agreed to cut emissions by 2030")
    and (checked by the caller) not after publication. The infinitive is the agreed act, and a
    past act agreed in the past was agreed at about its time."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and past_tense(trigger.head):
        trigger = trigger.head  # "reached a deal to buy X on Friday": the reaching's infinitive
    if trigger.pos_ != "VERB" or not past_tense(trigger):
        return False
    if ent.root.head.dep_ == "prep" and ent.root.head.lower_ in _DEADLINE_PREPS:
        return False
    verb = clause_verb(ent.root)
    if verb is None or verb.i == trigger.i:
        return False
    while verb.dep_ == "xcomp" and verb.head.i != trigger.i:
        verb = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.lemma_.lower() in MEETING_VERBS:
        return False  # "agreed to meet Berg on Monday": the day of the meeting, a record of its own
    if verb.dep_ in ("acl", "relcl") and infinitive:
        # "agreed on a plan to share water on Monday": the plan's act is the agreed act too, and
        # so is the act of a deal signed or reached ("signed an agreement to acquire X on Monday")
        noun = verb.head
        if noun.dep_ == "dobj" and noun.head.i == trigger.i:
            return True
        return noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.i == trigger.i
    return verb.dep_ == "xcomp" and verb.head.i == trigger.i and infinitive


def _not_after(value: DateValue, base: date | None) -> bool:
    """Whether the date's first day is not after ``base`` (any date passes without a base)."""
    return base is None or _first_day(value) <= base


def _held_by_a_noun(event_verb: Token, date_verb: Token) -> bool:
    """Whether the way up from the event's verb to the date's verb passes a claim ("reports that ...")
    or a relative clause ("Acme, which signed a deal with X, said Monday ...", "his visit to Mexico,
    where he met X, recalls a trip in 1985"): what a noun holds has its own time. Not a "when" clause,
    which tells the time it hangs on ("began in 1984, when Trump signed Walker")."""
    node = event_verb
    while node.i not in (date_verb.i, node.head.i):
        if node.dep_ == "relcl" and not any(c.lower_ == "when" for c in node.children):
            return not _where_the_trip_went(node, date_verb)
        node = node.head
        if node.i != date_verb.i and node.lemma_.lower() in CLAIM_NOUNS:
            return True
    return False


def _where_the_trip_went(clause: Token, date_verb: Token) -> bool:
    """ "flew on Sunday to Lima, where he met X": a where-clause on the place a dated journey went to
    tells what was done on arriving, on the journey's day. So does one the parser hangs on the day
    itself ("visited Oslo on Monday, where she met X")."""
    if not any(c.lower_ == "where" for c in clause.children):
        return False
    place = clause.head
    return place.ent_type_ == "DATE" or (
        place.dep_ == "pobj"
        and place.head.lower_ == "to"
        and place.head.head.i == date_verb.i
        and date_verb.lemma_.lower() in MOTION_VERBS
    )


def _dates_the_plan(ent: Span, trigger: Token) -> bool:
    """Whether the date is in a clause above a planned event noun's to-infinitive: "agreed Monday to
    hold talks", "gave assurances Friday to stay out of the talks". The date is when
    the plan or promise was made; the event noun takes a date only from its own clause."""
    if trigger.pos_ in ("VERB", "AUX"):
        return False
    date_verb = clause_verb(ent.root, stop=trigger)
    node = clause_verb(trigger)
    if date_verb is None or node is None or date_verb.i == node.i:
        return False
    while node.i not in (date_verb.i, node.head.i):
        if is_to_infinitive(node) and node.dep_ in ("xcomp", "acl"):
            return any(a.i == date_verb.i for a in node.ancestors)
        node = node.head
    return False


def _ends_clause_in_participle(ent: Span, trigger: Token) -> bool:
    """ "visited the miners and the families of the men trapped on Friday and spoke ...": the parser
    hangs a date that ends the event's clause on a participle describing a noun of its object. A
    past participle without a subject of its own, in the object of the event verb, whose date is
    the last words of the event's clause (what follows is punctuation, a conjunction or the end).
    The caller keeps it only when it is the news day: an earlier day is the participle's own."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    participle = clause_verb(ent.root)
    if participle is None or participle.dep_ != "acl" or participle.tag_ != "VBN":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in participle.children):
        return False
    if participle.i not in (ent.root.head.i, ent.root.head.head.i):
        return False  # the date must hang on the participle itself ("trapped on Friday")
    node = participle.head
    while node.i != trigger.i:  # the participle's noun is inside the event verb's object
        if node.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is None or (after.head.i == trigger.i and after.dep_ in ("cc", "punct"))


def news_day(value: DateValue, base: date | None, days_back: int = 1) -> bool:
    """Whether the date is the day of publication or the day before (or ``days_back`` days before):
    the day of a lede's news."""
    if base is None or value.precision != "day":
        return False
    return base - timedelta(days=days_back) <= date.fromisoformat(value.value) <= base


def _describes(verb: Token, trigger: Token) -> bool:
    """A participle right after the event noun describes it, however the parser attached it:
    "the next meeting, scheduled for fall", "the talks, held in Doha on Monday"."""
    if trigger.pos_ in ("VERB", "AUX") or verb.tag_ != "VBN":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    before = verb.doc[verb.i - 1] if verb.i > 0 else verb
    if before.text == "," and before.i > 0:
        before = verb.doc[before.i - 1]
    return before.i == trigger.i


def _shifts_time(word: Token, trigger: Token) -> bool:
    """Whether ``word`` moves the sentence away from the time of the one before ("later they met"),
    not the "after" that orders the event within its own scene ("after meeting with Reyes, Holt
    said": the meeting belongs to the day the scene continues)."""
    if word.lower_ not in TIME_SHIFT_WORDS:
        return False
    return not (word.lower_ in ("after", "before") and trigger.head.i == word.i and trigger.tag_ == "VBG")


def past_tense(trigger: Token) -> bool:
    """Whether the trigger's clause is told in the past tense ("met", "had signed", "was held")."""
    verb = clause_verb(trigger)
    if verb is None:
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ in ("after", "before"):
        # "after meeting with Reyes, Holt said": the meeting is as past as what followed it
        verb = clause_verb(verb.head.head) or verb
    for _ in range(2):  # "she helped set up a meeting": as past as the verb it completes
        if verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
    return in_past_form(_participle_anchor(verb))


def _participle_anchor(verb: Token) -> Token:
    """The verb a bare participle clause takes its time from: "..., with Ruiz praising Holt,
    meeting him in July" is as past as the clause it hangs on. Climbs through an adverbial or
    coordinated -ing verb with no auxiliary of its own, and through a preposition it
    complements ("with Ruiz praising"), three steps at most."""
    for _ in range(3):
        if verb.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            break
        if verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head
        else:
            break
    return verb


def _reference_day(
    document: DocumentIndex,
    before: int,
    base: date | None,
    quote_spans: CharSpans,
    not_after: bool,
    links: int = 2,
    future: bool = False,
    precision: str = "day",
) -> date | None:
    """The last date the text gave before offset ``before``, that "the following day" counts from:
    a day, or with ``precision`` "month" or "year" also a week, month or year ("met in June 2014.
    Eight months later ..."), as its first day.

    A past-tense story's days are read as past ("met on March 2. The following day ..." in a
    February article is last March). A date that itself counts from an earlier one ("The
    following day ... Two days later ...") is followed, two links at most: further back the
    chain is too long to trust."""
    coarsest = _PRECISION_RANK[precision]
    for ent in reversed(document.ents):
        if ent.end_char > before or ent.label_ != "DATE" or quote_spans.covers(ent.start_char):
            continue
        if ent.end_char < before - _REFERENCE_WINDOW:
            break
        reference = None
        counted_from = reference_precision(ent.text)
        if counted_from is not None:
            if links <= 1:
                return None
            reference = _reference_day(
                document, ent.start_char, base, quote_spans, not_after, links - 1, future, counted_from
            )
            if reference is None:
                return None
        value = normalise_date(ent.text, base, prefer_future=future, not_after=not_after, reference=reference)
        if value is None and any(word in SEASONS for word in ent.text.lower().split()):
            return None  # "contacted him last summer. Eight months later": a time no day of which is known
        if value is not None and _PRECISION_RANK.get(value.precision, coarsest + 1) <= coarsest:
            return _first_day(value)
        if value is not None and precision != "day":
            return None  # "met in 2014. Eight months later": the time counted from names no month
    return None


#: Dates from the most precise; a count of months may start from a week, a month or a day.
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _first_day(value: DateValue) -> date:
    """The first day of a date's span: the day itself, a week's Monday, the 1st of a month."""
    parts = [int(p) for p in value.value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


#: Words that tell a trip the text dates: "travels to the Gulf next week", "his visit".
_TRIP_WORDS = VISIT_LEMMAS | frozenset({"travel", "journey"})
#: How many sentences back "during his trip" may find the trip's date: the lede, near the top.
TRIP_SENTENCES = 12


def _during_the_trip(trigger: Token) -> bool:
    """Whether the event is timed by a trip told before: "During his trip, X will meet Y", "on the
    visit, they signed": a definite or possessed trip noun after "during" or "on"."""
    clause = clause_verb(trigger) or trigger
    for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("during", "on")):
        for trip in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _TRIP_WORDS):
            if any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "their", "this")
                for c in trip.children
            ):
                return True
    return False


def _trip_date(
    sent: Span, document: DocumentIndex, base: date | None, quote_spans: CharSpans, planned: bool
) -> DateValue | None:
    """The date of the last trip the sentences before tell with a date in the trip's own clause."""
    number = document.sentence_number(sent.start)
    for previous in reversed(document.sentences[max(0, number - TRIP_SENTENCES) : number]):
        trips = [t for t in previous if t.lemma_.lower() in _TRIP_WORDS]
        for ent in entities_in(previous):
            if ent.label_ != "DATE" or quote_spans.covers(ent.start_char):
                continue
            verb = clause_verb(ent.root)
            if any(clause_verb(t) == verb for t in trips):
                value = normalise_date(ent.text, base, prefer_future=planned, not_after=not planned)
                if value is not None:
                    return week_as_month(value)
    return None


def _previous_sentence_day(
    sent: Span, document: DocumentIndex, base: date | None, basis: DateBasis | None, quote_spans: CharSpans
) -> DatedAs:
    """The one day the previous sentence of the same paragraph gives, if it gives exactly one.

    Only days count: a year or month ("over the past week", "in 2003") is a period the scene
    lies in, not its time. A day after publication is a plan, not the scene of a past event.
    """
    before = document.sentences_before_in_paragraph(sent, 1)
    if not before:
        return None, None
    days = sentence_days(before[0], base, quote_spans)
    if len(days) != 1:
        return None, None
    (value,) = days.values()
    if base is not None and date.fromisoformat(value.value) > base + timedelta(days=1):
        return None, None
    return value, (basis if is_relative(value) else None)


def sentence_days(sent: Span, base: date | None, quote_spans: CharSpans) -> dict[str, DateValue]:
    """The distinct days a sentence gives outside quotes, read as not after publication, by ISO
    value: a scene's day for the sentence after it (``_previous_sentence_day``), the lede's news
    day (``rules/same_day.py``). A year or month is a period, not a day, and is left out."""
    days: dict[str, DateValue] = {}
    for ent in entities_in(sent):
        if ent.label_ == "DATE" and not quote_spans.covers(ent.start_char):
            value = normalise_date(ent.text, base, not_after=True)
            if value is not None and value.precision == "day":
                days.setdefault(value.value, value)
    return days
