"""Candidate spans: the longest run of tokens from a capitalised word that the gazetteer knows.

A run grows over capitalised words and connectors ("Bay of Bengal"), then
shrinks from the right until its key is a gazetteer name or a demonym. The
matching reads the document's own tokens; nothing is tokenised again.
"""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter
from typing import NamedTuple

from geo.doc import Doc, Token
from geo.gazetteer import Gazetteer, name_key
from geo.model import Place, Sentence
from geo.recognize.lexicon import (
    ACRONYM_MAX_LENGTH,
    ACRONYMS,
    BIG_AREA_KINDS,
    COMPASS,
    CONNECTORS,
    ELIDED_ARTICLES,
    INSTITUTION_OPENERS,
    MAX_NAME_TOKENS,
    SMALL_PLACE_POPULATION,
)


class Match(NamedTuple):
    """A candidate span: tokens ``i..j`` whose text has the gazetteer key ``key``.

    A named tuple rather than a frozen dataclass: as immutable, and made in a third of the
    machine instructions (a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``), and one is made for most capitalised words of a document.
    """

    i: int
    j: int
    key: str
    places: tuple[Place, ...]
    adjectival: bool = False
    #: an airport's code in capitals in a sentence about flying (span rule ``airport_code_in_flight_news``)
    code: bool = False


#: ``_new(Match, (every field))`` makes a Match without the named tuple's Python-level ``__new__``,
#: in half its machine instructions: longest_match makes one for most capitalised words
_new = tuple.__new__


def shouting_sentences(doc: Doc, caps: list[int] | None = None) -> frozenset[int]:
    """Sentences in capitals or title case (headlines), where case says little: of three words
    or more, most in capitals, or every word but a connector capitalised and no closing mark.

    Read sentence by sentence (the tokens are in sentence order): the capitals are first counted
    by ``str.isupper`` over the words in one C loop, which counts one-letter words too ("I", "A")
    and so can only say "too few" with certainty; the exact count runs where it says "maybe". The
    title-case test runs only on sentences without a closing mark (headlines, captions).

    Most sentences are ASCII prose with a closing mark: there only the capitals can say yes, and a
    word in ASCII capitals is a capitalised word, so fewer capitalised words (``caps``: the indices
    of the capitalised words, as :func:`geo.recognize.evidence.capitalised_words` gives them) than
    the capitals need say no without reading the words.
    """
    sentences, tokens = doc.sentences, doc.tokens
    if caps is None:
        caps = [k for k, t in enumerate(tokens) if t.is_cap and t.is_word]
    out = []
    first = 0
    cap = 0  # the first of caps in the sentence
    for n, sentence in enumerate(sentences):
        last = bisect_left(tokens, n + 1, lo=first, key=_SENTENCE)
        run = tokens[first:last]
        first = last
        capitalised = -cap + (cap := bisect_left(caps, last, lo=cap))
        if sentence.text.endswith(_CLOSING) and sentence.text.isascii():
            count = sum(map(_IS_WORD, run))
            if count < 3 or capitalised < 0.6 * count:
                continue
        words = [t for t in run if t.is_word]
        if len(words) >= 3 and (_in_capitals(words) or _in_title_case(words, sentence)):
            out.append(n)
    return frozenset(out)


_SENTENCE = attrgetter("sentence")
_IS_WORD = attrgetter("is_word")
#: the closing marks of a sentence that is no headline (see _in_title_case)
_CLOSING = (".", '"', "”")
_TEXT = attrgetter("text")


def _in_capitals(words: list[Token]) -> bool:
    """Whether 60 % of the words are in capitals, one-letter words not counted as capitals."""
    need = 0.6 * len(words)
    if sum(map(str.isupper, map(_TEXT, words))) < need:
        return False  # even counting "I" and "A"
    return sum(1 for t in words if len(t.text) > 1 and t.text.isupper()) >= need


def _in_title_case(words: list[Token], sentence: Sentence) -> bool:
    """Whether three words or more are no connectors and all of those are capitalised, in a
    sentence without a closing mark."""
    if sentence.text.endswith(_CLOSING):
        return False
    content = [t for t in words if t.lower not in CONNECTORS]
    return len(content) >= 3 and all(t.is_cap for t in content)


