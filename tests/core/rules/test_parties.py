"""Parties of meetings and agreements: taken from the trigger's slots, not from every name nearby."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.model import Actor, ActorKind
from streams.core.pipeline.loader import load_model
from streams.core.rules.interactions import Trigger
from streams.core.rules.parties import (
    _city_tagged_as_a_body,
    _drop_groups_of_named_members,
    _subject_verb,
    party_slots,
)
from tests.fixtures.extraction import events_of


def _parties(extractor: Extractor, body: str, kind: str) -> list[set[str]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    assert result.error is None, result.error
    events: list[dict[str, Any]] = [e.to_dict() for e in result.events if e.type == kind]
    return [{a["name"] for a in e["actors"]} for e in events]


@pytest.mark.parametrize(
    ("body", "kind", "want", "not_wanted"),
    [
        # the venue is the location, never a party
        (
            "Microsoft signed a licensing deal with Toyota in Chicago on Monday.",
            "agreement",
            {"Microsoft", "Toyota"},
            {"Chicago"},
        ),
        # the other side of a settled dispute, not the band its company belongs to
        (
            "Acme Inc. said on Monday that it had settled its patent dispute with the Rolling Stones' "
            "publishing house, Zeta Corps.",
            "agreement",
            {"Acme Inc", "Zeta Corps"},
            {"Rolling Stones"},
        ),
        # people of a body, whatever the noun for them
        (
            "Senator Ana Lund will meet the barons of the farming industry on Monday.",
            "meeting",
            {"Ana Lund", "barons of the farming industry"},
            set(),
        ),
        # who gives out a record of the event did not take part in it
        (
            "On Friday the Kremlin put out a summary of the phone call placed by President Ana Ruiz "
            "early last May to Chilean President Omar Vidal.",
            "meeting",
            {"Ana Ruiz", "Omar Vidal"},
            {"Kremlin"},
        ),
        # a meeting the parser hangs on its participant as an apposition
        (
            "UN Secretary-General Maria Lopez, who is in Lima, Peru meeting with Peru's President "
            "Jorge Salas and Chilean President Luis Mora, said that she would press for a ceasefire.",
            "meeting",
            {"Maria Lopez", "Jorge Salas", "Luis Mora"},
            set(),
        ),
        # a politician's affiliation in apposition is no party
        (
            "Senator Ann Lund worked out an accord with Senator Mark Berg, Republican of Arizona.",
            "agreement",
            {"Ann Lund", "Mark Berg"},
            {"Republican"},
        ),
        # a dateline is never a party, even one the parser makes the subject
        (
            "BRASÍLIA, Brazil – Mr. Ivo Tavares, the President of Brazil, met with Mr. Park Jin-ho at 5 PM.",
            "meeting",
            {"Ivo Tavares", "Park Jin-ho"},
            {"BRASÍLIA", "Brazil"},
        ),
        # capitalised plural titles with demonyms are the countries
        (
            "At 8 PM there was a dinner with Chilean and South Korean Presidents and their aides.",
            "meeting",
            {"Chile", "South Korea"},
            {"Presidents", "South Korean"},
        ),
        # the country in a named person's title is said of the person
        (
            "The Taliban met on Monday with Omar Vance, a US peace envoy, in Qatar.",
            "meeting",
            {"Taliban", "Omar Vance"},
            {"United States", "Qatar"},
        ),
        # officials named by their country came from the other place, which is no party
        (
            "President Ivo Tavares will hold talks on Monday with U.S. officials from Iraq.",
            "meeting",
            {"Ivo Tavares", "United States"},
            {"Iraq"},
        ),
        # a city in apposition to "the capital" is where, not who
        (
            "General Ray Odum visited the capital, Sanaa, to discuss security with President Ana Ruiz.",
            "meeting",
            {"Ray Odum", "Ana Ruiz"},
            {"Sanaa"},
        ),
        # an unnamed head of state stands for the country
        (
            "Senator Ann Lund met the Peruvian president in Lima on Monday.",
            "meeting",
            {"Ann Lund", "Peru"},
            set(),
        ),
        # the chamber of "Senate Republicans" is not a party of its own
        (
            "Mr. Dole also found himself in tense exchanges with Senate Republicans on Thursday.",
            "meeting",
            {"Dole", "Republicans"},
            {"Senate"},
        ),
        # an exchange and a ticker symbol in brackets are no parties
        (
            "Zenco (NYSE: ZNC) agreed to buy Valtron Systems (nasdaq: VLTS - news - people) for $2 billion.",
            "agreement",
            {"Zenco", "Valtron Systems"},
            {"NYSE", "ZNC", "VLTS"},
        ),
        # the go-between of a deal is no party to it, unless it made the deal with someone
        (
            "A truce brokered by Egypt was reached between Hamas and Israel in June.",
            "agreement",
            {"Hamas", "Israel"},
            {"Egypt"},
        ),
        (
            "Norway brokered a deal between Hamas and Israel in June.",
            "agreement",
            {"Hamas", "Israel"},
            {"Norway"},
        ),
        (
            "The deal brokered last week by Chancellor Ana Berg of Germany with the Turkish government "
            "limits the flow of migrants.",
            "agreement",
            {"Ana Berg", "Turkey"},
            set(),
        ),
        # nor are a feed's quote links after a company's name
        (
            "The merger of Ortel Data Systems (ODS Quote - Cramer on ODS - Stock Picks) with Zenco "
            "(ZNC Quote - Cramer on ZNC - Stock Picks) will ripple through the industry.",
            "agreement",
            {"Ortel Data Systems", "Zenco"},
            {"ODS Quote - Cramer", "ZNC Quote - Cramer"},
        ),
        # nor the place a firm is based in, however the model tags it
        (
            "Zenco signed a deal to buy Markham, Ont-based ATI, a maker of chips, in stock.",
            "agreement",
            {"Zenco", "ATI"},
            {"Markham", "Ont"},
        ),
        # a list of labelled names, which the brackets break apart in the parse, is one side
        (
            "Hale teamed up with Sens. Tom Berg (D-N.J.), Jim Ruiz (D-W.Va.) and Carl Dunn (R-Fla.) "
            "to introduce the bill.",
            "agreement",
            {"Hale", "Tom Berg", "Jim Ruiz", "Carl Dunn"},
            {"N.J.", "Fla."},
        ),
        # nor is the state of a politician's party-and-state label
        (
            "Sen. Ann Lee (R-AL) and Sen. Bo Kim (D-Ore.) held talks with Omar Berg.",
            "meeting",
            {"Ann Lee", "Bo Kim", "Omar Berg"},
            {"AL", "Ore."},
        ),
        # a chamber and a party stacked on a plural noun are one group
        (
            "Tom Ruiz met with House GOP leaders on Monday.",
            "meeting",
            {"Tom Ruiz", "House GOP leaders"},
            {"House", "GOP"},
        ),
        # one name on a noun for legislators is a group of them, not the chamber or the party
        (
            "Sen. Tom Ruiz met with the Senate Democratic caucus on Tuesday.",
            "meeting",
            {"Tom Ruiz", "Senate Democratic caucus"},
            {"Senate"},
        ),
        (
            "Gov. Ann Lee held a private meeting with GOP lawmakers on Thursday.",
            "meeting",
            {"Ann Lee", "GOP lawmakers"},
            {"GOP"},
        ),
        (
            "Sen. Tom Ruiz spoke soon after his meeting with the rest of the House Republican caucus.",
            "meeting",
            {"Tom Ruiz", "House Republican caucus"},
            {"House"},
        ),
        (
            "Sen. Tom Ruiz huddled with supportive House members on Monday.",
            "meeting",
            {"Tom Ruiz", "House members"},
            {"House"},
        ),
        # the makers a deal's participle names are its parties, not who judges it
        (
            "Sen. Tom Ruiz does not like the deal signed by Zenco Corp and Borla Inc in March.",
            "agreement",
            {"Zenco Corp", "Borla Inc"},
            {"Tom Ruiz"},
        ),
        (
            "Sen. Tom Ruiz urged them to reject the Chile debt deal reached by Zenco Corp and Borla Inc.",
            "agreement",
            {"Zenco Corp", "Borla Inc"},
            {"Tom Ruiz", "Chile"},
        ),
        # "X and Sen. Y", which the parser hangs as a modifier of Y, are two parties
        (
            "Ann Lee and Bo Kim have already met with Dunmore and Sen. Chuck Vale.",
            "meeting",
            {"Ann Lee", "Bo Kim", "Dunmore", "Chuck Vale"},
            set(),
        ),
        # the country of a title said of the named person beside it, however it is parsed
        (
            "Hu Wen, the President of the Republic of Chile had lunch today with the President of Peru, "
            "Luis Inacio Berg da Silva, at the Granja do Sol.",
            "meeting",
            {"Hu Wen", "Luis Inacio Berg da Silva"},
            {"Peru", "Chile"},
        ),
        # the person after a hyphenated title, not the title
        (
            "Network chief Tom Ruiz spoke in a discussion Monday with Daily Wire Editor-in-Chief Omar Berg.",
            "meeting",
            {"Tom Ruiz", "Omar Berg"},
            {"Daily Wire Editor"},
        ),
        # the buyer of what a letter of intent sells
        (
            "Varco signed a letter of intent on selling 2 million tonnes of coal to the utility Norvik.",
            "agreement",
            {"Varco", "Norvik"},
            set(),
        ),
        # the topic of the talks is not a party
        (
            "Canada held talks with Mexico on Tuesday about the Panama Canal.",
            "meeting",
            {"Canada", "Mexico"},
            {"Panama Canal"},
        ),
        # the one reporting the meeting is not at it
        (
            "Reuters reported that Pfizer reached an agreement with Moderna last week.",
            "agreement",
            {"Pfizer", "Moderna"},
            {"Reuters"},
        ),
        # talks between / among
        (
            "Talks between Peru and Chile resumed on Friday in Geneva.",
            "meeting",
            {"Peru", "Chile"},
            {"Geneva"},
        ),
        # a third country named in passing in another clause
        (
            "Norway and Sweden signed a fisheries treaty after Denmark complained about quotas.",
            "agreement",
            {"Norway", "Sweden"},
            {"Denmark"},
        ),
    ],
)
def test_only_slot_names_are_parties(
    extractor: Extractor, body: str, kind: str, want: set[str], not_wanted: set[str]
) -> None:
    found = _parties(extractor, body, kind)
    assert found, body
    assert want <= found[0], found
    assert not (not_wanted & found[0]), found


def test_reported_pronoun_is_the_reporter(extractor: Extractor) -> None:
    """ "Acme announced on Sunday that it had entered into an agreement with X": Acme is the party
    "it" names."""
    found = _parties(
        extractor,
        "Siemens announced on Sunday that it had entered into an agreement with Alstom.",
        "agreement",
    )
    assert found and {"Siemens", "Alstom"} <= found[0], found


def test_apposition_names_the_person(extractor: Extractor) -> None:
    """ "the President of Brazil, Lula" is Lula, not a party called "President"."""
    found = _parties(
        extractor,
        "Prime Minister Kenji Sato met with the president of Chile, Gabriel Boric, in Santiago.",
        "meeting",
    )
    assert found, found
    assert "Gabriel Boric" in found[0] and "Kenji Sato" in found[0], found
    assert "Santiago" not in found[0] and "President" not in found[0], found


def test_a_date_word_is_no_party(extractor: Extractor) -> None:
    found = _parties(
        extractor, "With Sunday's signings, Ghana signed on to the agreement with Togo.", "agreement"
    )
    assert all("Sunday" not in f for f in found), found


def test_a_visited_city_is_the_place_and_its_country_the_host(extractor: Extractor) -> None:
    """ "her visit to Nairobi": Nairobi is where; Kenya, named in the sentence, is the host."""
    found = _parties(
        extractor,
        "Chancellor Olga Berg said during her visit to Nairobi that Kenya and Norway would cooperate.",
        "meeting",
    )
    assert found, found
    assert {"Olga Berg", "Kenya"} <= found[0], found
    assert "Nairobi" not in found[0] and "Norway" not in found[0], found


def test_a_dateline_is_no_party(extractor: Extractor) -> None:
    """ "DENVER (AP) —" files the story; neither the city nor the agency met anyone."""
    found = _parties(
        extractor,
        "DENVER (AP) — Governor Maria Lopez met with Senator Tom Reed after a hearing on Monday.",
        "meeting",
    )
    assert found, found
    assert {"Maria Lopez", "Tom Reed"} <= found[0], found
    assert "AP" not in found[0] and "Denver" not in found[0], found


def test_the_body_in_a_title_is_no_party(extractor: Extractor) -> None:
    """ "Senate Majority Leader Ann Cole": the Senate is part of her title, not a second party."""
    found = _parties(
        extractor,
        "Peter Hall and Senate Majority Leader Ann Cole pledged to cooperate after a meeting on Monday.",
        "meeting",
    )
    assert found, found
    assert "Senate" not in found[0], found


def test_members_of_a_group_are_named_with_it(extractor: Extractor) -> None:
    found = _parties(
        extractor, "Governor Maria Lopez met with members of the old guard on Friday.", "meeting"
    )
    assert found == [{"Maria Lopez", "members of the old guard"}], found


def test_her_is_not_a_plural_subject(extractor: Extractor) -> None:
    """ "Senators urged her to release the notes of her conversation with X": "her" is the woman named
    before, not the senators; and the conversation the notes record took place."""
    body = (
        "Governor Maria Lopez spoke on Monday. Senators urged her to release the notes of her "
        "conversation with Tom Reed."
    )
    found = _parties(extractor, body, "meeting")
    assert found == [{"Maria Lopez", "Tom Reed"}], found


def test_a_people_group_is_the_other_party(extractor: Extractor) -> None:
    """ "met survivors of the flood": no name stands for them, so the group is the party."""
    found = _parties(
        extractor, "President Ana Ruiz met survivors of the flood on Monday in a school gym.", "meeting"
    )
    assert found and {"Ana Ruiz", "survivors"} <= found[0], found


def test_dignitaries_are_the_other_party(extractor: Extractor) -> None:
    found = _parties(
        extractor,
        "Tomorrow Ahmed Lund plans to meet foreign dignitaries at the town hall in Oslo.",
        "meeting",
    )
    assert found == [{"Ahmed Lund", "dignitaries"}], found


def test_firms_of_a_kind_are_the_other_party(extractor: Extractor) -> None:
    """ "in negotiations with film studios": firms no name stands for, a group party."""
    found = _parties(
        extractor, "Zenco executives are in negotiations with film studios over prices.", "meeting"
    )
    assert found == [{"Zenco", "film studios"}], found


@pytest.mark.parametrize(
    ("body", "kind", "want", "not_wanted"),
    [
        # the buyer of a sale is a party even when the model takes its name for a place
        (
            "Tom Ray, who sold his analytics shop to Oracle in 2014, left.",
            "agreement",
            {"Tom Ray", "Oracle"},
            set(),
        ),
        # the seller of a purchase
        ("Initech bought the plant from Umbrella last year.", "agreement", {"Initech", "Umbrella"}, set()),
        # the speaker of the governing verb is the one who met ("he said after meeting with ...")
        (
            "Rep. Carl Moss backed the bill. The odds are good, he told reporters after meeting "
            "on Monday with Lane aides.",
            "meeting",
            {"Carl Moss", "Lane aides"},
            {"Lane"},
        ),
        # whose advisers met is not at the meeting: the advisers are, named with the possessive
        (
            "Carl Moss's top advisers huddled with Senator Ann Lund on Tuesday.",
            "meeting",
            {"Carl Moss's advisers", "Ann Lund"},
            {"Carl Moss"},
        ),
        # a purpose clause: the one who flew met
        (
            "President Ana Ruiz flew to Oslo to meet Prime Minister Lars Dahl.",
            "meeting",
            {"Ana Ruiz", "Lars Dahl"},
            {"Oslo"},
        ),
        # a visit's purpose clause names whom the visitor met
        (
            "General Tom Ross visited Zambia on Friday to discuss copper exports with President Ali Banda.",
            "meeting",
            {"Tom Ross", "Ali Banda"},
            set(),
        ),
        # a past verb the parser joined to an infinitive: the one who urged the council spoke
        (
            "Mayor Ann Bell urged the council to wait and spoke with Governor Tom Hale about the levy.",
            "meeting",
            {"Ann Bell", "Tom Hale"},
            set(),
        ),
        # whom a leader takes out of a treaty was its party, not the leader
        (
            "Last year Governor Tom Hale withdrew Peru from the fishing treaty with Norway.",
            "agreement",
            {"Peru", "Norway"},
            {"Tom Hale"},
        ),
        (
            "President Ana Ruiz pulled Chile out of the trade pact with Peru.",
            "agreement",
            {"Chile", "Peru"},
            {"Ana Ruiz"},
        ),
        # who left it was
        ("Chile walked away from the trade pact with Peru on Monday.", "agreement", {"Chile", "Peru"}, set()),
        # a group with its members named: the members met
        (
            "Mayor Ann Bell met with House Democrats, including Minority Leader Nora Kell (D-Ore.).",
            "meeting",
            {"Ann Bell", "Nora Kell"},
            {"D", "Ore.", "Democrats"},
        ),
        # a group whose members are named in its of-phrase is not an earlier group
        (
            "Peru and Chile held talks. The delegations of Norway and Iceland met in Bergen.",
            "meeting",
            {"Norway", "Iceland"},
            {"Peru", "Chile"},
        ),
    ],
)
def test_parties_read_through_the_construction(
    extractor: Extractor, body: str, kind: str, want: set[str], not_wanted: set[str]
) -> None:
    found = _parties(extractor, body, kind)
    assert found, body
    assert want <= found[-1], found
    assert not (not_wanted & found[-1]), found


@pytest.mark.parametrize(
    "body",
    [
        # the court is the clerk's, not a party of the clerk's visit
        "The chief clerk of the Fifth Circuit Court visited the Capitol on Monday "
        "to meet with Senator Ann Lee and Senator Bo Kim.",
        # a body described by an apposed group ("a group associated with ...") is not at the meeting
        "Her speech came after a panel discussion with the Ohio Action Fund, "
        "a group linked to the Ohio Labor Council.",
    ],
)
def test_bodies_beside_a_party_are_no_parties(extractor: Extractor, body: str) -> None:
    found = _parties(extractor, body, "meeting")
    assert all("Fifth Circuit Court" not in f and "Ohio Labor Council" not in f for f in found), found


def test_two_chambers_stacked_on_members_are_one_group(extractor: Extractor) -> None:
    found = _parties(
        extractor,
        "On Thursday Governor Maria Lopez held talks with Republican House and Senate members.",
        "meeting",
    )
    assert found == [{"Maria Lopez", "Republican House and Senate members"}], found


def test_authorities_named_by_their_country_are_the_country(extractor: Extractor) -> None:
    found = _parties(
        extractor,
        "Chilean authorities have reached a deal with Zenco and Valtron Systems on data.",
        "agreement",
    )
    assert found and {"Chile", "Zenco", "Valtron Systems"} == found[0], found


def test_one_who_comments_on_a_deal_is_no_party(extractor: Extractor) -> None:
    """ "Berg praised Canada's pact with Mexico": she spoke of the pact; Canada and Mexico made it."""
    found = _parties(
        extractor,
        "Chancellor Olga Berg praised Canada's new trade pact with Mexico on Monday.",
        "agreement",
    )
    assert all("Olga Berg" not in f for f in found), found


@pytest.mark.parametrize(
    ("body", "kind", "want"),
    [
        # "the two parties" after a sentence that named exactly two
        (
            "Acme Corp and Beta Systems fought in court for years. The dispute ended in 2004 with "
            "a settlement signed by the two parties.",
            "agreement",
            {"Acme Corp", "Beta Systems"},
        ),
        (
            "Shares of Acme Corp and Beta Systems rose on Monday. The two companies signed a merger "
            "agreement on Friday.",
            "agreement",
            {"Acme Corp", "Beta Systems"},
        ),
        (
            "Ann Lee and Tom Ray ran for mayor. The two men met in Boston on Friday.",
            "meeting",
            {"Ann Lee", "Tom Ray"},
        ),
    ],
)
def test_the_two_named_before_are_the_pair(
    extractor: Extractor, body: str, kind: str, want: set[str]
) -> None:
    found = _parties(extractor, body, kind)
    assert found and found[-1] == want, found


def test_the_source_a_report_is_according_to_is_no_party_and_gives_no_time(extractor: Extractor) -> None:
    """ "..., according to Labour aides involved in the talks": the aides tell of the talks; the time and
    place of the clause they report are not the talks'."""
    body = (
        "Lund and Berg are nearing an accord that would see him back her in Ohio on Tuesday, "
        "according to Labour aides involved in the talks."
    )
    (talks,) = events_of(extractor, body, "meeting", published_at="2025-10-29")
    assert {a["name"] for a in talks["actors"]} == {"Lund", "Berg"}, talks
    assert talks["date"] is None and talks["location"] is None, talks


