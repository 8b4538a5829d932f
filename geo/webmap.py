"""The interactive map: a folium.Map built from analysed documents.

Two steps, after geopandas' split of a pure converter from the I/O around it:

* :func:`map_features` turns analyses into GeoJSON FeatureCollections, one per
  map layer (places as points, countries and regions as polygons, and the
  places that only appear as actors or adjectives apart). It is pure and holds
  every styling decision as data, so it is tested without a browser.
* :func:`build_map` turns those collections into one ``folium.GeoJson`` per
  layer (never one ``folium.Marker`` per place: with thousands of places that
  costs seconds on every Streamlit rerun), with clustering, a layer control, a
  view fitted to the content, OpenStreetMap tiles over an offline basemap of
  country polygons, and Leaflet served from local files (:mod:`geo.webassets`).

Article text never reaches the map as markup: tooltips are built in the
browser from escaped properties, and folium writes the data with ``tojson``,
which escapes ``<`` and ``>``.
"""

from __future__ import annotations

import html
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import folium
import folium.plugins
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import CustomPane, Layer
from folium.utilities import JsCode
from jinja2 import Template

from geo.model import Analysis, Place, point_geometry
from geo.summary import PlaceSummary, summarise
from geo.webassets import data_url, icon_path_script, local_assets, localize_links

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

#: PLOVER event categories -> marker colour: cooperation in blues and greens,
#: verbal conflict in ambers, material conflict in reds
CATEGORY_COLOURS: dict[str, str] = {
    "AGREE": "#1b9e77", "CONSULT": "#1f78b4", "SUPPORT": "#33a02c", "CONCEDE": "#66c2a5",
    "COOPERATE": "#2c7fb8", "AID": "#41ab5d", "RETREAT": "#8c6bb1", "REQUEST": "#6a51a3",
    "ACCUSE": "#fdae61", "REJECT": "#f4a261", "THREATEN": "#e6550d", "PROTEST": "#d95f0e",
    "SANCTION": "#b15928", "MOBILIZE": "#e31a1c", "COERCE": "#c51b8a", "ASSAULT": "#99000d",
}
#: places with no linked event
NO_EVENT_COLOUR = "#3d5a80"
#: an event category outside the palette
OTHER_EVENT_COLOUR = "#7f7f7f"
#: places only mentioned as actors or adjectives
ACTOR_COLOUR = "#6c757d"
#: the offline basemap's countries
BASEMAP_STYLE: dict[str, Any] = {"color": "#9a9a9a", "weight": 0.6, "fillColor": "#f3f0e6", "fillOpacity": 1.0}
#: bump when the basemap's geometry or style changes, so cached copies are rebuilt
BASEMAP_VERSION = 1
#: the selected place's ring
SELECTION_COLOUR = "#ffbf00"

#: more points than this in a layer are clustered
CLUSTER_THRESHOLD = 40
MAX_ZOOM = 18

TileChoice = Literal["auto", "offline"]

#: the attribution wraps within the right half, so it never covers the scale bar on the left;
#: labels of seas and shapeless areas are quiet text, not boxes
MAP_CSS = ("<style>.leaflet-control-attribution{max-width:55%;white-space:normal;line-height:1.3;"
           "font-size:10px}.leaflet-control-scale{margin-bottom:6px}"
           ".geo-label{background:rgba(255,255,255,.75);border:0;box-shadow:none;font-style:italic;"
           "color:#1d3557}.geo-label:before{display:none}</style>")

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = ('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
                   'contributors')
NATURAL_EARTH_ATTRIBUTION = ('Country shapes: <a href="https://www.naturalearthdata.com">'
                             'Natural Earth</a>')
GEONAMES_ATTRIBUTION = ('Places: <a href="https://www.geonames.org">GeoNames</a> '
                        '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)')


def category_colour(category: str | None) -> str:
    if not category:
        return NO_EVENT_COLOUR
    return CATEGORY_COLOURS.get(category.upper(), OTHER_EVENT_COLOUR)


def marker_diameter(mention_count: int) -> int:
    """Pixels: 12 for one mention, growing with the square root, capped at 40."""
    return int(min(40, 12 + 6 * math.sqrt(max(0, mention_count - 1))))


def _properties(summary: PlaceSummary) -> dict[str, Any]:
    """The summary's shared fields (as in the places layer) plus what the map's styling needs."""
    return {**summary.properties(), "category": summary.category or "", "actor_only": summary.actor_only,
            "uncertain": summary.uncertain}


