"""Find direct quotations in text: curly and straight double quotes, curly single quotes.

Only the quote spans are found here (character offsets); who said them is decided in
``statements.py`` with the parse. Unbalanced quotation marks never raise: an opening
mark without a closing one in the same paragraph is ignored, and the scan is linear in
the text length, so a body of 100,000 quotation marks costs the same as any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Longest quote considered, in characters; longer "quotes" are unbalanced marks.
MAX_QUOTE_CHARS = 1500

_PAIRS = (
    re.compile(rf"“([^“”\n]{{1,{MAX_QUOTE_CHARS}}})”"),
    re.compile(rf'(?<![\w"])"([^"\n]{{1,{MAX_QUOTE_CHARS}}})"'),
    re.compile(rf"(?<![\w‘’])‘([^‘’\n]{{1,{MAX_QUOTE_CHARS}}}?)’(?!\w)"),
    re.compile(rf"«([^«»\n]{{1,{MAX_QUOTE_CHARS}}})»"),
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


def find_quotes(text: str) -> list[QuoteSpan]:
    """All non-overlapping quotations in ``text``, in order."""
    found: list[QuoteSpan] = []
    for pattern in _PAIRS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < q.end and q.start < end for q in found):
                continue
            inner = match.group(1)
            stripped = inner.strip()
            if not stripped or not any(ch.isalpha() for ch in stripped):
                continue
            lead = len(inner) - len(inner.lstrip())
            inner_start = match.start(1) + lead
            found.append(QuoteSpan(start, end, inner_start, inner_start + len(stripped), stripped))
    found.sort(key=lambda q: q.start)
    return found
