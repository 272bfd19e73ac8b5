"""``Settings``: the sections together, read from the flat ``NEWSEVENTS_*`` environment.

pydantic-settings' own environment source would want nested names (``NEWSEVENTS_BATCHING__SIZE``);
operators and ``deploy/`` use flat ones, so ``FlatEnvSource`` maps each variable to its section by
the field's ``validation_alias``. Errors come out as ``ConfigError`` naming the variable, the value
and what is allowed, because that is what a person starting a worker has to fix.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from streams.config.sections import (
    BatchingSettings,
    KafkaSettings,
    LogLevel,
    MetricsSettings,
    StateSettings,
    StorySettings,
    TopicSettings,
)

PREFIX = "NEWSEVENTS_"


#: Names of the story stage's Faust tables; Faust names their changelog topics
#: ``<app id>-<table>-changelog``.
STORY_ROUTES_TABLE = "story-routes"
STORY_BLOCKS_TABLE = "story-blocks"


@dataclass(frozen=True)
class StoryTopics:
    """Where the story stage publishes, repartitions and keeps its tables (docs/stories.md)."""

    stories: str  # events.story: the output
    mentions: str  # events re-keyed by block (the repartition topic)
    routes_changelog: str  # table event id -> block
    blocks_changelog: str  # table block -> its stories

    @property
    def all(self) -> list[str]:
        return [self.stories, self.mentions, self.routes_changelog, self.blocks_changelog]


class ConfigError(ValueError):
    """A setting has a value that cannot be used; the message names the variable."""


#: The environment ``FlatEnvSource`` reads; ``load_settings`` sets it for one call.
_ENVIRON: ContextVar[Mapping[str, str] | None] = ContextVar("newsevents_environ", default=None)


class Settings(BaseSettings):
    """All worker settings; frozen, built once at start-up and passed down.

    ``Settings()`` reads ``os.environ`` as pydantic-settings does; ``load_settings`` reads a given
    mapping and turns validation errors into ``ConfigError``; ``Settings.from_flat`` reads nothing.
    """

    model_config = SettingsConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    app_id: str = Field(
        default="newsevents",
        min_length=1,
        validation_alias="NEWSEVENTS_APP_ID",
        description="Faust application id; also the consumer group id. Workers with the same id share "
        "the work.",
    )
    data_dir: str = Field(
        default=".newsevents-data",
        validation_alias="NEWSEVENTS_DATA_DIR",
        description="Directory for the worker's local state.",
    )
    ce_source: str = Field(
        default="urn:newsevents:extractor",
        validation_alias="NEWSEVENTS_CE_SOURCE",
        description="CloudEvents `ce_source` header of published events.",
    )
    log_level: LogLevel = Field(
        default="info", validation_alias="NEWSEVENTS_LOG_LEVEL", description="Log level of the worker."
    )
    kafka: KafkaSettings = KafkaSettings()
    topics: TopicSettings = TopicSettings()
    batching: BatchingSettings = BatchingSettings()
    state: StateSettings = StateSettings()
    stories: StorySettings = StorySettings()
    metrics: MetricsSettings = MetricsSettings()

    @property
    def story_topics(self) -> StoryTopics:
        """The story stage's topics: its output and the three it keeps its work and state in."""
        return StoryTopics(
            stories=self.stories.topic,
            mentions=f"{self.app_id}-story-mentions",
            routes_changelog=f"{self.app_id}-{STORY_ROUTES_TABLE}-changelog",
            blocks_changelog=f"{self.app_id}-{STORY_BLOCKS_TABLE}-changelog",
        )

    @property
    def all_topics(self) -> list[str]:
        """Every topic the worker reads or writes, the story stage's when it runs."""
        extra = self.story_topics.all if self.stories.enabled else []
        return [*self.topics.all, *extra]

    @property
    def compacted_topics(self) -> list[str]:
        """Topics keyed by identity, where only the latest record per key matters."""
        story = self.story_topics
        if not self.stories.enabled:
            return list(self.topics.compacted)
        return [*self.topics.compacted, story.stories, story.routes_changelog, story.blocks_changelog]

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower_case(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, FlatEnvSource(settings_cls))

    @classmethod
    def from_flat(cls, **flat: Any) -> Settings:
        """Defaults plus ``flat`` (``batch_size=4``, ``input_topic="x"``); the environment is not read."""
        return load_settings({}, **flat)

    def replace(self, **flat: Any) -> Settings:
        """A copy with the settings named in ``flat`` changed, validated like the original."""
        return Settings.from_flat(**{**self.flat(), **flat})

    def flat(self) -> dict[str, Any]:
        """Flat name (``batch_size``) -> value, for every setting; the password stays a ``SecretStr``."""
        values: dict[str, Any] = {}
        for f in setting_fields():
            owner = self if f.section is None else getattr(self, f.section)
            values[f.flat] = getattr(owner, f.name)
        return values


