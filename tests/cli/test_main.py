"""The command line as a new user meets it: help, errors that say what to do, ``| head``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from streams.cli.main import _parser, main
from streams.resources import samples_path
from tests.fixtures.cli import run_into_closed_pipe


def test_extract_into_a_pipe_whose_reader_left_exits_0_quietly() -> None:
    result = run_into_closed_pipe("extract", str(samples_path()))
    assert result.returncode == 0, result.stderr
    assert "BrokenPipe" not in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_demo_into_a_pipe_whose_reader_left_exits_0_quietly_and_cleans_up(tmp_path: Path) -> None:
    """The demo's first line already fails to be written: it stops before starting anything."""
    result = run_into_closed_pipe("demo", env={**os.environ, "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert list(tmp_path.iterdir()) == []


def test_extract_piped_into_head_exits_0() -> None:
    """The user's own command line, through a shell: the pipeline's first status is extract's."""
    command = f'"{sys.executable}" -m streams.cli.main extract "{samples_path()}" | head -1; '
    command += 'exit "${PIPESTATUS[0]}"'
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=240, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_top_level_help_describes_the_tool_and_lists_each_command_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "meetings, agreements and statements" in out
    assert "dispatches" not in out and "Entry point" not in out  # not the module docstring
    for name in ("broker", "topics", "worker", "ingest", "tail", "extract", "replay", "demo"):
        assert sum(line.split()[:1] == [name] for line in out.splitlines()) == 1, name


def _subparser(name: str) -> argparse.ArgumentParser:
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    parser: argparse.ArgumentParser = commands.choices[name]
    return parser


@pytest.mark.parametrize("command", ["broker", "tail", "ingest", "extract", "replay", "demo"])
def test_every_option_has_a_description(command: str) -> None:
    parser = _subparser(command)
    undocumented = [a.dest for a in parser._actions if not a.help]
    assert undocumented == []


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("broker", ["(default: noida)", "(default: 127.0.0.1)", "(default: 9092)", "(default: .newsevents-"]),
        ("tail", ["(default: json)", "(default: new records only)", "(default: no limit)"]),
        ("replay", ["(default: earliest)", "(default: latest)"]),
    ],
)
def test_help_shows_the_defaults(command: str, shown: list[str]) -> None:
    text = _subparser(command).format_help()
    for default in shown:
        assert default in text


def test_worker_help_lists_the_settings() -> None:
    assert "NEWSEVENTS_BOOTSTRAP" in _subparser("worker").format_help()


def test_replay_bound_that_is_no_bound_is_an_argument_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--bootstrap", "127.0.0.1:1", "replay", "--from", "yesterday"])
    err = capsys.readouterr().err
    assert code == 2
    assert "configuration error" not in err
    assert "--from 'yesterday'" in err
    assert "earliest, latest, an ISO 8601" in err


def test_ingest_of_a_missing_file_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.jsonl"
    code = main(["--bootstrap", "127.0.0.1:1", "ingest", str(missing)])
    err = capsys.readouterr().err
    assert code != 0
    assert err == f"newsevents ingest: {missing}: no such file\n"


def test_extract_of_a_directory_says_it_is_a_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["extract", str(tmp_path)])
    err = capsys.readouterr().err
    assert code != 0
    assert f"{tmp_path} is a directory" in err and "no such file" not in err


def test_extract_bad_default_date_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", "--default-published-at", "tomorrow", str(samples_path())])
    err = capsys.readouterr().err
    assert code == 2
    assert "--default-published-at 'tomorrow'" in err and "ISO 8601" in err
