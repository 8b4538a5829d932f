"""The page: articles on a map, click a place to read where the article names it.

    streamlit run app.py

Streamlit only: widgets, caching and session state. What the page shows is
built by the library (:mod:`geo.web.page` view models, :mod:`geo.webmap`,
:mod:`geo.panel`), and every cached or session value is a library type or
plain data, never a class of this script (Streamlit replaces this module on
every run, and a pickled ``__main__`` class then cannot be read back).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from geo import panel, webmap
from geo.corrections import Correction, CorrectionStore, default_store, default_store_path
from geo.errors import GeoError
from geo.gazetteer import Gazetteer
from geo.model import Analysis
from geo.pipeline import Geoparser
from geo.web import page
from geo.web.page import Article, MentionRef

log = logging.getLogger("geo.app")
HERE = Path(__file__).resolve().parent
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~:$&")
DEFAULT_SEED = "voa-2022-11-14-uk-pulling-mali-troop-deployment"
#: the only map interactions that rerun the script; panning and zooming do not
CLICK_KEYS = ["last_object_clicked", "last_object_clicked_popup", "last_object_clicked_count"]
MAP_HEIGHT = 600
MIME_TYPES = {"geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3",
              "csv": "text/csv", "kml": "application/vnd.google-earth.kml+xml",
              "geoparquet": "application/vnd.apache.parquet"}
DOWNLOAD_LAYERS = ("places", "mentions", "events", "event_areas", "areas", "unresolved")


def plain(text: str) -> str:
    """Text for a Markdown-rendering Streamlit element, shown as typed (no links, no emphasis)."""
    return "".join("\\" + c if c in MARKDOWN_SPECIALS else c for c in text)


# --------------------------------------------------------------------------- shared by every session

@st.cache_resource(show_spinner="Opening the gazetteer…")
def geoparser() -> Geoparser:
    return Geoparser(Gazetteer.load())


@st.cache_resource(show_spinner="Finding places and events…", max_entries=1024)
def analyse(text: str, doc_id: str, title: str, published: dt.date | None) -> Analysis:
    # a resource, not data: an Analysis is frozen, so every session can share the one copy
    return geoparser().analyse(text, doc_id=doc_id, title=title, published=published)


@st.cache_resource(show_spinner=False)
def seed_articles(folder: str) -> dict[str, Article]:
    return page.read_folder(Path(folder))


@st.cache_data(show_spinner=False, max_entries=64)
def uploaded_article(name: str, data: bytes) -> Article:
    return page.uploaded_article(name, data)


@st.cache_resource(show_spinner=False, max_entries=64)
def map_features(key: str, _analyses: tuple[Analysis, ...]) -> webmap.MapFeatures:
    return webmap.map_features(_analyses, geoparser().gazetteer)


def corrections() -> CorrectionStore:
    return _store(str(default_store_path()))


@st.cache_resource(show_spinner=False)
def _store(path: str) -> CorrectionStore:
    # one store object per file for every session: each call opens its own connection, writers queue
    return default_store()


@st.cache_resource(show_spinner=False)
def layer_files() -> page.LayerFiles:
    return page.LayerFiles(geoparser().gazetteer)


@st.cache_resource(show_spinner=False)
def article_component():  # noqa: ANN201 (Streamlit's own renderer type)
    return st.components.v2.component("geo_article", js=(HERE / "geo" / "web" / "article.js").read_text(),
                                      isolate_styles=False)


# --------------------------------------------------------------------------- state

def state_defaults() -> None:
    ss = st.session_state
    ss.setdefault("pasted", {})  # id -> Article
    ss.setdefault("selected", None)  # geonameid shown in the side panel
    ss.setdefault("focus", (None, None))  # (center, zoom) asked for by a mention, event or table row
    ss.setdefault("last_click", None)
    ss.setdefault("active_mention", None)  # MentionRef key clicked in the text
    ss.setdefault("pending_add", None)  # (doc id, start, end) selected in the text


def select_place(geonameid: int | None, *, focus: bool) -> None:
    st.session_state.selected = geonameid
    if focus and geonameid is not None:
        gaz = geoparser().gazetteer
        place = gaz.get(geonameid)
        st.session_state.focus = webmap.focus_view(place, shape=gaz.area(geonameid) if place else None)


def on_mention_chosen() -> None:
    choice = st.session_state.get("mention_focus")
    if choice:
        found = MentionRef.parse(choice).find(st.session_state.get("_shown_analyses", ()))
        if found and found[1].place is not None:
            select_place(found[1].place.geonameid, focus=True)


def on_event_chosen() -> None:
    choice = st.session_state.get("event_focus")
    if choice:
        select_place(panel.event_place(st.session_state.get("_shown_analyses", ()), choice), focus=True)


def on_article_event(doc_id: str) -> None:
    """A click on a mention or a selection in the article text (the article component)."""
    result = st.session_state.get(f"article:{doc_id}") or {}
    shown = st.session_state.get("_shown_analyses", ())
    mention, selection = result.get("mention"), result.get("selection")
    if mention:
        ref = MentionRef(str(mention["doc"]), int(mention["start"]), int(mention["end"]))
        found = ref.find(shown)
        if found:
            st.session_state.active_mention = ref.key
            st.session_state.pending_add = None
            if found[1].place is not None:
                select_place(found[1].place.geonameid, focus=True)
    elif selection:
        analysis = next((a for a in shown if a.id == selection["doc"]), None)
        span = page.selection_span(analysis.text, int(selection["start"]), int(selection["end"])) \
            if analysis else None
        if span:
            st.session_state.pending_add = (analysis.id, *span)
            st.session_state.active_mention = None
            st.session_state.add_query = analysis.text[span[0]:span[1]]


def add_pasted() -> None:
    ss = st.session_state
    text = (ss.get("paste_text") or "").strip()
    if not text:
        ss.paste_error = "Paste some article text first."
        return
    article = page.pasted_article(text, ss.get("paste_title") or "", ss.get("paste_date"), len(ss.pasted) + 1)
    ss.pasted[article.id] = article
    # a fresh form for the next article: no old title or date carried over
    ss.paste_text, ss.paste_title, ss.paste_date, ss.paste_error = "", "", None, ""


def date_field(label: str, value: dt.date | None, key: str) -> dt.date | None:
    return st.date_input(label, value=value, key=key, min_value=page.PUBLISHED_MIN,
                         max_value=page.published_max(), format="YYYY-MM-DD")


# --------------------------------------------------------------------------- sidebar

def sidebar_articles() -> list[Article]:
    """Every article the user chose: seeds, uploads and pasted text, with their metadata."""
    sb = st.sidebar
    sb.header("Articles")
    seeds = seed_articles(str(os.environ.get("GEO_SEEDS_DIR") or HERE / "seeds"))
    wanted = st.query_params.get_all("article") or [DEFAULT_SEED]
    chosen = sb.multiselect("From seeds/", list(seeds), default=[s for s in wanted if s in seeds],
                            format_func=lambda s: seeds[s].title, key="seed_choice")
    articles = [seeds[s] for s in chosen]
    uploads = sb.file_uploader("Upload articles (.txt, .md, .html)", type=[s[1:] for s in page.ARTICLE_SUFFIXES],
                               accept_multiple_files=True, key="uploads")
    for upload in uploads or []:
        try:
            articles.append(uploaded_article(upload.name, upload.getvalue()))
        except GeoError as exc:
            sb.error(plain(f"{upload.name}: {exc}"))
    with sb.expander("Paste an article", expanded=not articles):
        st.text_area("Article text", key="paste_text", height=150)
        st.text_input("Title (optional)", key="paste_title")
        date_field("Publication date (optional)", None, "paste_date")
        st.button("Add article", on_click=add_pasted, key="paste_add")
        if st.session_state.get("paste_error"):
            st.warning(plain(st.session_state.paste_error))
    articles.extend(st.session_state.pasted.values())
    if articles:
        with sb.expander("Titles and publication dates"):
            st.caption("The date anchors relative dates in the text (\u201cnext week\u201d).")
            # with many articles, one editor at a time: 400 widgets would slow every rerun
            editing = articles if len(articles) <= page.EDITORS_MAX else [
                a for a in articles if a.id == st.selectbox("Article", [a.id for a in articles], key="meta_doc",
                                                            format_func={a.id: a.title for a in articles}.get)]
            meta = st.session_state.setdefault("meta", {})  # id -> (title, date): kept while not on screen
            for a in editing:
                title, published = meta.get(a.id, (a.title, a.published))
                meta[a.id] = (st.text_input("Title", value=title, key=f"title:{a.id}"),
                              date_field("Published", published, f"date:{a.id}"))
            articles = [a.with_metadata(*meta[a.id]) if a.id in meta else a for a in articles]
    # the same text loaded twice (a seed also uploaded) is one document
    return list({a.id: a for a in articles}.values())


def sidebar_filters(analyses: list[Analysis]) -> page.Filters:
    """Filters for many articles; they narrow the map, the panel, the tables and the downloads."""
    if len(analyses) < 2:
        return page.Filters()
    options = page.filter_options(analyses)
    titles = {a.id: a.title or a.id for a in analyses}
    with st.sidebar.expander("Filter", expanded=True):
        docs = st.multiselect("Articles", list(titles), format_func=titles.get, key="filter_docs",
                              placeholder="All articles")
        dates = sorted(a.published for a in analyses if a.published)
        span = st.date_input("Published between", value=(dates[0], dates[-1]) if dates else (),
                             min_value=page.PUBLISHED_MIN, max_value=page.published_max(), key="filter_dates")
        categories = st.multiselect("Event categories", options["categories"], key="filter_categories",
                                    placeholder="All categories")
        countries = st.multiselect("Countries", options["countries"], key="filter_countries",
                                   placeholder="All countries")
    start, end = (tuple(span) + (None, None))[:2] if dates else (None, None)
    return page.Filters(frozenset(docs), start, end, frozenset(categories), frozenset(countries))


def analyse_all(articles: list[Article]) -> tuple[list[Analysis], list[str]]:
    gaz = geoparser().gazetteer
    analyses, warnings = [], []
    for article in articles:
        try:
            analysis, problems = page.corrected(analyse(article.text, article.id, article.title, article.published),
                                                corrections(), gaz)
        except GeoError as exc:
            warnings.append(f"{article.title}: {exc}")
            continue
        warnings += [f"{article.title}: {p}" for p in problems]
        analyses.append(analysis)
    return analyses, warnings


# --------------------------------------------------------------------------- map and panel

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


def show_map(features: webmap.MapFeatures, *, many: bool) -> None:
    gaz = geoparser().gazetteer
    tiles = "offline" if os.environ.get("GEO_TILES") == "offline" else "auto"
    fmap = webmap.build_map(features, gazetteer=gaz, tiles=tiles, show_areas=not many)
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


def choose_alternative(analyses: list[Analysis], geonameid: int, alternative: int) -> None:
    page.choose_alternative(corrections(), analyses, geonameid, alternative)
    st.session_state.selected = alternative


# --------------------------------------------------------------------------- tabs

def show_article(analyses: list[Analysis]) -> None:
    st.caption("Click a mention to check it on the map; select any words to add a place the reader missed.")
    st.html(panel.legend_html())
    component = article_component()
    for a in analyses:
        if len(analyses) > 1:
            st.markdown(f"#### {plain(a.title or a.id)}")
        html = panel.article_html(a, selected=st.session_state.selected)
        component(key=f"article:{a.id}", data={"html": html, "version": hash(html)},
                  on_mention_change=functools.partial(on_article_event, a.id),
                  on_selection_change=functools.partial(on_article_event, a.id))
    if st.session_state.pending_add:
        show_add_place(analyses)
    elif st.session_state.active_mention:
        found = MentionRef.parse(st.session_state.active_mention).find(analyses)
        if found:
            show_fix(*found, key="active")
    options = page.mention_options(analyses, resolved_only=True)
    st.selectbox("Focus a mention on the map", list(options), index=None, format_func=options.get,
                 key="mention_focus", on_change=on_mention_chosen, placeholder="Choose a mention")


def show_add_place(analyses: list[Analysis]) -> None:
    doc_id, start, end = st.session_state.pending_add
    analysis = next((a for a in analyses if a.id == doc_id), None)
    if analysis is None:
        return
    text = analysis.text[start:end]
    with st.container(border=True, key="add_box"):
        st.markdown(f"**Add a place** for \u201c{plain(text)}\u201d")
        query = st.text_input("Search the gazetteer", key="add_query")
        found = geoparser().gazetteer.search(query or text, limit=15)
        labels = {str(p.geonameid): f"{p.name}, {p.country_code or '—'} ({p.kind}), GeoNames {p.geonameid}"
                  for p in found}
        choice = st.selectbox("Place", list(labels), index=None, format_func=labels.get, key="add_choice",
                              placeholder="Choose a place" if labels else "Nothing found: try another spelling")
        c1, c2 = st.columns(2)
        if c1.button("Save place", key="add_save", type="primary", disabled=choice is None):
            corrections().add(Correction.add_place(doc_id, start, end, text, int(choice)))
            st.session_state.pending_add = None
            select_place(int(choice), focus=True)
            st.rerun()
        if c2.button("Cancel", key="add_cancel"):
            st.session_state.pending_add = None
            st.rerun()


def show_fix(analysis: Analysis, toponym, *, key: str) -> None:  # noqa: ANN001 (a geo.model.Toponym)
    """The correction form of one mention: alternatives with scores, a gazetteer search, not a place."""
    gaz = geoparser().gazetteer
    with st.container(border=True, key=f"fix_box_{key}"):
        where = toponym.place.name if toponym.place else "unresolved"
        st.markdown(f"**\u201c{plain(toponym.text)}\u201d** → {plain(where)} "
                    f"(confidence {toponym.confidence:.2f})")
        query = st.text_input("Search the gazetteer", key=f"fix_query_{key}", placeholder="e.g. Tombouctou")
        found = gaz.search(query, limit=15) if query else gaz.candidates(toponym.text, limit=15)
        choices = {c.value: c.label for c in page.correction_choices(toponym, found)}
        # nothing preselected: a default would be saved by one careless click
        choice = st.selectbox("Replace with", list(choices), index=None, format_func=choices.get,
                              key=f"fix_choice_{key}", placeholder="Choose the right place")
        scope = st.radio("For", list(page.SCOPE_LABELS), format_func=page.SCOPE_LABELS.get, horizontal=True,
                         key=f"fix_scope_{key}", help=f"\u201c{toponym.text}\u201d in this mention only, "
                         "everywhere in this article, or in every article, also those loaded later")
        if st.button("Apply and save correction", key=f"fix_apply_{key}", type="primary", disabled=choice is None):
            gid = None if choice == page.NOT_A_PLACE else int(choice)
            corrections().add(page.correction_for(scope, analysis.id, toponym, gid))
            st.session_state.selected = gid
            st.session_state.active_mention = None
            st.toast("Correction saved")
            st.rerun()


def show_places(features: webmap.MapFeatures) -> None:
    rows = page.places_table(features.summaries)
    if not rows:
        st.info("No places found.")
        return
    event = st.dataframe(rows, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                         key="places_table", column_config={"geonameid": None})
    picked = event.selection.rows if event else []
    if picked and rows[picked[0]]["geonameid"] != st.session_state.get("_table_pick"):
        st.session_state._table_pick = rows[picked[0]]["geonameid"]
        select_place(rows[picked[0]]["geonameid"], focus=True)
        st.rerun()


def timeline_chart(events: list[panel.EventView]):  # noqa: ANN201 (an altair Chart)
    """Dated events as bars from start to end, one row per category, in the map's colours."""
    import altair as alt  # only when the Events tab is open: it costs the first page 0.3 s

    frame = page.timeline_frame(events)
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
    st.dataframe(page.event_rows(rows), hide_index=True, width="stretch")
    labels = {e.id: f"{e.date or 'undated'} · {e.category} · {e.label}" for e in rows if e.places}
    st.selectbox("Show an event on the map", list(labels), index=None, format_func=labels.get,
                 key="event_focus", on_change=on_event_chosen, placeholder="Choose an event")


