"""``airportsdata``: airports with IATA and ICAO codes, names, city, division and point
(MIT licence; compiled from public sources by its maintainers)."""

from __future__ import annotations

from typing import Any


def airports() -> list[dict[str, Any]]:
    """Airports that have an IATA code (the ones with scheduled passenger traffic), by ICAO order."""
    import airportsdata

    return sorted(airportsdata.load("IATA").values(), key=lambda a: (a.get("icao") or "", a["iata"]))
