"""streams.app.stories without a broker: routing of event-topic records, and the story state as
table rows (a dict stands for the Faust table)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import faust.types
import pytest

from streams.app.publishing import FaustPublisher
from streams.app.records import OutputRecord
from streams.app.stories import (
    BlockRows,
    Holding,
    InMemorySteps,
    StoryAgents,
    _deliver,
    _held_until_done,
    route_instructions,
)
from streams.config import Settings
from streams.core.stories.mention import InvalidEventRecord
from streams.core.stories.stage import StoryStage
from tests.core.stories.records import actor, event, statement

HORIZON = timedelta(days=10)


def _raw(record: dict[str, Any]) -> bytes:
    return json.dumps(record).encode()


def _stream(records: list[tuple[str, dict[str, Any] | None]], steps: InMemorySteps) -> list[Any]:
    """Both steps as the stream runs them; returns every change, in order."""
    changes = []
    for event_id, record in records:
        changes += steps.feed(event_id, _raw(record) if record else None)
    return changes


DEALS = [
    ("e1", event("e1", source="wire")),
    ("e2", event("e2", actors=[actor("Acme Inc"), actor("Widgetco")], source="daily")),
    ("e3", event("e3", actors=[actor("Globex"), actor("Initech")], source="wire")),
    ("q1", statement("q1", "Dana Reyes", "We will build robots here.", source="wire")),
    ("q2", statement("q2", "Reyes", "We will build robots here", source="daily")),
    ("e2", None),  # retracted
    ("e4", event("e4", actors=[actor("Acme"), actor("Widgetco")], source="blog")),
]


def test_the_stream_steps_publish_what_the_offline_stage_publishes() -> None:
    stage = StoryStage(horizon=HORIZON)
    offline = []
    for event_id, record in DEALS:
        offline += stage.add(record) if record else stage.retract(event_id)
    streamed = _stream(DEALS, InMemorySteps(HORIZON))
    assert [(c.story_id, c.kind, c.record) for c in streamed] == [
        (c.story_id, c.kind, c.record) for c in offline
    ]


def test_each_story_is_its_own_row_and_a_block_is_an_index_of_ids() -> None:
    table: dict[bytes, bytes] = {}
    _stream(DEALS, InMemorySteps(HORIZON, table))
    stories = {k: json.loads(v) for k, v in table.items() if k.startswith(b"s:")}
    indexes = {k: json.loads(v) for k, v in table.items() if k.startswith(b"i:")}
    assert sorted(indexes) == [b"i:agreement:acquisition", b"i:statement:reyes"]
    deals = indexes[b"i:agreement:acquisition"]["stories"]
    assert len(deals) == 2 and all(b"s:" + i.encode() in table for i in deals)
    members = sorted(m["event_id"] for row in stories.values() for m in row["members"])
    assert members == ["e1", "e3", "e4", "q1", "q2"]  # e2 was retracted


def test_a_worker_that_reads_the_rows_afresh_carries_on_like_the_one_that_wrote_them() -> None:
    first, rest = DEALS[:4], DEALS[4:]
    table: dict[bytes, bytes] = {}
    writer = InMemorySteps(HORIZON, table)
    _stream(first, writer)
    new_worker = InMemorySteps(HORIZON, dict(table))  # both tables as their changelogs hold them
    new_worker.routes = dict(writer.routes)
    recovered = _stream(rest, new_worker)
    whole = InMemorySteps(HORIZON)
    _stream(first, whole)
    uninterrupted = _stream(rest, whole)
    assert [(c.story_id, c.kind, c.record) for c in recovered] == [
        (c.story_id, c.kind, c.record) for c in uninterrupted
    ]


MERGING = [
    *DEALS,
    # names both deals' parties: the two stories merge, a mention that changes three rows
    ("e5", event("e5", actors=[actor("Acme Inc"), actor("Widgetco"), actor("Globex"), actor("Initech")])),
    ("q1", None),
]


def _instructions(records: list[tuple[str, dict[str, Any] | None]]) -> list[tuple[str, dict[str, Any]]]:
    routes: dict[str, str] = {}
    out: list[tuple[str, dict[str, Any]]] = []
    for event_id, record in records:
        sends, keep = route_instructions(event_id, _raw(record) if record else None, routes.get(event_id))
        routes.pop(event_id, None) if keep is None else routes.__setitem__(event_id, keep)
        out += sends
    return out


class _Recording(dict[bytes, bytes]):
    """A table that records its writes in order, as its changelog would receive them."""

    def __init__(self, rows: dict[bytes, bytes]) -> None:
        super().__init__(rows)
        self.writes: list[tuple[bytes, bytes | None]] = []

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self.writes.append((key, value))
        super().__setitem__(key, value)

    def __delitem__(self, key: bytes) -> None:
        self.writes.append((key, None))
        super().__delitem__(key)


def _place(
    steps: list[tuple[str, dict[str, Any]]], table: dict[bytes, bytes], topic: dict[str, list[str]]
) -> None:
    """The assign-stories agent: publish a mention's story records (compacted in ``topic``:
    story id -> event ids), then write its rows."""
    rows = BlockRows(table, HORIZON)
    for block, instruction in steps:
        placement = rows.place(block, json.loads(json.dumps(instruction)))
        for change in placement.changes:
            if change.record is None:
                topic.pop(change.story_id, None)
            else:
                topic[change.story_id] = sorted(change.record["event_ids"])
        rows.write(block, placement.rows)


def _crash_points() -> list[tuple[int, int]]:
    """(mention, how many of its row writes reached the changelog) for every mention, from none
    to all of them (all: the mention is delivered again after its offset was not committed)."""
    steps = _instructions(MERGING)
    points = []
    for n in range(len(steps)):
        recorder = _Recording({})
        _place(steps[:n], recorder, {})
        before = len(recorder.writes)
        _place(steps[n : n + 1], recorder, {})
        points += [(n, k) for k in range(len(recorder.writes) - before + 1)]
    return points


@pytest.mark.parametrize(("mention", "kept"), _crash_points())
def test_a_worker_dying_between_two_writes_leaves_every_event_in_one_story(mention: int, kept: int) -> None:
    """The worker publishes mention ``mention``'s story records, gets ``kept`` of its row writes
    into the changelog and dies; its successor restores the table and replays from that mention."""
    steps = _instructions(MERGING)
    table = _Recording({})
    topic: dict[str, list[str]] = {}
    _place(steps[:mention], table, topic)
    restored = dict(table)
    dying = _Recording(dict(table))
    _place(steps[mention : mention + 1], dying, topic)
    for key, value in dying.writes[:kept]:
        restored.pop(key, None) if value is None else restored.__setitem__(key, value)
    _place(steps[mention:], restored, topic)
    uninterrupted: dict[str, list[str]] = {}
    _place(steps, {}, uninterrupted)
    assert topic == uninterrupted
    assert not any(key.startswith(b"j:") for key in restored)


def test_rows_of_a_story_and_of_an_emptied_block_are_deleted() -> None:
    table: dict[bytes, bytes] = {}
    steps = InMemorySteps(HORIZON, table)
    _stream([("e1", event("e1")), ("e1", None)], steps)
    assert table == {}
    assert steps.rows.live_stories == 0


def test_a_tombstone_goes_to_the_block_its_event_was_in_and_a_new_speaker_moves_a_statement() -> None:
    sends, keep = route_instructions("q1", None, "statement:reyes")
    assert (sends, keep) == ([("statement:reyes", {"op": "retract", "event_id": "q1"})], None)
    moved = statement("q1", "Lena Ortiz", "We will build robots here.")
    sends, keep = route_instructions("q1", _raw(moved), "statement:reyes")
    assert [(block, i["op"]) for block, i in sends] == [
        ("statement:reyes", "retract"),
        ("statement:ortiz", "add"),
    ]
    assert keep == "statement:ortiz"


@pytest.mark.parametrize("value", [b"not json", b"[1, 2]", json.dumps({"event_id": "x"}).encode()])
def test_a_record_that_is_no_event_is_refused_with_a_reason(value: bytes) -> None:
    with pytest.raises(InvalidEventRecord):
        route_instructions("x", value, None)


class _FlakyProducer:
    """A producer whose first ``failures`` acknowledgements fail: what a broker restart looks like."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.sent: list[tuple[str, bytes | None]] = []

    async def send(self, topic: str, key: bytes | None, value: bytes | None, **kwargs: Any) -> Any:
        self.sent.append((topic, key))
        future = asyncio.get_running_loop().create_future()
        if self.failures:
            self.failures -= 1
            future.set_exception(ConnectionError("broker away"))
        else:
            future.set_result(None)
        return future


