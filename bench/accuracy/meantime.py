"""Reader for NewsReader MEANTIME (English, CAT XML): text, speech events, money and dates.

Each document is a list of whitespace-split tokens (with a sentence number) plus stand-off
markables anchored to token ids and relations between markables. This module rebuilds the
text (headline and dateline on lines of their own, the body as one paragraph since the
corpus keeps no paragraph breaks) and turns the annotation into gold cases:

* speech events with a direct quotation and a named Arg0 (speaker attribution);
* VALUE type=MONEY spans (money detection; MEANTIME gives no normalised amount);
* TIMEX3 type=DATE values, with the document creation time as the base (date normalisation).

Only the headline, the dateline and the first sentences of each article are annotated in
full (every TIMEX3 and VALUE lies in sentences 0-5, with one article reaching sentence 6);
later sentences carry only some cross-document event links. Money is therefore scored
inside that region only, so that amounts nobody annotated do not count as false alarms.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bench.accuracy.detok import Detokenized, detokenize, quote_spans
from bench.accuracy.scoring import DateGold, Span, drop_containers, iso_target, name_tokens, overlaps

#: Last sentence index annotated in full, unless a document's TIMEX3/VALUE markables go further.
FULLY_ANNOTATED_SENTENCES = 5
SPEECH_CLASS = "SPEECH_COGNITIVE"
#: Sentence 0 is the headline and sentence 1 the dateline in every document.
DATELINE_SENTENCE = 1
#: Fewest words for a quotation to count as reported speech; the extractor marks shorter
#: quotes as partial by the same threshold.
MIN_QUOTE_WORDS = 4


@dataclass(frozen=True)
class Markable:
    """A markable: its tag, attributes and the token indices it is anchored to (may be none)."""

    m_id: str
    tag: str
    attrs: dict[str, str]
    tokens: tuple[int, ...]


@dataclass(frozen=True)
class Relation:
    tag: str
    attrs: dict[str, str]
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass
class MeantimeDoc:
    """One article: rebuilt text, token offsets, markables and relations by id."""

    doc_id: str
    name: str
    dct: date
    detok: Detokenized
    sentence_of: list[int]
    markables: dict[str, Markable]
    relations: list[Relation]
    instance_of: dict[str, str] = field(default_factory=dict)  # mention m_id -> instance m_id

    @property
    def text(self) -> str:
        return self.detok.text

    def span_of(self, markable: Markable) -> Span:
        return self.detok.char_span(min(markable.tokens), max(markable.tokens))

    def words(self, markable: Markable) -> str:
        start, end = self.span_of(markable)
        return self.text[start:end]

    def sentence_span(self, sentence: int) -> Span:
        indices = [i for i, s in enumerate(self.sentence_of) if s == sentence]
        return self.detok.char_span(indices[0], indices[-1])

    def annotated_end(self) -> int:
        """Character offset where the fully annotated region ends."""
        last = FULLY_ANNOTATED_SENTENCES
        for m in self.markables.values():
            if m.tag in ("TIMEX3", "VALUE") and m.tokens:
                last = max(last, self.sentence_of[max(m.tokens)])
        indices = [i for i, s in enumerate(self.sentence_of) if s <= last]
        return self.detok.spans[indices[-1]][1]

    def instance(self, mention_id: str) -> Markable | None:
        instance_id = self.instance_of.get(mention_id)
        return self.markables.get(instance_id) if instance_id else None


def _fix_token(token: str, following: str | None) -> str:
    """Undo the corpus's known encoding slip: a pound sign stored as ``#`` before a number."""
    if token == "#" and following is not None and following[:1].isdigit():
        return "\u00a3"
    return token


