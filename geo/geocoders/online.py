"""Optional online geocoders, off by default, always backed by the offline gazetteer.

::

    from geo.geocoders import FallbackGeocoder, OfflineGazetteer, online_geocoder

    geolocator = FallbackGeocoder(OfflineGazetteer(gazetteer),
                                  online=online_geocoder("nominatim"))
    answer = geolocator.lookup("Timbuktu")
    answer.location, answer.status, answer.reason
    geolocator.geocode("Timbuktu")             # geopy's contract: a Location or None

Every online call goes through :class:`geopy.extra.rate_limiter.RateLimiter`
(Nominatim's policy is at most one request a second) and a persistent SQLite
cache keyed by the service, the method, the query and its options, so a
repeated question never reaches the network again. When the service times
out, answers HTTP 429 or cannot be reached, the offline gazetteer's answer
stands: :meth:`FallbackGeocoder.lookup` says so in ``status``/``reason``,
:meth:`FallbackGeocoder.geocode` also emits an :class:`OnlineGeocoderWarning`,
and a caller who asked for ``online_only=True`` gets
:class:`geo.errors.GeocoderUnavailable` instead. The same holds for a reply
that cannot be read (valid JSON of the wrong shape, impossible coordinates)
and for a cache that cannot be read or written.

Time: one lookup never takes more than :attr:`FallbackGeocoder.max_lookup_seconds`
(the rate limiter's wait, the request with its timeout, and the retries the
wrapper was told to make; the transport's own retries are switched off, so a
hung service costs one timeout, not three). An HTTP 429's ``Retry-After`` is
honoured without blocking: until it passes (at most :data:`RETRY_AFTER_CAP_S`)
lookups go straight to the offline gazetteer.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import inspect
import json
import logging
import math
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import geopy.exc
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import GeocoderUnavailable, GeoError
from geo.gazetteer import default_cache_dir
from geo.geocoders.offline import GeocoderQueryError, OfflineGazetteer, _NoNetworkAdapter

__all__ = (
    "FallbackGeocoder", "GeocodeAnswer", "GeocodeCache", "GeocoderConfigurationError",
    "OnlineGeocoderWarning", "location_from_record", "location_to_record", "online_geocoder",
)

logger = logging.getLogger(__name__)

USER_AGENT = "geo-news/0.1 (offline news geoparser; optional online lookups)"
CACHE_FILE = "online-geocodes.sqlite"

#: the longest ``Retry-After`` honoured (seconds): a service asking for longer is left alone this long
RETRY_AFTER_CAP_S = 300.0
#: the request timeout when neither the caller nor the online geocoder sets one (seconds)
DEFAULT_TIMEOUT_S = 5.0

AnswerStatus = Literal["online", "cached", "offline", "fallback"]


class OnlineGeocoderWarning(UserWarning):
    """The online geocoder failed and the offline gazetteer's answer was kept."""


class GeocoderConfigurationError(GeoError, geopy.exc.ConfigurationError):
    """An online geocoder that cannot be set up as asked (also a geopy error and a ValueError)."""


def online_geocoder(service: str, **options: Any) -> Geocoder:
    """An instance of a geopy geocoder by service name ("nominatim", "photon", ...).

    Nothing is requested here; geopy geocoders only store their settings.
    Nominatim's usage policy needs an identifying ``user_agent``, so the
    project's is used unless ``options`` names another.
    """
    try:
        cls = get_geocoder_for_service(service)
    except geopy.exc.GeocoderNotFound as exc:
        raise GeocoderConfigurationError(
            f"Expected the name of a geopy geocoder such as 'nominatim' or 'photon', "
            f"instead got: {service!r}.") from exc
    if "user_agent" in inspect.signature(cls.__init__).parameters:
        options.setdefault("user_agent", USER_AGENT)
    try:
        return cls(**options)
    except (TypeError, geopy.exc.ConfigurationError) as exc:
        raise GeocoderConfigurationError(f"Could not set up the {service!r} geocoder: {exc}") from exc


# --------------------------------------------------------------------------- answers and cache

