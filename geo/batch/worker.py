"""The per-partition work: one parser per worker process, records in, layer files out.

A worker builds its :class:`~geo.pipeline.Geoparser` once (:func:`init_worker`,
the process pool's initializer, or on first use on a Dask worker) and keeps it
for every partition it is given, so the gazetteer's caches stay warm and exist
once per process. :func:`run_partition` never raises for a bad record: a
record that fails becomes an error line and the partition goes on.
"""

from __future__ import annotations

import io
import json
import os
import resource
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.errors import GazetteerError, GeoError
from geo.io import ArticleRecord, RecordError
from geo.model import Analysis

__all__ = ("PartitionResult", "analyse_record", "check_cache", "init_worker", "run_partition")

#: the layers a partition writes, as GeoParquet (unresolved: plain Parquet, it has no geometry)
LAYERS = ("places", "mentions", "events", "event_areas", "unresolved")

_parser = None
_parser_key: tuple | None = None
_lock = threading.Lock()


@dataclass(frozen=True)
class ParserSpec:
    """What a worker needs to build its parser: picklable, small, the same on every worker."""

    cache_dir: str | None = None
    events: bool = True
    disable: tuple[str, ...] = ()
    #: the gazetteer's lookup-cache bound in a worker (see geo.gazetteer.store): smaller than a
    #: page's, since a worker's memory, not its hit rate on a few articles, is what an archive
    #: run is limited by
    cache_size: int = 8_000


DEFAULT_SPEC = ParserSpec()


@dataclass
class PartitionResult:
    """What a worker sends back: the partition's files as bytes, its counts and its errors."""

    index: int
    fingerprint: str
    files: dict[str, bytes] = field(default_factory=dict)
    documents: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    #: CPU time the worker spent on it (wall time minus waiting, on a busy machine)
    cpu_seconds: float = 0.0
    #: the worker process's peak resident memory so far (MB)
    peak_rss_mb: float = 0.0
    worker: str = ""


def check_cache(cache_dir: str | None) -> Path:
    """The gazetteer cache path on this machine; a clear error naming it and the fix if missing."""
    from geo.gazetteer import cache_path

    path = cache_path(Path(cache_dir) if cache_dir else None)
    if not path.exists():
        flag = f" --cache-dir {cache_dir}" if cache_dir else ""
        raise GazetteerError(
            f"No gazetteer cache at {path} on this worker; build it there first with "
            f"`python -m geo{flag} gazetteer` (the same package versions as the client), or copy the "
            f"client's cache file to that path.")
    return path


def init_worker(spec: ParserSpec) -> None:
    """Build this process's one parser (the process pool's initializer)."""
    _worker_parser(spec)


def _system_arrow_pool() -> None:
    """Write Parquet through the C allocator: Arrow's own pool (jemalloc or mimalloc) keeps what a
    partition freed, about 40 MB per worker on a 20,000-document run (docs/batch.md)."""
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())


def _worker_parser(spec: ParserSpec):
    global _parser, _parser_key
    key = (spec.cache_dir, spec.events, spec.disable, spec.cache_size)
    with _lock:  # a Dask worker runs tasks in threads: build once
        if _parser is None or _parser_key != key:
            from geo.gazetteer import Gazetteer
            from geo.pipeline import Geoparser

            check_cache(spec.cache_dir)
            _system_arrow_pool()
            gazetteer = Gazetteer.load(Path(spec.cache_dir) if spec.cache_dir else None,
                                       cache_size=spec.cache_size)
            _parser = Geoparser(gazetteer, events=spec.events, disable=spec.disable)
            _parser_key = key
        return _parser


def analyse_record(parser, record: ArticleRecord) -> Analysis | RecordError:
    """The analysis of one record, or an error line: one bad document never stops the others."""
    try:
        return parser.analyse(record.text, doc_id=record.id, title=record.title,
                              published=record.published_date())
    except GeoError as exc:
        return record.error(f"could not be analysed: {exc}")
    except Exception as exc:  # a bug on one text must not lose the partition; it is reported, not hidden
        return record.error(f"could not be analysed ({type(exc).__name__}: {exc}); "
                            f"please report it with this record.")


def run_partition(spec: ParserSpec, index: int, fingerprint: str,
                  items: list[ArticleRecord | RecordError]) -> PartitionResult:
    """Analyse one partition and return its layer files (GeoParquet bytes), analyses and errors."""
    from geo.layers import build_layers

    started, cpu = time.perf_counter(), time.process_time()
    parser = _worker_parser(spec)
    analyses, errors, extra = [], [], {}
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ArticleRecord) and item.id in seen:
            item = item.error(f"the id {item.id!r} appears twice in this partition; give each article "
                              f"a unique id.")
        if isinstance(item, RecordError):
            errors.append(item.to_dict())
            continue
        analysis = analyse_record(parser, item)
        if isinstance(analysis, RecordError):
            errors.append(analysis.to_dict())
            continue
        seen.add(item.id)
        analyses.append(analysis)
        extra[item.id] = {"url": item.url, "source": item.source, "file": item.file,
                          "position": item.position}
    layers = build_layers(analyses, parser.gazetteer)
    result = PartitionResult(index, fingerprint, documents=len(analyses), errors=errors)
    name = f"part-{index:05d}"
    for layer in LAYERS:
        frame = layers[layer]
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        result.files[f"{layer}/{name}.parquet"] = buffer.getvalue()
        result.rows[layer] = len(frame)
    result.files[f"analyses/{name}.jsonl"] = "".join(
        json.dumps({**a.to_dict(), **extra[a.id]}, ensure_ascii=False) + "\n" for a in analyses).encode()
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.worker = f"{socket.gethostname()} pid {os.getpid()}"
    return result
