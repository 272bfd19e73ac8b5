"""Meetings and agreements: triggers, tense, parties across sentences, places, dates, PLOVER."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from spacy.tokens import Doc

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.pipeline.loader import load_model
from streams.core.rules.interactions import _is_meeting, _may_trigger
from tests.fixtures.extraction import events_of


def _names(event: dict[str, Any]) -> set[str]:
    return {a["name"] for a in event["actors"]}


@pytest.mark.parametrize(
    ("body", "status", "mode"),
    [
        ("President Lula met South Korean President Roh Moo-hyun at the Planalto Palace.", "past", None),
        ("Chancellor Angela Merkel paid a visit to Georgian President Mikheil Saakashvili.", "past", "visit"),
        ("Emperor Naruhito hosted King Charles at the Imperial Palace.", "past", "host"),
        ("Donald Trump and Recep Tayyip Erdogan spoke on the phone on Sunday.", "past", "phone"),
        ("Donald Trump sat down with Xi Jinping for two hours.", "past", None),
        ("Tomas Vargas is expected to meet Chilean President Lena Berg in Peru.", "planned", None),
        ("Iran and the United States will hold talks in Oman next week.", "planned", None),
        ("Israel and Hamas are holding talks with Qatar in Doha.", "ongoing", "multilateral"),
        # sitting face to face, and a chat of two named
        ("Governor Ana Lund sat face to face with Senator Omar Vidal on Thursday.", "past", None),
        ("General Tom Berg and Admiral Ana Lund chatted at the Pentagon on Monday.", "past", None),
        # a conversation someone had, told by its owner's name
        ("Maria Lopez's conversation with Tom Reed on Friday was taped.", "past", None),
        # a meal with a programme's host is time spent together, not an interview
        ("Senator Ana Ruiz had breakfast with the television host Al Brand on Monday.", "past", None),
        # talks with a named person held to discuss something
        (
            "Defence Minister Ana Lund spoke with her Chilean counterpart Omar Vidal to discuss the border.",
            "past",
            None,
        ),
        # talks with a named person told in the past about something, with or to
        (
            "Senator Ana Ruiz said she had spoken with Senator Tom Berg about threats by his backers.",
            "past",
            None,
        ),
        ("Governor Ana Ruiz has spoken to Omar Vidal a few times about the merger.", "past", None),
        ('"Maria Lopez has spoken to Tom Reed about the merger," the company said.', "past", None),
        # someone phoned a named person
        (
            "President Ana Ruiz called Prime Minister Tom Lund on Tuesday to discuss the crisis.",
            "past",
            "phone",
        ),
        ("Governor Ana Ruiz will call Senator Tom Lund on Friday.", "planned", "phone"),
        ("President Ana Ruiz telephoned Prime Minister Tom Lund on Tuesday.", "past", "phone"),
        ("President Ana Ruiz phoned Prime Minister Tom Lund to congratulate him.", "past", "phone"),
        # a named person received or welcomed by another
        (
            "President Ana Ruiz received Prime Minister Tom Lund at the palace in Lima on Monday.",
            "past",
            None,
        ),
        ("President Ana Ruiz welcomed Prime Minister Tom Lund to Lima on Monday.", "past", None),
        ("President Ana Ruiz will receive Prime Minister Tom Lund in Lima next week.", "planned", None),
        # a meal or a round of golf with a named person
        ("Governor Ana Lund lunched with Senator Omar Vidal on Tuesday.", "past", None),
        ("President Tom Berg golfed with Senator Omar Vidal at his club on Sunday.", "past", None),
        # two companies talking are in talks
        ("Honda and Nissan started talking last year.", "past", None),
        ("Honda and Nissan are talking about a merger.", "ongoing", None),
    ],
)
def test_meeting_forms(extractor: Extractor, body: str, status: str, mode: str | None) -> None:
    (meeting,) = events_of(extractor, body, "meeting")
    assert meeting["status"] == status
    assert meeting["plover"] == {"category": "CONSULT", "mode": mode}
    assert len(meeting["actors"]) >= 2


@pytest.mark.parametrize(
    "body",
    [
        "Ford expects to meet its financial targets this year.",
        "The minister spoke at a press conference in Berlin.",
        "The Italian Episcopal Conference criticised the ruling.",
        # kin and the dead are visited without a meeting; an occasion hosted with no guest named
        "Ana Lund was flying to Lima to visit her daughter Esther.",
        "Ravi Patel quoted the poet and visited the grave of Omar Haddad.",
        # an interview of the two, not their meeting
        "Holt and Berg, who sat down for the Herald's podcast last week, bring their own sources.",
        "Holt and Berg sat down for “Inside Line” on Monday.",
        "Holt and Berg, who sat down for HARBOR’s “On Record” podcast as they were preparing, bring sources.",
        # talks with a programme's host are an interview
        "Senator Ana Ruiz backed the plan in a 2004 discussion with the talk show host Tom Berg.",
        "Senator Ana Ruiz spoke with the radio host Tom Berg to discuss the plan on Monday.",
        # a town hall: a forum with the public, whoever hosts it or appears at it
        "Ann Lund spoke on Thursday during a taping of a Harbour TV town hall meeting in Bergen.",
        "Ann Lund was joined on stage at a town hall meeting in Bergen by the chef Tom Berg.",
        # one side speaking to many
        "Coach Tom Hale gave the Vexa United players pep talks before the final.",
        # a lone body that asked for a meeting with a side left unnamed
        "Vexa Motors requested a meeting with the player before the vote.",
        # an occasion hosted with no guest named
        "In June, President Ann Lund hosted a Ramadan Iftar meal at the palace.",
        "In 2014, Tulsa hosted the Pride Games, known as the LGBT Olympics.",
        # hosting a show, with no one hosted named
        "Ratings peaked on May 9, 2013, when NBA Hall of Fame player Ravi Patel hosted and Ana Lund sang.",
        # co-hosting a show or an occasion with someone is no meeting with them
        "Ann Lund co-hosted a radio show with Tom Berg.",
        # two who visit a city, named as one, do not meet each other there
        "Ann Lund and Tom Berg both visited Wilmington, the state's biggest city.",
        # a private trip
        "Lena Marsh, a teacher from Oslo, visited Chile on vacation in May.",
        "The Harbour Review will host a party for debate viewers at the Grand Hotel in Dayton.",
        # how something was received
        (
            "The Berg administration has publicly signaled willingness to change the NHS but has "
            "been met with opposition."
        ),
        "The plan by Zenco was met with skepticism by Bolt Corp.",
        # a contest hosted, or guests come for one
        "If Lund wins, Norway would probably host the only Storting race in the country in 2029.",
        "On Sunday the Oslo Bears are set to host the Bergen Wolves for a hockey game in the city.",
        # a time counted from, not an event reported
        "Ana Lund showed Ravi Patel a map of the firms built in Chile since his last visit in 2009.",
        # a visit to a place, beside a coordinated clause that tells another event with its own names
        "Ana Lund recalled details of a visit Tom Berg made to the region in 2007 and the campaigning "
        "Senator Omar Vidal did with Rita Moen when she ran.",
        # talking with reporters, or to a person with no purpose of talks, is no meeting
        "Ana Lund spoke with reporters to discuss the budget.",
        "Ana Lund spoke with Tom Berg on Monday.",
        # nor a talk about someone with a paper, a journalist or a body, nor one an email tells now
        "Earlier this year, Ana Lund spoke with the Oslo Herald about Tom Berg.",
        "Ana Lund spoke with Herald writer Tom Berg about the race.",
        "Ana Lund spoke to Radio Oslo's Tom Berg about the race.",
        "Aides to Ana Lund have talked with Tom Berg's campaign about the next steps.",
        "Ana Lund's email shows a contrast, as she talks to Tom Berg about the tanker deal.",
        # a rule that asks for consultations holds none
        "Ana Lund restored a requirement that federal agencies consult with experts of the Soil Bureau.",
        # getting to know someone, a habit or a career, a tour of places
        "Before she met Tom Berg and got married, Ana Lund ran a bakery in Leeds.",
        "Ana Lund met her husband Tom Berg in college.",
        "The Blue Room has hosted countless singers, said its owners Tom Berg and Ana Lund.",
        "Halfway across the state, Governor Tom Berg set off on his journey to visit all 88 counties.",
        # an interview, and a career of meetings
        "In a conversation with Radio Oslo's Tom Hale about his film, the actor Ben Holt discussed war.",
        "The campaign said the report left out the hundreds of meetings Rita Moe had with voters in Ohio.",
        # a command to the reader, and an idiom
        "For a list of Ana Lund's new rules and their status, visit Dunmore Media.",
        "Veltron Bank to Meet Its Match in Oslo Deal",
        # things gathered, not people gathering
        "The samples gathered by the Soil Bureau and the Water Board were tested.",
        "Ana Lund and Ravi Patel gathered signatures for the petition.",
        # a broadcast someone hosts for an audience, and a building visited in a place
        "Ana Lund and Tom Berg spoke at a town hall hosted by Radio Oslo on Thursday.",
        "Envoy Tom Berg visited Lima's hospital on Monday.",
        # a negotiation told of the agreement it concluded: the agreement is the event
        "Nordair has negotiated the purchase of 12 new Airbus A330 jets.",
        # "called" that names, summons or calls upon someone is no phone call
        "Governor Ana Ruiz called Senator Tom Lund a liar on Monday.",
        "Governor Ana Ruiz called Senator Tom Lund weak.",
        "Governor Ana Ruiz called on Senator Tom Lund to resign.",
        "Judge Ana Ruiz called Senator Tom Lund to the stand.",
        # what he was called, after an aside the parser takes for the end of the object
        "Ana Ruiz called Senator Tom Lund, a former trucker who was twice jailed, an able leader.",
        # a convention where an offer was made is no meeting of who offered and whom
        "The Oslo Angels offered pitcher Tom Berg a contract at the Winter Meetings in Las Vegas.",
        "The Oslo Angels made a big offer to pitcher Tom Berg during winter meetings in Las Vegas.",
        # a body alone does not negotiate, visit or host: the other side must be named
        "Nordair has negotiated the purchase of 12 new jets from Airbus.",
        # companies that talk as a habit, and one company talking to a broadcaster
        "Boeing and Airbus talk a lot about safety.",
        "Honda talked with CNN about the recall.",
    ],
)
def test_not_meetings(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "meeting") == []


@pytest.mark.parametrize(
    "body",
    [
        "Cyprus and Egypt signed a deal to export gas through a new pipeline.",
        "Ford and Mazda held talks. The two companies struck a $3 billion deal on Monday.",
        "Airbus won a contract from the airline for 20 jets.",
        "Chrysler's deal with European automaker Fiat went through on Thursday.",
        "Iceland is part of a pact between the Nordic Council and Canada.",
        "The KVF announced on Friday it had entered into an agreement with Moldova's government.",
        "Norway failed to fully implement the fishing plan it signed with Iceland.",
        "Delta placed a purchase order for 30 aircraft with Boeing.",
        # an order won from, or placed with, a named side; a rival beaten to it is not
        "Kestrel Motors won an order for 90 jets from the Norwegian Air Force.",
        "Orbis Group placed an order with Kestrel Motors for 12 jets.",
        "Kestrel Motors defeated Marrow Aviation to win an order for 90 jets from Orbis Group.",
        # a relative clause whose pronoun is who signed: the noun signed, it was not signed
        "Omar Lind, who signed with the Oslo Rangers in 2009, retired.",
        # a partnership a verb makes with a counterpart, a deal forged, a sum paid for a company
        "Zenco announced a partnership with Dunmore Labs in May.",
        "Zenco has forged a deal to buy a Texas start-up, Dunmore Labs.",
        "Zenco paid $40 million for Dunmore Labs Inc.",
        "Investors cheered this week's megadeal between Zenco and Dunmore Labs.",
        # "the firm" is the one company the sentence before named
        "Paul Berg founded Dunmore Media in 1980. The firm was sold to Veltron in 1991.",
        # several who reach an understanding are its sides
        "Tom Lund and Ana Ruiz reached an understanding on the border on Monday.",
        # a joint venture or alliance made with a named side, or by several
        "Acme Corp formed a joint venture with Beta Industries on Monday.",
        "Acme Corp and Beta Industries announced a joint venture on Monday.",
        "Chile and Peru formed an alliance against the cartels on Monday.",
        # a truce brokered between two: theirs
        "Qatar brokered a ceasefire between Chile and Peru on Monday.",
    ],
)
def test_agreement_forms(extractor: Extractor, body: str) -> None:
    (agreement,) = events_of(extractor, body, "agreement")
    assert agreement["plover"]["category"] == "AGREE"
    assert agreement["status"] == "past"


@pytest.mark.parametrize(
    "body",
    [
        "The two countries did not sign the treaty.",
        "Officials proposed a new deal with Brazil.",
        "Aid will stop unless the bondholders agree on compromises.",
        "Premier Ada Brandt resigned when she was unable to negotiate a tariff deal.",
        "Talks on a free-trade deal collapsed on Friday.",
        "The golfer presented a golf bag signed by Abe.",
        # one person's view, however the parser hangs the that-clause
        "Ed Kline, once a staff chief at the Budget Committee, agreed that the Treasury Office has "
        "limited power to stop corporate tax fraud.",
        # a memorandum one office issues, and a team's preference
        "President Ana Lund signed a memorandum halting a Berg administration rule.",
        "The Oslo Hawks' preference would be to sign Tom Lee to a five-year deal.",
        # one person who shares a view, with no one and on nothing said
        "Tom Berg called the tax unfair. Governor Ann Lee agrees.",
        # a deal still to be made, and the goal of a way toward one
        "Aides said a joint fundraising pact between the Party and Ann Lee's campaign still needs to be "
        "worked out.",
        "The envoy criticized the road map for the final accord between Chile and Peru.",
        # a buyer no one names: a company bought by someone unknown is no agreement of its own
        "Analysts said the acquisition of Valtron Systems was a bold step.",
        # a law's enactment at home is no agreement
        "President Ann Lee signed the Atlantic Fisheries Agreement into law on Monday.",
        "Trade rules, including the Atlantic Fisheries Agreement, which President Ann Lee signed into law "
        "in 1993, hurt workers, Tom Berg said.",
        # a deal its own party plays down
        "Senator Tom Berg played down on Friday the idea that he had made a pact with Governor Ann Lee.",
        "Senator Tom Berg on Friday downplayed reports that he had struck a deal with Governor Ann Lee.",
        # orders from no one named, and orders as a figure
        "Kestrel Motors received orders from customers.",
        "Orders at Kestrel Motors rose in May.",
        # a venture of one, and a truce brokered between no one named
        "Acme Corp announced a new venture on Monday.",
        "Qatar brokered a truce on Monday.",
        # one body that reaches a framework, several that approve a plan each
        "The Kestrel Motors board reached a framework on pay on Monday.",
        "Chile and Peru approved the plan on Monday.",
    ],
)
def test_proposed_failed_or_conditional_deals_are_not_reported(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "agreement") == []


def test_planned_agreement_is_marked(extractor: Extractor) -> None:
    (agreement,) = events_of(extractor, "Japan and India will sign a defence pact in December.", "agreement")
    assert agreement["status"] == "planned"
    assert agreement["date"]["value"] == "2025-12"


def test_both_countries_are_the_countries_named_before(extractor: Extractor) -> None:
    body = (
        "Japanese Prime Minister Sanae Takaichi welcomed US President Donald Trump to Tokyo.\n"
        "Both countries agreed to work together on critical minerals."
    )
    (agreement,) = events_of(extractor, body, "agreement")
    assert {"Japan", "United States"} <= _names(agreement)


def test_they_after_a_meeting_are_the_ones_who_met(extractor: Extractor) -> None:
    body = (
        "President Lula met South Korean President Roh Moo-hyun in Brasilia on Tuesday.\n"
        "They signed a cooperation agreement on trade."
    )
    (agreement,) = events_of(extractor, body, "agreement")
    assert {"Lula", "Roh Moo-hyun"} <= _names(agreement)


def test_he_in_a_meeting_sentence_is_the_person_the_text_is_about(extractor: Extractor) -> None:
    body = "Mr Vargas is on the third stop of his Nordic tour.\nHe is expected to meet Lena Berg on Thursday."
    (meeting,) = events_of(extractor, body, "meeting")
    assert _names(meeting) >= {"Vargas", "Lena Berg"}
    assert meeting["date"]["value"] == "2025-10-30"  # planned: the coming Thursday


def test_location_is_a_place_not_a_party(extractor: Extractor) -> None:
    body = "German Chancellor Angela Merkel said during her visit to Tbilisi that Georgia may join NATO."
    (meeting,) = events_of(extractor, body, "meeting")
    assert meeting["location"]["name"] == "Tbilisi"
    assert "Tbilisi" not in _names(meeting)
    merkel = next(a for a in meeting["actors"] if a["name"] == "Angela Merkel")
    assert (merkel["title"], merkel["country"]) == ("Chancellor", "Germany")


def test_every_sum_reaches_an_event(extractor: Extractor) -> None:
    body = (
        "Norway and Chile signed a fisheries accord on Monday.\n"
        "Chilean firms are planning investments worth up to $250 billion in Norway."
    )
    (agreement,) = events_of(extractor, body, "agreement")
    assert [(a["value"], a["scope"], a["bound"]) for a in agreement["amounts"]] == [
        (2.5e11, "article", "upper")
    ]


def test_without_published_at_relative_dates_use_the_record_time(extractor: Extractor) -> None:
    article = Article(id="t", body="Norway and Chile signed a fisheries accord on Tuesday.")
    result = extractor.extract_one(article, fallback_date=date(2025, 10, 29))
    (agreement,) = [e.to_dict() for e in result.events if e.type == "agreement"]
    assert agreement["date"]["value"] == "2025-10-28"
    assert agreement["date_basis"] == "record_time"
    no_base = extractor.extract_one(article)
    assert [e.date for e in no_base.events] == [None]


def test_the_trigger_word_prefilter_passes_every_token_a_trigger_test_accepts() -> None:
    """``find_triggers`` skips tokens outside TRIGGER_WORDS; no test may accept such a token."""
    from streams.core.lexicon.triggers import TRIGGER_WORDS
    from streams.core.pipeline.loader import load_model
    from streams.core.rules import interactions
    from streams.resources import samples_path

    bodies = [json.loads(line)["body"] for line in samples_path().read_text().splitlines() if line.strip()]
    bodies.append(
        "They sat down, spoke by telephone, talked on the phone, held calls and a phone conversation, "
        "inked a purchase order, met at a meet, conferred, convened, gathered, assembled, "
        "negotiated and finalised the accords."
    )
    accepted = [
        token
        for doc in load_model().pipe(bodies)
        for token in doc
        if interactions._is_agreement(token) or interactions._is_meeting(token)
    ]
    assert len(accepted) >= 15  # the test must see triggers of many forms to mean anything
    missed = [
        t.text for t in accepted if t.lower_ not in TRIGGER_WORDS and t.lemma_.lower() not in TRIGGER_WORDS
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Speaking to reporters after the meeting, ambassador Ana Ruiz said the council was worried.",
            "meeting",
        ),
        ("During that meeting, it was agreed that the schools would close on Saturday.", "agreement"),
        ("The deal was approved unanimously by the board of Acme Corp.", "agreement"),
        ("Senator Ana Ruiz joined the talks as an observer.", "meeting"),
        ("Secretary of State Ana Ruiz felt the conference was a success.", "meeting"),
        # a body's word alone in front of the meeting noun does not say whose body it is
        ("The Union summit opened in Lyon on Tuesday.", "meeting"),
    ],
)
def test_meeting_or_agreement_without_two_parties_is_not_published(
    extractor: Extractor, body: str, kind: str
) -> None:
    assert events_of(extractor, body, kind) == []


@pytest.mark.parametrize(
    ("body", "kind", "body_name"),
    [
        ("ALBEX will hold an emergency meeting on March 3.", "meeting", "ALBEX"),
        (
            "The annual meeting of the Nordic Fisheries Assembly opens tomorrow.",
            "meeting",
            "Fisheries Assembly",
        ),
        ("NATO was scheduled to meet this weekend.", "meeting", "NATO"),
        # a forum named by its number of nations, which the model tags a product or a common noun
        ("The G7 meeting took place on Sunday.", "meeting", "G7"),
        ("The G8 summit opened in Lyon on Sunday.", "meeting", "G8"),
        # a body's full name in front of the meeting noun, the model leaving it untagged
        ("The Andean Council meeting was held in Lima on Sunday.", "meeting", "Andean Council"),
    ],
)
def test_a_body_that_meets_as_a_whole_is_enough(
    extractor: Extractor, body: str, kind: str, body_name: str
) -> None:
    (event,) = events_of(extractor, body, kind)
    assert any(body_name in name for name in _names(event))


@pytest.mark.parametrize(
    "body",
    [
        "On Friday the nine coastal states of the Baltic League agreed on a shared flood plan.",
        "On Friday the members of the Baltic League agreed on a shared flood plan.",
        "On Friday the Baltic League countries agreed on a shared flood plan.",
        "On Friday the nine coastal states from the Baltic League agreed on a shared flood plan.",
    ],
)
def test_the_members_of_a_named_body_agreeing_are_the_body(extractor: Extractor, body: str) -> None:
    """A body's members agreeing among themselves: the body agrees as a whole."""
    assert [_names(e) for e in events_of(extractor, body, "agreement")] == [{"Baltic League"}]


