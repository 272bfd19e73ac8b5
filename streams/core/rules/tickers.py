"""Stock-ticker brackets, which name no party: "Zenco (NYSE: ZNC)", "(nasdaq: VLTS - news - people)".

Business news follows a listed company's name with its exchange and ticker symbol, and some
feeds append their own link words. The model tags the symbol, and often the exchange, as
organisations, which would make "NYSE" and "ZNC" parties to every deal the company signs.
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
    base = sent.start_char
    return [(base + m.start(), base + m.end()) for m in _TICKER.finditer(sent.text)]
