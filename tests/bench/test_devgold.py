"""bench/devgold: the team's gold keeps no article text, and every span lands on a sentence of its article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.devgold.articles import write_articles
from bench.devgold.score import GOLD_DIR, gold_articles, gold_ids, reversed_within_sentences
from tests.fixtures.shared_data import SHARED, shared_file

GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml"))


def _entries(article: dict[str, Any]) -> list[dict[str, Any]]:
    return list(article.get("events", [])) + list(article.get("allow", []))


def test_there_is_gold_for_at_least_thirty_articles() -> None:
    assert len(gold_ids(GOLD_FILES)) >= 30


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_anchors_are_spans_never_copied_text(path: Path) -> None:
    """The articles' licences keep their text out of the repository: anchors are offsets."""
    for article in yaml.safe_load(path.read_text(encoding="utf-8")):
        for entry in _entries(article):
            assert "anchors" not in entry, f"{article['article_id']}: text anchors in {path.name}"
            assert entry["spans"], f"{article['article_id']}: an entry without spans in {path.name}"
            assert all(0 <= start < end for start, end in entry["spans"])


def test_every_span_is_inside_its_article_and_sized_like_an_anchor(tmp_path: Path) -> None:
    shared_file("eval-data/polnear/train")
    shared_file("eval-data/ecbplus-subset/ECB+")
    write_articles(tmp_path, SHARED)
    bodies = {
        json.loads(line)["id"]: json.loads(line)["body"]
        for line in gold_articles(tmp_path, gold_ids(GOLD_FILES))
    }
    for path in GOLD_FILES:
        for article in yaml.safe_load(path.read_text(encoding="utf-8")):
            body = bodies[article["article_id"]]
            for entry in _entries(article):
                for start, end in entry["spans"]:
                    assert end <= len(body), f"{article['article_id']}: span {start}-{end} past the body"
                    assert 8 <= end - start <= 80, (
                        f"{article['article_id']}: span {start}-{end} is not anchor-sized"
                    )


def test_the_pairing_check_reverses_only_the_events_of_one_sentence() -> None:
    def event(article: str, start: int, name: str) -> dict[str, Any]:
        return {"article_id": article, "evidence": {"start": start}, "name": name}

    events = [
        event("a", 0, "1"),
        event("a", 0, "2"),
        event("a", 50, "3"),
        event("b", 0, "4"),
        event("b", 0, "5"),
    ]
    assert [e["name"] for e in reversed_within_sentences(events)] == ["2", "1", "3", "5", "4"]
