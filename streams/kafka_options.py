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
    if settings.security_protocol not in ("SSL", "SASL_SSL"):
        return None
    context = ssl.create_default_context(cafile=settings.ssl_cafile or None)
    context.check_hostname = settings.ssl_check_hostname
    if not settings.ssl_check_hostname:
        context.verify_mode = ssl.CERT_REQUIRED  # still verify the chain, only not the name
    if settings.ssl_certfile:
        context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
    return context


def client_options(settings: Settings, client_id: str) -> dict[str, Any]:
    """Keyword arguments shared by kafka-python's KafkaAdminClient, KafkaConsumer and KafkaProducer."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap,
        "client_id": client_id,
        "security_protocol": settings.security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.security_protocol.startswith("SASL_"):
        options["sasl_mechanism"] = settings.sasl_mechanism
        options["sasl_plain_username"] = settings.sasl_username
        options["sasl_plain_password"] = settings.sasl_password
    return options


def faust_credentials(settings: Settings) -> Any:
    """``broker_credentials`` for the Faust app (None for PLAINTEXT)."""
    import faust

    context = ssl_context(settings)
    if settings.security_protocol.startswith("SASL_"):
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password,
            ssl_context=context,
            mechanism=settings.sasl_mechanism,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None
