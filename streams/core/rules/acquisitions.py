"""Acquisitions, sales and mergers between named parties: agreements the news calls purchases.

A company buying another is a deal between the buyer and the target (or its seller), and
the guidelines count a purchase announced as a deal as an agreement: "Acme acquires Beta",
"Acme buys Beta for $300 million", "Acme's $2 billion acquisition of Beta", "she sold her
start-up to Acme", "Acme will merge with Beta", "the merger of Acme and Beta". Buying a
thing is not: "bought shares", "bought ads", "bought a house" name no second party. So the
object, or the seller/buyer in a from/to-phrase, must be a name (a proper noun that is no
date, sum or place), and a thing bought is an agreement only when its seller or buyer is
named ("bought the jet from Beta", "sold it to Mr. Jones").
"""

from __future__ import annotations

from spacy.tokens import Token

from streams.core.lexicon.triggers import (
    ACQUISITION_NOUNS,
    ACQUISITION_VERBS,
    MERGER_NOUNS,
    MERGER_VERBS,
    NOT_MAKER_GOODS,
    ORDER_VERBS,
    PAY_VERB,
    SALE_NOUNS,
    SALE_VERBS,
    STAKE_NOUNS,
)
from streams.core.rules.syntax import prep_objects

#: Entity labels that never name a party bought from, sold to or merged with.
_NOT_PARTY_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
        "FAC",
        "LOC",
    }
)
#: Entity labels of a party named in a from/to/with-phrase ("sold it to Mr. Jones"); not a
#: nationality or religion ("selling the plan to Muslims" is persuading a public).
_PARTY_LABELS = frozenset({"ORG", "PERSON", "GPE"})
#: Pronouns that stand for a thing just named ("agreed to sell it to Ms. Vance").
_THING_PRONOUNS = frozenset({"it", "them"})


def _named(token: Token) -> bool:
    """A company or person named by ``token``: a proper noun with no indefinite article
    ("Beta Systems", not "a Boeing 727") that the model does not tag as a date, sum or place."""
    if token.ent_type_ in _NOT_PARTY_LABELS:
        return False
    if token.pos_ != "PROPN" and token.ent_type_ not in ("ORG", "PERSON"):
        return False
    # "a Boeing 727", "22 Boeing Dreamliners": things of a make, not the company
    return not any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "nummod" for c in token.children
    )


#: Parts of a company that are bought from it: "bought Beta's shuttle operations", "acquired the
#: Beta Foods unit". Not shares or goods ("bought Beta shares", "bought Beta jets"): those are trades
#: on a market or orders.
BUSINESS_PARTS = frozenset(
    {"operation", "operations", "unit", "division", "business", "subsidiary", "arm", "assets", "brand"}
)


def _named_business(token: Token) -> bool:
    """A part of a named company: "Beta's shuttle operations", "the Beta Foods unit"."""
    if token.lower_ not in BUSINESS_PARTS and token.lemma_.lower() not in BUSINESS_PARTS:
        return False
    return any(c.dep_ in ("compound", "poss") and c.ent_type_ == "ORG" and _named(c) for c in token.children)


def _party_in(verb_or_noun: Token, preps: frozenset[str]) -> bool:
    """A with/from/to/of-phrase on the word whose object is a named party, or a description with
    the name in apposition ("from a struggling Texas firm, Dunmore Oil")."""
    return any(
        c.dep_ in ("prep", "dative")
        and c.lower_ in preps
        and any(
            w.ent_type_ != "NORP" and (_named(w) or w.ent_type_ in _PARTY_LABELS)
            for g in c.children
            if g.dep_ == "pobj"
            for w in (g, *(a for a in g.children if a.dep_ == "appos"))
        )
        for c in verb_or_noun.children
    )


def _definite_thing(token: Token) -> bool:
    """One thing, not goods in bulk: "it", "the jet", "his start-up" (not "cars", "10 jets")."""
    if token.lower_ in _THING_PRONOUNS or _named(token):
        return True
    # a count comes before the noun ("10 jets"); a number after it is a model ("a Boeing 737"),
    # a year before it the model's year ("a 1971 Boeing")
    return any(c.dep_ in ("det", "poss") for c in token.children) and not any(
        c.dep_ == "nummod" and c.i < token.i and c.ent_type_ != "DATE" for c in token.children
    )


def _units_from_maker(token: Token) -> bool:
    """A number of goods of a named maker: "12 Airbus jets", "22 Boeing 787 Dreamliners", "20 of
    Boeing's 777 planes" (an order placed with the maker), not "1,000 Apple shares" or "500
    National Guard troops"."""
    if token.like_num:
        # "20 of Boeing's larger 777 planes": the count heads the phrase, the goods follow "of"
        goods = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return any(
            g.dep_ == "pobj"
            and g.lemma_.lower() not in NOT_MAKER_GOODS
            and any(c.dep_ == "poss" and c.ent_type_ == "ORG" and _named(c) for c in g.children)
            for g in goods
        )
    if not any(c.dep_ == "nummod" for c in token.children) or token.lemma_.lower() in NOT_MAKER_GOODS:
        return False
    return any(c.dep_ in ("compound", "nmod") and c.ent_type_ == "ORG" for c in token.children)