#: GeoNames feature class of water bodies (oceans, seas, gulfs, lakes)
WATER_CLASS = "H"


def drawable_area(place: Place, shape: Any) -> bool:
    """Whether an area's shape may be drawn as a polygon.

    Water bodies have no shape in the gazetteer worth drawing (their box
    covers the coasts around them), and a shape that is its own bounding box
    is a guessed extent, not a border: on the map a box over the eastern
    Pacific covered the Americas. Both are drawn as a labelled point instead.
    """
    if place.feature_class == WATER_CLASS:
        return False
    envelope = shape.envelope
    return not (envelope.area > 0 and shape.area / envelope.area > 0.999)


def _round_coordinates(coords: Any, digits: int) -> Any:
    if isinstance(coords[0], (int, float)):
        return [round(c, digits) for c in coords]
    return [_round_coordinates(c, digits) for c in coords]


def display_geometry(geom: Any, *, tolerance: float | None = None, digits: int = 3) -> dict[str, Any]:
    """GeoJSON of an area for the screen: simplified, islets dropped, coordinates rounded.

    Big countries (Russia) tolerate a coarser outline than small ones; islets
    smaller than the tolerance cannot be seen at the zooms where a whole
    country is shown and would only weigh the page down.
    """
    import shapely

    tolerance = tolerance or max(0.02, math.sqrt(geom.area) / 250)
    simple = shapely.simplify(geom, tolerance, preserve_topology=True)
    parts = list(getattr(simple, "geoms", [simple]))
    if len(parts) > 1:
        largest = max(parts, key=lambda g: g.area)
        parts = [g for g in parts if g is largest or g.area >= (3 * tolerance) ** 2]
        simple = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
    mapped = shapely.geometry.mapping(simple)
    return {"type": mapped["type"], "coordinates": _round_coordinates(mapped["coordinates"], digits)}


@dataclass(frozen=True)
class MapFeatures:
    """The map's layers as GeoJSON FeatureCollections, plus the view to fit."""

    points: dict[str, Any]
    areas: dict[str, Any]
    actor_points: dict[str, Any]
    actor_areas: dict[str, Any]
    #: [[south, west], [north, east]] of the places that locate something, None if none
    bounds: list[list[float]] | None
    summaries: tuple[PlaceSummary, ...] = field(default=())
    #: area polygons by geonameid, for finding which area a click fell in
    shapes: dict[int, Any] = field(default_factory=dict, repr=False)

    def layers(self) -> dict[str, dict[str, Any]]:
        return {"points": self.points, "areas": self.areas,
                "actor_points": self.actor_points, "actor_areas": self.actor_areas}

    @property
    def feature_count(self) -> int:
        return sum(len(fc["features"]) for fc in self.layers().values())

    def categories(self) -> list[str]:
        """Event categories shown, for the legend."""
        return sorted({s.category for s in self.summaries if s.category})

    def summary(self, geonameid: int) -> PlaceSummary | None:
        return next((s for s in self.summaries if s.place.geonameid == geonameid), None)


