"""Sentences and clauses: page furniture, the Doc's tokens regrouped for the rules, clause
segments, quotations and the closing attribution (", officials said.")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter

from geo.doc import Token
from geo.events.lexicon import FIRST_WORDS
from geo.events.state import Tok
from geo.events.words import (
    CLOSED_BY_COMMA,
    CONNECTORS,
    HARD_BOUNDARIES,
    MONTHS_DAYS,
    OPENERS,
    REPORTING,
    SEGMENT_WORDS,
    SUBORDINATORS,
)
from geo.model import Sentence

HYPHENS = ("-", "‐")
APOSTROPHES = ("'", "’")
QUOTES = ("\"", "“", "”")
_LOWER = attrgetter("lower")
_START = attrgetter("start")
#: what may be glued to the token before it into one word
GLUE = frozenset(HYPHENS + APOSTROPHES + ("s", "."))
#: after "since", words that make it a date ("since last year"), not a clause ("since they left")
SINCE_DATE_WORDS = ("then", "last", "early", "late", "mid", "the")


def is_furniture(sentence: Sentence, tokens: Sequence[Token], title: str) -> bool:
    """Headline, navigation and other page furniture: lines that report nothing."""
    text = sentence.text.strip()
    if title and text.casefold() == title.strip().casefold():
        return True
    if text.endswith((".", "!", "?", "\"", "”", "’", "'", ")")):
        return text.count(" ") < 2  # fewer than three words
    words = [t.text for t in tokens if t.is_word]
    if len(words) <= 4:
        return True
    content = [w for w in words if w.lower() not in CONNECTORS and len(w) > 2]
    # a headline: no closing punctuation and (nearly) every content word capitalised
    return bool(content) and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def sentence_words(tokens: Sequence[Token], text: str) -> set[str]:
    """The lower-case tokens of a sentence (punctuation too: no word list holds it), hyphen
    words both whole and in parts.

    ``tokens``: the sentence's run of the Doc's tokens; ``text``: the Doc's text. Every "-" is
    a token of its own (:data:`geo.doc.TOKEN`) and the run covers all that is not white space
    from its first token to its last, so the hyphens are found by searching the text, not by
    reading every token (only one sentence in five has one).
    """
    words = set(map(_LOWER, tokens))
    if len(tokens) < 3:
        return words
    stop = tokens[-2].end  # a hyphen word has a token on either side
    at = text.find("-", tokens[1].start, stop)
    while at != -1:
        i = bisect_left(tokens, at, lo=1, key=_START)  # the hyphen's own token
        a, h, b = tokens[i - 1], tokens[i], tokens[i + 1]
        if a.end == h.start and h.end == b.start:
            words.add(f"{a.lower}-{b.lower}")  # "sit-in", "al-qaeda" (two parts are enough)
        at = text.find("-", at + 1, stop)
    return words


def regroup(tokens: Sequence[Token]) -> list[Tok]:
    """The Doc's tokens with hyphen words ("al-Shabab"), "n't" words, "'s" and "..." joined
    (a new token each; the others are the Doc's own)."""
    out: list[Tok] = []
    append = out.append
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        if i + 1 < n:
            nxt = tokens[i + 1]
            if nxt.start == t.end and nxt.text in GLUE:
                j = _glued_end(tokens, i)
                if j > i:
                    append(Token(t.start, tokens[j].end, "".join(x.text for x in tokens[i:j + 1]), t.sentence, t.i))
                    i = j + 1
                    continue
        append(t)  # the common case: the Doc's token itself
        i += 1
    return out


def _glued_end(tokens: Sequence[Token], i: int) -> int:
    """The last token of the hyphen word, "n't" word, "'s" or "..." that starts at ``i``."""
    n = len(tokens)
    t = tokens[i]
    j = i
    if t.text[0].isalnum():
        while j + 2 < n and tokens[j + 1].text in HYPHENS and tokens[j].end == tokens[j + 1].start \
                and tokens[j + 1].end == tokens[j + 2].start and tokens[j + 2].text[0].isalnum():
            j += 2
        if j + 2 < n and tokens[j + 1].text in APOSTROPHES and tokens[j + 2].lower == "t" \
                and tokens[j].end == tokens[j + 1].start and tokens[j + 1].end == tokens[j + 2].start:
            j += 2  # "didn't", "won't"
    elif t.text in APOSTROPHES and i + 1 < n and tokens[i + 1].text == "s" and t.end == tokens[i + 1].start:
        j += 1  # the possessive "'s"
    elif t.text == "." and i + 2 < n and tokens[i + 1].text == tokens[i + 2].text == "." \
            and t.end == tokens[i + 1].start and tokens[i + 1].end == tokens[i + 2].start:
        j += 2
    return j


def clause_tokens(tokens: Sequence[Token]) -> list[Tok]:
    """The sentence's tokens, each with its clause segment, quotation and first-word flag."""
    toks = regroup(tokens)
    segment = 0
    quoted = False
    open_clause = False  # inside "While ...", ", who ...": the next comma closes it
    starts = True
    for i, tok in enumerate(toks):
        tok.first = starts
        if tok.is_alnum:
            starts = False
        elif tok.text in OPENERS:
            starts = True
        if tok.lower in SEGMENT_WORDS:
            if tok.text == "," and open_clause:
                segment += 1  # "While protests continued in Khartoum, the army shelled ..."
                open_clause = False
            elif tok.text in QUOTES:
                quoted = (not quoted) if tok.text == "\"" else tok.text == "“"
                segment += 1
            elif _opens_clause(toks, i):
                segment += 1
                open_clause = tok.lower in CLOSED_BY_COMMA and (i == 0 or tok.first or toks[i - 1].text == ",")
            elif _splits(toks, i):
                segment += 1
        tok.segment = segment
        tok.quoted = quoted
    return toks


def _opens_clause(toks: list[Tok], i: int) -> bool:
    """A subordinator ("that", "after", "which"), or "since" that is not a date's."""
    tok = toks[i]
    if tok.lower in SUBORDINATORS:
        return True
    if tok.lower != "since" or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    return not (nxt.text[:1].isdigit() or nxt.lower in MONTHS_DAYS or nxt.lower in SINCE_DATE_WORDS)


def _splits(toks: list[Tok], i: int) -> bool:
    """A hard boundary, a spaced dash, ", and", or a comma before a participle clause."""
    tok = toks[i]
    if tok.text in HARD_BOUNDARIES or (tok.text == "-" and i and toks[i - 1].end < tok.start):
        return True
    if tok.lower in ("and", "or") and i and toks[i - 1].text == ",":
        return True
    # ", killing twelve": a participle clause
    return (tok.text == "," and i + 1 < len(toks) and toks[i + 1].lower.endswith("ing")
            and toks[i + 1].lower not in ("during", "including", "according"))


def reporting_tail(toks: list[Tok]) -> int:
    """Where a closing attribution starts (", the defence ministry in Ankara said."), else len(toks).

    Places named there say where the source is, not where the event happened; the tail
    becomes a clause of its own.
    """
    n = len(toks)
    end = n - 1 if n and not toks[-1].is_alnum else n
    for k in range(end - 1, max(-1, end - 14), -1):
        if toks[k].text == "," and not toks[k].quoted:
            if not _attribution(toks[k + 1:end]):
                return n
            segment = toks[k].segment + 1
            for t in toks[k:]:
                t.segment = segment
            return k
    return n


def _attribution(after_comma: list[Tok]) -> bool:
    """", officials said", ", said the army", ", according to ...": the reporting verb opens or
    (nearly) closes the tail, and no event word stands in it."""
    tail = [t for t in after_comma if t.is_alnum]
    said = [n for n, t in enumerate(tail) if t.lower in REPORTING and not t.is_cap]
    if not said or any(t.lower == "that" or t.lower in FIRST_WORDS and t.lower not in REPORTING for t in tail):
        return False
    return said[0] == 0 and len(tail) <= 7 or said[-1] >= len(tail) - 4


def token_index(starts: list[int], offset: int) -> int:
    """Index of the token that contains (or precedes) a character offset."""
    return max(0, bisect_right(starts, offset) - 1)
