"""Airports as places of their own kind (``airport``), from ``airportsdata``.

Only airports with an IATA code (about 7,900: those with scheduled
passenger traffic), so that news names ("Heathrow", "JFK", "Ben Gurion
airport") find the airport and not the Florida town. Names:

* the full name ("London Heathrow Airport") -- main;
* the name without the city and without "International" / "Airport":
  the core ("Heathrow", "Ben Gurion", "John F Kennedy"), which is stored
  as "<core> Airport", "<core> airport", "<core> International Airport";
  the bare core only when it is one word, not a given name, not an
  ordinary (lower-case dictionary) English word, not the name of a country,
  region or division and not the name of a town of 10,000 people or more
  ("Heathrow" -- the Florida town has 6,000 --, "Schiphol", but neither
  "Kennedy" nor "Liberty"), because a bare person, word or town name would
  turn people, words and towns into airports;
* the IATA and ICAO codes ("JFK", "EGLL") -- codes, only where the code's
  key names no other place and is no dictionary word (or names only the
  cities of 500,000 people or more within HUB_KM that GeoNames gives the
  code as an alternate name:
  "LAX", "SFO" for Los Angeles and San Francisco): keys fold case, so
  "GAO" (Guantánamo's airport) would otherwise become a namesake of the town
  of Gao, and "SEA" or "MAN" candidates for ordinary words; the same IATA
  code before "airport" ("JFK airport", "LAX Airport") is an English name.
  Codes only for airports within HUB_KM of a city of CODE_CITY_POPULATION people or more:
  news writes a bare code for a hub ("JFK", "LHR"), never for an airstrip,
  and the codes of 7,900 airstrips are 7,900 acronyms in waiting ("MSF").

Ids: airports have no GeoNames id; each gets ``-(10_000_000 + int(ICAO, 36))``,
stable across builds and apart from the project's regions (-1 to -99).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from geo.gazetteer.names import name_key
from geo.gazetteer.places import Row, Sources
from geo.gazetteer.sources import airportsdata
from geo.model import Place

AIRPORT_ID_BASE = 10_000_000
#: a city of this many people must lie within HUB_KM of the airport for its codes to be its names
CODE_CITY_POPULATION = 100_000
HUB_KM = 40.0
#: a city that GeoNames gives an airport's code as an alternate name shares the code with the airport
#: where it has this many people ("LAX": Los Angeles; see ``code_towns``)
CODE_SHARING_POPULATION = 500_000


def _km(lat: float, lon: float, lat2: float, lon2: float) -> float:
    """Distance in km on the equirectangular projection (exact enough within HUB_KM)."""
    dlon = (lon2 - lon + 180) % 360 - 180
    return 111.2 * math.hypot(lat2 - lat, dlon * math.cos(math.radians((lat + lat2) / 2)))


def _hub_finder(src: Sources) -> Callable[[float, float], bool]:
    """A test of whether a point lies within HUB_KM of a city of CODE_CITY_POPULATION people (1° cells)."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for c in src.cities.values():
        if int(c["population"] or 0) >= CODE_CITY_POPULATION:
            lat, lon = float(c["latitude"]), float(c["longitude"])
            cells.setdefault((math.floor(lat), math.floor(lon)), []).append((lat, lon))

    def near(lat: float, lon: float) -> bool:
        cell = (math.floor(lat), math.floor(lon))
        return any(_km(lat, lon, *city) <= HUB_KM
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                   for city in cells.get((cell[0] + dy, (cell[1] + dx + 180) % 360 - 180), ()))
    return near


_GENERIC = re.compile(r"\b(?:International|Intl|Regional|Municipal|National|Airport|Airfield|Air Base|"
                      r"Aerodrome|Airpark)\b\.?", re.IGNORECASE)


def airport_id(icao: str, iata: str) -> int:
    code = icao if icao and icao.isalnum() else f"ZZ{iata}"
    return -(AIRPORT_ID_BASE + int(code, 36))


def airport_core(name: str, city: str) -> str:
    """ "London Heathrow Airport" -> "Heathrow"; "" where nothing is left but the city."""
    core = _GENERIC.sub(" ", name)
    if city:
        core = re.sub(rf"^{re.escape(city)}\b[-–\s]*", "", core.strip())
    return " ".join(core.replace("–", " ").split()).strip(" -/,")


def airport_rows(src: Sources, *, taken_keys: set[str], town_keys: set[str] | None = None,
                 given_names: frozenset[str] | None = None, area_keys: set[str] = frozenset(),
                 code_towns: dict[str, list[tuple[float, float] | None]] | None = None) -> list[Row]:
    """Airport places; ``taken_keys`` are the name keys of every other place (codes avoid them),
    ``area_keys`` those of countries, regions and divisions (a bare core never takes one: "Bali"
    is the island, not a Cameroonian airport whose name holds the word). ``code_towns``: for the
    short keys of other places, the point of each that is a town knowing the key only as an
    alternate name (None for any other): a code whose every other place is such a town within
    HUB_KM is the airport's too ("LAX" is an alternate name of Los Angeles in GeoNames, given it
    for its airport; "ORD" stays the Nebraska town's own name)."""
    code_towns = code_towns or {}

    def served(code: str, lat: float, lon: float) -> bool:
        points = code_towns.get(name_key(code), ())
        return bool(points) and all(p is not None and _km(lat, lon, *p) <= HUB_KM for p in points)

    from geo.gazetteer.sources import words

    if town_keys is None:  # towns big enough that news naming them means the town
        town_keys = {name_key(c["name"]) for c in src.cities.values() if int(c["population"] or 0) >= 10_000}
    if given_names is None:
        given_names = words.given_names()
    cores = {}
    for a in airportsdata.airports():
        cores[a["iata"]] = airport_core(a["name"], a.get("city") or "")
    dictionary = words.dictionary_words()
    near_hub = _hub_finder(src)
    admin1_by_name = {(code.split(".")[0], name_key(n)): (src.admin1_by_code[code], n)
                      for code, n in src.admin1_names.items() if code in src.admin1_by_code}
    rows = []
    for a in airportsdata.airports():
        cc, core = a["country"], cores[a["iata"]]
        names, english = {a["name"]}, set()
        if core and name_key(core) != name_key(a.get("city") or ""):
            english |= {f"{core} Airport", f"{core} airport", f"{core} International Airport",
                        f"{core} international airport"}
            if " " not in core and core not in given_names and name_key(core) not in town_keys \
                    and name_key(core) not in dictionary and name_key(core) not in area_keys:
                english.add(core)
        lat, lon = float(a["lat"]), float(a["lon"])
        hub = near_hub(lat, lon)
        codes = {c for c in (a["iata"], a.get("icao") or "") if hub and c and (
            name_key(c) not in taken_keys and name_key(c) not in dictionary or served(c, lat, lon))}
        if a["iata"] in codes:  # news names an airport by its code and the noun: "JFK airport"
            english |= {f"{a['iata']} Airport", f"{a['iata']} airport", f"{a['iata']} International Airport"}
        # the division under its GeoNames name where airportsdata's name matches one
        admin1_id, admin1 = admin1_by_name.get((cc, name_key(a.get("subd") or "")), (0, a.get("subd") or ""))
        place = Place(airport_id(a.get("icao") or "", a["iata"]), a["name"], float(a["lat"]), float(a["lon"]),
                      "airport", "S", "AIRP", cc, admin1, 0)
        rows.append(Row(place, frozenset(names | english | codes), english=frozenset(english),
                        codes=frozenset(codes), parents=(src.country_ids.get(cc, 0), admin1_id, 0)))
    return rows
