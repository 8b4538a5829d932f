"""Toponym resolution: choose a gazetteer record for each recognised mention.

Each candidate gets a score: a prior from what kind of place it is and how
many people live there, plus document context — the countries the article
names, the container of an "X, Y" pair, closeness to places already placed
with confidence. One sense per discourse: every mention of the same name in a
document resolves to the same place. Scores become a confidence by softmax.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from geo.gazetteer import Gazetteer, name_key
from geo.model import Candidate, Focus, Place, Toponym
from geo.recognize import RawMention

KIND_PRIOR = {"country": 4.5, "continent": 4.3, "region": 4.5, "admin1": 2.8, "admin2": 2.4}
#: what a major city (half a million people or more) adds: "Washington", "New York"
MAJOR_CITY_BONUS = 0.5
#: a city that shares its name with a country ("Mexico", "China") needs strong evidence
COUNTRY_NAMESAKE_PENALTY = 1.5
#: likewise a small town named after a division of its own country
DIVISION_NAMESAKE_PENALTY = 1.0
#: a division named after its seat ("Gao", "Kidal") yields to the town
SEAT_PENALTY = 1.0
#: scores are multiplied by this before the softmax (a lower temperature)
SHARPNESS = 2.0
PRIMARY_NAME_BONUS = 1.0
COUNTRY_CONTEXT_BONUS = 1.1
CONTAINER_BONUS = 3.0
NEAR_ANCHOR_BONUS = 0.8
NEAR_ANCHOR_KM = 400.0
MAX_ALTERNATIVES = 5


def _prior(place: Place, key: str) -> float:
    if place.kind in KIND_PRIOR:
        score = KIND_PRIOR[place.kind]
    else:
        score = math.log10(place.population + 10) / 2.0
        if place.feature_code == "PPLC":
            score += 0.3
        if place.population >= 500_000:
            score += MAJOR_CITY_BONUS
    if name_key(place.name) == key:
        score += PRIMARY_NAME_BONUS
    return score


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(SHARPNESS * (s - top)) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


class Resolver:
    """Pick a place for every mention, with a confidence and the runners-up."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, mentions: Sequence[RawMention]) -> list[Toponym]:
        by_key: dict[str, list[RawMention]] = defaultdict(list)
        for m in mentions:
            by_key[name_key(m.text)].append(m)

        # round 0: context is only the countries the text names outright ("Mali",
        # "Malian"); round 1: every place round 0 placed with some confidence, and the
        # towns and divisions it placed with high confidence as anchors
        countries: Counter[str] = Counter()
        for group in by_key.values():
            top = group[0].candidates[0] if group[0].candidates else None
            if top is not None and top.kind == "country":
                countries[top.country_code] += len(group)
        chosen: dict[str, tuple[list[Candidate], float]] = {}
        for key, group in by_key.items():
            chosen[key] = self._rank(key, group[0].candidates, countries,
                                     {m.container for m in group if m.container}, [])
        placed: Counter[str] = Counter()
        contribution: dict[str, tuple[str, int]] = {}
        for key, (ranked, conf) in chosen.items():
            if ranked and conf >= 0.6 and ranked[0].place.country_code:
                contribution[key] = (ranked[0].place.country_code, len(by_key[key]))
                placed[ranked[0].place.country_code] += len(by_key[key])
        anchors = [c[0].place for c, conf in chosen.values()
                   if c and conf >= 0.7 and c[0].place.kind in ("city", "admin1")]
        for key, group in by_key.items():
            context = placed.copy()
            if key in contribution:
                code, n = contribution[key]
                context[code] -= n  # a name is no evidence for itself
            chosen[key] = self._rank(key, group[0].candidates, +context,
                                     {m.container for m in group if m.container},
                                     [a for a in anchors if name_key(a.name) != key])

        out = []
        for m in mentions:
            ranked, conf = chosen[name_key(m.text)]
            place = ranked[0].place if ranked else None
            out.append(Toponym(m.start, m.end, m.text, m.type, place, conf if place else 0.0,
                               tuple(ranked[1:1 + MAX_ALTERNATIVES]), m.sentence, m.adjectival))
        return out

    def _rank(self, key: str, places: Sequence[Place], countries: Counter[str],
              containers: set[str], anchors: list[Place]) -> tuple[list[Candidate], float]:
        if not places:
            return [], 0.0
        container_places = [p for c in containers for p in self.gazetteer.candidates_by_key(c)[:3]]
        named_countries = {p.country_code for p in places if p.kind == "country"}
        named_divisions = {p.country_code for p in places if p.kind in ("admin1", "admin2")}
        division_names = {(p.country_code, p.name) for p in places}
        # "Gao": the town, seat of the Gao region, unless the text says "region"
        seats = {(p.country_code, p.admin1) for p in places if p.kind == "city" and p.population >= 10_000}
        scores = []
        for p in places:
            s = _prior(p, key)
            if named_countries and (p.kind == "city" or p.kind in ("admin1", "admin2")
                                    and p.country_code in named_countries):
                s -= COUNTRY_NAMESAKE_PENALTY  # "Mexico" the country, not México state or Mexico City
            if p.kind == "admin1" and (p.country_code, p.name) in seats or p.kind == "admin2" and any(
                    q.kind == "city" and q.country_code == p.country_code and q.population >= 10_000
                    for q in places):
                s -= SEAT_PENALTY  # a district named after its town ("Cox's Bazar") yields to it too
            if p.kind == "city" and p.country_code in named_divisions and p.population < 500_000 \
                    and (p.country_code, p.admin1) not in division_names:
                s -= DIVISION_NAMESAKE_PENALTY  # "California" the state, not California, Maryland
            if p.kind not in ("country", "continent", "region"):
                if countries.get(p.country_code):
                    s += COUNTRY_CONTEXT_BONUS * min(1.0, 0.5 + 0.25 * countries[p.country_code])
                for c in container_places:
                    if c.kind == "country" and c.country_code == p.country_code or (
                            c.kind == "admin1" and c.country_code == p.country_code and c.admin1 == p.admin1):
                        s += CONTAINER_BONUS
                        break
                if p.kind == "admin1":
                    near = any(a.country_code == p.country_code and a.admin1 == p.admin1 for a in anchors)
                else:
                    near = any(a.geonameid != p.geonameid and (
                        a.kind == "admin1" and a.country_code == p.country_code and a.name == p.admin1
                        or haversine_km((a.lat, a.lon), (p.lat, p.lon)) < NEAR_ANCHOR_KM) for a in anchors)
                if near:
                    s += NEAR_ANCHOR_BONUS
            scores.append(s)
        probs = _softmax(scores)
        order = sorted(range(len(places)), key=lambda n: -probs[n])
        ranked = [Candidate(places[n], probs[n]) for n in order]
        return ranked, ranked[0].score


def document_focus(toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> Focus:
    """The main country and city of a document (CLIFF-style): most mentioned, literal first."""
    country_votes: Counter[str] = Counter()
    city_votes: Counter[int] = Counter()
    cities: dict[int, Place] = {}
    for t in toponyms:
        if t.place is None:
            continue
        weight = 2 if t.type == "literal" else 1
        if t.place.country_code:
            country_votes[t.place.country_code] += weight
        if t.place.kind == "city":
            city_votes[t.place.geonameid] += weight
            cities[t.place.geonameid] = t.place
    country = gazetteer.country(country_votes.most_common(1)[0][0]) if country_votes else None
    city = None
    for gid, _ in city_votes.most_common():
        if country is None or cities[gid].country_code == country.country_code:
            city = cities[gid]
            break
    return Focus(country, city)
