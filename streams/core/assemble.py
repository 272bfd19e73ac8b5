"""Build one article's events from its parse: statements first, then meetings and agreements.

Everything the event builders need about the article travels in one ``ArticleContext``;
the rules under ``rules/`` decide what is an event and who, when and where it involves,
and this module puts their answers together into the published ``Event`` records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from streams.core.article import Article
from streams.core.lexicon.triggers import AGREEMENT_NOUN_VERBS, DISCUSSION_NOUNS, WEAK_MEETING_VERBS
from streams.core.model import Actor, DateBasis, Event, Evidence, Role, make_event_id
from streams.core.model import Extractor as ExtractorInfo
from streams.core.normalise.dates import is_relative, week_as_month
from streams.core.normalise.money import find_money
from streams.core.rules.actors import ActorResolver
from streams.core.rules.agreement_shapes import reacted_to
from streams.core.rules.aliases import full_name_of, initials
from streams.core.rules.amounts import attach_amounts
from streams.core.rules.attendees import attendees_told_next
from streams.core.rules.dateline import Dateline, find_dateline
from streams.core.rules.discourse import DiscourseContext
from streams.core.rules.ellipsis import (
    NEXT_WORDS,
    elliptic_meetings,
    first_with,
    is_gapped,
    own_with_phrase,
)
from streams.core.rules.event_context import dated_context, read_context
from streams.core.rules.event_dates import event_date, news_day, sentence_date, speech_date
from streams.core.rules.geocode import article_countries, with_country_codes
from streams.core.rules.interactions import Trigger, find_triggers, holder_words, is_assembly
from streams.core.rules.opening_date import opening_date
from streams.core.rules.parties import named_in, select_parties
from streams.core.rules.places import dateline_location, event_location, place_char_spans
from streams.core.rules.plover import plover_for
from streams.core.rules.quoted_events import (
    our_agreement,
    quote_speakers,
    side_of,
    speaker_is_party,
    with_speaker,
)
from streams.core.rules.quotes import find_quotes
from streams.core.rules.reciprocal import reciprocating_party
from streams.core.rules.rementions import (
    agenda_of,
    earlier_copy,
    headline_end,
    headlines_with_details,
    points_back,
    refers_back,
    with_details_of,
)
from streams.core.rules.same_day import (
    LEDE_REACH,
    Lede,
    find_lede,
    live_blog_entries,
    on_the_news_day,
    scene_place,
    with_the_ledes_place,
)
from streams.core.rules.statements import Statement, find_statements
from streams.core.rules.syntax import in_source_phrase
from streams.core.rules.tickers import affiliation_spans, based_in_spans, labelled_lists, ticker_spans
from streams.core.rules.visits import is_trip_noun, trip_of_a_party
from streams.core.spans import CharSpans


@dataclass(frozen=True)
class ArticleContext:
    """One article as the event builders see it: its metadata, its parse and what was found once."""

    article: Article
    doc: Doc
    actors: ActorResolver
    #: the day relative dates are resolved against, and which day that is
    base_date: date | None
    date_basis: DateBasis | None
    quote_spans: CharSpans
    extractor: ExtractorInfo
    #: ISO codes of the countries the article names: they decide between namesake cities
    countries: frozenset[str] = frozenset()
    #: "WASHINGTON (AP) —": where the story was filed, the lede's place, never a party
    dateline: Dateline | None = None
    #: a live blog's entry headings ("5:30 p.m."): where each ends, and its clock time
    live_blog_entries: list[tuple[int, str]] = field(default_factory=list)
    #: the lede's sentence and the one news day it gives, if it does
    lede: Lede | None = None

    def evidence(self, start: int, end: int) -> Evidence:
        """The body's text between two offsets, without surrounding white space."""
        body = self.article.body
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        return Evidence(sentence=body[start:end], start=start, end=end)


def _base_date(
    article: Article, text: str, fallback_date: date | None
) -> tuple[date | None, DateBasis | None]:
    """What relative dates are read against: the publication day, else the date line the body opens
    with, else the record time (the article's own word on its date beats when it reached Kafka)."""
    if article.published_date is not None:
        return article.published_date, "published_at"
    if (opening := opening_date(text)) is not None:
        return opening, "dateline"
    return fallback_date, ("record_time" if fallback_date else None)


