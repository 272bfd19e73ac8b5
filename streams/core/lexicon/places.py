"""Words and entity labels that mark a place rather than a party."""

from __future__ import annotations

LOCATION_LABELS = ("FAC", "GPE", "LOC")

#: "travelled to Florida", "returned from Beijing": the place is where someone went, not a party.
MOTION_VERBS = frozenset({"travel", "go", "fly", "arrive", "return", "head", "come", "move", "drive", "sail"})

#: Verbs of getting to a place whose adverbial clause sets the event's scene: "will meet X when he
#: arrives in Washington", "Arriving in Lima, she met Y", "met Y after landing in Oslo".
ARRIVAL_VERBS = frozenset({"arrive", "land", "stop"})

#: "sent an envoy to Kabul for talks", "dispatched a counsel to Capitol Hill": where someone was sent;
#: only a geographic place or facility counts ("sent a letter to Congress" names a recipient).
SEND_VERBS = frozenset({"send", "dispatch"})

#: Nouns a city's name is put in apposition to: "visited the capital, Sanaa".
CITY_NOUNS = frozenset({"capital", "city", "town"})

#: Nouns for a stretch of land that the names before them locate: "the U.S.-Mexico border", "the
#: Gaza coast". The names are where, not who.
AREA_NOUNS = frozenset(
    {"border", "frontier", "coast", "region", "area", "zone", "strip", "corridor", "valley"}
)

#: Words before a place: "in Santiago", "at La Moneda Palace", "a residence outside Lima".
PLACE_PREPOSITIONS = frozenset({"in", "at", "inside", "outside", "near"})

#: Verbs whose "on" names an island they met on ("met on Malta", "convened on Crete"); "talks on
#: Syria" is a topic, so "on" counts only on these verbs.
ON_ISLAND_VERBS = frozenset({"meet", "gather", "convene", "hold", "sign"})

#: Last words of a body's name that make it a room, where a verb's "in" meets: "in the Oval Office".
ROOM_HEADS = frozenset({"office", "room", "chamber", "chambers"})

#: Last words of a body's name that make it a building or grounds where people meet: "St. Anselm
#: College", "the Grand Hotel", "Madison Square Garden". Such a body after "at" is a venue.
FACILITY_HEADS = frozenset(
    {
        "college",
        "university",
        "school",
        "hotel",
        "center",
        "centre",
        "hall",
        "palace",
        "house",
        "stadium",
        "arena",
        "hospital",
        "museum",
        "church",
        "cathedral",
        "library",
        "club",
        "airport",
        "embassy",
        "headquarters",
        "ranch",
        "residence",
        "building",
        "tower",
        "plaza",
        "garden",
        "gardens",
        "theatre",
        "theater",
        "auditorium",
        "castle",
        "manor",
        "lodge",
        "resort",
        # where people meet over a meal or a drink: "at a Brooklyn wine bar"
        "bar",
        "restaurant",
        "cafe",
        "café",
        "diner",
        "pub",
        "steakhouse",
    }
)
