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

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from operator import mul

from geo.gazetteer import Gazetteer, name_key
from geo.model import Candidate, Place, Toponym
from geo.recognize import RawMention
from geo.resolve.address import own_addresses, placing, shared_addresses, unmet_addresses
from geo.resolve.article import AREA_KINDS, AREA_READING_MIN, Areas, ArticleName, Lists
from geo.resolve.calibrate import country_area_km2
from geo.resolve.coherence import close_pairs, division_votes
from geo.resolve.features import (
    ARTICLE_FEATURES,
    CONTEXT_FEATURES,
    NAMESAKE_FEATURES,
    SUPRANATIONAL,
    Context,
    Feature,
    Namesakes,
    continent_of,
    haversine_km,
    in_facility_name,
    inside,
    near_anchors,
)
from geo.resolve.prior import PRIOR_FEATURES, PriorFeature, prior_values
from geo.resolve.rules import (
    CODE_CASE,
    CONTAINER_AREA,
    COUNTRY_MASS,
    DEFINITION,
    FACILITY,
    IN_CONTAINER,
    JURISDICTION,
    LOCATED,
    ONE_SENSE,
    OUTSIDE,
    OWN_ADDRESS,
    PEER_LIST,
    PEERS,
    POSSESSIVE,
    READINGS_NEAR_ANCHORS,
    SENTENCE_READINGS,
    SHARED_ADDRESS,
    UNMET_ADDRESS,
    ResolverRule,
)
from geo.resolve.score import Model, default_model, softmax

#: every feature's name, in the order of a feature row
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in (*PRIOR_FEATURES, *CONTEXT_FEATURES))
#: the row's first features: what a name's records give before any context
RECORD_FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in (*PRIOR_FEATURES, *NAMESAKE_FEATURES))
ARTICLE_FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in ARTICLE_FEATURES)
#: names whose records' context-free part the resolver keeps (FIFO), about 2 KB each
RECORD_CACHE_SIZE = 4096
MAX_ALTERNATIVES = 5
#: round-0 confidence from which a name's country counts as placed
PLACED_CONFIDENCE = 0.6
#: the share of an unplaced name's mass its best record's country must hold to count (rule COUNTRY_MASS)
COUNTRY_MASS_SHARE = 0.9
#: round-0 confidence from which a town or division is an anchor
ANCHOR_CONFIDENCE = 0.7
#: a city this big keeps its reading as the Y of "X, Y" ("Brooklyn, New York")
CONTAINER_CITY_POPULATION = 1_000_000
#: how many records of a container name are read ("Paris, Texas": the state, not a town)
CONTAINER_CANDIDATES = 3
#: records this close to the winner place the name where the winner does (the scorer's 161 km)
LOCATED_KM = 161.0
#: records less likely than this are not worth a distance
LOCATED_MIN_SCORE = 0.005
#: what stands between two names of one list ("Wyoming, Iowa and Nevada"; "Texas and Portland"), and
#: the repeated count of a tally ("twelve in Ontario, eight in Alberta and one in Quebec")
LIST_GAP = re.compile(r"\s*[,;/]?\s*(?:(?:and|or|&|as well as)\s+)?(?:the\s+)?|\s*[,;]\s*(?:and\s+)?"
                      r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                      r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a dozen|"
                      r"dozens|hundreds|thousands)(?:\s+[a-z]+)?\s+in\s+(?:the\s+)?", re.IGNORECASE)
