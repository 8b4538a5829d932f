"""Name keys: the one normal form every name is stored and looked up under."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: apostrophes and hyphens to their ASCII forms, and the Latin letters that Unicode does not
#: decompose to a base letter and a mark ("Đà Nẵng", "Łódź", "Tromsø", "Þórshöfn"), to the letters
#: English news writes for them ("Da Nang", "Lodz", "Tromso")
_FOLDS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʿ": "'", "ʾ": "'", "ʻ": "'", "ʼ": "'",
                        "‐": "-", "‑": "-", "–": "-",
                        "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l",
                        "ß": "ss", "Æ": "Ae", "æ": "ae", "Œ": "Oe", "œ": "oe", "ı": "i", "Þ": "Th", "þ": "th",
                        "Ħ": "H", "ħ": "h"})


#: names whose key is remembered (a pure function of the string, shared by every gazetteer):
#: at most this many, about 150 bytes each
NAME_KEY_CACHE_SIZE = 32_768


@lru_cache(maxsize=NAME_KEY_CACHE_SIZE)
def name_key(name: str) -> str:
    """The lookup key of a name: no accents, lower case, no dots, single spaces.

    >>> name_key("Côte d’Ivoire"), name_key("U.K."), name_key("St. Louis"), name_key("Al ‘Amārah")
    ("cote d'ivoire", 'uk', 'st louis', 'al amarah')
    """
    if name.isascii():
        bare = name.replace("`", "'")
    else:
        decomposed = unicodedata.normalize("NFKD", name.translate(_FOLDS))
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = bare.replace(".", "").lower().split()
    if "'" in bare:
        # the ayn or hamza that opens a transliterated Arabic word ("‘Afrīn", "Al ‘Amārah") is not
        # written in English news ("Afrin", "Al Amarah"); an apostrophe inside a word stays ("Sana'a")
        words = [w[1:] if w[0] == "'" and len(w) > 1 else w for w in words]
    return " ".join(words)


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin script (the ones English news uses)."""
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "’‘" for c in name)


#: the titles place names open with, written out and abbreviated: GeoNames mostly writes them out
#: ("Saint Louis County", "Mount Vernon", "Fort Myers"); news in AP style abbreviates them
#: ("St. Louis County", "Mt. Vernon", "Ft. Myers", "Ste. Genevieve", "Pt. Pleasant")
_TITLES = (("Saint", "St."), ("Sainte", "Ste."), ("Mount", "Mt."), ("Fort", "Ft."), ("Point", "Pt."))
_SPELLINGS = {w: pair for pair in _TITLES for w in (pair[0], pair[1], pair[1].rstrip("."))}


def title_forms(name: str) -> set[str]:
    """The other spellings of a name whose words include such a title before a capitalised
    word, each title spelt the same way throughout ("Saint Louis County" -> "St. Louis County",
    "Mt. Vernon" -> "Mount Vernon"); empty for other names. Hyphenated French forms
    ("Saint-Denis") are left as they are written."""
    words = name.split(" ")
    at = [i for i, w in enumerate(words[:-1]) if w in _SPELLINGS and words[i + 1][:1].isupper()]
    if not at:
        return set()
    forms = set()
    for style in (0, 1):  # written out, abbreviated
        forms.add(" ".join(_SPELLINGS[w][style] if i in at else w for i, w in enumerate(words)))
    return {f for f in forms if name_key(f) != name_key(name)}
