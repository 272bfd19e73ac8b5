"""``schemas/story.v1.json`` is what the story stage publishes, field for field.

Stories are built with :class:`StoryStage` from made-up event records (openings, joins, a merge, a
re-extraction, a retraction), and every published version is validated against the schema. The
schema allows unknown fields (consumers must ignore them), so validation alone would not notice a
renamed field; a strict copy of the schema (no unknown fields at the top, in ``actors`` or in
``evidence``) is checked too, and the two together fail on a rename in either direction.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from streams.core.stories.book import StoryChange
from streams.core.stories.stage import StoryStage
from streams.core.stories.story import STORY_SCHEMA_VERSION
from streams.resources import schema_path

REPO = Path(__file__).resolve().parent.parent
SCHEMA: dict[str, Any] = json.loads(schema_path("story.v1.json").read_text())
EVENT_SCHEMA: dict[str, Any] = json.loads(schema_path("event.v1.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())

ACME = {"name": "Acme Holdings", "kind": "organization", "country_code": None}
BOREALIS = {"name": "Borealis Foods Inc", "kind": "organization", "country_code": None}
BOREALIS_SHORT = {"name": "Borealis Foods", "kind": "organization", "country_code": None}
VESTMARK = {"name": "Vestmark", "kind": "country", "country_code": "NO"}
QUILLAN = {"name": "Quillan", "kind": "country", "country_code": "CL"}
SPEAKER = {"name": "Maren Oduya", "kind": "person", "country_code": None}


def amount(value: float) -> dict[str, Any]:
    return {
        "text": f"${value / 1e9:g} billion",
        "value": value,
        "currency": "USD",
        "scope": "sentence",
        "bound": None,
    }


def event_id(n: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"test-story-schema/{n}"))


def event(
    n: int,
    kind: str,
    actors: list[dict[str, Any]],
    *,
    lemma: str | None = None,
    source: str = "harbour-daily",
    published_at: str | None = "2026-03-02T08:00:00Z",
    text: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A made-up event record shaped like ``Event.to_dict()`` (extractor 0.4.0)."""
    role = {"meeting": "participant", "agreement": "party", "statement": "speaker"}[kind]
    sentence = text or f"Made-up sentence number {n}."
    record: dict[str, Any] = {
        "event_id": event_id(n),
        "type": kind,
        "article_id": f"{source}:{n}",
        "source": source,
        "published_at": published_at,
        "actors": [{**a, "role": role, "title": None, "country": None, "organization": None} for a in actors],
        "quote": text,
        "date": None,
        "location": None,
        "amounts": [],
        "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)},
        "confidence": 0.9 if kind == "statement" else 0.7,
        "extractor": {"version": "0.4.0", "model": "made-up"},
        "schema_version": "1",
        "trigger_lemma": lemma,
        "trigger_span": {"start": 0, "end": 4},
    }
    if kind == "statement":
        record.update(content=text, form="direct", cue="say")
    return {**record, **extra}


SANTIAGO = {
    "name": "Santiago",
    "text": "Santiago",
    "geonames_id": 3871336,
    "country_code": "CL",
    "latitude": -33.45694,
    "longitude": -70.64827,
    "feature": "city",
    "locality": None,
}
PLEDGE = "We will keep every fishing harbour open through the winter months"


