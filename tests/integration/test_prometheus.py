"""A real Prometheus (Debian's package) scrapes a real worker: the metrics move, and every
query of the Grafana dashboard returns data.

The worker runs against the session's broker with the lag gauge refreshed every second;
Prometheus scrapes it every second and loads the project's alert rules, so a rule file
that real Prometheus rejects fails here too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.broker import free_port
from streams.config import Settings
from streams.resources import samples_path
from tests.fixtures import external_tools
from tests.fixtures.broker import WorkerProcess, consume_until, isolated_settings, produce

REPO = Path(__file__).resolve().parents[2]
DASHBOARD = REPO / "deploy" / "grafana" / "dashboards" / "newsevents.json"
ALERTS = REPO / "deploy" / "prometheus" / "alerts.yml"
COMPOSE_PROMETHEUS = REPO / "deploy" / "prometheus" / "prometheus.yml"
#: Grafana's built-in variables, as Grafana would fill them for a short time range.
GRAFANA_VARIABLES = {
    "$__rate_interval": "1m",
    "$__interval": "15s",
    "$__range": "5m",
    "${__rate_interval}": "1m",
}


@dataclass
class Stack:
    settings: Settings
    worker: WorkerProcess
    prometheus_url: str
    articles: int

    def query(self, expr: str) -> list[dict[str, Any]]:
        url = f"{self.prometheus_url}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        with urllib.request.urlopen(url, timeout=10) as response:
            body = json.load(response)
        assert body["status"] == "success", body
        return list(body["data"]["result"])

    def wait_for(
        self, expr: str, accept: Callable[[list[dict[str, Any]]], bool], timeout: float = 60.0
    ) -> list[Any]:
        """Poll the query until ``accept`` holds for its result (Prometheus scrapes every second)."""
        deadline = time.monotonic() + timeout
        result: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            result = self.query(expr)
            if accept(result):
                return result
            time.sleep(0.5)  # polling a condition with a deadline, not synchronising on time
        raise AssertionError(f"{expr!r} never satisfied the condition in {timeout} s; last result {result}")


def _value(result: list[dict[str, Any]]) -> float:
    return sum(float(sample["value"][1]) for sample in result)


def _prometheus_binary() -> str:
    """Without Prometheus these tests are skipped, or fail in CI (tests/fixtures/external_tools.py)."""
    return external_tools.require("prometheus", "scrape a real worker and evaluate the alert rules")


def _wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("prometheus exited during start-up")
        try:
            with urllib.request.urlopen(f"{url}/-/ready", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("prometheus did not become ready")


def _start_prometheus(
    config: dict[str, Any], tmp: Path, web_port: int, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    (tmp / "prometheus.yml").write_text(yaml.safe_dump(config))
    binary = _prometheus_binary()
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False).stdout
    major = re.search(r"version (\d+)\.", version)
    # Prometheus 3 replaces ${VAR} in external labels by itself; 2.x (Debian's) needs the feature flag.
    features = ["--enable-feature=expand-external-labels"] if major and int(major.group(1)) < 3 else []
    return subprocess.Popen(
        [
            binary,
            f"--config.file={tmp / 'prometheus.yml'}",
            f"--storage.tsdb.path={tmp / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{web_port}",
            "--log.level=warn",
            *features,
        ],
        stdout=(tmp / "prometheus.log").open("wb"),
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("base", ["https://runbooks.example/newsevents/docs", ""])
def test_runbook_links_take_their_base_from_prometheus_yml(tmp_path: Path, base: str) -> None:
    """deploy/prometheus/prometheus.yml's external label, from RUNBOOK_BASE_URL as in docker-compose.yml:
    an absolute runbook_url when it is set, the path in the repository when it is empty."""
    config = yaml.safe_load(COMPOSE_PROMETHEUS.read_text())
    config["global"]["evaluation_interval"] = "1s"
    config["rule_files"] = [str(ALERTS)]
    config["scrape_configs"] = []  # no worker target: NewseventsWorkerDown (absent) is pending at once
    web_port = free_port()
    prometheus = _start_prometheus(config, tmp_path, web_port, env={"RUNBOOK_BASE_URL": base})
    url = f"http://127.0.0.1:{web_port}"
    try:
        _wait_ready(url, prometheus)
        deadline = time.monotonic() + 30
        while True:
            with urllib.request.urlopen(f"{url}/api/v1/alerts", timeout=10) as response:
                alerts = json.load(response)["data"]["alerts"]
            down = [a for a in alerts if a["labels"]["alertname"] == "NewseventsWorkerDown"]
            if down:
                break
            assert time.monotonic() < deadline, f"NewseventsWorkerDown never pending: {alerts}"
            time.sleep(0.2)  # polling a condition with a deadline
    finally:
        prometheus.terminate()
        prometheus.wait(timeout=30)
    expected = f"{base or 'docs'}/operations.md#newseventsworkerdown"
    assert down[0]["annotations"]["runbook_url"] == expected


@pytest.fixture(scope="module")
def stack(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("prometheus")
    metrics_port = free_port()
    # the story stage inside the worker, so that one scrape target serves every dashboard metric
    settings = isolated_settings(
        bootstrap,
        tmp / "worker",
        "newsevents-prom",
        metrics_port=metrics_port,
        lag_interval=1.0,
        stories=True,
    )
    worker = WorkerProcess(settings, tmp / "worker.log").start()
    web_port = free_port()
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(ALERTS)],
        "scrape_configs": [
            {"job_name": "newsevents", "static_configs": [{"targets": [f"127.0.0.1:{metrics_port}"]}]}
        ],
    }
    prometheus = _start_prometheus(config, tmp, web_port)
    url = f"http://127.0.0.1:{web_port}"
    try:
        _wait_ready(url, prometheus)
        lines = samples_path().read_bytes().splitlines()
        records: list[tuple[bytes | None, bytes | None, list[tuple[str, bytes]]]] = [
            (None, line, []) for line in lines if line.strip()
        ]
        records.append((None, b"this is not json", []))
        produce(bootstrap, settings.topics.input, records)
        consume_until(
            bootstrap,
            [settings.topics.dlq],
            lambda got: len(got) >= 1,
            timeout=120,
            worker=worker,
        )
        yield Stack(settings, worker, url, articles=len(records))
    finally:
        prometheus.terminate()
        prometheus.wait(timeout=30)
        if worker.alive():
            worker.stop()


def test_prometheus_sees_articles_events_and_latency_move(stack: Stack) -> None:
    consumed = stack.wait_for("newsevents_articles_consumed_total", lambda r: _value(r) >= stack.articles)
    assert _value(consumed) == stack.articles
    events = stack.wait_for("sum by (type) (newsevents_events_published_total)", lambda r: len(r) == 3)
    assert {sample["metric"]["type"] for sample in events} == {"meeting", "agreement", "statement"}
    assert all(_value([sample]) > 0 for sample in events)
    latency = stack.wait_for(
        "newsevents_end_to_end_latency_seconds_count", lambda r: _value(r) >= stack.articles
    )
    assert _value(latency) == stack.articles
    dead = stack.wait_for('newsevents_dead_letters_total{reason="not_json"}', lambda r: _value(r) >= 1)
    assert _value(dead) == 1
    lag = stack.wait_for("newsevents_consumer_lag", lambda r: len(r) == stack.settings.topics.partitions)
    assert {sample["metric"]["topic"] for sample in lag} == {stack.settings.topics.input}
    up = stack.query('up{job="newsevents"}')
    assert _value(up) == 1
    # The alert rules loaded into this real Prometheus, and none fires on a healthy worker.
    with urllib.request.urlopen(f"{stack.prometheus_url}/api/v1/rules", timeout=10) as response:
        groups = json.load(response)["data"]["groups"]
    rules = [rule for group in groups for rule in group["rules"]]
    assert rules and all(rule["health"] == "ok" for rule in rules), rules
    print("\nPrometheus query results:")
    for expr in (
        "newsevents_articles_consumed_total",
        "sum by (type) (newsevents_events_published_total)",
        "newsevents_end_to_end_latency_seconds_sum / newsevents_end_to_end_latency_seconds_count",
    ):
        print(f"  {expr} -> {[(s['metric'], s['value'][1]) for s in stack.query(expr)]}")


def _panel_queries() -> list[tuple[str, str]]:
    dashboard = json.loads(DASHBOARD.read_text())
    panels = list(dashboard["panels"])
    for panel in list(panels):
        panels.extend(panel.get("panels", []))  # rows keep their panels when collapsed
    queries = []
    for panel in panels:
        for target in panel.get("targets", []):
            if target.get("expr"):
                queries.append((panel.get("title", "?"), target["expr"]))
    return queries


def _render(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    left = re.findall(r"\$\{?\w+\}?", expr)
    assert not left, f"dashboard query uses variables this test cannot fill: {left} in {expr!r}"
    return expr


def test_every_dashboard_query_returns_data(stack: Stack) -> None:
    queries = _panel_queries()
    assert len(queries) >= 8
    # fresh traffic, so that every rate() window of the dashboard holds an increase
    before = _value(stack.query("newsevents_articles_consumed_total"))
    lines = [line for line in samples_path().read_bytes().splitlines() if line.strip()]
    produce(stack.settings.kafka.bootstrap, stack.settings.topics.input, [(None, line, []) for line in lines])
    produce(stack.settings.kafka.bootstrap, stack.settings.topics.input, [(None, b"not json either", [])])
    stack.wait_for("newsevents_articles_consumed_total", lambda r: _value(r) >= before + len(lines) + 1)
    stack.wait_for("rate(newsevents_articles_consumed_total[1m])", lambda r: _value(r) > 0)
    empty = []
    for title, expr in queries:
        try:
            stack.wait_for(_render(expr), lambda r: len(r) > 0, timeout=20)
        except AssertionError:
            empty.append((title, expr))
    assert not empty, f"dashboard queries without data: {empty}"
