"""The date of a meeting or agreement: its own clause, the sentence before, counted days, the year."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.document import DocumentIndex
from streams.core.rules.event_dates import (
    _dates_another_event,
    _year_in_a_name,
    dates_an_occasion,
    event_date,
)
from streams.core.spans import CharSpans


def _dates(extractor: Extractor, body: str, published_at: str = "2025-10-29") -> list[str | None]:
    result = extractor.extract_one(Article(id="t", body=body, published_at=published_at))
    assert result.error is None, result.error
    events: list[dict[str, Any]] = [e.to_dict() for e in result.events if e.type != "statement"]
    return [(e["date"] or {}).get("value") for e in events]


@pytest.mark.parametrize(
    ("body", "published_at", "expected"),
    [
        # the day a meeting to come was announced is not its day (2016-06-16 is a Thursday) ...
        ("Mayor Ina Holt said on Wednesday she would meet with the Dock Workers Union.", "2016-06-16", None),
        (
            "Mayor Ina Holt said on Wednesday that on Friday she would meet Governor Tom Berg.",
            "2016-06-16",
            "2016-06-17",
        ),
        # ... but a reported past event or a purchase announced is dated by the report
        (
            "Orvik Corp said on Wednesday it had settled its dispute with Delta Mobile.",
            "2016-06-16",
            "2016-06-15",
        ),
        (
            "Orvik Corp said on Wednesday it will acquire Delta Mobile for $5 million.",
            "2016-06-16",
            "2016-06-15",
        ),
        # the sentence before gives the day of the scene
        (
            "On Tuesday the foreign ministers arrived in Lisbon. "
            "Foreign Minister Jonas Lind met Prime Minister Luis Tavares.",
            "2025-10-29",
            "2025-10-28",
        ),
        # a date in a clause the agreement governs is the target, not the day it was reached
        ("Norway and Chile agreed to cut their emissions by 2030.", "2025-10-29", None),
        # a span before an after-clause counts back from the day given before: the closure's, the news'
        (
            "The embassy closed on Sunday, January 3. The closure came a day after General Amos Tate met "
            "President Ali Saleh in Sanaa.",
            "2010-01-04",
            "2010-01-02",
        ),
        (
            "On Friday, Prime Minister Ivo Marek said he had the virus. This comes a week after he met "
            "President Ana Ruiz in Oslo.",
            "2010-01-04",
            "2009-12-25",
        ),
        # "during her trip": the trip the text dated before
        (
            "President Ann Lee travels to the Gulf in the coming week. She hopes to calm the region. "
            "During her trip, President Lee will meet with King Omar Said.",
            "2008-01-06",
            "2008-01",
        ),
        ("During her trip, President Ann Lee will meet with King Omar Said.", "2008-01-06", None),
        # with no day given before, the span dates nothing
        ("The vote came two days after the leaders of Chile and Peru met in Lima.", "2010-01-04", None),
        # a date in what talks or a pact are for is not theirs; the time of their own course is
        ("Kestrel Motors is in talks with Orbis Group to replace Lumen Corp after 2027.", "2025-10-29", None),
        ("The talks to be held in May will include Kestrel Motors and Orbis Group.", "2025-10-29", "2026-05"),
        # a past date in what was agreed dates the agreeing; a later one or a deadline does not
        ("Paul Berg agreed to sell the jet to Anna Lund in 2010, filings show.", "2016-04-25", "2010"),
        ("In 2015 Chile and Peru agreed to cut emissions in 2030.", "2016-04-25", "2015"),
        ("Paul Berg agreed to sell the firm to Anna Lund by 2014.", "2016-04-25", None),
        # the day of a confirmation is not the day of what the confirmed report tells
        ("On Monday, Ivan Pelz confirmed reports that he met Rosa Lind in Lima.", "2016-04-25", None),
        # a date in a clause that follows the event's dates that clause
        (
            "The deal with Valdor went through, and Mirex should sell the new cars by 2031.",
            "2025-10-29",
            None,
        ),
        # a year-less day after publication in a past-tense sentence is last year's
        (
            "Premier Anna Kovac attended a June 12 meeting with President Tomas Berg.",
            "2026-02-10",
            "2025-06-12",
        ),
        # so is one in a past verb's infinitive ("helped set up")
        (
            "In July, Mayor Ina Holt helped set up a meeting between Rudolf Hanke and Andrei Popescu.",
            "2026-02-10",
            "2025-07",
        ),
        # and one in a bare -ing clause hung on a past one ("..., with X praising Y, meeting him")
        (
            "Governor Ana Ruiz and Tom Berg had got on well, with Ruiz often thanking Berg, meeting him "
            "in August at City Hall.",
            "2026-02-10",
            "2025-08",
        ),
        # the day of a telling of the event, before the telling, is the telling's; one after the
        # event noun may be the event's
        ("On Monday, Mayor Ana Ruiz recalled her talks with Governor Tom Berg.", "2016-06-09", None),
        ("Mayor Ana Ruiz recalled her meeting with Governor Tom Berg in Oslo in 2009.", "2016-06-09", "2009"),
        # a bound is no date: the visit is some time before January
        ("Mayor Ana Ruiz said she planned to visit Norway before January.", "2016-05-11", None),
        # what a past agreeing agreed on, with its day (2016-03-23 is a Wednesday)
        ("Chile and Peru agreed on a plan to share water on Monday.", "2016-03-23", "2016-03-21"),
        # a scheduled one is this year's
        (
            "Premier Anna Kovac will attend a June 12 meeting with President Tomas Berg.",
            "2026-02-10",
            "2026-06-12",
        ),
        ("Premier Anna Kovac met President Tomas Berg on April 3 last year.", "2025-10-29", "2024-04-03"),
        # a past relative clause on the event dates it, read as past
        ("Zenco will honor the deal it signed with Malto in March.", "2026-02-10", "2025-03"),
        # the event's own clause dates it before a clause above it does (2026-02-11 is a Wednesday)
        (
            "Mr. Holt told reporters on Monday that on a trip to Kenya next month he would greet farmers.",
            "2026-02-11",
            "2026-03",
        ),
        # a time that names its day, which the model tags as a time
        ("Rita Moe met with Senator Tom Hale at his office this morning.", "2025-10-29", "2025-10-29"),
        # the day the text gave before, in words the model does not tag as that day
        (
            "On Monday Ana Lund flew to Seoul.\n\nAna Lund held private talks with Park Min and "
            "Ito Ken earlier in the day.",
            "2025-10-29",
            "2025-10-27",
        ),
        # "that day" in the event's own clause, beside another clause's date (2025-10-29 is a Wednesday)
        (
            "On Sunday Ana Lund flew to Seoul.\n\nAna Lund also met with Park Min that day, as the "
            "Daily Post reported on Tuesday.",
            "2025-10-29",
            "2025-10-26",
        ),
        # the time an event was first set for is not its time
        (
            "The summit of Ann Lund and Tom Berg, postponed from May, took place in Oslo on Friday.",
            "2025-10-29",
            "2025-10-24",
        ),
        # a part of the day a past scene took place in is of the day given before
        (
            "On Monday Ana Lund flew to Seoul.\n\nAna Lund held a joint meeting with Park Min and "
            "Ito Ken in the morning.",
            "2025-10-29",
            "2025-10-27",
        ),
        # a date closing another trip's phrase is that trip's, however the parser hangs it
        (
            "Rita Moe's visit to Peru, where she met President Rosa Vidal, recalled Tom Berg's trip to "
            "Chile in 1990.",
            "2025-10-29",
            None,
        ),
        # the time of the clause a relative clause's noun is in is not the relative clause's
        (
            "Zenco, which signed a deal with Malto Foods, said on Monday that profits fell.",
            "2025-10-29",
            None,
        ),
        # a "when" clause is the time it hangs on
        ("Their feud began in 1998, when Zenco signed a deal with Malto.", "2025-10-29", "1998"),
        # ... but a "when" clause of the verb the event noun hangs on times that verb, not the event
        (
            "The idea of the meeting between Tom Lund and Ana Berg came up when the pair chatted "
            "at last month's harvest ball, his aide said.",
            "2016-01-28",
            None,
        ),
        # a day that modifies another noun is that noun's
        (
            "The phone call between Ana Ruiz and Tom Lund came right after the late Friday leak of files.",
            "2025-10-29",
            None,
        ),
        # ... but a day on a time noun is that time, and a day right after its preposition is the
        # event's however the parser hangs it
        (
            "Wednesday morning, Senator Ana Ruiz had breakfast with Tom Lund in Oslo.",
            "2016-02-11",
            "2016-02-10",
        ),
        (
            "Leaders of the Sahel bloc met in Niamey at a summit where on Sunday Presidents Ana Ruiz "
            "of Nigeria and Tom Lund of Benin signed the trade agreement.",
            "2016-02-11",
            "2016-02-07",
        ),
        # a where-clause on the place a dated journey went to is on the journey's day
        (
            "Secretary Tom Lund traveled on Sunday to Lima, where he met Minister Omar Vidal.",
            "2025-10-29",
            "2025-10-26",
        ),
        # ... and one the parser hangs on the day itself
        (
            "President Ana Ruiz visited Oslo on Monday, where she met Prime Minister Tom Lund.",
            "2025-10-29",
            "2025-10-27",
        ),
        # ... however long it lasted
        (
            "Those talks moved on Sunday to Lima, where Tom Lund met for two hours with Omar Vidal.",
            "2025-10-29",
            "2025-10-26",
        ),
        # a week is the month it lies in (no day of it is named), or the week when it spans two
        ("Ana Ruiz met Lars Dahl in Oslo this week.", "2025-10-15", "2025-10"),
        ("Ana Ruiz met Lars Dahl in Oslo this week.", "2025-11-01", "2025-10-27"),
        # in the week of publication, what was done lies before that day and what will be after it
        ("Ana Ruiz met Lars Dahl in Oslo this week.", "2025-10-29", "2025-10"),
        ("Ana Ruiz will meet Lars Dahl in Oslo this week.", "2025-10-29", "2025-10-27"),
        ("Ana Ruiz will meet Lars Dahl in Oslo this week.", "2025-11-01", "2025-11"),
        # a year naming an accounting period is not the event's
        (
            "Orion Motors completed its purchase of Vexa Systems, it said in its 2008 second-quarter "
            "earnings report.",
            "2025-10-29",
            None,
        ),
    ],
)
def test_event_dates(extractor: Extractor, body: str, published_at: str, expected: str | None) -> None:
    assert _dates(extractor, body, published_at)[0] == expected


def test_a_planned_event_noun_takes_no_date_from_the_clause_that_plans_it(extractor: Extractor) -> None:
    body = "Mayor Anna Lind agreed Monday to hold talks with Governor Tomas Berg."
    assert _dates(extractor, body)[-1] is None


def test_the_following_day_counts_from_the_date_before(extractor: Extractor) -> None:
    body = (
        "Talks between Norway and Chile opened in Oslo on March 3. "
        "The following day, Norway signed a trade agreement with Chile."
    )
    assert _dates(extractor, body, "2025-10-29")[-1] == "2025-03-04"


def test_two_days_later(extractor: Extractor) -> None:
    body = "President Tomas Berg arrived in Oslo on May 5. Two days later he met Premier Anna Kovac."
    assert _dates(extractor, body, "2025-10-29")[-1] == "2025-05-07"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mayor Ina Holt and Mayor Per Lund met in Bergen in June 2014. "
            "The following year, they signed a harbour agreement.",
            "2015",
        ),
        (
            "Mayor Ina Holt and Mayor Per Lund met in Bergen in June 2014. "
            "Two years later they signed a harbour agreement.",
            "2016",
        ),
        (
            "Mayor Ina Holt signed a harbour agreement with Mayor Per Lund on March 3, 2014. "
            "Eight months later, Holt met Lund again in Bergen.",
            "2014-11",
        ),
        (
            "Mayor Ina Holt and Mayor Per Lund met in Bergen in June 2014. "
            "Three months earlier, Holt had signed a harbour agreement with Governor Ola Brekke.",
            "2014-03",
        ),
    ],
)
def test_months_and_years_count_from_the_date_before(extractor: Extractor, body: str, expected: str) -> None:
    """A past story's "the following year" is the year after the one it told, not after publication."""
    assert _dates(extractor, body, "2025-10-29")[-1] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The meeting between Tom Hale and Lia Berg, the first since March, took place in Oslo.", None),
        ("Tom Hale met Lia Berg for the first time since March.", None),
        ("Kestrel signed its biggest deal since June with Orbis Ltd on Monday.", "2025-10-27"),
        # a start of what goes on
        ("Kestrel and Orbis have been negotiating since December.", "2024-12"),
    ],
)
def test_since_a_first_is_not_the_events_date(extractor: Extractor, body: str, expected: str | None) -> None:
    """ "The first since March": when the last one like it was, not when this one was."""
    assert _dates(extractor, body, "2025-10-29")[-1] == expected


