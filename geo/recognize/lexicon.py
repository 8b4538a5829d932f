"""The recogniser's word lists and thresholds, each with where it comes from.

Every list is closed-class English (prepositions, titles, calendar words) or
a class of words that news writing puts beside names (organisation heads,
verbs of reporting); none is a list of names taken from a corpus. The
thresholds are in :data:`THRESHOLDS`-style named constants at the end, in one
place.
"""

from __future__ import annotations

#: the longest run of tokens tried as one name ("Bosnia and Herzegovina" is 3)
MAX_NAME_TOKENS = 8

#: lower-case words and marks that join the parts of a multiword name ("Bay of Bengal",
#: "Rio de Janeiro", "Stratford-upon-Avon"): English and the Romance/Germanic/Arabic
#: particles common in place names (general knowledge of toponymy)
CONNECTORS = frozenset({
    "of", "the", "de", "la", "le", "du", "del", "des", "and", "upon", "on", "al", "el",
    "-", "'", "’", ".", "da", "do", "dos", "das", "di", "von", "van", "y", "&", "am", "sur", "en", "es",
    # French and German ones of town names ("Port-au-Prince", "Fontenay-sous-Bois", "Plessis-lès-Tours",
    # "Frankfurt an der Oder" has "der", "Rothenburg ob der Tauber", "Sankt Johann im Pongau")
    "au", "aux", "sous", "lès", "les", "der", "ob", "bei", "im",
    # Spanish plural articles and the Persian ezafe ("San Nicolás de los Garza", "Mazar-i-Sharif"),
    # the Arabic article assimilated to the next consonant ("Deir ez-Zor", "Kafr ash Shaykh"; not
    # "as", "at", "an", which are English words) and English ones ("Newcastle-under-Lyme", "Weston-super-Mare")
    "los", "las", "e", "i", "ez", "ed", "er", "ash", "ad", "az", "ar", "adh", "ath", "under", "super"})
#: elided articles that join a name only before an apostrophe (French and Italian place names:
#: "Côte d'Ivoire", "Val d'Oise", "L'Aquila")
ELIDED_ARTICLES = frozenset({"d", "l"})

#: the days of the week: AP style dates a report with the bare day after the place ("in Lagos
#: Monday"), which makes the day no part of a longer name
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

#: calendar words that are also place names ("May", "March", "Sunday"): closed class of English
CALENDAR = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
    # religious and public holidays named like places ("Christmas Island", "Easter Island")
    "christmas", "easter", "ramadan", "eid", "thanksgiving",
})

#: company-form abbreviations that match a place key ("Co", "Inc"): closed class of English
COMPANY_SUFFIXES = frozenset({"inc", "ltd", "corp", "co", "plc", "llc"})

#: all-capital short forms that do name a place (most, like "IT" or "UN", do not): the
#: country and state abbreviations of English news style guides
ACRONYMS = frozenset({"us", "uk", "usa", "uae", "drc", "eu", "nsw", "nyc", "prc", "dprk", "dc", "bc"}
                     | {"nh", "nj", "nm", "ny", "nc", "nd", "ri", "sc", "sd"})
#: AP state abbreviations written in capitals ("N.J.", "S.C."; "NJ", "SC" as postal codes): a place
#: only after "Town, " (see the rule ``state_code_after_town``)
CAPITAL_STATE_CODES = frozenset({"nh", "nj", "nm", "ny", "nc", "nd", "ri", "sc", "sd"})

#: lower-case words after a place name that make it the name of something else: diseases
#: and foods named after places (a class of error: "Ebola virus", "Lassa fever")
NAMESAKE_HEADS = frozenset({"virus", "fever", "flu", "disease", "syndrome", "strain", "variant", "sauce",
                            "cheese", "salad", "wine", "beer", "accent", "ebolavirus", "hemorrhagic",
                            "haemorrhagic"})

#: currency signs glued after a country code ("US$5", "A$20"): a currency symbol, not a place
CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})