#: the head of a government body's name after the area it serves (rule JURISDICTION): its police, courts,
#: legislature, offices and services ("Ohio State Highway Patrol", "Harris County Sheriff's Office")
JURISDICTION_AFTER = re.compile(
    r"(?:\s+State)?\s+(?:Sheriff|Police|Highway|Patrol|Troopers?|Department|Dept|Bureau|Legislature|Senate|"
    r"Assembly|General Assembly|House|Governor|Attorney|Prosecutor|District Attorney|Supreme|Superior|"
    r"Circuit|Court|Courts|Commission|Commissioners|Board|Council|Fire|Schools|School|Coroner|"
    r"Medical Examiner|Elections?|Corrections|Emergency|Health|National Guard)\b")


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
        #: (name key, record ids) -> the records' context-free part (see :class:`Records`);
        #: at most RECORD_CACHE_SIZE names, the oldest dropped first
        self._records: dict[tuple, Records] = {}
        self._lock = threading.Lock()
        continent_of(), country_area_km2()  # read now: every article needs them, the first would wait

    @property
    def features(self) -> tuple[PriorFeature | Feature | ResolverRule, ...]:
        return (*PRIOR_FEATURES, *CONTEXT_FEATURES, FACILITY, LOCATED, CODE_CASE, PEERS, SENTENCE_READINGS, PEER_LIST,
                CONTAINER_AREA, POSSESSIVE, DEFINITION, IN_CONTAINER,
                OUTSIDE, UNMET_ADDRESS, OWN_ADDRESS, ONE_SENSE, COUNTRY_MASS,
                JURISDICTION, READINGS_NEAR_ANCHORS, SHARED_ADDRESS)

    def records(self, mention: RawMention) -> list[Place]:
        """The gazetteer records a mention can mean (its candidates, less what the rules exclude)."""
        if CODE_CASE.name in self.disabled or mention.text.isupper():
            return list(mention.candidates)
        key = name_key(mention.text)
        return [p for p in mention.candidates if p.kind != "airport" or self._airport_by_name(key, p)]

    def _airport_by_name(self, key: str, place: Place) -> bool:
        """Whether ``key`` names the airport by a name ("Heathrow", "Ben Gurion airport"), not its code;
        a span wider than any of its names (a facility built on it: "Heathrow Animal Reception
        Center") by the words of its own name or by a name of it that opens the span."""
        quality = self.gazetteer.name_quality(key, place.geonameid)
        if quality:
            return quality != "code"
        if f" {key} " in f" {name_key(place.name)} ":
            return True
        words = key.split()
        return any(self.gazetteer.name_quality(" ".join(words[:n]), place.geonameid) not in ("", "code")
                   for n in range(len(words) - 1, 0, -1))

    def __call__(self, mentions: Sequence[RawMention], text: str = "") -> list[Toponym]:
        return [toponym for toponym, _ in self.resolve(mentions, text)]

    def resolve(self, mentions: Sequence[RawMention], text: str = "") -> list[tuple[Toponym, int]]:
        """Each mention's toponym, and whether its place is outside the article's other
        countries (:data:`OUTSIDE`: 0 no, 1 yes, 2 on another continent too; what
        ``scripts/fit_resolver.py`` fits the calibration on)."""
        chains = self._chains(mentions, text)
        strict, loose = placing(mentions, text, self.disabled)
        names = self.resolve_names(mentions, text, chains=chains, placed=loose)
        if FACILITY.name not in self.disabled and text:
            self._drop_facility_names(mentions, text, names)
        located = {key: self._located(ranked) for key, (ranked, _) in names.items() if ranked}
        outside = self._outside(names, located)
        chosen = {key: (ranked, self.model.calibration(located[key], ranked[0].place, outside.get(key, 0))
                        if ranked else 0.0) for key, (ranked, _) in names.items()}
        unmet = {} if UNMET_ADDRESS.name in self.disabled else \
            unmet_addresses(self.gazetteer, mentions, chosen, self._key, chains, placed=PLACED_CONFIDENCE,
                            defined=strict)
        own = {} if OWN_ADDRESS.name in self.disabled else \
            own_addresses(self.gazetteer, mentions, chosen, self._key, chains, placed=PLACED_CONFIDENCE)
        out = []
        for n, m in enumerate(mentions):
            key = self._key(n, m)
            ranked, conf = chosen[key]
            place = ranked[0].place if ranked else None
            alternatives = _capped(ranked[1:1 + MAX_ALTERNATIVES], conf)
            if id(m) in own:  # its own "X, Y" names another record than its name's other mentions
                record, share = own[id(m)]
                place, conf = record.place, self.model.calibration(share, record.place, 0)
                alternatives = _capped([c for c in ranked if c.place.geonameid != place.geonameid][:MAX_ALTERNATIVES],
                                       conf)
            if key in unmet:  # placed at the Y of its address; every record of its own an alternative, as
                # likely as the address is misread (Y not that area)
                place, conf, area_conf = unmet[key]
                alternatives = tuple(Candidate(c.place, c.score * (1.0 - area_conf)) for c in ranked[:MAX_ALTERNATIVES])
            out.append((Toponym(m.start, m.end, m.text, m.type, place, conf if place else 0.0,
                                alternatives, m.sentence, m.adjectival), outside.get(key, 0)))
        return out

    def _outside(self, names: dict[str | int, tuple[list[Candidate], list[list[float]]]],
                 located: dict[str | int, float]) -> dict[str | int, int]:
        """The names whose winner's country is none of the countries of the article's other
        names placed with confidence, where there are some (:data:`OUTSIDE`): 1, or 2 where its
        continent is none of theirs either."""
        if OUTSIDE.name in self.disabled:
            return {}
        countries: Counter[str] = Counter()
        for key, (ranked, _) in names.items():
            if ranked and located[key] >= PLACED_CONFIDENCE and ranked[0].place.country_code:
                countries[ranked[0].place.country_code] += 1
        out: dict[str | int, int] = {}
        continents = continent_of()
        for key, (ranked, _) in names.items():
            if not ranked or not ranked[0].place.country_code:
                continue
            own = ranked[0].place.country_code
            others = countries if located[key] < PLACED_CONFIDENCE else _without(countries, own, 1)
            if others and own not in others:
                far = continents.get(own, "") not in {continents.get(cc, "") for cc in others}
                out[key] = 2 if far else 1
        return out

    def resolve_names(self, mentions: Sequence[RawMention], text: str = "", *, rows: bool = False,
                      chains: dict[int, int] | None = None, placed: dict[int, str] | None = None,
                      ) -> dict[str | int, tuple[list[Candidate], list[list[float]]]]:
        """Each name's ranked records (uncalibrated probabilities) and, with ``rows``, the final
        round's feature rows in the order of the name's records (what ``scripts/fit_resolver.py``
        fits; empty lists without). ``chains`` and ``placed``: the lists and the placing
        containers of the text (:func:`placing`'s loose ones), where the caller has them."""
        groups = self._groups(mentions)
        chains = self._chains(mentions, text) if chains is None else chains
        sizes = Counter(chains.values())
        possessive = placing(mentions, text, self.disabled)[1] if placed is None else placed
        if SHARED_ADDRESS.name not in self.disabled:
            possessive = {**shared_addresses(mentions, chains), **possessive}
        bodies = set() if JURISDICTION.name in self.disabled or not text else {
            id(m) for m in mentions if m.type == "embedded" and JURISDICTION_AFTER.match(text, m.end)}
        names = {}
        for key, places in self.name_records(mentions, groups).items():
            group = groups[key]
            names[key] = ArticleName(group, places, self._containers(group, chains, sizes, possessive), chains,
                                     bodies)
            if len(places) > 1:
                names[key].records = self._record_part(names[key].key, places)
        # round 0: context is only what the text names outright: countries ("Mali", "Malian"),
        # divisions (states, counties), "X, Y" containers
        outright = {key: n.places[0] for key, n in names.items() if _outright(n.places)}
        named: Counter[str] = Counter()
        for key, top in outright.items():
            if top.kind == "country":
                named[top.country_code] += names[key].count
        chosen = {}
        round0 = Areas(outright, names)
        for key, n in names.items():
            context = Context(named, n.containers)
            self._add_areas(context, key, names, round0)
            chosen[key] = self._rank(n, context)[0]
        # round 1: what round 0 placed with some confidence, and as anchors the towns and
        # divisions it placed with high confidence; a name is never evidence for itself
        located = {key: self._located(ranked) for key, ranked in chosen.items() if ranked}
        placed = {key: chosen[key][0].place for key, p in located.items() if p >= PLACED_CONFIDENCE}
        everywhere: Counter[str] = Counter()
        continents: Counter[str] = Counter()
        for key, place in placed.items():
            if place.country_code:
                everywhere[place.country_code] += names[key].count
                continents[continent_of().get(place.country_code, "")] += names[key].count
        own_country = {key: p.country_code for key, p in placed.items() if p.country_code}
        if COUNTRY_MASS.name not in self.disabled:
            for key, cc in self._countries_of_unplaced(chosen, placed).items():
                everywhere[cc] += names[key].count
                continents[continent_of().get(cc, "")] += names[key].count
                own_country[key] = cc
        anchors = [(key, chosen[key][0].place, name_key(p.name)) for key, p in placed.items()
                   if located[key] >= ANCHOR_CONFIDENCE and p.kind in ("city", "admin1", "admin2")]
        points = [(key, (p.lat, p.lon)) for key, p in placed.items() if p.kind not in SUPRANATIONAL]
        areas = Areas({**outright, **{k: p for k, p in placed.items() if p.kind in AREA_KINDS}}, names,
                       self._readings(chosen), chosen)
        own_keys = {k: n.key for k, n in names.items()}
        lists, votes, pairs = Lists(names), division_votes(chosen, own_keys), close_pairs(chosen, own_keys)
        result = {}
        for key, n in names.items():
            countries, around = everywhere, continents
            own_cc = own_country.get(key)
            if own_cc:
                countries = _without(everywhere, own_cc, n.count)
                around = _without(continents, continent_of().get(own_cc, ""), n.count)
            context = Context(countries, n.containers,
                              [a for k, a, a_key in anchors if k != key and a_key != n.key],
                              points=[q for k, q in points if k != key],
                              continent=max(around, key=around.__getitem__) if around else "",
                              division_votes=votes.get(key, {}), close_pairs=pairs.get(key, frozenset()))
            self._add_areas(context, key, names, areas)
            context.list_peers = lists.peers(key, placed)
            result[key] = self._rank(n, context, rows)
        return result

    @staticmethod
    def _countries_of_unplaced(chosen: dict[str | int, list[Candidate]], placed: dict[str | int, Place],
                               ) -> dict[str | int, str]:
        """The country of each name round 0 did not place whose records' mass lies there (rule
        :data:`COUNTRY_MASS`): its best record's country, where that holds at least
        :data:`PLACED_CONFIDENCE` of the mass, as for a placed name (not a country that only
        many small namesakes add up to: the American Oxfords against Oxford, England)."""
        out: dict[str | int, str] = {}
        for key, ranked in chosen.items():
            if key in placed or len(ranked) < 2:
                continue
            mass: Counter[str] = Counter()
            for c in ranked:
                if c.place.country_code and c.place.kind not in SUPRANATIONAL:
                    mass[c.place.country_code] += c.score
            cc = ranked[0].place.country_code
            if cc and mass[cc] >= COUNTRY_MASS_SHARE:
                out[key] = cc
        return out

    def name_records(self, mentions: Sequence[RawMention], groups: dict[str | int, list[RawMention]] | None = None,
                     ) -> dict[str | int, list[Place]]:
        """Each name's records, in the order of its feature rows (see :meth:`records`; a name that is
        the Y of an "X, Y" pair keeps its area readings: :data:`CONTAINER_AREA`)."""
        groups = groups if groups is not None else self._groups(mentions)
        containing = {m.container for m in mentions if m.container} if CONTAINER_AREA.name not in self.disabled \
            else set()
        # the Y of a county is an area even where it is a big city's name ("Madison County, New York")
        of_county = {m.container for m in mentions
                     if m.container in containing and m.candidates and all(p.kind == "admin2" for p in m.candidates)}
        out = {}
        for key, group in groups.items():
            places, own = self.records(group[0]), name_key(group[0].text)
            out[key] = _as_container(places, own not in of_county) if own in containing else places
        return out

    def _readings(self, chosen: dict[str | int, list[Candidate]]) -> dict[str | int, list[Place]]:
        """Every area reading of each name whose first reading is an area (see :data:`SENTENCE_READINGS`)."""
        if SENTENCE_READINGS.name in self.disabled:
            return {}
        return {key: [c.place for c in ranked[1:] if c.place.kind in AREA_KINDS and c.score >= AREA_READING_MIN]
                for key, ranked in chosen.items() if len(ranked) > 1 and ranked[0].place.kind in AREA_KINDS}

    def _chains(self, mentions: Sequence[RawMention], text: str) -> dict[int, int]:
        """id(mention) -> its list: consecutive names of one sentence with only a list's gap between
        them share one (see :data:`PEER_LIST`); every mention its own list when the rule is off."""
        out: dict[int, int] = {}
        chain = 0
        previous = None
        for m in sorted(mentions, key=lambda m: m.start):
            if (PEER_LIST.name in self.disabled or not text or previous is None
                    or previous.sentence != m.sentence or m.start < previous.end
                    or not LIST_GAP.fullmatch(text, previous.end, m.start)):
                chain += 1
            out[id(m)] = chain
            previous = m
        return out

    def _add_areas(self, context: Context, key: str | int, names: dict[str | int, ArticleName], areas: Areas) -> None:
        """The divisions the article names anywhere, the areas named in this name's sentences and,
        for a name with area readings, the towns and counties named there."""
        context.divisions, context.counties = areas.named_without(key)
        own = names[key]
        if key in areas.with_areas:
            for k in {k for s in own.sentences for k in areas.towns_by_sentence.get(s, ())}:
                share = own.share_beside(names[k]) if k != key else 0.0
                if share:
                    context.sentence_places.extend((p, share) for p in self._by_anchors(areas.town_readings[k], context))
            ids = {p.geonameid for p in own.places}
            for k, readings in areas.town_readings.items():  # "Walton County, Georgia": the Y of an address
                if k != key and any(p.geonameid in ids for p in names[k].containers):
                    context.sentence_places.extend((p, 1.0) for p in readings)
        beside = {k for s in own.sentences for k in areas.by_sentence.get(s, ())}
        beside.discard(key)
        for k in beside:
            share = own.share_beside(names[k])
            if share:
                for place in self._by_anchors((areas.places[k], *areas.readings.get(k, ())), context):
                    context.sentence_areas.append(place)
                    context.area_shares[place.geonameid] = max(share, context.area_shares.get(place.geonameid, 0.0))

    def _by_anchors(self, readings: Sequence[Place], context: Context) -> Sequence[Place]:
        """The readings of a name beside this one that count (rule :data:`READINGS_NEAR_ANCHORS`):
        those near the article's anchors (``near_anchor``'s test) where some are, else all."""
        if len(readings) < 2 or not context.anchors or READINGS_NEAR_ANCHORS.name in self.disabled:
            return readings
        near = [p for p, v in zip(readings, near_anchors(readings, context), strict=True) if v]
        return near or readings

    def _drop_facility_names(self, mentions: Sequence[RawMention], text: str,
                             names: dict[str | int, tuple[list[Candidate], list[list[float]]]]) -> None:
        """Unresolve facility-name parts with no record inside the article's other places."""
        placed = {key: ranked[0].place for key, (ranked, _) in names.items()
                  if ranked and self._located(ranked) >= PLACED_CONFIDENCE}
        for n, m in enumerate(mentions):
            key = self._key(n, m)
            ranked = names[key][0]
            if not ranked or not in_facility_name(text, m.start, m.end):
                continue
            others = [p for k, p in placed.items() if k != key]
            countries = {p.country_code for p in others if p.country_code}
            divisions = {(p.country_code, p.admin1) for p in others if p.kind not in SUPRANATIONAL}
            divided = {cc for cc, _ in divisions}
            inside = [c for c in ranked if c.place.country_code in countries and (
                c.place.country_code not in divided or (c.place.country_code, c.place.admin1) in divisions)]
            if countries and not inside:
                names[key] = ([], names[key][1])

    def _located(self, ranked: Sequence[Candidate]) -> float:
        """The probability that the name is where its winner is (see :data:`LOCATED`)."""
        if LOCATED.name in self.disabled or len(ranked) == 1:
            return ranked[0].score
        top = (ranked[0].place.lat, ranked[0].place.lon)
        near = sum(c.score for c in ranked[1:]
                   if c.score >= LOCATED_MIN_SCORE and haversine_km(top, (c.place.lat, c.place.lon)) < LOCATED_KM)
        return min(1.0, ranked[0].score + near)

    def _key(self, n: int, mention: RawMention) -> str | int:
        return n if ONE_SENSE.name in self.disabled else name_key(mention.text)

    def _groups(self, mentions: Sequence[RawMention]) -> dict[str | int, list[RawMention]]:
        """Mentions by name key (one sense per discourse), or each alone when that rule is off."""
        groups: dict[str | int, list[RawMention]] = defaultdict(list)
        for n, m in enumerate(mentions):
            groups[self._key(n, m)].append(m)
        return groups

    def _containers(self, group: list[RawMention], chains: dict[int, int] | None = None,
                    sizes: Counter[int] | None = None, possessive: dict[int, str] | None = None) -> list[Place]:
        keys = {m.container for m in group if m.container} | {possessive[id(m)] for m in group
                                                             if possessive and id(m) in possessive}
        containers = [p for c in keys for p in self._container_readings(c, group[0].candidates)]
        if PEERS.name in self.disabled or not containers:
            return containers
        if chains is not None and sizes is not None and all(
                sizes[chains[id(m)]] < 3 for m in group if m.container and id(m) in chains):
            return containers  # "X, Y" alone: an address
        # a name that is itself a state or country by its own name ("Wyoming, Iowa and Nevada") is a
        # peer of the state after it; one that reaches a division only by another name ("Moscow",
        # Moskva; "Vienna", Wien) is a town of an address list ("Athens, Ohio, and Moscow, Idaho")
        key = name_key(group[0].text)
        own = {p.kind for p in group[0].candidates if p.kind in ("country", "admin1") and name_key(p.name) == key}
        return [c for c in containers if c.kind not in own]

    def _container_readings(self, key: str, records: Sequence[Place]) -> Sequence[Place]:
        """The readings of a container name that count: its first CONTAINER_CANDIDATES or, where
        none of them holds a record of the name it contains, the others that do ("Paris is a
        community in Monroe County": the one of seventeen Monroe Counties that holds a Paris)."""
        readings = self.gazetteer.candidates_by_key(key)
        first = readings[:CONTAINER_CANDIDATES]
        towns = [p for p in records if p.kind not in SUPRANATIONAL]
        if len(readings) <= CONTAINER_CANDIDATES or any(inside(p, a) for a in first for p in towns):
            return first
        return [*first, *(a for a in readings[CONTAINER_CANDIDATES:]
                          if a.kind in AREA_KINDS and any(inside(p, a) for p in towns))]

    def _rank(self, name: ArticleName, context: Context, rows: bool = False,
              ) -> tuple[list[Candidate], list[list[float]]]:
        if len(name.places) <= 1:  # nothing to choose: no features to read
            return [Candidate(p, 1.0) for p in name.places], []
        records = name.records
        if rows:  # fitting: the cached part keeps no rows
            records = record_part(name.places, name.key, self.model, self.disabled, with_rows=True)
        scores, rows = article_scores(name.places, records, context, self.model, self.disabled,
                                      with_rows=rows)
        return ranked(name.places, scores, self.model), rows

    def _record_part(self, key: str, places: list[Place]) -> Records:
        ids = (key, *[p.geonameid for p in places])
        found = self._records.get(ids)
        if found is None:
            found = record_part(places, key, self.model, self.disabled)
            with self._lock:
                if len(self._records) >= RECORD_CACHE_SIZE:
                    del self._records[next(iter(self._records))]
                self._records[ids] = found
        return found


