"""Addresses: the possessive one ("Georgia's capital Tbilisi"), and one whose town the gazetteer
lacks ("Stroud, Ontario" when no Stroud lies in Ontario).

A place's possessive before another place names where that one is, as "X, Y"
does: "Nigeria's Borno state", "India's northern state of Uttar Pradesh".
Only across adjectives and nouns: "Russia's embassy in London", "France's
ambassador to Georgia" name another relation.

The Y of "X, Y" says which country or division X is in. Where no record of X
lies there, the gazetteer does not have that X, and its namesake abroad (a
Stroud in England) is the one reading the text rules out. The name is then
placed at Y itself, with the probability that a town of Y lies within 161 km
of Y's point (the share of Y's towns that do), times Y's own confidence; its
records stay as the alternatives, so the reader can still choose one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from geo.gazetteer import Gazetteer, name_key
from geo.lexicon import LEAD_ASIDE_OPENERS
from geo.model import Candidate, Place
from geo.recognize import RawMention
from geo.resolve.features import haversine_km, nearest_km
from geo.resolve.rules import DEFINITION, IN_CONTAINER, POSSESSIVE

#: what the Y of an address can be placed at
ADDRESS_AREAS = frozenset({"country", "admin1", "admin2"})
#: the scorer's distance: a confidence is the probability of lying this near
NEAR_KM = 161.0
#: a winner this close to one of Y's towns is in Y whatever its records say: the hierarchy files a
#: unitary authority or a merged district apart from its county ("Rochester is a town in Kent":
#: GeoNames puts it in Medway, not Kent)
BESIDE_KM = 25.0


def unmet_addresses(gazetteer: Gazetteer, mentions: Sequence[RawMention],
                    chosen: dict[str | int, tuple[list[Candidate], float]],
                    key_of: Callable[[int, RawMention], str | int], chains: dict[int, int], *,
                    placed: float, defined: dict[int, str] | None = None,
                    ) -> dict[str | int, tuple[Place, float, float]]:
    """Name key -> (Y's place, confidence, Y's own confidence) for each town none of whose records lies in the Y
    that places it: the Y of "X, Y" (only where the winner is in another country: in one
    country "X, Y" is a list as often as an address) or of a definition or possessive
    (``defined``: id(mention) -> Y's name key; "Madison is a town in Madison County, New York",
    where the gazetteer has no Madison in that county). ``chains``: each mention's list
    (``Resolver._chains``); ``placed``: the least confidence of Y to count."""
    out: dict[str | int, tuple[Place, float, float]] = {}
    order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
    for at, n in enumerate(order):
        m = mentions[n]
        key = key_of(n, m)
        ranked, _ = chosen[key]
        # a name with an area reading ("Canada's Pacific coast": the ocean too) may mean the area,
        # which no division holds
        if key in out or not ranked or ranked[0].place.kind != "city" or any(
                c.place.kind in _AREA_KINDS for c in ranked):
            continue
        sources = [(m.container, True)] if m.container else []
        if defined and id(m) in defined:
            sources.append((defined[id(m)], False))
        for container_key, comma in sources:
            placed_area = _placed_area(chosen, container_key, placed)
            if placed_area is None:
                continue
            area, area_confidence = placed_area
            if comma and (
                    ranked[0].place.country_code == area.country_code or not _heads_address(mentions, order, at, chains)
                    or not _address_ends(mentions, order, at + 2, chains, chosen, key_of, area)):
                continue
            if any(gazetteer.contains(area, c.place) for c in ranked):
                continue
            points = gazetteer.town_points(area)
            if not points or nearest_km(points, ranked[0].place.lat, ranked[0].place.lon) <= BESIDE_KM:
                continue
            out[key] = (area, area_confidence * near_share(points, area), area_confidence)
            break
    return out


def own_addresses(gazetteer: Gazetteer, mentions: Sequence[RawMention],
                  chosen: dict[str | int, tuple[list[Candidate], float]],
                  key_of: Callable[[int, RawMention], str | int], chains: dict[int, int], *,
                  placed: float) -> dict[int, tuple[Candidate, float]]:
    """id(mention) -> (its record inside its own "X, Y", that record's share among X's records
    inside Y) for each town mention whose name's winner lies outside the Y the mention itself
    names: "from Perth, Scotland, to Perth, Australia" names two Perths, and one sense per
    discourse gave both the first. Only where Y is placed with confidence and holds a record of X."""
    out: dict[int, tuple[Candidate, float]] = {}
    order = sorted(range(len(mentions)), key=lambda n: mentions[n].start)
    for at, n in enumerate(order):
        m = mentions[n]
        ranked, _ = chosen[key_of(n, m)]
        if not m.container or len(ranked) < 2 or ranked[0].place.kind != "city" \
                or not _heads_address(mentions, order, at, chains):
            continue
        placed_area = _placed_area(chosen, m.container, placed)
        if placed_area is None:
            continue
        area = placed_area[0]
        if gazetteer.contains(area, ranked[0].place) \
                or not _address_ends(mentions, order, at + 2, chains, chosen, key_of, area):
            continue  # "Washington, Pennsylvania and California": a list of states, no address
        inside = [c for c in ranked[1:] if gazetteer.contains(area, c.place)]
        total = sum(c.score for c in inside)
        if inside and total > 0:
            out[id(m)] = (inside[0], inside[0].score / total)
    return out


def _placed_area(chosen: dict[str | int, tuple[list[Candidate], float]], key: str | int,
                 placed: float) -> tuple[Place, float] | None:
    """The area a container name was placed at and its confidence, where it is a country or a
    division placed with at least ``placed`` confidence (None otherwise)."""
    container = chosen.get(key)
    if container is None or not container[0] or container[1] < placed:
        return None
    area = container[0][0].place
    return (area, container[1]) if area.kind in ADDRESS_AREAS else None


def _heads_address(mentions: Sequence[RawMention], order: list[int], at: int, chains: dict[int, int]) -> bool:
    """Whether the mention at ``at`` opens its list ("Stroud, Ontario"), not continues one
    ("Alaska, Saipan, Guam": names of one list)."""
    return at == 0 or chains.get(id(mentions[order[at - 1]])) != chains.get(id(mentions[order[at]]))


def _address_ends(mentions: Sequence[RawMention], order: list[int], after: int, chains: dict[int, int],
                  chosen: dict[str | int, tuple[list[Candidate], float]],
                  key_of: Callable[[int, RawMention], str | int], area: Place) -> bool:
    """Whether the list ends with Y or goes on only with Y's country ("Stroud, Ontario, Canada"),
    not with more names of its kind ("Saipan, Guam, Alaska": a list, not an address)."""
    if after >= len(order) or chains.get(id(mentions[order[after]])) != chains.get(id(mentions[order[after - 1]])):
        return True
    n = order[after]
    ranked, _ = chosen.get(key_of(n, mentions[n]), ([], 0.0))
    return bool(ranked) and ranked[0].place.kind == "country" and ranked[0].place.country_code == area.country_code


def near_share(points: Sequence[tuple[float, float]], area: Place) -> float:
    """The share of an area's towns (``points``, not empty) within 161 km of its point."""
    return sum(haversine_km((area.lat, area.lon), p) <= NEAR_KM for p in points) / len(points)