class _App:
    def __init__(
        self, producer: _FlakyProducer, generation: int = 3, assigned: frozenset[Any] = frozenset()
    ) -> None:
        self.producer = producer
        self.consumer_generation_id = generation
        self.consumer = SimpleNamespace(assignment=lambda: set(assigned))


def test_a_failed_send_is_sent_again_with_the_whole_step_rather_than_dropped() -> None:
    """Faust acknowledges a message whose agent body raises, so the stage must not raise on a
    failed send: it sends the step's records again until the broker has them all."""
    producer = _FlakyProducer(failures=1)
    records = [
        OutputRecord("events.story", b"s1", b"{}", [], "story"),
        OutputRecord("events.story", b"s2", None, [], "story"),
    ]
    settings = Settings.from_flat(publish_retry_max=0.01)
    asyncio.run(_deliver(FaustPublisher(_App(producer)), settings, records))  # type: ignore[arg-type]
    assert producer.sent == [("events.story", b"s1"), ("events.story", b"s2")] * 2


def test_a_journal_too_large_for_one_message_is_not_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows that would need a journal over the message limit are written without one."""
    monkeypatch.setattr("streams.app.stories.JOURNAL_LIMIT", 10)
    table = _Recording({})
    rows = BlockRows(table, HORIZON)
    rows.write("b", {b"s:1": b"{}", b"i:b": b"{}"})
    assert [key for key, _ in table.writes] == [b"s:1", b"i:b"]


# The agents' bodies around a rebalance. Faust does not wait for a step in a rebalance: it revokes,
# assigns, recovers the tables and seeks while the step still waits for the broker. What the
# fakes below stand for: ``_Group`` the app's rebalance flags and assignment as Faust keeps them,
# ``_Changelogged`` a table and its changelog, ``_Gate`` a broker that acknowledges a step's
# story records when the test opens it.

TP = ("events.story-mentions", 0)
#: The changelog topic of the fakes' tables (one name for both: each test reads one of them).
CHANGELOG = "story-changelog"


class _Group:
    """Faust's app as the story stage reads it: a rebalance count raised when a rebalance begins,
    ``rebalancing`` until its tables are recovered, and the consumer's assignment."""

    def __init__(self, assigned: set[Any]) -> None:
        self.rebalancing_count = 1
        self._rebalancing = False
        self.assigned = set(assigned)
        self.consumer = SimpleNamespace(assignment=lambda: set(self.assigned))
        # the changelog partitions go with the input's, unless a test splits them (``actives``)
        self.actives: set[Any] | None = None
        self.assignor = SimpleNamespace(assigned_actives=self._assigned_actives)
        self.looked: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def _assigned_actives(self) -> set[Any]:
        if self.actives is not None:
            return self.actives
        return {faust.types.TP(CHANGELOG, tp[1]) for tp in self.assigned}

    @property
    def rebalancing(self) -> bool:
        if self._rebalancing and not self.looked.done():
            self.looked.set_result(None)  # a step asked whether it may write: it waits
        return self._rebalancing

    def rebalance_begins(self) -> None:
        self.rebalancing_count += 1
        self._rebalancing = True

    def rebalance_ends(self, holding: Holding, assigned: set[Any]) -> None:
        self.assigned = set(assigned)
        holding.on_assigned(self.assigned)
        self._rebalancing = False
        holding.look_again()


