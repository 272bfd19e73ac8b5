"""Where a sentence reports speech: its speech verb, the verb's speaker slot, "according to X".

Shared by the statement rules and the speaker tracker; every question is asked outside the
quoted words, which say nothing about who is speaking.
"""

from __future__ import annotations

import threading

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from streams.core.lexicon.speech import SPEECH_LEMMAS
from streams.core.rules.quotes import QuoteSpan
from streams.core.spans import CharSpans

_masks = threading.local()


#: How many lists of quotes keep their ``CharSpans``: the statement rules take turns between a
#: sentence's quotes and the article's, and rebuilding the article's for every quoted sentence made
#: a long body's cost grow with the square of its quotes.
_MASKS_KEPT = 4


def _mask(quotes: list[QuoteSpan]) -> CharSpans:
    """The quotes as ``CharSpans``, built once per list (rules ask about every token)."""
    kept: dict[int, tuple[list[QuoteSpan], CharSpans]] | None = getattr(_masks, "kept", None)
    if kept is None:
        kept = _masks.kept = {}
    cached = kept.pop(id(quotes), None)
    if cached is None or cached[0] is not quotes:
        if len(kept) >= _MASKS_KEPT:
            # the least recently asked goes; each entry holds its list, so no id is reused
            del kept[next(iter(kept))]
        cached = (quotes, CharSpans((q.start, q.end) for q in quotes))
    kept[id(quotes)] = cached  # the most recently asked last
    return cached[1]


def inside_quotes(token: Token, quotes: list[QuoteSpan]) -> bool:
    return _mask(quotes).covers(token.idx)


def quote_opens_in(start: int, end: int, quotes: list[QuoteSpan]) -> bool:
    """Whether one of ``quotes`` opens between characters ``start`` and ``end``."""
    return _mask(quotes).starts_within(start, end)


