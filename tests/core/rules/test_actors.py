"""Names of actors the model left untagged, as the text writes them (rules/actors.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.actors import ActorResolver, _no_place, written_name
from streams.core.rules.headlines import title_cased


@pytest.mark.parametrize(
    ("text", "last", "name"),
    [
        ("Protester Ana Ruiz spoke first.", "Ruiz", "Ana Ruiz"),
        # the possessor's own name is not part of the name it possesses
        ("Yesterday, the United Kingdom's Queen Elizabeth II spoke.", "II", "Elizabeth II"),
        ("Norway's Harbour Freight Lines won the tender.", "Lines", "Harbour Freight Lines"),
    ],
)
def test_a_written_name_is_the_run_of_proper_nouns_before_its_last_word(
    extractor: Extractor, text: str, last: str, name: str
) -> None:
    doc = extractor._nlp(text)
    token = next(t for t in doc if t.text == last)
    assert written_name(token)[0] == name


def test_a_hyphened_given_name_is_kept_whole(extractor: Extractor) -> None:
    """The model may leave a name like "Baek Ji-hoon" untagged, and the parse end it at "Ji"."""
    doc = extractor._nlp("The envoy spoke with Baek Ji-hoon on Monday.")
    token = next(t for t in doc if t.text == "Ji")
    assert written_name(token)[0] == "Baek Ji-hoon"
    owned = extractor._nlp("The envoy met Acme Corp-owned Beta.")  # a description after the hyphen
    assert written_name(next(t for t in owned if t.text == "Corp"))[0] == "Acme Corp"


def test_a_hyphened_code_name_is_kept_whole_and_is_a_body(extractor: Extractor) -> None:
    """ "G-III": the parse may start the name after the hyphen, and "III" alone read as a person;
    a name of capitals joined by hyphens is a company's, whatever the model tagged it."""
    doc = extractor._nlp("Ana Lund unveiled a partnership with G-III once she cut ties with Orbis.")
    assert written_name(next(t for t in doc if t.text == "III")) == ("G-III", "organization")
    records = extractor.extract_one(
        Article(
            id="t",
            body="Ana Lund inked a design deal with G-III in 2013.",
            published_at="2016-08-09",
        )
    ).events
    (deal,) = [e for e in records if e.type == "agreement"]
    assert ("G-III", "organization") in [(a.name, a.kind) for a in deal.actors]
    tagged = extractor._nlp("G-III employs about 5,000 people.")
    tagged.ents = [Span(tagged, 0, 3, label="PERSON")]  # as the model tagged it in one article
    actor = ActorResolver.for_doc(tagged).actor(tagged.ents[0], "party")
    assert actor is not None and (actor.name, actor.kind) == ("G-III", "organization")


def test_the_words_of_a_headline_in_capitals_are_no_acronyms() -> None:
    """In "LEADERS MEET AT SUMMIT IN OSLO" every word looks like an acronym ("AT" became a body):
    none is taken for one there; "NATO" in an ordinary sentence still is, and "US" anywhere."""
    from streams.core.pipeline.loader import load_model
    from streams.core.rules.people import find_people

    doc = load_model()("'BIG THREE' LEADERS MEET AT SUMMIT IN OSLO WITH US\nThey met NATO envoys on Monday.")
    find_people(doc)
    labels = {e.text: e.label_ for e in doc.ents}
    assert "AT" not in labels and labels.get("NATO") == "ORG" and labels.get("US") == "GPE", labels


def test_a_bodys_initials_taken_for_a_person_are_an_organisation(extractor: Extractor) -> None:
    """ "GM said ...": the speech rule makes a bare speaking name a person; initials are a body."""
    from tests.fixtures.extraction import events_of

    body = "Zenco and GM signed a supply deal on Monday. GM said the deal would close in May."
    (deal,) = events_of(extractor, body, "agreement")
    kinds = {a["name"]: a["kind"] for a in deal["actors"]}
    assert kinds.get("GM") == "organization", kinds


