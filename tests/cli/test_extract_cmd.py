from __future__ import annotations

import io
import json

import pytest

from streams.cli.errors import UsageError
from streams.cli.extract_cmd import max_body_bytes_from_env, run_extract
from streams.resources import samples_path


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
