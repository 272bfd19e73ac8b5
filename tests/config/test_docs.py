"""docs/configuration.md and ``worker --help`` are generated from the settings and kept current."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.cli.main import main
from streams.config import setting_fields
from streams.config.docs import REGENERATE, markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_the_committed_configuration_reference_is_current() -> None:
    assert DOCS.read_text() == markdown(), (
        f"docs/configuration.md differs from the settings' declarations: run `{REGENERATE}`"
    )


def test_the_reference_lists_every_setting_once_with_its_description() -> None:
    text = markdown()
    for f in setting_fields():
        assert text.count(f"| `{f.env}` |") == 1, f.env
        assert (f.info.description or "").split("`")[0] in text
    assert "NEWSEVENTS_TEST_" not in text


def test_worker_help_lists_every_setting(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["worker", "--help"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    for f in setting_fields():
        assert f"  {f.env} (default: " in shown, f.env
    assert "NEWSEVENTS_BATCH_SIZE (default: 16; integer, ≥ 1)" in shown
    assert "Articles per extraction batch" in shown
