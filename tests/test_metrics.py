"""Articles skipped by design (not in English) are counted and said once, by the stream too."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence

import pytest
from prometheus_client import REGISTRY

from streams import metrics
from streams.app.processing import BatchProcessor
from streams.app.records import InputRecord, OutputRecord
from streams.config import Settings
from streams.core.extractor import Extractor


def _skipped(reason: str = "language") -> float:
    value = REGISTRY.get_sample_value("newsevents_articles_skipped_total", {"reason": reason})
    return value or 0.0


@pytest.fixture(autouse=True)
def nothing_reported_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "_skips_reported", set())


def test_the_counter_is_exported_before_any_skip() -> None:
    assert REGISTRY.get_sample_value("newsevents_articles_skipped_total", {"reason": "language"}) is not None


def test_each_language_is_said_once_and_every_article_counted(caplog: pytest.LogCaptureFixture) -> None:
    before = _skipped()
    with caplog.at_level(logging.INFO, logger="newsevents.worker"):
        metrics.article_skipped("a1", "language 'de' is not extracted")
        metrics.article_skipped("a2", "language 'de' is not extracted")
        metrics.article_skipped("a3", "language 'fr' is not extracted")
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 2
    assert infos[0].startswith("article 'a1' skipped: language 'de' is not extracted")
    assert 'newsevents_articles_skipped_total{reason="language"}' in infos[0]
    assert infos[1].startswith("article 'a3' skipped: language 'fr'")
    assert _skipped() == before + 3


class _Collect:
    def __init__(self) -> None:
        self.published: list[OutputRecord] = []

    async def publish(self, records: Sequence[OutputRecord]) -> None:
        self.published.extend(records)


def test_the_stream_counts_and_logs_articles_in_other_languages(
    extractor: Extractor, caplog: pytest.LogCaptureFixture
) -> None:
    body = "Die Ministerin sagte, man habe sich geeinigt."
    value = json.dumps({"id": "de1", "language": "de", "body": body}).encode()
    record = InputRecord("articles.raw", 0, 0, None, value, [], 1_761_700_000_000)
    before = _skipped()
    processor = BatchProcessor(Settings.from_flat(), extractor, _Collect())
    try:
        with caplog.at_level(logging.INFO, logger="newsevents.worker"):
            outputs = asyncio.run(processor.process([record]))
    finally:
        processor.close()
    assert [o for o in outputs if o.kind != "state"] == []
    assert _skipped() == before + 1
    assert any("article 'de1' skipped: language 'de'" in r.getMessage() for r in caplog.records)
