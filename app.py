"""The page: articles on a map, click a place to read where the article names it.

    streamlit run app.py

A thin layer over ``geo``: widgets, session state and caching live here; the
map (:mod:`geo.webmap`), the side panel and timeline (:mod:`geo.panel`), user
corrections (:mod:`geo.corrections`) and the downloads (:mod:`geo.layers`,
:mod:`geo.export`) are library functions tested on their own.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import corrections as corr
from geo import panel, webmap
from geo.cli import read_article
from geo.errors import GeoError
from geo.gazetteer import Gazetteer
from geo.model import Analysis
from geo.pipeline import Geoparser, doc_id_for
from geo.text import decode, html_to_text, looks_like_html

HERE = Path(__file__).resolve().parent
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~:$&")
DEFAULT_SEED = "voa-2022-11-14-uk-pulling-mali-troop-deployment"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: the only map interactions that rerun the script; panning and zooming do not
CLICK_KEYS = ["last_object_clicked", "last_object_clicked_popup", "last_object_clicked_count"]
MAP_HEIGHT = 560
MIME_TYPES = {"geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3",
              "csv": "text/csv", "kml": "application/vnd.google-earth.kml+xml"}
DOWNLOAD_LAYERS = ("places", "mentions", "events", "event_areas", "areas", "unresolved")


@dataclass(frozen=True)
class Article:
    """An article the user loaded, before analysis."""

    id: str
    text: str
    title: str
    published: dt.date | None
    source: str


def plain(text: str) -> str:
    """Text for a Markdown-rendering Streamlit element, shown as typed (no links, no emphasis)."""
    return "".join("\\" + c if c in MARKDOWN_SPECIALS else c for c in text)


def seeds_dir() -> Path:
    return Path(os.environ.get("GEO_SEEDS_DIR") or HERE / "seeds")


# --------------------------------------------------------------------------- cached resources

@st.cache_resource(show_spinner="Opening the gazetteer…")
def geoparser() -> Geoparser:
    return Geoparser(Gazetteer.load())


@st.cache_data(show_spinner="Finding places and events…", max_entries=256)
def analyse(text: str, doc_id: str, title: str, published: dt.date | None) -> Analysis:
    return geoparser().analyse(text, doc_id=doc_id, title=title, published=published)


# cache_resource: an Article is a class of this script, which a multipage app cannot pickle (pages/)
@st.cache_resource(show_spinner=False)
def seed_articles(folder: str) -> dict[str, Article]:
    articles = {}
    for path in sorted(Path(folder).iterdir()):
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        doc = read_article(path)
        published = doc.get("published")
        articles[path.stem] = Article(path.stem, doc["text"], doc.get("title") or path.stem,
                                      dt.date.fromisoformat(published[:10]) if published else None,
                                      f"seeds/{path.name}")
    return articles


@st.cache_resource(show_spinner=False, max_entries=64)
def uploaded_article(name: str, data: bytes) -> Article:
    text = decode(data, source=name)
    title = ""
    if Path(name).suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text, title = html_to_text(text)
    return Article(doc_id_for(text), text, title or Path(name).stem, None, f"upload: {name}")


@st.cache_data(show_spinner="Preparing the downloads…", max_entries=32)
def layer_file(signature: str, _analyses: tuple[Analysis, ...], name: str, fmt: str) -> bytes:
    """One layer in one format; ``signature`` names the documents and corrections it was built from."""
    from geo.export import layer_bytes
    from geo.layers import build_layers

    return layer_bytes(build_layers(_analyses, geoparser().gazetteer), name, fmt)


# --------------------------------------------------------------------------- state

def state_defaults() -> None:
    ss = st.session_state
    ss.setdefault("pasted", {})  # id -> Article
    ss.setdefault("selected", None)  # geonameid shown in the side panel
    ss.setdefault("focus", (None, None))  # (center, zoom) asked for by a mention or event
    ss.setdefault("last_click", None)


def select_place(geonameid: int | None, *, focus: bool) -> None:
    st.session_state.selected = geonameid
    if focus and geonameid is not None:
        gaz = geoparser().gazetteer
        place = gaz.get(geonameid)
        st.session_state.focus = webmap.focus_view(place, shape=gaz.area(geonameid) if place else None)


def on_mention_chosen() -> None:
    choice = st.session_state.get("mention_focus")
    if choice:
        select_place(int(choice.split("|")[0]), focus=True)


def on_event_chosen() -> None:
    choice = st.session_state.get("event_focus")
    shown = st.session_state.get("_shown_analyses", ())
    if choice:
        select_place(panel.event_place(shown, choice), focus=True)


def add_pasted() -> None:
    ss = st.session_state
    text = (ss.get("paste_text") or "").strip()
    if not text:
        ss.paste_error = "Paste some article text first."
        return
    doc_id = doc_id_for(text)
    ss.pasted[doc_id] = Article(doc_id, text, ss.get("paste_title") or f"Pasted article {len(ss.pasted) + 1}",
                                ss.get("paste_date"), "pasted")
    ss.paste_text = ""
    ss.paste_error = ""


# --------------------------------------------------------------------------- page parts

def sidebar_articles() -> list[Article]:
    """Every article the user chose: seeds, uploads and pasted text, with their metadata."""
    sb = st.sidebar
    sb.header("Articles")
    seeds = seed_articles(str(seeds_dir()))
    wanted = st.query_params.get_all("article") or [DEFAULT_SEED]
    chosen = sb.multiselect("From seeds/", list(seeds), default=[s for s in wanted if s in seeds],
                            format_func=lambda s: seeds[s].title, key="seed_choice")
    articles = [seeds[s] for s in chosen]

    uploads = sb.file_uploader("Upload articles (.txt, .md, .html)", type=[s[1:] for s in ARTICLE_SUFFIXES],
                               accept_multiple_files=True, key="uploads")
    for upload in uploads or []:
        try:
            articles.append(uploaded_article(upload.name, upload.getvalue()))
        except GeoError as exc:
            sb.error(plain(f"{upload.name}: {exc}"))

    with sb.expander("Paste an article", expanded=not articles):
        st.text_area("Article text", key="paste_text", height=150)
        st.text_input("Title (optional)", key="paste_title")
        st.date_input("Publication date (optional)", value=None, key="paste_date")
        st.button("Add article", on_click=add_pasted, key="paste_add")
        if st.session_state.get("paste_error"):
            st.warning(plain(st.session_state.paste_error))
    articles.extend(st.session_state.pasted.values())

    if articles:
        with sb.expander("Titles and publication dates"):
            st.caption("The date anchors relative dates in the text (\u201cnext week\u201d).")
            edited = []
            for a in articles:
                title = st.text_input("Title", value=a.title, key=f"title:{a.id}")
                published = st.date_input("Published", value=a.published, key=f"date:{a.id}")
                edited.append(Article(a.id, a.text, title, published, a.source))
            articles = edited
    # the same text loaded twice (a seed also uploaded) is one document
    return list({a.id: a for a in articles}.values())


def analyse_all(articles: list[Article]) -> tuple[list[Analysis], list[str]]:
    gaz = geoparser().gazetteer
    analyses, warnings = [], []
    for article in articles:
        try:
            analysis = analyse(article.text, article.id, article.title, article.published)
        except GeoError as exc:
            warnings.append(f"{article.title}: {exc}")
            continue
        try:
            saved = corr.load_corrections(article.id)
            analysis = corr.apply_corrections(analysis, saved, gaz)
            stale = corr.stale_corrections(analysis, saved)
        except GeoError as exc:
            warnings.append(f"{article.title}: {exc}")
            stale = []
        if stale:
            warnings.append(f"{article.title}: {len(stale)} saved correction(s) no longer match a mention.")
        analyses.append(analysis)
    return analyses, warnings


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
    """Select the place of a new map click; whether the selection changed.

    streamlit-folium copies each click into ``st.session_state["map"]`` before
    the rerun it causes, so the click is taken before anything is drawn and
    the panel and the selection ring show the new place in the same run.
    """
    signature = json.dumps(map_state or {}, sort_keys=True, default=str)
    if not map_state or signature == st.session_state.last_click:
        return False
    st.session_state.last_click = signature
    gid = clicked_place(map_state, features)
    if gid is None or gid == st.session_state.selected:
        return False
    st.session_state.selected = gid
    return True


def show_map(analyses: list[Analysis], features: webmap.MapFeatures) -> None:
    gaz = geoparser().gazetteer
    tiles = "offline" if st.session_state.get("basemap") == "Offline countries only" else "auto"
    fmap = webmap.build_map(features, gazetteer=gaz, tiles=tiles)
    selected = st.session_state.selected
    place = gaz.get(selected) if selected is not None else None
    center, zoom = st.session_state.focus
    map_state = st_folium(
        fmap, key="map", height=MAP_HEIGHT, use_container_width=True, returned_objects=CLICK_KEYS,
        center=center, zoom=zoom,
        feature_group_to_add=webmap.selection_layer(place, shape=features.shapes.get(selected)),
    )
    if take_click(map_state, features):
        st.rerun()  # a click the session state had not seen yet (st_folium without key callback)
    st.html(webmap.legend_html(features))


def show_panel(analyses: list[Analysis]) -> None:
    selected = st.session_state.selected
    info = panel.place_panel(analyses, selected) if selected is not None else None
    if info is None:
        st.info("Click a place on the map, or pick a mention under **Article**, to read where the "
                "article names it.")
        return
    p = info.place
    st.subheader(plain(p.name), anchor=False)
    gid_text = (f"[GeoNames {p.geonameid}](https://www.geonames.org/{p.geonameid})" if p.geonameid > 0
                else f"named region {p.geonameid} (defined by this project, not GeoNames)")
    st.markdown(f"{plain(p.kind.capitalize())} · {plain(p.country_code or '—')} · {gid_text}")
    c1, c2 = st.columns(2)
    c1.metric("Confidence", f"{info.confidence:.2f}")
    c2.metric("Mentions", info.mention_count)
    st.caption("Mentioned as: " + ", ".join(info.mention_types))
    if info.alternatives:
        with st.expander(f"Alternatives ({len(info.alternatives)})"):
            st.dataframe(pd.DataFrame([{"name": a.name, "kind": a.kind, "country": a.country_code,
                                        "score": a.score, "geonameid": a.geonameid}
                                       for a in info.alternatives]), hide_index=True)
    st.html(f'<div class="geo-panel">{panel.panel_html(info, show_documents=len(analyses) > 1)}</div>')


def show_article(analyses: list[Analysis]) -> None:
    options = {f"{t.place.geonameid}|{a.id}|{t.start}": f"{t.text} → {t.place.name} ({a.title or a.id}, "
               f"sentence {t.sentence + 1})"
               for a in analyses for t in a.toponyms if t.place is not None}
    st.selectbox("Focus a mention on the map", list(options), index=None, format_func=options.get,
                 key="mention_focus", on_change=on_mention_chosen, placeholder="Choose a mention")
    st.html(panel.legend_html())
    for a in analyses:
        if len(analyses) > 1:
            st.html(f"<h4>{html.escape(a.title or a.id)}</h4>")
        st.html(f'<div class="geo-article">{panel.article_html(a, selected=st.session_state.selected)}</div>')


def timeline_chart(events: list[panel.EventView]) -> Any:
    """Dated events as bars from start to end, one row per category, in the map's colours."""
    import altair as alt  # only when the Events tab is open: it costs the first page 0.3 s

    frame = pd.DataFrame({
        "start": pd.to_datetime([e.start for e in events]),
        # a day-precise event still gets a visible bar: it lasts until the next day
        "end": pd.to_datetime([e.end for e in events]) + pd.Timedelta(days=1),
        "category": [e.category for e in events], "event": [e.label for e in events],
        "date": [e.date for e in events], "precision": [e.precision for e in events],
        "context": [e.tense for e in events],
    })
    categories = sorted(set(frame["category"]))
    colours = alt.Scale(domain=categories, range=[webmap.category_colour(c) for c in categories])
    return alt.Chart(frame).mark_bar(size=12, cornerRadius=2).encode(
        x=alt.X("start:T", title=None), x2="end:T", y=alt.Y("category:N", title=None),
        color=alt.Color("category:N", scale=colours, legend=None),
        tooltip=["event", "category", "date", "precision", "context"],
    ).properties(height=40 + 26 * len(categories))


