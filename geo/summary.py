"""One summary per place: the single aggregation behind the map, the panel, the layers and ``__geo_interface__``.

::

    summaries = summarise(analyses)        # one PlaceSummary per resolved place, first mention first
    summaries[0].properties()              # the fields every consumer shows, under one set of names

Before this module each consumer counted for itself and the copies drifted
(the map counted event categories where the layers counted events; mention
types came in two orders). Now :func:`summarise` is the only code that walks
a document's toponyms and events to aggregate a place, and
:func:`primary_link` is the only rule for where an event is drawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from geo.model import MENTION_TYPES, Analysis, Candidate, Event, Place, PlaceLink

#: mention types that locate something; the others name a place only as an actor or modifier
LOCATING_TYPES: frozenset[str] = frozenset({"literal", "embedded"})
#: below this resolver confidence a place is shown as uncertain (a different marker, its
#: alternatives offered): the calibrated score says it is wrong about as often as right
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """One place aggregated over the documents given to :func:`summarise`."""

    place: Place
    mention_count: int
    #: (type, count) in the order of :data:`geo.model.MENTION_TYPES`, only the types seen
    type_counts: tuple[tuple[str, int], ...]
    confidence: float  # the best mention's, rounded to 3 decimals
    event_count: int  # distinct events linked to the place, whatever the link's role
    event_categories: tuple[str, ...]  # PLOVER categories of those events, most frequent first
    doc_ids: tuple[str, ...]  # documents naming the place, in the order given
    first_mention: str  # the surface of the first mention ("Malian")
    first_sentence: str  # the sentence of the first mention
    #: other places the resolver considered for these mentions, best score first
    alternatives: tuple[Candidate, ...] = ()
    #: "country" and/or "city" where the place is a document's focus
    focus: tuple[str, ...] = ()

    @property
    def geonameid(self) -> int:
        return self.place.geonameid

    @property
    def mention_types(self) -> tuple[str, ...]:
        return tuple(t for t, _ in self.type_counts)

    @property
    def literal(self) -> bool:
        return any(t == "literal" for t, _ in self.type_counts)

    @property
    def actor_only(self) -> bool:
        """Whether every mention names the place as an actor or adjective, none locates anything there."""
        return not (set(self.mention_types) & LOCATING_TYPES)

    @property
    def category(self) -> str | None:
        """The most frequent event category here, None without events."""
        return self.event_categories[0] if self.event_categories else None

    @property
    def uncertain(self) -> bool:
        return self.confidence < LOW_CONFIDENCE

    def count(self, mention_type: str) -> int:
        return dict(self.type_counts).get(mention_type, 0)

    def properties(self) -> dict[str, Any]:
        """The fields shared by ``__geo_interface__``, the map's features and the places layer."""
        place = self.place
        return {
            "geonameid": place.geonameid,
            "name": place.name,
            "kind": place.kind,
            "feature_code": place.feature_code,
            "country_code": place.country_code,
            "mention_count": self.mention_count,
            "mention_types": ",".join(self.mention_types),
            "literal": self.literal,
            "confidence": self.confidence,
            "event_count": self.event_count,
            "doc_count": len(self.doc_ids),
        }


def primary_link(event: Event) -> PlaceLink | None:
    """The link an event is drawn at, everywhere (events layer, map, "show this event").

    The event linker's ``where`` links come first (an ``origin`` or
    ``destination`` is where something came from or went to, not where it
    happened); among them the most precise (ACLED ``geo_precision`` 1 is a
    town), then the first written. Without a ``where`` link the same order
    applies to the other links.
    """
    if not event.places:
        return None
    order = {id(link): i for i, link in enumerate(event.places)}
    return min(event.places, key=lambda link: (link.role != "where", link.geo_precision, order[id(link)]))


class _Tally:
    """The running totals of one place while :func:`summarise` walks the documents."""

    __slots__ = ("alternatives", "categories", "confidence", "docs", "events", "first", "focus",
                 "mentions", "place", "types")

    def __init__(self, place: Place, first: tuple[str, str]) -> None:
        self.place = place
        self.first = first
        self.mentions = 0
        self.types: Counter[str] = Counter()
        self.confidence = 0.0
        self.events: set[tuple[str, str]] = set()
        self.categories: Counter[str] = Counter()
        self.docs: dict[str, None] = {}
        self.alternatives: dict[int, Candidate] = {}
        self.focus: dict[str, None] = {}

    def summary(self) -> PlaceSummary:
        gid = self.place.geonameid
        alternatives = sorted((c for g, c in self.alternatives.items() if g != gid), key=lambda c: -c.score)
        return PlaceSummary(
            self.place, self.mentions, tuple((t, self.types[t]) for t in MENTION_TYPES if self.types[t]),
            round(self.confidence, 3), len(self.events),
            tuple(c for c, _ in self.categories.most_common()), tuple(self.docs), *self.first,
            tuple(alternatives), tuple(r for r in ("country", "city") if r in self.focus))


def _add_document(tallies: dict[int, _Tally], analysis: Analysis) -> None:
    for toponym in analysis.toponyms:
        if toponym.place is None:
            continue
        gid = toponym.place.geonameid
        tally = tallies.get(gid)
        if tally is None:
            sentence = analysis.sentences[toponym.sentence].text \
                if 0 <= toponym.sentence < len(analysis.sentences) else ""
            tally = tallies[gid] = _Tally(toponym.place, (toponym.text, sentence))
        tally.mentions += 1
        tally.types[toponym.type] += 1
        tally.confidence = max(tally.confidence, toponym.confidence)
        tally.docs[analysis.id] = None
        for cand in toponym.alternatives:
            known = tally.alternatives.get(cand.place.geonameid)
            if known is None or cand.score > known.score:
                tally.alternatives[cand.place.geonameid] = cand
    for event in analysis.events:
        for gid in {link.geonameid for link in event.places}:
            tally = tallies.get(gid)
            if tally is not None and analysis.id in tally.docs:
                tally.events.add((analysis.id, event.id))
                tally.categories[event.category] += 1
    for role, place in (("country", analysis.focus.country), ("city", analysis.focus.city)):
        if place is not None and place.geonameid in tallies:
            tallies[place.geonameid].focus[role] = None


def summarise(analyses: Iterable[Analysis]) -> tuple[PlaceSummary, ...]:
    """One :class:`PlaceSummary` per resolved place of ``analyses``, in order of first mention.

    Linear in the number of mentions and event links: a thousand articles
    cost one pass.
    """
    tallies: dict[int, _Tally] = {}
    for analysis in analyses:
        _add_document(tallies, analysis)
    return tuple(t.summary() for t in tallies.values())
