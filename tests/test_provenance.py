"""No text in the repository comes from the team's shared articles or from PolNeAR.

The shared folder (``../shared`` beside the repository, or ``$NEWSEVENTS_SHARED``) holds real news
articles and annotated corpora whose licences keep their text out of the repository (PolNeAR has
none at all): test sentences, docstring examples and docs are made up. This test fails when any
run of eight words of a tracked text file also occurs in an article's title or body or in
PolNeAR's texts and titles. Without the shared folder it is skipped, saying so, like the other
tests that read it (``tests/fixtures/shared_data.py``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from tests.fixtures.shared_data import REPO, SHARED

#: How many words in a row count as copied text.
RUN = 8
SUFFIXES = frozenset({".py", ".md", ".json", ".jsonl", ".yaml", ".yml", ".txt", ".toml"})
#: Benchmark output: ignored by git, never committed, and full of extracted evidence by design.
SKIPPED = ("bench/results/",)

_WORD = re.compile(r"[A-Za-z0-9']+")
#: A chunk with two or more hyphens is an identifier ("polnear:nyt_2016-02-01_some-title-words", a
#: file name), not prose: the dev gold's article ids name their articles and are no copied text.
_IDENTIFIER = re.compile(r"\S*-\S*-\S*")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, hyphenated identifiers left out."""
    return [w.lower() for w in _WORD.findall(_IDENTIFIER.sub(" ", text))]


def runs(text: str) -> Iterator[tuple[int, str]]:
    """Every run of RUN words of ``text``, with its hash."""
    found = words(text)
    for i in range(len(found) - RUN + 1):
        run = " ".join(found[i : i + RUN])
        yield hash(run), run


def _shared_folder() -> Path:
    folder = Path(os.environ.get("NEWSEVENTS_SHARED") or SHARED)
    for part in ("articles", "eval-data/polnear"):
        if not (folder / part).is_dir():
            pytest.skip(f"{folder}/{part} is absent: this test needs the shared data beside the repository")
    return folder


def _shared_texts(folder: Path) -> Iterator[str]:
    for path in sorted((folder / "articles").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                article = json.loads(line)
                yield article.get("title") or ""
                yield article.get("body") or ""
    polnear = folder / "eval-data" / "polnear"
    for path in sorted(polnear.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".ann", ".tsv"):
            yield path.read_text(encoding="utf-8", errors="replace")


@cache
def shared_runs(folder: Path) -> frozenset[int]:
    """The hashes of every run of RUN words in the shared articles and PolNeAR, built once."""
    return frozenset(h for text in _shared_texts(folder) for h, _ in runs(text))


def tracked_text_files() -> list[str]:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    return [
        name
        for name in listed.decode().split("\0")
        if name and Path(name).suffix in SUFFIXES and not name.startswith(SKIPPED)
    ]


def copied(text: str, shared: frozenset[int]) -> list[str]:
    """The runs of ``text`` whose hash is among ``shared``, in order, each once."""
    return list(dict.fromkeys(run for h, run in runs(text) if h in shared))


def test_identifiers_and_case_do_not_count() -> None:
    text = "Gold for polnear:nyt_2016-02-01_the-Mayor-of-Oslo-opened-a-new-bridge, which The Mayor Opened."
    assert words(text) == ["gold", "for", "which", "the", "mayor", "opened"]
    shared = frozenset(h for h, _ in runs("the mayor of oslo opened a new bridge on monday"))
    assert copied("THE Mayor of Oslo opened a new bridge on Monday!", shared) == [
        "the mayor of oslo opened a new bridge",
        "mayor of oslo opened a new bridge on",
        "of oslo opened a new bridge on monday",
    ]
    one_run = "The mayor of Oslo opened a new bridge"
    assert copied(one_run, shared) == ["the mayor of oslo opened a new bridge"]
    assert copied("The mayor of Oslo opened a bridge on Monday", shared) == []


def test_no_tracked_text_repeats_eight_words_of_the_shared_articles_or_polnear() -> None:
    shared = shared_runs(_shared_folder())
    files = tracked_text_files()
    assert len(files) > 50, files  # the listing worked
    found: dict[str, list[str]] = {}
    for name in files:
        path = REPO / name
        if not path.is_file():  # deleted in the working tree, not yet committed
            continue
        hits = copied(path.read_text(encoding="utf-8", errors="replace"), shared)
        if hits:
            found[name] = hits
    report = "\n".join(f"{name}: " + " | ".join(hits) for name, hits in sorted(found.items()))
    assert not found, f"text copied from ../shared (rewrite it as a made-up sentence):\n{report}"