def show_events(analyses: list[Analysis]) -> None:
    all_events = panel.event_timeline(analyses)
    if not all_events:
        st.info("No events were found in these articles.")
        return
    c1, c2 = st.columns(2)
    categories = sorted({e.category for e in all_events})
    tenses = sorted({e.tense for e in all_events})
    chosen_categories = c1.multiselect("Category", categories, default=categories, key="event_categories")
    chosen_tenses = c2.multiselect("Context", tenses, default=tenses, key="event_tenses")
    rows = panel.event_timeline(analyses, categories=chosen_categories, tenses=chosen_tenses)
    dated = [e for e in rows if e.start]
    if dated:
        st.altair_chart(timeline_chart(dated), width="stretch")
    st.dataframe(pd.DataFrame([{"date": e.date or "unknown", "precision": e.precision, "category": e.category,
                                "event": e.label, "context": e.tense, "actors": e.actors, "places": e.places,
                                "sentence": e.sentence} for e in rows]),
                 hide_index=True, width="stretch")
    labels = {e.id: f"{e.date or 'undated'} · {e.category} · {e.label}" for e in rows if e.places}
    st.selectbox("Show an event on the map", list(labels), index=None, format_func=labels.get,
                 key="event_focus", on_change=on_event_chosen, placeholder="Choose an event")


