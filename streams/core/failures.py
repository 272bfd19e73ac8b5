"""How extraction of a valid article can fail, and the time budget that bounds it.

Kept apart from ``extractor`` (which imports spaCy) so the settings and the record types can
name these without loading the model's libraries.
"""

from __future__ import annotations

from typing import Literal

#: Why extraction produced no result for a valid article: the code raised, or the article ran
#: past the time budget. The stream dead-letters the article with this reason.
FailureReason = Literal["extraction_error", "extraction_timeout"]

#: Seconds one long article may take by default (``NEWSEVENTS_EXTRACTION_TIMEOUT``). The largest
#: allowed body (1 MiB) took 30-45 s here (``make bench-long-article``); this leaves room for a
#: slower or busier core while keeping a poison pill from holding a partition for long.
DEFAULT_TIME_BUDGET = 120.0


class ExtractionTimeout(Exception):
    """The article ran past its time budget."""
