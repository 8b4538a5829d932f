"""The page server with a warm start: ``streamlit run serve.py`` (``streamlit run app.py`` works too).

Streamlit runs ``app.py`` only when a visitor connects, so the first visitor
after a start paid for opening the gazetteer, importing folium and pandas and
analysing the seed (issue 11: 6.9 s). This entry point serves the same page
through Streamlit's ASGI app (``st.App``), whose lifespan does that work
(:func:`webapp.warmup.warm_up`) before the server reports itself ready: at
most ``WARM_UP_MAX_S`` seconds, after which the warm-up goes on in the
background and the server opens anyway. Its page document holds Streamlit's
loading placeholders still (:mod:`geo.web.stillness`).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from geo.web.stillness import StillPlaceholders

WARM_UP_MAX_S = 60.0


@asynccontextmanager
async def lifespan(_app: st.App) -> AsyncIterator[None]:
    from webapp.warmup import warm_up

    warming = asyncio.ensure_future(asyncio.to_thread(warm_up))
    try:
        await asyncio.wait_for(asyncio.shield(warming), WARM_UP_MAX_S)
    except TimeoutError:
        pass  # a slow machine: the first visitor shares the rest of the work
    yield


app = st.App("app.py", lifespan=lifespan, middleware=[Middleware(StillPlaceholders)])
