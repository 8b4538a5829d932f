"""Events: who did what, where and when, linked to the document's places.

No trained parser is available offline, so extraction is rule-based over
tokens, with general signals of English news prose:

1. **Sentences** that are page furniture (the headline, "Breaking News",
   short title-case lines) are skipped.
2. **Triggers**: verbs and nouns of the PLOVER lexicon (:mod:`geo.plover`);
   a trigger that is the complement of a governing one ("accused Mali of
   *working* with", "cut short its troop *deployment*") or repeats the same
   category a few words later ("meet ... in the first *gathering*") joins
   that event instead of making its own. Negated triggers are dropped.
3. **Clauses**: punctuation, quotes and subordinators ("that", "after",
   "which", ", and") split a sentence; places, actors and modality are looked
   for in the trigger's clause first.
4. **Places**: literal toponyms governed by a locative preposition ("in",
   "at", "near", "north of", "into", "from") attach to the nearest trigger
   of their clause, with a role from the preposition and ACLED's
   geo-precision; then "there", the dateline and the document focus are the
   fallbacks, each with its reason. Metonymic, modifier and demonym
   mentions only give actors their country.
5. **Actors**: the nearest named group, organisation, person or metonymic
   country before the trigger (the "by" phrase for passives), recipients
   after it; pronouns take the closest suitable antecedent.
6. **Dates and tense**: the clause's date expression resolved against the
   publication date (:mod:`geo.dates`) in the tense read from auxiliaries
   and modal cues ("will", "would" after a reporting verb, "aim to
   prevent", "continue", "growing").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from geo.dates import DateExpression, find_dates, resolve
from geo.lexicon import stop_words
from geo.model import Actor, Analysis, Event, EventDate, PlaceLink, Sentence, Toponym
from geo.plover import BASE_FORMS, CONTEXT_CUES, FIRST_WORDS, LEXICON, OBJECT_OVERRIDES, Trigger, may_trigger

TOKEN = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*(?:['’]t\b)?|['’]s\b|\.\.\.|\S")
#: words of a sentence, for the cheap test of whether it can hold an event at all
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")

REPORTING = {
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "note", "notes", "noted", "announce", "announces", "announced", "announcing", "state", "states",
    "stated", "insist", "insists", "insisted", "explain", "explained", "stress", "stressed",
    "argue", "argued", "write", "wrote", "according", "report", "reported", "confirm",
    "confirmed", "declare", "declared", "claim", "claimed", "believe", "believes", "believed",
    "think", "thinks", "mean", "meant", "means",
}
SUBORDINATORS = {
    "that", "after", "before", "while", "when", "because", "although", "though", "whereas",
    "but", "which", "who", "whom", "whose", "where", "unless", "if", "until", "so",
}
HARD_BOUNDARIES = {";", ":", "—", "–", "\"", "“", "”", "…"}
NEGATORS = {"not", "n't", "n’t", "never", "no", "cannot", "neither", "nor", "without"}
HYPOTHETICAL = {
    "if", "could", "might", "may", "should", "prevent", "preventing", "prevents", "avoid",
    "avoiding", "aim", "aims", "aiming", "seek", "seeks", "seeking", "want", "wants", "risk",
    "risks", "fear", "fears", "feared", "possible", "potential", "unless", "threat", "danger",
    "hope", "hopes", "hoping", "would-be", "try", "tries", "trying", "attempt", "attempts",
    "ready", "willing", "consider", "considering", "options", "propose", "proposed", "proposal",
}
FUTURE = {"will", "'ll", "’ll", "shall", "upcoming", "next", "forthcoming"}
#: future only before "to": "set to", "expected to", "plans to" (not "set off", "as expected")
FUTURE_TO = {"set", "going", "expected", "due", "scheduled", "planned", "plans", "plan", "planning",
             "intends", "intend", "poised", "about", "voted", "decided", "vowed", "agreed", "promised",
             "pledged", "preparing", "prepares", "prepared"}
ONGOING = {"continue", "continues", "continuing", "continued", "ongoing", "growing", "escalating",
           "rising", "increasing", "persistent", "still", "worsening", "mounting", "spreading"}
PROGRESSIVE_AUX = {"is", "are", "am", "'re", "’re", "been", "'s", "’s"}
PASSIVE_AUX = {"was", "were", "been", "being", "is", "are", "be", "got", "get"}
PRESENT = {"is", "are", "am", "remains", "remain"}
PAST_AUX = {"was", "were", "had", "did"}

#: people and groups that act in news events, written in lower case
GROUP_NOUNS = {
    "protesters", "protestors", "demonstrators", "police", "policeman", "policemen", "police officers",
    "soldiers", "soldier", "troops", "forces", "army", "military", "gunmen", "gunman", "militants",
    "jihadists", "rebels", "insurgents", "fighters", "government", "governments", "junta", "authorities",
    "officials", "parties", "ministers", "leaders", "villagers", "civilians",
    "residents", "students", "workers", "peacekeepers", "contingent", "mission", "group", "militia",
    "militias", "attackers", "assailants", "people", "refugees", "migrants", "prisoners", "hostages",
    "opposition", "allies", "partners", "coalition", "administration", "regime", "minister", "president",
    "leader", "premier", "chancellor", "governor", "mayor", "spokesman", "spokeswoman",
    "farmers", "herders", "bandits", "terrorists", "extremists", "mercenaries", "activists",
    "lawmakers", "mps", "parliament", "ministry", "delegation", "delegations", "diplomats", "envoy",
    "journalists", "teachers", "doctors", "nurses", "traders", "miners", "union", "unions",
    "donors", "countries", "states", "nations", "council", "court", "judges", "prosecutors", "bloc",
    "commander", "commanders", "ambassador", "ambassadors", "envoys", "embassy", "officers",
    "force", "navy", "counterpart", "counterparts", "supporters", "men", "women", "youths", "individuals",
    "militiamen", "separatists", "guerrillas", "guerillas", "pirates", "settlers", "hackers", "paramilitaries",
    "vigilantes", "raiders", "kidnappers", "smugglers", "traffickers",
    "warplanes", "jets", "drones", "aircraft", "warships", "gunboats", "helicopters",
}
ACTOR_MODIFIERS = {
    "armed", "unidentified", "suspected", "local", "interested", "mercenary", "military", "security",
    "opposition", "rebel", "jihadist", "islamist", "national", "foreign", "federal", "regional",
    "international", "western", "defence", "defense", "riot", "border", "transitional",
    "ruling", "interim", "un", "allied", "peacekeeping", "government", "junior", "senior", "air", "prime",
}
QUANTIFIERS = {"at", "least", "some", "about", "around", "nearly", "almost", "more", "than", "over", "up",
               "dozens", "hundreds", "thousands", "scores", "of", "several", "many", "two", "three", "four",
               "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "a", "number"}
ADVERBS = {"now", "also", "still", "soon", "then", "just", "never", "again", "not", "n't", "already", "even",
           "finally", "eventually", "later", "first", "jointly", "further", "immediately"}
#: words after which a verb's base form is a verb ("will attack", "to visit", "they protest")
FINITE_BEFORE = {"to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "do", "does",
                 "not", "n't", "n’t", "'ll", "’ll", "cannot", "they", "we", "i", "you", "and", "or", "also",
                 "then", "jointly", "never", "shall", "please", "let", "help", "further", "immediately",
                 "protesters", "demonstrators", "people", "thousands", "hundreds", "residents",
                 "won't", "don't", "didn't", "can't", "wo", "ca", "rebels", "troops", "soldiers", "forces"}
#: words after a plural that make it a noun rather than a verb ("protests continued")
VERBS_AFTER_NOUN = {"is", "are", "was", "were", "have", "has", "had", "will", "would", "could", "continue",
                    "spread", "broke", "took", "began", "grew", "erupted", "resumed", "ended", "raged"}
#: words that make the next noun a thing rather than an event
NOT_EVENT_BEFORE = {"press", "news", "life", "customer", "technical", "tech", "income", "child", "price",
                    "heart", "panic", "asthma", "writers", "book"}
POSSESSIVES = {"its", "their", "our", "my", "his", "her"}
RECIPIENT_PREPS = {"with", "on", "against", "to", "at", "toward", "towards"}
#: verbal or remote categories: "sanctions on Guinea" concern Guinea rather than happen in it
REMOTE = {"SANCTION", "ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT"}
#: categories whose direct object is what is moved or given, not a recipient
THEME_OBJECTS = {"MOBILIZE", "AID", "RETREAT", "PROTEST"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"it", "they", "them", "its", "their"}
PRONOUNS_SPEAKER = {"i", "we", "us", "our", "my", "me"}
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_SPEAKER
#: lower-case words that can start an actor (capitalised words always can)
ENTITY_STARTS = PRONOUNS | ACTOR_MODIFIERS | GROUP_NOUNS
NOT_OWNER_SUFFIXES = ("-backed", "-sponsored", "-supported", "-aligned", "-funded", "-trained",
                      "-brokered", "-allied", "-linked", "-based", "-born", "-bound", "-style")
CONNECTORS = {"of", "the", "for", "de", "al", "la", "du", "and"}
MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
}
TITLE_WORDS = {
    "minister", "president", "secretary", "general", "gen", "colonel", "col", "captain", "commander",
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "mayor", "governor", "senator", "prime",
    "defence", "defense", "foreign", "interior", "chief", "lieutenant", "lt", "sergeant", "mr", "mrs",
    "ms", "dr", "king", "queen", "prince", "envoy", "deputy", "leader", "director", "chairman",
}
ORG_WORDS = {
    "mission", "nations", "union", "group", "council", "ministry", "army", "forces", "force", "party",
    "front", "movement", "organisation", "organization", "agency", "committee", "alliance", "court",
    "commission", "company", "bank", "initiative", "government", "parliament", "assembly", "office",
    "state", "brigade", "battalion", "coalition", "embassy", "police", "network", "institute",
}
#: prepositions that put an event at a place, and the role they give it
LOCATIVE_ROLES = {
    "in": "where", "at": "where", "near": "where", "inside": "where", "outside": "where",
    "across": "where", "throughout": "where", "around": "where", "within": "where", "along": "where",
    "off": "where", "over": "where", "on": "target", "outskirts": "where", "of": "where",
    "to": "destination", "into": "destination", "towards": "destination", "toward": "destination",
    "from": "origin", "against": "target", "between": "area",
}
NEAR_WORDS = {"near", "outside", "outskirts", "north", "south", "east", "west", "northeast", "northwest",
              "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
              "around", "close", "km", "kilometres", "kilometers", "miles", "mi"}
DIRECTION_ADJ = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                 "northeastern", "northwestern", "southeastern", "southwestern", "neighbouring",
                 "neighboring", "rural", "the", "greater", "restive", "troubled", "war-torn"}
#: nouns after which "of X" is a place ("the capital of Mali"), unlike "the government of Mali"
PLACE_NOUNS = {"capital", "city", "town", "region", "province", "parts", "part", "area", "areas", "north",
               "south", "east", "west", "centre", "center", "heart", "outskirts", "suburbs", "district",
               "village", "villages", "border", "streets", "coast", "interior", "regions", "towns", "cities"}
#: nouns after a name that make it a place whatever else it modifies ("the Tigray region")
REGION_NOUNS = {"region", "province", "state", "district", "county", "governorate", "area", "camp", "city",
                "town", "village", "valley", "prefecture", "department", "territory", "enclave", "border"}
NOT_PLACE_GOVERNORS = {"with", "alongside", "by", "than", "like", "as", "and", "versus", "vs"}
EXISTENTIAL_AFTER = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "be", "'s", "’s",
                     "remains", "remain", "seems", "appears"}
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.'’ -]*?)?)\s*(?:\((?P<agency>[A-Za-z .]+)\)\s*)?[—–-]{1,2}\s")



class _Tok:
    """A token of a sentence, with its clause (segment) and whether it is quoted."""

    __slots__ = ("start", "end", "text", "lower", "is_cap", "is_word", "segment", "quoted", "first")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()
        self.is_cap = text[0].isupper()
        self.is_word = text[0].isalnum()
        self.segment = 0
        self.quoted = False
        self.first = False  # first word of the sentence, a quote or a clause after ":" or a dash


@dataclass(slots=True)
class _Entity:
    """A possible actor: a name, a group, a metonymic country or a pronoun."""

    first: int  # token indices, inclusive
    last: int
    start: int
    end: int
    text: str
    kind: str  # "name", "group", "country", "person", "pronoun"
    country: str | None = None


@dataclass(slots=True)
class _Candidate:
    """A trigger matched in a sentence, before it becomes an event."""

    first: int
    last: int
    trigger: Trigger
    category: str
    label: str
    absorbed: bool = False
    places: list[PlaceLink] = field(default_factory=list)


@dataclass(slots=True)
class _DocState:
    """What earlier sentences leave for later ones: antecedents and places."""

    last_person: _Entity | None = None
    last_group: Actor | None = None
    last_speaker: Actor | None = None
    last_place: tuple[int, Toponym] | None = None
    persons: dict[str, str | None] = field(default_factory=dict)  # surname -> country code
    recent: list[set[str]] = field(default_factory=list)  # words of the last two sentences
    placed: dict[str, tuple[PlaceLink, ...]] = field(default_factory=dict)  # category -> last own places
    dated: dict[str, EventDate | None] = field(default_factory=dict)  # category -> that event's date


def extract_events(analysis: Analysis) -> list[Event]:
    """The events of an analysed document, in text order.

    Each event's places point at ``analysis.toponyms`` (or the document
    focus), its date is normalised against ``analysis.published``.
    """
    state = _DocState()
    events: list[Event] = []
    by_sentence: dict[int, list[int]] = {}
    for n, t in enumerate(analysis.toponyms):
        by_sentence.setdefault(t.sentence, []).append(n)
    dateline = _dateline(analysis, by_sentence)
    # one pass over the whole text is much cheaper than one per sentence
    all_dates = find_dates(analysis.text)
    date_starts = [d.start for d in all_dates]
    for index, sentence in enumerate(analysis.sentences):
        lo, hi = bisect_right(date_starts, sentence.start - 1), bisect_right(date_starts, sentence.end)
        dates = [d for d in all_dates[lo:hi] if d.end <= sentence.end]
        events.extend(_sentence_events(analysis, index, sentence, by_sentence.get(index, []), state,
                                       dateline, len(events), dates))
    return events


# -- sentences --------------------------------------------------------------------------------


def _is_furniture(sentence: Sentence, title: str) -> bool:
    """Headline, navigation and other page furniture: lines that report nothing."""
    text = sentence.text.strip()
    if title and text.casefold() == title.strip().casefold():
        return True
    if text.endswith((".", "!", "?", "\"", "”", "’", "'", ")")):
        return text.count(" ") < 2  # fewer than three words
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    if len(words) <= 4:
        return True
    content = [w for w in words if w.lower() not in CONNECTORS and len(w) > 2]
    # a headline: no closing punctuation and (nearly) every content word capitalised
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


#: punctuation after which a capitalised word is a first word, not a name
OPENERS = {"\"", "“", "(", ":", "—", "–"}
#: clause openers whose clause ends at the next comma, at the start of a sentence or after one
CLOSED_BY_COMMA = {"while", "when", "after", "before", "although", "though", "because", "if", "unless", "until",
                   "since", "whereas", "who", "which", "whom", "whose", "where"}
#: tokens that may end a clause (the rest never do)
SEGMENT_WORDS = HARD_BOUNDARIES | SUBORDINATORS | {"\"", "“", "”", "-", "since", "and", "or", ","}


def _tokens(sentence: Sentence) -> list[_Tok]:
    base = sentence.start
    toks = [_Tok(base + m.start(), base + m.end(), m.group()) for m in TOKEN.finditer(sentence.text)]
    segment = 0
    quoted = False
    open_clause = False  # inside "While ...", ", who ...": the next comma closes it
    starts = True
    for i, tok in enumerate(toks):
        text = tok.text
        tok.first = starts
        if tok.is_word:
            starts = False
        elif text in OPENERS:
            starts = True
        if tok.lower not in SEGMENT_WORDS:
            pass
        elif text == "," and open_clause:
            segment += 1  # "While protests continued in Khartoum, the army shelled ..."
            open_clause = False
        elif text in ("\"", "“", "”"):
            quoted = (not quoted) if text == "\"" else text == "“"
            segment += 1
        elif text in HARD_BOUNDARIES or (text == "-" and i and toks[i - 1].end < tok.start):
            segment += 1
        elif tok.lower in SUBORDINATORS or tok.lower == "since" and i + 1 < len(toks) and not (
                toks[i + 1].text[:1].isdigit() or toks[i + 1].lower in MONTHS_DAYS or toks[i + 1].lower in (
                    "then", "last", "early", "late", "mid", "the")):
            segment += 1
            open_clause = tok.lower in CLOSED_BY_COMMA and (i == 0 or _first_word(toks, i) or toks[i - 1].text == ",")
        elif tok.lower in ("and", "or") and i and toks[i - 1].text == ",":
            segment += 1
        elif text == "," and i + 1 < len(toks) and toks[i + 1].lower.endswith("ing") \
                and toks[i + 1].lower not in ("during", "including", "according"):
            segment += 1  # ", killing twelve": a participle clause
        tok.segment = segment
        tok.quoted = quoted
    return toks


def _reporting_tail(toks: list[_Tok]) -> int:
    """Where a closing attribution starts (", the defence ministry in Ankara said."), else len(toks).

    Places named there say where the source is, not where the event happened; the tail
    becomes a clause of its own.
    """
    n = len(toks)
    end = n - 1 if n and not toks[-1].is_word else n
    for k in range(end - 1, max(-1, end - 14), -1):
        if toks[k].text == "," and not toks[k].quoted:
            tail = [t for t in toks[k + 1:end] if t.is_word]
            # ", officials said", ", the ministry in Ankara said on Monday", ", said the army",
            # ", according to ...": the reporting verb opens or (nearly) closes the tail
            said = [n for n, t in enumerate(tail) if t.lower in REPORTING and not t.is_cap]
            if said and not any(t.lower == "that" or t.lower in FIRST_WORDS and t.lower not in REPORTING
                                for t in tail) and (said[0] == 0 and len(tail) <= 7 or said[-1] >= len(tail) - 4):
                segment = toks[k].segment + 1
                for t in toks[k:]:
                    t.segment = segment
                return k
            return n
    return n


def _token_index(starts: list[int], offset: int) -> int:
    """Index of the token that contains (or precedes) a character offset."""
    return max(0, bisect_right(starts, offset) - 1)


# -- triggers ---------------------------------------------------------------------------------


def _find_triggers(toks: list[_Tok], context: list[set[str]] | None = None) -> list[_Candidate]:
    """Trigger words of a sentence; ``context``: words of the sentences just before it."""
    found: list[_Candidate] = []
    vocabulary: set[str] = set()

    def words() -> set[str]:
        # the domain of an ambiguous trigger may be set by the sentence or the two before it
        if not vocabulary:
            vocabulary.update(t.lower for t in toks)
            for words_before in context or ():
                vocabulary.update(words_before)
        return vocabulary

    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        if tok.lower not in FIRST_WORDS:
            i += 1
            continue
        if not tok.is_word or (tok.is_cap and i > 0 and toks[i - 1].text not in ("\"", "“", ":", "(")
                               and not _first_word(toks, i)):
            i += 1  # capitalised mid-sentence: a name ("Accra Initiative", "Strike Force"), not a trigger
            continue
        match = None
        for size in FIRST_WORDS.get(tok.lower, ()):
            if i + size > n:
                continue
            key = tuple(t.lower for t in toks[i:i + size])
            following = {t.lower for t in toks[i + size:i + size + 4]}
            before = toks[i - 1].lower if i else ""
            after = toks[i + size].lower if i + size < n else ""
            readings = LEXICON.get(key, ())
            if key in BASE_FORMS and not _finite_context(toks, i):
                readings = tuple(r for r in readings if r.pos == "noun")
            elif key[-1].endswith("s") and (after.endswith("ed") or after in VERBS_AFTER_NOUN) and any(
                    r.pos == "noun" for r in readings):
                # "protests continued", "talks were held": a plural noun before its verb
                readings = tuple(r for r in readings if r.pos == "noun")
            trig = next((r for r in readings if (not r.requires or r.requires & following)
                         and before not in r.not_before and after not in r.not_after
                         and (not r.domain or not r.domain.isdisjoint(words()))), None)
            if trig is None:
                continue
            match = (size, trig)
            break
        if match is None:
            i += 1
            continue
        size, trig = match
        before = toks[i - 1].lower if i > 0 else ""
        if (trig.pos == "verb" and (before in ("a", "an", "the", "this", "that", "its", "their", "his", "her",
                                               "all", "some", "many", "several", "newly") or before.isdigit())
                and not toks[i].lower.endswith("ing")) or (trig.pos == "noun" and before in NOT_EVENT_BEFORE):
            i += size
            continue  # "a call for", "the accused", "731 approved applicants"; "press conference", "life support"
        if trig.category == "CONSULT" and trig.pos == "verb" and before in PASSIVE_AUX:
            i += size
            continue  # "the calls have been met with anger": no meeting
        if i > 0 and toks[i - 1].lower == "in" and i + size < n and toks[i + size].lower in ("of", "for"):
            i += size
            continue  # "in support of", "in protest of": a modifier, not an event
        found.append(_Candidate(i, i + size - 1, trig, trig.category, trig.label))
        i += size
    _absorb(toks, found)
    return [c for c in found if not c.absorbed]


def _finite_context(toks: list[_Tok], i: int) -> bool:
    """Whether a verb's base form at ``i`` reads as a verb: after "will", "to", "they", ..."""
    k = i - 1
    while k >= 0 and (toks[k].lower in ADVERBS or toks[k].lower.endswith("ly") and len(toks[k].lower) > 4):
        k -= 1
    return k < 0 or toks[k].lower in FINITE_BEFORE or _first_word(toks, k + 1)