@pytest.mark.parametrize(
    "body",
    [
        # the year told before names no month: an older month is not counted from instead
        "The ferry line opened in August 2013.\n\nMayor Ina Holt wrote to Governor Per Lund in 2014. "
        "Eight months later, Holt signed a pier agreement with Lund.",
        # nor does the season told before
        "The ferry line opened in August 2024.\n\nMayor Ina Holt wrote to Governor Per Lund last summer. "
        "Eight months later, Holt signed a pier agreement with Lund.",
        # the count lands after publication, and the event is told in the past
        "Mayor Ina Holt and Mayor Per Lund met in Bergen in June 2025. "
        "Eight months later, they signed a harbour agreement.",
    ],
)
def test_a_count_with_no_month_to_start_from_or_past_publication_is_left_undated(
    extractor: Extractor, body: str
) -> None:
    assert _dates(extractor, body, "2025-10-29")[-1] is None


def test_a_past_story_counts_its_days_from_a_past_date(extractor: Extractor) -> None:
    """Published in February: "March 2" of a past-tense story is last March, and so is the day after."""
    body = (
        "President Ana Ruiz met Chancellor Otto Berg in Paris on March 2. "
        "The following day, Ruiz met Prime Minister Lia Ek."
    )
    assert _dates(extractor, body, "2026-02-18") == ["2025-03-02", "2025-03-03"]


