from __future__ import annotations

import re

import pytest

from streams.core.normalise.money import _may_have_subunits, _one_of, find_money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("firms weighing investments worth up to $250 billion in Chile.", [(250e9, "USD")]),
        ("Oslo pledged to provide $480 billion in green investments.", [(480e9, "USD")]),
        ("a US$35 billion (GB £17.3 billion) contract", [(35e9, "USD"), (17.3e9, "GBP")]),
        ("The airline raised C$1.2bn from investors.", [(1.2e9, "CAD")]),
        ("Qantas paid A$350m for the stake.", [(350e6, "AUD")]),
        ("a contract worth €300 to 350 million", [(300e6, "EUR"), (350e6, "EUR")]),
        ("fined 2.5 million euros by the regulator", [(2.5e6, "EUR")]),
        ("a ¥2,000 ticket", [(2000.0, "JPY")]),
        ("a further £40m if finished early", [(40e6, "GBP")]),
        ("GDP of $21.4 trillion", [(21.4e12, "USD")]),
        ("USD 5 million in aid", [(5e6, "USD")]),
        ("salaries of $85,000 a year", [(85000.0, "USD")]),
        ("a $2 thousand grant", [(2000.0, "USD")]),
        ("a HK$10.05 billion bond", [(10.05e9, "HKD")]),
        ("a loan of 3 bn yuan", [(3e9, "CNY")]),
        ("paid ¥1.2 trillion for the yen-denominated bonds", [(1.2e12, "JPY")]),
        ("received five million yen from the industry", [(5e6, "JPY")]),
        ("shares fell 26 cents to $14.10", [(0.26, "USD"), (14.1, "USD")]),
        ("a bid of 470 pence a share", [(4.7, "GBP")]),
        ("a fine of 12,34,567 rupees", [(1234567.0, "INR")]),
        ("thirty-five billion dollars in loans", [(35e9, "USD")]),
        ("between $1 million and $2 million", [(1e6, "USD"), (2e6, "USD")]),
        ("a ticket costs 12 € in Rome and 9 £ in Leeds", [(12.0, "EUR"), (9.0, "GBP")]),
        ("It is 150 million $ (US$199 million).", [(199e6, "USD")]),
        ("a fee of 40 us dollar, or 290 chinese yuan", [(40.0, "USD"), (290.0, "CNY")]),
        ("bread costs 15 turkish lira", [(15.0, "TRY")]),
        ("a seven-year, $12-million contract", [(12e6, "USD")]),  # the scale hyphened to the number
        ("Zenco will pay US$2.5-billion for Valdor.", [(2.5e9, "USD")]),
        ("a C$3-billion to C$4-billion bid", [(3e9, "CAD"), (4e9, "CAD")]),
        ("the shares closed at NT$41.5 on Friday", [(41.5, "TWD")]),
    ],
)
def test_money_forms(text: str, expected: list[tuple[float, str]]) -> None:
    found = [(m.amount.value, m.amount.currency) for m in find_money(text)]
    assert [c for _, c in found] == [c for _, c in expected]
    assert [v for v, _ in found] == pytest.approx([v for v, _ in expected])


@pytest.mark.parametrize(
    "text",
    ["He won 3 medals.", "Some 5 people came.", "in the 1990s", "$5 million to 30 countries"],
)
def test_not_money_or_not_a_range(text: str) -> None:
    found = find_money(text)
    assert len(found) <= 1
    if found:
        assert found[0].amount.value == 5e6


def test_offsets_point_at_the_amount() -> None:
    text = "The deal is worth $1.5bn, officials said."
    (span,) = find_money(text)
    assert text[span.start : span.end] == "$1.5bn"


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("investments worth up to $400 billion", ["upper"]),
        ("more than €5m in damages", ["lower"]),
        ("a contract worth $300 to 350 million", ["lower", "upper"]),
        ("a $20 million deal", [None]),
    ],
)
def test_bounds(text: str, bounds: list[str | None]) -> None:
    assert [m.amount.bound for m in find_money(text)] == bounds


