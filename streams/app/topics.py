"""Create the project's topics explicitly, idempotently, with the declared partition counts.

The event topics and the article-state topic are created compacted (``cleanup.policy=compact``):
their records are keyed by identity (event id, article id), so Kafka keeps the latest record
per key, and a tombstone removes the key for good.

Brokers auto-create topics with one partition (Kafka, noida-db) or four (Tansu); Faust
then stops with PartitionsMismatch, and one partition caps the workers at one. So the
worker and ``newsevents topics create`` create every topic up front.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass

from kafka import KafkaAdminClient, KafkaConsumer
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from streams.config import Settings
from streams.kafka_options import client_options

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TopicStatus:
    name: str
    partitions: int
    created: bool


def existing_partitions(settings: Settings, topics: list[str]) -> dict[str, int]:
    """Partition counts of the topics that exist (missing topics are absent from the result)."""
    # no group, so no commits: saying so keeps kafka-python's "group_id is None" warning away
    consumer = KafkaConsumer(**client_options(settings, "newsevents-topics"), enable_auto_commit=False)
    try:
        known = consumer.topics()
        return {t: len(consumer.partitions_for_topic(t) or ()) for t in topics if t in known}
    finally:
        consumer.close()


def ensure_topics(settings: Settings, admin_timeout_ms: int = 30_000) -> list[TopicStatus]:
    """Create the missing topics; report every topic's partition count."""
    wanted = settings.all_topics
    before = existing_partitions(settings, wanted)
    missing = [t for t in wanted if t not in before]
    if missing:
        admin = KafkaAdminClient(
            **client_options(settings, "newsevents-topics"), request_timeout_ms=admin_timeout_ms
        )
        try:
            for name in missing:
                with contextlib.suppress(TopicAlreadyExistsError):  # another worker was faster
                    admin.create_topics(
                        [
                            NewTopic(
                                name,
                                num_partitions=settings.topics.partitions,
                                replication_factor=settings.topics.replication_factor,
                                topic_configs=(
                                    {"cleanup.policy": "compact"} if name in settings.compacted_topics else {}
                                ),
                            )
                        ],
                        timeout_ms=admin_timeout_ms,
                    )
        finally:
            admin.close()
    after = existing_partitions(settings, wanted)
    statuses = [TopicStatus(t, after.get(t, 0), t in missing) for t in wanted]
    for status in statuses:
        if status.partitions != settings.topics.partitions:
            log.warning(
                "topic %s has %d partitions, settings declare %d",
                status.name,
                status.partitions,
                settings.topics.partitions,
            )
    return statuses
