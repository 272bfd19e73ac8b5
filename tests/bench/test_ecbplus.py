"""bench.ecbplus: ECB+ documents become articles whose characters map back to token ids."""

from __future__ import annotations

from pathlib import Path

from bench.ecbplus import iter_documents, parse_document

# A made-up document in the ECB+ layout: sentence 0 of an *ecbplus* file is the source URL.
DOCUMENT = """<Document doc_name="99_1ecbplus.xml" doc_id="DOC1">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">//example.org/a</token>
<token t_id="4" sentence="1" number="0">Acme</token>
<token t_id="5" sentence="1" number="1">buys</token>
<token t_id="6" sentence="1" number="2">Widgetco</token>
<token t_id="7" sentence="2" number="0">The</token>
<token t_id="8" sentence="2" number="1">deal</token>
<token t_id="9" sentence="2" number="2">closed</token>
<token t_id="10" sentence="2" number="3">.</token>
<Markables/><Relations/>
</Document>
"""


def _write(tmp_path: Path, name: str) -> Path:
    path = tmp_path / "99" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(DOCUMENT.replace("99_1ecbplus.xml", name), encoding="utf-8")
    return path


def test_the_url_sentence_leaves_the_body_and_each_sentence_is_a_line(tmp_path: Path) -> None:
    doc = parse_document(_write(tmp_path, "99_1ecbplus.xml"))
    assert doc.url == "http://example.org/a"
    assert doc.body == "Acme buys Widgetco\nThe deal closed."
    article = doc.to_article()
    assert (article["id"], article["title"], article["published_at"]) == (
        "ecbplus:99_1ecbplus",
        "Acme buys Widgetco",
        None,
    )


def test_a_character_span_maps_back_to_its_token_ids(tmp_path: Path) -> None:
    doc = parse_document(_write(tmp_path, "99_1ecbplus.xml"))
    start = doc.body.index("deal")
    assert doc.token_ids_in(start, start + len("deal")) == ["8"]
    assert doc.token_ids_in(0, len("Acme buys")) == ["4", "5"]


def test_an_ecb_file_keeps_its_first_sentence(tmp_path: Path) -> None:
    doc = parse_document(_write(tmp_path, "99_2ecb.xml"))
    assert doc.url is None
    assert doc.body.startswith("http")


def test_documents_come_in_file_name_order_whatever_the_topic(tmp_path: Path) -> None:
    for name in ("99_2ecb.xml", "99_10ecbplus.xml", "99_1ecbplus.xml"):
        _write(tmp_path, name)
    assert [p.name for p in iter_documents(tmp_path)] == [
        "99_10ecbplus.xml",
        "99_1ecbplus.xml",
        "99_2ecb.xml",
    ]