def _collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def map_features(analyses: Sequence[Analysis], gazetteer: Gazetteer | None) -> MapFeatures:
    """Sort the documents' places into the map's layers and style each feature.

    Countries and regions with a shape in the gazetteer become polygons (the
    Sahel as a belt, not a pin); everything else is a point sized by its
    mention count. Styles travel in ``properties["style"]`` (Leaflet path
    options) so the browser needs no styling logic of its own.
    """
    summaries = summarise(analyses)
    points, areas, actor_points, actor_areas = [], [], [], []
    shapes: dict[int, Any] = {}
    lats: list[float] = []
    lons: list[float] = []
    for summary in summaries:
        place = summary.place
        colour = ACTOR_COLOUR if summary.actor_only else category_colour(summary.category)
        props = _properties(summary)
        area = _area(gazetteer, place.geonameid) if gazetteer is not None and place.is_area else None
        if area is not None and not drawable_area(place, area[0]):
            area = None  # a sea or a guessed box: a labelled point, never a rectangle over land
            props["label"] = True
        if area is not None:
            shape, geometry, area_km2 = area
            shapes[place.geonameid] = shape
            props["style"] = {
                "color": colour, "weight": 1.5 if summary.actor_only else 2,
                "dashArray": "6 4" if summary.actor_only else None,
                "fillColor": colour,
                "fillOpacity": 0.05 if summary.actor_only else min(0.45, 0.12 + 0.05 * summary.mention_count),
            }
            props["area_km2"] = area_km2
            feature = {"type": "Feature", "id": str(place.geonameid),
                       "geometry": geometry, "properties": props}
            (actor_areas if summary.actor_only else areas).append(feature)
        else:
            props["style"] = {"color": colour, "fillColor": colour,
                              "diameter": marker_diameter(summary.mention_count),
                              "hollow": summary.actor_only, "uncertain": summary.uncertain}
            feature = {"type": "Feature", "id": str(place.geonameid),
                       "geometry": point_geometry(place.lat, place.lon), "properties": props}
            (actor_points if summary.actor_only else points).append(feature)
        if not summary.actor_only:
            lats.append(place.lat)
            lons.append(place.lon)
    # polygons are drawn in order: the largest first, so smaller ones stay clickable on top
    areas.sort(key=lambda f: -f["properties"]["area_km2"])
    actor_areas.sort(key=lambda f: -f["properties"]["area_km2"])
    if not lats:  # nothing locates anything: fit to whatever is shown
        lats = [s.place.lat for s in summaries]
        lons = [s.place.lon for s in summaries]
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]] if lats else None
    return MapFeatures(_collection(points), _collection(areas), _collection(actor_points),
                       _collection(actor_areas), bounds, tuple(summaries), shapes)


@lru_cache(maxsize=4096)
def _area(gazetteer: Gazetteer, geonameid: int) -> tuple[Any, dict[str, Any], int] | None:
    """Shape, display GeoJSON and rough size of an area, simplified once per server, not per rerun."""
    shape = gazetteer.area(geonameid)
    if shape is None:
        return None
    return shape, display_geometry(shape), round(_area_km2(shape))


def _area_km2(geom: Any) -> float:
    """Rough area on the sphere (degrees scaled by the latitude's cosine); only ordering matters."""
    lat = geom.centroid.y
    return geom.area * 111.32 ** 2 * max(0.05, math.cos(math.radians(lat)))


def feature_at(features: MapFeatures, lat: float, lon: float, *, tolerance: float = 1e-5) -> int | None:
    """The geonameid of the feature drawn at a clicked point, None if none.

    Leaflet reports a marker click at the marker's own position, so points
    match exactly; a click inside polygons selects the smallest area holding it.
    """
    for fc in (features.points, features.actor_points):
        for feature in fc["features"]:
            flon, flat = feature["geometry"]["coordinates"]
            if abs(flat - lat) <= tolerance and abs(flon - lon) <= tolerance:
                return int(feature["properties"]["geonameid"])
    import shapely

    click = shapely.Point(lon, lat)
    inside = [(shape.area, gid) for gid, shape in features.shapes.items() if shape.contains(click)]
    return min(inside)[1] if inside else None


def legend_html(features: MapFeatures) -> str:
    """The marker colours of the categories on the map, as a one-line HTML legend."""
    def dot(style: str, label: str) -> str:
        return (f'<span style="display:inline-block;width:10px;height:10px;border-radius:50%;{style}">'
                f"</span> {html.escape(label)}")

    items = [dot(f"background:{NO_EVENT_COLOUR}", "no event")]
    items += [dot(f"background:{category_colour(c)}", c) for c in features.categories()]
    items.append(dot(f"border:2px dashed {ACTOR_COLOUR}", "only as actor or adjective"))
    if any(s.uncertain for s in features.summaries):
        items.append(dot("border:2px dotted #d62828", "low confidence"))
    return '<div class="geo-legend" style="font-size:.8em">' + " &nbsp; ".join(items) + "</div>"


# --------------------------------------------------------------------------- folium

