"""Where a sentence reports speech: its speech verb, the verb's speaker slot, "according to X".

Shared by the statement rules and the speaker tracker; every question is asked outside the
quoted words, which say nothing about who is speaking.
"""

from __future__ import annotations

import threading

from spacy.tokens import Span, Token

from streams.core.lexicon.speech import SPEECH_LEMMAS
from streams.core.rules.quotes import QuoteSpan
from streams.core.spans import CharSpans

_masks = threading.local()


def _mask(quotes: list[QuoteSpan]) -> CharSpans:
    """The quotes as ``CharSpans``, built once per list (rules ask about every token)."""
    cached = getattr(_masks, "last", None)
    if cached is None or cached[0] is not quotes:
        cached = (quotes, CharSpans((q.start, q.end) for q in quotes))
        _masks.last = cached
    return cached[1]


def inside_quotes(token: Token, quotes: list[QuoteSpan]) -> bool:
    return _mask(quotes).covers(token.idx)


def speaker_slot(verb: Token, depth: int = 0) -> Token | None:
    """The speaker slot of a speech verb, climbing out of clauses that share their subject.

    "X justified his choice by saying ..." (pcomp of a preposition), "X said, adding ..."
    (advcl) and "X was quoted as saying ..." all give X. "Y quoted X as saying" gives X, the
    one quoted, not Y.
    """
    if verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in ("quote", "cite"):
        quoted = [c for c in verb.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if quoted:
            return quoted[0]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # "Niger's president Mahamadou Issoufou said" parses with two subjects: the name wins
        return next((c for c in subjects if c.pos_ == "PROPN"), subjects[0])
    if depth < 3 and verb.head is not verb:
        if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "relcl"):
            return speaker_slot(verb.head, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.head is not verb.head:  # "by saying", "after adding"
            return speaker_slot(verb.head.head, depth + 1)
    return None


def according_to(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    """The source in "according to X" or "in the words of X"."""
    doc = sent.doc
    for token in sent:
        preposition: Token | None = None
        if (token.lower_ == "according" and token.i + 2 < len(doc) and token.nbor().lower_ == "to") or (
            token.lower_ == "words" and token.i + 1 < len(doc) and token.nbor().lower_ == "of"
        ):
            preposition = token.nbor()
        if preposition is None:
            continue
        for child in preposition.children:
            if child.dep_ == "pobj" and not inside_quotes(child, quotes):
                return child
    return None


#: How many sentences back a description or pronoun may look for the person it means.
def speech_verb(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    candidates = [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_LEMMAS and not inside_quotes(t, quotes)
    ]
    if not candidates:
        return None
    # Prefer a verb with a subject; then the one nearest the quote.
    with_subject = [t for t in candidates if speaker_slot(t) is not None]
    return (with_subject or candidates)[0]
