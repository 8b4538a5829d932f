"""Exploring a batch output folder: places and events across an archive, never re-parsed.

::

    archive = open_archive(Path("out"))                 # the GeoParquet of `python -m geo batch`
    view = ArchiveFilter(start=dt.date(2024, 1, 1), countries=frozenset({"ML"}))
    places = aggregate_places(archive, view)           # one row per place: articles, mentions, events
    hits = articles_at(archive, 2449067, view)         # the articles and sentences behind a place
    m = archive_map(places, aggregate_events(archive, view))

The places and events layers are read once (pyarrow, only the columns the
page needs); the sentences behind a place are looked up on demand in the
mentions layer with DuckDB, which reads only the matching row groups. The
time filter is the articles' publication date; the category filter applies
to events (and so to the event markers); the country filter to both.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from geo.errors import GeoError

__all__ = ("Archive", "ArchiveFilter", "ArticleHit", "aggregate_events", "aggregate_places", "archive_map",
           "articles_at", "click_tolerance", "open_archive", "place_at")

PLACE_COLUMNS = ("doc_id", "doc_title", "published", "geonameid", "name", "kind", "country_code",
                 "mention_count", "event_count", "geometry")
EVENT_COLUMNS = ("doc_id", "doc_title", "published", "category", "label", "place_id", "place_name",
                 "date_start", "context", "geometry")


@dataclass(frozen=True)
class Archive:
    """The places and events layers of a batch output folder, with their points as lat/lon columns."""

    root: Path
    places: pd.DataFrame
    events: pd.DataFrame
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        dates = self.places["published"].dropna()
        return None if dates.empty else (dates.min(), dates.max())

    @property
    def categories(self) -> list[str]:
        return sorted(c for c in self.events["category"].dropna().unique() if c)

    @property
    def countries(self) -> list[str]:
        return sorted(c for c in self.places["country_code"].dropna().unique() if c)

    @property
    def article_count(self) -> int:
        return int(self.places["doc_id"].nunique())


@dataclass(frozen=True)
class ArchiveFilter:
    """What the page shows: a publication-date window, event categories, countries (empty: all)."""

    start: dt.date | None = None
    end: dt.date | None = None
    categories: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ArticleHit:
    """An article behind a place, with the sentences that name it and its events there."""

    doc_id: str
    title: str
    published: dt.date | None
    sentences: tuple[str, ...]
    events: tuple[str, ...] = ()


def open_archive(root: Path) -> Archive:
    """Read a ``python -m geo batch --out`` folder; a clear error if it is not one."""
    root = Path(root)
    if not (root / "places").is_dir():
        raise GeoError(f"{root} holds no places/ layer; point at the --out folder of `python -m geo batch`.")
    manifest_path = root / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    places = _read_points(root / "places", PLACE_COLUMNS)
    events = _read_points(root / "events", EVENT_COLUMNS)
    country_of = dict(zip(places["geonameid"], places["country_code"], strict=True))
    events["country_code"] = events["place_id"].map(country_of).fillna("")
    return Archive(root, places, events, manifest)


def _read_points(folder: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    import pyarrow.dataset as ds
    import shapely

    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        frame = pd.DataFrame({c: pd.Series(dtype="object") for c in columns if c != "geometry"})
        frame["lat"], frame["lon"] = pd.Series(dtype="float64"), pd.Series(dtype="float64")
        return frame
    table = ds.dataset(folder, format="parquet").to_table(columns=list(columns))
    frame = table.drop(["geometry"]).to_pandas()
    points = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    # (lat, lon) inside the project; WKB (and GeoJSON) store x = lon, y = lat
    frame["lon"], frame["lat"] = shapely.get_x(points), shapely.get_y(points)
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce").dt.date
    return frame


def _window(frame: pd.DataFrame, view: ArchiveFilter) -> pd.Series:
    keep = pd.Series(True, index=frame.index)
    if view.start is not None:
        keep &= frame["published"].map(lambda d: d is not None and not pd.isna(d) and d >= view.start)
    if view.end is not None:
        keep &= frame["published"].map(lambda d: d is not None and not pd.isna(d) and d <= view.end)
    if view.countries:
        keep &= frame["country_code"].isin(view.countries)
    return keep


def aggregate_places(archive: Archive, view: ArchiveFilter = ArchiveFilter()) -> pd.DataFrame:
    """One row per place in the view: articles naming it, mentions, events, first and last date."""
    rows = archive.places[_window(archive.places, view)]
    grouped = rows.groupby("geonameid", sort=False).agg(
        name=("name", "first"), kind=("kind", "first"), country_code=("country_code", "first"),
        lat=("lat", "first"), lon=("lon", "first"), articles=("doc_id", "nunique"),
        mentions=("mention_count", "sum"), events=("event_count", "sum"),
        first=("published", "min"), last=("published", "max"))
    return grouped.reset_index().sort_values(["articles", "mentions"], ascending=False, ignore_index=True)


def _events_in(archive: Archive, view: ArchiveFilter) -> pd.DataFrame:
    events = archive.events[_window(archive.events, view)]
    if view.categories:
        events = events[events["category"].isin(view.categories)]
    return events


def aggregate_events(archive: Archive, view: ArchiveFilter = ArchiveFilter()) -> pd.DataFrame:
    """One row per event place in the view: how many events, the commonest category."""
    events = _events_in(archive, view).dropna(subset=["lat", "lon", "place_id"])
    if events.empty:
        return pd.DataFrame(columns=["place_id", "place_name", "lat", "lon", "events", "category"])
    grouped = events.groupby("place_id", sort=False).agg(
        place_name=("place_name", "first"), lat=("lat", "first"), lon=("lon", "first"),
        events=("category", "size"), category=("category", lambda c: c.value_counts().index[0]))
    return grouped.reset_index().sort_values("events", ascending=False, ignore_index=True)


def articles_at(archive: Archive, geonameid: int, view: ArchiveFilter = ArchiveFilter(), *,
                limit: int = 50) -> list[ArticleHit]:
    """The articles in the view that name the place, newest first, with their sentences and events."""
    import duckdb

    places = archive.places
    rows = places[(places["geonameid"] == geonameid) & _window(places, view)]
    if rows.empty:
        return []
    rows = rows.sort_values("published", ascending=False, na_position="last").head(limit)
    doc_ids = list(rows["doc_id"])
    sentences: dict[str, list[str]] = {d: [] for d in doc_ids}
    glob = str(archive.root / "mentions" / "*.parquet")
    with duckdb.connect() as con:
        found = con.execute(
            "SELECT doc_id, sentence FROM read_parquet(?) WHERE geonameid = ? AND doc_id IN "
            "(SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, sentence_index",
            [glob, int(geonameid), doc_ids]).fetchall()
    for doc_id, sentence in found:
        if sentence not in sentences[doc_id]:
            sentences[doc_id].append(sentence)
    events = _events_in(archive, view)
    events = events[events["place_id"] == geonameid]
    labels: dict[str, list[str]] = {}
    for doc_id, label, context in zip(events["doc_id"], events["label"], events["context"], strict=True):
        labels.setdefault(doc_id, []).append(f"{label}: {context}" if context else label)
    return [ArticleHit(doc_id, title or doc_id, None if pd.isna(published) else published,
                       tuple(sentences[doc_id]), tuple(labels.get(doc_id, ())))
            for doc_id, title, published in zip(rows["doc_id"], rows["doc_title"], rows["published"],
                                                strict=True)]


def click_tolerance(zoom: float | None, *, pixels: int = 30) -> float:
    """Degrees that ``pixels`` span at a Leaflet zoom level: a click lands anywhere on a circle."""
    return pixels * 360 / (256 * 2 ** (zoom if zoom is not None else 2))


def place_at(places: pd.DataFrame, lat: float, lon: float, *, tolerance: float = 1e-4) -> int | None:
    """The place whose marker centre is nearest to a click at (lat, lon), within ``tolerance`` degrees."""
    if places.empty:
        return None
    distance = (places["lat"] - lat).abs() + (places["lon"] - lon).abs()
    best = distance.idxmin()
    return int(places.at[best, "geonameid"]) if distance[best] <= tolerance else None


def _radius(count: int) -> float:
    """Pixels: grows slowly with the count, so a place named by thousands stays a marker, not a sea."""
    return round(min(22.0, 3 + 1.6 * count ** 0.35), 1)


def archive_map(places: pd.DataFrame, events: pd.DataFrame, *, gazetteer: Any = None,
                tiles: str = "auto") -> Any:
    """A folium map: a filled circle per place (size: articles), a ring per event place (colour: category)."""
    import folium

    from geo.webmap import (
        GEONAMES_ATTRIBUTION,
        NATURAL_EARTH_ATTRIBUTION,
        OSM_ATTRIBUTION,
        OSM_TILES,
        BasemapLayer,
        CustomPane,
        basemap_script,
        category_colour,
        localize,
    )

    m = folium.Map(tiles=None, location=(15.0, 0.0), zoom_start=2, min_zoom=1,
                   world_copy_jump=True, control_scale=True)
    CustomPane("basemap", z_index=150, pointer_events=False).add_to(m)
    if gazetteer is not None:
        BasemapLayer(basemap_script(gazetteer), name="Countries (offline basemap)", pane="basemap",
                     attribution=NATURAL_EARTH_ATTRIBUTION + " \u00b7 " + GEONAMES_ATTRIBUTION).add_to(m)
    if tiles == "auto":
        folium.TileLayer(OSM_TILES, name="OpenStreetMap tiles", attr=OSM_ATTRIBUTION, overlay=True).add_to(m)
    place_layer = folium.FeatureGroup(name="Places (size: articles)")
    for row in places.itertuples(index=False):
        folium.CircleMarker(
            (row.lat, row.lon), radius=_radius(row.articles), weight=1, color="#1f4e79", fill=True,
            fill_color="#2b7bba", fill_opacity=0.55, class_name="geo-archive-place",
            tooltip=html.escape(f"{row.name} ({row.country_code}): {row.articles} article(s), "
                                f"{row.mentions} mention(s), {row.events} event(s)"),
        ).add_to(place_layer)
    place_layer.add_to(m)
    event_layer = folium.FeatureGroup(name="Events (colour: commonest category)")
    for row in events.itertuples(index=False):
        folium.CircleMarker(
            (row.lat, row.lon), radius=_radius(row.events) + 2, weight=2.5, fill=False,
            color=category_colour(row.category), class_name="geo-archive-event",
            tooltip=html.escape(f"{row.place_name}: {row.events} event(s), mostly {row.category}"),
        ).add_to(event_layer)
    event_layer.add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return localize(m)