def _first_word(toks: list[_Tok], i: int) -> bool:
    """Whether only punctuation, and an opening quote, colon or dash, stands before token ``i``."""
    return toks[i].first


def _absorb(toks: list[_Tok], found: list[_Candidate]) -> None:
    """Complements of governing triggers and same-category repeats join the first event."""
    a: _Candidate | None = None
    for b in found:
        if a is None:
            a = b
            continue
        between = toks[a.last + 1:b.first]
        # ", killing four soldiers", ", pledging to ...": a participle clause that goes on with the event
        participle = (toks[b.first].segment == toks[a.last].segment + 1 and toks[b.first - 1].text == ","
                      and toks[b.first].lower.endswith("ing") and a.category == b.category)
        same_segment = toks[a.last].segment == toks[b.first].segment
        verbs_between = any(t.lower in REPORTING and not t.is_cap for t in between)
        if participle and not verbs_between:
            b.absorbed = True
            continue
        # "... were killed when their vehicle struck an explosive device": one incident
        if a.category == b.category and toks[b.first].segment == toks[a.last].segment + 1 and any(
                t.lower in ("when", "as") for t in between) and len(between) <= 12:
            b.absorbed = True
            continue
        if not same_segment or verbs_between:
            a = b
            continue
        near = len(between) <= 8
        coordinated = b.trigger.pos == "verb" and any(t.lower in ("and", "or", "but") for t in between[-2:])
        topic = a.category == "CONSULT" and any(t.lower in ("on", "about", "over") for t in between)
        if coordinated:
            if a.category == b.category and near:
                b.absorbed = True  # "were killed and four wounded", "looted shops and burned houses"
            else:
                a = b
            continue
        if topic and near:
            b.absorbed = True  # "talks ... on military cooperation": what the talks are about
            continue
        if (a.trigger.governs and len(between) <= 8 and not any(t.text == "," for t in between)) or (a.trigger.requires and near and b.trigger.pos == "noun") \
                or (a.category == b.category and near) or (a.trigger.pos == "verb" and b.trigger.pos == "noun"
                                                           and b.category in ("MOBILIZE", "COOPERATE") and near
                                                           and a.category in ("RETREAT", "SANCTION")):
            b.absorbed = True
            override = OBJECT_OVERRIDES.get((a.category, toks[b.first].lower))
            if override:
                a.category, a.label = override
        else:
            a = b
    for c in found:
        if c.absorbed:
            continue
        obj = next((t.lower for t in toks[c.last + 1:c.last + 4] if t.lower not in DETERMINERS), None)
        override = OBJECT_OVERRIDES.get((c.category, obj or ""))
        if override:
            c.category, c.label = override


