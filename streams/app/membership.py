"""Who this worker is in its consumer group, and what it does when the group does not take it in.

A worker killed with SIGKILL never leaves its group. On the embedded noida broker its member then
stays for good (noida expires no session), and the group waits for it at every rebalance: a
restarted worker joined, waited, rejoined every session timeout and never got a partition until the
broker restarted (issue 17). So each worker is a *static* member (KIP-345) with an id that is the same
across its restarts and different from every other running worker, and before it joins it removes
whatever member is still registered under that id: its killed predecessor. On Kafka that spares the
wait for the dead member's session timeout; on noida it is the only way the group recovers. On a
graceful stop the worker leaves the group explicitly (``streams/app/transport.py``), since a static
member would otherwise be waited for. The measurements behind this, per broker:
docs/decisions/0008-restarted-worker-takes-over.md.

The embedded Tansu broker is the exception: replacing a static member, or a leader's LeaveGroup
during a rebalance, can leave its group without a leader for good, so its workers join as dynamic
members and never leave (``NEWSEVENTS_GROUP_MEMBERSHIP=dynamic``,
``NEWSEVENTS_LEAVE_GROUP_ON_STOP=false``; ``streams/broker.py``, docs/decisions/0009-tansu-group-leader.md).

If the group still does not assign the worker its partitions, ``JoinWatch`` says so in the log every
session timeout, with what to check, and after ``NEWSEVENTS_JOIN_TIMEOUT`` makes the worker exit with
``JOIN_TIMEOUT_EXIT`` so that its supervisor restarts it and shows the failure.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from streams.config import Settings
from streams.kafka_options import client_options

log = logging.getLogger(__name__)

#: Exit status of a worker that the group never assigned its partitions within the join timeout.
JOIN_TIMEOUT_EXIT = 4
#: More workers of one group on one host than this is a configuration error, not a slot to find.
MAX_SLOTS = 256
DOCS = "docs/reliability.md#a-worker-killed-and-restarted"


class InstanceIdTaken(RuntimeError):
    """Another running worker of the same group on this host already uses the id asked for."""


def _safe(text: str) -> str:
    """Kafka allows ``[A-Za-z0-9._-]`` in a group instance id."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", text)[:150] or "worker"


def slots_directory() -> Path:
    """Where the workers of one host record which ids they hold: one lock file per id."""
    return Path(tempfile.gettempdir()) / f"newsevents-{os.getuid()}" / "members"


@dataclass
class MemberSlot:
    """A group instance id held by this process: the lock on its file lasts as long as the process,
    and the kernel releases it when the process dies, however it dies."""

    instance_id: str
    lock: IO[str]

    def release(self) -> None:
        self.lock.close()


def _try_lock(path: Path) -> IO[str] | None:
    handle = path.open("a+")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


def claim_instance_id(
    settings: Settings, directory: Path | None = None, hostname: str | None = None
) -> MemberSlot:
    """The static member id for this worker: ``NEWSEVENTS_GROUP_INSTANCE_ID``, or ``<host>-<n>`` with
    the lowest n that no running worker of this group on this host holds.

    A worker restarted after a crash gets the slot its predecessor held (the only one free), so it
    comes back with the same id; two workers on one host never share one, which Kafka would answer by
    fencing one of them.
    """
    group_dir = (directory or slots_directory()) / _safe(settings.app_id)
    group_dir.mkdir(parents=True, exist_ok=True)
    explicit = settings.kafka.group_instance_id
    if explicit:
        lock = _try_lock(group_dir / f"{explicit}.lock")
        if lock is None:
            raise InstanceIdTaken(
                f"another worker of group {settings.app_id} on this host already runs with "
                f"NEWSEVENTS_GROUP_INSTANCE_ID={explicit}; give each worker its own id, or leave it "
                "empty to have one chosen"
            )
        return MemberSlot(explicit, lock)
    host = _safe(hostname or socket.gethostname())
    for slot in range(MAX_SLOTS):
        candidate = f"{host}-{slot}"
        lock = _try_lock(group_dir / f"{candidate}.lock")
        if lock is not None:
            return MemberSlot(candidate, lock)
    raise InstanceIdTaken(f"{MAX_SLOTS} workers of group {settings.app_id} already run on this host")


