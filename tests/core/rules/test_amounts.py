"""Sums of money go to events: the indexed look-up gives what a scan of every event gives."""

from __future__ import annotations

import dataclasses
import random

from streams.core.model import Amount, AmountScope, Event, Evidence, Extractor
from streams.core.normalise.money import MoneySpan, find_money
from streams.core.rules.amounts import _paragraph, attach_amounts


def _reference(events: list[Event], anchors: list[int], money: list[MoneySpan], text: str) -> list[Event]:
    """The rule as first written: every sum compared with every event."""
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


def _event(n: int, kind: str, start: int, end: int) -> Event:
    return Event(
        event_id=f"e{n}",
        type=kind,  # type: ignore[arg-type]
        article_id="a",
        published_at=None,
        actors=[],
        quote=None,
        date=None,
        location=None,
        amounts=[],
        evidence=Evidence(sentence="x" * (end - start), start=start, end=end),
        confidence=0.5,
        extractor=Extractor(version="0", model="m"),
    )


def test_indexed_attachment_matches_the_full_scan() -> None:
    rng = random.Random(5)
    for _ in range(300):
        size = rng.randint(50, 600)
        text = "".join(rng.choice("abc \n") for _ in range(size))
        events, anchors = [], []
        for n in range(rng.randint(1, 12)):
            start = rng.randrange(size)
            end = min(size, start + rng.randint(1, 80))
            events.append(_event(n, rng.choice(["meeting", "agreement", "statement"]), start, end))
            anchors.append(rng.randint(start, end))  # shared anchors and ties happen
        money = [
            MoneySpan(s, s + 3, Amount(value=float(rng.randint(1, 4)), currency="USD", text=f"${s}"))
            for s in sorted(rng.sample(range(size - 3), rng.randint(0, 10)))
        ]
        assert attach_amounts(events, anchors, money, text) == _reference(events, anchors, money, text)


def test_a_range_goes_whole_to_one_event() -> None:
    text = "They met on Monday. The firms agreed on a price between $5 and $7 billion."
    events = [_event(0, "meeting", 0, 19), _event(1, "agreement", 20, len(text))]
    money = find_money(text)
    (meeting, agreement) = attach_amounts(events, [5, 30], money, text)
    assert meeting.amounts == []
    assert [(a.value, a.bound, a.text) for a in agreement.amounts] == [
        (5e9, "lower", "$5 and $7 billion"),
        (7e9, "upper", "$5 and $7 billion"),
    ]
