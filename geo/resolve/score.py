"""The resolver's model: feature weights, read from ``weights.json`` beside this file.

A candidate's score is the weighted sum of its features (prior, then
context); within one name the scores become probabilities by a softmax
(a conditional logit over the name's records), and the top probability
becomes a confidence through the calibration map (:mod:`geo.resolve.calibrate`).
``weights.json`` records how its numbers were fitted (``scripts/fit_resolver.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from geo.resolve.calibrate import Calibration

WEIGHTS_PATH = Path(__file__).with_name("weights.json")


@dataclass(frozen=True)
class Model:
    """Weights by feature name; a missing name weighs nothing."""

    prior_weights: Mapping[str, float]
    context_weights: Mapping[str, float]
    sharpness: float = 1.0
    calibration: Calibration = field(default_factory=Calibration)
    fitted: Mapping[str, Any] | None = None
    _vectors: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Model:
        return cls(dict(data["prior"]), dict(data["context"]), float(data.get("sharpness", 1.0)),
                   Calibration.from_dict(data.get("calibration")), data.get("fitted"))

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> Model:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

    def vector(self, names: Sequence[str]) -> list[float]:
        """The weights of ``names`` in that order (0 for a name the model has no weight for)."""
        cached = self._vectors.get(names)
        if cached is None:
            weights = {**self.prior_weights, **self.context_weights}
            cached = self._vectors[names] = [weights.get(n, 0.0) for n in names]
        return cached

    def to_dict(self) -> dict[str, Any]:
        return {"fitted": self.fitted, "sharpness": self.sharpness, "prior": dict(self.prior_weights),
                "context": dict(self.context_weights), "calibration": self.calibration.to_dict()}


@cache
def default_model() -> Model:
    """The shipped weights (read once: a small file that never changes at run time)."""
    return Model.load()


def softmax(scores: Sequence[float], sharpness: float = 1.0) -> list[float]:
    top = max(scores)
    exps = [math.exp(sharpness * (s - top)) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
