"""Words beside a name that name no party: stock tickers, "Zenco (NYSE: ZNC)", "(nasdaq: VLTS -
news - people)", "(ZNC Quote - Cramer on ZNC - Stock Picks)", US politicians' party-and-state
labels, "Sen. Ann Lee (R-AL)", and where a firm is based, "Markham, Ont.-based ATI".

Business news follows a listed company's name with its exchange and ticker symbol, and some
feeds append their own link words. The model tags the symbol, and often the exchange, as
organisations, which would make "NYSE" and "ZNC" parties to every deal the company signs.
Likewise it tags the state of "(D-Calif.)" as a place or a body, which is no one's party.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from streams.core.rules.document import entities_in

#: "(" + an exchange's name + ":" and what follows up to the closing bracket.
_TICKER = re.compile(
    r"\(\s*(?:nasdaq|nyse|amex|otc|lse|tsx|asx|hkex|euronext|xetra|nyse\s+arca|nyse\s+american)"
    r"(?:\s*[a-z]{0,3})?\s*:[^()]{0,60}\)",
    re.IGNORECASE,
)


#: A feed's quote links after a company's name: "(EDS Quote - Cramer on EDS - Stock Picks)".
_QUOTE_LINKS = re.compile(r"\(\s*[A-Z][A-Z.&]{0,5}\s+Quote\b[^()]{0,80}\)")


def ticker_spans(sent: Span) -> list[tuple[int, int]]:
    """Document character spans of the ticker brackets and quote links in ``sent``."""
    return _spans(_TICKER, sent) + _spans(_QUOTE_LINKS, sent)


#: The place a firm is based in, written before "-based": "Hsinchu-based", "New York-based",
#: "Markham, Ont-based", "Sunnyvale, Calif.-based" (the model tags "Markham" and "Ont" as people).
_BASED = re.compile(r"(?:[A-Z][\w.'&]*(?:,\s*|\s+)){0,3}[A-Z][\w.'&]*\s*-\s*based\b")


def based_in_spans(sent: Span) -> list[tuple[int, int]]:
    """Document character spans of the places a firm is said to be based in, in ``sent``."""
    return _spans(_BASED, sent)


#: "(R-AL)", "(D-Calif.)", "(I-Vt.)", "(R-Iowa)": party initial, dash, state.
_AFFILIATION = re.compile(r"\(\s*[RDI]\s*[-–]\s*[A-Z][A-Za-z.]{1,14}\s*\)")


def affiliation_spans(sent: Span) -> list[tuple[int, int]]:
    """Document character spans of the party-and-state brackets in ``sent``."""
    return _spans(_AFFILIATION, sent)


def _spans(pattern: re.Pattern[str], sent: Span) -> list[tuple[int, int]]:
    base = sent.start_char
    return [(base + m.start(), base + m.end()) for m in pattern.finditer(sent.text)]


#: What may lie between one labelled name's bracket and the next name of the same list.
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)$")


def labelled_lists(sent: Span) -> list[list[Span]]:
    """Lists of people each followed by a party-and-state label: "Sens. Ann Lee (D-N.J.), Bo Kim
    (D-W.Va.) and Cy Dunn (R-Fla.)". The brackets break the parse of such a list (the model makes
    the second name the subject of what follows), so the list is read from the text: the names
    whose label ends right before the next name, with only a comma or "and" between."""
    base = sent.start_char
    text = sent.text
    labels = affiliation_spans(sent)
    people = [e for e in entities_in(sent) if e.label_ == "PERSON"]
    labelled = []
    for ent in people:
        after = next((lab for lab in labels if 0 <= lab[0] - ent.end_char <= 1), None)
        if after is not None:
            labelled.append((ent, after))
    lists: list[list[Span]] = []
    label_end = -1  # where the last labelled name's bracket closed
    for ent, (_, end) in labelled:
        if lists and _LIST_GLUE.fullmatch(text[label_end - base : ent.start_char - base]):
            lists[-1].append(ent)
        else:
            lists.append([ent])
        label_end = end
    return [names for names in lists if len(names) > 1]
