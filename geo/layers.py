"""The GIS layers of analysed documents: the one source for the map, the downloads and the CLI.

::

    layers = build_layers([analysis], gazetteer)
    layers.places        # one Point per resolved place per document
    layers.mentions      # one Point per resolved mention
    layers.events        # one Point per event (null geometry if it has no place)
    layers.event_areas   # the polygon of each event located only to a country or region
    layers.areas         # one MultiPolygon per country / named region mentioned
    layers.unresolved    # mentions without a place: a plain table, nothing is lost

Every layer is a flat table: scalar columns only (lists are joined into
strings), a stable string ``id``, dates as ISO strings, and the same columns in
the same order whether the layer has rows or not, so an empty layer still
writes with its schema. Character offsets are ``start_char``/``end_char`` (as
in spaCy): KML reserves ``begin``/``end`` for time spans. The column lists below are the schema; ``docs/layers.md``
describes each field. Geometries are EPSG:4326; areas are always MultiPolygon
with counter-clockwise exterior rings, snapped to a 1e-6 degree grid (about
0.1 m) so that writers that round coordinates cannot make them invalid.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from geo.errors import ExportError
from geo.gazetteer import Gazetteer
from geo.model import MENTION_TYPES, Analysis, Candidate, Event, Place, PlaceLink, Toponym
from geo.summary import primary_link, summarise

__all__ = ["LAYER_SCHEMAS", "Layers", "area_geometry", "build_layers", "generalise", "primary_link"]

CRS = "EPSG:4326"

#: coordinates are snapped to this grid (degrees); GeoJSON output keeps 6 decimals
GRID = 1e-6

#: column -> pandas dtype, in output order; "Int64" where a value may be missing
PLACES_SCHEMA: dict[str, str] = {
    "id": "str", "doc_id": "str", "doc_title": "str", "published": "str",
    "geonameid": "int64", "name": "str", "kind": "str", "feature_class": "str",
    "feature_code": "str", "country_code": "str", "admin1": "str", "population": "int64",
    "mention_count": "int64", "mention_types": "str", "literal": "bool", "confidence": "float64",
    "first_mention": "str", "first_sentence": "str", "event_count": "int64", "focus": "str",
}
MENTIONS_SCHEMA: dict[str, str] = {
    "id": "str", "doc_id": "str", "doc_title": "str", "start_char": "int64", "end_char": "int64",
    "text": "str", "type": "str", "adjectival": "bool", "sentence_index": "int64", "sentence": "str",
    "geonameid": "int64", "place_name": "str", "kind": "str", "feature_code": "str",
    "country_code": "str", "confidence": "float64", "alternative_count": "int64", "alternatives": "str",
}
UNRESOLVED_SCHEMA: dict[str, str] = {
    "id": "str", "doc_id": "str", "doc_title": "str", "start_char": "int64", "end_char": "int64",
    "text": "str", "type": "str", "adjectival": "bool", "sentence_index": "int64", "sentence": "str",
    "alternative_count": "int64", "alternatives": "str",
}
EVENTS_SCHEMA: dict[str, str] = {
    "id": "str", "event_id": "str", "doc_id": "str", "doc_title": "str", "published": "str",
    "category": "str", "label": "str", "trigger": "str", "tense": "str",
    "date_start": "str", "date_end": "str", "date_precision": "str", "date_text": "str",
    "context": "str", "actors": "str", "actor_countries": "str", "recipients": "str",
    "quote": "str", "geo_precision": "Int64", "place_id": "Int64", "place_name": "str",
    "place_role": "str", "place_kind": "str", "location_reason": "str",
    "place_ids": "str", "place_names": "str", "place_roles": "str",
    "trigger_start": "int64", "trigger_end": "int64", "sentence_start": "int64", "sentence_end": "int64",
}
AREAS_SCHEMA: dict[str, str] = {
    "id": "str", "geonameid": "int64", "name": "str", "kind": "str", "feature_code": "str",
    "country_code": "str", "mention_count": "int64", "doc_count": "int64",
    **{f"{t}_count": "int64" for t in MENTION_TYPES},
    "mention_types": "str", "confidence": "float64", "event_count": "int64", "doc_ids": "str",
}

#: layer name -> (schema, geometry type written for it; None for the plain table)
LAYER_SCHEMAS: dict[str, tuple[dict[str, str], str | None]] = {
    "places": (PLACES_SCHEMA, "Point"),
    "mentions": (MENTIONS_SCHEMA, "Point"),
    "events": (EVENTS_SCHEMA, "Point"),
    "event_areas": (EVENTS_SCHEMA, "MultiPolygon"),
    "areas": (AREAS_SCHEMA, "MultiPolygon"),
    "unresolved": (UNRESOLVED_SCHEMA, None),
}

#: separator of lists of codes and ids ("literal,modifier"), and of lists of free text
CODE_SEP = ","
TEXT_SEP = "; "


def _empty_gdf() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=CRS))


@dataclass(frozen=True)
class Layers:
    """The layers of one or more analysed documents (see the module docstring)."""

    places: gpd.GeoDataFrame
    mentions: gpd.GeoDataFrame
    events: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    unresolved: pd.DataFrame
    event_areas: gpd.GeoDataFrame = field(default_factory=_empty_gdf)

    #: the layers every export writes, in order
    NAMES: ClassVar[tuple[str, ...]] = ("places", "mentions", "events", "event_areas", "areas", "unresolved")

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.NAMES:
            raise KeyError(f"Expected a layer name in {self.NAMES}, instead got: {name!r}.")
        return getattr(self, name)

    def counts(self) -> dict[str, int]:
        """Number of rows of each layer, for reports."""
        return {name: len(self[name]) for name in self.NAMES}


def build_layers(analyses: Iterable[Analysis], gazetteer: Gazetteer) -> Layers:
    """The layers of ``analyses``; ``gazetteer`` supplies area polygons and event places.

    Nothing is dropped: every resolved mention is in ``mentions``, every
    unresolved one in ``unresolved``, every event in ``events`` (with a null
    geometry if it links to no known place).
    """
    analyses = list(analyses)
    repeated = [doc_id for doc_id, n in Counter(a.id for a in analyses).items() if n > 1]
    if repeated:
        # feature ids are "<doc id>:<...>": two documents with one id would collide
        raise ExportError(f"Expected one analysis per document id, instead got {repeated[0]!r} "
                          f"more than once; give each document a unique id.")
    shapes = _AreaShapes(gazetteer)
    places, mentions, unresolved, events, event_areas = [], [], [], [], []
    for analysis in analyses:
        places += _place_rows(analysis)
        for toponym in analysis.toponyms:
            (mentions if toponym.resolved else unresolved).append(_mention_row(analysis, toponym))
        for event in analysis.events:
            row, place = _event_row(analysis, event, gazetteer)
            events.append(row)
            if place is not None and row["geo_precision"] == 3:
                shape = shapes.generalised(place.geonameid)
                if shape is not None:
                    event_areas.append({**row, "geometry": shape})
    return Layers(
        places=_frame(places, PLACES_SCHEMA),
        mentions=_frame(mentions, MENTIONS_SCHEMA),
        events=_frame(events, EVENTS_SCHEMA),
        areas=_frame(_area_rows(analyses, shapes), AREAS_SCHEMA),
        unresolved=_table(unresolved, UNRESOLVED_SCHEMA),
        event_areas=_frame(event_areas, EVENTS_SCHEMA),
    )


# -- rows -------------------------------------------------------------------------------------

def _point(place: Place | None) -> Point | None:
    # the one (lat, lon) -> (x=lon, y=lat) flip of the layers
    return None if place is None else Point(round(place.lon, 6), round(place.lat, 6))


def _published(analysis: Analysis) -> str | None:
    return analysis.published.isoformat() if analysis.published else None


def _sentence_text(analysis: Analysis, index: int) -> str:
    return analysis.sentences[index].text if 0 <= index < len(analysis.sentences) else ""


def _alternatives(alternatives: tuple[Candidate, ...]) -> str:
    """``Mali (ML, 2453866) 0.975; ...``: name, country, GeoNames id and score of each."""
    return TEXT_SEP.join(
        f"{c.place.name} ({c.place.country_code or '-'}, {c.place.geonameid}) {c.score:.3f}"
        for c in alternatives
    )


def _place_rows(analysis: Analysis) -> list[dict[str, Any]]:
    rows = []
    for summary in summarise([analysis]):
        place = summary.place
        shared = summary.properties()
        del shared["doc_count"]  # one row per document: always 1
        rows.append({
            "id": f"{analysis.id}:{place.geonameid}",
            "doc_id": analysis.id,
            "doc_title": analysis.title,
            "published": _published(analysis),
            **shared,
            "feature_class": place.feature_class,
            "admin1": place.admin1,
            "population": place.population,
            "first_mention": summary.first_mention,
            "first_sentence": summary.first_sentence,
            "focus": CODE_SEP.join(summary.focus),
            "geometry": _point(place),
        })
    return rows


def _mention_row(analysis: Analysis, toponym: Toponym) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": f"{analysis.id}:{toponym.start}-{toponym.end}",
        "doc_id": analysis.id,
        "doc_title": analysis.title,
        "start_char": toponym.start,
        "end_char": toponym.end,
        "text": toponym.text,
        "type": toponym.type,
        "adjectival": toponym.adjectival,
        "sentence_index": toponym.sentence,
        "sentence": _sentence_text(analysis, toponym.sentence),
        "alternative_count": len(toponym.alternatives),
        "alternatives": _alternatives(toponym.alternatives),
    }
    place = toponym.place
    if place is not None:
        row.update({
            "geonameid": place.geonameid,
            "place_name": place.name,
            "kind": place.kind,
            "feature_code": place.feature_code,
            "country_code": place.country_code,
            "confidence": round(toponym.confidence, 3),
            "geometry": _point(place),
        })
    return row


def _link_place(analysis: Analysis, link: PlaceLink, gazetteer: Gazetteer) -> Place | None:
    # the document's own resolution first (it may differ from the gazetteer's record
    # after a user correction), the gazetteer for focus fallbacks
    if link.toponym is not None and 0 <= link.toponym < len(analysis.toponyms):
        place = analysis.toponyms[link.toponym].place
        if place is not None and place.geonameid == link.geonameid:
            return place
    for place in analysis.places():
        if place.geonameid == link.geonameid:
            return place
    return gazetteer.get(link.geonameid)


def _event_feature_id(analysis: Analysis, event: Event) -> str:
    """``<doc id>:<event id>``, unless the event id already starts with its document's id."""
    return event.id if event.id.startswith(f"{analysis.id}:") else f"{analysis.id}:{event.id}"


