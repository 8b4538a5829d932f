"""The names of one article as the resolver reads them: each name's mentions, its lists
("Arizona, Georgia and Pennsylvania") and the areas a round reads, indexed once per article."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from geo.gazetteer import name_key
from geo.model import Candidate, Place
from geo.recognize import RawMention

if TYPE_CHECKING:
    from geo.resolve.resolver import Records

#: what a name placed outright as an area can contain ("X is a city in C County, S")
AREA_KINDS = frozenset({"country", "admin1", "admin2"})
#: round-1 sentence areas: every area reading of a name read as an area at least this likely
#: ("Gibson County" is in several states: the one that contains the town named with it is meant)
AREA_READING_MIN = 0.02


class ArticleName:
    """One name of an article: its mentions and what is read of it once for both rounds."""

    __slots__ = ("key", "places", "count", "sentences", "spots", "containers", "records", "_placing")

    def __init__(self, group: list[RawMention], places: list[Place], containers: list[Place],
                 chains: dict[int, int] | None = None, bodies: set[int] = frozenset()) -> None:
        self.key = name_key(group[0].text)
        self.places = places
        self.count = len(group)
        chains = chains or {}
        #: (sentence, list, names a place) of each mention: "the Gibson County Fair Board" is an
        #: organisation, it names no area of its sentence; a government body of the area does
        #: (``bodies``: ids of such mentions, rule ``jurisdiction_names_area``)
        self.spots = [(m.sentence, chains.get(id(m), -n - 1), m.type != "embedded" or id(m) in bodies)
                      for n, m in enumerate(group)]
        self.sentences = {m.sentence for m in group}
        #: sentence -> the lists of the mentions there that name a place
        self._placing: dict[int, set[int]] = {}
        for sentence, chain, place in self.spots:
            if place:
                self._placing.setdefault(sentence, set()).add(chain)
        self.containers = containers
        self.records: Records | None = None  # set by the resolver where there is a choice

    def share_beside(self, other: ArticleName) -> float:
        """The share of this name's mentions in a sentence that names ``other`` outside their own list."""
        if self.sentences.isdisjoint(other.sentences):
            return 0.0
        placing = other._placing
        beside = 0
        for sentence, chain, _ in self.spots:
            chains = placing.get(sentence)
            if chains and (len(chains) > 1 or chain not in chains):
                beside += 1
        return beside / self.count


class Lists:
    """The names of each list of an article ("Arizona, Georgia and Pennsylvania"), for feature
    ``list_peer``: a name's list-mates, and the kind and country they were placed as."""

    __slots__ = ("members", "names")

    def __init__(self, names: dict[str | int, ArticleName]) -> None:
        self.names = names
        keys_of: dict[int, set[str | int]] = defaultdict(set)
        for key, n in names.items():
            for _, chain, _ in n.spots:
                keys_of[chain].add(key)
        self.members = {chain: keys for chain, keys in keys_of.items() if len(keys) > 1}

    def peers(self, key: str | int, placed: dict[str | int, Place]) -> list[tuple[str, str, float]]:
        """(kind, country code, share) of the placed list-mates of ``key``'s mentions: the share
        of its mentions that stand in a list with such a mate."""
        if not self.members:
            return []
        n = self.names[key]
        out: dict[tuple[str, str], int] = {}
        for _, chain, _ in n.spots:
            mates = {(p.kind, p.country_code) for k in self.members.get(chain, ())
                     if k != key and (p := placed.get(k)) is not None}
            for mate in mates:
                out[mate] = out.get(mate, 0) + 1
        return [(kind, cc, count / n.count) for (kind, cc), count in out.items()]


#: what a town-or-county name's records may be (``contains_sentence_place``)
_TOWN_KINDS = frozenset({"city", "admin2", "airport"})


class Areas:
    """The areas one round reads, indexed once per article: by sentence, and the divisions named."""

    __slots__ = ("places", "readings", "by_sentence", "divisions", "states", "counties", "_own", "with_areas",
                 "towns_by_sentence", "town_readings")

    def __init__(self, places: dict[str | int, Place], names: dict[str | int, ArticleName],
                 readings: dict[str | int, list[Place]] | None = None,
                 ranked: dict[str | int, list[Candidate]] | None = None) -> None:
        self.places = places
        self.readings = readings or {}
        ranked = ranked or {}
        self.by_sentence: dict[int, list[str | int]] = defaultdict(list)
        divisions: Counter[tuple[str, ...]] = Counter()
        self._own: dict[str | int, tuple[str, ...]] = {}
        for k, area in places.items():
            for s in names[k].sentences:
                self.by_sentence[s].append(k)
            if area.kind == "admin1":
                self._own[k] = (area.country_code, area.name)
            elif area.kind == "admin2":
                self._own[k] = (area.country_code, area.admin1, area.admin2)
            if k in self._own:
                divisions[self._own[k]] += 1
        self.divisions = divisions
        self.states = {t for t in divisions if len(t) == 2}
        self.counties = {t for t in divisions if len(t) == 3}
        #: names with two likely readings or more, all of them areas; names of towns and counties only
        #: (no country or state reading), by sentence, with their likely readings in the last round
        #: (feature ``contains_sentence_place``; none in round 0)
        self.with_areas = {k for k, likely in ((k, [c for c in r if c.score >= AREA_READING_MIN])
                                                for k, r in ranked.items())
                           if len(likely) > 1 and all(c.place.kind in AREA_KINDS for c in likely)}
        self.towns_by_sentence: dict[int, list[str | int]] = defaultdict(list)
        self.town_readings: dict[str | int, list[Place]] = {}
        if self.with_areas:
            for k, n in names.items():
                if n.places and all(p.kind in _TOWN_KINDS for p in n.places) and ranked.get(k):
                    self.town_readings[k] = [c.place for c in ranked[k] if c.score >= AREA_READING_MIN]
                    for s in n.sentences:
                        self.towns_by_sentence[s].append(k)

    def named_without(self, key: str | int) -> tuple[set, set]:
        """The (country, state) and (country, state, county) the article names, less ``key``'s own
        (shared sets where the name names none of them alone: the features only read them)."""
        own = self._own.get(key)
        if own is None or self.divisions[own] > 1:
            return self.states, self.counties
        return self.states - {own}, self.counties - {own}