def test_a_body_with_member_states_is_an_organisation(extractor: Extractor) -> None:
    """ "the countries from the Eurogroup": what has countries as members is a body, whatever the model
    makes of the untagged name (a person's, by default)."""
    body = (
        "On Sunday, the nine countries from the Eurogroup -- those that use the euro -- had agreed on a plan."
    )
    (deal,) = events_of(extractor, body, "agreement")
    assert [(a["name"], a["kind"]) for a in deal["actors"]] == [("Eurogroup", "organization")]


@pytest.mark.parametrize(
    "body",
    [
        "The mayor read out a joint declaration by Prime Minister Ada Brandt and President Tomas Vargas.",
        "Prime Minister Ada Brandt and President Tomas Vargas issued a joint communique on fishing.",
    ],
)
def test_a_joint_text_by_named_sides_is_their_agreement(extractor: Extractor, body: str) -> None:
    assert [_names(e) for e in events_of(extractor, body, "agreement")] == [{"Ada Brandt", "Tomas Vargas"}]


@pytest.mark.parametrize(
    "body",
    [
        "Prime Minister Ada Brandt issued a joint communique on fishing.",  # one author
        # a joint statement is said together
        "Prime Minister Ada Brandt and President Tomas Vargas issued a joint statement on fishing.",
        "Prime Minister Ada Brandt and President Tomas Vargas issued a communique on fishing.",  # not joint
    ],
)
def test_a_text_not_jointly_authored_is_no_agreement(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "agreement") == []


