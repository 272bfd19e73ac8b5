"""bench.stories: gold chains, vouched sentences, mapping by trigger and the scores, on made-up
ECB+ documents and hand-made events (no spaCy)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bench.ecbplus import parse_document
from bench.ecbplus_gold import read_gold_mentions
from bench.stories import (
    SENTENCES_CSV,
    Corpus,
    find_sentences_csv,
    main,
    map_events,
    read_corpus,
    read_vouched,
    run_stories,
    score,
    score_by_type,
    summary_line,
)


def _tokens(sentences: list[list[str]], first_sentence: int) -> str:
    lines, t_id = [], 0
    for number, words in enumerate(sentences, start=first_sentence):
        for position, word in enumerate(words):
            t_id += 1
            lines.append(f'<token t_id="{t_id}" sentence="{number}" number="{position}">{word}</token>')
    return "\n".join(lines)


def _markable(tag: str, m_id: int, *t_ids: int, **attrs: str) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in t_ids)
    return f'<{tag} m_id="{m_id}"{extra}>{anchors}</{tag}>'


def _relation(tag: str, r_id: int, sources: list[int], target: int, note: str | None = None) -> str:
    note_attr = f' note="{note}"' if note else ""
    body = "".join(f'<source m_id="{s}"/>' for s in sources) + f'<target m_id="{target}"/>'
    return f'<{tag} r_id="{r_id}"{note_attr}>{body}</{tag}>'


def _document(name: str, tokens: str, markables: list[str], relations: list[str]) -> str:
    return (
        f'<Document doc_name="{name}" doc_id="{name}">\n{tokens}\n'
        f"<Markables>{''.join(markables)}</Markables>\n<Relations>{''.join(relations)}</Relations>\n</Document>\n"
    )


# 7_1ecbplus: sentence 0 is the URL; 1 "Acme buys Widgetco ." (t2-t5); 2 "The purchase closed ." (t6-t9);
# 3 "Analysts said the deal was cheap ." (t10-t16), not vouched below.
DOC_A = _document(
    "7_1ecbplus.xml",
    _tokens(
        [
            ["http://example.org/acme"],
            ["Acme", "buys", "Widgetco", "."],
            ["The", "purchase", "closed", "."],
            ["Analysts", "said", "the", "deal", "was", "cheap", "."],
        ],
        0,
    ),
    [
        _markable("ACTION_OCCURRENCE", 1, 3),  # buys: the takeover, told in both documents
        _markable("ACTION_OCCURRENCE", 2, 8),  # closed
        _markable("ACTION_OCCURRENCE", 3, 13),  # deal: the same closing, in this document only
        _markable("ACTION_REPORTING", 4, 11),  # said: a singleton
        _markable("HUMAN_PART_ORG", 5, 2),  # Acme: not an event
        _markable("NEG_ACTION_STATE", 6, 15),  # cheap: a singleton
        _markable("ACTION_OCCURRENCE", 90, instance_id="ACT_BUY", TAG_DESCRIPTOR="acme buys widgetco"),
        _markable("ACTION_OCCURRENCE", 91, TAG_DESCRIPTOR="the closing"),
    ],
    [
        _relation("CROSS_DOC_COREF", 1, [1], 90, note="ACT_BUY"),
        _relation("INTRA_DOC_COREF", 2, [2, 3], 91),
    ],
)
# 7_2ecb: sentence 0 "Widgetco was bought by Acme ." (t1-t6); 1 "Acme said little ." (t7-t10).
DOC_B = _document(
    "7_2ecb.xml",
    _tokens([["Widgetco", "was", "bought", "by", "Acme", "."], ["Acme", "said", "little", "."]], 0),
    [
        _markable("ACTION_OCCURRENCE", 1, 3),
        _markable("ACTION_REPORTING", 2, 8),
        _markable("ACTION_OCCURRENCE", 90, instance_id="ACT_BUY", TAG_DESCRIPTOR="acme buys widgetco"),
    ],
    [_relation("CROSS_DOC_COREF", 1, [1], 90, note="ACT_BUY")],
)
VOUCHED_CSV = "Topic,File,Sentence Number\n7,1ecbplus,1\n7,1ecbplus,2\n7,2ecb,0\n7,2ecb,1\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A folder in the ECB+ layout, with the vouched-sentence list beside it."""
    root = tmp_path / "ECB+"
    (root / "7").mkdir(parents=True)
    (root / "7" / "7_1ecbplus.xml").write_text(DOC_A, encoding="utf-8")
    (root / "7" / "7_2ecb.xml").write_text(DOC_B, encoding="utf-8")
    (tmp_path / SENTENCES_CSV).write_text(VOUCHED_CSV, encoding="utf-8")
    return root


