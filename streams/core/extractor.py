"""The extraction entry point shared by the stream worker, ``newsevents extract`` and tests.

``Extractor.extract`` takes a batch of articles and returns, per article, either its
events or the error that extraction raised; one bad article never fails the others.
The batch goes through spaCy's ``nlp.pipe`` once, inside ``nlp.memory_zone()`` so the
string store of a long-running worker stays flat, and results are copied out to plain
dataclasses before the zone closes.
"""

from __future__ import annotations

import dataclasses
import logging
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from streams import __version__
from streams.core.actors import ActorIndex
from streams.core.article import Article
from streams.core.boilerplate import prepare_for_nlp
from streams.core.dates import is_relative, normalise_date
from streams.core.discourse import DiscourseContext
from streams.core.interactions import WEAK_MEETING_VERBS, Trigger, find_triggers
from streams.core.model import Actor, Amount, DateValue, Event, Evidence, Location, make_event_id
from streams.core.model import Extractor as ExtractorInfo
from streams.core.money import MoneySpan, find_money
from streams.core.nlp import load_model, model_name
from streams.core.plover import plover_for
from streams.core.quotes import find_quotes
from streams.core.spans import CharSpans
from streams.core.statements import Statement, find_statements

log = logging.getLogger(__name__)

LOCATION_LABELS = ("FAC", "GPE", "LOC")
#: "travelled to Florida", "returned from Beijing": the place is where someone went, not a party.
MOTION_VERBS = frozenset({"travel", "go", "fly", "arrive", "return", "head", "come", "move", "drive", "sail"})


@dataclass(frozen=True)
class ArticleInput:
    """An article plus the day to resolve relative dates against when it has no ``published_at``."""

    article: Article
    fallback_date: date | None = None


