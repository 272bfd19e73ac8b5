"""Give every sum of money in an article to one of its events."""

from __future__ import annotations

import dataclasses

from streams.core.model import Amount, AmountScope, Event
from streams.core.normalise.money import MoneySpan


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
        scope: AmountScope = "sentence"
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
