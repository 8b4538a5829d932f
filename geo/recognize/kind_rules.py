"""Rules on what the words around a name say about the kind of place it is.

English and news style name a place's kind beside it: an address ("Springfield,
Ill.", "ALLENDALE, N.J."), "the N of X" ("the state of Washington", "the city
of Reading"), a local government's word ("Cherry Hill Township"), a town's
bodies after its name ("Monroe police said"). Each rule keeps the span and,
where the words say which kind, only the readings of that kind.
"""

from __future__ import annotations

from geo.gazetteer import name_key
from geo.lexicon import LEAD_ASIDE_OPENERS
from geo.recognize.context import Context
from geo.recognize.lexicon import (
    CAPITAL_STATE_CODES,
    CIVIC_TOWN_POPULATION,
    DATELINE_STATE_COUNTRIES,
    DEFINING_HEADS,
    LOCATIVE,
    SMALL_PLACE_POPULATION,
    STATE_ABBREVIATION_MAX_LENGTH,
)
from geo.recognize.types import name_type
from geo.recognize.verdicts import NAME, Keep, Verdict

# -- addresses ------------------------------------------------------------------

def state_after_town(c: Context) -> Verdict:
    """"Springfield, Ill.", "SEVERN, Md. (AP)": a state abbreviation after a town."""
    prev, prev2, nxt = c.prev, c.prev2, c.nxt
    if not (c.single and prev is not None and prev.text == "," and prev2 is not None and prev2.is_cap
            and nxt is not None and nxt.text == "." and nxt.start == c.last.end
            and len(c.first.text) <= STATE_ABBREVIATION_MAX_LENGTH):
        return None
    states = tuple(p for p in c.places if p.kind == "admin1" and p.country_code in DATELINE_STATE_COUNTRIES)
    if not states:
        return None
    # "Ill." keeps its dot; "Columbus, Ohio." ends a sentence with a full stop
    abbreviation = all(name_key(p.name) != c.key for p in states)
    return Keep("literal", last=c.j + 1 if abbreviation else None, places=states, container=False)


def state_code_after_town(c: Context) -> Verdict:
    """"ALLENDALE, N.J. --", "HORRY COUNTY, SC (WMBF)": a state's capital-letter abbreviation is a
    place after a recognised "Town, " or a locative ("in N.J."); elsewhere it is an abbreviation of something else ("ND", "RI")."""
    if not (c.single and c.key in CAPITAL_STATE_CODES and c.first.text.isupper()):
        return None
    prev = c.prev
    if prev is not None and (prev.text == "," and c.previous_end == c.i - 2 or prev.lower in LOCATIVE):
        states = tuple(p for p in c.places if p.kind == "admin1" and p.country_code in DATELINE_STATE_COUNTRIES)
        if states:
            return Keep("literal", places=states, container=False)
    return NAME


#: "the state of X", "the city of X": the head nouns of the English "the N of X" naming form, with
#: the readings of X each allows (towns have no "state of"; "the State of Israel" is a country)
_NAMING_HEADS = {
    **dict.fromkeys(("state", "commonwealth"), ("admin1",)),
    **dict.fromkeys(("province", "prefecture", "governorate", "oblast", "canton", "emirate", "territory"),
                    ("admin1", "admin2")),
    **dict.fromkeys(("county", "district", "department", "region", "parish"), ("admin1", "admin2", "region")),
    **dict.fromkeys(("city", "town", "village", "hamlet"), ("city",)),
    **dict.fromkeys(("municipality", "borough"), ("city", "admin2")),
}
#: what "the state of X" is where X is no state: a country ("the State of Qatar")
_STATE_HEADS_ALSO = {"state": ("country",), "commonwealth": ("country",)}


#: the most words between "the" and the head noun ("the earthquake-ravaged port city of")
_NAMING_MODIFIERS = 4
_JOINERS = frozenset("-‐‑–'’")


def _definite(tokens: list, head: int) -> bool:
    """Whether the head noun at ``head`` opens "the (modifiers) N": "the state", "the Canadian
    province", "the northern port city"; not "Torkula village" (a name's own head noun)."""
    for k in range(head - 1, max(-1, head - 2 - _NAMING_MODIFIERS), -1):
        t = tokens[k]
        if t.lower == "the":
            return True
        if not t.is_word:
            return False
    return False