def build_events(
    doc: Doc,
    article: Article,
    fallback_date: date | None,
    extractor: ExtractorInfo,
    checkpoint: Callable[[], None] | None = None,
) -> list[Event]:
    """Every event of one parsed article, in order of their evidence.

    ``checkpoint`` is called between steps and sentences; the extractor's time budget raises
    from it, so a long article stops at the next one instead of running to the end.
    """
    check = checkpoint or _no_check
    actors = ActorResolver.for_doc(doc)
    check()
    text = actors.document.text
    base, basis = _base_date(article, text, fallback_date)
    quotes = find_quotes(text)  # once per article: statements, dates and triggers all use it
    quote_spans = CharSpans((q.start, q.end) for q in quotes)
    countries = article_countries(actors.document.ents)
    context = ArticleContext(
        article=article,
        doc=doc,
        actors=actors,
        base_date=base,
        date_basis=basis,
        quote_spans=quote_spans,
        extractor=extractor,
        countries=countries,
        dateline=find_dateline(text),
        live_blog_entries=live_blog_entries(text),
        lede=find_lede(actors.document.sentences, base, quote_spans, countries),
    )
    events: list[Event] = []
    anchors: list[int] = []  # char offset of what signalled each event (quote or trigger)
    statements = find_statements(doc, actors, quotes)
    speakers = quote_speakers(statements, quotes)  # "We met Mr. Doe," Smith said: Smith met
    for st in statements:
        check()
        events.append(statement_event(st, context))
        anchors.append(st.quote_start)
    discourse = DiscourseContext(actors)
    previous_start = -1  # where the last non-empty sentence began
    recent_starts: list[int] = []  # where this sentence and the AGENDA_REACH before it began
    lede_dated: set[str] = set()  # events that took the lede's day (rules/same_day.py)
    for number, sent in enumerate(actors.document.sentences):
        check()
        if not text[sent.start_char : sent.end_char].strip():  # sent.text joins its tokens anew
            continue
        events = _with_other_side(events, sent, previous_start, actors)
        previous_start = sent.start_char
        recent_starts = [*recent_starts[-AGENDA_REACH:], sent.start_char]
        published: list[tuple[Trigger, Event]] = []
        for trigger in find_triggers(sent, context.quote_spans):
            event = interaction_event(trigger, sent, discourse, context)
            event = _with_quote_speaker(event, trigger, context, speakers)
            if len(event.actors) < 2:
                event = _with_attendees_told_next(event, trigger, sent, number, context)
            if not _has_parties(event, trigger, actors):
                # "The airline signed the agreement in Lyon on May 4": a definite mention whose
                # parties go unnamed still gives the event told before its date and place
                again = _concluded_again(trigger) or _named_definite_mention(trigger, event)
                copied = earlier_copy(again, event, events) if again is not None else None
                if copied is not None:
                    events[copied] = with_details_of(events[copied], event)
                continue
            if agenda_of(trigger.token, event, events, recent_starts[0]) is not None:
                continue  # "The leaders were expected to discuss trade": the meeting just told
            copied = earlier_copy(trigger.token, event, events)
            if copied is not None:
                events[copied] = with_details_of(events[copied], event)
                discourse.note_parties(event.actors)  # "the deal" names its parties for what follows
                continue
            published.append((trigger, event))
            discourse.note_parties(event.actors)
        published = with_elliptic_meetings(published, sent, discourse, context)
        told_before = list(events)
        for trigger, event in published:
            dated = on_the_news_day(
                event,
                trigger.token,
                sent,
                told_before,
                context.base_date,
                context.date_basis,
                quoted=context.quote_spans.covers(trigger.token.idx),
                entries=context.live_blog_entries,
                lede=context.lede,
                number=number,
            )
            if context.lede is not None and event.date is None and dated.date is context.lede.day:
                lede_dated.add(dated.event_id)
            events.append(dated)
            anchors.append(trigger.token.idx)
        discourse.advance(sent, [event.actors for _, event in published], context.quote_spans)
    events = with_the_ledes_place(events, context.lede, lede_dated)
    sentences = actors.document.sentences
    reach = sentences[LEDE_REACH].start_char if len(sentences) > LEDE_REACH else len(text)
    events = headlines_with_details(events, headline_end(article.body, article.title), reach)
    events = attach_amounts(events, anchors, find_money(text), text)
    events = [replace(e, actors=with_country_codes(e.actors)) for e in events]
    body = article.body
    for event in events:  # provenance is a contract: fail loudly rather than publish a wrong offset
        if body[event.evidence.start : event.evidence.end] != event.evidence.sentence:
            raise ValueError(f"evidence offsets do not match the body for event {event.event_id}")
    return sorted(events, key=lambda e: (e.evidence.start, e.type))