# -- modality ---------------------------------------------------------------------------------


def _modality(toks: list[_Tok], cand: _Candidate, reported: bool) -> str | None:
    """past, ongoing, future, hypothetical; None when the trigger is negated."""
    seg = toks[cand.first].segment
    first = cand.first
    k = first - 1
    words: list[str] = []
    while k >= 0 and toks[k].segment == seg and first - k <= 20:
        # "Theresa May", "Will Smith": capitalised words mid-clause are names, not modals
        if not toks[k].is_cap or _first_word(toks, k):
            words.append(toks[k].lower)
        k -= 1
    # the clause that introduces this one ("aim to prevent ... of the insurgency", "announced that")
    lead: list[str] = []
    if k >= 0 and toks[k].segment == seg - 1 and toks[k + 1].lower in ("that", "to"):
        j = k
        while j >= 0 and toks[j].segment == seg - 1 and len(lead) < 8:
            lead.append(toks[j].lower)
            j -= 1
    if any(w in NEGATORS or w.endswith(("n't", "n’t")) for w in words[:6]):
        return None
    trigger_word = toks[first].lower
    if trigger_word in ("would-be",):
        return "hypothetical"
    if any(w in ONGOING for w in words):
        return "ongoing"
    if any(w in HYPOTHETICAL for w in words) or any(w in ("if", "unless") for w in lead):
        return "hypothetical"
    if "would" in words[:5]:
        return "future" if reported or any(w in REPORTING for w in lead) else "hypothetical"
    # ``words`` runs backwards from the trigger, so "set to" reads ("to", "set")
    if any(w in FUTURE for w in words) or any(
            w in FUTURE_TO and k and words[k - 1] == "to" for k, w in enumerate(words)):
        return "future"
    if cand.trigger.pos == "verb" and trigger_word.endswith("ing") and words[:2] and (
            words[0] in PROGRESSIVE_AUX or (len(words) > 1 and words[0] in ("now", "still") and words[1] in PROGRESSIVE_AUX)):
        return "ongoing"
    if cand.trigger.pos == "noun":
        after = [t.lower for t in toks[cand.last + 1:cand.last + 8] if t.segment == seg]
        if any(w in ONGOING for w in after[:2]):
            return "ongoing"  # "protests continued", "fighting still raged"
        if (any(w in PRESENT for w in words[:6] + after) and not any(w in PAST_AUX for w in words + after)
                and not any(w.endswith("ed") for w in after[:3])):
            return "ongoing"
    return "past"