def test_the_one_a_joint_declaration_condemns_is_no_party(extractor: Extractor) -> None:
    body = "Peru was condemned in a joint declaration by Chile, Bolivia and Ecuador on October 8."
    (agreement,) = events_of(extractor, body, "agreement")
    assert _names(agreement) == {"Chile", "Bolivia", "Ecuador"}
    assert agreement["date"]["value"] == "2025-10-08"


@pytest.mark.parametrize(
    "body",
    [
        "The European Commission cleared Orion Motors' takeover of Vexa Systems on Friday.",
        "Regulators in Brussels blocked Orion Motors' merger with Vexa Systems on Wednesday.",
    ],
)
def test_a_regulator_clearing_a_deal_of_two_others_is_no_party(extractor: Extractor, body: str) -> None:
    """The deal's sides only, and the clearing's day is not the deal's."""
    (agreement,) = events_of(extractor, body, "agreement")
    assert _names(agreement) == {"Orion Motors", "Vexa Systems"}
    assert agreement["date"] is None


def test_whom_talks_were_held_with_where_a_visit_went_is_a_party(extractor: Extractor) -> None:
    body = "President Ana Ruiz paid a state visit to Peru last week, where she held talks with Tom Lund."
    (visit,) = events_of(extractor, body, "meeting")
    assert {"Ana Ruiz", "Tom Lund"} <= _names(visit)


