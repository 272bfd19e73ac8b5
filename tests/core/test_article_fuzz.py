"""Property tests of article validation: anything at all gives an article or an InvalidArticle
with a known reason; nothing else ever escapes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streams.core.article import REJECTION_REASONS, InvalidArticle, parse_article
from tests.fixtures.malformed import HAND_MADE, OVERSIZED, malformed_records


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_arbitrary_bytes_are_an_article_or_a_known_rejection(raw: bytes) -> None:
    try:
        parse_article(raw)
    except InvalidArticle as exc:
        assert exc.reason in REJECTION_REASONS


@settings(max_examples=600, deadline=None)
@given(malformed_records())
def test_malformed_records_are_always_rejected_with_a_reason(raw: bytes) -> None:
    try:
        parse_article(raw)
    except InvalidArticle as exc:
        assert exc.reason in REJECTION_REASONS
    else:
        raise AssertionError(f"accepted a malformed record: {raw[:80]!r}")


def test_every_hand_made_fault_is_rejected() -> None:
    reasons = set()
    for raw in HAND_MADE + OVERSIZED:
        try:
            parse_article(raw, 200_000 if raw in HAND_MADE else 1_048_576)
        except InvalidArticle as exc:
            reasons.add(exc.reason)
        else:
            raise AssertionError(f"accepted {raw[:60]!r}")
    assert reasons >= {"not_utf8", "not_json", "not_object", "missing_field", "wrong_type", "invalid_field"}
    assert {"body_too_large"} & reasons or {"record_too_large"} & reasons
