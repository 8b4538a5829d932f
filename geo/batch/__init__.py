"""Archives: geoparse a corpus into GeoParquet partitions, on local processes or a Dask cluster.

::

    summary = run_batch(["news/", "wire.jsonl.gz"], Path("out"), workers=2)
    summary = run_batch(["wire.parquet"], Path("out"), scheduler="tcp://10.0.0.5:8786")

The records of the inputs, in order, are cut into partitions of
``partition_size`` (:mod:`geo.batch.partitions`); each partition is analysed by
a worker that builds its parser once (:mod:`geo.batch.worker`) and written
atomically by :mod:`geo.batch.output`. Rerunning the same command skips the
partitions already written, so an interrupted run loses at most the
partitions in flight. ``docs/batch.md`` describes the output folder.
"""

from __future__ import annotations

from typing import Any

__all__ = ("PARTITION_SIZE", "BatchSummary", "ParserSpec", "run_batch")

#: records per partition: large enough that a partition's overhead (files, a task) is small,
#: small enough that an interruption loses little and a worker holds little
PARTITION_SIZE = 500


def __getattr__(name: str) -> Any:
    # the run and its workers load when asked for: `python -m geo parse` imports this package
    # for a constant and should not pay for process pools and output writers (PEP 562)
    if name in ("BatchSummary", "run_batch"):
        from geo.batch import run

        return getattr(run, name)
    if name == "ParserSpec":
        from geo.batch.worker import ParserSpec

        return ParserSpec
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
