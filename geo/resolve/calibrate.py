"""Calibration: turn the model's top probability into P(the place is within 161 km).

Platt scaling (a logistic curve on the logit of the top probability), fitted
out of fold by ``scripts/fit_resolver.py`` on the dev corpora. With no fitted
map the probability passes through unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: probabilities are clipped this far from 0 and 1 before the logit
EPSILON = 1e-6


def logit(p: float) -> float:
    p = min(1.0 - EPSILON, max(EPSILON, p))
    return math.log(p / (1.0 - p))


@dataclass(frozen=True, slots=True)
class Calibration:
    """``confidence = sigmoid(slope * logit(p) + intercept)``; identity when ``slope`` is None."""

    slope: float | None = None
    intercept: float = 0.0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Calibration:
        if not data:
            return cls()
        return cls(float(data["slope"]), float(data["intercept"]))

    def to_dict(self) -> dict[str, float] | None:
        return None if self.slope is None else {"slope": self.slope, "intercept": self.intercept}

    def __call__(self, p: float) -> float:
        if self.slope is None:
            return p
        z = self.slope * logit(p) + self.intercept
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
