"""A story: the mentions of one real-world event, and the canonical record made from them.

A story keeps its members' reduced event records and recomputes its summary from them, so
adding, retracting or merging mentions never leaves a stale count or a name no member uses.
The summary is the ``events.story`` record (``schemas/story.v1.json``).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from streams.core.stories.mention import ActorName, Mention
from streams.core.stories.names import same_actor

#: Version of the story schema this code produces (``schemas/story.v1.json``).
STORY_SCHEMA_VERSION = "1"
#: Namespace for story ids; never change it, or every story id changes.
STORY_ID_NAMESPACE = uuid.UUID("0b7d4f0e-5a8c-4e7b-9d61-3c2f1a9e8b47")
_PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}


def make_story_id(block: str, first_event_id: str) -> str:
    """Deterministic: the block and the event that opened the story. Replaying the same
    mentions in the same order therefore gives the same story ids."""
    return str(uuid.uuid5(STORY_ID_NAMESPACE, f"{block}\x1f{first_event_id}"))


@dataclass
class ActorCluster:
    """One canonical actor of a story: every name its members gave it, and in how many members."""

    names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    country_codes: Counter[str] = field(default_factory=Counter)
    forms: list[Any] = field(default_factory=list)
    members: int = 0

    def matches(self, actor: ActorName) -> bool:
        return any(same_actor(actor.forms, known) for known in self.forms)

    def add(self, actor: ActorName) -> None:
        self.names[actor.name] += 1
        self.kinds[actor.kind] += 1
        if actor.country_code:
            self.country_codes[actor.country_code] += 1
        if actor.forms not in self.forms:
            self.forms.append(actor.forms)

    @property
    def name(self) -> str:
        """The most used name; between equals, the longest (the fuller form), then the first."""
        best = max(self.names.items(), key=lambda item: (item[1], len(item[0])))
        return best[0]

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0]

    def to_dict(self) -> dict[str, Any]:
        name = self.name
        return {
            "name": name,
            "kind": self.kind,
            "country_code": self.country_codes.most_common(1)[0][0] if self.country_codes else None,
            "aliases": sorted(n for n in self.names if n != name),
            "mentions": self.members,
        }


def cluster_actors(mentions: list[Mention]) -> list[ActorCluster]:
    """The story's canonical actors: names merged across mentions (``names.same_actor``)."""
    clusters: list[ActorCluster] = []
    for mention in mentions:
        touched: set[int] = set()
        for actor in mention.actors:
            index = next((i for i, c in enumerate(clusters) if c.matches(actor)), None)
            if index is None:
                clusters.append(ActorCluster())
                index = len(clusters) - 1
            clusters[index].add(actor)
            touched.add(index)
        for index in touched:
            clusters[index].members += 1
    return clusters


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class Story:
    """The members of one story in the order they joined; ``seq`` orders stories of a block."""

    story_id: str
    block: str
    seq: int
    members: list[Mention] = field(default_factory=list)
    version: int = 0
    #: raised by whoever changes ``members`` (``book.StoryBook``): it dates the cached clusters
    revision: int = 0
    _clusters: tuple[tuple[int, int], list[ActorCluster]] | None = field(default=None, repr=False)

    def clusters(self) -> list[ActorCluster]:
        """``cluster_actors(self.members)``, computed again only when the members change: matching
        asks for it once per story per mention, and a story's members change far less often."""
        key = (self.revision, len(self.members))
        if self._clusters is None or self._clusters[0] != key:
            self._clusters = (key, cluster_actors(self.members))
        return self._clusters[1]

    @property
    def type(self) -> str:
        return self.members[0].type if self.members else ""

    @property
    def frame(self) -> str:
        return self.members[0].frame if self.members else ""

    @property
    def first_seen(self) -> datetime | None:
        times = [m.seen for m in self.members if m.seen is not None]
        return min(times) if times else None

    @property
    def last_seen(self) -> datetime | None:
        times = [m.seen for m in self.members if m.seen is not None]
        return max(times) if times else None

    def core_actors(self) -> list[ActorCluster]:
        """Actors named by at least half of the members: the parties the story is about."""
        return [c for c in self.clusters() if 2 * c.members >= len(self.members)]

    def best_date(self) -> dict[str, Any] | None:
        """The date most members give, the most precise first among equals."""
        dates = [m.record["date"] for m in self.members if m.record.get("date")]
        if not dates:
            return None
        counts = Counter((d["value"], d["precision"]) for d in dates)
        (value, precision), _ = max(
            counts.items(), key=lambda item: (item[1], _PRECISION_RANK.get(item[0][1], 0), item[0][0])
        )
        text = next(d["text"] for d in dates if d["value"] == value and d["precision"] == precision)
        return {"text": text, "value": value, "precision": precision}

    def best_location(self) -> dict[str, Any] | None:
        """The place most members give; a geocoded one before one the gazetteer does not know."""
        places = [m.record["location"] for m in self.members if m.record.get("location")]
        if not places:
            return None
        counts = Counter(p.get("geonames_id") or p["name"] for p in places)
        best = max(
            places,
            key=lambda p: (p.get("geonames_id") is not None, counts[p.get("geonames_id") or p["name"]]),
        )
        return dict(best)

    def amounts(self) -> list[dict[str, Any]]:
        """Every distinct sum the members state in their own sentence, in order of appearance."""
        seen: dict[tuple[float, str, str | None], dict[str, Any]] = {}
        for member in self.members:
            for amount in member.record.get("amounts") or []:
                if amount.get("scope", "sentence") != "sentence":
                    continue
                key = (float(amount["value"]), str(amount["currency"]), amount.get("bound"))
                seen.setdefault(key, dict(amount))
        return list(seen.values())

    def representative(self) -> Mention:
        """The member with the highest confidence; among equals, the one that joined first."""
        return max(enumerate(self.members), key=lambda item: (item[1].confidence, -item[0]))[1]

    def to_record(self, merged_into: str | None = None) -> dict[str, Any]:
        """The ``events.story`` value (``schemas/story.v1.json``)."""
        best = self.representative()
        sources = sorted({m.source for m in self.members})
        first, last = self.first_seen, self.last_seen
        evidence = best.record["evidence"]
        return {
            "story_id": self.story_id,
            "type": self.type,
            "frame": self.frame,
            "actors": [c.to_dict() for c in sorted(self.clusters(), key=lambda c: -c.members)],
            "date": self.best_date(),
            "location": self.best_location(),
            "amounts": self.amounts(),
            "quote": best.record.get("quote"),
            "content": best.record.get("content"),
            "evidence": {
                "event_id": best.event_id,
                "article_id": best.article_id,
                "sentence": evidence.get("sentence"),
                "confidence": best.confidence,
            },
            "mention_count": len(self.members),
            "article_count": len({m.article_id for m in self.members}),
            "source_count": len(sources),
            "sources": sources,
            "first_seen": _rfc3339(first) if first else None,
            "last_seen": _rfc3339(last) if last else None,
            "event_ids": [m.event_id for m in self.members],
            "merged_into": merged_into,
            "version": self.version,
            "schema_version": STORY_SCHEMA_VERSION,
        }
