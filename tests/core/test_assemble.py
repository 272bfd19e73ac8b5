"""Event assembly: evidence offsets and one context per article."""

from __future__ import annotations

from datetime import date

from streams.core.article import Article
from streams.core.assemble import build_events
from streams.core.model import Extractor as ExtractorInfo
from streams.core.pipeline.loader import load_model

INFO = ExtractorInfo(version="test", model="m")


def test_evidence_is_the_trimmed_sentence_at_its_offsets() -> None:
    body = "  Ministers Ana Ruiz and Oskar Brandtvik met in Oslo on Monday.  \nNothing else happened."
    article = Article(id="a", body=body, published_at="2026-03-04")
    events = build_events(load_model()(body), article, None, INFO)
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert meeting.evidence.sentence == body[meeting.evidence.start : meeting.evidence.end]
    assert not meeting.evidence.sentence[0].isspace() and not meeting.evidence.sentence[-1].isspace()
    assert meeting.date is not None and meeting.date.value == "2026-03-02"
    assert meeting.date_basis == "published_at"


def test_the_fallback_day_resolves_relative_dates_and_says_so() -> None:
    body = "Ana Ruiz met Oskar Brandtvik on Monday."
    events = build_events(load_model()(body), Article(id="b", body=body), date(2026, 3, 4), INFO)
    (meeting,) = events
    assert meeting.date is not None and meeting.date.value == "2026-03-02"
    assert meeting.date_basis == "record_time"


def test_an_abbreviation_taken_for_a_person_beside_its_body_becomes_that_body() -> None:
    from streams.core.assemble import _abbreviations_as_bodies
    from streams.core.model import Actor

    forces = Actor(name="Northern Defence Forces", role="party", kind="organization", country="Norland")
    abbreviation = Actor(name="NDF", role="party", kind="person", title="chief")
    other = Actor(name="NDF", role="party", kind="person")
    assert _abbreviations_as_bodies([forces, abbreviation]) == [
        forces,
        Actor(name="NDF", role="party", kind="organization", country="Norland"),
    ]
    assert _abbreviations_as_bodies([other]) == [other]  # no body it abbreviates: left alone


def test_a_short_form_in_brackets_after_a_partys_name_is_that_party() -> None:
    from streams.core.assemble import _without_bracketed_aliases
    from streams.core.model import Actor

    text = "Zenco signed a deal to buy Ortel Data Systems Inc. (ODS), a data firm."
    zenco, ortel, ods = (
        Actor(name=n, role="party", kind="organization") for n in ("Zenco", "Ortel Data Systems Inc", "ODS")
    )
    assert _without_bracketed_aliases([zenco, ortel, ods], text) == [zenco, ortel]
    # the party's name may leave out the legal form the text writes before the bracket
    ortel_short = Actor(name="Ortel Data Systems", role="party", kind="organization")
    assert _without_bracketed_aliases([zenco, ortel_short, ods], text) == [zenco, ortel_short]
    # a bracket that follows no party's name is a party of its own
    assert _without_bracketed_aliases([zenco, ods], "Zenco met the board of (ODS).") == [zenco, ods]
    assert _without_bracketed_aliases(
        [zenco, ods], "Zenco met the board of Ortel Data Systems and (ODS)."
    ) == [
        zenco,
        ods,
    ]


def _agreements(body: str, published_at: str) -> list[tuple[str | None, str | None]]:
    article = Article(id="a", body=body, published_at=published_at)
    events = build_events(load_model()(body), article, None, INFO)
    return [
        (e.date.value if e.date else None, e.location.name if e.location else None)
        for e in events
        if e.type == "agreement"
    ]


def test_a_concluding_verb_on_the_agreement_told_before_gives_it_its_day_and_place() -> None:
    body = (
        "Kestrel Air signed a contract with Vantor Systems for 20 planes. "
        "The airline signed the agreement in Lyon on May 4."
    )
    assert _agreements(body, "2009-06-18") == [("2009-05-04", "Lyon")]
    # what someone says of it at a place and day is not its own
    body = (
        "Kestrel Air signed a contract with Vantor Systems for 20 planes. "
        "Analysts praised the agreement in Lyon on May 4."
    )
    assert _agreements(body, "2009-06-18") == [(None, None)]


def _meeting_parties(body: str) -> list[list[str]]:
    article = Article(id="t", body=body, published_at="2016-03-21")
    events = build_events(load_model()(body), article, None, INFO)
    return [[a.name for a in e.actors] for e in events if e.type == "meeting"]


def test_talks_one_firm_holds_with_no_one_named_are_no_meeting() -> None:
    assert _meeting_parties("Serra Motors in Grand Rapids is in talks to take a stake in the new firm.") == []
    assert _meeting_parties("The Fish and Game Service conducted 3,000 consultations in the 1990s.") == []
    # an assembly talks as a whole
    assert _meeting_parties("OPEC held talks in Vienna on Monday.") == [["OPEC"]]
    assert _meeting_parties("The Security Council held consultations on Syria on Monday.") == [
        ["Security Council"]
    ]


def test_those_who_visit_together_do_not_meet_each_other() -> None:
    body = "Both President Tom Berg and his wife Ana are expected to visit the Sunshine State soon."
    assert _meeting_parties(body) == []
    assert _meeting_parties("President Tom Berg and his wife Ana visited Chile on Monday.") == [
        ["Tom Berg", "Chile", "Ana"]
    ]
