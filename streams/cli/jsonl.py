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
    file = readable_file(path)
    with file.open("rb") as stream:
        yield from _numbered(stream)


def readable_file(path: str) -> Path:
    """``path`` as a file that can be opened, or an ``InputError`` that says why not."""
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{path} is a directory; give a JSONL file (one article per line), or - for stdin")
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if not file.is_file():
        raise InputError(f"{path} is not a regular file; give a JSONL file, or - for stdin")
    try:
        file.open("rb").close()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return file


def _numbered(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(stream, start=1):
        raw = line.rstrip(b"\r\n")
        if raw.strip():
            yield number, raw


def count_lines(path: str) -> int | None:
    """Number of non-blank lines (for a progress bar), or None for stdin."""
    if path == "-":
        return None
    with readable_file(path).open("rb") as stream:
        return sum(1 for line in stream if line.strip())
