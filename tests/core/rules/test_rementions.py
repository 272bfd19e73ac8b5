"""A definite mention of an event already reported is that event again, not a second one."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.extractor import Extractor
from tests.fixtures.extraction import events_of


def _agreements(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    return events_of(extractor, body, "agreement", published_at="2026-01-07")


def test_the_deal_told_again_is_published_once(extractor: Extractor) -> None:
    body = (
        "Zenco signed a supply deal with Valtron Systems on Monday.\n\n"
        "In the end the deal with Valtron Systems did go through, and Zenco will sell new models from 2031."
    )
    (deal,) = _agreements(extractor, body)
    assert deal["date"]["value"] == "2026-01-05"


@pytest.mark.parametrize(
    "second",
    [
        "Zenco also signed a deal with Valtron Systems in Lima.",  # indefinite: another deal
        "In 2019 Zenco had signed the first deal with Valtron Systems in Oslo.",  # its own date and place
        "The deal between Norvik Oil and Valtron Systems was signed in Oslo.",  # other parties
    ],
)
def test_a_mention_with_news_of_its_own_is_kept(extractor: Extractor, second: str) -> None:
    body = f"Zenco signed a supply deal with Valtron Systems on Monday.\n\n{second}"
    assert len(_agreements(extractor, body)) == 2
