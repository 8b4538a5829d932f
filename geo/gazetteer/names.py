"""Name keys: the one normal form every name is stored and looked up under."""

from __future__ import annotations

import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})


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
