"""What every session of the page shares, cached once per server; and the one text escaper."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from geo import webmap
from geo.corrections import CorrectionStore, default_store, default_store_path
from geo.errors import GeoError
from geo.gazetteer import Gazetteer
from geo.model import Analysis
from geo.pipeline import Geoparser
from geo.web import page
from geo.web.page import Article

log = logging.getLogger("geo.app")
HERE = Path(__file__).resolve().parents[1]
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~:$&")
DEFAULT_SEED = "voa-2022-11-14-uk-pulling-mali-troop-deployment"
MAP_HEIGHT = 600
MIME_TYPES = {"geojson": "application/geo+json", "gpkg": "application/geopackage+sqlite3",
              "csv": "text/csv", "kml": "application/vnd.google-earth.kml+xml",
              "geoparquet": "application/vnd.apache.parquet"}
DOWNLOAD_LAYERS = ("places", "mentions", "events", "event_areas", "areas", "unresolved")


def plain(text: str) -> str:
    """Text for a Markdown-rendering Streamlit element, shown as typed (no links, no emphasis)."""
    return "".join("\\" + c if c in MARKDOWN_SPECIALS else c for c in text)


@st.cache_resource(show_spinner="Opening the gazetteer…")
def geoparser() -> Geoparser:
    return Geoparser(Gazetteer.load())


def analyse_many(articles: list[Article]) -> tuple[Analysis | str, ...]:
    """Each article's analysis (or the message of why it has none), made once per server for every session.

    One cache lookup for the whole list, keyed by digests made in C: Streamlit's
    own hashing of 200 article texts, one call each, cost 40 ms on every run.
    Analyses are frozen, so every session shares the one copy.
    """
    keys = [page.article_key(a) for a in articles]
    return _analyses(page.combined_key(keys), tuple(zip(keys, articles, strict=True)))


@st.cache_resource(show_spinner=False, max_entries=64)
def _analyses(key: str, _keyed: tuple[tuple[str, Article], ...]) -> tuple[Analysis | str, ...]:
    results: list[Analysis | str] = []
    for article_key, article in _keyed:
        try:
            results.append(_analysis(article_key, article))
        except GeoError as exc:
            results.append(str(exc))
    return tuple(results)


@st.cache_resource(show_spinner="Finding places and events…", max_entries=1024)
def _analysis(key: str, _article: Article) -> Analysis:
    a = _article
    return geoparser().analyse(a.text, doc_id=a.id, title=a.title, published=a.published)


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
