"""Meetings told by ellipsis after a first one: "a meeting with the unions on Monday and another
with the employers on Tuesday", "three meetings were planned for the mayor: one with the police,
then one with the council", "met with Cruz last week, and this week with Kasich".

"another" or "one" followed by "with" stands for one more meeting of the kind the sentence has
just named, held by the same side, with whoever its own with-phrase names; so does "then with"
after a meeting verb or noun ("met with the IMF, then with the president"). The parser hangs
these words and their with-phrase in many places (on the date before them, on the main verb, as
an apposition of the last name), so they are found by their words, not by their attachment: the
with-phrase runs from "with" to the next comma, semicolon, "then", or the next ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

#: The words that stand for one more meeting before "with" (after a meeting noun).
ELLIPTIC_WORDS = frozenset({"another", "one"})
#: "met with the IMF, then with the president": the next meeting of a list, after any meeting word.
NEXT_WORDS = frozenset({"then"})
#: Where a with-phrase ends: the next item of the list, or another clause.
_PHRASE_ENDS = frozenset({",", ";", ":", "then", "while", "but", "which", "who", "where"})


#: Entity labels of a name the with-phrase may open with.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True)
class EllipticMeeting:
    """One more meeting: the word that stands for it and its with-phrase's token range."""

    token: Token
    start: int  # the token after "with"
    end: int


def elliptic_meetings(sent: Span, after: int) -> list[EllipticMeeting]:
    """The elliptic meetings of ``sent`` after token index ``after`` (the first meeting's trigger)."""
    found: list[EllipticMeeting] = []
    words = [t for t in sent if t.i > after]
    for token in words:
        if token.lower_ == "with" and (time := _gapped_time(sent, token, after)) is not None:
            end = _phrase_end(sent, token.i + 1)  # "..., and this week with Kasich"
            if _names_someone(sent.doc[token.i + 1 : end]):
                found.append(EllipticMeeting(time, token.i + 1, end))
            continue
        if token.lower_ not in ELLIPTIC_WORDS | NEXT_WORDS or token.i + 1 >= sent.end:
            continue
        if token.nbor().lower_ != "with":
            continue
        end = _phrase_end(sent, token.i + 2)
        if _names_someone(sent.doc[token.i + 2 : end]):
            found.append(EllipticMeeting(token, token.i + 2, end))
    return found


def _gapped_time(sent: Span, with_: Token, after: int) -> Token | None:
    """The first word of the time that, after "and", stands for the meeting verb before "with":
    "met with Cruz last week, and this week with Kasich" (a second meeting, this week). None when
    "with" follows no such "and" + time."""
    doc = sent.doc
    time_end = with_.i
    time_start = time_end
    while time_start - 1 > after and doc[time_start - 1].ent_type_ == "DATE":
        time_start -= 1
    if time_start == time_end:
        return None
    before = time_start - 1
    if before > after and doc[before].lower_ in _TIME_PREPS:
        before -= 1  # "and on Thursday with X"
    return doc[time_start] if before > after and doc[before].lower_ == "and" else None


#: Prepositions a gapped time may open with ("and on Thursday with X", "and in May with Y").
_TIME_PREPS = frozenset({"on", "in", "at"})


def is_gapped(ellipsis: EllipticMeeting) -> bool:
    """Whether the meeting is told by a time alone ("and this week with Kasich"), which stands for a
    meeting verb as well as a noun."""
    return ellipsis.token.ent_type_ == "DATE"


def _phrase_end(sent: Span, start: int) -> int:
    """Where a with-phrase that starts at token ``start`` ends (``_ends_phrase``)."""
    end = start
    while end < sent.end and not _ends_phrase(sent.doc[end]):
        end += 1
    return end


def _names_someone(phrase: Span) -> bool:
    """Whether the with-phrase opens with a name ("with the IMF", "with President Ruiz"), not with
    a thing ("then with the help of the Senate", "one with few surprises")."""
    words = [t for t in phrase if t.dep_ != "det" and t.lower_ not in ("the", "a", "an")]
    if not words or not (words[0].pos_ == "PROPN" or words[0].ent_type_ in _NAME_LABELS):
        return False
    # a name that is a possessor opens a thing: "then with Britain's backing", "one with Holt's help"
    name_end = next((i for i, t in enumerate(words) if not t.ent_type_ and t.pos_ != "PROPN"), len(words))
    return not (name_end < len(words) and words[name_end].lower_ in ("'s", "’s", "'", "’"))


def _ends_phrase(token: Token) -> bool:
    if token.lower_ in _PHRASE_ENDS or (token.is_sent_end and token.is_punct):
        return True
    # "and another with X", "and one with Y", "and on Tuesday with Z": the next item
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    if token.lower_ != "and" or nxt is None:
        return False
    if nxt.lower_ in ELLIPTIC_WORDS | NEXT_WORDS:
        return True
    with_ = next((t for t in token.doc[token.i + 1 : token.i + 6] if t.lower_ == "with"), None)
    return with_ is not None and _gapped_time(token.sent, with_, token.i - 1) is not None


def first_with(trigger: Token) -> int | None:
    """The index of the first "with" after the trigger in its sentence, if any."""
    return next((t.i for t in trigger.sent if t.i > trigger.i and t.lower_ == "with"), None)


def own_with_phrase(trigger: Token) -> tuple[int, int] | None:
    """The token range of the first meeting's own with-phrase ("a meeting with Berg on Monday and
    another ..."): its counterparts, who do not hold the meetings that follow."""
    start = first_with(trigger)
    if start is None or trigger.doc[start - 1].lower_ in ELLIPTIC_WORDS | NEXT_WORDS:
        return None
    return start + 1, _phrase_end(trigger.sent, start + 1)
