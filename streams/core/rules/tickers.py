"""Brackets after a name that name no party: stock tickers, "Zenco (NYSE: ZNC)", "(nasdaq: VLTS -
news - people)", and US politicians' party-and-state labels, "Sen. Ann Lee (R-AL)".

Business news follows a listed company's name with its exchange and ticker symbol, and some
feeds append their own link words. The model tags the symbol, and often the exchange, as
organisations, which would make "NYSE" and "ZNC" parties to every deal the company signs.
Likewise it tags the state of "(D-Calif.)" as a place or a body, which is no one's party.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

#: "(" + an exchange's name + ":" and what follows up to the closing bracket.
_TICKER = re.compile(
    r"\(\s*(?:nasdaq|nyse|amex|otc|lse|tsx|asx|hkex|euronext|xetra|nyse\s+arca|nyse\s+american)"
    r"(?:\s*[a-z]{0,3})?\s*:[^()]{0,60}\)",
    re.IGNORECASE,
)


def ticker_spans(sent: Span) -> list[tuple[int, int]]:
    """Document character spans of the ticker brackets in ``sent``."""
    return _spans(_TICKER, sent)


#: "(R-AL)", "(D-Calif.)", "(I-Vt.)", "(R-Iowa)": party initial, dash, state.
_AFFILIATION = re.compile(r"\(\s*[RDI]\s*[-–]\s*[A-Z][A-Za-z.]{1,14}\s*\)")


def affiliation_spans(sent: Span) -> list[tuple[int, int]]:
    """Document character spans of the party-and-state brackets in ``sent``."""
    return _spans(_AFFILIATION, sent)


def _spans(pattern: re.Pattern[str], sent: Span) -> list[tuple[int, int]]:
    base = sent.start_char
    return [(base + m.start(), base + m.end()) for m in pattern.finditer(sent.text)]
