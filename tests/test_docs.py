"""The documentation says what the code does: dead-letter reasons, metric names, links.

Each list the docs give is compared with the one the code holds (imported, never copied here), in both
directions, so that a reason or a metric added to the code without documentation fails, and so does
one the docs still name after the code dropped it. Relative links in the READMEs and ``docs/`` must
reach an existing file, and a heading there when they name one; repository paths they name must exist.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from prometheus_client import REGISTRY
from prometheus_client.metrics import MetricWrapperBase

from streams import metrics
from streams.app.records import DEAD_LETTER_REASONS

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
OPERATIONS = DOCS / "operations.md"
CONTRACTS = DOCS / "contracts.md"

#: ``name`` or ``name{label,label}`` in a table's first column.
METRIC_ROW = re.compile(r"^\|\s*`(newsevents_[a-z_]+)(?:\{([a-z_,]*)\})?`\s*\|", re.MULTILINE)
#: A backticked snake_case word, the way the docs write a reason.
SNAKE = re.compile(r"`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`")
#: Markdown links and images: [text](target) / ![alt](target).
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
#: A repository path written in backticks: `streams/app/worker.py`, `deploy/k8s/`.
REPO_PATH = re.compile(r"`((?:streams|tests|bench|deploy|schemas|samples|docs)/[^`\s]*)`")


# --- helpers ---------------------------------------------------------------------------------------
def section(path: Path, heading: str) -> str:
    """The text under ``heading`` (a whole heading line) up to the next heading of its level or above."""
    text = path.read_text()
    match = re.search(rf"^(#+) {re.escape(heading)}\s*$", text, flags=re.MULTILINE)
    assert match, f"{path.relative_to(REPO)}: no heading {heading!r}"
    level = len(match.group(1))
    rest = text[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.MULTILINE)
    return rest[: end.start()] if end else rest


def documented_reasons(text: str) -> set[str]:
    """Backticked snake_case words that are not metrics, dlq_* headers or article fields."""
    article_fields = set(json.loads((REPO / "schemas" / "article.v1.json").read_text())["properties"])
    return {
        word
        for word in SNAKE.findall(text)
        if not word.startswith(("newsevents_", "dlq_")) and word not in article_fields
    }


def documented_metrics(text: str) -> dict[str, set[str]]:
    """Metric name -> its documented labels, from a Markdown table's first column."""
    return {name: set(filter(None, (labels or "").split(","))) for name, labels in METRIC_ROW.findall(text)}


def exported_metrics() -> dict[str, set[str]]:
    """What the worker exports (``newsevents_*``), by the name a scrape shows, with its labels."""
    assert metrics.HEALTHY is not None  # importing streams.metrics registers the worker's metrics
    labels = {
        wrapper._name: set(wrapper._labelnames)
        for wrapper in vars(metrics).values()
        if isinstance(wrapper, MetricWrapperBase)
    }
    exported: dict[str, set[str]] = {}
    for family in REGISTRY.collect():
        if family.name.startswith("newsevents_"):
            name = f"{family.name}_total" if family.type == "counter" else family.name
            exported[name] = labels.get(family.name, set())
    return exported


