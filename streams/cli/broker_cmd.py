"""``newsevents broker``: run the embedded broker in the foreground until Ctrl-C or SIGTERM."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType

from streams.broker import BrokerError, EmbeddedBroker, check_engine
from streams.config import Settings, env_name, settings_env


def worker_variables(broker: EmbeddedBroker) -> str:
    """The ``NEWSEVENTS_*`` assignments a worker needs against ``broker``'s engine, shell-ready."""
    wanted = broker.worker_settings
    env = settings_env(Settings.from_flat(**wanted))
    return " ".join(f"{env_name(name)}={env[env_name(name)]}" for name in wanted)


def cmd_broker(engine: str, host: str, port: int, data_dir: str) -> int:
    broker = EmbeddedBroker(engine=engine, host=host, port=port, data_dir=Path(data_dir))

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    # Installed before the broker starts, so a signal sent as soon as "ready" is printed is never
    # lost. SIGINT too: started from a script's background job it is inherited ignored, and
    # Ctrl-C would then never stop the broker.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        check_engine(engine)
        broker.start()
        print(f"{engine} broker ready at {broker.bootstrap} (data: {data_dir}); Ctrl-C stops it", flush=True)
        if broker.worker_settings:
            print(f"workers of this broker need: {worker_variables(broker)}", flush=True)
        assert broker.process is not None
        code = broker.process.wait()
        print(f"newsevents broker: the broker exited with status {code}", file=sys.stderr)
        return 1
    except BrokerError as exc:
        print(f"newsevents broker: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        broker.stop()
