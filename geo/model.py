"""The domain model: small dataclasses shared by every step, never changed once made.

:class:`Place`, :class:`Focus` and :class:`Analysis` are frozen. The records made many
times per document (sentences, candidates, toponyms, events and their parts) are not:
a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, several
times the cost of a plain slot store. They compare and hash by their fields as the frozen
ones do (``unsafe_hash``), and no step assigns to a record it did not just make.

Coordinates are stored as (lat, lon) everywhere; the one flip to GeoJSON's
[lon, lat] order happens in :func:`point_geometry`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Literal

MentionType = Literal["literal", "metonymic", "modifier", "demonym", "embedded"]
MENTION_TYPES: tuple[str, ...] = ("literal", "metonymic", "modifier", "demonym", "embedded")

#: kinds of gazetteer record, coarsest first
PLACE_KINDS: tuple[str, ...] = ("continent", "region", "country", "admin1", "admin2", "city", "airport")


def point_geometry(lat: float, lon: float) -> dict[str, Any]:
    """GeoJSON Point; the only place where (lat, lon) becomes [lon, lat]."""
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` for this module's records: dataclasses become dicts, lists and
    tuples keep their type, everything else is returned as it is (the records hold only
    immutable leaves, so asdict's deep copy of each leaf copied nothing; it was a fifth of
    writing a parse's JSON)."""
    cls = type(value)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if not hasattr(cls, "__dataclass_fields__"):
            if cls is tuple or cls is list:
                return cls(plain(v) for v in value)
            if cls is dict:
                return {k: plain(v) for k, v in value.items()}
            return value
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(value))
    return {name: plain(getattr(value, name)) for name in names}


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer record: one place on earth with its GeoNames identity.

    Named regions the project defines itself (the Sahel, ...) have negative
    ids, kind ``"region"`` and ``feature_code`` ``"RGN"`` (``"LK"``, ``"MT"``,
    ``"STM"`` for its lakes, mountains and rivers); they are not GeoNames records.
    """

    geonameid: int
    name: str
    lat: float
    lon: float
    kind: str
    feature_class: str
    feature_code: str
    country_code: str = ""
    admin1: str = ""
    population: int = 0
    admin2: str = ""  # the second-level division (county, district), where the sources say

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(
                f"Expected a latitude in [-90, 90] and a longitude in [-180, 180], "
                f"instead got: ({self.lat!r}, {self.lon!r}) for {self.name!r}."
            )
        if self.kind not in PLACE_KINDS:
            raise ValueError(f"Expected a kind in {PLACE_KINDS}, instead got: {self.kind!r}.")

    @property
    def is_area(self) -> bool:
        """Countries, regions, continents and divisions are areas; towns and airports are points."""
        return self.kind not in ("city", "airport")

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """A possible referent of a mention, with the resolver's score in [0, 1]."""

    place: Place
    score: float


@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(slots=True, unsafe_hash=True)
class Toponym:
    """A place mention: where it is in the text, how it is used, what it is.

    ``adjectival`` is true where the surface is a derived form ("Malian",
    "British") rather than the name itself.
    """

    start: int
    end: int
    text: str
    type: MentionType
    place: Place | None = None
    confidence: float = 0.0
    alternatives: tuple[Candidate, ...] = ()
    sentence: int = 0
    adjectival: bool = False

    @property
    def resolved(self) -> bool:
        return self.place is not None

    def to_dict(self) -> dict[str, Any]:
        """The flat record of the CLI's ``toponyms`` list."""
        p = self.place
        return {
            "start": self.start,
            "end": self.end,
            "name": self.text,
            "type": self.type,
            "adjectival": self.adjectival,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "geonameid": p.geonameid if p else None,
            "place_name": p.name if p else None,
            "kind": p.kind if p else None,
            "feature_code": p.feature_code if p else None,
            "country_code": p.country_code if p else None,
            "confidence": round(self.confidence, 3),
            "alternatives": [
                {"geonameid": c.place.geonameid, "name": c.place.name,
                 "country_code": c.place.country_code, "score": round(c.score, 3)}
                for c in self.alternatives
            ],
        }


