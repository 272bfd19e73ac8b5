"""The compose file and Dockerfile refer only to settings and commands that exist."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import yaml

from streams.config import Settings, env_name

REPO = Path(__file__).resolve().parent.parent
KNOWN = {env_name(f.name) for f in fields(Settings)}


def test_compose_services_and_settings() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    assert {"kafka", "topics", "worker"} <= set(compose["services"])
    assert compose["services"]["topics"]["command"] == ["topics", "create"]
    assert compose["services"]["worker"]["command"] == ["worker"]
    for name in compose["services"]["worker"]["environment"]:
        assert name in KNOWN, f"{name} is not a setting"
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:")
    # docker stops with SIGKILL after the grace period; the worker's own deadline must come first
    grace = compose["services"]["worker"]["stop_grace_period"]
    assert grace.endswith("s") and float(grace[:-1]) > Settings().shutdown_timeout


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text()
    documented = set(re.findall(r"`(NEWSEVENTS_[A-Z_]+)`", readme))
    assert documented >= KNOWN, f"undocumented: {sorted(KNOWN - documented)}"
    for name in re.findall(r"NEWSEVENTS_[A-Z_]+", (REPO / "Dockerfile").read_text()):
        assert name in KNOWN