def test_a_chain_of_counted_days_is_followed_two_links_back(extractor: Extractor) -> None:
    body = (
        "President Ana Ruiz met Chancellor Otto Berg in Paris on March 2. "
        "The following day, Ruiz met Prime Minister Lia Ek. "
        "Two days later, Berg signed a trade agreement with Ek."
    )
    assert _dates(extractor, body, "2025-10-29")[-1] == "2025-03-05"


def test_the_sentence_before_is_not_used_when_time_moves_on(extractor: Extractor) -> None:
    body = (
        "On Tuesday the foreign ministers arrived in Lisbon. "
        "Later Foreign Minister Jonas Lind met Prime Minister Luis Tavares."
    )
    assert _dates(extractor, body)[-1] is None


def test_the_sentence_before_in_another_paragraph_is_not_used(extractor: Extractor) -> None:
    body = (
        "On Tuesday the foreign ministers arrived in Lisbon.\n\n"
        "Foreign Minister Jonas Lind met Prime Minister Luis Tavares."
    )
    assert _dates(extractor, body)[-1] is None


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.mark.parametrize(
    ("body", "trigger", "expected"),
    [
        # the date of saying dates what was said to be done
        ("Valdor said Tuesday it had settled the lawsuit with Mirex.", "settled", "2025-10-28"),
        # a target date in the agreed clause is not the agreement's
        ("Valdor agreed with Mirex to close the plant by 2031.", "agreed", None),
        # a weekday the parser hangs on a present-tense relative clause is the event's
        ("Valdor met relatives of miners who live in Oslo on Thursday.", "met", "2025-10-23"),
        # the day of agreeing to meet is not the meeting's, nor the meeting's the agreeing's
        ("On Monday, Valdor agreed to meet Mirex.", "meet", None),
        ("On Monday, Valdor agreed to meet Mirex.", "agreed", "2025-10-27"),
        ("Valdor agreed to meet Mirex on Monday.", "agreed", None),
        # a relative adverb ties the clause to the event's time
        ("The ministers met for a summit where on Sunday they signed the accord.", "met", "2025-10-26"),
        # a news-day date ending the clause, hung by the parser on a participle of the object
        (
            "The mayor met relatives of the miners killed on Wednesday and said more must be done.",
            "met",
            "2025-10-29",
        ),
        # an earlier day is the participle's own, and so is a full relative clause's
        ("The mayor met relatives of the miners killed on Sunday.", "met", None),
        ("The mayor met relatives of the miners who were killed on Wednesday.", "met", None),
    ],
)
def test_event_date_of_a_trigger(nlp: Language, body: str, trigger: str, expected: str | None) -> None:
    doc = nlp(body)
    token = next(t for t in doc if t.text == trigger)
    document = DocumentIndex(doc)
    value, _ = event_date(
        document.sentences[0], token, "past", document, date(2025, 10, 29), "published_at", CharSpans([])
    )
    assert (value.value if value else None) == expected