def _parse_dct(value: str) -> date | None:
    """The creation time is ISO except in one document, which writes DD-MM-YYYY."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _is_dateline(markable: Markable, sentence_of: list[int]) -> bool:
    """The creation time: flagged CREATION_TIME, or (in one document) just the TIMEX3 on line 2."""
    if markable.attrs.get("functionInDocument") == "CREATION_TIME":
        return True
    return bool(markable.tokens) and all(sentence_of[t] == DATELINE_SENTENCE for t in markable.tokens)


def parse_document(source: str | Path) -> MeantimeDoc:
    """Parse one CAT XML file (a path, or the XML text itself when it starts with ``<``)."""
    if isinstance(source, str) and source.lstrip().startswith("<"):
        root = ET.fromstring(source)
    else:
        root = ET.parse(source).getroot()
    raw = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    index_of = {t_id: i for i, (t_id, _, _) in enumerate(raw)}
    texts = [
        _fix_token(text, raw[i + 1][2] if i + 1 < len(raw) else None) for i, (_, _, text) in enumerate(raw)
    ]
    sentence_of = [s for _, s, _ in raw]
    # headline (sentence 0) and dateline (sentence 1) are lines of their own
    breaks = {
        i
        for i in range(1, len(raw))
        if sentence_of[i] != sentence_of[i - 1] and sentence_of[i] <= DATELINE_SENTENCE + 1
    }
    detok = detokenize(texts, line_breaks=breaks)

    markables: dict[str, Markable] = {}
    for element in root.findall("./Markables/*"):
        m_id = element.get("m_id", "")
        anchors = [
            index_of[a.get("t_id", "")] for a in element.iter("token_anchor") if a.get("t_id") in index_of
        ]
        markables[m_id] = Markable(m_id, element.tag, dict(element.attrib), tuple(sorted(anchors)))
    relations = [
        Relation(
            tag=element.tag,
            attrs=dict(element.attrib),
            sources=tuple(s.get("m_id", "") for s in element.findall("source")),
            targets=tuple(t.get("m_id", "") for t in element.findall("target")),
        )
        for element in root.findall("./Relations/*")
    ]
    dct: date | None = None
    for m in markables.values():
        if m.tag == "TIMEX3" and _is_dateline(m, sentence_of):
            dct = _parse_dct(m.attrs.get("value", "")) or dct
    if dct is None:
        raise ValueError(f"MEANTIME document {root.get('doc_id')}: no usable document creation time")
    doc = MeantimeDoc(
        doc_id=root.get("doc_id", ""),
        name=root.get("doc_name", ""),
        dct=dct,
        detok=detok,
        sentence_of=sentence_of,
        markables=markables,
        relations=relations,
    )
    for rel in relations:
        if rel.tag == "REFERS_TO" and rel.targets:
            for mention_id in rel.sources:
                doc.instance_of[mention_id] = rel.targets[0]
    return doc


def iter_documents(root: Path) -> Iterator[Path]:
    """The corpus's XML files in a stable order (sub-corpus, then file name)."""
    yield from sorted(root.glob("*/*.xml"))


# --- speaker attribution -----------------------------------------------------------------


@dataclass(frozen=True)
class SpeechGold:
    """A speech event introducing a direct quotation, with who said it."""

    doc_id: str
    mention_id: str
    trigger: str
    region: Span  # the event's sentence plus the quotation(s) it introduces
    speaker: str  # the Arg0 mention's words
    names: tuple[str, ...]  # every name the speaker goes by in the document


def _speaker_names(doc: MeantimeDoc, mention: Markable) -> list[str]:
    """The Arg0 mention's words, its instance's name and the instance's other proper-name mentions.

    A pronoun Arg0 ("he said") is resolved through the corpus's own coreference, so the
    extractor is credited for resolving it to the right person.
    """
    names = [doc.words(mention)] if mention.tokens else []
    instance = doc.instance(mention.m_id)
    if instance is not None:
        names.append(instance.attrs.get("TAG_DESCRIPTOR", ""))
        for other_id, instance_id in doc.instance_of.items():
            other = doc.markables.get(other_id)
            if (
                instance_id == instance.m_id
                and other is not None
                and other.tokens
                and "NAM" in other.attrs.get("syntactic_type", "")
            ):
                names.append(doc.words(other))
    return list(dict.fromkeys(n for n in names if n))


