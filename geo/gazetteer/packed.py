"""The packed lookups: small tables the cache stores whole, one row each, read in one go.

Every process reads them on its first document (word frequencies, given
names, dictionary words, demonyms, the countries). As JSON the Zipf table
alone (41,000 floats) took 30 ms to decode; in these forms all of them
read in a few milliseconds:

* words: UTF-8 text, one word a line (no word holds a newline: checked
  when packing);
* numbers: a little-endian array (``array`` type code ``d`` for floats,
  ``q`` for ids), so a float reads back bit for bit;
* a table ``{word: number}``: its words, then its numbers in the same order.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Mapping

#: the packed rows: name -> how it is stored ("words", "numbers:<typecode>", "table:<typecode>")
LAYOUT = {"zipf": "table:d", "demonyms": "table:q", "dictionary_words": "words", "given_names": "words",
          "countries": "numbers:q"}


def pack_words(words: Iterable[str]) -> bytes:
    words = list(words)
    if any("\n" in w for w in words):
        raise ValueError("Expected words without newlines to pack, instead got one with a newline.")
    return "\n".join(words).encode("utf-8")


def unpack_words(data: bytes) -> list[str]:
    return bytes(data).decode("utf-8").split("\n") if data else []


def pack_numbers(values: Iterable[float | int], typecode: str) -> bytes:
    numbers = array(typecode, values)
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers.tobytes()


def unpack_numbers(data: bytes, typecode: str) -> array:
    numbers = array(typecode, bytes(data))
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


def row_names(name: str) -> list[str]:
    """The packed rows one lookup is stored in."""
    return [f"{name}.words", f"{name}.numbers"] if LAYOUT[name].startswith("table") else [name]


def pack(name: str, value: Mapping | Iterable) -> list[tuple[str, bytes]]:
    """The packed rows ``(row name, data)`` of one lookup (see :data:`LAYOUT`)."""
    kind, _, typecode = LAYOUT[name].partition(":")
    if kind == "words":
        return [(name, pack_words(value))]
    if kind == "numbers":
        return [(name, pack_numbers(value, typecode))]
    return [(f"{name}.words", pack_words(value)), (f"{name}.numbers", pack_numbers(value.values(), typecode))]


def unpack(name: str, rows: Mapping[str, bytes]) -> dict | list | frozenset:
    """One lookup from its packed rows: a table as a dict, words as a frozenset, numbers as a list."""
    kind, _, typecode = LAYOUT[name].partition(":")
    if kind == "words":
        return frozenset(unpack_words(rows[name]))
    if kind == "numbers":
        return unpack_numbers(rows[name], typecode).tolist()
    words, numbers = unpack_words(rows[f"{name}.words"]), unpack_numbers(rows[f"{name}.numbers"], typecode)
    if len(words) != len(numbers):
        raise ValueError(f"The packed table {name!r} has {len(words)} words and {len(numbers)} numbers; "
                         f"rebuild the gazetteer cache with `python -m geo gazetteer --rebuild`.")
    return dict(zip(words, numbers, strict=True))