def test_records_that_report_a_deal_are_no_party(extractor: Extractor) -> None:
    """ "She agreed in 2012 to sell it to Mr. Bell, filings show": "she" is the seller named before."""
    found = _parties(
        extractor,
        "Ann Cole bought the yacht in 1998. She agreed in 2012 to sell it to Mr. Bell, filings show.",
        "agreement",
    )
    assert found and {"Ann Cole", "Bell"} <= found[-1], found


def test_a_short_name_does_not_grow_into_its_units_name(extractor: Extractor) -> None:
    """ "IBM" is not "IBM Services": a name with a business word is a body, never a person's full name."""
    found = _parties(
        extractor,
        "IBM today announced that it has signed a definitive agreement to acquire Quantix Data "
        "Solutions. Ann Lee, senior vice president of IBM Services, said the deal was fair.",
        "agreement",
    )
    assert found and "IBM" in found[0] and "IBM Services" not in found[0], found


def test_the_thing_an_agreement_is_about_is_no_party(extractor: Extractor) -> None:
    """ "an agreement to close Ohio's oldest prison": Ohio is what the deal is about, not a side of it."""
    found = _parties(
        extractor,
        "The agreement between Senator Ann Lee and Governor Bo Kim to close Ohio's oldest prison "
        "was signed in May.",
        "agreement",
    )
    assert found and {"Ann Lee", "Bo Kim"} == found[0], found