@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        # "In an interview on Monday, X answered questions about his meeting": Monday is the interview's
        (
            "In a radio interview on Monday night, Tom Hale answered questions about his meeting with Lee.",
            True,
        ),
        ("Tom Hale met Ann Lee on Monday night.", False),
    ],
)
def test_a_date_in_an_occasions_phrase_is_the_occasions(text: str, occasion: bool) -> None:
    doc = load_model()(text)
    date = next(e for e in doc.ents if e.label_ in ("DATE", "TIME"))
    trigger = next(t for t in doc if t.lemma_ in ("meeting", "meet"))
    assert dates_an_occasion(date, trigger) is occasion


def test_that_day_is_the_day_given_before(extractor: Extractor) -> None:
    body = (
        "Ana Lund will meet Ito Ken in Oslo on Thursday. Lund also plans to meet with Park Min "
        "that day in Bergen."
    )
    assert _dates(extractor, body, "2025-10-27") == ["2025-10-30", "2025-10-30"]


def test_a_meeting_just_before_the_scene_takes_the_day_the_sentence_before_gives(
    extractor: Extractor,
) -> None:
    """ "after meeting with X, she said" orders the meeting within the scene, which continues the
    day of the sentence before; "weeks after meeting" moves it away."""
    body = (
        "Both candidates courted young voters on Tuesday. In Denver, after meeting with the Rev. Tom Reyes "
        "and other pastors, Jane Holt said she would fight for jobs."
    )
    assert _dates(extractor, body) == ["2025-10-28"]
    moved = (
        "Both candidates courted young voters on Tuesday. In Denver, weeks after meeting with the Rev. "
        "Tom Reyes, Jane Holt said she would run."
    )
    assert _dates(extractor, moved) == [None]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the event's clause has its own time: the other clause's day is not its (the weekend before
        # a Wednesday lies in September)
        (
            "Acme filed for bankruptcy on Monday after Bolt Corp and Zenco pulled out of negotiations "
            "over the weekend.",
            ["2008-09"],
        ),
        # a time that describes a thing is no time of the event: the day above still dates it
        ("Zenco said on Monday that it had settled a decades-long dispute with Bolt Corp.", ["2008-09-15"]),
        ("Zenco said Monday it had agreed to a 10-month truce with Bolt Corp.", ["2008-09-15"]),
    ],
)
def test_a_clause_with_its_own_time_takes_no_other_date(
    extractor: Extractor, body: str, expected: list[str | None]
) -> None:
    assert _dates(extractor, body, "2008-09-17") == expected