# -- entities ---------------------------------------------------------------------------------


def _entities(toks: list[_Tok], toponyms: list[tuple[int, Toponym]], text: str,
              date_spans: list[tuple[int, int]], places_only: list[tuple[int, int]]) -> list[_Entity]:
    """Names, groups, metonymic countries and pronouns of one sentence.

    ``places_only``: spans of mentions that say where, never who.
    """
    literal = places_only
    owners = [t for _, t in toponyms if t.type != "literal" and t.place is not None
              and not text[t.end:t.end + 14].lower().startswith(NOT_OWNER_SUFFIXES)]
    entities: list[_Entity] = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.is_cap and tok.lower not in ENTITY_STARTS:
            i += 1
            continue
        if tok.lower in PRONOUNS and tok.is_word:
            entities.append(_Entity(i, i, tok.start, tok.end, tok.text, "pronoun"))
            i += 1
            continue
        starts_name = tok.is_cap and tok.is_word and tok.lower not in MONTHS_DAYS and not any(
            s <= tok.start < e for s, e in date_spans) and not (_first_word(toks, i) and (
                tok.lower in DETERMINERS or tok.lower in CONNECTORS or tok.lower in LEXICON_HEADS
                or tok.lower in _COMMON_INITIALS or tok.lower in stop_words()))
        if starts_name and _first_word(toks, i) and i + 1 < n and toks[i + 1].lower in ("of", "to", "for", "is", "was") \
                and not any(t.start == tok.start for _, t in toponyms):
            starts_name = False  # "Lack of transparency", "Most of them"
        if starts_name and _first_word(toks, i) and tok.lower.endswith("ing") and i + 1 < n and not toks[i + 1].is_cap:
            starts_name = False  # "Speaking in Washington, ..."
        starts_group = tok.lower in ACTOR_MODIFIERS or tok.lower in GROUP_NOUNS
        if not (starts_name or starts_group):
            i += 1
            continue
        j = i
        while j + 1 < n:
            nxt = toks[j + 1]
            if nxt.start - toks[j].end > 1:
                break
            if nxt.is_cap and nxt.is_word and nxt.lower not in MONTHS_DAYS:
                j += 1
            elif (nxt.lower in CONNECTORS and nxt.lower != "and" or nxt.lower == "in" and toks[i].is_cap and any(
                    t.lower in ORG_WORDS for t in toks[i:j + 1])) and j + 2 < n and toks[j + 2].is_cap \
                    and toks[j + 2].is_word and not (nxt.lower == "in" and any(
                        s <= toks[j + 2].start < e for s, e in literal)):
                j += 1  # "Mission in Mali", but not "leaders in Mali" where Mali is where
            elif nxt.lower in TITLE_WORDS and not nxt.is_cap and j + 2 < n and toks[j + 2].is_cap \
                    and toks[j + 2].is_word and toks[j + 2].lower not in MONTHS_DAYS:
                j += 1  # "opposition leader Ousmane Sonko", "junta leader Mamadi Doumbouya"
            elif nxt.text in ("'s", "’s") and j + 2 < n and j == i and (toks[j + 2].lower in GROUP_NOUNS or (
                    toks[j + 2].lower in ACTOR_MODIFIERS and j + 3 < n and toks[j + 3].lower in GROUP_NOUNS)):
                j += 2  # "Sudan's army", "Egypt's foreign minister"
            elif nxt.lower in GROUP_NOUNS or nxt.lower in ACTOR_MODIFIERS and j + 2 < n and (
                    toks[j + 2].lower in GROUP_NOUNS):
                j += 1
            else:
                break
        while j > i and (toks[j].lower in CONNECTORS or toks[j].lower in ACTOR_MODIFIERS
                         and toks[j].lower not in GROUP_NOUNS):
            j -= 1
        span_start, span_end = toks[i].start, toks[j].end
        words = [t.lower for t in toks[i:j + 1]]
        covered = sum(min(e, span_end) - max(s, span_start) for s, e in literal if s < span_end and e > span_start)
        is_group = any(w in GROUP_NOUNS for w in words)
        if covered >= (span_end - span_start) - 1 and not is_group:
            i = j + 1
            continue  # a place where something happens, not someone who acts
        if j + 1 < n and toks[j + 1].lower in PLACE_NOUNS:
            i = j + 1
            continue  # "the southern English city of Salisbury": a description of a place
        if toks[j].lower.endswith(("-led", "-backed", "-based", "-style")) or (
                not is_group and all(w in ACTOR_MODIFIERS for w in words)):
            i = j + 1
            continue  # "West African-led": a modifier of what follows
        country = None
        for t in owners:
            if t.start >= span_start and t.end <= span_end and t.place is not None and t.place.country_code:
                prev = text[max(0, t.start - 4):t.start].lower()
                if prev.endswith(("in ", "of ", "for ")) and t.type == "embedded":
                    continue
                country = t.place.country_code
                break
        capitalised = all(t.is_cap for t in toks[i:j + 1] if t.lower not in CONNECTORS)
        kind = "group" if is_group and not capitalised else "name"
        if capitalised and j - i <= 4 and not any(w in ORG_WORDS for w in words) and not tok.text.isupper() and (
                any(w in TITLE_WORDS for w in words) or 1 <= j - i):
            kind = "person"
        same = next((t for _, t in toponyms if t.start == span_start and t.end == span_end
                     and t.place is not None and t.type != "embedded"), None)
        if same is not None:
            kind = "country" if same.place.kind == "country" else "name"
            country = same.place.country_code or None
        entities.append(_Entity(i, j, span_start, span_end, text[span_start:span_end], kind, country))
        i = j + 1
    return entities


