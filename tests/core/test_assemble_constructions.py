"""Every construction issue 15 names, each in a made-up sentence: what an analyst signs off.

One table, so that a reader sees at a glance which wordings of a meeting or agreement the extractor
reports, with which parties, and which it must not report (hypothetical, habitual, negated). The
rules behind each row have their own tests under tests/core/rules/.
"""

from __future__ import annotations

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor

#: (sentence(s), event type, how many of that type, parties that must be among theirs)
CONSTRUCTIONS: list[tuple[str, str, int, set[str]]] = [
    # talks not called talks
    (
        "Talks between Norway and Chile on the fisheries budget broke down on Monday.",
        "meeting",
        1,
        {"Norway", "Chile"},
    ),
    (
        "Prime Minister Ana Ruiz had dinner with President Lars Dahl in Oslo.",
        "meeting",
        1,
        {"Ana Ruiz", "Lars Dahl"},
    ),
    ("Ana Ruiz sat down over lunch with Lars Dahl on Friday.", "meeting", 1, {"Ana Ruiz", "Lars Dahl"}),
    (
        "The finance ministers of Chile and Peru will convene in Lima next week.",
        "meeting",
        1,
        {"Chile", "Peru"},
    ),
    ("President Lars Dahl hosted a delegation from Chile on Tuesday.", "meeting", 1, {"Lars Dahl", "Chile"}),
    # agreements not called deals
    ("Chile and Peru approved a joint declaration on fishing.", "agreement", 1, {"Chile", "Peru"}),
    ("Acme signed a letter of intent with Widgetco.", "agreement", 1, {"Acme", "Widgetco"}),
    ("Chile and Peru signed a memorandum of understanding on trade.", "agreement", 1, {"Chile", "Peru"}),
    ("Acme won a 20-year supply contract with Widgetco.", "agreement", 1, {"Acme", "Widgetco"}),
    ("Chile and Peru came up with a common plan for the border.", "agreement", 1, {"Chile", "Peru"}),
    # several events in a sentence; a meeting and an agreement in one sentence
    (
        "Ana Ruiz met Lars Dahl on Monday and Otto Berg met Lia Ek on Tuesday.",
        "meeting",
        2,
        {"Otto Berg", "Lia Ek"},
    ),
    (
        "Ana Ruiz met Lars Dahl in Oslo, where Chile and Peru signed a trade agreement.",
        "agreement",
        1,
        {"Chile", "Peru"},
    ),
    # an agreement a speaker states as fact
    (
        "\u201cOur agreements with Norway and Iceland were signed last year,\u201d "
        "said Chilean President Ana Ruiz.",
        "agreement",
        1,
        {"Norway", "Iceland"},
    ),
    # hoped-for, habitual, doubted, applied-for and negated events are not reported
    ("The union hopes Acme will reopen the contract with Widgetco.", "agreement", 0, set()),
    ("Acme typically signs multi-year supply deals with Widgetco.", "agreement", 0, set()),
    ("Analysts doubt a deal between Acme and Widgetco is possible.", "agreement", 0, set()),
    ("Chile had applied to host the summit of Peru and Bolivia.", "meeting", 0, set()),
    ("Peru was not invited to the conference of Chile and Bolivia.", "meeting", 0, set()),
    # the place and the topic are not parties
    ("Chile and Peru signed a malaria agreement in Malta.", "agreement", 1, {"Chile", "Peru"}),
    # group phrases resolve to the parties named before
    (
        "The leaders of Chile, Peru and Bolivia met in Lima. "
        "The leaders of the three countries agreed to cut tariffs.",
        "agreement",
        1,
        {"Chile", "Peru", "Bolivia"},
    ),
    (
        "Ana Ruiz and Lars Dahl held talks in Oslo. Both sides agreed to meet again.",
        "agreement",
        1,
        {"Ana Ruiz", "Lars Dahl"},
    ),
    # venue and city
    ("Chile and Peru resumed talks held in Doha on Monday.", "meeting", 1, {"Chile", "Peru"}),
]


@pytest.mark.parametrize(
    ("body", "kind", "count", "parties"), CONSTRUCTIONS, ids=[c[0][:50] for c in CONSTRUCTIONS]
)
def test_construction(extractor: Extractor, body: str, kind: str, count: int, parties: set[str]) -> None:
    result = extractor.extract_one(Article(id="construction", body=body, published_at="2025-10-29"))
    assert result.error is None, result.error
    events = [e.to_dict() for e in result.events if e.type == kind]
    assert len(events) == count, [e["evidence"]["sentence"] for e in events]
    names = {a["name"] for e in events for a in e["actors"]}
    assert parties <= names, sorted(names)