def _with_quote_speaker(
    event: Event, trigger: Trigger, context: ArticleContext, speakers: dict[int, Actor]
) -> Event:
    """An event told in the first person in a quote has the speaker's side as a party: "we met Mr.
    Doe" the speaker, "we signed an agreement with Japan" the body the speaker speaks for when the
    title names one."""
    quote = context.quote_spans.covering(trigger.token.idx)
    if quote is None:
        return event
    speaker = speakers.get(quote[0])
    role = event.actors[0].role if event.actors else "participant"
    if trigger.type == "meeting" and speaker_is_party(trigger.token):
        return replace(event, actors=with_speaker(event.actors, speaker, role))
    if trigger.type == "agreement" and our_agreement(trigger.token) and speaker is not None:
        side = side_of(speaker)  # the speaker's body takes the speaker's place among the parties
        others = [a for a in event.actors if a.name != speaker.name]
        return replace(event, actors=with_speaker(others, side, role))
    return event


def _no_check() -> None:
    """No time budget: short articles are bounded by their length."""


def statement_event(st: Statement, context: ArticleContext) -> Event:
    """A statement record: the quote, its speaker (and addressee) and the occasion's date."""
    article = context.article
    evidence = context.evidence(st.sentence_start, st.sentence_end)
    sent = context.doc.char_span(st.sentence_start, st.sentence_end, alignment_mode="expand")
    date_value, date_basis = (
        sentence_date(sent, context.base_date, context.date_basis, context.quote_spans)
        if sent is not None
        else (None, None)
    )
    if date_value is None and sent is not None:
        date_value, date_basis = speech_date(
            sent, st.speaker, context.actors, context.base_date, context.date_basis, context.quote_spans
        )
    actors = [st.speaker]
    addressee = st.addressee if st.addressee is not None and st.addressee.name != st.speaker.name else None
    if addressee is not None:
        actors.append(addressee)
    return Event(
        event_id=make_event_id(article.id, "statement", evidence.start, evidence.end, str(st.quote_start)),
        type="statement",
        article_id=article.id,
        published_at=article.published_at,
        source=article.source,
        actors=actors,
        quote=st.quote,
        date=date_value,
        location=None,
        amounts=[],
        evidence=evidence,
        confidence=st.confidence,
        extractor=context.extractor,
        status=None,
        date_basis=date_basis,
        extra={
            "partial": st.partial,
            "speaker_resolution": st.how,
            "cue": st.cue,
            "plover": plover_for("statement", st.cue),
            "form": st.form,
            "content": st.content,
            "content_span": {"start": st.content_start, "end": st.content_end},
            "addressee": addressee.name if addressee is not None else None,
            "trigger_span": {"start": st.cue_span[0], "end": st.cue_span[1]} if st.cue_span else None,
        },
    )


def _named_definite_mention(trigger: Trigger, event: Event) -> Token | None:
    """ "the tapes of her talk with the Herald on May 2": a definite event noun with one
    party named is no event of its own, but may be one told before, and give it its day or place.
    Not "his first visit in a year": that one is another."""
    return trigger.token if event.actors and refers_back(trigger.token) else None


