"""Parse a long body in windows, so the model's memory follows the window, not the article.

spaCy's parse of one long ``Doc`` needs memory in proportion to its length: a 250 KB body
peaked at about 1 GB, a 1 MB body at 3.3 GB, more than a worker's 1 GiB limit. Here the
prepared text is cut into windows of at most ``max_chars`` characters at paragraph breaks
(bodies keep one paragraph per line), at sentence ends inside a paragraph longer than a
window, and at a space when a paragraph has neither; the windows go through ``nlp.pipe`` a
few at a time, and their docs are joined back into one ``Doc`` whose text is the prepared
text, character for character. The rules then read the whole article as before (the person
register, who "he" is, the parties of "both sides"), and every offset they report is an
offset into the body, so ``evidence.start``/``end`` stay exact.

A cut is always placed where a token must start anyway (after white space, before a
non-space character), so the windows' tokens are the whole text's tokens. A paragraph
break already starts a sentence (``loader.paragraph_breaks``), so cutting there changes
only what the model's context window of a few tokens sees around the break.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

#: The longest window handed to the model, in characters. Measured with
#: ``make bench-long-article``: from 2,000 to 20,000 characters the parse takes the same
#: time and peaks within 30 MB of each other; 10,000 holds three or four typical articles.
WINDOW_CHARS = 10_000

#: Most characters parsed at once (several windows per ``nlp.pipe`` batch), which is what sets
#: the parse's peak memory: 20,000 characters peaked at 260-290 MB, 100,000 at 530 MB.
BATCH_CHARS = 20_000

_WHITESPACE = re.compile(r"\s+")
_SENTENCE_ENDS = frozenset(".!?…")
_CLOSERS = frozenset("\"'”’)]")


def _paragraph_cut(text: str, run: re.Match[str]) -> bool:
    """A line break in the white space: the next paragraph starts after it."""
    return "\n" in run.group()


def _sentence_cut(text: str, run: re.Match[str]) -> bool:
    """The white space follows a sentence's end, possibly behind closing quotes or brackets."""
    i = run.start()
    while i > 0 and text[i - 1] in _CLOSERS:
        i -= 1
    return i > 0 and text[i - 1] in _SENTENCE_ENDS


def _space_cut(text: str, run: re.Match[str]) -> bool:
    return True


def _cuts_in(text: str, start: int, end: int, fits: Callable[[str, re.Match[str]], bool]) -> list[int]:
    """The starts of the words in ``(start, end)`` whose preceding white space ``fits``.

    Each run of white space is looked at once, so the search is linear in the text (a pattern
    such as ``\\s+(?=\\S)`` retried from every position of a long blank stretch is quadratic:
    100,000 blanked quotation marks took 46 s).
    """
    return [
        run.end()
        for run in _WHITESPACE.finditer(text, start, end)
        if start < run.end() < end and fits(text, run)
    ]


def _pack(cuts: list[int], start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Greedy windows over ``[start, end)`` ending at ``cuts``; a piece with no cut inside it
    may still be longer than ``max_chars`` (the caller splits those further)."""
    begin = last = start
    for cut in [*cuts, end]:
        if cut - begin > max_chars and last > begin:
            yield begin, last
            begin = last
        last = cut
    yield begin, end


def split_windows(text: str, max_chars: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` pieces that cover ``text`` in order, each of at most ``max_chars``
    characters unless no white space at all lets it be cut (``prepare_for_nlp`` makes that
    impossible: it blanks every run of more than 100 non-space characters)."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    windows: list[tuple[int, int]] = []
    for piece in _pack(_cuts_in(text, 0, len(text), _paragraph_cut), 0, len(text), max_chars):
        if piece[1] - piece[0] <= max_chars:
            windows.append(piece)
            continue
        for part in _pack(_cuts_in(text, *piece, _sentence_cut), *piece, max_chars):
            if part[1] - part[0] <= max_chars:
                windows.append(part)
            else:
                windows.extend(_pack(_cuts_in(text, *part, _space_cut), *part, max_chars))
    return windows


def _batches(
    windows: list[tuple[int, int]], max_docs: int, max_chars: int
) -> Iterator[list[tuple[int, int]]]:
    batch: list[tuple[int, int]] = []
    chars = 0
    for window in windows:
        size = window[1] - window[0]
        if batch and (len(batch) == max_docs or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(window)
        chars += size
    if batch:
        yield batch


def parse_in_windows(
    nlp: Language,
    text: str,
    *,
    window_chars: int = WINDOW_CHARS,
    batch_chars: int = BATCH_CHARS,
    batch_size: int = 16,
    between: Callable[[], None] | None = None,
) -> Doc:
    """One ``Doc`` of ``text`` parsed window by window; ``between`` runs after each ``nlp.pipe``
    batch (the extractor's time budget raises there)."""
    docs: list[Doc] = []
    for batch in _batches(split_windows(text, window_chars), batch_size, batch_chars):
        for doc in nlp.pipe([text[start:end] for start, end in batch], batch_size=len(batch)):
            doc.tensor = doc.tensor[:0]  # the rules never read it; kept, it is 400 bytes a token
            docs.append(doc)
        if between is not None:
            between()
    if len(docs) == 1:
        return docs[0]
    # ``exclude`` is in spaCy 3.8's from_docs but not in its type stub
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"])  # type: ignore[call-arg]
    if joined.text != text:  # offsets into the body are a contract: never publish shifted ones
        raise ValueError("the windows' docs do not join back into the article's text")
    return joined
