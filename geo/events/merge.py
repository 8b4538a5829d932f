"""Event coreference: mentions of one real-world event, across sentences, become one record.

Two mentions are taken for the same event when nothing tells them apart: the same
category, the same reality (both reported as having happened, or both as planned or
possible), dates that overlap, places that are the same, contain one another or lie
within :data:`SAME_PLACE_KM`, and actors that do not belong to different countries. A
missing field never tells two mentions apart ("the attack" told again without its
place or date joins the attack told before). This follows the event-coreference
practice of ACE/ERE annotation (same type, compatible arguments, realis).

The merged :class:`~geo.model.Event` keeps the first mention's trigger, sentence,
category, label and tense, the union of the mentions' places (best geo-precision first),
actors and contexts, the first date found, and every mention as an
:class:`~geo.model.EventMention`.
"""

from __future__ import annotations

from dataclasses import replace

from geo.events.lexicon import NO_ATTACKER
from geo.events.places import dedupe
from geo.model import Actor, Event, Place, PlaceLink
from geo.resolve import haversine_km

#: two towns this close are one event's place ("in Gao", "near Gao")
SAME_PLACE_KM = 60.0
#: reported as real, or as planned, expected or possible
REALIS = {"past": "real", "ongoing": "real", "future": "irreal", "hypothetical": "irreal"}
#: the place-links that say nothing about where exactly (a fallback to the whole document)
VAGUE_REASONS = ("document focus", "dateline")
#: categories with no actor to tell two reports in one sentence apart ("floods after storms")
NO_ACTOR_CATEGORIES = NO_ATTACKER
DEFINITE = ("the ", "this ", "that ")


def _noun(e: Event) -> bool:
    return bool(e.mentions) and e.mentions[0].pos == "noun"


class _Cluster:
    """Mentions taken for one event so far, with what they say together (read only once a
    second mention of the same kind asks)."""

    __slots__ = ("events", "places", "countries", "date", "read")

    def __init__(self, first: Event) -> None:
        self.events = [first]
        self.places: list[Place] = []
        self.countries: set[str] = set()
        self.date = None
        self.read = 0  # how many of ``events`` the fields above cover

    def fields(self, doc) -> _Cluster:
        for e in self.events[self.read:]:
            self.places.extend(p for p in (_place(link, doc) for link in e.places
                                           if link.reason not in VAGUE_REASONS) if p is not None)
            self.countries.update(a.country_code for a in e.actors if a.country_code)
            if self.date is None and e.date is not None and e.date.start is not None:
                self.date = e.date
        self.read = len(self.events)
        return self


def _place(link: PlaceLink, doc) -> Place | None:
    if link.toponym is not None:
        return doc.toponyms[link.toponym].place
    return doc.focus.country if doc.focus.country and doc.focus.country.geonameid == link.geonameid else None


def _places_agree(a: list[Place], b: list[Place]) -> bool:
    if not a or not b:
        return True
    return any(_same_place(p, q) for p in a for q in b)


def _same_place(p: Place, q: Place) -> bool:
    if p.geonameid == q.geonameid:
        return True
    if p.is_area or q.is_area:
        # a country or a division holds the towns in it: "in Mali" and "in Gao" can be one event
        area, other = (p, q) if p.is_area else (q, p)
        if area.kind == "country":
            return bool(area.country_code) and area.country_code == other.country_code
        if area.kind == "admin1":
            return area.country_code == other.country_code and area.admin1 in ("", other.admin1)
        return False
    return haversine_km((p.lat, p.lon), (q.lat, q.lon)) <= SAME_PLACE_KM


