"""Scoring against gold corpora, after the conventions in the gold README.

Recognition P/R/F1 with two matchings (exact span; EUPEG: same lower-cased
name, span midpoints under 10 characters apart), then resolution over the
matched pairs: accuracy within 161 km, mean and median error, GeoNames-id
accuracy and the AUC of ln(1 + km) / ln(20039); and how well the confidence
is calibrated: the expected calibration error (ECE) of the confidence as a
probability of being within 161 km, over the matched pairs.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from geo.resolve import haversine_km

MAX_ERROR_KM = 20039.0
#: a resolution is right when it is this close to the gold point (A@161)
CORRECT_KM = 161.0
#: equal-width confidence bins of the ECE
ECE_BINS = 10


@dataclass(frozen=True, slots=True)
class Scores:
    rule: str
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    resolved_pairs: int
    acc161: float | None
    mean_km: float | None
    median_km: float | None
    auc: float | None
    id_accuracy: float | None
    ece: float | None = None

    def line(self) -> str:
        def f(x, spec=".3f"):
            return "n/a" if x is None else format(x, spec)
        return (f"{self.rule:5s} P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} | "
                f"A@161 {f(self.acc161)} id {f(self.id_accuracy)} mean {f(self.mean_km, '.0f')} km "
                f"median {f(self.median_km, '.0f')} km AUC {f(self.auc)} ECE {f(self.ece)} "
                f"(gold {self.gold}, pred {self.predicted}, tp {self.matched})")


def auc(errors: Sequence[float]) -> float:
    ys = sorted(math.log(1 + e) / math.log(MAX_ERROR_KM) for e in errors)
    if len(ys) == 1:
        return ys[0]
    xs = [i / (len(ys) - 1) for i in range(len(ys))]
    return sum((xs[i + 1] - xs[i]) * (ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = ECE_BINS) -> float:
    """Sum over equal-width confidence bins of |share right - mean confidence|, weighted by size."""
    if not pairs:
        return float("nan")
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or b == bins - 1 and c == 1.0]
        if inside:
            total += abs(sum(ok for _, ok in inside) - sum(c for c, _ in inside)) / len(pairs)
    return total


def calibration_pairs(gold_docs: Mapping[str, Mapping], pred_docs: Mapping[str, Mapping], *,
                      rule: str = "eupeg") -> list[tuple[float, bool]]:
    """(confidence, within 161 km) of every matched pair whose gold and prediction have points."""
    pairs = []
    for doc_id, gd in gold_docs.items():
        gts = [t for t in gd["toponyms"] if t.get("lat") is not None]
        pts = [t for t in pred_docs.get(doc_id, {}).get("toponyms", []) if t.get("lat") is not None]
        for g, p in match(gts, pts, rule):
            km = haversine_km((g["lat"], g["lon"]), (p["lat"], p["lon"]))
            pairs.append((float(p.get("confidence", 0.0)), km < CORRECT_KM))
    return pairs


def match(gold: Sequence[Mapping], pred: Sequence[Mapping], rule: str) -> list[tuple[Mapping, Mapping]]:
    """Greedy one-to-one matching of gold and predicted toponyms."""
    pairs, used = [], set()
    for g in gold:
        mid = (g["start"] + g["end"]) / 2
        best = None
        for i, p in enumerate(pred):
            if i in used:
                continue
            if rule == "exact":
                ok, d = p["start"] == g["start"] and p["end"] == g["end"], 0.0
            else:
                d = abs((p["start"] + p["end"]) / 2 - mid)
                ok = p.get("name", "").lower() == g["name"].lower() and d < 10
            if ok and (best is None or d < best[0]):
                best = (d, i)
        if best is not None:
            used.add(best[1])
            pairs.append((g, pred[best[1]]))
    return pairs


def score(gold_docs: Mapping[str, Mapping], pred_docs: Mapping[str, Mapping], *, rule: str = "eupeg",
          coords_only: bool = True, group: str | None = None) -> Scores:
    tp = n_gold = n_pred = 0
    errors: list[float] = []
    id_hits = id_total = 0
    for doc_id, gd in gold_docs.items():
        gts = [t for t in gd["toponyms"] if (not coords_only or t.get("lat") is not None)
               and (group is None or t.get("group") == group)]
        pts = [t for t in pred_docs.get(doc_id, {}).get("toponyms", [])
               if not coords_only or t.get("lat") is not None]
        pairs = match(gts, pts, rule)
        tp += len(pairs)
        n_gold += len(gts)
        n_pred += len(pts)
        for g, p in pairs:
            if g.get("geonameid") is not None:
                id_total += 1
                id_hits += p.get("geonameid") == g["geonameid"]
            if g.get("lat") is None:
                continue
            if p.get("lat") is None:
                errors.append(MAX_ERROR_KM)
            else:
                errors.append(haversine_km((g["lat"], g["lon"]), (p["lat"], p["lon"])))
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        rule, n_gold, n_pred, tp, precision, recall, f1, len(errors),
        sum(e < 161 for e in errors) / len(errors) if errors else None,
        statistics.fmean(errors) if errors else None,
        statistics.median(errors) if errors else None,
        auc(errors) if errors else None,
        id_hits / id_total if id_total else None,
        expected_calibration_error(pairs) if (pairs := calibration_pairs(gold_docs, pred_docs, rule=rule))
        else None,
    )


def prediction_record(doc_id: str, toponyms: Iterable[Mapping], *,
                      exclude: set[str] | frozenset[str] = frozenset()) -> dict:
    """The ``{"id", "toponyms"}`` record scored above.

    People-forms ("Malians", "the French": type ``demonym``) are scored without
    coordinates, as GeoWebNews annotates them (its Demonym type has none).
    ``exclude`` leaves out what a corpus does not annotate: ``adjectival``
    (every derived form, "Malian government" too) or a mention type such as
    ``embedded`` (GeoVirus annotates neither).
    """
    out = []
    for t in toponyms:
        if "adjectival" in exclude and t.get("adjectival") or t.get("type") in exclude:
            continue
        if t.get("type") == "demonym":
            t = {**t, "lat": None, "lon": None}
        out.append(t)
    return {"id": doc_id, "toponyms": out}
