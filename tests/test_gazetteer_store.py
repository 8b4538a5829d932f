"""The gazetteer store on the small fixture gazetteer: lookups, bounded caches owned by the
instance, pickling, threads and the in-memory name index."""

from __future__ import annotations

import gc
import pickle
import shutil
import sqlite3
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor

import pytest

from geo.errors import GazetteerError
from geo.gazetteer import Gazetteer, name_key
from geo.gazetteer.index import NameIndex, key_hash


def test_candidates_are_ordered_by_kind_then_population(small_gazetteer):
    paris = small_gazetteer.candidates("Paris")
    assert [p.country_code for p in paris] == ["FR", "US"]
    assert [p.kind for p in small_gazetteer.candidates("Tombouctou")] == ["admin1", "city"]
    assert small_gazetteer.candidates_by_key("u.s.") == ()  # keys are already normalised
    assert small_gazetteer.candidates_by_key(name_key("U.S."))[0].kind == "country"


def test_words_given_names_and_demonyms(small_gazetteer):
    assert small_gazetteer.is_dictionary_word("reading") and not small_gazetteer.is_dictionary_word("paris")
    assert small_gazetteer.word_zipf("london") == 5.0 and small_gazetteer.word_zipf("zzz") == 0.0
    assert small_gazetteer.is_given_name("Sydney") and not small_gazetteer.is_given_name("Gao")
    assert small_gazetteer.demonym("Malians").name == "Mali"
    assert small_gazetteer.demonym("Martian") is None
    assert small_gazetteer.country("ml").name == "Mali"


def test_unknown_names_never_reach_sqlite(small_gazetteer):
    gaz = Gazetteer.open(small_gazetteer.path)
    gaz.has_key("mali")  # opens the connection and loads the index
    statements: list[str] = []
    gaz._con.set_trace_callback(statements.append)
    assert not gaz.has_key("tuesday") and gaz.candidates_by_key("prime minister") == ()
    assert gaz.candidates("Nowhere Land") == []
    assert statements == []
    assert gaz.candidates_by_key("gao") and len(statements) == 1
    gaz.candidates_by_key("gao")
    assert len(statements) == 1  # the second lookup is served by the instance's cache


def test_name_index_membership():
    index = NameIndex.from_keys(["mali", "gao", "mali"])
    assert len(index) == 2 and "mali" in index and "bamako" not in index
    assert NameIndex.from_bytes(index.to_bytes()).nbytes == 16
    assert key_hash("mali") == key_hash("mali") != key_hash("gao")


def test_caches_are_bounded_and_owned_by_the_instance(small_gazetteer):
    gaz = Gazetteer.open(small_gazetteer.path, cache_size=3)
    for name in ("Paris", "London", "Gao", "Accra", "Bamako", "Sydney", "Reading"):
        gaz.candidates(name)
    for gid in (2453866, 2300660, 3017382, 2449067, 2460596):
        gaz.get(gid)
    info = gaz.cache_info()
    assert info["candidates"] == 3 and info["places"] == 3 and info["bound"] == 3
    for n in range(40):
        gaz.has_key(f"no such place {n}")
    assert gaz.cache_info()["known_keys"] == 12  # four times the bound
    ref = weakref.ref(gaz)
    del gaz
    gc.collect()
    assert ref() is None  # no module-level cache keeps a dropped instance alive


def test_pickle_is_small_and_reopens_read_only(small_gazetteer):
    data = pickle.dumps(small_gazetteer)
    assert len(data) < 400
    copy = pickle.loads(data)
    assert copy.candidates("Timbuktu")[0].geonameid == 2449067
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        copy._con.execute("DELETE FROM places")


