"""Recognition as named rules: each reads a :class:`Context` and keeps, drops or types a span.

The rules run in the order of :data:`RULES`; the first that has an opinion
decides. A rule returns ``None`` (no opinion), a :class:`Drop` (with the
reading that beat the place: a person, an organisation, a word) or a
:class:`Keep` (with the mention type). A span no rule decides is kept and
typed by :func:`geo.recognize.types.name_type`. Every rule has a one-line
provenance: general knowledge of English, an annotation convention of the
corpora, or a class of errors seen many times. ``python -m geo rules`` lists
them; ``Geoparser(disable=[name])`` switches one off.
"""

from __future__ import annotations

from geo.lexicon import stop_words
from geo.recognize.code_rules import currency, currency_sign_before, road_number, strain_name
from geo.recognize.context import Context
from geo.recognize.evidence import is_place_word
from geo.recognize.facility_rules import (
    article_before_town,
    building_modifier,
    city_name,
    facility_name,
    feature_of_name,
    river_word_after,
    saint_possessive_building,
    street_name,
)
from geo.recognize.given_name_rules import (
    given_name_alone,
    given_name_opens_match,
    given_name_particle,
    given_name_then_capital,
)
from geo.recognize.kind_rules import (
    compass_adjective_before,
    defining_sentence,
    demonym_town,
    division_noun_before,
    locating_verb_after,
    state_after_town,
    state_code_after_town,
    town_body_after,
    township_name,
    upstate_before,
)
from geo.recognize.lexicon import (
    BUILDING_HEADS,
    CALENDAR,
    CIVIC_HEADS,
    CIVIC_TOWN_POPULATION,
    COMMON_WORD_NEEDS,
    COMPANY_SUFFIXES,
    FACILITY_HEADS,
    FEATURE_HEADS,
    INNER_CAPITAL_PREFIXES,
    LOCATIVE,
    LOCATIVE_COMMON_POPULATION,
    LOCATIVE_COMMON_ZIPF,
    LOCATIVE_TOWN_POPULATION,
    LOCATIVE_UNCOMMON_ZIPF,
    LOWER_ORG_HEADS,
    NAME_PARTICLES,
    NAMESAKE_HEADS,
    PARTY_LETTERS,
    PERSON_NOUNS,
    PERSON_VERBS,
    POSTNOMINALS,
    RARE_WORD_ZIPF,
    SENTENCE_START_AFFIX_ZIPF,
    SENTENCE_START_NEEDS,
    SINGLE_WORD_POPULATION,
    SMALL_PLACE_POPULATION,
    STREET_HEADS,
    TITLES,
)
from geo.recognize.name_rules import (
    acronym_alternate,
    alternate_name_only,
    code_only,
    full_name_elsewhere,
    inside_capitalised_name,
    inside_longer_place_name,
    listed_with_people,
    named_major_city,
    named_population,
    resident_noun_after,
    state_university,
    title_word,
    town_comma_division,
    wordlike_alternate,
)
from geo.recognize.types import demonym_type
from geo.recognize.verdicts import (
    BUILDING,
    NAME,
    ORGANISATION,
    PERSON,
    PRODUCT,
    WORD,
    Drop,
    FilterRule,
    Keep,
    Reading,
    Verdict,
)

__all__ = ("RULES", "Drop", "FilterRule", "Keep", "Reading", "Verdict")

# -- words, not names ---------------------------------------------------------------------------

def calendar_word(c: Context) -> Verdict:
    return WORD if c.key in CALENDAR else None


def company_suffix(c: Context) -> Verdict:
    return WORD if c.key in COMPANY_SUFFIXES else None


def stop_word(c: Context) -> Verdict:
    return WORD if c.single and c.key in stop_words() and c.top.kind != "country" else None


def too_short(c: Context) -> Verdict:
    word = c.first.text
    return WORD if c.single and not c.adjectival and len(word) <= 2 and not word.isupper() else None


