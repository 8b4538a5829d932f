"""The one document every pipeline step reads and writes (spaCy's ``Doc`` is the model).

A :class:`Doc` is made once per article by :func:`make_doc`: the checked text,
its sentences and its tokens, each computed once. The components of
:class:`geo.pipeline.Geoparser` then fill it in, in order: the recogniser adds
``mentions`` and the names of people and organisations it saw, the resolver
``toponyms``, the focus step ``focus``, the events step ``events``, the
corrections step its changes. :meth:`Doc.to_analysis` freezes the result into
the domain model's :class:`~geo.model.Analysis`.

A ``Doc`` belongs to one call: per-document state lives here, never on a
component that every thread and page session shares.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from geo.model import Analysis, Event, Focus, Sentence, Toponym
from geo.text import check_text, split_sentences

#: dotted initialisms ("U.S.", "D.C."), runs of letters or digits, or one other character
TOKEN = re.compile(r"[A-Z]\.(?:[A-Z]\.)+|[^\W_]+|\S")


class Token:
    """One token of the text, with the fields every step asks for computed once.

    A plain slots class rather than a dataclass: documents have thousands of
    tokens and each field is read many times. ``is_word`` is a letter first,
    ``is_alnum`` a letter or a digit first (the event rules count numbers as
    words). The event rules read the tokens of a sentence once and write three
    more fields on them (``segment``, ``quoted``, ``first``: see
    :func:`geo.events.clauses.clause_tokens`) instead of copying them. :func:`tokenize` writes
    the fields of ``__init__`` itself (see there): a change here goes there too.
    """

    __slots__ = ("start", "end", "text", "lower", "is_cap", "is_word", "is_alnum", "sentence", "i",
                 "segment", "quoted", "first")

    def __init__(self, start: int, end: int, text: str, sentence: int = 0, i: int = 0) -> None:
        self.start = start
        self.end = end
        self.text = text
        first = text[0]  # a token is never empty
        self.lower = text.lower()
        self.is_cap = first.isupper()
        self.is_word = first.isalpha()
        self.is_alnum = first.isalnum()
        self.sentence = sentence
        self.i = i

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))


def tokenize(text: str, sentences: tuple[Sentence, ...] = ()) -> list[Token]:
    """The tokens of ``text``; each knows its index and the sentence it is in.

    The tokens are those of :data:`TOKEN`, found without running it over the whole text (the
    regex engine costs some hundred machine instructions a character): no token spans white
    space, so the text is split at white space, and a run of letters and digits (most chunks),
    or one followed by a single mark ("said,"), is cut without the regex. ``[^\\W_]`` is what
    :meth:`str.isalnum` accepts, and :meth:`str.split` splits at what ``\\s`` matches.

    Each token is made as ``Token(start, end, text, sentence, i)`` would make it, but without
    the call: in CPython 3.11 calling a class with a Python ``__init__`` costs about as much as
    all of that ``__init__``'s work (a tenth of tokenising went to it), and a document has hundreds of
    tokens. ``tests/test_speed_equivalence.py`` holds the two ways to the same fields.
    """
    bounds = [s.start for s in sentences[1:]]
    bounds.append(len(text) + 1)  # past every token
    tokens: list[Token] = []
    append = tokens.append
    new_token = object.__new__
    i = 0  # the next token's index
    sent = 0
    next_start = bounds[0]
    end = -1  # where the last chunk ended: one white-space character before the next, mostly
    for chunk in text.split():
        start = end + 1 if text[end + 1] == chunk[0] else text.find(chunk, end + 1)
        end = start + len(chunk)
        if chunk.isalnum():
            # one word, most chunks: made here, without a tuple of one to loop over (a seventh of tokenising)
            while start >= next_start:
                sent += 1
                next_start = bounds[sent]
            token = new_token(Token)  # the fields of Token.__init__, in its order
            token.start = start
            token.end = end
            token.text = chunk
            first = chunk[0]
            token.lower = chunk.lower()
            token.is_cap = first.isupper()
            token.is_word = first.isalpha()
            token.is_alnum = True  # the whole chunk is
            token.sentence = sent
            token.i = i
            append(token)
            i += 1
            continue
        words: Sequence[str] = (chunk[:-1], chunk[-1]) if chunk[:-1].isalnum() else TOKEN.findall(chunk)
        for word in words:
            while start >= next_start:
                sent += 1
                next_start = bounds[sent]
            stop = start + len(word)
            token = new_token(Token)  # the fields of Token.__init__, in its order
            token.start = start
            token.end = stop
            token.text = word
            first = word[0]
            token.lower = word.lower()
            token.is_cap = first.isupper()
            token.is_word = first.isalpha()
            token.is_alnum = first.isalnum()
            token.sentence = sent
            token.i = i
            append(token)
            i += 1
            start = stop
    return tokens


def _sentence_of(token: Token) -> int:
    return token.sentence


def doc_id_for(text: str) -> str:
    """A stable id from the text itself, for documents that arrive without one."""
    return "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


@dataclass(eq=False)
class Doc:
    """An article being analysed: text, sentences and tokens, then what each step adds."""

    text: str
    id: str
    title: str = ""
    published: dt.date | None = None
    sentences: tuple[Sentence, ...] = ()
    tokens: list[Token] = field(default_factory=list)
    #: names the recogniser read as people ("Heappey") and organisations ("Wagner")
    persons: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    #: the recogniser's spans with their candidates (``geo.recognize.RawMention``)
    mentions: list[Any] = field(default_factory=list)
    toponyms: tuple[Toponym, ...] = ()
    focus: Focus = field(default_factory=Focus)
    events: tuple[Event, ...] = ()
    #: what a step leaves for a later one, by the step's name
    user_data: dict[str, Any] = field(default_factory=dict)

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence ``index`` (tokens are in sentence order)."""
        lo = bisect_left(self.tokens, index, key=_sentence_of)
        hi = bisect_left(self.tokens, index + 1, lo=lo, key=_sentence_of)
        return self.tokens[lo:hi]

    def to_analysis(self) -> Analysis:
        """The frozen domain record of this document."""
        return Analysis(id=self.id, text=self.text, title=self.title, published=self.published,
                        sentences=self.sentences, toponyms=self.toponyms, events=self.events,
                        focus=self.focus)


def make_doc(text: object, *, doc_id: str | None = None, title: str = "",
             published: dt.date | None = None) -> Doc:
    """Check ``text`` and split it once into sentences and tokens."""
    checked = check_text(text)
    sentences = split_sentences(checked)
    return Doc(text=checked, id=doc_id or doc_id_for(checked), title=title, published=published,
               sentences=sentences, tokens=tokenize(checked, sentences))