_COMMON_INITIALS = {
    "it", "there", "here", "but", "and", "in", "on", "at", "as", "after", "before", "while", "when",
    "if", "although", "however", "meanwhile", "earlier", "later", "last", "next", "some", "many",
    "most", "both", "all", "several", "two", "three", "four", "five", "his", "her", "one", "during",
    "since", "despite", "following", "according", "under", "for", "with", "from", "by", "about",
    "i", "we", "they", "he", "she", "you", "our", "their", "its", "this", "that", "these", "those",
    "such", "so", "also", "yet", "still", "now", "then", "thus", "other", "another", "every",
    "each", "no", "not", "file", "photo", "more", "over", "until", "amid", "around", "within",
}
LEXICON_HEADS = {key[0] for key in LEXICON}


# -- places -----------------------------------------------------------------------------------


def _precision(toponym: Toponym, near: bool) -> int:
    """ACLED geo-precision: 1 the town itself, 2 near a town or part of a region, 3 larger."""
    place = toponym.place
    if place is None or place.kind != "city":
        return 3
    return 2 if near else 1


def _adjective(toks: list[_Tok], k: int) -> bool:
    """A lowercase adjective between an article or preposition and a name ("the occupied")."""
    word = toks[k].lower
    return (toks[k].is_word and not toks[k].is_cap and k >= 1 and word not in LOCATIVE_ROLES
            and word.endswith(("ed", "ern", "al", "-held", "-torn", "-hit", "ing", "ous", "ful", "ive"))
            and (toks[k - 1].lower in DETERMINERS or toks[k - 1].lower in LOCATIVE_ROLES
                 or toks[k - 1].lower in DIRECTION_ADJ or _adjective(toks, k - 1)))


def _governor(toks: list[_Tok], ti: int, heads: dict[int, int]) -> tuple[str | None, bool, int, int]:
    """The word that governs a place name, whether it says "near", the list head's token index
    and the governing word's index.

    Walks back over a coordinated list ("into Ivory Coast, Ghana, ... and Niger"), articles,
    compass adjectives ("in central Mali") and distance phrases ("30 km north of Gao").
    """
    head = ti
    k = ti - 1
    while True:
        j = k - 1 if k >= 1 and toks[k].lower == "the" else k
        if j >= 1 and toks[j].lower in (",", "and", "or") and (j - 1) in heads:
            head = heads[j - 1]
            k = head - 1
        else:
            break
    skipped = 0
    while k >= 0 and (toks[k].lower in DIRECTION_ADJ or skipped < 2 and _adjective(toks, k)):
        skipped += toks[k].lower not in DIRECTION_ADJ
        k -= 1
    if k >= 1 and toks[k].lower == "of" and toks[k - 1].lower in NEAR_WORDS:
        return "near", True, head, k  # "north of Gao", "the outskirts of Bamako"
    if k >= 2 and toks[k].text == "," and toks[k - 1].lower in PLACE_NOUNS:
        k -= 2  # "in the capital, Conakry": what governs "the capital" governs the name
        while k >= 0 and toks[k].lower in DIRECTION_ADJ:
            k -= 1
    if k < 0:
        return None, False, head, k
    word = toks[k].lower
    return word, word in NEAR_WORDS, head, k


def _place_links(analysis: Analysis, toks: list[_Tok], indices: list[int], cands: list[_Candidate],
                 sentence: Sentence, tail: int) -> tuple[list[tuple[int, int, int, str, bool]], list[int], list[int],
                                                         list[int]]:
    """Where the sentence's literal mentions stand.

    Returns the located ones as (toponym index, token, list head token, role, near), the
    weakly placed ones (no locative word), the ones that act as subjects and the towns that
    qualify a group ("Bamako residents").
    """
    text = analysis.text
    starts = [t.start for t in toks]
    heads: dict[int, int] = {}  # token index of a toponym's first token -> its list head
    located: list[tuple[int, int, int, str, bool]] = []
    weak: list[int] = []
    previous: Toponym | None = None
    located_by_last: dict[int, tuple[int, str, bool, int]] = {}
    trigger_tokens = {c.last: c for c in cands}
    first_trigger = min((c.first for c in cands), default=len(toks))
    acting: list[int] = []
    homes: list[int] = []
    dateline = DATELINE.match(sentence.text)
    dateline_end = sentence.start + dateline.end("place") if dateline else 0
    for n in indices:
        t = analysis.toponyms[n]
        ti = _token_index(starts, t.start)
        last = _token_index(starts, t.end - 1)
        heads[last] = ti
        if ti >= tail:
            continue  # "..., his office said in Paris": where the source speaks
        if t.place is None:
            previous = t
            continue
        if t.type != "literal" and not _reads_as_place(toks, ti, last, t):
            # "to Mali and the Sahel": a member of a list of located places is located too,
            # whatever its own context suggested
            k = ti - 1
            k -= 1 if k >= 0 and toks[k].lower == "the" else 0
            listed = k >= 1 and toks[k].lower in (",", "and", "or") and (k - 1) in located_by_last
            previous = t
            if (k >= 0 and k in trigger_tokens and trigger_tokens[k].category in ("ASSAULT", "CONSULT")
                    and trigger_tokens[k].trigger.pos == "verb" and not t.adjectival and t.type != "embedded"):
                located.append((n, ti, ti, "where", False))  # "shelled Kharkiv overnight"
                located_by_last[last] = (n, "where", False, ti)
                continue
            if (t.type == "modifier" and not t.adjectival and t.place.kind == "city" and last + 1 < len(toks)
                    and toks[last + 1].lower in GROUP_NOUNS):
                homes.append(n)  # "Bamako residents marched": where they live, likely where they act
            if not listed or t.type == "embedded" or t.adjectival:
                continue
            first_n, role, near, head = located_by_last[k - 1]
            heads[last] = head
            located.append((n, ti, head, role, near))
            located_by_last[last] = (n, role, near, head)
            continue
        if previous is not None and previous.place is not None and text[previous.end:t.start].strip() == "," \
                and t.place.kind in ("country", "admin1") and t.place.country_code == previous.place.country_code \
                and previous.type == "literal":
            previous = t
            continue  # "Gao, Mali": the country only qualifies the town
        previous = t
        word, near, head, gov = _governor(toks, ti, heads)
        heads[last] = head
        if word in LOCATIVE_ROLES:
            role = LOCATIVE_ROLES[word]
            if word == "of" and not near:
                # "the capital of Mali" places; "the government of Mali" does not; "a sweep
                # of the Hebron area" does, by the noun after the name
                before = toks[head - 2].lower if head >= 2 else ""
                after = toks[last + 1].lower if last + 1 < len(toks) else ""
                if before not in PLACE_NOUNS and after not in REGION_NOUNS:
                    weak.append(n)
                    continue
            located.append((n, ti, head, role, near))
            located_by_last[last] = (n, role, near, head)
        elif word is not None and gov in trigger_tokens and trigger_tokens[gov].category in ("ASSAULT", "CONSULT"):
            located.append((n, ti, head, "where", near))  # "visited Bamako", "invaded Ukraine"
            located_by_last[last] = (n, "where", near, head)
        elif word == "with" and gov >= 1 and toks[gov - 1].lower in ("border", "borders", "frontier"):
            located.append((n, ti, head, "area", True))  # "on the border with Belarus"
            located_by_last[last] = (n, "area", True, head)
        elif word is None or word in NOT_PLACE_GOVERNORS or head < first_trigger or gov in trigger_tokens:
            if not (dateline_end and t.end <= dateline_end):
                acting.append(n)  # "Niger and Burkina Faso signed": who acts, not where
        else:
            weak.append(n)
    return located, weak, acting, homes


