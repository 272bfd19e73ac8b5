"""The place of a meeting or agreement: its clause, the place visited for it, a relative "where"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.places import event_location
from streams.core.spans import CharSpans


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def _location(nlp: Language, text: str, trigger: str) -> str | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    location = event_location(token.sent, CharSpans([]), token)
    return None if location is None else location.text


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the place visited for the meeting, when the meeting is the visit's purpose
        (
            "Judge Maria Olsen visited the Pentagon on Friday to meet with Senator Tom Hale.",
            "meet",
            "Pentagon",
        ),
        # a building visited is the visit's place
        ("Senator Tom Hale visited the Golden Gate Bridge on Friday.", "visited", "the Golden Gate Bridge"),
        # the place of the trip whose purpose the meeting is
        ("President Ana Ruiz arrived in Oslo on Monday to meet Prime Minister Lars Dahl.", "meet", "Oslo"),
        # the place a relative "where" refers to
        ("Mr. Hale made a short trip to Peru, where he met President Rosa Vidal.", "met", "Peru"),
        # a place in the event's own clause wins over the "where" noun
        ("Mr. Hale flew to Peru, where he met President Rosa Vidal in Cusco.", "met", "Cusco"),
        # "where" hung on the day by the parser: the place the day's clause names
        (
            "President Ana Ruiz paid a visit to Oslo on Monday, where she met Prime Minister Tom Lund.",
            "met",
            "Oslo",
        ),
        # where someone was sent for the event; not the topic of an event that governs the sending
        ("The president sent his envoy Tom Hale to Kabul for talks with Rosa Vidal.", "talks", "Kabul"),
        ("They said the agreement on sending soldiers to Libya breaks the resolution.", "agreement", None),
        # a place the model tags as a body, which the gazetteer knows
        (
            "The memo so irked them that they sent Tom Hale to Capitol Hill for a tense meeting with Lee.",
            "meeting",
            "Capitol Hill",
        ),
        # "on" a known place the model tags as a body, after a verb of meeting
        ("Senator Ann Berg plans to meet with Senator Tom Hale on Capitol Hill.", "meet", "Capitol Hill"),
        # a relative clause that says where the event took place, which the parser hangs on the person
        (
            "Rita Moe requested a meeting with Tom Hale, which took place at the Grand Hotel.",
            "meeting",
            "the Grand Hotel",
        ),
        ("Rita Moe had a meeting with Tom Hale, who lives in Oslo.", "meeting", None),
        # an arrival that sets the scene, hung on the event's day as a "when" clause
        (
            "Senator Ana Lund is set to meet with party donors Monday when she arrives in Washington.",
            "meet",
            "Washington",
        ),
        # a place of another thing coordinated with the event's ("plans ..., as well as plans ...")
        (
            "Norway also unveiled plans to team up with Chile in training a border force in Peru, as "
            "well as plans to host a regional summit on border safety next month.",
            "summit",
            None,
        ),
        # a place in what the event is about is the topic's
        ("Chile and Peru held talks about the war in Gaza.", "talks", None),
        # and so is one in what a verb of discussing has as its object
        ("Mr. Hale met Rosa Vidal to debate the plan for a new bridge in Bergen.", "met", None),
        (
            "Mr. Hale arranged a dozen meetings with Treasury officials to discuss the crisis in Ukraine.",
            "meetings",
            None,
        ),
        ("Mr. Hale met Rosa Vidal in Oslo to discuss the floods in Norway.", "met", "Oslo"),
        # no place at all
        ("Mr. Hale met President Rosa Vidal on Monday.", "met", None),
        # a room named as a body, and a city named with its country's possessive
        ("Mr. Hale met with Rosa Vidal in the Oval Office on Monday.", "met", "the Oval Office"),
        ("Mr. Hale met with young leaders in Peru's Lima on Monday.", "met", "Lima"),
        ("Officials in the White House said Mr. Hale met Rosa Vidal.", "met", None),
        # a place in what the event is for is that clause's; the buyer of a sale is no place
        (
            "Chile and Peru signed a treaty designed to balance their interests in Central Asia.",
            "signed",
            None,
        ),
        ("Acme agreed to take on the pension costs at Beta Motors.", "agreed", None),
        ("Mr. Hale sold his start-up to Veritron in 2010.", "sold", None),
        # a place in a coordinated clause of its own is that clause's
        ("Mr. Hale secured a deal with Rosa Vidal, opened an office in Lima and left.", "deal", None),
        # the scene a meeting's purpose is in, and the relative clause that tells it took place
        ("Mr. Hale sat down to talk with advisers at the Blue Palace.", "sat", "the Blue Palace"),
        ("Mr. Hale will urge them to continue the talks they began in March in Lima.", "talks", "Lima"),
        # the arrival a meeting is timed by sets its scene; a trip after it does not
        ("Mr. Hale will meet party elders on Friday when he arrives in Quito.", "meet", "Quito"),
        # also when the parser hangs the arrival on the day's phrase ("on Dec. 28 when he arrives")
        (
            "Mayor Ana Lund will meet with Senator Tom Berg on Dec. 28 when he arrives in Quito.",
            "meet",
            "Quito",
        ),
        ("Landing in Quito on Friday, Mr. Hale met Rosa Vidal.", "met", "Quito"),
        ("Mr. Hale met Rosa Vidal on Friday before he flew to Quito.", "met", None),
        # the city a visited capital is named as, though the model tags the name as no place
        (
            "General Amos Tate visited the capital, Sana'a, on Sunday to hold talks with Ali Saleh.",
            "visited",
            "Sana'a",
        ),
        # a name before a facility noun after "at the": the facility's place
        ("Mr. Hale met Rosa Vidal aboard her jet at the Denver airport.", "met", "Denver"),
        ("Mr. Hale met Rosa Vidal at the Denver airport on Friday.", "met", "Denver"),
        # where a named subject is based is not where its talks are
        ("Halden Robotics in Pine Creek Township is in talks with Vantor Systems.", "talks", None),
        ("Halden Robotics met Vantor Systems in Dayton.", "met", "Dayton"),
        # a weekday the parser hangs on a present-tense relative clause goes with the event, and so
        # does the place beside it; not the place of a clause without one
        ("Ann Lund met relatives of miners who live in Oslo on Thursday.", "met", "Oslo"),
        ("Ann Lund met relatives of miners who live in Oslo.", "met", None),
        (
            "Tom Berg also had tense exchanges with Senate Republicans who resist him on Capitol Hill on "
            "Thursday.",
            "exchanges",
            "Capitol Hill",
        ),
        # a place named before a venue after "a": the venue's place; a deal is no venue
        ("Ann Lund met Tom Berg at a Brooklyn wine bar last week.", "met", "Brooklyn"),
        ("Orion Motors bought Vexa Systems in a US $5 billion deal.", "bought", None),
        # the edge of an occasion is where it was held, not what the event was about
        ("Ann Lund met Tom Berg on the sidelines of the trade summit in Osaka.", "met", "Osaka"),
        ("Ann Lund met Tom Berg for talks on the war in Syria.", "met", None),
        # a meeting named for its season is not in it, nor is it its own place
        (
            "The Oslo Angels met Tom Berg at the Winter Meetings in Las Vegas.",
            "met",
            "Las Vegas",
        ),
        # the main clause's place is not that of an event told in a clause beside it
        (
            "A mortar strike that killed 40 people in a school brought new urgency to efforts to end the "
            "fighting in the Gaza Strip, as the UN Security Council met to discuss the crisis.",
            "met",
            None,
        ),
        # a country after a topic phrase on the event noun is the topic's; a city there is the venue
        (
            "Lund noted that the United States had signed a two-year agreement on police training in Peru.",
            "signed",
            None,
        ),
        ("Iran and Oman held talks on trade in Muscat on Monday.", "talks", "Muscat"),
        # a known place's name before a facility noun, tagged as a body, names where the facility is;
        # a body's name there does not
        ("At a Capitol Hill club on Monday, Ana Lund met Tom Berg.", "met", "Capitol Hill"),
        ("At the Microsoft conference center on Monday, Ana Lund met Tom Berg.", "met", None),
        # another journey's place, in another clause, is that journey's
        (
            "Just as he paid a visit to President Ana Ruiz on Wednesday, Pope Leo also made a brief "
            "stop in Lisbon to bless a chapel.",
            "visit",
            None,
        ),
    ],
)
def test_event_location(nlp: Language, text: str, trigger: str, expected: str | None) -> None:
    assert _location(nlp, text, trigger) == expected


def test_a_body_named_like_a_citys_alternate_name_is_not_geocoded_as_that_city(nlp: Language) -> None:
    """ "met at NBC": NBC is an alternate name of a Russian city; the body is not geocoded there."""
    doc = nlp("Mr. Hale met President Rosa Vidal at NBC on Monday.")
    token = next(t for t in doc if t.text == "met")
    location = event_location(token.sent, CharSpans([]), token)
    assert location is not None and location.name == "NBC" and location.geonames_id is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("After meeting with Tom Reyes, Jane Holt flew to Denver.", "meeting", None),  # where she went next
        ("Before meeting with Tom Reyes, Jane Holt flew to Denver.", "meeting", "Denver"),
        ("After meeting with Tom Reyes in Boise, Jane Holt flew to Denver.", "meeting", "Boise"),
        # the event told by a noun in the after-phrase, or the going told after the event
        ("After a breakfast with Tom Reyes, Jane Holt flew to Denver.", "breakfast", None),
        ("Jane Holt met Tom Reyes before flying to Denver.", "met", None),
        ("Jane Holt met Tom Reyes in Boise before flying to Denver.", "met", "Boise"),
    ],
)
def test_where_the_traveller_went_after_the_meeting_is_not_its_place(
    nlp: Language, text: str, trigger: str, expected: str | None
) -> None:
    assert _location(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause set against the one the place is in is another scene
        ("A similar suit was filed in Texas, but on May 2 Zenco and Bolt Corp agreed to settle.", None),
        # a further step of the same scene keeps it
        ("As mayor I flew to Lima, and I met with the port owners there.", "Lima"),
    ],
)
def test_a_place_in_a_clause_set_against_the_event(nlp: Language, text: str, expected: str | None) -> None:
    trigger = "agreed" if "agreed" in text else "met"
    assert _location(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Ruiz and Tom Lund met in Asuncion on Monday.", "Asuncion"),  # tagged as nothing
        ("Ana Ruiz and Tom Lund met in Montevideo this week.", "Montevideo"),  # run into the date
        ("Ana Ruiz and Tom Lund met in March.", None),  # a month is no city (though a town in England)
        ("Ana Ruiz and Tom Lund met in Parliament on Monday.", None),  # no city the gazetteer knows
        ("Ana Ruiz met Tom Lund in Kyiv in 2012.", "Kyiv"),  # the phrase hung on the one met
    ],
)
def test_a_city_the_model_left_untagged_after_in_is_the_place(
    nlp: Language, text: str, expected: str | None
) -> None:
    """The small model leaves some cities' names untagged, or runs one into the date after it
    ("Montevideo this week" as one date); after "in" on the trigger, a name the gazetteer knows
    as a city is the place."""
    assert _location(nlp, text, "met") == expected


def test_an_untagged_city_after_the_one_a_meal_is_with_is_the_place(nlp: Language) -> None:
    assert _location(nlp, "Ana Ruiz had breakfast with Tom Lund in Kyiv in 2012.", "breakfast") == "Kyiv"


def _published_place(extractor: Extractor, body: str, kind: str) -> str | None:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    (event,) = [e.to_dict() for e in result.events if e.type == kind]
    return None if event["location"] is None else str(event["location"]["name"])


def test_a_part_of_a_month_is_no_place(extractor: Extractor) -> None:
    """ "mid" of "in mid-March", which the parser may take for a name, is a town in the gazetteer."""
    assert (
        _published_place(extractor, "Governor Tom Hale met Mayor Lia Berg in mid-March.", "meeting") is None
    )


@pytest.mark.parametrize(
    ("body", "kind", "place"),
    [
        (
            "During his visit to Canberra, Prime Minister Narendra Modi met Prime Minister Anthony Albanese.",
            "meeting",
            "Canberra",
        ),
        ("On a trip to Oslo, President Ana Ruiz signed a fisheries pact with Norway.", "agreement", "Oslo"),
    ],
)
def test_the_trip_an_event_took_place_on_gives_its_place(
    extractor: Extractor, body: str, kind: str, place: str
) -> None:
    assert _published_place(extractor, body, kind) == place