def test_gold_chains_cross_document_intra_document_and_singletons(data: Path) -> None:
    a = {m.m_id: m for m in read_gold_mentions(data / "7" / "7_1ecbplus.xml")}
    b = {m.m_id: m for m in read_gold_mentions(data / "7" / "7_2ecb.xml")}
    assert sorted(a) == ["1", "2", "3", "4", "6"]  # anchored event markables only
    assert a["1"].chain == b["1"].chain == "cross:ACT_BUY"
    assert a["2"].chain == a["3"].chain != a["1"].chain
    assert len({a["4"].chain, a["6"].chain, b["2"].chain, a["1"].chain, a["2"].chain}) == 5
    assert a["1"].token_ids == frozenset({"3"})


def test_the_sentence_list_is_found_beside_or_inside_the_folder_or_given(data: Path, tmp_path: Path) -> None:
    assert find_sentences_csv(data, None) == tmp_path / SENTENCES_CSV
    assert find_sentences_csv(data, "none") is None
    assert find_sentences_csv(data, "other.csv") == Path("other.csv")
    (tmp_path / SENTENCES_CSV).rename(data / SENTENCES_CSV)
    assert find_sentences_csv(data, None) == data / SENTENCES_CSV
    (data / SENTENCES_CSV).unlink()
    assert find_sentences_csv(data, None) is None


def test_read_vouched_names_files_as_topic_and_file(data: Path) -> None:
    vouched = read_vouched(data.parent / SENTENCES_CSV)
    assert ("7_1ecbplus.xml", 2) in vouched and ("7_2ecb.xml", 0) in vouched
    assert ("7_1ecbplus.xml", 3) not in vouched


def test_only_mentions_in_vouched_sentences_are_gold(data: Path) -> None:
    every = read_corpus(data, None)
    vouched = read_corpus(data, read_vouched(data.parent / SENTENCES_CSV))
    assert list(every.documents) == ["ecbplus:7_1ecbplus", "ecbplus:7_2ecb"]
    assert sorted(m.m_id for m in every.gold["ecbplus:7_1ecbplus"]) == ["1", "2", "3", "4", "6"]
    assert sorted(m.m_id for m in vouched.gold["ecbplus:7_1ecbplus"]) == ["1", "2"]
    assert sorted(m.m_id for m in vouched.gold["ecbplus:7_2ecb"]) == ["1", "2"]


def _span(data: Path, name: str, word: str, occurrence: int = 0) -> dict[str, int]:
    body = parse_document(data / "7" / name).body
    starts = [m.start() for m in re.finditer(re.escape(word), body)]
    return {"start": starts[occurrence], "end": starts[occurrence] + len(word)}


def _event(event_id: str, article: str, span: dict[str, int] | None, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "event_id": event_id,
        "type": "agreement",
        "article_id": f"ecbplus:{article}",
        "source": "ecbplus",
        "published_at": None,
        "actors": [{"name": "Acme", "kind": "organization"}, {"name": "Widgetco", "kind": "organization"}],
        "evidence": {"sentence": "made up", "start": 0, "end": 7},
        "confidence": 0.8,
        "trigger_lemma": "buy",
        "amounts": [],
    }
    if span is not None:
        record["trigger_span"] = span
    record.update(fields)
    return record


