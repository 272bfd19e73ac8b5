"""Reader for ECB+ (CAT XML): articles as running text, with a map from characters to token ids.

ECB+ stores whitespace-split tokens with a sentence number, not the article text. The
extractor reads text, so each document is rebuilt with :func:`bench.accuracy.detok.detokenize`
(one sentence per line, which the extractor's sentence splitter keeps) and every token keeps
the character span it landed on, so that an extracted event's trigger can be mapped back to
the gold token ids. In ``*ecbplus.xml`` files sentence 0 is the source URL: it becomes the
article's ``url`` and is left out of the body. ECB+ gives no publication date.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.accuracy.detok import Detokenized, detokenize


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ document: its name, URL (ecbplus files only), text and token ids in text order."""

    name: str
    url: str | None
    detok: Detokenized
    token_ids: list[str]
    sentence_of: list[int]

    @property
    def body(self) -> str:
        return self.detok.text

    @property
    def article_id(self) -> str:
        return "ecbplus:" + self.name.removesuffix(".xml")

    def token_ids_in(self, start: int, end: int) -> list[str]:
        """Ids of the tokens overlapping the character span ``[start, end)``."""
        return [
            t_id
            for t_id, (s, e) in zip(self.token_ids, self.detok.spans, strict=True)
            if s < end and e > start
        ]

    def to_article(self) -> dict[str, Any]:
        """The document as a ``newsevents extract`` input line (title = the first line)."""
        title = self.body.split("\n", 1)[0]
        return {
            "id": self.article_id,
            "source": "ecbplus",
            "title": title,
            "url": self.url,
            "published_at": None,
            "language": "en",
            "body": self.body,
        }


def parse_document(path: Path) -> EcbDocument:
    """Parse one ECB+ XML file."""
    root = ET.parse(path).getroot()
    name = root.get("doc_name", path.name)
    raw = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    url: str | None = None
    if name.endswith("ecbplus.xml") and raw and raw[0][1] == 0:
        url = "".join(text for _, sentence, text in raw if sentence == 0)
        raw = [token for token in raw if token[1] != 0]
    sentence_of = [sentence for _, sentence, _ in raw]
    breaks = {i for i in range(1, len(raw)) if sentence_of[i] != sentence_of[i - 1]}
    detok = detokenize([text for _, _, text in raw], line_breaks=breaks)
    return EcbDocument(name, url, detok, [t_id for t_id, _, _ in raw], sentence_of)


def iter_documents(root: Path) -> Iterator[Path]:
    """Every XML file under ``root`` (topic folders), in file-name order, topics mixed."""
    yield from sorted(root.rglob("*.xml"), key=lambda p: p.name)