def _neighbours(mentions: Sequence[RawMention]) -> list[tuple[RawMention, RawMention]]:
    """Each mention and the next one in the text, where some text stands between them."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return [(a, b) for a, b in zip(ordered, ordered[1:], strict=False) if b.start > a.end]


#: an optional compass word before Y: "in northern Lebanon", "in south-west Wales"
_COMPASS = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
#: "X's (up to three lower-case words) Y": the possessive of a place before another place
_POSSESSIVE = re.compile(r"['’]s\s+((?:[a-z]+\s+){0,3})")
#: words that, between the two, say they are related otherwise than by where one is
_RELATION_WORDS = frozenset({"to", "in", "at", "from", "with", "against", "over", "on", "for", "into", "near",
                             "of", "and", "or", "but", "by", "the", "a", "an", "toward", "towards", "between",
                             "about", "across", "after", "before", "than", "as", "via", "is", "was", "has"})
#: "of" may close the run only after these: "the state of", "capital of"
_OF_HEADS = frozenset({"state", "province", "region", "county", "district", "city", "town", "capital",
                       "island", "department", "prefecture", "governorate"})


def possessive_containers(mentions: Sequence[RawMention], text: str) -> dict[int, str]:
    """id(mention) -> the name key of the place whose possessive it follows ("Georgia's capital
    Tbilisi": Tbilisi's container is Georgia)."""
    out: dict[int, str] = {}
    for before, after in _neighbours(mentions):
        match = _POSSESSIVE.fullmatch(text, before.end, after.start)
        if match is None:
            continue
        words = match.group(1).split()
        closing_of = len(words) >= 2 and words[-1] == "of" and words[-2] in _OF_HEADS
        if any(w in _RELATION_WORDS for w in (words[:-1] if closing_of else words)):
            continue
        out[id(after)] = name_key(before.text)
    return out


#: the head nouns of a definition that says what kind of place X is
_KIND_NOUNS = ("city|town|village|hamlet|municipality|commune|suburb|borough|township|port|capital|county|"
               "district|province|state|region|area|community|settlement|neighbou?rhood|island|parish|country|"
               "seat|resort|enclave|territory|oblast|prefecture|department|governorate|part|outskirts|place")
#: what an encyclopaedia lead puts between a name and its definition: a parenthesis (a
#: pronunciation, the native name, a population) and an appositive of other names ("Alexandria,
#: officially the City of Alexandria, is"; "Santiago, or Santiago de los Caballeros, is")
_LEAD_ASIDE = (r"(?:\s*\([^()\n]{0,160}\))?"
               r"(?:\s*,\s*(?:in full|" + "|".join(sorted(LEAD_ASIDE_OPENERS)) + r")\b[^,.;\n]{0,100},)?")
#: "X is a city in (northern) Y", "X, a market town in Y", "X, the capital of Y": a definition
#: that places X in Y, as encyclopaedia leads and news appositives write it (nothing else between,
#: but the lead's aside)
_DEFINITION = re.compile(
    _LEAD_ASIDE + r"(?:\s+(?:is|was)\s+|\s*,\s*)(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _KIND_NOUNS + r")"
    r"(?:\s*\([^()\n]{0,40}\))?\s+(?:(?:located|situated|lying)\s+)?"
    r"(?:in\s+and\s+the\s+(?:county\s+)?seat\s+of|in|of|near)\s+(?:the\s+)?(?P<compass>" + _COMPASS + ")",
    re.IGNORECASE)
