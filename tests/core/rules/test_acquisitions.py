"""Acquisitions, sales and mergers between named parties are agreements; buying things is not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.acquisitions import is_acquisition


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _found(nlp: Language, text: str, word: str) -> bool:
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == word]
    return is_acquisition(token)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Acme Corp acquires Beta Systems for $300 million.", "acquires"),
        ("Novatek buys Orion Labs for $334M.", "buys"),
        ("Zentro's $2.1 billion acquisition of Delta Holdings closed in May.", "acquisition"),
        ("Smith sold his software start-up to Veritron in 2010.", "sold"),
        # the seller described, with its name in apposition
        ("In the 1990s Tom Hale bought an old jet from a struggling Texas firm, Dunmore Oil.", "bought"),
        ("She agreed to sell it to Ms. Vance in 2012.", "sell"),
        ("Acme will merge with Beta Corp.", "merge"),
        # "they" of a saying whose subject names both
        ("Acme Corp and Beta Corp said on Monday they would merge.", "merge"),
        ("The merger of Acme and Beta Corp was approved.", "merger"),
        ("The board approved the decision to acquire Delta Holdings.", "acquire"),
        ("Aer Lingus has ordered 12 Airbus jets.", "ordered"),
        # the maker named after "from"
        ("Nordavia ordered 32 jets from Airbus on Monday.", "ordered"),
        ("Nordavia agreed the purchase of 18 new Boeing 787 Dreamliners.", "purchase"),
        ("Lenovo bought IBM's personal computer business for $1.25 billion.", "bought"),
        ("Acme acquired the Beta Foods unit in March.", "acquired"),
        # a number after the maker is a model, not a count: one jet, bought from a named seller
        ("Tom Hale bought a Boeing 737 from Dunmore Oil Corp.", "bought"),
        # a thing bought from a named seller, told by the purchase noun
        ("The move answered Siemens's purchase of the battery division from Bosch.", "purchase"),
    ],
)
def test_acquisitions(nlp: Language, text: str, word: str) -> None:
    assert _found(nlp, text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Acme bought shares of Beta last week.", "bought"),
        ("Smith bought a house in Denver.", "bought"),
        ("The campaign bought ads from local stations.", "bought"),
        ("Acme sold cars to dealers across the region.", "sold"),
        ("Acme sold 40 tractors to Brazil.", "sold"),
        ("Acme bought 1,000 Apple shares.", "bought"),
        ("Acme bought Boeing jets last year.", "bought"),
        ("Acme bought a house, the old Mill.", "bought"),
        ("Acme paid $2 million for ads on Fox.", "paid"),
        ("The governor ordered 500 National Guard troops to the city.", "ordered"),
        ("The judge ordered an inquiry into Acme.", "ordered"),
        ("The governor ordered 500 troops from Fort Hood to the city.", "ordered"),
        ("The pastor said selling Jones to other Muslims was hard.", "selling"),
        ("Sales of the new phone rose.", "Sales"),
        # a stake bought where, not in whom
        ("Zenco Corp bought a stake last year in London.", "bought"),
        # goods in bulk from a seller are an order, not a deal between the two
        ("Siemens's purchase of shares from Bosch was routine.", "purchase"),
    ],
)
def test_purchases_of_things_are_not_agreements(nlp: Language, text: str, word: str) -> None:
    assert not _found(nlp, text, word)


def test_acquisition_is_an_agreement_with_buyer_and_target(extractor: Extractor) -> None:
    body = "Acme Corp acquires Beta Systems for $300 million."
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    (deal,) = [e for e in result.events if e.type == "agreement"]
    assert {a.name for a in deal.actors} == {"Acme Corp", "Beta Systems"}


@pytest.mark.parametrize(
    "body",
    [
        "Nordavia ordered 32 jets from Airbus on Monday.",
        "Nordavia ordered 32 jets from Boeing on Monday.",
        # goods counted by the model's name, which the model tags a product
        "Nordavia has ordered 18 Boeing 777s.",
    ],
)
def test_an_order_is_an_agreement_with_the_maker(extractor: Extractor, body: str) -> None:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    (deal,) = [e for e in result.events if e.type == "agreement"]
    assert {a.name for a in deal.actors} == {"Nordavia", "Airbus" if "Airbus" in body else "Boeing"}


def test_who_pays_to_buy_is_the_buyer(extractor: Extractor) -> None:
    """ "X launched a shuttle after paying $5 million to buy Y's operations": the one who paid bought."""
    result = extractor.extract_one(
        Article(
            id="t",
            body="In June 1990 Ivan Pelz launched the Pelz Shuttle, after paying $65 million to buy "
            "the old Norland Airways shuttle operations.",
            published_at="2016-04-25",
        )
    )
    (deal,) = [e.to_dict() for e in result.events if e.type == "agreement"]
    assert [a["name"] for a in deal["actors"]] == ["Ivan Pelz", "Norland Airways"]


@pytest.mark.parametrize(
    ("body", "seller"),
    [
        (
            "Tom Hale paid $9 million to buy a 1971 Boeing 737 from a struggling Ohio firm, Dunmore Oil.",
            "Dunmore Oil",
        ),
        ("Tom Hale bought 10 Airbus jets from Dunmore Oil Corp.", "Dunmore Oil Corp"),
    ],
)
def test_the_maker_of_goods_bought_from_a_seller_is_no_party(
    extractor: Extractor, body: str, seller: str
) -> None:
    """The seller is named: the maker on the model or the counted goods made them, it sold nothing;
    and "a 1971 Boeing 737" is the jet's year, not the purchase's."""
    result = extractor.extract_one(Article(id="t", body=body, published_at="2016-04-25"))
    deals = [e.to_dict() for e in result.events if e.type == "agreement"]
    assert [[a["name"] for a in d["actors"]] for d in deals] == [["Tom Hale", seller]]
    assert deals[0]["date"] is None


@pytest.mark.parametrize(
    ("body", "bought"),
    [
        ("Tomco, the chipmaker, agreed on Monday to buy German rival Halbwerk.", "Halbwerk"),
        ("Dunmore, the much smaller firm, will in the end buy Pelzer.", "Pelzer"),
    ],
)
def test_a_one_word_name_that_is_bought_is_a_company(extractor: Extractor, body: str, bought: str) -> None:
    """The model takes a one-word company name it never saw for a person's; a person is not bought."""
    result = extractor.extract_one(Article(id="t", body=body, published_at="2015-03-02"))
    (deal,) = [e for e in result.events if e.type == "agreement"]
    kinds = {a.name: a.kind for a in deal.actors}
    assert kinds[bought] == "organization"


