"""Worker settings, read from ``NEWSEVENTS_*`` environment variables with safe defaults.

One frozen ``Settings`` object is built at start-up and passed down; nothing else reads the
environment (test-only switches live in ``streams.testing_hooks``, outside the settings). Each
setting is declared once, in ``sections.py`` or ``settings.py``, with its type, limits, default and
description; ``docs/configuration.md`` and ``newsevents worker --help`` are generated from those
declarations (``python -m streams.config.docs``).
"""

from streams.config.sections import (
    BatchingSettings,
    KafkaSettings,
    MetricsSettings,
    StateSettings,
    TopicSettings,
)
from streams.config.settings import (
    ConfigError,
    SettingField,
    Settings,
    env_name,
    load_settings,
    setting_fields,
    settings_env,
)

__all__ = [
    "BatchingSettings",
    "ConfigError",
    "KafkaSettings",
    "MetricsSettings",
    "SettingField",
    "Settings",
    "StateSettings",
    "TopicSettings",
    "env_name",
    "load_settings",
    "setting_fields",
    "settings_env",
]