def speech_gold(doc: MeantimeDoc, skipped: Counter[str]) -> list[SpeechGold]:
    """Gold for speaker attribution; every speech mention not used is counted in ``skipped``.

    MEANTIME marks speech events and their Arg0 but not quotation spans, so a speech event
    counts as introducing a direct quote when the event it reports (its SLINK target) lies
    inside quotation marks (any part of it, so "his intent was not to “perpetuate …”"
    counts), or, for events without an SLINK, when its sentence contains a quotation. The
    speech word itself must lie outside the quotation (a "said" inside a quote belongs to
    the quoted text), and the quotation must have at least ``MIN_QUOTE_WORDS`` words:
    shorter quoted phrases are names and scare quotes ("a plan for “New GM”", "the plan,
    called “Way Forward”"), not reported speech.
    """
    quote_tokens = quote_spans(doc.detok.forms)
    quotes = [doc.detok.char_span(a, b) for a, b in quote_tokens]
    words = {
        q: sum(1 for f in doc.detok.forms[a + 1 : b] if any(c.isalnum() for c in f))
        for q, (a, b) in zip(quotes, quote_tokens, strict=True)
    }
    slinks: dict[str, list[str]] = {}
    arg0: dict[str, list[str]] = {}
    for rel in doc.relations:
        for source in rel.sources:
            if rel.tag == "SLINK":
                slinks.setdefault(source, []).extend(rel.targets)
            elif rel.tag == "HAS_PARTICIPANT" and rel.attrs.get("sem_role") == "Arg0":
                arg0.setdefault(source, []).extend(rel.targets)
    gold: list[SpeechGold] = []
    for mention in doc.markables.values():
        if mention.tag != "EVENT_MENTION":
            continue
        instance = doc.instance(mention.m_id)
        if instance is None or instance.attrs.get("class") != SPEECH_CLASS:
            continue
        if not mention.tokens:
            skipped["speech event without a text anchor"] += 1
            continue
        first = mention.tokens[0]
        if any(a <= first <= b for a, b in quote_tokens):
            skipped["not direct: speech word inside a quotation"] += 1
            continue
        sentence = doc.sentence_of[first]
        sent_span = doc.sentence_span(sentence)
        targets = [doc.markables[t] for t in slinks.get(mention.m_id, []) if t in doc.markables]
        if targets:
            anchored = [doc.span_of(t) for t in targets if t.tokens]
            linked = [q for q in quotes if any(overlaps(q, s) for s in anchored)]
            if not linked:
                skipped["not direct: reported content outside quotation marks"] += 1
                continue
        else:
            linked = [q for q in quotes if overlaps(q, sent_span)]
            if not linked:
                skipped["not direct: no quotation in the sentence"] += 1
                continue
        linked = [q for q in linked if words[q] >= MIN_QUOTE_WORDS]
        if not linked:
            skipped[f"not direct: quoted phrase under {MIN_QUOTE_WORDS} words (name or scare quote)"] += 1
            continue
        speakers = [doc.markables[t] for t in arg0.get(mention.m_id, []) if t in doc.markables]
        if not speakers:
            skipped["direct quote without an Arg0 speaker"] += 1
            continue
        names = [n for s in speakers for n in _speaker_names(doc, s)]
        if not any(name_tokens(n) for n in names):
            skipped["Arg0 has no name (unlinked pronoun or description)"] += 1
            continue
        region = (min(sent_span[0], *(q[0] for q in linked)), max(sent_span[1], *(q[1] for q in linked)))
        gold.append(
            SpeechGold(
                doc_id=doc.doc_id,
                mention_id=mention.m_id,
                trigger=doc.words(mention),
                region=region,
                speaker=" / ".join(doc.words(s) for s in speakers if s.tokens),
                names=tuple(dict.fromkeys(names)),
            )
        )
    return gold


# --- money ---------------------------------------------------------------------------------


def money_gold(doc: MeantimeDoc, skipped: Counter[str]) -> list[Span]:
    """VALUE type=MONEY spans; spans wrapping other money spans are left to their parts."""
    spans: list[Span] = []
    for m in doc.markables.values():
        if m.tag == "VALUE" and m.attrs.get("type") == "MONEY":
            if not m.tokens:
                skipped["money value without a text anchor"] += 1
                continue
            spans.append(doc.span_of(m))
    kept, dropped = drop_containers(sorted(set(spans)))
    skipped["span wrapping other money spans (scored through its parts)"] += len(dropped)
    skipped["duplicate money span"] += len(spans) - len(set(spans))
    return kept


# --- dates ---------------------------------------------------------------------------------


def _timex_skip_reason(value: str) -> str:
    if value.endswith("_REF"):
        return "vague reference (PAST_REF/PRESENT_REF/FUTURE_REF)"
    if re.search(r"-(Q\d|H\d|SP|SU|FA|WI)$|^FY|-WE$", value):
        return "quarter, half, season, weekend or fiscal year"
    if re.fullmatch(r"\d{2,3}", value):
        return "decade or century"
    if value.startswith("P"):
        return "duration value on a DATE"
    if "X" in value:
        return "underspecified value (X digits)"
    return "other value format"


def date_gold(doc: MeantimeDoc, skipped: Counter[str]) -> list[DateGold]:
    """TIMEX3 type=DATE with text, except the dateline (the creation time itself).

    A DATE value with a time-of-day part (``2008-01-09TMO`` for "this morning") is compared
    on its date, the part the extractor normalises.
    """
    out: list[DateGold] = []
    for m in doc.markables.values():
        if m.tag != "TIMEX3" or m.attrs.get("type") != "DATE":
            continue
        if _is_dateline(m, doc.sentence_of):
            skipped["dateline (document creation time, the base itself)"] += 1
            continue
        if not m.tokens:
            skipped["empty TIMEX3 (no text anchor)"] += 1
            continue
        value = m.attrs.get("value", "")
        target = iso_target(value.split("T", 1)[0] if re.match(r"\d{4}-\d{2}-\d{2}T", value) else value)
        if target is None:
            skipped[_timex_skip_reason(value)] += 1
            continue
        out.append(DateGold("meantime", f"{doc.doc_id}#{m.m_id}", doc.words(m), doc.dct, (target,)))
    return out
