"""Countries named by their forms and demonyms."""

from __future__ import annotations

import pytest

from streams.core.normalise.countries import demonym_country


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Brazilian", "Brazil"),
        ("Norwegian", "Norway"),
        ("Georgia", None),
        ("Brazil", None),
        ("Federal", None),
    ],
)
def test_only_a_demonym_names_its_country(word: str, country: str | None) -> None:
    assert demonym_country(word) == country