def _without(counts: Counter[str], key: str, count: int) -> Counter[str]:
    """``counts`` less ``count`` of ``key`` (dropped at 0): a name is never evidence for itself."""
    out = counts.copy()
    out[key] -= count
    if out[key] <= 0:
        del out[key]
    return out


def _capped(alternatives: Sequence[Candidate], confidence: float) -> tuple[Candidate, ...]:
    """Runners-up shown beside a calibrated choice: each at most what its confidence leaves."""
    return tuple(Candidate(c.place, min(c.score, 1.0 - confidence)) for c in alternatives)


def _as_container(places: list[Place], big_city: bool = True) -> list[Place]:
    """A container name's area readings (see :data:`CONTAINER_AREA`), or all of them where it has none
    or is a big city (with ``big_city``: "Brooklyn, New York": the city)."""
    areas = [p for p in places if p.kind in AREA_KINDS]
    if not areas or big_city and any(p.kind == "city" and p.population >= CONTAINER_CITY_POPULATION for p in places):
        return places
    return areas


def _outright(places: Sequence[Place]) -> bool:
    """Whether a name's first record is an area the text names outright: a country, a state, or a
    county whose name is no town of it ("Kane County"; "Paris" is the town before the département)."""
    if not places or places[0].kind not in AREA_KINDS:
        return False
    top = places[0]
    return top.kind != "admin2" or not any(
        p.kind == "city" and p.country_code == top.country_code and p.admin2 == top.admin2 for p in places)


