"""Worker settings, read from ``NEWSEVENTS_*`` environment variables with safe defaults.

One frozen object is built at start-up and passed down; nothing else reads the
environment, so the README's configuration table (generated from ``SETTINGS_DOC``)
is the whole truth about what can be configured.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from streams.core.article import DEFAULT_MAX_BODY_BYTES


class ConfigError(ValueError):
    """A setting has a value that cannot be used; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    bootstrap: str = "localhost:9092"
    app_id: str = "newsevents"
    input_topic: str = "articles.raw"
    dlq_topic: str = "articles.dlq"
    event_topic_prefix: str = "events."
    partitions: int = 4
    replication_factor: int = 1
    batch_size: int = 16
    batch_timeout: float = 0.01
    fetch_max_wait_ms: int = 100
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    metrics_host: str = "127.0.0.1"
    metrics_port: int = 9108
    data_dir: str = ".newsevents-data"
    auto_offset_reset: str = "earliest"
    session_timeout: float = 30.0
    heartbeat_interval: float = 3.0
    commit_interval: float = 2.0
    create_topics: bool = True
    ce_source: str = "urn:newsevents:extractor"
    log_level: str = "info"
    publish_retry_max: float = 30.0
    publish_timeout: float = 30.0
    shutdown_timeout: float = 30.0
    lag_interval: float = 15.0
    security_protocol: str = "PLAINTEXT"
    sasl_mechanism: str = "PLAIN"
    sasl_username: str = ""
    sasl_password: str = field(default="", repr=False)
    ssl_cafile: str = ""
    ssl_certfile: str = ""
    ssl_keyfile: str = ""
    ssl_check_hostname: bool = True
    state_topic: str = "newsevents.article-state"
    state_horizon_days: float = 90.0
    test_fail_marker: str = field(default="", repr=False)
    test_drop_types: str = field(default="", repr=False)

    @property
    def event_topics(self) -> dict[str, str]:
        """Event type -> topic name."""
        return {t: f"{self.event_topic_prefix}{t}" for t in ("meeting", "agreement", "statement")}

    @property
    def all_topics(self) -> list[str]:
        return [self.input_topic, self.dlq_topic, *self.event_topics.values(), self.state_topic]

    @property
    def compacted_topics(self) -> list[str]:
        """Topics keyed by identity, where only the latest record per key matters."""
        return [*self.event_topics.values(), self.state_topic]


SETTINGS_DOC: dict[str, str] = {
    "bootstrap": "Kafka bootstrap servers, comma-separated `host:port`.",
    "app_id": "Faust application id; also the consumer group id. Workers with the same id share the work.",
    "input_topic": "Topic the raw articles are read from.",
    "dlq_topic": "Dead-letter topic for invalid articles and failed extractions.",
    "event_topic_prefix": "Prefix of the event topics: `<prefix>meeting`, `<prefix>agreement`, ...",
    "partitions": "Partitions per created topic; the ceiling on parallel workers.",
    "replication_factor": "Replication factor for created topics (3 on a production cluster).",
    "batch_size": "Articles per extraction batch (`nlp.pipe` batch).",
    "batch_timeout": "Seconds to wait for a batch to fill before processing what has arrived. Each wait is "
    "idle time whenever fewer than a batch of articles is queued, so keep it short.",
    "fetch_max_wait_ms": "Longest a fetch waits at the broker for new records, ms. Kafka answers as soon "
    "as records arrive; brokers that do not (Tansu) add up to this much latency.",
    "max_body_bytes": "Largest body in UTF-8 bytes; larger ones are dead letters (`body_too_large`).",
    "metrics_host": "Address the Prometheus metrics endpoint binds to (`0.0.0.0` in containers).",
    "metrics_port": "Port of the Prometheus metrics endpoint (`/metrics`); 0 disables it.",
    "data_dir": "Directory for the worker's local state.",
    "auto_offset_reset": "Where a new consumer group starts: `earliest` or `latest`.",
    "session_timeout": "Consumer group session timeout, seconds.",
    "heartbeat_interval": "Consumer group heartbeat interval, seconds.",
    "commit_interval": "Seconds between offset commits.",
    "security_protocol": "`PLAINTEXT`, `SSL`, `SASL_PLAINTEXT` or `SASL_SSL`.",
    "sasl_mechanism": "`PLAIN`, `SCRAM-SHA-256` or `SCRAM-SHA-512` (with a `SASL_*` protocol).",
    "sasl_username": "SASL user name.",
    "sasl_password": "SASL password; never logged, never shown in settings or metrics.",
    "ssl_cafile": "PEM file of the CA that signed the brokers' certificates (default: the system's CAs).",
    "ssl_certfile": "PEM client certificate, for brokers that require mutual TLS.",
    "ssl_keyfile": "PEM private key of the client certificate.",
    "ssl_check_hostname": "Check that broker certificates match their host names (`true`/`false`).",
    "state_topic": "Compacted topic holding, per article, the events last published (for retractions).",
    "state_horizon_days": "Days an article's retraction state is kept after its last processing.",
    "test_drop_types": "Tests only: event types to leave out (simulates a changed extractor).",
    "shutdown_timeout": "Seconds a stopping worker may take to finish its batch and commit before it "
    "exits anyway (exit status 3; what was not committed is read again).",
    "publish_timeout": "Seconds to wait for the broker to acknowledge a batch before sending it again.",
    "lag_interval": "Seconds between measurements of `newsevents_consumer_lag`; 0 turns them off.",
    "create_topics": "Create missing topics at worker start (`true`/`false`).",
    "ce_source": "CloudEvents `ce_source` header of published events.",
    "log_level": "Log level: debug, info, warning, error.",
    "publish_retry_max": "Longest wait between retries when publishing fails, seconds (retries never stop).",
    "test_fail_marker": "Testing only: an article whose body contains this string raises during extraction.",
}