def _stake_in_company(token: Token) -> bool:
    """ "a twenty percent stake in Beta", "the majority stake in Beta": part of a named company;
    also when a time comes between and the parser hangs the in-phrase on the verb ("bought a majority
    stake last year in Beta"), where only a body counts ("bought a stake in London" is where)."""
    if token.lower_ not in STAKE_NOUNS:
        return False
    return _party_in(token, frozenset({"in"})) or (
        token.dep_ == "dobj" and bool(stake_company_on_verb(token.head))
    )


def stake_company_on_verb(verb: Token) -> list[Token]:
    """The bodies of the in-phrases the parser hung on the verb of a stake bought: "Beta" in
    "bought a majority stake last year in Beta"."""
    return [g for g in prep_objects(verb, "in") if g.ent_type_ == "ORG"]


def _goods_from_a_company(verb: Token, objects: list[Token]) -> bool:
    """ "will purchase 20 planes from Boeing": goods in number bought from a named company."""
    counted = any(
        o.lemma_.lower() not in NOT_MAKER_GOODS and any(c.dep_ == "nummod" for c in o.children)
        for o in objects
    )
    # the parser hangs "from Boeing" on the verb or on the goods
    return counted and any(
        c.dep_ == "prep"
        and c.lower_ == "from"
        and any(g.dep_ == "pobj" and g.ent_type_ == "ORG" and _named(g) for g in c.children)
        for holder in (verb, *objects)
        for c in holder.children
    )


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def _pays_for_a_company(verb: Token) -> bool:
    """ "AMD will pay $334 million for SeaMicro": a sum paid for a named company buys it (not
    "paid $5 for coffee", nor "paid $2 million for ads on Fox": the company must be what is paid for)."""
    sum_paid = any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children)
    return sum_paid and any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(g.dep_ == "pobj" and g.ent_type_ == "ORG" and _named(g) for g in c.children)
        for c in verb.children
    )


def _thing_from_a_seller(noun: Token) -> bool:
    """ "Acme's purchase of the battery division from Beta": one thing bought from a named seller,
    the "from" on the purchase or on the thing."""
    things = prep_objects(noun, "of")
    if not any(_definite_thing(t) or t.lemma_.lower() in BUSINESS_PARTS for t in things):
        return False
    return _party_in(noun, frozenset({"from"})) or any(_party_in(t, frozenset({"from"})) for t in things)


def is_acquisition(token: Token) -> bool:
    """Whether ``token`` tells of a purchase, sale or merger between two named parties."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        objects = _objects(token)
        if lemma == PAY_VERB:
            return _pays_for_a_company(token)
        if lemma in ACQUISITION_VERBS | ORDER_VERBS and any(_units_from_maker(o) for o in objects):
            return True  # "Aer Lingus ordered 12 Airbus jets": a purchase order from the maker
        if lemma in ORDER_VERBS and _goods_from_a_company(token, objects):
            return True  # "ordered 32 jets from Boeing": the same order, the maker named after "from"
        if lemma in ACQUISITION_VERBS:
            # "acquires Beta Systems"; "bought Beta's shuttle operations"; "bought the jet from Beta"
            # "buy a Silicon Valley start-up, SeaMicro": the name in apposition is what is bought
            named = [
                *objects,
                *(a for o in objects for a in o.children if a.dep_ == "appos" and a.ent_type_ == "ORG"),
            ]
            return (
                any(_named(o) or _named_business(o) or _stake_in_company(o) for o in named)
                or (any(_definite_thing(o) for o in objects) and _party_in(token, frozenset({"from"})))
                or _goods_from_a_company(token, objects)
            )
        if lemma in SALE_VERBS:
            # "sold Beta to Gamma"; "sold his start-up to Gamma", "agreed to sell it to Ms. Vance";
            # not a person sold ("selling Smith to voters" is campaigning)
            things = [o for o in objects if o.ent_type_ != "PERSON"]
            return any(_definite_thing(o) for o in things) and _party_in(token, frozenset({"to"}))
        if lemma in MERGER_VERBS:
            # "Acme will merge with Beta"; "Acme and Beta merged"
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if any(s.lower_ in ("they", "we") for s in subjects) and token.dep_ == "ccomp":
                # "Acme and Beta said they would merge": who "they" are is the saying's subject
                subjects += [c for c in token.head.children if c.dep_ == "nsubj"]
            joint = any(
                _named(s) and any(c.dep_ == "conj" and _named(c) for c in s.children) for s in subjects
            )
            return joint or _party_in(token, frozenset({"with"}))
        return False
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    word = token.lower_
    if word in ACQUISITION_NOUNS or lemma in ACQUISITION_NOUNS:
        of_units = any(
            c.dep_ == "prep" and c.lower_ == "of" and any(_units_from_maker(g) for g in c.children)
            for c in token.children
        )
        # "Acme's acquisition of Beta", "the buyout of Beta"
        return of_units or _party_in(token, frozenset({"of"})) or _thing_from_a_seller(token)
    if word in SALE_NOUNS:
        # "the sale of Beta to Gamma": the thing sold and the buyer both named
        return _party_in(token, frozenset({"of"})) and _party_in(token, frozenset({"to"}))
    if word in MERGER_NOUNS:
        of_two = any(
            c.dep_ == "prep"
            and c.lower_ in ("of", "between")
            and any(
                g.dep_ == "pobj" and _named(g) and any(k.dep_ == "conj" for k in g.children)
                for g in c.children
            )
            for c in token.children
        )
        return of_two or _party_in(token, frozenset({"with"}))
    return False
