"""Toponym recognition: find place names and adjectival forms in English text.

No trustworthy statistical model is installable offline, so the recogniser is
the project's own: a longest match of capitalised token runs against the
gazetteer's names and demonyms, then filters that use general signals of
English news prose (sentence position, titles and given names before a name,
organisation words around it, how common the word is, how big the place is,
locative prepositions). Each kept span also gets its mention type.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from geo.gazetteer import Gazetteer, name_key
from geo.lexicon import stop_words
from geo.model import MentionType, Place, Sentence

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+|\S")

MAX_NAME_TOKENS = 8
CONNECTORS = {"of", "the", "de", "la", "le", "du", "del", "des", "and", "upon", "on", "al", "el",
              "-", "'", "’", ".", "da", "do", "dos", "das", "di", "von", "van", "y", "&", "am", "sur", "en"}
MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "christmas", "easter", "ramadan", "eid", "thanksgiving",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "corp", "co", "plc", "llc", "el nino", "la nina",
}
#: all-capital short forms that do name a place (most, like "IT" or "UN", do not)
ACRONYMS = {"us", "uk", "usa", "uae", "drc", "eu", "nsw", "nyc", "prc", "dprk", "dc", "bc"}
#: lower-case words after a place name that make it the name of something else
NAMESAKE_HEADS = {"virus", "fever", "flu", "disease", "syndrome", "strain", "variant", "sauce",
                  "cheese", "salad", "wine", "beer", "accent"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "president", "senator", "sen", "rep", "gov", "governor",
    "judge", "justice", "general", "gen", "col", "colonel", "capt", "captain", "lt", "sgt",
    "minister", "secretary", "prince", "princess", "king", "queen", "lord", "lady", "sir", "pope",
    "coach", "prof", "professor", "mayor", "chancellor", "sheikh", "ambassador", "bishop",
    "father", "brother", "sister", "uncle", "aunt", "dame", "officer", "detective", "sheriff",
    "chairman", "director", "spokesman", "spokeswoman", "commissioner", "premier", "deputy",
    "rev", "reverend", "cardinal", "emperor", "empress", "duke", "duchess", "count", "baron",
    "jr", "sr", "mrs.", "mr.",
}
#: words that make a capitalised run an organisation, event or facility name
ORG_HEADS = {
    "mission", "university", "bank", "council", "ministry", "department", "commission", "office",
    "agency", "institute", "college", "school", "association", "federation", "church", "party",
    "committee", "court", "police", "army", "force", "forces", "initiative", "times", "post",
    "news", "airlines", "airways", "airport", "group", "company", "corporation", "corp", "inc",
    "ltd", "fc", "club", "league", "union", "foundation", "hospital", "museum", "journal",
    "herald", "tribune", "gazette", "press", "review", "magazine", "telegraph", "guardian",
    "chronicle", "observer", "examiner", "globe", "daily", "radio", "tv", "television",
    "network", "stadium", "center", "centre", "hall", "theatre", "theater", "library", "zoo",
    "board", "authority", "service", "services", "prison", "jail", "academy", "society",
    "festival", "games", "cup", "open", "marathon", "summit", "conference", "accord", "accords",
    "agreement", "treaty", "declaration", "convention", "protocol", "process", "format",
    "hotel", "restaurant", "street", "avenue", "road", "square", "bridge", "park", "station",
    "railway", "route", "highway", "lines", "energy", "oil", "gas", "petroleum", "motors",
    "capital", "partners", "holdings", "media", "studios", "records", "pictures", "express",
    "store", "stores", "mall", "market", "exchange", "fund", "trust", "state", "senate",
    "assembly", "parliament", "congress", "government", "administration", "cabinet",
    "embassy", "consulate", "coalition", "alliance", "front", "movement", "brigade", "brigades",
    "battalion", "regiment", "guard", "command", "corps", "fleet", "navy", "patrol",
    "republic", "kingdom", "empire", "dynasty", "charter", "act", "bill", "law",
    "wildlife", "cathedral", "mosque", "temple", "synagogue", "university's",
}
#: local institutions: the place in their name is a real, if small, place ("Slidell Police")
CIVIC_HEADS = {"police", "council", "county", "city", "fire", "sheriff", "school", "schools", "court",
               "hospital", "library", "airport", "district", "department", "pd", "township", "borough",
               "municipality", "municipal", "regional", "town", "village", "parish"}
LOWER_ORG_HEADS = {"group", "company", "firm", "militia", "newspaper", "agency", "brand", "band",
                   "team", "club", "channel", "airline", "label", "franchise", "faction"}
LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "outside", "inside", "throughout",
            "around", "towards", "toward", "via", "between", "within", "through", "of", "on",
            "north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "visit", "visited", "visiting", "flew", "travelled", "traveled", "entered",
            "left", "leave", "reached", "outskirts", "capital", "city", "town", "village",
            "province", "region", "state", "county", "district", "neighborhood", "neighbourhood"}
VERBISH = {
    "said", "says", "say", "announced", "announces", "has", "had", "have", "is", "was", "will",
    "would", "could", "can", "may", "might", "should", "must", "accused", "accuses", "denied",
    "denies", "wants", "wanted", "plans", "planned", "refused", "refuses", "agreed", "agrees",
    "rejected", "rejects", "claimed", "claims", "warned", "warns", "threatened", "threatens",
    "urged", "urges", "called", "calls", "sent", "sends", "signed", "signs", "imposed",
    "imposes", "pledged", "pledges", "decided", "decides", "insisted", "insists", "dispatched",
    "deployed", "withdrew", "won", "lost", "beat", "beats", "did", "does", "declined", "voted",
    "votes", "launched", "launches", "condemned", "condemns", "welcomed", "welcomes", "are",
    "were", "needs", "needed", "continues", "continued", "remains", "remained",
}
MODIFIER_HEADS_PLURAL_NOUNS = {
    "forces", "troops", "officials", "authorities", "leaders", "citizens", "nationals", "soldiers",
    "diplomats", "companies", "firms", "people", "residents", "lawmakers", "voters", "fans",
    "students", "workers", "farmers", "police", "media", "markets", "stocks", "banks", "courts",
    "players", "teams", "states", "cities", "counties", "regions", "interests", "relations",
    "elections", "sanctions", "exports", "imports", "operations", "affairs",
}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


@dataclass(frozen=True, slots=True)
class RawMention:
    """A recognised span before resolution: its candidates and cues for the resolver."""

    start: int
    end: int
    text: str
    type: MentionType
    sentence: int
    candidates: tuple[Place, ...]
    adjectival: bool = False
    container: str | None = None  # the "Y" of an "X, Y" pair, as a name key


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


class Recognizer:
    """Find toponym spans in text with the gazetteer's names and demonyms."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, text: str, sentences: tuple[Sentence, ...]) -> list[RawMention]:
        tokens = tokenize(text)
        sentence_starts = [s.start for s in sentences]
        shouting = self._shouting_sentences(tokens, sentences)
        surnames = self.surnames(tokens)
        self._last_end = -10
        mentions: list[RawMention] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if not (tok.is_cap and tok.is_word):
                i += 1
                continue
            sent = max(0, bisect_right(sentence_starts, tok.start) - 1)
            match = self._longest_match(text, tokens, i, sent in shouting)
            if match is None:
                i += 1  # no place name starts here; the next token may start one
                continue
            j, key, places, adjectival = match
            mention = self._judge(text, tokens, sentences, i, j, key, places, adjectival, sent,
                                  sent in shouting, surnames)
            if mention is not None:
                mentions.append(mention)
                while j + 1 < len(tokens) and tokens[j + 1].start < mention.end:
                    j += 1  # the mention may have grown past the match ("Washington, D.C.")
                self._last_end = j
                i = j + 1
            else:
                i += 1
        return mentions

    # -- matching ---------------------------------------------------------------------

    def _shouting_sentences(self, tokens: list[Token], sentences: tuple[Sentence, ...]) -> set[int]:
        """Sentences in capitals or title case (headlines), where case says little."""
        starts = [s.start for s in sentences]
        words_of: dict[int, list[str]] = {}
        for t in tokens:  # the text's own tokens, grouped by sentence: no second tokenisation
            if t.is_word:
                words_of.setdefault(bisect_right(starts, t.start) - 1, []).append(t.text)
        out = set()
        for n, words in words_of.items():
            if len(words) < 3 or n < 0:
                continue
            upper = sum(w.isupper() and len(w) > 1 for w in words)
            title = sum(w[:1].isupper() for w in words if w.lower() not in CONNECTORS)
            content = sum(1 for w in words if w.lower() not in CONNECTORS)
            if upper >= 0.6 * len(words) or (content >= 3 and title == content
                                             and not sentences[n].text.endswith((".", '"', "”"))):
                out.add(n)
        return out

    def _longest_match(self, text: str, tokens: list[Token], i: int, shouting: bool):
        gaz = self.gazetteer
        best = None
        limit = min(len(tokens), i + MAX_NAME_TOKENS)
        # grow the run first: capitalised words joined by connectors
        end = i
        for j in range(i + 1, limit):
            t = tokens[j]
            possessive = (t.text == "s" and tokens[j - 1].text in ("'", "’") and t.start == tokens[j - 1].end
                          and j + 1 < limit and tokens[j + 1].is_cap)  # "Cox's Bazar"
            if t.is_cap and t.is_word or (t.lower in CONNECTORS and j + 1 < limit) or possessive:
                if tokens[j].start - tokens[j - 1].end > 1:
                    break
                if t.lower in ("-", "'", "’") and tokens[j].start != tokens[j - 1].end:
                    break
                end = j
            else:
                break
        for j in range(end, i - 1, -1):
            last = tokens[j]
            if not (last.is_cap and last.is_word):
                continue
            if j > i and last.lower in ("state", "region", "province", "county") and j + 1 < len(tokens) \
                    and tokens[j + 1].is_cap and tokens[j + 1].start - last.end <= 1:
                continue  # "Arizona State University", "Maryland State Police": the place is "Arizona"
            surface = text[tokens[i].start:last.end]
            key = name_key(surface)
            dateline = i + 1 < len(tokens) and tokens[i + 1].text == ","  # "KYIV, Ukraine (AP)"
            if tokens[i].text.isupper() and len(tokens[i].text) <= 4 and i == j and not shouting \
                    and not dateline:
                # acronyms: only country abbreviations ("US", "UK", "UAE"), never "IT" or "UN"
                places = gaz.candidates_by_key(key)
                after_number = key == "bc" and i > 0 and tokens[i - 1].text[:1].isdigit()  # "500 BC"
                if (places and places[0].kind == "country" and key != name_key(places[0].name)
                        or key in ACRONYMS) and not after_number:
                    return j, key, places[:1], False
                continue
            demonym = gaz.demonym(surface) if j - i < 3 else None
            if demonym is not None:
                return j, key, (demonym,), True
            if gaz.has_key(key):
                best = (j, key, gaz.candidates_by_key(key), False)
                break
        return best

    # -- filtering and typing ----------------------------------------------------------

    def _judge(self, text, tokens, sentences, i, j, key, places, adjectival, sent, shouting, surnames):
        gaz = self.gazetteer
        first, last = tokens[i], tokens[j]
        surface = text[first.start:last.end]
        if not places:
            return None
        top = places[0]
        single = i == j
        prev = tokens[i - 1] if i > 0 else None
        prev2 = tokens[i - 2] if i > 1 else None
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        nxt2 = tokens[j + 2] if j + 2 < len(tokens) else None
        sentence = sentences[sent] if sentences else None
        at_sentence_start = sentence is not None and first.start <= sentence.start + 1 or (
            prev is not None and prev.text in "\"“‘'(" and (prev2 is None or prev2.text in ".!?:;\"”"))
        # countries, continents and named regions are never just a word or a person
        big_area = top.kind in ("country", "continent", "region")
        # the biggest place the name may be: a division counts as a big city
        population = 10**9 if big_area else max(
            p.population if p.kind == "city" else 1_000_000 for p in places)
        major_city = any(p.kind == "city" and p.population >= 500_000 for p in places)
        # "HELENA, Mont. (AP) -": a dateline names a place whatever its case
        dateline = (first.text.isupper() and len(first.text) > 2 and nxt is not None
                    and nxt.text in (",", "—", "–", "-", "(") and (at_sentence_start or prev is None))

        if (single and prev is not None and prev.text == "," and prev2 is not None and prev2.is_cap
                and nxt is not None and nxt.text == "." and nxt.start == last.end
                and any(p.kind == "admin1" and p.country_code in ("US", "CA", "AU") for p in places)
                and len(first.text) <= 5):
            # "Springfield, Ill.", "SEVERN, Md. (AP)": a state abbreviation after a town
            states = tuple(p for p in places if p.kind == "admin1" and p.country_code in ("US", "CA", "AU"))
            return self._mention(text[first.start:nxt.end], first, nxt, "literal", sent, states, False, None)
        if key in MONTHS_DAYS or (single and key in stop_words() and top.kind != "country"):
            return None
        if single and not adjectival:
            word = first.text
            if len(word) <= 2 and not word.isupper():
                return None  # "La", "Wu": too short to be a name on their own
            if any(c.isupper() for c in word[1:]) and not word.isupper():
                return None  # "MoD", "iPhone"
        zipf = gaz.word_zipf(key) if single else 0.0
        dictionary = single and gaz.is_dictionary_word(key)
        if single and first.text in surnames and not (big_area and self._locative(prev, prev2)):
            return None  # "Heappey said", "Washington" after "George Washington"
        # person: a title or a given name right before ("President Washington", "James Heappey")
        if prev is not None and prev.is_cap and prev.is_word and not adjectival:
            if prev.lower.rstrip(".") in TITLES:
                return None
            if gaz.is_given_name(prev.text) and not big_area and not self._is_place_word(prev):
                return None
        if prev is not None and prev.text == "." and prev2 is not None and len(prev2.text) == 1 and prev2.is_cap:
            return None  # "J. Washington"
        if prev is not None and prev2 is not None and not big_area and (
                prev.text in ("'", "’", "-") and prev2.is_cap and prev.start == prev2.end
                or prev.lower in ("de", "van", "von", "der", "den", "da", "di", "le", "du", "bin", "ibn")
                and prev2.is_cap and prev2.is_word):
            return None  # "O'Toole", "Diaz-Balart", "Jan de Kock": part of a person's name
        if nxt is not None and nxt.text == "-" and nxt2 is not None and nxt2.lower in ("in", "un", "ho", "jin") \
                and not big_area:
            return None  # "Moon Jae-in"
        if key in TITLES:
            return None  # "Gov.", "Sen."
        nxt3 = tokens[j + 3] if j + 3 < len(tokens) else None
        if nxt is not None and nxt.text in ("'", "’") and nxt2 is not None and nxt2.text == "s" \
                and nxt3 is not None and nxt3.is_cap and nxt3.is_word and not big_area and population < 100_000:
            return None  # "Martha's Vineyard": the first part of a longer name
        if prev is not None and prev2 is not None and prev.text == "s" and prev2.text in ("'", "’") \
                and not big_area:
            return None  # "Martha's Vineyard" unknown as a whole: "Vineyard" is no place of its own
        if single and (at_sentence_start or shouting) and not big_area and not adjectival and not dateline:
            # a capital that only says "start of sentence" or "headline"
            if dictionary and not major_city or zipf >= 4.0 and population < 1_000_000 \
                    or zipf >= 3.0 and population < 100_000:
                return None
            if first.lower.endswith(("ing", "ly", "ed")) and zipf >= 3.0:
                return None

        # followed by a capitalised word that is not part of the name: a person or an organisation
        follows_cap = (nxt is not None and nxt.is_cap and nxt.is_word and nxt.start - last.end <= 1
                       and not shouting and not (sentence is not None and nxt.start >= sentence.end))
        embedded = False
        if follows_cap:
            if nxt.lower in ORG_HEADS or self._org_run_follows(tokens, j):
                embedded = True
            elif adjectival:
                pass  # "Russian President", "French Foreign Ministry"
            elif nxt.lower.rstrip(".") in TITLES:
                pass  # "Virginia Governor Glenn Youngkin": the place qualifies the office
            elif single and gaz.is_given_name(first.text):
                return None  # "Paul Ryan", "Jordan Peterson"
            elif big_area:
                pass  # "U.S. President", "Mali Defence Ministry": typed below
            elif dictionary and not major_city or population < 100_000:
                return None  # part of a longer name we do not know ("Orange County")
            else:
                embedded = True  # "Toronto Blue Jays"
        if self._inside_org(tokens, i):
            # "Mission in Mali" names an organisation; "St Patrick's Church in Dunshaughlin"
            # a building in a town, which places the town literally
            small = not big_area and population < 100_000
            if small and prev is not None and prev.lower in ("in", "at"):
                return self._mention(surface, first, last, "literal", sent, places, False, None)
            embedded = True
        if nxt is not None and nxt.lower in LOWER_ORG_HEADS and not adjectival and not big_area:
            embedded = True
        if prev is not None and prev.lower in LOWER_ORG_HEADS and not big_area:
            return None  # "the mercenary group Wagner"
        if nxt is not None and nxt.lower in NAMESAKE_HEADS:
            return None  # "Marburg virus", "Lassa fever"

        locative = self._locative(prev, prev2) or dateline or (
            # "in Washington, New York and Boston": a list goes on where it started
            prev is not None and prev.lower in (",", "and", "or", "&") and i - 2 == self._last_end)
        container = None
        if nxt is not None and nxt.text == "," and nxt2 is not None and nxt2.is_cap:
            container = self._container_key(text, tokens, j + 2)
            if container is not None:
                locative = True

        if adjectival:
            if embedded and nxt is not None and (nxt.lower in ORG_HEADS or self._org_run_follows(tokens, j)):
                return self._mention(surface, first, last, "embedded", sent, places, True, None)
            # "Korean and US flags", "German, Irish and other immigrants"
            coordinated = (nxt is not None and nxt.lower in ("and", "or", "&", ",") and nxt2 is not None
                           and (nxt2.is_cap and nxt2.is_word or nxt2.lower == "other"))
            kind: MentionType = "demonym" if self._standalone(nxt, surface, coordinated) else "modifier"
            return self._mention(surface, first, last, kind, sent, places, True, None)

        if embedded:
            civic = nxt is not None and nxt.lower in CIVIC_HEADS and population >= 1_000 and not dictionary
            if not big_area and not civic and (population < 100_000 or dictionary and not major_city):
                return None
            return self._mention(surface, first, last, "embedded", sent, places, False, container)
        if dictionary and not big_area:
            # "State", "Centre", "Orange": a place only when big and where a place is expected
            if not major_city and (all(p.kind in ("admin1", "admin2") for p in places) or population < 100_000
                                   or not locative and zipf >= 4.5):
                return None
        if single and not big_area and not locative and population < 100_000 and gaz.is_given_name(first.text):
            return None  # "Levi", "Julia": a person, more likely than a village
        if not single and not big_area and population < 100_000 and gaz.is_given_name(first.text) \
                and not (prev is not None and prev.lower in LOCATIVE):
            return None  # "Pedro Sanchez" the prime minister, not Pedro Sánchez the village
        if not big_area and not locative:
            need = 0
            if zipf >= 4.5:
                need = 1_000_000
            elif zipf >= 3.5:
                need = 100_000
            elif zipf >= 2.5:
                need = 15_000
            elif single:
                need = 1_000
            if population < need:
                return None
        elif not big_area and locative:
            if zipf >= 4.5 and population < 50_000:
                return None
        kind = "modifier" if follows_cap else self._type(tokens, i, j, top, prev, nxt)
        capital = [p for p in places if p.feature_code == "PPLC" and p.country_code == "US"]
        if nxt is not None and nxt.text == "," and nxt2 is not None and nxt2.text in ("D.C.", "DC") and capital:
            last, places = nxt2, capital  # "Washington, D.C." is one name
            surface = text[first.start:last.end]
        if nxt is not None and nxt.text == "." and nxt.start == last.end and len(last.text) <= 5 \
                and key != name_key(top.name) and not (sentence is not None and nxt.end >= sentence.end):
            last = nxt  # "Calif.", "Ga.": the abbreviation's dot belongs to the name
            surface = text[first.start:last.end]
        return self._mention(surface, first, last, kind, sent, places, False, container)

    @staticmethod
    def _locative(prev: Token | None, prev2: Token | None) -> bool:
        return prev is not None and prev.lower in LOCATIVE or (
            prev is not None and prev.text == "," and prev2 is not None and prev2.is_cap)

    def _is_place_word(self, token: Token) -> bool:
        places = self.gazetteer.candidates_by_key(token.lower)
        return bool(places) and places[0].kind in ("country", "admin1", "continent", "region")

    def surnames(self, tokens: list[Token]) -> set[str]:
        """Surnames of the people the text names ("James Heappey" -> "Heappey")."""
        gaz = self.gazetteer
        out = set()
        for k in range(len(tokens) - 1):
            a, b = tokens[k], tokens[k + 1]
            if not (a.is_cap and a.is_word and b.is_cap and b.is_word) or b.start - a.end != 1:
                continue
            if a.lower.rstrip(".") in TITLES or (gaz.is_given_name(a.text) and not self._is_place_word(a)):
                # the surname is the last capitalised word of the run ("John F. Kennedy")
                m = k + 1
                while m + 1 < len(tokens) and tokens[m + 1].is_cap and tokens[m + 1].is_word \
                        and tokens[m + 1].start - tokens[m].end == 1 and m - k < 3:
                    m += 1
                if not self._is_place_word(tokens[m]) and len(tokens[m].text) > 2:
                    out.add(tokens[m].text)
        return out

    def _mention(self, surface, first, last, kind, sent, places, adjectival, container) -> RawMention:
        return RawMention(first.start, last.end, surface, kind, sent, tuple(places), adjectival, container)

    def _container_key(self, text: str, tokens: list[Token], k: int) -> str | None:
        """The name after the comma of "Gao, Mali", if it is a place name."""
        run_end = k
        while run_end + 1 < len(tokens) and run_end - k < 4 and (
                tokens[run_end + 1].is_cap or tokens[run_end + 1].lower in CONNECTORS):
            run_end += 1
        for e in range(run_end, k - 1, -1):
            key = name_key(text[tokens[k].start:tokens[e].end])
            places = self.gazetteer.candidates_by_key(key)
            if places and places[0].kind in ("country", "admin1"):
                return key
        return None

    @staticmethod
    def _standalone(nxt: Token | None, surface: str, coordinated: bool = False) -> bool:
        """"the French", "Malians": a people-form not modifying a noun."""
        if nxt is not None and nxt.text in ("-", "‐"):
            return False  # "Russian-backed", "West African-led"
        if coordinated:
            return False  # "Korean and US flags", "her American and Mexican counterparts"
        if surface.endswith("s") and not surface.endswith(("ss", "ese")):
            return True
        return nxt is None or not nxt.is_word or nxt.lower in VERBISH or nxt.lower in (
            "and", "or", "who", "which", "that", "in", "of", "to", "for", "with")

    @staticmethod
    def _org_run_follows(tokens: list[Token], j: int) -> bool:
        """Whether the capitalised words after ``j`` end in an organisation word
        ("Asian Development Bank", "Indian Meteorological Department")."""
        k = j + 1
        while k < len(tokens) and k - j <= 4 and tokens[k].is_cap and tokens[k].is_word \
                and tokens[k].start - tokens[k - 1].end <= 1:
            if tokens[k].lower in ORG_HEADS:
                return True
            k += 1
        return False

    @staticmethod
    def _inside_org(tokens: list[Token], i: int) -> bool:
        """Whether tokens before ``i`` read "<Org head> in|of|for" in capitals ("Mission in Mali")."""
        k = i - 1
        if k < 1 or tokens[k].lower not in ("of", "in", "for", "at"):
            return False
        k -= 1
        seen = 0
        while k >= 0 and seen < 6 and tokens[k].is_cap and tokens[k].is_word:
            if tokens[k].lower in ORG_HEADS:
                return True
            k -= 1
            seen += 1
        return False

    @staticmethod
    def _type(tokens: list[Token], i: int, j: int, top: Place, prev: Token | None,
              nxt: Token | None) -> MentionType:
        """literal, metonymic or modifier, from the words around a name."""
        after = nxt
        if prev is not None and prev.lower == "the" and i > 1:
            prev = tokens[i - 2]  # "in the Mopti Region": the preposition is what counts
        if after is not None and after.text in ("'", "’") and j + 2 < len(tokens) and tokens[j + 2].lower == "s":
            return "modifier"  # "Mali's government": the place qualifies a noun
        if after is not None and after.text == "-" and j + 2 < len(tokens) and tokens[j + 2].is_word \
                and not tokens[j + 2].is_cap:
            return "modifier"  # "French-led", "UK-based"
        if top.kind in ("country", "city", "admin1", "admin2", "region"):
            if prev is not None and prev.lower in LOCATIVE:
                return "literal"
            if after is not None and after.lower in VERBISH:
                return "metonymic" if top.kind != "city" or top.population > 500_000 else "literal"
            if after is not None and after.is_word and not after.is_cap and after.lower not in VERBISH \
                    and after.lower not in CONNECTORS and after.lower not in (
                        "also", "still", "already", "now", "then", "too", "however", "again", "never",
                        "and", "or", "but", "as", "for", "with", "by", "to", "in", "on", "at", "after",
                        "before", "since", "last", "this", "next", "over", "where", "when", "which",
                        "who", "that", "than", "because", "while", "until", "from"):
                if after.lower.endswith("ed") and after.lower not in MODIFIER_HEADS_PLURAL_NOUNS:
                    return "metonymic" if top.kind == "country" else "literal"
                return "modifier"
            if prev is not None and prev.lower.endswith("ed") and top.kind == "country" and prev.lower not in (
                    "based", "located", "stationed", "deployed", "born", "arrived", "landed", "returned"):
                return "metonymic"  # "accused Mali of ..."
        return "literal"
