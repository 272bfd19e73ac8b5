"""Who said it, resolved as an analyst would: each case in a made-up article."""

from __future__ import annotations

from typing import Any

import pytest

from streams.core.article import Article
from streams.core.extractor import Extractor


def _statements(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    result = extractor.extract_one(Article(id="t", body=body, published_at="2025-10-29"))
    assert result.error is None, result.error
    return [e.to_dict() for e in result.events if e.type == "statement"]


def _direct(extractor: Extractor, body: str) -> list[dict[str, Any]]:
    """The statements that quote (direct, mixed, or a fragment in a paraphrase); reported speech
    without quotes is left out."""
    return [s for s in _statements(extractor, body) if s["quote"] is not None]


def _speaker(statement: dict[str, Any]) -> dict[str, Any]:
    return dict(next(a for a in statement["actors"] if a["role"] == "speaker"))


def _speakers(extractor: Extractor, body: str) -> list[str]:
    return [_speaker(s)["name"] for s in _direct(extractor, body)]


def test_it_said_is_the_body_named_before_not_the_last_person(extractor: Extractor) -> None:
    body = (
        "President Omar Haddad toured the northern province on Monday.\n\n"
        "The Northern Liberation Front claimed responsibility for the bombing. "
        "“We will strike again until our demands are met,” it said in a statement."
    )
    (statement,) = _direct(extractor, body)
    assert _speaker(statement)["name"] == "Northern Liberation Front"
    assert statement["speaker_resolution"] == "pronoun"


def test_they_added_is_the_body_named_before(extractor: Extractor) -> None:
    body = (
        "Prime Minister Omar Haddad opened the new port on Monday.\n\n"
        "The Harbour Workers Union rejected the plan. "
        "“This deal sells out every dock worker in the city,” they added."
    )
    assert _speakers(extractor, body) == ["Harbour Workers Union"]


def test_officials_said_is_a_group_known_by_description(extractor: Extractor) -> None:
    (statement,) = _direct(extractor, "“The situation is calm but tense,” officials said on Tuesday.")
    assert _speaker(statement)["name"] == "officials"
    assert _speaker(statement)["kind"] == "group"
    assert statement["speaker_resolution"] == "description"


def test_title_before_the_name_is_not_the_name(extractor: Extractor) -> None:
    body = (
        "The Harbour Trust will reopen the docks. CEO of the Harbour Trust Maria Lind told reporters: "
        "“We will reopen the docks within a month.”"
    )
    (statement,) = _direct(extractor, body)
    speaker = _speaker(statement)
    assert (speaker["name"], speaker["title"], speaker["organization"]) == (
        "Maria Lind",
        "CEO",
        "Harbour Trust",
    )


def test_a_described_speaker_is_the_one_he_refers_to(extractor: Extractor) -> None:
    body = (
        "Foreign Minister Omar Haddad met the envoy on Monday.\n\n"
        "“We are ready to talk at any time,” a defence ministry spokesman said. "
        "“The border stays closed for now,” he said."
    )
    statements = _direct(extractor, body)
    assert [_speaker(s)["name"] for s in statements] == ["defence ministry spokesman"] * 2
    assert statements[0]["speaker_resolution"] == "description"
    assert _speaker(statements[0])["organization"] == "defence ministry"


def test_a_bodys_spokesmen_are_a_group_of_it(extractor: Extractor) -> None:
    """ "according to Harbour Trust representatives": several people of the body, no one person."""
    body = (
        "The Harbour Trust will reopen the docks. “It is done,” according to Harbour Trust representatives."
    )
    (statement,) = _direct(extractor, body)
    speaker = _speaker(statement)
    assert (speaker["kind"], speaker["title"], speaker["organization"]) == ("group", None, "Harbour Trust")


@pytest.mark.parametrize(
    "headline",
    [
        "Haddad: Talks With Rebels Are ‘Going Nowhere Fast’ in the North.",
        "Haddad: Rebels ‘have given up’ on the northern talks.",
    ],
)
def test_headline_lead_is_the_speaker_not_the_subject(extractor: Extractor, headline: str) -> None:
    body = f"{headline}\n\nOmar Haddad spoke to reporters on Monday in the capital."
    assert _speakers(extractor, body) == ["Omar Haddad"]


def test_transcript_lines_name_their_speaker(extractor: Extractor) -> None:
    body = (
        "Anchor Chris Walden interviewed Governor Maria Lind on Sunday.\n\n"
        '"WALDEN: Let’s start with the news on the budget. Why would the state cut schools?\n\n'
        '"LIND: Well, look, nobody is cutting schools. We are moving money to the classrooms."'
    )
    assert _speakers(extractor, body) == ["Chris Walden", "Maria Lind"]


def test_a_quote_introduced_by_a_colon_is_the_quoted_persons(extractor: Extractor) -> None:
    body = (
        "The book's author quotes the economist Alfred Kahn:\n\n"
        "“I would love to see the trucking cartels broken up, and I say so without apology.”"
    )
    assert _speakers(extractor, body) == ["Alfred Kahn"]


def test_dash_signatures_after_each_quote(extractor: Extractor) -> None:
    body = (
        "Readers told us what they think.\n\n"
        "“The new bridge has changed my daily commute completely.” ― Maria Lind\n"
        "“I still take the ferry because it is cheaper and calmer.” ― Omar Haddad"
    )
    assert _speakers(extractor, body) == ["Maria Lind", "Omar Haddad"]


def test_a_document_speaks_for_its_author(extractor: Extractor) -> None:
    body = (
        "According to a speech Maria Lind delivered in May, the port "
        "“will be the busiest in the region by the end of the decade.”"
    )
    assert _speakers(extractor, body) == ["Maria Lind"]


def test_a_speech_verb_glued_to_a_name_in_the_headline_is_not_the_name(extractor: Extractor) -> None:
    body = (
        "Maria Lind Says Port Will Reopen.\n\n"
        "Maria Lind said the port would reopen soon. “We are nearly there,” she said."
    )
    assert _speakers(extractor, body) == ["Maria Lind"]


def test_continuation_does_not_cross_a_new_person(extractor: Extractor) -> None:
    body = (
        "Activist Maria Lind spoke first. “We will not leave this square until the law changes,” "
        "Lind said.\n\n"
        "Protester Ana Ruiz, 24, carried a hand-painted sign through the crowd.\n\n"
        "“We are not afraid of the police any more.”"
    )
    statements = _direct(extractor, body)
    assert [_speaker(s)["name"] for s in statements] == ["Maria Lind", "Ana Ruiz"]
    assert statements[1]["speaker_resolution"] == "continuation"


def test_a_body_and_its_spokesperson_run_together_are_parted(extractor: Extractor) -> None:
    body = (
        "The Harbour Workers Union called a strike. "
        "Harbour Workers Union Jane Roe said the strike “will go on until the bosses listen.”"
    )
    (statement,) = _direct(extractor, body)
    speaker = _speaker(statement)
    assert (speaker["name"], speaker["organization"]) == ("Jane Roe", "Harbour Workers Union")


def test_a_joint_statement_is_the_group_of_its_signatories(extractor: Extractor) -> None:
    body = (
        "Maria Lind and Omar Haddad said in a joint statement: "
        "“Our two countries will sign the treaty next month.”"
    )
    (statement,) = _direct(extractor, body)
    assert (_speaker(statement)["name"], _speaker(statement)["kind"]) == (
        "Maria Lind and Omar Haddad",
        "group",
    )


def test_a_question_put_to_someone_is_the_askers(extractor: Extractor) -> None:
    asked_by = "Maria Lind was asked by the host Omar Haddad, “Will you run for the Senate next year?”"
    assert _speakers(extractor, asked_by) == ["Omar Haddad"]
    # asked by nobody named: the one asked did not say it
    assert "Maria Lind" not in _speakers(
        extractor, "Maria Lind was asked, “Will you run for the Senate next year?”"
    )


@pytest.mark.parametrize(
    "body",
    [
        "LONDON (Reuters) - Maria Lind said the talks were “very close to a deal” on Monday.",
        "Saturday at the state party convention Sen. Maria Lind said the governor was a “proven failure”.",
        "Later a boy held up a sign and Maria Lind said, “only if nobody minds the noise.”",
        "Maria Lind says dockers are “right to be tired,” but ready for what she calls “a fair deal.”",
    ],
)
def test_the_speaker_is_found_past_datelines_dates_and_other_clauses(extractor: Extractor, body: str) -> None:
    assert {_speaker(s)["name"] for s in _statements(extractor, body)} == {"Maria Lind"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the parse takes the verb for a noun ("answers"), or the name for a verb
        ("“We finished two bridges this year, and nothing else,” Lindqvist answers.", "Lindqvist"),
        ("“Ana wants to look tough on the docks tonight,” Haddad shot back.", "Haddad"),
        # no verb of the lexicon, but the quote is the verb's complement
        (
            "During the first debate, Maria Lind cracked, “I am a builder, but one who gets things done.”",
            "Maria Lind",
        ),
        # a subject the parse lost behind an age or an apposition
        (
            "“We were wrong not to confront him from the start,” Haddad, 58, told the agency on Monday.",
            "Haddad",
        ),
        (
            "In a statement to the paper, her adviser, Jake Sullivan, said: “The mayor values the port.”",
            "Jake Sullivan",
        ),
    ],
)
def test_a_quote_keeps_its_speaker_when_the_parse_slips(
    extractor: Extractor, body: str, speaker: str
) -> None:
    assert _speakers(extractor, body) == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The union launched a radio ad on Monday. The ad's narrator says: "
            "“Every dock worker deserves a fair wage and a safe shift.”",
            "ad",
        ),
        (
            "The mayor received a letter from residents on Friday. The letter reads: "
            "“We have waited three years for the new school and we will not wait any longer.”",
            "letter",
        ),
    ],
)
def test_documents_speak_as_themselves_when_no_author_is_named(
    extractor: Extractor, body: str, speaker: str
) -> None:
    (statement,) = _direct(extractor, body)
    assert (_speaker(statement)["name"], statement["speaker_resolution"]) == (speaker, "description")