@dataclass
class ArticleResult:
    """What extraction produced for one article: events, or the error it raised."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None  # reason the article yields no events by design (e.g. language)


def _is_english(article: Article) -> bool:
    return not article.language or article.language.lower().split("-")[0] == "en"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)


def attach_amounts(events: list[Event], anchors: list[int], money: list[MoneySpan], text: str) -> list[Event]:
    """Give every sum of money in the article to one event, so none is lost downstream.

    A sum inside an event's evidence goes to that event (to the one whose quote or trigger
    is nearest when several share the sentence); any other sum goes to the nearest event
    of its paragraph, else to the article's nearest agreement, else its nearest event,
    and says so in ``scope``. An article without events keeps its sums to itself.
    """
    if not events:
        return events
    given: list[list[Amount]] = [[] for _ in events]
    for span in money:
        inside = [i for i, e in enumerate(events) if e.evidence.start <= span.start < e.evidence.end]
        scope = "sentence"
        if not inside:
            para = _paragraph(text, span.start)
            inside = [i for i, e in enumerate(events) if para[0] <= e.evidence.start < para[1]]
            scope = "paragraph"
        if not inside:
            inside = [i for i, e in enumerate(events) if e.type == "agreement"] or list(range(len(events)))
            scope = "article"
        best = min(inside, key=lambda i: (abs(anchors[i] - span.start), anchors[i]))
        amount = dataclasses.replace(span.amount, scope=scope)
        if amount not in given[best]:
            given[best].append(amount)
    return [dataclasses.replace(e, amounts=a) if a else e for e, a in zip(events, given, strict=True)]


def _party_slots(trigger: Token) -> list[Token]:
    """Words that name a party of the event: the one met or signed with, and their conjuncts."""
    slots: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
            slots.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "between"):
            slots.extend(c for c in child.children if c.dep_ == "pobj")
    for token in list(slots):
        slots.extend(c for c in token.children if c.dep_ == "conj")
    return slots


class Extractor:
    """Turns articles into events. Construct once per process; the model is shared."""

    def __init__(self, batch_size: int = 16, before_article: Callable[[Article], None] | None = None) -> None:
        self.batch_size = batch_size
        self._nlp: Language = load_model()
        self.info = ExtractorInfo(version=__version__, model=model_name())
        # A hook run before each article's rules (tests use it to simulate a failure).
        self._before_article = before_article

    def extract(self, inputs: Sequence[ArticleInput]) -> list[ArticleResult]:
        """Extract every article of the batch; results are in input order."""
        results = [ArticleResult(article=item.article) for item in inputs]
        todo = [i for i, item in enumerate(inputs) if _is_english(item.article)]
        for i, item in enumerate(inputs):
            if i not in todo:
                results[i].skipped = f"language {item.article.language!r} is not extracted"
        texts = [prepare_for_nlp(inputs[i].article.body) for i in todo]
        with self._nlp.memory_zone():
            try:
                docs = list(self._nlp.pipe(texts, batch_size=self.batch_size))
            except Exception:  # one article broke the batch: parse them one by one
                log.exception("nlp.pipe failed for a batch of %d; retrying one by one", len(texts))
                docs = []
                for index, text in zip(todo, texts, strict=True):
                    try:
                        docs.append(self._nlp(text))
                    except Exception:
                        results[index].error = traceback.format_exc(limit=3)
                        docs.append(None)  # type: ignore[arg-type]
            for index, doc in zip(todo, docs, strict=True):
                if doc is None:
                    continue
                try:
                    if self._before_article is not None:
                        self._before_article(inputs[index].article)
                    results[index].events = self._events(doc, inputs[index])
                except Exception:
                    log.exception("extraction failed for article %r", inputs[index].article.id)
                    results[index].error = traceback.format_exc(limit=3)
        return results

    def extract_one(self, article: Article, fallback_date: date | None = None) -> ArticleResult:
        return self.extract([ArticleInput(article, fallback_date)])[0]

    # --- building events -------------------------------------------------------------------

    def _events(self, doc: Doc, item: ArticleInput) -> list[Event]:
        article = item.article
        base = article.published_date or item.fallback_date
        basis = "published_at" if article.published_date else ("record_time" if item.fallback_date else None)
        actors = ActorIndex(doc)
        body = article.body
        events: list[Event] = []
        anchors: list[int] = []  # char offset of what signalled each event (quote or trigger)
        quotes = find_quotes(actors.text)  # once per article: statements, dates and triggers all use it
        quote_spans = CharSpans((q.start, q.end) for q in quotes)
        for st in find_statements(doc, actors, quotes):
            events.append(self._statement_event(st, doc, actors, article, base, basis, quote_spans))
            anchors.append(st.quote_start)
        context = DiscourseContext(actors)
        for sent in actors.sentences:
            if not sent.text.strip():
                continue
            found = []
            for trigger in find_triggers(sent, quote_spans):
                event = self._interaction_event(
                    trigger, sent, actors, context, quote_spans, article, base, basis
                )
                if trigger.cue in WEAK_MEETING_VERBS and len(event.actors) < 2:
                    continue  # "the article discusses" is no meeting; two parties discussing are
                events.append(event)
                anchors.append(trigger.token.idx)
                found.append(event.actors)
            context.advance(sent, found)
        events = attach_amounts(events, anchors, find_money(actors.text), actors.text)
        for event in events:  # provenance is a contract: fail loudly rather than publish a wrong offset
            if body[event.evidence.start : event.evidence.end] != event.evidence.sentence:
                raise ValueError(f"evidence offsets do not match the body for event {event.event_id}")
        return sorted(events, key=lambda e: (e.evidence.start, e.type))

    @staticmethod
    def _date(
        sent: Span,
        base: date | None,
        basis: str | None,
        quote_spans: CharSpans | None = None,
        anchor: int | None = None,
        planned: bool = False,
    ) -> tuple[DateValue | None, str | None]:
        """The resolvable date of the sentence, outside quoted words, nearest the event's anchor.

        ``anchor`` is the token index of the trigger (or quote); with none, the first date
        wins. A scheduled event (``planned``) reads a bare weekday or month forwards.
        """
        found: list[tuple[int, DateValue]] = []
        for ent in sent.ents:
            if ent.label_ == "DATE" and not (quote_spans is not None and quote_spans.covers(ent.start_char)):
                value = normalise_date(ent.text, base, prefer_future=planned)
                if value is not None:
                    distance = (
                        0 if anchor is None else min(abs(ent.start - anchor), abs(ent.end - 1 - anchor))
                    )
                    found.append((distance, value))
        if not found:
            return None, None
        value = min(found, key=lambda item: item[0])[1]
        return value, (basis if is_relative(value) else None)

    def _speech_date(
        self,
        sent: Span,
        speaker: Actor,
        index: ActorIndex,
        base: date | None,
        basis: str | None,
        quote_spans: CharSpans,
    ) -> tuple[DateValue | None, str | None]:
        """The date of the occasion a quote was said on, from the sentence that set it up.

        "On Wednesday, Erdoğan called for cooperation. “...,” he said." -- the quote has no
        date of its own; up to two sentences back in the same paragraph, a sentence naming
        the same speaker with a date gives it.
        """
        number = index.sentence_number(sent.start)
        text = index.text
        for back in (1, 2):
            if number - back < 0:
                break
            previous = index.sentences[number - back]
            if "\n" in text[previous.end_char - 1 : sent.start_char]:
                break  # another paragraph
            named = {a.name for a in index.actors_in(previous.start, previous.end, "speaker")}
            if speaker.name in named:
                return self._date(previous, base, basis, quote_spans)
        return None, None

    def _evidence(self, body: str, start: int, end: int) -> Evidence:
        start, end = _trimmed(body, start, end)
        return Evidence(sentence=body[start:end], start=start, end=end)

    def _statement_event(
        self,
        st: Statement,
        doc: Doc,
        index: ActorIndex,
        article: Article,
        base: date | None,
        basis: str | None,
        quote_spans: CharSpans,
    ) -> Event:
        evidence = self._evidence(article.body, st.sentence_start, st.sentence_end)
        sent = doc.char_span(st.sentence_start, st.sentence_end, alignment_mode="expand")
        date_value, date_basis = (
            self._date(sent, base, basis, quote_spans) if sent is not None else (None, None)
        )
        if date_value is None and sent is not None:
            date_value, date_basis = self._speech_date(sent, st.speaker, index, base, basis, quote_spans)
        actors = [st.speaker]
        if st.addressee is not None and st.addressee.name != st.speaker.name:
            actors.append(st.addressee)
        return Event(
            event_id=make_event_id(
                article.id, "statement", evidence.start, evidence.end, str(st.quote_start)
            ),
            type="statement",
            article_id=article.id,
            published_at=article.published_at,
            actors=actors,
            quote=st.quote,
            date=date_value,
            location=None,
            amounts=[],
            evidence=evidence,
            confidence=st.confidence,
            extractor=self.info,
            status=None,
            date_basis=date_basis,
            extra={
                "partial": st.partial,
                "speaker_resolution": st.how,
                "cue": st.cue,
                "plover": plover_for("statement", st.cue),
            },
        )

    @staticmethod
    def _place_entities(sent: Span, quote_spans: CharSpans, trigger: Token | None = None) -> list[Span]:
        """Places, not actors: entities after "in", "at" or "inside" ("in Santiago", "at La Moneda
        Palace"), and after "to" or "from" when that word hangs on the trigger ("a visit to Tbilisi").
        A possessive ("in Germany's position") is no place."""
        places = []
        doc = sent.doc
        for ent in sent.ents:
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

    def _places(
        self, sent: Span, quote_spans: CharSpans, trigger: Token | None = None
    ) -> list[tuple[int, int]]:
        return [(e.start_char, e.end_char) for e in self._place_entities(sent, quote_spans, trigger)]

    def _location(self, sent: Span, quote_spans: CharSpans, trigger: Token | None = None) -> Location | None:
        """The event's place: a facility if the sentence names one, else the place nearest the trigger."""
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
                return Location(name=words.text, text=words.text)
        places = self._place_entities(sent, quote_spans, trigger)
        best = min(places, key=lambda e: (e.label_ != "FAC", abs(e.start - anchor)), default=None)
        if best is None:
            return None
        name = best.text[4:] if best.text.lower().startswith("the ") else best.text
        return Location(name=name, text=best.text)

    def _interaction_event(
        self,
        trigger: Trigger,
        sent: Span,
        actors: ActorIndex,
        context: DiscourseContext,
        quote_spans: CharSpans,
        article: Article,
        base: date | None,
        basis: str | None,
    ) -> Event:
        role = "participant" if trigger.type == "meeting" else "party"
        places = self._places(sent, quote_spans, trigger.token)
        found: list[Actor] = actors.actors_in(sent.start, sent.end, role, exclude=quote_spans + places)
        named = {a.name for a in found}
        for token in _party_slots(trigger.token):
            untagged = actors.untagged_name(token, role)
            if untagged is not None and untagged.name not in named:
                named.add(untagged.name)
                found.append(untagged)
        for actor in context.implied(sent, role, quote_spans):
            if actor.name not in named:
                named.add(actor.name)
                found.append(actor)
        evidence = self._evidence(article.body, sent.start_char, sent.end_char)
        date_value, date_basis = self._date(
            sent, base, basis, quote_spans, anchor=trigger.token.i, planned=trigger.status == "planned"
        )
        location = self._location(sent, quote_spans, trigger.token)
        named_people = sum(1 for a in found if a.kind == "person")
        confidence = round(min(0.9, 0.5 + 0.1 * len(found) + 0.05 * named_people), 2)
        return Event(
            event_id=make_event_id(
                article.id, trigger.type, evidence.start, evidence.end, str(trigger.token.idx)
            ),
            type=trigger.type,  # type: ignore[arg-type]
            article_id=article.id,
            published_at=article.published_at,
            actors=found,
            quote=None,
            date=date_value,
            location=location,
            amounts=[],
            evidence=evidence,
            confidence=confidence,
            extractor=self.info,
            status=trigger.status,
            date_basis=date_basis,
            extra={
                "trigger": trigger.token.text,
                "plover": plover_for(trigger.type, trigger.cue, len(found)),
            },
        )