def show_corrections(analyses: list[Analysis]) -> None:
    options = page.mention_options(analyses)
    if options:
        selected = st.session_state.selected
        # open on the place being read in the side panel, the one the user is most likely fixing
        first = next((i for i, (a, t) in enumerate((a, t) for a in analyses for t in a.toponyms)
                      if t.place is not None and t.place.geonameid == selected), 0)
        key = st.selectbox("Mention", list(options), index=first, format_func=options.get, key="fix_mention")
        found = MentionRef.parse(key).find(analyses)
        if found:
            show_fix(*found, key="tab")
    show_saved_corrections(analyses)


def show_saved_corrections(analyses: list[Analysis]) -> None:
    store = corrections()
    problems = store.problems()
    for problem in problems:
        st.warning(plain(problem.message))
    if problems and st.button("Repair the corrections file", key="fix_repair"):
        for line in store.repair():
            st.toast(line)
        st.rerun()
    saved = page.saved_corrections(store, [a.id for a in analyses]) if not any(
        p.kind == "unreadable_store" for p in problems) else []
    titles = {a.id: a.title or a.id for a in analyses}
    if saved:
        st.markdown("**Saved corrections**")
    for c in saved:
        cols = st.columns([5, 1])
        where = "every article" if c.scope == "everywhere" else titles.get(c.doc_id, c.doc_id)
        cols[0].text(f"{c.describe()} · {where}")
        if cols[1].button("Delete", key=f"delete:{c.id}"):
            store.remove(c.id)
            st.rerun()
    c1, c2, c3 = st.columns(3)
    if c1.button("Undo last change", key="fix_undo"):
        st.toast(store.undo() or "Nothing to undo")
        st.rerun()
    c2.download_button("Export corrections (JSON)", data=store.export_json, file_name="corrections.json",
                       mime="application/json", key="fix_export", on_click="ignore")
    shared = c3.file_uploader("Import corrections", type=["json"], key="fix_import")
    if shared is not None and st.session_state.get("_imported") != shared.file_id:
        st.session_state._imported = shared.file_id
        report = store.import_json(shared.getvalue())
        st.toast(f"Imported {report.added} correction(s); {report.duplicates} already saved, "
                 f"{len(report.rejected)} rejected")
        st.rerun()


