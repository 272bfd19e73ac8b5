"""names.same_actor: one party written many ways is one actor; two parties are not."""

from __future__ import annotations

import pytest

from streams.core.stories.names import name_forms, same_actor


def _same(a: str, b: str, kind: str = "organization") -> bool:
    return same_actor(name_forms(a, kind), name_forms(b, kind))


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("QPX", "Quantum Pixel Xchange"),  # initials
        ("NBW", "Northern Bottling Works"),
        ("GHT", "Glimmer - Harbour Trading"),  # hyphenated name, initials
    ],
)
def test_initials_join_the_full_name(short: str, long: str) -> None:
    assert _same(short, long)
    assert _same(long, short)


def test_the_same_letters_join_whatever_the_spacing() -> None:
    assert _same("Bright Loom", "BrightLoom")
    assert _same("Bright-Loom", "brightloom")


def test_a_name_inside_a_description_joins_it() -> None:
    assert _same("BrightLoom", "textile startup BrightLoom")
    assert _same("Hollis Freight", "Hollis Freight's board")


def test_corporate_suffixes_and_spokespeople_do_not_tell_bodies_apart() -> None:
    assert _same("Hollis Freight Co", "Hollis Freight")
    assert _same("Hollis Freight Inc.", "Hollis Freight Ltd")
    assert _same("Hollis Freight officials", "Hollis Freight")


def test_a_surname_joins_the_full_name_of_a_person() -> None:
    assert _same("Marta Kilroy", "Kilroy", "person")
    assert _same("Dr. Marta Kilroy", "Marta Kilroy", "person")


def test_countries_join_by_code() -> None:
    a = name_forms("Freedonia", "country", "FD")
    b = name_forms("the Republic of Freedonia", "country", "FD")
    assert same_actor(a, b)
    assert not same_actor(a, name_forms("Sylvania", "country", "SY"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("QPX", "QPZ"),  # one letter apart
        ("Hollis Freight", "Hollis Bank"),  # a shared first word
        ("Northern Bottling Works", "Southern Bottling Works"),
        ("BrightLoom", "Bright Star Media"),
        ("Acme", "Widgetco"),
    ],
)
def test_different_companies_stay_apart(a: str, b: str) -> None:
    assert not _same(a, b)
    assert not _same(b, a)


def test_two_people_with_different_surnames_stay_apart() -> None:
    assert not _same("Marta Kilroy", "Marta Oyelaran", "person")
