from __future__ import annotations

import pytest

from streams.core.normalise.money import find_money


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("companies eyeing investments worth up to $400 billion in the US.", [(400e9, "USD")]),
        ("Tokyo pledged to provide $550 billion in strategic investments.", [(550e9, "USD")]),
        ("a US$40 billion (GB £20.1 billion) contract", [(40e9, "USD"), (20.1e9, "GBP")]),
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
