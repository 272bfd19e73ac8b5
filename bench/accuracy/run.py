"""Command line: ``python -m bench.accuracy [--quick] [--json PATH] [--items ...]``.

Reads the corpora from ``$NEWSEVENTS_SHARED/eval-data`` (default: the ``shared`` folder
beside the repository), scores every item, prints one table plus the reasons cases were
skipped, and optionally writes everything, with error examples, as JSON. It is a
measurement, not a test: it never fails on a low score, only on missing data.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.accuracy import gum, meantime, recognizers
from bench.accuracy.evaluate import run_currency, run_dates, run_money_meantime, run_speakers
from bench.accuracy.scoring import ItemResult, fmt

REPO = Path(__file__).resolve().parents[2]
ITEMS = ("speakers", "money", "dates")
#: --quick keeps every n-th document or case of each corpus.
QUICK_STRIDE = 4


@dataclass(frozen=True)
class DataPaths:
    """Where each corpus lives under the shared folder."""

    shared: Path

    @property
    def meantime(self) -> Path:
        return self.shared / "eval-data" / "meantime-en" / "intra_cross-doc_annotation"

    @property
    def gum(self) -> Path:
        return self.shared / "eval-data" / "gum-wikinews-news" / "xml"

    @property
    def datetime_spec(self) -> Path:
        return self.shared / "eval-data" / "recognizers-text-specs" / "DateTimeModel.English.json"

    @property
    def currency_spec(self) -> Path:
        return self.shared / "eval-data" / "recognizers-text-specs" / "CurrencyModel.English.json"

    def needed(self, items: Sequence[str]) -> list[Path]:
        paths: list[Path] = []
        if "speakers" in items or "money" in items or "dates" in items:
            paths.append(self.meantime)
        if "money" in items:
            paths.append(self.currency_spec)
        if "dates" in items:
            paths += [self.gum, self.datetime_spec]
        return paths


def shared_dir() -> Path:
    """``$NEWSEVENTS_SHARED``, or ``../shared`` relative to the repository (not the cwd)."""
    configured = os.environ.get("NEWSEVENTS_SHARED")
    return Path(configured).expanduser() if configured else REPO.parent / "shared"


def check_data(paths: DataPaths, items: Sequence[str]) -> None:
    """Exit with a clear message when a corpus the chosen items need is absent."""
    missing = [str(p) for p in paths.needed(items) if not p.exists()]
    if paths.meantime.is_dir() and not any(paths.meantime.glob("*/*.xml")):
        missing.append(f"{paths.meantime}/*/*.xml")
    if "dates" in items and paths.gum.is_dir() and not any(paths.gum.glob("*.xml")):
        missing.append(f"{paths.gum}/*.xml")
    if missing:
        lines = "\n".join(f"  {m}" for m in missing)
        sys.exit(
            "bench.accuracy: shared evaluation data not found:\n"
            f"{lines}\n"
            f"Set NEWSEVENTS_SHARED to the folder that holds eval-data/ (now: {paths.shared})."
        )


def _every(items: list[Any], stride: int) -> list[Any]:
    return items[::stride]


def run(items: Sequence[str], paths: DataPaths, quick: bool) -> list[ItemResult]:
    stride = QUICK_STRIDE if quick else 1
    results: list[ItemResult] = []
    docs = [meantime.parse_document(p) for p in _every(list(meantime.iter_documents(paths.meantime)), stride)]
    if "speakers" in items:
        results.append(run_speakers(docs))
    if "money" in items:
        results.append(run_money_meantime(docs))
        skipped: Counter[str] = Counter()
        cases = recognizers.currency_cases(
            _every(recognizers.load_cases(paths.currency_spec), stride), skipped
        )
        results.extend(run_currency(cases, skipped))
    if "dates" in items:
        from streams.core.normalise.dates import normalise_date

        skipped = Counter()
        gold = [g for d in docs for g in meantime.date_gold(d, skipped)]
        results.append(run_dates("MEANTIME TIMEX3 type=DATE", gold, skipped, normalise_date))
        skipped = Counter()
        gum_docs = [
            gum.parse_document(p.read_text(encoding="utf-8"))
            for p in _every(list(gum.iter_documents(paths.gum)), stride)
        ]
        gold = [g for d in gum_docs for g in gum.date_gold(d, skipped)]
        results.append(run_dates("GUM <date>", gold, skipped, normalise_date))
        skipped = Counter()
        spec_gold = recognizers.date_gold(
            _every(recognizers.load_cases(paths.datetime_spec), stride), skipped
        )
        # reasons that name a result kind go to that kind's row; case-level ones to the first row
        range_skips = Counter({k: v for k, v in skipped.items() if k.startswith("daterange:")})
        results.append(
            run_dates(
                "Recognizers DateTime: date",
                [g for g in spec_gold if g.source == "recognizers-date"],
                skipped - range_skips,
                normalise_date,
            )
        )
        results.append(
            run_dates(
                "Recognizers DateTime: daterange (year/month/week)",
                [g for g in spec_gold if g.source == "recognizers-daterange"],
                range_skips,
                normalise_date,
            )
        )
    return results


# --- output --------------------------------------------------------------------------------

_COLUMNS = ("item", "source", "gold", "pred", "ok(P)", "ok(R)", "prec", "rec", "F1", "acc", "skipped")


def _row(result: ItemResult) -> list[str]:
    s, a = result.score, result.accuracy
    return [
        result.item,
        result.source,
        str(s.gold) if s else str(a.total) if a else "",
        str(s.predicted) if s else "",
        str(s.correct_predicted) if s else str(a.correct) if a else "",
        str(s.correct_gold) if s else "",
        fmt(s.precision) if s else "",
        fmt(s.recall) if s else "",
        fmt(s.f1) if s else "",
        fmt(a.value) if a else "",
        str(sum(result.skipped.values())),
    ]


def render(results: Sequence[ItemResult]) -> str:
    """The results table, then per row the notes and the skipped cases by reason."""
    rows = [list(_COLUMNS), *(_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    left = {0, 1}

    def line(row: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    out = [line(rows[0]), "  ".join("-" * w for w in widths), *(line(r) for r in rows[1:]), ""]
    out.append(
        "gold: gold items scored (for acc rows: found amounts with a comparable value); pred: predictions "
        "scored; ok(P): predictions that are right; ok(R): gold items found"
    )
    for number, result in enumerate(results, start=1):
        out.append(f"\n[{number}] {result.item} / {result.source}  ({result.seconds:.1f}s)")
        out.extend(f"    {note}" for note in result.notes)
        for reason, count in sorted(result.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
            if count:
                out.append(f"    skipped {count:5d}  {reason}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.accuracy",
        description="Score speaker attribution, money spans and date normalisation against open annotated "
        "corpora (MEANTIME, GUM, Recognizers-Text specs) from $NEWSEVENTS_SHARED/eval-data.",
    )
    parser.add_argument("--quick", action="store_true", help=f"every {QUICK_STRIDE}th document/case only")
    parser.add_argument(
        "--json", type=Path, metavar="PATH", help="also write the results (and error examples) here"
    )
    parser.add_argument("--items", nargs="+", choices=ITEMS, default=list(ITEMS), help="which items to run")
    args = parser.parse_args(argv)
    paths = DataPaths(shared_dir())
    check_data(paths, args.items)
    started = time.perf_counter()
    results = run(args.items, paths, args.quick)
    elapsed = time.perf_counter() - started
    if args.json:  # written before printing, so a closed pipe (| head) cannot lose it
        report = {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "quick": args.quick,
            "shared": str(paths.shared),
            "seconds": round(elapsed, 2),
            "items": [r.to_dict() for r in results],
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(render(results))
    print(f"\n{'quick subset, ' if args.quick else ''}total {elapsed:.1f}s; data from {paths.shared}")
    if args.json:
        print(f"results written to {args.json}")
    return 0
