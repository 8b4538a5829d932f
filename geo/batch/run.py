"""A batch run: partitions out to local worker processes or a Dask cluster, results into one folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.batch import PARTITION_SIZE
from geo.batch.output import BatchOutput
from geo.batch.partitions import Partition, partitions
from geo.batch.worker import (
    DEFAULT_SPEC,
    ParserSpec,
    PartitionResult,
    check_cache,
    init_worker,
    run_partition,
)
from geo.errors import GeoError
from geo.io import DEFAULT_COLUMNS, Columns, RecordError

__all__ = ("BatchSummary", "run_batch")



@dataclass(frozen=True)
class BatchSummary:
    """What a run did; ``manifest.json`` holds the same numbers for the whole folder."""

    out: Path
    documents: int
    errors: int
    partitions: int
    skipped: int
    seconds: float
    peak_rss_mb: dict[str, float]

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents} document(s), {self.errors} error(s) in {self.partitions} partition(s) "
                f"({self.skipped} already done) -> {self.out} ({self.seconds:.1f} s, {rate:.1f} docs/s)")


def run_batch(inputs: Iterable[str | Path], out: Path, *, workers: int | None = None,
              scheduler: str | None = None, partition_size: int = PARTITION_SIZE,
              columns: Columns = DEFAULT_COLUMNS, spec: ParserSpec = DEFAULT_SPEC, progress: bool = False,
              log: Callable[[str], None] | None = None) -> BatchSummary:
    """Analyse every record of ``inputs`` into ``out``; resume where a previous run stopped."""
    import time

    inputs = [str(i) for i in inputs]
    if partition_size < 1:
        raise GeoError(f"Expected a partition size of at least 1, instead got: {partition_size!r}.")
    check_cache(spec.cache_dir)  # here, before any worker starts
    output = BatchOutput(Path(out))
    output.start({"inputs": inputs, "partition_size": partition_size, "columns": columns.__repr__(),
                  "events": spec.events, "disable": list(spec.disable)})
    started = time.perf_counter()
    bar = _progress_bar(inputs, columns, enabled=progress)
    stats = {"skipped": 0, "partitions": 0}
    rss: dict[str, float] = {}

    def todo() -> Iterator[Partition]:
        for part in partitions(inputs, partition_size, columns=columns):
            stats["partitions"] += 1
            if output.done(part):
                stats["skipped"] += 1
                bar.update(len(part.items))
                continue
            yield part

    def finished(result: PartitionResult) -> None:
        output.write(result)
        rss[result.worker] = max(rss.get(result.worker, 0.0), result.peak_rss_mb)
        bar.update(result.documents + len(result.errors))
        if log:
            for error in result.errors:
                log(f"error: {RecordError(**error)}")

    try:
        if scheduler:
            _run_dask(scheduler, spec, todo(), finished)
        elif (workers or os.cpu_count() or 1) > 1:
            _run_pool(workers or os.cpu_count() or 1, spec, todo(), finished)
        else:
            for part in todo():
                finished(run_partition(spec, part.index, part.fingerprint, part.items))
    finally:
        bar.close()
    seconds = time.perf_counter() - started
    totals = output.finish(spec, seconds=seconds, workers=workers, scheduler=scheduler, peak_rss_mb=rss)
    return BatchSummary(Path(out), totals["documents"], totals["errors"], stats["partitions"],
                        stats["skipped"], seconds, rss)


def _run_pool(workers: int, spec: ParserSpec, parts: Iterator[Partition],
              finished: Callable[[PartitionResult], None]) -> None:
    """Local worker processes, each with one parser built by the pool's initializer."""
    import multiprocessing  # here, with the pool: `python -m geo parse` imports this package too
    from concurrent.futures import ProcessPoolExecutor

    # spawn: a worker starts clean (no copy of the client's memory, no inherited SQLite handle)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                             initargs=(spec,)) as pool:
        _bounded(lambda p: pool.submit(run_partition, spec, p.index, p.fingerprint, p.items),
                 parts, finished, limit=2 * workers, result=lambda f: f.result(), waiter=_wait_futures)


def _wait_futures(pending: set) -> tuple[set, set]:
    done, rest = wait(pending, return_when=FIRST_COMPLETED)
    return done, rest


def _bounded(submit: Callable[[Partition], Any], parts: Iterator[Partition],
             finished: Callable[[PartitionResult], None], *, limit: int,
             result: Callable[[Any], PartitionResult], waiter: Callable[[set], tuple[set, set]]) -> None:
    """Keep at most ``limit`` partitions in flight, so the corpus is never all in memory."""
    pending: set[Future] = set()
    for part in parts:
        pending.add(submit(part))
        if len(pending) >= limit:
            done, pending = waiter(pending)
            for future in done:
                finished(result(future))
    while pending:
        done, pending = waiter(pending)
        for future in done:
            finished(result(future))


def _run_dask(address: str, spec: ParserSpec, parts: Iterator[Partition],
              finished: Callable[[PartitionResult], None]) -> None:
    """A dask.distributed cluster: one parser per worker (built on first use), checked first."""
    try:
        from distributed import Client
        from distributed import wait as dask_wait
    except ImportError as exc:
        raise GeoError("--scheduler needs dask.distributed: pip install 'dask[distributed]'.") from exc

    with Client(address) as client:
        nworkers = len(client.scheduler_info().get("workers", {})) or 1
        # every worker must have the cache before any partition goes out
        problems = client.run(_worker_check, spec.cache_dir)
        missing = {w: msg for w, msg in problems.items() if msg}
        if missing:
            raise GeoError("; ".join(f"{w}: {msg}" for w, msg in missing.items()))

        def waiter(pending: set) -> tuple[set, set]:
            done, rest = dask_wait(list(pending), return_when="FIRST_COMPLETED")
            return set(done), set(rest)

        _bounded(lambda p: client.submit(run_partition, spec, p.index, p.fingerprint, p.items, pure=False),
                 parts, finished, limit=2 * nworkers, result=lambda f: f.result(), waiter=waiter)


def _worker_check(cache_dir: str | None) -> str:
    """Run on each Dask worker: the cache's problem there, or an empty string."""
    try:
        check_cache(cache_dir)
    except GeoError as exc:
        return str(exc)
    return ""


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(inputs: list[str], columns: Columns, *, enabled: bool):
    """A tqdm bar with docs/s and ETA (the total from a quick count of the records), or nothing."""
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    from geo.batch.partitions import count_records

    return tqdm(total=count_records(inputs), unit="doc", smoothing=0.1, dynamic_ncols=True)
