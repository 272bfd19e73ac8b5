"""Map the ways news text names a country ("Japanese", "Japan's", "US", "Britain") to one name.

Used to give actors their country ("Chinese Foreign Ministry" -> China) and to resolve
descriptions ("the Japanese leader") to the person of that country. A fixed table is
enough: news text uses a few hundred demonyms and short forms, and an unknown one simply
yields no country rather than a wrong one.
"""

from __future__ import annotations

#: Demonyms and short forms -> the country's usual English name.
_FORMS: dict[str, str] = {
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "american": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "british": "United Kingdom",
    "united kingdom": "United Kingdom",
    "eu": "European Union",
    "european union": "European Union",
    "uae": "United Arab Emirates",
    "emirati": "United Arab Emirates",
    "south korean": "South Korea",
    "north korean": "North Korea",
    "korean": "South Korea",
    "dutch": "Netherlands",
    "netherlands": "Netherlands",
    "the netherlands": "Netherlands",
    "swiss": "Switzerland",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "philippines": "Philippines",
    "saudi": "Saudi Arabia",
    "saudi arabian": "Saudi Arabia",
    "new zealand": "New Zealand",
    "kiwi": "New Zealand",
    "czech": "Czech Republic",
}
_DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan",
    "Albanian": "Albania",
    "Algerian": "Algeria",
    "Argentine": "Argentina",
    "Argentinian": "Argentina",
    "Armenian": "Armenia",
    "Australian": "Australia",
    "Austrian": "Austria",
    "Azerbaijani": "Azerbaijan",
    "Bangladeshi": "Bangladesh",
    "Belarusian": "Belarus",
    "Belgian": "Belgium",
    "Bolivian": "Bolivia",
    "Bosnian": "Bosnia and Herzegovina",
    "Brazilian": "Brazil",
    "Bulgarian": "Bulgaria",
    "Cambodian": "Cambodia",
    "Canadian": "Canada",
    "Chilean": "Chile",
    "Chinese": "China",
    "Colombian": "Colombia",
    "Croatian": "Croatia",
    "Cuban": "Cuba",
    "Cypriot": "Cyprus",
    "Danish": "Denmark",
    "Ecuadorian": "Ecuador",
    "Egyptian": "Egypt",
    "Estonian": "Estonia",
    "Ethiopian": "Ethiopia",
    "Finnish": "Finland",
    "French": "France",
    "Georgian": "Georgia",
    "German": "Germany",
    "Ghanaian": "Ghana",
    "Greek": "Greece",
    "Hungarian": "Hungary",
    "Icelandic": "Iceland",
    "Indian": "India",
    "Indonesian": "Indonesia",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Irish": "Ireland",
    "Israeli": "Israel",
    "Italian": "Italy",
    "Japanese": "Japan",
    "Jordanian": "Jordan",
    "Kazakh": "Kazakhstan",
    "Kenyan": "Kenya",
    "Kuwaiti": "Kuwait",
    "Latvian": "Latvia",
    "Lebanese": "Lebanon",
    "Libyan": "Libya",
    "Lithuanian": "Lithuania",
    "Malaysian": "Malaysia",
    "Mexican": "Mexico",
    "Moroccan": "Morocco",
    "Nepalese": "Nepal",
    "Nigerian": "Nigeria",
    "Norwegian": "Norway",
    "Pakistani": "Pakistan",
    "Palestinian": "Palestine",
    "Peruvian": "Peru",
    "Polish": "Poland",
    "Portuguese": "Portugal",
    "Qatari": "Qatar",
    "Romanian": "Romania",
    "Russian": "Russia",
    "Rwandan": "Rwanda",
    "Serbian": "Serbia",
    "Singaporean": "Singapore",
    "Slovak": "Slovakia",
    "Slovenian": "Slovenia",
    "Somali": "Somalia",
    "Spanish": "Spain",
    "Sri Lankan": "Sri Lanka",
    "Sudanese": "Sudan",
    "Swedish": "Sweden",
    "Syrian": "Syria",
    "Taiwanese": "Taiwan",
    "Thai": "Thailand",
    "Tunisian": "Tunisia",
    "Turkish": "Turkey",
    "Ugandan": "Uganda",
    "Ukrainian": "Ukraine",
    "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela",
    "Vietnamese": "Vietnam",
    "Yemeni": "Yemen",
    "Zimbabwean": "Zimbabwe",
}
_LOOKUP: dict[str, str] = {
    **_FORMS,
    **{k.lower(): v for k, v in _DEMONYMS.items()},
    **{v.lower(): v for v in _DEMONYMS.values()},
    **{v.lower(): v for v in _FORMS.values()},
}
_POSSESSIVE = ("’s", "'s", "’", "'")


def country_for(text: str) -> str | None:
    """The country a GPE/NORP mention or demonym stands for, or None when unknown.

    >>> country_for("Japanese"), country_for("Japan’s"), country_for("the U.S.")
    ('Japan', 'Japan', 'United States')
    """
    key = " ".join(text.split()).lower()
    for suffix in _POSSESSIVE:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    if key.startswith("the "):
        key = key[4:]
    return _LOOKUP.get(key.strip(" ,.;:-"))


def demonym_country(word: str) -> str | None:
    """The country a demonym stands for ("Brazilian" -> "Brazil"), None for any other word, a
    country's own name included: "the Georgia Dome" names no country, "the Norwegian Lake
    District" does."""
    return _DEMONYMS.get(word)
