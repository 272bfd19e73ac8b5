"""Date entities the model cut short or missed, mended once per article before any rule reads them.

The small model often tags only the unit of a relative date: in "this week's megadeal" the DATE
entity is "week", which no reader can date. The word before it that makes it relative ("this",
"last", "next", "past") belongs to the date, so the entity is widened to take it. It also leaves
some days counted from the last date untagged ("The following day she met X"): those become
dates, which the date rules count from the day the text gave before.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from streams.core.lexicon.modality import FUTURE_MODALS

#: Units of time a relative date counts in.
_UNITS = frozenset(
    {"week", "weekend", "month", "year", "quarter", "spring", "summer", "autumn", "fall", "winter"}
)
#: Words that make a unit a relative date: "this week", "last month".
_RELATIVE = frozenset({"this", "last", "next", "past"})


#: Words that count a day from the one told before: "the following day", "the next morning".
_COUNTING = frozenset({"following", "next", "previous", "preceding"})
#: Parts of a day that, so counted, are that day: "the next morning" is the following day.
_DAY_WORDS = frozenset({"day", "morning", "afternoon", "evening"})


def widen_relative_dates(doc: Doc) -> None:
    """Widen each DATE entity that starts with a unit right after "this/last/next/past", and a
    count of units after "in" ("in two weeks"); tag an untagged "the following day"
    (``_counted_days``)."""
    counted = _counted_days(doc)
    if counted:  # their words are no entity's: nothing overlaps
        doc.ents = sorted([*doc.ents, *counted], key=lambda span: span.start)
    changed = False
    out: list[Span] = []
    for ent in doc.ents:
        before = doc[ent.start - 1] if ent.start > 0 else None
        if (
            ent.label_ == "DATE"
            and ent[0].lower_ in _UNITS
            and before is not None
            and before.lower_ in _RELATIVE
            and before.ent_iob_ == "O"
        ):
            out.append(Span(doc, ent.start - 1, ent.end, label="DATE"))
            changed = True
        elif (
            ent.label_ == "DATE"
            and before is not None
            and before.lower_ == "in"  # not "within": a deadline, not the day
            and before.ent_iob_ == "O"
            and _a_count_of_units(ent)
            and _said_to_come(before.head)
        ):
            out.append(Span(doc, ent.start - 1, ent.end, label="DATE"))  # "will meet in two weeks": from now
            changed = True
        elif ent.label_ == "TIME" and (day := _time_as_counted_day(ent, before)) is not None:
            out.append(day)
            changed = True
        else:
            out.append(ent)
    if changed:
        doc.ents = out


def _counted_days(doc: Doc) -> list[Span]:
    """ "the following day", "the next morning", "the previous day" where the model tagged none
    of the three words: a day counted from the one the text gave before. "the day after the
    vote" counts from an event, not a date, and stays untagged."""
    found: list[Span] = []
    lowers = doc.to_array(LOWER)  # one array of word ids: a Python loop over every token costs more
    if len(lowers) < 3:
        return found
    candidates = (
        (lowers[:-2] == _THE)
        & numpy.isin(lowers[1:-1], _COUNTING_IDS)
        & numpy.isin(lowers[2:], _DAY_WORD_IDS)
    )
    for i in numpy.flatnonzero(candidates):  # the words are checked above: only the tags are left
        words = doc[int(i) : int(i) + 3]
        if all(w.ent_iob_ == "O" for w in words):
            found.append(Span(doc, words.start, words.end, label="DATE"))
    return found


_THE = get_string_id("the")
_COUNTING_IDS = numpy.array([get_string_id(w) for w in sorted(_COUNTING)], dtype=numpy.uint64)
_DAY_WORD_IDS = numpy.array([get_string_id(w) for w in sorted(_DAY_WORDS)], dtype=numpy.uint64)


def _time_as_counted_day(ent: Span, before: Token | None) -> Span | None:
    """A counted day the model tagged as a time: "the next morning", or "next morning" after an
    untagged "the"; the date of the day it counts to."""
    if _counts_a_day(ent):
        return Span(ent.doc, ent.start, ent.end, label="DATE")
    if before is not None and before.ent_iob_ == "O" and _counts_a_day(ent.doc[before.i : ent.end]):
        return Span(ent.doc, before.i, ent.end, label="DATE")
    return None


#: What counts a span of time: "two weeks", "10 days", "a month".
_COUNTED_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months"})


def _a_count_of_units(ent: Span) -> bool:
    """ "two weeks", "10 days", "a month": a count and a unit, nothing else."""
    return (
        len(ent) == 2
        and (ent[0].like_num or ent[0].lower_ in ("a", "one"))
        and ent[1].lower_ in _COUNTED_UNITS
    )


def _said_to_come(verb: Token) -> bool:
    """ "will meet", "'ll sign": a verb told in the future, for which "in two weeks" counts from
    now; "sold it in eight months" and "would know in six months" are spans of time."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def _counts_a_day(words: Span) -> bool:
    """ "the following day", "the next morning", "the previous evening"."""
    return (
        len(words) == 3
        and words[0].lower_ == "the"
        and words[1].lower_ in _COUNTING
        and words[2].lower_ in _DAY_WORDS
    )
