"""Write :class:`geo.layers.Layers` as GeoJSON, GeoPackage, CSV, KML or GeoParquet.

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
  layers a ``WKT`` column. Text cells that a spreadsheet would run as a
  formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return)
  get a leading ``'``, as OWASP recommends against CSV injection;
  ``csv_formulas="raw"`` writes them as they are, for programs that read raw
  CSV (numeric columns, WKT and text that is a plain number such as ``-1``
  are never changed).
- ``kml``: one file per spatial layer, written with :mod:`xml.etree` (never
  hand-built markup or CDATA, so ``]]>`` or ``<script>`` in a title stays
  text), laid out as GDAL's LIBKML driver does: a ``Schema``, attributes as
  ``ExtendedData``, the placemark name from the layer's label column, the
  ``id`` as the placemark's id. Characters XML 1.0 cannot hold (control
  characters other than tab and line breaks) become U+FFFD.
  ``unresolved.csv`` beside.
- ``geoparquet``: one GeoParquet 1.0 file per spatial layer (WKB geometry,
  WGS84 lon/lat); ``unresolved.parquet`` is plain Parquet (no geometry).
"""

from __future__ import annotations

import math
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.errors import ExportError
from geo.layers import LAYER_SCHEMAS, Layers

FORMATS: tuple[str, ...] = ("geojson", "gpkg", "csv", "kml", "geoparquet")

SUFFIX = {"geojson": ".geojson", "gpkg": ".gpkg", "csv": ".csv", "kml": ".kml", "geoparquet": ".parquet"}

#: what ``csv_formulas`` may be: neutralise formula-like text cells (default) or leave them raw
CSV_FORMULAS: tuple[str, ...] = ("neutralise", "raw")

#: the first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

KML_NS = "http://www.opengis.net/kml/2.2"

#: the GeoPackage write_layers creates in the output folder
GPKG_NAME = "layers.gpkg"

#: GeoJSON coordinate decimals: 1e-6 degrees is about 0.1 m, finer than any gazetteer point
DECIMALS = 6

#: the column KML shows as a placemark's name, per layer (places and areas have ``name``)
KML_NAME = {"mentions": "text", "events": "label", "event_areas": "label"}


def _check(layers: Layers, name: str, fmt: str, csv_formulas: str = "neutralise") -> None:
    if fmt not in FORMATS:
        raise ExportError(f"Expected a format in {FORMATS}, instead got: {fmt!r}.")
    if csv_formulas not in CSV_FORMULAS:
        raise ExportError(f"Expected csv_formulas in {CSV_FORMULAS}, instead got: {csv_formulas!r}.")
    if name not in Layers.NAMES:
        raise ExportError(f"Expected a layer name in {Layers.NAMES}, instead got: {name!r}.")
    if not isinstance(layers, Layers):
        raise ExportError(f"Expected a geo.layers.Layers (from build_layers), instead got: {type(layers)!r}.")


def write_layers(layers: Layers, out_dir: Path, fmt: str, *, csv_formulas: str = "neutralise") -> list[Path]:
    """Write every layer to ``out_dir`` in ``fmt``; return the files written, in layer order.

    Existing files of the same names are replaced. Empty layers are written
    too (with their fields), so the set of files does not depend on the input.
    ``csv_formulas``: see the module docstring.
    """
    _check(layers, "places", fmt, csv_formulas)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot create the output folder {str(out_dir)!r}: {exc}") from exc
    if fmt == "gpkg":
        path = out_dir / GPKG_NAME
        _unlink(path)
        for name in Layers.NAMES:
            _write(layers, name, "gpkg", path, csv_formulas)
        return [path]
    paths = []
    for name in Layers.NAMES:
        layer_fmt = fmt if LAYER_SCHEMAS[name][1] is not None else _table_format(fmt)
        path = out_dir / f"{name}{SUFFIX[layer_fmt]}"
        _unlink(path)
        _write(layers, name, layer_fmt, path, csv_formulas)
        paths.append(path)
    return paths


def layer_bytes(layers: Layers, name: str, fmt: str, *, csv_formulas: str = "neutralise") -> bytes:
    """One layer as the bytes of a file in ``fmt`` (a GeoPackage holds just that layer).

    ``unresolved`` has no geometry: it is available as csv, gpkg (an
    attributes table), geojson (features with ``"geometry": null``) and
    geoparquet (plain Parquet), not as KML.
    """
    _check(layers, name, fmt, csv_formulas)
    if fmt == "kml" and LAYER_SCHEMAS[name][1] is None:
        raise ExportError(f"The {name!r} layer has no geometry and KML has no plain tables; "
                          f"download it as csv, gpkg or geojson.")
    with tempfile.TemporaryDirectory(prefix="geo-export-") as tmp:
        path = Path(tmp) / f"{name}{SUFFIX[fmt]}"
        _write(layers, name, fmt, path, csv_formulas)
        return path.read_bytes()


def _table_format(fmt: str) -> str:
    """The plain ``unresolved`` table is a CSV beside per-layer GeoJSON, CSV or KML files.

    A GeoJSON of null geometries would open in GIS software as an empty map
    layer; a CSV opens everywhere as the table it is. Beside GeoParquet it is
    plain Parquet, which keeps the column types.
    """
    return "geoparquet" if fmt == "geoparquet" else "csv"


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot replace {str(path)!r}: {exc}") from exc


