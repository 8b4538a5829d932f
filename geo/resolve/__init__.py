"""Toponym resolution: candidates → named evidence features → calibrated score → place.

- :mod:`geo.resolve.prior`: the context-free prior, shared with the geopy ``OfflineGazetteer``;
- :mod:`geo.resolve.features`: named features that read the article;
- :mod:`geo.resolve.score`: the weights (``weights.json``) and the softmax over a name's records;
- :mod:`geo.resolve.calibrate`: the map from the top probability to P(within 161 km);
- :mod:`geo.resolve.resolver`: the two rounds over an article's names;
- :mod:`geo.resolve.focus`: the article's main country and city.
"""

from geo.resolve.features import haversine_km
from geo.resolve.focus import document_focus
from geo.resolve.resolver import Resolver, rank

__all__ = ("Resolver", "document_focus", "haversine_km", "rank")
