"""Reader for the Microsoft Recognizers-Text English specs: DateTimeModel and CurrencyModel.

Each spec is a JSON array of cases: an ``Input`` sentence, for dates a
``Context.ReferenceDateTime``, and the expected ``Results`` with ``Text``, ``Start``, ``End``
(inclusive) and a ``Resolution``. The files begin with a byte-order mark.

Dates. The extractor normalises a DATE span to a year, a month, a Monday-based week or a
day, so only results of type ``date`` and ``daterange`` are used, and only when the
resolution is one of those: a ``date`` value, or a ``daterange`` whose ``start``/``end``
(end exclusive) is exactly one calendar year, month or Monday-Sunday week. An underspecified
timex such as ``XXXX-WXX-5`` ("friday") is still scored because the spec resolves it against
the reference date, usually twice (the past and the future reading); a match on any listed
value counts. Values the spec leaves "not resolved", ranges with a modifier
(before/after/since/approx) and other ranges are skipped, each under its reason.

Currency. Results with a value are amounts; results without one (a bare "dollar") are
currency names, neither expected nor held against a prediction. The ISO code comes from
``isoCurrency``, or from the unit name: "Dollar" (a bare ``$``) accepts any dollar currency,
"Pound" accepts GBP. Amounts in a sub-unit (cents, pence) are scored for the span only,
since the spec counts them in the sub-unit and the extractor in the main unit.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.accuracy.scoring import DateGold, DateTarget, Span, iso_target, range_target

#: Sub-groups reported apart: a timex with X digits ("XXXX-WXX-5" for "friday") is only a
#: date once resolved against the reference day, which the spec does for us.
UNDERSPECIFIED = "underspecified timex (XXXX..., resolved by the spec from the reference date)"
SPECIFIED = "fully specified timex"
DATE_TYPES = {"datetimeV2.date": "date", "datetimeV2.daterange": "daterange"}

DOLLARS = frozenset({"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "JMD", "BSD", "BBD", "BZD", "FJD"})
UNIT_CURRENCIES: dict[str, frozenset[str]] = {
    "Dollar": DOLLARS,
    "Pound": frozenset({"GBP"}),
    "Franc": frozenset({"CHF", "FRF", "BEF", "LUF"}),
    "Rupee": frozenset({"INR", "PKR", "LKR", "NPR"}),
    "Finnish markka": frozenset({"FIM"}),
    "Peseta": frozenset({"ESP"}),
    "Netherlands guilder": frozenset({"NLG"}),
    "Bitcoin": frozenset({"XBT", "BTC"}),
}
SUB_UNITS = frozenset({"Cent", "Pence", "Penny", "Sen", "Satoshi"})


def load_cases(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array of test cases")
    return [case for case in data if isinstance(case, dict)]


def _reference_fails(case: dict[str, Any]) -> bool:
    """True when even the reference (.NET) port is marked as failing the case."""
    return "dotnet" in str(case.get("NotSupported", "")).lower()


def _results(case: dict[str, Any]) -> list[dict[str, Any]]:
    results = case.get("Results") or []
    return [r for r in results if isinstance(r, dict)]


def _span(case: dict[str, Any], result: dict[str, Any]) -> tuple[Span, str] | None:
    """The result's character span in ``Input`` and the words there (original casing).

    The spec lower-cases ``Text`` but its offsets point into the original input; when they
    disagree the text is looked up instead.
    """
    text = str(case.get("Input", ""))
    wanted = str(result.get("Text", ""))
    start, end = result.get("Start"), result.get("End")
    if isinstance(start, int) and isinstance(end, int) and text[start : end + 1].lower() == wanted.lower():
        return (start, end + 1), text[start : end + 1]
    found = text.lower().find(wanted.lower())
    if found < 0 or not wanted:
        return None
    return (found, found + len(wanted)), text[found : found + len(wanted)]


# --- dates ---------------------------------------------------------------------------------


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _date_targets(kind: str, values: list[Any]) -> tuple[tuple[DateTarget, ...], str]:
    """Comparable values of one result, or none and the reason why."""
    targets: list[DateTarget] = []
    reason = "no resolution values"
    for value in values:
        if not isinstance(value, dict):
            continue
        if "Mod" in value:
            reason = "modified date or range (before/after/since/approx)"
            continue
        if str(value.get("value", "")) == "not resolved":
            reason = "not resolved by the spec (season, school or fiscal year)"
            continue
        if kind == "date":
            target = iso_target(str(value.get("value", "")))
            if target is None or target[1] != "day":
                reason = "date value that is not a calendar day"
                continue
            targets.append(target)
            continue
        start, end = _day(value.get("start")), _day(value.get("end"))
        if start is None or end is None:
            reason = "range without both ends"
            continue
        ranged = range_target(start, end - timedelta(days=1))
        if ranged is None:
            reason = "range that is not one calendar year, month or Monday-Sunday week"
            continue
        targets.append(ranged)
    return tuple(dict.fromkeys(targets)), reason


def date_gold(cases: list[dict[str, Any]], skipped: Counter[str]) -> list[DateGold]:
    """Gold for ``date`` and ``daterange`` results; ``source`` is recognizers-date|-daterange."""
    out: list[DateGold] = []
    for index, case in enumerate(cases):
        results = _results(case)
        if not results:
            skipped["negative case (a span normaliser is not a date detector)"] += 1
            continue
        if _reference_fails(case):
            skipped["marked NotSupported by the reference .NET port"] += len(results)
            continue
        reference = (case.get("Context") or {}).get("ReferenceDateTime")
        if not reference:
            skipped["no reference date"] += len(results)
            continue
        base = datetime.fromisoformat(str(reference)).date()
        for number, result in enumerate(results):
            type_name = str(result.get("TypeName") or result.get("Typename") or "")
            kind = DATE_TYPES.get(type_name)
            if kind is None:
                skipped[f"not a date type ({type_name.rsplit('.', 1)[-1] or 'none'})"] += 1
                continue
            values = (result.get("Resolution") or {}).get("values") or []
            targets, reason = _date_targets(kind, values if isinstance(values, list) else [])
            located = _span(case, result)
            if not targets:
                skipped[f"{kind}: {reason}"] += 1
                continue
            if located is None:
                skipped["offsets and text disagree"] += 1
                continue
            timexes = [str(v.get("timex", "")) for v in values if isinstance(v, dict)]
            group = UNDERSPECIFIED if any("X" in t for t in timexes) else SPECIFIED
            out.append(DateGold(f"recognizers-{kind}", f"{index}#{number}", located[1], base, targets, group))
    return out


# --- currency ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MoneyGold:
    """An expected amount: span, value, acceptable ISO codes, or why they cannot be compared."""

    span: Span
    text: str
    value: float
    currencies: frozenset[str]
    not_comparable: str | None = None


@dataclass(frozen=True)
class CurrencyCase:
    case_id: str
    text: str
    amounts: tuple[MoneyGold, ...]
    currency_names: tuple[Span, ...]  # spans naming a currency without an amount


def _currencies(resolution: dict[str, Any]) -> tuple[frozenset[str], str | None]:
    unit = str(resolution.get("unit", ""))
    if resolution.get("isoCurrency"):
        return frozenset({str(resolution["isoCurrency"]).upper()}), None
    if unit in SUB_UNITS:
        return frozenset(), "amount in a sub-unit (cents, pence)"
    if unit in UNIT_CURRENCIES:
        return UNIT_CURRENCIES[unit], None
    return frozenset(), f"unit without an ISO code ({unit})"


def currency_cases(cases: list[dict[str, Any]], skipped: Counter[str]) -> list[CurrencyCase]:
    out: list[CurrencyCase] = []
    for index, case in enumerate(cases):
        results = _results(case)
        if _reference_fails(case):
            skipped["marked NotSupported by the reference .NET port"] += max(1, len(results))
            continue
        amounts: list[MoneyGold] = []
        names: list[Span] = []
        for result in results:
            located = _span(case, result)
            if located is None:
                skipped["offsets and text disagree"] += 1
                continue
            resolution = result.get("Resolution") or {}
            raw_value = resolution.get("value")
            if raw_value is None:
                skipped["currency name without an amount (neither expected nor penalised)"] += 1
                names.append(located[0])
                continue
            currencies, why = _currencies(resolution)
            amounts.append(MoneyGold(located[0], located[1], float(raw_value), currencies, why))
        out.append(CurrencyCase(str(index), str(case.get("Input", "")), tuple(amounts), tuple(names)))
    return out
