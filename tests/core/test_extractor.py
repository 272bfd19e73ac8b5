"""The extractor on real-looking sentences and on the seed article (read from ../shared)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import jsonschema

from streams.core.article import Article, article_from_object
from streams.core.extractor import ArticleInput, Extractor
from streams.core.pipeline.loader import load_model
from streams.resources import samples_path, schema_path
from tests.fixtures.shared_data import shared_file

SCHEMA = json.loads(schema_path("event.v1.json").read_text())


def _events(extractor: Extractor, body: str, published_at: str | None = "2025-10-29") -> list[dict[str, Any]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at=published_at))
    assert result.error is None, result.error
    return [e.to_dict() for e in result.events]


def _speakers(events: list[dict[str, Any]]) -> list[str]:
    return [
        a["name"] for e in events if e["type"] == "statement" for a in e["actors"] if a["role"] == "speaker"
    ]


def test_quote_then_named_speaker(extractor: Extractor) -> None:
    events = _events(
        extractor, "“We will not accept these tariffs,” Prime Minister Mark Carney said on Tuesday."
    )
    (statement,) = [e for e in events if e["type"] == "statement"]
    assert statement["actors"][0]["name"] == "Mark Carney"
    assert statement["quote"] == "We will not accept these tariffs,"
    assert statement["date"]["value"] == "2025-10-28"


def test_colon_cue_and_title_split(extractor: Extractor) -> None:
    events = _events(
        extractor,
        'Foreign Ministry spokesman Lin Jian said: "We firmly oppose any interference in our affairs."',
    )
    (statement,) = [e for e in events if e["type"] == "statement"]
    speaker = statement["actors"][0]
    assert speaker["name"] == "Lin Jian"
    assert "spokesman" in (speaker["title"] or "")


def test_pronoun_speaker_and_continuation(extractor: Extractor) -> None:
    body = (
        "Chancellor Olaf Brandt arrived in Paris on Monday.\n"
        "“Europe must stand together,” he said.\n"
        "“Nobody wins a trade war.”"
    )
    events = _events(extractor, body)
    assert _speakers(events) == ["Olaf Brandt", "Olaf Brandt"]
    resolutions = [e["speaker_resolution"] for e in events if e["type"] == "statement"]
    assert resolutions == ["pronoun", "continuation"]


def test_told_gives_an_addressee(extractor: Extractor) -> None:
    events = _events(extractor, "“You will be one of the great leaders,” Trump told Takaichi at the palace.")
    (statement,) = [e for e in events if e["type"] == "statement"]
    roles = {a["role"]: a["name"] for a in statement["actors"]}
    assert roles == {"speaker": "Trump", "addressee": "Takaichi"}


def test_meeting_with_location_and_planned_status(extractor: Extractor) -> None:
    body = (
        "Kenyan President Amina Otieno will host Ugandan President Joseph Mukasa "
        "for talks in Nairobi next Friday."
    )
    (meeting,) = [e for e in _events(extractor, body) if e["type"] == "meeting"]
    assert {a["name"] for a in meeting["actors"]} == {"Amina Otieno", "Joseph Mukasa"}
    assert meeting["location"]["name"] == "Nairobi"
    assert meeting["status"] == "planned"
    assert meeting["date"]["value"] == "2025-10-31"


def test_agreement_with_amount(extractor: Extractor) -> None:
    body = "Norway and Chile signed a fisheries accord worth $1.2 billion in Santiago."
    (agreement,) = [e for e in _events(extractor, body) if e["type"] == "agreement"]
    assert {a["name"] for a in agreement["actors"]} == {"Norway", "Chile"}
    assert agreement["amounts"] == [
        {"text": "$1.2 billion", "value": 1.2e9, "currency": "USD", "scope": "sentence", "bound": None}
    ]


def test_negated_and_proposed_agreements_are_not_reported(extractor: Extractor) -> None:
    body = "The two countries did not sign the treaty. Officials proposed a new deal with Brazil."
    assert [e for e in _events(extractor, body) if e["type"] == "agreement"] == []


def test_evidence_offsets_point_into_the_body(extractor: Extractor) -> None:
    body = "Add example.com As A Trusted Source\n“We agreed on everything,” Minister Ana Costa said."
    events = _events(extractor, body)
    assert events
    for event in events:
        ev = event["evidence"]
        assert body[ev["start"] : ev["end"]] == ev["sentence"]
        assert "Trusted Source" not in ev["sentence"]


def test_non_english_articles_yield_no_events(extractor: Extractor) -> None:
    result = extractor.extract_one(Article(id="es", body="Los ministros se reunieron ayer.", language="es"))
    assert result.events == [] and result.skipped


def test_a_failing_article_does_not_fail_its_batch() -> None:
    def hook(article: Article) -> None:
        if article.id == "bad":
            raise RuntimeError("boom")

    extractor = Extractor(load_model(), before_article=hook)
    good = Article(id="good", body="“We signed the deal today,” Minister Ana Costa said.")
    results = extractor.extract([_input(good), _input(Article(id="bad", body="Anything."))])
    assert results[0].error is None and results[0].events
    assert results[1].error is not None and "boom" in results[1].error


def _input(article: Article) -> ArticleInput:
    return ArticleInput(article)


def test_bundled_samples_cover_every_event_type(extractor: Extractor) -> None:
    articles = [article_from_object(json.loads(line)) for line in samples_path().read_text().splitlines()]
    events = [e.to_dict() for r in extractor.extract([_input(a) for a in articles]) for e in r.events]
    for event in events:
        jsonschema.validate(event, SCHEMA)
    assert set(Counter(e["type"] for e in events)) == {"meeting", "agreement", "statement"}
    assert any(
        e.get("speaker_resolution") == "pronoun" or e.get("speaker_resolution") == "description"
        for e in events
    )
    assert any(e["amounts"] for e in events)


def test_seed_article_events_validate_and_ids_are_stable(extractor: Extractor) -> None:
    raw = json.loads(shared_file("articles/seed.jsonl").read_text().splitlines()[0])
    article = article_from_object({**raw, "published_at": "2025-10-28"})
    first = [e.to_dict() for e in extractor.extract_one(article).events]
    second = [e.to_dict() for e in extractor.extract_one(article).events]
    for event in first:
        jsonschema.validate(event, SCHEMA)
    assert {e["type"] for e in first} == {"meeting", "agreement", "statement"}
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]
    guo = [e for e in first if "We urge Japan" in (e["quote"] or "")]
    assert guo and guo[0]["actors"][0]["name"] == "Guo Jiakun"