class _Changelogged(_Recording):
    """A Faust table: every write goes to its changelog too (``writes``, in order), acknowledged at
    once unless the test holds the acknowledgements (``hold``)."""

    changelog_topic = SimpleNamespace(get_topic_name=lambda: CHANGELOG)

    def __init__(self) -> None:
        super().__init__({})
        self.held: asyncio.Future[None] | None = None
        self.asked = asyncio.Event()

    def hold(self) -> asyncio.Future[None]:
        self.held = asyncio.get_running_loop().create_future()
        return self.held

    async def acknowledged(self) -> None:
        self.asked.set()
        if self.held is not None:
            await self.held
            self.held = None

    def recover(self, end: int) -> None:
        """What Faust's recovery of a partition this worker keeps does: read the changelog again up
        to ``end``, its end offset when the recovery began, putting every row it names back."""
        for key, value in self.writes[:end]:
            dict.pop(self, key, None) if value is None else dict.__setitem__(self, key, value)


class _Gate:
    """The broker for story records: acknowledges them at once while open."""

    def __init__(self) -> None:
        self.reached = asyncio.Event()
        self.opened = asyncio.Event()
        self.opened.set()

    def close(self) -> None:
        self.opened.clear()
        self.reached.clear()

    async def publish(self, records: Any) -> None:
        self.reached.set()
        await self.opened.wait()