def _reads_as_place(toks: list[_Tok], ti: int, last: int, t: Toponym) -> bool:
    """A mention typed otherwise that still says where: "the Tigray region", "Police in Dakar"."""
    after = [tok.lower for tok in toks[last + 1:last + 3]]
    if t.type == "modifier" and not t.adjectival and any(w in REGION_NOUNS for w in after):
        return True
    # a name inside an organisation's name follows capitalised words ("Mission in Mali"); after a
    # common noun ("families in Mopti") or a lone group word ("Police in Dakar") it is a place
    return (t.type == "embedded" and ti >= 2 and toks[ti - 1].lower in ("in", "at", "near")
            and (not toks[ti - 2].is_cap and toks[ti - 2].is_word
                 or toks[ti - 2].lower in GROUP_NOUNS and (ti < 3 or not toks[ti - 3].is_cap)))


def _link(analysis: Analysis, n: int, role: str, near: bool, reason: str) -> PlaceLink:
    t = analysis.toponyms[n]
    assert t.place is not None
    return PlaceLink(t.place.geonameid, t.place.name, role, _precision(t, near), reason, n)


def _dateline(analysis: Analysis, by_sentence: dict[int, list[int]]) -> int | None:
    """The toponym of a dateline ("BAMAKO, Mali (AP) —"), the reporter's location."""
    for index, sentence in enumerate(analysis.sentences[:8]):
        m = DATELINE.match(sentence.text)
        if not m:
            continue
        end = sentence.start + m.end("place")
        inside = [n for n in by_sentence.get(index, []) if analysis.toponyms[n].end <= end
                  and analysis.toponyms[n].place is not None]
        if inside:
            # the most precise one: "BAMAKO, Mali" locates in Bamako
            return min(inside, key=lambda n: (analysis.toponyms[n].place.kind != "city", n))
    return None


# -- one sentence -----------------------------------------------------------------------------


def _sentence_events(analysis: Analysis, index: int, sentence: Sentence, indices: list[int],
                     state: _DocState, dateline: int | None, numbered: int,
                     dates: list[DateExpression]) -> list[Event]:
    words = set(WORD.findall(sentence.text.lower()))
    quoted = "\"" in sentence.text or "“" in sentence.text
    context = set().union(*state.recent[-2:]) if state.recent else set()
    if (not may_trigger(words, context) and not (quoted and not REPORTING.isdisjoint(words))
            or _is_furniture(sentence, analysis.title)):
        # nothing can happen here, and nobody speaks: only remember it for what follows
        state.recent.append(words)
        del state.recent[:-2]
        _remember_place(analysis, indices, state)
        return []
    toks = _tokens(sentence)
    tail = _reporting_tail(toks)
    toponyms = [(n, analysis.toponyms[n]) for n in indices]
    date_spans = [(d.start, d.end) for d in dates]
    cands = _find_triggers(toks, state.recent[-2:])
    state.recent.append(words)
    del state.recent[:-2]
    # people and speakers are remembered even where nothing happens, for a later "he"
    talks = quoted or (not REPORTING.isdisjoint(words) and any(t.lower in REPORTING and not t.is_cap for t in toks))
    located, weak, acting, homes = _place_links(analysis, toks, indices, cands, sentence, tail)
    places_only = [(t.start, t.end) for n, t in toponyms if t.type == "literal" and n not in acting] + [
        (analysis.toponyms[n].start, analysis.toponyms[n].end) for n, *_ in located]
    entities = _entities(toks, toponyms, analysis.text, date_spans, places_only) if cands or talks else []
    speaker = _speaker(toks, entities, state)
    _register_people(entities, toponyms, state)
    if not cands:
        _remember_place(analysis, indices, state)
        if speaker is not None:
            state.last_speaker = speaker
        return []
    reported = any(t.lower in REPORTING and not t.is_cap for t in toks) if not REPORTING.isdisjoint(words) else False
    sentence_contexts = _sentence_contexts(toks, words)

    # negated triggers go first, so they take no place from a real one
    tenses = {id(c): _modality(toks, c, reported) for c in cands}
    cands = [c for c in cands if tenses[id(c)] is not None]

    # attach each located mention to the nearest trigger of its clause (before it, else after it)
    claimed: set[int] = set()
    for n, ti, head, role, near in located:
        seg = toks[head].segment
        before = [c for c in cands if c.last < head and toks[c.last].segment == seg]
        after = [c for c in cands if c.first > ti and toks[c.first].segment == seg]
        fronted = head >= 1 and _first_word(toks, head - 1) and toks[head - 1].lower in ("in", "at", "near", "outside")
        if fronted:
            targets = cands
        elif before and after:
            # a place phrase usually qualifies what precedes it; the following trigger wins
            # only when it is much closer ("flew to Abidjan for a summit")
            targets = [after[0] if (after[0].first - ti) * 2 < head - before[-1].last else before[-1]]
        elif before:
            targets = [before[-1]]
        elif after:
            targets = [after[0]]
        else:
            continue
        for c in targets:
            c.places.append(_link(analysis, n, _role(c, role), near, "place named in the same clause"))
        claimed.add(n)
    free = [(n, role, near) for n, _, _, role, near in located if n not in claimed]

    events: list[Event] = []
    previous_source: list[Actor] = []
    previous_places: list[PlaceLink] = []
    for c in cands:
        tense = tenses[id(c)]
        source, recipients = _actors(toks, c, entities, state, speaker, previous_source)
        previous_source = source
        date, tense = _date_for(toks, c, cands, dates, analysis, tense)
        places = list(c.places)
        if not recipients and c.category in REMOTE | {"AID"}:
            recipients = [Actor(analysis.toponyms[p.toponym].text, analysis.toponyms[p.toponym].start,
                                analysis.toponyms[p.toponym].end, analysis.toponyms[p.toponym].place.country_code or None)
                          for p in places if p.toponym is not None and p.role in ("area", "destination")
                          and p.reason == "place named in the same clause"]
        if not places and previous_places and c.trigger.pos == "verb" and toks[c.first - 1].lower == "to":
            # "met in Asmara to sign a peace agreement": the purpose happens where its means does
            places = [replace(p, reason="place of the event it completes") for p in previous_places]
        if not places:
            places = _fallback_places(analysis, toks, c, free, weak, homes, state, dateline)
            if date is None and places and places[0].reason == "same event as reported before":
                date = state.dated.get(c.category)  # the incident told again keeps its date too
        trigger_start, trigger_end = toks[c.first].start, toks[c.last].end
        events.append(Event(
            id=f"{analysis.id}:e{numbered + len(events) + 1}",
            category=c.category,
            label=c.label,
            trigger_start=trigger_start,
            trigger_end=trigger_end,
            trigger=analysis.text[trigger_start:trigger_end],
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            sentence=sentence.text,
            contexts=_contexts(c, sentence_contexts),
            actors=tuple(source),
            recipients=tuple(recipients),
            places=tuple(_dedupe(places, analysis)),
            date=date,
            tense=tense,
        ))
        if source:
            state.last_group = source[0]
        if c.places:
            state.placed[c.category] = tuple(c.places)
            state.dated[c.category] = date
        previous_places = list(c.places)
    _remember_place(analysis, indices, state)
    if speaker is not None:
        state.last_speaker = speaker
    return events