def inner_capital(c: Context) -> Verdict:
    word = c.first.text
    # a lower-case rest (most words) has no capital: the character loop only runs on the others
    if c.single and not c.adjectival and not word[1:].islower() and any(ch.isupper() for ch in word[1:]) \
            and not word.isupper() \
            and not _prefixed_name(word):
        return NAME  # "MoD", "iPhone"; but "McLean", "DeKalb" are names
    return None


def _prefixed_name(word: str) -> bool:
    """"McLean", "DeKalb", "LaFayette": a name prefix, then a capitalised name."""
    for prefix in INNER_CAPITAL_PREFIXES:
        rest = word[len(prefix):]
        if word.startswith(prefix) and len(rest) >= 3 and rest[0].isupper() and rest[1:].islower():
            return True
    return False


def postnominal(c: Context) -> Verdict:
    """"Jane Roe, M.D.": degree letters after a name, not a state abbreviation."""
    text, end = c.doc.text, c.last.end
    if text[end - 1] != "." and text[end:end + 1] != ".":
        return None  # every postnominal ends in a full stop
    return WORD if c.surface in POSTNOMINALS or text[c.first.start:end + 1] in POSTNOMINALS else None


def hyphen_name(c: Context) -> Verdict:
    """"Navarro-Valls", "Agence France-Presse", "Ann-Christin": a name joined by a hyphen to a
    capitalised word that names no place is a person's or an organisation's name."""
    nxt, other = c.nxt, c.nxt2
    if c.adjectival or nxt is None or other is None or nxt.text != "-" or nxt.start != c.last.end \
            or other.start != nxt.end or not (other.is_cap and other.is_word):
        return None
    if c.gazetteer.has_key(other.lower) or c.gazetteer.demonym(other.text) is not None:
        return None  # "Austria-Hungary", "Nebraska-Lincoln", "Franco-German"
    return NAME


def sentence_start_word(c: Context) -> Verdict:
    """A capital that only says "start of sentence" or "headline": a dictionary word, or a given
    name as common as SENTENCE_START_NEEDS says, that names no big enough place. The frequency of a
    word that is neither is its proper noun's own ("Newcastle"), so it says nothing against it."""
    if not (c.single and (c.at_sentence_start or c.shouting) and not c.big_area and not c.adjectival
            and not c.dateline):
        return None
    population = named_population(c)
    if c.dictionary and not named_major_city(c) and not c.state_name:
        return WORD
    if (c.dictionary or c.is_given_name(c.first)) and not named_major_city(c) \
            and any(c.zipf >= zipf and population < need for zipf, need in SENTENCE_START_NEEDS):
        return WORD
    if c.first.lower.endswith(("ing", "ly", "ed")) and c.zipf >= SENTENCE_START_AFFIX_ZIPF \
            and population < SMALL_PLACE_POPULATION:
        return WORD  # "Speaking", "Recently": not a city of 100,000 whose name ends so ("Beijing")
    return None


# -- people ------------------------------------------------------------------------------------

def known_surname(c: Context) -> Verdict:
    """"Heappey said", "Washington" after "George Washington" in the same article."""
    if c.single and c.first.text in c.evidence.surnames and not (c.big_area and c.locative_before):
        return PERSON
    return None


def title_before(c: Context) -> Verdict:
    prev, prev2 = c.prev, c.prev2
    if c.adjectival or prev is None:
        return None
    if prev.is_cap and prev.is_word and prev.lower in TITLES:
        return PERSON  # "President Lincoln", "Mrs Lincoln"
    if prev.text == "." and prev2 is not None and prev2.is_cap and prev2.end == prev.start \
            and prev2.lower in TITLES:
        return PERSON  # "Mrs. Lincoln", "Gov. Brown"
    return None


