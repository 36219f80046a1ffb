"""The typed records that flow between cronica's stages.

Every stage reads and writes these plain dataclasses (no spaCy objects), so
rows can cross process boundaries cheaply and be stored as they are.
Offsets are Unicode code-point offsets into the document's original text,
end exclusive.
"""
from __future__ import annotations

import math

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

Interval = tuple[date, date]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass
class Document:
    doc_id: str
    text: str
    dct: Optional[date] = None
    url: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    language: str = "es"
    path: Optional[str] = None


@dataclass
class Timex:
    """A temporal expression normalised to TIMEX3 and to the days it denotes."""
    span: Span
    type: str                      # DATE, TIME, DURATION, SET
    value: str                     # TIMEX3 value: 2017-01-08, 2016-05, P3M, XXXX-01-07 ...
    mod: Optional[str] = None      # START, MID, END, BEFORE, AFTER, APPROX, MORE_THAN, ...
    interval: Optional[Interval] = None   # first and last day, for DATE timexes that resolve
    precision: Optional[str] = None       # day, week, month, quarter, year, decade
    anchor: Optional[str] = None          # what the value was resolved against: dct, narrative, absolute
    rule: str = ""                        # the pattern/rule that produced it (provenance)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. weekday conflicts, "para" (end bound)


@dataclass
class Place:
    span: Span
    name: str                      # canonical (English/GeoNames) name
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None  # ISO-3166 alpha-2
    admin1: Optional[str] = None
    feature_code: Optional[str] = None   # GeoNames feature code (PPLA, ADM1, PCLI, STM, ...)
    precision: int = 1             # ACLED geo_precision 1-3
    role: str = "location"         # location, actor_modifier (in an organisation/actor name), ...
    score: float = 1.0
    rule: str = ""

    @property
    def is_name(self) -> bool:
        """Is the mention a place's name, not an adjective the stage read as its country ("el Gobierno
        nigerino")? Only names, and a capitalised demonym inside a proper name ("las Fuerzas Democráticas
        Sirias"), are a document's place mentions; the other demonyms serve the actor and event stages."""
        return not (self.rule.startswith("demonym") and self.span.text[:1].islower())


@dataclass
class ActorMention:
    span: Span
    actor_id: str
    canonical: str                 # ACLED-style canonical name
    actor_type: Optional[str] = None   # ACLED actor type (State forces, Rebel group, ...)
    country: Optional[str] = None
    rule: str = ""                 # alias match, coreference, unknown-group, ...


@dataclass
class EventMention:
    """One sentence's (or clause's) telling of an event, with its evidence."""
    doc_id: str
    sentence: Span
    trigger: Span
    event_type: str
    sub_event_type: str
    date_start: Optional[date] = None
    date_end: Optional[date] = None
    time_precision: Optional[str] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    assoc_actor1: Optional[str] = None
    assoc_actor2: Optional[str] = None
    place: Optional[Place] = None
    fatalities: Optional[int] = None
    attribution: Optional[str] = None
    confidence: float = 0.5
    rules: list[str] = field(default_factory=list)   # the rule trail: why each field is what it is


@dataclass
class Event:
    """A real-world event: one or more mentions merged."""
    event_id: str
    event_type: str
    sub_event_type: str
    date_start: Optional[date]
    date_end: Optional[date]
    time_precision: Optional[str]
    actor1: Optional[str]
    actor2: Optional[str]
    assoc_actor1: Optional[str]
    assoc_actor2: Optional[str]
    place: Optional[Place]
    fatalities: Optional[int]
    confidence: float
    mentions: list[EventMention] = field(default_factory=list)


@dataclass
class DocumentAnnotations:
    document: Document
    sentences: list[Span]
    kept: list[Span]               # paragraph spans kept after de-duplication
    timexes: list[Timex]
    places: list[Place]
    actors: list[ActorMention]
    events: list[Event]


_SCALARS = (str, int, float, bool, type(None))


def to_plain(obj: Any) -> Any:
    """Dataclasses, dates and tuples as JSON-ready Python values (as `asdict`, in one walk)."""
    if isinstance(obj, _SCALARS):
        return obj
    fields = getattr(obj, "__dataclass_fields__", None)
    if fields is not None:
        return {name: to_plain(getattr(obj, name)) for name in fields}
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_plain(v) for v in obj]
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (infinite when either has no coordinates)."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    return km_between(a.lat, a.lon, b.lat, b.lon)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