def _concluded_again(trigger: Trigger) -> Token | None:
    """ "signed the agreement in Paris", "the deal was signed on June 15": the definite agreement
    noun a concluding verb takes, which points back to one told before. Not "praised the agreement
    in Paris": that place and day are the praise's."""
    token = trigger.token
    if (
        trigger.type != "agreement"
        or token.pos_ != "VERB"
        or token.lemma_.lower() not in AGREEMENT_NOUN_VERBS
    ):
        return None
    return next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and points_back(c)), None)


def interaction_event(
    trigger: Trigger, sent: Span, discourse: DiscourseContext, context: ArticleContext
) -> Event:
    """A meeting or agreement record: its parties, date and place, from the trigger's sentence."""
    article = context.article
    actors = context.actors
    quote_spans = context.quote_spans
    own_quote = quote_spans.covering(trigger.token.idx)
    # an event stated inside a quote takes its date and place from that quote's words too
    around = CharSpans(q for q in quote_spans if q != own_quote) if own_quote else quote_spans
    role = _party_role(trigger)
    places = CharSpans(place_char_spans(sent, around, trigger.token))
    # words that are never a party, whatever the parse makes of them: "Zenco (NYSE: ZNC)" (neither
    # the exchange nor the symbol), "Sen. Ann Lee (R-AL)" (not the state), "Markham, Ont-based ATI"
    # (where ATI is based), "BRASÍLIA, Brazil –" and
    # "WASHINGTON (AP) —" (neither the dateline's place nor the agency)
    not_parties = CharSpans(ticker_spans(sent) + affiliation_spans(sent) + based_in_spans(sent))
    if context.dateline is not None:
        not_parties.add(context.dateline.start, context.dateline.end)
    places = places + not_parties
    found = select_parties(trigger, sent, role, actors, discourse, quote_spans, places, not_parties)
    found = _without_bracketed_aliases(_abbreviations_as_bodies(found), sent.text)
    found = _with_listed_colleagues(found, sent, actors, role)
    evidence = context.evidence(sent.start_char, sent.end_char)
    # "denounced on Monday the pact between A and B": Monday and the place are the denouncing's; "in
    # Ohio on Tuesday, according to aides involved in the talks": the report's, not the talks'
    own_phrase = (trigger.type == "agreement" and reacted_to(trigger.token)) or in_source_phrase(
        trigger.token
    )
    date_value, date_basis = event_date(
        sent,
        trigger.token,
        trigger.status,
        actors.document,
        context.base_date,
        context.date_basis,
        around,
        own_phrase,
    )
    location = event_location(sent, around, trigger.token, context.countries, own_phrase)
    if (
        location is None
        and not own_phrase
        and (date_value is None or news_day(date_value, context.base_date, DATELINE_DAYS))
    ):
        # the dateline's city is where the news of the last days happened (a Saturday meeting in a
        # Monday story filed from Rome), not where an event of "earlier this month" did
        location = dateline_location(sent, context.dateline, context.countries)
    if location is None and not own_phrase and date_value is not None:
        # "The ministers met in Lima on Monday. They agreed to ...": the scene goes on there
        location = scene_place(
            sent, actors.document, around, context.countries, date_value, context.base_date
        )
    # a meeting noun, not a trip or visit with a destination of its own
    told_by_noun = (
        trigger.type == "meeting" and trigger.token.pos_ == "NOUN" and not is_trip_noun(trigger.token)
    )
    if told_by_noun and (location is None or date_value is None):
        # "Reagan's trip to Geneva in 1985 ... the meeting between Reagan and Gorbachev"
        trip_place, trip_date = trip_of_a_party(sent, found, context.countries, context.base_date)
        location = location or trip_place
        if date_value is None and trip_date is not None:
            date_value = trip_date
            date_basis = context.date_basis if is_relative(trip_date) else None
    confidence = _confidence(found)
    return Event(
        event_id=make_event_id(
            article.id, trigger.type, evidence.start, evidence.end, str(trigger.token.idx)
        ),
        type=trigger.type,
        article_id=article.id,
        published_at=article.published_at,
        source=article.source,
        actors=found,
        quote=None,
        date=date_value,
        location=location,
        amounts=[],
        evidence=evidence,
        confidence=confidence,
        extractor=context.extractor,
        status=trigger.status,
        context=dated_context(
            read_context(trigger.token, trigger.type), trigger.token, date_value, context.base_date
        ),
        date_basis=date_basis,
        extra={
            "trigger": trigger.token.text,
            "trigger_lemma": trigger.token.lemma_.lower(),
            "trigger_span": {"start": trigger.token.idx, "end": trigger.token.idx + len(trigger.token.text)},
            "plover": plover_for(trigger.type, trigger.cue, len(found)),
        },
    )


