"""The event record: the published contract (``schemas/event.v1.json``) as Python types.

Fields are plain dataclasses so the core stays free of serialisation concerns; ``to_dict``
produces exactly the JSON object that goes on the event topics and out of ``extract``.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EventType = Literal["meeting", "agreement", "statement"]
EVENT_TYPES: tuple[EventType, ...] = ("meeting", "agreement", "statement")
#: What an actor is to the event: who spoke, who was told, who met, who agreed.
Role = Literal["speaker", "addressee", "participant", "party"]
ActorKind = Literal["person", "organization", "country", "group"]
#: Meetings and agreements: done, going on at publication, or scheduled.
EventStatus = Literal["past", "ongoing", "planned"]
#: PLOVER-style context of a meeting or agreement (``rules/event_context.py``). Only "occurred",
#: "scheduled" and "historical" are published; the others say why an event was not.
EventContext = Literal["occurred", "scheduled", "historical", "hypothetical", "habitual", "negated"]
#: The day a relative date ("on Tuesday") was resolved against.
DateBasis = Literal["published_at", "dateline", "record_time"]
DatePrecision = Literal["year", "month", "week", "day"]
#: Where a sum stands relative to its event (see ``Amount.scope``).
AmountScope = Literal["sentence", "paragraph", "article"]
AmountBound = Literal["upper", "lower"]
#: How a statement's speaker was found, from the most to the least certain.
SpeakerResolution = Literal["named", "pronoun", "description", "continuation", "subject"]
#: How a statement reports the words: quoted, paraphrased ("China said it would respond"), or a
#: paraphrase around quoted words ("she said that the plan was “dead on arrival”").
StatementForm = Literal["direct", "indirect", "mixed"]

#: Version of the event schema this code produces (``schemas/event.v1.json``).
SCHEMA_VERSION = "1"

#: Namespace for event ids; never change it, or every event id changes.
EVENT_ID_NAMESPACE = uuid.UUID("6f1f5b8e-3c55-4d0e-9a3b-2f6d2a4e9c10")


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role
    kind: ActorKind
    title: str | None = None
    country: str | None = None  # where the text says it (a title, an apposition, a demonym)
    organization: str | None = None  # people: the body named in their title ("Chinese Foreign Ministry")
    country_code: str | None = None  # ISO 3166-1 alpha-2: of ``country``, or of the country itself


@dataclass(frozen=True)
class DateValue:
    text: str
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: DatePrecision


#: What a geocoded location is: the gazetteer's kind of place.
PlaceFeature = Literal["country", "admin_region", "city"]


@dataclass(frozen=True)
class Location:
    name: str
    text: str
    # From the offline gazetteer (normalise/gazetteer.py); null when it does not know the place.
    geonames_id: int | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    latitude: float | None = None  # a country's are its capital's
    longitude: float | None = None
    feature: PlaceFeature | None = None
    #: For a venue ("Akasaka Palace", "the president's residence outside Lima"): the city or
    #: country the sentence puts it in, which the gazetteer fields then describe; a building is
    #: not in a city-level gazetteer, and a map needs the city. None when ``name`` is geocoded itself.
    locality: str | None = None


@dataclass(frozen=True)
class Amount:
    text: str
    value: float
    currency: str
    #: Where the sum stands relative to the event: in its evidence ("sentence"), elsewhere in
    #: the same paragraph ("paragraph"), or elsewhere in the article ("article").
    scope: AmountScope = "sentence"
    #: "upper" for "up to $400 billion", "lower" for "more than $5 million", None for an exact sum;
    #: in a range ("$300 to 350 million") the first amount is "lower" and the second "upper".
    bound: AmountBound | None = None


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Extractor:
    version: str
    model: str


@dataclass(frozen=True)
class Event:
    event_id: str
    type: EventType
    article_id: str
    published_at: str | None
    actors: list[Actor]
    quote: str | None
    date: DateValue | None
    location: Location | None
    amounts: list[Amount]
    evidence: Evidence
    confidence: float
    extractor: Extractor
    status: EventStatus | None = None  # None for statements
    context: EventContext | None = None  # None for statements (and events before extractor 0.3.0)
    date_basis: DateBasis | None = None  # None when no relative date was used
    schema_version: str = SCHEMA_VERSION
    #: The article's ``source`` (the outlet), so that a story can count outlets (extractor 0.4.0).
    source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        data.update(extra)
        return data


def make_event_id(article_id: str, event_type: str, start: int, end: int, anchor: str) -> str:
    """A deterministic id: same article, type, evidence span and anchor give the same id.

    ``anchor`` distinguishes several events in one sentence (for statements, the quote;
    for the others, the trigger word's offset). The extractor version is deliberately
    not part of the id, so a reprocessed article keeps its ids wherever the evidence
    is unchanged.
    """
    return str(
        uuid.uuid5(EVENT_ID_NAMESPACE, f"{article_id}\x1f{event_type}\x1f{start}\x1f{end}\x1f{anchor}")
    )