#: a lead's definition whose place follows a phrase of its own: "X is a town on the island of Gozo in
#: Malta", "X is a village on the coast of Y" (the first name after an "in" or "of" within the sentence)
_DEFINITION_HEAD = re.compile(
    _LEAD_ASIDE + r"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _KIND_NOUNS + r")"
    r"(?=\s+(?:on|in|near|along|at|off|by)\s)", re.IGNORECASE)
_FAR_IN = re.compile(r"\s(?:in|of)\s+(?:the\s+)?" + _COMPASS, re.IGNORECASE)
#: how far past the kind noun the far definition looks for its place (characters; not past the sentence)
_FAR_WINDOW = 80


#: "the X area of Y", "the X region of Y": the name of a part, then the whole it is a part of
_PART_OF = re.compile(r"\s+(?:area|region|district|section|part)\s+(?:of|in)\s+(?:the\s+)?" + _COMPASS,
                      re.IGNORECASE)


def defining_containers(mentions: Sequence[RawMention], text: str) -> dict[int, str]:
    """id(mention) -> the name key of the place a definition puts it in ("Tripoli is a city in
    northern Lebanon": Tripoli's container is Lebanon; names inside the lead's aside are passed over;
    "the Rice Lake area of Fulton County": the part's container is the whole)."""
    starts = {m.start: m for m in mentions}
    out = {}
    for before in mentions:
        match = _DEFINITION.match(text, before.end)
        # "in the Northern Cape": the compass word may open Y's own name
        after = starts.get(match.end()) or starts.get(match.start("compass")) if match else None
        if after is None:
            match = _PART_OF.match(text, before.end)
            after = starts.get(match.end()) if match else None
        if after is None:
            after = _far_definition(text, before.end, starts)
        if after is not None and after is not before:
            out[id(before)] = name_key(after.text)
    return out


