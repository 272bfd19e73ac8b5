"""The sections of the worker settings: each setting's type, limits, default and description, once.

Every field's ``validation_alias`` is its environment variable, the name operators, ``deploy/`` and
``docker-compose.yml`` use; the flat names never changed when the settings were grouped, so a field
may be called differently in code (``settings.batching.size``) and outside (``NEWSEVENTS_BATCH_SIZE``).
The descriptions are the ones shown by ``newsevents worker --help`` and in ``docs/configuration.md``.
"""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from streams.core.article import DEFAULT_MAX_BODY_BYTES
from streams.core.failures import DEFAULT_TIME_BUDGET

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
OffsetReset = Literal["earliest", "latest"]
LogLevel = Literal["debug", "info", "warning", "error"]
GroupMembership = Literal["static", "dynamic"]

#: Event type -> the suffix of its topic after ``NEWSEVENTS_EVENT_TOPIC_PREFIX``.
EVENT_TYPES = ("meeting", "agreement", "statement")


class Section(BaseModel):
    """Frozen, no unknown keys, buildable by field name (code) or by variable name (environment)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class KafkaSettings(Section):
    """How to reach the brokers and behave in the consumer group."""

    bootstrap: str = Field(
        default="localhost:9092",
        min_length=1,
        validation_alias="NEWSEVENTS_BOOTSTRAP",
        description="Kafka bootstrap servers, comma-separated `host:port`.",
    )
    security_protocol: SecurityProtocol = Field(
        default="PLAINTEXT",
        validation_alias="NEWSEVENTS_SECURITY_PROTOCOL",
        description="How clients talk to the brokers: plain, TLS, SASL, or SASL over TLS.",
    )
    sasl_mechanism: SaslMechanism = Field(
        default="PLAIN",
        validation_alias="NEWSEVENTS_SASL_MECHANISM",
        description="SASL mechanism, used with a `SASL_*` protocol.",
    )
    sasl_username: str = Field(
        default="", validation_alias="NEWSEVENTS_SASL_USERNAME", description="SASL user name."
    )
    sasl_password: SecretStr = Field(
        default=SecretStr(""),
        validation_alias="NEWSEVENTS_SASL_PASSWORD",
        description="SASL password; never logged, never shown in settings or metrics.",
    )
    ssl_cafile: str = Field(
        default="",
        validation_alias="NEWSEVENTS_SSL_CAFILE",
        description="PEM file of the CA that signed the brokers' certificates (default: the system's CAs).",
    )
    ssl_certfile: str = Field(
        default="",
        validation_alias="NEWSEVENTS_SSL_CERTFILE",
        description="PEM client certificate, for brokers that require mutual TLS.",
    )
    ssl_keyfile: str = Field(
        default="",
        validation_alias="NEWSEVENTS_SSL_KEYFILE",
        description="PEM private key of the client certificate.",
    )
    ssl_check_hostname: bool = Field(
        default=True,
        validation_alias="NEWSEVENTS_SSL_CHECK_HOSTNAME",
        description="Check that broker certificates match their host names.",
    )
    session_timeout: float = Field(
        default=30.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_SESSION_TIMEOUT",
        description="Consumer group session timeout, seconds.",
    )
    heartbeat_interval: float = Field(
        default=3.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_HEARTBEAT_INTERVAL",
        description="Consumer group heartbeat interval, seconds.",
    )
    commit_interval: float = Field(
        default=2.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_COMMIT_INTERVAL",
        description="Seconds between offset commits.",
    )
    fetch_max_wait_ms: int = Field(
        default=100,
        ge=1,
        validation_alias="NEWSEVENTS_FETCH_MAX_WAIT_MS",
        description="Longest a fetch waits at the broker for new records, ms. Kafka answers as soon as "
        "records arrive; brokers that do not (Tansu) add up to this much latency.",
    )
    auto_offset_reset: OffsetReset = Field(
        default="earliest",
        validation_alias="NEWSEVENTS_AUTO_OFFSET_RESET",
        description="Where a new consumer group starts reading.",
    )
    group_instance_id: str = Field(
        default="",
        max_length=200,
        pattern=r"^[A-Za-z0-9._-]*$",
        validation_alias="NEWSEVENTS_GROUP_INSTANCE_ID",
        description="This worker's static member id in the consumer group (Kafka's `group.instance.id`). "
        "A worker that restarts with the same id replaces its killed predecessor at once instead of "
        "waiting for it to time out. Empty: `<host name>-<n>`, n the lowest number no other running "
        "worker of this group on the host holds. Must differ between workers: set it only with one "
        "worker per host (e.g. the pod name).",
    )
    group_membership: GroupMembership = Field(
        default="static",
        validation_alias="NEWSEVENTS_GROUP_MEMBERSHIP",
        description="`static`: the worker joins with a group instance id (below), so a restarted worker "
        "replaces its killed predecessor. `dynamic`: a new member at every start, a killed one dropped "
        "after its session timeout; for the embedded Tansu broker, whose group gets stuck when a static "
        "member is replaced (docs/reliability.md#the-embedded-brokers).",
    )
    leave_group_on_stop: bool = Field(
        default=True,
        validation_alias="NEWSEVENTS_LEAVE_GROUP_ON_STOP",
        description="Send LeaveGroup on a graceful stop, so the others take over at once. Turn off only "
        "for the embedded Tansu broker, whose group gets stuck when its leader leaves during a "
        "rebalance; a stopped worker is then dropped after its session timeout.",
    )
    join_timeout: float = Field(
        default=180.0,
        ge=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_JOIN_TIMEOUT",
        description="Longest a worker waits, while the broker answers, for the group to assign it its "
        "partitions (at start and after each rebalance) before it exits with status 4 so that its "
        "supervisor restarts it; it logs what it waits for every session timeout. 0 waits forever.",
    )

    @field_validator("bootstrap")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("ssl_cafile", "ssl_certfile", "ssl_keyfile")
    @classmethod
    def _file_exists(cls, path: str) -> str:
        # checked at start-up, so a typo fails with the variable's name instead of deep in a TLS handshake
        if path and not os.path.isfile(path):
            raise ValueError("no such file")
        return path

    @model_validator(mode="after")
    def _credentials_complete(self) -> KafkaSettings:
        if self.security_protocol.startswith("SASL_") and not (
            self.sasl_username and self.sasl_password.get_secret_value()
        ):
            raise ValueError(
                f"{self.security_protocol} needs NEWSEVENTS_SASL_USERNAME and NEWSEVENTS_SASL_PASSWORD"
            )
        if bool(self.ssl_certfile) != bool(self.ssl_keyfile):
            raise ValueError("NEWSEVENTS_SSL_CERTFILE and NEWSEVENTS_SSL_KEYFILE go together")
        if self.group_membership == "dynamic" and self.group_instance_id:
            raise ValueError(
                "NEWSEVENTS_GROUP_INSTANCE_ID makes a static member: it cannot go with "
                "NEWSEVENTS_GROUP_MEMBERSHIP=dynamic"
            )
        if 0 < self.join_timeout <= 2 * self.session_timeout:
            # a rebalance may wait a session timeout for a dead member, and a join as long again
            raise ValueError(
                f"NEWSEVENTS_JOIN_TIMEOUT ({self.join_timeout:g} s) must be 0 or more than twice "
                f"NEWSEVENTS_SESSION_TIMEOUT ({self.session_timeout:g} s)"
            )
        return self

    @property
    def uses_sasl(self) -> bool:
        return self.security_protocol.startswith("SASL_")

    @property
    def uses_tls(self) -> bool:
        return self.security_protocol in ("SSL", "SASL_SSL")


class TopicSettings(Section):
    """The topics read and written, and how the worker creates them."""

    input: str = Field(
        default="articles.raw",
        min_length=1,
        validation_alias="NEWSEVENTS_INPUT_TOPIC",
        description="Topic the raw articles are read from.",
    )
    dlq: str = Field(
        default="articles.dlq",
        min_length=1,
        validation_alias="NEWSEVENTS_DLQ_TOPIC",
        description="Dead-letter topic for invalid articles and failed extractions.",
    )
    event_prefix: str = Field(
        default="events.",
        validation_alias="NEWSEVENTS_EVENT_TOPIC_PREFIX",
        description="Prefix of the event topics: `<prefix>meeting`, `<prefix>agreement`, "
        "`<prefix>statement`.",
    )
    state: str = Field(
        default="newsevents.article-state",
        min_length=1,
        validation_alias="NEWSEVENTS_STATE_TOPIC",
        description="Compacted topic holding, per article, the events last published (for retractions).",
    )
    partitions: int = Field(
        default=4,
        ge=1,
        validation_alias="NEWSEVENTS_PARTITIONS",
        description="Partitions per created topic; the ceiling on parallel workers.",
    )
    replication_factor: int = Field(
        default=1,
        ge=1,
        validation_alias="NEWSEVENTS_REPLICATION_FACTOR",
        description="Replication factor for created topics (3 on a production cluster).",
    )
    create: bool = Field(
        default=True,
        validation_alias="NEWSEVENTS_CREATE_TOPICS",
        description="Create missing topics at worker start.",
    )

    @property
    def events(self) -> dict[str, str]:
        """Event type -> topic name."""
        return {t: f"{self.event_prefix}{t}" for t in EVENT_TYPES}

    @property
    def all(self) -> list[str]:
        return [self.input, self.dlq, *self.events.values(), self.state]

    @property
    def compacted(self) -> list[str]:
        """Topics keyed by identity, where only the latest record per key matters."""
        return [*self.events.values(), self.state]


class BatchingSettings(Section):
    """How articles are grouped for the model, and how long publishing and stopping may take."""

    size: int = Field(
        default=16,
        ge=1,
        validation_alias="NEWSEVENTS_BATCH_SIZE",
        description="Articles per extraction batch (`nlp.pipe` batch).",
    )
    timeout: float = Field(
        default=0.01,
        gt=0,  # Faust reads 0 as "no timeout"
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_BATCH_TIMEOUT",
        description="Seconds to wait for a batch to fill before processing what has arrived. Each wait is "
        "idle time whenever fewer than a batch of articles is queued, so keep it short.",
    )
    max_body_bytes: int = Field(
        default=DEFAULT_MAX_BODY_BYTES,
        ge=1,
        validation_alias="NEWSEVENTS_MAX_BODY_BYTES",
        description="Largest body in UTF-8 bytes; larger ones are dead letters (`body_too_large`).",
    )
    extraction_timeout: float = Field(
        default=DEFAULT_TIME_BUDGET,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_EXTRACTION_TIMEOUT",
        description="Seconds one article longer than a window (10,000 characters) may take to extract; "
        "past it the article is a dead letter (`extraction_timeout`) instead of holding its partition.",
    )
    publish_timeout: float = Field(
        default=30.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_PUBLISH_TIMEOUT",
        description="Seconds to wait for the broker to acknowledge a batch before sending it again.",
    )
    publish_retry_max: float = Field(
        default=30.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_PUBLISH_RETRY_MAX",
        description="Longest wait between retries when publishing fails, seconds (retries never stop).",
    )
    shutdown_timeout: float = Field(
        default=30.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_SHUTDOWN_TIMEOUT",
        description="Seconds a stopping worker may take to finish its batch and commit before it exits "
        "anyway (exit status 3; what was not committed is read again).",
    )


class StateSettings(Section):
    """The per-article record of published events, which retractions are computed from."""

    horizon_days: float = Field(
        default=90.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_STATE_HORIZON_DAYS",
        description="Days an article's retraction state is kept after its last processing.",
    )


class StorySettings(Section):
    """The story stage: one story per real-world event across articles (docs/stories.md)."""

    enabled: bool = Field(
        default=False,
        validation_alias="NEWSEVENTS_STORIES",
        description="Run the story stage inside this extraction worker too (read the event topics, publish "
        "stories). Off by default: `newsevents stories` runs it as its own worker, so that story state "
        "never holds extraction up.",
    )
    topic: str = Field(
        default="events.story",
        min_length=1,
        validation_alias="NEWSEVENTS_STORY_TOPIC",
        description="Compacted topic of stories (key = story id; a tombstone deletes a story).",
    )
    horizon_days: float = Field(
        default=10.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_STORY_HORIZON_DAYS",
        description="Days a story stays in the worker's state after its last mention; a mention that "
        "comes later opens a new story. Matching joins mentions published within 7 days of a story, so "
        "more than 7 rarely changes a story; a block's state is one table row, so less keeps rows small.",
    )


class MetricsSettings(Section):
    """The Prometheus endpoint."""

    host: str = Field(
        default="127.0.0.1",
        validation_alias="NEWSEVENTS_METRICS_HOST",
        description="Address the Prometheus metrics endpoint binds to (`0.0.0.0` in containers).",
    )
    port: int = Field(
        default=9108,
        ge=0,
        le=65535,
        validation_alias="NEWSEVENTS_METRICS_PORT",
        description="Port of the worker's HTTP endpoint: Prometheus metrics (`/metrics`) and the health "
        "probes (`/livez`, `/readyz`); 0 disables it.",
    )
    lag_interval: float = Field(
        default=15.0,
        ge=0,
        allow_inf_nan=False,
        validation_alias="NEWSEVENTS_LAG_INTERVAL",
        description="Seconds between measurements of `newsevents_consumer_lag`; 0 turns them off.",
    )
