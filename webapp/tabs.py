"""The tabs under the map: article workbench, places, events, corrections, downloads."""

from __future__ import annotations

import functools

import streamlit as st

from geo import panel, webmap
from geo.corrections import Correction
from geo.model import Analysis, Toponym
from geo.web import page
from geo.web.page import MentionRef
from webapp.cache import (
    DOWNLOAD_LAYERS,
    MIME_TYPES,
    article_component,
    corrections,
    geoparser,
    layer_files,
    plain,
)
from webapp.state import (
    on_article_event,
    on_event_chosen,
    on_mention_chosen,
    select_place,
)


def show_article(analyses: list[Analysis]) -> None:
    st.caption("Click a mention to check it on the map; select any words to add a place the reader missed.")
    st.html(panel.legend_html())
    component = article_component()
    reading = analyses
    if len(analyses) > page.EDITORS_MAX:  # 200 articles as 200 components would slow every rerun
        titles = {a.id: a.title or a.id for a in analyses}
        chosen = st.selectbox("Read", list(titles), format_func=titles.get, key="read_doc")
        reading = [a for a in analyses if a.id == chosen]
    for a in reading:
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


def show_fix(analysis: Analysis, toponym: Toponym, *, key: str) -> None:
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