class _NoClientConfiguration(logging.Filter):
    """kafka-python's admin client logs its whole configuration at debug level, the SASL password with it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Starting KafkaAdminClient with configuration")


_ADMIN_LOG = logging.getLogger("kafka.admin.client")


def _admin(settings: Settings) -> Any:
    from kafka.admin import KafkaAdminClient

    if not any(isinstance(f, _NoClientConfiguration) for f in _ADMIN_LOG.filters):
        _ADMIN_LOG.addFilter(_NoClientConfiguration())
    return KafkaAdminClient(**client_options(settings, "newsevents-membership"), request_timeout_ms=10_000)


def remove_previous_member(settings: Settings, instance_id: str) -> str | None:
    """Remove the group's member registered under ``instance_id``, if any: this worker's predecessor,
    killed before it could leave. Returns its member id, or None when there was none or the broker
    does not remove members by instance id (Tansu); the static join then replaces it instead.
    """
    from kafka.admin import MemberToRemove
    from kafka.errors import KafkaError, NoError, UnknownMemberIdError

    try:
        admin = _admin(settings)
    except KafkaError as exc:
        log.warning("could not reach the broker to look for a previous member %s: %s", instance_id, exc)
        return None
    try:
        result = admin.remove_group_members(settings.app_id, [MemberToRemove(group_instance_id=instance_id)])
    except UnknownMemberIdError:  # noida's answer when no member has that id
        return None
    except KafkaError as exc:
        log.warning(
            "could not remove a previous member %s from group %s: %s", instance_id, settings.app_id, exc
        )
        return None
    finally:
        admin.close()
    removed = [str(member) for member, error in result.items() if error is NoError]
    if removed:
        log.info(
            "removed the previous member of %s from group %s (%s): a worker that stopped without "
            "leaving, probably killed",
            instance_id,
            settings.app_id,
            ", ".join(removed),
        )
        return removed[0]
    return None


def describe_members(settings: Settings) -> list[str] | None:
    """The group's members as ``instance id (host)``; None when the broker cannot be asked."""
    try:
        admin = _admin(settings)
    except Exception:  # the broker is not reachable
        return None
    try:
        groups = admin.describe_groups([settings.app_id])
    except Exception:  # Tansu's answer does not parse; the caller falls back to "the broker answers"
        return []
    finally:
        admin.close()
    group = groups.get(settings.app_id, {}) if isinstance(groups, dict) else {}
    members = group.get("members", []) if isinstance(group, dict) else []
    return [
        f"{m.get('group_instance_id') or m.get('member_id', '?')} ({m.get('client_host', '?')})"
        for m in members
        if isinstance(m, dict)
    ]


@dataclass(frozen=True)
class Notice:
    """What the watch has to say: a line to log, and whether the worker must now exit."""

    message: str
    exit: bool = False


class JoinWatch:
    """Tracks whether the group has given this worker its assignment (an empty one counts: a worker
    beyond the partition count is assigned nothing, and is not stuck).

    Waiting starts with the worker and again at every revocation, and ends at each assignment. The
    stream writes it (Faust's rebalance signals, in the event loop); a thread reads it, so that a
    consumer stuck inside a join, when Faust's own timers may not run, is still reported.
    """

    def __init__(
        self, settings: Settings, instance_id: str, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.group = settings.app_id
        self.instance_id = instance_id
        self.every = max(settings.kafka.session_timeout, 5.0)
        self.timeout = settings.kafka.join_timeout
        self._waiting_since: float | None = clock()
        self._reported = 0
        self._stopping = False
        self.timed_out = False

    def revoked(self) -> None:
        with self._lock:
            if self._waiting_since is None and not self._stopping:
                self._waiting_since, self._reported = self._clock(), 0

    def assigned(self) -> None:
        with self._lock:
            self._waiting_since = None

    def stopping(self) -> None:
        """The worker is stopping: its partitions are revoked on purpose, nothing to report."""
        with self._lock:
            self._waiting_since = None
            self._stopping = True

    def check(self, members: Callable[[], list[str] | None]) -> Notice | None:
        """A notice when a report is due; ``members`` asks the broker (None: it does not answer)."""
        with self._lock:
            if self._waiting_since is None:
                return None
            waited = self._clock() - self._waiting_since
            expired = bool(self.timeout) and waited >= self.timeout
            if waited < self.every * (self._reported + 1) and not expired:
                return None
            self._reported = int(waited // self.every)
        seen = members()
        if seen is None:
            return Notice(
                f"no partitions from group {self.group} for {waited:.0f} s: the broker does not answer "
                "(this worker keeps waiting; check the broker and NEWSEVENTS_BOOTSTRAP)"
            )
        listed = f"members now: {', '.join(seen)}; " if seen else ""
        if expired:
            self.timed_out = True
            return Notice(
                f"no partitions from group {self.group} for {waited:.0f} s although the broker answers "
                f"({listed}this worker is {self.instance_id}): exiting with status {JOIN_TIMEOUT_EXIT} so "
                f"that the supervisor restarts it. See {DOCS}",
                exit=True,
            )
        limit = f"; it exits after NEWSEVENTS_JOIN_TIMEOUT={self.timeout:g} s" if self.timeout else ""
        return Notice(
            f"waiting {waited:.0f} s for group {self.group} to assign this worker ({self.instance_id}) its "
            f"partitions; {listed}the group waits for every member to rejoin, and one that died without "
            "leaving holds it until the broker drops it (Kafka: after its session timeout; the embedded "
            "noida broker: never, until that worker restarts with its id or the broker restarts)"
            f"{limit}. See {DOCS}"
        )


def exit_now() -> None:
    """Exit with ``JOIN_TIMEOUT_EXIT`` at once, as the shutdown deadline does.

    A graceful stop was seen hanging inside the join it would end (then the shutdown deadline's
    status 3 hid the reason). Nothing is lost by skipping it: a worker waiting for an assignment holds
    no partition, whatever it had not committed is read again, and the member it leaves behind is
    removed by its successor (``remove_previous_member``).
    """
    logging.shutdown()
    os._exit(JOIN_TIMEOUT_EXIT)


def start_join_watch(
    watch: JoinWatch, settings: Settings, on_timeout: Callable[[], None] = exit_now
) -> threading.Event:
    """Check ``watch`` every second in a daemon thread; returns the event that stops it."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(1.0):
            notice = watch.check(lambda: describe_members(settings))
            if notice is None or stop.is_set():
                continue
            if notice.exit:
                log.error(notice.message)
                stop.set()
                on_timeout()
            else:
                log.warning(notice.message)

    threading.Thread(target=run, name="join-watch", daemon=True).start()
    return stop