# Browser-side helpers, shared by every layer. Everything that reaches the DOM
# as HTML goes through esc(); the marker's HTML holds only numbers and colours
# chosen in Python.
_HELPERS_JS = """
window.geoNews = (function () {
  var ENT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
  function esc(value) { return String(value).replace(/[&<>"']/g, function (c) { return ENT[c]; }); }
  function safeColour(value) { return /^#[0-9a-fA-F]{6}$/.test(value) ? value : "#3d5a80"; }
  function tooltip(p) {
    var lines = ["<b>" + esc(p.name) + "</b>",
                 esc(p.kind) + (p.country_code ? " \\u00b7 " + esc(p.country_code) : ""),
                 esc(p.mention_count) + (p.mention_count == 1 ? " mention" : " mentions") +
                 (p.category ? " \\u00b7 " + esc(p.category) : "")];
    if (p.actor_only) { lines.push("<i>only as actor or adjective</i>"); }
    if (p.uncertain) { lines.push("<i>low confidence: check the alternatives</i>"); }
    return lines.join("<br>");
  }
  function point(feature, latlng) {
    var p = feature.properties, s = p.style || {};
    var d = Math.max(6, Math.min(48, Number(s.diameter) || 12)), colour = safeColour(s.color);
    var fill = s.hollow ? "rgba(255,255,255,0.85)" : safeColour(s.fillColor);
    var border = s.hollow ? "2px dashed " + colour : (s.uncertain ? "2px dotted #d62828" : "2px solid #ffffff");
    var html = '<span style="display:block;box-sizing:border-box;width:' + d + 'px;height:' + d +
               'px;border-radius:50%;background:' + fill + ';border:' + border +
               ';box-shadow:0 0 0 1px ' + colour + ';opacity:0.92"></span>';
    var css = "geo-place" + (s.uncertain ? " geo-uncertain" : "");
    return L.marker(latlng, {icon: L.divIcon({className: css, html: html, iconSize: [d, d]}),
                             riseOnHover: true, title: String(p.name)});
  }
  var areas = [];
  // Polygons of two layers overlap (West Africa only as an adjective, Ghana
  // where something happens): restack them all, largest first, so every
  // area keeps a clickable part on top.
  function stackAreas() {
    areas.slice().sort(function (a, b) {
      return b.feature.properties.area_km2 - a.feature.properties.area_km2;
    }).forEach(function (layer) { if (layer._map) { layer.bringToFront(); } });
  }
  function each(feature, layer) {
    if (feature.geometry.type !== "Point") { areas.push(layer); }
    if (feature.properties.label) {
      // a sea or an area without a real shape: its name stays written beside the point
      layer.bindTooltip(esc(feature.properties.name), {permanent: true, direction: "right",
                                                        className: "geo-label"});
    } else {
      layer.bindTooltip(tooltip(feature.properties),
                        {sticky: feature.geometry.type !== "Point", direction: "top"});
    }
    layer.on("click", function () {
      // streamlit-folium returns last_object_clicked_popup to Python; the page
      // binds no popups, so that slot carries the clicked feature's id
      if (window.__GLOBAL_DATA__) { window.__GLOBAL_DATA__.last_object_clicked_popup = String(feature.id); }
      window.geoNewsLastClicked = String(feature.id);
      setTimeout(reportClick, 0);  // once streamlit-folium's own handler has counted the click
    });
  }
  var CLICK_KEYS = ["last_object_clicked", "last_object_clicked_count", "last_object_clicked_popup"];
  // streamlit-folium reports a click 250 ms later (a debounce meant for panning): a quarter of
  // the click -> panel time. Report it now, the same value in the same key order, and mark it
  // sent, so the debounced report finds nothing new. Only when the page asked for clicks alone.
  function reportClick() {
    var g = window.__GLOBAL_DATA__, asked = g && g.returned_objects;
    if (!asked || !window.Streamlit || !asked.every(function (k) { return CLICK_KEYS.indexOf(k) >= 0; })) {
      return;
    }
    var data = {};
    CLICK_KEYS.forEach(function (k) {
      if (asked.indexOf(k) >= 0) { data[k] = g[k] === undefined ? null : g[k]; }
    });
    if (JSON.stringify(g.previous_data) !== JSON.stringify(data)) {
      g.previous_data = data;
      window.Streamlit.setComponentValue(data);
    }
  }
  // A click on a cluster selects nothing: clear the id a marker click left,
  // or streamlit-folium would report that marker again with this click.
  function watchClusters(map) {
    map.eachLayer(function (layer) {
      if (L.MarkerClusterGroup && layer instanceof L.MarkerClusterGroup) {
        layer.on("clusterclick", function () {
          if (window.__GLOBAL_DATA__) { window.__GLOBAL_DATA__.last_object_clicked_popup = null; }
        });
      }
    });
  }
  return {esc: esc, tooltip: tooltip, point: point, each: each, stackAreas: stackAreas,
          watchClusters: watchClusters};
})();
"""


