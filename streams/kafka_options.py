"""Connection options for Kafka clients, built from the settings in one place.

Every client the project opens (the Faust worker, topic creation, ingest, tail, the lag
monitor, the article state, replay) takes its broker address and security from here, so
TLS and SASL (PLAIN or SCRAM) are configured once, by the ``NEWSEVENTS_SECURITY_*``,
``NEWSEVENTS_SASL_*`` and ``NEWSEVENTS_SSL_*`` variables. The password is passed to the
client libraries only; nothing here logs or prints it.
"""

from __future__ import annotations

import ssl
from typing import Any

from streams.config import Settings


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """A TLS context for ``SSL``/``SASL_SSL``; None for plaintext protocols."""
    kafka = settings.kafka
    if not kafka.uses_tls:
        return None
    context = ssl.create_default_context(cafile=kafka.ssl_cafile or None)
    context.check_hostname = kafka.ssl_check_hostname
    if not kafka.ssl_check_hostname:
        context.verify_mode = ssl.CERT_REQUIRED  # still verify the chain, only not the name
    if kafka.ssl_certfile:
        context.load_cert_chain(kafka.ssl_certfile, kafka.ssl_keyfile or None)
    return context


def client_options(settings: Settings, client_id: str) -> dict[str, Any]:
    """Keyword arguments shared by kafka-python's KafkaAdminClient, KafkaConsumer and KafkaProducer."""
    kafka = settings.kafka
    options: dict[str, Any] = {
        "bootstrap_servers": kafka.bootstrap,
        "client_id": client_id,
        "security_protocol": kafka.security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if kafka.uses_sasl:
        options["sasl_mechanism"] = kafka.sasl_mechanism
        options["sasl_plain_username"] = kafka.sasl_username
        options["sasl_plain_password"] = kafka.sasl_password.get_secret_value()
    return options


def faust_credentials(settings: Settings) -> Any:
    """``broker_credentials`` for the Faust app (None for PLAINTEXT)."""
    import faust

    kafka = settings.kafka
    context = ssl_context(settings)
    if kafka.uses_sasl:
        return faust.SASLCredentials(
            username=kafka.sasl_username,
            password=kafka.sasl_password.get_secret_value(),
            ssl_context=context,
            mechanism=kafka.sasl_mechanism,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None
