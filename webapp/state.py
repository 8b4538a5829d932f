"""Session state and the callbacks of widgets: what a click, a choice or a paste changes."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from geo import panel, webmap
from geo.model import Analysis
from geo.web import page
from geo.web.page import MentionRef
from webapp.cache import (
    corrections,
    geoparser,
)


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


def date_field(label: str, value: dt.date | None, key: str, persist_state: str | None = None) -> dt.date | None:
    return st.date_input(label, value=value, key=key, min_value=page.PUBLISHED_MIN,
                         max_value=page.published_max(), format="YYYY-MM-DD", persist_state=persist_state)


def choose_alternative(analyses: list[Analysis], geonameid: int, alternative: int) -> None:
    page.choose_alternative(corrections(), analyses, geonameid, alternative)
    st.session_state.selected = alternative