def _event_row(analysis: Analysis, event: Event, gazetteer: Gazetteer) -> tuple[dict[str, Any], Place | None]:
    link = primary_link(event)
    place = _link_place(analysis, link, gazetteer) if link is not None else None
    date = event.date
    return {
        "id": _event_feature_id(analysis, event),
        "event_id": event.id,
        "doc_id": analysis.id,
        "doc_title": analysis.title,
        "published": _published(analysis),
        "category": event.category,
        "label": event.label,
        "trigger": event.trigger,
        "tense": event.tense,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None,
        "context": TEXT_SEP.join(event.contexts),
        "actors": TEXT_SEP.join(a.text for a in event.actors),
        "actor_countries": CODE_SEP.join(a.country_code or "" for a in event.actors)
        if any(a.country_code for a in event.actors) else "",
        "recipients": TEXT_SEP.join(a.text for a in event.recipients),
        "quote": event.sentence,
        "geo_precision": link.geo_precision if link else None,
        "place_id": link.geonameid if link else None,
        "place_name": place.name if place else (link.name if link else None),
        "place_role": link.role if link else None,
        "place_kind": place.kind if place else None,
        "location_reason": link.reason if link else None,
        "place_ids": CODE_SEP.join(str(p.geonameid) for p in event.places),
        "place_names": TEXT_SEP.join(p.name for p in event.places),
        "place_roles": CODE_SEP.join(p.role for p in event.places),
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "geometry": _point(place),
    }, place


