"""The stories of one block: add, retract, merge, expire, and the state that survives a restart.

Everything a block knows is in :class:`StoryBook`, and :meth:`StoryBook.index_state`,
:meth:`StoryBook.story_state` and :meth:`StoryBook.from_rows` turn it into plain JSON and back:
in the stream that JSON is the value of Faust table rows (one per block and one per story, their
changelog the recovery log), offline it never leaves memory. Each call returns the story
versions to publish, in order.

Semantics (docs/stories.md):

- **Join or open.** A mention joins the best-matching story of its block (``matching``); when
  none matches it opens a story whose id comes from the block and its event id.
- **Merge.** When a mention matches several stories strongly (two parties in common, or the
  same words), they are one event: the oldest story absorbs the others. Each absorbed story
  is published once more with ``merged_into`` set, then tombstoned; the survivor is
  published with every member.
- **Re-extraction.** A mention whose event id is already a member leaves its story first, so a
  changed event can move; a story left empty is tombstoned.
- **Retraction.** The event leaves its story; counts drop; an empty story is tombstoned.
  A story never splits: a retracted mention that once joined two stories leaves them merged.
- **Horizon.** Stories whose last mention is older than the horizon leave the state unpublished
  (their last version stays on the compacted topic); a later mention opens a new story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from streams.core.stories.matching import DEFAULT_MATCH, MatchSettings, match
from streams.core.stories.mention import Mention, mention_from_record
from streams.core.stories.story import Story, make_story_id

ChangeKind = Literal["created", "updated", "merged", "deleted"]

#: A name word or initials shared by more live stories of a block than this find no candidates:
#: a story whose names share only such words with a mention ("Bank", a first name) is not looked
#: at. Keys and letters always are. Keeps a block of thousands of meetings from
#: comparing each mention with every story (``make bench-story-scale``).
COMMON_WORD_STORIES = 64
#: Expiry looks at every story of a block, so it runs again only once its cutoff has moved on
#: by this much: stories leave the state at most this much later than the horizon says.
EXPIRY_STEP = timedelta(hours=1)


@dataclass(frozen=True)
class StoryChange:
    """One record to publish on ``events.story``: a story version, or a tombstone (``record`` None)."""

    story_id: str
    kind: ChangeKind
    record: dict[str, Any] | None
    mention_count: int = 0


@dataclass
class StoryBook:
    """The live stories of one block, oldest first."""

    block: str
    settings: MatchSettings = DEFAULT_MATCH
    stories: dict[str, Story] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)  # event id -> story id
    next_seq: int = 0
    #: name form -> stories with an actor of that form (``_forms``): a meeting or agreement is
    #: matched only against the stories it shares a form with, not against its whole block.
    #: Entries are added, never removed; a stale one costs one failed match.
    _index: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _expired_to: datetime | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.stories)

    @property
    def expired_to(self) -> datetime | None:
        """The last cutoff expiry looked at (kept in the index row)."""
        return self._expired_to

    def _candidates(self, mention: Mention) -> list[Story]:
        """The stories ``mention`` could match, oldest first: for statements every story of the
        block (their speaker is the block), for the others those sharing a name form."""
        if mention.type == "statement":
            return list(self.stories.values())
        ids: set[str] = set()
        for form in _lookups(mention):
            stories = self._index.get(form, set())
            if form.startswith(("w:", "i:")) and len(stories) > COMMON_WORD_STORIES:
                continue  # a first name, "Bank", "UN": too common to find candidates by
            ids |= stories
        found = [self.stories[i] for i in ids if i in self.stories]
        return sorted(found, key=lambda s: s.seq)

    def _join(self, story: Story, mentions: list[Mention]) -> None:
        story.members.extend(mentions)
        story.revision += 1
        for mention in mentions:
            self.where[mention.event_id] = story.story_id
            for form in _forms(mention):
                self._index.setdefault(form, set()).add(story.story_id)

    def add(self, mention: Mention) -> list[StoryChange]:
        """Place one mention; returns the versions and tombstones to publish."""
        touched: dict[str, ChangeKind] = {}
        left = self._leave(mention.event_id)
        if left is not None:
            touched[left] = "updated"
        candidates = [m for s in self._candidates(mention) if (m := match(mention, s, self.settings))]
        changes: list[StoryChange] = []
        story_id = make_story_id(self.block, mention.event_id)
        opened = self.stories.get(story_id)
        if not candidates and opened is not None and not opened.members:
            story = opened  # re-extracted, the story's only event is back: its next version
        elif not candidates:
            if opened is not None:
                # Re-extracted, the event left the story it opened, which other mentions keep:
                # another id, or the new story would replace that one.
                story_id = make_story_id(self.block, f"{mention.event_id}#{self.next_seq}")
            story = Story(story_id, self.block, self.next_seq)
            self.next_seq += 1
            self.stories[story.story_id] = story
            touched[story.story_id] = "created"
        else:
            best = max(candidates, key=lambda c: (c.score, -c.story.seq))
            story = best.story
            absorbed = [c.story for c in candidates if c.strong and c.story is not story]
            if not best.strong:
                absorbed = []
            if absorbed:
                story = min([story, *absorbed], key=lambda s: s.seq)
                for other in sorted([best.story, *absorbed], key=lambda s: s.seq):
                    if other is not story:
                        changes.extend(self._absorb(story, other))
                        touched.pop(other.story_id, None)
            touched.setdefault(story.story_id, "updated")
        self._join(story, [mention])
        return changes + self._publish(touched)

    def place(self, mention: Mention, horizon: timedelta) -> tuple[list[StoryChange], list[str]]:
        """What the stage does with each mention: forget the stories past ``horizon`` before its
        publication time, then add it. Returns the changes and the ids of the forgotten stories."""
        expired = self.expire(mention.seen - horizon) if mention.seen is not None else []
        return self.add(mention), expired

    def retract(self, event_id: str) -> list[StoryChange]:
        """The event is gone: it leaves its story (tombstoned when empty). Unknown ids change nothing."""
        left = self._leave(event_id)
        return self._publish({left: "updated"}) if left is not None else []

    def expire(self, cutoff: datetime) -> list[str]:
        """Forget stories last seen before ``cutoff``; returns their ids (nothing is published).
        A cutoff less than ``EXPIRY_STEP`` past the last one checked does nothing."""
        if self._expired_to is not None and cutoff < self._expired_to + EXPIRY_STEP:
            return []
        self._expired_to = cutoff
        old = [s.story_id for s in self.stories.values() if (s.last_seen or cutoff) < cutoff]
        for story_id in old:
            for member in self.stories.pop(story_id).members:
                self.where.pop(member.event_id, None)
        return old

    def _leave(self, event_id: str) -> str | None:
        story_id = self.where.pop(event_id, None)
        if story_id is None:
            return None
        story = self.stories[story_id]
        story.members = [m for m in story.members if m.event_id != event_id]
        story.revision += 1
        return story_id

    def _absorb(self, survivor: Story, other: Story) -> list[StoryChange]:
        """``other`` joins ``survivor``: its last version points there, then its tombstone."""
        other.version += 1
        record = other.to_record(merged_into=survivor.story_id)
        pointer = StoryChange(other.story_id, "merged", record, len(other.members))
        self._join(survivor, other.members)
        del self.stories[other.story_id]
        return [pointer, StoryChange(other.story_id, "deleted", None)]

    def _publish(self, touched: dict[str, ChangeKind]) -> list[StoryChange]:
        out: list[StoryChange] = []
        for story_id, kind in touched.items():
            story = self.stories.get(story_id)
            if story is None:
                continue
            if not story.members:
                del self.stories[story_id]
                out.append(StoryChange(story_id, "deleted", None))
                continue
            story.version += 1
            out.append(StoryChange(story_id, kind, story.to_record(), len(story.members)))
        return out

    def index_state(self) -> dict[str, Any]:
        """The block without its stories' members: its sequence, its story ids (oldest first) and
        how far expiry has looked, so that a book read back expires exactly as the one written."""
        expired_to = self._expired_to.isoformat() if self._expired_to is not None else None
        return {
            "block": self.block,
            "next_seq": self.next_seq,
            "stories": list(self.stories),
            "expired_to": expired_to,
        }

    def story_state(self, story_id: str) -> dict[str, Any]:
        """One story as plain JSON: its members' reduced records."""
        story = self.stories[story_id]
        return {
            "story_id": story.story_id,
            "seq": story.seq,
            "version": story.version,
            "members": [m.record for m in story.members],
        }

    @staticmethod
    def from_rows(
        index: dict[str, Any], stories: list[dict[str, Any]], settings: MatchSettings = DEFAULT_MATCH
    ) -> StoryBook:
        """The block of :meth:`index_state` and the :meth:`story_state` of each of its stories.

        The stream keeps them as separate table rows, so that a mention rewrites only the
        stories it changed, and no row grows with the block (``streams/app/stories.py``)."""
        book = StoryBook(block=index["block"], settings=settings, next_seq=int(index["next_seq"]))
        if index.get("expired_to"):  # rows written before 0.6.0 have none
            book._expired_to = datetime.fromisoformat(index["expired_to"])
        for row in sorted(stories, key=lambda r: int(r["seq"])):
            story = Story(row["story_id"], book.block, int(row["seq"]), version=int(row["version"]))
            book.stories[story.story_id] = story
            book._join(story, [mention_from_record(r) for r in row["members"]])
        return book


def _forms(mention: Mention) -> set[str]:
    """The name forms a story is indexed by, one set per actor, tagged by kind of form."""
    out: set[str] = set()
    for actor in mention.actors:
        forms = actor.forms
        out |= {"k:" + forms.key, "s:" + forms.squashed} | {"w:" + w for w in forms.words}
        if forms.initials:
            out.add("i:" + forms.initials)
    return out


def _lookups(mention: Mention) -> set[str]:
    """The index entries where a story ``names.same_actor`` could join to ``mention`` stands:
    the same key, letters or word; or its initials spelt out, or spelling out its initials."""
    out = _forms(mention)
    for actor in mention.actors:
        out.add("i:" + actor.forms.squashed)  # the story's initials are the mention's letters
        if actor.forms.initials:
            out.add("s:" + actor.forms.initials)  # the mention's initials are the story's letters
    return out
