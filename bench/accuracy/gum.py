"""Reader for the GUM news documents (TEI-like vertical XML): normalised date spans.

One token per line (tab-separated, the word first), structural and semantic tags on lines of
their own. ``<date when=…>`` gives a normalised date, ``from``/``to`` a closed range and
``notBefore``/``notAfter`` an open or approximate one; ``<text dateCreated=…>`` is the
publication day, used as the base for relative expressions ("yesterday", "Thursday").
``<w>`` groups tokens that are one written word, so they are rebuilt without spaces.

A ``<date>`` that is a whole sentence by itself is the article's dateline ("Friday, August
21, 2015"): it restates the base and is left out, as MEANTIME's creation time is.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.accuracy.detok import detokenize
from bench.accuracy.scoring import DateGold, DateTarget, iso_target, range_target

_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class GumDate:
    """A ``<date>`` element: its attributes, its words, and whether it is the dateline."""

    attrs: dict[str, str]
    text: str
    dateline: bool


@dataclass(frozen=True)
class GumDoc:
    doc_id: str
    created: date | None
    text: str
    dates: list[GumDate]


def _attrs(tag_line: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(tag_line)}


def parse_document(content: str, doc_id: str = "") -> GumDoc:
    """Parse one vertical-format document given as text."""
    words: list[str] = []
    glued: set[int] = set()
    breaks: set[int] = set()
    created: date | None = None
    open_dates: list[tuple[dict[str, str], int]] = []  # attrs, first token
    closed: list[tuple[dict[str, str], int, int]] = []  # attrs, first token, end token (exclusive)
    sentences: list[tuple[int, int]] = []
    sentence_start = 0
    in_word = False
    word_first = True
    for raw in content.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("<"):
            name = re.match(r"</?([\w:-]+)", line)
            tag = name.group(1) if name else ""
            closing = line.startswith("</")
            if tag == "text" and not closing:
                attrs = _attrs(line)
                doc_id = doc_id or attrs.get("id", "")
                if _ISO_DAY.match(attrs.get("dateCreated", "")):
                    created = date.fromisoformat(attrs["dateCreated"])
            elif tag in ("p", "head", "item", "caption") and not closing:
                breaks.add(len(words))
            elif tag == "s":
                if closing:
                    sentences.append((sentence_start, len(words)))
                else:
                    sentence_start = len(words)
            elif tag == "w":
                in_word, word_first = not closing, True
            elif tag == "date":
                if closing and open_dates:
                    attrs, first = open_dates.pop()
                    closed.append((attrs, first, len(words)))
                elif not closing:
                    open_dates.append((_attrs(line), len(words)))
            continue
        if in_word and not word_first:
            glued.add(len(words))
        word_first = False
        words.append(html.unescape(line.split("\t", 1)[0]))
    detok = detokenize(words, line_breaks=breaks, glued=glued)
    whole_sentences = set(sentences)
    dates = [
        GumDate(
            attrs=attrs,
            text=detok.text[detok.spans[first][0] : detok.spans[end - 1][1]] if end > first else "",
            dateline=(first, end) in whole_sentences,
        )
        for attrs, first, end in closed
    ]
    return GumDoc(doc_id=doc_id, created=created, text=detok.text, dates=dates)


def iter_documents(root: Path) -> Iterator[Path]:
    yield from sorted(root.glob("*.xml"))


def _target(attrs: dict[str, str]) -> DateTarget | str:
    """The comparable value of a ``<date>``, or the reason it has none."""
    if "when" in attrs:
        target = iso_target(attrs["when"])
        if target is not None:
            return target
        return "clock time" if "T" in attrs["when"] else "other value format"
    if "from" in attrs and "to" in attrs:
        if _ISO_DAY.match(attrs["from"]) and _ISO_DAY.match(attrs["to"]):
            ranged = range_target(date.fromisoformat(attrs["from"]), date.fromisoformat(attrs["to"]))
            if ranged is not None:
                return ranged
        return "range that is not one calendar year, month or Monday-Sunday week"
    if "notBefore" in attrs or "notAfter" in attrs:
        return "open or approximate interval (notBefore/notAfter)"
    return "date without a value"


def date_gold(doc: GumDoc, skipped: Counter[str]) -> list[DateGold]:
    """Every ``<date>`` whose value the extractor's format can express, except the dateline."""
    out: list[DateGold] = []
    for index, item in enumerate(doc.dates):
        if item.dateline:
            skipped["dateline (publication day, the base itself)"] += 1
            continue
        if not item.text:
            skipped["empty date element"] += 1
            continue
        target = _target(item.attrs)
        if isinstance(target, str):
            skipped[target] += 1
            continue
        out.append(DateGold("gum", f"{doc.doc_id}#{index}", item.text, doc.created, (target,)))
    return out
