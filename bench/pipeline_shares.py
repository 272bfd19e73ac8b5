"""Where the model's time goes, and how much of the text could skip the parser: ``make bench-shares``.

Runs each component of the extractor's pipeline on its own over the shared articles
(after a warm-up pass, so per-process caches are full) and prints its share of the
time. Then counts the tokens in sentences that a rule could need parsed: sentences with
a quotation mark or a meeting/agreement trigger (the candidates for events), plus those
with a speech verb or a PERSON entity (reported speech and the subjects that speaker and
"he" resolution track). This is the arithmetic behind the README's answer to "parse only
the sentences that can hold an event".
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from bench.rules_overhead import load_articles
from bench.throughput.corpus import shared_dir
from streams.core.lexicon import triggers
from streams.core.lexicon.speech import SPEECH_LEMMAS
from streams.core.pipeline.boilerplate import prepare_for_nlp
from streams.core.pipeline.loader import load_model

TRIGGER_LEMMAS = (
    triggers.MEETING_VERBS
    | triggers.WEAK_MEETING_VERBS
    | triggers.MEETING_NOUNS
    | triggers.AGREEMENT_VERBS
    | triggers.SIGNABLE_NOUNS
)
QUOTE_CHARS = frozenset('"\u201c\u201d\u00ab\u00bb')


def component_seconds(
    texts: list[str], batch_size: int = 16, nlp: Language | None = None
) -> dict[str, float]:
    """Seconds per component (the tokenizer included) for one pass over ``texts``.

    ``nlp`` defaults to the extractor's pipeline.
    """
    nlp = nlp or load_model()
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        pipe = getattr(component, "pipe", None)
        docs = list(pipe(docs, batch_size=batch_size)) if pipe else [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - started
    return seconds


def _has_lemma(sent: Span, lemmas: frozenset[str]) -> bool:
    return any(token.lemma_.lower() in lemmas for token in sent)


def candidate_shares(docs: Iterable[Doc]) -> dict[str, float]:
    """Share of all tokens that lie in sentences of each kind (a sentence can be of several)."""
    kinds = ("quote or trigger", "+ speech verb", "+ PERSON entity")
    counts = dict.fromkeys(kinds, 0)
    total = 0
    for doc in docs:
        for sent in doc.sents:
            total += len(sent)
            event = any(ch in QUOTE_CHARS for ch in sent.text) or _has_lemma(sent, TRIGGER_LEMMAS)
            speech = event or _has_lemma(sent, SPEECH_LEMMAS)
            person = speech or any(ent.label_ == "PERSON" for ent in sent.ents)
            for kind, hit in zip(kinds, (event, speech, person), strict=True):
                counts[kind] += len(sent) if hit else 0
    return {kind: count / total for kind, count in counts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    items = load_articles(shared_dir())
    texts = [prepare_for_nlp(item.article.body) for item in items]
    component_seconds(texts)  # warm-up: a worker's lemma table is full after its first articles
    seconds = component_seconds(texts)
    total = sum(seconds.values())
    print(f"{len(texts)} articles, {total:.1f} s in the pipeline")
    for name, value in seconds.items():
        print(f"  {name:30s} {value:6.2f} s  {100 * value / total:5.1f} %")
    shares = candidate_shares(load_model().pipe(texts, batch_size=16))
    print("tokens in sentences a rule could need parsed:")
    for kind, share in shares.items():
        print(f"  {kind:20s} {100 * share:5.1f} %")
    parser_share = seconds.get("parser", 0.0) / total
    widest = shares["+ PERSON entity"]
    print(
        f"parsing only those sentences would save at most {100 * parser_share * (1 - widest):.1f} % "
        f"of the pipeline ({100 * parser_share:.1f} % parser x {100 * (1 - widest):.0f} % of tokens)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