def test_the_one_shown_saying_it_is_the_speaker(extractor: Extractor) -> None:
    body = (
        "A new ad from the campaign is out. "
        "The ad uses footage of Maria Lind asking, “Why aren’t I fifty points ahead, you might ask?”"
    )
    assert _speakers(extractor, body) == ["Maria Lind"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "“We reject the report,” a spokesman for Democratic candidate Maria Lind said on Monday.",
            "spokesman for Democratic candidate Maria Lind",
        ),
        (
            "“She is always this careful,” said a longtime adviser to Lindqvist who declined to be named.",
            "longtime adviser to Lindqvist",
        ),
    ],
)
def test_someone_who_serves_a_named_person_is_not_that_person(
    extractor: Extractor, body: str, speaker: str
) -> None:
    (statement,) = _direct(extractor, body)
    assert (_speaker(statement)["name"], statement["speaker_resolution"]) == (speaker, "description")


def test_the_company_said_is_the_company_named_before_it(extractor: Extractor) -> None:
    """The model often tags no entity for a young company's name; "the company" still means it."""
    body = "Valmet Robotics has won a contract to automate a plant in Dresden, the company said yesterday."
    (statement,) = [s for s in _statements(extractor, body) if s["form"] == "indirect"]
    assert _speaker(statement)["name"] == "Valmet Robotics"
    assert _speaker(statement)["kind"] == "organization"


