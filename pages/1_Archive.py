"""The archive page: a `python -m geo batch` output folder on a map. Widgets only; logic in geo.archive."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from geo.archive import (
    MAX_MARKERS,
    Archive,
    ArchiveFilter,
    aggregate_events,
    aggregate_places,
    archive_map,
    articles_at,
    click_tolerance,
    open_archive,
    place_at,
)
from geo.errors import GeoError
from geo.gazetteer import Gazetteer

st.set_page_config(page_title="Archive · geo-news", layout="wide")


@st.cache_resource(max_entries=4)
def archive(folder: str, stamp: float) -> Archive:
    return open_archive(Path(folder))


@st.cache_resource
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@st.cache_data(max_entries=32)
def view(folder: str, stamp: float, choice: ArchiveFilter):
    data = archive(folder, stamp)
    return aggregate_places(data, choice), aggregate_events(data, choice)


def stamp(folder: str) -> float:
    """Changes when a batch run adds partitions, so the page reads the folder again."""
    marker = Path(folder) / "manifest.json"
    return marker.stat().st_mtime if marker.exists() else 0.0


st.title("Archive")
folder = st.text_input("Batch output folder (`python -m geo batch ... --out FOLDER`)",
                       value=st.query_params.get("archive", os.environ.get("GEO_ARCHIVE", "")))
if not folder:
    st.info("Run `python -m geo batch INPUT... --out FOLDER`, then enter FOLDER here.")
    st.stop()
try:
    data = archive(folder, stamp(folder))
except (GeoError, OSError, ValueError) as exc:
    st.error(str(exc))
    st.stop()

with st.sidebar:
    st.header("Filters")
    span = data.date_range
    dates = st.slider("Published", min_value=span[0], max_value=span[1], value=span) if span and span[0] < span[1] \
        else (None, None)
    categories = st.multiselect("Event categories", data.categories)
    countries = st.multiselect("Countries", data.countries)
choice = ArchiveFilter(start=dates[0], end=dates[1], categories=frozenset(categories),
                       countries=frozenset(countries))
places, events = view(folder, stamp(folder), choice)
# built on every rerun: streamlit-folium rewrites a map as it renders it, so one cannot be cached;
# the markers are two data scripts, so this is cheap
fmap = archive_map(places, events, gazetteer=gazetteer())

cut = f" (the {MAX_MARKERS:,} most named are drawn)" if len(places) > MAX_MARKERS else ""
st.caption(f"{data.article_count:,} articles · {len(places):,} places{cut} and "
           f"{int(events['events'].sum()) if len(events) else 0:,} events in view · "
           f"errors in the run: {data.manifest.get('errors', 'unknown')}")
left, right = st.columns([3, 2])
with left:
    state = st_folium(fmap, key="archive_map", height=620, use_container_width=True,
                      returned_objects=["last_object_clicked", "last_active_drawing", "zoom"])
state = state or {}
# the clicked marker's id; else the drawn place nearest the click (a marker without one)
marker = ((state.get("last_active_drawing") or {}).get("properties") or {}).get("id")
clicked = state.get("last_object_clicked")
selected = int(marker) if marker is not None and (places["geonameid"] == int(marker)).any() else \
    place_at(places.head(MAX_MARKERS), clicked["lat"], clicked["lng"], tolerance=click_tolerance(state.get("zoom"))) \
    if clicked else None
with right:
    if selected is None:
        st.subheader("Most named places")
        st.dataframe(places[["name", "country_code", "articles", "mentions", "events"]].head(200),
                     hide_index=True, width="stretch")
    else:
        row = places[places["geonameid"] == selected].iloc[0]
        st.subheader(f"{row['name']} ({row['country_code']})")
        st.caption(f"{row['articles']} article(s), {row['mentions']} mention(s), {row['events']} event(s)")
        for hit in articles_at(data, selected, choice):
            with st.container(border=True):
                st.text(f"{hit.title} · {hit.published or 'no date'} · {hit.doc_id}")
                for sentence in hit.sentences:
                    st.text(sentence)
                for event in hit.events:
                    st.text(f"event · {event}")
