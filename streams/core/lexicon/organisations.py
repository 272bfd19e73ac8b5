"""Words about organisations: what makes a name a body's, and the nouns that stand for one."""

from __future__ import annotations

#: A company's business in its name ("IBM Services", "Acme Systems", "Cerberus Capital
#: Management"): no person is called so.
COMPANY_BUSINESS_WORDS = frozenset(
    {
        "services",
        "systems",
        "technologies",
        "holdings",
        "airlines",
        "industries",
        "management",
        "capital",
        "partners",
        "ventures",
        "investments",
        "enterprises",
        "securities",
        "motors",
        "airways",
        "pharmaceuticals",
        "communications",
        "news",  # "Fox News said": a broadcaster, which the register took for a person
        "media",
    }
)

#: Nouns that say what kind of business the name after them is ("server startup SeaMicro", "database
#: maker Palvex", "retail giant Walmart"): that name is a company's, whatever the model labelled it.
#: Not the nouns also said of one person ("film producer", "street vendor", "software developer",
#: "newspaper publisher", "Republican rival", "letter carrier").
COMPANY_DESCRIPTORS = frozenset(
    {
        "startup",
        "start-up",
        "maker",
        "chipmaker",
        "carmaker",
        "automaker",
        "drugmaker",
        "firm",
        "company",
        "provider",
        "supplier",
        "retailer",
        "manufacturer",
        "conglomerate",
        "subsidiary",
        "insurer",
        "lender",
        "bank",
        "airline",
        "giant",
        "brewer",
        "distributor",
        # "the gas producer Energean", "the software vendor Kestrel"
        "producer",
        "vendor",
        "operator",
        "carrier",
        "exporter",
        "importer",
        "refiner",
    }
)

#: Words that make a name an organisation's, whatever the model labelled it.
BODY_WORDS = (
    frozenset(
        {
            "fund",
            "forces",
            "force",
            "army",
            "party",
            "ministry",
            "council",
            "government",
            "group",
            "company",
            "corporation",
            "corp",
            "inc",
            "ltd",
            "bank",
            "association",
            "union",
            "committee",
            "commission",
            "agency",
            "office",
            "department",
            "court",
            "parliament",
            "congress",
            "senate",
            "police",
            "university",
            "institute",
            "foundation",
            "organization",
            "organisation",
            "front",
            "movement",
            "alliance",
            "coalition",
            "federation",
            "league",
            "authority",
            "board",
            "house",
            "network",
            "air",  # "Air India", "Air Canada": an airline, which the model may tag a person
            "airline",
            "devices",  # "Advanced Micro Devices", tagged a person
            "facilities",  # "EYP Mission Critical Facilities"
            "resort",  # "Doral Resort Miami": a resort's name, which the model may end with a person's
            "hotel",
            "casino",
            "initiative",  # "Clinton Global Initiative", tagged a person
        }
    )
    | COMPANY_BUSINESS_WORDS
)

#: Words no person's name holds that begin a body's name rather than end it ("National Autistic
#: Society", "Trump National Doral"): they make a name a body's (``people.is_body_name``), but a
#: body's name cut after one ("National" + "Autistic Society") is no body with a person after it.
BODY_NAME_ADJECTIVES = frozenset({"national", "international"})

#: Organisation nouns a description may use for a named body, with the name words that match it
#: ("the city" -> "Municipality of Livorno", "the ministry" -> "Chinese Foreign Ministry").
ORGANIZATION_HEADS: dict[str, tuple[str, ...]] = {
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "government": ("government", "administration", "cabinet"),
    "administration": ("administration", "government"),
    "city": ("city", "municipality", "council", "town"),
    "municipality": ("municipality", "city", "council"),
    "council": ("council",),
    "company": (),
    "firm": (),
    "group": ("group",),
    "agency": ("agency",),
    "organization": ("organization", "organisation"),
    "organisation": ("organisation", "organization"),
    "party": ("party",),
    "union": ("union",),
    "court": ("court",),
    "committee": ("committee",),
    "commission": ("commission",),
    "army": ("army", "forces", "military"),
    "military": ("military", "army", "forces"),
    "office": ("office",),
    "bank": ("bank",),
    "police": ("police",),
}

#: Nouns for what one body is to another: "chief Intel rival AMD", "Boeing supplier Spirit", "Google
#: parent Alphabet". The body named in front is whom the relation is to, never the one that acts. Not
#: "unit" or "subsidiary": "its Orbis unit" names the unit itself.
RELATION_NOUNS = frozenset(
    {
        "rival",
        "competitor",
        "supplier",
        "partner",
        "customer",
        "client",
        "parent",
        "owner",
        "shareholder",
        "investor",
        "lender",
        "creditor",
        "contractor",
        "subcontractor",
        "distributor",
        "vendor",
        "licensee",
    }
)

#: Documents whose words a quote gives; they speak for the body that issued them.
DOCUMENT_HEADS = frozenset(
    {"summary", "ruling", "judgment", "judgement", "decision", "verdict", "report", "letter"}
)


#: Words that say what a body is, not which: "Hewlett-Packard Co" is "Hewlett-Packard", "EYP Inc" is "EYP".
CORPORATE_SUFFIXES = frozenset(
    {"co", "inc", "corp", "corporation", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "limited", "company"}
)


#: The last words of a company's name: "Cerberus Capital Management", "Ford Motor Company", "Apple
#: Inc.". Its first word alone ("Cerberus said") is then the company, whatever the model tags.
COMPANY_TAILS = COMPANY_BUSINESS_WORDS | frozenset(
    {"inc", "corp", "corporation", "co", "company", "ltd", "plc", "llc", "ag", "group", "bank"}
)