@pytest.mark.parametrize(
    ("body", "group"),
    [
        ("Iran and six world powers reached a nuclear deal on Tuesday.", "six world powers"),
        ("Six world powers and Iran reached a nuclear deal on Tuesday.", "Six world powers"),
    ],
)
def test_a_group_coordinated_with_a_named_party_is_the_other_party(
    extractor: Extractor, body: str, group: str
) -> None:
    (deal,) = events_of(extractor, body, "agreement")
    assert _names(deal) == {"Iran", group}


def test_the_country_visited_is_a_party(extractor: Extractor) -> None:
    (visit,) = events_of(
        extractor, "President Ana Ruiz made her first state visit to Canada this week.", "meeting"
    )
    assert {"Ana Ruiz", "Canada"} <= _names(visit)


@pytest.mark.parametrize(
    ("second", "kind"),
    [
        ("The two leaders held talks at the palace.", "meeting"),
        ("The two signed a trade pact on Tuesday.", "agreement"),
        ("The pair signed a trade pact on Tuesday.", "agreement"),
    ],
)
def test_the_two_are_the_two_subjects_of_the_sentence_before(
    extractor: Extractor, second: str, kind: str
) -> None:
    """No event named them as parties yet: the coordinated subject just before is who "the two" are."""
    (event,) = events_of(extractor, f"Ann Lund and Tom Berg flew to Oslo on Monday. {second}", kind)
    assert _names(event) == {"Ann Lund", "Tom Berg"}