#: How many sentences back a meeting may be whose agenda a "discuss" tells (``agenda_of``): "The
#: president held a joint meeting with Abe and Park. ... [a quote about it] ... The leaders were
#: expected to discuss climate change."
AGENDA_REACH = 4

#: How many days before publication a lede's event may be for the dateline's city to be its place.
DATELINE_DAYS = 3


def with_elliptic_meetings(
    published: list[tuple[Trigger, Event]], sent: Span, discourse: DiscourseContext, context: ArticleContext
) -> list[tuple[Trigger, Event]]:
    """The sentence's events, with a meeting for each "another with X" / "one with X" after a
    meeting noun (``rules/ellipsis.py``): held by the first meeting's holders (its parties named
    outside every with-phrase) with those X names. The first meeting keeps only its own parties."""
    meetings = [(t, e) for t, e in published if t.type == "meeting"]
    if not meetings:
        return published
    ellipses = elliptic_meetings(sent, meetings[0][0].token.i)
    if meetings[0][0].token.pos_ != "NOUN":  # "one with X" stands for a meeting noun only
        ellipses = [e for e in ellipses if e.token.lower_ in NEXT_WORDS or is_gapped(e)]
    if not ellipses:
        return published
    actors = context.actors
    own = own_with_phrase(meetings[0][0].token)
    named = [named_in(actors, e.start, e.end, "participant") for e in ellipses]
    elsewhere = {  # what the later meetings name, their stacked names ("House GOP leaders") included
        a.name
        for e, found in zip(ellipses, named, strict=True)
        for a in (*found, *actors.actors_in(e.start, e.end, "participant"))
    }
    counterparts = (
        {a.name for a in actors.actors_in(own[0], own[1], "participant")} if own is not None else set()
    )
    antecedent_trigger, antecedent = meetings[0]
    counterparts |= _objects_named(antecedent_trigger, actors)  # "met Omar Berg, then with Lena Holt"
    in_sentence = {a.name for a in actors.actors_in(sent.start, sent.end, "participant")}
    # who holds them is named before the first with-phrase ("X held a meeting with Y and another
    # ..."), or not named in the sentence at all ("He held ..."): the first meeting's other parties
    before_with = first_with(antecedent_trigger.token) or sent.end
    before = {a.name for a in actors.actors_in(sent.start, before_with, "participant")}
    holders = [
        a
        for a in antecedent.actors
        if (a.name in before or a.name not in in_sentence) and a.name not in elsewhere | counterparts
    ]
    holder_names = {h.name for h in holders}
    added: list[tuple[Trigger, Event]] = []
    for ellipsis, found in zip(ellipses, named, strict=True):
        met = [a for a in found if a.name not in holder_names]
        if not holders or not met:
            continue
        trigger = Trigger("meeting", ellipsis.token, antecedent_trigger.status)
        event = interaction_event(trigger, sent, discourse, context)
        phrase = sent.doc[min(ellipsis.token.i, ellipsis.start) : ellipsis.end]
        own_date, basis = sentence_date(
            phrase, context.base_date, context.date_basis, planned=trigger.status == "planned"
        )
        if own_date is not None:  # "and another with Y on Tuesday", "and this week with Z"
            tense = True if trigger.status == "past" else False if trigger.status == "planned" else None
            own_date = week_as_month(own_date, context.base_date, tense)
            event = replace(event, date=own_date, date_basis=basis)
        # the kind of meeting is the first one's: its lemma, not "another"
        event = replace(event, extra={**event.extra, "trigger_lemma": antecedent.extra.get("trigger_lemma")})
        added.append((trigger, _with_parties(event, antecedent_trigger, [*holders, *met])))
    if not added:
        return published
    kept = [a for a in antecedent.actors if a.name not in elsewhere or a.name in counterparts]
    # fewer than two left: "three meetings were planned for X: one with Y, then one with Z" only
    # announces the meetings listed after it
    out = [(t, e) for t, e in published if t is not antecedent_trigger or len(kept) >= 2]
    out = [(t, _with_parties(e, t, kept) if t is antecedent_trigger else e) for t, e in out]
    return out + added


