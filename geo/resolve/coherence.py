"""Coherence without anchors: the division the article's ambiguous towns share, and the readings
of two names that lie together.

Local news names towns of one state, most of them ambiguous: Columbia,
Fulton, Ashland and Boone County are each in several states, so round 0
places none of them with confidence and round 1 has no anchor to read. But
one state holds a likely reading of every one of them. Each name votes, once,
for the divisions where it has a likely reading as a town or county; a
record in a division that many of the article's other names vote for is
likelier (Lieberman's local lexicon; the spatial minimality of Leidner 2008,
read as shared divisions rather than distances). Each vote counts by the reading's
round-0 share, and a division's is read relative to the best-voted one: nearly every
common name has a reading in several big states.

Two ambiguous names side by side ("London" and "Dorchester") mean the pair of readings that lie
together: :func:`close_pairs` marks each name's readings within 50 km of another name's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from geo.model import Candidate
from geo.resolve.features import haversine_km

#: a round-0 reading at least this likely is one the name votes with
VOTE_SHARE = 0.02
#: the kinds a name votes with, and which its first reading must be (a state or country named outright
#: is division_in_article's evidence, not a vote)
LOCAL_KINDS = frozenset({"city", "admin2"})
#: how many of a name's records are read (ranked by round 0): a name's likely readings come first
VOTE_RECORDS = 12


def division_votes(chosen: Mapping[str | int, Sequence[Candidate]], keys: Mapping[str | int, str],
                   ) -> dict[str | int, dict[tuple[str, str], float]]:
    """Each name with a choice (two records or more) -> (country code, first-level division) -> the
    division's vote relative to the best-voted one (1.0 there). A vote is the sum, over the article's
    other names (never a mention of the same name), of the round-0 share of each one's likeliest
    town or county reading there."""
    votes: dict[str | int, dict[tuple[str, str], float]] = {}
    for key, ranked in chosen.items():
        if not ranked or ranked[0].place.kind not in LOCAL_KINDS:
            continue
        best: dict[tuple[str, str], float] = {}
        for c in ranked[:VOTE_RECORDS]:
            if c.score >= VOTE_SHARE and c.place.kind in LOCAL_KINDS and c.place.admin1:
                division = (c.place.country_code, c.place.admin1)
                best[division] = max(best.get(division, 0.0), c.score)
        votes[key] = best
    by_name: dict[str, Counter[tuple[str, str]]] = {}
    for key, best in votes.items():
        by_name.setdefault(keys[key], Counter()).update(best)
    everyone: Counter[tuple[str, str]] = Counter()
    for own in by_name.values():
        everyone.update(own)
    shared = _relative(everyone)
    without: dict[str, dict[tuple[str, str], float]] = {}  # one per name: its mentions share it
    out = {}
    for key, ranked in chosen.items():
        if len(ranked) < 2:  # one record: nothing to choose
            continue
        name = keys[key]
        own = by_name.get(name)
        if own is None:
            out[key] = shared
            continue
        if name not in without:
            without[name] = _relative(everyone - own)
        out[key] = without[name]
    return out


def _relative(votes: Mapping[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    top = max(votes.values(), default=0.0)
    return {division: vote / top for division, vote in votes.items()} if top > 0 else {}


#: two readings this close are neighbours (the scorer's error radius is 161 km; local news names towns
#: of one county or two)
PAIR_KM = 50.0
#: a grid cell's sides in degrees (a degree of latitude is 111 km; of longitude, half that at 60
#: degrees): a neighbour within PAIR_KM lies in the cells around a reading's, one on each side
#: (two in longitude beyond 60 degrees of latitude)
_CELL_LAT = PAIR_KM / 111.0
_CELL_LON = 2 * _CELL_LAT


def close_pairs(chosen: Mapping[str | int, Sequence[Candidate]], keys: Mapping[str | int, str],
                ) -> dict[str | int, frozenset[int]]:
    """Each name -> the ids of its town and county readings (of its first VOTE_RECORDS) that lie
    within PAIR_KM of such a reading of another name of the article: the pair of readings a
    reader takes when two ambiguous names stand together ("London" and "Dorchester": Ontario's two,
    20 km apart, not England's, 190 km)."""
    readings: dict[str | int, list[tuple[int, float, float]]] = {}
    grid: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    for key, ranked in chosen.items():
        if not ranked or ranked[0].place.kind not in LOCAL_KINDS:
            continue
        own = readings[key] = [(c.place.geonameid, c.place.lat, c.place.lon) for c in ranked[:VOTE_RECORDS]
                               if c.place.kind in LOCAL_KINDS]
        for _, lat, lon in own:
            grid.setdefault(_cell(lat, lon), []).append((keys[key], lat, lon))
    out: dict[str | int, frozenset[int]] = {}
    for key, own in readings.items():
        if len(chosen[key]) < 2:  # one record: nothing to choose
            continue
        name = keys[key]
        out[key] = frozenset(gid for gid, lat, lon in own if _has_neighbour(grid, name, lat, lon))
    return out


def _has_neighbour(grid: Mapping[tuple[int, int], list[tuple[str, float, float]]], name: str,
                   lat: float, lon: float) -> bool:
    """Whether a reading of another name than ``name`` lies within PAIR_KM of (lat, lon)."""
    row, col = _cell(lat, lon)
    wide = 2 if abs(lat) > 60 else 1
    return any(other != name and abs(la - lat) <= _CELL_LAT and haversine_km((lat, lon), (la, lo)) <= PAIR_KM
               for r in (row - 1, row, row + 1) for c in range(col - wide, col + wide + 1)
               for other, la, lo in grid.get((r, c), ()))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // _CELL_LAT), int(lon // _CELL_LON)