@dataclass(frozen=True)
class SettingField:
    """One setting as the outside sees it: its variable, where it lives, and its pydantic field."""

    env: str  # NEWSEVENTS_BATCH_SIZE
    section: str | None  # "batching"; None for the application-level settings
    name: str  # "size"
    info: FieldInfo

    @property
    def flat(self) -> str:
        """The name ``load_settings`` and ``Settings.from_flat`` take: ``batch_size``."""
        return self.env.removeprefix(PREFIX).lower()


def setting_fields() -> Iterator[SettingField]:
    """Every setting, in declaration order: application settings first, then each section."""
    for name, info in Settings.model_fields.items():
        section = info.annotation
        if isinstance(section, type) and issubclass(section, BaseModel):
            for sub_name, sub_info in section.model_fields.items():
                yield SettingField(_alias(sub_info), name, sub_name, sub_info)
        else:
            yield SettingField(_alias(info), None, name, info)


def _alias(info: FieldInfo) -> str:
    assert isinstance(info.validation_alias, str), "every setting names its variable"
    return info.validation_alias


def env_name(flat: str) -> str:
    """``batch_size`` -> ``NEWSEVENTS_BATCH_SIZE``."""
    return f"{PREFIX}{flat.upper()}"


class FlatEnvSource(PydanticBaseSettingsSource):
    """Reads ``NEWSEVENTS_*`` into the nested shape; an empty variable counts as unset."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        raise NotImplementedError  # __call__ reads every field at once

    def __call__(self) -> dict[str, Any]:
        environ = _ENVIRON.get()
        return nest(os.environ if environ is None else environ)


def nest(flat_env: Mapping[str, Any]) -> dict[str, Any]:
    """``{"NEWSEVENTS_BATCH_SIZE": "4"}`` -> ``{"batching": {"NEWSEVENTS_BATCH_SIZE": "4"}}``."""
    values: dict[str, Any] = {}
    for f in setting_fields():
        raw = flat_env.get(f.env)
        if raw is None or raw == "":
            continue
        if f.section is None:
            values[f.env] = raw
        else:
            values.setdefault(f.section, {})[f.env] = raw
    return values


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from ``environ`` (default ``os.environ``), then ``overrides`` by flat name (CLI flags);
    a None override is ignored."""
    known = {f.flat: f.env for f in setting_fields()}
    unknown = set(overrides) - set(known)
    if unknown:
        raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    from_flags = nest({known[k]: v for k, v in overrides.items() if v is not None})
    token = _ENVIRON.set(os.environ if environ is None else environ)
    try:
        return Settings(**from_flags)
    except ValidationError as exc:
        raise ConfigError(describe(exc)) from None
    finally:
        _ENVIRON.reset(token)


def describe(exc: ValidationError) -> str:
    """One line per problem: the variable, the value given, and what is allowed."""
    by_place = {(f.section, f.name): f.env for f in setting_fields()}
    problems = []
    for error in exc.errors():
        message = MESSAGES.get(error["type"]) or (
            str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
        )
        *section, name = [str(part) for part in error["loc"]] or [""]
        variable = name if name.startswith(PREFIX) else by_place.get((section[0] if section else None, name))
        if variable is None:  # a check across fields: its message names the variables
            problems.append(message)
        else:
            problems.append(f"{variable}={_shown(variable, error['input'])}: {_lower_first(message)}")
    return "; ".join(problems)


#: pydantic's wording where it does not say what is allowed.
MESSAGES = {"bool_parsing": "should be true or false (also 1/0, yes/no, on/off)"}


def _shown(variable: str, value: Any) -> str:
    return "(hidden)" if variable == "NEWSEVENTS_SASL_PASSWORD" else repr(value)


def _lower_first(message: str) -> str:
    return message[:1].lower() + message[1:]


def settings_env(settings: Settings) -> dict[str, str]:
    """The ``NEWSEVENTS_*`` variables that make ``load_settings`` rebuild ``settings`` in a child
    process, the password included."""
    env: dict[str, str] = {}
    for flat, value in settings.flat().items():
        if isinstance(value, SecretStr):
            text = value.get_secret_value()
        elif isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = str(value)
        env[env_name(flat)] = text
    return env
