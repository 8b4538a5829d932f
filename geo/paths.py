"""Where the project keeps its files: the cache (rebuildable) and the data folder (the user's work).

* cache: ``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo-news``, else
  ``~/.cache/geo-news`` -- the gazetteer and the online geocoder's answers;
  deleting it costs a rebuild, nothing more.
* data: ``$GEO_DATA_DIR``, else ``$XDG_DATA_HOME/geo-news``, else
  ``~/.local/share/geo-news`` -- saved corrections; never deleted by the project.

Both are read from the environment on every call, so a test or a worker can
point them elsewhere without reloading anything.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "geo-news"


def cache_dir() -> Path:
    """The cache folder (``$GEO_CACHE_DIR`` or the XDG cache folder)."""
    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / APP_DIR_NAME


def data_dir() -> Path:
    """The user data folder (``$GEO_DATA_DIR`` or the XDG data folder)."""
    env = os.environ.get("GEO_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME
