"""GDAL's own ``ogrinfo`` (Debian's gdal-bin, not the GDAL inside pyogrio) reads every exported layer.

It must see the expected geometry type, feature count and fields, and print
no warning: what QGIS, built on the same GDAL, would show an analyst.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from layer_samples import EXPECTED_COUNTS

from geo.export import GPKG_NAME, write_layers
from geo.layers import LAYER_SCHEMAS, Layers

pytestmark = pytest.mark.gdal

OGRINFO = shutil.which("ogrinfo")

#: what ogrinfo calls our geometry types
OGR_GEOMETRY = {"Point": "Point", "MultiPolygon": "Multi Polygon", None: "None"}

#: OGR field types a column of each dtype may come back as (GeoJSON readers detect ISO dates)
OGR_TYPES = {
    "str": {"String"},
    "int64": {"Integer", "Integer64"},
    "Int64": {"Integer", "Integer64"},
    "float64": {"Real"},
    "bool": {"Integer(Boolean)"},
}
DATE_COLUMNS = {"published", "date_start", "date_end"}

FIELD = re.compile(r"^(\w+): (\w+(?:\(\w+\))?) \(\d+\.\d+\)$", re.M)


@pytest.fixture(scope="module")
def ogrinfo() -> str:
    if OGRINFO is None:
        if os.environ.get("CI") == "true":
            pytest.fail("ogrinfo is missing; CI must install gdal-bin (scripts/system-packages.sh)")
        pytest.skip("ogrinfo not installed (apt-get install gdal-bin)")
    return OGRINFO


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, sample_layers: Layers) -> dict[str, Path]:
    layers = sample_layers
    assert layers.counts() == EXPECTED_COUNTS
    out = tmp_path_factory.mktemp("gdal")
    for fmt in ("geojson", "gpkg", "kml"):
        write_layers(layers, out / fmt, fmt)
    return {"geojson": out / "geojson", "gpkg": out / "gpkg" / GPKG_NAME, "kml": out / "kml"}


def summary(ogrinfo: str, path: Path, layer: str | None = None) -> dict[str, object]:
    """``ogrinfo -al -so`` of one layer: geometry type, feature count, fields; no warnings."""
    args = [ogrinfo, "-so", str(path)] + ([layer] if layer else ["-al"])
    done = subprocess.run(args, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "ERROR" not in done.stderr, done.stderr
    out = done.stdout
    geometry = re.search(r"^Geometry: (.+)$", out, re.M)
    count = re.search(r"^Feature Count: (\d+)$", out, re.M)
    assert count is not None, out
    return {
        "layer": re.search(r"^Layer name: (.+)$", out, re.M).group(1),
        "geometry": geometry.group(1) if geometry else None,
        "count": int(count.group(1)),
        "fields": dict(FIELD.findall(out)),
        "epsg4326": 'ID["EPSG",4326]' in out,
    }


def assert_fields(fields: dict[str, str], name: str, *, skip: tuple[str, ...] = (),
                  extra: dict[str, set[str]] | None = None) -> None:
    schema = {k: v for k, v in LAYER_SCHEMAS[name][0].items() if k not in skip}
    for column, dtype in schema.items():
        allowed = OGR_TYPES[dtype] | ({"Date"} if column in DATE_COLUMNS else set()) | (extra or {}).get(dtype, set())
        assert fields.get(column) in allowed, (name, column, fields.get(column))


@pytest.mark.parametrize("name", [n for n in Layers.NAMES if LAYER_SCHEMAS[n][1] is not None])
def test_ogrinfo_reads_each_geojson_layer(ogrinfo: str, exported: dict[str, Path], name: str) -> None:
    info = summary(ogrinfo, exported["geojson"] / f"{name}.geojson")
    assert info["layer"] == name
    assert info["geometry"] == OGR_GEOMETRY[LAYER_SCHEMAS[name][1]]
    assert info["count"] == EXPECTED_COUNTS[name]
    assert info["epsg4326"]
    assert_fields(info["fields"], name)
    assert list(info["fields"]) == list(LAYER_SCHEMAS[name][0])  # same fields, same order


@pytest.mark.parametrize("name", Layers.NAMES)
def test_ogrinfo_reads_each_geopackage_layer(ogrinfo: str, exported: dict[str, Path], name: str) -> None:
    info = summary(ogrinfo, exported["gpkg"], name)
    assert info["layer"] == name
    assert info["geometry"] == OGR_GEOMETRY[LAYER_SCHEMAS[name][1]]
    assert info["count"] == EXPECTED_COUNTS[name]
    assert info["epsg4326"] == (LAYER_SCHEMAS[name][1] is not None)
    assert_fields(info["fields"], name)
    assert [f for f in info["fields"] if f in LAYER_SCHEMAS[name][0]] == list(LAYER_SCHEMAS[name][0])


@pytest.mark.parametrize("name", [n for n in Layers.NAMES if LAYER_SCHEMAS[n][1] is not None])
def test_ogrinfo_reads_each_kml_layer(ogrinfo: str, exported: dict[str, Path], name: str) -> None:
    info = summary(ogrinfo, exported["kml"] / f"{name}.kml")
    assert info["count"] == EXPECTED_COUNTS[name]
    assert info["epsg4326"]
    # KML has no 64-bit integers (narrowed on export); the id is the Placemark's id attribute;
    # GDAL 3.6's LIBKML reads a schema's bool fields back as plain integers
    assert_fields(info["fields"], name, skip=("id", "name"), extra={"bool": {"Integer"}})
    assert info["fields"]["Name"] == "String"  # placemark names: what Google Earth lists


# -- hostile text: every format still opens in GDAL, and KML stays well-formed XML ---------------

HOSTILE_TITLE = ("]]><script>alert(1)</script><![CDATA[ =cmd|' /C calc'!A0 bell\x07 tab\t"
                 "\u202eשלום مرحبا 🌍 &amp; <b>")


def _has_parquet_driver(ogrinfo: str) -> bool:
    formats = subprocess.run([ogrinfo, "--formats"], capture_output=True, text=True, timeout=60).stdout
    return "Parquet" in formats


@pytest.fixture(scope="module")
def hostile_exports(tmp_path_factory: pytest.TempPathFactory, gazetteer) -> Path:
    import dataclasses

    from geo.export import FORMATS
    from geo.layers import build_layers
    from tests.layer_samples import sample_analyses

    docs = [dataclasses.replace(d, title=HOSTILE_TITLE) for d in sample_analyses(gazetteer)]
    layers = build_layers(docs, gazetteer)
    out = tmp_path_factory.mktemp("hostile")
    for fmt in FORMATS:
        write_layers(layers, out / fmt, fmt)
    return out


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv", "kml", "geoparquet"])
def test_ogrinfo_opens_every_hostile_export(ogrinfo: str, hostile_exports: Path, fmt: str) -> None:
    import xml.etree.ElementTree as ET

    from geo.export import SUFFIX

    folder = hostile_exports / fmt
    files = sorted(folder.iterdir())
    assert files
    if fmt == "geoparquet" and not _has_parquet_driver(ogrinfo):
        # Debian 12's GDAL 3.6 is built without Arrow: check the GeoParquet metadata GDAL reads instead
        import json

        import pyarrow.parquet as pq

        for path in files:
            metadata = pq.read_schema(path).metadata or {}
            if path.stem != "unresolved":
                geo = json.loads(metadata[b"geo"])
                assert geo["version"] == "1.0.0" and geo["columns"]["geometry"]["encoding"] == "WKB"
            assert pq.read_table(path).num_rows == EXPECTED_COUNTS[path.stem]
        return
    for path in files:
        if fmt == "gpkg":
            for name in Layers.NAMES:
                assert summary(ogrinfo, path, name)["count"] == EXPECTED_COUNTS[name]
            continue
        layer = path.stem
        assert summary(ogrinfo, path)["count"] == EXPECTED_COUNTS[layer], path.name
        if path.suffix == SUFFIX["kml"]:
            tree = ET.parse(path)
            assert not [e for e in tree.iter() if e.tag.rsplit("}", 1)[-1].lower() == "script"]
            assert b"<script" not in path.read_bytes()
