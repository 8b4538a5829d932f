"""The article's focus: its main country and city (CLIFF-style), most mentioned, literal first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from geo.gazetteer import Gazetteer
from geo.model import Focus, Place, Toponym


def document_focus(toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> Focus:
    """The main country and city of a document: literal mentions count twice."""
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
