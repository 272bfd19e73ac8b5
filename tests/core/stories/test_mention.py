"""mention: frames, blocks and the records the stage refuses."""

from __future__ import annotations

import pytest

from streams.core.stories.mention import InvalidEventRecord, mention_from_record
from tests.core.stories.records import actor, event, meeting, statement


@pytest.mark.parametrize(
    ("lemma", "frame"),
    [
        ("buy", "acquisition"),
        ("acquire", "acquisition"),
        ("sign", "signing"),
        ("agree", "consent"),
        ("deal", "document"),
        (None, "document"),
    ],
)
def test_an_agreement_frame_comes_from_its_trigger(lemma: str | None, frame: str) -> None:
    assert mention_from_record(event("e1", trigger_lemma=lemma)).frame == frame


def test_statements_are_blocked_by_speaker_and_the_rest_by_type_and_frame() -> None:
    assert mention_from_record(statement("s1", "Marta Kilroy", "We are ready.")).block == "statement:kilroy"
    assert mention_from_record(statement("s2", "Kilroy", "We are ready.")).block == "statement:kilroy"
    assert mention_from_record(meeting("m1", "Ana Ruiz", "Ben Okafor")).block == "meeting:meeting"
    assert mention_from_record(event("a1", trigger_lemma="sign")).block == "agreement:signing"


def test_publication_time_else_recording_time() -> None:
    record = event("e1", published_at=None)
    assert mention_from_record(record).seen is None
    record["recorded_at"] = "2026-03-04T10:00:00Z"
    seen = mention_from_record(record).seen
    assert seen is not None and seen.day == 4


@pytest.mark.parametrize("missing", ["event_id", "type", "article_id", "actors", "evidence"])
def test_a_record_without_a_needed_field_is_refused(missing: str) -> None:
    record = event("e1")
    del record[missing]
    with pytest.raises(InvalidEventRecord):
        mention_from_record(record)


def test_an_unknown_type_or_a_malformed_actor_is_refused() -> None:
    with pytest.raises(InvalidEventRecord):
        mention_from_record(event("e1", "protest"))
    with pytest.raises(InvalidEventRecord):
        mention_from_record(event("e1", actors=[{"kind": "person"}]))
    assert mention_from_record(event("e1", actors=[actor("Acme")])).actors[0].name == "Acme"