class _AreaShapes:
    """Area polygons by place id, cleaned once: valid, MultiPolygon, CCW, on the grid."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._cache: dict[int, MultiPolygon | None] = {}
        self._general: dict[int, MultiPolygon | None] = {}

    def get(self, geonameid: int) -> MultiPolygon | None:
        if geonameid not in self._cache:
            geom = self.gazetteer.area(geonameid)
            self._cache[geonameid] = None if geom is None else area_geometry(geom)
        return self._cache[geonameid]

    def generalised(self, geonameid: int) -> MultiPolygon | None:
        """The polygon for an event located only to this area (see :func:`generalise`)."""
        if geonameid not in self._general:
            shape = self.get(geonameid)
            self._general[geonameid] = None if shape is None else generalise(shape)
        return self._general[geonameid]


#: largest simplification tolerance (degrees, about 10 km) of an event's area polygon
EVENT_AREA_TOLERANCE = 0.1


def generalise(shape: MultiPolygon) -> MultiPolygon:
    """A lighter copy of an area for ``event_areas``, where it repeats once per event.

    An event located only to a country is no more precise than the country:
    its polygon is simplified by 1 % of the area's size (at most 0.1 degree)
    and islands smaller than twice the tolerance squared are dropped, the
    largest part always kept. On 100 GeoWebNews articles this made the layer
    about four times smaller (there the United States repeats over 100 times).
    """
    largest = max(shape.geoms, key=lambda p: p.area)
    tolerance = min(EVENT_AREA_TOLERANCE, math.sqrt(largest.area) / 100)
    parts = shapely.get_parts(shapely.simplify(shape, tolerance, preserve_topology=True))
    biggest = max(parts, key=lambda p: p.area)
    kept = [p for p in parts if p is biggest or p.area >= (2 * tolerance) ** 2]
    return area_geometry(MultiPolygon(kept)) or shape


def area_geometry(geom: BaseGeometry) -> MultiPolygon | None:
    """A MultiPolygon fit for every format: valid, on the grid, exterior rings CCW.

    ``set_precision`` can collapse slivers into lines or points and return a
    GeometryCollection; only the polygonal parts are kept so that the layer
    has a single geometry type.
    """
    geom = shapely.set_precision(shapely.make_valid(geom), GRID)
    parts = [p for p in _polygons(geom) if not p.is_empty]
    if not parts:
        return None
    multi = MultiPolygon(parts)
    return shapely.orient_polygons(multi, exterior_cw=False)


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [p for part in getattr(geom, "geoms", ()) for p in _polygons(part)]


def _area_rows(analyses: list[Analysis], shapes: _AreaShapes) -> list[dict[str, Any]]:
    """Countries and named regions over all documents, with how often and how."""
    rows = []
    for summary in summarise(analyses):
        if summary.place.kind not in ("country", "region", "continent"):
            continue  # cities are points; first-level divisions have no polygon in the gazetteer
        shape = shapes.get(summary.geonameid)
        if shape is None:
            continue
        rows.append({
            "id": str(summary.geonameid),
            **summary.properties(),
            **{f"{t}_count": summary.count(t) for t in MENTION_TYPES},
            "doc_ids": CODE_SEP.join(summary.doc_ids),
            "geometry": shape,
        })
    return rows


# -- frames -----------------------------------------------------------------------------------

def _table(rows: list[dict[str, Any]], schema: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns and dtypes, also when empty."""
    frame = pd.DataFrame.from_records(rows, columns=list(schema))
    return frame.astype(schema)


def _frame(rows: list[dict[str, Any]], schema: dict[str, str]) -> gpd.GeoDataFrame:
    geometry = gpd.GeoSeries([r.get("geometry") for r in rows], crs=CRS)
    return gpd.GeoDataFrame(_table(rows, schema), geometry=geometry, crs=CRS)
