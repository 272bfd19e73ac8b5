"""A later mention of an event already reported: "This meeting was the first since May", "the deal
with the carmaker went through after all", "The two pacts the leaders signed were vague".

News refers back to the events it has told with a definite noun. Published again, each such
mention is a copy of the event without its date or place, which a consumer cannot tell from a
second meeting. A definite event noun whose parties are those of an earlier event of the same
type, and which adds no date or place of its own (or gives the same ones), is that event again and
is not published a second time.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from streams.core.model import Event

#: Words that make an event noun point back: "the meeting", "this deal", "their talks".
DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those", "their", "its"})


def points_back(token: Token) -> bool:
    """Whether the trigger is a definite event noun ("the agreement", "this meeting")."""
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_WORDS for c in token.children
    )


def repeats_earlier(token: Token, event: Event, earlier: Iterable[Event]) -> bool:
    """Whether ``event``, told by the trigger ``token``, is an earlier event of the article again."""
    if not points_back(token):
        return False
    parties = {a.name for a in event.actors}
    for other in earlier:
        if other.type != event.type or not parties <= {a.name for a in other.actors}:
            continue
        if event.date is not None and (other.date is None or other.date.value != event.date.value):
            continue
        if event.location is not None and (
            other.location is None or other.location.name != event.location.name
        ):
            continue
        return True
    return False