def show_corrections(analyses: list[Analysis]) -> None:
    gaz = geoparser().gazetteer
    mentions = {f"{a.id}|{t.start}|{t.end}": (a, t) for a in analyses for t in a.toponyms}
    if not mentions:
        st.info("No place mentions to correct.")
        return
    keys = list(mentions)
    selected = st.session_state.selected
    # open on the place being read in the side panel, the one the user is most likely fixing
    first = next((i for i, (_, t) in enumerate(mentions.values())
                  if t.place is not None and t.place.geonameid == selected), 0)
    key = st.selectbox("Mention", keys, index=first, key="fix_mention",
                       format_func=lambda k: (f"{mentions[k][1].text} → "
                                              f"{mentions[k][1].place.name if mentions[k][1].place else 'unresolved'}"
                                              f" ({mentions[k][0].title or mentions[k][0].id}, "
                                              f"offset {mentions[k][1].start})"))
    analysis, toponym = mentions[key]
    st.html('<div style="font-size:.85em;color:#555">In: \u201c'
            + panel.highlight(analysis.sentence_of(toponym).text,
                              [panel.Span(toponym.start - analysis.sentence_of(toponym).start,
                                          toponym.end - analysis.sentence_of(toponym).start, toponym.type)])
            + "\u201d</div>")
    query = st.text_input("Search the gazetteer", key="fix_query", placeholder="e.g. Tombouctou")
    choices: dict[str, str] = {}
    for cand in toponym.alternatives:
        choices[str(cand.place.geonameid)] = (f"{cand.place.name}, {cand.place.country_code} ({cand.place.kind}), "
                                              f"score {cand.score:.2f}")
    found = gaz.search(query, limit=15) if query else gaz.candidates(toponym.text, limit=15)
    for place in found:
        choices.setdefault(str(place.geonameid), f"{place.name}, {place.country_code} ({place.kind}), "
                                                 f"GeoNames {place.geonameid}")
    if toponym.place is not None:
        choices.pop(str(toponym.place.geonameid), None)
    choices["none"] = "Not a place"
    choice = st.selectbox("Replace with", list(choices), format_func=choices.get, key="fix_choice")
    saved = corr.load_corrections(analysis.id)
    if st.button("Apply and save correction", key="fix_apply", type="primary"):
        fix = corr.Correction(toponym.start, toponym.end, toponym.text,
                              None if choice == "none" else int(choice))
        path = corr.save_corrections(analysis.id, corr.with_correction(saved, fix))
        st.session_state.selected = fix.geonameid
        st.toast(f"Saved to {path}")
        st.rerun()
    if saved:
        st.markdown("**Saved corrections of this article**")
        for c in saved:
            target = gaz.get(c.geonameid) if c.geonameid is not None else None
            cols = st.columns([4, 1])
            cols[0].text(f"{c.text} (offset {c.start}) → {target.name if target else 'not a place'}")
            if cols[1].button("Undo", key=f"undo:{analysis.id}:{c.start}:{c.end}"):
                corr.save_corrections(analysis.id, corr.without_correction(saved, c.start, c.end))
                st.rerun()
        st.caption(f"Stored in {corr.corrections_path(analysis.id)}")


