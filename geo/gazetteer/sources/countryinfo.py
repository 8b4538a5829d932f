"""``countryinfo``: a conventional point (as in the CIA Factbook) and demonyms per country."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from geo.gazetteer.sources import package_dir, read_json


def _records() -> Iterator[dict[str, Any]]:
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        yield read_json(path)


def points() -> dict[str, tuple[float, float]]:
    """(lat, lon) by ISO alpha-2."""
    out = {}
    for info in _records():
        iso = info.get("ISO") or {}
        latlng = info.get("latlng")
        if isinstance(iso, dict) and iso.get("alpha2") and isinstance(latlng, list) and len(latlng) == 2:
            out.setdefault(iso["alpha2"], (float(latlng[0]), float(latlng[1])))
    return out


def demonyms() -> Iterator[tuple[str, str, str]]:
    """(form, ISO alpha-2, country name) for every demonym countryinfo lists, in file order."""
    for info in _records():
        iso = info.get("ISO") or {}
        cc = iso.get("alpha2") if isinstance(iso, dict) else None
        if not cc:
            continue
        for form in (info.get("demonym") or "").split(","):
            if form.strip():
                yield form.strip(), cc, info.get("name") or ""
