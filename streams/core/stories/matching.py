"""Whether a mention belongs to a story, and how well: the story stage's matching rules.

A mention joins a story only when nothing tells them apart. In order:

1. **Same type and frame** (``mention.py``): an acquisition is not the signing of its agreement.
2. **Time:** published within ``window`` of the story's first and last mention.
3. **Date:** when both give one, the dates agree at the coarser precision, a day apart at most
   (a meeting "scheduled for Friday" and one "held on Friday" are the same; two summits a
   year apart are not).
4. **Place:** when both are geocoded, the same country.
5. **Amounts:** when both state sums, one sum in common (two deals between the same two
   companies in one month are told apart by their prices).
6. **Parties** (meetings, agreements): at least one of the mention's actors is one of the
   story's (``names.same_actor``), and the mention puts no other party of the same kind in
   the place of one the story is about ("AMD buys ATI" is not "AMD buys SeaMicro"; a CEO
   named beside the buyer is not a different buyer).
   **Words** (statements, whose speaker the block already shares): the same words, trimmed or
   re-punctuated, by ``rapidfuzz``'s token-set ratio over normalised text.

The score ranks the stories a mention may join: parties in common, or word similarity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from streams.core.stories.mention import Mention
from streams.core.stories.story import Story


@dataclass(frozen=True)
class MatchSettings:
    """The thresholds of the matching rules (defaults measured with ``make bench-stories``)."""

    window: timedelta = timedelta(days=7)
    #: token-set ratio (0-100) from which two statements by one speaker say the same thing
    same_words: float = 80.0
    #: relative difference under which two sums are the same sum ("$5.4bn", "$5.4 billion")
    same_sum: float = 0.02


DEFAULT_MATCH = MatchSettings()


@dataclass(frozen=True)
class Match:
    """A story a mention may join: ``score`` ranks candidates, ``strong`` allows merging."""

    story: Story
    score: float
    strong: bool


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def dates_agree(a: dict[str, str], b: dict[str, str]) -> bool:
    """Same date at the coarser precision; two days (or weeks) at most one day apart."""
    if a["precision"] in ("day", "week") and b["precision"] in ("day", "week"):
        first, second = _day(a["value"]), _day(b["value"])
        if first is None or second is None:
            return a["value"] == b["value"]
        slack = 7 if "week" in (a["precision"], b["precision"]) else 1
        return abs((first - second).days) <= slack
    shorter = min(len(a["value"]), len(b["value"]))
    return a["value"][:shorter] == b["value"][:shorter]


def _sums(mention: Mention) -> list[tuple[float, str]]:
    return [
        (float(a["value"]), str(a["currency"]))
        for a in mention.record.get("amounts") or []
        if a.get("scope", "sentence") == "sentence"
    ]


def _sums_agree(mention: Mention, story: Story, tolerance: float) -> bool:
    mine = _sums(mention)
    theirs = [s for member in story.members for s in _sums(member)]
    if not mine or not theirs:
        return True
    return any(c1 == c2 and abs(v1 - v2) <= tolerance * max(v1, v2) for v1, c1 in mine for v2, c2 in theirs)


def _context_agrees(mention: Mention, story: Story, settings: MatchSettings) -> bool:
    """Rules 2-5: time, date, place and amounts."""
    first, last = story.first_seen, story.last_seen
    if (mention.seen is None) != (last is None):
        return False  # one undated, one dated: nothing says they are near in time
    if (
        mention.seen is not None
        and first is not None
        and last is not None
        and not first - settings.window <= mention.seen <= last + settings.window
    ):
        return False
    mine = mention.record.get("date")
    theirs = story.best_date()
    if mine and theirs and not dates_agree(mine, theirs):
        return False
    place = mention.record.get("location") or {}
    known = story.best_location() or {}
    if place.get("country_code") and known.get("country_code") not in (None, place["country_code"]):
        return False
    return _sums_agree(mention, story, settings.same_sum)


def _parties(mention: Mention, story: Story) -> Match | None:
    """Rule 6 for meetings and agreements."""
    clusters = story.clusters()
    core = [c for c in clusters if 2 * c.members >= len(story.members)]
    matched = [a for a in mention.actors if any(c.matches(a) for c in clusters)]
    if not matched:
        return None
    others = [a for a in mention.actors if a not in matched]
    missing = [c for c in core if not any(c.matches(a) for a in mention.actors)]
    if any(a.kind == c.kind for a in others for c in missing):
        return None
    if len(matched) < 2 <= min(len(mention.actors), len(core)):
        return None  # both name two parties or more, and share one: one party does two things
    return Match(story, float(len(matched)), strong=len(matched) >= 2)


def _words(mention: Mention, story: Story, settings: MatchSettings) -> Match | None:
    """Rule 6 for statements: the best token-set ratio against any member's words."""
    text = mention.text
    if not text:
        return None
    best = max(
        (fuzz.token_set_ratio(text, m.text, processor=default_process) for m in story.members if m.text),
        default=0.0,
    )
    if best < settings.same_words:
        return None
    return Match(story, best / 100.0, strong=best >= 95.0)


def match(mention: Mention, story: Story, settings: MatchSettings = DEFAULT_MATCH) -> Match | None:
    """How ``mention`` may join ``story``, or None when a rule tells them apart."""
    if not story.members or story.type != mention.type or story.frame != mention.frame:
        return None
    if not _context_agrees(mention, story, settings):
        return None
    if mention.type == "statement":
        return _words(mention, story, settings)
    return _parties(mention, story)
