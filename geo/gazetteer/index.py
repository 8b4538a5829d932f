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
from collections.abc import Iterable

import numpy as np


def key_hash(key: str) -> int:
    """The 64-bit hash of a name key (BLAKE2b, so it is the same in every process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


class NameIndex:
    """Membership of name keys, from a sorted ``uint64`` array of their hashes."""

    __slots__ = ("_hashes",)

    def __init__(self, hashes: np.ndarray) -> None:
        self._hashes = hashes

    @classmethod
    def from_keys(cls, keys: Iterable[str]) -> NameIndex:
        hashes = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64)
        return cls(np.unique(hashes))  # sorted, without duplicates

    @classmethod
    def from_bytes(cls, blob: bytes) -> NameIndex:
        return cls(np.frombuffer(blob, dtype="<u8"))

    def to_bytes(self) -> bytes:
        return self._hashes.astype("<u8").tobytes()

    def __contains__(self, key: str) -> bool:
        h = np.uint64(key_hash(key))
        i = int(np.searchsorted(self._hashes, h))
        return i < len(self._hashes) and self._hashes[i] == h

    def __len__(self) -> int:
        return len(self._hashes)

    @property
    def nbytes(self) -> int:
        return int(self._hashes.nbytes)