@dataclass(frozen=True)
class GeocodeAnswer:
    """What a lookup found and where the answer came from.

    ``status`` is ``"online"`` (asked the service now), ``"cached"`` (the
    service's earlier answer), ``"offline"`` (no online geocoder enabled, or it
    found nothing: ``reason`` says which) or ``"fallback"`` (the service
    failed; ``reason`` says how, and the offline answer stands).
    """

    query: str
    location: Location | list[Location] | None
    status: AnswerStatus
    service: str = "offline"
    reason: str = ""

    @property
    def fell_back(self) -> bool:
        return self.status == "fallback"


def location_to_record(location: Location) -> dict[str, Any]:
    """A JSON-ready record of a geopy ``Location`` (round-trips with :func:`location_from_record`)."""
    return {"address": location.address,
            "point": [location.latitude, location.longitude, location.altitude],
            "raw": location.raw}


def location_from_record(record: dict[str, Any]) -> Location:
    return Location(record["address"], Point(*record["point"]), record["raw"])


class GeocodeCache:
    """Answers of online geocoders in one SQLite file, kept across runs.

    ``get`` returns ``None`` for a question never asked and ``[]`` for one
    the service answered with "no match"; failures are never stored.

    A cache is a convenience, so its faults never reach the caller: every
    write is one committed transaction (WAL journal), so a crash leaves the
    last answers readable; a file that is not a readable cache is moved
    aside (``<name>.corrupt-<time>``) and a new one started; a row that
    cannot be read counts as never asked; a cache that cannot be written
    (read-only folder, full disk) logs a warning and keeps answering.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._con is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, check_same_thread=False, timeout=5.0)
            try:
                con.execute("PRAGMA journal_mode = WAL")
                con.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, locations TEXT NOT NULL, "
                            "stored_at TEXT DEFAULT CURRENT_TIMESTAMP)")
            except sqlite3.DatabaseError as exc:
                con.close()
                if isinstance(exc, sqlite3.OperationalError):
                    raise  # locked or read-only: the file may be fine
                self._set_aside(exc)
                return self._connection()
            self._con = con
        return self._con

    def _set_aside(self, exc: Exception) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        logger.warning("The geocode cache %s cannot be read (%s); kept as %s, starting a new one.",
                       self.path, exc, backup)
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                os.replace(part, Path(str(backup) + suffix))

    def get(self, key: str) -> list[Location] | None:
        try:
            with self._lock:
                row = self._connection().execute("SELECT locations FROM answers WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            return [location_from_record(r) for r in json.loads(row[0])]
        except (sqlite3.Error, OSError, ValueError, TypeError, KeyError) as exc:
            logger.warning("The geocode cache %s could not be read (%s); asking again.", self.path, exc)
            return None

    def put(self, key: str, locations: Sequence[Location]) -> None:
        # default=str: a service's raw record may hold values JSON lacks (Decimal, say)
        text = json.dumps([location_to_record(loc) for loc in locations], ensure_ascii=False, default=str)
        try:
            with self._lock:
                con = self._connection()
                with con:  # one committed transaction
                    con.execute("INSERT OR REPLACE INTO answers (key, locations) VALUES (?, ?)", (key, text))
        except (sqlite3.Error, OSError) as exc:
            logger.warning("The geocode cache %s could not be written (%s); the answer is not kept.",
                           self.path, exc)

    def __len__(self) -> int:
        try:
            with self._lock:
                return self._connection().execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        except (sqlite3.Error, OSError):
            return 0

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __repr__(self) -> str:
        return f"GeocodeCache({str(self.path)!r})"


def service_name(geocoder: Geocoder) -> str:
    """A stable name of a geocoder instance for cache keys and messages ("Nominatim@host")."""
    name = type(geocoder).__name__
    domain = getattr(geocoder, "domain", None)
    return f"{name}@{domain}" if domain else name


def _describe(exc: BaseException) -> str:
    """What went wrong with the service, in the words a user looks for."""
    if isinstance(exc, geopy.exc.GeocoderRateLimited):
        after = f", retry after {exc.retry_after:g} s" if exc.retry_after else ""
        return f"refused the request as too many (HTTP 429{after})"
    if isinstance(exc, LookupTimeLimit):
        return str(exc)
    if isinstance(exc, geopy.exc.GeocoderTimedOut):
        return "timed out"
    if isinstance(exc, geopy.exc.GeocoderUnavailable | ConnectionError):
        return "could not be reached (no network?)"
    if isinstance(exc, MalformedReply | TypeError | ValueError | KeyError | IndexError | AttributeError):
        return f"sent a reply that could not be read ({type(exc).__name__}: {exc})"
    return f"failed ({type(exc).__name__}: {exc})"


class LookupTimeLimit(geopy.exc.GeocoderTimedOut):
    """No answer within :attr:`FallbackGeocoder.max_lookup_seconds`."""


class MalformedReply(geopy.exc.GeocoderParseError):
    """An online answer that is not a list of locations with real coordinates."""


#: what makes an online answer unavailable: the service's errors, the network's, a reply geopy could not
#: parse (valid JSON of the wrong shape raises TypeError/KeyError/... inside the geocoder), the time limit
ONLINE_FAILURES = (geopy.exc.GeocoderServiceError, OSError, TypeError, ValueError, KeyError, IndexError,
                   AttributeError)


def _checked(result: Any) -> list[Location]:
    """The online result as a list of locations; :class:`MalformedReply` if it is anything else."""
    locations = [] if result is None else [result] if isinstance(result, Location) else result
    if not isinstance(locations, list | tuple):
        raise MalformedReply(f"expected a Location or a list of them, instead got: {type(result).__name__}")
    for location in locations:
        if not isinstance(location, Location):
            raise MalformedReply(f"expected Location objects, instead got: {type(location).__name__}")
        lat, lon = location.latitude, location.longitude
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise MalformedReply(f"impossible coordinates ({lat!r}, {lon!r})")
    return list(locations)


def disable_transport_retries(geocoder: Geocoder) -> None:
    """Switch off the retries geopy's requests transport makes on its own (2 by default).

    They are invisible to the caller: urllib3 honours an HTTP 429's ``Retry-After`` (60 s
    twice: a lookup blocked for 120 s) and retries a read timeout (a hung service costs
    three timeouts). The urllib transport makes none.
    """
    session = getattr(getattr(geocoder, "adapter", None), "session", None)
    if session is None:
        return
    from urllib3.util.retry import Retry

    for transport in session.adapters.values():
        if hasattr(transport, "max_retries"):
            transport.max_retries = Retry(0, read=False, respect_retry_after_header=False)


# --------------------------------------------------------------------------- the wrapper

class FallbackGeocoder(Geocoder):
    """The offline gazetteer, optionally asking an online geocoder first.

    Parameters
    ----------
    offline
        The offline geocoder; by default an :class:`OfflineGazetteer` that
        loads the gazetteer on first use.
    online
        Any geopy geocoder (see :func:`online_geocoder`), or ``None`` (the
        default) to stay offline.
    cache
        Where online answers are kept: a :class:`GeocodeCache` or a file
        path; by default ``online-geocodes.sqlite`` in the gazetteer's cache
        folder.
    min_delay_seconds, max_retries, error_wait_seconds
        Passed to :class:`geopy.extra.rate_limiter.RateLimiter`. No retries by
        default: after a timeout or an HTTP 429 the offline answer is at hand,
        so waiting to ask again only slows the user down.
    timeout
        Seconds per request (default: the online geocoder's own, else
        :data:`DEFAULT_TIMEOUT_S`).

    A lookup takes at most :attr:`max_lookup_seconds`; past it the offline answer is
    returned (the request is abandoned in the background).
    """

    def __init__(
        self,
        offline: OfflineGazetteer | None = None,
        online: Geocoder | None = None,
        *,
        cache: GeocodeCache | Path | str | None = None,
        min_delay_seconds: float = 1.0,
        max_retries: int = 0,
        error_wait_seconds: float | None = None,
        timeout: float | None = None,
    ) -> None:
        # the wrapper itself requests nothing: the wrapped geocoders carry their own adapters
        super().__init__(adapter_factory=_NoNetworkAdapter)
        self.offline = offline if offline is not None else OfflineGazetteer()
        self.online = online
        if cache is None:
            cache = default_cache_dir() / CACHE_FILE
        self.cache = cache if isinstance(cache, GeocodeCache) else GeocodeCache(cache)
        error_wait = max(min_delay_seconds, 2.0) if error_wait_seconds is None else error_wait_seconds
        limits = dict(min_delay_seconds=min_delay_seconds, max_retries=max_retries,
                      error_wait_seconds=error_wait,
                      swallow_exceptions=False)  # failures must reach lookup() to be reported
        own_timeout = getattr(online, "timeout", None)
        self.timeout = float(timeout if timeout is not None else own_timeout
                             if isinstance(own_timeout, int | float) else DEFAULT_TIMEOUT_S)
        #: the most one lookup takes: the rate limiter's wait, then each try's request and error wait
        self.max_lookup_seconds = (min_delay_seconds + (max_retries + 1) * self.timeout
                                   + max_retries * error_wait + 0.5)
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._quiet_until = 0.0  # monotonic time before which a 429's Retry-After keeps us offline
        self._rate_limited: geopy.exc.GeocoderRateLimited | None = None
        if online is not None:
            disable_transport_retries(online)
        self._online_geocode = RateLimiter(online.geocode, **limits) if online is not None else None
        self._online_reverse = (RateLimiter(online.reverse, **limits)
                                if online is not None and hasattr(online, "reverse") else None)

    def __repr__(self) -> str:
        return f"FallbackGeocoder({self.offline!r}, online={self.online!r})"

    @property
    def service(self) -> str:
        return service_name(self.online) if self.online is not None else "offline"

    # -- geopy interface ----------------------------------------------------------------

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        feature_classes: str | Iterable[str] | None = None,
        online_only: bool = False,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Like :meth:`lookup`, returning only the location(s), as geopy does.

        When the online geocoder fails, the offline answer is returned and an
        :class:`OnlineGeocoderWarning` says why.
        """
        answer = self.lookup(query, exactly_one=exactly_one, country_codes=country_codes,
                             feature_classes=feature_classes, online_only=online_only, timeout=timeout)
        self._warn(answer)
        return answer.location

    def reverse(
        self,
        query: Point | str | Sequence[float],
        *,
        exactly_one: bool = True,
        online_only: bool = False,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Like :meth:`reverse_lookup`, returning only the location(s)."""
        answer = self.reverse_lookup(query, exactly_one=exactly_one, online_only=online_only, timeout=timeout)
        self._warn(answer)
        return answer.location

    # -- answers with their provenance --------------------------------------------------

    def lookup(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        feature_classes: str | Iterable[str] | None = None,
        online_only: bool = False,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> GeocodeAnswer:
        """Geocode ``query`` and say where the answer came from.

        ``country_codes`` and ``feature_classes`` filter the offline answer;
        ``country_codes`` also reaches online geocoders that take it
        (Nominatim does). With ``online_only=True`` the offline gazetteer is
        not consulted and a failing service raises
        :class:`geo.errors.GeocoderUnavailable`.
        """
        def offline() -> Location | list[Location] | None:
            return self.offline.geocode(query, exactly_one=exactly_one, country_codes=country_codes,
                                        feature_classes=feature_classes)

        online_options: dict[str, Any] = {"exactly_one": exactly_one,
                                          "timeout": self.timeout if timeout is DEFAULT_SENTINEL else timeout}
        if country_codes is not None and self.online is not None \
                and "country_codes" in inspect.signature(self.online.geocode).parameters:
            online_options["country_codes"] = country_codes
        key_options = {"exactly_one": exactly_one, "country_codes": _sorted_codes(country_codes)}
        return self._answer("geocode", query, self._online_geocode, online_options, key_options,
                            offline, exactly_one=exactly_one, online_only=online_only)

    def reverse_lookup(
        self,
        query: Point | str | Sequence[float],
        *,
        exactly_one: bool = True,
        online_only: bool = False,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> GeocodeAnswer:
        """Reverse-geocode a point and say where the answer came from."""
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (TypeError, ValueError) as exc:
            raise GeocoderQueryError(
                f"Expected a point as (lat, lon), 'lat, lon' or geopy Point, instead got: {query!r}."
            ) from exc
        online_options: dict[str, Any] = {"exactly_one": exactly_one,
                                          "timeout": self.timeout if timeout is DEFAULT_SENTINEL else timeout}
        text = f"{point.latitude:.6f},{point.longitude:.6f}"
        return self._answer("reverse", text, self._online_reverse, online_options,
                            {"exactly_one": exactly_one},
                            lambda: self.offline.reverse(point, exactly_one=exactly_one),
                            exactly_one=exactly_one, online_only=online_only, online_query=point)

    def _answer(self, method: str, query: str, call: Callable[..., Any] | None, online_options: dict,
                key_options: dict, offline: Callable[[], Any], *, exactly_one: bool, online_only: bool,
                online_query: Any = None) -> GeocodeAnswer:
        if call is None:
            if online_only:
                raise GeocoderUnavailable(
                    f"No online geocoder is enabled for {method} {query!r}; pass one as "
                    f"FallbackGeocoder(online=online_geocoder('nominatim')) or drop online_only.")
            return GeocodeAnswer(query, offline(), "offline")
        service = self.service
        key = json.dumps([service, method, query, key_options], sort_keys=True, ensure_ascii=False)
        cached = self.cache.get(key)
        if cached is not None:
            status: AnswerStatus = "cached"
            locations = cached
        else:
            try:
                locations = self._ask(call, online_query if online_query is not None else query, online_options)
            except ONLINE_FAILURES as exc:
                reason = f"The online geocoder {service} {_describe(exc)}"
                if online_only:
                    raise GeocoderUnavailable(f"{reason} for {method} {query!r}.") from exc
                logger.warning("%s for %s %r; the offline answer stands.", reason, method, query)
                return GeocodeAnswer(query, offline(), "fallback", service,
                                     f"{reason}; the offline gazetteer's answer was kept.")
            self.cache.put(key, locations)
            status = "online"
        if locations or online_only:
            return GeocodeAnswer(query, (locations[0] if locations else None) if exactly_one else locations,
                                 status, service)
        return GeocodeAnswer(query, offline(), "offline", service,
                             f"The online geocoder {service} found no match; the offline answer is used.")

    def _ask(self, call: Callable[..., Any], query: Any, options: dict) -> list[Location]:
        """The online answer, checked, within :attr:`max_lookup_seconds`; raises what went wrong."""
        if self._rate_limited is not None and time.monotonic() < self._quiet_until:
            raise self._rate_limited  # the service's Retry-After has not passed: do not ask
        with self._pool_lock:
            if self._pool is None:
                self._pool = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="geo-online")
        future = self._pool.submit(call, query, **options)
        done, _ = concurrent.futures.wait([future], timeout=self.max_lookup_seconds)
        if not done:
            future.cancel()
            raise LookupTimeLimit(f"timed out (no answer within the lookup's limit of "
                                  f"{self.max_lookup_seconds:.1f} s)")
        try:
            return _checked(future.result())
        except geopy.exc.GeocoderRateLimited as exc:
            self._rate_limited = exc
            self._quiet_until = time.monotonic() + min(float(exc.retry_after or 0), RETRY_AFTER_CAP_S)
            raise

    @staticmethod
    def _warn(answer: GeocodeAnswer) -> None:
        if answer.fell_back:
            # stacklevel 3: point at the caller of geocode()/reverse()
            warnings.warn(answer.reason, OnlineGeocoderWarning, stacklevel=3)


def _sorted_codes(codes: str | Iterable[str] | None) -> list[str] | None:
    if codes is None:
        return None
    return sorted(c.upper() for c in ([codes] if isinstance(codes, str) else codes))

