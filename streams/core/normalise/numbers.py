"""English number words, shared by the date and money rules ("three days ago", "five million yen")."""

from __future__ import annotations

_UNITS_AND_TEENS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: "zero" to "nineteen", then the tens to "ninety", in that order.
CARDINALS: dict[str, int] = {word: value for value, word in enumerate(_UNITS_AND_TEENS)} | {
    word: 20 + 10 * i for i, word in enumerate(_TENS)
}
