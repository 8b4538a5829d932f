"""A batch output folder as one GeoPackage, for GIS tools whose GDAL has no Parquet driver.

::

    rows = export_gpkg(Path("out"), Path("out/archive.gpkg"))   # {"places": 12345, ...}

Debian's GDAL (3.6, so Debian's QGIS and ogrinfo) and the GDAL inside pyogrio's
wheels are built without the (Geo)Parquet driver, so they cannot open the
partitions. This writes every layer into one GeoPackage, a partition at a time
(memory stays that of one partition), with the same layer options as
``python -m geo export --format gpkg``: GeoPackage 1.2, and ``unresolved`` as
an attributes table. The file is written under a temporary name and renamed
into place, so a reader never sees half of it.
"""

from __future__ import annotations

import os
from pathlib import Path

from geo.batch.worker import LAYERS
from geo.errors import ExportError

__all__ = ("export_gpkg",)


def export_gpkg(root: Path, path: Path) -> dict[str, int]:
    """Write the layers of the batch output ``root`` into the GeoPackage ``path``; return rows per layer."""
    import geopandas as gpd
    import pandas as pd
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError, FieldError, GeometryError

    from geo.layers import LAYER_SCHEMAS

    root, path = Path(root), Path(path)
    if not (root / "done").is_dir():
        raise ExportError(f"{root} holds no finished partition; point at the --out folder of `python -m geo batch`.")
    tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.gpkg")  # GDAL wants the .gpkg extension
    tmp.unlink(missing_ok=True)
    rows = dict.fromkeys(LAYERS, 0)
    try:
        for layer in LAYERS:
            geometry_type = LAYER_SCHEMAS[layer][1]
            options = {} if geometry_type else {"ASPATIAL_VARIANT": "GPKG_ATTRIBUTES"}
            kwargs = {"geometry_type": geometry_type} if geometry_type else {}
            empty = None
            for part in sorted((root / layer).glob("part-*.parquet")):
                frame = gpd.read_parquet(part) if geometry_type else pd.read_parquet(part)
                if frame.empty:  # kept for its columns: a layer with no rows is still a layer
                    empty = frame if empty is None else empty
                    continue
                _append(pyogrio, tmp, frame, layer, options, kwargs)
                rows[layer] += len(frame)
            if not rows[layer] and empty is not None:
                _append(pyogrio, tmp, empty, layer, options, kwargs)
        if not tmp.exists():
            raise ExportError(f"{root} has no layer files; there is nothing to write to {path}.")
        os.replace(tmp, path)
    except (DataSourceError, DataLayerError, FieldError, GeometryError, OSError) as exc:
        raise ExportError(f"Cannot write the archive {root} as a GeoPackage to {str(path)!r}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return rows


def _append(pyogrio, path: Path, frame, layer: str, options: dict, kwargs: dict) -> None:
    pyogrio.write_dataframe(frame, path, layer=layer, driver="GPKG", encoding="UTF-8", append=path.exists(),
                            dataset_options={"VERSION": "1.2"}, layer_options=options, **kwargs)