def show_downloads(analyses: list[Analysis]) -> None:
    from geo.export import FORMATS

    fmt = st.radio("Format", FORMATS, horizontal=True, key="download_format",
                   format_func=lambda f: {"geojson": "GeoJSON", "gpkg": "GeoPackage", "csv": "CSV",
                                          "kml": "KML"}.get(f, f))
    signature = json.dumps([[a.id, a.title, str(a.published), [(t.start, t.place.geonameid if t.place else None)
                                                                for t in a.toponyms]] for a in analyses])
    cols = st.columns(3)
    for i, name in enumerate(DOWNLOAD_LAYERS):
        if fmt == "kml" and name == "unresolved":
            continue  # a plain table: KML has no place for it
        # deferred: the file is written only when asked for, not on every rerun
        data = functools.partial(layer_file, signature, tuple(analyses), name, fmt)
        cols[i % 3].download_button(f"{name}.{fmt}", data=data, file_name=f"{name}.{fmt}",
                                    mime=MIME_TYPES[fmt], key=f"download:{name}", on_click="ignore",
                                    width="stretch")
    st.caption("Coordinates in WGS 84 (EPSG:4326); the same places and mentions the map shows, "
               "with your corrections applied.")


def show_attribution() -> None:
    st.caption(
        "Places: [GeoNames](https://www.geonames.org), licensed "
        "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) · Country and region shapes: "
        "[Natural Earth](https://www.naturalearthdata.com) (public domain) · Map tiles: © "
        "[OpenStreetMap](https://www.openstreetmap.org/copyright) contributors, where reachable · "
        "Map: [Leaflet](https://leafletjs.com) via folium, served from the installed Debian packages."
    )


