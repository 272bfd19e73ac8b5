"""Give every sum of money in an article to one of its events."""

from __future__ import annotations

import bisect
import dataclasses

from streams.core.model import Amount, AmountScope, Event
from streams.core.normalise.money import MoneySpan


def _paragraph(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end)


class _Nearest:
    """Events by anchor, for "the event whose anchor is nearest" in logarithmic time.

    Ties go as ``min`` over the events in list order would send them: the smaller anchor, then
    the earlier event.
    """

    def __init__(self, anchors: list[int], indices: list[int]) -> None:
        self._pairs = sorted((anchors[i], i) for i in indices)
        self._anchors = [a for a, _ in self._pairs]

    def nearest(self, offset: int) -> int:
        right = bisect.bisect_left(self._anchors, offset)  # first anchor >= offset
        found: list[tuple[int, int, int]] = []  # (distance, anchor, event index)
        if right < len(self._pairs):
            found.append((self._anchors[right] - offset, *self._pairs[right]))
        if right > 0:  # the largest anchor below offset, its earliest event
            anchor = self._anchors[right - 1]
            found.append((offset - anchor, *self._pairs[bisect.bisect_left(self._anchors, anchor)]))
        return min(found)[2]


def attach_amounts(events: list[Event], anchors: list[int], money: list[MoneySpan], text: str) -> list[Event]:
    """Give every sum of money in the article to one event, so none is lost downstream.

    A sum inside an event's evidence goes to that event (to the one whose quote or trigger
    is nearest when several share the sentence); any other sum goes to the nearest event
    of its paragraph, else to the article's nearest agreement, else its nearest event,
    and says so in ``scope``. An article without events keeps its sums to itself.

    Events are looked up by their evidence's start (sorted once), so a long article's thousands
    of sums and events cost n log n, not sums x events (a 1 MB body of sums took 100 s).
    """
    if not events:
        return events
    given: list[list[Amount]] = [[] for _ in events]
    by_start = sorted((e.evidence.start, i) for i, e in enumerate(events))
    starts = [start for start, _ in by_start]
    longest = max(e.evidence.end - e.evidence.start for e in events)
    agreements = [i for i, e in enumerate(events) if e.type == "agreement"]
    article_wide = _Nearest(anchors, agreements or list(range(len(events))))
    for span in money:
        # evidence holding the sum starts at most ``longest`` characters before it
        low = bisect.bisect_left(starts, span.start - longest)
        high = bisect.bisect_right(starts, span.start)
        inside = sorted(i for _, i in by_start[low:high] if span.start < events[i].evidence.end)
        scope: AmountScope = "sentence"
        if not inside:
            para = _paragraph(text, span.start)
            low, high = bisect.bisect_left(starts, para[0]), bisect.bisect_left(starts, para[1])
            inside = sorted(i for _, i in by_start[low:high])
            scope = "paragraph"
        if inside:
            best = min(inside, key=lambda i: (abs(anchors[i] - span.start), anchors[i]))
        else:
            best = article_wide.nearest(span.start)
            scope = "article"
        amount = dataclasses.replace(span.amount, scope=scope)
        if amount not in given[best]:
            given[best].append(amount)
    return [dataclasses.replace(e, amounts=a) if a else e for e, a in zip(events, given, strict=True)]
