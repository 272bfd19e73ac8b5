"""Turn the exceptions users meet most into one-line messages that say what to do."""

from __future__ import annotations


class UsageError(ValueError):
    """A command-line value that cannot be used; the message names the option, the value and the
    accepted forms. Reported as ``newsevents COMMAND: MESSAGE`` with exit status 2."""


def explain(exc: BaseException) -> str:
    name = type(exc).__name__
    if name in ("NoBrokersAvailable", "KafkaConnectionError", "KafkaTimeoutError"):
        return (
            f"cannot reach Kafka ({name}); is a broker running at the bootstrap address? "
            "Start one with `newsevents broker` or set NEWSEVENTS_BOOTSTRAP"
        )
    if name == "InputError":
        return str(exc)
    return f"{name}: {exc}"