def test_a_bodys_dotted_initials_tagged_as_a_place_are_an_organisation(extractor: Extractor) -> None:
    """ "the F.B.I. has said": the model may tag dotted initials as a place; no country is named so."""
    from tests.fixtures.extraction import events_of

    body = "The checks found nothing, and on Monday the F.B.I. told reporters that Ms. Lane had no record."
    (statement,) = events_of(extractor, body, "statement")
    speaker = next(a for a in statement["actors"] if a["role"] == "speaker")
    assert (speaker["name"], speaker["kind"]) == ("F.B.I", "organization")


def test_the_group_of_a_number_is_named_with_its_number(extractor: Extractor) -> None:
    """The model tags "Group" alone in "the Group of 20"; alone it names nothing."""
    from tests.fixtures.extraction import events_of

    body = "Premier Ann Lund met the Group of 20 at its summit in Oslo on Monday."
    names = {a["name"] for e in events_of(extractor, body, "meeting", "2016-06-17") for a in e["actors"]}
    assert "Group of 20" in names and "Group" not in names


def test_a_name_tagged_a_place_that_no_gazetteer_knows_is_a_body(extractor: Extractor) -> None:
    """ "Allergan agreed to be acquired": the model tags a company's name as a place; a name that is
    neither a country nor a place the gazetteer knows is not a country."""
    body = "Valeant was spurned, and Allergan agreed to be acquired by another drug company, Actavis."
    result = extractor.extract_one(Article(id="t", body=body, published_at="2015-03-02"))
    (deal,) = [e for e in result.events if e.type == "agreement"]
    assert {a.name: a.kind for a in deal.actors}["Allergan"] == "organization"


def test_a_countrys_name_tagged_as_a_body_is_a_country(extractor: Extractor) -> None:
    """ "Israel and Cyprus signed": the small model tags the second country's name a body; a name
    that is a country's own is a country with its code, whatever the tag."""
    from tests.fixtures.extraction import events_of

    (deal,) = events_of(extractor, "Israel and Cyprus signed a gas deal on Monday.", "agreement")
    assert {a["name"]: (a["kind"], a["country_code"]) for a in deal["actors"]} == {
        "Israel": ("country", "IL"),
        "Cyprus": ("country", "CY"),
    }


def test_a_countrys_name_tagged_as_a_person_is_a_country(extractor: Extractor) -> None:
    """ "Ghana and Togo signed": the model takes "Togo" for a person. A country's own name with no
    title before it is a country, unless the article gives it as the short form of a person's
    fuller name."""
    from tests.fixtures.extraction import events_of

    (deal,) = events_of(extractor, "Ghana and Togo signed a border treaty on Friday.", "agreement")
    assert {a["name"]: (a["kind"], a["country_code"]) for a in deal["actors"]} == {
        "Ghana": ("country", "GH"),
        "Togo": ("country", "TG"),
    }
    body = "Coach Michael Jordan arrived in Chicago on Monday. On Tuesday Jordan met team owner Ana Ruiz."
    (meeting,) = events_of(extractor, body, "meeting")
    assert {a["kind"] for a in meeting["actors"]} == {"person"}


def test_a_demonym_tagged_as_a_body_or_person_is_no_party(extractor: Extractor) -> None:
    """ "The Kazakh government signed": the model tags "Kazakh" a body or a person; it says whose
    government, a country, and is no party of its own."""
    from tests.fixtures.extraction import events_of

    body = "The Kazakh government signed a transit agreement with China on Monday."
    (deal,) = events_of(extractor, body, "agreement")
    assert [(a["name"], a["kind"]) for a in deal["actors"]] == [
        ("Kazakhstan", "country"),
        ("China", "country"),
    ]


def test_a_former_name_of_a_country_stays_a_country() -> None:
    """ "Burma" is in neither the country table nor the gazetteer; it is no body for that."""
    assert not _no_place("Burma", "Burma")
    assert _no_place("Allergan", "Allergan")


def test_a_title_cased_headlines_words_are_no_name_unless_the_article_names_them() -> None:
    """ "Lund Visit To Harbor Memorial Brings Praise": any word of a title-cased headline is capitalised,
    so a run of them is a name only where the article names it elsewhere."""
    nlp: Language = load_model()
    doc = nlp("Hillary Clinton Trip To Harbor Memorial Draws Charges Of Posturing.\n\nShe went on Friday.")
    headline = next(iter(doc.sents))
    assert title_cased(headline)
    resolver = ActorResolver.for_doc(doc)
    memorial = next(t for t in headline if t.text == "Memorial")
    assert resolver.untagged_name(memorial, "party") is None
    assert not title_cased(nlp("Mayor Ana Ruiz visited the Harbor Memorial on Friday.")[:])