def test_a_bare_title_means_the_holder_the_article_is_about(extractor: Extractor) -> None:
    """ "The president" after "President Ana Ruiz ... said Ms. Ruiz" and a passing mention of another
    country's president is Ruiz: her title survives "Ms." and she is named more often."""
    body = (
        "President Ana Ruiz travels to Lima next week.\n\n"
        "“We will sign the treaty there,” said Ms. Ruiz.\n\n"
        "She will meet Peruvian President Omar Haddad on Monday.\n\n"
        "“The border will stay open to trade and to families,” the president said."
    )
    speakers = _speakers(extractor, body)
    assert speakers[-1] == "Ana Ruiz"


@pytest.mark.parametrize(
    "heading",
    [
        "Her exact words: ",  # the heading and the quote on one line
        "Her exact words:\n",  # on lines of their own, one sentence per line
        "Lena Holt's reply:\n",
    ],
)
def test_a_heading_of_someones_words_introduces_the_quote_below(extractor: Extractor, heading: str) -> None:
    body = (
        "Mayor Lena Holt said on Friday that the city would not buy the old mill.\n"
        f"{heading}“We looked at the books closely.\nThe repairs alone would cost more than the building.”\n"
        "The council meets again next week."
    )
    quoted = [s for s in _direct(extractor, body) if "books" in s["quote"]]
    assert [_speaker(s)["name"] for s in quoted] == ["Lena Holt"]


def test_a_heading_of_words_nobody_owns_introduces_nobody(extractor: Extractor) -> None:
    body = "The mill has stood empty since 1990.\nThe exact words:\n“Nobody will buy it.”\nThat was all."
    assert _speakers(extractor, body) == []


def test_a_body_introduces_a_quote_with_a_colon_after_a_scare_quote(extractor: Extractor) -> None:
    body = (
        'After the storm, the Kestrel Port Authority justified the closure as "necessary" in nature: '
        '"We acted to keep our crews and the public safe from the storm."'
    )
    assert set(_speakers(extractor, body)) == {"Kestrel Port Authority"}


def test_a_letter_on_a_bodys_letterhead_is_that_bodys_words(extractor: Extractor) -> None:
    """ "That letter, on Orvik Holdings letterhead, demanded": not the paper that reviewed the letter."""
    body = (
        "Vexa wrote to the bank and threatened to sue, The Herald learnt from a copy it has seen. "
        'That letter, on Orvik Holdings letterhead, demanded that Lund make "a full public apology" or leave.'
    )
    assert _speakers(extractor, body) == ["Orvik Holdings"]


def test_a_bare_description_is_the_person_an_apposition_described_so(extractor: Extractor) -> None:
    """ "Tom Lund, the Republican candidate, ... Radio host Ana Ruiz asked Lund ... the candidate
    said": the one the article called a candidate, not the last person named."""
    body = (
        "Governor Tom Lund, the Republican candidate, spoke in Ohio on Monday.\n\n"
        'Radio host Ana Ruiz asked Lund about taxes. "We will cut them," the candidate said.'
    )
    assert _speakers(extractor, body) == ["Tom Lund"]


def test_a_demonym_the_model_tags_as_a_body_describes_the_body_that_speaks(extractor: Extractor) -> None:
    """ "The Kazakh government said": the model tags "Kazakh" an organisation; the speaker is the
    government it describes, as for "the Chilean government", not a body called "Kazakh"."""
    result = extractor.extract_one(
        Article(id="t", body="The Kazakh government said it hopes to finish the dry port by May.")
    )
    (statement,) = [e.to_dict() for e in result.events if e.type == "statement"]
    assert [(a["name"], a["kind"]) for a in statement["actors"]] == [("Kazakh government", "organization")]
