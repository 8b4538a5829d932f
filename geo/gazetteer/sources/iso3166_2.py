"""``iso3166-2``: approximate points of first- and second-level divisions, by ISO 3166-2 code."""

from __future__ import annotations

from geo.gazetteer.sources import package_dir, read_json


def points() -> dict[str, tuple[float, float]]:
    """(lat, lon) by ISO 3166-2 code, for the divisions that have one."""
    out = {}
    for subs in read_json(package_dir("iso3166_2") / "iso3166-2.json").values():
        for code, sub in subs.items():
            if sub.get("latLng"):
                out[code] = tuple(sub["latLng"])
    return out
