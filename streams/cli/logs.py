"""One log format for the worker's own lines and its libraries', and the libraries kept quiet.

Faust, mode, aiokafka and kafka-python log every connection, group step and start-up stage
at INFO (about a hundred lines, some of them ASCII tables, before a worker is ready). They
are kept at WARNING unless the log level is ``debug``, where everything is wanted; what the
worker itself says at INFO is then a few lines ending with one "worker ready" line.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Loggers of the libraries under the worker (their children follow them), and of the project's
#: subclasses of Faust's consumer, whose services log Faust's start-up stages under that name.
LIBRARIES = ("faust", "mode", "aiokafka", "kafka", "streams.app.transport")


def configure_logging(level: str, stream: TextIO | None = None) -> None:
    """Log at ``level`` (debug, info, warning, error) to ``stream`` (default: standard error)."""
    number = logging.getLevelNamesMapping().get(level.upper())
    if number is None:
        raise ValueError(f"unknown log level {level!r}")
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(number)
    libraries = number if number <= logging.DEBUG else max(number, logging.WARNING)
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(libraries)