#: titles and honorifics before a person's name (English style guides, AP abbreviations)
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "president", "senator", "sen", "rep", "gov", "governor",
    "judge", "justice", "general", "gen", "col", "colonel", "capt", "captain", "lt", "sgt",
    "minister", "secretary", "prince", "princess", "king", "queen", "lord", "lady", "sir", "pope",
    "coach", "prof", "professor", "mayor", "chancellor", "sheikh", "ambassador", "bishop",
    "father", "brother", "sister", "uncle", "aunt", "dame", "officer", "detective", "sheriff",
    "chairman", "director", "spokesman", "spokeswoman", "commissioner", "premier", "deputy",
    "rev", "reverend", "cardinal", "emperor", "empress", "duke", "duchess", "count", "baron",
    "jr", "sr",
    # clergy, police and elected offices (English style guides)
    "archbishop", "rabbi", "imam", "pastor", "superintendent", "inspector", "sergeant", "lieutenant",
    "constable", "councillor", "councilman", "councilwoman", "congressman", "congresswoman",
    "assemblyman", "assemblywoman", "alderman", "magistrate", "chairwoman", "chairperson",
    # local offices before a surname in US local news ("Principal Washington", "Trooper Lee")
    "principal", "trooper", "chief", "marshal", "warden", "coroner", "treasurer", "clerk", "prosecutor",
    "attorney", "solicitor", "auditor", "delegate", "speaker", "deacon",
})

#: plural title abbreviations (AP style: "Sens. Tom Udall and Martin Heinrich"), a title only with
#: the period and a name after ("Sens" alone is a French town)
PLURAL_TITLES = frozenset({"sens", "reps", "govs", "gens", "drs", "profs", "messrs"})

#: surname particles ("Jan de Kock", "Osama bin Laden"): general knowledge of personal names
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "le", "du", "bin", "ibn"})

#: words that make a capitalised run an organisation, event or facility name ("Bank",
#: "Ministry", "Stadium"): the heads of English organisation and facility names
ORG_HEADS = frozenset({
    "mission", "university", "bank", "council", "ministry", "department", "commission", "office",
    "agency", "institute", "college", "school", "association", "federation", "church", "party",
    "committee", "court", "police", "army", "force", "forces", "initiative", "times", "post",
    "news", "airlines", "airways", "airport", "group", "company", "corporation", "corp", "inc",
    "ltd", "fc", "pd", "fd", "isd", "usd", "club", "league", "union", "foundation", "hospital", "museum", "journal",
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
    "wildlife", "cathedral", "mosque", "temple", "synagogue",
})

#: local institutions whose name holds a real, if small, place ("Slidell Police", "Fife
#: Council"): the heads of civic bodies; both dev corpora annotate the place as embedded
CIVIC_HEADS = frozenset({"police", "council", "county", "city", "fire", "sheriff", "school", "schools",
                         "court", "hospital", "library", "airport", "district", "department",
                         "township", "borough", "municipality", "municipal", "regional", "town",
                         "village",
                         # US abbreviations of the same bodies: police and fire departments, school districts
                         "pd", "fd", "isd", "usd"})

#: lower-case nouns for organisations ("the mercenary group Wagner"): English common nouns
LOWER_ORG_HEADS = frozenset({"group", "company", "firm", "militia", "newspaper", "agency", "brand", "band",
                             "team", "club", "channel", "airline", "label", "franchise", "faction",
                             # a sports team's people ("a Notre Dame player"): sports-page nouns
                             "coach", "player", "players", "squad", "roster", "teammates", "quarterback"})

#: lower-case nouns of an armed group's or a party's members after its name ("Hamas fighters")
MEMBER_NOUNS = frozenset({"fighters", "militants", "gunmen", "commanders", "commander", "leaders", "leader",
                          "members", "member", "supporters", "operatives", "loyalists", "spokesman",
                          "spokeswoman"})

