"""The configuration reference, generated from the settings' own declarations.

``python -m streams.config.docs > docs/configuration.md`` (or ``make docs-config``) writes the
Markdown table; ``worker_epilog`` is the same list as plain text for ``newsevents worker --help``.
Both read only ``setting_fields()``, so a setting's description is written once, in its ``Field``,
and ``tests/config/test_docs.py`` fails when the committed file is older than the declarations.
"""

from __future__ import annotations

import textwrap
import typing
from itertools import groupby

import annotated_types
from pydantic import BaseModel, SecretStr

from streams.config.settings import SettingField, Settings, setting_fields

REGENERATE = "make docs-config"

#: Heading per section (None: the application-level settings).
TITLES: dict[str | None, str] = {
    None: "Application",
    "kafka": "Kafka connection",
    "topics": "Topics",
    "batching": "Batching, publishing and shutdown",
    "state": "Retraction state",
    "stories": "Stories",
    "metrics": "Metrics",
}


KINDS: dict[object, str] = {int: "integer", float: "number", str: "text"}


def section_intro(section: str | None) -> str:
    if section is None:
        return "Who the worker is and what it logs."
    model = Settings.model_fields[section].annotation
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return (model.__doc__ or "").strip()


def allowed(field: SettingField) -> str:
    """What the setting accepts, in words: its type and limits."""
    annotation = field.info.annotation
    if typing.get_origin(annotation) is typing.Literal:
        return "one of " + ", ".join(f"`{v}`" for v in typing.get_args(annotation))
    if annotation is bool:
        return "`true` or `false`"
    if annotation is SecretStr:
        return "text (secret)"
    limits = []
    for meta in field.info.metadata:
        if isinstance(meta, annotated_types.Ge):
            limits.append(f"≥ {meta.ge}")
        elif isinstance(meta, annotated_types.Gt):
            limits.append(f"> {meta.gt}")
        elif isinstance(meta, annotated_types.Le):
            limits.append(f"≤ {meta.le}")
        elif isinstance(meta, annotated_types.MinLen):
            limits.append("not empty")
    kind = KINDS.get(annotation, str(annotation))
    return ", ".join([kind, *limits])


def default(field: SettingField) -> str:
    value = field.info.default
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format(value, "g")
    return str(value) if value != "" else ""


def _groups() -> list[tuple[str | None, list[SettingField]]]:
    return [(section, list(fields)) for section, fields in groupby(setting_fields(), lambda f: f.section)]


def markdown() -> str:
    """``docs/configuration.md``."""
    lines = [
        "# Configuration",
        "",
        "<!-- Generated from streams/config/ by `" + REGENERATE + "`; edit the descriptions there. -->",
        "",
        "`newsevents worker` and the commands that talk to Kafka (`topics`, `ingest`, `tail`, `replay`)",
        "read these environment variables; `.env.example` and `deploy/` set them. An empty variable",
        "counts as unset. A value outside what is allowed stops the command at start-up with exit",
        "status 2 and a message naming the variable, the value and what is allowed.",
        "`newsevents worker --help` prints the same list.",
    ]
    for section, fields in _groups():
        lines += ["", f"## {TITLES[section]}", "", section_intro(section), ""]
        lines += ["| Variable | Allowed | Default | Description |", "| --- | --- | --- | --- |"]
        for f in fields:
            shown = f"`{default(f)}`" if default(f) else "(empty)"
            description = (f.info.description or "").replace("|", "\\|")
            lines.append(f"| `{f.env}` | {allowed(f)} | {shown} | {description} |")
    return "\n".join(lines) + "\n"


def worker_epilog(width: int = 100) -> str:
    """The settings as plain text, for the end of ``newsevents worker --help``."""
    lines = ["settings (environment variables; docs/configuration.md has the same list):"]
    for section, fields in _groups():
        lines += ["", f"{TITLES[section]}:"]
        for f in fields:
            lines.append(f"  {f.env} (default: {default(f) or 'empty'}; {allowed(f).replace('`', '')})")
            lines += textwrap.wrap(
                (f.info.description or "").replace("`", ""),
                width,
                initial_indent="      ",
                subsequent_indent="      ",
            )
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(), end="")
