"""The batch output folder: partitions written atomically, resume, errors.jsonl, manifest.json.

::

    out/
      batch.json                  the options of the run (a rerun must match them)
      places/part-00000.parquet   GeoParquet, one file per partition and layer
      mentions/  events/  event_areas/
      unresolved/part-00000.parquet   plain Parquet (no geometry)
      analyses/part-00000.jsonl   the analyses, one JSON object per document
      errors/part-00000.jsonl     the partition's bad records
      done/part-00000.json        written last: the partition is complete
      errors.jsonl                every bad record, in input order (rebuilt at the end)
      summary/place_days.parquet  the archive page's tables (rebuilt at the end): a row per place and
      summary/event_days.parquet  publication day, and per event place, day and category
      manifest.json               counts, versions, the gazetteer's source versions

A partition's files go to a temporary name and are renamed into place, and
its ``done`` marker is written the same way after them; a partition without a
marker is written again on the next run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from geo.batch.worker import LAYERS, ParserSpec, PartitionResult
from geo.errors import GeoError

__all__ = ("BatchOutput", "atomic_write")


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a unique temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class BatchOutput:
    def __init__(self, root: Path) -> None:
        self.root = root

    def start(self, options: dict[str, Any]) -> None:
        """Create the folder, or check that it belongs to a run with the same options."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / "batch.json"
        if path.exists():
            before = json.loads(path.read_text(encoding="utf-8"))
            if before != options:
                changed = sorted(k for k in options.keys() | before.keys() if before.get(k) != options.get(k))
                raise GeoError(f"{self.root} holds a run with other options ({', '.join(changed)}); rerun "
                               f"with the same options to resume it, or choose a new --out folder.")
        else:
            atomic_write(path, json.dumps(options, indent=2).encode())

    def done(self, part) -> bool:
        """Whether ``part`` is already on disk; an error if a different partition is."""
        marker = self.root / "done" / f"{part.name}.json"
        if not marker.exists():
            return False
        if json.loads(marker.read_text(encoding="utf-8"))["fingerprint"] != part.fingerprint:
            raise GeoError(f"{self.root}: {part.name} was made from other records (the inputs changed); "
                           f"choose a new --out folder, or restore the inputs of the first run.")
        return True

    def write(self, result: PartitionResult) -> None:
        name = f"part-{result.index:05d}"
        for rel, data in result.files.items():
            atomic_write(self.root / rel, data)
        atomic_write(self.root / "errors" / f"{name}.jsonl",
                     "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in result.errors).encode())
        marker = {"fingerprint": result.fingerprint, "documents": result.documents,
                  "errors": len(result.errors), "rows": result.rows, "seconds": round(result.seconds, 3),
                  "cpu_seconds": round(result.cpu_seconds, 3),
                  "peak_rss_mb": round(result.peak_rss_mb, 1), "worker": result.worker}
        atomic_write(self.root / "done" / f"{name}.json", json.dumps(marker).encode())

    def finish(self, spec: ParserSpec, *, seconds: float, workers: int | None, scheduler: str | None,
               peak_rss_mb: dict[str, float]) -> dict[str, Any]:
        """Merge the errors in input order and write the manifest; return its totals."""
        markers = sorted((self.root / "done").glob("part-*.json")) if (self.root / "done").exists() else []
        totals: dict[str, Any] = {"documents": 0, "errors": 0, "rows": dict.fromkeys(LAYERS, 0)}
        errors = bytearray()
        for marker in markers:
            info = json.loads(marker.read_text(encoding="utf-8"))
            totals["documents"] += info["documents"]
            totals["errors"] += info["errors"]
            for layer, n in info["rows"].items():
                totals["rows"][layer] += n
            errors += (self.root / "errors" / marker.with_suffix(".jsonl").name).read_bytes()
        atomic_write(self.root / "errors.jsonl", bytes(errors))
        from geo.archive import summarise

        # the archive page's tables (one row per place and day), so it never reads the layers to open
        summary_rows = summarise(self.root)
        manifest = {
            **totals,
            "partitions": len(markers),
            "layers": {layer: f"{layer}/part-*.parquet" for layer in LAYERS},
            "analyses": "analyses/part-*.jsonl",
            "summary": {"tables": {name: f"summary/{name}.parquet" for name in summary_rows}, "rows": summary_rows},
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "last_run": {"seconds": round(seconds, 2), "workers": workers, "scheduler": scheduler,
                         "peak_rss_mb_per_worker": {k: round(v, 1) for k, v in peak_rss_mb.items()}},
            "versions": _versions(),
            "gazetteer": _gazetteer_meta(spec),
        }
        atomic_write(self.root / "manifest.json", json.dumps(manifest, indent=2).encode())
        return totals


def _versions() -> dict[str, str]:
    import importlib.metadata  # read once per run; not worth its import time on every start-up

    versions = {}
    for package in ("geo-news", "geopandas", "shapely", "pyarrow", "pandas", "dask", "distributed"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            continue
    return versions


def _gazetteer_meta(spec: ParserSpec) -> dict[str, Any]:
    from geo.gazetteer import Gazetteer

    meta = Gazetteer.load(Path(spec.cache_dir) if spec.cache_dir else None).meta()
    return {"build_version": meta.get("build_version"), "built_at": meta.get("built_at"),
            "sources": json.loads(meta.get("versions", "{}")), "attribution": meta.get("attribution")}
