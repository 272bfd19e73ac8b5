"""Words about people: personal titles, offices, pronouns, and capitalised words that are not names."""

from __future__ import annotations

#: Titles that, directly before a capitalised name, make it a person's name even when the model
#: labelled it an organisation or a place ("President Takaichi", "Mr Trump").
NAME_TITLES = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr.",
        "president",
        "minister",
        "chancellor",
        "premier",
        "senator",
        "secretary",
        "spokesman",
        "taoiseach",
    }
)

#: Abbreviated titles, with their full stop, that the model's tokenizer splits ("Sens" "."), after
#: which the parser starts a new sentence: "teamed up with Sens. Robert Menendez and Joe Manchin"
#: was cut in two. Kept one token, and never the end of a sentence before a name.
TITLE_ABBREVIATIONS = frozenset(
    {
        "Sens.",
        "Reps.",
        "Govs.",
        "Gens.",
        "Lt.",
        "Col.",
        "Capt.",
        "Sgt.",
        "Cmdr.",
        "Maj.",
        "Amb.",
        "Pres.",
        "Sec.",
        "Atty.",
        "Supt.",
        "Hon.",
        "Cpl.",
        "Pvt.",
        "Brig.",
    }
)
#: Titles the tokenizer already keeps whole, which the parser may still take for a sentence's end.
KEPT_TITLE_ABBREVIATIONS = frozenset(
    {"Sen.", "Rep.", "Gov.", "Gen.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Rev."}
)

#: Words that, right before a proper name, say the name is a person's.
PERSON_TITLES = NAME_TITLES | frozenset(
    {
        "dr",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "ambassador",
        "envoy",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "general",
        "judge",
        "justice",
        "pope",
        "sheikh",
        "emir",
        "sultan",
        "leader",
        "rep.",
        "sen.",
        "gov.",
        "lawmaker",
        "official",
        "commissioner",
        "adviser",
        "advisor",
        "aide",
        "professor",
        "prof.",
        "chief",
        "executive",
        "founder",
        "analyst",
        "economist",
        "lieutenant",
        "colonel",
        "captain",
        "sergeant",
        "admiral",
        "vice",
        "deputy",
        "foreign",
        "prime",
        "defence",
        "defense",
        "finance",
        "trade",
        "interior",
        "state",
        "former",
        "late",
        "ex",
    }
    | {title.lower() for title in TITLE_ABBREVIATIONS}
)

#: Jobs only a person holds, which a newspaper writes in lower case right before the holder's name
#: ("political director Amanda Renteria", "campaign manager Ann Lutz"): the name after one is a
#: person's, whatever the model labelled it. Not the jobs a firm is hired for ("financial adviser
#: Goldman Sachs", "consultant Accenture", "auditor Deloitte").
PERSON_JOB_NOUNS = frozenset(
    {
        "director",
        "manager",
        "strategist",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "chairman",
        "chairwoman",
        "secretary",
        "pollster",
        "economist",
        "treasurer",
        "congressman",
        "congresswoman",
        "senator",
        "governor",
    }
)

#: Nouns for the office a person holds; with a country in front ("Japan's prime minister",
#: "the Japanese leader") they tell the person's country.
ROLE_NOUNS = frozenset(
    {
        "leader",
        "president",
        "minister",
        "premier",
        "chancellor",
        "king",
        "queen",
        "monarch",
        "ruler",
        "head",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "ambassador",
        "envoy",
        "diplomat",
        "secretary",
        "general",
        "commander",
        "governor",
        "mayor",
        "emperor",
        "dictator",
        "strongman",
    }
)

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "it", "we", "i"})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})

NOT_ACRONYM_NAMES = frozenset(
    {
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "VIII",
        "IX",
        "XI",
        "XX",
        "XXI",
        "CEO",
        "CFO",
        "AI",
        "TV",
        "GDP",
        "PM",
        "AM",
        "OK",
        "ID",
        "IT",
        "PR",
        "HQ",
    }
)


#: Lower-case particles inside Portuguese, Spanish, Italian, French, Dutch and German names:
#: "Granja do Torto", "Palacio de la Moneda", "Luiz Inácio Lula da Silva".
NAME_PARTICLES = frozenset(
    {"do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "van", "von", "der", "la"}
)

#: Kin: "Cruz's father", "her son": whose kin they are is no one met.
KIN_NOUNS = frozenset(
    {"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "parents", "children"}
    | {"uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter", "widow", "widower"}
    | {"grandfather", "grandmother", "stepfather", "stepmother", "son-in-law", "daughter-in-law"}
)
