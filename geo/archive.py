"""Exploring a batch output folder: places and events across an archive, never re-parsed.

::

    archive = open_archive(Path("out"))                 # the GeoParquet of `python -m geo batch`
    view = ArchiveFilter(start=dt.date(2024, 1, 1), countries=frozenset({"ML"}))
    places = aggregate_places(archive, view)           # one row per place: articles, mentions, events
    hits = articles_at(archive, 2449067, view)         # the articles and sentences behind a place
    m = archive_map(places, aggregate_events(archive, view))

The page never reads the per-mention layers to draw the map. At the end of a
run :func:`summarise` writes two small tables to ``summary/``: one row per
place and publication day (articles, mentions, events) and one per event
place, day and category. Summed over the days in a window they give the
per-place counts exactly, because an article has one publication date.
:func:`open_archive` reads those with pyarrow, and computes them the same
way (DuckDB over the layers) when a folder has none yet, or older ones.

A click asks DuckDB for the articles behind one place (the places layer), their
sentences (mentions) and their events, reading only the matching rows. The time
filter is the articles' publication date, the category filter applies to events
(and so to the event markers), and the country filter to both.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from geo.errors import GeoError

__all__ = ("Archive", "ArchiveFilter", "ArticleHit", "aggregate_events", "aggregate_places", "archive_map",
           "articles_at", "click_tolerance", "event_markers", "open_archive", "place_at", "place_markers",
           "summarise")

SUMMARY = "summary"
#: bumped when the summary tables change shape, so an older folder's are computed again
SUMMARY_VERSION = 2
#: the most place markers drawn at once (the most-named first): beyond a few thousand SVG circles
#: the browser, not the data, sets the page's speed; the caption says when some are left out
MAX_MARKERS = 4000

_PLACE_DAYS = """
    SELECT geonameid, TRY_CAST(published AS DATE) AS day, any_value(name) AS name,
           any_value(kind) AS kind, any_value(country_code) AS country_code,
           any_value(geometry) AS geometry, count(DISTINCT doc_id) AS articles,
           sum(mention_count) AS mentions, sum(event_count) AS events
    FROM read_parquet(?) GROUP BY geonameid, day ORDER BY geonameid, day"""
_EVENT_DAYS = """
    SELECT place_id, TRY_CAST(published AS DATE) AS day, coalesce(category, '') AS category,
           any_value(place_name) AS place_name, any_value(geometry) AS geometry, count(*) AS events
    FROM read_parquet(?) WHERE place_id IS NOT NULL AND geometry IS NOT NULL
    GROUP BY place_id, day, category ORDER BY place_id, day, category"""


@dataclass(frozen=True)
class Archive:
    """A batch output folder's summary: place-days and event-days, with points as lat/lon columns."""

    root: Path
    places: pd.DataFrame
    events: pd.DataFrame
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def date_range(self) -> tuple[dt.date, dt.date] | None:
        days = self.places["day"].dropna()
        return None if days.empty else (days.min().date(), days.max().date())

    @property
    def categories(self) -> list[str]:
        return sorted(c for c in self.events["category"].dropna().unique() if c)

    @property
    def countries(self) -> list[str]:
        return sorted(c for c in self.places["country_code"].dropna().unique() if c)

    @property
    def article_count(self) -> int:
        """Articles analysed (the manifest's count; an article that names no place counts too)."""
        return int(self.manifest.get("documents", 0))

    def country_of(self, geonameid: int) -> str:
        rows = self.places.loc[self.places["geonameid"] == geonameid, "country_code"]
        return "" if rows.empty else str(rows.iloc[0] or "")


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


# -- the summary tables -------------------------------------------------------------------------


def _layer_glob(root: Path, layer: str) -> str | None:
    folder = root / layer
    return str(folder / "*.parquet") if folder.is_dir() and any(folder.glob("*.parquet")) else None


def _summary_tables(root: Path) -> tuple[Any, Any]:
    """The place-day and event-day tables (pyarrow), computed by DuckDB from the layers."""
    import duckdb

    with duckdb.connect() as con:
        glob = _layer_glob(root, "places")
        places = con.sql(_PLACE_DAYS, params=[glob]).to_arrow_table() if glob else _empty_place_days()
        glob = _layer_glob(root, "events")
        events = con.sql(_EVENT_DAYS, params=[glob]).to_arrow_table() if glob else _empty_event_days()
    return _lat_lon(places), _lat_lon(events)


def _lat_lon(table: Any) -> Any:
    """The WKB points as lat and lon columns, decoded once here rather than on every page open."""
    import pyarrow as pa
    import shapely

    points = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    # (lat, lon) inside the project; WKB (and GeoJSON) store x = lon, y = lat
    table = table.drop(["geometry"])
    return table.append_column("lat", pa.array(shapely.get_y(points), pa.float64())).append_column(
        "lon", pa.array(shapely.get_x(points), pa.float64()))