def _objects_named(trigger: Trigger, actors: ActorResolver) -> set[str]:
    """The names a meeting verb takes as its object ("met Omar Berg"): whom it was held with."""
    names: set[str] = set()
    for child in trigger.token.children:
        if child.dep_ not in ("dobj", "dative"):
            continue
        for word in (child, *child.conjuncts):
            entity = actors.document.entity_at(word)
            actor = actors.actor(entity, "participant") if entity is not None else None
            if actor is not None:
                names.add(actor.name)
    return names


def _with_parties(event: Event, cue_of: Trigger, parties: list[Actor]) -> Event:
    """The event with other parties, the PLOVER mode their number gives, and its confidence."""
    extra = {**event.extra, "plover": plover_for(event.type, cue_of.cue, len(parties))}
    return replace(event, actors=parties, extra=extra, confidence=_confidence(parties))


def _confidence(parties: list[Actor]) -> float:
    """More named parties, and people among them, make a meeting or agreement likelier right."""
    named_people = sum(1 for a in parties if a.kind == "person")
    return round(min(0.9, 0.5 + 0.1 * len(parties) + 0.05 * named_people), 2)


def _with_attendees_told_next(
    event: Event, trigger: Trigger, sent: Span, number: int, context: ArticleContext
) -> Event:
    """A gathering that names too few at it, with the attendees the next sentence names
    ("... a conference in Oslo on Friday. Delegates at the conference came from nine states, among
    them Chile and Peru": ``rules/attendees.py``)."""
    came = attendees_told_next(
        trigger.token, sent, number, context.actors, context.quote_spans, _party_role(trigger)
    )
    known = {a.name for a in event.actors}
    return (
        replace(event, actors=[*event.actors, *(a for a in came if a.name not in known)]) if came else event
    )


def _party_role(trigger: Trigger) -> Role:
    """What a party of the trigger's event is: one who meets, or one who agrees."""
    return "participant" if trigger.type == "meeting" else "party"


def _with_other_side(
    events: list[Event], sent: Span, previous_start: int, actors: ActorResolver
) -> list[Event]:
    """The events, the last agreement of the sentence before ``sent`` taking the party that "In
    return," ``sent`` names as its other side (``rules/reciprocal.py``)."""
    party = reciprocating_party(sent, actors)
    if party is None:
        return events
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if event.evidence.start < previous_start:
            break
        if event.type == "agreement" and event.evidence.start == previous_start:
            if party.name in {a.name for a in event.actors}:
                return events
            return [*events[:index], replace(event, actors=[*event.actors, party]), *events[index + 1 :]]
    return events


#: Meeting verbs a body does not do as a whole: one negotiates, visits or hosts someone.
NEEDS_A_COUNTERPART = frozenset({"negotiate", "visit", "host"})


