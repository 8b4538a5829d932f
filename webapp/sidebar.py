"""The sidebar: articles (seeds, uploads, pasted), their titles and dates, and the filters."""

from __future__ import annotations

import os

import streamlit as st

from geo.errors import GeoError
from geo.model import Analysis
from geo.web import page
from geo.web.page import Article
from webapp.cache import (
    DEFAULT_SEED,
    HERE,
    analyse_many,
    corrections,
    geoparser,
    plain,
    seed_articles,
    uploaded_article,
)
from webapp.state import (
    add_pasted,
    date_field,
)


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
    # a closed expander's widgets are neither run nor sent (on_change="rerun"): a text area, two text
    # inputs and a date field per article cost every new visitor's browser their code and their drawing
    paste = sb.expander("Paste an article", expanded=not articles, key="paste_box", on_change="rerun")
    if paste.open:
        with paste:
            # what was typed survives closing the expander: Streamlit keeps an unseen widget's value
            # itself (re-assigning it every run instead would overwrite text being typed at each rerun)
            st.text_area("Article text", key="paste_text", height=150, persist_state="page")
            st.text_input("Title (optional)", key="paste_title", persist_state="page")
            date_field("Publication date (optional)", None, "paste_date", persist_state="page")
            st.button("Add article", on_click=add_pasted, key="paste_add")
            if st.session_state.get("paste_error"):
                st.warning(plain(st.session_state.paste_error))
    articles.extend(st.session_state.pasted.values())
    if articles:
        return _metadata(articles)
    return articles


def _metadata(articles: list[Article]) -> list[Article]:
    """The articles with the titles and dates the user gave them (kept while the editor is closed)."""
    meta = st.session_state.setdefault("meta", {})  # id -> (title, date)
    editor = st.sidebar.expander("Titles and publication dates", key="meta_box", on_change="rerun")
    if editor.open:
        with editor:
            st.caption("The date anchors relative dates in the text (\u201cnext week\u201d).")
            # with many articles, one editor at a time: 400 widgets would slow every rerun
            editing = articles
            if len(articles) > page.EDITORS_MAX:
                chosen = st.selectbox("Article", [a.id for a in articles], key="meta_doc",
                                      format_func={a.id: a.title for a in articles}.get)
                editing = [a for a in articles if a.id == chosen]
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
    gaz, store = geoparser().gazetteer, corrections()
    analyses, warnings = [], []
    for article, result in zip(articles, analyse_many(articles), strict=True):
        if isinstance(result, str):
            warnings.append(f"{article.title}: {result}")
            continue
        try:
            analysis, problems = page.corrected(result, store, gaz)
        except GeoError as exc:
            warnings.append(f"{article.title}: {exc}")
            continue
        warnings += [f"{article.title}: {p}" for p in problems]
        analyses.append(analysis)
    return analyses, warnings
