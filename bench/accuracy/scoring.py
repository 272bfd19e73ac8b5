"""Metric arithmetic and the lenient matchers every benchmark item shares.

Kept apart from the readers and from the extractor calls so the rules by which a
prediction counts as right (span overlap, name-token overlap, exact normalised value)
are written once and can be unit-tested on tiny inputs without any corpus.

Counts are kept on both sides because overlap matching is not one-to-one: a range
"$300 to 350 million" may be one gold span and two predicted ones. Precision is
``correct predictions / predictions`` and recall is ``gold items found / gold items``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

Span = tuple[int, int]
#: A normalised date as the extractor writes it: (value, precision), e.g. ("2009-06", "month").
DateTarget = tuple[str, str]


@dataclass
class Score:
    """Counts for one item; precision and recall are computed from them, never stored."""

    gold: int = 0
    predicted: int = 0
    correct_predicted: int = 0  # predictions that match some gold item
    correct_gold: int = 0  # gold items matched by some prediction

    @property
    def precision(self) -> float | None:
        return self.correct_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct_predicted += other.correct_predicted
        self.correct_gold += other.correct_gold


@dataclass
class Accuracy:
    """Right answers out of cases answered; for normalisation given a found span."""

    total: int = 0
    correct: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class ItemResult:
    """One line of the results table plus what the JSON report keeps for inspection."""

    item: str
    source: str
    score: Score | None = None
    accuracy: Accuracy | None = None
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    examples: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def example(self, limit: int = 25, **fields: Any) -> None:
        """Keep an error example for the JSON report (the first ``limit`` only)."""
        if len(self.examples) < limit:
            self.examples.append(fields)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"item": self.item, "source": self.source}
        if self.score is not None:
            s = self.score
            out.update(
                gold=s.gold,
                predicted=s.predicted,
                correct_predicted=s.correct_predicted,
                correct_gold=s.correct_gold,
                precision=s.precision,
                recall=s.recall,
                f1=s.f1,
            )
        if self.accuracy is not None:
            out.update(cases=self.accuracy.total, correct=self.accuracy.correct, accuracy=self.accuracy.value)
        out.update(
            skipped=dict(sorted(self.skipped.items())),
            notes=self.notes,
            seconds=round(self.seconds, 2),
            examples=self.examples,
        )
        return out


# --- spans --------------------------------------------------------------------------------


def overlaps(a: Span, b: Span) -> bool:
    """Half-open character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def score_spans(gold: Sequence[Span], predicted: Sequence[Span]) -> Score:
    """Lenient span detection: any character overlap counts, on each side separately."""
    unique = sorted(set(predicted))
    return Score(
        gold=len(gold),
        predicted=len(unique),
        correct_predicted=sum(1 for p in unique if any(overlaps(p, g) for g in gold)),
        correct_gold=sum(1 for g in gold if any(overlaps(p, g) for p in unique)),
    )


def drop_containers(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Split off spans that strictly contain another span of the list.

    MEANTIME marks "AU$61.2 million (US$47.8 million" both as one span and as its two
    parts; scoring the wrapper as well would count one miss or hit twice.
    """
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in spans:
        inner = any(o != span and span[0] <= o[0] and o[1] <= span[1] for o in spans)
        (dropped if inner else kept).append(span)
    return kept, dropped


# --- names --------------------------------------------------------------------------------

#: Words that say nothing about who someone is; two names sharing only these do not match.
NAME_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "its",
        "his",
        "her",
        "their",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "jr",
        "sr",
        "st",
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "llc",
        "plc",
        "ag",
        "sa",
        "nv",
        "n",
        "v",
        "company",
        "companies",
        "group",
        "president",
        "ceo",
        "chief",
        "executive",
        "officer",
        "chairman",
        "chairwoman",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "secretary",
        "senator",
        "governor",
        "official",
        "officials",
        "analyst",
        "analysts",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "who",
    }
)


def name_tokens(name: str) -> frozenset[str]:
    """Lower-cased content words of a name, without titles, articles and company suffixes."""
    words = re.findall(r"[^\W_]+", name.lower())
    return frozenset(w for w in words if w not in NAME_STOPWORDS and not w.isdigit())


def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[^\W_]+", name) if w.lower() not in NAME_STOPWORDS]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def names_match(predicted: str, gold_names: Iterable[str]) -> bool:
    """Lenient name match: a shared content word, or one name is the other's initials.

    "Steve Jobs" matches "Apple CEO Steve Jobs" and "Jobs"; "GM" matches "General Motors".
    """
    ours = name_tokens(predicted)
    our_initials = _initials(predicted)
    for gold in gold_names:
        theirs = name_tokens(gold)
        if ours & theirs:
            return True
        gold_initials = _initials(gold)
        if (gold_initials and gold_initials in ours) or (our_initials and our_initials in theirs):
            return True
    return False


# --- dates --------------------------------------------------------------------------------

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def iso_target(value: str) -> DateTarget | None:
    """Map an ISO-8601 / TimeML date value to the extractor's (value, precision).

    Years, months and days map to themselves; an ISO week ``2009-W23`` maps to its Monday,
    which is how the extractor writes a week. Anything else returns None.
    """
    if _YEAR.match(value):
        return value, "year"
    if _MONTH.match(value):
        return value, "month"
    if _DAY.match(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return None
        return value, "day"
    if m := _WEEK.match(value):
        try:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return monday.isoformat(), "week"
    return None


def range_target(start: date, end_inclusive: date) -> DateTarget | None:
    """A closed day range that is exactly one calendar year, month or Monday-Sunday week."""
    if start.month == 1 and start.day == 1 and end_inclusive == date(start.year, 12, 31):
        return f"{start.year:04d}", "year"
    if start.day == 1:
        next_month = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        if end_inclusive == next_month - timedelta(days=1):
            return f"{start.year:04d}-{start.month:02d}", "month"
    if start.weekday() == 0 and end_inclusive == start + timedelta(days=6):
        return start.isoformat(), "week"
    return None


@dataclass(frozen=True)
class DateGold:
    """A date expression, the day to resolve it against and the values that count as right."""

    source: str
    case_id: str
    text: str
    base: date | None
    targets: tuple[DateTarget, ...]
    group: str = ""  # optional sub-group the report breaks the result down by


def fmt(value: float | None, digits: int = 3) -> str:
    """A ratio for the table, or a dash when it is undefined (nothing to divide by)."""
    return "-" if value is None else f"{value:.{digits}f}"