def show_downloads(analyses: list[Analysis]) -> None:
    from geo.export import FORMATS

    fmt = st.radio("Format", FORMATS, horizontal=True, key="download_format",
                   format_func=lambda f: {"geojson": "GeoJSON", "gpkg": "GeoPackage", "csv": "CSV",
                                          "kml": "KML", "geoparquet": "GeoParquet"}.get(f, f))
    key, files, cols = page.signature(analyses), layer_files(), st.columns(3)
    for i, name in enumerate(DOWNLOAD_LAYERS):
        if fmt == "kml" and name == "unresolved":
            continue  # a plain table: KML has no place for it
        # deferred and plain Python: the file is written only when asked for, after the run ended
        data = functools.partial(files.get, key, tuple(analyses), name, fmt)
        cols[i % 3].download_button(f"{name}.{fmt}", data=data, file_name=f"{name}.{fmt}",
                                    mime=MIME_TYPES.get(fmt, "application/octet-stream"),
                                    key=f"download:{name}", on_click="ignore", width="stretch")
    st.caption("Coordinates in WGS 84 (EPSG:4326); the same places and mentions the map shows, "
               "with your corrections and filters applied.")


def show_attribution() -> None:
    st.caption(
        "Places: [GeoNames](https://www.geonames.org), licensed "
        "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) · Country and region shapes: "
        "[Natural Earth](https://www.naturalearthdata.com) (public domain) · Map tiles: © "
        "[OpenStreetMap](https://www.openstreetmap.org/copyright) contributors, where reachable · "
        "Map: [Leaflet](https://leafletjs.com) via folium, served from the installed Debian packages."
    )


