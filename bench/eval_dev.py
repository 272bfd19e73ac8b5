"""Score the extractor on the dev gold set: ``make eval``.

Collects the articles the gold files name from ``$NEWSEVENTS_SHARED/articles/*.jsonl``,
runs them through ``newsevents extract`` (the same core the stream worker calls), and
prints the scores of ``$NEWSEVENTS_SHARED/eval/score.py``. The seed article has no
publication date, so it is given 2025-10-28 as the gold guidelines ask. The extracted
events are kept in ``bench/results/dev-events.jsonl`` so misses can be inspected.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

SEED_PUBLISHED_AT = "2025-10-28"
HERE = Path(__file__).resolve().parent


def shared_dir() -> Path:
    path = Path(os.environ.get("NEWSEVENTS_SHARED", HERE.parent.parent / "shared"))
    if not (path / "eval" / "score.py").is_file():
        sys.exit(f"eval: {path}/eval/score.py not found; set NEWSEVENTS_SHARED to the shared data folder")
    return path


def gold_article_ids(gold_files: list[Path]) -> list[str]:
    ids: list[str] = []
    for path in gold_files:
        for article in yaml.safe_load(path.read_text(encoding="utf-8")):
            ids.append(article["article_id"])
    return ids


def collect_articles(shared: Path, ids: list[str]) -> list[str]:
    """Return the JSONL lines of the wanted articles, in gold order; fail on any missing one."""
    found: dict[str, str] = {}
    for path in sorted((shared / "articles").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                article_id = json.loads(line).get("id")
                if article_id in ids:
                    found[article_id] = line
    missing = [i for i in ids if i not in found]
    if missing:
        sys.exit(f"eval: articles not found in {shared}/articles: {', '.join(missing)}")
    return [found[i] for i in ids]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="*", type=Path, help="gold files (default: the dev gold)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "dev-events.jsonl")
    parser.add_argument("--json", action="store_true", help="print the scorer's JSON result")
    args = parser.parse_args()
    shared = shared_dir()
    gold = args.gold or sorted((shared / "eval" / "gold-dev").glob("*.yaml"))
    articles = collect_articles(shared, gold_article_ids(gold))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    articles_path = args.out.with_name("dev-articles.jsonl")
    articles_path.write_text("\n".join(articles) + "\n", encoding="utf-8")
    newsevents = Path(sys.executable).with_name("newsevents")
    with args.out.open("w", encoding="utf-8") as out:
        subprocess.run(
            [str(newsevents), "extract", str(articles_path), "--default-published-at", SEED_PUBLISHED_AT],
            stdout=out,
            check=True,
        )
    score = [sys.executable, str(shared / "eval" / "score.py"), "--gold", *map(str, gold)]
    flags = ["--json"] if args.json else []
    status = subprocess.run([*score, "--pred", str(args.out), *flags], check=False).returncode
    # The gold annotates quotations; its guideline leaves reported speech without quotation marks
    # optional, to be listed under `allow`. A second score without those statements tells a gold
    # sentence that is not listed apart from a wrong quotation.
    quoted = args.out.with_name(args.out.stem + "-quoted.jsonl")
    quoted.write_text("".join(line + "\n" for line in _quoted_only(args.out)), encoding="utf-8")
    print("\n--- the same, without statements that quote nothing (indirect speech):", flush=True)
    return status or subprocess.run([*score, "--pred", str(quoted), *flags], check=False).returncode


def _quoted_only(events_path: Path) -> list[str]:
    """The events of ``events_path`` except statements without quoted words."""
    lines = events_path.read_text(encoding="utf-8").splitlines()
    return [
        line
        for line in lines
        if line.strip()
        and not ((event := json.loads(line))["type"] == "statement" and event.get("quote") is None)
    ]


if __name__ == "__main__":
    sys.exit(main())
