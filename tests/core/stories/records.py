"""Made-up event records shaped like ``Event.to_dict()`` output, for the story stage's tests."""

from __future__ import annotations

from typing import Any

from streams.core.stories.mention import Mention, mention_from_record


def actor(
    name: str, kind: str = "organization", role: str = "party", country: str | None = None
) -> dict[str, Any]:
    """One actor of an event record."""
    return {"name": name, "role": role, "kind": kind, "country_code": country}


def event(
    event_id: str,
    type_: str = "agreement",
    actors: list[dict[str, Any]] | None = None,
    *,
    article_id: str | None = None,
    source: str = "wire",
    published_at: str | None = "2026-03-02T09:00:00Z",
    quote: str | None = None,
    content: str | None = None,
    date: dict[str, str] | None = None,
    location: dict[str, Any] | None = None,
    amounts: list[dict[str, Any]] | None = None,
    sentence: str = "A made-up sentence.",
    confidence: float = 0.8,
    trigger_lemma: str | None = "buy",
) -> dict[str, Any]:
    """An event record; by default an acquisition of Widgetco by Acme."""
    return {
        "event_id": event_id,
        "type": type_,
        "article_id": article_id or f"{source}:{event_id}",
        "source": source,
        "published_at": published_at,
        "actors": actors if actors is not None else [actor("Acme"), actor("Widgetco")],
        "quote": quote,
        "content": content,
        "date": date,
        "location": location,
        "amounts": amounts or [],
        "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)},
        "confidence": confidence,
        "trigger_lemma": trigger_lemma,
    }


def statement(event_id: str, speaker: str, words: str, **kwargs: Any) -> dict[str, Any]:
    """A quote by ``speaker`` (a person)."""
    return event(
        event_id,
        "statement",
        [actor(speaker, "person", "speaker")],
        quote=words,
        trigger_lemma="say",
        **kwargs,
    )


def meeting(event_id: str, *parties: str, **kwargs: Any) -> dict[str, Any]:
    """A meeting between people."""
    return event(event_id, "meeting", [actor(p, "person") for p in parties], trigger_lemma="meet", **kwargs)


def day(text: str, value: str) -> dict[str, str]:
    return {"text": text, "value": value, "precision": "day"}


def usd(value: float, text: str = "") -> dict[str, Any]:
    return {
        "text": text or f"${value:,.0f}",
        "value": value,
        "currency": "USD",
        "scope": "sentence",
        "bound": None,
    }


def mention(record: dict[str, Any]) -> Mention:
    return mention_from_record(record)
