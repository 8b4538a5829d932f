"""The map component, rendered once per map and shared by every session.

``st_folium`` renders its folium map to text on every script run: 50 ms of
Jinja and regular expressions for the seed, more with many articles, spent
again on every click by every session, on a map that has not changed. Here
the same text is made once per (documents, tiles, areas shown) and kept with
``st.cache_resource`` as plain strings; each run only adds the small
selection layer and hands the cached text to streamlit-folium's own
frontend, with the same arguments ``st_folium`` would send
(``tests/test_app.py`` checks that against the pinned streamlit-folium).

This module imports streamlit-folium, which registers its component when
first imported, and only inside a script run: so it is imported by the page,
never by the warm-up at server start (:mod:`webapp.warmup`).

The map's libraries and the offline basemap are not inlined into those
arguments: they are published as files through a Streamlit component folder
(:func:`map_assets`), so the browser fetches and caches them once and a
page carries 450 kB less on every run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import folium
import folium.elements
import streamlit as st
import streamlit.components.v1 as components
import streamlit_folium

from geo import paths, webassets, webmap
from geo.gazetteer import Gazetteer
from webapp.cache import geoparser

log = logging.getLogger("geo.app")

#: the only map interactions that rerun the script; panning and zooming do not
CLICK_KEYS = ["last_object_clicked", "last_object_clicked_popup", "last_object_clicked_count"]
#: what the map reports before any click, in the order and with the values its frontend starts
#: from: equal to its first report, so loading a map does not rerun the script
#: (``st_folium`` starts the count at None, the frontend at 0: one needless rerun per page)
NO_CLICK = {"last_object_clicked": None, "last_object_clicked_count": 0, "last_object_clicked_popup": None}
ASSETS_COMPONENT = "geo_map_assets"


@st.cache_resource(show_spinner=False)
def map_assets(_gazetteer: Gazetteer) -> tuple[webassets.LocalAssets, str | None]:
    """Leaflet, its plugins and the basemap as files the server publishes; inlined if that fails.

    A component declared on a folder is served by Streamlit at
    ``/component/<name>/<file>`` (with ``Cache-Control: public``); the map's
    iframe is ``/component/streamlit_folium.st_folium/index.html``, so
    ``../<name>/<file>`` reaches the files from it under any base URL path.
    """
    folder = paths.cache_dir() / "web"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        component = components.declare_component(ASSETS_COMPONENT, path=str(folder))
        base = f"../{component.name}/"
        assets = webassets.served_assets(folder, base)
        basemap = webassets.publish(folder, base, {"basemap.js": webmap.basemap_payload(_gazetteer)})
        return assets, basemap["basemap.js"]
    except OSError as exc:  # a read-only cache: the same map, inlined
        log.warning("map libraries inlined, %s cannot be written: %s", folder, exc)
        return webassets.local_assets(), None


def _links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    """The CSS and JS links of every element, in order, once each (as ``st_folium`` gathers them)."""
    css: list[str] = []
    js: list[str] = []

    def walk(element: Any) -> None:
        if isinstance(element, folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(fmap)
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def rendered(fmap: folium.Map, *, key: str) -> dict[str, Any]:
    """The text of a folium map as streamlit-folium's frontend takes it (consumes the map)."""
    fmap.get_root().render()
    fmap.render()
    html = streamlit_folium._get_html(fmap)
    header = streamlit_folium._get_header(fmap)
    css_links, js_links = _links(fmap)  # before the map string: making it renames the elements
    script = streamlit_folium._get_map_string(fmap)
    return {"script": script, "header": header, "html": html, "id": streamlit_folium.get_full_id(fmap),
            "css_links": css_links, "js_links": js_links,
            "hash_key": streamlit_folium.generate_js_hash(script, key, False)}


@st.cache_resource(show_spinner=False, max_entries=64)
def map_text(key: str, tiles: str, show_areas: bool, _features: webmap.MapFeatures) -> dict:
    """The map of a set of documents as the map component's text: built and rendered once per server."""
    gaz = geoparser().gazetteer
    assets, basemap_url = map_assets(gaz)
    fmap = webmap.build_map(_features, gazetteer=gaz, tiles=tiles, show_areas=show_areas, assets=assets,
                            basemap_url=basemap_url)
    return rendered(fmap, key="map")


def _selection_script(group: folium.FeatureGroup) -> str:
    # any map can carry the group: its name is replaced by the frontend's own ("map_div")
    return streamlit_folium._get_feature_group_string(group, map=folium.Map(tiles=None), idx=0)


def show_rendered_map(text: dict[str, Any], *, key: str, height: int, center: Any, zoom: int | None,
                      selection: folium.FeatureGroup, on_click: Callable[[], None] | None = None) -> Any:
    """Draw a rendered map with the selection layer; the clicks it reports, as ``st_folium`` returns them."""
    hash_key = text["hash_key"]

    def on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_click is not None:
            on_click()

    return streamlit_folium._component_func(
        script=text["script"], header=text["header"], html=text["html"], id=text["id"], key=hash_key,
        height=height, width=None, returned_objects=CLICK_KEYS, default=dict(NO_CLICK), zoom=zoom,
        center=center, feature_group=_selection_script(selection), return_on_hover=False,
        layer_control=None, pixelated=False, css_links=text["css_links"], js_links=text["js_links"],
        on_change=on_change, wrap_longitude=False)
