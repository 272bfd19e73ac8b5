"""A definite mention of an event already reported is that event again, not a second one."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.model import Actor, Event, Evidence
from streams.core.model import Extractor as ExtractorVersion
from streams.core.pipeline.loader import load_model
from streams.core.rules.rementions import REACH, earlier_copy
from tests.fixtures.extraction import events_of


def _agreements(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    return events_of(extractor, body, "agreement", published_at="2026-01-07")


def test_the_deal_told_again_is_published_once(extractor: Extractor) -> None:
    body = (
        "Zenco signed a supply deal with Valtron Systems on Monday.\n\n"
        "In the end the deal with Valtron Systems did go through, and Zenco will sell new models from 2031."
    )
    (deal,) = _agreements(extractor, body)
    assert deal["date"]["value"] == "2026-01-05"


def test_the_headline_purchase_to_come_is_the_ledes_agreed_purchase(extractor: Extractor) -> None:
    """ "Oracle will buy Halvard Data Systems" above "has agreed to acquire Halvard Data Systems Inc.":
    one deal, agreed, whatever suffix the lede adds to the name."""
    body = (
        "Oracle will buy Halvard Data Systems\n"
        "Oracle of Austin, Texas, said it has agreed to acquire Halvard Data Systems Inc., a consulting "
        "company specializing in data centers."
    )
    (deal,) = _agreements(extractor, body)
    assert deal["status"] == "past" and deal["context"] == "occurred", deal


def test_the_headline_purchase_to_come_is_not_one_made_years_ago(extractor: Extractor) -> None:
    """ "Kestrel Motors plans to buy majority stake" above "In 2019, Kestrel Motors bought a 20 percent
    stake": the stake bought years ago is another purchase, and the one planned stays planned."""
    body = (
        "Kestrel Motors plans to buy majority stake in Delta Corp\n"
        "In 2019, Kestrel Motors bought a 20 percent stake in Delta Corp, which had just left bankruptcy."
    )
    planned, bought = _agreements(extractor, body)
    assert planned["status"] == "planned" and planned["date"] is None, planned
    assert bought["status"] == "past" and bought["date"]["value"] == "2019", bought


@pytest.mark.parametrize(
    "second",
    [
        "Zenco also signed a deal with Valtron Systems in Lima.",  # indefinite: another deal
        "In 2019 Zenco had signed the first deal with Valtron Systems in Oslo.",  # its own date and place
        "The deal between Norvik Oil and Valtron Systems was signed in Oslo.",  # other parties
    ],
)
def test_a_mention_with_news_of_its_own_is_kept(extractor: Extractor, second: str) -> None:
    body = f"Zenco signed a supply deal with Valtron Systems on Monday.\n\n{second}"
    assert len(_agreements(extractor, body)) == 2


