"""The compose file and Dockerfile refer only to settings and commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from streams.config import Settings, setting_fields

REPO = Path(__file__).resolve().parent.parent
KNOWN = {f.env for f in setting_fields()}


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
    assert grace.endswith("s") and float(grace[:-1]) > Settings.from_flat().batching.shutdown_timeout


def test_every_setting_is_documented_and_the_readme_points_there() -> None:
    reference = (REPO / "docs" / "configuration.md").read_text()
    documented = set(re.findall(r"`(NEWSEVENTS_[A-Z_]+)`", reference))
    assert documented >= KNOWN, f"undocumented: {sorted(KNOWN - documented)}"
    assert "docs/configuration.md" in (REPO / "README.md").read_text()
    for name in re.findall(r"NEWSEVENTS_[A-Z_]+", (REPO / "Dockerfile").read_text()):
        assert name in KNOWN