def test_a_meeting_agreed_on_a_day_is_not_held_that_day(extractor: Extractor) -> None:
    """The agreement is of Monday, the meeting it plans has no day; a forecast's day is the meeting's."""
    assert _dates(extractor, "On Monday, Valdor agreed to meet Mirex.") == ["2025-10-27", None]
    assert _dates(extractor, "On Monday, Valdor is expected to meet Mirex.") == ["2025-11-03"]


def test_a_coordinated_clauses_time_is_its_own(extractor: Extractor) -> None:
    """ "but when X visited in March, he was caught off guard": March is the visit's, not the truce's;
    "A met B on Monday and C met D on Tuesday" gives each meeting its own day."""
    body = (
        "Zenco finally agreed to a truce with Bolt Corp, but when Ana Berg visited Peru in March 2007, "
        "she was caught off guard by the news."
    )
    assert _dates(extractor, body, "2008-09-17") == [None, "2007-03"]
    two = "Tom Hale met Jim Lund on Monday and Ana Berg met Carl Ruiz on Tuesday."
    assert _dates(extractor, two, "2008-09-17") == ["2008-09-15", "2008-09-16"]


@pytest.mark.parametrize(
    ("text", "in_a_name"),
    [
        ("Delta got funds under the Clean Energy Jobs Act (CEJA) of 2009.", True),
        ("Delta got funds under the Clean Energy Act of 2009.", True),
        ("Delta got funds in 2009.", False),
        ("Delta spent the budget of 2009 on funds.", False),
    ],
)
def test_a_year_that_ends_a_name_is_the_names(nlp: Language, text: str, in_a_name: bool) -> None:
    """ "the Recovery Act of 2009": when the law dates from, never the date of an event beside it."""
    year = next(e for e in nlp(text).ents if e.text == "2009")
    assert _year_in_a_name(year) is in_a_name


