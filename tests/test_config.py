from __future__ import annotations

import pytest

from streams.config import ConfigError, load_settings, settings_env


def test_defaults_and_environment() -> None:
    assert load_settings({}).bootstrap == "localhost:9092"
    s = load_settings(
        {
            "NEWSEVENTS_BOOTSTRAP": "k1:9092,k2:9092",
            "NEWSEVENTS_PARTITIONS": "12",
            "NEWSEVENTS_CREATE_TOPICS": "false",
        }
    )
    assert (s.bootstrap, s.partitions, s.create_topics) == ("k1:9092,k2:9092", 12, False)
    assert s.event_topics == {
        "meeting": "events.meeting",
        "agreement": "events.agreement",
        "statement": "events.statement",
    }


def test_flags_override_environment() -> None:
    assert load_settings({"NEWSEVENTS_BOOTSTRAP": "a:1"}, bootstrap="b:2").bootstrap == "b:2"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NEWSEVENTS_PARTITIONS", "many"),
        ("NEWSEVENTS_PARTITIONS", "0"),
        ("NEWSEVENTS_CREATE_TOPICS", "maybe"),
        ("NEWSEVENTS_AUTO_OFFSET_RESET", "middle"),
        ("NEWSEVENTS_FETCH_MAX_WAIT_MS", "0"),
        ("NEWSEVENTS_BATCH_TIMEOUT", "0"),
        ("NEWSEVENTS_BATCH_TIMEOUT", "nan"),
        ("NEWSEVENTS_SHUTDOWN_TIMEOUT", "inf"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})


def test_settings_env_rebuilds_the_same_settings() -> None:
    original = load_settings({}, bootstrap="k:1", partitions=3, create_topics=False, batch_timeout=0.25)
    assert load_settings(settings_env(original)) == original