def test_they_after_a_named_plural_subject_are_its_members(extractor: Extractor) -> None:
    """ "The ministers of Chile and Peru arrived. They met X": "they" are Chile and Peru."""
    body = (
        "On Tuesday the foreign ministers of Chile and Peru arrived in Doha. They met Emir Tamim bin Hamad."
    )
    found = _parties(extractor, body, "meeting")
    assert found and {"Chile", "Peru"} <= found[0], found


def test_they_do_not_reach_across_a_paragraph(extractor: Extractor) -> None:
    body = "The foreign ministers of Chile and Peru arrived in Doha.\n\nThey met Emir Tamim bin Hamad."
    found = _parties(extractor, body, "meeting")
    assert not any({"Chile", "Peru"} <= f for f in found), found


def test_demonyms_on_officials_are_their_countries(extractor: Extractor) -> None:
    """ "Greek and Turkish envoys met": Greece and Turkey met."""
    found = _parties(extractor, "Greek and Turkish envoys met on Malta in March.", "meeting")
    assert found and {"Greece", "Turkey"} <= found[0], found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The president of Chile met with Governor Tom Berg in Lima on Monday.", {"Chile", "Tom Berg"}),
        ("The leader of Hamas met with the president of Egypt in Cairo on Monday.", {"Hamas", "Egypt"}),
    ],
)
def test_the_unnamed_head_of_a_country_or_body_is_that_country_or_body(
    extractor: Extractor, body: str, expected: set[str]
) -> None:
    assert _parties(extractor, body, "meeting") == [expected]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Harlow Motors settled a lawsuit with the state of Ohio for $10 million.", "Ohio"),
        ("Harlow Motors reached a settlement with the city of Toledo on Monday.", "Toledo"),
    ],
)
def test_a_state_or_city_that_settles_is_a_party_as_a_body(
    extractor: Extractor, body: str, place: str
) -> None:
    events = events_of(extractor, body, "agreement")
    assert [{(a["name"], a["kind"]) for a in e["actors"]} for e in events] == [
        {("Harlow Motors", "organization"), (place, "organization")}
    ]


def test_a_counterpart_of_a_nationality_is_the_country(extractor: Extractor) -> None:
    """ "held talks with his Peruvian counterpart": with Peru, as "the Peruvian president" is."""
    body = "Chilean Foreign Minister Ana Vidal held talks with her Peruvian counterpart in Lima on Monday."
    assert _parties(extractor, body, "meeting") == [{"Ana Vidal", "Peru"}]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The Chilean and Peruvian governments signed a transit agreement on Monday.", "agreement"),
        ("Chilean and Peruvian presidents met in Arica on Monday.", "meeting"),
        # a country's armed forces stand for it too
        ("The Chilean army and the Peruvian army held talks on Monday.", "meeting"),
    ],
)
def test_demonyms_on_plural_governments_or_leaders_are_their_countries(
    extractor: Extractor, body: str, kind: str
) -> None:
    """ "the Chilean and Peruvian governments signed": Chile and Peru, as for "Greek and Turkish
    envoys"; each government, leader or army stands for its country."""
    assert _parties(extractor, body, kind) == [{"Chile", "Peru"}]


def test_who_brought_the_claim_is_the_other_side(extractor: Extractor) -> None:
    """ "settled the lawsuit brought by Widgetco": Widgetco is the other party."""
    found = _parties(extractor, "Acme settled the lawsuit brought by Widgetco on Monday.", "agreement")
    assert found and {"Acme", "Widgetco"} <= found[0], found


def test_a_leaders_administration_is_his_country(extractor: Extractor) -> None:
    """ "the Obama administration" of a US president: the United States, not the man."""
    body = (
        "U.S. President Barack Obama spoke on Friday. "
        "The Obama administration signed an agreement with Cuba on Monday."
    )
    found = _parties(extractor, body, "agreement")
    assert found and found[0] == {"United States", "Cuba"}, found


def test_an_administration_of_a_leader_of_no_known_country_is_the_administration(
    extractor: Extractor,
) -> None:
    """ "the Biden administration", with no country said of Biden: the government, never the man."""
    body = "The rain stopped. The Biden administration signed a trade agreement with Peru on Monday."
    found = _parties(extractor, body, "agreement")
    assert found == [{"Biden administration", "Peru"}], found


def test_officials_named_in_apposition_are_the_parties_not_their_countries(extractor: Extractor) -> None:
    body = "Ann Lee and her Greek and Turkish counterparts, Bo Kim and Cy Dunn, met in Rome on Monday."
    found = _parties(extractor, body, "meeting")
    assert found and not {"Greece", "Turkey"} & found[0], found


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # one body that meets as a whole, named in the meeting noun's compound
        ("The rain stopped. An Arctic Council meeting was held in Oslo on Monday.", {"Arctic Council"}),
        ("The rain stopped. A NATO summit was held in Vilnius on Tuesday.", {"NATO"}),
    ],
)
def test_a_body_in_the_compound_holds_the_meeting(extractor: Extractor, body: str, want: set[str]) -> None:
    found = _parties(extractor, body, "meeting")
    assert found and want <= found[0], found


def test_a_body_meeting_as_a_whole_takes_no_other_names(extractor: Extractor) -> None:
    """ "a speech to the Arctic Council meeting": the council meets; a shipyard toured elsewhere in the
    sentence was not at its meeting."""
    body = (
        "The rain stopped. A series of talks, including a tour of the Dunmore Shipyard, will end with a "
        "speech to the Arctic Council meeting."
    )
    assert _parties(extractor, body, "meeting") == [{"Arctic Council"}]


def test_a_named_agreement_is_no_party_to_itself(extractor: Extractor) -> None:
    found = _parties(
        extractor, "Chile and Peru signed the Atlantic Fisheries Agreement on Monday.", "agreement"
    )
    assert found == [{"Chile", "Peru"}], found


