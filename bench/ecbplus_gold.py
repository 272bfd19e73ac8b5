"""ECB+ gold event mentions and their cross-document chains, for scoring the story stage.

An event mention is an ``ACTION_*`` or ``NEG_ACTION_*`` markable anchored on tokens. Its chain
is the instance its ``CROSS_DOC_COREF`` relation points to (the relation's ``note``, an
instance id shared by every document that mentions the same real-world event); a mention
linked only by ``INTRA_DOC_COREF`` is in a chain of its own document; any other mention is a
singleton. Nothing here depends on topic numbers or file names, so any folder in the ECB+
layout can be scored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

EVENT_TAGS = ("ACTION_", "NEG_ACTION_")


@dataclass(frozen=True)
class GoldMention:
    """One annotated event mention: its document, markable id, tokens and gold chain."""

    document: str
    m_id: str
    token_ids: frozenset[str]
    chain: str


def read_gold_mentions(path: Path) -> list[GoldMention]:
    """The event mentions of one ECB+ XML file, each with its gold chain id."""
    root = ET.parse(path).getroot()
    name = root.get("doc_name", path.name)
    markables = root.find("Markables")
    relations = root.find("Relations")
    anchored: dict[str, frozenset[str]] = {}
    for markable in markables if markables is not None else []:
        if not markable.tag.startswith(EVENT_TAGS):
            continue
        tokens = frozenset(a.get("t_id", "") for a in markable.iter("token_anchor"))
        if tokens:
            anchored[markable.get("m_id", "")] = tokens
    chain_of: dict[str, str] = {}
    for relation in relations if relations is not None else []:
        sources = [s.get("m_id", "") for s in relation.iter("source")]
        target = relation.find("target")
        target_id = target.get("m_id", "") if target is not None else ""
        if relation.tag == "CROSS_DOC_COREF":
            chain = "cross:" + relation.get("note", target_id)
        elif relation.tag == "INTRA_DOC_COREF":
            chain = f"intra:{name}:{target_id}"
        else:
            continue
        for source in sources:
            chain_of.setdefault(source, chain)
    return [
        GoldMention(name, m_id, tokens, chain_of.get(m_id, f"single:{name}:{m_id}"))
        for m_id, tokens in anchored.items()
    ]
