"""Switches the integration tests use to make a real worker misbehave, kept out of the settings.

The tests start ``newsevents worker`` as a subprocess, so the only way in is its environment:
``NEWSEVENTS_TEST_FAIL_MARKER`` makes extraction raise for articles whose body contains the marker
(the dead-letter path), and ``NEWSEVENTS_TEST_DROP_TYPES`` leaves event types out (a changed
extractor, for retractions). Only ``newsevents worker`` reads them, and it passes them down as
parameters; they are not settings, so the configuration docs do not list them and a production
deployment never sets them by accident through a settings file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from streams.core.article import Article

FAIL_MARKER_VARIABLE = "NEWSEVENTS_TEST_FAIL_MARKER"
DROP_TYPES_VARIABLE = "NEWSEVENTS_TEST_DROP_TYPES"


@dataclass(frozen=True)
class FaultHooks:
    """What the tests asked the worker to do wrong; the defaults do nothing."""

    fail_marker: str = ""
    drop_types: frozenset[str] = frozenset()

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> FaultHooks:
        drop = environ.get(DROP_TYPES_VARIABLE, "")
        return cls(
            fail_marker=environ.get(FAIL_MARKER_VARIABLE, ""),
            drop_types=frozenset(t.strip() for t in drop.split(",") if t.strip()),
        )

    def before_article(self) -> Callable[[Article], None] | None:
        """The ``Extractor`` hook that raises for marked articles; None when there is no marker."""
        return failing_hook(self.fail_marker) if self.fail_marker else None


def failing_hook(marker: str) -> Callable[[Article], None]:
    """Raise for articles whose body contains ``marker``, as a broken extractor would."""

    def hook(article: Article) -> None:
        if marker and marker in article.body:
            raise RuntimeError(f"simulated extraction failure (body contains {marker!r})")

    return hook