def test_what_the_talks_cover_is_neither_party_nor_place(extractor: Extractor) -> None:
    """ "The talks also cover tensions such as Bolivia's weapons": the topic, told by the verb the
    event noun is the subject of."""
    body = (
        "Officials from Peru and Ecuador met in Quito on Monday. The talks, due to close on Tuesday, will "
        "also cover tensions such as Bolivia's weapons and Chile's disputes with neighbors in the "
        "Atacama Desert."
    )
    assert _parties(extractor, body, "meeting") == [{"Peru", "Ecuador"}]


def test_a_full_name_is_not_a_relative_named_before(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton spoke in Ohio on Monday. Bill Clinton met with Mayor Tom Berg in Boston. "
        "Clinton said the race was close."
    )
    assert _parties(extractor, body, "meeting") == [{"Bill Clinton", "Tom Berg"}]


def test_a_name_on_a_thing_is_no_party(extractor: Extractor) -> None:
    """ "the so-called Dunmore tax", "U.S. health care spending": names that say which thing."""
    body = (
        "By voting to put off the so-called Dunmore tax as part of a budget deal, Democrats removed a "
        "pillar of the plan to curb U.S. health care spending."
    )
    assert _parties(extractor, body, "agreement") == []


def test_a_seat_in_the_compound_holds_no_meeting(extractor: Extractor) -> None:
    """ "a White House meeting" is held there, by others: the seat alone is no party."""
    found = _parties(extractor, "The rain stopped. A White House meeting was held on Monday.", "meeting")
    assert not found, found


def test_this_before_an_after_clause_is_not_the_one_who_met(extractor: Extractor) -> None:
    """ "This comes after he attended a summit with X": "he" is the one named before, not "this"."""
    body = (
        "Prime Minister Olaf Berger fell ill on Friday. "
        "This comes two days after he attended a summit with President Marie Dupont."
    )
    found = _parties(extractor, body, "meeting")
    assert found and {"Olaf Berger", "Marie Dupont"} <= found[0], found


def test_the_member_states_of_a_body_meeting_are_the_body(extractor: Extractor) -> None:
    """ "Leaders of the Andean Community member states met": the body meets as a whole."""
    body = "The rain stopped. Leaders of the Andean Community member states met in Lima on Monday."
    found = _parties(extractor, body, "meeting")
    assert found and "Andean Community" in found[0], found


def test_officials_of_one_company_are_no_meeting(extractor: Extractor) -> None:
    found = _parties(extractor, "The rain stopped. Officials of Acme Corp met in Lima on Monday.", "meeting")
    assert not found, found


def test_the_company_is_the_one_company_named_before(extractor: Extractor) -> None:
    """ "the company's contract with the union" after one named company: that company."""
    body = (
        "Acme Motors will close two plants in March. "
        "Because of the company's existing contract with the Metal Workers Union, staff will still be paid."
    )
    found = _parties(extractor, body, "agreement")
    assert found and {"Acme Motors", "Metal Workers Union"} <= found[0], found


def test_the_company_after_two_companies_is_unsure(extractor: Extractor) -> None:
    body = (
        "Acme Motors and Beta Inc will close two plants in March. "
        "The company signed a contract with the Metal Workers Union."
    )
    found = _parties(extractor, body, "agreement")
    assert not any({"Acme Motors", "Beta Inc"} & f for f in found), found


def test_the_two_parties_are_the_two_sides_of_an_earlier_clause(extractor: Extractor) -> None:
    """Three names before "the two parties": the two that were subject and other side, not the venue
    or the possessor ("the band's label Acme Records ... against Beta Computer in the High Court")."""
    body = (
        "The Silver Foxes' label Acme Records lost its suit against Beta Computer on Monday "
        "in the High Court. Acme Records claimed that the sale was a violation of the 1994 settlement "
        "reached between the two parties."
    )
    found = _parties(extractor, body, "agreement")
    assert found and found[0] == {"Acme Records", "Beta Computer"}, found


@pytest.mark.parametrize(
    "sentence",
    [
        "He held a round of talks with Omar Berg on Thursday.",
        "Then he got caught up in a series of testy exchanges with Omar Berg on Thursday.",
    ],
)
def test_talks_counted_by_a_measure_noun_are_the_verbs_subjects(extractor: Extractor, sentence: str) -> None:
    body = f"Tom Ruiz toured the steel plant on Monday. {sentence}"
    assert _parties(extractor, body, "meeting") == [{"Tom Ruiz", "Omar Berg"}]


def test_one_persons_visit_is_not_the_visit_of_the_two_the_clause_is_about(extractor: Extractor) -> None:
    body = "Ann Lee and Bo Kim wore red hats before the candidate's speech after his visit to Peru."
    assert not any({"Ann Lee", "Bo Kim"} & parties for parties in _parties(extractor, body, "meeting"))


def test_a_deals_parties_are_no_parties_of_a_meeting_beside_it(extractor: Extractor) -> None:
    """ "ministers met in Rome and condemned the deal between Chad and Niger": Chad and Niger are
    the deal's sides, not at the meeting (which, its ministers unnamed, is not published)."""
    body = (
        "On Monday, ministers from five countries met in Rome and condemned the deal between Chad and Niger."
    )
    assert _parties(extractor, body, "meeting") == []
    assert _parties(extractor, body, "agreement") == [{"Chad", "Niger"}]


def test_the_parties_of_an_event_told_beside_are_not_the_triggers(extractor: Extractor) -> None:
    """ "The visit by X to Peru, and the talks held by the Chilean and Bolivian envoys ...": the
    envoys' countries are the talks' parties, not the visit's."""
    body = (
        "The visit by Prime Minister Ana Lund to Peru, and the talks held by the Chilean and "
        "Bolivian envoys in La Paz, all showed how the region has changed."
    )
    found = _parties(extractor, body, "meeting")
    assert {"Ana Lund", "Peru"} in found and all("Chile" not in f for f in found if "Ana Lund" in f), found


def test_a_countrys_leadership_is_the_country(extractor: Extractor) -> None:
    found = _parties(extractor, "The Danish envoy met with the Saudi leadership in Riyadh.", "meeting")
    assert found == [{"Denmark", "Saudi Arabia"}], found


def test_who_judges_a_deal_is_no_party_of_it(extractor: Extractor) -> None:
    """ "Moe lambasted the Iran oil deal negotiated by Lund": Lund and Iran made it, Moe judges it."""
    body = "Senator Rita Moe lambasted the Iran oil deal negotiated by President Ana Lund."
    assert _parties(extractor, body, "agreement") == [{"Ana Lund", "Iran"}]


def test_a_place_visited_is_no_party_whatever_the_model_tags_it(extractor: Extractor) -> None:
    """ "visit Capitol Hill ... to meet with lawmakers": Capitol Hill is where, the lawmakers who."""
    body = "Senator Ann Berg is expected to visit Capitol Hill next week to meet with Republican lawmakers."
    meetings = events_of(extractor, body, "meeting")
    assert [m["location"]["name"] for m in meetings] == ["Capitol Hill"]
    assert all("Capitol Hill" not in {a["name"] for a in m["actors"]} for m in meetings)
    alone = "Senator Ann Berg is expected to visit Capitol Hill on a date still open."
    assert all(
        "Capitol Hill" not in {a["name"] for a in m["actors"]} for m in events_of(extractor, alone, "meeting")
    )


@pytest.mark.parametrize(
    "body",
    [
        "At dawn the premier held a joint meeting with Japan Prime Minister Taro Sato and "
        "South Korea President Kim Min Soo.",
        "The premier held talks with Japan Prime Minister Taro Sato and South Korea President Kim Min Soo.",
    ],
)
def test_two_titled_leaders_the_parser_does_not_coordinate_are_both_parties(
    extractor: Extractor, body: str
) -> None:
    """ "with Japan Prime Minister X and South Korea President Y": the parser hangs one name on the
    other, or leaves a country where its leader's name should be; the two leaders are the parties."""
    found = _parties(extractor, body, "meeting")
    assert found == [{"Taro Sato", "Kim Min Soo"}], found


def test_who_acts_in_a_participle_after_the_main_clause_is_its_subject(extractor: Extractor) -> None:
    """ "The Hawks moved fast, agreeing to terms with X": the Hawks agreed; but in "X said, recalling a
    visit by Y" X only recalls it."""
    body = "The Oslo Hawks moved quickly on Monday, agreeing to terms with pitcher Tom Lee."
    assert _parties(extractor, body, "agreement") == [{"Oslo Hawks", "Tom Lee"}]


def test_the_with_phrase_of_the_terms_agreed_names_the_other_side(extractor: Extractor) -> None:
    """ "agreeing to terms with X": X is the other side; "the Hawks, Bergen's top rival" does not
    make Bergen a party."""
    body = (
        "The Oslo Hawks, Bergen's top rival, made a loud statement this winter, agreeing to terms "
        "with pitchers Tom Lee and Ben Moss."
    )
    assert _parties(extractor, body, "agreement") == [{"Oslo Hawks", "Tom Lee", "Ben Moss"}]


def test_who_writes_about_a_visit_is_no_visitor(extractor: Extractor) -> None:
    body = "In 2012 Ambassador Tom Hale wrote to Mrs. Lund about a visit to Peru by Rita Moe and Omar Berg."
    found = _parties(extractor, body, "meeting")
    assert found and all("Tom Hale" not in f and "Lund" not in f for f in found), found