async def _first(*waits: Awaitable[Any]) -> None:
    """Until the step has finished or reached the point the test waits for, whichever comes first
    (without the fix, the step finished where it should have waited)."""
    futures: list[asyncio.Future[Any]] = [asyncio.ensure_future(w) for w in waits]
    await asyncio.wait(futures, return_when=asyncio.FIRST_COMPLETED)


def _mention(block: str, instruction: dict[str, Any], offset: int) -> Any:
    message = SimpleNamespace(tp=TP, topic=TP[0], partition=TP[1], offset=offset)
    return SimpleNamespace(key=block.encode(), value=json.dumps(instruction).encode(), message=message)


def _writes_after(count: int) -> int:
    """How many changelog writes the first ``count`` mentions of DEALS make."""
    recorder = _Recording({})
    _place(_instructions(DEALS)[:count], recorder, {})
    return len(recorder.writes)


def _uninterrupted_rows(count: int) -> dict[bytes, bytes]:
    table: dict[bytes, bytes] = {}
    _place(_instructions(DEALS)[:count], table, {})
    return table


async def _agents_after(count: int) -> tuple[_Group, Holding, _Changelogged, _Gate, StoryAgents]:
    """The agents of a worker holding ``TP``, with the first ``count`` mentions of DEALS placed."""
    group = _Group({TP})
    holding = Holding(group)
    holding.on_assigned({TP})
    blocks, gate = _Changelogged(), _Gate()
    agents = StoryAgents(group, Settings.from_flat(), _Changelogged(), blocks, gate, holding)  # type: ignore[arg-type]
    for offset, (block, instruction) in enumerate(_instructions(DEALS)[:count]):
        assert await agents.assign(_mention(block, instruction, offset))
    return group, holding, blocks, gate, agents


#: The last mention of DEALS, e4, joins the story e1 opened: it rewrites a row the changelog
#: already holds, which a recovery can put back.
LAST = len(_instructions(DEALS)) - 1


def test_a_mention_that_ends_during_a_rebalance_that_keeps_its_partition_is_not_undone() -> None:
    """The chaos soak's events in no story: a step whose story records were acknowledged during
    a rebalance wrote its rows at once; Faust's recovery of the partition, kept here, then put the
    rows back to their values at its start, and the next mention of the block started from them.
    The step must write its rows once the recovery is over."""

    async def scenario() -> None:
        group, holding, blocks, gate, agents = await _agents_after(LAST)
        gate.close()
        block, instruction = _instructions(DEALS)[LAST]
        step = asyncio.ensure_future(agents.assign(_mention(block, instruction, LAST)))
        await gate.reached.wait()
        group.rebalance_begins()
        end = len(blocks.writes)  # what the recovery will read, fetched as it begins
        gate.opened.set()
        await _first(step, group.looked)
        blocks.recover(end)
        group.rebalance_ends(holding, {TP})
        assert await step
        assert dict(blocks) == _uninterrupted_rows(LAST + 1)

    asyncio.run(scenario())


@pytest.mark.parametrize("recovered_to", [0, LAST - 1], ids=["taken-over", "kept"])
def test_a_mention_begun_while_the_table_is_recovered_waits_for_the_recovery_to_read_its_rows(
    recovered_to: int,
) -> None:
    """The chaos soak's event in two stories: a worker placed a mention while its table was still
    being recovered, read the block as empty, and opened a second story for an event already in
    one. The step must read the block only once the recovery is over."""

    async def scenario() -> None:
        group, holding, blocks, _, agents = await _agents_after(LAST)
        group.rebalance_begins()
        agents.rows.forget()  # what the revocation at the start of the rebalance does
        dict.clear(blocks)
        blocks.recover(_writes_after(recovered_to))  # as far as the recovery has read
        block, instruction = _instructions(DEALS)[LAST]
        step = asyncio.ensure_future(agents.assign(_mention(block, instruction, LAST)))
        await _first(step, group.looked)
        blocks.recover(len(blocks.writes))
        group.rebalance_ends(holding, {TP})
        assert await step
        assert dict(blocks) == _uninterrupted_rows(LAST + 1)

    asyncio.run(scenario())


