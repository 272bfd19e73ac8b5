"""The context of a meeting or agreement: what happened is published, what was hoped or failed is not."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from streams.core.article import Article
from streams.core.extractor import Extractor
from streams.core.model import DateValue
from streams.core.pipeline.loader import load_model
from streams.core.rules.event_context import (
    Reading,
    _headline_infinitive,
    dated_context,
    event_status,
    read_context,
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_model()


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "context"),
    [
        ("The two governors met in Lyon on Tuesday.", "met", "meeting", "occurred"),
        ("The two treasurers are holding talks in Bern.", "talks", "meeting", "occurred"),
        ("The ministers will meet in Porto next week.", "meet", "meeting", "scheduled"),
        # what such events are usually like, said of the noun in a present-tense clause
        (
            "Bird fairs draw crowds, and club meetings, which usually happen in May, do too.",
            "meetings",
            "meeting",
            "habitual",
        ),
        # an event noun made a habit by its adjective
        (
            "The growers kept up their regular conversations with the buyers.",
            "conversations",
            "meeting",
            "habitual",
        ),
        ("The two mayors held frequent meetings in Lille.", "meetings", "meeting", "habitual"),
        # what a record is of took place, whatever is asked of the record; not one to come
        ("Critics want to see the tapes of her meeting with the envoy.", "meeting", "meeting", "occurred"),
        (
            "Critics saw the agenda of her upcoming meeting with the envoy.",
            "meeting",
            "meeting",
            "scheduled",
        ),
        # an event noun said to be in the future is a plan whatever the tense around it
        ("The two mayors agreed to a future meet in Lille.", "meet", "meeting", "scheduled"),
        ("The growers praised their upcoming summit with the buyers.", "summit", "meeting", "scheduled"),
        # an announced intention or a set date is a plan; a hope stays a hope
        ("Zenco intends to acquire the brewer Malto for $40 million.", "acquire", "agreement", "scheduled"),
        ("The two governors are set to meet in Lyon on Tuesday.", "meet", "meeting", "scheduled"),
        ("Zenco hopes to acquire the brewer Malto.", "acquire", "agreement", "hypothetical"),
        # a deal that awaits approval or is expected to be completed has not happened yet
        (
            "The merger of Zenco and Malto is subject to regulatory approval.",
            "merger",
            "agreement",
            "scheduled",
        ),
        (
            "Zenco's acquisition of Malto has cleared one review and is expected to be completed in May.",
            "acquisition",
            "agreement",
            "scheduled",
        ),
        (
            "The merger of Zenco and Malto was subject to approval, which came in May.",
            "merger",
            "agreement",
            "occurred",
        ),
        (
            "Mayor Lund almost seemed to agree with Mayor Berg on the tolls.",
            "agree",
            "agreement",
            "hypothetical",
        ),
        ("The ruling set a precedent for the talks.", "talks", "meeting", "occurred"),
        # an agreed plan is the agreement, not a plan of one
        ("Chile and Peru came up with a common plan for the border.", "plan", "agreement", "occurred"),
        ("Aides said the mayors would meet on Friday.", "meet", "meeting", "scheduled"),
        # a meeting scheduled for a time, told in a clause not in the past
        (
            "The merger of the two brewers is pending approval at the next meeting, scheduled for the fall.",
            "meeting",
            "meeting",
            "scheduled",
        ),
        (
            "The talks between the two mayors, scheduled for May, went ahead in Lima.",
            "talks",
            "meeting",
            "occurred",
        ),
        # the event's own past relative clause decides, not the future or the hope that governs it
        ("She will urge them to continue the talks they began in May.", "talks", "meeting", "occurred"),
        ("Zenco will honor the deal it signed with Malto.", "deal", "agreement", "occurred"),
        ("She will urge them to continue the talks they wanted.", "talks", "meeting", "hypothetical"),
        ("They did not revive the talks that took place in Oslo.", "talks", "meeting", "occurred"),
        # 'would' with a frequency phrase, and 'used to', are habits
        ("At times the two envoys would meet in a hotel in Bern.", "meet", "meeting", "habitual"),
        ("Envoy Lind used to meet Berg in a hotel in Bern.", "meet", "meeting", "habitual"),
        # a simple present reported in the past, with no time of its own: what one does
        (
            "Mayor Lind said she meets with parents of victims in a town that has seen 40 fires this year.",
            "meets",
            "meeting",
            "habitual",
        ),
        ("Mayor Lind said she met with parents of the victims in Bern.", "met", "meeting", "occurred"),
        ("Mayor Lind said she meets Governor Berg on Friday in Bern.", "meets", "meeting", "scheduled"),
        # a headline's "to" is "will"
        (
            "Kestrel Motors to acquire chip vendor Zentra Systems for $334 million.",
            "acquire",
            "agreement",
            "scheduled",
        ),
        # being willing to meet is no meeting
        ("Senator Tom Berg said he is willing to meet Judge Ana Ruiz.", "meet", "meeting", "hypothetical"),
        (
            "Few senators showed any willingness to hold a brief courtesy meeting with Judge Ana Ruiz.",
            "meeting",
            "meeting",
            "hypothetical",
        ),
        # a call for others to meet holds no meeting
        (
            "The new rule calls for state agencies to consult with the Soil Bureau on their plans.",
            "consult",
            "meeting",
            "hypothetical",
        ),
        # ... and so is calling on others to meet, or to hold talks
        ("Mayor Tom Lund called on Ana Berg to meet Ivo Ruiz in Oslo.", "meet", "meeting", "hypothetical"),
        (
            "Mayor Tom Lund called on Ana Berg to hold talks with Ivo Ruiz.",
            "talks",
            "meeting",
            "hypothetical",
        ),
        (
            "Tom Lund pressed Ana Berg to sign an accord with the Nordic Union.",
            "sign",
            "agreement",
            "hypothetical",
        ),
        # a promise to be neutral in talks is a stance, not the talks; a promise to meet stays a plan
        (
            "She repeated her pledge to stay impartial in any negotiations between the guilds.",
            "negotiations",
            "meeting",
            "hypothetical",
        ),
        ("The mayor promised to meet the striking drivers.", "meet", "meeting", "scheduled"),
        ("The council hopes the guild will reopen the contract.", "contract", "agreement", "hypothetical"),
        ("Analysts doubt a deal is possible before the vote.", "deal", "agreement", "hypothetical"),
        ("Oslo had applied to host the summit.", "summit", "meeting", "hypothetical"),
        ("The town's bid to host the summit was approved.", "summit", "meeting", "hypothetical"),
        ("If the lenders sign the accord, rates will fall.", "sign", "agreement", "hypothetical"),
        # what a plan waits for did not happen; the end of a past wait did
        (
            "His plan includes keeping the fees until the Norwegian government agreed to pay.",
            "agreed",
            "agreement",
            "hypothetical",
        ),
        ("The talks went on until Chile and Peru agreed on a ceasefire.", "agreed", "agreement", "occurred"),
        # "set to" above the event noun, and a relative clause in the future, schedule it
        (
            "The annual meeting of the Harbour Council is set to open tomorrow.",
            "meeting",
            "meeting",
            "scheduled",
        ),
        (
            "Acme and Beta Corp announced a deal that will be finalized in June.",
            "deal",
            "agreement",
            "scheduled",
        ),
        # a time clause in the present tells the future when what it times is to come
        (
            "Ivan Pelz will sign the accord when he meets Rosa Lind next week.",
            "meets",
            "meeting",
            "scheduled",
        ),
        ("Ivan Pelz smiled after he met Rosa Lind.", "met", "meeting", "occurred"),
        # a denial of the clause or of the claim that tells it; a confirmation is no denial
        ("Ivan Pelz denied that he met Rosa Lind.", "met", "meeting", "negated"),
        # a denied gerund: "denied ever meeting", "denies having met"
        ("Ivan Pelz has denied ever meeting Rosa Lind or Omar Vidal.", "meeting", "meeting", "negated"),
        ("Ivan Pelz denies having met Rosa Lind in Oslo.", "met", "meeting", "negated"),
        ("Ivan Pelz disputed reports that he had met Rosa Lind in secret.", "met", "meeting", "negated"),
        ("Ivan Pelz confirmed reports that he had met Rosa Lind.", "met", "meeting", "occurred"),
        ("The two envoys could meet later this year.", "meet", "meeting", "hypothetical"),
        ("The mayor called for talks with the striking drivers.", "talks", "meeting", "hypothetical"),
        ("Will the two leagues sign the treaty?", "sign", "agreement", "hypothetical"),
        ("Zenco typically signs multi-year supply deals with its growers.", "deals", "agreement", "habitual"),
        ("The Baltic ministers meet every year in Riga.", "meet", "meeting", "habitual"),
        ("Pelz and Lind occasionally consulted with the Acme board.", "consulted", "meeting", "habitual"),
        # a definite deal its own participle says was made is made, whatever is urged of it
        (
            "Sen. Ann Lee urged her party to reject the pact reached last week by Zenco Corp and Borla Inc.",
            "pact",
            "agreement",
            "occurred",
        ),
        (
            "Any deal reached by Zenco Corp and Borla Inc would need approval.",
            "deal",
            "agreement",
            "hypothetical",
        ),
        (
            "Sen. Ann Lee hopes for a deal negotiated by Zenco Corp and Borla Inc.",
            "deal",
            "agreement",
            "hypothetical",
        ),
        # any deal is no deal in particular
        ("The board has to approve any future deals with Borla Inc.", "deals", "agreement", "hypothetical"),
        # an order to meet is no meeting yet
        (
            "President Ana Ruiz ordered Envoy Tom Lund to meet the Chilean envoy.",
            "meet",
            "meeting",
            "hypothetical",
        ),
        # an event just ahead is not made yet
        ("Zenco Corp is close to a deal with Borla Inc.", "deal", "agreement", "hypothetical"),
        ("Zenco Corp moved closer to a merger with Borla Inc.", "merger", "agreement", "hypothetical"),
        ("Zenco Corp is near a deal with Borla Inc.", "deal", "agreement", "hypothetical"),
        ("Zenco Corp and Borla Inc are nearing an agreement.", "agreement", "agreement", "hypothetical"),
        (
            "Zenco Corp signed a deal with Borla Inc, a firm close to the mayor.",
            "signed",
            "agreement",
            "occurred",
        ),
        # what was done over a career or the years is a habit, no one event
        ("Ivan Pelz likes the land deals he has struck over his career.", "deals", "agreement", "habitual"),
        ("Ivan Pelz has met Rosa Lind many times over the years.", "met", "meeting", "habitual"),
        ("Ivan Pelz met Rosa Lind over the weekend.", "met", "meeting", "occurred"),
        ("Portugal was not invited to the conference.", "conference", "meeting", "negated"),
        ("The pilots and the airline failed to reach an agreement.", "agreement", "agreement", "negated"),
        ("The summit was called off after the flood.", "summit", "meeting", "negated"),
        # put off to another time: not held (yet)
        ("Ivan Pelz postponed his meeting with Rosa Lind.", "meeting", "meeting", "negated"),
        ("Ivan Pelz put off his meeting with Rosa Lind.", "meeting", "meeting", "negated"),
        # talks that broke down or collapsed were held; a deal that collapsed was never made
        ("Talks between the two brewers broke down on Monday.", "Talks", "meeting", "occurred"),
        ("Negotiations between the ferry firms collapsed last week.", "Negotiations", "meeting", "occurred"),
        ("The summit of the two mayors failed to take place.", "summit", "meeting", "negated"),
        ("The meeting between the two mayors fell through.", "meeting", "meeting", "negated"),
        ("The merger deal between the two brewers collapsed.", "deal", "agreement", "negated"),
        ("Plans for a meeting of the two mayors collapsed.", "meeting", "meeting", "negated"),
        ("The town hall said no meeting has been arranged with the guild.", "meeting", "meeting", "negated"),
        (
            "The envoy worked to arrange a meeting between the two chiefs.",
            "meeting",
            "meeting",
            "hypothetical",
        ),
        ("No agreement was reached on the river border.", "agreement", "agreement", "negated"),
        ("The growers pulled out of the talks on Sunday.", "talks", "meeting", "negated"),
        # what governs the trigger only through an adverbial clause or a time says nothing about it
        ("The rebels declined to comment after meeting the envoy.", "meeting", "meeting", "occurred"),
        ("The envoy did not speak after the meeting with the rebels.", "meeting", "meeting", "occurred"),
        ("The talks collapsed and the envoys met again on Monday.", "met", "meeting", "occurred"),
        # what one would be in talks is a condition, not a plan; the role of one who took part is not
        (
            "He said he would be a fair broker in negotiating the feud between Ruritania and Vexland.",
            "negotiating",
            "meeting",
            "hypothetical",
        ),
        (
            "Lund played a key role in negotiating the pact between the two guilds.",
            "negotiating",
            "meeting",
            "occurred",
        ),
        # what a law or charter says a side agrees to is a term it lays down
        ("The lease says that Velco agrees to repaint the hall.", "agrees", "agreement", "habitual"),
        (
            "The charter is silent on ships, although it does say that Ruritania agrees to renounce war.",
            "agrees",
            "agreement",
            "habitual",
        ),
        ("Velco says that it agrees to repaint the hall for Draxis.", "agrees", "agreement", "occurred"),
        # still pending, with no day set
        ("The two brewers have yet to agree on a price.", "agree", "agreement", "hypothetical"),
        ("The two mayors are yet to meet.", "meet", "meeting", "hypothetical"),
        # leaving an agreement says it was made
        ("Ruritania pulled out of the fishing agreement last year.", "agreement", "agreement", "occurred"),
        # a past clause joined by "and" or "but" is its own: the first clause's hope, request,
        # refusal or negation is not its
        ("The mayor hoped for calm and met the grocers on Friday.", "met", "meeting", "occurred"),
        ("Velco rejected the offer but signed a deal with Draxis.", "signed", "agreement", "occurred"),
        ("The mayor did not wait and met the grocers on Friday.", "met", "meeting", "occurred"),
        ("The mayor urged the grocers to wait and met their union.", "met", "meeting", "occurred"),
        # a negation or a condition holds both clauses
        ("The mayor never met nor spoke with the grocers.", "spoke", "meeting", "negated"),
        ("If the mayor flies to Lille and meets them, she will stay.", "meets", "meeting", "hypothetical"),
        # a past verb does not make a denied claim true
        ("Velco denied that it met Draxis and signed a lease with them.", "signed", "agreement", "negated"),
    ],
)
def test_read_context(nlp, text: str, trigger: str, kind: str, context: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == trigger)
    reading = read_context(token, kind)
    assert reading.context == context
    published = context in ("occurred", "scheduled")
    assert (event_status(token, kind) is not None) is published


@pytest.mark.parametrize(
    ("value", "precision", "context"),
    [
        ("2019", "year", "historical"),
        ("2024-09", "month", "historical"),
        ("2024-11", "month", "occurred"),
        ("2025-03-02", "day", "occurred"),
        ("2025", "year", "occurred"),
    ],
)
def test_old_dates_are_historical(nlp, value: str, precision: str, context: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp("The two banks signed the accord.") if t.text == "signed")
    when = DateValue(text=value, value=value, precision=precision)  # type: ignore[arg-type]
    assert dated_context(Reading("occurred", "past"), token, when, date(2025, 10, 29)) == context


def test_a_year_naming_the_event_makes_it_historical(nlp) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp("Both sides invoked the 1978 accords.") if t.text == "accords")
    assert dated_context(Reading("occurred", "past"), token, None, date(2025, 10, 29)) == "historical"
    assert dated_context(Reading("occurred", "past"), token, None, None) == "occurred"
    assert dated_context(Reading("scheduled", "planned"), token, None, date(2025, 10, 29)) == "scheduled"


def test_only_what_happened_is_published(extractor: Extractor) -> None:
    body = (
        "Zenco typically signs multi-year supply deals with Agrofarm. "
        "Mayor Ann Ray met Governor Tom Hale in Dover on Monday."
    )
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    events = [e.to_dict() for e in result.events if e.type in ("meeting", "agreement")]
    assert [(e["type"], e["context"], e["status"]) for e in events] == [("meeting", "occurred", "past")]


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("The envoy helped arrange a meeting between the two chiefs.", "meeting", "past"),
        ("The two chiefs managed to meet in Lyon.", "meet", "past"),
        ("In late 2000 the envoy rushed to meet with the two chiefs in Lyon.", "meet", "past"),
        ("The two chiefs agreed to meet in Lyon.", "meet", "planned"),
        # what a held summit was first meant to discuss does not make it a plan
        ("The summit was originally planned to discuss energy, but it turned into a row.", "summit", "past"),
        ("The summit is planned to discuss energy.", "summit", "planned"),
        # what goes on, or went on
        ("The two chiefs continue to negotiate the fishing rights.", "negotiate", "ongoing"),
        ("The two chiefs continued to meet in secret.", "meet", "past"),
        ("The two chiefs will continue to meet.", "meet", "planned"),
        ("The two chiefs have been negotiating the fishing rights for months.", "negotiating", "ongoing"),
        ("The two chiefs had been negotiating the fishing rights for months.", "negotiating", "past"),
    ],
)
def test_what_was_helped_or_managed_took_place(nlp, text: str, trigger: str, status: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == trigger)
    assert event_status(token, "meeting") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Kestrel Motors is currently in talks with Orbis Group.", "ongoing"),
        ("Kestrel Motors and Orbis Group remain in negotiations.", "ongoing"),
        ("Kestrel Motors was in talks with Orbis Group last year.", "past"),
        ("Kestrel Motors has been in talks with Orbis Group since March.", "ongoing"),
        ("Kestrel Motors had been in talks with Orbis Group for a year.", "past"),
        # reported by a past saying: a state, not a habit
        ("Kestrel Motors and Orbis Group are in advanced talks, people close to the deal said.", "ongoing"),
    ],
)
def test_being_in_talks_now_is_talks_under_way(nlp, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.lower_ in ("talks", "negotiations"))
    assert event_status(token, "meeting") == status


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kestrel Motors is in talks to buy Lumen Corp.", "buy"),
        ("Kestrel Motors is negotiating to acquire Lumen Corp.", "acquire"),
        ("The two banks opened negotiations to merge.", "merge"),
    ],
)
def test_what_talks_are_for_is_not_agreed_yet(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == trigger)
    assert event_status(token, "agreement") is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("After meeting with Tom Reyes, Jane Holt will fly to Denver.", "planned"),
        ("Before meeting Tom Reyes, Jane Holt would visit Boise.", "planned"),
        ("After meeting with Tom Reyes, Jane Holt flew to Denver.", "past"),
    ],
)
def test_a_meeting_before_or_after_what_is_to_come_is_to_come(nlp, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == "meeting")
    assert event_status(token, "meeting") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Teamsters leaders are expected to ratify the offer at their meeting with Velmark Group.",
            "planned",
        ),
        ("The mayor will speak about the floods during a meeting with Velmark Group tonight.", "planned"),
        ("Teamsters leaders ratified the offer at their meeting with Velmark Group.", "past"),
        # the act's own verb is no sign: what was planned there happened
        ("Teamsters leaders planned the strike at their meeting with Velmark Group.", "past"),
        # nor a verb that completes another without saying it is to come
        ("Lund and Berg fail to agree during a meeting in Oslo.", "past"),
    ],
)
def test_a_meeting_that_is_the_occasion_of_what_is_to_come_is_to_come(nlp, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == "meeting")
    assert event_status(token, "meeting") == status


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # a present tense with a day of its own is the schedule
        (
            "Ana Lund and Tom Berg meet for the first of three debates Monday at Oslo University.",
            "meet",
            "planned",
        ),
        ("Ana Lund meets Tom Berg on Monday in Oslo.", "meets", "planned"),
        # a habit, a past tense, and what a past verb caused are not
        ("Ana Lund meets Tom Berg every Monday in Oslo.", "meets", "past"),
        ("Ana Lund met Tom Berg on Monday in Oslo.", "met", "past"),
        ("He made Lund and Berg sign the accord on Tuesday in Oslo.", "sign", "past"),
        # a day owning the event noun dates a fact the present tense describes
        ("Friday's agreement between Velco and Draxis covers the stores.", "agreement", "past"),
        # meetings the subject has on a schedule now are to come; ones it had scheduled may be past
        ("Senator Ana Ruiz has two meetings scheduled with Governor Tom Berg.", "meetings", "planned"),
        ("Senator Ana Ruiz had two meetings scheduled with Governor Tom Berg.", "meetings", "past"),
        # "Will" before the subject is a first name (or a question), no future
        ("Will Estrada met Senator Tom Berg last week.", "met", "past"),
        # the contracted modals as news text writes them, with a typographic apostrophe
        ("Senator Ana Ruiz says she’ll meet Governor Tom Berg.", "meet", "planned"),
        ("Senator Ana Ruiz says she’d meet Governor Tom Berg.", "meet", "planned"),
    ],
)
def test_a_present_tense_with_a_day_is_a_schedule(nlp, text: str, trigger: str, status: str) -> None:  # type: ignore[no-untyped-def]
    token = next(t for t in nlp(text) if t.text == trigger)
    assert event_status(token, "meeting") == status


def test_a_headlines_infinitive_the_parser_hung_on_the_name_is_still_one() -> None:
    """ "HP to acquire green consultancy EYP": the parser may make the name the root and the
    infinitive its clause (the parse is set so here); the headline still tells a plan."""
    nlp = load_model()
    doc = Doc(
        nlp.vocab,
        words=["Kestrel", "to", "acquire", "green", "consultancy", "Varo"],
        heads=[0, 2, 0, 4, 2, 4],
        deps=["ROOT", "aux", "acl", "amod", "dobj", "appos"],
        pos=["PROPN", "PART", "VERB", "ADJ", "NOUN", "PROPN"],
        tags=["NNP", "TO", "VB", "JJ", "NN", "NNP"],
    )
    assert _headline_infinitive(doc[2])
    relative = Doc(
        nlp.vocab,
        words=["Kestrel", "to", "Acquire", "Startup", "Varo"],
        heads=[0, 2, 0, 4, 2],
        deps=["ROOT", "aux", "relcl", "compound", "dobj"],
        pos=["PROPN", "PART", "VERB", "PROPN", "PROPN"],
        tags=["NNP", "TO", "VB", "NNP", "NNP"],
    )
    assert _headline_infinitive(relative[2])  # "AMD to Acquire Microserver Startup SeaMicro"
    plan = nlp("The plan of Acme to buy Beta failed.")
    assert not _headline_infinitive(next(t for t in plan if t.text == "buy"))