def _far_definition(text: str, at: int, starts: dict[int, RawMention]) -> RawMention | None:
    """The place of "X is a town on the island of Gozo in Malta": the first name after an "in" or
    "of" past the definition's kind noun, within the sentence, where a preposition of place follows
    the noun ("the first country to recognize ... the United States" is no definition)."""
    head = _DEFINITION_HEAD.match(text, at)
    if head is None:
        return None
    end = min(len(text), head.end() + _FAR_WINDOW)
    stop = text.find(".", head.end(), end)
    end = stop if stop >= 0 else end
    for m in _FAR_IN.finditer(text, head.end(), end):
        after = starts.get(m.end())
        if after is not None:
            return after
    return None


#: "X in (the) (northern) Y" right after a town: "Lagos in Portugal", "Newport in south Wales"
_IN = re.compile(r"\s+in\s+(?:the\s+)?" + _COMPASS, re.IGNORECASE)
#: a name with such a reading is itself an area: "Israel in Gaza", "Russia in Ukraine" say no "where"
#: (a first-level division does not count: Lagos, Mexico and São Paulo are cities and states)
_AREA_KINDS = frozenset({"country", "region", "continent"})


def in_containers(mentions: Sequence[RawMention], text: str) -> dict[int, str]:
    """id(mention) -> the name key of the place a town is said to be "in" right after its name
    ("Lagos in Portugal": Lagos's container is Portugal); not for names that read as areas."""
    return {id(before): name_key(after.text) for before, after in _neighbours(mentions)
            if _IN.fullmatch(text, before.end, after.start) and not any(p.kind in _AREA_KINDS for p in before.candidates)}


def shared_addresses(mentions: Sequence[RawMention], chains: dict[int, int]) -> dict[int, str]:
    """id(mention) -> the Y of the address that ends its list ("Springfield and Decatur, Illinois":
    both towns are in Illinois, AP style). Only towns take it: a list member that is a country or a
    state by its own name ("Texas and Portland, Oregon") is the address's peer, and it stops the list."""
    lists: dict[int, list[RawMention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        lists.setdefault(chains.get(id(m), -1), []).append(m)
    out: dict[int, str] = {}
    for members in lists.values():
        pending: list[RawMention] = []
        for m in members:
            if _area_by_own_name(m):
                pending = []
            elif m.container:
                out.update((id(p), m.container) for p in pending)
                pending = []
            else:
                pending.append(m)
    return out


def _area_by_own_name(m: RawMention) -> bool:
    key = name_key(m.text)
    return any(p.kind in ("country", "admin1") and name_key(p.name) == key for p in m.candidates)


def placing(mentions: Sequence[RawMention], text: str, disabled: frozenset[str] = frozenset(),
            ) -> tuple[dict[int, str], dict[int, str]]:
    """id(mention) -> the name key of the place a possessive or a definition puts it in (strict),
    and the same with a plain "in" as well (loose). "X in Y" may place the event instead ("the
    statue of St. Gregory of Narek in Vatican"): strong enough to weigh records, not to overrule
    them all, so the address fallback reads only the strict ones."""
    if not text:
        return {}, {}
    possessive = {} if POSSESSIVE.name in disabled else possessive_containers(mentions, text)
    plain_in = {} if IN_CONTAINER.name in disabled else in_containers(mentions, text)
    definition = {} if DEFINITION.name in disabled else defining_containers(mentions, text)
    return {**possessive, **definition}, {**possessive, **plain_in, **definition}