def _has_parties(event: Event, trigger: Trigger, actors: ActorResolver) -> bool:
    """Whether the event names who met or agreed, as a meeting or agreement must.

    Two parties; or one body that meets as a whole ("G7 was scheduled to meet", "OPEC will
    hold an emergency meeting"); or one party that itself agreed, signed or won ("Acme agreed
    to pay", "Acme won a contract": a one-sided pledge or award is an agreement the party
    made). A lone person at a meeting ("speaking to reporters after the meeting", "his visit
    to Europe"), a meeting of no one named ("during that meeting"), the place or topic as the
    only actor, or an agreement whose parties the text never names is not published: an
    analyst cannot use an event without its parties. "the article discusses" needs two.
    """
    if _visits_no_party(event, trigger):
        return False
    if len(event.actors) >= 2:
        return True
    if len(event.actors) == 0 or trigger.cue in WEAK_MEETING_VERBS:
        return False
    lone = event.actors[0]
    if trigger.type == "meeting" and lone.kind not in ("organization", "group"):
        return False
    if trigger.type == "meeting" and _with_someone_unnamed(trigger.token):
        return False  # "the Red Sox requested the meeting with the player": a side the text leaves unnamed
    if trigger.token.pos_ == "VERB" and trigger.cue in NEEDS_A_COUNTERPART:
        return False  # "Nordair negotiated the purchase", "Acme visited": with whom, is not said
    for word in holder_words(trigger):
        entity = actors.document.entity_at(word)
        holder = (
            actors.actor(entity, lone.role) if entity is not None else actors.untagged_name(word, lone.role)
        )
        if holder is not None and holder.name == lone.name:
            return not _talks_of_one_firm(trigger, entity.root if entity is not None else word)
    return False


def _with_someone_unnamed(token: Token) -> bool:
    """A meeting noun with a with-phrase: two sides meet, and a lone party is not a body meeting as
    a whole."""
    return token.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _visits_no_party(event: Event, trigger: Trigger) -> bool:
    """ "Berg and his wife Ana will visit the Sunshine State": when every party is among those who
    visit, no one hosts the visit, and those who travel together do not meet each other."""
    token = trigger.token
    if token.pos_ != "VERB" or token.lemma_.lower() != "visit" or len(event.actors) < 2:
        return False
    verb = token
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.dep_ == "xcomp":
        verb = verb.head  # "are expected to visit": whom "expected" has as subject
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = {t.text for s in subjects for t in s.subtree}
    return bool(words) and all(a.name.split()[-1] in words for a in event.actors)


#: Talk nouns that say two sides talked, not that a body sat ("Acme is in talks").
_TALK_NOUNS = DISCUSSION_NOUNS | {"talks", "negotiation", "negotiations"}


def _talks_of_one_firm(trigger: Trigger, holder: Token) -> bool:
    """ "Serra Motors is in talks to take a stake", "the Service conducted 300 consultations":
    talks that one body, not an assembly, holds with someone the text does not name. An
    assembly talks as a whole ("OPEC held talks in Vienna")."""
    token = trigger.token
    return token.pos_ == "NOUN" and token.lower_ in _TALK_NOUNS and not is_assembly(holder)


def _abbreviations_as_bodies(found: list[Actor]) -> list[Actor]:
    """An abbreviation taken for a person beside the body it abbreviates ("the Syrian
    Democratic Forces (SDF)", "SDF" tagged as a person) is that body: given its kind.

    It stays a party of its own, as the other written form of the same name, which is how
    the strict scorer counts it (an alias of the gold party, not an extra one)."""
    bodies = {initials(a.name): a for a in found if " " in a.name and a.kind != "person"}
    return [
        replace(a, kind=bodies[a.name].kind, title=None, organization=None, country=bodies[a.name].country)
        if a.kind == "person" and a.name.isupper() and len(a.name) > 1 and a.name in bodies
        else a
        for a in found
    ]


def _with_listed_colleagues(found: list[Actor], sent: Span, actors: ActorResolver, role: Role) -> list[Actor]:
    """A party named in a list of labelled people ("with Sens. Ann Lee (D-N.J.), Bo Kim (D-W.Va.)
    and Cy Dunn (R-Fla.)") brings the others of the list, which the brackets parted from it."""
    names = {a.name for a in found}
    added = list(found)
    for members in labelled_lists(sent):
        listed = [a for a in (actors.actor(ent, role) for ent in members) if a is not None]
        if any(a.name in names for a in listed):
            for actor in listed:
                if actor.name not in names:
                    names.add(actor.name)
                    added.append(actor)
    return added


def _without_bracketed_aliases(found: list[Actor], text: str) -> list[Actor]:
    """ "EYP Mission Critical Facilities Inc. (EYP MCF)": the short form the text gives in brackets
    right after a party's name is that party again, not a second one."""
    names = [a.name for a in found]
    return [actor for actor in found if full_name_of(actor.name, names, text) is None]
