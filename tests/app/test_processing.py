"""The batch processor with an in-memory publisher (no broker: the mapping and the retry logic)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence

from streams.app.processing import BatchProcessor, failing_hook
from streams.app.records import InputRecord, OutputRecord
from streams.config import Settings
from streams.core.extractor import Extractor


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
    hooked = Extractor(before_article=failing_hook("FAIL-ME"))  # type: ignore[arg-type]
    processor = BatchProcessor(Settings(publish_retry_max=0.01), hooked, publisher)
    outputs = asyncio.run(processor.process([_record(0, GOOD), _record(1, b"nope"), _record(2, FAILING)]))
    processor.close()
    assert outputs == publisher.published
    reasons = [o.reason for o in outputs if o.kind == "dead_letter"]
    assert reasons == ["not_json", "extraction_error"]
    assert {o.topic for o in outputs if o.kind != "dead_letter"} <= {"events.statement", "events.agreement"}
    assert any(o.kind == "statement" for o in outputs)


def test_publishing_is_retried_until_it_succeeds(extractor: Extractor) -> None:
    publisher = ListPublisher(failures=3)
    processor = BatchProcessor(Settings(publish_retry_max=0.01), extractor, publisher)
    processor_task = processor.process([_record(0, GOOD)])
    asyncio.run(asyncio.wait_for(processor_task, timeout=30))
    processor.close()
    assert publisher.attempts == 4
    assert publisher.published
