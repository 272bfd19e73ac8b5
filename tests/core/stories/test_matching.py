"""matching: a mention joins a story only when nothing tells them apart."""

from __future__ import annotations

from typing import Any

from streams.core.stories.book import StoryBook
from streams.core.stories.matching import dates_agree, match
from streams.core.stories.mention import mention_from_record
from streams.core.stories.story import Story
from tests.core.stories.records import actor, day, event, meeting, statement, usd


def _story(*records: dict[str, Any]) -> Story:
    story = Story("s", "b", 0)
    story.members = [mention_from_record(r) for r in records]
    return story


def _stories(*records: dict[str, Any]) -> list[list[str]]:
    """The event ids of each story after adding the records in order to one book."""
    book = StoryBook("block")
    for record in records:
        book.add(mention_from_record(record))
    return [[m.event_id for m in s.members] for s in book.stories.values()]


def test_the_same_parties_join() -> None:
    story = _story(event("e1"))
    found = match(mention_from_record(event("e2", actors=[actor("Acme Inc"), actor("Widgetco")])), story)
    assert found is not None and found.strong and found.score == 2.0


def test_the_same_frame_is_required() -> None:
    story = _story(event("e1", trigger_lemma="buy"))
    assert match(mention_from_record(event("e2", trigger_lemma="sign")), story) is None
    assert match(mention_from_record(event("e3", trigger_lemma="acquire")), story) is not None


def test_the_same_type_is_required() -> None:
    story = _story(meeting("m1", "Ana Ruiz", "Ben Okafor"))
    other = event("e2", "agreement", [actor("Ana Ruiz", "person"), actor("Ben Okafor", "person")])
    assert match(mention_from_record(other), story) is None


def test_another_party_of_the_same_kind_in_place_of_a_core_one_splits() -> None:
    assert _stories(
        event("e1", actors=[actor("Acme"), actor("Widgetco")]),
        event("e2", actors=[actor("Acme"), actor("Gizmo Labs")]),
    ) == [["e1"], ["e2"]]


def test_a_person_named_beside_the_parties_is_not_another_party() -> None:
    assert _stories(
        event("e1", actors=[actor("Acme"), actor("Widgetco")]),
        event("e2", actors=[actor("Acme"), actor("Widgetco"), actor("Jo Brandt", "person")]),
        event("e3", actors=[actor("Acme")]),
    ) == [["e1", "e2", "e3"]]


def test_two_deals_between_the_same_companies_in_one_month_are_told_apart_by_their_sums() -> None:
    march = {"text": "March", "value": "2026-03", "precision": "month"}
    assert _stories(
        event("e1", amounts=[usd(120e6)], date=march),
        event("e2", amounts=[usd(310e6)], date=march, published_at="2026-03-03T09:00:00Z"),
        event("e3", amounts=[usd(120.5e6)], date=march, published_at="2026-03-03T10:00:00Z"),
    ) == [["e1", "e3"], ["e2"]]


def test_a_sum_stated_for_the_whole_article_does_not_split() -> None:
    whole = dict(usd(310e6), scope="article")
    assert _stories(event("e1", amounts=[usd(120e6)]), event("e2", amounts=[whole])) == [["e1", "e2"]]


def test_a_meeting_scheduled_for_friday_and_one_held_on_friday_join() -> None:
    friday = day("Friday", "2026-03-06")
    assert _stories(
        meeting("m1", "Ana Ruiz", "Ben Okafor", date=friday, published_at="2026-03-03T08:00:00Z"),
        meeting("m2", "Ruiz", "Okafor", date=friday, published_at="2026-03-07T08:00:00Z"),
        meeting(
            "m3", "Ruiz", "Okafor", date=day("Thursday", "2026-03-05"), published_at="2026-03-06T02:00:00Z"
        ),
    ) == [["m1", "m2", "m3"]]


def test_two_summits_a_year_apart_do_not_join_by_publication_time() -> None:
    assert _stories(
        meeting("m1", "Ana Ruiz", "Ben Okafor", published_at="2025-03-02T08:00:00Z"),
        meeting("m2", "Ana Ruiz", "Ben Okafor", published_at="2026-03-02T08:00:00Z"),
    ) == [["m1"], ["m2"]]


def test_two_summits_a_year_apart_do_not_join_by_their_dates() -> None:
    # published the same week: the second looks back at last year's summit
    assert _stories(
        meeting("m1", "Ana Ruiz", "Ben Okafor", date=day("Friday", "2026-03-06")),
        meeting("m2", "Ana Ruiz", "Ben Okafor", date=day("March 6, 2025", "2025-03-06")),
        meeting("m3", "Ana Ruiz", "Ben Okafor", date={"text": "2025", "value": "2025", "precision": "year"}),
    ) == [["m1"], ["m2", "m3"]]


def test_dates_agree_at_the_coarser_precision() -> None:
    assert dates_agree(
        day("Friday", "2026-03-06"), {"text": "March", "value": "2026-03", "precision": "month"}
    )
    assert not dates_agree(
        day("Friday", "2026-04-03"), {"text": "March", "value": "2026-03", "precision": "month"}
    )
    assert dates_agree(
        day("a", "2026-03-06"), {"text": "that week", "value": "2026-03-02", "precision": "week"}
    )
    assert not dates_agree(day("a", "2026-03-06"), day("b", "2026-03-08"))


def test_places_in_different_countries_split() -> None:
    here = {"name": "Port Alder", "country_code": "FD", "geonames_id": 1}
    there = {"name": "Vell", "country_code": "SY", "geonames_id": 2}
    assert _stories(
        meeting("m1", "Ana Ruiz", "Ben Okafor", location=here),
        meeting("m2", "Ana Ruiz", "Ben Okafor", location=there),
    ) == [["m1"], ["m2"]]


QUOTE = "We will not raise our prices this year, and our customers know that."


def test_a_quote_trimmed_and_repunctuated_by_another_outlet_joins() -> None:
    assert _stories(
        statement("s1", "Marta Kilroy", QUOTE, source="alpha"),
        statement("s2", "Kilroy", "we will not raise our prices this year", source="beta"),
        statement(
            "s3", "Marta Kilroy", "We will not raise our prices this year -- and our customers know that!"
        ),
    ) == [["s1", "s2", "s3"]]


def test_different_quotes_by_one_speaker_do_not_join() -> None:
    assert _stories(
        statement("s1", "Marta Kilroy", QUOTE),
        statement("s2", "Marta Kilroy", "The plant in the valley opens in May with two hundred jobs."),
    ) == [["s1"], ["s2"]]


def test_a_statement_without_words_joins_nothing() -> None:
    story = _story(statement("s1", "Marta Kilroy", QUOTE))
    assert match(mention_from_record(statement("s2", "Marta Kilroy", "")), story) is None


def test_an_undated_mention_does_not_join_a_dated_story() -> None:
    """Nothing says an article without a publication time reports the same week's deal."""
    story = _story(event("e1", published_at="2026-03-02T09:00:00Z"))
    assert match(mention_from_record(event("e2", published_at=None)), story) is None
    undated = _story(event("e3", published_at=None))
    assert match(mention_from_record(event("e4", published_at=None)), undated) is not None


def test_two_named_parties_must_share_two_with_a_story_of_two() -> None:
    """One leader meeting two counterparts in one week: two meetings, though one party is in both."""
    story = _story(meeting("m1", "Ana Costa", "Rui Vale"))
    other = event("m2", "meeting", [actor("Ana Costa", "person"), actor("Globex")], trigger_lemma="meet")
    assert match(mention_from_record(other), story) is None
    assert match(mention_from_record(meeting("m3", "Costa")), story) is not None