def _empty_place_days():
    import pyarrow as pa

    return pa.table({"geonameid": pa.array([], pa.int64()), "day": pa.array([], pa.date32()),
                     "name": pa.array([], pa.string()), "kind": pa.array([], pa.string()),
                     "country_code": pa.array([], pa.string()), "geometry": pa.array([], pa.binary()),
                     "articles": pa.array([], pa.int64()), "mentions": pa.array([], pa.int64()),
                     "events": pa.array([], pa.int64())})


def _empty_event_days():
    import pyarrow as pa

    return pa.table({"place_id": pa.array([], pa.int64()), "day": pa.array([], pa.date32()),
                     "category": pa.array([], pa.string()), "place_name": pa.array([], pa.string()),
                     "geometry": pa.array([], pa.binary()), "events": pa.array([], pa.int64())})


def _stamp(root: Path) -> dict[str, Any]:
    """What the summary was made from: the finished partitions' names (a rerun that adds some changes it)."""
    done = sorted(p.stem for p in (root / "done").glob("*.json")) if (root / "done").is_dir() else []
    return {"version": SUMMARY_VERSION, "partitions": len(done), "last": done[-1] if done else None}


def summarise(root: Path) -> dict[str, int]:
    """Write ``summary/place_days.parquet`` and ``summary/event_days.parquet``; return their row counts.

    Called at the end of every batch run (:mod:`geo.batch.output`), so the page opens an
    archive of any size by reading two small files.
    """
    import pyarrow.parquet as pq

    from geo.batch.output import atomic_write

    root = Path(root)
    places, events = _summary_tables(root)
    folder = root / SUMMARY
    for name, table in (("place_days", places), ("event_days", events)):
        sink = _buffer()
        pq.write_table(table, sink)
        atomic_write(folder / f"{name}.parquet", sink.getvalue().to_pybytes())
    atomic_write(folder / "stamp.json", json.dumps(_stamp(root)).encode())
    return {"place_days": places.num_rows, "event_days": events.num_rows}


def _buffer():
    import pyarrow as pa

    return pa.BufferOutputStream()


def _read_summary(root: Path) -> tuple[Any, Any]:
    import pyarrow.parquet as pq

    folder = root / SUMMARY
    try:
        if json.loads((folder / "stamp.json").read_text(encoding="utf-8")) == _stamp(root):
            return pq.read_table(folder / "place_days.parquet"), pq.read_table(folder / "event_days.parquet")
    except (OSError, ValueError):
        pass
    return _summary_tables(root)  # none yet (a run in progress), or made from fewer partitions


def _frame(table: Any) -> pd.DataFrame:
    frame = table.to_pandas(date_as_object=False)  # days as datetime64, compared without Python objects
    frame["day"] = frame["day"].astype("datetime64[ns]")
    return frame


def open_archive(root: Path) -> Archive:
    """Read a ``python -m geo batch --out`` folder's summary; a clear error if it is not one."""
    root = Path(root)
    if not (root / "places").is_dir():
        raise GeoError(f"{root} holds no places/ layer; point at the --out folder of `python -m geo batch`.")
    manifest_path = root / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    place_days, event_days = _read_summary(root)
    places, events = _frame(place_days), _frame(event_days)
    country = places.drop_duplicates("geonameid").set_index("geonameid")["country_code"]
    events["country_code"] = events["place_id"].map(country).fillna("")
    return Archive(root, places, events, manifest)


# -- views --------------------------------------------------------------------------------------


def _window(frame: pd.DataFrame, view: ArchiveFilter) -> pd.Series:
    keep = pd.Series(True, index=frame.index)
    if view.start is not None:
        keep &= frame["day"] >= pd.Timestamp(view.start)
    if view.end is not None:
        keep &= frame["day"] <= pd.Timestamp(view.end)
    if view.countries:
        keep &= frame["country_code"].isin(view.countries)
    return keep


def aggregate_places(archive: Archive, view: ArchiveFilter = ArchiveFilter()) -> pd.DataFrame:
    """One row per place in the view: articles naming it, mentions, events, first and last date."""
    rows = archive.places[_window(archive.places, view)]
    grouped = rows.groupby("geonameid", sort=False).agg(
        name=("name", "first"), kind=("kind", "first"), country_code=("country_code", "first"),
        lat=("lat", "first"), lon=("lon", "first"), articles=("articles", "sum"),
        mentions=("mentions", "sum"), events=("events", "sum"), first=("day", "min"), last=("day", "max"))
    grouped["first"], grouped["last"] = grouped["first"].dt.date, grouped["last"].dt.date
    return grouped.reset_index().sort_values(["articles", "mentions"], ascending=False, ignore_index=True)


