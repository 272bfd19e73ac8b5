"""Settings: flat NEWSEVENTS_* variables into typed sections; bad values name the variable."""

from __future__ import annotations

import pytest

from streams.config import ConfigError, Settings, load_settings, setting_fields, settings_env


def test_defaults_and_environment() -> None:
    assert load_settings({}).kafka.bootstrap == "localhost:9092"
    s = load_settings(
        {
            "NEWSEVENTS_BOOTSTRAP": "k1:9092,k2:9092",
            "NEWSEVENTS_PARTITIONS": "12",
            "NEWSEVENTS_CREATE_TOPICS": "false",
            "NEWSEVENTS_BATCH_SIZE": "",  # empty counts as unset
            "NEWSEVENTS_LOG_LEVEL": "DEBUG",
        }
    )
    assert (s.kafka.bootstrap, s.topics.partitions, s.topics.create) == ("k1:9092,k2:9092", 12, False)
    assert (s.batching.size, s.log_level) == (16, "debug")
    assert s.topics.events == {
        "meeting": "events.meeting",
        "agreement": "events.agreement",
        "statement": "events.statement",
    }


def test_flags_override_environment() -> None:
    assert load_settings({"NEWSEVENTS_BOOTSTRAP": "a:1"}, bootstrap="b:2").kafka.bootstrap == "b:2"
    assert load_settings({"NEWSEVENTS_BOOTSTRAP": "a:1"}, bootstrap=None).kafka.bootstrap == "a:1"
    with pytest.raises(TypeError, match="bootstrap_servers"):
        load_settings({}, bootstrap_servers="b:2")


def test_an_explicit_environment_is_the_only_one_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_BATCH_SIZE", "7")
    assert load_settings({}).batching.size == 16
    assert Settings.from_flat().batching.size == 16
    assert load_settings().batching.size == 7
    assert Settings().batching.size == 7  # pydantic-settings' own entry reads os.environ


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("NEWSEVENTS_PARTITIONS", "many", "valid integer"),
        ("NEWSEVENTS_PARTITIONS", "0", "greater than or equal to 1"),
        ("NEWSEVENTS_CREATE_TOPICS", "maybe", "true or false"),
        ("NEWSEVENTS_AUTO_OFFSET_RESET", "middle", "'earliest' or 'latest'"),
        ("NEWSEVENTS_FETCH_MAX_WAIT_MS", "0", "greater than or equal to 1"),
        ("NEWSEVENTS_BATCH_TIMEOUT", "0", "greater than 0"),
        ("NEWSEVENTS_BATCH_TIMEOUT", "nan", "finite"),
        ("NEWSEVENTS_SHUTDOWN_TIMEOUT", "inf", "finite"),
        ("NEWSEVENTS_METRICS_PORT", "70000", "less than or equal to 65535"),
        ("NEWSEVENTS_LOG_LEVEL", "loud", "'debug', 'info', 'warning' or 'error'"),
        ("NEWSEVENTS_STATE_HORIZON_DAYS", "-1", "greater than 0"),
        ("NEWSEVENTS_LAG_INTERVAL", "-1", "greater than or equal to 0"),
        ("NEWSEVENTS_BOOTSTRAP", " ", "must not be empty"),
        ("NEWSEVENTS_GROUP_INSTANCE_ID", "pod 1", "should match pattern"),
        ("NEWSEVENTS_JOIN_TIMEOUT", "-1", "greater than or equal to 0"),
    ],
)
def test_bad_values_name_the_variable_the_value_and_what_is_allowed(
    name: str, value: str, allowed: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({name: value})
    message = str(caught.value)
    assert message.startswith(f"{name}={value!r}: ")
    assert allowed in message


def test_programmatic_values_are_checked_too() -> None:
    with pytest.raises(ConfigError, match="NEWSEVENTS_BATCH_SIZE=0"):
        Settings.from_flat(batch_size=0)
    with pytest.raises(ConfigError, match="NEWSEVENTS_PUBLISH_TIMEOUT"):
        Settings.from_flat().replace(publish_timeout=float("inf"))


def test_a_join_timeout_must_outlast_a_rebalance() -> None:
    with pytest.raises(ConfigError, match=r"NEWSEVENTS_JOIN_TIMEOUT \(60 s\) must be 0 or more than twice"):
        Settings.from_flat(join_timeout=60.0)  # the default session timeout is 30 s
    assert Settings.from_flat(join_timeout=0.0).kafka.join_timeout == 0.0


def test_an_instance_id_is_refused_with_dynamic_membership() -> None:
    with pytest.raises(ConfigError, match="cannot go with NEWSEVENTS_GROUP_MEMBERSHIP=dynamic"):
        load_settings({"NEWSEVENTS_GROUP_MEMBERSHIP": "dynamic", "NEWSEVENTS_GROUP_INSTANCE_ID": "pod-0"})
    assert load_settings({"NEWSEVENTS_GROUP_MEMBERSHIP": "dynamic"}).kafka.group_membership == "dynamic"


def test_settings_env_rebuilds_the_same_settings() -> None:
    original = load_settings(
        {},
        bootstrap="k:1",
        partitions=3,
        create_topics=False,
        batch_timeout=0.25,
        security_protocol="SASL_PLAINTEXT",
        sasl_username="u",
        sasl_password="the secret",
    )
    env = settings_env(original)
    assert env["NEWSEVENTS_SASL_PASSWORD"] == "the secret"
    assert set(env) == {f.env for f in setting_fields()}
    assert load_settings(env) == original
    assert load_settings(env) != original.replace(sasl_password="another")


def test_settings_are_frozen_and_the_password_never_shows() -> None:
    s = Settings.from_flat(security_protocol="SASL_SSL", sasl_username="u", sasl_password="hunter2")
    with pytest.raises(ValueError, match="frozen"):
        s.kafka.bootstrap = "elsewhere"
    with pytest.raises(ValueError, match="frozen"):
        s.app_id = "other"
    assert "hunter2" not in repr(s) and "hunter2" not in str(s)
    assert "hunter2" not in str(s.flat())
    with pytest.raises(ConfigError) as caught:
        load_settings({"NEWSEVENTS_SASL_PASSWORD": "hunter2", "NEWSEVENTS_BATCH_SIZE": "x"})
    assert "hunter2" not in str(caught.value)


def test_test_switches_are_not_settings() -> None:
    names = {f.env for f in setting_fields()}
    assert not {n for n in names if n.startswith("NEWSEVENTS_TEST_")}
    assert load_settings({"NEWSEVENTS_TEST_FAIL_MARKER": "x"}) == Settings.from_flat()


def test_every_setting_has_a_variable_and_a_description() -> None:
    fields = list(setting_fields())
    assert len({f.env for f in fields}) == len(fields) == 43
    for f in fields:
        assert f.env.startswith("NEWSEVENTS_") and f.info.description, f.env
