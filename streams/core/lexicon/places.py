"""Words and entity labels that mark a place rather than a party."""

from __future__ import annotations

LOCATION_LABELS = ("FAC", "GPE", "LOC")

#: "travelled to Florida", "returned from Beijing": the place is where someone went, not a party.
MOTION_VERBS = frozenset({"travel", "go", "fly", "arrive", "return", "head", "come", "move", "drive", "sail"})
