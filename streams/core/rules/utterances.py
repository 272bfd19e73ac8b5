"""Which quoted parts are one utterance, and so one statement.

A writer breaks a quotation with its attribution: "“We will not rush this,” she said,
“because the vote is in May.”" is one utterance, one statement. "“We like the plan,” Ruiz
said. “It is fair.”" is two sentences and two statements, as the project's gold guideline
counts them (PolNeAR joins them; its scorer leaves such a second part out of precision). So
the parts are one utterance when nothing but the attribution stands between them, in the
same paragraph, and the second goes on with the first one's sentence:

- the attribution is a single clause with one speech verb, not a sentence of its own
  (no full stop, colon or second cue: "she said, adding:", "he said. Then he added:") and
  not a clause that takes the quote into the writer's own sentence ("he added that his plan");
- the first part does not end with a full stop, and the second opens in lower case (or
  with "I"), as the rest of a sentence does.

A quotation over several paragraphs (each opens with a mark, only the last closes) is a
statement per paragraph, one speaker for all: ``runs_on_to`` links the parts.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from streams.core.lexicon.speech import SPEECH_LEMMAS
from streams.core.rules.quotes import QuoteSpan

#: Punctuation that ends a clause: inside or at the end of the attribution it means the
#: writer's sentence ended there.
_CLAUSE_ENDS = frozenset(".!?;:")
#: Longest attribution between two parts, in tokens ("Ruiz said on Friday in an address
#: in Madrid to the delegates who had gathered there, ..." is long but one clause).
MAX_ATTRIBUTION_TOKENS = 40


def _goes_on(text: str, second: QuoteSpan) -> bool:
    """The second part opens as the rest of a sentence: lower case, or "I"."""
    head = text[second.inner_start : second.inner_start + 2]
    return head[:1].islower() or (head[:1] == "I" and not head[1:2].isalpha())


def one_utterance(first: QuoteSpan, second: QuoteSpan, doc: Doc, text: str) -> bool:
    """Whether ``second`` goes on with the sentence ``first`` began (``first`` before ``second``).
    ``text`` is ``doc.text``, passed in: spaCy builds that string anew on every access."""
    gap = text[first.end : second.start]
    if first.runs_on or "\n" in gap or not gap.strip() or first.text.endswith("."):
        return False
    if not _goes_on(text, second):
        return False
    span = doc.char_span(first.end, second.start, alignment_mode="contract")
    words = [t for t in span or () if not t.is_space]
    if len(words) > MAX_ATTRIBUTION_TOKENS or any(t.text in _CLAUSE_ENDS for t in words):
        return False
    # "he added that the plan “…”": the second part belongs to another clause of the writer's
    return not any(t.dep_ == "mark" or t.lower_ == "that" for t in words)


def runs_on_to(first: QuoteSpan, second: QuoteSpan, text: str) -> bool:
    """Whether ``second`` is the next paragraph of the quotation ``first`` leaves open."""
    return first.runs_on and not text[first.end : second.start].strip()


def group_parts(quotes: Sequence[QuoteSpan], doc: Doc, text: str) -> list[list[QuoteSpan]]:
    """``quotes`` (in order) grouped into utterances."""
    groups: list[list[QuoteSpan]] = []
    for quote in quotes:
        if groups and one_utterance(groups[-1][-1], quote, doc, text):
            groups[-1].append(quote)
        else:
            groups.append([quote])
    return groups


#: Fewer quoted words than this are a fragment inside the writer's paraphrase, not a quotation
#: (the project's gold guideline; PolNeAR classes such a report as indirect too).
QUOTATION_WORDS = 4


def is_partial(parts: Sequence[QuoteSpan], text: str) -> bool:
    """A fragment rather than an utterance: under four words, or opening in lower case inside
    the writer's sentence ("called the plan “a step back for the region”")."""
    return is_fragment(sum(q.words for q in parts), text, parts[0].inner_start)


def is_fragment(words: int, text: str, start: int) -> bool:
    """``is_partial`` for quoted words counted already, the first of them at ``start``."""
    return words < QUOTATION_WORDS or text[start : start + 1].islower()


#: Words a title leaves in lower case ("Meet the Press", "Orange Is the New Black").
_TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "vs",
        "via",
        "de",
    ]
)
#: Longest title considered, in words.
MAX_TITLE_WORDS = 8


def _title_cased(words: list[str]) -> bool:
    """Every word capitalised but the small ones, and the first and last capitalised."""
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if not words or len(words) > MAX_TITLE_WORDS:
        return False
    capital = [w.lstrip("([“‘'\"")[:1].isupper() for w in words]
    return (
        capital[0]
        and capital[-1]
        and all(c or w.lower() in _TITLE_SMALL_WORDS for c, w in zip(capital, words, strict=True))
    )


def is_name_not_words(quote: QuoteSpan, doc: Doc, text: str) -> bool:
    """A title, nickname or handle in quotation marks, not words someone said: the writer's
    sentence names it ("appeared on “Meet the Press,”", "starred in “Broad City”", "the
    group “Keep the Promise”"). Told by its form: a handle (``@name``, ``#tag``), or a
    title-cased phrase set in the middle of a clause of prose (a word before it that is no
    speech verb), where an utterance would follow "said", a colon or the start of a sentence.
    """
    words = quote.text.split()
    if len(words) == 1 and quote.text[:1] in "@#":
        return True
    if not _title_cased(words):
        return False
    i = quote.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or not (text[i].isalnum() or text[i] in "’'"):
        return False  # after punctuation, a line break or at the start: an utterance may begin there
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    previous = doc[span.start - 1]
    if previous.lemma_.lower() in SPEECH_LEMMAS and previous.pos_ in ("VERB", "AUX"):
        return False  # said “Only Rosie O'Donnell.”
    return _prose_around(doc, span.start, span.end) >= 3  # a headline is title-cased throughout


#: How far either side of a quote to look for the writer's prose, in tokens (a bounded
#: window keeps a body of many quotes in one long "sentence" linear).
_PROSE_WINDOW = 15


def _prose_around(doc: Doc, start: int, end: int) -> int:
    """Lower-case words near doc[start:end] in its own sentence and line."""
    count = 0
    for step, first in ((-1, start - 1), (1, end)):
        i = first
        while 0 <= i < len(doc) and abs(i - first) < _PROSE_WINDOW:
            token = doc[i]
            if "\n" in token.text or (step == 1 and token.is_sent_start):
                break
            count += token.is_alpha and token.text[0].islower()
            if step == -1 and token.is_sent_start:
                break
            i += step
    return count
