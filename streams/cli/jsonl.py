"""Read JSON Lines input from a file or standard input, as raw bytes per line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


class InputError(RuntimeError):
    """The input file cannot be read."""


def read_lines(path: str) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line without its newline) for every non-blank line of ``path`` ('-' = stdin)."""
    if path == "-":
        stream = sys.stdin.buffer
        yield from _numbered(stream)
        return
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file")
    with file.open("rb") as stream:
        yield from _numbered(stream)


def _numbered(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(stream, start=1):
        raw = line.rstrip(b"\r\n")
        if raw.strip():
            yield number, raw


def count_lines(path: str) -> int | None:
    """Number of non-blank lines (for a progress bar), or None for stdin."""
    if path == "-":
        return None
    with Path(path).open("rb") as stream:
        return sum(1 for line in stream if line.strip())