def test_a_mention_whose_partition_leaves_while_it_waits_publishes_nothing() -> None:
    """A CI chaos soak's event in two stories: a step waited for a rebalance that gave its
    partition to another worker, then read the block (no rows here any more), opened a story for
    its event and published it; its write was refused, the new owner placed the mention again in
    the story it was in, and the lone story stayed on the topic. The step must give its mention up
    before it reads or publishes anything."""

    async def scenario() -> None:
        group, holding, blocks, gate, agents = await _agents_after(LAST)
        group.rebalance_begins()
        agents.rows.forget()  # what the revocation at the start of the rebalance does
        dict.clear(blocks)  # the partition's rows are not this worker's to read any more
        gate.reached.clear()
        block, instruction = _instructions(DEALS)[LAST]
        step = asyncio.ensure_future(agents.assign(_mention(block, instruction, LAST)))
        await _first(step, group.looked)
        group.rebalance_ends(holding, set())
        assert await step is False
        assert not gate.reached.is_set()
        assert dict(blocks) == {}

    asyncio.run(scenario())


class _Broker:
    """The broker for the routing step's instructions: keeps what it was sent."""

    def __init__(self) -> None:
        self.sent: list[OutputRecord] = []

    async def publish(self, records: list[OutputRecord]) -> None:
        self.sent += records


def _event_record(value: bytes | None, offset: int) -> Any:
    """Event q1 (or its tombstone) as the routing step reads it from ``TP``."""
    message = SimpleNamespace(tp=TP, topic=TP[0], partition=TP[1], offset=offset)
    return SimpleNamespace(key=b"q1", value=value, message=message)


async def _routing_after_q1() -> tuple[_Group, Holding, _Changelogged, _Broker, StoryAgents]:
    """The agents of a worker holding ``TP`` that has routed event q1, a statement."""
    group = _Group({TP})
    holding = Holding(group)
    holding.on_assigned({TP})
    routes, broker = _Changelogged(), _Broker()
    agents = StoryAgents(group, Settings.from_flat(), routes, _Changelogged(), broker, holding)  # type: ignore[arg-type]
    assert await agents.route(_event_record(_raw(statement("q1", "Dana Reyes", "We build here.")), 0))
    return group, holding, routes, broker, agents


def test_a_mention_whose_table_partition_went_to_another_worker_reads_and_publishes_nothing() -> None:
    """A chaos soak's events in two stories: while a member joined with part of its topics, Faust
    gave a worker input partition 2 of the mentions and the changelog partitions of its last
    assignment; its table had no row of partition 2, and a step opened a second story for events
    already in one. The step must give the mention up, as when the partition changes hands."""

    async def scenario() -> None:
        group, holding, blocks, gate, agents = await _agents_after(LAST)
        group.rebalance_begins()
        agents.rows.forget()
        dict.clear(blocks)  # recovered other partitions than the mentions' one
        group.actives = {faust.types.TP(CHANGELOG, 1)}
        gate.reached.clear()
        block, instruction = _instructions(DEALS)[LAST]
        step = asyncio.ensure_future(agents.assign(_mention(block, instruction, LAST)))
        await _first(step, group.looked)
        group.rebalance_ends(holding, {TP})
        assert await step is False
        assert not gate.reached.is_set()
        assert dict(blocks) == {}

    asyncio.run(scenario())


def test_an_event_whose_routes_partition_went_to_another_worker_sends_nothing() -> None:
    async def scenario() -> None:
        group, _, routes, broker, agents = await _routing_after_q1()
        dict.clear(routes)
        group.actives = {faust.types.TP(CHANGELOG, 1)}
        moved = _raw(statement("q1", "Lee Okafor", "We build here."))
        assert await agents.route(_event_record(moved, 1)) is False
        assert len(broker.sent) == 1  # q1's first routing only

    asyncio.run(scenario())