@dataclass(slots=True, unsafe_hash=True)
class Actor:
    """Who does or undergoes an event, with the country it belongs to if known."""

    text: str
    start: int
    end: int
    country_code: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class PlaceLink:
    """An event's link to one of the document's resolved places."""

    geonameid: int
    name: str
    role: str  # "where", "origin", "destination", "area"
    geo_precision: int  # ACLED: 1 town, 2 part of region / near town, 3 region/country
    reason: str
    toponym: int | None = None  # index into Analysis.toponyms, None for the focus fallback


@dataclass(slots=True, unsafe_hash=True)
class EventDate:
    """A date or range normalised against the publication date (ISO strings)."""

    start: str | None
    end: str | None
    precision: str | None  # "day", "week", "month", "year", "range", None if unresolved
    text: str = ""


@dataclass(slots=True, unsafe_hash=True)
class EventMention:
    """One report of an event: a trigger in a sentence, read on its own.

    A merged :class:`Event` keeps one per sentence that reports it, as provenance;
    ``Analysis.event_mentions()`` is the per-mention view of a document.
    """

    id: str
    category: str
    label: str
    trigger_start: int
    trigger_end: int
    trigger: str
    sentence_start: int
    sentence_end: int
    sentence_index: int = 0
    tense: str = "past"
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    places: tuple[PlaceLink, ...] = ()
    date: EventDate | None = None
    pos: str = ""  # the trigger's part of speech: "verb" or "noun"


@dataclass(slots=True, unsafe_hash=True)
class Event:
    """One real-world event. ``category`` is a PLOVER type or one of the extension's
    DISASTER, ACCIDENT, CRIME; the trigger and sentence fields are those of the first
    mention, ``places`` the union of the mentions' places (best precision first)."""

    id: str
    category: str  # PLOVER event type
    label: str
    trigger_start: int
    trigger_end: int
    trigger: str
    sentence_start: int
    sentence_end: int
    sentence: str
    contexts: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    places: tuple[PlaceLink, ...] = ()
    date: EventDate | None = None
    tense: str = "past"  # past, ongoing, future, hypothetical
    sentence_index: int = 0
    mentions: tuple[EventMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return plain(self)


@dataclass(frozen=True, slots=True)
class Focus:
    """The document's main country and city (CLIFF-style), fallback place for events."""

    country: Place | None = None
    city: Place | None = None


@dataclass(frozen=True)
class Analysis:
    """One analysed document. ``__geo_interface__`` gives its resolved places."""

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    sentences: tuple[Sentence, ...] = ()
    toponyms: tuple[Toponym, ...] = ()
    events: tuple[Event, ...] = ()
    focus: Focus = field(default_factory=Focus)

    def sentence_of(self, toponym: Toponym) -> Sentence:
        return self.sentences[toponym.sentence]

    def places(self) -> list[Place]:
        """Distinct resolved places, in order of first mention."""
        seen: dict[int, Place] = {}
        for t in self.toponyms:
            if t.place is not None and t.place.geonameid not in seen:
                seen[t.place.geonameid] = t.place
        return list(seen.values())

    def mentions_of(self, geonameid: int) -> list[Toponym]:
        return [t for t in self.toponyms if t.place is not None and t.place.geonameid == geonameid]

    def event_mentions(self) -> list[EventMention]:
        """Every report of every event, in text order (the per-mention view)."""
        return sorted((m for e in self.events for m in e.mentions), key=lambda m: m.trigger_start)

    def events_at(self, geonameid: int) -> list[Event]:
        return [e for e in self.events if any(link.geonameid == geonameid for link in e.places)]

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """A FeatureCollection with one Point per resolved place, from :func:`geo.summary.summarise`."""
        from geo.summary import summarise  # the summary module builds on this one

        features = [{
            "type": "Feature",
            "id": f"{self.id}:{s.geonameid}",
            "geometry": point_geometry(s.place.lat, s.place.lon),
            "properties": {"doc_id": self.id, **s.properties()},
        } for s in summarise([self])]
        return {"type": "FeatureCollection", "features": features}

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON object for this document."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "toponyms": [t.to_dict() for t in self.toponyms],
            "events": [e.to_dict() for e in self.events],
            "focus": {
                "country": self.focus.country.to_dict() if self.focus.country else None,
                "city": self.focus.city.to_dict() if self.focus.city else None,
            },
        }