def test_he_who_had_the_encounter_is_the_one_who_tells_of_it(extractor: Extractor) -> None:
    """ "X said of the encounter he had with Y": "he" is X, not the person the text was about before."""
    body = (
        'Rita Moe is a lawyer. "He just stopped and asked how we win," Tom Berg, the local chairman, '
        "said of the encounter he had on Friday with Tom Hale at a rally."
    )
    assert _parties(extractor, body, "meeting") == [{"Tom Berg", "Tom Hale"}]


def test_a_counterpart_hung_on_the_agent_is_a_party_slot() -> None:
    """ "the meetings held by the ministers with the Saudi leadership": the parser may hang the
    with-phrase on the agent; the counterpart is still a party slot. (A parse written out, since the
    model parses this only in long sentences.)"""
    words = ["the", "meetings", "held", "by", "the", "ministers", "with", "the", "Saudi", "leadership"]
    heads = [1, 1, 1, 2, 5, 3, 5, 9, 9, 6]
    deps = ["det", "ROOT", "acl", "agent", "det", "pobj", "prep", "det", "amod", "pobj"]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "ADJ", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    slots = party_slots(Trigger("meeting", doc[1], "past"))
    assert [t.text for t in slots] == ["ministers", "leadership"]


@pytest.mark.parametrize(
    "body",
    [
        "Lena Holt, the Microsoft Chief Executive Officer, announced the phone at a developers' conference.",
        "Lena Holt, the Microsoft chief executive, presented the results at an industry conference.",
    ],
)
def test_the_body_in_a_persons_title_is_not_a_second_party(extractor: Extractor, body: str) -> None:
    """A company in its chief's title is where she works: a conference she speaks at is no meeting
    between her and her company."""
    assert _parties(extractor, body, "meeting") == []


def test_a_city_tagged_as_a_body_after_a_place_preposition_is_no_party() -> None:
    doc = load_model()(
        "The visit will take the president to Ottawa and to Halifax. Halifax Partners said no."
    )
    halifax = [i for i, t in enumerate(doc) if t.text == "Halifax"]
    place, body = (
        Span(doc, halifax[0], halifax[0] + 1, label="ORG"),
        Span(doc, halifax[1], halifax[1] + 2, label="ORG"),
    )
    assert _city_tagged_as_a_body(place)
    assert not _city_tagged_as_a_body(body)  # no place preposition, and a company's name


@pytest.mark.parametrize(
    ("body", "kind", "want"),
    [
        # whom the talks are meant to replace or counter is a third side, not a party
        (
            "Kestrel Motors is in talks with Orbis Group to replace Lumen Corp as its supplier.",
            "meeting",
            {"Kestrel Motors", "Orbis Group"},
        ),
        # a plural noun for companies is the other side when no name is
        (
            "Kestrel Motors is in talks with several foreign automakers to replace Lumen Corp.",
            "meeting",
            {"Kestrel Motors", "automakers"},
        ),
        ("Kestrel Motors reached a deal with its creditors.", "agreement", {"Kestrel Motors", "creditors"}),
        # whom a deal serves is its other side, though the parser reads the infinitive as a relative clause
        (
            "Kestrel Motors signed a deal to supply the Royal Navy.",
            "agreement",
            {"Kestrel Motors", "Royal Navy"},
        ),
    ],
)
def test_the_other_side_of_talks_and_deals_for_a_purpose(
    extractor: Extractor, body: str, kind: str, want: set[str]
) -> None:
    assert _parties(extractor, body, kind) == [want]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # who gave the contract or order, wherever the parser hangs the from-phrase
        (
            "Kestrel Motors won a contract from the Norwegian Air Force.",
            {"Kestrel Motors", "Norwegian Air Force"},
        ),
        ("Kestrel Motors won an order for 90 jets from Orbis Group.", {"Kestrel Motors", "Orbis Group"}),
        # the rival beaten to it is no party
        (
            "Kestrel Motors beat Marrow Aviation to a contract with Orbis Group.",
            {"Kestrel Motors", "Orbis Group"},
        ),
        (
            "Kestrel Motors defeated Marrow Aviation for a $40 billion contract to supply the Norwegian "
            "Air Force.",
            {"Kestrel Motors", "Norwegian Air Force"},
        ),
        # a country's name inside a body's name is not cut as a headline's verb ("States")
        (
            "Kestrel Motors signed a deal with the United States Air Force.",
            {"Kestrel Motors", "United States Air Force"},
        ),
        # the maker of the goods is no party when two others are named; alone with one it may be the seller
        (
            "AirTanker Ltd signed a contract with the Defence Ministry to supply 12 Airbus A330-200 tankers.",
            {"AirTanker Ltd", "Defence Ministry"},
        ),
    ],
)
def test_who_gave_the_order_and_who_did_not_take_part(
    extractor: Extractor, body: str, want: set[str]
) -> None:
    assert _parties(extractor, body, "agreement") == [want]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a stake bought in a company is a deal with it; bought from, or sold to, others it is theirs
        (
            "In 2009, Kestrel Motors bought a twenty percent stake in Orbis Group.",
            {"Kestrel Motors", "Orbis Group"},
        ),
        (
            "Kestrel Motors bought a stake in Orbis Group from Vantor Capital.",
            {"Kestrel Motors", "Vantor Capital"},
        ),
        (
            "Kestrel Motors sold its stake in Orbis Group to Vantor Capital.",
            {"Kestrel Motors", "Vantor Capital"},
        ),
        # goods counted from their maker
        ("Qatar Airways will purchase 20 of Boeing's larger 777 planes.", {"Qatar Airways", "Boeing"}),
        ("Kestrel Air will purchase 20 planes from Vantor Systems.", {"Kestrel Air", "Vantor Systems"}),
        # the seller is the subject the by-gerund hangs from, and "the company" the body that announces it
        (
            "Veltron Corp raised cash by selling the Orbis Group to Kestrel Capital.",
            {"Veltron Corp", "Orbis Group", "Kestrel Capital"},
        ),
        (
            "Veltron Corp said on Monday that the corporation had left the chip market by selling its "
            "Orbis unit to Kestrel Capital.",
            {"Veltron Corp", "Orbis", "Kestrel Capital"},
        ),
    ],
)
def test_the_sides_of_purchases_and_sales(extractor: Extractor, body: str, want: set[str]) -> None:
    assert _parties(extractor, body, "agreement") == [want]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # a body's member countries meet as the body; "their meetings" in another clause are its subject's
        (
            "The NATO countries met in Rome while the Kestrel Fund and the Orbis Bank held their spring "
            "meetings.",
            [{"NATO"}, {"Kestrel Fund", "Orbis Bank"}],
        ),
        # the names of a coordinated clause with a subject of its own are not the first clause's
        (
            "The NATO defence chiefs will confer in Rome, and the Kestrel Fund and the Orbis Bank will hold "
            "their spring meetings.",
            [{"Kestrel Fund", "Orbis Bank"}],
        ),
    ],
)
def test_two_meetings_of_two_clauses_keep_their_own_parties(
    extractor: Extractor, body: str, want: list[set[str]]
) -> None:
    assert _parties(extractor, body, "meeting") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # what a named party is described as names no other party
        (
            "AirTanker Ltd, an EADS-led consortium, signed a contract with the Defence Ministry.",
            {"AirTanker Ltd", "Defence Ministry"},
        ),
        (
            "Halden Power, a Siemens-owned firm, signed a contract with the Defence Ministry.",
            {"Halden Power", "Defence Ministry"},
        ),
        # with no name beside it, the group's leader stands for it
        ("A Siemens-led group signed a contract with the Defence Ministry.", {"Siemens", "Defence Ministry"}),
    ],
)
def test_a_description_of_a_named_party_names_no_other(
    extractor: Extractor, body: str, want: set[str]
) -> None:
    assert _parties(extractor, body, "agreement") == [want]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # the parser hangs the rival on a conjunct, the name in apposition
        (
            "Chip designer and chief Vantor rival Quellix has signed an agreement to acquire Morrow Labs.",
            [{"Quellix", "Morrow Labs"}],
        ),
        # a run of compounds: the supplier's customer hangs on the supplier's own name
        ("Long-time Boeing supplier Spirit has agreed to buy Fokker.", [{"Spirit", "Fokker"}]),
        # a relation with no name of its own is no party at all
        ("A Vantor supplier signed a deal with Morrow Labs.", []),
    ],
)
def test_whom_a_relation_noun_is_to_is_no_party(
    extractor: Extractor, body: str, want: list[set[str]]
) -> None:
    assert _parties(extractor, body, "agreement") == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # the relative clause hangs on the description; it tells of the person described
        (
            "Senator Jane Holt, a Vermont Democrat who has met privately with Governor Tom Reyes, left.",
            [{"Jane Holt", "Tom Reyes"}],
        ),
        # a description with a state is a party tag, like "Republican of Ohio"
        ("Senator Jane Holt, a Vermont Democrat, met with Governor Tom Reyes.", [{"Jane Holt", "Tom Reyes"}]),
        # a description of the one named is no second party: one party, no meeting
        (
            "Representative Tom Reyes, the top Democrat on the Harbour Committee who helped negotiate the "
            "deal, will vote for it.",
            [],
        ),
    ],
)
def test_a_description_of_a_named_person_is_that_person(
    extractor: Extractor, body: str, want: list[set[str]]
) -> None:
    assert _parties(extractor, body, "meeting") + _parties(extractor, body, "agreement") == want