#: the second half of a compound that says a group or a state acts ("Hamas-run", "Taliban-led")
GROUP_COMPOUNDS = frozenset({"run", "led", "backed", "controlled", "allied", "linked", "affiliated", "aligned",
                             "sponsored", "held"})

#: words before a name that expect a place: prepositions of place, compass words, verbs of
#: motion, nouns of settlement and adjectives of proximity ("nearby X", "neighbouring X")
#: (English grammar of locatives)
LOCATIVE = frozenset({
    "nearby", "neighbouring", "neighboring",
    "in", "at", "near", "from", "to", "into", "across", "outside", "inside", "throughout",
    "around", "towards", "toward", "via", "between", "within", "through", "of", "on",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "visit", "visited", "visiting", "flew", "travelled", "traveled", "entered",
    "left", "leave", "reached", "outskirts", "capital", "city", "town", "village",
    "province", "region", "state", "county", "district", "neighborhood", "neighbourhood"})

#: verbs after a subject (reporting, modal and common transitive verbs): a country before
#: them acts as its government (GeoWebNews' metonymy convention)
VERBISH = frozenset({
    "said", "says", "say", "announced", "announces", "has", "had", "have", "is", "was", "will",
    "would", "could", "can", "may", "might", "should", "must", "accused", "accuses", "denied",
    "denies", "wants", "wanted", "plans", "planned", "refused", "refuses", "agreed", "agrees",
    "rejected", "rejects", "claimed", "claims", "warned", "warns", "threatened", "threatens",
    "urged", "urges", "called", "calls", "sent", "sends", "signed", "signs", "imposed",
    "imposes", "pledged", "pledges", "decided", "decides", "insisted", "insists", "dispatched",
    "deployed", "withdrew", "won", "lost", "beat", "beats", "did", "does", "declined", "voted",
    "votes", "launched", "launches", "condemned", "condemns", "welcomed", "welcomes", "are",
    "were", "needs", "needed", "continues", "continued", "remains", "remained",
})

#: plural nouns a place name modifies ("Mali forces", "UK officials"): English news nouns
MODIFIER_HEADS_PLURAL_NOUNS = frozenset({
    "forces", "troops", "officials", "authorities", "leaders", "citizens", "nationals", "soldiers",
    "diplomats", "companies", "firms", "people", "residents", "lawmakers", "voters", "fans",
    "students", "workers", "farmers", "police", "media", "markets", "stocks", "banks", "courts",
    "players", "teams", "states", "cities", "counties", "regions", "interests", "relations",
    "elections", "sanctions", "exports", "imports", "operations", "affairs",
})

#: lower-case words after a name that say nothing of its type (adverbs, conjunctions,
#: prepositions, determiners): closed classes of English
NEUTRAL_AFTER = frozenset({
    "also", "still", "already", "now", "then", "too", "however", "again", "never",
    "and", "or", "but", "as", "for", "with", "by", "to", "in", "on", "at", "after",
    "before", "since", "last", "this", "next", "over", "where", "when", "which",
    "who", "that", "than", "because", "while", "until", "from",
    # adverbs of time and prepositions: a modifier needs a noun after it ("Gaza City officials"),
    # and "hit Gaza City overnight" has none
    "overnight", "yesterday", "today", "tonight", "earlier", "later", "recently", "once", "twice", "late", "early",
    "during", "amid", "amidst", "against", "into", "through", "throughout", "near", "under", "without",
    "about", "around", "across", "despite", "toward", "towards", "upon", "within", "along", "beyond",
    "behind", "between", "if", "so", "yet", "even", "only", "instead", "nearly", "almost", "itself",
    "meanwhile", "soon", "immediately"})

#: participles after which a country is placed, not acting ("based in", "born in")
PLACING_PARTICIPLES = frozenset({"based", "located", "stationed", "deployed", "born", "arrived", "landed",
                                 "returned"})

