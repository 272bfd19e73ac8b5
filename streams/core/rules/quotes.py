"""Find direct quotations in text: curly and straight, double and single quotes, guillemets.

Only the quote spans are found here (character offsets); who said them is decided in
``statements.py`` with the parse. Double quotation marks are read the way a copy editor
reads them, one paragraph at a time: ``“`` opens, ``”`` closes, and a straight ``"`` or a
doubled apostrophe ``''`` (one wire style writes every quote so) opens or closes by the
characters around it (a space before and a letter after opens), and where those say
nothing by whether a quote is open. So a quote opened curly and closed straight, marks
glued to the word before and quotes back to back all pair up. A paragraph whose quote is
still open at its end is a part of a quote that runs on when the next paragraph opens
with a mark (the convention for a quotation over several paragraphs); otherwise the
unmatched mark is ignored. Unbalanced marks never raise, and the scan is linear in the
text length, so a body of 100,000 quotation marks costs the same as any other.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

#: Longest quote considered, in characters; longer "quotes" are unbalanced marks.
MAX_QUOTE_CHARS = 1500

#: The double marks: curly, straight, the low German opener, and runs of apostrophes ('' = ").
_DOUBLE_MARK = re.compile(r"[“”\"„]|'{2,}")
_OPENING_CURLY = "“„"
_CLOSING_CURLY = "”"
_MARK_CHARS = "“”\"„'‘’«»"
#: Characters after which a mark opens a quote: the start, space, an opening bracket or a dash.
_BEFORE_OPENING = "([{—–-/"
#: Characters after which (besides space) a mark closes a quote: punctuation.
_AFTER_CLOSING = ".,;:!?)]}—–-/…"

_OTHER_PAIRS = (
    re.compile(rf"(?<![\w‘’])‘([^‘’\n]{{1,{MAX_QUOTE_CHARS}}}?)’(?!\w)"),
    re.compile(rf"«([^«»\n]{{1,{MAX_QUOTE_CHARS}}})»"),
    # straight single quotes, as British copy uses them: an apostrophe between letters
    # ("It's") may sit inside, and the closing mark must not be followed by a letter
    re.compile(rf"(?<![\w'])'(?=\w)((?:[^'\n]|(?<=\w)'(?=\w)){{1,{MAX_QUOTE_CHARS}}}?)(?<=[\w.,!?])'(?!\w)"),
)


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them.

    ``runs_on`` marks a paragraph of a quotation over several paragraphs whose quote is not
    closed in it: the next paragraph opens with a mark and goes on with the same words.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    runs_on: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span of ``taken`` (sorted, non-overlapping): O(log n)."""
    i = bisect.bisect_right(taken, (start, 1 << 62)) - 1
    if i >= 0 and taken[i][1] > start:
        return True
    return i + 1 < len(taken) and taken[i + 1][0] < end


def _span(
    text: str, start: int, inner_start: int, inner_end: int, end: int, runs_on: bool = False
) -> QuoteSpan | None:
    """The quote between the marks, or None when it holds no word or is too long to be one."""
    inner = text[inner_start:inner_end]
    stripped = inner.strip()
    if not stripped or len(inner) > MAX_QUOTE_CHARS or not any(ch.isalpha() for ch in stripped):
        return None
    lead = len(inner) - len(inner.lstrip())
    first = inner_start + lead
    return QuoteSpan(start, end, first, first + len(stripped), stripped, runs_on)


def _role(text: str, start: int, end: int) -> str:
    """``open``, ``close`` or ``either`` for the double mark at text[start:end], by its neighbours."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = not after.isspace() and (before.isspace() or before in _BEFORE_OPENING or before in _MARK_CHARS)
    closes = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in _MARK_CHARS)
    mark = text[start]
    if mark in _OPENING_CURLY:
        return "close" if closes and not opens else "open"
    if mark in _CLOSING_CURLY:
        return "open" if opens and not closes else "close"
    if opens != closes:
        return "open" if opens else "close"
    return "either"


def _marks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The double marks of text[lo:hi] as (start, end, role); a run of three or more
    apostrophes is a single quote beside a doubled one ("'wrong track.'''")."""
    marks = []
    for match in _DOUBLE_MARK.finditer(text, lo, hi):
        start, end = match.span()
        if end - start > 2:  # apostrophes: the double mark is the outer pair of the run
            role = _role(text, start, end)
            start, end = (start, start + 2) if role == "open" else (end - 2, end)
        marks.append((start, end, _role(text, start, end)))
    return marks


