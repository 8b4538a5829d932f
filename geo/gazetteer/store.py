"""Read access to a built gazetteer cache: queries, and the caches this instance owns.

Every cache lives on the :class:`Gazetteer` instance (none is module-level,
so an instance that is dropped is freed with its caches) and each has a bound:

========================  ====================================================
name index                8 bytes per distinct name key (740,000 keys: 5.9 MB),
                          loaded once; names it lacks never reach SQLite
known keys                at most ``4 * cache_size`` keys (80,000), LRU: the
                          index's answers for the names text asks about most
candidates by key         at most ``cache_size`` keys (default 20,000), LRU,
                          each at most 50 places and how the key names each
                          place it names (1.15 places on average, at most 155)
places by id              at most ``cache_size`` places, LRU
hierarchy by id           at most ``cache_size`` entries, LRU
demonyms, words,          read whole on first use: the size of their tables
given names               (about 540, 40,000 and 45,000 rows)
countries by code         read whole on first use (about 250 places)
city points (nearest)     three arrays of 8 bytes per city (about 5.8 MB)
========================  ====================================================

SQLite is opened read-only, one connection per thread (the page and a
thread pool may share one instance). Pickling carries only the path and the
cache bound; the unpickled copy opens the file on first use and says what to
do if it is missing there.
"""

from __future__ import annotations

import math
import sqlite3
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo.errors import GazetteerError
from geo.gazetteer.build import ATTRIBUTION, build, cache_path
from geo.gazetteer.index import NameIndex
from geo.gazetteer.names import name_key
from geo.gazetteer.packed import row_names, unpack
from geo.model import Place

#: kinds in the order the prior prefers them for the same name
KIND_RANK = {"country": 0, "continent": 1, "region": 2, "admin1": 3, "admin2": 4, "city": 5, "airport": 6}

#: places returned by :meth:`Gazetteer.candidates_by_key` (Springfield has 34)
CANDIDATE_LIMIT = 50
DEFAULT_CACHE_SIZE = 20_000

#: every place a key names, in the order of its (key, geonameid) primary key; ranked in Python (see
#: :meth:`Gazetteer._query_candidates`)
_NAMED_SQL = "SELECT p.*, n.quality FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ?"

#: the small tables read whole (see :meth:`Gazetteer._table`), at open: a recogniser reads them all
#: in its first document, which would otherwise wait for them
TABLES = ("demonyms", "zipf", "dictionary_words", "given_names", "countries")


def _rank_key(row: tuple) -> tuple[int, int]:
    """The order of a key's places: by kind (:data:`KIND_RANK`), then the more populous first."""
    return KIND_RANK.get(row[4], 6), -(row[9] or 0)


def _place(row: tuple) -> Place:
    # the short strings repeat across thousands of places (kind, codes, division names): one copy
    # each instead of one per cached place roughly halves what the candidate cache holds
    intern = sys.intern
    return Place(row[0], row[1], row[2], row[3], intern(row[4]), intern(row[5]), intern(row[6]), intern(row[7]),
                 intern(row[8]), row[9], intern(row[10] or ""))


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """The ids of the areas a place lies in (None where it has none or the sources don't say)."""

    country: int | None
    admin1: int | None
    admin2: int | None
    point_source: str = ""  # where a derived point came from; "" for a point a source gives

    def ids(self) -> tuple[int, ...]:
        return tuple(i for i in (self.country, self.admin1, self.admin2) if i is not None)


