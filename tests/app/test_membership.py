"""The worker's static member id, and what it reports while the group does not assign it anything."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka.consumer.group_coordinator import GroupCoordinator

from streams.app.membership import InstanceIdTaken, JoinWatch, MemberSlot, claim_instance_id
from streams.app.transport import leave_by_member_id, stay_in_group
from streams.config import Settings


def _claim(tmp_path: Path, host: str = "node-a", **flat: object) -> MemberSlot:
    return claim_instance_id(Settings.from_flat(app_id="g", **flat), directory=tmp_path, hostname=host)


def test_workers_on_one_host_get_different_ids_and_a_restart_gets_its_own_back(tmp_path: Path) -> None:
    first, second = _claim(tmp_path), _claim(tmp_path)
    assert (first.instance_id, second.instance_id) == ("node-a-0", "node-a-1")
    first.release()  # the first worker dies (the kernel drops its lock as it does here)
    again = _claim(tmp_path)
    assert again.instance_id == "node-a-0"  # the restarted worker replaces its own member
    for slot in (second, again):
        slot.release()


def test_other_groups_and_hosts_do_not_take_slots(tmp_path: Path) -> None:
    mine = _claim(tmp_path)
    assert mine.instance_id == "node-a-0"
    other_group = claim_instance_id(Settings.from_flat(app_id="h"), directory=tmp_path, hostname="node-a")
    assert other_group.instance_id == "node-a-0"
    assert _claim(tmp_path, host="odd host/name").instance_id == "odd-host-name-0"  # Kafka's alphabet


def test_an_explicit_id_is_used_as_given_and_only_once_per_host(tmp_path: Path) -> None:
    slot = _claim(tmp_path, group_instance_id="worker-7")
    assert slot.instance_id == "worker-7"
    with pytest.raises(InstanceIdTaken, match="NEWSEVENTS_GROUP_INSTANCE_ID=worker-7"):
        _claim(tmp_path, group_instance_id="worker-7")
    slot.release()
    assert _claim(tmp_path, group_instance_id="worker-7").instance_id == "worker-7"


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _watch(clock: _Clock, **flat: object) -> JoinWatch:
    settings = Settings.from_flat(**{"app_id": "g", "session_timeout": 10.0, "join_timeout": 60.0, **flat})
    return JoinWatch(settings, "node-a-0", clock=clock)


def _members() -> list[str]:
    return ["node-a-0 (/10.0.0.1)", "faust-dead (/10.0.0.2)"]


def test_a_worker_waiting_for_its_assignment_says_so_every_session_timeout(tmp_path: Path) -> None:
    clock = _Clock()
    watch = _watch(clock)
    clock.now += 9
    assert watch.check(_members) is None
    clock.now += 1
    notice = watch.check(_members)
    assert notice is not None and not notice.exit
    assert "waiting 10 s for group g" in notice.message and "faust-dead (/10.0.0.2)" in notice.message
    assert "NEWSEVENTS_JOIN_TIMEOUT=60 s" in notice.message
    assert watch.check(_members) is None  # once per session timeout, not at every check
    clock.now += 10
    assert watch.check(_members) is not None


def test_an_assignment_ends_the_wait_and_a_revocation_starts_a_new_one() -> None:
    clock = _Clock()
    watch = _watch(clock)
    watch.assigned()  # an empty assignment counts: more workers than partitions is not stuck
    clock.now += 100
    assert watch.check(_members) is None
    watch.revoked()
    clock.now += 10
    notice = watch.check(_members)
    assert notice is not None and "waiting 10 s" in notice.message


def test_past_the_join_timeout_the_worker_exits_only_while_the_broker_answers() -> None:
    clock = _Clock()
    watch = _watch(clock)
    clock.now += 60
    notice = watch.check(lambda: None)  # broker unreachable: a restart would not help
    assert notice is not None and not notice.exit and "does not answer" in notice.message
    assert not watch.timed_out
    clock.now += 10
    notice = watch.check(_members)
    assert notice is not None and notice.exit and "exiting with status 4" in notice.message
    assert watch.timed_out


def test_no_exit_with_a_zero_timeout_and_no_report_while_stopping() -> None:
    clock = _Clock()
    forever = _watch(clock, join_timeout=0.0)
    clock.now += 1000
    notice = forever.check(_members)
    assert notice is not None and not notice.exit
    stopping = _watch(clock)
    stopping.stopping()
    stopping.revoked()  # the worker's own shutdown revokes its partitions
    clock.now += 1000
    assert stopping.check(_members) is None


class _Coordinator:
    """Enough of aiokafka's group coordinator for its own ``_maybe_leave_group`` to run."""

    _maybe_leave_group = GroupCoordinator._maybe_leave_group

    def __init__(self) -> None:
        self.group_id, self.member_id, self.generation = "g", "m-1", 5
        self._group_instance_id: str | None = None
        self.sent: list[Any] = []

    async def _send_req(self, request: Any) -> None:
        self.sent.append(request)

    def reset_generation(self) -> None:
        self.generation, self.member_id = -1, ""


def test_a_worker_that_stays_in_its_group_sends_no_leave_group() -> None:
    """For Tansu, whose group is stuck for good when its leader leaves during a rebalance."""
    leaving, staying = _Coordinator(), _Coordinator()
    asyncio.run(leaving._maybe_leave_group())
    assert [type(r).__name__ for r in leaving.sent] == ["LeaveGroupRequest"]  # aiokafka's own way
    stay_in_group(SimpleNamespace(_coordinator=staying))
    asyncio.run(staying._maybe_leave_group())
    assert staying.sent == [] and staying.generation == -1
    stay_in_group(SimpleNamespace())  # a consumer that never started has no coordinator


def test_a_static_member_leaves_by_member_id_and_keeps_its_instance_id() -> None:
    """aiokafka skips LeaveGroup when ``group_instance_id`` is set. The worker sends it by member id
    instead, and keeps the instance id: a join still in flight during the stop, sent without it,
    registered a dynamic member that noida never drops and no restarted worker replaces."""
    static, joining = _Coordinator(), _Coordinator()
    static._group_instance_id = joining._group_instance_id = "node-a-0"
    joining.member_id, joining.generation = "", -1  # stopped before the broker gave it a member id
    for coordinator in (static, joining):
        leave_by_member_id(SimpleNamespace(_coordinator=coordinator))
        asyncio.run(coordinator._maybe_leave_group())
    assert [(type(r).__name__, r._member_id) for r in static.sent] == [("LeaveGroupRequest", "m-1")]
    assert joining.sent == []
    assert static._group_instance_id == joining._group_instance_id == "node-a-0"
    assert static.member_id == "" and static.generation == -1
    leave_by_member_id(SimpleNamespace())  # a consumer that never started has no coordinator
