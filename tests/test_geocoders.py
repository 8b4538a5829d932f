"""The geopy contract of the offline gazetteer, and the optional online path with fake transports.

No test here touches the network: online geocoders are either fakes or
geopy's own Nominatim driven through a fake adapter.
"""

from __future__ import annotations

import json
import sqlite3
import time
import warnings

import geopy.exc
import pytest
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import GeocoderUnavailable, GeoError
from geo.gazetteer import Gazetteer
from geo.geocoders import (
    FallbackGeocoder,
    GeocodeCache,
    GeocoderConfigurationError,
    GeocoderQueryError,
    OfflineGazetteer,
    OnlineGeocoderWarning,
    online_geocoder,
    parse_place,
)
from geo.geocoders.offline import relevance
from geo.geocoders.online import location_from_record, location_to_record
from geo.model import Place

MALI, TIMBUKTU, GAO, ACCRA, PARIS = 2453866, 2449067, 2457163, 2306104, 2988507


@pytest.fixture(scope="module")
def offline(gazetteer: Gazetteer) -> OfflineGazetteer:
    return OfflineGazetteer(gazetteer)


# --------------------------------------------------------------------------- pure parsing

TIMBUKTU_RECORD = Place(TIMBUKTU, "Timbuktu", 16.77348, -3.00742, "city", "P", "PPLA", "ML", "Tombouctou", 32460)


def test_parse_place_keeps_the_record_in_raw():
    location = parse_place(TIMBUKTU_RECORD, country="Mali")
    assert isinstance(location, Location)
    assert (location.latitude, location.longitude) == (16.77348, -3.00742)
    assert location.address == "Timbuktu, Tombouctou, Mali"
    raw = location.raw
    assert raw["geonameid"] == TIMBUKTU
    assert (raw["feature_class"], raw["feature_code"], raw["country_code"]) == ("P", "PPLA", "ML")
    assert (raw["admin1"], raw["population"], raw["kind"]) == ("Tombouctou", 32460, "city")
    assert raw["source"] == "geonames"
    assert "distance_km" not in raw


def test_parse_place_of_a_country_and_of_a_project_region():
    mali = parse_place(Place(MALI, "Mali", 17.3, -3.5, "country", "A", "PCLI", "ML", "", 19_000_000))
    assert mali.address == "Mali" and mali.raw["country"] == "Mali"
    sahel = parse_place(Place(-1, "Sahel", 15.6, 11.1, "region", "L", "RGN"), distance_km=12.3456)
    assert sahel.raw["source"] == "project" and sahel.raw["distance_km"] == 12.346


def test_relevance_prefers_primary_names_and_big_places():
    city = Place(1, "Gao", 16.3, -0.04, "city", "P", "PPLA", "ML", "Gao", 133_000)
    alias = Place(2, "Guantánamo", 20.1, -75.2, "city", "P", "PPLA", "CU", "Guantánamo", 270_000)
    assert relevance(city, "gao") > relevance(alias, "gao")
    country = Place(3, "Georgia", 42.0, 43.5, "country", "A", "PCLI", "GE", "", 3_700_000)
    state = Place(4, "Georgia", 32.7, -83.4, "admin1", "A", "ADM1", "US", "Georgia", 0)
    assert relevance(country, "georgia") > relevance(state, "georgia")


def test_cache_record_round_trip():
    location = parse_place(TIMBUKTU_RECORD, country="Mali", distance_km=1.5)
    back = location_from_record(json.loads(json.dumps(location_to_record(location))))
    assert back == location and back.raw == location.raw


# --------------------------------------------------------------------------- offline geopy contract

def test_constructor_loads_nothing(tmp_path):
    geocoder = OfflineGazetteer(cache_dir=tmp_path / "never-built")
    assert geocoder._gazetteer is None
    assert not (tmp_path / "never-built").exists()


def test_lazy_gazetteer_loads_on_first_use(gazetteer):
    geocoder = OfflineGazetteer(cache_dir=gazetteer.path.parent)
    assert geocoder.geocode("Timbuktu").raw["geonameid"] == TIMBUKTU
    assert geocoder._gazetteer is not None


def test_geocode_returns_a_location_with_the_record(offline):
    location = offline.geocode("Timbuktu")
    assert isinstance(location, Location)
    assert location.raw["geonameid"] == TIMBUKTU
    assert abs(location.latitude - 16.77) < 0.1 and abs(location.longitude + 3.0) < 0.1
    assert "Mali" in location.address
    assert {"geonameid", "feature_class", "feature_code", "country_code", "admin1",
            "population", "kind"} <= set(location.raw)


