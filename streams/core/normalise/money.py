"""Find sums of money in text and normalise them to a value in units and an ISO 4217 code.

Written by hand because the libraries tried (see shared notes: price-parser drops scale
words, quantulum3 mislabels units, number-parser misses "400 billion") get the common
news forms wrong. Handles symbols with country prefixes (US$, C$, A$, HK$), ISO codes,
currency words, scale words (thousand, million, billion, trillion, bn, m, k) and ranges
("$300 to 350 million" gives two amounts, each with the shared scale and currency).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from streams.core.model import Amount, AmountBound
from streams.core.normalise.numbers import CARDINALS
from streams.core.spans import CharSpans

_SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "GB£": "GBP",
}
_CODES = (
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "RMB",
    "CAD",
    "AUD",
    "NZD",
    "CHF",
    "HKD",
    "SGD",
    "INR",
    "KRW",
    "RUB",
    "BRL",
    "MXN",
    "ZAR",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "TRY",
    "ILS",
    "SAR",
    "AED",
)
_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "won": "KRW",
    "rubles": "RUB",
    "roubles": "RUB",
    "swiss francs": "CHF",
    "francs": "CHF",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "pesos": "MXN",
    "rand": "ZAR",
    "riyals": "SAR",
    "lira": "TRY",
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
}

_SYMBOL_RE = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_CODE_RE = "|".join(_CODES)
_WORD_RE = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
_SCALE_RE = r"thousand|million|billion|trillion|crore|lakh|mln|bn|mn|tn|[kmb](?![a-z])"
_WORD_NUMBERS = CARDINALS | {"a": 1, "hundred": 100}
_UNITS_RE = "|".join(w for w, v in _WORD_NUMBERS.items() if 1 <= v <= 9)
_TENS_RE = "|".join(w for w, v in _WORD_NUMBERS.items() if v >= 20 and v % 10 == 0 and v < 100)
_WORD_NUM = (
    rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNITS_RE}))?|"
    rf"{'|'.join(sorted((w for w in _WORD_NUMBERS if w not in ('a', 'zero')), key=len, reverse=True))})"
)
# 1,234,567.89 and the Indian grouping 12,34,567.89; plain 1234.5; number words ("five million yen")
_NUM = rf"\d{{1,3}}(?:,\d{{2}})*(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{_WORD_NUM}"
_RANGE_SEP = r"\s*(?:-|–|—|to)\s*"

_PREFIXED = re.compile(
    rf"(?<![\w$])(?P<cur>{_SYMBOL_RE}|(?:{_CODE_RE})\s?)\s?(?P<n1>{_NUM})"
    rf"(?:\s?(?P<s1>{_SCALE_RE})\b)?"
    rf"(?:{_RANGE_SEP}(?P<c2>{_SYMBOL_RE})?\s?(?P<n2>{_NUM})(?:\s?(?P<s2>{_SCALE_RE})\b)?)?",
    re.IGNORECASE,
)
_SUFFIXED = re.compile(
    rf"(?<![\w$£€¥])(?P<n1>{_NUM})(?:\s?(?P<s1>{_SCALE_RE}))?"
    rf"(?:{_RANGE_SEP}(?P<n2>{_NUM})(?:\s?(?P<s2>{_SCALE_RE}))?)?"
    rf"\s(?P<cur>{_WORD_RE}|{_CODE_RE})\b",
    re.IGNORECASE,
)

#: Sums in a currency's hundredth: "26 cents" (USD), "470 pence" (GBP), "a 12-cent dividend".
_SUBUNIT = re.compile(
    rf"(?<![\w$£€¥.,])(?P<n1>{_NUM})[- ]?(?P<unit>cents?|pence|penny|pennies)\b", re.IGNORECASE
)
_SUBUNIT_CURRENCY = {"cent": "USD", "cents": "USD", "pence": "GBP", "penny": "GBP", "pennies": "GBP"}


@dataclass(frozen=True)
class MoneySpan:
    """An amount found in a text, with character offsets into that text."""

    start: int
    end: int
    amount: Amount


def _number(text: str) -> float:
    lowered = text.lower()
    if lowered[:1].isdigit():
        return float(lowered.replace(",", ""))
    total = 0
    for part in re.split(r"[- ]", lowered):
        total = total * 100 if part == "hundred" else total + _WORD_NUMBERS[part]
    return float(total)


def _scale(word: str | None) -> float:
    return _SCALES[word.lower()] if word else 1.0


def _currency(token: str) -> str:
    token = token.strip()
    if token in _SYMBOLS:
        return _SYMBOLS[token]
    upper = token.upper()
    if upper == "RMB":
        return "CNY"
    if upper in _CODES:
        return upper
    return _WORDS[token.lower()]


def _is_range(match: re.Match[str]) -> bool:
    """A second number is part of the sum only when it carries a scale word or a symbol.

    That keeps "$5 million to 30 countries" from becoming a range.
    """
    if match.group("n2") is None:
        return False
    marked = match.group("s2") or ("c2" in match.groupdict() and match.group("c2"))
    return bool(marked) or match.re is _SUFFIXED


_UPPER = re.compile(r"\b(?:up to|as much as|as high as|no more than|at most|under|below|less than)\s*$", re.I)
_LOWER = re.compile(r"\b(?:more than|over|at least|above|in excess of|upwards of|no less than)\s*$", re.I)


def _bound(before: str) -> AmountBound | None:
    """Whether the words before a sum make it a ceiling or a floor ("up to $400 billion")."""
    if _UPPER.search(before):
        return "upper"
    if _LOWER.search(before):
        return "lower"
    return None


def _value(number: str, scale: float) -> float:
    return round(_number(number) * scale, 4)  # 16.4 million is 16400000, not 16399999.999999998


def _amounts(match: re.Match[str], before: str) -> list[Amount]:
    text = match.group(0)
    currency = _currency(match.group("cur"))
    s1, s2 = match.group("s1"), match.group("s2")
    if not _is_range(match):
        text = text[: match.end("s1") if s1 else match.end("n1")] if match.re is _PREFIXED else text
        value = _value(match.group("n1"), _scale(s1))
        return [Amount(text=text, value=value, currency=currency, bound=_bound(before))]
    # "$300 to 350 million": the scale after the second number applies to both.
    first_scale = _scale(s1) if s1 else _scale(s2)
    return [
        Amount(text=text, value=_value(match.group("n1"), first_scale), currency=currency, bound="lower"),
        Amount(text=text, value=_value(match.group("n2"), _scale(s2)), currency=currency, bound="upper"),
    ]


def find_money(text: str) -> list[MoneySpan]:
    """All sums of money in ``text``, in order of appearance, without overlaps."""
    found: list[MoneySpan] = []
    taken = CharSpans()
    for pattern in (_PREFIXED, _SUFFIXED):
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            if pattern is _SUFFIXED and match.group("cur").lower() == "won" and not match.group("s1"):
                continue  # "won 3 medals" style false friends need a scale word to count
            if pattern is _PREFIXED and not _is_range(match):
                end = match.end("s1") if match.group("s1") else match.end("n1")
            taken.add(start, end)
            before = text[max(0, start - 20) : start]
            found.extend(MoneySpan(start, end, amount) for amount in _amounts(match, before))
    for match in _SUBUNIT.finditer(text):
        start, end = match.span()
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        value = round(_number(match.group("n1")) / 100, 4)
        currency = _SUBUNIT_CURRENCY[match.group("unit").lower()]
        amount = Amount(
            text=match.group(0),
            value=value,
            currency=currency,
            bound=_bound(text[max(0, start - 20) : start]),
        )
        found.append(MoneySpan(start, end, amount))
    found.sort(key=lambda span: span.start)
    return found
