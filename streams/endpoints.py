"""The worker's HTTP endpoint: ``/metrics`` for Prometheus, ``/livez`` and ``/readyz`` for Kubernetes.

One small threaded WSGI server on ``NEWSEVENTS_METRICS_HOST:NEWSEVENTS_METRICS_PORT``, because
prometheus-client's own ``start_http_server`` serves metrics only. The probes answer 200 or 503 with a
short JSON body that says why (``streams.health``), so ``curl`` tells an operator what Kubernetes saw.
Every request is answered from the HTTP thread: a stuck event loop or extraction thread cannot stop
the probe from saying so.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import make_wsgi_app

from streams import health, metrics

if TYPE_CHECKING:
    from streams.config import Settings

log = logging.getLogger(__name__)

Environ = dict[str, Any]
StartResponse = Callable[..., Any]

_metrics_app = make_wsgi_app()
#: Path -> the ``HealthState`` method that answers it (looked up per request, on ``health.STATE``).
PROBES = {"/livez": "liveness", "/readyz": "readiness"}


def application(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
    """``/metrics`` (also ``/``, as prometheus-client serves it), ``/livez``, ``/readyz``; 404 otherwise."""
    path = environ.get("PATH_INFO") or "/"
    if path in ("/metrics", "/"):
        result: Iterable[bytes] = _metrics_app(environ, start_response)
        return result
    probe = PROBES.get(path)
    if probe is None:
        body = b"not found: this endpoint serves /metrics, /livez and /readyz\n"
        start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
        return [body]
    verdict: health.Verdict = getattr(health.STATE, probe)()
    body = verdict.body()
    status = "200 OK" if verdict.ok else "503 Service Unavailable"
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    start_response(status, [*headers, ("Cache-Control", "no-store")])
    return [body]


class _Server(ThreadingMixIn, WSGIServer):
    """One thread per request, so a slow scrape never delays a probe."""

    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    """No access log: probes every few seconds would drown the worker's own lines."""

    def log_message(self, format: str, *args: Any) -> None:
        return


def serve(host: str, port: int) -> WSGIServer:
    """Serve in a daemon thread; the caller may ``shutdown()`` the returned server."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    server_class = type("Server", (_Server,), {"address_family": family})
    server: WSGIServer = make_server(host, port, application, server_class, _QuietHandler)
    threading.Thread(target=server.serve_forever, name="metrics-http", daemon=True).start()
    return server


def start(settings: Settings, model: str, largest_document: int | None = None) -> WSGIServer | None:
    """Start the health clocks (bounds: ``health.Bounds.from_settings``) and, unless
    ``NEWSEVENTS_METRICS_PORT`` is 0, the endpoint."""
    metrics.export_build(model)
    health.start(settings, largest_document)
    if not settings.metrics.port:
        return None
    return serve(settings.metrics.host, settings.metrics.port)