# --------------------------------------------------------------------------- page

def body() -> None:
    state_defaults()
    articles = sidebar_articles()
    st.title("Places in the news")
    if not articles:
        st.info("Choose a seed article, upload one or paste one in the sidebar.")
        return
    analyses, warnings = analyse_all(articles)
    for warning in warnings:
        st.warning(plain(warning))
    shown = page.apply_filters(analyses, sidebar_filters(analyses))
    st.session_state._shown_analyses = tuple(shown)
    features = map_features(page.signature(shown), tuple(shown))
    st.caption(f"{len(shown)} article(s) · {len(features.summaries)} places · "
               f"{sum(len(a.events) for a in shown)} events")
    take_click(st.session_state.get("map"), features)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        show_map(features, many=len(shown) >= page.AREAS_HIDDEN_FROM)
    with right:
        show_panel(shown, features)
    # only the open tab runs and is sent: the first page stays light
    tabs = st.tabs(["Article", "Places", "Events", "Corrections", "Downloads"], key="tab", on_change="rerun")
    parts = (show_article, lambda _: show_places(features), show_events, show_corrections, show_downloads)
    for tab, show in zip(tabs, parts, strict=True):
        if tab.open:
            with tab:
                show(shown)


def main() -> None:
    st.set_page_config(page_title="Places in the news", page_icon="🗺️", layout="wide")
    try:
        body()
    except Exception:  # the visitor gets a short message; the details go to the server's log only
        log.exception("page failed")
        st.error("Something went wrong on the server while building this page. Reload to try again; "
                 "the details are in the server's log.")
    show_attribution()


main()
