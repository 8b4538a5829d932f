"""The resolver: choose a gazetteer record for each recognised mention.

Two rounds over the names of one article. Round 0 scores each name's records
with the prior, the namesake features and what the text names outright (the
countries it names, "X, Y" containers). Round 1 adds what round 0 placed:
the countries of the places it placed with some confidence and, as anchors,
the towns and divisions it placed with high confidence. A name is never
evidence for itself. One sense per discourse: every mention of the same name
resolves to the same place.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geo.gazetteer import Gazetteer, name_key
from geo.model import Candidate, Place, Toponym
from geo.recognize import RawMention
from geo.resolve.features import CONTEXT_FEATURES, Context, Feature, Namesakes
from geo.resolve.prior import PRIOR_FEATURES, PriorFeature, prior_values
from geo.resolve.score import Model, default_model, softmax

MAX_ALTERNATIVES = 5
#: round-0 confidence from which a name's country counts as placed
PLACED_CONFIDENCE = 0.6
#: round-0 confidence from which a town or division is an anchor
ANCHOR_CONFIDENCE = 0.7
#: how many records of a container name are read ("Paris, Texas": the state, not a town)
CONTAINER_CANDIDATES = 3


@dataclass(frozen=True, slots=True)
class ResolverRule:
    """A rule of the resolver that is not a feature of one candidate."""

    name: str
    provenance: str


ONE_SENSE = ResolverRule("one_sense_per_discourse", "every mention of a name in one article means the same "
                         "place (Gale, Church & Yarowsky 1992); off: each mention is resolved on its own")


class Resolver:
    """Pick a place for every mention, with a confidence and the runners-up.

    Parameters
    ----------
    gazetteer
        The opened gazetteer (for the records of container names).
    model
        Feature weights and calibration; the shipped ``weights.json`` by default.
    disabled
        Names of features or rules to switch off (their value is 0).
    """

    def __init__(self, gazetteer: Gazetteer, *, model: Model | None = None,
                 disabled: Iterable[str] = ()) -> None:
        self.gazetteer = gazetteer
        self.model = model if model is not None else default_model()
        self.disabled = frozenset(disabled)

    @property
    def features(self) -> tuple[PriorFeature | Feature | ResolverRule, ...]:
        return (*PRIOR_FEATURES, *CONTEXT_FEATURES, ONE_SENSE)

    def __call__(self, mentions: Sequence[RawMention]) -> list[Toponym]:
        groups = self._groups(mentions)
        # round 0: context is only the countries the text names outright ("Mali", "Malian")
        named: Counter[str] = Counter()
        for group in groups.values():
            top = group[0].candidates[0] if group[0].candidates else None
            if top is not None and top.kind == "country":
                named[top.country_code] += len(group)
        chosen = {key: self._rank(name_key(group[0].text), group[0].candidates,
                                  Context(named, self._containers(group)))
                  for key, group in groups.items()}
        # round 1: every place round 0 placed with some confidence, and as anchors the towns
        # and divisions it placed with high confidence
        placed: Counter[str] = Counter()
        contribution: dict[str, tuple[str, int]] = {}
        for key, (ranked, conf) in chosen.items():
            if ranked and conf >= PLACED_CONFIDENCE and ranked[0].place.country_code:
                contribution[key] = (ranked[0].place.country_code, len(groups[key]))
                placed[ranked[0].place.country_code] += len(groups[key])
        anchors = [c[0].place for c, conf in chosen.values()
                   if c and conf >= ANCHOR_CONFIDENCE and c[0].place.kind in ("city", "admin1")]
        for key, group in groups.items():
            name = name_key(group[0].text)
            countries = placed.copy()
            if key in contribution:
                code, n = contribution[key]
                countries[code] -= n  # a name is no evidence for itself
            context = Context(+countries, self._containers(group),
                              [a for a in anchors if name_key(a.name) != name])
            chosen[key] = self._rank(name, group[0].candidates, context)

        out = []
        for n, m in enumerate(mentions):
            ranked, conf = chosen[self._key(n, m)]
            place = ranked[0].place if ranked else None
            out.append(Toponym(m.start, m.end, m.text, m.type, place, conf if place else 0.0,
                               tuple(ranked[1:1 + MAX_ALTERNATIVES]), m.sentence, m.adjectival))
        return out

    def _key(self, n: int, mention: RawMention) -> str | int:
        return n if ONE_SENSE.name in self.disabled else name_key(mention.text)

    def _groups(self, mentions: Sequence[RawMention]) -> dict[str | int, list[RawMention]]:
        """Mentions by name key (one sense per discourse), or each alone when that rule is off."""
        groups: dict[str | int, list[RawMention]] = defaultdict(list)
        for n, m in enumerate(mentions):
            groups[self._key(n, m)].append(m)
        return groups

    def _containers(self, group: list[RawMention]) -> list[Place]:
        keys = {m.container for m in group if m.container}
        return [p for c in keys for p in self.gazetteer.candidates_by_key(c)[:CONTAINER_CANDIDATES]]

    def _rank(self, key: str, places: Sequence[Place], context: Context) -> tuple[list[Candidate], float]:
        ranked = rank(places, key, context, model=self.model, disabled=self.disabled)
        return ranked, self.model.calibration(ranked[0].score) if ranked else 0.0


def rank(places: Sequence[Place], key: str, context: Context | None = None, *, model: Model | None = None,
         disabled: frozenset[str] = frozenset()) -> list[Candidate]:
    """The records of one name, best first, each with its probability under ``model``.

    The one ranking behind the resolver and the geopy ``OfflineGazetteer``
    (which passes no context: the prior and the namesake features only).
    """
    if not places:
        return []
    model = model if model is not None else default_model()
    context = context if context is not None else Context()
    namesakes = Namesakes(places)
    prior_w = model.prior_weights
    context_w = model.context_weights
    scores = []
    for p in places:
        s = 0.0
        for feature, value in zip(PRIOR_FEATURES, prior_values(p, key, disabled), strict=True):
            if value:
                s += prior_w.get(feature.name, 0.0) * value
        for f in CONTEXT_FEATURES:
            if f.name not in disabled:
                value = f.value(p, namesakes, context)
                if value:
                    s += context_w.get(f.name, 0.0) * value
        scores.append(s)
    probs = softmax(scores, model.sharpness)
    order = sorted(range(len(places)), key=lambda n: -probs[n])
    return [Candidate(places[n], probs[n]) for n in order]