#: A line that opens with a name of two or three capitalised words and a comma or full stop: the
#: credit line of a pull quote, which some pages set inside the quote's closing mark.
_ATTRIBUTION_LINE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){1,2}[A-Z][\w'’-]*\s*[,.]")


#: Words of a sentence, which a credit line ("Dean Lee, bank economist.") never has.
_SENTENCE_WORDS = frozenset(
    {
        "i",
        "you",
        "we",
        "he",
        "she",
        "they",
        "it",
        "is",
        "are",
        "was",
        "were",
        "will",
        "be",
        "have",
        "has",
        "not",
    }
)


def _credit_line(line: str) -> bool:
    """A pull quote's credit line: a name, then at most a short title, no words of a sentence
    ("Dean Lee, Center for Policy Research." is one; "President Berg, you are wrong." is not)."""
    words = line.split()
    return (
        _ATTRIBUTION_LINE.match(line) is not None
        and len(words) <= 10
        and not any(w.strip(".,;:!?").lower() in _SENTENCE_WORDS for w in words)
    )


def _paragraph_quotes(
    text: str, lo: int, hi: int, next_opens: bool, carried: tuple[int, int] | None = None
) -> tuple[list[QuoteSpan], tuple[int, int] | None]:
    """The double-quoted stretches of the paragraph text[lo:hi], and the opening mark it leaves
    open, if any. ``carried`` is the previous line's open mark: a quote that a line break
    splits ("His words:\n“We met him.\nWe liked him.”", text with a sentence per line) is
    closed by the first mark of the next line, when that mark can close it."""
    found: list[QuoteSpan] = []
    opened: tuple[int, int] | None = carried
    for start, end, role in _marks(text, lo, hi):
        if opened is None:
            if role != "close":  # a closing mark with nothing open is a stray (inches, ditto)
                opened = (start, end)
        elif role == "open":  # an opening mark inside an open quote: the first one was a stray
            opened = (start, end)
        elif opened == carried and _credit_line(text[lo:start]):
            opened = None  # a pull quote's credit line ("“…\nDean Baker, economist.”"), not its words
        else:
            # a value in markup (<tweet author="@x">) is no quotation
            quote = (
                None
                if text[opened[0] - 1 : opened[0]] == "="
                else _span(text, opened[0], opened[1], start, end)
            )
            if quote is not None:
                found.append(quote)
            opened = None
    if opened is None or opened == carried:
        return found, None  # a line with no mark does not carry a quote on to the next
    if next_opens:
        end = len(text[lo:hi].rstrip()) + lo
        quote = _span(text, opened[0], opened[1], end, end, runs_on=True)
        if quote is not None:
            found.append(quote)
        return found, None
    return found, opened


def _opens_with_mark(text: str, lo: int, hi: int) -> bool:
    stripped = len(text[lo:hi]) - len(text[lo:hi].lstrip())
    match = _DOUBLE_MARK.match(text, lo + stripped, hi)
    return match is not None and _role(text, *match.span()) != "close"


def _double_quotes(text: str) -> list[QuoteSpan]:
    """Every double-quoted stretch, paragraph by paragraph (blank lines skipped)."""
    paragraphs = []
    lo = 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((lo, lo + len(line)))
        lo += len(line) + 1
    found: list[QuoteSpan] = []
    carried: tuple[int, int] | None = None
    for k, (lo, hi) in enumerate(paragraphs):
        next_opens = k + 1 < len(paragraphs) and _opens_with_mark(text, *paragraphs[k + 1])
        quotes, left_open = _paragraph_quotes(text, lo, hi, next_opens, carried)
        found.extend(quotes)
        next_line = k + 1 < len(paragraphs) and paragraphs[k + 1][0] == hi + 1  # no blank line between
        carried = left_open if next_line else None
    return found


def find_quotes(text: str) -> list[QuoteSpan]:
    """All non-overlapping quotations in ``text``, in order; double quotes first, then the
    other pairs in turn, each skipping what an earlier one took."""
    found = _double_quotes(text)
    taken = sorted((q.start, q.end) for q in found)
    for pattern in _OTHER_PAIRS:
        accepted: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            start, end = match.span()
            if _overlaps(taken, start, end):
                continue
            quote = _span(text, start, match.start(1), match.end(1), end)
            if quote is not None:
                found.append(quote)
                accepted.append((start, end))
        taken = sorted(taken + accepted)  # one pattern's matches never overlap each other
    found.sort(key=lambda q: q.start)
    return found