def test_the_presidents_are_the_countries_named_before(extractor: Extractor) -> None:
    body = "Colombia and Ecuador ended their border dispute on Friday. The presidents agreed to restore ties."
    (agreement,) = events_of(extractor, body, "agreement")
    assert {"Colombia", "Ecuador"} <= _names(agreement)


@pytest.mark.parametrize(
    ("body", "party"),
    [
        ("The mill's owner, Norvik Paper, agreed to pay a further $40 million.", "Norvik Paper"),
        ("Talvik Marine won a contract to build two ferries.", "Talvik Marine"),
    ],
)
def test_the_one_party_that_agreed_or_won_is_enough(extractor: Extractor, body: str, party: str) -> None:
    (agreement,) = events_of(extractor, body, "agreement")
    assert party in _names(agreement)


@pytest.mark.parametrize(
    ("body", "trigger", "holders"),
    [
        ("NATO was scheduled to meet this weekend.", "meet", ["NATO"]),
        ("The mill's owner, Norvik Paper, agreed to pay.", "agreed", ["owner", "Paper"]),
        ("The Brethren Order requires new members to sign a lifetime contract.", "sign", []),
        ("The minister spoke at the conference.", "conference", []),
    ],
)
def test_holder_words(body: str, trigger: str, holders: list[str]) -> None:
    from streams.core.pipeline.loader import load_model
    from streams.core.rules.interactions import InteractionType, Trigger, holder_words

    doc = load_model()(body)
    (token,) = [t for t in doc if t.text == trigger]
    kind: InteractionType = "meeting" if trigger in ("meet", "conference") else "agreement"
    assert [w.text for w in holder_words(Trigger(kind, token, "past"))] == holders


