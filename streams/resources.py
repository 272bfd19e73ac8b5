"""Locate files shipped beside the package (JSON schemas, bundled sample articles).

In a source checkout or an editable install they live at the repository top level
(``schemas/``, ``samples/``); a built wheel carries them inside the package as
``streams/_schemas`` and ``streams/_samples``. Looking in both places keeps one copy
of each file in the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(installed: str, checkout: str) -> Path:
    for candidate in (_PACKAGE_DIR / installed, _PACKAGE_DIR.parent / checkout):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"cannot find the {checkout}/ folder next to the streams package")


def schema_path(name: str) -> Path:
    """Path of a JSON schema such as ``event.v1.json``."""
    return _find("_schemas", "schemas") / name


def samples_path(name: str = "articles.jsonl") -> Path:
    """Path of a bundled sample file."""
    return _find("_samples", "samples") / name
