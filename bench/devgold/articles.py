"""Write the articles the team's development gold annotates, as ``newsevents extract`` input.

The gold under ``bench/devgold/gold/`` anchors events by character spans into article bodies
that live in ``../shared`` (PolNeAR train, ECB+), never in this repository. This module
rebuilds those bodies the same way every time: PolNeAR bodies come from the shared scorer's
own ``polnear.py articles`` (the whole text file, title line included, so that its offsets
are the corpus's), ECB+ bodies from :mod:`bench.ecbplus` (one sentence per line).

``python -m bench.devgold.articles OUT_DIR`` writes ``polnear-train.jsonl`` and
``ecbplus.jsonl`` there; ``score.py --articles OUT_DIR`` resolves the spans against them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.ecbplus import iter_documents, parse_document

HERE = Path(__file__).resolve().parent


def shared_dir() -> Path:
    path = Path(os.environ.get("NEWSEVENTS_SHARED", HERE.parent.parent.parent / "shared"))
    if not (path / "eval-data").is_dir():
        sys.exit(f"devgold: {path}/eval-data not found; set NEWSEVENTS_SHARED to the shared data folder")
    return path


def polnear_articles(shared: Path, split: str = "train") -> list[dict[str, Any]]:
    """The PolNeAR split's articles, ids prefixed ``polnear:``."""
    out = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "polnear.py"),
            "articles",
            str(shared / "eval-data" / "polnear" / split),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    articles = []
    for line in out.splitlines():
        if line.strip():
            article = json.loads(line)
            article["id"] = "polnear:" + article["id"]
            article.setdefault("source", "polnear")
            articles.append(article)
    return articles


def ecbplus_articles(shared: Path) -> list[dict[str, Any]]:
    """Every document of the shared ECB+ subset."""
    root = shared / "eval-data" / "ecbplus-subset" / "ECB+"
    return [parse_document(path).to_article() for path in iter_documents(root)]


def write_articles(out_dir: Path, shared: Path | None = None) -> dict[str, Path]:
    """Write both sets into ``out_dir``; return the file of each."""
    shared = shared or shared_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {"polnear-train": polnear_articles(shared), "ecbplus": ecbplus_articles(shared)}
    paths = {}
    for name, articles in files.items():
        path = out_dir / f"{name}.jsonl"
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        paths[name] = path
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    for name, path in write_articles(args.out_dir).items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
