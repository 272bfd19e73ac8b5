"""The accuracy benchmark's readers and scoring, on tiny inline samples (no shared data needed).

The benchmark itself (``python -m bench.accuracy``) is a measurement and not part of the
suite; these tests only make sure it reads each corpus format and counts the way its
docstrings say, so a number it prints can be trusted.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest

from bench.accuracy import gum, meantime, recognizers
from bench.accuracy.detok import detokenize, quote_spans
from bench.accuracy.evaluate import PredictedStatement, score_currency, score_dates, score_speakers
from bench.accuracy.scoring import (
    DateGold,
    ItemResult,
    drop_containers,
    iso_target,
    names_match,
    range_target,
    score_spans,
)
from streams.core.model import Amount, DateValue
from streams.core.normalise.money import MoneySpan

# --- detokenisation ---------------------------------------------------------------------------


def test_detokenize_glues_punctuation_and_keeps_offsets() -> None:
    tokens = ["Lee", "said", ":", "``", "We", "do", "n't", "pay", "US$", "5", "(", "£", "4", ")", ".", "''"]
    out = detokenize(tokens)
    assert out.text == "Lee said: “We don't pay US$5 (£4).”"
    for (start, end), form in zip(out.spans, out.forms, strict=True):
        assert out.text[start:end] == form
    assert quote_spans(out.forms) == [(3, 15)]


def test_straight_quotes_alternate_and_line_breaks_reset() -> None:
    out = detokenize(['"', "Hi", '"', "she", "said", '"', "Title"], line_breaks={6})
    assert out.text == "“Hi” she said “\nTitle"
    assert quote_spans(out.forms) == [(0, 2)]


# --- MEANTIME ---------------------------------------------------------------------------------

_WORDS = [
    # sentence 0: headline; 1: dateline; 2: body
    (0, "Widgets"),
    (0, "rise"),
    (1, "May"),
    (1, "5"),
    (1, ","),
    (1, "2010"),
    (2, "``"),
    (2, "Sales"),
    (2, "are"),
    (2, "up"),
    (2, "again"),
    (2, "''"),
    (2, ","),
    (2, "said"),
    (2, "Ann"),
    (2, "Lee"),
    (2, "on"),
    (2, "Tuesday"),
    (2, "of"),
    (2, "#"),
    (2, "3"),
    (2, "million"),
    (2, "."),
]


def _meantime_xml() -> str:
    tokens = "".join(
        f'<token t_id="{i}" sentence="{s}" number="{i - 1}">{w}</token>\n'
        for i, (s, w) in enumerate(_WORDS, 1)
    )

    def anchors(*ids: int) -> str:
        return "".join(f'<token_anchor t_id="{i}"/>' for i in ids)

    return f"""<?xml version="1.0" ?><Document doc_id="7" doc_name="widgets">
{tokens}<Markables>
<TIMEX3 m_id="1" type="DATE" value="2010-05-05" functionInDocument="CREATION_TIME">
{anchors(3, 4, 5, 6)}</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2010-05-04" functionInDocument="NONE">{anchors(18)}</TIMEX3>
<TIMEX3 m_id="3" type="DATE" value="PAST_REF" functionInDocument="NONE">{anchors(11)}</TIMEX3>
<EVENT_MENTION m_id="4">{anchors(14)}</EVENT_MENTION>
<EVENT_MENTION m_id="5">{anchors(10)}</EVENT_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NAM">{anchors(15, 16)}</ENTITY_MENTION>
<VALUE m_id="7" type="MONEY">{anchors(20, 21, 22)}</VALUE>
<EVENT m_id="8" class="SPEECH_COGNITIVE" TAG_DESCRIPTOR="say"/>
<EVENT m_id="9" class="OTHER" TAG_DESCRIPTOR="rise"/>
<ENTITY m_id="10" ent_type="PER" TAG_DESCRIPTOR="Ann B. Lee"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="4"/><target m_id="8"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="5"/><target m_id="9"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="6"/><target m_id="10"/></REFERS_TO>
<HAS_PARTICIPANT r_id="4" sem_role="Arg0"><source m_id="4"/><target m_id="6"/></HAS_PARTICIPANT>
<SLINK r_id="5"><source m_id="4"/><target m_id="5"/></SLINK>
</Relations>
</Document>"""


def test_meantime_text_dct_and_gold() -> None:
    doc = meantime.parse_document(_meantime_xml())
    assert (
        doc.text == "Widgets rise\nMay 5, 2010\n“Sales are up again”, said Ann Lee on Tuesday of £3 million."
    )
    assert doc.dct == date(2010, 5, 5)

    skipped: Counter[str] = Counter()
    [speech] = meantime.speech_gold(doc, skipped)
    assert speech.trigger == "said"
    assert speech.names == ("Ann Lee", "Ann B. Lee")
    assert doc.text[speech.region[0] : speech.region[1]].startswith("“Sales are up again”")

    [money] = meantime.money_gold(doc, skipped)
    assert doc.text[money[0] : money[1]] == "£3 million"

    dates = meantime.date_gold(doc, skipped)
    assert [(d.text, d.base, d.targets) for d in dates] == [
        ("Tuesday", date(2010, 5, 5), (("2010-05-04", "day"),))
    ]
    assert skipped["dateline (document creation time, the base itself)"] == 1
    assert skipped["vague reference (PAST_REF/PRESENT_REF/FUTURE_REF)"] == 1


def test_meantime_reported_speech_is_not_a_direct_quote() -> None:
    xml = _meantime_xml().replace('<SLINK r_id="5"><source m_id="4"/><target m_id="5"/></SLINK>', "")
    xml = xml.replace(">``<", ">the<").replace(">''<", ">news<")  # no quotation marks left
    skipped: Counter[str] = Counter()
    assert meantime.speech_gold(meantime.parse_document(xml), skipped) == []
    assert skipped == Counter({"not direct: no quotation in the sentence": 1})


# --- GUM --------------------------------------------------------------------------------------

_GUM = """<text id="GUM_news_tiny" dateCreated="2015-08-21" title="Tiny">
<head>
<s type="frag">
<date when="2015-08-21">
Friday\tNP
,\t,
August\tNP
21\tCD
</date>
</s>
</head>
<p>
<s type="decl">
<w>
Quasi\tJJ
-\tHYPH
war\tNN
</w>
began\tVVD
<date when="2015-08-20">
yesterday\tNN
</date>
and\tCC
<date from="2015-08-10" to="2015-08-16">
last\tJJ
week\tNN
</date>
,\t,
<date notBefore="2004" notAfter="2015">
years\tNNS
</date>
.\t.
</s>
</p>
</text>
"""


def test_gum_dates() -> None:
    doc = gum.parse_document(_GUM)
    assert doc.created == date(2015, 8, 21)
    assert "Quasi-war began yesterday and last week, years." in doc.text
    skipped: Counter[str] = Counter()
    gold = gum.date_gold(doc, skipped)
    assert [(g.text, g.targets) for g in gold] == [
        ("yesterday", (("2015-08-20", "day"),)),
        ("last week", (("2015-08-10", "week"),)),
    ]
    assert skipped == Counter(
        {
            "dateline (publication day, the base itself)": 1,
            "open or approximate interval (notBefore/notAfter)": 1,
        }
    )


# --- Recognizers-Text -------------------------------------------------------------------------


def _result(text: str, start: int, type_name: str, values: list[dict[str, str]]) -> dict[str, object]:
    return {
        "Text": text.lower(),
        "Start": start,
        "End": start + len(text) - 1,
        "TypeName": type_name,
        "Resolution": {"values": values},
    }


def test_recognizers_dates() -> None:
    ref = {"ReferenceDateTime": "2016-11-07T00:00:00"}
    cases: list[dict[str, Any]] = [
        {
            "Input": "See you Friday",
            "Context": ref,
            "Results": [
                _result(
                    "Friday",
                    8,
                    "datetimeV2.date",
                    [
                        {"timex": "XXXX-WXX-5", "type": "date", "value": "2016-11-04"},
                        {"timex": "XXXX-WXX-5", "type": "date", "value": "2016-11-11"},
                    ],
                )
            ],
        },
        {
            "Input": "in May",
            "Context": ref,
            "Results": [
                _result(
                    "May",
                    3,
                    "datetimeV2.daterange",
                    [{"timex": "XXXX-05", "type": "daterange", "start": "2016-05-01", "end": "2016-06-01"}],
                )
            ],
        },
        {
            "Input": "next 3 days",
            "Context": ref,
            "Results": [
                _result(
                    "next 3 days",
                    0,
                    "datetimeV2.daterange",
                    [{"timex": "(x)", "type": "daterange", "start": "2016-11-08", "end": "2016-11-11"}],
                )
            ],
        },
        {"Input": "at 5pm", "Context": ref, "Results": [_result("5pm", 3, "datetimeV2.time", [])]},
        {"Input": "nothing here", "Context": ref, "Results": []},
    ]
    skipped: Counter[str] = Counter()
    gold = recognizers.date_gold(cases, skipped)
    assert [(g.source, g.text, g.targets) for g in gold] == [
        ("recognizers-date", "Friday", (("2016-11-04", "day"), ("2016-11-11", "day"))),
        ("recognizers-daterange", "May", (("2016-05", "month"),)),
    ]
    assert skipped == Counter(
        {
            "daterange: range that is not one calendar year, month or Monday-Sunday week": 1,
            "not a date type (time)": 1,
            "negative case (a span normaliser is not a date detector)": 1,
        }
    )


def _money(text: str, start: int, value: str | None, unit: str, iso: str | None = None) -> dict[str, object]:
    resolution: dict[str, object] = {"value": value, "unit": unit}
    if iso:
        resolution["isoCurrency"] = iso
    return {
        "Text": text,
        "Start": start,
        "End": start + len(text) - 1,
        "TypeName": "currency",
        "Resolution": resolution,
    }


def test_recognizers_currency_and_scoring() -> None:
    cases: list[dict[str, Any]] = [
        {"Input": "paid $5 million and 20 cents", "Results": [_money("$5 million", 5, "5000000", "Dollar")]},
        {"Input": "costs C$3", "Results": [_money("C$3", 6, "3", "Canadian dollar", "CAD")]},
        {"Input": "just 12 cents", "Results": [_money("12 cents", 5, "12", "Cent")]},
        {"Input": "the dollar fell", "Results": [_money("dollar", 4, None, "Dollar")]},
        {"Input": "All 70 of us", "Results": []},
    ]
    skipped: Counter[str] = Counter()
    parsed = recognizers.currency_cases(cases, skipped)
    assert skipped == Counter({"currency name without an amount (neither expected nor penalised)": 1})
    assert parsed[1].amounts[0].currencies == frozenset({"CAD"})

    def finder(text: str) -> list[MoneySpan]:
        """A stand-in for find_money with known answers, so the counts below never drift."""
        answers = {
            "paid $5 million and 20 cents": [MoneySpan(5, 15, Amount("$5 million", 5e6, "USD"))],
            "costs C$3": [MoneySpan(6, 9, Amount("C$3", 3.0, "USD"))],  # wrong currency
            "the dollar fell": [MoneySpan(4, 10, Amount("dollar", 1.0, "USD"))],  # ignored
            "All 70 of us": [MoneySpan(4, 6, Amount("70", 70.0, "USD"))],  # false alarm
        }
        return answers.get(text, [])

    spans = ItemResult("money spans", "test")
    norm = ItemResult("money value+currency", "test")
    score_currency(parsed, finder, spans, norm)
    assert spans.score is not None and norm.accuracy is not None
    assert (spans.score.gold, spans.score.predicted, spans.score.correct_predicted) == (3, 3, 2)
    assert spans.score.correct_gold == 2  # "12 cents" missed
    assert (norm.accuracy.total, norm.accuracy.correct) == (2, 1)


# --- scoring ----------------------------------------------------------------------------------


def test_span_scoring_counts_each_side() -> None:
    score = score_spans(gold=[(0, 10), (20, 30)], predicted=[(2, 4), (5, 8), (40, 45)])
    assert (score.gold, score.predicted, score.correct_predicted, score.correct_gold) == (2, 3, 2, 1)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(1 / 2)
    assert drop_containers([(0, 30), (0, 10), (15, 30)]) == ([(0, 10), (15, 30)], [(0, 30)])


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Steve Jobs", ["Apple CEO Steve Jobs"], True),
        ("Jobs", ["Steve Jobs"], True),
        ("GM", ["General Motors"], True),
        ("General Motors", ["GM"], True),
        ("Tim Cook", ["Steve Jobs"], False),
        ("the company", ["the company"], False),  # nothing but stopwords: no evidence either way
    ],
)
def test_names_match(predicted: str, gold: list[str], expected: bool) -> None:
    assert names_match(predicted, gold) is expected


def test_date_targets() -> None:
    assert iso_target("2009-W23") == ("2009-06-01", "week")
    assert iso_target("2009-06") == ("2009-06", "month")
    assert iso_target("2009-Q2") is None
    assert range_target(date(2015, 9, 14), date(2015, 9, 20)) == ("2015-09-14", "week")
    assert range_target(date(2016, 2, 1), date(2016, 2, 29)) == ("2016-02", "month")
    assert range_target(date(2015, 9, 19), date(2015, 9, 20)) is None  # a weekend


def test_score_dates_compares_value_and_precision() -> None:
    gold = [
        DateGold("t", "1", "this week", date(2009, 6, 3), (("2009-06-01", "week"),)),
        DateGold("t", "2", "Monday", date(2009, 6, 3), (("2009-06-01", "day"),)),
        DateGold("t", "3", "the day", date(2009, 6, 3), (("2009-06-03", "day"),)),
    ]

    def normalise(text: str, base: date | None) -> DateValue | None:
        return None if text == "the day" else DateValue(text, "2009-06-01", "week")

    result = ItemResult("dates", "test")
    score = score_dates(gold, normalise, result)
    assert (score.gold, score.predicted, score.correct_gold) == (3, 2, 1)
    assert result.notes == ["errors: no value 1, other granularity 1"]


def test_score_speakers() -> None:
    gold = [
        meantime.SpeechGold("d", "1", "said", (0, 50), "he", ("he", "Ann Lee")),
        meantime.SpeechGold("d", "2", "told", (60, 90), "Bo Kim", ("Bo Kim",)),
        meantime.SpeechGold("d", "3", "added", (100, 120), "Cy Dee", ("Cy Dee",)),
    ]
    predicted = [
        PredictedStatement("d", "e1", (10, 55), "Ann Lee", "q"),
        PredictedStatement("d", "e2", (60, 90), "Ann Lee", "q"),  # wrong speaker
        PredictedStatement("d", "e3", (200, 220), "Zed", "q"),  # not on a gold sentence: not scored
    ]
    score = score_speakers(gold, predicted)
    assert (score.gold, score.predicted, score.correct_predicted, score.correct_gold) == (3, 2, 1, 1)