class Records:
    """What one name's records give before any context, computed once per name.

    ``scores`` are the weighted sums of the first features of each record's row
    (:data:`RECORD_FEATURE_NAMES`: the prior and the namesake features), the prefix
    of each record's score that the article's features then add to. ``rows`` are
    those features themselves, kept only where asked for (fitting the weights).
    """

    __slots__ = ("namesakes", "scores", "rows")

    def __init__(self, namesakes: Namesakes, scores: list[float], rows: list[list[float]] | None = None) -> None:
        self.namesakes = namesakes
        self.scores = scores
        self.rows = rows


def record_part(places: Sequence[Place], key: str, model: Model, disabled: frozenset[str] = frozenset(),
                *, with_rows: bool = False) -> Records:
    namesakes = Namesakes(places)
    empty = Context()
    zeros = [0.0] * len(places)
    columns = [zeros if f.name in disabled else f.values(places, namesakes, empty) for f in NAMESAKE_FEATURES]
    rows = [[*prior_values(p, key, disabled), *own] for p, own in zip(places, zip(*columns, strict=True),
                                                                      strict=True)]
    weights = model.vector(RECORD_FEATURE_NAMES)
    return Records(namesakes, [sum(map(mul, weights, row)) for row in rows], rows if with_rows else None)


def article_scores(places: Sequence[Place], records: Records, context: Context, model: Model,
                   disabled: frozenset[str] = frozenset(), *, with_rows: bool = False,
                   ) -> tuple[list[float], list[list[float]]]:
    """Each record's score: its context-free prefix plus the weighted article features, and (with
    ``with_rows``) each record's whole row of :data:`FEATURE_NAMES` (0 where disabled).

    The features are added column by column in row order, so each score is the same sum, term by
    term, as the weighted sum of its row; a feature the article gives nothing to read adds 0.
    """
    scores = records.scores
    columns = []
    for feature, weight in zip(ARTICLE_FEATURES, model.vector(ARTICLE_FEATURE_NAMES), strict=True):
        if feature.name in disabled or not feature.active(context):
            columns.append(None)
            continue
        column = feature.values(places, records.namesakes, context)
        columns.append(column)
        if weight:
            scores = [s + weight * v if v else s for s, v in zip(scores, column, strict=True)]
    if not with_rows:
        return scores, []
    if records.rows is None:
        raise ValueError("Expected records made with_rows=True to return feature rows.")
    zeros = [0.0] * len(places)
    filled = [zeros if c is None else c for c in columns]
    return scores, [[*row, *article] for row, article in zip(records.rows, zip(*filled, strict=True), strict=True)]