#: words after a demonym that leave it standing alone ("the French said", "Malians who")
STANDALONE_AFTER = frozenset({"and", "or", "who", "which", "that", "in", "of", "to", "for", "with"})

#: place-type words that, before another capitalised word, begin an institution's name
#: ("Arizona State University", "Maryland State Police")
INSTITUTION_OPENERS = frozenset({"state", "region", "province", "county"})

#: Gaelic, Romance and Dutch name prefixes written with an inner capital ("McLean",
#: "DeKalb", "LaFayette"): English orthography of names, not camel-case brands
INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "De", "Di", "Du", "La", "Le", "Da", "Van")

#: academic and professional letters after a name ("Jane Roe, M.D."): English style guides
POSTNOMINALS = frozenset({"M.D.", "Ph.D.", "D.D.S.", "R.N.", "D.V.M.", "J.D.", "M.B.A.", "D.O.", "Ed.D.",
                          "LL.D.", "Esq."})

#: compass words that, capitalised before a place, name a part of it ("North London")
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "central", "northeast", "northwest", "southeast", "southwest", "upper", "lower"})

#: nouns of an encyclopaedia lead that define a place ("Aurora is a city in ..."): settlement
#: and division nouns of English
DEFINING_HEADS = frozenset({
    "city", "town", "village", "hamlet", "municipality", "borough", "township", "suburb", "county",
    "commune", "parish", "community", "settlement", "capital", "province", "state", "region",
    "district", "country", "island", "neighbourhood", "neighborhood", "port", "seaport", "metropolis",
    # "a census-designated place", "a locality in", "a resort town" (US Census and gazetteer usage)
    "place", "locality", "resort"})

#: party letters before a lawmaker's home ("Rep. Jane Roe, D-Springfield"): US news style
PARTY_LETTERS = frozenset({"D", "R", "I"})

#: verbs of speech: a single name before them, in an article, is a speaker (news style)
SPEECH_VERBS = frozenset({"said", "says", "told", "added", "explained", "recalled", "wrote", "asked",
                          "argued", "noted", "insisted", "admitted", "testified", "tweeted"})

#: plural kind nouns that open a list of their kind ("states such as Utah and Idaho", "countries
#: like Chad"), and the kinds of place they name
LIST_KIND_NOUNS: dict[str, tuple[str, ...]] = {
    "states": ("admin1",), "provinces": ("admin1",), "countries": ("country",), "nations": ("country",),
    "cities": ("city",), "towns": ("city",), "counties": ("admin2",),
}
#: the words between such a noun and its list
LIST_KIND_OPENERS = frozenset({"like", "including"})

#: verbs only people do: a name before one is a person's ("Sydney laughed"); not "shrugged", which
#: markets and governments do ("shrugged off")
PERSON_VERBS = frozenset({"laughed", "smiled", "grinned", "wept", "sobbed", "giggled", "chuckled", "winked",
                          "frowned", "blushed", "laughs", "smiles", "grins", "weeps"})

#: heads that name a company, party, club or armed group ("X Group", "X Party"); a word
#: seen before one is an organisation's name in that article
ORGANISATION_EVIDENCE_HEADS = frozenset({
    "group", "party", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "fc", "club",
    "league", "airlines", "airways", "motors", "media", "studios", "records", "pictures", "holdings",
    "partners", "brigade", "brigades", "movement", "front", "bank", "foundation", "institute"})

#: heads of feature and facility names that take the name of the place they are at or
#: near ("Mississippi River", "Windsor Castle", "Colchester Hospital"): both dev corpora's
#: annotators mark the whole feature name
FEATURE_HEADS = frozenset({"river", "lake", "bay", "delta", "valley", "estuary", "canal", "harbour", "harbor",
                           "coast", "island", "islands", "mountains", "castle", "cathedral", "hospital",
                           "airport", "abbey", "palace"})

#: words that open a place named after another ("New Guinea", "Nueva Ecija", "Nova Gorica"): English,
#: Spanish, Portuguese and Slavic settlers named places after older ones, so the tail alone is elsewhere
NAMESAKE_OPENERS = frozenset({"new", "nueva", "nuevo", "nova", "novo", "nouvelle", "neu", "neue"})