def run_scenario() -> list[StoryChange]:
    """Openings, joins, a merge, a move by re-extraction, a retraction: every kind of change."""
    stage = StoryStage()
    changes: list[StoryChange] = []
    # Two acquisitions of one company told apart by their prices, then joined by a mention naming
    # both parties and no price: a merge (a pointer version, a tombstone, the survivor).
    changes += stage.add(event(1, "agreement", [ACME, BOREALIS], lemma="acquire", amounts=[amount(5e9)]))
    changes += stage.add(
        event(2, "agreement", [ACME, BOREALIS_SHORT], lemma="buy", source="wire", amounts=[amount(7e9)])
    )
    changes += stage.add(event(3, "agreement", [ACME, BOREALIS], lemma="acquire", source="ledger"))
    # A signing and a meeting with a date and a place; a second outlet joins the meeting.
    dated: dict[str, Any] = {
        "date": {"text": "Tuesday", "value": "2026-03-10", "precision": "day"},
        "location": SANTIAGO,
    }
    changes += stage.add(event(4, "agreement", [VESTMARK, QUILLAN], lemma="sign", **dated))
    changes += stage.add(event(5, "meeting", [VESTMARK, QUILLAN], lemma="meet", **dated))
    changes += stage.add(event(6, "meeting", [QUILLAN, VESTMARK], lemma="meet", source="wire", **dated))
    # One pledge quoted by two outlets, trimmed differently; a statement with no publication time.
    changes += stage.add(event(7, "statement", [SPEAKER], text=PLEDGE))
    changes += stage.add(
        event(8, "statement", [SPEAKER], source="wire", text=PLEDGE.replace("We", "we") + ".")
    )
    changes += stage.add(
        event(9, "statement", [SPEAKER], published_at=None, text="The quota talks start on Monday")
    )
    # Re-extraction: event 5, which opened the meeting, comes back with another date: it leaves the
    # meeting (event 6 stays in it) and opens a story of its own.
    later: dict[str, Any] = {"date": {"text": "April 20", "value": "2026-04-20", "precision": "day"}}
    changes += stage.add(event(5, "meeting", [VESTMARK, QUILLAN], lemma="meet", **later))
    # Retraction: the signing's only mention goes, and its story is tombstoned.
    changes += stage.retract(event_id(4))
    return changes


CHANGES = run_scenario()


def test_the_live_stories_hold_every_live_event_once() -> None:
    """What a consumer of the compacted topic ends with (the last version of each story id not
    tombstoned) accounts for every event still published, each in one story."""
    live: dict[str, dict[str, Any]] = {}
    for change in CHANGES:
        if change.record is None:
            live.pop(change.story_id, None)
        else:
            live[change.story_id] = change.record
    held = [event for record in live.values() for event in record["event_ids"]]
    expected = {event_id(n) for n in range(1, 10)} - {event_id(4)}  # event 4 was retracted
    assert sorted(held) == sorted(expected)
    for story_id, record in live.items():
        assert record["story_id"] == story_id and record["merged_into"] is None


def test_a_replayed_event_keeps_its_story_and_raises_its_version() -> None:
    """The contract's versions only grow for a story id until a tombstone, replays included."""
    stage = StoryStage()
    lone = event(20, "agreement", [ACME, BOREALIS], lemma="sign")
    (first,) = stage.add(lone)
    replayed = stage.add(lone)
    assert [(c.story_id, c.kind) for c in replayed] == [(first.story_id, "updated")]
    assert replayed[0].record is not None and first.record is not None
    assert replayed[0].record["version"] == first.record["version"] + 1