def _subject_rank(token: Token) -> int:
    """Order of preference among a verb's subjects: a person, a proper name, any other word,
    a place or a date (a dateline or a time the parse took for a subject)."""
    if token.ent_type_ == "PERSON":
        return 0
    if token.ent_type_ in ("GPE", "LOC", "DATE", "TIME"):
        return 3
    return 1 if token.pos_ == "PROPN" else 2


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
        # "Niger's president Mahamadou Issoufou said" parses with two subjects: the name wins,
        # a person's name first, the nearest of several: "LONDON (Reuters) - Donald Trump said"
        # also parses the dateline as a subject, and a date ("Saturday ... Warren said") is
        # never the speaker
        return min(subjects, key=lambda c: (_subject_rank(c), abs(verb.i - c.i)))
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG":
        # "The video shows Trump saying “…”", "the ad uses footage of Ruiz asking, “…”": the
        # one seen saying it is the matrix verb's object (a person inside it), not its subject
        seen = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if seen is not None:
            return next((t for t in seen.subtree if t.ent_type_ == "PERSON"), seen)
    person_doing = verb.tag_ == "VBG" and verb.head.ent_type_ == "PERSON"
    if verb.dep_ == "acl" and (verb.tag_ == "VBD" or person_doing):
        # "Ana Ruiz, the 2012 nominee, tweeted: “…”" parses the verb as a clause of the name (a
        # finite past tense never modifies a noun), and "footage of Ruiz asking, “…”" is hers;
        # "a hat reading “…”" has no speaker slot
        return verb.head
    if verb.tag_ in ("VBD", "VBZ"):
        # "a boy held up a sign and Ana Ruiz said, “…”", "Ruiz, 58, told AFP", "her adviser,
        # Jake Sullivan, said:" can parse without a subject: the name just before the verb
        # (past commas and an age) is its subject
        i = verb.i - 1
        while i >= 0 and i >= verb.i - 5:
            token = verb.doc[i]
            if token.pos_ == "PROPN" and token.text[:1].isupper():
                return token
            if not (token.is_punct or token.like_num) or token.text in ("“", "”", '"'):
                break
            i -= 1
    if depth < 3 and verb.head.i != verb.i:
        if verb.dep_ in ("advcl", "xcomp", "conj", "ccomp", "relcl"):
            return speaker_slot(verb.head, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:  # "by saying", "after adding"
            return speaker_slot(verb.head.head, depth + 1)
    return None


_SOURCE_CUES = frozenset(get_string_id(word) for word in ("according", "words"))


def according_to(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    """The source in "according to X" or "in the words of X"."""
    doc = sent.doc
    for token in sent:
        if token.lower not in _SOURCE_CUES:
            continue  # an integer test for most of the sentence, before any string is built
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


#: Conjunctions that make a clause background to the quote ("After X criticised Y, Z shot back").
_BACKGROUND_MARKS = frozenset(
    {"after", "before", "when", "while", "as", "because", "since", "although", "though"}
)


def _in_background(verb: Token) -> bool:
    clause = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in clause.children):
            return True
        if clause.dep_ not in ("conj", "xcomp") or clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


#: Edges the climb from a quote stops at once it has found a speech verb: a coordinated verb ("a
#: boy held up a sign and Ruiz said, “…”"), a relative, participle, adverbial or parenthetical
#: clause.
_CLAUSE_EDGES = frozenset({"conj", "relcl", "acl", "advcl", "parataxis"})


def _governor(quote: QuoteSpan, quotes: list[QuoteSpan], candidates: list[Token]) -> Token | None:
    """The outermost speech verb of the clause that holds the quotation.

    "Lind said she is sure Haddad will go on being “a friend of the docks”" is Lind's, not Haddad's:
    the climb from the quote passes "go" and ends at "said".
    """
    doc = candidates[0].doc
    inside = [
        t for t in doc.char_span(quote.start, quote.end, alignment_mode="expand") or [] if not t.is_punct
    ]
    attached = [t for t in inside if not inside_quotes(t.head, quotes) or t.head.i == t.i]
    if not attached:
        return None
    wanted = set(candidates)
    token, best = attached[0], None
    for _ in range(12):
        if token in wanted:
            best = token
        if token.head.i == token.i or (best is not None and token.dep_ in _CLAUSE_EDGES):
            break
        token = token.head
    return best


def _takes_quote(verb: Token, quotes: list[QuoteSpan]) -> bool:
    """A verb outside the quotes whose clausal complement or object lies inside one."""
    if verb.pos_ != "VERB" or inside_quotes(verb, quotes):
        return False
    return any(c.dep_ in ("ccomp", "parataxis", "dobj") and inside_quotes(c, quotes) for c in verb.children)


def quote_verb(sent: Span, quotes: list[QuoteSpan]) -> Token | None:
    """The speech verb that introduces the sentence's quotations.

    Of the speech verbs outside the quotes, those with a speaker slot come first. The one
    whose clause holds a quotation wins ("Trump told Newsmax that Romney “had a crazy policy”":
    told, not a verb inside the reported clause); else the one not in a background clause
    ("After Brown criticized him, Clinton said, “…”") nearest a quotation ("“…,” Ruiz said").
    """
    candidates = [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_LEMMAS and not inside_quotes(t, quotes)
    ]
    if not candidates and quotes:
        # no word of the lexicon, but a verb whose complement is the quotation itself: "Trump
        # shot back, “…”", "Clinton cracked, “…”", "As Amar put it, “…”"
        candidates = [t for t in sent if _takes_quote(t, quotes) and speaker_slot(t) is not None]
    if not candidates or not quotes:
        return speech_verb(sent, quotes)
    with_subject = [t for t in candidates if speaker_slot(t) is not None]
    pool = with_subject or candidates
    for quote in quotes:
        governor = _governor(quote, quotes, pool)
        if governor is not None:
            return governor

    def distance(verb: Token) -> int:
        return min(min(abs(verb.idx - q.start), abs(verb.idx - q.end)) for q in quotes)

    return min(pool, key=lambda v: (_in_background(v), distance(v)))