def test_countries_win_over_homonyms(offline):
    assert offline.geocode("Mali").raw["geonameid"] == MALI
    assert offline.geocode("Niger").raw["feature_code"] == "PCLI"
    assert offline.geocode("Georgia").raw["country_code"] == "GE"
    assert offline.geocode("Ivory Coast").raw["country_code"] == "CI"


def test_no_match_is_none(offline):
    assert offline.geocode("Qwxzyville") is None
    assert offline.geocode("   ") is None
    assert offline.geocode("Qwxzyville", exactly_one=False) == []


def test_exactly_one_false_returns_a_ranked_list(offline):
    locations = offline.geocode("Paris", exactly_one=False)
    assert isinstance(locations, list) and len(locations) > 3
    assert all(isinstance(loc, Location) for loc in locations)
    assert locations[0].raw["geonameid"] == PARIS
    assert len(offline.geocode("Paris", exactly_one=False, limit=2)) == 2


def test_country_codes_filter(offline):
    texan = offline.geocode("Paris", country_codes=["us"])
    assert texan.raw["country_code"] == "US" and texan.raw["geonameid"] != PARIS
    assert all(loc.raw["country_code"] in ("US", "CA")
               for loc in offline.geocode("Paris", exactly_one=False, country_codes=("US", "CA")))
    assert offline.geocode("Timbuktu", country_codes="GH") is None


def test_feature_classes_filter(offline):
    assert offline.geocode("Kidal", feature_classes="A").raw["feature_code"] == "ADM1"
    assert offline.geocode("Kidal", feature_classes=["P"]).raw["kind"] == "city"
    assert offline.geocode("Mali", feature_classes="A").raw["geonameid"] == MALI
    assert offline.geocode("the Sahel", feature_classes="L").raw["kind"] == "region"


def test_bad_filters_say_what_arrived(offline):
    with pytest.raises(GeocoderQueryError, match="'XX'"):
        offline.geocode("Mali", feature_classes="XX")
    with pytest.raises(ValueError, match="USA"):  # also a ValueError and a geopy error
        offline.geocode("Mali", country_codes="USA")
    with pytest.raises(geopy.exc.GeocoderQueryError):
        offline.geocode(42)  # type: ignore[arg-type]


def test_container_parts_narrow_the_answer(offline):
    assert offline.geocode("Gao, Mali").raw["geonameid"] == GAO
    texas = offline.geocode("Paris, Texas")
    assert texas.raw["country_code"] == "US" and texas.raw["admin1"] == "Texas"
    assert offline.geocode("Paris, FR").raw["geonameid"] == PARIS
    assert offline.geocode("Timbuktu, Ghana") is None


def test_reverse_gives_the_nearest_city(offline):
    location = offline.reverse((5.56, -0.2))
    assert location.raw["geonameid"] == ACCRA
    assert location.raw["distance_km"] < 10
    assert offline.reverse("48.8534, 2.3488").raw["geonameid"] == PARIS
    assert offline.reverse(Point(16.7735, -3.0074)).raw["geonameid"] == TIMBUKTU


def test_reverse_list_is_nearest_first(offline):
    locations = offline.reverse((16.77, -3.0), exactly_one=False, limit=4)
    assert len(locations) == 4
    distances = [loc.raw["distance_km"] for loc in locations]
    assert distances == sorted(distances)


def test_reverse_far_from_any_town_can_be_none(offline):
    assert offline.reverse((0.0, -30.0), max_distance_km=100) is None  # mid-Atlantic
    assert offline.reverse((0.0, -30.0)) is not None


def test_reverse_rejects_a_bad_point(offline):
    with pytest.raises(GeocoderQueryError, match="nowhere"):
        offline.reverse("nowhere")


def test_works_with_geopys_rate_limiter(offline):
    geocode = RateLimiter(offline.geocode, min_delay_seconds=0)
    reverse = RateLimiter(offline.reverse, min_delay_seconds=0)
    assert [loc.raw["geonameid"] for loc in map(geocode, ["Mali", "Timbuktu"])] == [MALI, TIMBUKTU]
    assert reverse((5.56, -0.2)).raw["geonameid"] == ACCRA


