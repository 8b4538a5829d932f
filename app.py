"""The page: articles on a map, click a place to read where the article names it.

    streamlit run app.py      # or serve.py: the same page, its caches warmed before the server opens

Two pages, named in the sidebar (``st.navigation``): this one, and the
archive page of ``pages/1_Archive.py``.

Streamlit only, in two layers: this script lays the page out; ``webapp/``
holds its parts (``cache``: what every session shares, cached once per server;
``state``: session state and widget callbacks; ``sidebar``, ``mapview``,
``tabs``: the widgets). What the page shows is built by the library
(:mod:`geo.web.page` view models, :mod:`geo.webmap`, :mod:`geo.panel`,
:mod:`geo.summary`, :mod:`geo.corrections`), and every cached or session
value is a library type or plain data, never a class of this script
(Streamlit replaces ``__main__`` on every run, and a pickled object of a
``__main__`` type then cannot be read back: issue 14, 25 concurrent sessions).
"""

from __future__ import annotations

import streamlit as st

from geo.web import page
from webapp.cache import (
    log,
    map_features,
    plain,
)
from webapp.mapview import show_map, show_panel, take_click
from webapp.sidebar import analyse_all, sidebar_articles, sidebar_filters
from webapp.state import (
    state_defaults,
)
from webapp.tabs import (
    show_article,
    show_attribution,
    show_corrections,
    show_downloads,
    show_events,
    show_places,
)


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
    key = page.signature(shown)
    features = map_features(key, tuple(shown))
    st.caption(f"{len(shown)} article(s) · {len(features.summaries)} places · "
               f"{sum(len(a.events) for a in shown)} events")
    take_click(st.session_state.get("map"), features)
    left, right = st.columns([3, 2], gap="medium")
    with left:
        show_map(features, key, many=len(shown) >= page.AREAS_HIDDEN_FROM)
    with right:
        show_panel(shown, features)
    # only the open tab runs and is sent: the first page stays light
    tabs = st.tabs(["Article", "Places", "Events", "Corrections", "Downloads"], key="tab", on_change="rerun")
    parts = (show_article, lambda _: show_places(features), show_events, show_corrections, show_downloads)
    for tab, show in zip(tabs, parts, strict=True):
        if tab.open:
            with tab:
                show(shown)


def places_page() -> None:
    try:
        body()
    except Exception:  # the visitor gets a short message; the details go to the server's log only
        log.exception("page failed")
        st.error("Something went wrong on the server while building this page. Reload to try again; "
                 "the details are in the server's log.")
    show_attribution()


def main() -> None:
    st.set_page_config(page_title="Places in the news", page_icon="🗺️", layout="wide")
    # named pages: the sidebar says "Places in the news" and "Archive", not the script's file name
    st.navigation([
        st.Page(places_page, title="Places in the news", icon=":material/map:", default=True),
        st.Page("pages/1_Archive.py", title="Archive", icon=":material/inventory_2:", url_path="Archive"),
    ]).run()


main()
