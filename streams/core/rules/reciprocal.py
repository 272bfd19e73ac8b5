"""The other side of a deal, named in the sentence after it by what it gives "in return".

"Lund agreed to drop her claim to the harbour. In exchange, Berg will back her budget." The first
sentence tells an agreement and names one side; the second, opened by "In return" or "In exchange",
tells what the other side gives, and its subject is that side.
"""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Span

from streams.core.model import Actor
from streams.core.rules.actors import ActorResolver

#: Openings of a sentence that tells the other side's part of a deal just told.
_RECIPROCAL_OPENINGS = (("in", "return"), ("in", "exchange"))


def reciprocating_party(sent: Span, actors: ActorResolver) -> Actor | None:
    """The named subject of a sentence opened by "In return," / "In exchange,", if any."""
    words = [t.lower_ for t in islice((t for t in sent if not t.is_space), 3)]
    if len(words) < 3 or (words[0], words[1]) not in _RECIPROCAL_OPENINGS:
        return None
    root = sent.root
    for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        entity = actors.document.entity_at(subject)
        if entity is not None:
            actor = actors.actor(entity, "party")
            if actor is not None and actor.kind in ("person", "organization", "country"):
                return actor
    return None
