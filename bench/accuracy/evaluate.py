"""Score the extractor pieces against the gold the readers produce.

The scoring functions take plain predictions (spans, names, values) so they can be tested
on inline samples; the ``run_*`` functions are the thin glue that calls the real pieces:
statements from ``Extractor``, ``find_money`` and ``normalise_date``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from bench.accuracy.meantime import MeantimeDoc, SpeechGold, money_gold, speech_gold
from bench.accuracy.recognizers import CurrencyCase
from bench.accuracy.scoring import (
    Accuracy,
    DateGold,
    ItemResult,
    Score,
    Span,
    names_match,
    overlaps,
    score_spans,
)
from streams.core.model import DateValue
from streams.core.normalise.money import MoneySpan, find_money

Normaliser = Callable[[str, date | None], DateValue | None]
MoneyFinder = Callable[[str], list[MoneySpan]]

# --- speaker attribution -----------------------------------------------------------------


@dataclass(frozen=True)
class PredictedStatement:
    """A statement the extractor produced: where its evidence sentence is and who spoke."""

    doc_id: str
    event_id: str
    span: Span
    speaker: str
    quote: str


def score_speakers(
    gold: Sequence[SpeechGold], predicted: Sequence[PredictedStatement], result: ItemResult | None = None
) -> Score:
    """Precision over statements on gold-speech regions, recall over gold quote speech events.

    A statement is "on" a gold event when its evidence sentence overlaps the event's region
    (its sentence plus the quotation it introduces). It is correct when its speaker's name
    matches the gold speaker leniently (``names_match``); a gold event is found when some
    statement on it is correct.
    """
    score = Score(gold=len(gold))
    by_doc: dict[str, list[PredictedStatement]] = {}
    for statement in predicted:
        by_doc.setdefault(statement.doc_id, []).append(statement)
    on_gold: dict[str, bool] = {}
    for item in gold:
        candidates = [s for s in by_doc.get(item.doc_id, []) if overlaps(s.span, item.region)]
        hit = False
        for statement in candidates:
            right = names_match(statement.speaker, item.names)
            on_gold[statement.event_id] = on_gold.get(statement.event_id, False) or right
            hit = hit or right
        score.correct_gold += hit
        if result is not None and not hit:
            result.example(
                doc=item.doc_id,
                trigger=item.trigger,
                gold_speaker=item.speaker,
                predicted=[s.speaker for s in candidates] or None,
                quote=candidates[0].quote[:120] if candidates else None,
            )
    score.predicted = len(on_gold)
    score.correct_predicted = sum(on_gold.values())
    return score


def run_speakers(docs: Sequence[MeantimeDoc]) -> ItemResult:
    """Run the extractor over the MEANTIME articles and score statement speakers."""
    from streams.core.article import article_from_object
    from streams.core.extractor import ArticleInput, Extractor
    from streams.core.pipeline.loader import load_model

    result = ItemResult("speaker attribution", "MEANTIME speech events with a direct quote")
    started = time.perf_counter()
    gold = [g for doc in docs for g in speech_gold(doc, result.skipped)]
    extractor = Extractor(load_model())
    inputs = [
        ArticleInput(
            article_from_object(
                {"id": f"meantime-{d.doc_id}", "body": d.text, "published_at": d.dct.isoformat()}
            )
        )
        for d in docs
    ]
    predicted: list[PredictedStatement] = []
    statements = 0
    for doc, article_result in zip(docs, extractor.extract(inputs), strict=True):
        if article_result.error is not None:
            result.skipped["article the extractor failed on (its gold still counts)"] += 1
            result.example(doc=doc.doc_id, error=article_result.error.splitlines()[-1])
        for event in article_result.events:
            if event.type != "statement":
                continue
            statements += 1
            speaker = next((a.name for a in event.actors if a.role == "speaker"), "")
            predicted.append(
                PredictedStatement(
                    doc_id=doc.doc_id,
                    event_id=event.event_id,
                    span=(event.evidence.start, event.evidence.end),
                    speaker=speaker,
                    quote=event.quote or "",
                )
            )
    result.score = score_speakers(gold, predicted, result)
    covered = sum(
        1 for g in gold if any(p.doc_id == g.doc_id and overlaps(p.span, g.region) for p in predicted)
    )
    result.notes.append(
        f"{len(docs)} articles, {statements} statements extracted in all; "
        f"{covered}/{len(gold)} gold events have a statement on them (right or wrong speaker)"
    )
    result.seconds = time.perf_counter() - started
    return result


# --- money ---------------------------------------------------------------------------------


def run_money_meantime(docs: Sequence[MeantimeDoc], find: MoneyFinder = find_money) -> ItemResult:
    """Money span detection inside each article's fully annotated region."""
    result = ItemResult("money spans", "MEANTIME VALUE type=MONEY")
    started = time.perf_counter()
    total = Score()
    for doc in docs:
        gold = money_gold(doc, result.skipped)
        limit = doc.annotated_end()
        found = [(m.start, m.end) for m in find(doc.text) if m.start < limit]
        score = score_spans(gold, found)
        total.add(score)
        for span in gold:
            if not any(overlaps(span, f) for f in found):
                result.example(doc=doc.doc_id, missed=doc.text[span[0] : span[1]])
        for span in sorted(set(found)):
            if not any(overlaps(span, g) for g in gold):
                result.example(doc=doc.doc_id, spurious=doc.text[span[0] : span[1]])
    result.score = total
    result.notes.append("only the fully annotated headline, dateline and first sentences are scored")
    result.notes.append("value and currency are not scored here: MEANTIME marks the span only")
    result.seconds = time.perf_counter() - started
    return result


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score_currency(
    cases: Sequence[CurrencyCase], find: MoneyFinder, spans: ItemResult, norm: ItemResult
) -> None:
    """Span detection into ``spans``; value and ISO code of the found amounts into ``norm``.

    A prediction overlapping only a currency name without an amount ("the dollar") is
    neither right nor wrong. Normalisation is an accuracy over gold amounts that were found
    and whose value and currency can be compared: right when one overlapping prediction
    has both the value and an acceptable ISO code.
    """
    total = Score()
    accuracy = Accuracy()
    value_right = currency_right = 0
    for case in cases:
        found = find(case.text)
        golds = [a.span for a in case.amounts]
        kept = [
            m
            for m in found
            if any(overlaps((m.start, m.end), g) for g in golds)
            or not any(overlaps((m.start, m.end), n) for n in case.currency_names)
        ]
        total.add(score_spans(golds, [(m.start, m.end) for m in kept]))
        for amount in case.amounts:
            hits = [m for m in kept if overlaps((m.start, m.end), amount.span)]
            if not hits:
                spans.example(case=case.case_id, missed=amount.text, input=case.text[:160])
                continue
            if amount.not_comparable:
                norm.skipped[amount.not_comparable] += 1
                continue
            accuracy.total += 1
            value_ok = any(_same_value(m.amount.value, amount.value) for m in hits)
            currency_ok = any(m.amount.currency in amount.currencies for m in hits)
            value_right += value_ok
            currency_right += currency_ok
            if any(
                _same_value(m.amount.value, amount.value) and m.amount.currency in amount.currencies
                for m in hits
            ):
                accuracy.correct += 1
            else:
                norm.example(
                    case=case.case_id,
                    text=amount.text,
                    gold=[amount.value, sorted(amount.currencies)[:3]],
                    predicted=[[m.amount.value, m.amount.currency] for m in hits],
                )
        for m in kept:
            if not any(overlaps((m.start, m.end), g) for g in golds):
                spans.example(case=case.case_id, spurious=case.text[m.start : m.end], input=case.text[:160])
    spans.score = total
    norm.accuracy = accuracy
    norm.notes.append(
        f"value right {value_right}/{accuracy.total}, currency right {currency_right}/{accuracy.total}"
    )


