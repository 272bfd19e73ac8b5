"""The batch processor with an in-memory publisher (no broker: the mapping and the retry logic)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Sequence

from streams.app.article_state import ArticleStateStore
from streams.app.processing import BatchProcessor
from streams.app.records import InputRecord, OutputRecord
from streams.config import Settings
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.testing_hooks import failing_hook


class ListPublisher:
    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.published: list[OutputRecord] = []
        self.attempts = 0

    async def publish(self, records: Sequence[OutputRecord]) -> None:
        self.attempts += 1
        if self.attempts <= self.failures:
            raise ConnectionError("broker unavailable")
        self.published.extend(records)


def _record(offset: int, value: bytes | None) -> InputRecord:
    return InputRecord("articles.raw", 0, offset, None, value, [], 1_761_700_000_000)


GOOD = json.dumps({"id": "g1", "body": "“We signed the deal today,” Minister Ana Costa said."}).encode()
FAILING = json.dumps({"id": "f1", "body": "FAIL-ME “We will sign the deal,” Ana Costa said."}).encode()


def test_batch_maps_to_events_and_dead_letters(extractor: Extractor) -> None:
    publisher = ListPublisher()
    hooked = Extractor(load_model(), before_article=failing_hook("FAIL-ME"))
    processor = BatchProcessor(Settings.from_flat(publish_retry_max=0.01), hooked, publisher)
    outputs = asyncio.run(processor.process([_record(0, GOOD), _record(1, b"nope"), _record(2, FAILING)]))
    processor.close()
    assert outputs == publisher.published
    reasons = [o.reason for o in outputs if o.kind == "dead_letter"]
    assert reasons == ["not_json", "extraction_error"]
    assert {o.topic for o in outputs if o.kind != "dead_letter"} <= {"events.statement", "events.agreement"}
    assert any(o.kind == "statement" for o in outputs)


def test_publishing_is_retried_until_it_succeeds(extractor: Extractor) -> None:
    publisher = ListPublisher(failures=3)
    processor = BatchProcessor(Settings.from_flat(publish_retry_max=0.01), extractor, publisher)
    processor_task = processor.process([_record(0, GOOD)])
    asyncio.run(asyncio.wait_for(processor_task, timeout=30))
    processor.close()
    assert publisher.attempts == 4
    assert publisher.published


def _sample(name: str, labels: dict[str, str] | None = None) -> float:
    from prometheus_client import REGISTRY

    value = REGISTRY.get_sample_value(name, labels or {})
    return value or 0.0


def test_batch_size_latency_and_counters_are_recorded(extractor: Extractor) -> None:
    before = {
        "size": _sample("newsevents_batch_size_count"),
        "latency": _sample("newsevents_end_to_end_latency_seconds_count"),
        "articles": _sample("newsevents_articles_consumed_total"),
        "not_json": _sample("newsevents_dead_letters_total", {"reason": "not_json"}),
    }
    processor = BatchProcessor(Settings.from_flat(), extractor, ListPublisher())
    asyncio.run(processor.process([_record(0, GOOD), _record(1, b"nope")]))
    processor.close()
    assert _sample("newsevents_batch_size_count") == before["size"] + 1
    assert _sample("newsevents_end_to_end_latency_seconds_count") == before["latency"] + 2
    assert _sample("newsevents_articles_consumed_total") == before["articles"] + 2
    assert _sample("newsevents_dead_letters_total", {"reason": "not_json"}) == before["not_json"] + 1
    # the records are from 2025: their latency lands in the top (+Inf) bucket, never in a low one
    assert _sample("newsevents_end_to_end_latency_seconds_bucket", {"le": "600.0"}) < _sample(
        "newsevents_end_to_end_latency_seconds_count"
    )


class FlakyStateStore(ArticleStateStore):
    """Article state whose first reads fail, as while the broker is away."""

    def __init__(self, settings: Settings, failures: int) -> None:
        super().__init__(settings)
        self.failures = failures
        self.reads = 0

    def catch_up(self, partitions: Iterable[int]) -> None:
        self.reads += 1
        if self.reads <= self.failures:
            raise ConnectionError("broker unavailable")


def test_the_state_is_read_again_until_it_works_before_extracting(extractor: Extractor) -> None:
    settings = Settings.from_flat(publish_retry_max=0.01)
    state = FlakyStateStore(settings, failures=2)
    publisher = ListPublisher()
    processor = BatchProcessor(settings, extractor, publisher, state)
    outputs = asyncio.run(asyncio.wait_for(processor.process([_record(0, GOOD)]), timeout=30))
    processor.close()
    assert state.reads == 3
    assert [o.kind for o in outputs if o.kind == "state"] == ["state"]
    assert any(o.kind == "statement" for o in outputs)


def test_an_article_past_its_time_budget_is_a_dead_letter_with_its_reason() -> None:
    """A long article that runs past the budget is dead-lettered once (``extraction_timeout``),
    not left uncommitted to be read, and to time out, again; the rest of the batch goes on."""
    from bench.long_article import long_body

    long_article = json.dumps({"id": "long", "body": long_body(20_000)}).encode()
    timed = Extractor(load_model(), window_chars=2_000, time_budget=1e-6)
    publisher = ListPublisher()
    processor = BatchProcessor(Settings.from_flat(publish_retry_max=0.01), timed, publisher)
    outputs = asyncio.run(processor.process([_record(0, long_article), _record(1, GOOD)]))
    processor.close()
    (dead,) = [o for o in outputs if o.kind == "dead_letter"]
    assert dead.reason == "extraction_timeout" and dead.value == long_article
    assert b"time budget" in dict(dead.headers)["dlq_error"]
    assert any(o.kind == "statement" for o in outputs)