def _events_in(archive: Archive, view: ArchiveFilter) -> pd.DataFrame:
    events = archive.events[_window(archive.events, view)]
    if view.categories:
        events = events[events["category"].isin(view.categories)]
    return events


def aggregate_events(archive: Archive, view: ArchiveFilter = ArchiveFilter()) -> pd.DataFrame:
    """One row per event place in the view: how many events, the commonest category."""
    events = _events_in(archive, view)
    if events.empty:
        return pd.DataFrame(columns=["place_id", "place_name", "lat", "lon", "events", "category"])
    per_category = events.groupby(["place_id", "category"], sort=False)["events"].sum().reset_index()
    top = per_category.sort_values(["events", "category"], ascending=[False, True]).drop_duplicates("place_id")
    grouped = events.groupby("place_id", sort=False).agg(
        place_name=("place_name", "first"), lat=("lat", "first"), lon=("lon", "first"), events=("events", "sum"))
    grouped["category"] = top.set_index("place_id")["category"]
    return grouped.reset_index().sort_values("events", ascending=False, ignore_index=True)


def _date_clause(view: ArchiveFilter, column: str) -> tuple[str, list[Any]]:
    sql, params = "", []
    if view.start is not None:
        sql, params = sql + f" AND TRY_CAST({column} AS DATE) >= ?", [*params, view.start]
    if view.end is not None:
        sql, params = sql + f" AND TRY_CAST({column} AS DATE) <= ?", [*params, view.end]
    return sql, params


def articles_at(archive: Archive, geonameid: int, view: ArchiveFilter = ArchiveFilter(), *,
                limit: int = 50) -> list[ArticleHit]:
    """The articles in the view that name the place, newest first, with their sentences and events."""
    import duckdb

    if view.countries and archive.country_of(geonameid) not in view.countries:
        return []
    dates, params = _date_clause(view, "published")
    with duckdb.connect() as con:
        rows = con.execute(
            f"SELECT doc_id, any_value(doc_title), any_value(TRY_CAST(published AS DATE)) AS day "
            f"FROM read_parquet(?) WHERE geonameid = ?{dates} GROUP BY doc_id "
            f"ORDER BY day DESC NULLS LAST, doc_id LIMIT ?",
            [_layer_glob(archive.root, "places"), int(geonameid), *params, limit]).fetchall()
        if not rows:
            return []
        doc_ids = [r[0] for r in rows]
        found = con.execute(
            "SELECT doc_id, sentence FROM read_parquet(?) WHERE geonameid = ? AND doc_id IN "
            "(SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, sentence_index",
            [str(archive.root / "mentions" / "*.parquet"), int(geonameid), doc_ids]).fetchall()
        labels = _event_labels(con, archive.root, geonameid, doc_ids, view)
    sentences: dict[str, list[str]] = {d: [] for d in doc_ids}
    for doc_id, sentence in found:
        if sentence not in sentences[doc_id]:
            sentences[doc_id].append(sentence)
    return [ArticleHit(doc_id, title or doc_id, day, tuple(sentences[doc_id]), tuple(labels.get(doc_id, ())))
            for doc_id, title, day in rows]


def _event_labels(con: Any, root: Path, geonameid: int, doc_ids: list[str],
                  view: ArchiveFilter) -> dict[str, list[str]]:
    glob = _layer_glob(root, "events")
    if glob is None:
        return {}
    sql, params = "", []
    if view.categories:
        sql, params = " AND category IN (SELECT unnest(?::VARCHAR[]))", [sorted(view.categories)]
    found = con.execute(
        f"SELECT doc_id, label, context FROM read_parquet(?) WHERE place_id = ? AND doc_id IN "
        f"(SELECT unnest(?::VARCHAR[])){sql} ORDER BY doc_id, sentence_start",
        [glob, int(geonameid), doc_ids, *params]).fetchall()
    labels: dict[str, list[str]] = {}
    for doc_id, label, context in found:
        labels.setdefault(doc_id, []).append(f"{label}: {context}" if context else label)
    return labels


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


# -- the map ------------------------------------------------------------------------------------


def _radius(count: int) -> float:
    """Pixels: grows slowly with the count, so a place named by thousands stays a marker, not a sea."""
    return round(min(22.0, 3 + 1.6 * count ** 0.35), 1)


#: the most event rings drawn: the commonest event places; more hide the places beneath them
MAX_EVENT_MARKERS = 1500


