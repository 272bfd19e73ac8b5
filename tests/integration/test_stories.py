"""The story stage on a real broker: outlets' copies of one event end in one story, a killed worker
loses no story state, and a replay gives the same story ids.

The articles are made up: three outlets report one acquisition, one quote (trimmed and
re-punctuated by each) and one meeting, under other titles and sources. One partition per topic,
so that the order in which mentions reach their block, and so the story ids, is fixed
(docs/stories.md says what changes with several).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
from kafka import KafkaAdminClient

from streams.app.topics import ensure_topics
from streams.app.worker import story_worker_settings
from streams.config import Settings
from streams.resources import schema_path
from tests.fixtures.broker import StoryWorkerProcess, WorkerProcess, consume_until, isolated_settings, produce

STORY_SCHEMA = json.loads(schema_path("story.v1.json").read_text())

WIRE = {
    "id": "wire-1",
    "source": "wire",
    "title": "Acme to buy Widgetco",
    "published_at": "2026-03-02T08:00:00Z",
    "body": "Acme Robotics agreed on Monday to buy Widgetco for $40 million.\n\n"
    "“This deal makes us the leader in warehouse robots,” Acme chief executive Dana Reyes said.\n\n"
    "Finance ministers Lena Ortiz and Paulo Mendes met in Madrid on Monday to discuss the budget.",
}
DAILY = {
    "id": "daily-7",
    "source": "daily",
    "title": "Widgetco sold to Acme",
    "published_at": "2026-03-02T11:30:00Z",
    "body": "Acme Robotics has agreed to buy Widgetco for $40 million.\n\n"
    "“This deal makes us the leader in warehouse robots”, said Dana Reyes, Acme's chief executive.",
}
BLOG = {
    "id": "blog-3",
    "source": "blog",
    "title": "Robots: a big week",
    "published_at": "2026-03-03T09:00:00Z",
    "body": "Acme Robotics agreed to buy Widgetco for $40 million on Monday.\n\n"
    "“This deal makes us the leader in warehouse robots” Reyes said.",
}


def _send(settings: Settings, *articles: dict[str, Any]) -> None:
    produce(
        settings.kafka.bootstrap,
        settings.topics.input,
        [(a["id"].encode(), json.dumps(a).encode(), []) for a in articles],
    )


def _live(records: list[Any]) -> dict[str, dict[str, Any]]:
    """The latest version of each story, without the tombstoned ones."""
    latest: dict[str, dict[str, Any] | None] = {}
    for r in records:
        latest[r.key.decode()] = json.loads(r.value) if r.value is not None else None
    return {k: v for k, v in latest.items() if v is not None}


def _story(stories: dict[str, dict[str, Any]], frame: str) -> dict[str, Any] | None:
    """The story of that frame; for statements, the one with a quote (Reyes's)."""
    return next(
        (s for s in stories.values() if s["frame"] == frame and (frame != "statement" or s["quote"])), None
    )


def _has(mentions: int) -> Callable[[list[Any]], bool]:
    """Done when the deal and the quote both have ``mentions`` mentions."""

    def done(records: list[Any]) -> bool:
        stories = _live(records)
        found = [_story(stories, frame) for frame in ("consent", "statement")]
        return all(s is not None and s["mention_count"] >= mentions for s in found)

    return done


def _settings(bootstrap: str, tmp_path: Path, name: str, **changes: Any) -> Settings:
    """One partition; the story stage inside the worker unless ``changes`` say otherwise."""
    values: dict[str, Any] = {"partitions": 1, "batch_size": 2, "stories": True, **changes}
    return isolated_settings(bootstrap, tmp_path / name, "stories", **values)


def test_outlets_copies_become_one_story_and_a_killed_worker_keeps_its_stories(
    bootstrap: str, tmp_path: Path, worker_factory: Callable[..., WorkerProcess]
) -> None:
    settings = _settings(bootstrap, tmp_path, "first")
    topic = [settings.stories.topic]
    worker = worker_factory(settings)
    _send(settings, WIRE, DAILY)
    first = consume_until(bootstrap, topic, _has(2), 180, worker)
    deal_id = _story(_live(first), "consent")["story_id"]  # type: ignore[index]
    quote_id = _story(_live(first), "statement")
    worker.kill()  # SIGKILL: no goodbye, no final commit

    again = worker_factory(settings)
    _send(settings, BLOG)
    records = consume_until(bootstrap, topic, _has(3), 180, again)
    stories = _live(records)
    deal = _story(stories, "consent")
    assert deal is not None and deal["story_id"] == deal_id  # the state came back: same story, one more
    assert (deal["mention_count"], deal["article_count"], deal["source_count"]) == (3, 3, 3)
    assert deal["sources"] == ["blog", "daily", "wire"]
    assert [a["name"] for a in deal["actors"]] == ["Acme Robotics", "Widgetco"]
    assert deal["amounts"][0]["value"] == 40_000_000
    assert (deal["first_seen"], deal["last_seen"]) == ("2026-03-02T08:00:00Z", "2026-03-03T09:00:00Z")
    quote = _story(stories, "statement")
    assert quote is not None and quote_id is not None and quote["story_id"] == quote_id["story_id"]
    assert quote["mention_count"] == 3  # trimmed and re-punctuated copies of one quote
    assert _story(stories, "meeting")["mention_count"] == 1  # type: ignore[index]
    for record in records:
        headers = dict(record.headers)
        assert headers["ce_subject"] == record.key
        assert headers["ce_type"] == b"org.newsevents.story.v1"
        if record.value is not None:
            story = json.loads(record.value)
            jsonschema.validate(story, STORY_SCHEMA)
            assert headers["ce_id"] == f"{story['story_id']}:{story['version']}".encode()


def test_a_replay_of_the_same_articles_gives_the_same_story_ids(
    bootstrap: str, tmp_path: Path, worker_factory: Callable[..., WorkerProcess]
) -> None:
    runs = []
    for name in ("run-1", "run-2"):
        settings = _settings(bootstrap, tmp_path, name)
        worker = worker_factory(settings)
        _send(settings, WIRE, DAILY, BLOG)
        records = consume_until(bootstrap, [settings.stories.topic], _has(3), 180, worker)
        worker.stop()
        runs.append({(s["frame"], s["mention_count"], s["story_id"]) for s in _live(records).values()})
    assert runs[0] == runs[1]
    assert len(runs[0]) >= 3  # the deal, the quote and the meeting at least


def test_the_story_stage_runs_apart_from_extraction_in_its_own_group(
    bootstrap: str, tmp_path: Path, worker_factory: Callable[..., WorkerProcess]
) -> None:
    """Extraction workers with NEWSEVENTS_STORIES=false, and ``newsevents stories`` beside them:
    the same stories as one worker doing both (the test above), from another consumer group."""
    settings = _settings(bootstrap, tmp_path, "apart", stories=False)
    ensure_topics(story_worker_settings(settings))  # what `newsevents stories` does first
    extraction = worker_factory(settings)
    stories = StoryWorkerProcess(settings, tmp_path / "stories.log").start()
    try:
        _send(settings, WIRE, DAILY, BLOG)
        records = consume_until(bootstrap, [settings.stories.topic], _has(3), 180, stories)
        deal = _story(_live(records), "consent")
        assert deal is not None and deal["sources"] == ["blog", "daily", "wire"]
        assert extraction.alive()
        groups = _groups(bootstrap)
        assert f"{settings.app_id}-stories" in groups and settings.app_id in groups
    finally:
        stories.stop()


def _groups(bootstrap: str) -> set[str]:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    try:
        return {g["group_id"] for g in admin.list_groups()}
    finally:
        admin.close()