def test_a_tombstone_begun_while_the_routes_are_recovered_still_reaches_its_events_block() -> None:
    """Read from a routes table not yet recovered, a tombstone would find no block for its event,
    retract nothing, and leave the event in its story."""

    async def scenario() -> None:
        group, holding, routes, broker, agents = await _routing_after_q1()
        group.rebalance_begins()
        dict.clear(routes)  # taken over: nothing recovered yet
        step = asyncio.ensure_future(agents.route(_event_record(None, 1)))
        await _first(step, group.looked)
        routes.recover(len(routes.writes))
        group.rebalance_ends(holding, {TP})
        assert await step
        assert [(r.key, json.loads(r.value or b"")) for r in broker.sent[1:]] == [
            (b"statement:reyes", {"op": "retract", "event_id": "q1"})
        ]

    asyncio.run(scenario())


def test_an_event_whose_partition_leaves_while_it_waits_sends_no_instruction() -> None:
    """Routed from a table this worker no longer holds, an event would find no earlier block: a
    statement whose speaker changed would be added to its new block and never retracted from its
    old one. The step gives the event up to its partition's new owner."""

    async def scenario() -> None:
        group, holding, routes, broker, agents = await _routing_after_q1()
        group.rebalance_begins()
        dict.clear(routes)
        moved = _raw(statement("q1", "Lee Okafor", "We build here."))
        step = asyncio.ensure_future(agents.route(_event_record(moved, 1)))
        await _first(step, group.looked)
        group.rebalance_ends(holding, set())
        assert await step is False
        assert len(broker.sent) == 1  # q1's first routing only

    asyncio.run(scenario())


def test_a_mention_is_acknowledged_only_once_the_changelog_has_its_rows() -> None:
    """Faust's flush before a commit gives up on its buffer after 0.1 s: a mention acknowledged
    with its rows still there could be committed without them, and lost with a killed worker."""

    async def scenario() -> None:
        _, _, blocks, _, agents = await _agents_after(LAST)
        acknowledged = blocks.hold()
        blocks.asked.clear()
        block, instruction = _instructions(DEALS)[LAST]
        step = asyncio.ensure_future(agents.assign(_mention(block, instruction, LAST)))
        await _first(step, blocks.asked.wait())
        assert not step.done()
        acknowledged.set_result(None)
        assert await step

    asyncio.run(scenario())


def test_rows_on_their_way_when_a_rebalance_begins_are_written_again_after_it() -> None:
    """The recovery of a partition kept here may read the changelog's end before the rows get
    there and put older ones back: the step writes them again once the recovery is over."""

    async def scenario() -> None:
        group, holding, blocks, _, agents = await _agents_after(LAST)
        acknowledged = blocks.hold()
        blocks.asked.clear()
        end = len(blocks.writes)
        block, instruction = _instructions(DEALS)[LAST]
        step = asyncio.ensure_future(agents.assign(_mention(block, instruction, LAST)))
        await _first(step, blocks.asked.wait())
        group.rebalance_begins()
        blocks.recover(end)  # the end offset was read before the rows arrived
        acknowledged.set_result(None)
        await _first(step, group.looked)
        group.rebalance_ends(holding, {TP})
        assert await step
        assert dict(blocks) == _uninterrupted_rows(LAST + 1)

    asyncio.run(scenario())


@pytest.mark.parametrize("back", [False, True], ids=["taken", "taken-and-given-back"])
def test_no_row_is_written_for_a_partition_that_changed_hands_and_the_mention_is_not_acknowledged(
    back: bool,
) -> None:
    """Its next owner recovered the table and replays the mention (this worker itself, when the
    partition came back: its rows may be another worker's since)."""

    async def scenario() -> None:
        group, holding, blocks, gate, agents = await _agents_after(LAST)
        before = dict(blocks)
        gate.close()
        block, instruction = _instructions(DEALS)[LAST]
        step = asyncio.ensure_future(agents.assign(_mention(block, instruction, LAST)))
        await gate.reached.wait()
        group.rebalance_begins()
        group.rebalance_ends(holding, set())
        if back:
            group.rebalance_begins()
            group.rebalance_ends(holding, {TP})
        gate.opened.set()
        assert await step is False
        assert dict(blocks) == before

    asyncio.run(scenario())


def test_a_step_given_up_to_a_rebalance_leaves_its_message_unacknowledged() -> None:
    class Message:
        refs = 0

        def incref(self) -> None:
            self.refs += 1

        def decref(self) -> None:
            self.refs -= 1

    async def step(done: bool) -> bool:
        return done

    finished, given_up = Message(), Message()
    asyncio.run(_held_until_done(finished, step(True)))
    asyncio.run(_held_until_done(given_up, step(False)))
    assert (finished.refs, given_up.refs) == (0, 1)