def known_speaker(c: Context) -> Verdict:
    """"Henderson said": a single name the article has before a verb of speech is a person
    there, unless a place reading is cued or the place is big enough to speak for (a country, a
    state, a city of 100,000: "Moscow said", "Texas says"); a division of that name does not count.
    A cue before the list the name ends counts as its own ("residents of Clinton and Marion said")."""
    if c.single and c.first.text in c.evidence.speakers and not (c.big_area or c.state_name) \
            and not c.locative_before and not c.locative_before_list and c.city_population < SMALL_PLACE_POPULATION:
        return PERSON
    return None


def person_act_after(c: Context) -> Verdict:
    """"Sydney laughed", "Asked why, Chelsea smiled": a name before a verb only people do is a
    person's, whatever the size of the place ("Moscow said he was a spy" is a government's voice:
    a pronoun after the verb of speech says nothing of who speaks)."""
    nxt = c.nxt
    if not c.single or c.adjectival or nxt is None or nxt.start - c.last.end > 1:
        return None
    return PERSON if nxt.lower in PERSON_VERBS else None


def known_organisation(c: Context) -> Verdict:
    """"Wagner" after "Wagner Group" in the same article: the organisation, not a town."""
    if c.single and c.first.text in c.evidence.organisations and not c.big_area and not c.locative_before \
            and c.population < SMALL_PLACE_POPULATION and not c.follows_cap:
        return ORGANISATION
    return None


def credit_line(c: Context) -> Verdict:
    """"BEIJING (Xinhua) —": the name in parentheses after a dateline is a news agency."""
    prev, nxt = c.prev, c.nxt
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and not c.big_area \
            and c.previous_end == c.i - 2:
        return ORGANISATION
    return None


def model_year(c: Context) -> Verdict:
    """"a 1992 Toyota Corolla": a year, a maker, a model: a product."""
    prev = c.prev
    if prev is not None and len(prev.text) == 4 and prev.text.isdigit() and prev.text[:2] in ("19", "20") \
            and c.follows_cap and not c.big_area:
        return PRODUCT
    return None


def party_state_label(c: Context) -> Verdict:
    """"Rep. Jane Roe, D-Springfield": the lawmaker's home after the party letter."""
    prev, prev2, prev3 = c.prev, c.prev2, c.token(-3)
    if prev is not None and prev.text == "-" and prev2 is not None and prev2.text in PARTY_LETTERS \
            and prev2.end == prev.start == c.first.start - 1 and prev3 is not None and prev3.text in ",(":
        return Keep("literal")
    return None


def given_name_before(c: Context) -> Verdict:
    prev = c.prev
    if prev is not None and prev.is_cap and prev.is_word and not c.adjectival and not c.big_area \
            and c.is_given_name(prev) and not is_place_word(c.gazetteer, prev) and "airport" not in c.kinds:
        return PERSON  # "James Heappey"; but "London Heathrow" is a city and its airport
    return None


def person_noun_before(c: Context) -> Verdict:
    """"his brother Tyler", "his wife, Julia,": a noun for a person in apposition."""
    prev, prev2 = c.prev, c.prev2
    if c.big_area or c.adjectival or prev is None:
        return None
    if prev.lower in PERSON_NOUNS and not prev.is_cap:
        return PERSON
    if prev.text == "," and prev2 is not None and prev2.lower in PERSON_NOUNS and not prev2.is_cap:
        return PERSON
    return None


def initial_before(c: Context) -> Verdict:
    prev, prev2 = c.prev, c.prev2
    if prev is not None and prev.text == "." and prev2 is not None and len(prev2.text) == 1 and prev2.is_cap:
        return PERSON  # "J. Washington"
    return None


def name_particle_before(c: Context) -> Verdict:
    """"O'Toole", "Diaz-Balart", "Jan de Kock": part of a person's name."""
    prev, prev2 = c.prev, c.prev2
    if prev is None or prev2 is None or c.big_area:
        return None
    if prev.text in ("'", "’", "-") and prev2.is_cap and prev.start == prev2.end:
        # but "Nebraska-Lincoln": a place, a hyphen, a place
        compound = prev.text == "-" and c.previous_end == c.i - 2 and prev.end == c.first.start
        return None if compound else PERSON
    if prev.lower in NAME_PARTICLES and prev2.is_cap and prev2.is_word:
        return PERSON
    return None