#: generic heads that end a place's or feature's name ("Channel Islands", "Blue Mountains"): alone
#: after a capitalised word the head is that name's, not a place of the head's own name
GENERIC_HEADS = frozenset({"islands", "island", "isles", "mountains", "hills", "valley", "heights", "springs",
                           "falls", "creek", "lakes", "coast", "city", "junction", "village"})

#: heads that open a feature's or a town's name ("Cape Elizabeth", "Lake Washington", "Fort Hood"):
#: English names them after people far more often than after a place the tail also names, so the
#: tail alone is no place (GeoWebNews and GeoVirus annotate the whole name at the feature)
FEATURE_HEADS_BEFORE = frozenset({"cape", "mount", "mt", "lake", "loch", "fort", "ft", "port", "point", "isle",
                                  "camp"})

#: lower-case nouns for people, in apposition before a name ("his brother Tyler", "his wife,
#: Julia,"): kinship and role nouns of English
PERSON_NOUNS = frozenset({
    "brother", "sister", "son", "daughter", "wife", "husband", "mother", "father", "uncle", "aunt",
    "cousin", "nephew", "niece", "grandson", "granddaughter", "grandmother", "grandfather", "boyfriend",
    "girlfriend", "fiance", "fiancee", "fiancé", "fiancée", "widow", "widower", "stepson", "stepdaughter",
    "friend", "colleague", "teammate", "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney",
    "actor", "actress", "singer", "rapper", "striker", "midfielder", "defender", "goalkeeper", "quarterback",
    "pitcher", "forward", "guard", "candidate", "challenger", "incumbent", "victim", "suspect", "defendant"})

#: generic terms of toponymy that end a town's name and seldom a person's ("Silver Spring", "Carol
#: Stream" is not one: "stream" stays out with "hill", "park", "ridge", "grove", surnames as well)
TOWN_GENERICS = frozenset({"spring", "springs", "creek", "falls", "heights", "rapids", "city", "junction",
                           "township", "crossing", "bluffs", "harbor", "harbour", "village", "plains",
                           "mills"})

#: building nouns that end a building's name ("the White House", "the Town Hall")
BUILDING_HEADS = frozenset({"house", "hall", "tower", "towers", "palace", "castle", "mansion", "lodge",
                            "manor", "chapel", "church", "cathedral", "abbey", "temple", "mosque"})

#: street heads (US and UK address style, with their postal abbreviations): "Washington Street",
#: "London Rd.", "Pennsylvania Avenue" name a street, which the annotators mark as a whole
STREET_HEADS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln",
                          "drive", "parkway", "pkwy", "terrace", "highway", "hwy", "pike", "turnpike", "freeway",
                          "expressway"})

#: facility heads: "<Facility> in X" places the facility in X ("the Royal Free Hospital in
#: London"), while "<Body> in X" ("Mission in Mali") may name a body after X
FACILITY_HEADS = frozenset({
    "hospital", "university", "college", "school", "academy", "zoo", "park", "museum", "centre", "center",
    "church", "cathedral", "mosque", "temple", "synagogue", "airport", "station", "hall", "stadium", "hotel",
    "restaurant", "market", "prison", "jail", "library", "theatre", "theater", "clinic", "laboratory",
    "laboratories", "farm", "factory", "plant", "mall", "store"})

#: feature heads that take their name after "of" ("the Cape of Good Hope", "the Strait of Hormuz")
FEATURE_OF_HEADS = frozenset({"cape", "gulf", "bay", "bight", "strait", "straits", "sea", "isle", "isles", "lake",
                              "mount", "sound", "firth"})