@pytest.mark.parametrize(
    ("body", "kind", "trigger"),
    [
        (
            "Discussions on the tariff between Chile and Bolivia ended on Friday.",
            "meeting",
            "Discussions",
        ),
        ("Chancellor Ada Brandt had dinner with President Tomas Vargas in Lisbon.", "meeting", "dinner"),
        ("Governor Lina Moss dined with Mayor Ravi Patel on Sunday.", "meeting", "dined"),
        ("Orion Motors settled the patent lawsuit with Vexa Systems on Tuesday.", "agreement", "settled"),
        ("Norway and Iceland approved a joint declaration on fishing.", "agreement", "declaration"),
        ("Orion Motors signed a letter of intent with Vexa Systems.", "agreement", "letter"),
        ("Chile and Bolivia came up with a common plan on water.", "agreement", "plan"),
        ("Senator Ada Brandt had tense exchanges with Governor Lina Moss on Friday.", "meeting", "exchanges"),
        ("Mayor Ravi Patel conferred with Governor Lina Moss before the vote.", "meeting", "conferred"),
        ("Senator Ann Lund worked out an accord with Senator Mark Berg.", "agreement", "accord"),
        ("Orion Motors did the deal with Vexa Systems on Friday.", "agreement", "deal"),
        # what was signed off on, with whom
        ("The board of Orion Motors signed off on a merger with Vexa Systems.", "agreement", "signed"),
    ],
)
def test_triggers_outside_the_word_lists(extractor: Extractor, body: str, kind: str, trigger: str) -> None:
    (event,) = events_of(extractor, body, kind)
    assert event["trigger"] == trigger
    assert len(event["actors"]) >= 2


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The council approved the plan for the new bridge.", "agreement"),
        ("Orion Motors signed a letter to the regulator.", "agreement"),
        ("The discussion about prices in Norway and Iceland lasted an hour.", "meeting"),
        ("The dinner at the Lisbon embassy cost Norway and Iceland a fortune.", "meeting"),
        ("Norway and Iceland settled in Oslo.", "agreement"),
        ("Orion Motors and Vexa Systems know how to do a deal.", "agreement"),
        ("Ana Lund signed up to help Paul Berg raise money.", "agreement"),
        ("When Ana Lund and Tom Berg signed on in May, the campaign had money to fight.", "agreement"),
        ("Senator Mitch Hale agreed to a phone call on Wednesday.", "agreement"),
        (
            '"We will see," said voter Ana Ruiz of Derry before the event, a barbecue hosted by Tom Berg.',
            "meeting",
        ),
        (
            "The Harbor Youth Center, run by Tom Berg, still hosts a chess class named after Ali Hassan.",
            "meeting",
        ),
        ("It appears that Senator Ana Ruiz and Governor Tom Berg do agree on something.", "agreement"),
        ("Shares of Orion Motors and Vexa Systems fell on stock exchanges in Oslo.", "meeting"),
        ("Reporters from Norway and Iceland gathered at a central meeting place in Oslo.", "meeting"),
    ],
)
def test_word_classes_need_their_shape(extractor: Extractor, body: str, kind: str) -> None:
    events = events_of(extractor, body, kind)
    assert [e for e in events if e["trigger"] != "gathered"] == []


def test_signing_on_to_a_named_accord_joins_it(extractor: Extractor) -> None:
    """ "signed on" alone is joining a campaign; "signed on to the charter" joins the charter."""
    events = events_of(extractor, "Chile signed on to the charter with Peru on Friday.", "agreement")
    assert [{a["name"] for a in e["actors"]} for e in events] == [{"Chile", "Peru"}]


def test_two_meetings_in_one_sentence_are_twoevents_of(extractor: Extractor) -> None:
    body = (
        "Chancellor Ada Brandt met President Tomas Vargas in Lisbon, and then Premier Yuki Sato "
        "met King Olaf Berg in Oslo."
    )
    meetings = events_of(extractor, body, "meeting")
    assert len(meetings) == 2
    assert len({m["event_id"] for m in meetings}) == 2


@pytest.mark.parametrize(
    "body",
    [
        "Norway and Iceland signed an agreement on fishing quotas.",
        "Chancellor Ada Brandt met President Tomas Vargas at the Lisbon summit.",
        "Norway and Iceland held talks and met again on Monday.",
        "Norway and Iceland agreed to sign a treaty on fishing.",
        # what was agreed to is the agreement, whoever brokered it
        "Norway and Iceland agreed to a truce brokered by Canada that took effect on Sunday.",
        # the talks a meeting is for are that meeting, whoever brokered them
        "Norway and Iceland met in Oslo last week for fishing talks brokered by Canada.",
    ],
)
def test_triggers_of_one_event_are_one_event(extractor: Extractor, body: str) -> None:
    events = events_of(extractor, body, "meeting") + events_of(extractor, body, "agreement")
    assert len(events) == 1


def test_a_quoted_event_with_two_named_parties_is_reported(extractor: Extractor) -> None:
    body = '"Our agreements with Norway and Iceland were signed last year," Premier Yuki Sato said.'
    (agreement,) = events_of(extractor, body, "agreement")
    assert {"Norway", "Iceland"} <= _names(agreement)


@pytest.mark.parametrize(
    "body",
    [
        '"We should sign an agreement with Norway and Iceland," Premier Yuki Sato said.',
        '"Did Norway sign an agreement with Iceland?" Premier Yuki Sato asked.',
        '"The agreement was signed last year," Premier Yuki Sato said of the Norway deal.',
    ],
)
def test_quoted_wishes_questions_and_unnamed_events_are_not(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "agreement") == []


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("Officials in Lima praised the European Union's accord with Chile.", {"European Union", "Chile"}),
        ("Velmora Foods bought Castel Dairies for $90 million.", {"Velmora Foods", "Castel Dairies"}),
        ("Jones owned the boat until 2011. He agreed to sell it to Ms. Vance.", {"Jones", "Vance"}),
    ],
)
def test_agreements_named_by_their_parties_or_a_purchase(
    extractor: Extractor, body: str, parties: set[str]
) -> None:
    (deal,) = events_of(extractor, body, "agreement")
    assert _names(deal) == parties


