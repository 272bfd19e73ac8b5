"""Find direct quotations in text: curly and straight, double and single quotes, guillemets.

Only the quote spans are found here (character offsets); who said them is decided in
``statements.py`` with the parse. Unbalanced quotation marks never raise: an opening
mark without a closing one in the same paragraph is ignored, and the scan is linear in
the text length, so a body of 100,000 quotation marks costs the same as any other.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

#: Longest quote considered, in characters; longer "quotes" are unbalanced marks.
MAX_QUOTE_CHARS = 1500

_PAIRS = (
    re.compile(rf"“([^“”\n]{{1,{MAX_QUOTE_CHARS}}})”"),
    re.compile(rf'(?<![\w"])"([^"\n]{{1,{MAX_QUOTE_CHARS}}})"'),
    re.compile(rf"(?<![\w‘’])‘([^‘’\n]{{1,{MAX_QUOTE_CHARS}}}?)’(?!\w)"),
    re.compile(rf"«([^«»\n]{{1,{MAX_QUOTE_CHARS}}})»"),
    # straight single quotes, as British copy uses them: an apostrophe between letters
    # ("It's") may sit inside, and the closing mark must not be followed by a letter
    re.compile(rf"(?<![\w'])'(?=\w)((?:[^'\n]|(?<=\w)'(?=\w)){{1,{MAX_QUOTE_CHARS}}}?)(?<=[\w.,!?])'(?!\w)"),
)


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span of ``taken`` (sorted, non-overlapping): O(log n)."""
    i = bisect.bisect_right(taken, (start, 1 << 62)) - 1
    if i >= 0 and taken[i][1] > start:
        return True
    return i + 1 < len(taken) and taken[i + 1][0] < end


def find_quotes(text: str) -> list[QuoteSpan]:
    """All non-overlapping quotations in ``text``, in order; earlier patterns win overlaps."""
    found: list[QuoteSpan] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PAIRS:
        accepted: list[tuple[int, int]] = []
        for match in pattern.finditer(text):
            start, end = match.span()
            if _overlaps(taken, start, end):
                continue
            inner = match.group(1)
            stripped = inner.strip()
            if not stripped or not any(ch.isalpha() for ch in stripped):
                continue
            lead = len(inner) - len(inner.lstrip())
            inner_start = match.start(1) + lead
            found.append(QuoteSpan(start, end, inner_start, inner_start + len(stripped), stripped))
            accepted.append((start, end))
        taken = sorted(taken + accepted)  # one pattern's matches never overlap each other
    found.sort(key=lambda q: q.start)
    return found