def run_currency(cases: Sequence[CurrencyCase], skipped: Counter[str]) -> tuple[ItemResult, ItemResult]:
    spans = ItemResult("money spans", "Recognizers CurrencyModel")
    norm = ItemResult("money value+currency", "Recognizers CurrencyModel (found amounts)")
    started = time.perf_counter()
    spans.skipped.update(skipped)
    score_currency(cases, find_money, spans, norm)
    negatives = sum(1 for c in cases if not c.amounts)
    spans.notes.append(f"{len(cases)} inputs, {negatives} with no amount expected (false alarms count)")
    spans.seconds = norm.seconds = time.perf_counter() - started
    return spans, norm


# --- dates ---------------------------------------------------------------------------------


def _date_error(value: DateValue | None, targets: Sequence[tuple[str, str]]) -> str:
    if value is None:
        return "no value"
    for target_value, _ in targets:
        if target_value.startswith(value.value) or value.value.startswith(target_value):
            return "other granularity"
    return "wrong value"


def score_dates(gold: Sequence[DateGold], normalise: Normaliser, result: ItemResult) -> Score:
    """Normalise each gold span's text against its base and compare (value, precision).

    Precision is over the spans we gave a value for, recall over all comparable spans.
    """
    score = Score(gold=len(gold))
    errors: Counter[str] = Counter()
    groups: dict[str, Accuracy] = {}
    for item in gold:
        value = normalise(item.text, item.base)
        right = value is not None and (value.value, value.precision) in item.targets
        if item.group:
            group = groups.setdefault(item.group, Accuracy())
            group.total += 1
            group.correct += right
        if value is not None:
            score.predicted += 1
        if right:
            score.correct_predicted += 1
            score.correct_gold += 1
            continue
        errors[_date_error(value, item.targets)] += 1
        result.example(
            case=item.case_id,
            text=item.text,
            base=item.base.isoformat() if item.base else None,
            gold=[list(t) for t in item.targets],
            predicted=[value.value, value.precision] if value else None,
        )
    for name, group in sorted(groups.items()):
        result.notes.append(f"{name}: {group.correct}/{group.total} right")
    if errors:
        result.notes.append("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(errors.items())))
    return score


def run_dates(
    item_source: str, gold: Sequence[DateGold], skipped: Counter[str], normalise: Normaliser
) -> ItemResult:
    result = ItemResult("date normalisation", item_source)
    started = time.perf_counter()
    result.skipped.update(skipped)
    result.score = score_dates(gold, normalise, result)
    result.seconds = time.perf_counter() - started
    return result