def feature_rows(places: Sequence[Place], key: str, context: Context | None = None,
                 disabled: frozenset[str] = frozenset(), model: Model | None = None) -> list[list[float]]:
    """One row per record: the values of :data:`FEATURE_NAMES` (0 where disabled)."""
    model = model if model is not None else default_model()
    context = context if context is not None else Context()
    return article_scores(places, record_part(places, key, model, disabled, with_rows=True), context, model,
                          disabled, with_rows=True)[1]


def ranked(places: Sequence[Place], scores: list[float], model: Model) -> list[Candidate]:
    """The records best first, each with its probability (the softmax of the scores)."""
    if not places:
        return []
    probs = softmax(scores, model.sharpness)
    order = sorted(range(len(places)), key=lambda n: -probs[n])
    return [Candidate(places[n], probs[n]) for n in order]


def rank(places: Sequence[Place], key: str, context: Context | None = None, *, model: Model | None = None,
         disabled: frozenset[str] = frozenset()) -> list[Candidate]:
    """The records of one name, best first, each with its probability under ``model``.

    The one ranking behind the resolver and the geopy ``OfflineGazetteer``
    (which passes no context: the prior and the namesake features only).
    """
    model = model if model is not None else default_model()
    if not places:
        return []
    scores, _ = article_scores(places, record_part(places, key, model, disabled),
                               context if context is not None else Context(), model, disabled)
    return ranked(places, scores, model)