def division_noun_before(c: Context) -> Verdict:
    """"in the state of Washington", "the city of Reading", "the Canadian province of Alberta":
    English names a place by its kind in "the N of X", so X is a place of that kind (the
    state, not the US capital; the town, not the word), whatever else the name could be."""
    prev, prev2, nxt = c.prev, c.prev2, c.nxt
    if c.adjectival or prev is None or prev.text != "of" or prev2 is None or prev2.sentence != c.first.sentence:
        return None
    kinds = _NAMING_HEADS.get(prev2.lower)
    if kinds is None or not _definite(c.tokens, c.i - 2):
        return None  # "Torkula village of Guma": a village in Guma, not the village Guma
    if nxt is not None and nxt.start == c.last.end and nxt.text in _JOINERS:
        return None  # "the city of Port-au-Prince": the name goes on
    places = tuple(p for p in c.places if p.kind in kinds) \
        or tuple(p for p in c.places if p.kind in _STATE_HEADS_ALSO.get(prev2.lower, ()))
    if not places and prev2.lower in _NAMED_WITH_HEAD:
        # "the county of Fairfax": the gazetteer knows the county as "Fairfax County"
        key = f"{c.key} {prev2.lower}"
        gaz = c.gazetteer
        places = tuple(p for p in gaz.candidates_by_key(key) if p.kind in kinds) if gaz.has_key(key) else ()
    if not places:
        return None
    return Keep(name_type(c), places=places)


def upstate_before(c: Context) -> Verdict:
    """"upstate New York", "downstate Illinois": the part of a state away from (or at) its big
    city, so the name is the state (US English), not the city it shares its name with."""
    prev = c.prev
    if prev is None or prev.lower not in ("upstate", "downstate") or c.adjectival:
        return None
    states = tuple(p for p in c.places if p.kind == "admin1")
    return Keep("literal", places=states) if states else None


#: lower-case compass adjectives that mark a part of an area ("in central Washington")
_COMPASS_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern",
                                 "northwestern", "southeastern", "southwestern"})


def compass_adjective_before(c: Context) -> Verdict:
    """"central Washington", "western New York": a lower-case compass adjective marks a part of an
    area, so a name that is both a first-level division (by its own name) and a town, and no
    country, is the division. News writes "central London" of a city that is no division, and
    "northern Mexico" of the country, which this leaves alone."""
    prev = c.prev
    if prev is None or prev.text not in _COMPASS_ADJECTIVES or c.adjectival \
            or any(p.kind == "country" for p in c.places) or not any(p.kind == "city" for p in c.places):
        return None
    states = tuple(p for p in c.places if p.kind == "admin1" and name_key(p.name) == c.key)
    return Keep("literal", places=states) if states else None


#: heads whose places the gazetteer names with the head ("X County", "X Parish")
_NAMED_WITH_HEAD = frozenset({"county", "parish"})


# -- local government and its bodies ----------------------------------------------------------

#: the words after a name that make it a township's: "Cherry Hill Township", "Howell Twp."
_TOWNSHIP_WORDS = frozenset({"Township", "Twp"})
#: a township is a minor civil division: never a country's or a state's seat of government
_SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLG"})
#: where "Township" is a unit of local government in English-language news
_TOWNSHIP_COUNTRIES = frozenset({"US", "CA"})


def township_name(c: Context) -> Verdict:
    """"Cherry Hill Township", "Howell Twp.": a name and "Township" name the municipality (US
    and Canadian local government; GeoNames files most of them as the town of that name), so
    the span takes the word and its candidates are the towns, never a capital of that name
    ("Washington Township" is not the US capital) and bear that name as their own."""
    nxt, after = c.next_word, c.nxt2
    if c.adjectival or nxt is None or nxt.text not in _TOWNSHIP_WORDS:
        return None
    if after is not None and after.is_cap and after.is_word and after.start - nxt.end <= 1:
        return None  # "Township Road", "Township Board": a longer name goes on
    # the towns called that (not those with it as an alternate name: a township bears its own name)
    towns = tuple(p for p in c.places if p.kind == "city" and p.feature_code not in _SEAT_CODES
                  and c.gazetteer.name_quality(c.key, p.geonameid) in ("main", "english"))
    if not towns:
        return None
    american = tuple(p for p in towns if p.country_code in _TOWNSHIP_COUNTRIES)
    return Keep("literal", last=c.j + 1, places=american or towns)


#: a town's bodies and their people, written lower-case after its name ("Monroe police said");
#: nouns a person's name does not modify the same way (not "officials": "Trump officials")
TOWN_BODY_NOUNS = frozenset({"police", "firefighters", "sheriff", "deputies", "council", "councilmen",
                             "schools", "mayor", "residents", "voters", "city"})