def test_a_headline_run_the_model_took_for_a_person_is_what_the_article_names_elsewhere() -> None:
    """ "Acme's Purchase of Velmark Puts Orvik on the Defensive", the run "Velmark Puts Orvik" tagged
    a person (set so here): the article names Velmark elsewhere as a company, and that it is."""
    nlp: Language = load_model()
    doc = nlp(
        "Acme's Purchase of Velmark Puts Orvik on the Defensive\n\n"
        "Acme Corp said on Monday it had bought Velmark Inc for cash."
    )
    start = next(t.i for t in doc if t.text == "Velmark")
    velmark = [t.i for t in doc if t.text == "Velmark"][-1]
    doc.ents = [
        Span(doc, start, start + 3, label="PERSON"),
        Span(doc, velmark, velmark + 1, label="ORG"),
    ]
    resolver = ActorResolver.for_doc(doc)
    actor = resolver.actor(doc.ents[0], "party")
    assert actor is not None and (actor.name, actor.kind) == ("Velmark", "organization")


def test_an_entity_asked_for_in_two_roles_is_one_actor_in_each_role() -> None:
    """The resolver reads an entity once and gives the same actor in each role it is asked for;
    the role must still be the one asked for, and a sentence looked over again gives the same."""
    nlp: Language = load_model()
    doc = nlp("Mayor Ana Ruiz of Tarvo met the Velmark Group on Friday, her office said.")
    resolver = ActorResolver.for_doc(doc)
    sent = next(iter(doc.sents))
    parties = resolver.actors_in(sent.start, sent.end, "party")
    speakers = resolver.actors_in(sent.start, sent.end, "speaker")
    assert [a.name for a in parties] == [a.name for a in speakers]
    assert {a.role for a in parties} == {"party"} and {a.role for a in speakers} == {"speaker"}
    assert [(a.name, a.kind, a.title) for a in parties] == [(a.name, a.kind, a.title) for a in speakers]
    assert resolver.actors_in(sent.start, sent.end, "party") == parties
    assert len(parties) >= 2


def test_a_street_is_no_one() -> None:
    """ "her visit to Wall Street": a street or a square, written like a name, is a place."""
    nlp: Language = load_model()
    doc = nlp("Mayor Ana Ruiz made a visit to Wall Street before the crash.")
    resolver = ActorResolver.for_doc(doc)
    street = next(t for t in doc if t.text == "Street")
    assert resolver.untagged_name(street, "party") is None


def test_a_time_zone_after_a_clock_time_is_no_body(extractor: Extractor) -> None:
    """ "2: 35am CET" under a headline: the model may tag the zone a body, which "the company" of
    the next sentences would then stand for."""
    body = (
        "Zenco acquires Dunmore to grab share of chip market\nMar 1 2012, 2: 35am CET\n"
        "Zenco has made a $334 million bet on the chip market.\nOn Wednesday afternoon, the company "
        "announced that they have reached a $334 million agreement, to purchase Dunmore, "
        "a successful chip maker."
    )
    result = extractor.extract_one(Article(id="t", body=body, published_at="2012-03-01"))
    names = {a.name for e in result.events for a in e.actors}
    assert "CET" not in names


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        # a name opening with a body's initials is the body's
        ("Executives said EYP Missions emphasis will help.", 2, "organization"),
        # not a name in a line of capitals
        ("SENATOR DONALD TRUMP SPOKE.", 2, "person"),
    ],
)
def test_a_name_opening_with_a_bodys_initials_is_no_persons(
    extractor: Extractor, text: str, words: int, kind: str
) -> None:
    doc = extractor._nlp(text)
    start = 2 if doc[0].lower_ == "executives" else 1
    doc.ents = [Span(doc, start, start + words, label="PERSON")]
    actor = ActorResolver.for_doc(doc).actor(doc.ents[0], "party")
    assert actor is not None and actor.kind == kind
