"""The event types in Python and the published JSON Schema name the same fixed values."""

from __future__ import annotations

import json
from typing import Any, get_args

import pytest

from streams.core import model
from streams.resources import schema_path

SCHEMA = json.loads(schema_path("event.v1.json").read_text())
ACTOR = SCHEMA["properties"]["actors"]["items"]["properties"]
AMOUNT = SCHEMA["properties"]["amounts"]["items"]["properties"]
DATE = next(s for s in SCHEMA["properties"]["date"]["oneOf"] if s.get("type") == "object")["properties"]


@pytest.mark.parametrize(
    ("alias", "schema", "nullable"),
    [
        (model.EventType, SCHEMA["properties"]["type"], False),
        (model.Role, ACTOR["role"], False),
        (model.ActorKind, ACTOR["kind"], False),
        (model.DatePrecision, DATE["precision"], False),
        (model.DateBasis, SCHEMA["properties"]["date_basis"], True),
        (model.AmountBound, AMOUNT["bound"], True),
        (model.AmountScope, AMOUNT["scope"], False),
        (model.EventStatus, SCHEMA["properties"]["status"], True),
        (model.SpeakerResolution, SCHEMA["properties"]["speaker_resolution"], False),
    ],
)
def test_each_literal_is_the_schema_enum(alias: Any, schema: dict[str, Any], nullable: bool) -> None:
    expected = [*get_args(alias), *([None] if nullable else [])]
    assert schema["enum"] == expected
