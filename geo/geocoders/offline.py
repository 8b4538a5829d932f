"""The offline gazetteer behind geopy's ``Geocoder`` interface.

::

    from geo.geocoders import OfflineGazetteer

    geolocator = OfflineGazetteer()             # the gazetteer loads on first use
    location = geolocator.geocode("Gao, Mali")
    location.latitude, location.longitude       # (16.27, -0.04)
    location.raw["geonameid"]                   # 2457163

Records are ranked by :func:`geo.resolve.rank`, the resolver's own ranking
(its prior and namesake features under its fitted weights) without article
context, so a query and a mention without context choose the same record.

As in geopy, the lookup (I/O against the gazetteer's SQLite cache) is kept
apart from the pure step that turns a gazetteer record into a
:class:`geopy.location.Location` (:func:`parse_place`), which is tested
directly. No network is ever used: the adapter geopy's base class insists on
refuses every request.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import geopy.exc
from geopy.adapters import BaseSyncAdapter
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import GeoError
from geo.gazetteer import Gazetteer, name_key
from geo.model import Place
from geo.resolve import rank
from geo.resolve.prior import relevance

__all__ = ("GeocoderQueryError", "OfflineGazetteer", "parse_place", "relevance")

#: GeoNames feature classes (https://www.geonames.org/export/codes.html)
FEATURE_CLASSES = frozenset("AHLPRSTUV")

#: how many records a name may have before filters apply (Springfield: 34)
CANDIDATE_LIMIT = 1000
DEFAULT_REVERSE_LIMIT = 10


class GeocoderQueryError(GeoError, geopy.exc.GeocoderQueryError):
    """A query or option the offline gazetteer cannot use (also a geopy error and a ValueError)."""


class _NoNetworkAdapter(BaseSyncAdapter):
    """geopy's base class requires an adapter; this one makes sure none is ever used."""

    def get_json(self, url: str, *, timeout: float, headers: dict) -> Any:
        raise geopy.exc.GeocoderUnavailable(f"The offline gazetteer makes no requests (asked for {url!r}).")

    def get_text(self, url: str, *, timeout: float, headers: dict) -> str:
        raise geopy.exc.GeocoderUnavailable(f"The offline gazetteer makes no requests (asked for {url!r}).")


# --------------------------------------------------------------------------- pure parsing

def parse_place(place: Place, *, country: str = "", distance_km: float | None = None) -> Location:
    """A geopy ``Location`` for one gazetteer record.

    ``address`` reads like a geocoder's ("Timbuktu, Tombouctou, Mali");
    ``raw`` holds the record itself (geonameid, feature class and code,
    country code, admin1, population, kind) plus ``distance_km`` for
    reverse lookups.

    Parameters
    ----------
    place
        The gazetteer record.
    country
        The name of the record's country, if it is not a country itself.
    distance_km
        Distance from a reverse query's point, if any.
    """
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name:
        parts.append(place.admin1)
    if country and country != place.name:
        parts.append(country)
    raw: dict[str, Any] = place.to_dict()
    raw["country"] = country if country else (place.name if place.kind == "country" else "")
    raw["source"] = "project" if place.kind == "region" else "geonames"
    if distance_km is not None:
        raw["distance_km"] = round(distance_km, 3)
    return Location(", ".join(parts), Point(place.lat, place.lon), raw)


def _codes(values: str | Iterable[str] | None, *, option: str, valid: frozenset[str] | None,
           length: int) -> frozenset[str] | None:
    """Normalise a filter option given as one string or several; None means no filter."""
    if values is None:
        return None
    items = [values] if isinstance(values, str) else list(values)
    out = set()
    for item in items:
        if not isinstance(item, str) or len(item.strip()) != length or not item.strip().isalpha():
            raise GeocoderQueryError(
                f"Expected {option} as {length}-letter codes (a string or a list of them), "
                f"instead got: {values!r}.")
        code = item.strip().upper()
        if valid is not None and code not in valid:
            raise GeocoderQueryError(
                f"Expected {option} among {''.join(sorted(valid))}, instead got: {item!r}.")
        out.add(code)
    return frozenset(out)


# --------------------------------------------------------------------------- geocoder

