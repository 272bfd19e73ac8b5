"""What each embedded broker does with a group member that dies: ``python -m bench.group_membership``.

Plain aiokafka consumers (the client under Faust) in subprocesses, on a fresh broker per engine and a
2-partition topic, session and rebalance timeouts of ``--session`` seconds. Each case kills a member
with SIGKILL (or stops it with SIGTERM) and times how long until a member holds the partitions it
should, or says ``never`` after ``--limit`` seconds. The findings and what the worker does about
them: docs/decisions/0008-restarted-worker-takes-over.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

from streams.broker import ENGINES, EmbeddedBroker


async def _member(bootstrap: str, group: str, topic: str, instance: str | None, session_ms: int) -> None:
    """One member: prints ``assigned [..]`` at each assignment; on SIGTERM leaves by member id if
    ``LEAVE=1`` (as the worker does, see streams/app/transport.py), else as aiokafka would."""
    from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener

    class Listener(ConsumerRebalanceListener):  # type: ignore[misc]
        async def on_partitions_revoked(self, revoked: object) -> None:
            return None

        async def on_partitions_assigned(self, assigned: object) -> None:
            print(f"assigned {sorted(tp.partition for tp in assigned)}", flush=True)  # type: ignore[attr-defined]

    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=group,
        group_instance_id=instance,
        session_timeout_ms=session_ms,
        rebalance_timeout_ms=session_ms,
        heartbeat_interval_ms=1000,
        enable_auto_commit=False,
    )
    consumer.subscribe([topic], listener=Listener())
    await consumer.start()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    while not stop.is_set():
        await consumer.getmany(timeout_ms=200)
    if os.environ.get("LEAVE") == "1":
        consumer._coordinator._group_instance_id = None
    await consumer.stop()


class Case:
    """Members in subprocesses on one broker, one group and one topic."""

    def __init__(self, broker: EmbeddedBroker, session_ms: int, workdir: Path) -> None:
        self.broker, self.session_ms, self.workdir = broker, session_ms, workdir
        self.group, self.topic = f"g-{uuid.uuid4().hex[:8]}", f"t-{uuid.uuid4().hex[:8]}"
        self.members: list[tuple[subprocess.Popen[bytes], Path]] = []
        from kafka.admin import KafkaAdminClient, NewTopic

        admin = KafkaAdminClient(bootstrap_servers=broker.bootstrap)
        admin.create_topics([NewTopic(self.topic, 2, 1)])
        admin.close()

    def start(self, instance: str | None, leave: bool = False) -> int:
        log = self.workdir / f"{self.group}-{len(self.members)}.log"
        args = [self.broker.bootstrap, self.group, self.topic, instance or "-", str(self.session_ms)]
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.group_membership", "--member", *args],
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            env={**os.environ, "LEAVE": "1" if leave else "0"},
        )
        self.members.append((process, log))
        return len(self.members) - 1

    def holds(self, index: int) -> list[int] | None:
        lines = [x for x in self.members[index][1].read_text().splitlines() if x.startswith("assigned")]
        return [int(p) for p in lines[-1][len("assigned [") : -1].split(",") if p] if lines else None

    def wait(self, index: int, want: list[int], limit: float) -> float | None:
        started = time.monotonic()
        while time.monotonic() - started < limit:
            if self.holds(index) == want:
                return time.monotonic() - started
            time.sleep(0.1)
        return None

    def wait_shared(self, indices: list[int], want: list[int], limit: float, joined: int) -> float | None:
        """Seconds until the members ``indices`` hold ``want`` between them, each partition once,
        with member ``joined`` assigned its share (so a rebalance that took it in has completed)."""
        started = time.monotonic()
        while time.monotonic() - started < limit:
            held = [p for i in indices for p in self.holds(i) or []]
            if sorted(held) == want and self.holds(joined):
                return time.monotonic() - started
            time.sleep(0.1)
        return None

    def stop(self, index: int, sig: int) -> None:
        process = self.members[index][0]
        process.send_signal(sig)
        process.wait(30)

    def remove(self, instance: str) -> str:
        from kafka.admin import KafkaAdminClient, MemberToRemove

        admin = KafkaAdminClient(bootstrap_servers=self.broker.bootstrap)
        try:
            result = admin.remove_group_members(self.group, [MemberToRemove(group_instance_id=instance)])
            return ", ".join(getattr(e, "__name__", str(e)) for e in result.values())
        except Exception as exc:
            return type(exc).__name__
        finally:
            admin.close()

    def close(self) -> None:
        for process, _ in self.members:
            if process.poll() is None:
                process.kill()
                process.wait()


def _seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.1f} s"


def run_cases(broker: EmbeddedBroker, session_ms: int, limit: float, workdir: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    both = [0, 1]

    def case() -> Case:
        return Case(broker, session_ms, workdir)

    for label, instance in (("dynamic member", None), ("static member, same id", "w1")):
        c = case()
        c.wait(c.start(instance), both, limit)
        c.stop(0, signal.SIGKILL)
        rows.append(
            (
                f"SIGKILL, restart as a {label}: restarted member holds both",
                _seconds(c.wait(c.start(instance), both, limit)),
            )
        )
        c.close()
    c = case()
    c.wait(c.start("w1"), both, limit)
    c.stop(0, signal.SIGKILL)
    rows.append(
        ("SIGKILL a static member, start one with another id", _seconds(c.wait(c.start("w2"), both, limit)))
    )
    c.close()
    c = case()
    c.wait(c.start("w1"), both, limit)
    rows.append(("remove a member by instance id (LeaveGroup v3)", c.remove("w1")))
    c.close()
    for label, instances in (("dynamic", (None, None)), ("static", ("w1", "w2"))):
        c = case()
        c.wait(c.start(instances[0]), both, limit)
        c.wait(c.start(instances[1]), [1], limit)
        c.stop(0, signal.SIGKILL)
        rows.append(
            (f"2 {label} members, SIGKILL one: the other holds both", _seconds(c.wait(1, both, limit)))
        )
        c.close()
    for remove in (False, True):
        c = case()
        c.wait(c.start("w1"), both, limit)
        c.wait(c.start("w2"), [1], limit)
        c.stop(0, signal.SIGKILL)
        removed = f" after removing w1 ({c.remove('w1')})" if remove else ""
        restarted = c.start("w1")
        c.wait(restarted, [0], limit)
        time.sleep(session_ms / 1000)
        held = f"restarted {c.holds(restarted)}, other {c.holds(1)}"
        rows.append((f"2 static members, SIGKILL the leader, restart it with its id{removed}", held))
        c.close()
    for leave in (False, True):
        c = case()
        c.wait(c.start("w1", leave=leave), both, limit)
        c.wait(c.start("w2"), [1], limit)
        c.stop(0, signal.SIGTERM)
        how = "with LeaveGroup by member id" if leave else "as aiokafka does (no LeaveGroup)"
        rows.append(
            (f"2 static members, SIGTERM one {how}: the other holds both", _seconds(c.wait(1, both, limit)))
        )
        c.close()
    trio: tuple[list[str | None], ...] = ([None, None, None], ["w1", "w2", "w3"])
    for label, ids in zip(("dynamic", "static"), trio, strict=True):
        for delay in (0.5, 1.0, 1.5, 2.0, 3.0):
            # the leader leaves while a third member's join holds the group in a rebalance
            c = case()
            c.wait(c.start(ids[0], leave=True), both, limit)
            c.wait(c.start(ids[1]), [1], limit)
            third = c.start(ids[2])
            time.sleep(delay)  # the third member's process starts and sends its JoinGroup
            c.stop(0, signal.SIGTERM)
            rows.append(
                (
                    f"3 {label} members, the leader leaves (LeaveGroup) {delay:g} s after the third "
                    "starts: the other two hold both",
                    _seconds(c.wait_shared([1, third], both, limit, joined=third)),
                )
            )
            c.close()
    c = case()
    c.wait(c.start("w1"), both, limit)
    c.wait(c.start("w2"), [1], limit)
    c.stop(0, signal.SIGKILL)
    time.sleep(2 * session_ms / 1000)  # the survivor's heartbeats outlast the dead leader's session
    third = c.start("w3")
    rows.append(
        (
            "2 static members, SIGKILL the leader, a new member joins after its session timeout: "
            "survivor and new member hold both",
            _seconds(c.wait_shared([1, third], both, limit, joined=third)),
        )
    )
    c.close()
    return rows


def main() -> None:
    warnings.simplefilter("ignore")
    if len(sys.argv) > 1 and sys.argv[1] == "--member":
        bootstrap, group, topic, instance, session_ms = sys.argv[2:7]
        asyncio.run(_member(bootstrap, group, topic, None if instance == "-" else instance, int(session_ms)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=ENGINES, action="append", help="default: both")
    parser.add_argument("--session", type=float, default=6.0, help="session timeout, seconds (default 6)")
    parser.add_argument(
        "--limit", type=float, default=40.0, help="longest wait per case, seconds (default 40)"
    )
    args = parser.parse_args()
    for engine in args.engine or ENGINES:
        with (
            tempfile.TemporaryDirectory() as tmp,
            EmbeddedBroker(engine=engine, data_dir=Path(tmp) / "data") as broker,
        ):
            print(f"## {engine} (session timeout {args.session:g} s, waits at most {args.limit:g} s)")
            for label, result in run_cases(broker, int(args.session * 1000), args.limit, Path(tmp)):
                print(f"| {label} | {result} |", flush=True)


if __name__ == "__main__":
    main()
