"""What the whole article says about its names, gathered once before any span is judged.

News style names a person in full once, then by surname (AP and Reuters
style): a surname seen in a full name ("James Heappey") is a person wherever
it appears alone ("Heappey said"). A single name before a verb of speech
is a speaker. A word seen before an organisation head ("Wagner Group") names
that organisation where it stands alone too.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.doc import Doc, Token
from geo.gazetteer import Gazetteer, name_key
from geo.recognize.lexicon import ORGANISATION_EVIDENCE_HEADS, SPEECH_VERBS, TITLES

#: kinds of place whose names are never a person's given name or surname here
_PLACE_WORD_KINDS = ("country", "admin1", "continent", "region")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Names the article itself reads as people or organisations."""

    surnames: frozenset[str] = frozenset()
    #: single names before a verb of speech ("Henderson said")
    speakers: frozenset[str] = frozenset()
    #: words before an organisation head ("Wagner" of "Wagner Group")
    organisations: frozenset[str] = frozenset()
    #: country and state names seen as the surname of a full name ("Holland" of "Bill Holland")
    place_surnames: frozenset[str] = frozenset()


def is_place_word(gaz: Gazetteer, token: Token) -> bool:
    places = gaz.candidates_by_key(token.lower)
    return bool(places) and places[0].kind in _PLACE_WORD_KINDS


def is_airport_word(gaz: Gazetteer, token: Token) -> bool:
    """Whether the word names an airport ("Heathrow", "Orly" after "London", "Paris"): no surname."""
    return any(p.kind == "airport" for p in gaz.candidates_by_key(name_key(token.text)))


def _surname_after(gaz: Gazetteer, tokens: list[Token], k: int) -> str | None:
    """The surname of a full name opening at ``k``: the last capitalised word of the run
    ("John F. Kennedy" gives "Kennedy"), if it is no place word."""
    m = k + 1
    while m + 1 < len(tokens) and tokens[m + 1].is_cap and tokens[m + 1].is_word \
            and tokens[m + 1].start - tokens[m].end == 1 and m - k < 3:
        m += 1
    if not is_place_word(gaz, tokens[m]) and len(tokens[m].text) > 2 and not is_airport_word(gaz, tokens[m]):
        return tokens[m].text
    return None


def surnames(gaz: Gazetteer, tokens: list[Token], caps: list[int]) -> frozenset[str]:
    """Surnames of the people the text names after a title or a given name.

    ``caps``: the indices of the capitalised words (see :func:`capitalised_words`).
    """
    capset = set(caps)
    out = set()
    for k in caps:
        if k + 1 not in capset:
            continue
        a, b = tokens[k], tokens[k + 1]
        if b.start - a.end != 1:
            continue
        titled = a.lower in TITLES or k > 1 and tokens[k - 1].text == "." and tokens[k - 2].lower in TITLES \
            and tokens[k - 2].end == tokens[k - 1].start  # "Dr. Goutham Rao"
        if titled or (gaz.is_given_name(a.text) and not is_place_word(gaz, a)):
            name = _surname_after(gaz, tokens, k)
            if name is not None:
                out.add(name)
    return frozenset(out)


def place_surnames(gaz: Gazetteer, tokens: list[Token], caps: list[int]) -> frozenset[str]:
    """Place words ending a two-word full name whose given name names no place ("Bill Holland",
    "Andrew Jordan"): that person, not the country, where the name stands alone uncued."""
    capset = set(caps)
    out = set()
    for k in caps:
        if k + 1 not in capset:
            continue
        a, b = tokens[k], tokens[k + 1]
        if b.start - a.end != 1 or a.text.isupper() or b.text.isupper():
            continue
        if k + 2 in capset and tokens[k + 2].start - b.end <= 1:
            continue  # a longer run ("Bill Holland Foundation")
        if gaz.is_given_name(a.text) and not gaz.has_key(a.lower) and is_place_word(gaz, b):
            out.add(b.text)
    return frozenset(out)


def capitalised_words(tokens: list[Token]) -> list[int]:
    """The indices of the tokens that are capitalised words, in order: every name starts at one."""
    return [k for k, t in enumerate(tokens) if t.is_cap and t.is_word]


def speakers_and_organisations(tokens: list[Token], caps: list[int]) -> tuple[frozenset[str], frozenset[str]]:
    """Single names before a verb of speech; words before an organisation head."""
    speakers, organisations = set(), set()
    last = len(tokens) - 1
    for k in caps:
        if k >= last:
            break
        a, b = tokens[k], tokens[k + 1]
        if b.start - a.end != 1:
            continue
        if b.lower in SPEECH_VERBS and not (k and tokens[k - 1].lower == "the"):
            speakers.add(a.text)
        elif b.is_cap and b.lower in ORGANISATION_EVIDENCE_HEADS:
            organisations.add(a.text)
    return frozenset(speakers), frozenset(organisations)


def gather(gaz: Gazetteer, doc: Doc, caps: list[int] | None = None) -> Evidence:
    """The article's evidence about names (``caps``: :func:`capitalised_words` of its tokens)."""
    tokens = doc.tokens
    caps = capitalised_words(tokens) if caps is None else caps
    speakers, organisations = speakers_and_organisations(tokens, caps)
    return Evidence(surnames=surnames(gaz, tokens, caps), speakers=speakers, organisations=organisations,
                    place_surnames=place_surnames(gaz, tokens, caps))
