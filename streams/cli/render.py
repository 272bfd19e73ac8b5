"""One readable line per event, for ``demo`` and ``tail --format pretty``."""

from __future__ import annotations

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
