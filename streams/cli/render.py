"""One readable line per event, for ``demo`` and ``tail --format pretty``."""

from __future__ import annotations

import json
from typing import Any


def _money(value: float, currency: str) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{currency} {value / scale:g} {word}"
    return f"{currency} {value:,.0f}"


def render_event(event: dict[str, Any]) -> str:
    kind = str(event.get("type", "?"))
    actors = event.get("actors") or []
    names = ", ".join(a.get("name", "?") for a in actors if a.get("role") not in ("speaker", "addressee"))
    date = (event.get("date") or {}).get("value")
    location = (event.get("location") or {}).get("name")
    amounts = "; ".join(_money(a["value"], a["currency"]) for a in event.get("amounts") or [])
    if kind == "statement":
        speaker = next((a["name"] for a in actors if a.get("role") == "speaker"), "?")
        quote = str(event.get("quote") or "")
        if len(quote) > 100:
            quote = quote[:97] + "..."
        text = f"{speaker}: “{quote}”"
    else:
        status = f" ({event['status']})" if event.get("status") == "planned" else ""
        text = f"{names or '(no named parties)'}{status}"
    parts = [f"[{kind:9s}] {text}"]
    if location:
        parts.append(f"at {location}")
    if date:
        parts.append(f"on {date}")
    if amounts:
        parts.append(f"amounts {amounts}")
    parts.append(f"· article {event.get('article_id')}")
    return "  ".join(parts)


def render_record(data: dict[str, Any]) -> str:
    """A record of any topic for ``tail --format pretty``: where it is, one readable line, and
    its headers (an event's CloudEvents headers, a dead letter's ``dlq_*`` headers)."""
    value = data.get("value")
    where = f"{data.get('topic')}[{data.get('partition')}]@{data.get('offset')} key={data.get('key')}"
    headers = data.get("headers") or {}
    if isinstance(value, dict) and "type" in value and "event_id" in value:
        text = render_event(value)
    elif "dlq_reason" in headers:
        text = f"[dead-letter] reason={headers['dlq_reason']} (the original record, unchanged)"
    elif value is None and "value_base64" not in data:
        text = "[tombstone] (null value: the event with this key was retracted)"
    elif value is not None:
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = f"(not JSON; base64) {data['value_base64']}"
    lines = [where, f"  {text}"]
    if headers:
        lines.append("  headers: " + ", ".join(f"{k}={v}" for k, v in headers.items()))
    return "\n".join(lines)


def render_story(story_id: str, story: dict[str, Any] | None) -> str:
    """One line per story version: what, who, and how many mentions, articles and outlets say so."""
    if story is None:
        return f"[story {story_id[:8]}] deleted"
    names = ", ".join(a.get("name", "?") for a in story.get("actors") or [])
    what = story.get("frame") if story.get("type") != story.get("frame") else story.get("type")
    counts = (
        f"{story.get('mention_count')} mentions, {story.get('article_count')} articles, "
        f"{story.get('source_count')} sources"
    )
    moved = f" -> merged into {str(story['merged_into'])[:8]}" if story.get("merged_into") else ""
    quote = f' "{story["quote"][:60]}"' if story.get("quote") else ""
    return f"[story {story_id[:8]} v{story.get('version')}] {what}: {names}{quote} ({counts}){moved}"
