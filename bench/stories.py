"""The story stage scored on ECB+ cross-document coreference: ``make bench-stories``.

``python -m bench.stories [--data DIR] [--sentences CSV|none] [--events CACHE.jsonl]``

ECB+ annotates which event mentions of many articles are the same real-world event, which is
what a story is. The benchmark rebuilds every document of ``DIR`` (topic folders of CAT XML,
default: the shared subset) as an article, extracts its events with the worker's own
``Extractor``, and feeds them to :class:`~streams.core.stories.stage.StoryStage` in file-name
order with every topic mixed: the stage is never told the topic, so a story that spans two
topics costs precision here as it would in the stream.

Each extracted event is *mapped* to the gold mention its ``trigger_span`` overlaps (by token
ids); only mapped events are scored, because an event the annotators did not mark has no
gold chain. Gold mentions are limited to the sentences ECB+ vouches for
(``ECBplus_coreference_sentences.csv``): the rest of each document was not annotated
exhaustively, so a mention found there but absent from the gold would be counted wrong for
the annotators' silence. Scores: MUC, B³, CEAF-e and their mean (CoNLL F1) from ``scorch``,
and pairwise precision and recall (two mapped events in one story, two in one chain).

Nothing depends on topic numbers or file names, so any folder in the ECB+ layout is scored
the same way. ``--events`` keeps the extracted events in a JSONL file: extraction (about 15
seconds on the subset) runs only when the file does not exist yet.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorch.scores import b_cubed, ceaf_e, muc  # type: ignore[import-untyped]

from bench.devgold.articles import shared_dir
from bench.ecbplus import EcbDocument, iter_documents, parse_document
from bench.ecbplus_gold import GoldMention, read_gold_mentions

SENTENCES_CSV = "ECBplus_coreference_sentences.csv"
TYPES = ("statement", "agreement", "meeting")

#: (file name, sentence number) pairs whose event mentions ECB+ annotated exhaustively.
Vouched = set[tuple[str, int]]


def default_data_dir() -> Path:
    """The shared subset's ECB+ folder ($NEWSEVENTS_SHARED, else ``../shared``)."""
    return shared_dir() / "eval-data" / "ecbplus-subset" / "ECB+"


def find_sentences_csv(data: Path, option: str | None) -> Path | None:
    """The vouched-sentence list: ``--sentences`` when given (``none``: no list), else the
    CSV beside ``DIR`` or inside it, else None (every sentence counts)."""
    if option is not None:
        return None if option.lower() == "none" else Path(option)
    for candidate in (data.parent / SENTENCES_CSV, data / SENTENCES_CSV):
        if candidate.is_file():
            return candidate
    return None


def read_vouched(path: Path) -> Vouched:
    """The CSV's rows (Topic, File, Sentence Number) as ``("<Topic>_<File>.xml", sentence)``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (f"{row['Topic'].strip()}_{row['File'].strip()}.xml", int(row["Sentence Number"]))
            for row in csv.DictReader(handle)
        }


@dataclass(frozen=True)
class Corpus:
    """The documents of a folder by article id, and the gold mentions scored in each."""

    documents: dict[str, EcbDocument]
    gold: dict[str, list[GoldMention]]


def vouched_mentions(
    doc: EcbDocument, mentions: Iterable[GoldMention], vouched: Vouched | None
) -> list[GoldMention]:
    """The mentions with a token in a vouched sentence of ``doc`` (all of them without a list)."""
    if vouched is None:
        return list(mentions)
    sentence = dict(zip(doc.token_ids, doc.sentence_of, strict=True))
    return [
        m for m in mentions if any((doc.name, sentence[t]) in vouched for t in m.token_ids if t in sentence)
    ]


def read_corpus(data: Path, vouched: Vouched | None) -> Corpus:
    """Every document under ``data`` in file-name order, with its (vouched) gold mentions."""
    documents: dict[str, EcbDocument] = {}
    gold: dict[str, list[GoldMention]] = {}
    for path in iter_documents(data):
        doc = parse_document(path)
        documents[doc.article_id] = doc
        gold[doc.article_id] = vouched_mentions(doc, read_gold_mentions(path), vouched)
    return Corpus(documents, gold)


def extract_events(documents: Iterable[EcbDocument]) -> list[dict[str, Any]]:
    """The event records of every document, in document order, as ``newsevents extract`` gives them."""
    from streams.core.article import article_from_object
    from streams.core.extractor import ArticleInput, Extractor
    from streams.core.pipeline.loader import load_model

    extractor = Extractor(load_model())
    inputs = [ArticleInput(article_from_object(doc.to_article())) for doc in documents]
    events: list[dict[str, Any]] = []
    for result in extractor.extract(inputs):
        if result.error is not None:
            print(f"stories: article {result.article.id!r} failed: {result.error_reason}", file=sys.stderr)
        events.extend(event.to_dict() for event in result.events)
    return events


def load_or_extract(corpus: Corpus, cache: Path | None) -> list[dict[str, Any]]:
    """The events of the cache file when it exists (and names only articles of the corpus),
    else freshly extracted (and written there)."""
    if cache is not None and cache.is_file():
        events = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines() if line.strip()]
        strangers = {e["article_id"] for e in events} - corpus.documents.keys()
        if strangers:
            sys.exit(
                f"stories: {cache} holds events of articles outside the data folder: {sorted(strangers)[:3]}"
            )
        print(f"stories: {len(events)} events read from {cache}", file=sys.stderr)
        return events
    events = extract_events(corpus.documents.values())
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    return events


def map_event(event: Mapping[str, Any], doc: EcbDocument, gold: Sequence[GoldMention]) -> GoldMention | None:
    """The gold mention the event's trigger overlaps most (the first among equals), or None."""
    span = event.get("trigger_span")
    if not span:
        return None
    tokens = set(doc.token_ids_in(int(span["start"]), int(span["end"])))
    best = max(gold, key=lambda g: len(g.token_ids & tokens), default=None)
    return best if best is not None and best.token_ids & tokens else None


