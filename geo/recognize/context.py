"""The frozen view of one candidate span that every recognition rule reads.

A :class:`Context` holds the span, its neighbouring tokens, where it sits in
its sentence, its gazetteer candidates and the document's evidence about
names. Derived facts (is the place big, is a locative cue before it, does an
organisation word follow) are computed once, on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from geo.doc import Doc, Token
from geo.gazetteer import Gazetteer, name_key
from geo.model import Place, Sentence
from geo.recognize.evidence import Evidence
from geo.recognize.lexicon import (
    ADMIN_DIVISION_NOUNS,
    BIG_AREA_KINDS,
    CONNECTORS,
    DATELINE_STATE_COUNTRIES,
    DIVISION_NOUNS,
    DIVISION_OFFICES,
    DIVISION_POPULATION,
    LEGISLATURE_WORDS,
    LIST_KIND_NOUNS,
    LIST_KIND_OPENERS,
    LOCATIVE,
    LOWER_ORG_HEADS,
    MAJOR_CITY_POPULATION,
    ORG_HEADS,
    TITLES,
    TOWN_OFFICES,
    WEEKDAYS,
)
from geo.recognize.match import Match, flight_sentence

#: how far back a list of names is followed to the cue that opens it (tokens)
_LIST_LOOKBACK = 24
#: what stands between the names of a list ("Tigray, Amhara and Afar")
_LIST_JOINERS = frozenset({",", "and", "or", "&"})
#: and the article, inside a list a kind noun opens ("countries such as the Philippines and Chad")
_LIST_JOINERS_THE = _LIST_JOINERS | {"the"}
#: the last word of a county's name key in an address ("Paris, Bourbon County", "Houma, Terrebonne Parish")
_COUNTY_WORDS = (" county", " co", " parish", " borough")
_KIND = attrgetter("kind")


class cached:  # noqa: N801 - used as a decorator, like functools.cached_property
    """A value computed on first use and stored on the instance.

    ``functools.cached_property`` takes a lock on every first access in Python
    3.11; a context is made for each of thousands of candidate spans and most of
    its facts are read once, so that lock was a tenth of recognition's time.
    The value is stored with ``setattr`` (this descriptor has no ``__set__``, so it
    lands in the instance), not through ``obj.__dict__``: reading ``__dict__`` makes
    CPython build a dict for the instance, and every later attribute read of that
    context (the rules make dozens) then takes the slower path.
    """

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.func(obj)
        setattr(obj, self.name, value)
        return value


class Context:
    """One candidate span in its document; derived facts are computed once, on first use.

    Rules read it and never change it. The span's fields are slots, set once here, since every
    rule reads several of them; the derived facts go to the instance's ``__dict__``. CPython
    keeps a class's instance attributes in a compact shared layout of at most 30 names: with
    the span's 19 fields there too, a context that used a dozen facts overflowed it and got a
    dict of its own (half of them did), where every attribute read is slower.
    """

    __slots__ = ("doc", "gazetteer", "match", "evidence", "shouting", "previous_end", "tokens", "i", "j",
                 "key", "places", "adjectival", "first", "last", "single", "prev", "prev2", "nxt", "nxt2",
                 "__dict__")

    def __init__(self, doc: Doc, gazetteer: Gazetteer, match: Match, evidence: Evidence, shouting: bool,
                 previous_end: int) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.match = match
        self.evidence = evidence
        self.shouting = shouting
        #: index of the last token of the previous kept mention (-10 before any)
        self.previous_end = previous_end
        # -- the span
        self.tokens: list[Token] = doc.tokens
        self.i: int = match.i
        self.j: int = match.j
        self.key: str = match.key
        self.places: tuple[Place, ...] = match.places
        self.adjectival: bool = match.adjectival
        tokens, i, j = doc.tokens, match.i, match.j
        self.first: Token = tokens[i]
        self.last: Token = tokens[j]
        self.single: bool = i == j
        # -- its neighbours (nearly every rule reads one)
        self.prev: Token | None = tokens[i - 1] if i >= 1 else None
        self.prev2: Token | None = tokens[i - 2] if i >= 2 else None
        self.nxt: Token | None = tokens[j + 1] if j + 1 < len(tokens) else None
        self.nxt2: Token | None = tokens[j + 2] if j + 2 < len(tokens) else None

    @property
    def top(self) -> Place:
        return self.places[0]

    @cached
    def surface(self) -> str:
        return self.doc.text[self.first.start:self.last.end]

    def token(self, offset: int) -> Token | None:
        """The token ``offset`` places before the span (negative) or after it (positive)."""
        k = self.match.i + offset if offset < 0 else self.match.j + offset
        return self.doc.tokens[k] if 0 <= k < len(self.doc.tokens) else None

    @cached
    def sentence(self) -> Sentence | None:
        sentences = self.doc.sentences
        return sentences[min(self.first.sentence, len(sentences) - 1)] if sentences else None

    # -- the candidates -------------------------------------------------------------------
    @cached
    def kinds(self) -> frozenset[str]:
        """The kinds of the candidates, read in one C loop (a name may have fifty candidates, and
        several rules ask whether any or all are of some kinds)."""
        return frozenset(map(_KIND, self.places))

    @cached
    def big_area(self) -> bool:
        """Countries, continents and named regions are never just a word or a person."""
        return self.top.kind in BIG_AREA_KINDS

    @cached
    def population(self) -> int:
        """The biggest place the name may be; a division counts as a big city."""
        if self.big_area:
            return 10**9
        return max(p.population if p.kind == "city" else DIVISION_POPULATION for p in self.places)

    @cached
    def city_population(self) -> int:
        """The biggest populated place of the name (divisions left out)."""
        return max((p.population for p in self.places if p.kind == "city"), default=0)

    @cached
    def major_city(self) -> bool:
        return any(p.kind == "city" and p.population >= MAJOR_CITY_POPULATION for p in self.places)

    @cached
    def own_places(self) -> list[Place]:
        """The candidates the span names by a main or English name, or that are divisions (whose few
        alternate names are mostly exonyms: "Venice" for Venezia). GeoNames lists many alternate
        names of towns (old, dialect and foreign spellings) that are ordinary words in English."""
        return [p for p in self.places if p.kind != "city"
                or self.gazetteer.name_quality(self.key, p.geonameid) in ("main", "english")]

    @cached
    def zipf(self) -> float:
        return self.gazetteer.word_zipf(self.key) if self.single else 0.0

    @cached
    def dictionary(self) -> bool:
        return self.single and self.gazetteer.is_dictionary_word(self.key)

    @cached
    def state_name(self) -> bool:
        """The main name of a US state, Canadian province or Australian state ("Michigan",
        "Montana"): a proper noun first, whatever a dictionary lists for the word."""
        return any(p.kind == "admin1" and p.country_code in DATELINE_STATE_COUNTRIES
                   and name_key(p.name) == self.key for p in self.places)

    def is_given_name(self, token: Token) -> bool:
        return self.gazetteer.is_given_name(token.text)

    # -- position -------------------------------------------------------------------------
    @cached
    def at_sentence_start(self) -> bool:
        prev, prev2 = self.prev, self.prev2
        return (self.sentence is not None and self.first.start <= self.sentence.start + 1) or (
            prev is not None and prev.text in "\"“‘'(" and (prev2 is None or prev2.text in ".!?:;\"”"))

    @cached
    def dateline(self) -> bool:
        """"HELENA, Mont. (AP) -": a dateline names a place whatever its case."""
        first, nxt = self.first, self.nxt
        return (first.text.isupper() and len(first.text) > 2 and nxt is not None
                and nxt.text in (",", "—", "–", "-", "(") and (self.at_sentence_start or self.prev is None))

    @cached
    def locative_before(self) -> bool:
        """A preposition or motion word before, or "Town, " before ("Gao, Mali")."""
        prev, prev2 = self.prev, self.prev2
        return prev is not None and prev.lower in LOCATIVE or (
            prev is not None and prev.text == "," and prev2 is not None and prev2.is_cap)

    @cached
    def continues_list(self) -> bool:
        """"in Washington, New York and Boston": a list goes on where it started."""
        prev = self.prev
        return prev is not None and prev.lower in (",", "and", "or", "&") and self.i - 2 == self.previous_end

    @cached
    def locative_before_list(self) -> bool:
        """"in Tigray, Amhara and Afar": the list this name continues opens after a locative cue
        (across abbreviations' dots: "in Springfield, Mo., and Joplin")."""
        tokens, k = self.tokens, self._before_list(_LIST_JOINERS, dots=True)
        return k >= 0 and tokens[k].sentence == self.first.sentence and tokens[k].lower in LOCATIVE

    def _before_list(self, joiners: frozenset[str], dots: bool = False) -> int:
        """The index of the token before the list this name ends: back over capitalised words and
        ``joiners`` (and, with ``dots``, an abbreviation's dot: "Mo."), at most _LIST_LOOKBACK
        tokens, within the sentence (-1 where the list opens the text)."""
        tokens, k = self.tokens, self.i - 1
        sentence = self.first.sentence
        while k >= 0 and self.i - k <= _LIST_LOOKBACK and tokens[k].sentence == sentence and (
                tokens[k].is_cap and tokens[k].is_word or tokens[k].lower in joiners
                or dots and tokens[k].text == "." and k > 0 and tokens[k - 1].is_cap
                and tokens[k - 1].end == tokens[k].start):
            k -= 1
        return k

    @cached
    def kind_before_list(self) -> tuple[str, ...]:
        """"states such as Utah, Colorado and Idaho", "countries like Chad": the kinds of place the
        plural noun that opens the name's list names (empty where none opens it)."""
        tokens, k = self.tokens, self._before_list(_LIST_JOINERS_THE)
        sentence = self.first.sentence
        if k < 1 or tokens[k].sentence != sentence:
            return ()
        if tokens[k].lower == "as" and tokens[k - 1].lower == "such":
            k -= 2
        elif tokens[k].lower in LIST_KIND_OPENERS:
            k -= 1
        else:
            return ()
        if k >= 0 and tokens[k].text == ",":
            k -= 1
        return LIST_KIND_NOUNS.get(tokens[k].lower, ()) if k >= 0 and tokens[k].sentence == sentence else ()

    @cached
    def container(self) -> str | None:
        """The name key after the comma of "Gao, Mali", if it is a country or a state, or a county
        by its county form ("Paris, Bourbon County": local news' address)."""
        nxt, nxt2 = self.nxt, self.nxt2
        if not (nxt is not None and nxt.text == "," and nxt2 is not None and nxt2.is_cap):
            return None
        tokens, k = self.tokens, self.j + 2
        run_end = k
        while run_end + 1 < len(tokens) and run_end - k < 4 and (
                tokens[run_end + 1].is_cap or tokens[run_end + 1].lower in CONNECTORS):
            run_end += 1
        for e in range(run_end, k - 1, -1):
            key = name_key(self.doc.text[tokens[k].start:tokens[e].end])
            places = self.gazetteer.candidates_by_key(key)
            if places and (places[0].kind in ("country", "admin1")
                           or places[0].kind == "admin2" and key.endswith(_COUNTY_WORDS)):
                return key
        return None

    @cached
    def locative(self) -> bool:
        return (self.locative_before or self.dateline or self.continues_list or self.container is not None
                or self.division_after)

    # -- what follows ---------------------------------------------------------------------
    @cached
    def next_word(self) -> Token | None:
        """The token right after the span, at most a space away and in the same sentence (the
        head word of "X Township", "X police", "X Street"); None otherwise."""
        nxt = self.nxt
        if nxt is None or nxt.start - self.last.end > 1 or nxt.sentence != self.last.sentence:
            return None
        return nxt

    @cached
    def follows_cap(self) -> bool:
        """A capitalised word right after that is not part of the name (nor a day of the week:
        "in Lagos Monday" is AP style for "in Lagos on Monday", not a name "Lagos Monday")."""
        nxt = self.nxt
        return (nxt is not None and nxt.is_cap and nxt.is_word and nxt.start - self.last.end <= 1
                and not self.shouting and not (self.sentence is not None and nxt.start >= self.sentence.end)
                and nxt.lower not in WEEKDAYS)

    @cached
    def org_follows(self) -> bool:
        """The capitalised words after the span end in an organisation word
        ("Asian Development Bank", "Indian Meteorological Department")."""
        tokens, j = self.tokens, self.j
        if self.nxt is not None and self.nxt.lower in ORG_HEADS:
            return True
        k = j + 1
        while k < len(tokens) and k - j <= 4 and tokens[k].is_cap and tokens[k].is_word \
                and tokens[k].start - tokens[k - 1].end <= 1:
            if tokens[k].lower in ORG_HEADS:
                return True
            k += 1
        return False

    @cached
    def next_is_title(self) -> bool:
        return self.nxt is not None and self.nxt.lower.rstrip(".") in TITLES

    @cached
    def org_head_before(self) -> str | None:
        """The organisation word of capitals before "in|of|for|at" and the span ("Mission in Mali")."""
        tokens, k = self.tokens, self.i - 1
        if k < 1 or tokens[k].lower not in ("of", "in", "for", "at"):
            return None
        k -= 1
        seen = 0
        while k >= 0 and seen < 6 and tokens[k].is_cap and tokens[k].is_word:
            if tokens[k].lower in ORG_HEADS:
                if seen == 0 and tokens[self.i - 1].lower in ("in", "at") and self._opens_sentence(k):
                    # "Police in Karachi arrested ...": a sentence's first word, capitalised as such,
                    # before "in" ("Bank of Valletta" opening a sentence is still a name)
                    return None
                return tokens[k].lower
            k -= 1
            seen += 1
        return None

    def _opens_sentence(self, k: int) -> bool:
        """Whether token ``k`` is the first word of the span's sentence (after an opening quote)."""
        sentence = self.sentence
        if sentence is None or self.tokens[k].sentence != self.first.sentence:
            return False
        return self.tokens[k].start <= sentence.start + 1

    @property
    def inside_org(self) -> bool:
        return self.org_head_before is not None

    @cached
    def division_after(self) -> bool:
        """"Nyanza province", "Benue state": a lower-case division noun after the name."""
        nxt = self.nxt
        return nxt is not None and not nxt.is_cap and nxt.lower in DIVISION_NOUNS

    @cached
    def office_after(self) -> str:
        """The lower-case word after the name or its possessive ("the New York governor", "Lagos's
        governor", "Ohio lawmakers"), where it is an office of a state (or of a state or country)."""
        tokens, j = self.tokens, self.j
        k = j + 1
        if k + 1 < len(tokens) and tokens[k].text in ("'", "’") and tokens[k + 1].text == "s":
            k += 2  # the possessive
        if k < len(tokens) and not tokens[k].is_cap and tokens[k].start - tokens[k - 1].end <= 1 \
                and (tokens[k].lower in DIVISION_OFFICES or tokens[k].lower in LEGISLATURE_WORDS):
            return tokens[k].lower
        return ""

    @cached
    def office_before(self) -> str:
        """The office before "of" and the name ("the governor of Washington", "Mayor of London"):
        a division's office (:data:`DIVISION_OFFICES`) or a town's ("mayor"), lower-cased."""
        prev, prev2 = self.prev, self.prev2
        if prev is None or prev.text != "of" or prev2 is None or prev2.sentence != self.first.sentence:
            return ""
        word = prev2.lower
        return word if word in DIVISION_OFFICES or word in TOWN_OFFICES else ""

    @cached
    def division_noun_after(self) -> bool:
        """"Kano state", "the Gao region": a lower-case noun of an administrative division after the name."""
        nxt = self.nxt
        return nxt is not None and not nxt.is_cap and nxt.lower in ADMIN_DIVISION_NOUNS \
            and nxt.start - self.last.end <= 1

    @cached
    def airport_in_flight_news(self) -> bool:
        """"Flights at Heathrow": the name is an airport's own name (not its code) besides other
        places' names, in a sentence about flying."""
        gaz, key = self.gazetteer, self.key
        kinds = self.kinds
        return "airport" in kinds and len(kinds) > 1 \
            and any(p.kind == "airport" and gaz.name_quality(key, p.geonameid) in ("main", "english")
                    for p in self.places) \
            and flight_sentence(self.doc, self.first.sentence)

    @cached
    def embedded(self) -> bool:
        """The span is part of a longer organisation or facility name."""
        if self.follows_cap and (self.org_follows or not (self.adjectival or self.next_is_title
                                                          or self.big_area)):
            return True  # "Toronto Blue Jays", "Accra Initiative"
        if self.inside_org:
            return True
        nxt = self.nxt
        return nxt is not None and nxt.lower in LOWER_ORG_HEADS and not self.adjectival and not self.big_area