def test_his_conversation_is_not_the_rivals_who_urged_him(extractor: Extractor) -> None:
    """ "his" is not the plural subject nor the names in apposition to it: the rivals are no party."""
    body = (
        "Reyes's two rivals, Jane Holt of Ohio and Ann Berg of Utah, urged the businessman to release "
        "the tapes of his conversation with the Harbour Times from Jan 5."
    )
    for parties in _parties(extractor, body, "meeting"):
        assert not parties & {"Jane Holt", "Ann Berg"}


@pytest.mark.parametrize(
    ("body", "want"),
    [
        (
            "The deal between Kestrel Motors and Orbis Group will hurt Vantor Systems.",
            [{"Kestrel Motors", "Orbis Group"}],
        ),
        # a mention of the purchase told before, with whom it irks: no second record, no third party
        (
            "Kestrel Motors agreed to acquire Orbis Group on Wednesday.\n"
            "The acquisition of Orbis Group will no doubt irk Intel.",
            [{"Kestrel Motors", "Orbis Group"}],
        ),
    ],
)
def test_whom_an_event_affects_is_no_party(extractor: Extractor, body: str, want: list[set[str]]) -> None:
    assert _parties(extractor, body, "agreement") == want


def test_a_city_naming_the_event_is_no_party_even_tagged_as_a_body(extractor: Extractor) -> None:
    """ "the Copenhagen climate summit": the model tags the city a body; it says where, not who."""
    body = (
        "A tax bill passed by the House had stalled in the Senate, and the global Copenhagen climate "
        "summit had ended in chaos."
    )
    assert _parties(extractor, body, "meeting") == []


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # whom the visitor then spoke to is the speaking verb's, not the visit's
        ("Tom Hale, visiting Ghana, told the Tribune that aid would come.", [{"Tom Hale", "Ghana"}]),
        ("Envoys meeting with Hamas leaders in Cairo told the Times that progress was made.", []),
        # the clause's subject leads the visitors the participle describes
        ("Paul Orr led a delegation visiting China in May.", [{"Paul Orr", "China"}]),
    ],
)
def test_a_participle_on_a_subject_takes_no_party_of_its_verb(
    extractor: Extractor, body: str, want: list[set[str]]
) -> None:
    assert _parties(extractor, body, "meeting") == want


def test_whose_leadership_a_deal_came_under_is_no_party(extractor: Extractor) -> None:
    body = "The all-cash deal with Orbis Group is Vexa's biggest gamble under the leadership of Mark Hall."
    assert all("Mark Hall" not in parties for parties in _parties(extractor, body, "agreement"))


def test_the_body_in_the_title_of_a_person_told_of_before_is_no_party(extractor: Extractor) -> None:
    """ "the former Treasury secretary" is Rubin: his old department did not chat with the interns."""
    body = (
        "Former Treasury Secretary Robert Rubin joined Vexa Partners in May.\n\n"
        "In June, the Vexa Partners interns chatted with the former Treasury secretary at length."
    )
    assert _parties(extractor, body, "meeting") == [{"Robert Rubin", "Vexa Partners"}]


def test_whose_staff_it_is_comes_from_the_subject_not_the_last_name_told(extractor: Extractor) -> None:
    """ "her staff": the one met with is the staff; "her" is the subject, not the aide named before."""
    body = (
        "Lund aide Tom Berg said the photo of Ann Holt with staff during the break broke the rules.\n\n"
        "The charge, according to the Lund aide, is that Holt met with her staff in the pause."
    )
    assert _parties(extractor, body, "meeting") == [{"Ann Holt", "staff"}]


def test_their_is_whose_clause_the_noun_is_in_not_who_reports_it(extractor: Extractor) -> None:
    body = (
        'During their phone call on Tuesday, Premier Ann Lund and President Tom Berg "renewed their '
        'pledge to fight the rebels," the Foreign Ministry said.'
    )
    assert _parties(extractor, body, "meeting") == [{"Ann Lund", "Tom Berg"}]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # whom the subject heckled or criticised in the first of two coordinated acts is no party
        (
            "Senator Ann Lund had heckled Tom Berg at a rally and started having conversations with "
            "union leaders.",
            [{"Ann Lund", "union leaders"}],
        ),
        ("Senator Ann Lund criticised Tom Berg and then met Mayor Olav Holt.", [{"Ann Lund", "Olav Holt"}]),
        # whom the subject met or welcomed first is
        ("President Ann Lund met Tom Berg in Oslo and signed a trade deal.", [{"Ann Lund", "Tom Berg"}]),
    ],
)
def test_the_object_of_a_coordinated_act_is_no_party(
    extractor: Extractor, body: str, want: list[set[str]]
) -> None:
    kind = "agreement" if "deal" in body else "meeting"
    assert _parties(extractor, body, kind) == want


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # what was discussed is no party, and the with-phrase the parser hangs on it is
        (
            "Ann Lund discussed the Berg controversy with radio host Tom Hale on Thursday.",
            [{"Ann Lund", "Tom Hale"}],
        ),
        # who blamed or praised someone for meeting is no party of the meeting
        (
            "Senate Republicans criticised Barack Obama for meeting Raul Castro in Havana.",
            [{"Barack Obama", "Raul Castro"}],
        ),
        ("Barack Obama was praised for meeting Raul Castro.", [{"Barack Obama", "Raul Castro"}]),
    ],
)
def test_the_topic_and_the_judge_are_no_parties(
    extractor: Extractor, body: str, want: list[set[str]]
) -> None:
    assert _parties(extractor, body, "meeting") == want


@pytest.mark.parametrize(
    "body",
    [
        "In a May 20 call with reporters, Mark Hall offered his thoughts on the upcoming acquisition of "
        "Orbis Group.",
        "Ann Lund gave her views on the talks between Vexa Motors and Orbis Group.",
    ],
)
def test_who_gives_a_view_on_an_event_is_no_party(extractor: Extractor, body: str) -> None:
    for kind in ("meeting", "agreement"):
        for parties in _parties(extractor, body, kind):
            assert not parties & {"Mark Hall", "Ann Lund"}


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # whose kin was met is no party, nor where the kin was born
        ("Tom Brown backed the senator after meeting Ted Cruz's Cuba-born father.", []),
        ("Ann Lund met the father of Tom Berg on Monday.", []),
        # the country of a person's description is whose leader he is
        (
            "Prime Minister Ann Lund of Norway met President Tom Berg of Chile in Lima.",
            [{"Ann Lund", "Tom Berg"}],
        ),
    ],
)
def test_whose_kin_or_leader_someone_is_names_no_party(
    extractor: Extractor, body: str, want: list[set[str]]
) -> None:
    assert _parties(extractor, body, "meeting") == want


def test_a_possessive_goes_to_a_name_above_a_pronoun_subject(extractor: Extractor) -> None:
    body = (
        "Tom Fowler recalled that at one of his early DNC meetings, in 1972, he backed the choice of "
        "a new nominee."
    )
    assert _parties(extractor, body, "meeting") == [{"Tom Fowler", "DNC"}]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # who is sent to meet is who meets, not who sent them
        (
            "Ann Lund dispatched Tom Berg and Eva Holt to meet with doctors and nurses in Guam.",
            [{"Tom Berg", "Eva Holt", "doctors"}],
        ),
        # a group in the with-phrase of two named is the other side
        ("Tom Berg and Eva Holt met with local farmers on Monday.", [{"Tom Berg", "Eva Holt", "farmers"}]),
        # a building visited is where, not who
        ("During his visit to Orbis Tower, Bruce Lane said he saw people of many races there.", []),
    ],
)
def test_who_is_sent_is_who_meets(extractor: Extractor, body: str, want: list[set[str]]) -> None:
    assert _parties(extractor, body, "meeting") == want


def test_who_cites_a_visit_is_no_party_of_it(extractor: Extractor) -> None:
    body = "In her speech, Ann Lund cited Eva Holt's September 2011 visit to the United Nations."
    assert all("Ann Lund" not in parties for parties in _parties(extractor, body, "meeting"))


def test_a_seat_visited_stands_for_whom_it_houses(extractor: Extractor) -> None:
    """Unlike a tower or a hotel, "the White House" is visited as the government it houses."""
    body = "Premier Ann Lund of Norway visited the White House on Wednesday as her country's new leader."
    assert _parties(extractor, body, "meeting") == [{"Ann Lund", "White House"}]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # what an event noun, the subject, did or caused names no party
        (
            "Tom Berg's visit Monday to speak to the Harbour Economic Club will pick up viewers from the "
            "two rural counties of Lane and Hood.",
            [{"Tom Berg", "Harbour Economic Club"}],
        ),
        ("Tom Berg's visit on Monday will win him the votes of Lane County and Hood County.", []),
        # whom it gathered does
        ("The summit brought together Chile and Peru on Monday.", [{"Chile", "Peru"}]),
    ],
)
def test_the_object_of_what_an_event_does(extractor: Extractor, body: str, want: list[set[str]]) -> None:
    assert _parties(extractor, body, "meeting") == want


