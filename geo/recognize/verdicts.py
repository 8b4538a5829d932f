"""What a recognition rule says about a span: keep it (with a type), drop it (with the reading
that beat the place), or nothing; and the named rule itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from geo.model import MentionType, Place
from geo.recognize.context import Context

Reading = Literal["person", "organisation", "product", "building", "word", "name"]


@dataclass(frozen=True, slots=True)
class Drop:
    """Not a place here: ``reading`` is what the span is instead."""

    reading: Reading


@dataclass(slots=True, unsafe_hash=True)
class Keep:
    """A place mention of type ``kind``; ``last`` (a token index) and ``places`` when the
    rule changes the span or narrows the candidates.

    Not frozen, as :mod:`geo.model`'s per-document records are not (one is made for most kept
    spans, and a frozen ``__init__`` sets each field through ``object.__setattr__``); never
    changed once made (``dataclasses.replace`` makes a new one)."""

    kind: MentionType
    last: int | None = None
    places: tuple[Place, ...] | None = None
    adjectival: bool = False
    #: whether the mention carries the "Y" of an "X, Y" pair to the resolver
    container: bool = True


Verdict = Drop | Keep | None
PERSON, ORGANISATION, WORD, NAME = Drop("person"), Drop("organisation"), Drop("word"), Drop("name")
PRODUCT, BUILDING = Drop("product"), Drop("building")


@dataclass(frozen=True, slots=True)
class FilterRule:
    name: str
    provenance: str
    judge: Callable[[Context], Verdict]