def _events(data: Path) -> list[dict[str, Any]]:
    return [
        _event("buys", "7_1ecbplus", _span(data, "7_1ecbplus.xml", "buys Widgetco")),
        _event("bought", "7_2ecb", _span(data, "7_2ecb.xml", "bought")),
        _event(
            "closed", "7_1ecbplus", _span(data, "7_1ecbplus.xml", "closed"), actors=[], trigger_lemma="close"
        ),
        _event("no-span", "7_1ecbplus", None),
        _event("on-a-name", "7_1ecbplus", _span(data, "7_1ecbplus.xml", "Acme")),
        _event(
            "said",
            "7_1ecbplus",
            _span(data, "7_1ecbplus.xml", "said"),
            type="statement",
            actors=[{"name": "Analysts", "kind": "group"}],
            content="the deal was cheap",
        ),
    ]


def test_events_map_to_the_gold_mention_their_trigger_overlaps(data: Path) -> None:
    corpus = read_corpus(data, read_vouched(data.parent / SENTENCES_CSV))
    stranger = _event("elsewhere", "9_9ecb", {"start": 0, "end": 4})
    mapped = map_events([*_events(data), stranger], corpus)
    assert {e: (m.document, m.m_id) for e, m in mapped.items()} == {
        "buys": ("7_1ecbplus.xml", "1"),
        "bought": ("7_2ecb.xml", "1"),
        "closed": ("7_1ecbplus.xml", "2"),
    }
    everything = map_events(_events(data), read_corpus(data, None))
    assert everything["said"].m_id == "4"


def test_scores_perfect_singletons_and_all_in_one() -> None:
    items = ["a", "b", "c", "d"]
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    perfect = score(items, gold, gold)
    assert (perfect.conll, perfect.b3, perfect.pair_p, perfect.pair_r, perfect.pair_f) == (
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
    )
    alone = score(items, gold, {i: i for i in items})
    assert (alone.pair_p, alone.pair_r, alone.pair_f, alone.muc) == (0.0, 0.0, 0.0, 0.0)
    assert alone.conll < 1.0
    one = score(items, gold, dict.fromkeys(items, "s"))
    assert one.pair_r == 1.0 and one.pair_p == pytest.approx(3 / 6)


def test_pairwise_scores_count_pairs() -> None:
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    response = {"a": "1", "b": "1", "c": "2", "d": "2"}
    scores = score(list(gold), gold, response)
    assert scores.pair_p == 0.5 and scores.pair_r == pytest.approx(1 / 3)
    assert scores.pair_f == pytest.approx(0.4)
    assert score([], gold, response).conll == 0.0


def test_run_stories_and_score_by_type(data: Path) -> None:
    corpus: Corpus = read_corpus(data, read_vouched(data.parent / SENTENCES_CSV))
    events = _events(data)
    story_of = run_stories(events)
    assert story_of["buys"] == story_of["bought"] != story_of["closed"]
    scores = score_by_type(events, map_events(events, corpus), story_of)
    assert (scores["all"].items, scores["agreement"].items, scores["statement"].items) == (3, 3, 0)
    assert scores["all"].conll == 1.0


def test_summary_line_format() -> None:
    gold = {"a": "x", "b": "x"}
    line = summary_line(score(["a", "b"], gold, gold), 5)
    assert line == "stories: CoNLL F1=1.00 pairwise P=1.00 R=1.00 F1=1.00 B3 F1=1.00 mapped=2 unmapped=5"


def _write_events(path: Path, events: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


def test_main_scores_cached_events_and_ends_with_the_summary(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = _write_events(tmp_path / "events.jsonl", _events(data))
    assert main(["--data", str(data), "--events", str(cache)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "sentences listed in" in out[0]
    assert out[-1] == "stories: CoNLL F1=1.00 pairwise P=1.00 R=1.00 F1=1.00 B3 F1=1.00 mapped=3 unmapped=3"
    assert main(["--data", str(data), "--events", str(cache), "--sentences", "none"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "every sentence" in out[0]
    assert out[-1].endswith("mapped=4 unmapped=2")


def test_main_refuses_a_cache_of_other_articles(data: Path, tmp_path: Path) -> None:
    cache = _write_events(tmp_path / "events.jsonl", [_event("x", "9_9ecb", None)])
    with pytest.raises(SystemExit):
        main(["--data", str(data), "--events", str(cache)])