@pytest.mark.parametrize("text", ["5 per cent of voters", "he won two medals", "someone dollars"])
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def _read(text: str) -> list[tuple[str, float, str, str | None]]:
    return [
        (text[m.start : m.end], m.amount.value, m.amount.currency, m.amount.bound) for m in find_money(text)
    ]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "currency"),
    [
        ("The levy costs farmers between $5 and $7 billion a year.", "$5 and $7 billion", 5e9, 7e9, "USD"),
        ("Rents run at US$3,000 to 5,000 a month.", "US$3,000 to 5,000", 3000.0, 5000.0, "USD"),
        ("Rents run at US$3,000 to 5,000.", "US$3,000 to 5,000", 3000.0, 5000.0, "USD"),
        ("a US$3,000 to 5,000 rebate for buyers", "US$3,000 to 5,000", 3000.0, 5000.0, "USD"),
        ("a bridge costing €300 to 350 million", "€300 to 350 million", 300e6, 350e6, "EUR"),
        ("repairs estimated at $5-7 billion", "$5-7 billion", 5e9, 7e9, "USD"),
        ("bids of $5 billion to $7 billion", "$5 billion to $7 billion", 5e9, 7e9, "USD"),
        ("fines ranging from 2 to 3 million euros", "2 to 3 million euros", 2e6, 3e6, "EUR"),
        ("a bill of between 10 and 20 million pounds", "10 and 20 million pounds", 10e6, 20e6, "GBP"),
        ("worth between $1 million and $2 million", "$1 million and $2 million", 1e6, 2e6, "USD"),
        ("priced between US$3 and US$4 billion", "US$3 and US$4 billion", 3e9, 4e9, "USD"),
        ("a loan of $500,000 to 1 million", "$500,000 to 1 million", 5e5, 1e6, "USD"),
        ("a plant costing US$3,000 to 5,000 million", "US$3,000 to 5,000 million", 3e9, 5e9, "USD"),
        ("it plans to spend $5 to $7 billion", "$5 to $7 billion", 5e9, 7e9, "USD"),
        ("the start-up raised $5 to $7 million from investors", "$5 to $7 million", 5e6, 7e6, "USD"),
    ],
)
def test_ranges_give_a_lower_and_an_upper_amount(
    text: str, span: str, low: float, high: float, currency: str
) -> None:
    assert _read(text) == [(span, low, currency, "lower"), (span, high, currency, "upper")]
    assert {m.amount.text for m in find_money(text)} == {span}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A change gives the sum before and the sum after, neither of them a bound.
        ("Ticket prices rose from $5 to $7.", [("$5", 5.0), ("$7", 7.0)]),
        (
            "The board raised its offer from $5 billion to $7 billion.",
            [("$5 billion", 5e9), ("$7 billion", 7e9)],
        ),
        ("The budget was cut this year from $10 to $8 million.", [("$10", 10e6), ("$8 million", 8e6)]),
        ("Shares fell $2 to $7 on Monday.", [("$2", 2.0), ("$7", 7.0)]),
        ("Crude was down $1.50 to $70.25 in London.", [("$1.50", 1.5), ("$70.25", 70.25)]),
        # No range runs downwards: a falling pair is two sums.
        ("$7 billion to $5 billion", [("$7 billion", 7e9), ("$5 billion", 5e9)]),
    ],
)
def test_a_change_is_two_plain_amounts(text: str, expected: list[tuple[str, float]]) -> None:
    assert _read(text) == [(span, value, "USD", None) for span, value in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It sent $5 billion to Ukraine.", [("$5 billion", 5e9)]),
        ("It gave $5 to 30 countries.", [("$5", 5.0)]),
        ("It paid $1,000 to 5,000 families.", [("$1,000", 1000.0)]),
        ("Its stock sank from $30 to four cents.", [("$30", 30.0), ("four cents", 0.04)]),
        ("It gave $5 million to 30 countries.", [("$5 million", 5e6)]),
        ("a $5 to 10 percent fee", [("$5", 5.0)]),
        ("It spent $5 and $7 billion on two plants.", [("$5", 5.0), ("$7 billion", 7e9)]),
        ("between $5 million and 30 countries", [("$5 million", 5e6)]),
        ("sales from 2019 to 2 million euros", [("2 million euros", 2e6)]),
        ("profit in 2024 $3 billion", [("$3 billion", 3e9)]),
        ("a fee that rose in 2015 to 30 euros", [("30 euros", 30.0)]),
    ],
)
def test_not_a_range(text: str, expected: list[tuple[str, float]]) -> None:
    found = _read(text)
    assert [(span, value) for span, value, _, _ in found] == expected
    assert all(bound is None for _, _, _, bound in found)


