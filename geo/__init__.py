"""geo-news: places and events in English news, offline.

The public face of the library::

    from geo import Geoparser, load_gazetteer

    gazetteer = load_gazetteer()                  # builds the cache on first use
    analysis = Geoparser(gazetteer).analyse(text)
    analysis.__geo_interface__                    # the resolved places, for folium/geopandas

Names are imported on first use, so ``import geo`` stays cheap (the command
line starts without loading pandas or folium).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = ("Analysis", "Doc", "Event", "GeoError", "Geoparser", "Place", "Toponym", "build_layers",
           "build_map", "load_gazetteer", "make_doc", "write_layers")

_EXPORTS = {
    "Analysis": "geo.model", "Event": "geo.model", "Place": "geo.model", "Toponym": "geo.model",
    "Doc": "geo.doc", "make_doc": "geo.doc",
    "GeoError": "geo.errors",
    "Geoparser": "geo.pipeline",
    "build_layers": "geo.layers", "write_layers": "geo.export", "build_map": "geo.webmap",
}

if TYPE_CHECKING:
    from geo.doc import Doc, make_doc
    from geo.errors import GeoError
    from geo.export import write_layers
    from geo.gazetteer import Gazetteer
    from geo.layers import build_layers
    from geo.model import Analysis, Event, Place, Toponym
    from geo.pipeline import Geoparser
    from geo.webmap import build_map


def load_gazetteer(cache_dir: Any = None, *, rebuild: bool = False) -> Gazetteer:
    """The offline gazetteer, built from the pinned packages on first use, then opened from its cache."""
    from geo.gazetteer import Gazetteer

    return Gazetteer.load(cache_dir, rebuild=rebuild)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
