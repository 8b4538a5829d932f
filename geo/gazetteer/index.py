"""An in-memory index of every name key: a sorted array of 64-bit hashes.

Most capitalised runs in news text are not place names ("Tuesday", "Prime
Minister Smith"); asking SQLite about each of them was a quarter of the
parse time. The index answers "does the gazetteer know this key?" in memory,
so only names the gazetteer has reach SQLite.

Size: 8 bytes per distinct key (about 740,000 keys, 5.9 MB), stored in the
cache as one blob and loaded with one read. A false positive needs two keys
with the same 64-bit BLAKE2b hash: with n keys the chance per lookup is about
n / 2**64 (4e-14 here), and the only effect would be one SQLite query that
finds nothing.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable


def key_hash(key: str) -> int:
    """The 64-bit hash of a name key (BLAKE2b, so it is the same in every process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


class NameIndex:
    """Membership of name keys, from a sorted ``uint64`` array of their hashes."""

    __slots__ = ("_blob", "_view")

    def __init__(self, blob: bytes) -> None:
        # bisect over a memoryview of the bytes: plain Python ints, no numpy (whose import
        # alone costs more memory than the index, and whose scalar search is three times slower)
        if sys.byteorder == "big":  # stored little-endian
            swapped = array("Q", blob)
            swapped.byteswap()
            blob = swapped.tobytes()
        self._blob = blob
        self._view = memoryview(blob).cast("Q")

    @classmethod
    def from_keys(cls, keys: Iterable[str]) -> NameIndex:
        hashes = array("Q", sorted({key_hash(k) for k in keys}))
        if hashes.itemsize != 8:
            raise OverflowError("the platform has no 8-byte unsigned array type")
        if sys.byteorder == "big":
            hashes.byteswap()
        return cls(hashes.tobytes())

    @classmethod
    def from_bytes(cls, blob: bytes) -> NameIndex:
        return cls(bytes(blob))

    def to_bytes(self) -> bytes:
        """Little-endian, as stored in the cache."""
        if sys.byteorder == "big":
            swapped = array("Q", self._blob)
            swapped.byteswap()
            return swapped.tobytes()
        return self._blob

    def __contains__(self, key: str) -> bool:
        h = key_hash(key)
        view = self._view
        i = bisect_left(view, h)
        return i < len(view) and view[i] == h

    def __len__(self) -> int:
        return len(self._view)

    @property
    def nbytes(self) -> int:
        return len(self._blob)