@pytest.mark.parametrize(
    "words",
    [
        ["thirteen", "three", "thirty", "two", "twelve", "ten", "t"],
        ["US$", "U.S.$", "$", "C$", "CA$", "€"],
        ["ab", "a", "abc", "b", "Ab"],  # a shorter word first shadows a longer one: kept so
    ],
)
def test_grouped_alternation_matches_what_the_flat_one_matches(words: list[str]) -> None:
    grouped = re.compile(rf"(?:{_one_of(words)})", re.IGNORECASE)
    flat = re.compile("(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
    probes = ["", "x", *words, *(w.upper() for w in words), "Thirteens", "t3", "abcd", "U.S.$5", "CAD"]
    for probe in probes:
        got, want = grouped.match(probe), flat.match(probe)
        assert (got and got.group()) == (want and want.group()), probe


@pytest.mark.parametrize(
    ("text", "looked_for"),
    [
        ("Prices rose 5 percent and then 7 per cent.", False),
        ("the penny dropped", False),
        ("a 14-cent dividend", True),
        ("nine pence", True),
        ("It is 31 CENTS now", True),
        ("sixty-four pennies", True),
        ("\u017fix cents", True),  # a long s, which the regex folds to "s" and str.lower() keeps
    ],
)
def test_sums_in_cents_are_looked_for_only_after_a_number(text: str, looked_for: bool) -> None:
    assert _may_have_subunits(text) is looked_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u017fix cents", [(0.06, "USD")]),  # a long s, which the patterns match as "s"
        ("f\u0131ve m\u0131llion dollars", [(5e6, "USD")]),  # a dotless i
        ("F\u0130VE euros", [(5.0, "EUR")]),  # a dotted capital I
    ],
)
def test_letters_the_patterns_fold_to_ascii_are_read_as_those_letters(
    text: str, expected: list[tuple[float, str]]
) -> None:
    """What the case-blind patterns match, the number and currency tables must know: "ſix" had
    raised a KeyError and lost the article's extraction."""
    assert [(m.amount.value, m.amount.currency) for m in find_money(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The crane weighs more than 40,000 pounds and cost 2 million pounds.", [2_000_000.0]),
        ("Weighing about 300 pounds, the bell was sold for 900 pounds.", [900.0]),
        ("The weight of the bid, 5 million pounds, surprised the board.", [5_000_000.0]),
    ],
)
def test_pounds_of_weight_are_no_sum(text: str, expected: list[float]) -> None:
    assert [span.amount.value for span in find_money(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # text joined from tokens writes a space after a number's separator
        ("The fund paid $12. 5 million for the site.", [12_500_000.0]),
        ("Families earning $180, 000 a year qualify.", [180_000.0]),
        ("Its shares closed at $7. 45, up 3 percent.", [7.45]),
        # not after a sentence that ends on a sum
        ("The ticket cost $5. Then 3 buses left.", [5.0]),
    ],
)
def test_a_number_written_with_a_space_after_its_separator(text: str, expected: list[float]) -> None:
    assert [span.amount.value for span in find_money(text)] == expected
