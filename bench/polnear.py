"""Statements scored on PolNeAR (issue 14): ``python -m bench.polnear [--split dev|train] [--limit N]``.

Converts a split of ``$NEWSEVENTS_SHARED/eval-data/polnear`` to articles with the shared
``eval/polnear.py``, extracts them with the worker's own ``Extractor`` and prints the scorer's
report. The texts are for evaluation only: they stay in the shared folder and in the ignored
``.cache/`` and ``bench/results/polnear-*`` files, never in the repository.

Parsing is most of the time, and the rules are what changes between runs, so spaCy's docs are
kept in ``.cache/polnear/`` (keyed by the exact text parsed and the model); a second run over the
same split parses nothing. ``--no-cache`` parses afresh. The events are those the stream would
publish: the cache only answers ``nlp.pipe`` with the doc spaCy gave for the same text.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from bench.eval_dev import shared_dir
from streams.core.article import article_from_object
from streams.core.extractor import ArticleInput, Extractor
from streams.core.pipeline.loader import load_model

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent / ".cache" / "polnear"


class CachedParser:
    """Stands in for the spaCy pipeline: ``pipe`` answers from a DocBin cache and parses (and
    keeps) only texts it has not seen; everything else goes to the real pipeline."""

    def __init__(self, nlp: Any, path: Path) -> None:
        from spacy.tokens import DocBin

        self._nlp, self._path = nlp, path
        self._docs: dict[str, Any] = {}
        if path.exists():
            for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
                self._docs[_key(doc.text)] = doc
        self.parsed = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def memory_zone(self) -> contextlib.AbstractContextManager[None]:
        # a zone frees the strings of the docs made in it, and these docs live on in the cache
        return contextlib.nullcontext()

    def pipe(self, texts: Iterable[str], batch_size: int = 16, **kwargs: Any) -> Iterator[Any]:
        texts = list(texts)
        keys = [_key(t) for t in texts]  # one hash per text
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._docs}
        parsed = self._nlp.pipe(list(missing.values()), batch_size=batch_size)
        for key, doc in zip(missing, parsed, strict=True):
            self._docs[key] = doc
            self.parsed += 1
        return iter([self._docs[k] for k in keys])

    def save(self) -> None:
        from spacy.tokens import DocBin

        self._path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=self._docs.values(), store_user_data=True).to_disk(self._path)


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def articles(shared: Path, split: str) -> list[dict[str, Any]]:
    """The split's articles as the scorer defines them (body = the whole text file)."""
    script = shared / "eval" / "polnear.py"
    data = shared / "eval-data" / "polnear" / split
    out = subprocess.run(
        [sys.executable, str(script), "articles", str(data)], check=True, capture_output=True, text=True
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", default="dev", help="dev (default) or train")
    parser.add_argument("--limit", type=int, help="only the first N articles of the split")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--detail", action="store_true", help="the scorer's hits and misses on stderr")
    parser.add_argument("--json", action="store_true", help="the scorer's JSON result")
    parser.add_argument("--no-cache", action="store_true", help="parse every article again")
    args = parser.parse_args()
    shared = shared_dir()
    chosen = articles(shared, args.split)[args.offset :]
    chosen = chosen[: args.limit] if args.limit is not None else chosen
    nlp = load_model()
    # the pipeline's own components change the parse too ("newsevents_name_particles"): a new
    # component list is a new cache
    components = hashlib.sha256(" ".join(nlp.pipe_names).encode()).hexdigest()[:8]
    model = f"{nlp.meta['name']}-{nlp.meta['version']}-{components}"
    parser_ = CachedParser(nlp, CACHE / f"{args.split}-{model}.spacy")
    if args.no_cache:
        parser_._docs.clear()
    extractor = Extractor(parser_)  # type: ignore[arg-type]  # duck-typed: pipe, meta, memory_zone
    results = extractor.extract([ArticleInput(article_from_object(a)) for a in chosen])
    if parser_.parsed and not args.no_cache:  # a fresh parse of a slice must not replace the cache
        parser_.save()
    tag = (
        args.split if args.limit is None and not args.offset else f"{args.split}-{args.offset}-{len(chosen)}"
    )
    pred = HERE / "results" / f"polnear-{tag}-events.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for result in results:
            for event in result.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    failed = [r.article.id for r in results if r.error]
    if failed:
        print(f"polnear: {len(failed)} articles failed: {', '.join(failed[:5])}", file=sys.stderr)
    gold_dir = shared / "eval-data" / "polnear" / args.split
    if args.limit is not None or args.offset:
        gold_dir = _subset(gold_dir, {a["id"] for a in chosen}, tag)
    score = [sys.executable, str(shared / "eval" / "polnear.py"), "score", str(gold_dir), "--pred", str(pred)]
    score += (["--detail"] if args.detail else []) + (["--json"] if args.json else [])
    print(f"polnear {args.split}: {len(chosen)} articles, {parser_.parsed} parsed now", file=sys.stderr)
    return subprocess.run(score, check=False).returncode


def _subset(gold_dir: Path, ids: set[str], tag: str) -> Path:
    """A folder of links to the chosen articles' text and annotation files, for the scorer."""
    target = CACHE / "subsets" / tag
    for part in ("text", "attributions"):
        folder = target / part
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for path in (gold_dir / part).iterdir():
            stem = path.stem if part == "text" else path.stem.rsplit("_", 1)[0]
            if stem in ids:
                (folder / path.name).symlink_to(path)
    metadata = gold_dir.parent / "metadata.tsv"
    if metadata.exists() and not (target / "metadata.tsv").exists():
        (target / "metadata.tsv").symlink_to(metadata)
    return target


if __name__ == "__main__":
    sys.exit(main())
