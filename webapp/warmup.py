"""What the first visitor would otherwise wait for, done when the server starts (``serve.py``).

Opening the gazetteer, importing folium, pandas and the pipeline, analysing
the default seed and rendering a map once (Jinja compiles folium's templates
on first use) cost the first visitor after a start several seconds. Here
that work fills the same caches the page reads (``st.cache_resource`` is
per process, not per session), in a background thread.

Nothing here imports streamlit-folium or declares a component: a component
declared outside a script run is never registered, and its iframe would
answer 404 for the rest of the server's life.
"""

from __future__ import annotations

import logging
import os
import time

log = logging.getLogger("geo.app")


def warm_up() -> None:
    """Fill the shared caches with the default seed's analysis and map features."""
    started = time.perf_counter()
    try:
        from streamlit.runtime import Runtime

        while not Runtime.exists():  # the caches belong to the runtime
            time.sleep(0.05)
        from geo import webmap
        from geo.web import page
        from webapp import cache

        gazetteer = cache.geoparser().gazetteer
        seeds = cache.seed_articles(str(os.environ.get("GEO_SEEDS_DIR") or cache.HERE / "seeds"))
        if cache.DEFAULT_SEED in seeds:
            [analysis] = cache.analyse_many([seeds[cache.DEFAULT_SEED]])
            if not isinstance(analysis, str):
                features = cache.map_features(page.signature([analysis]), (analysis,))
                webmap.build_map(features, gazetteer=gazetteer).get_root().render()
        webmap.basemap_payload(gazetteer)
        log.info("warm-up done in %.1f s", time.perf_counter() - started)
    except Exception:  # a failed warm-up costs the first visitor time, nothing else
        log.exception("warm-up failed")
