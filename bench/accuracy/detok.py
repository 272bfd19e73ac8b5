"""Rebuild running text, with character offsets, from a corpus's list of tokens.

Both MEANTIME and GUM store whitespace-split tokens, not the article text. The extractor
works on text, and its spaCy model parses ``Obama said: “We …”`` better than
``Obama said : `` We … ''``, so the benchmark glues punctuation back the way news copy
writes it and keeps, for every token, where it landed. Gold spans given as token ranges
then become character spans that can be compared with what the extractor reports.

Treebank quotation tokens (``\\`\\``` and ``''``) become curly quotes; a straight ``"`` is
read as opening or closing by alternation (reset at each line), which is right for
balanced quotes and harmless otherwise.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

OPEN_QUOTE = "\u201c"
CLOSE_QUOTE = "\u201d"

#: Tokens written without a space before them.
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", CLOSE_QUOTE, "'", "\u2019"}
)
#: Clitics split off by Treebank tokenisation ("it 's", "did n't").
_CLITICS = frozenset({"'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "\u2019s", "n\u2019t"})
#: Tokens written without a space after them.
_NO_SPACE_AFTER = frozenset({"(", "[", "{", OPEN_QUOTE, "$", "\u00a3", "\u20ac", "\u00a5"})


@dataclass(frozen=True)
class Detokenized:
    """The rebuilt text, each token's ``(start, end)`` in it, and each token as written."""

    text: str
    spans: list[tuple[int, int]]
    forms: list[str]

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Character span covering tokens ``first``..``last`` (inclusive)."""
        return self.spans[first][0], self.spans[last][1]


def _form(token: str, quote_open: bool) -> tuple[str, bool]:
    """The written form of a token and the new open/closed state of straight quotes."""
    if token == "``":
        return OPEN_QUOTE, quote_open
    if token == "''":
        return CLOSE_QUOTE, quote_open
    if token == '"':
        return (CLOSE_QUOTE, False) if quote_open else (OPEN_QUOTE, True)
    return token, quote_open


def _needs_space(previous: str, current: str) -> bool:
    if current in _NO_SPACE_BEFORE or current.lower() in _CLITICS:
        return False
    if previous in _NO_SPACE_AFTER:
        return False
    # "US$ 40" and "AU$ 52.5" are written "US$40" and "AU$52.5".
    return not (previous.endswith("$") and current[:1].isdigit())


def detokenize(
    tokens: Sequence[str],
    line_breaks: Collection[int] = (),
    glued: Collection[int] = (),
) -> Detokenized:
    """Join ``tokens`` into text.

    ``line_breaks`` holds indices of tokens that start a new line (a headline and a
    dateline are lines of their own, which the extractor's sentence splitter respects);
    ``glued`` holds indices of tokens that continue the previous one with no space
    (GUM marks the parts of one written word, such as ``quasi - state``).
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    forms: list[str] = []
    length = 0
    quote_open = False
    for index, token in enumerate(tokens):
        if index in line_breaks:
            quote_open = False
        form, quote_open = _form(token, quote_open)
        if index > 0:
            if index in line_breaks:
                separator = "\n"
            elif index in glued or not _needs_space(forms[-1], form):
                separator = ""
            else:
                separator = " "
            parts.append(separator)
            length += len(separator)
        spans.append((length, length + len(form)))
        parts.append(form)
        forms.append(form)
        length += len(form)
    return Detokenized(text="".join(parts), spans=spans, forms=forms)


def quote_spans(forms: Sequence[str]) -> list[tuple[int, int]]:
    """Token ranges ``(open, close)`` of curly-quoted passages, marks included.

    An opening mark met while a quote is open restarts the quote there (the earlier mark
    was unbalanced); an opening mark never closed is dropped.
    """
    found: list[tuple[int, int]] = []
    start: int | None = None
    for index, form in enumerate(forms):
        if form == OPEN_QUOTE:
            start = index
        elif form == CLOSE_QUOTE and start is not None:
            found.append((start, index))
            start = None
    return found