@pytest.mark.parametrize(
    "body",
    [
        "Governor Jane Smith agreed with Senator Bob Jones that taxes are too high.",
        "The envoys of Norway held talks on a deal with Iran.",
        "Senator Smith bought a house in Denver from a developer.",
    ],
)
def test_not_agreements_opinion_topic_or_things(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "agreement") == []


@pytest.mark.parametrize(
    ("body", "word"),
    [
        ("Ruth Kamp then discussed Tom Hale's proposed tunnel and its cost.", "discussed"),  # one person
        ("The rules demand eight wins, a threshold met only by Acme and Beta.", "met"),  # a threshold met
        ("Ada Lind, the special envoy for Balkan negotiations, met Tom Hale.", "negotiations"),  # a title
    ],
)
def test_not_meeting_words(body: str, word: str) -> None:
    doc = load_model()(body)
    assert not _is_meeting(next(t for t in doc if t.text == word))


@pytest.mark.parametrize(
    "body",
    [
        "Chancellor Otto Brandt discussed the tunnel with Premier Lina Varga.",
        "Otto Brandt and Lina Varga discussed the tunnel on Monday.",
        "The leaders of Chile and Peru were expected to discuss the tunnel.",
    ],
)
def test_discussions_of_several_sides(extractor: Extractor, body: str) -> None:
    assert len(events_of(extractor, body, "meeting")) == 1


@pytest.mark.parametrize(
    "body",
    [
        "Ana Ruiz praised the fisheries deal negotiated by Chile and Norway.",
        "Chile cut a deal with Norway on fishing quotas on Monday.",
        "Norway and Chile hammered out an agreement on fishing quotas.",
    ],
)
def test_a_deal_negotiated_cut_or_hammered_out_is_an_agreement_not_a_meeting(
    extractor: Extractor, body: str
) -> None:
    (agreement,) = events_of(extractor, body, "agreement")
    assert {"Chile", "Norway"} <= _names(agreement)
    assert events_of(extractor, body, "meeting") == []


def test_negotiating_a_deal_is_still_talks(extractor: Extractor) -> None:
    body = "Chile and Norway are negotiating a deal on fishing quotas."
    assert events_of(extractor, body, "agreement") == []
    assert len(events_of(extractor, body, "meeting")) == 1


def test_an_agreement_told_with_its_own_verb_is_an_event_of_its_own(extractor: Extractor) -> None:
    """ "The two pacts they signed were vague, and the trade deal struck in July stalled": the deal
    is an agreement of its own, dated by its own verb; with no party beside it, it is the agreement
    of the parties just named. "The two pacts" is the signing told again (rules/rementions.py)."""
    body = (
        "President Ivan Pelz and Prime Minister Rosa Lind signed two agreements on Tuesday. "
        "The two pacts signed by the leaders were vague, and there was little headway "
        "on the broad trade agreement struck in July."
    )
    events = events_of(extractor, body, "agreement", published_at="2016-05-12")
    assert [(e["trigger"], (e["date"] or {}).get("value")) for e in events] == [
        ("signed", "2016-05-10"),
        ("agreement", "2015-07"),
    ]
    assert all(_names(e) == {"Ivan Pelz", "Rosa Lind"} for e in events)


def test_coordinated_agreements_with_their_own_sides_are_two(extractor: Extractor) -> None:
    """ "secured a deal with Iran ... and sealed a trade pact with Japan": two agreements; "met Peru
    and signed a deal" stays one agreement (and the meeting)."""
    body = "Ana Lund secured a gas deal with Norway, opened an office in Lima and sealed a pact with Chile."
    assert [_names(e) for e in events_of(extractor, body, "agreement")] == [
        {"Ana Lund", "Norway"},
        {"Ana Lund", "Chile"},
    ]
    assert len(events_of(extractor, "Chile met Peru on Monday and signed a deal on water.", "agreement")) == 1


@pytest.mark.parametrize(
    ("body", "meetings"),
    [
        (
            "Chancellor Ada Brandt met Tomas Vargas on Monday and will meet Yuki Sato on Friday.",
            [{"Ada Brandt", "Tomas Vargas"}, {"Ada Brandt", "Yuki Sato"}],
        ),
        (
            "Chancellor Ada Brandt met with Tomas Vargas in Lisbon and held talks with Yuki Sato in Porto.",
            [{"Ada Brandt", "Tomas Vargas"}, {"Ada Brandt", "Yuki Sato"}],
        ),
        (
            "Chancellor Ada Brandt met reporters on Monday and then held talks with Tomas Vargas.",
            [{"Ada Brandt", "Tomas Vargas"}],
        ),
        # a pronoun is the one met before: one meeting
        (
            "Chancellor Ada Brandt met Tomas Vargas on Monday and discussed trade with him.",
            [{"Ada Brandt", "Tomas Vargas"}],
        ),
    ],
)
def test_conjoined_meeting_verbs_with_their_own_named_counterparts_are_two_meetings(
    extractor: Extractor, body: str, meetings: list[set[str]]
) -> None:
    """Each conjoined meeting verb that names its own counterpart is a meeting, and the one met
    first is not at the second."""
    assert [_names(m) for m in events_of(extractor, body, "meeting")] == meetings


def test_a_partnership_is_an_agreement_only_when_made(extractor: Extractor) -> None:
    body = "Senator Ana Lund's most fruitful partnership with a Republican was her finest work."
    assert events_of(extractor, body, "agreement") == []


