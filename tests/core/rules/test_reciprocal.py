"""The other side of a deal named in the next sentence by what it gives "in return"."""

from __future__ import annotations

import pytest

from streams.core.extractor import Extractor
from tests.fixtures.extraction import events_of


@pytest.mark.parametrize("opening", ["In return", "In exchange"])
def test_the_subject_of_in_return_is_the_other_side(extractor: Extractor, opening: str) -> None:
    body = (
        "Governor Tom Kasich agreed to drop his claim to the harbour. "
        f"{opening}, Senator Ann Cruz will back his budget in Oregon."
    )
    (deal,) = events_of(extractor, body, "agreement")
    assert {a["name"] for a in deal["actors"]} == {"Tom Kasich", "Ann Cruz"}


def test_a_sentence_after_the_next_adds_no_one(extractor: Extractor) -> None:
    body = (
        "Governor Tom Kasich agreed to drop his claim to the harbour. The polls closed early. "
        "In return, Senator Ann Cruz will back his budget in Oregon."
    )
    (deal,) = events_of(extractor, body, "agreement")
    assert {a["name"] for a in deal["actors"]} == {"Tom Kasich"}
