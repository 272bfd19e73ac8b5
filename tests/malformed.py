"""Malformed article records: hand-made cases and hypothesis strategies, shared by the unit and
integration tests. Every record here must be rejected (dead-lettered), never crash anything."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

VALID = {"id": "a1", "body": "Ministers met in Oslo on Monday.", "published_at": "2025-10-28"}


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


#: Hand-made malformed records, one per kind of fault.
HAND_MADE: list[bytes] = [
    b"\xff\xfe not utf-8",
    b"\xc3\x28",
    b"",
    b"{",
    b'{"id": "x", "body": "unterminated}',
    b"null",
    b"42",
    b'"just a string"',
    b"[1, 2, 3]",
    b"true",
    _json({"body": "no id"}),
    _json({"id": "no-body"}),
    _json({"id": 7, "body": "id is a number"}),
    _json({"id": "x", "body": ["not", "a", "string"]}),
    _json({"id": "x", "body": ""}),
    _json({"id": "x", "body": "   \n\t  "}),
    _json({"id": "", "body": "empty id"}),
    _json({"id": "x", "body": "bad date", "published_at": "yesterday"}),
    _json({"id": "x", "body": "date as number", "published_at": 20251028}),
    _json({"id": "x", "body": "x" * 300_000}),  # over a 200 KB body limit (the integration test sets it)
    b"[" * 100_000 + b"]" * 100_000,  # nested too deeply
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b'{"id": "x", "body": "lone surrogate \\ud800 here"}',
    b'{"id": "x", "body": "NaN is not JSON", "published_at": NaN}',
]
#: Over the default 1 MiB body limit; Kafka's default message.max.bytes (1 MB) refuses the second
#: at produce time, so only unit tests can hand it to the parser.
OVERSIZED: list[bytes] = [
    _json({"id": "x", "body": "x" * (1_048_576 + 10)}),
    _json({"id": "x", "body": "x" * (10 * 1_048_576)}),  # a 10 MB body
]

_json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
_json_values = st.recursive(
    _json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)
#: Values of the wrong type for a required string field.
_not_a_string = st.none() | st.booleans() | st.integers() | st.lists(st.integers(), max_size=3)


def _broken_object(draw: st.DrawFn) -> bytes:
    article: dict[str, Any] = dict(VALID)
    fault = draw(st.sampled_from(["drop_id", "drop_body", "id_type", "body_type", "blank_body", "date"]))
    if fault == "drop_id":
        del article["id"]
    elif fault == "drop_body":
        del article["body"]
    elif fault == "id_type":
        article["id"] = draw(_not_a_string)
    elif fault == "body_type":
        article["body"] = draw(_not_a_string)
    elif fault == "blank_body":
        article["body"] = draw(st.text(alphabet=" \t\n\r", max_size=10))
    else:
        article["published_at"] = draw(st.text(alphabet="abcxyz!?", min_size=1, max_size=10))
    return _json(article)


@st.composite
def malformed_records(draw: st.DrawFn) -> bytes:
    """One record that is not a valid article, of a randomly chosen kind."""
    kind = draw(st.sampled_from(["bytes", "not_object", "broken_object", "truncated"]))
    if kind == "bytes":  # arbitrary bytes: almost never JSON, often not UTF-8
        raw = draw(st.binary(min_size=1, max_size=60))
        return raw if not raw.strip().startswith(b"{") else b"\xff" + raw
    if kind == "not_object":
        value = draw(_json_values.filter(lambda v: not isinstance(v, dict)))
        return _json(value)
    if kind == "broken_object":
        return _broken_object(draw)
    full = _json(VALID)
    cut = draw(st.integers(min_value=1, max_value=len(full) - 1))
    return full[:cut]
