"""Toponym recognition: find place names and adjectival forms in English text.

No trustworthy statistical model is installable offline, so the recogniser is
the project's own, in three parts:

1. :mod:`~geo.recognize.match`: candidate spans, the longest capitalised run
   the gazetteer knows as a name or a demonym;
2. :mod:`~geo.recognize.rules`: an ordered list of named filter rules over a
   frozen :class:`~geo.recognize.context.Context` (the span, its neighbours,
   its sentence position, its candidates, the article's evidence about names),
   each keeping, dropping or typing the span (a span is asked only the rules its shape lets
   have an opinion: :mod:`~geo.recognize.needs`);
3. :mod:`~geo.recognize.types`: the mention type of what is kept.

Per-document state (the evidence, where the last mention ended) lives in a
local object of each call, never on the shared :class:`Recognizer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

from geo.doc import Doc, tokenize
from geo.gazetteer import Gazetteer, name_key
from geo.model import MentionType, Place, Sentence
from geo.recognize.context import Context
from geo.recognize.evidence import Evidence, capitalised_words, gather
from geo.recognize.lexicon import DIVISION_OFFICES
from geo.recognize.match import (
    REGION_HEADS,
    Match,
    _new,
    airport_match,
    article_match,
    compass_match,
    county_match,
    longest_match,
    region_head_match,
    shouting_sentences,
)
from geo.recognize.needs import Selector
from geo.recognize.rules import RULES, Drop, FilterRule, Keep
from geo.recognize.types import name_type

__all__ = ("RULES", "SPAN_RULES", "RawMention", "Recognizer")

#: the rules whose organisation reading is of the name itself ("Hamas fighters", "the group Wagner"),
#: not of a longer name it opens ("Buffalo Science Magnet School"): organisation_elsewhere reads those
_NAMES_AN_ORGANISATION = frozenset({"alternate_name_only", "org_noun_before"})

#: span rules applied to a kept name (name, provenance)
SPAN_RULES: tuple[tuple[str, str], ...] = (
    ("person_elsewhere", "news style: one name, one referent per article; a person read once stays one"),
    ("organisation_elsewhere", "news style: one name, one referent per article; an organisation read once "
                               "stays one"),
    ("compass_part", "general knowledge: a compass word before a place names a part of it ('North London')"),
    ("washington_dc", "general knowledge: 'Washington, D.C.' is one name"),
    ("abbreviation_dot", "AP style: a state abbreviation's full stop belongs to it ('Calif.')"),
    ("division_opens_name", "general knowledge: a county named before an office ('X County Sheriff') is "
                            "the county, unlike a state word opening an institution ('X State University')"),
    ("division_noun_after", "English: a name before a lower-case division noun names that division, not "
                            "its town ('Kano state', 'the Gao region', 'New York state', 'Nyanza province')"),
    ("city_word_opens_office", "news usage: 'X City' before a capitalised word is X and its office ('the "
                               "Springfield City Council') unless a place's own name is 'X City' ('Kansas City')"),
    ("county_word_after", "US news usage: a name before 'county' or 'parish', or in a list that 'counties' "
                          "ends ('Walton and Oconee counties'), is that county, not a town of the name"),
    ("division_office_after", "English: a name before the office of a first-level division names the "
                              "division ('the New York governor', 'Lagos's governor', the gubernatorial race), "
                              "before its law-makers the division or the country ('the New York legislature', "
                              "'Ohio lawmakers'): towns have neither, countries no governors"),
    ("division_office_before", "English: 'the governor of X' names a state or province X (towns have no "
                               "governors: 'the governor of Washington' is the state, not the US capital), "
                               "'the mayor of X' a town or a county ('the mayor of New York' is the city)"),
    ("kind_noun_before_list", "English: a plural kind noun opens a list of places of that kind ('states such "
                              "as California or Washington' are states, 'cities like Paris' cities)"),
    ("article_in_name", "English: some names take the article ('the Gulf', 'the Caribbean'); after 'the', "
                        "a country's or region's name with it is meant, not a place the bare word names"),
    ("region_head_after", "English: a natural region's lower-case head noun belongs to its name where the "
                          "name alone names no place ('the Amazon rainforest', 'the Sinai peninsula')"),
    ("airport_word_after", "English: a name before a lower-case 'airport' names the airport ('Ben Gurion "
                           "airport', 'JFK airport'), even when it opens with a person's name"),
    ("airport_name_in_flight_news", "news usage: in a sentence about flying, a name that is an airport's own "
                                    "name ('flights at Heathrow') is the airport, not a small town of that name"),
    ("airport_code_in_flight_news", "news usage: a word in capitals that is an airport's code names the "
                                    "airport in a sentence about flying ('flights out of JFK'); elsewhere a "
                                    "code alone is an acronym ('GMT', 'MSF')"),
)


@dataclass(slots=True, unsafe_hash=True)
class RawMention:
    """A recognised span before resolution: its candidates and cues for the resolver.

    Not frozen, as :mod:`geo.model`'s per-document records are not; never changed once made."""

    start: int
    end: int
    text: str
    type: MentionType
    sentence: int
    candidates: tuple[Place, ...]
    adjectival: bool = False
    container: str | None = None  # the "Y" of an "X, Y" pair, as a name key