def test_two_purchases_told_side_by_side_are_not_one_deal_between_the_bought(extractor: Extractor) -> None:
    """ "the purchase of Quorvex ... and the buy of Daltrix": each company was bought by someone
    else, they made no deal with each other."""
    body = (
        "The biggest were the $900 million purchase of Quorvex, a maker of storage software; and "
        "the $80 million buy of Daltrix, a maker of network cards for office systems."
    )
    result = extractor.extract_one(Article(id="t", body=body, published_at="2008-05-14"))
    for deal in (e for e in result.events if e.type == "agreement"):
        assert {a.name for a in deal.actors} != {"Quorvex", "Daltrix"}


def test_a_stake_bought_with_a_time_before_its_company_is_in_that_company(extractor: Extractor) -> None:
    """ "bought a 51 percent stake in April of last year in Borla Inc": the parser hangs the company's
    in-phrase on the verb; the company is still the other party."""
    body = "Zenco Corp bought a 51 percent stake in April of last year in Borla Inc."
    result = extractor.extract_one(Article(id="t", body=body, published_at="2016-03-10"))
    (deal,) = [e for e in result.events if e.type == "agreement"]
    assert {a.name for a in deal.actors} == {"Zenco Corp", "Borla Inc"}


def test_the_seller_of_a_thing_a_purchase_noun_names_is_a_party(extractor: Extractor) -> None:
    """ "Intel's purchase of the networking business from QLogic": the parser hangs "from" on the
    business; the seller is the other side all the same."""
    body = "The move was a reaction to Intel's purchase of the networking business from QLogic in January."
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    (deal,) = [e for e in result.events if e.type == "agreement"]
    assert {a.name for a in deal.actors} == {"Intel", "QLogic"}
