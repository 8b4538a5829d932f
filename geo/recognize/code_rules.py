"""Rules on a place's name inside a code or a symbol: a currency's ("US$5", "$US 5"), a federal
highway's ("U.S. 41"), a virus strain's ("A/California/7/2009")."""

from __future__ import annotations

from geo.recognize.context import Context
from geo.recognize.lexicon import CURRENCY_SIGNS, LOCATIVE
from geo.recognize.verdicts import NAME, WORD, Verdict


def currency(c: Context) -> Verdict:
    """"US$5", "A$20": a country code glued to a currency sign is the currency's symbol (GeoWebNews
    annotates "US dollars" as a modifier, so the spelt-out form stays)."""
    nxt = c.nxt
    if nxt is not None and nxt.text in CURRENCY_SIGNS and nxt.start == c.last.end:
        return WORD
    return None


def currency_sign_before(c: Context) -> Verdict:
    """"$US 1.5 billion", "$A 20": a country code right after a currency sign names the currency."""
    prev = c.prev
    if prev is not None and prev.text in CURRENCY_SIGNS and prev.end == c.first.start and c.single:
        return WORD
    return None


#: what follows "U.S." in the name of a federal highway ("U.S. 41", "U.S. Route 66", "US Highway 1")
ROAD_WORDS = frozenset({"route", "highway", "hwy", "rt"})
#: the words after a highway's number ("U.S. 41 near Dalton", "U.S. 1 northbound")
ROAD_FOLLOWERS = LOCATIVE | {"and", "or", "north", "south", "east", "west", "northbound", "southbound",
                             "eastbound", "westbound", "bypass", "exit", "business", "where", "when"}


def road_number(c: Context) -> Verdict:
    """"U.S. 41", "U.S. Route 66", "US Highway 1": AP style names a federal highway by the
    country's initials and its number; the span is a road's name, not the country. A number
    that is a quantity is not a road's ("the U.S. 20 years ago", "the US 10-year yield")."""
    nxt, tokens = c.nxt, c.tokens
    if nxt is None or not c.single or nxt.start - c.last.end > 1:
        return None
    if nxt.lower in ROAD_WORDS:
        return WORD
    if not nxt.text.isdigit() or len(nxt.text) > 3:
        return None
    after = tokens[nxt.i + 1] if nxt.i + 1 < len(tokens) else None
    if after is None:
        return WORD
    if after.start == nxt.end and (after.text in ("-", "%") or after.text in (".", ",")
                                   and after.i + 1 < len(tokens) and tokens[after.i + 1].text.isdigit()
                                   and tokens[after.i + 1].start == after.end):
        return None  # "10-year", "2%", "1.5", "1,000"
    return WORD if not after.is_alnum or after.lower in ROAD_FOLLOWERS else None


def strain_name(c: Context) -> Verdict:
    """"A/California/7/2009": a place inside a virus strain's name (WHO strain nomenclature)."""
    prev, nxt = c.prev, c.nxt
    if prev is not None and nxt is not None and prev.text == "/" == nxt.text \
            and prev.end == c.first.start and nxt.start == c.last.end:
        return NAME
    return None
