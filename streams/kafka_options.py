"""Connection options for kafka-python clients, built from the settings in one place.

Every client the project opens (topic creation, ingest, tail, the lag monitor) takes
its options from here, so broker address and client identity are configured once.
"""

from __future__ import annotations

from typing import Any

from streams.config import Settings


def client_options(settings: Settings, client_id: str) -> dict[str, Any]:
    """Keyword arguments shared by KafkaAdminClient, KafkaConsumer and KafkaProducer."""
    return {"bootstrap_servers": settings.bootstrap, "client_id": client_id}
