"""The date of an event: the resolvable date in its sentence nearest what signalled it."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span

from streams.core.model import Actor, DateBasis, DateValue
from streams.core.normalise.dates import is_relative, normalise_date
from streams.core.rules.actors import ActorResolver
from streams.core.rules.document import entities_in
from streams.core.spans import CharSpans

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
    document = actors.document
    number = document.sentence_number(sent.start)
    text = document.text
    for back in (1, 2):
        if number - back < 0:
            break
        previous = document.sentences[number - back]
        if "\n" in text[previous.end_char - 1 : sent.start_char]:
            break  # another paragraph
        named = {a.name for a in actors.actors_in(previous.start, previous.end, "speaker")}
        if speaker.name in named:
            return sentence_date(previous, base, basis, quote_spans)
    return None, None
