from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from streams.cli.errors import UsageError
from streams.cli.extract_cmd import max_body_bytes_from_env, run_extract
from streams.resources import samples_path, schema_path


def _lines(*raw: bytes) -> list[tuple[int, bytes]]:
    return list(enumerate(raw, start=1))


def test_invalid_lines_are_reported_and_fail_the_run() -> None:
    good = json.dumps({"id": "a", "body": "“We signed the deal today,” Minister Ana Costa said."}).encode()
    out, err = io.StringIO(), io.StringIO()
    code = run_extract(iter(_lines(good, b"{broken", b"[]")), out, err)
    assert code == 1
    assert "line 2: not_json" in err.getvalue()
    assert "line 3: not_object" in err.getvalue()
    assert [json.loads(line)["article_id"] for line in out.getvalue().splitlines()] == ["a"]


def test_same_ids_on_every_run_and_default_published_at() -> None:
    raw = [line.encode() for line in samples_path().read_text().splitlines()]
    runs = []
    for _ in range(2):
        out = io.StringIO()
        assert run_extract(iter(_lines(*raw)), out, io.StringIO(), default_published_at="2026-01-01") == 0
        runs.append([json.loads(line) for line in out.getvalue().splitlines()])
    assert [e["event_id"] for e in runs[0]] == [e["event_id"] for e in runs[1]]
    assert all(e["published_at"] for e in runs[0])


def test_articles_in_other_languages_are_noted_once_and_counted() -> None:
    german = [
        json.dumps(
            {"id": f"de{i}", "language": "de", "body": "Die Ministerin sagte, man habe sich geeinigt."}
        )
        for i in range(3)
    ]
    err = io.StringIO()
    code = run_extract(iter(_lines(*(line.encode() for line in german))), io.StringIO(), err)
    assert code == 0  # skipping by design is no failure
    notes = err.getvalue().splitlines()
    assert notes == [
        "newsevents extract: article 'de0' skipped: language 'de' is not extracted",
        "newsevents extract: 3 articles skipped: language 'de' is not extracted",
    ]


@pytest.mark.parametrize(
    ("limit", "reason"),
    [(10, "body_too_large"), (1, "record_too_large")],
)
def test_a_too_large_article_names_the_setting_that_allows_it(limit: int, reason: str) -> None:
    body = "“We signed the deal today,” Minister Ana Costa said. " * (
        1 if reason == "body_too_large" else 2000
    )
    raw = json.dumps({"id": "big", "body": body}).encode()
    err = io.StringIO()
    assert run_extract(iter(_lines(raw)), io.StringIO(), err, max_body_bytes=limit) == 1
    assert f"line 1: {reason}" in err.getvalue()
    assert "NEWSEVENTS_MAX_BODY_BYTES" in err.getvalue()


def test_extract_reads_the_body_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_MAX_BODY_BYTES", "12")
    assert max_body_bytes_from_env() == 12
    monkeypatch.setenv("NEWSEVENTS_MAX_BODY_BYTES", "twelve")
    with pytest.raises(UsageError, match="NEWSEVENTS_MAX_BODY_BYTES='twelve'"):
        max_body_bytes_from_env()


def _article(article_id: str, published_at: str, body: str) -> bytes:
    source = article_id.split(":", 1)[0]
    return json.dumps(
        {"id": article_id, "source": source, "published_at": published_at, "body": body}
    ).encode()


#: One takeover and one pledge told by two made-up outlets, and a meeting told by one. The second
#: article's published_at is a bare date, the others' carry offsets: the stage must compare them.
STORY_ARTICLES = [
    _article(
        "harbour-daily:1",
        "2026-03-11T08:00:00Z",
        "Acme Holdings acquired Borealis Foods for $5 billion on Tuesday, the companies said.\n"
        "“We will keep every bakery open,” Acme Holdings chief executive Dana Whitlow said.",
    ),
    _article(
        "coast-wire:7",
        "2026-03-11",
        "Acme Holdings has bought rival Borealis Foods Inc in a deal worth $5 billion.\n"
        "“We will keep every bakery open,” Whitlow told reporters.",
    ),
    _article(
        "coast-wire:8",
        "2026-03-12T10:00:00+01:00",
        "Prime Minister Lena Marsh met President Tomas Evra in Oslo on Thursday.",
    ),
]


def test_stories_group_the_events_of_several_outlets() -> None:
    """--stories prints one valid story per line; every event lands in exactly one story, and the
    takeover and the pledge told by both outlets are one story each."""
    schema = json.loads(schema_path("story.v1.json").read_text())
    events_out, stories_out = io.StringIO(), io.StringIO()
    assert run_extract(iter(_lines(*STORY_ARTICLES)), events_out, io.StringIO()) == 0
    assert run_extract(iter(_lines(*STORY_ARTICLES)), stories_out, io.StringIO(), stories=True) == 0
    events = [json.loads(line) for line in events_out.getvalue().splitlines()]
    stories = [json.loads(line) for line in stories_out.getvalue().splitlines()]
    assert stories and all("story_id" in s and "event_id" not in s for s in stories)
    for story in stories:
        jsonschema.validate(story, schema)
    grouped = [event_id for story in stories for event_id in story["event_ids"]]
    assert sorted(grouped) == sorted(e["event_id"] for e in events)  # each event once, none lost
    assert len({s["story_id"] for s in stories}) == len(stories)
    by_frame = {(s["type"], s["frame"]): s for s in stories if s["mention_count"] > 1}
    takeover = by_frame[("agreement", "acquisition")]
    assert takeover["sources"] == ["coast-wire", "harbour-daily"]
    assert takeover["first_seen"] == "2026-03-11T00:00:00Z"  # the bare date, read as UTC
    pledge = by_frame[("statement", "statement")]
    assert pledge["actors"][0]["name"] == "Dana Whitlow"
    assert "Whitlow" in pledge["actors"][0]["aliases"]
    meeting = next(s for s in stories if s["type"] == "meeting")
    assert meeting["mention_count"] == 1 and meeting["sources"] == ["coast-wire"]


def test_stories_are_the_same_on_every_run() -> None:
    """Story ids come from the events and their order: a second run prints the same lines."""
    runs = []
    for _ in range(2):
        out = io.StringIO()
        assert run_extract(iter(_lines(*STORY_ARTICLES)), out, io.StringIO(), stories=True) == 0
        runs.append(out.getvalue())
    assert runs[0] == runs[1] and runs[0]


def test_the_documented_story_is_what_extract_prints() -> None:
    """docs/stories.md's two articles give docs/contracts.md's story example (recorded_at aside)."""
    docs = Path(__file__).resolve().parents[2] / "docs"
    heredoc = re.search(r"<<'EOF'\n(.*?)\nEOF\n", (docs / "stories.md").read_text(), re.DOTALL)
    contracts = (docs / "contracts.md").read_text()
    example = re.search(r"```json\n(\{\n  \"story_id\".*?)\n```", contracts, re.DOTALL)
    assert heredoc and example, "the walk-through or the story example is gone from the docs"
    out = io.StringIO()
    lines = [line.encode() for line in heredoc.group(1).splitlines()]
    assert run_extract(iter(_lines(*lines)), out, io.StringIO(), stories=True) == 0
    documented = json.loads(example.group(1))
    documented.pop("recorded_at")  # the worker adds it; extract does not
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [documented]