def _write(layers: Layers, name: str, fmt: str, path: Path, csv_formulas: str = "neutralise") -> None:
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError, FieldError, GeometryError

    frame = layers[name]
    geometry_type = LAYER_SCHEMAS[name][1]
    if fmt == "kml":
        _write_kml(_kml_frame(frame, name), name, path)
        return
    if fmt == "geoparquet":
        _write_geoparquet(frame, name, geometry_type, path)
        return
    options: dict[str, Any] = {}
    if fmt == "geojson":
        driver = "GeoJSON"
        options = {"RFC7946": "YES", "COORDINATE_PRECISION": DECIMALS, "ID_FIELD": "id",
                   "ID_TYPE": "String", "WRITE_NAME": "NO"}
    elif fmt == "gpkg":
        driver = "GPKG"
        if geometry_type is None:
            options = {"ASPATIAL_VARIANT": "GPKG_ATTRIBUTES"}
    else:
        driver = "CSV"
        options = {"WRITE_BOM": "YES"}
        frame = _csv_frame(frame, geometry_type)
        if csv_formulas == "neutralise":
            frame = neutralise_formulas(frame)
        if geometry_type is not None and not geometry_type.endswith("Point"):
            options["GEOMETRY"] = "AS_WKT"
        geometry_type = geometry_type if "GEOMETRY" in options else None
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


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that start like a formula, with a leading ``'`` (OWASP's advice on CSV injection).

    Only text columns, and never a plain number ("-1", the id of a named region): numbers,
    coordinates and WKT are data a spreadsheet must read as such.
    """
    table = frame.copy()
    for column in table.columns:
        values = table[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values):
            continue
        risky = values.map(_formula_like)
        if risky.any():
            table[column] = values.where(~risky, "'" + values.astype("string").fillna(""))
    return table


#: a plain number ("-1", "+3.5"): a spreadsheet reads it as that number, never as a formula
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value)


def _write_geoparquet(frame: pd.DataFrame, name: str, geometry_type: str | None, path: Path) -> None:
    """GeoParquet 1.0 (WKB, the CRS as PROJJSON); the plain table as Parquet."""
    try:
        if geometry_type is None:
            table = pd.DataFrame(frame.drop(columns=frame.geometry.name)) if isinstance(frame, gpd.GeoDataFrame) \
                else pd.DataFrame(frame)
            table.to_parquet(path, index=False)
        else:
            frame.to_parquet(path, index=False, schema_version="1.0.0")
    except (ImportError, OSError, ValueError) as exc:
        raise ExportError(f"Cannot write the {name!r} layer as GeoParquet to {str(path)!r}: {exc} "
                          f"(GeoParquet needs pyarrow: pip install pyarrow).") from exc


#: characters XML 1.0 cannot hold: C0 controls except tab, LF and CR; lone surrogates; U+FFFE/U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: Any) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _kml_type(dtype: Any) -> str:
    kind = str(dtype).lower()
    if "int" in kind:
        return "int"
    if "float" in kind:
        return "double"
    return "string"


def _present(value: Any) -> bool:
    if value is None or value is pd.NA:
        return False
    return not (isinstance(value, float) and math.isnan(value))


def _write_kml(frame: gpd.GeoDataFrame, name: str, path: Path) -> None:
    """One KML document of placemarks, serialised by :mod:`xml.etree` (text is always escaped)."""
    geometry = frame.geometry.name
    fields = [c for c in frame.columns if c not in ("id", "name", geometry)]
    kml = ET.Element("kml", xmlns=KML_NS)
    root = ET.SubElement(kml, "Document", id="root_doc")
    schema = ET.SubElement(root, "Schema", id=f"{name}.schema")
    for column in fields:
        ET.SubElement(schema, "SimpleField", name=str(column), type=_kml_type(frame[column].dtype))
    layer = ET.SubElement(root, "Document", id=name)
    ET.SubElement(layer, "name").text = name
    for row in frame.itertuples(index=False):
        record = row._asdict()
        mark = ET.SubElement(layer, "Placemark", id=_xml_text(record["id"]))
        if "name" in record and _present(record["name"]):
            ET.SubElement(mark, "name").text = _xml_text(record["name"])
        data = ET.SubElement(ET.SubElement(mark, "ExtendedData"), "SchemaData", schemaUrl=f"#{name}.schema")
        for column in fields:
            value = record[column]
            if _present(value):
                ET.SubElement(data, "SimpleData", name=str(column)).text = _xml_text(value)
        shape = record[geometry]
        if shape is not None and not shape.is_empty:
            mark.append(_kml_geometry(shape))
    ET.indent(kml, space=" ")
    try:
        ET.ElementTree(kml).write(path, encoding="UTF-8", xml_declaration=True)
    except OSError as exc:
        raise ExportError(f"Cannot write the {name!r} layer as kml to {str(path)!r}: {exc}") from exc


def _coordinates(coords: Any) -> ET.Element:
    # shapely gives (x, y) = (lon, lat), which is KML's order too
    element = ET.Element("coordinates")
    element.text = " ".join(f"{x:.{DECIMALS}f},{y:.{DECIMALS}f}" for x, y, *_ in coords)
    return element


def _kml_geometry(shape: Any) -> ET.Element:
    kind = shape.geom_type
    if kind == "Point":
        point = ET.Element("Point")
        point.append(_coordinates(shape.coords))
        return point
    if kind == "Polygon":
        polygon = ET.Element("Polygon")
        for tag, ring in [("outerBoundaryIs", shape.exterior)] + [("innerBoundaryIs", r) for r in shape.interiors]:
            ET.SubElement(ET.SubElement(polygon, tag), "LinearRing").append(_coordinates(ring.coords))
        return polygon
    if kind.startswith("Multi") or kind == "GeometryCollection":
        parts = list(shape.geoms)
        if len(parts) == 1:
            return _kml_geometry(parts[0])
        multi = ET.Element("MultiGeometry")
        for part in parts:
            multi.append(_kml_geometry(part))
        return multi
    raise ExportError(f"Expected a point or polygon geometry for KML, instead got: {kind!r}.")