# --------------------------------------------------------------------------- page

def main() -> None:
    st.set_page_config(page_title="Places in the news", page_icon="🗺️", layout="wide")
    state_defaults()
    articles = sidebar_articles()
    st.sidebar.radio("Basemap", ["OpenStreetMap where reachable", "Offline countries only"], key="basemap")

    st.title("Places in the news")
    if not articles:
        st.info("Choose a seed article, upload one or paste one in the sidebar.")
        show_attribution()
        return
    analyses, warnings = analyse_all(articles)
    for warning in warnings:
        st.warning(plain(warning))
    if not analyses:
        show_attribution()
        return
    if len(analyses) > 1:
        labels = {a.id: a.title or a.id for a in analyses}
        view = st.selectbox("Show", ["all", *labels], key="view",
                            format_func=lambda k: "All articles together" if k == "all" else labels[k])
        shown = analyses if view == "all" else [a for a in analyses if a.id == view]
    else:
        shown = analyses
    st.session_state._shown_analyses = tuple(shown)

    features = webmap.map_features(shown, geoparser().gazetteer)
    st.caption(f"{len(shown)} article(s) · {len(features.summaries)} places · "
               f"{sum(len(a.events) for a in shown)} events")
    take_click(st.session_state.get("map"), features)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        show_map(shown, features)
    with right:
        show_panel(shown)

    # only the open tab runs and is sent: the first page stays light
    tabs = st.tabs(["Article", "Events", "Corrections", "Downloads"], key="tab", on_change="rerun")
    for tab, show in zip(tabs, (show_article, show_events, show_corrections, show_downloads), strict=True):
        if tab.open:
            with tab:
                show(shown)
    show_attribution()


main()