def broken_links(path: Path) -> list[str]:
    """Relative links of one Markdown file whose file, or heading, does not exist."""
    text = FENCE.sub("", path.read_text())
    broken = []
    for target in LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        if not resolved.exists():
            broken.append(f"{target} (no file {resolved})")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(f"{target} (no heading #{anchor} in {resolved.name})")
    return broken


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file (code blocks left out)."""
    text = FENCE.sub("", path.read_text())
    headings = re.findall(r"^#{1,6}\s+(.+?)\s*$", text, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def missing_paths(path: Path) -> list[str]:
    """Repository paths a Markdown file names in backticks that do not exist (patterns skipped).

    A path git ignores is a command's output (``bench/results/accuracy.json``): absent from a clean
    checkout until the command runs, so it need not exist.
    """
    named = REPO_PATH.findall(path.read_text())
    absent = [p for p in named if not any(c in p for c in "<>*[{") and not (REPO / p).exists()]
    return [p for p in absent if not git_ignores(p)]


def git_ignores(relative: str) -> bool:
    result = subprocess.run(
        ["git", "check-ignore", "--quiet", "--no-index", relative], cwd=REPO, check=False, capture_output=True
    )
    return result.returncode == 0


def markdown_files() -> list[Path]:
    readmes = [REPO / "README.md", REPO / "deploy" / "README.md", REPO / "bench" / "accuracy" / "README.md"]
    return [*readmes, *sorted(DOCS.rglob("*.md"))]


# --- dead-letter reasons ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "heading"),
    [(OPERATIONS, "NewseventsDeadLetterRateHigh"), (CONTRACTS, "Dead letters: `articles.dlq`")],
    ids=["runbook", "contract"],
)
def test_documented_dead_letter_reasons_are_the_code_s(path: Path, heading: str) -> None:
    documented = documented_reasons(section(path, heading))
    code = set(DEAD_LETTER_REASONS)
    where = f"{path.relative_to(REPO)}, section {heading!r}"
    unknown, undocumented = sorted(documented - code), sorted(code - documented)
    assert not unknown, f"{where} names reasons the code never gives: {unknown}"
    assert not undocumented, f"{where} does not document these reasons: {undocumented}"


# --- metrics ---------------------------------------------------------------------------------------
def test_documented_metrics_are_the_registered_ones() -> None:
    documented = documented_metrics(section(OPERATIONS, "Metrics"))
    exported = exported_metrics()
    unknown, undocumented = (
        sorted(documented.keys() - exported.keys()),
        sorted(exported.keys() - documented.keys()),
    )
    assert not unknown, f"docs/operations.md lists metrics the worker does not export: {unknown}"
    assert not undocumented, f"metrics missing from the table in docs/operations.md: {undocumented}"
    for name, labels in documented.items():
        assert labels == exported[name], f"{name}: documented labels {labels}, registered {exported[name]}"


# --- links -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_reach_a_file_and_heading(path: Path) -> None:
    broken = broken_links(path)
    assert not broken, f"{path.relative_to(REPO)}: broken links: {broken}"


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_named_repository_paths_exist(path: Path) -> None:
    missing = missing_paths(path)
    assert not missing, f"{path.relative_to(REPO)} names files that do not exist (moved?): {missing}"


def test_the_docs_link_to_each_other() -> None:
    """The link check is not vacuous: the README links to every page under docs/."""
    linked = {
        (REPO / target.partition("#")[0]).resolve()
        for target in LINK.findall((REPO / "README.md").read_text())
        if target.startswith("docs/")
    }
    pages = {p.resolve() for p in DOCS.glob("*.md")} | {(DOCS / "decisions" / "README.md").resolve()}
    assert pages <= linked, f"pages the README does not link to: {sorted(str(p) for p in pages - linked)}"


# --- the checks can fail ---------------------------------------------------------------------------
def test_the_checks_catch_drift(tmp_path: Path) -> None:
    """Each parser finds what it is meant to find, so a drift shows up as a difference."""
    assert documented_reasons("reasons (`not_json`, `too_deep`), see `newsevents_x_total`, `dlq_reason`") == {
        "not_json",
        "too_deep",
    }
    table = "| `newsevents_a_total{reason}` | counter | |\n| `newsevents_b` | gauge | |\n"
    assert documented_metrics(table) == {"newsevents_a_total": {"reason"}, "newsevents_b": set()}
    (tmp_path / "there.md").write_text("# A heading\n")
    page = tmp_path / "page.md"
    page.write_text(
        "[ok](there.md#a-heading) [gone](missing.md) [bad anchor](there.md#nope) [web](https://x.org)\n"
        "```\n[in code](also-missing.md)\n```\n"
    )
    assert [b.split(" ")[0] for b in broken_links(page)] == ["missing.md", "there.md#nope"]
    page.write_text("`streams/metrics.py`, `streams/gone.py`, `bench/results/throughput-<date>.json`\n")
    assert missing_paths(page) == ["streams/gone.py"]
