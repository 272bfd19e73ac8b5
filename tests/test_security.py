"""TLS and SASL settings reach every client; bad combinations fail clearly; the password stays secret."""

from __future__ import annotations

import ssl
import subprocess
from pathlib import Path

import faust
import pytest

from streams.config import ConfigError, Settings, load_settings
from streams.kafka_options import client_options, faust_credentials

SECRET = "pa55-word-that-must-not-leak"


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_sasl_ssl_with_scram_and_mutual_tls(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    settings = load_settings(
        {
            "NEWSEVENTS_SECURITY_PROTOCOL": "SASL_SSL",
            "NEWSEVENTS_SASL_MECHANISM": "SCRAM-SHA-512",
            "NEWSEVENTS_SASL_USERNAME": "events",
            "NEWSEVENTS_SASL_PASSWORD": SECRET,
            "NEWSEVENTS_SSL_CAFILE": str(cert),
            "NEWSEVENTS_SSL_CERTFILE": str(cert),
            "NEWSEVENTS_SSL_KEYFILE": str(key),
        }
    )
    options = client_options(settings, "x")
    assert options["security_protocol"] == "SASL_SSL"
    assert options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("events", SECRET)
    assert isinstance(options["ssl_context"], ssl.SSLContext) and options["ssl_context"].check_hostname
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    assert credentials.protocol.value == "SASL_SSL" and credentials.mechanism.value == "SCRAM-SHA-512"
    assert SECRET not in repr(settings) and SECRET not in repr(credentials)


def test_plain_over_plaintext_and_tls_only() -> None:
    sasl = load_settings(
        {
            "NEWSEVENTS_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
            "NEWSEVENTS_SASL_USERNAME": "u",
            "NEWSEVENTS_SASL_PASSWORD": SECRET,
        }
    )
    assert client_options(sasl, "x")["sasl_mechanism"] == "PLAIN"
    assert "ssl_context" not in client_options(sasl, "x")
    tls = load_settings({"NEWSEVENTS_SECURITY_PROTOCOL": "SSL"})
    assert isinstance(faust_credentials(tls), faust.SSLCredentials)
    assert faust_credentials(Settings.from_flat()) is None
    assert client_options(Settings.from_flat(), "x")["security_protocol"] == "PLAINTEXT"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"NEWSEVENTS_SECURITY_PROTOCOL": "TLS"}, "NEWSEVENTS_SECURITY_PROTOCOL"),
        ({"NEWSEVENTS_SECURITY_PROTOCOL": "SASL_SSL"}, "NEWSEVENTS_SASL_USERNAME"),
        (
            {
                "NEWSEVENTS_SECURITY_PROTOCOL": "SASL_SSL",
                "NEWSEVENTS_SASL_MECHANISM": "GSSAPI",
                "NEWSEVENTS_SASL_USERNAME": "u",
                "NEWSEVENTS_SASL_PASSWORD": "p",
            },
            "NEWSEVENTS_SASL_MECHANISM",
        ),
        ({"NEWSEVENTS_SSL_CAFILE": "/nonexistent/ca.pem"}, "no such file"),
        ({"NEWSEVENTS_SSL_CERTFILE": __file__}, "go together"),
    ],
)
def test_bad_security_settings_are_clear_errors(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(environ)
