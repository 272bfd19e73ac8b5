"""Parse and validate raw article records.

Validation is part of the pure core because the stream worker and the offline
``extract`` command must reject exactly the same inputs for the same reasons. Every
rejection carries a reason from a small fixed vocabulary (it becomes a metric label
and a dead-letter header) and a human-readable detail.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any, Literal, get_args

import jsonschema

from streams.resources import schema_path

#: Default upper bound for an article body, in UTF-8 bytes (1 MiB). News articles are
#: rarely above 100 KB; anything bigger is almost certainly a scraping accident and
#: would hold a worker for minutes.
DEFAULT_MAX_BODY_BYTES = 1_048_576

#: Headroom allowed on top of the body limit for the other fields of a record.
RECORD_OVERHEAD_BYTES = 65_536

#: Every reason an input can be rejected for. Kept closed so metrics stay bounded.
RejectionReason = Literal[
    "not_utf8",
    "not_json",
    "not_object",
    "missing_field",
    "wrong_type",
    "invalid_field",
    "body_too_large",
    "record_too_large",
]
REJECTION_REASONS: tuple[RejectionReason, ...] = get_args(RejectionReason)


class InvalidArticle(ValueError):
    """The record is not a valid article; ``reason`` is one of REJECTION_REASONS."""

    def __init__(self, reason: RejectionReason, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Article:
    """A validated article, as the extractor sees it."""

    id: str
    body: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    language: str | None = None

    @property
    def published_date(self) -> date | None:
        """The publication day, or None when the article does not give one."""
        return parse_published_at(self.published_at) if self.published_at else None


_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def _other_forms(text: str) -> date | None:
    """Publication dates some feeds send instead of ISO 8601.

    ``DD-MM-YYYY`` (also with ``/`` or ``.``) is read day first, the order of every
    non-US convention; a date that only parses month first (``12-31-2025``) is read so.
    RFC 2822 (``Tue, 03 Feb 2009 10:00:00 +0000``, the RSS form) is read as well.
    """
    if m := _DAY_FIRST.match(text):
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        for day, month in ((first, second), (second, first)):
            try:
                return date(year, month, day)
            except ValueError:
                continue
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return (moment.astimezone(UTC) if moment.tzinfo else moment).date()


def parse_published_at(value: str) -> date:
    """Parse an ISO 8601 date or date-time (date-times are converted to UTC first).

    Two other forms real feeds use are accepted too (see ``_other_forms``); anything
    else is an ``invalid_field``, because a guessed publication day would shift every
    relative date of the article.
    """
    text = value.strip()
    try:
        if len(text) == 10 and text[4] == "-":
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except (ValueError, IndexError) as exc:
        other = _other_forms(text)
        if other is not None:
            return other
        raise InvalidArticle(
            "invalid_field", f"published_at is not ISO 8601 (nor DD-MM-YYYY or RFC 2822): {value[:40]!r}"
        ) from exc
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.date()


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(schema_path("article.v1.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _reason_for(error: jsonschema.ValidationError) -> RejectionReason:
    if error.validator == "required":
        return "missing_field"
    if error.validator == "type":
        return "wrong_type"
    return "invalid_field"


def _is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def article_from_object(obj: Any, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Article:
    """Validate a decoded JSON value against ``schemas/article.v1.json`` and the size limit."""
    if not isinstance(obj, dict):
        raise InvalidArticle("not_object", f"expected a JSON object, got {type(obj).__name__}")
    error = jsonschema.exceptions.best_match(_validator().iter_errors(obj))
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path) or "record"
        raise InvalidArticle(_reason_for(error), f"{where}: {error.message[:200]}")
    for field, value in obj.items():
        if isinstance(value, str) and not _is_encodable(value):
            raise InvalidArticle("invalid_field", f"{field} holds an unpaired UTF-16 surrogate")
    body: str = obj["body"]
    if not body.strip():
        raise InvalidArticle("invalid_field", "body is blank")
    size = len(body.encode("utf-8"))
    if size > max_body_bytes:
        raise InvalidArticle(
            "body_too_large",
            f"body is {size} bytes, limit is {max_body_bytes} (raise NEWSEVENTS_MAX_BODY_BYTES to accept it)",
        )
    article = Article(
        id=obj["id"],
        body=body,
        title=obj.get("title"),
        url=obj.get("url"),
        source=obj.get("source"),
        published_at=obj.get("published_at"),
        language=obj.get("language"),
    )
    if article.published_at:
        parse_published_at(article.published_at)
    return article


def parse_article(raw: bytes | None, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Article:
    """Decode and validate one raw record value (UTF-8 JSON bytes)."""
    if raw is None:
        raise InvalidArticle("not_json", "record has no value (null)")
    if len(raw) > max_body_bytes + RECORD_OVERHEAD_BYTES:
        raise InvalidArticle(
            "record_too_large",
            f"record is {len(raw)} bytes, limit is {max_body_bytes + RECORD_OVERHEAD_BYTES} "
            f"(NEWSEVENTS_MAX_BODY_BYTES + {RECORD_OVERHEAD_BYTES} for the other fields; raise "
            "NEWSEVENTS_MAX_BODY_BYTES to accept it)",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidArticle("not_utf8", f"invalid UTF-8 at byte {exc.start}") from exc
    try:
        obj = json.loads(text)
    except RecursionError as exc:
        raise InvalidArticle("not_json", "JSON nested too deeply") from exc
    except ValueError as exc:
        raise InvalidArticle("not_json", str(exc)[:200]) from exc
    return article_from_object(obj, max_body_bytes)
