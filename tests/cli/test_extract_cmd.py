from __future__ import annotations

import io
import json

from streams.cli.extract_cmd import run_extract
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
