"""Rules on buildings, facilities and features named after a place: "White House aides" (the
building), "Colchester General Hospital" (one name, placed at its town), "the Severn" (a river)."""

from __future__ import annotations

from geo.gazetteer import name_key
from geo.lexicon import stop_words
from geo.recognize.context import Context
from geo.recognize.lexicon import (
    BUILDING_HEADS,
    COMPASS,
    FACILITY_HEADS,
    FEATURE_OF_HEADS,
    LOCATIVE,
    SAINT_BUILDING_HEADS,
    SAINT_WORDS,
    SMALL_PLACE_POPULATION,
    STREET_HEADS,
)
from geo.recognize.verdicts import BUILDING, NAME, Keep, Verdict


def building_modifier(c: Context) -> Verdict:
    """"White House aides", "a Trump Tower office": a small place named like a building, before a
    lower-case noun it modifies and with no cue for a place, is the building (its staff, its office)."""
    prev, nxt = c.prev, c.nxt
    if c.single or c.last.lower not in BUILDING_HEADS or c.big_area or c.locative \
            or nxt is None or not nxt.is_word or nxt.is_cap:
        return None
    # the places of that very name (a translation such as "White House" for Casablanca does not count)
    own = [p.population for p in c.places if name_key(p.name) == c.key]
    if not own or max(own) >= SMALL_PLACE_POPULATION:
        return None
    if prev is not None and prev.lower == "the" and c.prev2 is not None and c.prev2.lower in LOCATIVE:
        return None
    return BUILDING


#: the most capitalised words between a place and the facility head that ends its name
_FACILITY_NAME_WORDS = 3


def facility_name(c: Context) -> Verdict:
    """"Colchester General Hospital", "Arizona State University": a place opening a facility's
    name (capitalised words ending in a facility head) is annotated with the whole name, as a
    facility named after where it is (GeoWebNews' convention for facilities used as places)."""
    if c.adjectival or not c.follows_cap or c.top.kind not in ("city", "admin2") or c.first.lower in COMPASS \
            or (c.dictionary or c.is_given_name(c.first)) and not c.major_city:
        return None  # a state's facility is far from its point; a word or a given name opens other names
    tokens, k = c.tokens, c.j + 1
    while k < len(tokens) and k - c.j <= _FACILITY_NAME_WORDS and tokens[k].is_cap and tokens[k].is_word \
            and tokens[k].start - tokens[k - 1].end <= 1:
        if tokens[k].lower in FACILITY_HEADS:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is not None and after.is_cap and after.is_word and after.start - tokens[k].end <= 1:
                return None  # the name goes on
            return Keep("embedded", last=k) if k > c.j + 1 else None
        k += 1
    return None


def city_name(c: Context) -> Verdict:
    """"Birmingham City", "Norwich City": a sizeable city's name and "City" the gazetteer does not
    hold as one name are one name (the city's or a club's named after it), placed at the city."""
    nxt, after = c.nxt, c.nxt2
    if c.adjectival or not c.follows_cap or nxt.text != "City" or c.city_population < SMALL_PLACE_POPULATION:
        return None
    if after is not None and after.is_cap and after.is_word and after.start - nxt.end <= 1:
        return None  # "Harare City Council": the name goes on
    return Keep("embedded", last=c.j + 1)


def street_name(c: Context) -> Verdict:
    """"a shop on Washington Street in Boston", "London Rd.": a place's name before a capitalised
    street head names the street, not the place (GeoWebNews marks the whole street, GeoVirus
    leaves streets out); "St." before another capitalised word is a saint ("Paris St. Germain")."""
    nxt = c.next_word
    if c.adjectival or nxt is None or not nxt.is_cap or nxt.lower not in STREET_HEADS:
        return None
    body = c.nxt2 if c.nxt2 is not None and c.nxt2.start - nxt.end <= 1 else None
    if body is not None and body.is_cap and body.lower in _ROAD_BODIES:
        return None  # "the South Carolina Highway Patrol": a body of the state, not a road
    if nxt.lower == "st":
        following = c.token(3) if c.nxt2 is not None and c.nxt2.text == "." else c.nxt2
        if following is not None and following.is_cap and following.is_word:
            return None  # "Paris St. Germain": a saint's name follows
    return NAME


#: the bodies a road head opens with a place before it ("Highway Patrol", "Road Safety Authority")
_ROAD_BODIES = frozenset({"patrol", "department", "dept", "authority", "agency", "commission", "administration",
                          "police", "safety", "division", "board"})