def test_offline_geocoder_makes_no_requests(offline):
    with pytest.raises(geopy.exc.GeocoderUnavailable):
        offline.adapter.get_json("https://nominatim.openstreetmap.org/search", timeout=1, headers={})


# --------------------------------------------------------------------------- online path, faked

class FakeGeocoder(Geocoder):
    """An online geocoder that answers from a dict or fails the way it is told to."""

    def __init__(self, answers=None, *, error: Exception | None = None) -> None:
        super().__init__(user_agent="tests")
        self.answers = answers or {}
        self.error = error
        self.calls: list[tuple[str, object]] = []

    def geocode(self, query, *, exactly_one=True, timeout=None):
        self.calls.append(("geocode", query))
        if self.error is not None:
            raise self.error
        found = self.answers.get(query)
        if found is None:
            return None if exactly_one else []
        return found if exactly_one else [found]

    def reverse(self, query, *, exactly_one=True, timeout=None):
        self.calls.append(("reverse", query))
        if self.error is not None:
            raise self.error
        return Location("Somewhere online", (query.latitude, query.longitude), {"osm_id": 7})


ONLINE_TIMBUKTU = Location("Tombouctou, Cercle de Tombouctou, Mali", (16.7719, -3.0087),
                           {"place_id": 1, "osm_type": "relation"})


def fallback(tmp_path, offline, online, **options) -> FallbackGeocoder:
    return FallbackGeocoder(offline, online, cache=tmp_path / "online.sqlite",
                            min_delay_seconds=0, error_wait_seconds=0, **options)


def test_online_is_off_by_default(offline, tmp_path):
    geocoder = FallbackGeocoder(offline, cache=tmp_path / "c.sqlite")
    answer = geocoder.lookup("Timbuktu")
    assert answer.status == "offline" and answer.reason == ""
    assert answer.location.raw["geonameid"] == TIMBUKTU
    assert not (tmp_path / "c.sqlite").exists()
    with pytest.raises(GeocoderUnavailable, match="No online geocoder"):
        geocoder.lookup("Timbuktu", online_only=True)


def test_online_answer_is_used_and_cached(offline, tmp_path):
    online = FakeGeocoder({"Timbuktu": ONLINE_TIMBUKTU})
    geocoder = fallback(tmp_path, offline, online)
    first = geocoder.lookup("Timbuktu")
    assert first.status == "online" and first.location == ONLINE_TIMBUKTU
    assert first.location.raw == {"place_id": 1, "osm_type": "relation"}
    again = geocoder.geocode("Timbuktu")
    assert again == ONLINE_TIMBUKTU and len(online.calls) == 1

    # a new process (a new wrapper over the same file) still finds it
    later = fallback(tmp_path, offline, FakeGeocoder(error=geopy.exc.GeocoderUnavailable("down")))
    answer = later.lookup("Timbuktu")
    assert answer.status == "cached" and answer.location == ONLINE_TIMBUKTU


@pytest.mark.parametrize("error, words", [
    (geopy.exc.GeocoderTimedOut("Service timed out"), "timed out"),
    (geopy.exc.GeocoderRateLimited("Too many requests", retry_after=30), "HTTP 429"),
    (geopy.exc.GeocoderUnavailable("Name or service not known"), "could not be reached"),
])
def test_online_failure_keeps_the_offline_answer_and_says_so(offline, tmp_path, error, words):
    geocoder = fallback(tmp_path, offline, FakeGeocoder(error=error))
    answer = geocoder.lookup("Timbuktu")
    assert answer.fell_back and answer.status == "fallback"
    assert words in answer.reason and "offline" in answer.reason
    assert answer.location.raw["geonameid"] == TIMBUKTU

    with pytest.warns(OnlineGeocoderWarning, match=words):
        location = geocoder.geocode("Timbuktu")
    assert location.raw["geonameid"] == TIMBUKTU

    with pytest.raises(GeocoderUnavailable, match=words) as caught:
        geocoder.geocode("Timbuktu", online_only=True)
    assert caught.value.__cause__ is error
    assert isinstance(caught.value, GeoError) and isinstance(caught.value, ConnectionError)

    assert len(geocoder.cache) == 0  # failures are never cached


def test_online_no_match_falls_back_to_offline_and_is_cached(offline, tmp_path):
    online = FakeGeocoder({})
    geocoder = fallback(tmp_path, offline, online)
    answer = geocoder.lookup("the Sahel")
    assert answer.status == "offline" and "no match" in answer.reason
    assert answer.location.raw["kind"] == "region"
    assert geocoder.lookup("the Sahel", online_only=True).location is None
    assert len(online.calls) == 1  # the "no match" was cached


