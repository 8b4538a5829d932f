"""The map: which place goes in which layer, how it looks, and what reaches the browser."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import folium
import folium.plugins
import pytest

from geo import webassets, webmap
from geo.model import Analysis, Place, Sentence, Toponym
from tests.layer_samples import GAO, MALI, RUSSIA, SAHEL, SAO_PAULO, TIMBUKTU, sample_analyses

DEBIAN_LEAFLET = Path("/usr/share/javascript/leaflet/leaflet.js")


@pytest.fixture(scope="module")
def analyses(gazetteer):
    return sample_analyses(gazetteer)


@pytest.fixture(scope="module")
def features(analyses, gazetteer):
    return webmap.map_features(analyses, gazetteer)


def ids(collection: dict) -> set[int]:
    return {f["properties"]["geonameid"] for f in collection["features"]}


def test_places_are_sorted_into_layers(features):
    assert ids(features.points) == {TIMBUKTU, GAO, SAO_PAULO}
    # Mali is literal in one document and metonymic in the other: it locates something
    assert ids(features.areas) == {MALI, SAHEL}
    # "Russian mercenaries": Russia only as an adjective, on its own layer
    assert ids(features.actor_areas) == {RUSSIA}
    assert ids(features.actor_points) == set()


def test_the_sahel_is_a_shape_not_a_pin(features):
    sahel = next(f for f in features.areas["features"] if f["properties"]["geonameid"] == SAHEL)
    assert sahel["geometry"]["type"] in ("Polygon", "MultiPolygon")
    lons = [c[0] for ring in _rings(sahel["geometry"]) for c in ring]
    assert max(lons) - min(lons) > 30  # a belt across Africa, not a point


def _rings(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def test_markers_are_styled_by_event_category_and_sized_by_mentions(analyses, gazetteer):
    doc = analyses[0]
    # a second mention of Timbuktu makes its marker bigger
    extra = replace(doc.toponyms[0], start=doc.toponyms[0].start, sentence=0)
    doubled = replace(doc, toponyms=doc.toponyms + (extra,))
    before = _point(webmap.map_features([doc], gazetteer), TIMBUKTU)
    after = _point(webmap.map_features([doubled], gazetteer), TIMBUKTU)
    assert after["properties"]["mention_count"] == 2
    assert after["properties"]["style"]["diameter"] > before["properties"]["style"]["diameter"]
    gao = _point(webmap.map_features([doc], gazetteer), GAO)
    assert gao["properties"]["category"] == "ASSAULT"
    assert gao["properties"]["style"]["color"] == webmap.CATEGORY_COLOURS["ASSAULT"]
    # São Paulo has no event: the neutral colour
    sao = _point(webmap.map_features(analyses, gazetteer), SAO_PAULO)
    assert sao["properties"]["style"]["color"] == webmap.NO_EVENT_COLOUR


def _point(features: webmap.MapFeatures, gid: int) -> dict:
    return next(f for f in features.points["features"] if f["properties"]["geonameid"] == gid)


def test_category_colour_falls_back_for_unknown_categories():
    assert webmap.category_colour("assault") == webmap.CATEGORY_COLOURS["ASSAULT"]
    assert webmap.category_colour("MOVE") == webmap.OTHER_EVENT_COLOUR
    assert webmap.category_colour(None) == webmap.NO_EVENT_COLOUR


def test_view_fits_the_places_that_locate_something(features):
    (south, west), (north, east) = features.bounds
    assert south <= -23.5 and north >= 16.7  # São Paulo to Timbuktu
    assert east < 30  # Russia, only an adjective, does not stretch the view


def test_one_geojson_per_layer_never_one_marker_per_place(features, gazetteer):
    m = webmap.build_map(features, gazetteer=gazetteer)
    elements = list(_walk(m))
    assert not [e for e in elements if isinstance(e, folium.Marker)]
    geojson_names = sorted(e.layer_name for e in elements if isinstance(e, folium.GeoJson))
    assert geojson_names == ["Countries and regions", "Countries only as actor or adjective", "Places"]
    assert any(isinstance(e, folium.LayerControl) for e in elements)
    html = m.get_root().render()
    assert '"maxZoom": 18' in html
    assert "fitBounds" in html


def _walk(element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


def test_many_points_are_clustered(gazetteer):
    cities = [p for p in gazetteer.search("San", limit=400) if p.kind == "city"][:45]
    text = " ".join(f"{p.name}." for p in cities)
    toponyms, sentences, pos = [], [], 0
    for i, p in enumerate(cities):
        toponyms.append(Toponym(pos, pos + len(p.name), p.name, "literal", p, 0.9, (), i))
        sentences.append(Sentence(pos, pos + len(p.name) + 1, p.name + "."))
        pos += len(p.name) + 2
    many = Analysis("many", text, sentences=tuple(sentences), toponyms=tuple(toponyms))
    features = webmap.map_features([many], gazetteer)
    assert len(features.points["features"]) > webmap.CLUSTER_THRESHOLD
    clustered = webmap.build_map(features, gazetteer=gazetteer)
    assert any(isinstance(e, folium.plugins.MarkerCluster) for e in _walk(clustered))
    few = webmap.build_map(webmap.map_features(sample_analyses(gazetteer), gazetteer), gazetteer=gazetteer)
    assert not any(isinstance(e, folium.plugins.MarkerCluster) for e in _walk(few))


def test_clicks_find_their_feature(features, gazetteer):
    timbuktu = gazetteer.get(TIMBUKTU)
    assert webmap.feature_at(features, timbuktu.lat, timbuktu.lon) == TIMBUKTU
    # inside Mali but on no marker: the smallest area holding the click
    assert webmap.feature_at(features, 14.0, -7.0) == MALI
    # the Sahel's belt in Chad, outside Mali
    assert webmap.feature_at(features, 14.5, 19.0) == SAHEL
    assert webmap.feature_at(features, -40.0, -30.0) is None  # the South Atlantic


def test_place_names_are_data_in_the_page(gazetteer):
    hostile = Place(99, '</script><img src=x onerror="alert(1)">', 10.0, 10.0, "city", "P", "PPL")
    doc = Analysis("x", "Somewhere.", sentences=(Sentence(0, 10, "Somewhere."),),
                   toponyms=(Toponym(0, 9, "Somewhere", "literal", hostile, 0.5, (), 0),))
    html = webmap.build_map(webmap.map_features([doc], gazetteer), gazetteer=gazetteer).get_root().render()
    assert "<img src=x" not in html and "</script><img" not in html
    assert "onerror" in html  # the name is there, as escaped JSON text
    # tooltips go through the browser-side escape
    assert "esc(p.name)" in html


@pytest.mark.skipif(not DEBIAN_LEAFLET.exists() and os.environ.get("CI") != "true",
                    reason="Debian's libjs-leaflet is not installed here")
def test_map_loads_nothing_from_the_internet(features, gazetteer):
    m = webmap.build_map(features, gazetteer=gazetteer)
    html = m.get_root().render()
    scripts = re.findall(r'<script src="([^"]{0,40})', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]{0,40})', html)
    assert scripts and all(s.startswith("data:text/javascript") for s in scripts), scripts
    assert styles and all(s.startswith("data:text/css") for s in styles), styles
    assert 'L.Icon.Default.imagePath = "data:image/png;base64,"' in html
    assert "bootstrap" not in html


def test_jquery_comes_only_with_popups(features, gazetteer):
    def js_names(m):
        return {name for e in _walk(m) for name, _ in getattr(e, "default_js", [])}

    assert "jquery" not in js_names(webmap.build_map(features, gazetteer=gazetteer))
    m = webmap.build_map(features, gazetteer=gazetteer)
    folium.Marker((0, 0), popup=folium.Popup("x")).add_to(m)
    assert "jquery" in js_names(webmap.localize(m))


def test_cdn_stays_the_fallback_without_local_files(tmp_path):
    assets = webassets.local_assets((tmp_path,))
    assert not assets.complete
    links = webassets.localize_links(folium.Map.default_js, assets)
    assert dict(links)["leaflet"].startswith("https://")
    assert "bootstrap" not in dict(links)  # unused, and would block the loader when offline
    assert webassets.CDN_LEAFLET_IMAGES in webassets.icon_path_script(assets)


def test_local_files_are_inlined_with_their_images(tmp_path):
    leaflet = tmp_path / "leaflet"
    (leaflet / "images").mkdir(parents=True)
    (leaflet / "leaflet.js").write_text("window.L = {};")
    (leaflet / "leaflet.css").write_text(".x{background:url(images/layers.png)}")
    (leaflet / "images" / "layers.png").write_bytes(b"\x89PNG")
    assets = webassets.local_assets((tmp_path,))
    css = dict(webassets.localize_links(folium.Map.default_css, assets))["leaflet_css"]
    import base64

    decoded = base64.b64decode(css.split(",", 1)[1]).decode()
    assert "url(data:image/png;base64," in decoded and "images/layers.png" not in decoded
    assert dict(webassets.localize_links(folium.Map.default_js, assets))["leaflet"].startswith("data:")


def test_a_page_server_publishes_the_files_under_names_of_their_content(tmp_path):
    leaflet = tmp_path / "js" / "leaflet"
    (leaflet / "images").mkdir(parents=True)
    (leaflet / "leaflet.js").write_text("window.L = {};")
    for image in ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
        (leaflet / "images" / image).write_bytes(b"\x89PNG" + image.encode())
    folder = tmp_path / "web"
    assets = webassets.served_assets(folder, "../assets/", (tmp_path / "js",))
    url = assets.urls["leaflet"]
    assert url.startswith("../assets/leaflet-") and url.endswith(".js")
    assert (folder / url.rsplit("/", 1)[1]).read_text() == "window.L = {};"
    # Leaflet finds its default marker images beside the libraries, not inlined into every map
    assert (folder / "images" / "marker-icon.png").is_file()
    assert webassets.icon_path_script(assets) == "L.Icon.Default.imagePath = '../assets/images/';"
    again = webassets.publish(folder, "../assets/", {"basemap.js": b"one"})
    assert again == webassets.publish(folder, "../assets/", {"basemap.js": b"one"})
    changed = webassets.publish(folder, "../assets/", {"basemap.js": b"two"})
    assert changed["basemap.js"] != again["basemap.js"]  # a browser that cached the old one asks again
    assert not list(folder.glob(".*.tmp"))


def test_selection_and_focus(gazetteer):
    mali = gazetteer.get(MALI)
    group = webmap.selection_layer(mali, shape=gazetteer.area(MALI))
    assert len(group._children) == 2  # outline and ring
    center, zoom = webmap.focus_view(mali, shape=gazetteer.area(MALI))
    assert center == (mali.lat, mali.lon) and 3 <= zoom <= 6
    assert webmap.focus_view(gazetteer.get(TIMBUKTU))[1] == 7
    assert webmap.focus_view(None) == (None, None)


def test_legend_lists_the_categories_shown(features):
    legend = webmap.legend_html(features)
    assert "ASSAULT" in legend and webmap.CATEGORY_COLOURS["ASSAULT"] in legend
    assert "no event" in legend and "only as actor or adjective" in legend
    assert "COERCE" not in legend


def test_the_map_shows_what_the_downloads_hold(analyses, gazetteer, features):
    from geo.layers import build_layers

    layers = build_layers(analyses, gazetteer)
    on_map = {f["properties"]["geonameid"] for fc in features.layers().values() for f in fc["features"]}
    assert on_map == set(layers.places["geonameid"])
    drawn_as_areas = ids(features.areas) | ids(features.actor_areas)
    assert drawn_as_areas == set(layers.areas["geonameid"])


def test_basemap_is_every_country_and_kept_beside_the_gazetteer(gazetteer):
    import base64
    import json as json_module

    url = webmap.basemap_script(gazetteer)
    payload = base64.b64decode(url.split(",", 1)[1]).decode()
    collection = json_module.loads(payload.removeprefix("window.geoNewsBasemap = ").rstrip(";"))
    names = {f["properties"]["name"] for f in collection["features"]}
    assert {"Mali", "Ghana", "Russia", "Brazil"} <= names and len(names) > 200
    assert len(url) < 600_000  # a world view, not survey data
    cache = Path(gazetteer.path)
    assert list(cache.parent.glob(f"{cache.stem}.basemap-*.js"))  # the next server start reads it


def test_offline_tiles_ask_no_tile_server(features, gazetteer):
    assert "tile.openstreetmap.org" in webmap.build_map(features, gazetteer=gazetteer).get_root().render()
    offline = webmap.build_map(features, gazetteer=gazetteer, tiles="offline").get_root().render()
    assert "tile.openstreetmap.org" not in offline and "geoNewsBasemap" in offline
    with pytest.raises(ValueError, match="'osm'"):
        webmap.build_map(features, tiles="osm")


def test_seas_and_guessed_boxes_are_labelled_points_never_rectangles(gazetteer):
    import shapely

    ocean = next(p for p in gazetteer.search("Pacific Ocean", limit=5) if p.geonameid < 0)
    sahel = gazetteer.get(SAHEL)
    assert not webmap.drawable_area(ocean, gazetteer.area(ocean.geonameid))
    assert webmap.drawable_area(sahel, gazetteer.area(SAHEL))
    assert not webmap.drawable_area(sahel, shapely.box(0, 0, 10, 5))
    text = "Ships crossed the Pacific Ocean."
    start = text.index("Pacific")
    doc = Analysis("o", text, sentences=(Sentence(0, len(text), text),),
                   toponyms=(Toponym(start, start + 13, "Pacific Ocean", "literal", ocean, 0.9, (), 0),))
    features = webmap.map_features([doc], gazetteer)
    [point] = features.points["features"]
    assert point["geometry"]["type"] == "Point" and point["properties"]["label"] is True
    assert not features.areas["features"]


def test_low_confidence_places_look_different(analyses, gazetteer):
    doc = analyses[0]
    shaky = replace(doc, toponyms=tuple(replace(t, confidence=0.3) if t.text == "Gao" else t for t in doc.toponyms))
    features = webmap.map_features([shaky], gazetteer)
    styles = {f["properties"]["name"]: f["properties"]["style"] for f in features.points["features"]}
    assert styles["Gao"]["uncertain"] is True and styles["Timbuktu"]["uncertain"] is False
    assert "low confidence" in webmap.legend_html(features)


def test_areas_can_start_hidden_with_many_articles(features, gazetteer):
    shown = webmap.build_map(features, gazetteer=gazetteer).get_root().render()
    hidden = webmap.build_map(features, gazetteer=gazetteer, show_areas=False).get_root().render()
    assert shown.count(".addTo(") > hidden.count(".addTo(")  # the area layers are not added at first
    assert "Countries and regions" in hidden  # still in the layer control