@pytest.mark.parametrize(
    ("body", "kind", "name"),
    [
        # who likens talks to something judges them
        (
            "Chancellor Olga Berg likened the border talks between Chile and Peru to a long divorce.",
            "meeting",
            "Olga Berg",
        ),
        # the place a listed person is from, which the parser may coordinate with the name before
        (
            "Two donors - among them Oslo Vikings owner Ravi Patel and Wisconsin billionaire Rosa "
            "Lind - agreed to become co-chairs of the Vexa Victory fund.",
            "agreement",
            "Wisconsin",
        ),
        # an agreement known by its short name is no party to itself
        (
            "Before the Nafta agreement with Mexico and Canada took effect, most trade pacts were "
            "multilateral.",
            "agreement",
            "Nafta",
        ),
        # who tells of talks someone else held
        (
            "Mayor Ana Ruiz described the talks Governor Tom Berg held with Chancellor Omar Holt in 2006.",
            "meeting",
            "Ana Ruiz",
        ),
        # whom someone scolded at a meeting
        (
            "At the RNC's meeting in Boston last year, Chairman Tom Berg scolded Mitt Romney for his "
            "remarks.",
            "meeting",
            "Mitt Romney",
        ),
        # who helped set up a meeting between two others
        (
            "In July, Mayor Ina Holt helped set up a meeting between Rudolf Hanke and Andrei Popescu.",
            "meeting",
            "Ina Holt",
        ),
        # whose aide a party is, even when the parse leaves the aide out of the slots
        (
            "In July, she helped facilitate a meeting between Rudolf Hanke, claiming to speak for the "
            "Foreign Ministry, and Andrei Popescu, one of President Ionescu's aides.",
            "meeting",
            "Ionescu",
        ),
        # the subject of a clause a named owner's event sits in
        (
            "India will figure prominently in Acme's acquisition of Zentra Systems, the company said.",
            "agreement",
            "India",
        ),
        # whom a campaign the event is part of aims at
        (
            "The planned purchase of Zentra is a key part of Acme's long campaign to dethrone Borla "
            "Corp, analysts say.",
            "agreement",
            "Borla Corp",
        ),
        # whose negotiator a party is
        (
            "Maria Gonzalez, the top U.S. negotiator at the talks with Iran, spoke on Friday.",
            "meeting",
            "United States",
        ),
        # what is said of a person the event describes
        (
            "Critics say Maria Gonzalez, the lead envoy to the talks with Iran, had sold out Norway.",
            "meeting",
            "Norway",
        ),
    ],
)
def test_a_name_beside_the_event_is_no_party_to_it(
    extractor: Extractor, body: str, kind: str, name: str
) -> None:
    found = _parties(extractor, body, kind)
    assert found and all(name not in f for f in found), found


def test_names_of_a_coordinated_clause_with_its_own_subject_are_not_at_the_event(
    extractor: Extractor,
) -> None:
    """ "Berg, Lund and Holt attacked the plan — and Lund spoke at a summit": only Lund was there."""
    found = _parties(
        extractor,
        "Tom Berg, Ana Lund and Omar Holt have all attacked the plan as a waste of money — and Lund, "
        "who is running third in the polls, was bold enough to tout her view during a farm summit in "
        "Ames in March.",
        "meeting",
    )
    assert all(not ({"Tom Berg", "Omar Holt"} & set(f)) for f in found), found


def test_names_of_the_clause_before_stay_parties_of_the_event_that_is_the_next_clauses_subject(
    extractor: Extractor,
) -> None:
    """ "a deal started between A and B, but negotiations had stalled": the negotiations were theirs."""
    found = _parties(
        extractor,
        "The order came out of a deal started between Nordair and Boeing a year ago, but "
        "negotiations had stalled over prices.",
        "meeting",
    )
    assert found == [{"Nordair", "Boeing"}], found


def test_who_is_outside_the_meetings_is_no_party_to_them(extractor: Extractor) -> None:
    body = "Outside the platform meetings, Green Party delegates plan a rally with Mayor Ina Holt in Oslo."
    assert _parties(extractor, body, "meeting") == []


@pytest.mark.parametrize(
    "body",
    [
        "Pope Francis made a visit to the border of Chile and Peru on Wednesday.",
        "Pope Francis visited the border between Chile and Peru on Wednesday.",
    ],
)
def test_the_countries_of_a_border_visited_are_where_not_hosts(extractor: Extractor, body: str) -> None:
    assert all(not ({"Chile", "Peru"} & f) for f in _parties(extractor, body, "meeting"))


@pytest.mark.parametrize(
    ("body", "kind", "want"),
    [
        # who signed the deal a relative clause tells
        (
            "Mayor Ana Ruiz praised the deal Orvik Corp signed with Delta Mobile in 2006.",
            "agreement",
            {"Orvik Corp", "Delta Mobile"},
        ),
        # whom one tells or warns during a meeting was at it
        (
            "Premier Ana Ruiz told the Danish premier, Ole Lind, during their short meeting in Oslo that "
            "troops would stay home.",
            "meeting",
            {"Ana Ruiz", "Ole Lind"},
        ),
    ],
)
def test_the_sides_a_clause_around_the_event_names_are_its_parties(
    extractor: Extractor, body: str, kind: str, want: set[str]
) -> None:
    assert _parties(extractor, body, kind) == [want]


def test_whom_a_call_highlights_is_its_topic_not_a_party(extractor: Extractor) -> None:
    body = (
        "Hillary Clinton is running hard in Ohio. Her campaign ran an ad and then held a conference call "
        "stressing Sen. Tom Berg's votes on trade."
    )
    assert all("Tom Berg" not in f for f in _parties(extractor, body, "meeting"))


@pytest.mark.parametrize(
    "body",
    [
        "During their talks on Monday, Teamsters leaders discussed Governor Paul Lund.",
        "The protest comes as the Oslo Vikings Club is expected to discuss Governor Paul Lund at its "
        "annual meeting next month in Reno.",
        # the act done at the meeting is what its members discuss
        "Members of the Oslo Vikings Club will debate how to deal with Governor Paul Lund during the "
        "club's yearly meeting in Reno next month.",
    ],
)
def test_whom_a_verb_of_discussing_has_as_its_object_is_no_side(extractor: Extractor, body: str) -> None:
    """What is discussed, at the event or as the event, is its topic: with fewer than two sides in
    the slots the sentence's other names are taken, but not that one."""
    assert all("Paul Lund" not in found for found in _parties(extractor, body, "meeting"))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "The name change of the Dutch company Velmark Holdings to Velmark Group is still pending a "
            "shareholder vote at the next meeting, set for the autumn.",
            "Velmark Group",
        ),
        # the parser hangs the subject on "is" here
        (
            "The name change of the German company Kestrel Motors to Kestrel Group is pending shareholder "
            "approval at its next meeting, due in fall 2027.",
            "Kestrel Group",
        ),
    ],
)
def test_the_names_in_a_things_subject_are_not_at_the_meeting_it_awaits(
    extractor: Extractor, body: str, name: str
) -> None:
    """ "The name change of X to Y is pending approval at the next meeting": the meeting is only
    when the approval comes; neither name meets anyone there."""
    assert not any(name in found for found in _parties(extractor, body, "meeting"))


@pytest.mark.parametrize(
    "text",
    [
        "Following his meeting with Lund, Berg met with senators.",
        "Berg met senators following his talks with Lund.",
    ],
)
def test_whose_event_a_participle_used_as_a_preposition_holds_is_the_next_verbs_subjects(text: str) -> None:
    """ "Following his meeting with Lund, Berg met ...": "his" is Berg, the subject of the verb the
    participle hangs on; the participle has none of its own, and the sentence's root may be another
    verb when the parser errs later on."""
    doc = load_model()(text)
    event = next(t for t in doc if t.lower_ in ("meeting", "talks"))
    assert _subject_verb(event).lower_ == "met"


def test_the_object_of_a_next_act_is_no_party(extractor: Extractor) -> None:
    """ "met with local reporters and praised Canada": the press is no side, and what the next act was
    done to is none either, so there is no meeting."""
    body = "Tom Lund met with local reporters and praised Canada."
    assert _parties(extractor, body, "meeting") == []


def test_whom_a_next_act_tells_is_a_party(extractor: Extractor) -> None:
    """ "accepted a call, but only to tell Berg that ...": the one told is on the call."""
    body = (
        "Majority Leader Tom Lund accepted a phone call on Friday, but only to tell Berg that he "
        'will not agree to a "pointless" sit-down.'
    )
    assert _parties(extractor, body, "meeting") == [{"Tom Lund", "Berg"}]


def test_who_calls_on_others_to_block_a_visit_is_no_party_of_it(extractor: Extractor) -> None:
    """ "Swedish lawmakers called on the cabinet to block Berg's visit to Norway": the cabinet is
    asked to act; the lawmakers are no visitors."""
    body = "Arab Norwegian lawmakers called on the cabinet on Friday to block Tom Berg's visit to Sweden."
    found = _parties(extractor, body, "meeting")
    assert found and not any("lawmakers" in name for name in found[0]), found


def test_who_beats_a_rival_to_win_an_order_wins_it(extractor: Extractor) -> None:
    """ "defeated Borla to win an order from the Army": an object above the infinitive does not make
    the subject someone who only asks (as "called on the cabinet to block" does)."""
    won = _parties(
        extractor,
        "Last month, Acme Corp defeated Borla Inc to win a big order for 179 trucks from the Swedish Army.",
        "agreement",
    )
    assert won and "Acme Corp" in won[0], won


def test_her_event_is_the_one_asked_to_act_on_it(extractor: Extractor) -> None:
    """ "pressed Berg to delay her visit to Sweden": "her" is Berg, who is asked, not Lund, who asks."""
    found = _parties(extractor, "Tom Lund pressed Ana Berg to delay her visit to Sweden.", "meeting")
    assert found and "Ana Berg" in found[0] and "Tom Lund" not in found[0], found


def _actors(*named: tuple[str, ActorKind]) -> dict[str, Actor]:
    return {name: Actor(name=name, role="participant", kind=kind) for name, kind in named}


