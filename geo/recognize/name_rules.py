"""Rules on how a span names its place: by the place's own or English name, by an alternate
name or a code only, or as the end of a longer capitalised name.

The gazetteer keeps the quality of every name of every place (``main``,
``english``, ``alternate``, ``code``; :data:`geo.gazetteer.build.QUALITIES`);
a match on an alternate name or a code alone is a weak reading of a place
(issue 10: 31 % of unexplained false positives against 6 % of true ones).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from geo.doc import Token
from geo.gazetteer import name_key
from geo.lexicon import stop_words
from geo.recognize.context import Context
from geo.recognize.lexicon import (
    ACRONYM_MAX_LENGTH,
    CALENDAR,
    COMPASS,
    CONNECTORS,
    DIVISION_POPULATION,
    FEATURE_HEADS_BEFORE,
    GENERIC_HEADS,
    GROUP_COMPOUNDS,
    LOCATIVE,
    MAJOR_CITY_POPULATION,
    MEMBER_NOUNS,
    NAMESAKE_OPENERS,
    PLURAL_TITLES,
    SMALL_PLACE_POPULATION,
    TITLES,
)
from geo.recognize.types import name_type
from geo.recognize.verdicts import NAME, ORGANISATION, PERSON, WORD, Keep, Verdict

# -- how the name names the place ---------------------------------------------------------------

#: best first (the gazetteer's name qualities, see geo.gazetteer.build.QUALITIES)
_QUALITY_RANK = {"main": 0, "english": 1, "alternate": 2, "code": 3}


def _named_no_better_than(c: Context, quality: str) -> bool:
    """Whether the best way the span's key names any of its candidates ("main", "english",
    "alternate", "code"; "alternate" where it has none) is ``quality`` or worse. The candidates
    are asked only until one is named better (most names' first candidate is named by its main name)."""
    rank = _QUALITY_RANK[quality]
    if not c.places:
        return rank <= 2
    gaz, key = c.gazetteer, c.key
    return all(_QUALITY_RANK.get(gaz.name_quality(key, p.geonameid), 2) >= rank for p in c.places)


#: the kinds a state abbreviation ("Calif.", "NSW") names: divisions, whose codes are no airport's
_DIVISIONS = frozenset({"admin1", "admin2"})


def named_population(c: Context) -> int:
    """The span's population (see ``Context.population``) over :attr:`Context.own_places`, where there
    are any; else over all its candidates."""
    own = c.own_places
    if not own or c.big_area or len(own) == len(c.places):
        return c.population
    return max(p.population if p.kind == "city" else DIVISION_POPULATION for p in own)


#: IATA codes have three letters, ICAO codes four
_CODE_MAX_LENGTH = 4


def named_major_city(c: Context) -> bool:
    """``Context.major_city`` over :attr:`Context.own_places`, where there are any."""
    own = c.own_places
    if not own or len(own) == len(c.places):
        return c.major_city
    return any(p.kind == "city" and p.population >= MAJOR_CITY_POPULATION for p in own)


def code_only(c: Context) -> Verdict:
    """"Fans", "GMT", "MSF": a span that matches only an airport's or a town's code (IATA, ICAO)
    names no place in running news text; state abbreviations ("Calif.", "NSW") are divisions' codes."""
    if not c.single or len(c.key) > _CODE_MAX_LENGTH or c.adjectival or c.big_area or c.match.code \
            or not _DIVISIONS.isdisjoint(c.kinds):
        return None
    return NAME if _named_no_better_than(c, "code") else None


#: nouns of a person after "a X": "a Troy woman" is a woman from Troy (US local news)
RESIDENT_NOUNS = frozenset({"man", "woman", "resident", "teen", "teenager", "boy", "girl", "couple", "native"})


def _age_before(c: Context) -> bool:
    """Whether "N-year-old" stands right before the span ("a 67-year-old X resident")."""
    parts = [c.token(-k) for k in range(2, 6)]
    return all(t is not None for t in parts) and parts[0].text == "-" and parts[1].lower == "year" \
        and parts[2].text == "-" and parts[3].text.isdigit()


def resident_noun_after(c: Context) -> Verdict:
    """"a Troy woman", "an Athens man": in US local news "a/an X man" is a resident of town X, so
    X is a place even where it is also a word or a name ('Troy', 'Brunswick', 'Lincoln'); and
    not the country X is also the name of ("a Georgia man": a country's people take its demonym)."""
    prev, nxt = c.prev, c.nxt
    if prev is not None and prev.lower == "old" and _age_before(c):
        prev = c.token(-6)  # "a 67-year-old Hammond resident"
    if prev is None or nxt is None or prev.lower not in ("a", "an") or nxt.lower not in RESIDENT_NOUNS \
            or nxt.is_cap or c.adjectival:
        return None
    if c.big_area:
        # "a Georgia man": English names a country's people by its demonym ("a Georgian man"),
        # so X is the state or town of that name, where it has one
        if any(p.kind in ("continent", "region") for p in c.places):
            return None
        local = tuple(p for p in c.places if p.kind in ("admin1", "admin2", "city"))
        return Keep(name_type(c), places=local) if local else None
    if not any(p.kind in ("city", "admin2") for p in c.places):
        return None
    return Keep(name_type(c))


def state_university(c: Context) -> Verdict:
    """"Mississippi State beat Alabama", "a Penn State study": in US news a state's name with a
    capitalised "State" is its state university (or its teams); the state itself is written
    "the state of X" or "X state". Not where the name alone is also a big city's ("New York State",
    "Washington State" tell the state from the city) nor outside the US ("Lagos State")."""
    if c.single or c.last.text != "State" or not c.places \
            or not all(p.kind == "admin1" and p.country_code == "US" for p in c.places):
        return None
    head = name_key(c.doc.text[c.first.start:c.tokens[c.j - 1].end])
    gaz = c.gazetteer
    if gaz.has_key(head) and any(p.kind == "city" and p.population >= MAJOR_CITY_POPULATION
                                 for p in gaz.candidates_by_key(head)):
        return None
    return ORGANISATION


def acronym_alternate(c: Context) -> Verdict:
    """"FAO", "BSE", "RBC": a word in capitals that matches only an alternate name of a town is an
    acronym (organisations, diseases, degrees), not the town; datelines excepted."""
    word = c.first.text
    if not (c.single and word.isupper() and 1 < len(word) <= ACRONYM_MAX_LENGTH) or c.adjectival or c.big_area \
            or c.dateline or c.match.code \
            or c.shouting or not _DIVISIONS.isdisjoint(c.kinds):
        return None
    return NAME if _named_no_better_than(c, "alternate") else None


def alternate_name_only(c: Context) -> Verdict:
    """A match only on an alternate name of a small place, with no cue for a place, is weak
    (an error class: such matches are far more often people, groups and products); of a town
    short of a major city too, before a noun of a group's members ("Hamas fighters": Hamm's
    Lithuanian name; a town's people are its "residents", a group's its "fighters")."""
    if c.big_area or c.locative or c.population >= MAJOR_CITY_POPULATION:
        return None
    member = c.population >= SMALL_PLACE_POPULATION
    if member and not _members_of_exonym(c):
        return None
    key = c.key
    if any(name_key(p.name) == key for p in c.places):
        return None
    if any(c.gazetteer.name_quality(key, p.geonameid) == "english" for p in c.places):
        return None  # an English form of the place's own name ("Tal Afar" for Tall ‘Afar), not an alternate
    # a group's name, and so wherever the article names it with no cue (organisation_elsewhere)
    return ORGANISATION if member else NAME


def _members_of_exonym(c: Context) -> bool:
    """A noun of a group's members, or a compound of what a group does ("Hamas-run", "-led",
    "-backed"), after a name that is another language's name of the town, not its English spelling:
    "Hamas fighters" (Hamm), not "Misrata fighters" (Misratah) or "Douma" (Dūmā)."""
    nxt = c.next_word
    if nxt is None or nxt.is_cap:
        return False
    if nxt.text in ("-", "‑"):
        after = c.nxt2
        if after is None or after.start != nxt.end or after.lower not in GROUP_COMPOUNDS:
            return False
    elif nxt.lower not in MEMBER_NOUNS:
        return False
    own = [name_key(p.name) for p in c.places]
    return not any(c.key in k or k in c.key or SequenceMatcher(None, c.key, k).ratio() >= 0.75 for k in own)


def wordlike_alternate(c: Context) -> Verdict:
    """"Soul" for Seoul, "Franklin" for a city once called so: an alternate name that is also a
    common word or a given name, with no cue for a place, is the word or the person (an error class:
    such matches are far more often people, groups and products), whatever the place's size."""
    if not c.single or c.adjectival or c.big_area or c.locative or c.state_name \
            or not _DIVISIONS.isdisjoint(c.kinds):
        return None
    if not (c.dictionary or c.is_given_name(c.first)):
        return None
    return NAME if _named_no_better_than(c, "alternate") else None


def _capitalised_word_before(c: Context) -> Token | None:
    """The capitalised word right before the span, in its sentence, that no earlier name took (none
    before a span in capitals)."""
    prev = c.prev
    if prev is None or c.previous_end == c.i - 1 or c.first.text.isupper():
        return None
    if not (prev.is_cap and prev.is_word and prev.end + 1 == c.first.start and prev.sentence == c.first.sentence):
        return None
    return prev


def inside_longer_place_name(c: Context) -> Verdict:
    """"New Guinea", "Nueva Ecija", "the Channel Islands": a place name after a capitalised word that
    opens a namesake ("New"), or a generic head alone after a capitalised word, is part of a longer
    place name the gazetteer lacks: not the place named after, nor a place called "Islands"."""
    prev = _capitalised_word_before(c)
    if prev is not None and (prev.lower in NAMESAKE_OPENERS or c.single and c.first.lower in GENERIC_HEADS):
        return NAME
    return None


def inside_capitalised_name(c: Context) -> Verdict:
    """"Andrew Jordan", "Radio Pyongyang", "Racing Victoria": a place name right after a capitalised
    word that is no place, title, compass, calendar or function word ends that word's name: a
    person's after a given name, a feature's after a head that opens feature names ("Cape", "Lake":
    the gazetteer's known ones, "Lake Michigan", match whole before this), else an organisation's
    or a facility's (an embedded place)."""
    prev = _capitalised_word_before(c)
    if prev is None or c.adjectival or c.shouting:
        return None
    low = prev.lower.rstrip(".")
    if low in stop_words() or low in LOCATIVE or low in COMPASS or low in TITLES or low in CALENDAR \
            or c.gazetteer.demonym(prev.text) is not None:
        return None
    if low in FEATURE_HEADS_BEFORE:
        return NAME  # "Cape Elizabeth", "Lake Washington": a feature or town named after a person, mostly
    if c.is_given_name(prev):
        return PERSON  # "Michael X, another fighter": a given name opens a full name anywhere
    prev2 = c.prev2
    if prev2 is None or prev2.sentence != prev.sentence or prev2.text in ".!?:;\"“”‘’'(—–-":
        return None  # the word opens its sentence or clause: it may be a capitalised common word
    if c.single and not c.big_area and not c.major_city and c.is_given_name(c.first):
        return PERSON  # "Kyrie Irving": a name that is also a given name, after an unknown word, ends a full name
    if c.big_area or c.population >= SMALL_PLACE_POPULATION and not (c.dictionary and not c.major_city):
        return Keep("embedded")  # as embedded_place keeps a sizeable place inside a name
    return ORGANISATION



#: the longest division name tried after "Town, " ("Prince Edward Island")
_CONTAINER_TOKENS = 4
#: the words of an appositive that locates a name: "Austin, in Scott County, Indiana"
_APPOSITIVE_LOCATIVES = frozenset({"in", "near", "outside"})


def town_comma_division(c: Context) -> Verdict:
    """"Thruxton, Hampshire", "Gao, Mali", "Austin, in Scott County": a name followed by a comma
    (and an appositive "in", "near" or "outside") and a country or division that contains a
    place of that name is that place, whatever word or person it could also be (address style
    of English, and its appositive form)."""
    nxt, nxt2 = c.nxt, c.nxt2
    if c.adjectival or nxt is None or nxt.text != "," or nxt2 is None or nxt2.sentence != c.last.sentence:
        return None
    tokens, k = c.tokens, c.j + 2
    if nxt2.lower in _APPOSITIVE_LOCATIVES and k + 1 < len(tokens):
        k += 1
        nxt2 = tokens[k]
    if not (nxt2.is_cap and nxt2.is_word) or nxt2.sentence != c.last.sentence:
        return None
    end = k
    while end + 1 < len(tokens) and end - k < _CONTAINER_TOKENS - 1 and tokens[end + 1].start - tokens[end].end <= 1 \
            and (tokens[end + 1].is_cap and tokens[end + 1].is_word or tokens[end + 1].lower in CONNECTORS):
        end += 1
    for e in range(end, k - 1, -1):
        outer = [p for p in c.gazetteer.candidates_by_key(name_key(c.doc.text[tokens[k].start:tokens[e].end]))
                 if p.kind in ("country", "admin1", "admin2")]
        # towns and divisions by the hierarchy; a named region is kept as a big area anyway, and
        # testing its point against a country's shape would load shapely (15 MB) for nothing
        if any(c.gazetteer.contains(o, p) for o in outer for p in c.places if p.kind not in ("region", "continent")):
            return Keep("literal")  # which of the places it is stays the resolver's ("container")
    return None


def full_name_elsewhere(c: Context) -> Verdict:
    """"Holland recalled" after "reporter Bill Holland": a country's or a state's name the article
    uses as a person's surname is that person where it stands alone with no cue for a place
    (news style: a person is named in full once, then by surname)."""
    if not c.single or c.first.text not in c.evidence.place_surnames or c.locative or c.adjectival:
        return None
    prev = c.prev
    if prev is not None and prev.lower in ("the", "of"):
        return None
    return PERSON


#: the most list items read on each side of a name
_LIST_ITEMS = 6


def _list_items(c: Context, step: int) -> list[tuple[int, int]]:
    """The capitalised items (first, last token) of the list the span stands in, on one side."""
    tokens, out = c.tokens, []
    k = c.j + 1 if step > 0 else c.i - 1
    while len(out) < _LIST_ITEMS and 0 <= k < len(tokens) and tokens[k].sentence == c.first.sentence \
            and tokens[k].lower in (",", "and", "or"):
        k += step
        if 0 <= k < len(tokens) and tokens[k].lower == "and":
            k += step  # ", and"
        first = k
        while 0 <= k < len(tokens) and tokens[k].is_cap and tokens[k].is_word and abs(k - first) < 3:
            k += step
        if k == first:
            break
        out.append((first, k - step) if step > 0 else (k - step, first))
    return out


def listed_with_people(c: Context) -> Verdict:
    """"the deaths of Helen, Clarence, Marie and Randy Roe": a given name that names only small
    places, in a list with a person's full name (a given name and a surname) or a person the
    article has named, is one more person (coordination joins like with like)."""
    if not c.single or c.adjectival or c.big_area or not c.is_given_name(c.first) \
            or named_population(c) >= SMALL_PLACE_POPULATION:
        return None
    prev = c.prev
    if prev is not None and prev.lower in LOCATIVE and prev.lower != "of":
        return None  # "a forum in X, Roe said": after "in" a place is expected
    tokens, persons = c.tokens, c.doc.persons
    for a, b in _list_items(c, 1) + _list_items(c, -1):
        item = c.doc.text[tokens[a].start:tokens[b].end]
        if item in persons or b == a + 1 and c.is_given_name(tokens[a]) and not c.gazetteer.has_key(name_key(item)):
            return PERSON
    return None


def title_word(c: Context) -> Verdict:
    """"Gov.", "Sen.": titles are no places; AP plural titles only before a name ("Sens. Tom Udall",
    not Sens, France)."""
    if c.key in PLURAL_TITLES:
        nxt, name = c.nxt, c.nxt2
        return WORD if nxt is not None and nxt.text == "." and name is not None and name.is_cap else None
    return WORD if c.key in TITLES else None