class PageScript(MacroElement):
    """Code run where it is added to the map; ``__MAP__`` in it names the map's variable."""

    _template = Template(
        "{% macro script(this, kwargs) %}{{ this.code.replace('__MAP__', this._parent.get_name()) }}"
        "{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "PageScript"
        self.code = code


class BasemapLayer(JSCSSMixin, Layer):
    """Country polygons drawn under everything, from a script loaded like a library.

    The polygons never change, so they travel as a ``data:`` script beside
    Leaflet rather than inside the map's own script: streamlit-folium hashes
    and rewrites that script on every rerun, and 250 kB less of it is time
    saved on every click.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson(window.geoNewsBasemap, {
            pane: {{ this.pane|tojson }}, interactive: false,
            attribution: {{ this.attribution|tojson }},
            style: function (feature) { return feature.properties.style; }
        });
        {% endmacro %}
    """)

    def __init__(self, script_url: str, *, name: str, pane: str, attribution: str) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "Basemap"
        self.pane = pane
        self.attribution = attribution
        self.default_js = [("geo_news_basemap", script_url)]


def basemap_features(gazetteer: Gazetteer, *, tolerance: float = 0.25) -> dict[str, Any]:
    """Every country's polygon, simplified for a world view: the offline basemap."""
    features = []
    for country in gazetteer.countries():
        shape = gazetteer.area(country.geonameid)
        if shape is None or shape.is_empty:
            continue
        features.append({"type": "Feature", "id": str(country.geonameid),
                         "geometry": display_geometry(shape, tolerance=tolerance, digits=2),
                         "properties": {"name": country.name, "style": BASEMAP_STYLE}})
    return _collection(features)


@lru_cache(maxsize=2)
def basemap_payload(gazetteer: Gazetteer) -> bytes:
    """The basemap as a script defining ``window.geoNewsBasemap``.

    Simplifying 240 countries takes a few tenths of a second, paid on the
    first page after every server start; the result is kept beside the
    gazetteer cache it was made from (best effort: a read-only cache folder
    only costs the recomputation).
    """
    cached = Path(gazetteer.path).with_suffix(f".basemap-{BASEMAP_VERSION}.js")
    try:
        return cached.read_bytes()
    except OSError:
        pass
    collection = basemap_features(gazetteer)
    payload = ("window.geoNewsBasemap = " + json.dumps(collection, separators=(",", ":")) + ";").encode()
    try:
        tmp = cached.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(payload)
        os.replace(tmp, cached)
    except OSError:
        pass  # no cache, same map
    return payload


@lru_cache(maxsize=2)
def basemap_script(gazetteer: Gazetteer) -> str:
    """The basemap script as a data URL, for a map that must stand alone (no server to fetch from)."""
    return data_url(basemap_payload(gazetteer), "text/javascript")


def localize(m: folium.Map, assets: Any = None) -> folium.Map:
    """Point every element's JS/CSS links at the local copies (CDN where none)."""
    assets = assets or local_assets()

    def walk(element: Any) -> Iterable[Any]:
        yield element
        for child in getattr(element, "_children", {}).values():
            yield from walk(child)

    elements = list(walk(m))
    # folium's popups need jQuery; a map without popups saves parsing 90 kB on every page
    has_popups = any(isinstance(e, (folium.Popup, folium.GeoJsonPopup)) for e in elements)
    drop = () if has_popups else ("jquery",)
    for element in elements:
        if not isinstance(element, MacroElement):
            continue
        for attr in ("default_js", "default_css"):
            # keep folium's own list, so localizing again (a popup added later) starts from it
            original = element.__dict__.get(f"_cdn_{attr}", getattr(element, attr, None))
            if original:
                setattr(element, f"_cdn_{attr}", original)
                setattr(element, attr, localize_links(original, assets, drop=drop))
    return m