class OfflineGazetteer(Geocoder):
    """Geocode and reverse-geocode with the project's offline gazetteer.

    Parameters
    ----------
    gazetteer
        An opened :class:`~geo.gazetteer.Gazetteer`. When omitted it is
        loaded from ``cache_dir`` (built there if missing) on first use, so
        constructing the geocoder stays cheap.
    cache_dir
        Where the gazetteer cache lives when it is loaded lazily; the
        default is ``~/.cache/geo-news`` (or ``$GEO_CACHE_DIR``).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, cache_dir: Path | None = None) -> None:
        super().__init__(adapter_factory=_NoNetworkAdapter)
        self._gazetteer = gazetteer
        self.cache_dir = cache_dir

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.load(self.cache_dir)
        return self._gazetteer

    def __repr__(self) -> str:
        where = self._gazetteer if self._gazetteer is not None else (self.cache_dir or "default cache")
        return f"OfflineGazetteer({where!r})"

    # -- forward ------------------------------------------------------------------------

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        feature_classes: str | Iterable[str] | None = None,
        limit: int | None = None,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Find places by name.

        Parameters
        ----------
        query
            A place name, optionally followed by containing places, as in
            ``"Gao, Mali"`` or ``"Springfield, Illinois"``: every part after
            the first must name (or be the ISO code of) a country, or name a
            first-level division, that contains the result.
        exactly_one
            Return the best match only (or ``None``); else a list, best first
            (empty when nothing matches).
        country_codes
            ISO 3166-1 alpha-2 codes (``"ml"`` or ``["ML", "NE"]``) the result
            must lie in. Project regions and continents belong to no country,
            so this filter excludes them.
        feature_classes
            GeoNames feature classes to keep: ``"P"`` cities and towns, ``"A"``
            countries and first-level divisions, ``"L"`` continents and regions.
        limit
            The most results a list holds (``exactly_one=False``).
        timeout
            Accepted for geopy compatibility; a local lookup has none.
        """
        if not isinstance(query, str):
            raise GeocoderQueryError(f"Expected a place name as str, instead got: {query!r}.")
        countries = _codes(country_codes, option="country_codes", valid=None, length=2)
        classes = _codes(feature_classes, option="feature_classes", valid=FEATURE_CLASSES, length=1)
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise GeocoderQueryError(f"Expected limit as a positive int, instead got: {limit!r}.")

        places = self._lookup(query)
        places = [p for p in places
                  if (countries is None or p.country_code in countries)
                  and (classes is None or p.feature_class in classes)]
        locations = [self._parse(p) for p in places[: 1 if exactly_one else limit]]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def _lookup(self, query: str) -> list[Place]:
        """Records for a query, best first, with any ", container" parts applied."""
        key = name_key(query)
        if not key:
            return []
        gaz = self.gazetteer
        whole = gaz.candidates(query, limit=CANDIDATE_LIMIT)
        head, *containers = [part for part in query.split(",") if part.strip()] or [""]
        if whole or not containers:
            return [c.place for c in rank(whole, key)]
        head_key = name_key(head)
        places = gaz.candidates(head, limit=CANDIDATE_LIMIT)
        for container in containers:
            places = [p for p in places if self._within(p, container)]
        return [c.place for c in rank(places, head_key)]

    def _within(self, place: Place, container: str) -> bool:
        """Whether ``place`` lies in the country or first-level division named ``container``."""
        text = container.strip()
        if len(text) == 2 and text.isalpha() and text.isupper() and place.country_code == text:
            return True  # "Paris, FR"
        for area in self.gazetteer.candidates(text):
            if area.kind == "country" and area.country_code == place.country_code:
                return True
            if area.kind == "admin1" and area.country_code == place.country_code \
                    and (area.admin1 == place.admin1 or area.geonameid == place.geonameid):
                return True
        return False

    # -- reverse ------------------------------------------------------------------------

    def reverse(
        self,
        query: Point | str | Sequence[float],
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        max_distance_km: float | None = None,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """The nearest city or town (GeoNames cities500) to a point.

        Parameters
        ----------
        query
            ``(lat, lon)``, ``"lat, lon"`` or a :class:`geopy.point.Point`.
        exactly_one
            Return the nearest place only; else a list of the ``limit``
            nearest (10 by default), nearest first.
        max_distance_km
            Places farther than this are no answer (``None`` for the open sea
            when the nearest town is farther away); unlimited by default.
        """
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (TypeError, ValueError) as exc:
            raise GeocoderQueryError(
                f"Expected a point as (lat, lon), 'lat, lon' or geopy Point, instead got: {query!r}."
            ) from exc
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise GeocoderQueryError(f"Expected limit as a positive int, instead got: {limit!r}.")
        count = 1 if exactly_one else (limit or DEFAULT_REVERSE_LIMIT)
        nearest = self.gazetteer.nearest(point.latitude, point.longitude, count=count)
        locations = [self._parse(place, distance_km=km) for place, km in nearest
                     if max_distance_km is None or km <= max_distance_km]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def _parse(self, place: Place, *, distance_km: float | None = None) -> Location:
        country = ""
        if place.country_code and place.kind != "country":
            record = self.gazetteer.country(place.country_code)
            country = record.name if record is not None else ""
        return parse_place(place, country=country, distance_km=distance_km)
