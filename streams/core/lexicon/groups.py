"""Group phrases ("both countries", "the two sides") that stand for parties named earlier."""

from __future__ import annotations

#: Plural nouns that, after "both", "the two" or "the", stand for the parties already named.
COUNTRY_GROUP_NOUNS = frozenset({"countries", "nations", "governments", "states", "capitals"})

PARTY_GROUP_NOUNS = frozenset(
    {
        "sides",
        "parties",
        "leaders",
        "men",
        "women",
        "companies",
        "delegations",
        "presidents",
        "ministers",
    }
)

GROUP_DETERMINERS = frozenset({"both", "two", "the"})