def env_name(name: str) -> str:
    return f"NEWSEVENTS_{name.upper()}"


def settings_env(settings: Settings) -> dict[str, str]:
    """The ``NEWSEVENTS_*`` variables that make ``load_settings`` rebuild ``settings`` in a child process."""
    return {env_name(f.name): str(getattr(settings, f.name)) for f in fields(Settings)}


def _convert(name: str, raw: str, default: object) -> object:
    try:
        if isinstance(default, bool):
            lowered = raw.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError:
        raise ConfigError(f"{env_name(name)}={raw!r} is not a valid {type(default).__name__}") from None
    return raw


def load_settings(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Settings from the environment, then ``overrides`` (from command-line flags)."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for f in fields(Settings):
        raw = environ.get(env_name(f.name))
        if raw is not None and raw != "":
            values[f.name] = _convert(f.name, raw, f.default)
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = Settings(**values)  # type: ignore[arg-type]
    _check(settings)
    return settings


def _check(s: Settings) -> None:
    if s.partitions < 1:
        raise ConfigError(f"NEWSEVENTS_PARTITIONS must be at least 1, got {s.partitions}")
    if s.batch_size < 1:
        raise ConfigError(f"NEWSEVENTS_BATCH_SIZE must be at least 1, got {s.batch_size}")
    if s.auto_offset_reset not in ("earliest", "latest"):
        raise ConfigError(
            f"NEWSEVENTS_AUTO_OFFSET_RESET must be earliest or latest, got {s.auto_offset_reset!r}"
        )
    if not 0 <= s.metrics_port <= 65535:
        raise ConfigError(f"NEWSEVENTS_METRICS_PORT out of range: {s.metrics_port}")
    if s.max_body_bytes < 1:
        raise ConfigError("NEWSEVENTS_MAX_BODY_BYTES must be positive")
    if not math.isfinite(s.shutdown_timeout) or s.shutdown_timeout <= 0:
        raise ConfigError(f"NEWSEVENTS_SHUTDOWN_TIMEOUT must be positive, got {s.shutdown_timeout}")
    if not math.isfinite(s.batch_timeout) or s.batch_timeout <= 0:  # Faust reads 0 as "no timeout"
        raise ConfigError(f"NEWSEVENTS_BATCH_TIMEOUT must be positive, got {s.batch_timeout}")
    if s.fetch_max_wait_ms < 1:
        raise ConfigError(f"NEWSEVENTS_FETCH_MAX_WAIT_MS must be positive, got {s.fetch_max_wait_ms}")
    _check_security(s)
    if s.state_horizon_days <= 0:
        raise ConfigError("NEWSEVENTS_STATE_HORIZON_DAYS must be positive")
    if s.lag_interval < 0:
        raise ConfigError("NEWSEVENTS_LAG_INTERVAL must be 0 (off) or positive")
    if not s.bootstrap.strip():
        raise ConfigError("NEWSEVENTS_BOOTSTRAP is empty")


SECURITY_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")


def _check_security(s: Settings) -> None:
    if s.security_protocol not in SECURITY_PROTOCOLS:
        raise ConfigError(
            f"NEWSEVENTS_SECURITY_PROTOCOL must be one of {', '.join(SECURITY_PROTOCOLS)}, "
            f"got {s.security_protocol!r}"
        )
    if s.security_protocol.startswith("SASL_"):
        if s.sasl_mechanism not in SASL_MECHANISMS:
            raise ConfigError(
                f"NEWSEVENTS_SASL_MECHANISM must be one of {', '.join(SASL_MECHANISMS)}, "
                f"got {s.sasl_mechanism!r}"
            )
        if not s.sasl_username or not s.sasl_password:
            raise ConfigError(
                f"{s.security_protocol} needs NEWSEVENTS_SASL_USERNAME and NEWSEVENTS_SASL_PASSWORD"
            )
    for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
        path = getattr(s, name)
        if path and not os.path.isfile(path):
            raise ConfigError(f"{env_name(name)}: no such file {path!r}")
    if bool(s.ssl_certfile) != bool(s.ssl_keyfile):
        raise ConfigError("NEWSEVENTS_SSL_CERTFILE and NEWSEVENTS_SSL_KEYFILE go together")
