"""Inputs to partitions: the records of the inputs, in order, cut every ``size`` records.

The cut depends only on the inputs and the size, so a rerun of the same
command finds the same partitions, and a partition's fingerprint (a digest of
its records' places and ids) tells whether a finished one on disk is the same.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from geo.io import (
    DEFAULT_COLUMNS,
    STDIN,
    ArticleRecord,
    Columns,
    RecordError,
    corpus_files,
    input_kind,
    read_records,
)

__all__ = ("Partition", "count_records", "partitions")


@dataclass(frozen=True)
class Partition:
    index: int
    fingerprint: str
    items: list[ArticleRecord | RecordError]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def partitions(inputs: Iterable[str | Path], size: int, *, columns: Columns = DEFAULT_COLUMNS) -> Iterator[Partition]:
    """Consecutive partitions of at most ``size`` records (bad records included, as errors)."""
    records = read_records(inputs, columns=columns)
    index = 0
    while chunk := list(islice(records, size)):
        yield Partition(index, fingerprint(chunk), chunk)
        index += 1


def fingerprint(items: list[ArticleRecord | RecordError]) -> str:
    digest = hashlib.sha1()
    for item in items:
        digest.update(f"{item.file}\0{item.position}\0{item.id}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def count_records(inputs: Iterable[str | Path]) -> int | None:
    """About how many records the inputs hold (for a progress bar's ETA); None if unknown (stdin)."""
    total = 0
    for path in corpus_files(inputs):
        if path == STDIN:
            return None
        kind = input_kind(Path(path))
        if kind == "article":
            total += 1
        elif kind == "jsonl":
            opener = gzip.open if str(path).lower().endswith(".gz") else open
            with opener(path, "rb") as f:
                total += sum(1 for line in f if line.strip())
        elif kind == "parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(path).metadata.num_rows
        else:  # CSV: a field may span lines, so count rows by reading them
            total += sum(1 for _ in read_records([path]))
    return total
