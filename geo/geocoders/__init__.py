"""Geocoders with geopy's interface: the offline gazetteer, optionally an online service.

``OfflineGazetteer`` answers from the project's gazetteer and never uses the
network. ``FallbackGeocoder`` wraps it and, only when a user enables one, an
online geopy geocoder (Nominatim, ...) behind a rate limiter and a persistent
cache, keeping the offline answer whenever the service fails.
"""

from geo.geocoders.offline import GeocoderQueryError, OfflineGazetteer, parse_place
from geo.geocoders.online import (
    FallbackGeocoder,
    GeocodeAnswer,
    GeocodeCache,
    GeocoderConfigurationError,
    OnlineGeocoderWarning,
    online_geocoder,
)

__all__ = [
    "FallbackGeocoder",
    "GeocodeAnswer",
    "GeocodeCache",
    "GeocoderConfigurationError",
    "GeocoderQueryError",
    "OfflineGazetteer",
    "OnlineGeocoderWarning",
    "online_geocoder",
    "parse_place",
]