def strict(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with no unknown fields allowed at the top, in actors[] and in evidence."""
    closed = copy.deepcopy(schema)
    for part in (closed, closed["properties"]["actors"]["items"], closed["properties"]["evidence"]):
        part["additionalProperties"] = False
    return closed


def test_the_scenario_publishes_every_kind_of_change() -> None:
    """The validation below sees a created, an updated, a merged version and a tombstone."""
    kinds = {c.kind for c in CHANGES}
    assert kinds == {"created", "updated", "merged", "deleted"}
    merged = [c.record for c in CHANGES if c.kind == "merged" and c.record is not None]
    assert merged and all(r["merged_into"] for r in merged)
    assert any(c.record is None for c in CHANGES)


@pytest.mark.parametrize("index", range(len(CHANGES)), ids=lambda i: f"{i}-{CHANGES[i].kind}")
def test_every_published_version_is_valid(index: int) -> None:
    change = CHANGES[index]
    if change.record is None:
        assert change.kind == "deleted"  # a tombstone: a null value, nothing to validate
        return
    record = {**change.record, "recorded_at": "2026-03-02T08:00:01Z"}  # as the worker publishes it
    errors = [e.message for e in VALIDATOR.iter_errors(record)]
    assert not errors, errors
    jsonschema.validate(change.record, strict(SCHEMA), format_checker=jsonschema.FormatChecker())
    assert record["schema_version"] == STORY_SCHEMA_VERSION
    assert record["story_id"] == change.story_id
    assert record["mention_count"] == len(record["event_ids"])


def test_every_schema_field_is_published() -> None:
    """No field the schema promises is missing from what the code publishes, nested ones included."""
    records = [c.record for c in CHANGES if c.record is not None]
    top = set().union(*(r.keys() for r in records))
    assert set(SCHEMA["properties"]) - {"recorded_at"} == top
    assert set(SCHEMA["required"]) == top
    actors = set().union(*(a.keys() for r in records for a in r["actors"]))
    assert set(SCHEMA["properties"]["actors"]["items"]["properties"]) == actors
    evidence = set().union(*(r["evidence"].keys() for r in records))
    assert set(SCHEMA["properties"]["evidence"]["properties"]) == evidence
    frames = {r["frame"] for r in records}
    assert frames <= set(SCHEMA["properties"]["frame"]["enum"])
    assert {"acquisition", "signing", "meeting", "statement"} <= frames


@pytest.mark.parametrize(
    ("old", "new"),
    [("mention_count", "mentions"), ("merged_into", "merged_to"), ("event_ids", "events")],
)
def test_a_renamed_field_fails_validation(old: str, new: str) -> None:
    """The check can fail: a record whose field was renamed is rejected by one of the two schemas."""
    record = next(c.record for c in CHANGES if c.record is not None)
    renamed = {new if k == old else k: v for k, v in record.items()}
    assert not VALIDATOR.is_valid(renamed)
    closed = jsonschema.Draft202012Validator(strict(SCHEMA))
    assert not closed.is_valid({**record, new: record[old]})


def test_the_location_copy_accepts_every_event_location_field() -> None:
    """A story's location is one event's location unchanged, so it names the event schema's fields."""
    event_location = EVENT_SCHEMA["properties"]["location"]["oneOf"][1]["properties"]
    story_location = SCHEMA["properties"]["location"]["oneOf"][1]["properties"]
    assert set(story_location) == set(event_location)


#: A ```json block, at the start of a line or indented in a list item (the indent is its group 1).
FENCED_JSON = re.compile(r"^([ \t]*)```json\n(.*?)\n\1```", re.MULTILINE | re.DOTALL)


def _json_blocks(path: Path) -> list[Any]:
    """The values of a page's ```json blocks: one JSON document, or one per line (JSON Lines)."""
    values: list[Any] = []
    for indent, fenced in FENCED_JSON.findall(path.read_text()):
        lines = [line.removeprefix(indent) for line in fenced.splitlines()]
        try:
            values.append(json.loads("\n".join(lines)))
        except json.JSONDecodeError:
            values += [json.loads(line) for line in lines if line.strip()]
    return values


def test_the_documented_examples_are_valid() -> None:
    """The story and event examples in docs/contracts.md and docs/stories.md follow the schemas."""
    events, stories = [], []
    for path in (REPO / "docs" / "contracts.md", REPO / "docs" / "stories.md"):
        for value in _json_blocks(path):
            if isinstance(value, dict) and "story_id" in value:
                stories.append(value)
            elif isinstance(value, dict) and "event_id" in value and "type" in value:
                events.append(value)
    assert stories, "no story example in the docs"
    assert len(events) >= 3, "the event examples are gone from docs/contracts.md"
    for story in stories:
        jsonschema.validate(story, SCHEMA, format_checker=jsonschema.FormatChecker())
    for one in events:
        jsonschema.validate(one, EVENT_SCHEMA, format_checker=jsonschema.FormatChecker())