# -- longer names --------------------------------------------------------------------------------

def possessive_name_start(c: Context) -> Verdict:
    """"Martha's Vineyard": a small place's name opening a longer possessive name."""
    nxt, nxt2, nxt3 = c.nxt, c.nxt2, c.token(3)
    if nxt is not None and nxt.text in ("'", "’") and nxt2 is not None and nxt2.text == "s" \
            and nxt3 is not None and nxt3.is_cap and nxt3.is_word and not c.big_area \
            and c.population < SMALL_PLACE_POPULATION:
        return NAME
    return None


def the_building(c: Context) -> Verdict:
    """"the White House said": "the" and a building noun name a building, not a town
    (after "in the" or "at the" the building places something, and is kept)."""
    prev, prev2 = c.prev, c.prev2
    if not c.single and c.last.lower in BUILDING_HEADS and prev is not None and prev.lower == "the" \
            and not c.big_area and not (prev2 is not None and prev2.lower in LOCATIVE):
        return BUILDING
    return None


def feature_name(c: Context) -> Verdict:
    """"Mississippi River", "Windsor Castle": a place name and a feature head make one name,
    placed at the place it was named after (its own entry is the gazetteer's to add)."""
    nxt, after = c.nxt, c.nxt2
    if c.adjectival or not c.follows_cap or nxt.lower not in FEATURE_HEADS:
        return None
    if after is not None and after.is_cap and after.is_word and after.start - nxt.end <= 1:
        return None  # "Colchester Hospital Trust": the name goes on
    if not c.big_area and c.population < SMALL_PLACE_POPULATION and c.dictionary:
        return None
    return Keep("embedded", last=c.j + 1)


def unknown_longer_name(c: Context) -> Verdict:
    """"Orange County" unknown as a whole: a small or word-like place before a capital."""
    if c.follows_cap and not (c.org_follows or c.adjectival or c.next_is_title or c.big_area) \
            and (c.dictionary and not c.major_city or c.population < SMALL_PLACE_POPULATION):
        return NAME
    return None


def building_in_town(c: Context) -> Verdict:
    """"St Patrick's Church in Dunshaughlin", "Atlantic Avenue in Garden City": a building or a street
    in a place places it; a body "in" a place ("Mission in Mali") only when the place is small."""
    prev = c.prev
    if not (c.inside_org and prev is not None and prev.lower in ("in", "at")):
        return None
    head = c.org_head_before
    if head in FACILITY_HEADS or head in STREET_HEADS or not c.big_area and c.population < SMALL_PLACE_POPULATION:
        return Keep("literal", container=False)
    return None


def org_noun_before(c: Context) -> Verdict:
    prev = c.prev
    if prev is not None and prev.lower in LOWER_ORG_HEADS and not c.big_area:
        return ORGANISATION  # "the mercenary group Wagner"
    return None


def namesake(c: Context) -> Verdict:
    return NAME if c.nxt is not None and c.nxt.lower in NAMESAKE_HEADS else None  # "Lassa fever"


# -- adjectival forms and embedded places --------------------------------------------------------

def adjectival_form(c: Context) -> Verdict:
    """Demonyms and adjectives: embedded in an organisation name, standing alone, or modifying."""
    if not c.adjectival:
        return None
    if c.embedded and c.org_follows:
        return Keep("embedded", adjectival=True)  # "Asian Development Bank"
    return Keep(demonym_type(c), adjectival=True)