class Gazetteer:
    """Read access to the cached gazetteer. Build or load with :meth:`load`.

    Parameters
    ----------
    path
        A cache file written by :func:`geo.gazetteer.build.build`.
    cache_size
        The bound of each LRU cache (candidates by key, places by id); see the
        module docstring for every cache and its size.
    """

    def __init__(self, path: Path, *, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self.path = Path(path)
        self.cache_size = cache_size
        self._local = threading.local()
        self._lock = threading.Lock()
        self._index: NameIndex | None = None
        self._tables: dict[str, Any] = {}
        self._cities: tuple[Any, Any, Any] | None = None
        self._known = lru_cache(maxsize=4 * cache_size)(self._in_index)
        self._candidates_cached = lru_cache(maxsize=cache_size)(self._query_candidates)
        self._get_cached = lru_cache(maxsize=cache_size)(self._query_place)
        self._hierarchy_cached = lru_cache(maxsize=cache_size)(self._query_hierarchy)

    @classmethod
    def load(cls, cache_dir: Path | None = None, *, rebuild: bool = False,
             cache_size: int = DEFAULT_CACHE_SIZE) -> Gazetteer:
        """Open the cache, building it first if it is missing (or ``rebuild``)."""
        path = cache_path(cache_dir)
        if rebuild or not path.exists():
            try:
                build(path)
            except (OSError, sqlite3.Error, KeyError, ValueError) as exc:
                raise GazetteerError(f"Could not build the gazetteer cache at {path}: {exc}") from exc
        return cls.open(path, cache_size=cache_size)

    @classmethod
    def open(cls, path: Path, *, cache_size: int = DEFAULT_CACHE_SIZE) -> Gazetteer:
        """Open an existing cache file and check that it is one (no build)."""
        gaz = cls(path, cache_size=cache_size)
        try:
            gaz._con.execute("SELECT v FROM meta WHERE k='build_version'").fetchone()
            gaz._name_index()
            for table in TABLES:  # read once now, not in the middle of the first document
                gaz._table(table)
        except sqlite3.Error as exc:
            raise GazetteerError(f"The gazetteer cache {path} is unreadable ({exc}); "
                                 f"load it with rebuild=True.") from exc
        return gaz

    # -- connections and lazily read tables -------------------------------------------

    @property
    def _con(self) -> sqlite3.Connection:
        # one read-only connection per thread (Streamlit serves from several)
        con = getattr(self._local, "con", None)
        if con is None:
            if not self.path.exists():
                raise GazetteerError(
                    f"The gazetteer cache {self.path} does not exist on this machine (a Gazetteer "
                    f"pickled elsewhere carries only its path). Build it here with "
                    f"`python -m geo gazetteer` or Gazetteer.load(), then pass that instance.")
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _name_index(self) -> NameIndex:
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    row = self._con.execute("SELECT hashes FROM name_index").fetchone()
                    self._index = NameIndex.from_bytes(row[0] if row else b"")
                index = self._index
        return index

    def _in_index(self, key: str) -> bool:
        return key in self._name_index()

    def _table(self, name: str) -> Any:
        """A small table read whole, once (demonyms, words, given names, countries)."""
        table = self._tables.get(name)
        if table is None:
            with self._lock:
                table = self._tables.get(name)
                if table is None:
                    table = self._tables[name] = self._read_table(name)
        return table

    def _read_table(self, name: str) -> Any:
        if name == "countries":
            return {p.country_code: p for p in self.countries()}
        # zipf: {key: Zipf frequency}; demonyms: {key: geonameid}; word lists: frozensets
        return unpack(name, self._packed_rows(name))

    def _packed_rows(self, name: str) -> dict[str, bytes]:
        names = row_names(name)
        rows = dict(self._con.execute(f"SELECT name, data FROM packed WHERE name IN ({','.join('?' * len(names))})",
                                      names))
        if len(rows) != len(names):
            raise KeyError(name)
        return rows

    def _query_candidates(self, key: str) -> tuple[tuple[Place, ...], dict[int, str]]:
        """A key's candidates and how the key names each place it names (one query for what
        :meth:`name_quality` would ask again).

        Ranked here, not by the query's ORDER BY: SQLite sorts through a temporary B-tree per
        query, a quarter of the query's cost, where Python sorts a few rows. The sort is stable
        over the primary key's order, as SQLite's sorter was: the same candidates in the same order.
        """
        rows = self._ranked_rows(key)
        return tuple(_place(r) for r in rows[:CANDIDATE_LIMIT]), {r[0]: r[-1] for r in rows}

    def _ranked_rows(self, key: str) -> list[tuple]:
        rows = self._con.execute(_NAMED_SQL, (key,)).fetchall()
        rows.sort(key=_rank_key)
        return rows

    def _query_place(self, geonameid: int) -> Place | None:
        row = self._con.execute("SELECT * FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        return None if row is None else _place(row)

    def _query_hierarchy(self, geonameid: int) -> Hierarchy:
        row = self._con.execute("SELECT country_id, admin1_id, admin2_id, point_source FROM hierarchy "
                                "WHERE geonameid = ?", (geonameid,)).fetchone()
        if row is None:
            return Hierarchy(None, None, None)
        return Hierarchy(row[0] or None, row[1] or None, row[2] or None, row[3] or "")

    def cache_info(self) -> dict[str, int]:
        """How full each cache is (entries), for tests and the benchmark."""
        return {"candidates": self._candidates_cached.cache_info().currsize,
                "known_keys": self._known.cache_info().currsize,
                "places": self._get_cached.cache_info().currsize, "bound": self.cache_size,
                "name_index_bytes": self._index.nbytes if self._index is not None else 0}

    # -- lookups ------------------------------------------------------------------------

    @property
    def attribution(self) -> str:
        return ATTRIBUTION

    def meta(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT k, v FROM meta"))

    def get(self, geonameid: int) -> Place | None:
        return self._get_cached(geonameid)

    def candidates(self, name: str, *, limit: int = CANDIDATE_LIMIT) -> list[Place]:
        """Places known by this name, countries and big places first."""
        key = name_key(name)
        if not self._known(key):
            return []
        if limit <= CANDIDATE_LIMIT:
            return list(self._candidates_cached(key)[0][:limit])
        return [_place(r) for r in self._ranked_rows(key)[:limit]]  # the same ranking, past the cache's cut

    def candidates_by_key(self, key: str) -> tuple[Place, ...]:
        """Places known by a name key (see :func:`name_key`), at most 50, best first."""
        if not self._known(key):
            return ()
        return self._candidates_cached(key)[0]

    def has_key(self, key: str) -> bool:
        """Whether any place is known by this name key (answered in memory)."""
        return self._known(key)

    def hierarchy(self, geonameid: int) -> Hierarchy:
        """The country, first- and second-level division a place lies in (ids), and its point's source.

        A country's ``country`` is itself, a division's own level is itself, so
        ``hierarchy(Harris County).admin2`` is Harris County's id.
        """
        return self._hierarchy_cached(geonameid)

    def contains(self, outer: Place | int, inner: Place | int) -> bool:
        """Whether ``inner`` lies inside ``outer`` (a different place).

        Countries and divisions by the hierarchy's ids (a country also by the
        country code); the project's named regions, and countries for places
        without a country code, by their shape covering the inner place's
        point. Continents have no shape in the cache: they contain nothing here.
        """
        outer_place = self.get(outer) if isinstance(outer, int) else outer
        inner_place = self.get(inner) if isinstance(inner, int) else inner
        if outer_place is None or inner_place is None or outer_place.geonameid == inner_place.geonameid:
            return False
        if outer_place.kind in ("country", "admin1", "admin2"):
            if outer_place.geonameid in self.hierarchy(inner_place.geonameid).ids():
                return True
            if outer_place.kind != "country":
                return False
            if inner_place.country_code:
                return inner_place.country_code == outer_place.country_code
        if outer_place.kind in ("region", "country"):
            import shapely

            shape = self.area(outer_place.geonameid)
            return shape is not None and shape.covers(shapely.Point(inner_place.lon, inner_place.lat))
        return False

    def town_points(self, area: Place) -> list[tuple[float, float]]:
        """(lat, lon) of every town inside a country or division (by the hierarchy; empty for other
        places). One scan of the hierarchy per call, a few tens of milliseconds: for the rare
        question, not for every mention."""
        column = {"admin1": "admin1_id", "admin2": "admin2_id", "country": "country_id"}.get(area.kind)
        if column is None:
            return []
        return self._con.execute(f"SELECT p.lat, p.lon FROM hierarchy h JOIN places p USING (geonameid) "
                                 f"WHERE h.{column} = ? AND p.kind = 'city'", (area.geonameid,)).fetchall()

    def name_quality(self, key: str, geonameid: int) -> str:
        """How a name key names a place: "main" (its own name), "english" (an English or official
        form: "Ivory Coast", "Harris County", "Heathrow Airport"), "alternate" (any other
        name the sources list), "code" (IATA/ICAO codes, postal abbreviations); "" if it doesn't."""
        return self._candidates_cached(key)[1].get(geonameid, "") if self._known(key) else ""

    def demonym(self, form: str) -> Place | None:
        """The place a demonym names ("Malians" -> Mali), or None."""
        return self.demonym_by_key(name_key(form))

    def demonym_by_key(self, key: str) -> Place | None:
        """:meth:`demonym` of a form already turned into its name key."""
        gid = self._table("demonyms").get(key)
        return None if gid is None else self.get(gid)

    def word_zipf(self, key: str) -> float:
        """How common a lower-cased word is in English (Zipf scale, 0 if rare)."""
        return self._table("zipf").get(key, 0.0)

    def is_dictionary_word(self, key: str) -> bool:
        """Whether a lower-cased word is an ordinary English word ("state", "reading")."""
        return key in self._table("dictionary_words")

    def is_given_name(self, token: str) -> bool:
        return token in self._table("given_names")

    def area(self, geonameid: int) -> Any | None:
        """The shapely geometry of a country or region, None for other places."""
        import shapely

        row = self._con.execute("SELECT wkb FROM shapes WHERE geonameid=?", (geonameid,)).fetchone()
        return None if row is None else shapely.from_wkb(row[0])

    def search(self, text: str, *, limit: int = 20) -> list[Place]:
        """Places whose name starts with ``text``, most populous first (for pickers)."""
        key = name_key(text)
        if not key:
            return []
        rows = self._con.execute(
            "SELECT DISTINCT p.* FROM names n JOIN places p ON p.geonameid = n.geonameid "
            "WHERE n.key >= ? AND n.key < ? ORDER BY p.population DESC LIMIT 500",
            (key, key + "\uffff")).fetchall()
        places = [_place(r) for r in rows]
        # the name itself before an alias, areas before towns, then the bigger place
        places.sort(key=lambda p: (name_key(p.name) != key, not name_key(p.name).startswith(key),
                                   KIND_RANK[p.kind] if p.kind != "city" or p.population < 10**6 else 0,
                                   -p.population))
        return places[:limit]

    def nearest(self, lat: float, lon: float, *, count: int = 1) -> list[tuple[Place, float]]:
        """The ``count`` cities nearest to a point, with their distance in km."""
        import numpy as np

        if self._cities is None:
            rows = self._con.execute("SELECT geonameid, lat, lon FROM places WHERE kind='city'").fetchall()
            arr = np.array(rows, dtype="float64")
            self._cities = (arr[:, 0].astype("int64"), np.radians(arr[:, 1]), np.radians(arr[:, 2]))
        ids, lats, lons = self._cities
        la, lo = math.radians(lat), math.radians(lon)
        h = np.sin((lats - la) / 2) ** 2 + np.cos(la) * np.cos(lats) * np.sin((lons - lo) / 2) ** 2
        dist = 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        order = np.argsort(dist)[:count]
        out = []
        for i in order:
            place = self.get(int(ids[i]))
            if place is not None:
                out.append((place, float(dist[i])))
        return out

    def countries(self) -> list[Place]:
        """Every country, by name (one query, not one per country)."""
        ids = unpack("countries", self._packed_rows("countries"))
        found = {r[0]: _place(r) for r in self._con.execute(
            f"SELECT * FROM places WHERE geonameid IN ({','.join('?' * len(ids))})", ids)}
        return [found[gid] for gid in ids if gid in found]

    def country(self, code: str) -> Place | None:
        return self._table("countries").get(code.upper())

    def __len__(self) -> int:
        return self._con.execute("SELECT COUNT(*) FROM places").fetchone()[0]

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    # pickling (Streamlit, multiprocessing) carries only the path and the cache bound
    def __getstate__(self) -> dict[str, Any]:
        return {"path": str(self.path), "cache_size": self.cache_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(Path(state["path"]), cache_size=state.get("cache_size", DEFAULT_CACHE_SIZE))  # type: ignore[misc]
