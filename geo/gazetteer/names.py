"""Name keys: the one normal form every name is stored and looked up under."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})


#: names whose key is remembered (a pure function of the string, shared by every gazetteer):
#: at most this many, about 150 bytes each
NAME_KEY_CACHE_SIZE = 32_768


@lru_cache(maxsize=NAME_KEY_CACHE_SIZE)
def name_key(name: str) -> str:
    """The lookup key of a name: no accents, lower case, no dots, single spaces.

    >>> name_key("Côte d’Ivoire"), name_key("U.K."), name_key("St. Louis")
    ("cote d'ivoire", 'uk', 'st louis')
    """
    if name.isascii():
        bare = name.replace("`", "'")
    else:
        decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace(".", "").lower().split())


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin script (the ones English news uses)."""
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "’‘" for c in name)