def place_markers(places: pd.DataFrame) -> list[list[Any]]:
    """[lat, lon, radius, escaped tooltip, geonameid] per place (article text is data: escaped here)."""
    return [[round(row.lat, 4), round(row.lon, 4), _radius(row.articles), html.escape(
             f"{row.name} ({row.country_code}): {row.articles} article(s), {row.mentions} mention(s), "
             f"{row.events} event(s)"), int(row.geonameid)]
            for row in places.itertuples(index=False) if row.lat == row.lat and row.lon == row.lon]


def event_markers(events: pd.DataFrame) -> list[list[Any]]:
    """[lat, lon, radius, escaped tooltip, place id, colour] per event place."""
    from geo.webmap import category_colour

    return [[round(row.lat, 4), round(row.lon, 4), _radius(row.events) + 2,
             html.escape(f"{row.place_name}: {row.events} event(s), mostly {row.category}"), int(row.place_id),
             category_colour(row.category)]
            for row in events.itertuples(index=False) if row.lat == row.lat and row.lon == row.lon]


@lru_cache(maxsize=1)
def _marker_layer_class():
    from folium.elements import JSCSSMixin
    from folium.map import Layer
    from jinja2 import Template

    class MarkerLayer(JSCSSMixin, Layer):
        """Circle markers on one canvas, their data in a script loaded like a library.

        Thousands of markers as folium elements make a map script of megabytes that
        streamlit-folium renders, hashes and sends on every rerun (every click). Here
        the rows travel as one ``data:`` script beside Leaflet, the map script only
        loops over them, and a canvas draws them (an SVG path each is what makes a
        browser slow). Each marker carries ``feature.properties.id``, which
        streamlit-folium returns as ``last_active_drawing`` on a click.
        """

        _template = Template("""
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = (function () {
                var group = L.featureGroup(), canvas = window.geoArchiveCanvas = window.geoArchiveCanvas
                    || L.canvas({padding: 0.5});
                window[{{ this.data_name|tojson }}].forEach(function (m) {
                    var marker = L.circleMarker([m[0], m[1]], {{ this.style|tojson }});
                    marker.setRadius(m[2]);
                    if (m[5]) { marker.setStyle({color: m[5]}); }
                    marker.options.renderer = canvas;
                    marker.feature = {type: "Feature", properties: {id: m[4], kind: {{ this.kind|tojson }}},
                                      geometry: null};
                    marker.bindTooltip(m[3]);
                    group.addLayer(marker);
                });
                return group;
            })();
            {% endmacro %}
        """)

        def __init__(self, rows: list[list[Any]], *, name: str, kind: str, style: dict[str, Any]) -> None:
            import hashlib

            from geo.webassets import data_url

            super().__init__(name=name, overlay=True, control=True, show=True)
            self._name = "ArchiveMarkers"
            payload = json.dumps(rows, separators=(",", ":"), ensure_ascii=True)
            # the name changes with the rows, so streamlit-folium sees a new map when the view changes
            self.data_name = f"geoArchive_{kind}_{hashlib.sha1(payload.encode()).hexdigest()[:12]}"
            self.kind, self.style, self.count = kind, style, len(rows)
            script = f"window[{json.dumps(self.data_name)}] = {payload};".encode()
            self.default_js = [(self.data_name, data_url(script, "text/javascript"))]

    return MarkerLayer


PLACE_STYLE = {"weight": 1, "color": "#1f4e79", "fill": True, "fillColor": "#2b7bba", "fillOpacity": 0.55,
               "className": "geo-archive-place"}
EVENT_STYLE = {"weight": 2.5, "fill": False, "className": "geo-archive-event"}


def archive_map(places: pd.DataFrame, events: pd.DataFrame, *, gazetteer: Any = None,
                tiles: str = "auto", max_markers: int = MAX_MARKERS,
                max_event_markers: int = MAX_EVENT_MARKERS) -> Any:
    """A folium map: a filled circle per place (size: articles), a ring per event place (colour: category).

    Only the ``max_markers`` most-named places and ``max_event_markers`` commonest event places are drawn.
    """
    import folium

    from geo.webmap import (
        GEONAMES_ATTRIBUTION,
        NATURAL_EARTH_ATTRIBUTION,
        OSM_ATTRIBUTION,
        OSM_TILES,
        BasemapLayer,
        CustomPane,
        basemap_script,
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
    layer = _marker_layer_class()
    # rings first, so the filled place circles are on top where a click lands
    layer(event_markers(events.head(max_event_markers)), name="Events (colour: commonest category)",
          kind="event", style=EVENT_STYLE).add_to(m)
    layer(place_markers(places.head(max_markers)), name="Places (size: articles)", kind="place",
          style=PLACE_STYLE).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return localize(m)