def map_events(events: Iterable[Mapping[str, Any]], corpus: Corpus) -> dict[str, GoldMention]:
    """Event id -> gold mention, for the events that map to one."""
    mapped: dict[str, GoldMention] = {}
    for event in events:
        article = str(event["article_id"])
        doc = corpus.documents.get(article)
        if doc is None:
            continue
        hit = map_event(event, doc, corpus.gold.get(article, []))
        if hit is not None:
            mapped[str(event["event_id"])] = hit
    return mapped


def run_stories(events: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Event id -> story id after the stage has seen every event in order."""
    from streams.core.stories.stage import StoryStage

    stage = StoryStage()
    for event in events:
        stage.add(event)
    return {
        member.event_id: story.story_id
        for book in stage.books.values()
        for story in book.stories.values()
        for member in story.members
    }


@dataclass(frozen=True)
class Scores:
    """Coreference scores of one set of mapped events (F1 values, and pairwise P/R/F1)."""

    items: int
    muc: float
    b3: float
    ceaf_e: float
    pair_p: float
    pair_r: float
    pair_f: float

    @property
    def conll(self) -> float:
        return (self.muc + self.b3 + self.ceaf_e) / 3


def _clusters(items: Iterable[str], label: Mapping[str, str]) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item in items:
        groups[label[item]].add(item)
    return list(groups.values())


def _pairs(clusters: Iterable[set[str]]) -> set[tuple[str, str]]:
    return {pair for cluster in clusters for pair in itertools.combinations(sorted(cluster), 2)}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score(items: Sequence[str], gold_of: Mapping[str, str], story_of: Mapping[str, str]) -> Scores:
    """Story ids (``story_of``) against gold chains (``gold_of``) over ``items``."""
    if not items:
        return Scores(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    key, response = _clusters(items, gold_of), _clusters(items, story_of)
    gold_pairs, story_pairs = _pairs(key), _pairs(response)
    both = len(gold_pairs & story_pairs)
    p, r = _ratio(both, len(story_pairs)), _ratio(both, len(gold_pairs))
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(
        items=len(items),
        muc=float(muc(key, response)[2]),
        b3=float(b_cubed(key, response)[2]),
        ceaf_e=float(ceaf_e(key, response)[2]),
        pair_p=p,
        pair_r=r,
        pair_f=f,
    )


def score_by_type(
    events: Iterable[Mapping[str, Any]], mapped: Mapping[str, GoldMention], story_of: Mapping[str, str]
) -> dict[str, Scores]:
    """Scores over every mapped event (``all``) and over each event type's."""
    gold_of = {event_id: mention.chain for event_id, mention in mapped.items()}
    types = {str(e["event_id"]): str(e["type"]) for e in events if str(e["event_id"]) in mapped}
    items = [i for i in mapped if i in story_of]
    out = {"all": score(items, gold_of, story_of)}
    for kind in TYPES:
        out[kind] = score([i for i in items if types.get(i) == kind], gold_of, story_of)
    return out


def summary_line(total: Scores, unmapped: int) -> str:
    """The one line a run ends with."""
    return (
        f"stories: CoNLL F1={total.conll:.2f} pairwise P={total.pair_p:.2f} R={total.pair_r:.2f} "
        f"F1={total.pair_f:.2f} B3 F1={total.b3:.2f} mapped={total.items} unmapped={unmapped}"
    )


def table(scores: Mapping[str, Scores]) -> str:
    """The per-type table (F1 of each metric, pairwise P/R/F1)."""
    heads = ("CoNLL", "MUC", "B3", "CEAFe", "pairP", "pairR", "pairF")
    lines = [f"{'type':<10} {'mapped':>6} " + " ".join(f"{h:>6}" for h in heads)]
    for name, s in scores.items():
        lines.append(
            f"{name:<10} {s.items:>6} {s.conll:>6.3f} {s.muc:>6.3f} {s.b3:>6.3f} {s.ceaf_e:>6.3f} "
            f"{s.pair_p:>6.3f} {s.pair_r:>6.3f} {s.pair_f:>6.3f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, help="a folder in the ECB+ layout (default: the shared subset)")
    parser.add_argument("--sentences", help="the vouched-sentence CSV, or 'none' for every sentence")
    parser.add_argument("--events", type=Path, help="JSONL cache of the extracted events (made when missing)")
    args = parser.parse_args(argv)
    data: Path = args.data or default_data_dir()
    if not data.is_dir():
        sys.exit(f"stories: {data} is not a folder")
    csv_path = find_sentences_csv(data, args.sentences)
    vouched = read_vouched(csv_path) if csv_path is not None else None
    where = f"the sentences listed in {csv_path}" if csv_path else "every sentence"
    print(f"stories: gold mentions in {where}")
    corpus = read_corpus(data, vouched)
    events = load_or_extract(corpus, args.events)
    mapped = map_events(events, corpus)
    story_of = run_stories(events)
    scores = score_by_type(events, mapped, story_of)
    print(f"stories: {len(corpus.documents)} documents, {len(events)} events")
    print(table(scores))
    print(summary_line(scores["all"], len(events) - scores["all"].items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
