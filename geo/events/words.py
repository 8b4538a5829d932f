"""Closed-class English word lists of the event extractor, each defined once.

Every list here is general English grammar or news vocabulary (auxiliaries,
modals, determiners, pronouns, prepositions, group nouns of news reports,
month and weekday names); none was written for one article. The PLOVER
trigger lexicon is :mod:`geo.events.lexicon`.
"""

from __future__ import annotations

#: month names and their abbreviations -> month number (the date parser reads these too)
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}
#: capitalised words that are dates, never names
MONTHS_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)

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
#: verbs whose object (a noun trigger after a determiner) is planned, not done ("planning an attack",
#: "plotted a coup")
PLANNED = {"planning", "plotting", "planned", "plotted", "plan", "plans", "plot", "plots", "preparing"}
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
    "jury", "judge", "rescuers", "firefighters", "thieves", "robbers", "burglars", "bomber", "bombers",
}
ACTOR_MODIFIERS = {
    "armed", "unidentified", "suspected", "local", "mercenary", "military", "security",
    "opposition", "rebel", "jihadist", "islamist", "national", "foreign", "federal", "regional",
    "international", "western", "defence", "defense", "riot", "border", "transitional",
    "ruling", "interim", "un", "allied", "peacekeeping", "government", "junior", "senior", "air", "prime", "suicide",
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
    "across": "where", "throughout": "where", "through": "where", "around": "where", "within": "where",
    "along": "where", "off": "where", "over": "where", "on": "target", "outskirts": "where", "of": "where",
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
               "village", "villages", "border", "streets", "coast", "interior", "regions", "towns", "cities",
               "island", "islands", "port", "state"}
#: nouns after a name that make it a place whatever else it modifies ("the Tigray region")
REGION_NOUNS = {"region", "province", "state", "district", "county", "governorate", "area", "camp", "city",
                "town", "village", "valley", "prefecture", "department", "territory", "enclave", "border"}
NOT_PLACE_GOVERNORS = {"with", "alongside", "by", "than", "like", "as", "and", "versus", "vs"}
EXISTENTIAL_AFTER = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "be", "'s", "’s",
                     "remains", "remain", "seems", "appears"}

#: punctuation after which a capitalised word is a first word, not a name
OPENERS = {"\"", "“", "(", ":", "—", "–"}
#: clause openers whose clause ends at the next comma, at the start of a sentence or after one
CLOSED_BY_COMMA = {"while", "when", "after", "before", "although", "though", "because", "if", "unless", "until",
                   "since", "whereas", "who", "which", "whom", "whose", "where"}
#: tokens that may end a clause (the rest never do)
SEGMENT_WORDS = HARD_BOUNDARIES | SUBORDINATORS | {"\"", "“", "”", "-", "since", "and", "or", ","}
#: capitalised words that open sentences without being names
COMMON_INITIALS = {
    "it", "there", "here", "but", "and", "in", "on", "at", "as", "after", "before", "while", "when",
    "if", "although", "however", "meanwhile", "earlier", "later", "last", "next", "some", "many",
    "most", "both", "all", "several", "two", "three", "four", "five", "his", "her", "one", "during",
    "since", "despite", "following", "according", "under", "for", "with", "from", "by", "about",
    "i", "we", "they", "he", "she", "you", "our", "their", "its", "this", "that", "these", "those",
    "such", "so", "also", "yet", "still", "now", "then", "thus", "other", "another", "every",
    "each", "no", "not", "file", "photo", "more", "over", "until", "amid", "around", "within",
}
#: words right before a name that make it the outlet a story is told to ("told Reuters")
SOURCE_BEFORE = {"told", "telling", "tells"}
#: never actors: weapons and explosives, and the wire services and broadcasters that report
#: a story (names of the major international news organisations)
NOT_ACTORS = {
    "tnt", "ied", "ieds", "rpg", "rpgs", "ak-47", "ak-47s", "semtex", "c-4", "napalm", "sarin", "anfo",
    "cnn", "bbc", "reuters", "ap", "afp", "associated press", "agence france-presse", "al jazeera", "voa",
    "voice of america", "xinhua", "tass", "ria novosti", "fox news", "nbc", "abc", "cbs", "msnbc", "npr",
    "sky news", "new york times", "the new york times", "washington post", "the washington post",
    "the guardian", "bloomberg", "dpa", "efe", "anadolu", "upi", "pti", "ani", "nbc news", "cbs news",
    "abc news", "bbc news",
}