def embedded_place(c: Context) -> Verdict:
    """A place inside an organisation's name: kept when big, or when it heads a civic body."""
    if not c.embedded:
        return None
    civic = c.nxt is not None and c.nxt.lower in CIVIC_HEADS and c.population >= CIVIC_TOWN_POPULATION \
        and not c.dictionary
    # the size of the places the name is the own name of ("Mad Cow": Mád, not Madrid's code)
    if not c.big_area and not civic and (named_population(c) < SMALL_PLACE_POPULATION
                                         or c.dictionary and not named_major_city(c)):
        return ORGANISATION
    return Keep("embedded")


# -- common words that are also small places -----------------------------------------------------

def dictionary_word(c: Context) -> Verdict:
    """"State", "Centre", "Orange": a place only when big and where a place is expected."""
    if not c.dictionary or c.big_area or named_major_city(c) or c.state_name or c.division_after:
        return None  # "Nyanza province": the division noun says it is a place
    population = named_population(c)
    if c.locative and (c.container is not None or c.zipf < RARE_WORD_ZIPF):
        return None  # "in Stroud, Ontario", "near Esperance": a rare word where a place is expected
    if c.continues_list and c.locative_before_list and c.zipf < LOCATIVE_COMMON_ZIPF:
        return None  # "in Tigray, Amhara and Afar": a list of places after a cue goes on
    if c.kinds <= _DIVISION_KINDS or not c.locative and c.zipf >= LOCATIVE_COMMON_ZIPF:
        return WORD
    # after a cue, a word rarer than LOCATIVE_UNCOMMON_ZIPF needs only a town ("lives in Dover":
    # Webster's lists an obsolete "dover"); a commoner word a place of SMALL_PLACE_POPULATION
    # (a word in capitals is an acronym's: "friends of ALMA")
    # A dateline ("FRANKLIN —") names a place whatever the word: it too needs only a town
    need = LOCATIVE_TOWN_POPULATION if c.locative and c.zipf < LOCATIVE_UNCOMMON_ZIPF \
        and not c.first.text.isupper() or c.dateline else SMALL_PLACE_POPULATION
    return WORD if population < need else None


_DIVISION_KINDS = frozenset({"admin1", "admin2"})


def common_word_small_place(c: Context) -> Verdict:
    """The more common the word, the bigger the place must be to take it without a cue."""
    if c.big_area or c.locative:
        return None
    need = next((population for zipf, population in COMMON_WORD_NEEDS if c.zipf >= zipf),
                SINGLE_WORD_POPULATION if c.single else 0)
    return WORD if named_population(c) < need else None


def common_word_after_cue(c: Context) -> Verdict:
    """Even after "in", a very common word names only a sizeable place. A word: one a dictionary
    lists in lower case ("Reading", "Mobile"); word counts also count names, and a common surname
    after "in" or "residents of" is a town ("Clinton")."""
    if not c.big_area and c.locative and c.zipf >= LOCATIVE_COMMON_ZIPF and c.population < LOCATIVE_COMMON_POPULATION \
            and c.dictionary:
        return WORD
    return None