def _dates_agree(a, b) -> bool:
    if a is None or b is None or b.start is None:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _told_again(cluster: _Cluster, e: Event) -> bool:
    """Whether ``e`` reads as another report of the cluster's event rather than a second act of
    the same kind: the same specific label ("pull out" after "cut short": a withdrawal), a
    reference back to it ("wounded in the raid"), or a shared actor. An indefinite noun
    ("a growing insurgency") brings in an event of its own."""
    if any(m.label == e.label for m in cluster.events):
        return True
    if any(p.reason == "same event as reported before" for p in e.places):
        return True
    names = {a.text.lower() for m in cluster.events for a in m.actors}
    return any(a.text.lower() in names for a in e.actors)


def _joins(cluster: _Cluster, e: Event, doc) -> bool:
    first = cluster.events[0]
    if e.category != first.category and not {e.category, first.category} <= NO_ACTOR_CATEGORIES:
        return False
    definite = _noun(e) and doc.text[max(0, e.trigger_start - 5):e.trigger_start].lower().endswith(DEFINITE)
    # "a wildfire ... the fire": no actor tells a disaster from the accident words that name it again
    kin = e.category == first.category or definite and {e.category, first.category} <= NO_ACTOR_CATEGORIES
    if not kin or REALIS[e.tense] != REALIS[first.tense]:
        return False
    if definite:
        return True  # "the quake", "the crash": a definite noun names an event already told
    if e.category not in NO_ACTOR_CATEGORIES and any(m.sentence_index == e.sentence_index for m in cluster.events):
        return False  # two reports in one sentence that the trigger rules kept apart
    if not _told_again(cluster, e):
        return False
    cluster.fields(doc)
    countries = {a.country_code for a in e.actors if a.country_code}
    if countries and cluster.countries and countries.isdisjoint(cluster.countries):
        return False
    if not _dates_agree(cluster.date, e.date):
        return False
    places = [p for p in (_place(link, doc) for link in e.places if link.reason not in VAGUE_REASONS) if p]
    return _places_agree(cluster.places, places)


def _union_actors(groups) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for actors in groups:
        for a in actors:
            seen.setdefault(a.text.lower(), a)
    return tuple(seen.values())


def _merged(cluster: _Cluster, doc, number: int) -> Event:
    events = cluster.events
    first = events[0]
    if len(events) == 1:
        return replace(first, id=f"{doc.id}:e{number}")
    links = [link for e in events for link in e.places]
    specific = [link for link in links if link.reason not in VAGUE_REASONS]
    places = sorted(specific or links, key=lambda link: link.geo_precision)
    contexts = tuple(dict.fromkeys(c for e in events for c in e.contexts))
    date = first.date if first.date is not None else next((e.date for e in events if e.date is not None), None)
    return Event(
        id=f"{doc.id}:e{number}", category=first.category, label=first.label,
        trigger_start=first.trigger_start, trigger_end=first.trigger_end, trigger=first.trigger,
        sentence_start=first.sentence_start, sentence_end=first.sentence_end, sentence=first.sentence,
        contexts=contexts, actors=_union_actors(e.actors for e in events),
        recipients=_union_actors(e.recipients for e in events), places=tuple(dedupe(places, doc)),
        date=date, tense=first.tense, sentence_index=first.sentence_index,
        mentions=tuple(m for e in events for m in e.mentions))


def merge_mentions(doc, mentions: list[Event]) -> tuple[Event, ...]:
    """Join the mentions (in text order) of one event; each joins the first event it fits, as a
    report's later sentences mostly come back to the event its lead tells."""
    clusters: list[_Cluster] = []
    kinds: dict[str, list[_Cluster]] = {}  # category -> its clusters, in order
    for e in mentions:
        pool = kinds.get(e.category, [])
        if e.category in NO_ACTOR_CATEGORIES:
            pool = [c for c in clusters if c.events[0].category in NO_ACTOR_CATEGORIES]
        home = next((c for c in pool if _joins(c, e, doc)), None)
        if home is None:
            home = _Cluster(e)
            clusters.append(home)
            kinds.setdefault(e.category, []).append(home)
        else:
            home.events.append(e)
    return tuple(_merged(c, doc, k + 1) for k, c in enumerate(clusters))
