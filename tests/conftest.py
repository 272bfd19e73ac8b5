"""Shared fixtures: the spaCy-backed extractor (loaded once per session) and shared data paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(load_model())


def shared_file(relative: str) -> Path:
    """A file from ../shared/, or a skip that says clearly that it is missing."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is absent: this test needs the shared data beside the repository")
    return path