@pytest.mark.parametrize(
    "body",
    [
        "Rita Moe recalled a June conversation she had with Tom Hale at the Oslo Convention Center.",
        "Senator Rita Moe said she had a conversation with Tom Hale on Tuesday morning.",
        "The party was Mr. Hale's first face-to-face encounter with Speaker Rita Moe.",
    ],
)
def test_conversations_had_and_encounters_are_meetings(extractor: Extractor, body: str) -> None:
    (meeting,) = events_of(extractor, body, "meeting")
    names = {a["name"] for a in meeting["actors"]}
    assert "Tom Hale" in names or "Hale" in names, names


def test_a_meeting_a_visit_included_is_its_own(extractor: Extractor) -> None:
    body = "Tom Berg's visit to Rome included a meeting with Ann Lund on Friday."
    meetings = [_names(m) for m in events_of(extractor, body, "meeting")]
    assert {"Tom Berg", "Ann Lund"} in meetings, meetings


def test_a_meeting_that_times_another_with_its_own_counterpart_is_its_own(extractor: Extractor) -> None:
    """ "Following his meeting with X, Y met Z": two meetings, not one occasion of the other."""
    body = "Following her meeting with Omar Berg, Governor Ana Lund met with Senator Tom Reed on Friday."
    meetings = [_names(m) for m in events_of(extractor, body, "meeting")]
    assert {"Ana Lund", "Omar Berg"} in meetings and {"Ana Lund", "Tom Reed"} in meetings, meetings


def test_without_published_at_the_date_line_under_the_title_dates_relative_days(extractor: Extractor) -> None:
    body = (
        "Ferry deal for the islands\nMarch 4, 2021 10:15 AM\n"
        "Norway and Chile signed a fisheries accord on Tuesday."
    )
    result = extractor.extract_one(Article(id="t", body=body), fallback_date=date(2025, 10, 29))
    (agreement,) = [e.to_dict() for e in result.events if e.type == "agreement"]
    assert agreement["date"]["value"] == "2021-03-02"
    assert agreement["date_basis"] == "dateline"
    published = extractor.extract_one(Article(id="t", body=body, published_at="2021-03-05"))
    (dated,) = [e.to_dict() for e in published.events if e.type == "agreement"]
    assert (dated["date"]["value"], dated["date_basis"]) == ("2021-03-02", "published_at")


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("Orbis has teamed up with Vantor Labs to build a plant in Ohio.", {"Orbis", "Vantor Labs"}),
        ("Kestrel Motors partnered with Baidu on self-driving cars in March.", {"Kestrel Motors", "Baidu"}),
        (
            "The Harbour Workers Union joined forces with Greenpeace to fight the plan.",
            {"Harbour Workers Union", "Greenpeace"},
        ),
    ],
)
def test_joining_a_named_side_is_an_agreement(extractor: Extractor, body: str, parties: set[str]) -> None:
    (agreement,) = events_of(extractor, body, "agreement")
    assert {a["name"] for a in agreement["actors"]} == parties
    assert agreement["location"] is None  # where the plant goes is not where they teamed up


@pytest.mark.parametrize(
    "body",
    [
        "The club teamed up with local groups.",  # no named side
        "She joined the team in May.",  # joining is no agreement without "forces"
        "The retailer, which also partners with Calvin Klein, sold more this year.",  # a standing relation
        "Orbis wants a team up front.",
    ],
)
def test_joining_no_named_side_is_no_agreement(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "agreement") == []


def test_signing_a_named_side_is_an_agreement_with_it(extractor: Extractor) -> None:
    (agreement,) = events_of(extractor, "The Boston Hawks signed pitcher Tom Reyes on Monday.", "agreement")
    assert {a["name"] for a in agreement["actors"]} == {"Boston Hawks", "Tom Reyes"}


@pytest.mark.parametrize(
    "body",
    [
        "The governor signed Jane Holt's nomination papers.",  # a thing signed, not a side taken on
        "The Greenfield Statement was signed by 90 students in 1960.",  # a document with a name
    ],
)
def test_signing_a_thing_is_no_agreement_with_it(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "agreement") == []


@pytest.mark.parametrize(
    ("word", "lemma", "may"),
    [
        ("Summit", "Summit", True),  # the text, lower-cased
        ("met", "meet", True),  # the lemma
        ("Qorvel", "Meet", True),  # a lemma the model wrote with a capital
        ("table", "table", False),
        ("Qorvel", "Qorvel", False),
    ],
)
def test_a_token_may_trigger_by_its_text_or_lemma_lower_cased(word: str, lemma: str, may: bool) -> None:
    doc = Doc(load_model().vocab, words=[word], lemmas=[lemma])
    assert _may_trigger(doc[0]) is may


def test_a_deal_that_tells_how_another_trigger_is_made_is_the_same_agreement(extractor: Extractor) -> None:
    """ "intends to acquire Alstom in a deal announced on Monday": the deal is the acquisition, one
    record, though the deal has a participle of its own."""
    body = "Siemens intends to acquire Alstom in a $5.4 billion deal announced on Monday."
    (deal,) = events_of(extractor, body, "agreement")
    assert _names(deal) == {"Siemens", "Alstom"}


@pytest.mark.parametrize(
    "body",
    [
        "President Ana Ruiz received a letter from Prime Minister Tom Lund on Monday.",
        "President Ana Ruiz welcomed the decision by Prime Minister Tom Lund on Monday.",
        "The Oslo Rangers welcomed Tom Lund back to practice on Monday.",
        "Coach Maria Gonzalez welcomed Tom Lund back to practice on Monday.",
        "Senator Ana Ruiz said she would welcome Tom Lund.",
    ],
)
def test_what_one_receives_or_a_welcome_of_support_is_no_meeting(extractor: Extractor, body: str) -> None:
    assert events_of(extractor, body, "meeting") == []
