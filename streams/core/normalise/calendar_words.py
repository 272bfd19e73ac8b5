"""Month, weekday and ordinal-day words with their numbers, for reading dates written in words."""

from __future__ import annotations

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}

ORDINAL_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
} | {"thirtieth": 30, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "thirty-first": 31}
ORDINAL_WORDS |= {f"twenty-{w}": 20 + v for w, v in list(ORDINAL_WORDS.items()) if 4 <= v <= 9}

#: The seasons, which name a time and never a place ("the Winter Meetings", "the Spring Summit").
SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
#: Words that place a time within a period ("mid-March", "in mid 2015"); never a place, though the
#: gazetteer knows a town called Mid.
PERIOD_PARTS = frozenset({"mid", "early", "late"})

#: Time zones as datelines write them after a clock time ("2:35am CET"): never a body, whatever the
#: model tags them. Not "ET" or "PT", which also abbreviate bodies' names (the Economic Times).
TIME_ZONES = frozenset(
    {"GMT", "UTC", "CET", "CEST", "EET", "EEST", "WET", "BST", "IST", "JST", "KST", "AEST", "AEDT", "MSK"}
    | {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "HST"}
)