def build_map(features: MapFeatures, *, gazetteer: Gazetteer | None = None, tiles: TileChoice = "auto",
              cluster_threshold: int = CLUSTER_THRESHOLD, assets: Any = None,
              show_areas: bool = True, basemap_url: str | None = None) -> folium.Map:
    """The folium map of the features: one GeoJson per layer, ready for ``st_folium``.

    ``tiles="auto"`` puts OpenStreetMap tiles over the offline basemap of
    country polygons: where the tile server cannot be reached, the tiles fail
    and the basemap beneath shows through. ``"offline"`` never asks for tiles.
    ``assets`` and ``basemap_url`` point the map at libraries and a basemap a
    page server publishes (:func:`geo.webassets.served_assets`); by default
    they are inlined, so the map stands alone.
    """
    if tiles not in ("auto", "offline"):
        raise ValueError(f"Expected tiles to be 'auto' or 'offline', instead got: {tiles!r}.")
    assets = assets or local_assets()
    m = folium.Map(tiles=None, max_zoom=MAX_ZOOM, min_zoom=1, zoom_start=2, location=(15.0, 0.0),
                   control_scale=True, world_copy_jump=True)
    PageScript(icon_path_script(assets) + _HELPERS_JS).add_to(m)
    # the basemap pane sits under the tile pane (z-index 200): tiles cover it when they load
    CustomPane("basemap", z_index=150, pointer_events=False).add_to(m)
    if gazetteer is not None:
        BasemapLayer(basemap_url or basemap_script(gazetteer), name="Countries (offline basemap)", pane="basemap",
                     attribution=NATURAL_EARTH_ATTRIBUTION + " \u00b7 " + GEONAMES_ATTRIBUTION).add_to(m)
        m.get_root().header.add_child(folium.Element(
            "<style>.leaflet-container{background:#cfe3f0}</style>"))
    m.get_root().header.add_child(folium.Element(MAP_CSS))
    if tiles == "auto":
        folium.TileLayer(OSM_TILES, name="OpenStreetMap tiles", attr=OSM_ATTRIBUTION, max_zoom=MAX_ZOOM,
                         max_native_zoom=19, overlay=True, control=True).add_to(m)

    each = JsCode("geoNews.each")
    point = JsCode("geoNews.point")
    layer_specs = (
        (features.areas, "Countries and regions"),
        (features.actor_areas, "Countries only as actor or adjective"),
    )
    for collection, name in layer_specs:
        if collection["features"]:
            # with many articles the fills dominate the map: they start off, one click in the layer control
            folium.GeoJson(collection, name=name, on_each_feature=each, show=show_areas).add_to(m)
    for collection, name in ((features.points, "Places"),
                             (features.actor_points, "Places only as actor or adjective")):
        if not collection["features"]:
            continue
        layer = folium.GeoJson(collection, name=name, on_each_feature=each, point_to_layer=point)
        if len(collection["features"]) > cluster_threshold:
            cluster = folium.plugins.MarkerCluster(name=name, control=True, max_cluster_radius=45,
                                                   disable_clustering_at_zoom=10)
            layer.control = False
            layer.add_to(cluster)
            cluster.add_to(m)
        else:
            layer.add_to(m)
    PageScript("geoNews.stackAreas(); geoNews.watchClusters(__MAP__);").add_to(m)  # after every layer
    folium.LayerControl(collapsed=True).add_to(m)
    if features.bounds is not None:
        (south, west), (north, east) = features.bounds
        pad = 1.0  # degrees, so a single city is not shown at street level
        m.fit_bounds([[south - pad, west - pad], [north + pad, east + pad]], max_zoom=8)
    return localize(m, assets)


def selection_layer(place: Place | None, *, shape: Any = None) -> folium.FeatureGroup:
    """A ring (or outline) around the selected place, added without reloading the map."""
    group = folium.FeatureGroup(name="Selected place", control=False)
    if place is None:
        return group
    if shape is not None:
        folium.GeoJson(display_geometry(shape), interactive=False,
                       style_function=lambda _: {"color": SELECTION_COLOUR, "weight": 4,
                                                 "fill": False}).add_to(group)
    folium.CircleMarker((place.lat, place.lon), radius=22, color=SELECTION_COLOUR, weight=4,
                        fill=False, interactive=False).add_to(group)
    return group


def focus_view(place: Place | None, *, shape: Any = None) -> tuple[tuple[float, float] | None, int | None]:
    """Center and zoom that show a place: cities close up, areas by their size."""
    if place is None:
        return None, None
    if shape is None:
        return (place.lat, place.lon), 7
    west, south, east, north = shape.bounds
    span = max(east - west, north - south, 0.1)
    zoom = int(max(2, min(8, round(math.log2(360 / span)))))
    return (place.lat, place.lon), zoom