def _role(c: _Candidate, role: str) -> str:
    """The public role of a place for this event: "sanctions on Guinea" concern Guinea (area),
    "an attack on Kidal" happens in Kidal (where)."""
    if role == "target":
        return "area" if c.category in REMOTE else "where"
    if role == "destination" and c.category in REMOTE:
        return "area"
    if role == "origin" and c.category in ("SANCTION", "REJECT"):
        return "area"  # "recalled its ambassador from Somalia": Somalia is concerned
    return role


def _dedupe(links: list[PlaceLink], analysis: Analysis) -> list[PlaceLink]:
    """Each place once; a country goes when a place inside it says where more exactly."""
    seen: set[int] = set()
    out = []
    for link in links:
        if link.geonameid not in seen:
            seen.add(link.geonameid)
            out.append(link)
    places = {id(link): analysis.toponyms[link.toponym].place for link in out if link.toponym is not None}
    inner = {(p.country_code, p.admin1 if p.kind == "city" else "") for p in places.values()
             if p.kind in ("city", "admin1")}

    def contains_another(link: PlaceLink) -> bool:
        p = places.get(id(link))
        if p is None or link.role != "where":
            return False
        if p.kind == "country":
            return any(cc == p.country_code for cc, _ in inner)
        # "in Maiduguri, the capital of Borno state": the state only qualifies the town
        return p.kind == "admin1" and (p.country_code, p.admin1 or p.name) in inner

    return [link for link in out if not contains_another(link)] or out


def _remember_place(analysis: Analysis, indices: list[int], state: _DocState) -> None:
    for n in indices:
        t = analysis.toponyms[n]
        if t.type == "literal" and t.place is not None:
            state.last_place = (n, t)


def _refers_back(toks: list[_Tok], c: _Candidate) -> bool:
    """Whether the sentence names an event of this kind as known: "the raid", "this attack"."""
    for k in range(1, len(toks)):
        if toks[k - 1].lower in ("the", "this", "that") and toks[k].lower in FIRST_WORDS:
            if any(r.pos == "noun" and r.category == c.category for r in LEXICON.get((toks[k].lower,), ())):
                return True
    return False


def _fallback_places(analysis: Analysis, toks: list[_Tok], c: _Candidate, free: list[tuple[int, str, bool]],
                     weak: list[int], homes: list[int], state: _DocState, dateline: int | None) -> list[PlaceLink]:
    """Where an event with no place in its own clause happened, and why we think so."""
    if free:
        reason = "only place in the sentence" if len(free) == 1 else "place named in the sentence"
        return [_link(analysis, n, _role(c, role), near, reason) for n, role, near in free]
    if len(homes) == 1 and c.category not in REMOTE:
        return [_link(analysis, homes[0], "where", False, "town of the actors")]
    for k, tok in enumerate(toks):
        if tok.lower == "there" and state.last_place is not None and not (
                k + 1 < len(toks) and toks[k + 1].lower in EXISTENTIAL_AFTER):
            n, _ = state.last_place
            return [_link(analysis, n, "where", False, "'there' refers to the place named before")]
    earlier = state.placed.get(c.category)
    if earlier and _refers_back(toks, c):
        # "Several others were wounded in the raid": the raid reported, with its place, before
        return [PlaceLink(p.geonameid, p.name, p.role, p.geo_precision, "same event as reported before", p.toponym)
                for p in earlier]
    if len(weak) == 1:
        return [_link(analysis, weak[0], "area", False, "only place in the sentence")]
    if dateline is not None:
        return [_link(analysis, dateline, "where", False, "dateline")]
    country = analysis.focus.country
    if country is not None:
        return [PlaceLink(country.geonameid, country.name, "area", 3, "document focus", None)]
    return []


# -- actors -----------------------------------------------------------------------------------


def _actor(e: _Entity) -> Actor:
    return Actor(e.text, e.start, e.end, e.country)


def _resolve_pronoun(e: _Entity, entities: list[_Entity], state: _DocState, speaker: Actor | None,
                     toks: list[_Tok]) -> Actor | None:
    word = e.text.lower()
    if word in PRONOUNS_PERSON:
        if state.last_person is not None:
            return _actor(state.last_person)
        return None
    if word in PRONOUNS_SPEAKER:
        return speaker if toks[e.first].quoted or speaker is not None else None
    # "it", "they": the nearest named non-person before it in the sentence, else the last actor
    for other in reversed(entities):
        if other.last < e.first and other.kind in ("country", "name", "group"):
            return _actor(other)
    return state.last_group


def _speaker(toks: list[_Tok], entities: list[_Entity], state: _DocState) -> Actor | None:
    """Who speaks in a sentence with a quote: the name next to its reporting verb."""
    if not any(t.quoted for t in toks):
        return state.last_speaker if toks and toks[0].text in ("\"", "“") else None
    for k, tok in enumerate(toks):
        if tok.lower not in REPORTING or tok.quoted or tok.is_cap:
            continue
        near = [e for e in entities if not toks[e.first].quoted and (
            e.last < k and k - e.last <= 2 or e.first == k + 1 and tok.lower in ("said", "says", "added", "noted", "wrote"))]
        for e in sorted(near, key=lambda e: abs(e.last - k)):
            if e.kind == "pronoun":
                if e.text.lower() in PRONOUNS_PERSON and state.last_person is not None:
                    return _actor(state.last_person)
                continue
            return _actor(e)
    return state.last_speaker


def _register_people(entities: list[_Entity], toponyms: list[tuple[int, Toponym]], state: _DocState) -> None:
    """Persons get the country their introduction gives ("UK contingent ... Minister X")."""
    for e in entities:
        countries = {t.place.country_code for _, t in toponyms if t.end <= e.start
                     and t.type in ("metonymic", "modifier", "demonym") and t.place is not None and t.place.country_code}
        if e.kind == "name" and " " not in e.text and e.text in state.persons:
            e.kind = "person"
        if e.kind != "person":
            continue
        surname = e.text.split()[-1]
        if surname in state.persons and e.country is None:
            e.country = state.persons[surname]
        elif surname not in state.persons:
            if e.country is None and len(countries) == 1 and any(w in TITLE_WORDS for w in e.text.lower().split()):
                e.country = next(iter(countries))  # "UK contingent ... Defence Minister James Heappey"
            state.persons[surname] = e.country
        state.last_person = e


def _is_passive(toks: list[_Tok], c: _Candidate) -> bool:
    word = toks[c.first].lower
    if c.trigger.pos != "verb" or word.endswith("ing"):
        return False
    k = c.first - 1
    while k >= 0 and toks[k].lower.endswith("ly"):
        k -= 1
    return k >= 0 and toks[k].lower in PASSIVE_AUX


def _object_of_preposition(toks: list[_Tok], c: _Candidate) -> bool:
    """A noun trigger inside a prepositional phrase ("apologised for the killing of"): whoever
    stands before it is the subject of another verb, not this event's actor."""
    if c.trigger.pos != "noun" or c.category == "CONSULT":
        return False  # "travelled to Beijing for talks": the traveller talks
    k = c.first - 1
    while k >= 0 and (toks[k].lower in DETERMINERS or toks[k].lower in QUANTIFIERS or _adjective(toks, k)
                      or toks[k].is_word and not toks[k].is_cap and toks[k].lower.endswith(("ed", "al"))):
        k -= 1
    return k >= 0 and toks[k].lower in ("for", "of", "over", "about", "after", "against", "with", "despite",
                                        "following", "amid", "since", "before")