def test_online_exactly_one_false_is_a_list(offline, tmp_path):
    geocoder = fallback(tmp_path, offline, FakeGeocoder({"Timbuktu": ONLINE_TIMBUKTU}))
    assert geocoder.geocode("Timbuktu", exactly_one=False) == [ONLINE_TIMBUKTU]
    with pytest.warns(OnlineGeocoderWarning):
        broken = fallback(tmp_path, offline, FakeGeocoder(error=geopy.exc.GeocoderTimedOut("slow")))
        listed = broken.geocode("Paris", exactly_one=False)
    assert isinstance(listed, list) and listed[0].raw["geonameid"] == PARIS


def test_online_reverse_and_its_fallback(offline, tmp_path):
    geocoder = fallback(tmp_path, offline, FakeGeocoder())
    assert geocoder.reverse((5.56, -0.2)).raw == {"osm_id": 7}
    broken = fallback(tmp_path / "other", offline, FakeGeocoder(error=geopy.exc.GeocoderTimedOut("slow")))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert broken.reverse((5.56, -0.2)).raw["geonameid"] == ACCRA
    assert [w.category for w in caught] == [OnlineGeocoderWarning]


def test_fallback_rejects_a_bad_point(offline, tmp_path):
    with pytest.raises(GeocoderQueryError, match="'north pole'"):
        fallback(tmp_path, offline, FakeGeocoder()).reverse("north pole")


def test_online_calls_go_through_the_rate_limiter(offline, tmp_path):
    online = FakeGeocoder({"Gao": ONLINE_TIMBUKTU, "Kidal": ONLINE_TIMBUKTU})
    geocoder = FallbackGeocoder(offline, online, cache=tmp_path / "c.sqlite",
                                min_delay_seconds=0.3, error_wait_seconds=0.3)
    assert isinstance(geocoder._online_geocode, RateLimiter)
    started = time.perf_counter()
    geocoder.geocode("Gao")
    geocoder.geocode("Kidal")
    assert time.perf_counter() - started >= 0.3


class FakeAdapter(BaseSyncAdapter):
    """geopy's transport, faked: canned JSON, an HTTP status, or a timeout."""

    status = 200
    payload: object = []
    requested: list[str] = []

    def get_json(self, url, *, timeout, headers):
        type(self).requested.append(url)
        if self.status == "timeout":
            raise geopy.exc.GeocoderTimedOut("timed out")
        if self.status != 200:
            raise AdapterHTTPError("HTTP error", status_code=self.status,
                                   headers={"retry-after": "60"}, text="Too Many Requests")
        return self.payload

    def get_text(self, url, *, timeout, headers):
        return json.dumps(self.get_json(url, timeout=timeout, headers=headers))


@pytest.fixture
def adapter():
    FakeAdapter.status, FakeAdapter.payload, FakeAdapter.requested = 200, [], []
    return FakeAdapter


def test_real_nominatim_over_a_fake_transport(offline, tmp_path, adapter):
    adapter.payload = [{"place_id": 9, "lat": "16.7719", "lon": "-3.0087",
                        "display_name": "Tombouctou, Mali", "osm_type": "relation"}]
    nominatim = Nominatim(user_agent="geo-news-tests", adapter_factory=adapter)
    geocoder = fallback(tmp_path, offline, nominatim)
    answer = geocoder.lookup("Timbuktu", country_codes="ml")
    assert answer.status == "online" and answer.service == "Nominatim@nominatim.openstreetmap.org"
    assert answer.location.address == "Tombouctou, Mali" and answer.location.raw["place_id"] == 9
    assert "countrycodes=ml" in adapter.requested[0]


@pytest.mark.parametrize("status, words", [(429, "HTTP 429, retry after 60 s"), ("timeout", "timed out"),
                                           (502, "failed (GeocoderServiceError")])
def test_nominatim_http_errors_keep_the_offline_answer(offline, tmp_path, adapter, status, words):
    adapter.status = status
    geocoder = fallback(tmp_path, offline, Nominatim(user_agent="geo-news-tests", adapter_factory=adapter))
    answer = geocoder.lookup("Timbuktu")
    assert answer.status == "fallback" and words in answer.reason
    assert answer.location.raw["geonameid"] == TIMBUKTU


