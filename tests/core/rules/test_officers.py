"""A person named as a company's officer, and the company as the party of a purchase."""

from __future__ import annotations

import pytest
from spacy.language import Language

from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.document import DocumentIndex
from streams.core.rules.officers import employer
from streams.core.rules.people import clean_name
from tests.fixtures.extraction import events_of


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Kestrel Motors' new CEO Dana Whitlow spoke on Monday.", "Kestrel Motors"),
        ("Dana Whitlow, chief executive of Kestrel Motors, spoke on Monday.", "Kestrel Motors"),
        # a former officer acts for no one; a title that is no officer's names no employer
        ("Kestrel Motors' former CEO Dana Whitlow spoke on Monday.", None),
        ("Dana Whitlow, a former chief executive of Kestrel Motors, spoke on Monday.", None),
        ("Dana Whitlow, a spokeswoman for Kestrel Motors, spoke on Monday.", None),
    ],
)
def test_the_company_an_officer_acts_for(nlp: Language, text: str, company: str | None) -> None:
    doc = nlp(text)
    (person,) = [e for e in doc.ents if e.label_ == "PERSON"]
    found = employer(person, DocumentIndex(doc))
    assert (clean_name(found.text) if found is not None else None) == company


@pytest.mark.parametrize(
    "body",
    [
        "Dana Whitlow, chief executive of Kestrel Motors, announced the acquisition of Zentra for $334m.",
        "Kestrel Motors' new CEO Dana Whitlow is stirring things up with the acquisition of Zentra Systems.",
    ],
)
def test_a_purchase_told_through_an_officer_is_the_companys(extractor: Extractor, body: str) -> None:
    (deal,) = events_of(extractor, body, "agreement")
    names = {a["name"] for a in deal["actors"]}
    assert "Kestrel Motors" in names
    assert "Dana Whitlow" not in names


def test_an_officer_who_signs_an_agreement_stays_its_party(extractor: Extractor) -> None:
    """Not a purchase: the one who signed is named, whoever employs them."""
    (deal,) = events_of(
        extractor,
        "Kestrel Motors chief executive Dana Whitlow signed an agreement with Omar Reyes.",
        "agreement",
    )
    assert "Dana Whitlow" in {a["name"] for a in deal["actors"]}
