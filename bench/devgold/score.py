"""Score meetings and agreements on the team's own development gold: the second part of ``make eval``.

The gold (``bench/devgold/gold/*.yaml``) annotates meetings, agreements and money amounts on
PolNeAR train and ECB+ articles, anchored by character spans so that no article text is kept
here. Statements are not annotated there (PolNeAR's own attribution annotation scores them,
``python -m bench.polnear``), so only meetings and agreements are scored: the extractor's
statements are set aside before scoring. Amounts belong to the article whatever event carries
them, so they are scored on all the events (a second run of the scorer, its amounts line only).

Besides the strict scorer's figures this prints the share of published locations the
gazetteer geocoded, and with ``--detail`` every geocoded location beside its coordinates,
so that whether each geocode is right can be checked by eye.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from bench.devgold.articles import HERE, shared_dir, write_articles

GOLD_DIR = HERE / "gold"
CACHE = HERE.parent.parent / ".cache" / "devgold"
RESULTS = HERE.parent / "results"
SCORED_TYPES = ("meeting", "agreement")


def gold_ids(gold_files: list[Path]) -> set[str]:
    return {
        article["article_id"] for path in gold_files for article in yaml.safe_load(path.read_text("utf-8"))
    }


def gold_articles(articles_dir: Path, ids: set[str]) -> list[str]:
    """The JSONL lines of the gold's articles; fails on an id the articles do not hold."""
    found = {}
    for path in sorted(articles_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (article_id := json.loads(line)["id"]) in ids:
                found[article_id] = line
    missing = sorted(ids - set(found))
    if missing:
        sys.exit(f"devgold: articles not found: {', '.join(missing)}")
    return [found[i] for i in sorted(found)]


def geocode_report(events: list[dict[str, Any]], detail: bool) -> str:
    located = [e["location"] for e in events if e.get("location")]
    coded = [loc for loc in located if loc.get("geonames_id")]
    if detail:
        for loc in coded:
            print(
                f"  geocode: {loc['name']!r} -> {loc.get('feature')} {loc.get('country_code')} "
                f"({loc.get('latitude')}, {loc.get('longitude')}) geonames {loc['geonames_id']}",
                file=sys.stderr,
            )
    share = len(coded) / len(located) if located else 0.0
    return f"locations geocoded: {len(coded)} of {len(located)} meeting/agreement locations ({share:.2f})"


def reversed_within_sentences(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same records, the events of each sentence in reverse order (``--pairing-check``).

    The strict scorer pairs predictions with gold events by anchors found in the evidence
    sentence; two events of one sentence fit both gold events equally, so which is paired with
    which is decided by their order alone. Scoring the same records in the other order shows how
    much of a figure is that tie-break and not the records."""
    out: list[dict[str, Any]] = []
    run: list[dict[str, Any]] = []
    for event in [*events, None]:
        if run and (
            event is None
            or (event["article_id"], event["evidence"]["start"])
            != (run[0]["article_id"], run[0]["evidence"]["start"])
        ):
            out.extend(reversed(run))
            run = []
        if event is not None:
            run.append(event)
    return out


def pairing_check(score: list[str], pred: Path, scored: list[dict[str, Any]]) -> str:
    """The fields line of the strict scorer on the records in the other order within sentences."""
    other = pred.with_name("devgold-events-reversed.jsonl")
    other.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in reversed_within_sentences(scored)),
        encoding="utf-8",
    )
    command = [*score[: score.index("--pred")], "--pred", str(other), "--articles", str(CACHE / "articles")]
    result = json.loads(
        subprocess.run([*command, "--json"], check=True, capture_output=True, text=True).stdout
    )
    return (
        "same records, each sentence's events in reverse order: "
        f"actors P={result['actor_precision']} R={result['actor_recall']} "
        f"location_accuracy={result['location_accuracy']} date_accuracy={result['date_accuracy']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--gold", nargs="*", type=Path, help="gold files (default: bench/devgold/gold/*.yaml)"
    )
    parser.add_argument(
        "--detail", action="store_true", help="the scorer's misses and extras, and every geocode"
    )
    parser.add_argument("--json", action="store_true", help="the scorer's JSON result")
    parser.add_argument(
        "--pairing-check",
        action="store_true",
        help="score the same records again, each sentence's events in reverse order",
    )
    args = parser.parse_args()
    gold = args.gold or sorted(GOLD_DIR.glob("*.yaml"))
    if not gold:
        sys.exit(f"devgold: no gold files in {GOLD_DIR}")
    articles_dir = CACHE / "articles"
    write_articles(articles_dir, shared_dir())
    lines = gold_articles(articles_dir, gold_ids(gold))
    CACHE.mkdir(parents=True, exist_ok=True)
    chosen = CACHE / "gold-articles.jsonl"
    chosen.write_text("\n".join(lines) + "\n", encoding="utf-8")
    newsevents = Path(sys.executable).with_name("newsevents")
    out = subprocess.run(
        [str(newsevents), "extract", str(chosen)], check=True, capture_output=True, text=True
    )
    events = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    scored = [e for e in events if e["type"] in SCORED_TYPES]
    RESULTS.mkdir(parents=True, exist_ok=True)
    pred = RESULTS / "devgold-events.jsonl"
    pred.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in scored), encoding="utf-8")
    print(
        f"own development gold: {len(lines)} articles, {len(gold)} files; meetings and agreements only",
        flush=True,
    )
    score = [sys.executable, str(shared_dir() / "eval" / "score.py"), "--gold", *map(str, gold)]
    score += ["--pred", str(pred), "--articles", str(articles_dir)]
    score += (["--detail"] if args.detail else []) + (["--json"] if args.json else [])
    status = subprocess.run(score, check=False).returncode
    print("(the statement and amounts rows above count no statements: see the amounts line below)")
    everything = RESULTS / "devgold-all-events.jsonl"
    everything.write_text(out.stdout, encoding="utf-8")
    amounts = subprocess.run(
        [
            *score[: score.index("--pred")],
            "--pred",
            str(everything),
            "--articles",
            str(articles_dir),
            "--json",
        ],
        check=False,
        capture_output=True,
        text=True,
    )
    a = json.loads(amounts.stdout)["amounts"]
    print(
        f"amounts (all events) P={a['precision']:.3f} R={a['recall']:.3f} F1={a['f1']:.3f}  "
        f"(tp={a['tp']} fn={a['fn']} fp={a['fp']})"
    )
    print(geocode_report(scored, args.detail), flush=True)
    if args.pairing_check:
        print(pairing_check(score, pred, scored), flush=True)
    return status or amounts.returncode


if __name__ == "__main__":
    sys.exit(main())