def test_online_geocoder_by_name_makes_no_request():
    nominatim = online_geocoder("nominatim")
    assert isinstance(nominatim, Nominatim)
    assert "geo-news" in nominatim.headers["User-Agent"]
    with pytest.raises(GeocoderConfigurationError, match="'no-such-service'"):
        online_geocoder("no-such-service")


def test_geocode_cache_distinguishes_unasked_from_no_match(tmp_path):
    cache = GeocodeCache(tmp_path / "sub" / "c.sqlite")
    assert cache.get("k") is None
    cache.put("k", [])
    assert cache.get("k") == []
    cache.put("k2", [ONLINE_TIMBUKTU])
    cache.close()
    assert GeocodeCache(tmp_path / "sub" / "c.sqlite").get("k2") == [ONLINE_TIMBUKTU]


# --------------------------------------------------------------------------- faults degrade to offline

@pytest.mark.parametrize("payload", [{"unexpected": "object"}, [{"lat": "north", "lon": "x"}], ["a string"],
                                     [{"lat": "nan", "lon": "10", "display_name": "nowhere"}], 42])
def test_a_malformed_reply_keeps_the_offline_answer(offline, tmp_path, adapter, payload):
    adapter.payload = payload
    geocoder = fallback(tmp_path, offline, Nominatim(user_agent="geo-news-tests", adapter_factory=adapter))
    with pytest.warns(OnlineGeocoderWarning, match="could not be read|failed|impossible"):
        location = geocoder.geocode("Timbuktu")
    assert location.raw["geonameid"] == TIMBUKTU
    assert len(geocoder.cache) == 0


def test_a_corrupt_cache_is_set_aside_and_an_unwritable_one_is_not_fatal(offline, tmp_path, caplog):
    path = tmp_path / "online.sqlite"
    path.write_bytes(b"\x00\xffnot a database" * 100)
    geocoder = fallback(tmp_path, offline, FakeGeocoder({"Timbuktu": ONLINE_TIMBUKTU}))
    assert geocoder.lookup("Timbuktu").status == "online"
    assert geocoder.lookup("Timbuktu").status == "cached"  # the new cache works
    assert list(tmp_path.glob("online.sqlite.corrupt-*")) and "cannot be read" in caplog.text

    class BrokenCache(GeocodeCache):
        def _connection(self):
            raise sqlite3.OperationalError("attempt to write a readonly database")

    broken = FallbackGeocoder(offline, FakeGeocoder({"Timbuktu": ONLINE_TIMBUKTU}), cache=BrokenCache(path),
                              min_delay_seconds=0)
    assert broken.lookup("Timbuktu").status == "online"


def test_a_hung_service_costs_one_bounded_lookup(offline, tmp_path):
    class Hung(FakeGeocoder):
        def geocode(self, query, *, exactly_one=True, timeout=None):
            time.sleep(5)

    geocoder = FallbackGeocoder(offline, Hung(), cache=tmp_path / "c.sqlite", min_delay_seconds=0, timeout=0.2)
    assert geocoder.max_lookup_seconds < 1.0
    started = time.perf_counter()
    answer = geocoder.lookup("Timbuktu")
    assert time.perf_counter() - started < geocoder.max_lookup_seconds + 0.5
    assert answer.fell_back and "timed out" in answer.reason and answer.location.raw["geonameid"] == TIMBUKTU


def test_retry_after_is_honoured_without_blocking(offline, tmp_path, adapter):
    adapter.status = 429
    nominatim = Nominatim(user_agent="geo-news-tests", adapter_factory=adapter)
    geocoder = fallback(tmp_path, offline, nominatim)
    started = time.perf_counter()
    for _ in range(3):
        assert geocoder.lookup("Timbuktu").fell_back
    assert time.perf_counter() - started < 2 and len(adapter.requested) == 1  # no request until it passes


def test_the_requests_transport_retries_nothing_on_its_own(offline, tmp_path):
    pytest.importorskip("requests")
    from geopy.adapters import RequestsAdapter

    nominatim = Nominatim(user_agent="geo-news-tests", adapter_factory=RequestsAdapter)
    FallbackGeocoder(offline, nominatim, cache=tmp_path / "c.sqlite")
    for transport in nominatim.adapter.session.adapters.values():
        assert transport.max_retries.total == 0 and not transport.max_retries.respect_retry_after_header
