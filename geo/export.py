"""Write :class:`geo.layers.Layers` as GeoJSON, GeoPackage, CSV or KML, through GDAL (pyogrio).

::

    paths = write_layers(layers, Path("out"), "geojson")   # out/places.geojson, ...
    data = layer_bytes(layers, "places", "kml")           # one layer, for a download button

What each format gets:

- ``geojson``: one RFC 7946 file per layer (GDAL's ``RFC7946=YES``: WGS84
  lon/lat, no ``crs`` member, counter-clockwise exterior rings, antimeridian
  cut), 6 decimals, the layer's ``id`` column as each feature's ``id`` member;
  ``unresolved`` mentions, which have no geometry, go to ``unresolved.csv``.
- ``gpkg``: one ``layers.gpkg`` with every layer; ``unresolved`` is a
  non-spatial (attributes) table.
- ``csv``: one UTF-8 file per layer (with a byte order mark, so spreadsheets
  read it as UTF-8); point layers get ``lat`` and ``lon`` columns, polygon
  layers a ``WKT`` column.
- ``kml``: one file per spatial layer (LIBKML, attributes as ExtendedData,
  the placemark name from the layer's label column); ``unresolved.csv`` beside.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.errors import ExportError
from geo.layers import LAYER_SCHEMAS, Layers

FORMATS: tuple[str, ...] = ("geojson", "gpkg", "csv", "kml")

SUFFIX = {"geojson": ".geojson", "gpkg": ".gpkg", "csv": ".csv", "kml": ".kml"}

#: the GeoPackage write_layers creates in the output folder
GPKG_NAME = "layers.gpkg"

#: GeoJSON coordinate decimals: 1e-6 degrees is about 0.1 m, finer than any gazetteer point
DECIMALS = 6

#: the column KML shows as a placemark's name, per layer (places and areas have ``name``)
KML_NAME = {"mentions": "text", "events": "label", "event_areas": "label"}


def _check(layers: Layers, name: str, fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"Expected a format in {FORMATS}, instead got: {fmt!r}.")
    if name not in Layers.NAMES:
        raise ExportError(f"Expected a layer name in {Layers.NAMES}, instead got: {name!r}.")
    if not isinstance(layers, Layers):
        raise ExportError(f"Expected a geo.layers.Layers (from build_layers), instead got: {type(layers)!r}.")


def write_layers(layers: Layers, out_dir: Path, fmt: str) -> list[Path]:
    """Write every layer to ``out_dir`` in ``fmt``; return the files written, in layer order.

    Existing files of the same names are replaced. Empty layers are written
    too (with their fields), so the set of files does not depend on the input.
    """
    _check(layers, "places", fmt)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot create the output folder {str(out_dir)!r}: {exc}") from exc
    if fmt == "gpkg":
        path = out_dir / GPKG_NAME
        _unlink(path)
        for name in Layers.NAMES:
            _write(layers, name, "gpkg", path)
        return [path]
    paths = []
    for name in Layers.NAMES:
        layer_fmt = fmt if LAYER_SCHEMAS[name][1] is not None else _table_format(fmt)
        path = out_dir / f"{name}{SUFFIX[layer_fmt]}"
        _unlink(path)
        _write(layers, name, layer_fmt, path)
        paths.append(path)
    return paths


def layer_bytes(layers: Layers, name: str, fmt: str) -> bytes:
    """One layer as the bytes of a file in ``fmt`` (a GeoPackage holds just that layer).

    ``unresolved`` has no geometry: it is available as csv, gpkg (an
    attributes table) and geojson (features with ``"geometry": null``), not as KML.
    """
    _check(layers, name, fmt)
    if fmt == "kml" and LAYER_SCHEMAS[name][1] is None:
        raise ExportError(f"The {name!r} layer has no geometry and KML has no plain tables; "
                          f"download it as csv, gpkg or geojson.")
    with tempfile.TemporaryDirectory(prefix="geo-export-") as tmp:
        path = Path(tmp) / f"{name}{SUFFIX[fmt]}"
        _write(layers, name, fmt, path)
        return path.read_bytes()


def _table_format(fmt: str) -> str:
    """The plain ``unresolved`` table is a CSV beside per-layer GeoJSON, CSV or KML files.

    A GeoJSON of null geometries would open in GIS software as an empty map
    layer; a CSV opens everywhere as the table it is.
    """
    return "csv"


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot replace {str(path)!r}: {exc}") from exc


def _write(layers: Layers, name: str, fmt: str, path: Path) -> None:
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError, FieldError, GeometryError

    frame = layers[name]
    geometry_type = LAYER_SCHEMAS[name][1]
    options: dict[str, Any] = {}
    if fmt == "geojson":
        driver = "GeoJSON"
        options = {"RFC7946": "YES", "COORDINATE_PRECISION": DECIMALS, "ID_FIELD": "id",
                   "ID_TYPE": "String", "WRITE_NAME": "NO"}
    elif fmt == "gpkg":
        driver = "GPKG"
        if geometry_type is None:
            options = {"ASPATIAL_VARIANT": "GPKG_ATTRIBUTES"}
    elif fmt == "csv":
        driver = "CSV"
        options = {"WRITE_BOM": "YES"}
        frame = _csv_frame(frame, geometry_type)
        if geometry_type is not None and not geometry_type.endswith("Point"):
            options["GEOMETRY"] = "AS_WKT"
        geometry_type = geometry_type if "GEOMETRY" in options else None
    else:
        driver = _kml_driver()
        frame = _kml_frame(frame, name)
    if fmt == "geojson" and geometry_type is None:
        # a plain table as GeoJSON: features with "geometry": null (RFC 7946, section 3.2)
        frame = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([None] * len(frame), index=frame.index),
                                 crs="EPSG:4326")
        geometry_type = "Unknown"
    elif geometry_type is None and isinstance(frame, gpd.GeoDataFrame):
        frame = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    kwargs: dict[str, Any] = {"layer": name, "driver": driver, "encoding": "UTF-8"}
    if fmt == "gpkg":
        # GeoPackage 1.2: GDAL before 3.10 (Debian 12's 3.6, so its QGIS) warns on every
        # open of the 1.4 files newer GDAL writes by default; 1.2 has all we use
        kwargs["dataset_options"] = {"VERSION": "1.2"}
    if geometry_type is not None:
        kwargs["geometry_type"] = geometry_type
    if fmt == "gpkg":
        kwargs["append"] = path.exists()
    try:
        pyogrio.write_dataframe(frame, path, **kwargs, layer_options=options)
    except (DataSourceError, DataLayerError, FieldError, GeometryError, OSError) as exc:
        raise ExportError(f"Cannot write the {name!r} layer as {fmt} to {str(path)!r}: {exc}") from exc


def _csv_frame(frame: pd.DataFrame, geometry_type: str | None) -> pd.DataFrame:
    """Point layers as attributes plus ``lat``/``lon`` (empty for a missing geometry)."""
    if geometry_type is None or not geometry_type.endswith("Point"):
        return frame
    table = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    geometry = frame.geometry
    present = geometry.notna() & ~geometry.is_empty
    # geometry x is longitude, y latitude; CSV readers expect lat first
    table["lat"] = geometry.y.where(present).round(6)
    table["lon"] = geometry.x.where(present).round(6)
    return table


def _kml_driver() -> str:
    import pyogrio

    drivers = pyogrio.list_drivers(write=True)
    if "LIBKML" in drivers:
        return "LIBKML"
    if "KML" in drivers:
        return "KML"
    raise ExportError("This GDAL has no KML driver (LIBKML or KML); export as geojson or gpkg instead.")


def _kml_frame(frame: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    """KML shows a placemark's ``name``; give layers without one their label column's value.

    KML's schema has 32-bit ``int`` only (LIBKML writes 64-bit integers as
    strings); every integer of the layers fits, so they are narrowed. Flags
    are written as 0/1.
    """
    frame = frame.copy()
    for column, dtype in frame.dtypes.items():
        if str(dtype) in ("int64", "Int64"):
            frame[column] = frame[column].astype("Int32" if str(dtype) == "Int64" else "int32")
        elif str(dtype) == "bool":
            # GDAL before 3.8 reads KML "true"/"false" as integers, warning on every value
            frame[column] = frame[column].astype("int32")
    label = KML_NAME.get(name)
    if label is not None and "name" not in frame.columns:
        frame.insert(1, "name", frame[label])
    return frame
