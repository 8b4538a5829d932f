"""The fast paths of the doc step give exactly what the plain regexes give.

``tokenize`` cuts most chunks between white space without running ``TOKEN``, and the
sentence-end regex is written so that the regex engine can skip from mark to mark; both
must keep every token and every sentence end where the straightforward versions put them.
The texts are made up here from pieces chosen for their edge cases (initialisms, marks,
odd white space, non-ASCII letters and digits, case-folding oddities).
"""

import random
import re

import pytest

from geo.doc import TOKEN, Token, make_doc, tokenize
from geo.events.clauses import sentence_words
from geo.events.dates import find_dates
from geo.recognize.lexicon import CONNECTORS
from geo.recognize.match import shouting_sentences
from geo.text import _BOUNDARY, split_sentences

#: the sentence-end regex as first written (a look-behind first), the reference
PLAIN_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+\s++(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*\S)")

PIECES = ["U.S.", "A.", "J.R.R.", "U.S", "said,", "(AP)", "—", "-", "al-Shabab", "didn't", "’s", "“Yes,”",
          "e.g.", "Mr.", "...", "?!", "x_y", "_", "é", "Σ", "ΣΑΣ", "İ", "ǅ", "٣", "²", "½", "a\u0301", "Ⓐ", "2021",
          "Monday", "May", "8,", "Gao.", "\"", ")", "[", ". ", ".\n", "\n\n", "\t", "\xa0", "\x85", "\u2028",
          "\x1c", " ", "  ", "word", "Word", "WORD", "9th"]


def _texts(count: int, seed: int, pieces=PIECES, joints=("", " ", " ", "\n"), longest: int = 14):
    """``count`` random texts of up to ``longest`` pieces, each followed by one of ``joints``."""
    rnd = random.Random(seed)
    for _ in range(count):
        yield "".join(rnd.choice(pieces) + rnd.choice(joints) for _ in range(rnd.randint(1, longest)))


@pytest.mark.parametrize("seed", range(3))
def test_tokens_are_those_of_the_token_regex(seed):
    for text in _texts(3000, seed):
        tokens = tokenize(text)
        assert [(t.start, t.end, t.text) for t in tokens] == [(*m.span(), m.group()) for m in TOKEN.finditer(text)]
        assert [t.i for t in tokens] == list(range(len(tokens)))
        for t in tokens:
            assert (t.lower, t.is_cap, t.is_word, t.is_alnum) == (
                t.text.lower(), t.text[0].isupper(), t.text[0].isalpha(), t.text[0].isalnum())


def test_tokens_are_made_as_the_token_class_makes_them():
    # tokenize writes the fields itself rather than calling Token.__init__: the same fields, the same values
    for text in _texts(2000, 11):
        sentences = split_sentences(text) if text.strip() else ()
        for t in tokenize(text, sentences):
            made = Token(t.start, t.end, t.text, t.sentence, t.i)
            for name in Token.__slots__:
                assert hasattr(t, name) == hasattr(made, name), name
                if hasattr(made, name):
                    assert getattr(t, name) == getattr(made, name), name


def test_each_token_knows_its_sentence():
    for text in _texts(2000, 7):
        if not text.strip():
            continue
        sentences = split_sentences(text)
        starts = [s.start for s in sentences]
        for t in tokenize(text, sentences):
            assert t.sentence == max(0, sum(start <= t.start for start in starts) - 1)


@pytest.mark.parametrize("seed", range(3))
def test_sentence_ends_are_those_of_the_plain_regex(seed):
    for text in _texts(3000, seed):
        assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in PLAIN_BOUNDARY.finditer(text)]


def test_dates_found_where_windows_are_skipped_for_other_kinds():
    # each window lacks what some other kind needs (a year, a digit, a deictic or weekday word)
    cases = {
        "They met on December 8, 2021 in Accra.": "on December 8, 2021",
        "They met on 8 December 2021 in Accra.": "on 8 December 2021",
        "They met in December in Accra.": "in December",
        "They met on December 8 in Accra.": "on December 8",
        "Shelling went on last night in Kharkiv.": "last night",
        "The talks resume MONDAY in Accra.": "MONDAY",
        "The talks resume Monday morning in Accra.": "Monday morning",
    }
    for text, surface in cases.items():
        assert [d.text for d in find_dates(text)] == [surface], text


def _plain_shouting(doc):
    """shouting_sentences as first written: one count per token, the reference."""
    size = len(doc.sentences)
    words, upper, content, title = [0] * size, [0] * size, [0] * size, [0] * size
    for t in doc.tokens:
        n = t.sentence
        if not t.is_word or n >= size:
            continue
        words[n] += 1
        if len(t.text) > 1 and t.text.isupper():
            upper[n] += 1
        if t.lower not in CONNECTORS:
            content[n] += 1
            title[n] += t.is_cap
    return frozenset(n for n in range(size) if words[n] >= 3 and (
        upper[n] >= 0.6 * words[n] or content[n] >= 3 and title[n] == content[n]
        and not doc.sentences[n].text.endswith((".", '"', "”"))))


#: headline-like pieces: capitals, one-letter capitals, title case, connectors, closing marks
SHOUT_PIECES = ["KYIV", "GAO", "A", "I", "U.S.", "UN", "A1", "Of", "of", "the", "and", "Bay", "Mali",
                "word", "ΣΑΣ", "ǅ", "İ", "中AB", "中", "9TH", ".", "\"", "”", ",", "\n", "\n\n", "   "]


@pytest.mark.parametrize("seed", range(3))
def test_shouting_sentences_are_those_of_the_plain_count(seed):
    for text in _texts(3000, seed, SHOUT_PIECES, (" ", " ", "", "\n"), 24):
        if not text.strip():
            continue
        doc = make_doc(text)
        assert shouting_sentences(doc) == _plain_shouting(doc), text


def _plain_sentence_words(tokens):
    """sentence_words as first written: every token read for a hyphen, the reference."""
    words = {t.lower for t in tokens}
    for i in range(1, len(tokens) - 1):
        a, h, b = tokens[i - 1], tokens[i], tokens[i + 1]
        if h.text == "-" and a.end == h.start and h.end == b.start:
            words.add(f"{a.lower}-{b.lower}")
    return words


HYPHEN_PIECES = ["sit", "-", "-in", "al-", "Qaeda", "12-year-old", "--", " - ", "‐", "x-", "-y", "U.S.-led",
                 "Mid-", ". ", "A", "word", "\n\n", "é-a"]


@pytest.mark.parametrize("seed", range(3))
def test_hyphen_words_are_those_of_the_token_by_token_search(seed):
    for text in _texts(2000, seed, HYPHEN_PIECES, ("", "", " ", "\n"), 20):
        if not text.strip():
            continue
        doc = make_doc(text)
        for n in range(len(doc.sentences)):
            tokens = doc.sentence_tokens(n)
            assert sentence_words(tokens, doc.text) == _plain_sentence_words(tokens), text