#: the words that make a name a saint's: "St. Thomas", "Saint Paul", "Ste. Anne", "Sts. Peter"
SAINT_WORDS = frozenset({"st", "saint", "ste", "sts", "san", "santa", "santo", "são"})
#: what a saint's possessive may name: a facility or a building ("St. Mary's Hospital", "St. Peter's
#: Square"), where the possessive is the saint's and not a place's
SAINT_BUILDING_HEADS = FACILITY_HEADS | BUILDING_HEADS | frozenset({"basilica", "square", "monastery", "convent",
                                                                    "priory", "infirmary", "hospice"})

#: lower-case division nouns after a name ("Nyanza province", "Benue state"): the name is a place
DIVISION_NOUNS = frozenset({"province", "state", "district", "county", "region", "prefecture",
                            "municipality", "governorate", "oblast", "department", "island", "city", "town",
                            "village"})
#: offices of a first-level division (state, province), lower case after its name
DIVISION_OFFICES = frozenset({"governor", "governors", "governorship", "gubernatorial", "statehouse"})
#: the office of a town (or a county that has one), before "of" and its name ("the mayor of New York")
TOWN_OFFICES = frozenset({"mayor", "mayors", "mayoralty"})
#: the law-makers of a state or a country (never of a town), lower case after its name
LEGISLATURE_WORDS = frozenset({"legislature", "legislatures", "legislators", "lawmakers"})
#: the ones that name an administrative division: after a name they choose its division reading
ADMIN_DIVISION_NOUNS = frozenset({"province", "state", "district", "county", "region", "prefecture",
                                  "governorate", "oblast", "department"})

# -- thresholds: how common a word is (Zipf, wordfreq) against how big a place is ------------

#: a country, continent or named region: never just a word
BIG_AREA_KINDS = ("country", "continent", "region")
#: a city this big is known by its name even when the name is a word ("Nice", "Reading")
MAJOR_CITY_POPULATION = 500_000
#: under this a place is "small": it needs a locative cue or an unambiguous name
SMALL_PLACE_POPULATION = 100_000
#: a division (admin1/admin2) counts as a city of this size when weighing a word against it
DIVISION_POPULATION = 1_000_000
#: a capital run that is not a name: the word is this common (Zipf) and the place smaller than
#: the population beside it; checked top to bottom, first that applies
COMMON_WORD_NEEDS = ((4.5, 1_000_000), (3.5, 100_000), (2.5, 15_000))
#: a single unknown-frequency word needs a place at least this big without a locative cue
SINGLE_WORD_POPULATION = 1_000
#: after a locative cue, a very common word (Zipf >= this) still needs a place this big
LOCATIVE_COMMON_ZIPF, LOCATIVE_COMMON_POPULATION = 4.5, 50_000
#: after a locative cue, a dictionary word rarer than this (Zipf) needs a town of this many people by
#: its own name (not SMALL_PLACE_POPULATION): "in Dover", "in Troy"
LOCATIVE_UNCOMMON_ZIPF, LOCATIVE_TOWN_POPULATION = 4.0, 20_000
#: a sentence-initial capital: words this common (Zipf) need places this big
SENTENCE_START_NEEDS = ((4.0, 1_000_000), (3.0, 100_000))
#: an "-ing/-ly/-ed" word this common at a sentence start is a word, not a place
SENTENCE_START_AFFIX_ZIPF = 3.0
#: a dictionary word rarer than this (Zipf 3: once per million words) is taken as a name after a
#: locative cue; 2.5 and 3.5 measure the same on both dev corpora
RARE_WORD_ZIPF = 3.0
#: a civic body's town ("Slidell Police") must have at least this many people
CIVIC_TOWN_POPULATION = 1_000
#: the longest all-capital token read as an acronym rather than a word
ACRONYM_MAX_LENGTH = 4
#: the longest state abbreviation after "Town," ("Calif.", "Mass.")
STATE_ABBREVIATION_MAX_LENGTH = 5
#: countries whose state abbreviations follow a town in datelines (AP style)
DATELINE_STATE_COUNTRIES = ("US", "CA", "AU")
