"""Registers the shared fixture modules; the fixtures and helpers themselves live in tests/fixtures/."""

from __future__ import annotations

pytest_plugins = ["tests.fixtures.extraction", "tests.fixtures.broker"]
