"""Mention types after the GeoWebNews taxonomy: literal, metonymic, modifier, demonym, embedded.

The type comes from the words around a name: a locative preposition before
it places something there (literal), a verb after a country makes it act
(metonymic), a noun after it is modified by it (modifier).
"""

from __future__ import annotations

from geo.doc import Token
from geo.model import MentionType
from geo.recognize.context import Context
from geo.recognize.lexicon import (
    CONNECTORS,
    LOCATIVE,
    MODIFIER_HEADS_PLURAL_NOUNS,
    NEUTRAL_AFTER,
    PLACING_PARTICIPLES,
    STANDALONE_AFTER,
    VERBISH,
)

#: kinds of place that can act (metonymy) or modify a noun
_TYPED_KINDS = ("country", "city", "admin1", "admin2", "region")
#: a city this big acts for its government before a verb ("Moscow said")
_ACTING_CITY_POPULATION = 500_000


def demonym_type(ctx: Context) -> MentionType:
    """"the French", "Malians": a people-form standing alone; otherwise it modifies."""
    nxt, nxt2 = ctx.nxt, ctx.nxt2
    # "Korean and US flags", "German, Irish and other immigrants"
    coordinated = (nxt is not None and nxt.lower in ("and", "or", "&", ",") and nxt2 is not None
                   and (nxt2.is_cap and nxt2.is_word or nxt2.lower == "other"))
    return "demonym" if _standalone(nxt, ctx.surface, coordinated) else "modifier"


def _standalone(nxt: Token | None, surface: str, coordinated: bool) -> bool:
    if nxt is not None and nxt.text in ("-", "‐"):
        return False  # "Russian-backed", "West African-led"
    if surface.endswith("s") and not surface.endswith(("ss", "ese")):
        return True  # a plural is people, in a list too ("Malians and Nigeriens queued")
    if coordinated:
        return False  # "Korean and US flags", "her American and Mexican counterparts"
    return nxt is None or not nxt.is_word or nxt.lower in VERBISH or nxt.lower in STANDALONE_AFTER


def name_type(ctx: Context) -> MentionType:
    """literal, metonymic or modifier, from the words around a name."""
    if ctx.follows_cap:
        return "modifier"  # "Virginia Governor", "U.S. President"
    tokens, j, top = ctx.tokens, ctx.j, ctx.top
    prev, after = ctx.prev, ctx.nxt
    if prev is not None and prev.lower == "the" and ctx.i > 1:
        prev = ctx.prev2  # "in the Mopti Region": the preposition is what counts
    if after is not None and after.text in ("'", "’") and j + 2 < len(tokens) and tokens[j + 2].lower == "s":
        return "modifier"  # "Mali's government": the place qualifies a noun
    if after is not None and after.text == "-" and j + 2 < len(tokens) and tokens[j + 2].is_word \
            and not tokens[j + 2].is_cap:
        return "modifier"  # "French-led", "UK-based"
    if top.kind not in _TYPED_KINDS:
        return "literal"
    if prev is not None and prev.lower in LOCATIVE:
        return "literal"
    if after is not None and after.lower in VERBISH:
        return "metonymic" if top.kind != "city" or top.population > _ACTING_CITY_POPULATION else "literal"
    if after is not None and after.is_word and not after.is_cap and after.lower not in VERBISH \
            and after.lower not in CONNECTORS and after.lower not in NEUTRAL_AFTER:
        if after.lower.endswith("ed") and after.lower not in MODIFIER_HEADS_PLURAL_NOUNS:
            return "metonymic" if top.kind == "country" else "literal"
        return "modifier"
    if prev is not None and prev.lower.endswith("ed") and top.kind == "country" \
            and prev.lower not in PLACING_PARTICIPLES:
        return "metonymic"  # "accused Mali of ..."
    return "literal"
