from __future__ import annotations

import json

import pytest

from streams.core.article import InvalidArticle, parse_article


def _raw(obj: object) -> bytes:
    return json.dumps(obj).encode()


def test_valid_article() -> None:
    article = parse_article(_raw({"id": "a1", "body": "Text.", "published_at": "2025-10-29T08:00:00+09:00"}))
    assert article.id == "a1"
    assert str(article.published_date) == "2025-10-28"  # converted to UTC first


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\xff\xfe not utf-8", "not_utf8"),
        (b"{not json", "not_json"),
        (b"[1, 2, 3]", "not_object"),
        (b'"a string"', "not_object"),
        (_raw({"body": "no id"}), "missing_field"),
        (_raw({"id": "x"}), "missing_field"),
        (_raw({"id": 5, "body": "x"}), "wrong_type"),
        (_raw({"id": "x", "body": ["x"]}), "wrong_type"),
        (_raw({"id": "x", "body": "   "}), "invalid_field"),
        (_raw({"id": "x", "body": "x", "published_at": "last tuesday"}), "invalid_field"),
        (b'{"id": "x", "body": "\\ud800"}', "invalid_field"),
        (b"[" * 100_000 + b"]" * 100_000, "not_json"),
        (None, "not_json"),
    ],
)
def test_rejections(raw: bytes | None, reason: str) -> None:
    with pytest.raises(InvalidArticle) as caught:
        parse_article(raw)
    assert caught.value.reason == reason
    assert caught.value.detail


def test_size_limits() -> None:
    body = "x" * 2000
    with pytest.raises(InvalidArticle) as caught:
        parse_article(_raw({"id": "x", "body": body}), max_body_bytes=1000)
    assert caught.value.reason == "body_too_large"
    with pytest.raises(InvalidArticle) as caught:
        parse_article(b" " * 200_000, max_body_bytes=1000)
    assert caught.value.reason == "record_too_large"