_GENERAL = "general knowledge of English"
_NEWS = "news style"
#: the rules in the order they run; the first with an opinion decides
RULES: tuple[FilterRule, ...] = (
    FilterRule("postnominal", f"{_GENERAL}: degree letters after a name ('Jane Roe, M.D.')", postnominal),
    FilterRule("state_after_town", "AP dateline and address style: 'Town, St.'", state_after_town),
    FilterRule("resident_noun_after", "US local news style: 'a Troy woman' is a resident of the town",
               resident_noun_after),
    FilterRule("demonym_town", "address style: 'Arab, Alabama', a demonym that names a town of that state",
               demonym_town),
    FilterRule("division_noun_before", f"{_GENERAL}: 'the state of X', 'the city of X' name X by its kind",
               division_noun_before),
    FilterRule("upstate_before", "US English: 'upstate New York', 'downstate Illinois' name a part of the state",
               upstate_before),
    FilterRule("compass_adjective_before", f"{_GENERAL}: 'central X', 'western X' name a part of an area: "
               "the division X, not its town", compass_adjective_before),
    FilterRule("town_comma_division", "address style: 'Town, Division' (or 'Town, in Division') where the division "
               "holds such a town",
               town_comma_division),
    FilterRule("state_code_after_town", "AP dateline style: 'TOWN, N.J.', a state in capitals after a town",
               state_code_after_town),
    FilterRule("township_name", "US and Canadian local government: 'X Township' is the municipality of X",
               township_name),
    FilterRule("calendar_word", f"{_GENERAL}: month, weekday and holiday names", calendar_word),
    FilterRule("company_suffix", f"{_GENERAL}: company-form abbreviations ('Co', 'Inc')", company_suffix),
    FilterRule("stop_word", f"{_GENERAL}: function words (spaCy's stop-word list)", stop_word),
    FilterRule("too_short", "error class: one- and two-letter capitals ('La', 'Wu') alone", too_short),
    FilterRule("inner_capital", "error class: camel-case brands and acronyms ('MoD', 'iPhone')", inner_capital),
    FilterRule("party_state_label", "US news style: a lawmaker's party and home ('D-Springfield')",
               party_state_label),
    FilterRule("credit_line", f"{_NEWS}: the agency in parentheses after a dateline ('CITY (Agency) -')",
               credit_line),
    FilterRule("model_year", f"{_GENERAL}: a model year, a maker, a model ('a 1992 Toyota Corolla')", model_year),
    FilterRule("code_only", "error class: a match on an airport's or a town's code alone ('GMT', 'Fans')",
               code_only),
    FilterRule("acronym_alternate", "error class: a word in capitals matching only a town's alternate name",
               acronym_alternate),
    FilterRule("defining_sentence", "encyclopaedia style: a lead sentence defines a place ('X is a city')",
               defining_sentence),
    FilterRule("locating_verb_after", f"{_GENERAL}: a verb that says where its subject is ('X lies on the Y', 'X "
               "is situated in Y') makes the name a place", locating_verb_after),
    FilterRule("full_name_elsewhere", f"{_NEWS}: a place word seen as a surname ('Bill X') is that person alone",
               full_name_elsewhere),
    FilterRule("known_surname", f"{_NEWS}: a person is named in full once, then by surname", known_surname),
    FilterRule("title_before", f"{_GENERAL}: a title or honorific names a person", title_before),
    FilterRule("given_name_before", f"{_GENERAL}: given name + surname", given_name_before),
    FilterRule("person_noun_before", f"{_GENERAL}: a kinship or role noun in apposition ('his wife, X')",
               person_noun_before),
    FilterRule("initial_before", f"{_GENERAL}: an initial before a surname ('J. Smith')", initial_before),
    FilterRule("name_particle_before", f"{_GENERAL}: surname particles and double-barrelled surnames",
               name_particle_before),
    FilterRule("known_speaker", f"{_NEWS}: a single name before a verb of speech is a person", known_speaker),
    FilterRule("person_act_after", f"{_GENERAL}: a name before a verb only people do ('laughed') is a person",
               person_act_after),
    FilterRule("listed_with_people", f"{_GENERAL}: a given name listed with people is a person",
               listed_with_people),
    FilterRule("known_organisation", f"{_NEWS}: a word seen before an organisation head names it alone too",
               known_organisation),
    FilterRule("currency", f"{_GENERAL}: a country code before a currency ('US$5')", currency),
    FilterRule("currency_sign_before", f"{_GENERAL}: a country code after a currency sign ('$US 5')",
               currency_sign_before),
    FilterRule("road_number", "AP style: 'U.S. 41', 'U.S. Route 66' name a federal highway, not the country",
               road_number),
    FilterRule("strain_name", "annotation convention: places inside virus strain names ('A/X/7/2009')",
               strain_name),
    FilterRule("hyphen_name", f"{_GENERAL}: hyphenated personal and organisation names ('X-Valls')",
               hyphen_name),
    FilterRule("inside_longer_place_name", f"{_GENERAL}: 'New X' names a place after X; a generic head "
               "alone ends a longer name ('X Islands')", inside_longer_place_name),
    FilterRule("inside_capitalised_name", f"{_GENERAL}: a capitalised word before a place name opens a "
               "longer name ('Radio X', 'Andrew X')", inside_capitalised_name),
    FilterRule("given_name_particle", f"{_GENERAL}: given name + surname particle + surname",
               given_name_particle),
    FilterRule("title_word", f"{_GENERAL}: titles are no places ('Gov.')", title_word),
    FilterRule("possessive_name_start", f"{_GENERAL}: possessive compound names ('X's Y')", possessive_name_start),
    FilterRule("town_body_after", "US local news style: 'Monroe police said', a town before its bodies or people",
               town_body_after),
    FilterRule("sentence_start_word", "error class: a sentence-initial or headline capital on a common word",
               sentence_start_word),
    FilterRule("given_name_then_capital", f"{_GENERAL}: given name + surname", given_name_then_capital),
    FilterRule("state_university", "US news usage: 'X State' is X's state university or its teams",
               state_university),
    FilterRule("article_before_town", f"{_GENERAL}: no article before a town's name ('the X would rise': a "
               "river, a ship)", article_before_town),
    FilterRule("river_word_after", f"{_GENERAL}: a name before a lower-case 'river' is the river's ('the X "
               "river'), not a small town's", river_word_after),
    FilterRule("the_building", f"{_GENERAL}: 'the' + a building noun names a building ('the X House')",
               the_building),
    FilterRule("building_modifier", f"{_GENERAL}: a building's name before the noun it modifies "
               "('X House aides')", building_modifier),
    FilterRule("feature_of_name", f"{_GENERAL}: a name after a feature head and 'of' ('the Cape of X', 'the "
               "Strait of X') is the feature's, not a small town's", feature_of_name),
    FilterRule("saint_possessive_building", f"{_GENERAL}: a saint's possessive before a facility or building "
               "head ('St. X's Hospital') names what is dedicated to the saint, not a town", saint_possessive_building),
    FilterRule("street_name", "annotation convention: a street named after a place is the street ('X Street')",
               street_name),
    FilterRule("feature_name", "annotation convention: a feature named after a place is one name ('X River')",
               feature_name),
    FilterRule("city_name", "annotation convention: a city's name and 'City' make one name ('X City')", city_name),
    FilterRule("facility_name", "annotation convention (GeoWebNews): a facility named after its place is one name",
               facility_name),
    FilterRule("unknown_longer_name", "error class: a small place opening an unknown longer name",
               unknown_longer_name),
    FilterRule("building_in_town", "annotation convention: a building 'in' a town places the town",
               building_in_town),
    FilterRule("org_noun_before", f"{_GENERAL}: an appositive organisation noun ('the group X')",
               org_noun_before),
    FilterRule("namesake", "error class: diseases and foods named after places", namesake),
    FilterRule("adjectival_form", "annotation convention (GeoWebNews): demonym, modifier or embedded",
               adjectival_form),
    FilterRule("embedded_place", "annotation convention: places inside organisation names", embedded_place),
    FilterRule("alternate_name_only", "error class: a small place matched only on an alternate name, no cue",
               alternate_name_only),
    FilterRule("wordlike_alternate", "error class: an alternate name that is a common word or given name, no cue",
               wordlike_alternate),
    FilterRule("dictionary_word", "error class: common English words that name small places", dictionary_word),
    FilterRule("given_name_alone", "error class: given names that are also villages", given_name_alone),
    FilterRule("given_name_opens_match", "error class: a person's full name that is also a village",
               given_name_opens_match),
    FilterRule("common_word_small_place", "error class: word frequency against place size, no locative cue",
               common_word_small_place),
    FilterRule("common_word_after_cue", "error class: word frequency against place size after a cue",
               common_word_after_cue),
)
