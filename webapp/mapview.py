"""The map and the side panel beside it."""

from __future__ import annotations

import json
import os

import streamlit as st

from geo import panel, webmap
from geo.model import Analysis
from webapp.cache import (
    MAP_HEIGHT,
    geoparser,
    plain,
)
from webapp.foliummap import map_text, show_rendered_map
from webapp.state import (
    choose_alternative,
)


def clicked_place(map_state: dict | None, features: webmap.MapFeatures) -> int | None:
    """The geonameid of the feature a click landed on: by its id, else by where it landed."""
    if not map_state:
        return None
    if "last_object_clicked_popup" in map_state:
        # the map's own click handler put the feature's id there; none means a cluster or nothing
        try:
            gid = int(str(map_state["last_object_clicked_popup"]))
        except ValueError:
            return None
        return gid if features.summary(gid) is not None else None
    where = map_state.get("last_object_clicked")
    if where and where.get("lat") is not None:
        return webmap.feature_at(features, where["lat"], where["lng"])
    return None


def take_click(map_state: dict | None, features: webmap.MapFeatures) -> bool:
    """Select the place of a new map click, before anything is drawn; whether the selection changed."""
    signature = json.dumps(map_state or {}, sort_keys=True, default=str)
    if not map_state or signature == st.session_state.last_click:
        return False
    st.session_state.last_click = signature
    gid = clicked_place(map_state, features)
    if gid is None or gid == st.session_state.selected:
        return False
    st.session_state.selected = gid
    return True


def show_map(features: webmap.MapFeatures, key: str, *, many: bool) -> None:
    gaz = geoparser().gazetteer
    tiles = "offline" if os.environ.get("GEO_TILES") == "offline" else "auto"
    text = map_text(key, tiles, not many, features)
    selected = st.session_state.selected
    place = gaz.get(selected) if selected is not None else None
    center, zoom = st.session_state.focus
    map_state = show_rendered_map(text, key="map", height=MAP_HEIGHT, center=center, zoom=zoom,
                                  selection=webmap.selection_layer(place, shape=features.shapes.get(selected)))
    if take_click(map_state, features):
        st.rerun()  # a click the session state had not seen yet (st_folium without key callback)
    st.html(webmap.legend_html(features))


def show_panel(analyses: list[Analysis], features: webmap.MapFeatures) -> None:
    selected = st.session_state.selected
    info = panel.place_panel(analyses, selected, features.summary(selected)) if selected is not None else None
    if info is None:
        st.info("Click a place on the map, or a mention in the article, to read where the article names it.")
        return
    p = info.place
    st.subheader(plain(p.name), anchor=False)
    gid_text = (f"[GeoNames {p.geonameid}](https://www.geonames.org/{p.geonameid})" if p.geonameid > 0
                else f"named region {p.geonameid} (defined by this project, not GeoNames)")
    st.markdown(f"{plain(p.kind.capitalize())} · {plain(p.country_code or '—')} · {gid_text}")
    c1, c2 = st.columns(2)
    c1.metric("Confidence", f"{info.confidence:.2f}" + (" (low)" if info.confidence < panel.LOW_CONFIDENCE else ""))
    c2.metric("Mentions", info.mention_count)
    st.caption("Mentioned as: " + ", ".join(info.mention_types))
    if info.alternatives:
        with st.expander(f"Alternatives ({len(info.alternatives)})", expanded=info.confidence < panel.LOW_CONFIDENCE):
            for alt in info.alternatives[:8]:
                st.button(f"{alt.name}, {alt.country_code or '—'} ({alt.kind}) · score {alt.score:.2f}",
                          key=f"alt:{selected}:{alt.geonameid}", on_click=choose_alternative,
                          args=(analyses, selected, alt.geonameid))
    st.html(f'<div class="geo-panel">{panel.panel_html(info, show_documents=len(analyses) > 1)}</div>')
