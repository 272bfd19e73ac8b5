"""Short forms in brackets after a name, and a name's initials, are that name again."""

from __future__ import annotations

import pytest

from streams.core.rules.aliases import full_name_of, spelt_out

TEXT = "Zenco will buy Ortel Data Systems Inc. (ODS), a data firm, and the Harbour Board (HB)."


@pytest.mark.parametrize(
    ("short", "names", "expected"),
    [
        ("ODS", ["Zenco", "Ortel Data Systems"], "Ortel Data Systems"),  # across the legal form
        ("ODS", ["Ortel Data Systems Inc."], "Ortel Data Systems Inc."),
        ("HB", ["Harbour Board", "Zenco"], "Harbour Board"),
        ("HB", ["Zenco"], None),  # no known name before the bracket
        ("ODS", ["Zenco"], None),
    ],
)
def test_the_full_name_right_before_the_bracket(short: str, names: list[str], expected: str | None) -> None:
    assert full_name_of(short, names, TEXT) == expected


def test_words_other_than_a_legal_form_part_the_name_from_the_bracket() -> None:
    assert full_name_of("ODS", ["Ortel"], "Ortel and its partner (ODS) met.") is None


@pytest.mark.parametrize(
    ("short", "names", "expected"),
    [
        ("ODS", ["Zenco", "Ortel Data Systems"], "Ortel Data Systems"),
        ("ODS", ["Ortel Data Systems", "Oslo Drilling Services"], None),  # two names fit: neither
        ("Ods", ["Ortel Data Systems"], None),  # not written in capitals
        ("O", ["Ortel"], None),  # one letter is no short form
    ],
)
def test_initials_spell_out_one_name(short: str, names: list[str], expected: str | None) -> None:
    assert spelt_out(short, names) == expected