def test_a_group_whose_members_are_named_beside_it_is_dropped() -> None:
    """ "consultation with the Interior and Commerce agencies": the model tags "Interior" and
    "Commerce" as bodies, and the group of them would count them twice."""
    found = _actors(
        ("Harbor and Fisheries agencies", "group"), ("Harbor", "organization"), ("Fisheries", "organization")
    )
    _drop_groups_of_named_members(found)
    assert list(found) == ["Harbor", "Fisheries"]
    one = _actors(("Harbor workers", "group"), ("Harbor", "organization"))
    _drop_groups_of_named_members(one)
    assert list(one) == ["Harbor workers", "Harbor"]  # one member named is not all of the group


def test_a_meeting_noun_that_only_times_a_clause_takes_no_party_from_deep_inside_it(
    extractor: Extractor,
) -> None:
    """ "questioned Sweden's commitment to making peace with Finland in an interview ahead of the
    summit": the summit has no party of its own, and the names of the interview are not its parties;
    the subject and object of the verb a meeting times are ("Warren praises Biden after meeting")."""
    body = (
        "Norway’s premier questioned Sweden’s commitment to making peace with Finland in an interview "
        "ahead of the summit."
    )
    assert _parties(extractor, body, "meeting") == []
    body = (
        "Given the objections of Tom Lund and senators like Ana Ruiz, the reformers may only be making "
        "an opening bid ahead of the talks in Oslo."
    )
    assert _parties(extractor, body, "meeting") == []
    body = (
        "Warren praises Biden after hour-long meeting on taxes and trade.\n\n"
        "Sen. Elizabeth Warren met President Joe Biden at the White House on Tuesday."
    )
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    (meeting,) = [e.to_dict() for e in result.events if e.type == "meeting"]
    assert meeting["trigger"] == "meeting"  # the headline's, the body's told again
    assert {a["name"] for a in meeting["actors"]} == {"Elizabeth Warren", "Joe Biden"}


def test_who_instructs_another_to_negotiate_is_no_party(extractor: Extractor) -> None:
    """ "Dahl instructed Lund to continue negotiating with Sweden": Lund negotiates, Dahl asks."""
    body = "President Erik Dahl instructed Foreign Minister Tom Lund to continue negotiating with Sweden."
    assert _parties(extractor, body, "meeting") == [{"Tom Lund", "Sweden"}]


@pytest.mark.parametrize(
    ("body", "kind", "parties"),
    [
        # whose thing the event is to act on or talk about: no party
        (
            "Governor Ana Ruiz agreed on Monday to double the budget of Norway's fishing agency.",
            "agreement",
            {"Ana Ruiz"},
        ),
        (
            "Governor Maria Gonzalez also agreed to appoint three judges to Norway’s appeals court.",
            "agreement",
            {"Maria Gonzalez"},
        ),
        # whom one gives to, or works with: the other side
        (
            "Governor Ana Ruiz agreed on Monday to supply Norway’s army with boots.",
            "agreement",
            {"Ana Ruiz", "Norway"},
        ),
        (
            "Acme agreed on Monday to work with Norway’s state oil firm on the project.",
            "agreement",
            {"Acme", "Norway"},
        ),
    ],
)
def test_the_owner_of_what_an_agreement_acts_on_is_no_party(
    extractor: Extractor, body: str, kind: str, parties: set[str]
) -> None:
    assert _parties(extractor, body, kind) == [parties]


def test_the_owner_of_a_topic_discussed_is_no_party(extractor: Extractor) -> None:
    body = "Laura Berg sat down this week with the newspaper to discuss Norway's longest war."
    assert _parties(extractor, body, "meeting") == []


@pytest.mark.parametrize(
    ("body", "parties"),
    [
        ("Acme agreed to let Beta Corp use its patents.", {"Acme", "Beta Corp"}),
        (
            "The Harbour Workers Union agreed to allow Governor Ana Ruiz to use its mailing list.",
            {"Harbour Workers Union", "Ana Ruiz"},
        ),
    ],
)
def test_whom_one_agrees_to_let_act_is_the_other_side(
    extractor: Extractor, body: str, parties: set[str]
) -> None:
    assert _parties(extractor, body, "agreement") == [parties]


def test_a_name_the_parser_hangs_inside_the_subject_of_a_timed_clause_is_a_party(
    extractor: Extractor,
) -> None:
    """ "Donald Trump and House Speaker Tom Lund vowed to cooperate after a meeting": the parser hangs
    "Trump" on "Lund" as a modifier; it is in the subject all the same."""
    body = "Donald Trump and House Speaker Tom Lund vowed to cooperate after a meeting on Thursday."
    assert _parties(extractor, body, "meeting") == [{"Donald Trump", "Tom Lund"}]


def test_the_ledes_subject_the_parser_hangs_on_the_dateline_is_a_party(extractor: Extractor) -> None:
    """ "KABUL, Afghanistan — Taliban negotiators met": the parser makes the city the subject and the
    negotiators its apposition; whom they speak for met."""
    body = "KABUL, Afghanistan — Taliban negotiators met with U.S. envoy Omar Vidal on Monday."
    assert _parties(extractor, body, "meeting") == [{"Taliban", "Omar Vidal"}]


@pytest.mark.parametrize(
    "body",
    [
        "Siemens Monday signed an agreement to acquire Bosch.",
        "As part of its plan, Siemens Monday announced it has signed an agreement to acquire Bosch.",
        # the day an adverb of the saying, which has no subject, or of the event's own verb
        "Siemens Monday announced it had signed an agreement to acquire Bosch.",
        "In a bid to grow, Siemens Tuesday signed a deal with Bosch.",
    ],
)
def test_a_name_before_its_day_is_the_subject(extractor: Extractor, body: str) -> None:
    """ "Siemens Monday announced it has signed": the parser takes the day for the subject (or an
    adverb of a verb with none) and the name for its compound."""
    assert _parties(extractor, body, "agreement") == [{"Siemens", "Bosch"}]


@pytest.mark.parametrize(
    ("body", "kind", "want"),
    [
        (
            "Lund persuaded Norway to open negotiations with Statoil and Exxon.",
            "meeting",
            {"Norway", "Statoil", "Exxon"},
        ),
        # the second of two infinitives the asking verb takes
        (
            "Lund persuaded Norway to cut its tariffs and to open negotiations with Statoil and Exxon.",
            "meeting",
            {"Norway", "Statoil", "Exxon"},
        ),
        (
            "The mayor convinced Vexa Corp to sign a supply deal with Orbis and Talvi Oy.",
            "agreement",
            {"Vexa Corp", "Orbis", "Talvi Oy"},
        ),
    ],
)
def test_the_one_persuaded_to_act_is_a_party_beside_those_named_with_it(
    extractor: Extractor, body: str, kind: str, want: set[str]
) -> None:
    """ "persuaded the government to open negotiations with Chevron and Exxon": the government
    negotiates; the two named in the with-phrase do not negotiate with each other."""
    assert _parties(extractor, body, kind) == [want]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # the deal names its own counterpart: the one met before is the meeting's
        (
            "Governor Tom Hale met Prime Minister Lia Ek and signed a fisheries pact with Norway.",
            {"Tom Hale", "Norway"},
        ),
        (
            "Kestrel Corp met Orbis Ltd in March and signed a supply deal with Lumen Inc.",
            {"Kestrel Corp", "Lumen Inc"},
        ),
        # no counterpart of its own: they met and signed
        ("Governor Tom Hale met Prime Minister Lia Ek and signed a fisheries pact.", {"Tom Hale", "Lia Ek"}),
    ],
)
def test_a_deal_after_a_meeting_with_its_own_counterpart(
    extractor: Extractor, body: str, want: set[str]
) -> None:
    assert _parties(extractor, body, "agreement") == [want]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Tesla signed a deal to buy batteries from Panasonic.", {"Tesla", "Panasonic"}),
        ("Tesla's deal to buy batteries from Panasonic was signed on Monday.", {"Tesla", "Panasonic"}),
        # two sides signed it: whom they sell to is no party of their pact
        (
            "The United States and the European Union signed a pact to sell grain to Egypt.",
            {"United States", "European Union"},
        ),
    ],
)
def test_the_trade_a_deal_is_for_names_the_other_side(
    extractor: Extractor, body: str, want: set[str]
) -> None:
    assert _parties(extractor, body, "agreement") == [want]


@pytest.mark.parametrize(
    "body",
    [
        "Ford agreed to pay $10 million to settle claims by the Labor Department.",
        "Ford agreed to pay $10 million to settle a lawsuit brought by the Labor Department.",
    ],
)
def test_who_brought_what_an_agreement_settles_is_its_other_side(extractor: Extractor, body: str) -> None:
    assert _parties(extractor, body, "agreement") == [{"Ford", "Labor Department"}]


@pytest.mark.parametrize(
    ("body", "want"),
    [
        # the company whose stake is bought, under "agreed to" as on the trade verb itself
        ("Siemens agreed to buy a 20% stake in Andritz for 500 million euros.", {"Siemens", "Andritz"}),
        ("Siemens agreed to buy a 20% stake in Andritz from Voith.", {"Siemens", "Voith"}),
        # the country in front of a company's name is where it is from
        ("Germany's Siemens signed a supply deal on Monday.", {"Siemens"}),
        ("Germany's Siemens won a contract to build a bridge.", {"Siemens"}),
    ],
)
def test_a_stake_under_agreed_and_a_companys_home(extractor: Extractor, body: str, want: set[str]) -> None:
    assert _parties(extractor, body, "agreement") == [want]