def town_body_after(c: Context) -> Verdict:
    """"Monroe police said", "Athens residents": in local news a town's name before a lower-case
    noun of its police, council, schools or people is the town, even at a sentence start, where
    the capital would otherwise say nothing, and even where it is also a given name ('Monroe').
    A dictionary word there is mostly the body's kind ("Riot police", "Traffic police"), so it
    needs a town or county that is not small ("Mobile police", "Buffalo schools", "Kent police")."""
    nxt = c.next_word
    if nxt is None or nxt.lower not in TOWN_BODY_NOUNS or nxt.is_cap or c.adjectival:
        return None
    need = SMALL_PLACE_POPULATION if c.dictionary else CIVIC_TOWN_POPULATION
    if not any(p.kind in ("city", "admin2") and p.population >= need for p in c.places):
        return None
    return Keep(name_type(c))


def demonym_town(c: Context) -> Verdict:
    """"in Arab, Alabama": a demonym that is also a town's own name, followed by a state or
    country that holds that town, is the town (the address form of English), not the people."""
    container = c.container
    if not c.adjectival or container is None:
        return None
    gaz = c.gazetteer
    towns = [p for p in gaz.candidates_by_key(c.key) if p.kind == "city" and name_key(p.name) == c.key]
    outer = [p for p in gaz.candidates_by_key(container) if p.kind in ("country", "admin1")]
    inside = tuple(t for t in towns if any(gaz.contains(o, t) for o in outer))
    return Keep("literal", places=inside) if inside else None


# -- encyclopaedia leads ------------------------------------------------------------------------

#: how far a lead's aside may run before its "is" ("X (native name; pronunciation) is a city")
_ASIDE_TOKENS = 40


def _after_aside(c: Context) -> int:
    """The offset of the first token after the span and after the lead's aside, if it has one:
    a parenthesis, or an appositive between commas that one of LEAD_ASIDE_OPENERS opens."""
    first = c.token(1)
    if first is None or first.text not in ("(", ","):
        return 1
    if first.text == "," and (c.token(2) is None or c.token(2).lower not in LEAD_ASIDE_OPENERS):
        return 1
    close = ")" if first.text == "(" else ","
    for k in range(2, _ASIDE_TOKENS):
        t = c.token(k)
        if t is None or t.sentence != c.first.sentence:
            return 1
        if t.text == close:
            return k + 1
    return 1


def defining_sentence(c: Context) -> Verdict:
    """"Aurora is a city in Colorado", "Victoria (pronunciation) is the capital city of British
    Columbia": an encyclopaedia lead defines a place at its start, past the lead's aside; it
    outranks the threads of person names ("named after Queen Victoria" later)."""
    if not c.at_sentence_start or c.adjectival:
        return None
    skip = _after_aside(c)
    after = [c.token(k) for k in range(skip, skip + 7)]
    if not (after[0] is not None and after[0].lower in ("is", "was") and after[1] is not None
            and after[1].lower in ("a", "an", "the")):
        return None
    for t in after[2:]:
        if t is None or t.text in ".;:" or (t.lower in ("of", "in", "on", "near") and t is not after[2]):
            return None
        if t.lower in DEFINING_HEADS:
            # "San Pedro is a town in Jujuy Province": a town, not the Paraguayan department of the name
            towns = tuple(p for p in c.places if p.kind == "city") if t.lower in _TOWN_HEADS else ()
            return Keep("literal", places=towns or None)
    return None


#: verbs that say where a place is ("X lies on the Y river", "X is situated in Y"), before a
#: preposition or a compass word of place
_LOCATING_VERBS = frozenset({"lies", "straddles"})
_LOCATING_PARTICIPLES = frozenset({"located", "situated"})
_PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "along", "between", "near", "off", "beside", "astride", "across",
                                 "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                 "inland", "upstream", "downstream", "just", "some", "roughly", "approximately"})


def locating_verb_after(c: Context) -> Verdict:
    """"Granada lies at the foot of the Sierra Nevada", "X is situated on the coast": a verb that
    says where its subject is makes the name a place, even a word's at a sentence start (a
    person lies in state, or in wait, which this leaves)."""
    if c.adjectival:
        return None
    nxt, nxt2, nxt3 = c.nxt, c.nxt2, c.token(3)
    if nxt is None or nxt2 is None:
        return None
    if nxt.lower in _LOCATING_VERBS:
        prep, after = nxt2, nxt3
    elif nxt.lower in ("is", "was") and nxt2.lower in _LOCATING_PARTICIPLES:
        prep, after = nxt3, c.token(4)
    else:
        return None
    if prep is None or prep.lower not in _PLACE_PREPOSITIONS or after is not None and after.lower in ("state", "wait"):
        return None
    return Keep("literal")


#: defining heads that make the lead's name a town ("a city", "a village", "the capital"); not
#: those that may be a division ("municipality", "borough", "township", "county", "province")
_TOWN_HEADS = frozenset({"city", "town", "village", "hamlet", "suburb", "commune", "community", "settlement",
                         "capital", "port", "seaport", "metropolis", "place", "locality", "resort"})