def _possessor(toks: list[_Tok], c: _Candidate, left: list[_Entity]) -> _Entity | None:
    """Whose a noun trigger is: "Britain's deployment", "our troop deployment"."""
    if c.trigger.pos != "noun" or not left:
        return None
    e = left[-1]
    gap = toks[e.last + 1:c.first]
    if e.text.lower() in POSSESSIVES and len(gap) <= 2 and all(t.is_word for t in gap):
        return e
    if gap and gap[0].lower in ("'s", "’s") and len(gap) <= 3 and all(t.is_word for t in gap[1:]):
        return e
    return None


def _actors(toks: list[_Tok], c: _Candidate, entities: list[_Entity], state: _DocState,
            speaker: Actor | None, previous: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """Source and recipients of an event; ``previous``: the source of the sentence's last event."""
    seg = toks[c.first].segment

    def resolved(e: _Entity) -> Actor | None:
        if e.kind == "pronoun":
            return _resolve_pronoun(e, entities, state, speaker, toks)
        return _actor(e)

    left = [e for e in entities if e.last < c.first and toks[e.last].segment == seg]
    right = [e for e in entities if e.first > c.last and toks[e.first].segment == seg]
    # the agent of a passive verb or of a noun ("an attack by gunmen"), never a later by-phrase
    by_phrase = [e for e in right if e.first - c.last <= 3 and (
        e.first >= 1 and toks[e.first - 1].lower == "by"
        or e.first >= 2 and toks[e.first - 1].lower in DETERMINERS and toks[e.first - 2].lower == "by")]
    source: list[Actor] = []
    recipients: list[Actor] = []
    if _is_passive(toks, c):
        if by_phrase:
            source = [a for a in [resolved(by_phrase[0])] if a]
        if left:
            recipients = [a for a in [resolved(left[-1])] if a]
        return source, recipients
    # "Somali forces backed by African Union troops recaptured ...": the agent of a participle
    # before the verb is not its subject
    left = [e for e in left if not (e.first >= 1 and toks[e.first - 1].lower == "by" or e.first >= 2
                                    and toks[e.first - 1].lower in DETERMINERS and toks[e.first - 2].lower == "by")]
    subjects = [e for e in left if e.text.lower() not in POSSESSIVES] or left
    possessor = _possessor(toks, c, left)
    k = c.first - 1
    while k >= 0 and toks[k].lower in ADVERBS:
        k -= 1
    shared = c.trigger.pos == "verb" and k >= 0 and toks[k].lower in ("and", "then", "to", "but")
    between = [e for e in right if c.last + 1 < len(toks) and toks[c.last + 1].lower == "between"
               and e.first - c.last <= 8 and e.kind != "pronoun"]
    if possessor is not None:
        source = [a for a in [resolved(possessor)] if a]
    elif c.trigger.pos == "noun" and between:
        return [_actor(e) for e in between[:3]], []  # "talks between the government and the rebels"
    elif shared and previous:
        # "expelled the ambassador and ordered ...", "gathered ... to denounce": the same subject
        source = list(previous)
    elif shared and toks[k].lower == "to" and subjects:
        source = [a for a in [resolved(subjects[0])] if a]
    elif by_phrase:
        source = [a for a in [resolved(by_phrase[0])] if a]
    elif subjects and not _object_of_preposition(toks, c):
        source = [a for a in [resolved(subjects[-1])] if a]
        k = subjects[-1].first
        for e in reversed(subjects[:-1]):
            gap = [t.lower for t in toks[e.last + 1:k]]
            if 1 <= len(gap) <= 2 and gap[0] in ("and", ",", "&") and all(w in ("and", ",", "&", "the") for w in gap):
                source.insert(0, _actor(e))
                k = e.first
            else:
                break
    elif c.trigger.pos == "verb" and c.first >= 1 and (toks[c.first - 1].lower == "to" or (
            toks[c.first].lower.endswith("ing") and toks[c.first - 1].text == ",")):
        # "... to join MINUSMA", ", killing four": the subject is the main clause's
        earlier = [e for e in entities if e.last < c.first and e.kind != "pronoun"
                   and not (toks[e.first].quoted and e.kind == "person")]
        pron = [e for e in entities if e.last < c.first and e.kind == "pronoun"]
        if earlier:
            source = [_actor(earlier[-1])]
        elif pron:
            source = [a for a in [resolved(pron[-1])] if a]
    if not source and c.trigger.pos == "verb":
        opener = next((k for k in range(c.first - 1, -1, -1) if toks[k].segment != seg), None)
        if opener is not None and toks[opener + 1].lower in ("who", "which"):
            antecedent = [e for e in entities if e.last < opener + 1 and e.kind != "pronoun"]
            if antecedent:
                source = [_actor(antecedent[-1])]  # "the minister, who visited Bamako"
    # first-person speakers in a quote: the one who speaks
    if source and source[0].text.lower() in PRONOUNS_SPEAKER:
        source = []
    for e in right:
        if e in by_phrase or e.kind == "pronoun" or e.first - c.last > 8:
            continue
        gap = [t.lower for t in toks[c.last + 1:e.first]]
        preps = [w for w in gap if w in RECIPIENT_PREPS or w in LOCATIVE_ROLES]
        if any(not (w in DETERMINERS or w in RECIPIENT_PREPS or w in QUANTIFIERS or w.isdigit()
                    or w in ("'s", "’s")) for w in gap if w not in ACTOR_MODIFIERS):
            continue
        if not preps and c.category in THEME_OBJECTS:
            continue  # "dispatched 300 troops": what moves, not whom it targets
        if preps and preps[0] not in RECIPIENT_PREPS:
            continue
        if c.category == "CONSULT" and preps and preps[0] != "with":
            continue  # "talks on the Nile dam": the topic
        recipients = [_actor(e)]
        break
    return source, recipients


# -- dates and contexts -----------------------------------------------------------------------


def _date_for(toks: list[_Tok], c: _Candidate, others: list[_Candidate], dates: list[DateExpression],
              analysis: Analysis, tense: str) -> tuple[EventDate | None, str]:
    if not dates:
        return None, tense
    anchor = toks[c.first].start
    seg = toks[c.first].segment
    starts = [t.start for t in toks]
    segment_of = {id(d): toks[_token_index(starts, d.start)].segment for d in dates}
    same = [d for d in dates if segment_of[id(d)] == seg]
    busy = {toks[o.first].segment for o in others if o is not c}
    pool = same or [d for d in dates if segment_of[id(d)] not in busy]
    if not pool:
        return None, tense
    expr = min(pool, key=lambda d: abs(d.start - anchor))
    date = resolve(expr, analysis.published, tense=tense)
    published = analysis.published
    if published is not None and date.start is not None and tense == "past":
        if date.start > published.isoformat():
            tense = "future"
        elif date.precision == "range" and date.end and date.end >= published.isoformat() and \
                expr.kind == "window_next":
            tense = "future"
    return date, tense


def _sentence_contexts(toks: list[_Tok], words: set[str]) -> list[str]:
    """PLOVER contexts the sentence's words suggest, in order of first cue."""
    found: list[str] = []
    if CONTEXT_CUES.keys().isdisjoint(words):
        return found
    for t in toks:
        ctx = CONTEXT_CUES.get(t.lower)
        if ctx and ctx not in found:
            found.append(ctx)
    if "human_rights" in found and "human" not in words:
        found.remove("human_rights")  # "rights" alone is not "human rights"
    return found


def _contexts(c: _Candidate, sentence_contexts: list[str]) -> tuple[str, ...]:
    found = list(c.trigger.contexts)
    found.extend(ctx for ctx in sentence_contexts if ctx not in found)
    return tuple(found)