def article_before_town(c: Context) -> Verdict:
    """"the Severn would peak", "along the Hudson": English puts no article before a town's name,
    so "the" and a name that only small towns bear, standing alone (punctuation or a function word
    after it), names something else: a river, a ship, a building. A town before the noun it
    modifies keeps its place ("the Uvalde shooting"); names that take the article are countries,
    divisions and regions ("the Gambia", "the Punjab"), which this never reads."""
    prev, nxt = c.prev, c.nxt
    if prev is None or prev.text != "the" or not _small_towns_only(c):
        return None
    if nxt is not None and nxt.sentence == c.last.sentence and (
            nxt.is_word and nxt.lower not in stop_words() or nxt.lower in _JOINERS):
        return None  # "the X shooting"; "the X and Y districts", "the X/Y area": the noun comes later
    return NAME


#: what joins a name to the next one before a shared head noun
_JOINERS = frozenset({"and", "or", "&", "/", "-", "–"})


def river_word_after(c: Context) -> Verdict:
    """"the Beas river", "along the Jhelum river": a name before a lower-case "river" is the
    river's; where only small towns bear it, they are not what it names (a town on the river
    takes the river's name far more often than the reverse, and then it is large enough to keep)."""
    nxt = c.nxt
    if nxt is None or nxt.text not in ("river", "rivers") or not _small_towns_only(c):
        return None
    return NAME


def feature_of_name(c: Context) -> Verdict:
    """"the Cape of Good Hope", "the Strait of Hormuz": a name after a capitalised feature head and
    "of" ends the feature's name (English names capes, gulfs and straits so); where only small
    towns bear it, they are not what it names (a big place keeps its reading: "the Gulf of Aden",
    "the Bay of Bengal", whose feature lies at it; the gazetteer's own features match whole). The
    head alone, where the gazetteer has it ("the Gulf"), is then no place of its own either."""
    nxt, nxt2 = c.nxt, c.nxt2
    if c.single and c.first.lower in FEATURE_OF_HEADS and nxt is not None and nxt.text == "of" \
            and nxt2 is not None and nxt2.is_cap and nxt2.sentence == nxt.sentence:
        return NAME  # "Gulf" of "the Gulf of Aden" is no gulf the gazetteer calls "the Gulf"
    prev, prev2 = c.prev, c.prev2
    if prev is not None and prev.lower == "the" and prev2 is not None:
        prev, prev2 = prev2, c.token(-3)
    if prev is None or prev.lower != "of" or prev2 is None or not prev2.is_cap \
            or prev2.lower not in FEATURE_OF_HEADS or not _small_towns_only(c):
        return None
    return NAME


def saint_possessive_building(c: Context) -> Verdict:
    """"St. Thomas' Hospital in London", "St. Patrick's Cathedral": a saint's name in the possessive
    before a facility or building head names what is dedicated to the saint, not a town called
    after the saint (English names churches, hospitals and schools for saints; a town of a saint's
    name takes no possessive: "St. Thomas, Ontario"). A town whose own name ends in the
    possessive ("St. John's") matches whole and has no possessive after it."""
    tokens, j = c.tokens, c.j
    first = c.first
    prev = c.prev
    saint = first.lower in SAINT_WORDS and not c.single or prev is not None and (
        prev.lower in SAINT_WORDS or prev.text == "." and c.prev2 is not None and c.prev2.lower in SAINT_WORDS)
    if not saint or c.adjectival or c.big_area:
        return None
    k = j + 1
    if k >= len(tokens) or tokens[k].text not in ("'", "’") or tokens[k].start != tokens[j].end:
        return None
    if k + 1 < len(tokens) and tokens[k + 1].text == "s" and tokens[k + 1].start == tokens[k].end:
        k += 1
    head = tokens[k + 1] if k + 1 < len(tokens) else None
    if head is None or not head.is_cap or head.lower not in SAINT_BUILDING_HEADS or head.sentence != first.sentence:
        return None
    return BUILDING


def _small_towns_only(c: Context) -> bool:
    """Only small towns bear the span's name (no area, no town of SMALL_PLACE_POPULATION), and it is
    no adjectival form: a name that something else may well bear."""
    return not (c.adjectival or c.big_area or c.population >= SMALL_PLACE_POPULATION) \
        and all(p.kind == "city" for p in c.places)
