"""The prior: how likely a record is what a bare name means, before any context.

One prior for the resolver and the geopy :class:`~geo.geocoders.OfflineGazetteer`:
both rank a name's records with :func:`relevance`, the weighted sum of the
context-free features below under the resolver's own weights (the ``prior``
block of ``weights.json``), so a geocoder query and a mention with no context
choose the same record.

Each feature is a number for one (record, name) pair; the resolver's other
features (:mod:`geo.resolve.features`) read the article as well.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from geo.gazetteer import name_key
from geo.model import Place

#: a city of this many people is a "major city" ("Washington", "New York")
MAJOR_CITY_POPULATION = 500_000
AREA_KINDS = frozenset({"country", "continent", "region", "admin1", "admin2"})


@dataclass(frozen=True, slots=True)
class PriorFeature:
    """A context-free signal about one record for one name, with where it comes from."""

    name: str
    provenance: str
    value: Callable[[Place, str], float]


def _kind(kind: str) -> Callable[[Place, str], float]:
    return lambda place, key: 1.0 if place.kind == kind else 0.0


#: what an airport counts as in the population prior when news names it by a name of its own
#: ("Heathrow" of "London Heathrow Airport"): one with an IATA code serves a metropolitan area, and
#: news names it for its traffic, not for the few people who live on it
AIRPORT_SERVED_POPULATION = 1_000_000


def _population(place: Place, key: str) -> float:
    if place.kind in AREA_KINDS:
        return 0.0
    return math.log10(_people(place, key) + 10) / 2.0


def _people(place: Place, key: str) -> int:
    if place.kind != "airport":
        return place.population
    # "Samos Airport" is named after the place "Samos": its bare name means that place, not the airport
    return 0 if name_key(place.name).startswith(key + " ") else AIRPORT_SERVED_POPULATION


def _capital(place: Place, key: str) -> float:
    return 1.0 if place.kind not in AREA_KINDS and place.feature_code == "PPLC" else 0.0


def _major_city(place: Place, key: str) -> float:
    return 1.0 if place.kind not in AREA_KINDS and place.population >= MAJOR_CITY_POPULATION else 0.0


def _primary_name(place: Place, key: str) -> float:
    own = name_key(place.name)
    if own == key:
        return 1.0
    # an airport's own name is the word its full name adds to its town's ("Heathrow" of "London
    # Heathrow Airport"), not its IATA code nor the town it is named after ("Samos Airport")
    return 1.0 if place.kind == "airport" and f" {key} " in f" {own} " and not own.startswith(key + " ") else 0.0


PRIOR_FEATURES: tuple[PriorFeature, ...] = (
    PriorFeature("kind_country", "news names countries far more often than their namesake towns "
                 "(GeoNames feature class A, PCLI)", _kind("country")),
    PriorFeature("kind_region", "named world regions (the Sahel, the Middle East) are what news means by "
                 "their names", _kind("region")),
    PriorFeature("kind_continent", "continents likewise", _kind("continent")),
    PriorFeature("kind_admin1", "first-level divisions (states, provinces) are named more often than "
                 "towns of the same name", _kind("admin1")),
    PriorFeature("kind_admin2", "second-level divisions (counties, districts)", _kind("admin2")),
    PriorFeature("population", "the population prior: log10(people + 10) / 2 of a town (a plain population "
                 "prior is the standard baseline, A@161 0.80 on GeoVirus)", _population),
    PriorFeature("capital", "national capitals are what a bare name usually means (GeoNames PPLC)", _capital),
    PriorFeature("major_city", f"a city of {MAJOR_CITY_POPULATION:,} people or more ('Washington', "
                 "'New York') is named far more than its namesakes", _major_city),
    PriorFeature("primary_name", "a record whose own name is the mention beats one that only lists it as "
                 "an alternate name (GeoNames alternate names include codes and old spellings); an "
                 "airport's own name is the word its name adds to its town's ('Heathrow')",
                 _primary_name),
)


def prior_values(place: Place, key: str, disabled: frozenset[str] = frozenset()) -> list[float]:
    """The prior features of one record, in :data:`PRIOR_FEATURES` order (0 where disabled)."""
    return [0.0 if f.name in disabled else f.value(place, key) for f in PRIOR_FEATURES]


def relevance(place: Place, key: str, weights: Mapping[str, float] | None = None) -> float:
    """The prior score of ``place`` for the name key ``key``; higher is likelier.

    ``weights`` default to the resolver's fitted prior weights, so the geocoder
    ranks records exactly as the resolver would with no context.
    """
    if weights is None:
        from geo.resolve.score import default_model

        weights = default_model().prior_weights
    score = 0.0
    for feature, value in zip(PRIOR_FEATURES, prior_values(place, key), strict=True):
        if value:
            score += weights.get(feature.name, 0.0) * value
    return score
