"""What the soak sends: the repository's sample articles under unique ids, and malformed records.

Every valid article is one of the English samples (each gives events), so "every valid article has
its events" is a real check; every malformed record is keyed by a unique id, so its dead letter (which
keeps the original key) can be matched to it.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from streams.resources import samples_path

#: Records that are no valid article, one per kind of rejection the worker gives.
MALFORMED: tuple[bytes, ...] = (
    b"not json at all",
    b"\xff\xfe not utf-8",
    b"[1, 2, 3]",
    json.dumps({"body": "no id"}).encode(),
    json.dumps({"id": 7, "body": "an id of the wrong type"}).encode(),
    json.dumps({"id": "x", "body": ""}).encode(),
)


@dataclass(frozen=True)
class Record:
    key: str
    value: bytes
    valid: bool


def english_samples() -> list[dict[str, Any]]:
    """The sample articles the extractor reads (the Spanish one gives no events by design)."""
    samples = [json.loads(line) for line in samples_path().read_text().splitlines() if line.strip()]
    return [s for s in samples if s.get("language", "en").lower().startswith("en")]


def records(seed: int, malformed_share: float = 0.4) -> Iterator[Record]:
    """An endless mix of valid articles (unique ids) and malformed records (unique keys)."""
    rng = random.Random(seed)
    samples = english_samples()
    for n in itertools.count():
        if rng.random() < malformed_share:
            yield Record(f"chaos-bad-{n}", rng.choice(MALFORMED), valid=False)
        else:
            article = dict(rng.choice(samples))
            article["id"] = f"chaos-{n}-{article['id']}"
            yield Record(article["id"], json.dumps(article, ensure_ascii=False).encode(), valid=True)
