"""PLOVER category and mode for each event, so users of GDELT/POLECAT-style data can join it.

PLOVER (the Open Event Data Alliance's successor to CAMEO) codes a meeting as CONSULT,
with the mode ``phone``, ``visit``, ``host`` or ``multilateral`` where the text shows it,
and an agreement as AGREE. PLOVER has no category for a neutral public statement (CAMEO's
01 "make public statement" was dropped), so a statement gets a category only when its cue
verb carries one: "urged" is DEMAND, "warned" THREATEN, "praised" SUPPORT,
"condemned" DISAPPROVE, "denied" REJECT; otherwise the category is null.
"""

from __future__ import annotations

from typing import TypedDict

MEETING_MODES = {
    "phone": "phone",
    "telephone": "phone",
    "visit": "visit",
    "trip": "visit",
    "tour": "visit",
    "host": "host",
    "summit": "multilateral",
    "conference": "multilateral",
}
STATEMENT_CATEGORIES = {
    "urge": "DEMAND",
    "call": "DEMAND",
    "demand": "DEMAND",
    "ask": "DEMAND",
    "warn": "THREATEN",
    "threaten": "THREATEN",
    "praise": "SUPPORT",
    "welcome": "SUPPORT",
    "thank": "SUPPORT",
    "endorse": "SUPPORT",
    "criticize": "DISAPPROVE",
    "criticise": "DISAPPROVE",
    "condemn": "DISAPPROVE",
    "denounce": "DISAPPROVE",
    "accuse": "DISAPPROVE",
    "blame": "DISAPPROVE",
    "complain": "DISAPPROVE",
    "deny": "REJECT",
    "reject": "REJECT",
    "refuse": "REJECT",
    "promise": "AGREE",
    "pledge": "AGREE",
    "vow": "AGREE",
}


class Plover(TypedDict):
    category: str | None
    mode: str | None


def plover_for(event_type: str, cue: str | None, participants: int = 0) -> Plover:
    """The PLOVER coding of an event from its type and the lemma of the word that signalled it."""
    cue = (cue or "").lower()
    if event_type == "meeting":
        mode = MEETING_MODES.get(cue)
        if mode is None and participants >= 3:
            mode = "multilateral"
        return {"category": "CONSULT", "mode": mode}
    if event_type == "agreement":
        return {"category": "AGREE", "mode": None}
    return {"category": STATEMENT_CATEGORIES.get(cue), "mode": None}