def _meetings(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    return events_of(extractor, body, "meeting", published_at="2026-01-07")


def test_the_same_meeting_told_twice_is_one_record_with_what_each_gives(extractor: Extractor) -> None:
    """ "Rita Moe met with Omar Hale." ... "Moe met Hale at the Grand Hotel on Monday to plan a show."
    is one meeting: the record kept takes the date and place the second gives."""
    body = (
        "Rita Moe met with Omar Hale, the network said.\n\n"
        "Rita Moe met with Omar Hale at the Grand Hotel on Monday to plan a show."
    )
    (meeting,) = _meetings(extractor, body)
    assert meeting["date"]["value"] == "2026-01-05" and meeting["location"]["name"] == "Grand Hotel"


def test_a_day_within_the_month_told_before_is_the_same_meeting_and_dates_it(extractor: Extractor) -> None:
    """ "will meet Hale later this month" ... "Moe's Jan. 28 meeting with Hale": one meeting, on the
    28th; another month would be another meeting."""
    body = (
        "Mayor Rita Moe will meet with Senator Omar Hale later this month, aides said.\n\n"
        "The aides said Moe's Jan. 28 meeting with Hale was scheduled weeks ago."
    )
    assert [m["date"]["value"] for m in _meetings(extractor, body)] == ["2026-01-28"]
    assert len(_meetings(extractor, body.replace("Jan. 28", "Feb. 28"))) == 2


@pytest.mark.parametrize(
    ("later", "count"),
    [
        ("The leaders were expected to discuss trade.", 1),  # the meeting's agenda
        ("On Tuesday, Moe and Hale discussed trade by phone.", 2),  # a time of its own: another talk
    ],
)
def test_what_a_meeting_just_told_was_to_discuss_is_no_meeting_of_its_own(
    extractor: Extractor, later: str, count: int
) -> None:
    body = (
        "Mayor Rita Moe held a meeting with Senator Omar Hale on Monday morning. "
        f"Aides said the talks went well. {later}"
    )
    assert len(_meetings(extractor, body)) == count


def test_the_headline_sale_and_the_lede_sale_are_one(extractor: Extractor) -> None:
    body = "Zenco buys Valtron Systems\n\nZenco has acquired Valtron Systems for $40 million on Monday."
    (deal,) = _agreements(extractor, body)
    assert deal["date"]["value"] == "2026-01-05"


@pytest.mark.parametrize(
    "second",
    [
        "Rita Moe met with Omar Hale again in Oslo.",  # told as another
        "Rita Moe will meet with Omar Hale in Oslo.",  # another status: one to come
        "Rita Moe met with Omar Hale and Ivo Lind in Oslo.",  # other parties
    ],
)
def test_a_meeting_told_as_another_is_kept(extractor: Extractor, second: str) -> None:
    body = f"Rita Moe met with Omar Hale on Monday.\n\n{second}"
    assert len(_meetings(extractor, body)) == 2


def test_two_agreements_of_the_same_parties_are_two(extractor: Extractor) -> None:
    body = (
        "Chile and Peru agreed to cut fishing quotas.\n\n"
        "Chile and Peru agreed to build a joint port in Arica."
    )
    assert len(_agreements(extractor, body)) == 2


def test_the_price_paid_restates_the_purchase_signed(extractor: Extractor) -> None:
    """ "will pay $334 million for SeaBolt" after "signed an agreement to acquire SeaBolt": the same
    purchase, with its terms, not a second one."""
    body = (
        "Acme Corp has signed an agreement to acquire SeaBolt, a Silicon Valley startup.\n"
        "Acme Corp will pay $334 million for SeaBolt, including $281 million in cash."
    )
    (deal,) = _agreements(extractor, body)
    assert deal["status"] == "past"


def test_a_possessive_mention_with_one_party_dates_the_meeting(extractor: Extractor) -> None:
    """ "the tapes of his conversation with the Herald from Jan. 5", "his" unresolved between three
    men: no meeting of its own (one party named), but the day of the one told before."""
    body = (
        "Evan Voss met the Daily Herald editorial board in an off-the-record meeting.\n\n"
        "His rivals, Senators Tom Marsh and Rick Ruiz, have both urged the tycoon to release the tapes "
        "of his conversation with the Herald from Jan. 5."
    )
    (meeting,) = _meetings(extractor, body)
    assert meeting["date"]["value"] == "2026-01-05", meeting


def test_a_later_definite_mention_naming_a_group_gives_day_and_place(extractor: Extractor) -> None:
    """ "the meeting with Holt ..., but the Greens": the meeting told before, whatever group the
    sentence also names; the group is not taken as one more party of it."""
    body = (
        "The ministry sent its counsel Mara Holt to the parliament for a tense meeting with Senator "
        "Ivo Lind.\n\n"
        "The meeting with Holt in Oslo on Monday delayed the vote, but the Greens were unmoved."
    )
    (meeting,) = _meetings(extractor, body)
    assert meeting["date"]["value"] == "2026-01-05" and meeting["location"]["name"] == "Oslo", meeting
    assert {a["name"] for a in meeting["actors"]} == {"Mara Holt", "Ivo Lind"}, meeting


@pytest.mark.parametrize(
    "second",
    [
        "Lind said his first visit with Holt in a year would come in Oslo on Monday.",  # told as another
        "After his meeting with Holt on Monday, Lind flew home.",  # past, the one told was to come
    ],
)
def test_a_possessive_mention_of_another_meeting_does_not_change_it(
    extractor: Extractor, second: str
) -> None:
    body = f"Senator Ivo Lind will meet again with Mara Holt, the ministry's counsel.\n\n{second}"
    meetings = _meetings(extractor, body)
    planned = [m for m in meetings if m["evidence"]["sentence"].startswith("Senator")]
    assert planned and planned[0]["status"] == "planned" and planned[0]["date"] is None, meetings


def test_the_short_form_in_brackets_names_the_same_purchase(extractor: Extractor) -> None:
    """ "Zenith Harbour Facilities Inc. (ZH Fac)": buying ZH Fac later is that purchase again."""
    body = (
        "Acme buys Zenith Harbour Facilities\n\n"
        "Acme today announced that it has signed a definitive agreement to acquire Zenith Harbour "
        "Facilities Inc. (ZH Fac), a consulting company. By acquiring ZH Fac, Acme will be better able "
        "to help customers."
    )
    assert len(_agreements(extractor, body)) == 1


def test_a_headline_by_initials_and_a_lede_under_way_are_one_purchase(extractor: Extractor) -> None:
    """ "ODS buys Zenith" in the headline, "Ortel Data Systems is acquiring Zenith today" in the
    lede: one purchase, dated by the lede."""
    body = "ODS buys Zenith for $20 million\n\nOrtel Data Systems is acquiring Zenith today for $20 million."
    (agreement,) = _agreements(extractor, body)
    assert agreement["date"]["value"] == "2026-01-07"


def test_who_else_was_at_the_meeting_is_no_second_meeting(extractor: Extractor) -> None:
    """ "Some of Hale's aides, his wife among them, were also at the meeting": the meeting told
    before, with people of one side; not a meeting of Hale and his wife."""
    body = (
        "Senator Tom Hale met privately with Omar Ruiz on Saturday.\n\n"
        "Some of Hale's aides, including his wife, Rita Hale, were also at the meeting."
    )
    (meeting,) = _meetings(extractor, body)
    assert {a["name"] for a in meeting["actors"]} == {"Tom Hale", "Omar Ruiz"}


def test_a_mention_is_compared_with_the_events_within_reach_only() -> None:
    """A body of a megabyte holds thousands of events; each mention looks back over ``REACH`` of them,
    far more than a news article holds, so the rules' time stays linear in the body."""
    doc = load_model()("Zenco signed the deal with Valtron.")
    token = next(t for t in doc if t.text == "deal")
    parties = [Actor(name=n, role="party", kind="organization") for n in ("Zenco", "Valtron")]
    deal = Event(
        event_id="e",
        type="agreement",
        article_id="t",
        published_at=None,
        actors=parties,
        quote=None,
        date=None,
        location=None,
        amounts=[],
        evidence=Evidence(sentence=doc.text, start=500, end=500 + len(doc.text)),
        confidence=0.5,
        extractor=ExtractorVersion(version="0", model="m"),
        status="past",
    )
    told = replace(deal, evidence=Evidence(sentence="x", start=0, end=1))
    statements = [replace(told, type="statement", actors=[]) for _ in range(REACH - 1)]
    assert earlier_copy(token, deal, [told, *statements]) == 0
    assert earlier_copy(token, deal, [told, *statements, statements[0]]) is None


def _headline_agreements(extractor: Extractor, title: str, body: str) -> list[dict[str, Any]]:
    article = Article(id="t", title=title, body=body, published_at="2026-01-11")
    result = extractor.extract_one(article)
    assert result.error is None, result.error
    return [e.to_dict() for e in result.events if e.type == "agreement"]


HEADLINE = "Norvik Steel Group, striking unions reach three-year deal."
LEDE = (
    "Norvik Steel Group has reached a provisional labour agreement with unions that represent "
    "4,000 welders on strike since March.\n\n"
    "The tentative deal, announced Friday, needs the approval of union members."
)


@pytest.mark.parametrize("headline", [HEADLINE, "Norvik Steel, striking unions reach three-year deal."])
def test_a_headline_that_opens_the_body_takes_the_date_of_its_retelling(
    extractor: Extractor, headline: str
) -> None:
    """The headline repeated above the text tells the lede's deal, dated only further down: every
    copy of it gives the date, whether it names a party in full or by its first word."""
    deals = _headline_agreements(extractor, headline, headline + "\n\n" + LEDE)
    assert [d["evidence"]["start"] for d in deals] == [0, len(headline) + 2]
    assert [d["date"]["value"] if d["date"] else None for d in deals] == ["2026-01-09", "2026-01-09"]


def test_a_first_sentence_that_is_not_the_title_is_no_headline(extractor: Extractor) -> None:
    """A title as long as the first sentence, which it does not open: the sentence is the body's."""
    title = "Norvik Steel Group and striking unions sign three-year pact."
    deals = _headline_agreements(extractor, title, HEADLINE + "\n\n" + LEDE)
    assert [d["date"]["value"] if d["date"] else None for d in deals] == [None, "2026-01-09"]


def test_a_headline_is_dated_only_by_its_first_retelling(extractor: Extractor) -> None:
    """Two parties may sign several deals: only the first of the same parties below retells it."""
    body = (
        HEADLINE
        + "\n\nNorvik Steel Group and the unions reached a deal over pay.\n"
        + "Norvik Steel Group also signed a deal with the unions on Friday over pensions."
    )
    deals = _headline_agreements(extractor, HEADLINE, body)
    assert deals[0]["date"] is None, deals[0]