class Judgement(NamedTuple):
    """What the rules made of one candidate span: a mention, or the reading that beat it.

    A named tuple for the reason :class:`~geo.recognize.match.Match` is one: immutable, and
    cheap to make for each of the spans of every document.
    """

    #: the candidate span, in characters
    start: int
    end: int
    mention: RawMention | None
    rule: str
    reading: str | None = None
    #: whether something beside the span expects a place, or the place is a country, region or major city
    cued: bool = False


class Recognizer:
    """Find toponym spans in a document with the gazetteer's names and demonyms.

    ``disabled`` names rules (see :data:`RULES`, :data:`SPAN_RULES`) to switch off.
    """

    def __init__(self, gazetteer: Gazetteer, *, disabled: Iterable[str] = ()) -> None:
        self.gazetteer = gazetteer
        off = frozenset(disabled)
        self.rules: tuple[FilterRule, ...] = tuple(r for r in RULES if r.name not in off)
        self._selector = Selector(self.rules)  # the rules a span's shape lets have an opinion
        self.span_rules = frozenset(name for name, _ in SPAN_RULES if name not in off)

    def __call__(self, doc: Doc | str, sentences: tuple[Sentence, ...] | None = None) -> list[RawMention]:
        """The mentions of ``doc``; it gains the people and organisations the rules saw.

        A plain text with its sentences is accepted too (tokenised here once).
        """
        if isinstance(doc, str):
            doc = Doc(text=doc, id="", sentences=sentences or (), tokens=tokenize(doc, sentences or ()))
        return [j.mention for j in self.judgements(doc) if j.mention is not None]

    def judgements(self, doc: Doc) -> list[Judgement]:
        """Every candidate span with the rule that decided it, in text order."""
        gaz, tokens = self.gazetteer, doc.tokens
        caps = capitalised_words(tokens)  # every name starts at one
        evidence = gather(gaz, doc, caps)
        doc.persons.update(evidence.surnames)
        known = evidence.surnames | evidence.speakers | evidence.organisations | evidence.place_surnames
        shouting = shouting_sentences(doc, caps)
        division_opens, compass = "division_opens_name" in self.span_rules, "compass_part" in self.span_rules
        # lower-case "county" is rare in news: one look at the text spares the search at every name
        county = "county_word_after" in self.span_rules and any(w in doc.text for w in ("county", "counties", "parish", "Counties", "Parishes"))
        city_opens = "city_word_opens_office" in self.span_rules
        flight_codes = "airport_code_in_flight_news" in self.span_rules
        airport = "airport_word_after" in self.span_rules and "airport" in doc.text
        region_head = "region_head_after" in self.span_rules and any(w in doc.text for w in REGION_HEADS)
        article = "article_in_name" in self.span_rules
        out: list[Judgement] = []
        previous_end = -10
        after = 0  # the first token not inside the last mention
        for i in caps:
            if i < after:
                continue
            loud = tokens[i].sentence in shouting
            match = longest_match(gaz, doc, i, loud, division_opens, city_opens, flight_codes)
            if compass:
                match = compass_match(gaz, doc, i, loud, match)
            if county:
                match = county_match(gaz, doc, i, match)
            if airport:
                match = airport_match(gaz, doc, i, match)
            if article:
                match = article_match(gaz, doc, i, match)
            if region_head:
                match = region_head_match(gaz, doc, i, match)
            if match is None or not match.places:
                if match is not None and match.j > i:
                    after = match.j + 1  # a name of no place the gazetteer has ("West Nile"): not its parts
                continue  # no place name starts here; the next word may start one
            judgement = self._judge(doc, match, evidence, loud, previous_end, known)
            out.append(judgement)
            if judgement.mention is None:
                self._note_reading(doc, judgement)
                continue
            j = match.j
            while j + 1 < len(tokens) and tokens[j + 1].start < judgement.mention.end:
                j += 1  # the mention may have grown past the match ("Washington, D.C.")
            previous_end = j
            after = j + 1
        for reading in ("person", "organisation"):
            if f"{reading}_elsewhere" in self.span_rules:
                out = self._reading_elsewhere(doc, out, reading)
        return out

    @staticmethod
    def _reading_elsewhere(doc: Doc, judgements: list[Judgement], reading: str) -> list[Judgement]:
        """One name, one reading per article: a single name the rules read as a person
        somewhere ("his brother Tyler") or an organisation ("Hamas fighters") is that where
        nothing cues a place."""
        named = {doc.text[j.start:j.end] for j in judgements if j.mention is None and j.reading == reading
                 and (reading == "person" or j.rule in _NAMES_AN_ORGANISATION)}
        if not named:
            return judgements
        return [Judgement(j.start, j.end, None, f"{reading}_elsewhere", reading)
                if j.mention is not None and not j.cued and j.mention.text in named and " " not in j.mention.text
                and (reading == "person" or j.mention.type != "embedded")  # a place inside a name stays one
                else j for j in judgements]

    @staticmethod
    def _note_reading(doc: Doc, judgement: Judgement) -> None:
        surface = doc.text[judgement.start:judgement.end]
        if judgement.reading == "person":
            doc.persons.add(surface)
        elif judgement.reading == "organisation":
            doc.organisations.add(surface)

    def _judge(self, doc: Doc, match: Match, evidence: Evidence, shouting: bool,
               previous_end: int, known: frozenset[str]) -> Judgement:
        """The first rule with an opinion decides; rules the span's shape rules out are not asked."""
        ctx = Context(doc, self.gazetteer, match, evidence, shouting, previous_end)
        span = (ctx.first.start, ctx.last.end)
        for name, judge in self._selector.judges(ctx, known):
            verdict = judge(ctx)
            if verdict is None:
                continue
            # each Judgement with every field given, made without the named tuple's __new__ (see match._new)
            if isinstance(verdict, Drop):
                return _new(Judgement, (*span, None, name, verdict.reading, False))
            if isinstance(verdict, Keep):
                return _new(Judgement, (*span, self._mention(ctx, self._narrowed(ctx, verdict)), name, None,
                                        self._cued(ctx)))
        return _new(Judgement, (*span, self._mention(ctx, self._narrowed(ctx, self._final(ctx))), "default", None,
                                self._cued(ctx)))

    @staticmethod
    def _cued(ctx: Context) -> bool:
        return ctx.big_area or ctx.locative or ctx.state_name or ctx.major_city

    def _final(self, ctx: Context) -> Keep:
        """The default reading: a place, typed by its context, with its span tidied."""
        kind = name_type(ctx)
        nxt, nxt2, top = ctx.nxt, ctx.nxt2, ctx.top
        if "washington_dc" in self.span_rules and nxt is not None and nxt.text == "," and nxt2 is not None \
                and nxt2.text in ("D.C.", "DC"):
            capital = tuple(p for p in ctx.places if p.feature_code == "PPLC" and p.country_code == "US")
            if capital:
                return Keep(kind, last=ctx.j + 2, places=capital)
        if "abbreviation_dot" in self.span_rules and nxt is not None and nxt.text == "." \
                and nxt.start == ctx.last.end and len(ctx.last.text) <= 5 and ctx.key != name_key(top.name) \
                and not (ctx.sentence is not None and nxt.end >= ctx.sentence.end):
            return Keep(kind, last=ctx.j + 1)  # "Calif.", "Ga."
        return Keep(kind)

    def _narrowed(self, ctx: Context, keep: Keep) -> Keep:
        """Only the division readings of a name a division noun follows (span rule ``division_noun_after``),
        only the first-level ones before a division's office (``division_office_after``), the divisions
        or towns after "the governor of", "the mayor of" (``division_office_before``), those of the
        kind a list's opening noun names ("states such as ...": ``kind_noun_before_list``), only the
        airport a name in a sentence about flying is the own name of (``airport_name_in_flight_news``)."""
        if keep.places is not None or keep.adjectival or keep.last is not None:
            return keep
        if "airport_name_in_flight_news" in self.span_rules and ctx.airport_in_flight_news:
            kinds: tuple[str, ...] = ("airport",)
        elif "division_noun_after" in self.span_rules and ctx.division_noun_after:
            kinds = ("admin1", "admin2")
        elif "division_office_after" in self.span_rules and ctx.office_after:
            # towns have neither governors nor legislatures; countries have no governors
            kinds = ("admin1",) if ctx.office_after in DIVISION_OFFICES else ("country", "admin1")
        elif "division_office_before" in self.span_rules and ctx.office_before:
            kinds = ("admin1", "admin2") if ctx.office_before in DIVISION_OFFICES else ("city", "admin2")
        elif "kind_noun_before_list" in self.span_rules and ctx.kind_before_list:
            kinds = ctx.kind_before_list
        else:
            return keep
        divisions = tuple(p for p in ctx.places if p.kind in kinds)
        return replace(keep, places=divisions) if divisions else keep

    @staticmethod
    def _mention(ctx: Context, keep: Keep) -> RawMention:
        last = ctx.tokens[keep.last] if keep.last is not None else ctx.last
        places = keep.places if keep.places is not None else ctx.places
        container = ctx.container if keep.container and not keep.adjectival else None
        return RawMention(ctx.first.start, last.end, ctx.doc.text[ctx.first.start:last.end], keep.kind,
                          ctx.first.sentence, tuple(places), keep.adjectival, container)