def _run_end(tokens: list[Token], i: int, limit: int) -> int:
    """The last token of the capitalised run from ``i`` (words joined by connectors)."""
    end = i
    for j in range(i + 1, limit):
        t = tokens[j]
        # _joins_name only of the words it can say yes to: most runs end at a word it need not read
        if not (t.is_cap and t.is_word or (t.lower in CONNECTORS and j + 1 < limit)
                or (t.text == "s" or t.lower in ELIDED_ARTICLES or t.is_word and not t.is_cap)
                and _joins_name(tokens, j, limit)):
            break
        if t.start - tokens[j - 1].end > 1 or t.sentence != tokens[i].sentence:
            break  # a name does not run over a gap or into the next sentence ("Vermont. State")
        if t.lower in ("-", "'", "’") and t.start != tokens[j - 1].end:
            break
        end = j
    return end


def _glued_syllable(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` is a lower-case syllable glued by an apostrophe to the capitalised word
    before it ("an" of "Xi'an")."""
    mark = tokens[j - 1]
    return (j >= 2 and mark.text in ("'", "’") and tokens[j].start == mark.end and not tokens[j].is_cap
            and tokens[j].text != "s" and mark.start == tokens[j - 2].end and tokens[j - 2].is_cap)


def _ends_in_apostrophe_part(tokens: list[Token], j: int) -> bool:
    """Whether a name may end at token ``j`` though it is no capitalised word: the "s" of a
    possessive ("St. John's") or a syllable after a transliteration's apostrophe ("Xi'an")."""
    last = tokens[j]
    return last.text == "s" and tokens[j - 1].text in ("'", "’") or last.is_word and _glued_syllable(tokens, j)


def _joins_name(tokens: list[Token], j: int, limit: int) -> bool:
    """Whether token ``j``, neither a capitalised word nor a connector, still joins a name: the "s"
    of a possessive, a syllable after a transliteration's apostrophe, or an elided article. Asked
    only of the word that ends most runs, not of every word."""
    t = tokens[j]
    if t.text == "s":
        # "Cox's Bazar"; and a possessive that ends the run, which the gazetteer may hold as the end of
        # a name ("St. John's, Newfoundland": the shrinking from the right drops it where it does not)
        return tokens[j - 1].text in ("'", "’") and t.start == tokens[j - 1].end
    if t.is_word and _glued_syllable(tokens, j):
        return True  # "Xi'an", "Ta'if", "Mek'ele": a transliteration's apostrophe inside one word
    # French and Italian elided articles inside a name ("Côte d'Ivoire", "Val d'Oise")
    return (t.lower in ELIDED_ARTICLES and j + 2 < limit and tokens[j + 1].text in ("'", "’")
            and tokens[j + 1].start == t.end and tokens[j + 2].is_cap)


def _acronym(gaz: Gazetteer, tokens: list[Token], i: int, key: str) -> Match | None:
    """Country abbreviations ("US", "UK", "UAE"), never "IT" or "UN"."""
    places = gaz.candidates_by_key(key)
    after_number = key == "bc" and i > 0 and tokens[i - 1].text[:1].isdigit()  # "500 BC"
    if (places and places[0].kind == "country" and key != name_key(places[0].name)
            or key in ACRONYMS) and not after_number:
        return Match(i, i, key, places[:1])
    return None


def _main_name(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` is a country's or region's own name: then it is that place, not a people-form
    ("the Philippines" is the country, though a countryinfo demonym has the same form)."""
    return _own_name(gaz, key, BIG_AREA_KINDS)


def _division_by_name(gaz: Gazetteer, key: str) -> bool:
    """Whether ``key`` is a division's own name ("Walker County"): then "Walker County Sheriff's
    Office" holds the county, not the town, as a state name holds the state in "State Police"."""
    return _own_name(gaz, key, ("admin1", "admin2"))


def _own_name(gaz: Gazetteer, key: str, kinds=None) -> bool:
    """Whether ``key`` is the own name (not only an alternate one) of some place, of ``kinds`` if given."""
    return gaz.has_key(key) and any(name_key(p.name) == key and (kinds is None or p.kind in kinds)
                                    for p in gaz.candidates_by_key(key))


def longest_match(gaz: Gazetteer, doc: Doc, i: int, shouting: bool, division_opens: bool = True,
                  city_opens: bool = True, flight_codes: bool = True) -> Match | None:
    """The longest gazetteer name or demonym that starts at token ``i``.

    ``division_opens``: a division's own name ending in "County" or "Province" may stand
    before a capitalised word (span rule ``division_opens_name``). ``city_opens``: "X City"
    before a capitalised word is "X" and an office ("Springfield City Council") unless a
    place's own name is "X City" ("Kansas City Council"; span rule ``city_word_opens_office``).
    ``flight_codes``: a word in capitals that is an airport's code names the airport in a sentence
    about flying (span rule ``airport_code_in_flight_news``).
    """
    tokens, text = doc.tokens, doc.text
    end = _run_end(tokens, i, min(len(tokens), i + MAX_NAME_TOKENS))
    dateline = i + 1 < len(tokens) and tokens[i + 1].text == ","  # "KYIV, Ukraine (AP)"
    first = tokens[i].text
    for j in range(end, i - 1, -1):
        last = tokens[j]
        if not (last.is_cap and last.is_word or j > i + 1 and _ends_in_apostrophe_part(tokens, j)):
            continue
        if i == j:
            # one token's key is its lower case where it is ASCII letters and digits (nothing for
            # name_key to fold, drop or join, as with most words)
            word = last.text
            key = last.lower if word.isascii() and word.isalnum() else name_key(word)
        else:
            key = name_key(text[tokens[i].start:last.end])
        if j > i and last.lower in INSTITUTION_OPENERS and j + 1 < len(tokens) \
                and tokens[j + 1].is_cap and tokens[j + 1].start - last.end <= 1 \
                and not (division_opens and _division_by_name(gaz, key)):
            continue  # "Arizona State University", "Maryland State Police": the place is "Arizona"
        if city_opens and j > i and last.text == "City" and j + 1 < len(tokens) and tokens[j + 1].is_cap \
                and tokens[j + 1].start - last.end <= 1 and not _own_name(gaz, key):
            continue  # "Springfield City Council": "Springfield City" is only an alternate name
        if first.isupper() and len(first) <= ACRONYM_MAX_LENGTH and i == j and not shouting and not dateline:
            match = _acronym(gaz, tokens, i, key)
            if match is None and flight_codes:
                match = _flight_code(gaz, doc, i, key)
            if match is not None:
                return match
            continue
        demonym = gaz.demonym_by_key(key) if j - i < 3 else None
        if demonym is not None and not _main_name(gaz, key):
            return _new(Match, (i, j, key, (demonym,), True, False))
        if gaz.has_key(key):
            places = gaz.candidates_by_key(key)
            if j > i + 1 and key.startswith(_MUNICIPALITY_PREFIXES):
                places = _with_bare_towns(gaz, key, places)
            if j > i and first == "The" and not any(p.name.startswith("The ") for p in places):
                # "The Sahel", "The Rhine" opening a sentence: the article is no part of the name
                # (annotators leave it out, as after a lower-case "the"), unless the place's own
                # name has it ("The Hague", "The Bronx"); a longer name after the article wins
                # ("The Rio Grande do Norte legislature" is the state, not the river)
                inner = longest_match(gaz, doc, i + 1, shouting, division_opens, city_opens, flight_codes)
                if inner is not None and inner.j >= j:
                    return inner
                return _new(Match, (i + 1, j, key, places, False, False))
            return _new(Match, (i, j, key, places, False, False))
    return None


#: "City of Richmond": the formal name of a municipality, which GeoNames lists for some towns of the
#: name and not others
_MUNICIPALITY_PREFIXES = ("city of ", "town of ", "village of ", "borough of ", "township of ")


def _with_bare_towns(gaz: Gazetteer, key: str, places: tuple[Place, ...]) -> tuple[Place, ...]:
    """A formal municipality name's records and the towns of its bare name ("City of Richmond" is
    also Richmond, Virginia, which GeoNames does not list under it)."""
    bare = key.split(" of ", 1)[1]
    if not gaz.has_key(bare):
        return places
    seen = {p.geonameid for p in places}
    return places + tuple(p for p in gaz.candidates_by_key(bare) if p.kind == "city" and p.geonameid not in seen)


#: words of a sentence about flying, where a code in capitals ("JFK", "LHR") names an airport
FLIGHT_WORDS = frozenset({
    "flight", "flights", "flew", "fly", "flying", "flies", "landed", "landing", "airport", "airports",
    "airline", "airlines", "airliner", "plane", "planes", "jet", "jets", "aircraft", "passenger",
    "passengers", "runway", "runways", "terminal", "terminals", "departures", "arrivals", "departed",
    "takeoff", "take-off", "layover", "nonstop", "non-stop", "aviation", "airspace", "pilot", "pilots",
})


def flight_sentence(doc: Doc, sentence: int) -> bool:
    """Whether sentence ``sentence`` of ``doc`` has a word about flying (:data:`FLIGHT_WORDS`)."""
    sentences = doc.sentences
    if not sentences:
        return False
    words = sentences[min(sentence, len(sentences) - 1)].text.lower().split()
    return any(w.strip(".,;:!?\"'()“”‘’") in FLIGHT_WORDS for w in words)


def _flight_code(gaz: Gazetteer, doc: Doc, i: int, key: str) -> Match | None:
    """"Flights out of JFK": an airport's IATA or ICAO code, in capitals, in a sentence about flying
    (the gazetteer keeps only codes that name no other place and are no English word)."""
    if len(key) < 3 or not gaz.has_key(key):
        return None
    airports = tuple(p for p in gaz.candidates_by_key(key) if p.kind == "airport")
    if not airports or not flight_sentence(doc, doc.tokens[i].sentence):
        return None
    return Match(i, i, key, airports, code=True)


#: the lower-case noun after a name that makes it an airport's ("Ben Gurion airport", "JFK airport")
AIRPORT_NOUN = "airport"


def airport_match(gaz: Gazetteer, doc: Doc, i: int, match: Match | None) -> Match | None:
    """The airport a capitalised name before a lower-case "airport" names ("Ben Gurion airport",
    "JFK airport"): the gazetteer stores those forms; the span is the name, not the common noun (as
    with "Harris county")."""
    tokens = doc.tokens
    end = _capitalised_run(tokens, i)
    k = end + 1
    if k >= len(tokens) or tokens[k].text != AIRPORT_NOUN or tokens[k].start - tokens[end].end > 1:
        return match
    name = name_key(doc.text[tokens[i].start:tokens[end].end])
    key = f"{name} {AIRPORT_NOUN}"
    if not gaz.has_key(key):
        return match
    airports = tuple(p for p in gaz.candidates_by_key(key) if p.kind == "airport")
    # "Bali airport" is the island's airport (which the gazetteer may know by another name), not a
    # namesake town's elsewhere (a Cameroonian Bali's): after a country's or region's name only an
    # airport inside that country is meant
    areas = [p for p in (gaz.candidates_by_key(name) if gaz.has_key(name) else ()) if p.kind in BIG_AREA_KINDS]
    if areas:
        countries = {p.country_code for p in areas if p.kind == "country"}
        airports = tuple(p for p in airports if p.country_code in countries)
    return Match(i, end, key, airports) if airports else match


def article_match(gaz: Gazetteer, doc: Doc, i: int, match: Match | None) -> Match | None:
    """"in the Gulf", "across the Caribbean": after a lower-case "the", the name with its article,
    where that is a country's or a region's name and the bare name is no such place ("Gulf" alone
    is a Papuan province; "the Gulf" the Persian Gulf)."""
    if match is None or match.adjectival or i == 0:
        return match
    the = doc.tokens[i - 1]
    # the cheap test first: few names follow "the", and a name may have fifty candidates to look through
    if the.text != "the" or doc.tokens[i].start - the.end != 1 or any(p.kind in BIG_AREA_KINDS for p in match.places):
        return match
    key = f"the {match.key}"
    if not gaz.has_key(key):
        return match
    areas = tuple(p for p in gaz.candidates_by_key(key) if p.kind in BIG_AREA_KINDS)
    return Match(match.i, match.j, key, areas) if areas else match


def compass_match(gaz: Gazetteer, doc: Doc, i: int, shouting: bool, match: Match | None) -> Match | None:
    """"North London", "Western Wales": a capitalised compass word before a sizeable place
    names a part of it, when the gazetteer has no name for the whole."""
    tokens = doc.tokens
    if tokens[i].lower not in COMPASS or (match is not None and match.j > i) or i + 1 >= len(tokens):
        return match
    nxt = tokens[i + 1]
    if not (nxt.is_cap and nxt.is_word and nxt.start - tokens[i].end == 1):
        return match
    inner = longest_match(gaz, doc, i + 1, shouting)
    if inner is None or inner.adjectival or not inner.places:
        return match
    top = inner.places[0]
    if top.feature_class in ("H", "T"):
        # a river, lake or mountain has no compass parts: "West Nile" is a virus and a district,
        # not the Nile's west; the span names no place the gazetteer has (no places: skipped whole)
        return Match(i, inner.j, inner.key, ())
    if top.kind in BIG_AREA_KINDS or top.kind == "admin1" or top.population >= SMALL_PLACE_POPULATION:
        return Match(i, inner.j, inner.key, inner.places)
    return match


#: lower-case nouns after a name, or after a list of names, that make each one a county
#: ("Harris county", "Walton and Oconee counties", "Jefferson and Orleans parishes")
COUNTY_NOUNS = {"county": "county", "counties": "county", "parish": "parish", "parishes": "parish"}
#: what may stand between the names of such a list
_LIST_WORDS = frozenset({",", "and", "or", "&"})
#: how far a list may run before its noun
_LIST_TOKENS = 16


#: abbreviated titles whose full stop stays inside a name ("St. Bernard", "Ft. Bend")
_TITLE_ABBREVIATIONS = frozenset({"st", "ste", "mt", "ft", "pt"})


def _capitalised_run(tokens: list[Token], i: int, stop: frozenset[str] | dict = frozenset()) -> int:
    """The last token of the run of adjacent capitalised words from ``i`` in its sentence (words
    whose lower case is in ``stop`` end it; an abbreviated title's full stop does not)."""
    end = i
    while end + 1 < len(tokens):
        nxt = tokens[end + 1]
        if nxt.text == "." and tokens[end].lower in _TITLE_ABBREVIATIONS and end + 2 < len(tokens) \
                and nxt.start == tokens[end].end and tokens[end + 2].is_cap and tokens[end + 2].is_word \
                and tokens[end + 2].start - nxt.end <= 1:
            end += 1  # "St." of "St. Bernard": the name goes on
            continue
        if not (nxt.is_cap and nxt.is_word and nxt.lower not in stop and nxt.start - tokens[end].end <= 1
                and nxt.sentence == tokens[i].sentence):
            break
        end += 1
    return end


def county_match(gaz: Gazetteer, doc: Doc, i: int, match: Match | None) -> Match | None:
    """The county (or parish) a name before "county"/"counties" names: "Harris county",
    "Walton and Oconee counties" (the gazetteer knows "Walton County", not a town, there)."""
    tokens = doc.tokens
    end = _capitalised_run(tokens, i, COUNTY_NOUNS)
    noun = _county_noun(tokens, end)
    if noun is None:
        return match
    key = name_key(f"{doc.text[tokens[i].start:tokens[end].end]} {noun}")
    if not gaz.has_key(key):
        return match
    return Match(i, end, key, gaz.candidates_by_key(key))


def _county_noun(tokens: list[Token], end: int) -> str | None:
    """"county" or "parish" when the name ending at token ``end`` is followed by one (singular),
    or stands in a list of capitalised names that one plural ends, or that a singular ends as
    the modifier of a lower-case noun ("Lexington and Richland county deputies": English
    noun modifiers are singular)."""
    sentence = tokens[end].sentence
    k = end + 1
    if k < len(tokens) and tokens[k].lower in ("county", "parish") and not tokens[k].is_cap:
        return COUNTY_NOUNS[tokens[k].lower]
    for k in range(end + 1, min(len(tokens), end + _LIST_TOKENS)):
        t = tokens[k]
        if t.sentence != sentence:
            return None
        if t.lower in ("counties", "parishes"):
            return COUNTY_NOUNS[t.lower] if tokens[k - 1].is_cap else None
        if t.lower in ("county", "parish") and not t.is_cap and tokens[k - 1].is_cap and k > end + 2:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            modifies = after is not None and after.is_word and not after.is_cap and after.sentence == sentence
            return COUNTY_NOUNS[t.lower] if modifies else None
        if not (t.is_cap and t.is_word or t.lower in _LIST_WORDS
                or t.text == "." and tokens[k - 1].lower in _TITLE_ABBREVIATIONS):
            return None
    return None


#: lower-case head nouns that belong to a region's name where the gazetteer knows the whole ("the
#: Amazon rainforest", "the Sinai peninsula"): the heads of natural regions, not of divisions
#: ("the Tigray region" is Tigray, as the annotators mark it)
REGION_HEADS = frozenset({"rainforest", "basin", "delta", "desert", "peninsula", "mountains", "valley"})


def region_head_match(gaz: Gazetteer, doc: Doc, i: int, match: Match | None) -> Match | None:
    """The region a name and a lower-case head noun after it name together, where the gazetteer knows
    the whole and the name alone names no place ("Amazon" is the company as often)."""
    if match is not None:  # the name alone names a place: that match stands
        return match
    tokens = doc.tokens
    j = _capitalised_run(tokens, i)
    k = j + 1
    if k >= len(tokens) or tokens[k].lower not in REGION_HEADS or tokens[k].is_cap \
            or tokens[k].start - tokens[j].end != 1:
        return None
    key = name_key(f"{doc.text[tokens[i].start:tokens[j].end]} {tokens[k].lower}")
    if not gaz.has_key(key):
        return None
    regions = tuple(p for p in gaz.candidates_by_key(key) if p.kind == "region")
    return Match(i, k, key, regions) if regions else None
