"""One published event as the story stage sees it: a *mention* of a real-world event.

The story stage reads event records (the JSON of ``schemas/event.v1.json``), not the
extractor's objects, because in the stream it consumes the event topics; offline it is given
``Event.to_dict()``, the same JSON. A mention keeps what matching and a story's summary
need, and its ``record`` (the reduced event) is what story state stores, so a worker that
recovers a story rebuilds every mention from it.

Two ideas decide where a mention may go:

- its **frame**, what happened: a meeting; for agreements an acquisition, the signing of a
  document, a consent ("agreed to buy") or the document itself ("the $334 million deal").
  Outlets report one takeover as all four, and annotators of cross-document coreference
  (ECB+) keep them apart as four events: the signing is not the acquisition. A story is one
  event, so one frame.
- its **block**: the key that routes it to the state it is matched against, in the stream the
  partition key. Statements are blocked by their speaker (a quote can only be the same
  quote by the same speaker); meetings and agreements by type and frame, because their
  parties are named too differently for a key built from one name ("AMD" buys "Sea Micro",
  "Advanced Micro Devices" acquires "SeaMicro Inc") and a mention missing its block's
  party would start a second story.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from streams.core.lexicon.triggers import ACQUISITION_NOUNS, ACQUISITION_VERBS
from streams.core.stories.names import NameForms, name_forms

#: Agreement frames by trigger lemma; any other agreement trigger is a document ("deal").
_AGREEMENT_FRAMES = {
    **dict.fromkeys(ACQUISITION_VERBS | ACQUISITION_NOUNS, "acquisition"),
    **dict.fromkeys(("merge", "merger", "sell", "sale", "order"), "acquisition"),
    **dict.fromkeys(("sign", "ink"), "signing"),
    **dict.fromkeys(("agree", "settle", "reach"), "consent"),
}

#: The fields of an event record that story state keeps per mention.
KEPT_FIELDS = (
    "event_id",
    "type",
    "article_id",
    "source",
    "published_at",
    "recorded_at",
    "actors",
    "quote",
    "content",
    "date",
    "location",
    "amounts",
    "evidence",
    "confidence",
    "trigger_lemma",
    "cue",
)


@dataclass(frozen=True)
class ActorName:
    """An actor of a mention with the forms its name is matched by."""

    name: str
    kind: str
    country_code: str | None
    forms: NameForms


@dataclass(frozen=True)
class Mention:
    """One event record, reduced to what the story stage needs."""

    record: dict[str, Any]
    frame: str
    actors: tuple[ActorName, ...]
    seen: datetime | None  # publication time (else the time the worker published it)

    @property
    def event_id(self) -> str:
        return str(self.record["event_id"])

    @property
    def type(self) -> str:
        return str(self.record["type"])

    @property
    def article_id(self) -> str:
        return str(self.record["article_id"])

    @property
    def source(self) -> str:
        return str(self.record.get("source") or self.record["article_id"].split(":", 1)[0])

    @property
    def text(self) -> str:
        """What a statement said (its content, else its quote); empty for the other types."""
        return str(self.record.get("content") or self.record.get("quote") or "")

    @property
    def confidence(self) -> float:
        return float(self.record.get("confidence") or 0.0)

    @property
    def block(self) -> str:
        """The routing key (module docstring): ``statement:<speaker key>`` or ``<type>:<frame>``."""
        if self.type == "statement":
            speaker = self.actors[0].forms.key if self.actors else ""
            return f"statement:{speaker}"
        return f"{self.type}:{self.frame}"


class InvalidEventRecord(ValueError):
    """An event record the story stage cannot read (a field missing or of the wrong type)."""


def frame_of(record: dict[str, Any]) -> str:
    """What happened, by type and trigger lemma (module docstring)."""
    if record["type"] != "agreement":
        return str(record["type"])
    return _AGREEMENT_FRAMES.get(str(record.get("trigger_lemma") or "").lower(), "document")


def parse_time(value: Any) -> datetime | None:
    """An RFC 3339 / ISO 8601 time, or None when absent or not a time. A date or a time without
    an offset ("2026-03-12", which articles may give) is UTC, so every time compares with every other."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def mention_from_record(record: dict[str, Any]) -> Mention:
    """The mention of one event record; raises :class:`InvalidEventRecord` when it is not one."""
    try:
        kept = {name: record[name] for name in KEPT_FIELDS if name in record}
        for name in ("event_id", "type", "article_id", "actors", "evidence"):
            if name not in kept:
                raise InvalidEventRecord(f"event record has no {name!r}")
        if kept["type"] not in ("meeting", "agreement", "statement"):
            raise InvalidEventRecord(f"unknown event type {kept['type']!r}")
        actors = tuple(
            ActorName(
                name=str(a["name"]),
                kind=str(a.get("kind") or "organization"),
                country_code=a.get("country_code"),
                forms=name_forms(str(a["name"]), str(a.get("kind") or ""), a.get("country_code")),
            )
            for a in kept["actors"]
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise InvalidEventRecord(f"malformed event record: {error!r}") from error
    seen = parse_time(kept.get("published_at")) or parse_time(kept.get("recorded_at"))
    return Mention(record=kept, frame=frame_of(kept), actors=actors, seen=seen)