def test_unpickled_on_a_machine_without_the_cache(small_gazetteer, tmp_path):
    moved = tmp_path / "gone.sqlite"
    shutil.copy(small_gazetteer.path, moved)
    data = pickle.dumps(Gazetteer(moved))
    moved.unlink()
    copy = pickle.loads(data)  # unpickling itself touches no file
    with pytest.raises(GazetteerError, match=r"gone\.sqlite does not exist.*python -m geo gazetteer"):
        copy.candidates("Gao")


def test_threads_share_one_instance_with_a_connection_each(small_gazetteer):
    gaz = Gazetteer.open(small_gazetteer.path)
    names = ["Paris", "Springfield", "Newcastle", "Reading", "Gao", "Sahel", "Texas"] * 20
    serial = [gaz.candidates(n) for n in names]
    fresh = Gazetteer.open(small_gazetteer.path)
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(fresh.candidates, names))
    barrier = threading.Barrier(4)

    def connection(_: int) -> int:
        barrier.wait()  # four threads at once, so each opens its own
        return id(fresh._con)

    with ThreadPoolExecutor(max_workers=4) as pool:
        connections = set(pool.map(connection, range(4)))
    assert parallel == serial
    assert len(connections) == 4


def test_missing_or_unreadable_file_is_a_gazetteer_error(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        Gazetteer.open(tmp_path / "nothing.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all")
    with pytest.raises(GazetteerError, match="rebuild=True"):
        Gazetteer.open(bad)


def test_hierarchy_and_containment(small_gazetteer):
    gaz = small_gazetteer
    houston, texas, harris = gaz.get(4699066), gaz.get(4736286), gaz.get(4696376)
    assert houston.admin2 == "Harris County"
    assert gaz.hierarchy(houston.geonameid).ids() == (6252001, 4736286, 4696376)
    assert gaz.contains(texas, houston) and gaz.contains(harris, houston) and gaz.contains(6252001, houston)
    assert not gaz.contains(houston, texas) and not gaz.contains(texas, texas)
    assert not gaz.contains(gaz.get(4896861), houston)  # Illinois does not contain Houston
    assert gaz.contains(-1, gaz.get(2449067))  # the Sahel's shape covers Timbuktu
    assert not gaz.contains(-1, gaz.get(2988507))
    assert gaz.hierarchy(harris.geonameid).point_source == "mean of 3 member towns"
    assert gaz.hierarchy(999).ids() == ()


def test_counties_are_kept_apart_from_towns(small_gazetteer):
    assert [p.kind for p in small_gazetteer.candidates("Harris Co.")] == ["admin2"]
    assert small_gazetteer.candidates("Harris") == []


def test_airports_and_name_quality(small_gazetteer):
    gaz = small_gazetteer
    heathrow = gaz.candidates("Heathrow")
    assert [p.kind for p in heathrow] == ["city", "airport"]  # kinds rank; the resolver weighs them
    airport = heathrow[1]
    assert not airport.is_area and airport.country_code == "GB"
    assert gaz.name_quality("london heathrow airport", airport.geonameid) == "main"
    assert gaz.name_quality("heathrow airport", airport.geonameid) == "english"
    assert gaz.name_quality("lhr", airport.geonameid) == "code"
    assert gaz.name_quality("paname", 2988507) == "alternate"
    assert gaz.name_quality("paname", 2643743) == ""


def test_town_points_of_a_division_and_the_share_near_its_point(small_gazetteer):
    from geo.resolve.address import near_share

    texas, harris = small_gazetteer.get(4736286), small_gazetteer.get(4696376)
    assert sorted(small_gazetteer.town_points(texas)) == [(29.76, -95.36), (33.66, -95.56)]  # Houston, Paris
    assert small_gazetteer.town_points(harris) == [(29.76, -95.36)]
    assert small_gazetteer.town_points(small_gazetteer.get(4699066)) == []  # a town holds no towns
    # Texas' point is 400 km from both its towns; Harris County's is beside Houston
    shares = [near_share(small_gazetteer.town_points(area), area) for area in (texas, harris)]
    assert shares == [0.0, 1.0]