def test_a_day_right_after_its_preposition_is_not_taken_for_a_nouns(nlp: Language) -> None:
    """ "where on Sunday Presidents X and Y signed the pact": the parser may hang "Sunday" on
    "Presidents" as a compound (set so here); after "on" it is still the signing's day."""
    from spacy.tokens import Doc, Span

    words = ["where", "on", "Sunday", "Presidents", "Lund", "and", "Ruiz", "signed", "the", "pact", "."]
    heads = [7, 7, 3, 7, 3, 4, 4, 7, 9, 7, 7]
    deps = ["advmod", "prep", "compound", "nsubj", "appos", "cc", "conj", "ROOT", "det", "dobj", "punct"]
    pos = ["ADV", "ADP", "PROPN", "NOUN", "PROPN", "CCONJ", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, 2, 3, label="DATE")]
    pact = doc[9]
    assert not _dates_another_event(doc.ents[0], pact)


def test_a_date_in_a_clause_said_of_a_party_is_not_the_events(extractor: Extractor) -> None:
    """ "an agreement with unions representing workers who walked out in mid-April": the walking
    out's month, not the agreement's; a weekday the parser hangs on a present-tense clause of a
    party ("talks with senators who back him on Thursday") stays the event's."""
    body = (
        "Acme Corp has struck a provisional agreement with unions representing workers who walked out "
        "in mid-April."
    )
    assert _dates(extractor, body) == [None]
    body = "Senator Ana Ruiz held talks with Governor Tom Lund and senators who back him in Oslo on Thursday."
    assert _dates(extractor, body) == ["2025-10-23"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Honda and Nissan have been negotiating since December.", ["2024-12"]),
        ("Honda and Nissan have been in talks since December 12.", ["2024-12-12"]),
        ("Honda and Nissan will meet in December.", ["2025-12"]),
    ],
)
def test_a_start_since_a_day_lies_before_the_telling(
    extractor: Extractor, body: str, expected: list[str]
) -> None:
    """The present perfect is no past tense, but "since December" in October is last December."""
    assert _dates(extractor, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Nordtek intends to acquire Baltic Robotics in a $2 billion deal, the company said Monday.",
        "Nordtek said Monday it plans to buy Baltic Robotics for $2 billion.",
    ],
)
def test_the_day_an_intent_was_announced_is_past(extractor: Extractor, body: str) -> None:
    """ "said Monday it intends to": Monday is the saying's, before publication, as for "will"."""
    assert _dates(extractor, body) == ["2025-10-27"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a day in the infinitive of a deal signed or reached dates the deal (2025-10-24 is a Friday)
        ("Nordtek signed an agreement to acquire Baltic Robotics on Friday.", ["2025-10-24"]),
        ("Nordtek reached a deal to buy Baltic Robotics on Friday.", ["2025-10-24"]),
        # not a deadline
        ("Nordtek struck a deal with Baltic Robotics to cut emissions by 2030.", [None]),
    ],
)
def test_a_day_in_a_signed_deals_infinitive_dates_the_deal(
    extractor: Extractor, body: str, expected: list[str | None]
) -> None:
    assert _dates(extractor, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a day deep in the other of two things one subject did is that thing's
        (
            "Vexa Corp's new chief Ana Lund was upbeat about selling more phones at the company's "
            "investor day earlier this month and has wasted little time with the acquisition of Orbis "
            "Inc for $334 million.",
            [None],
        ),
        # a clause with its own subject is not one of two things one subject did
        (
            "The sale came out of a deal begun between Vexa Corp and Orbis Inc last year, but "
            "negotiations had stalled over the price.",
            ["2024"],
        ),
        # a day on the other conjunct itself is the scene's (2025-10-27 is a Monday)
        ("On Monday, Ana Lund arrived in Oslo and met Tom Berg.", ["2025-10-27"]),
    ],
)
def test_a_day_in_a_clause_below_the_other_conjunct_is_that_clauses(
    extractor: Extractor, body: str, expected: list[str | None]
) -> None:
    assert _dates(extractor, body) == expected


def test_a_deadline_after_a_passive_is_no_date_of_the_deal(extractor: Extractor) -> None:
    """ "a deal to be finalised by June 10": the parser reads "by" as the agent's; the date
    is a deadline, not the day of the deal."""
    body = "Fiat will buy the stake from Vexa Corp, a deal that will be finalised by June 10."
    assert _dates(extractor, body) == [None]
