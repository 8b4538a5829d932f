"""Exports read back with geopandas: same features, same properties, same coordinates; RFC 7946."""

from __future__ import annotations

import io
import itertools
import json
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from layer_samples import EXPECTED_COUNTS

from geo.errors import ExportError, GeoError
from geo.export import FORMATS, GPKG_NAME, SUFFIX, layer_bytes, write_layers
from geo.gazetteer import Gazetteer
from geo.layers import LAYER_SCHEMAS, Layers, build_layers

SPATIAL = [name for name in Layers.NAMES if LAYER_SCHEMAS[name][1] is not None]


@pytest.fixture(scope="module")
def layers(sample_layers: Layers) -> Layers:
    return sample_layers


@pytest.fixture(scope="module")
def exported(layers: Layers, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("export")
    return {fmt: out / fmt for fmt in FORMATS if write_layers(layers, out / fmt, fmt)}


# -- comparing what was written with what is read back ----------------------------------------

def _normal(value: Any, dtype: str) -> Any:
    """A value as a reader may return it, in one comparable form ("" and null alike)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return None
    if dtype == "str":
        if isinstance(value, pd.Timestamp):  # GDAL reads ISO date strings in GeoJSON as dates
            return value.date().isoformat()
        return str(value) or None
    if dtype == "bool":
        return bool(int(value)) if isinstance(value, str) else bool(value)
    if dtype == "float64":
        return round(float(value), 6)
    return int(value)


def assert_same_rows(written: pd.DataFrame, read: pd.DataFrame, schema: dict[str, str]) -> None:
    assert len(read) == len(written)
    read = read.set_index(read["id"].astype(str))
    for _, row in written.iterrows():
        back = read.loc[row["id"]]
        for column, dtype in schema.items():
            assert _normal(back[column], dtype) == _normal(row[column], dtype), (row["id"], column)


def assert_same_geometries(written: gpd.GeoDataFrame, read: gpd.GeoDataFrame, *,
                           single_parts: bool = False) -> None:
    """``single_parts``: the format stores a one-part MultiPolygon as a Polygon (KML)."""
    read = read.set_index(read["id"].astype(str))
    for _, row in written.iterrows():
        back = read.loc[row["id"]].geometry
        if row.geometry is None:
            assert back is None or back.is_empty, row["id"]
            continue
        if single_parts and back.geom_type == "Polygon":
            back = shapely.MultiPolygon([back])
        assert back.geom_type == row.geometry.geom_type, row["id"]
        assert shapely.equals_exact(shapely.normalize(back), shapely.normalize(row.geometry),
                                    tolerance=1e-6), row["id"]


# -- round trips ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SPATIAL)
def test_geojson_round_trip(layers: Layers, exported: dict[str, Path], name: str) -> None:
    path = exported["geojson"] / f"{name}.geojson"
    read = gpd.read_file(path)
    assert read.crs == "EPSG:4326"
    assert_same_rows(layers[name], read, LAYER_SCHEMAS[name][0])
    assert_same_geometries(layers[name], read)


@pytest.mark.parametrize("name", Layers.NAMES)
def test_geopackage_round_trip_keeps_types(layers: Layers, exported: dict[str, Path], name: str) -> None:
    path = exported["gpkg"] / GPKG_NAME
    listed = dict(pyogrio.list_layers(path))
    assert listed.keys() == set(Layers.NAMES)
    assert listed[name] == LAYER_SCHEMAS[name][1]  # None: a plain attributes table
    read = pyogrio.read_dataframe(path, layer=name)
    schema = LAYER_SCHEMAS[name][0]
    assert_same_rows(layers[name], read, schema)
    for column, dtype in schema.items():
        expected = {"str": ("str", "object"), "Int64": ("int64", "float64")}.get(dtype, (dtype,))
        assert str(read[column].dtype) in expected, (name, column)
    if LAYER_SCHEMAS[name][1] is not None:
        assert read.crs == "EPSG:4326"
        assert_same_geometries(layers[name], read)


@pytest.mark.parametrize("name", Layers.NAMES)
def test_csv_round_trip_with_lat_lon_and_wkt(layers: Layers, exported: dict[str, Path], name: str) -> None:
    path = exported["csv"] / f"{name}.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read it as UTF-8
    header = raw[3:].split(b"\n", 1)[0].decode("utf-8").strip().split(",")
    geometry_type = LAYER_SCHEMAS[name][1]
    if geometry_type == "Point":
        assert header[-2:] == ["lat", "lon"]
        read = gpd.read_file(path, X_POSSIBLE_NAMES="lon", Y_POSSIBLE_NAMES="lat", KEEP_GEOM_COLUMNS="NO")
    elif geometry_type == "MultiPolygon":
        assert header[0] == "WKT"
        read = gpd.read_file(path, GEOM_POSSIBLE_NAMES="WKT", KEEP_GEOM_COLUMNS="NO")
    else:
        read = pyogrio.read_dataframe(path)
    assert_same_rows(layers[name], read, LAYER_SCHEMAS[name][0])
    if geometry_type is not None:
        assert_same_geometries(layers[name], read)


@pytest.mark.parametrize("name", SPATIAL)
def test_kml_round_trip(layers: Layers, exported: dict[str, Path], name: str) -> None:
    read = gpd.read_file(exported["kml"] / f"{name}.kml")
    assert_same_rows(layers[name], read, {k: v for k, v in LAYER_SCHEMAS[name][0].items() if k != "name"})
    assert_same_geometries(layers[name], read, single_parts=True)
    written = layers[name].set_index("id")
    label = {"mentions": "text", "events": "label", "event_areas": "label"}.get(name, "name")
    for _, row in read.iterrows():  # the placemark's name is what Google Earth lists
        assert row["Name"] == written.loc[row["id"], label]


def test_every_format_writes_a_fixed_set_of_files(exported: dict[str, Path]) -> None:
    assert sorted(p.name for p in exported["geojson"].iterdir()) == sorted(
        [f"{n}.geojson" for n in SPATIAL] + ["unresolved.csv"])
    assert sorted(p.name for p in exported["kml"].iterdir()) == sorted(
        [f"{n}.kml" for n in SPATIAL] + ["unresolved.csv"])
    assert sorted(p.name for p in exported["csv"].iterdir()) == sorted(f"{n}.csv" for n in Layers.NAMES)
    assert [p.name for p in exported["gpkg"].iterdir()] == [GPKG_NAME]


def test_unresolved_mentions_are_exported_and_counted(exported: dict[str, Path]) -> None:
    table = pd.read_csv(exported["geojson"] / "unresolved.csv", encoding="utf-8-sig")
    assert list(table["text"]) == ["Zorgland"]
    assert len(table) == EXPECTED_COUNTS["unresolved"]


def test_writing_again_replaces_the_files(layers: Layers, exported: dict[str, Path]) -> None:
    for fmt in FORMATS:
        write_layers(layers, exported[fmt], fmt)
    assert len(gpd.read_file(exported["geojson"] / "places.geojson")) == EXPECTED_COUNTS["places"]
    assert len(pyogrio.read_dataframe(exported["gpkg"] / GPKG_NAME, layer="places")) == EXPECTED_COUNTS["places"]


def test_empty_layers_still_write_every_file(gazetteer: Gazetteer, tmp_path: Path) -> None:
    empty = build_layers([], gazetteer)
    for fmt in FORMATS:
        paths = write_layers(empty, tmp_path / fmt, fmt)
        assert all(p.exists() for p in paths)
    info = pyogrio.read_info(tmp_path / "gpkg" / GPKG_NAME, layer="events")
    assert info["features"] == 0 and info["geometry_type"] == "Point"
    assert list(info["fields"]) == list(LAYER_SCHEMAS["events"][0])


# -- RFC 7946 ---------------------------------------------------------------------------------

def _signed_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def _positions(coordinates: Any) -> list[list[float]]:
    if isinstance(coordinates[0], (int, float)):
        return [coordinates]
    return [p for part in coordinates for p in _positions(part)]


@pytest.mark.parametrize("name", SPATIAL)
def test_geojson_is_rfc7946(layers: Layers, exported: dict[str, Path], name: str) -> None:
    raw = (exported["geojson"] / f"{name}.geojson").read_bytes()
    collection = json.loads(raw.decode("utf-8"))  # UTF-8, not escaped to ASCII
    assert "crs" not in collection
    features = collection["features"]
    assert [f["id"] for f in features] == list(layers[name]["id"])  # stable ids, in layer order
    geometry_types = {f["geometry"]["type"] for f in features if f["geometry"] is not None}
    assert geometry_types == {LAYER_SCHEMAS[name][1]}
    for feature in features:
        assert set(feature) == {"type", "id", "properties", "geometry"}
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())
        geometry = feature["geometry"]
        if geometry is None:
            continue
        for lon, lat in _positions(geometry["coordinates"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
            assert round(lon, 6) == lon and round(lat, 6) == lat
        if geometry["type"] == "MultiPolygon":
            for polygon in geometry["coordinates"]:
                assert _signed_area(polygon[0]) > 0  # exterior counter-clockwise
                assert all(_signed_area(hole) < 0 for hole in polygon[1:])


def test_geojson_keeps_non_ascii_text_and_iso_dates(exported: dict[str, Path]) -> None:
    text = (exported["geojson"] / "places.geojson").read_text(encoding="utf-8")
    assert '"name": "São Paulo"' in text
    events = json.loads((exported["geojson"] / "events.geojson").read_text(encoding="utf-8"))
    e1 = next(f for f in events["features"] if f["id"] == "doc-a:e1")["properties"]
    assert (e1["date_start"], e1["published"]) == ("2022-11-14", "2022-11-14")
    e3 = next(f for f in events["features"] if f["id"] == "doc-a:e3")
    assert e3["geometry"] is None and e3["properties"]["place_id"] is None
    assert "“renewed”" in json.dumps(events, ensure_ascii=False)


def test_points_are_lon_lat(layers: Layers, exported: dict[str, Path], gazetteer: Gazetteer) -> None:
    places = json.loads((exported["geojson"] / "places.geojson").read_text(encoding="utf-8"))
    timbuktu = next(f for f in places["features"] if f["properties"]["name"] == "Timbuktu")
    place = gazetteer.get(timbuktu["properties"]["geonameid"])
    assert timbuktu["geometry"]["coordinates"] == [round(place.lon, 6), round(place.lat, 6)]
    assert math.isclose(place.lon, -3.0, abs_tol=0.1)  # Timbuktu is west of Greenwich


# -- the download bytes -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["geojson", "csv", "kml"])
def test_layer_bytes_equal_the_exported_file(layers: Layers, exported: dict[str, Path], fmt: str) -> None:
    for name in SPATIAL:
        assert layer_bytes(layers, name, fmt) == (exported[fmt] / f"{name}.{fmt}").read_bytes()


def test_layer_bytes_geopackage_holds_one_layer(layers: Layers, tmp_path: Path) -> None:
    data = layer_bytes(layers, "areas", "gpkg")
    assert data[:16] == b"SQLite format 3\x00"
    (tmp_path / "areas.gpkg").write_bytes(data)
    listed = pyogrio.list_layers(tmp_path / "areas.gpkg")
    assert [list(row) for row in listed] == [["areas", "MultiPolygon"]]


def test_layer_bytes_of_the_unresolved_table(layers: Layers, tmp_path: Path) -> None:
    table = pd.read_csv(io.BytesIO(layer_bytes(layers, "unresolved", "csv")), encoding="utf-8-sig")
    assert list(table["id"]) == list(layers.unresolved["id"])
    (tmp_path / "unresolved.gpkg").write_bytes(layer_bytes(layers, "unresolved", "gpkg"))
    listed = pyogrio.list_layers(tmp_path / "unresolved.gpkg")
    assert [list(row) for row in listed] == [["unresolved", None]]
    collection = json.loads(layer_bytes(layers, "unresolved", "geojson"))
    assert "crs" not in collection
    assert [(f["id"], f["geometry"], f["properties"]["text"]) for f in collection["features"]] == [
        (row["id"], None, row["text"]) for _, row in layers.unresolved.iterrows()]


@pytest.mark.parametrize(("name", "fmt", "message"), [
    ("places", "shp", "Expected a format in ('geojson', 'gpkg', 'csv', 'kml', 'geoparquet'), instead got: 'shp'."),
    ("towns", "geojson", "instead got: 'towns'."),
    ("unresolved", "kml", "has no geometry"),
])
def test_bad_requests_raise_export_error(layers: Layers, name: str, fmt: str, message: str) -> None:
    with pytest.raises(ExportError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        layer_bytes(layers, name, fmt)
    assert isinstance(info.value, GeoError) and isinstance(info.value, ValueError)


def test_write_layers_rejects_a_bad_format_and_an_unwritable_folder(layers: Layers, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="'GeoJSON'"):
        write_layers(layers, tmp_path, "GeoJSON")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="Cannot create the output folder"):
        write_layers(layers, blocker / "out", "geojson")


# -- the command line ---------------------------------------------------------------------------

def test_cli_export_writes_the_four_geojson_layers_and_reports_counts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from geo.cli import main

    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "n1", "text": "Fighting spread from Timbuktu to Gao in Mali."}) + "\n"
                      + json.dumps({"id": "n2", "text": "Ministers met in Accra, Ghana, on Tuesday."}) + "\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", "--jsonl", str(corpus), "--out", str(out), "--published", "2022-11-14"]) == 0
    for name in ("places", "mentions", "events", "areas"):
        assert (out / f"{name}.geojson").exists()
    places = gpd.read_file(out / "places.geojson")
    assert set(places["doc_id"]) == {"n1", "n2"}
    assert {"Timbuktu", "Accra"} <= set(places["name"])
    assert set(places["published"].astype(str)) == {"2022-11-14"}
    report = capsys.readouterr().out
    assert report.startswith(f"2 document(s) -> {out} (geojson)")
    assert f"places{len(places):>13}  {out / 'places.geojson'}" in report


def test_cli_export_geopackage_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from geo.cli import main

    article = tmp_path / "story.txt"
    article.write_text("Protesters gathered in Bamako, the capital of Mali.", encoding="utf-8")
    assert main(["export", str(article), "--out", str(tmp_path / "gpkg"), "--format", "gpkg"]) == 0
    assert dict(pyogrio.list_layers(tmp_path / "gpkg" / GPKG_NAME))["places"] == "Point"
    capsys.readouterr()
    assert main(["export", "--out", str(tmp_path / "none")]) == 2
    assert "export needs article files or --jsonl" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", str(article), "--out", str(tmp_path), "--format", "shp"])


# -- GeoParquet -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", Layers.NAMES)
def test_geoparquet_round_trip(layers: Layers, exported: dict[str, Path], name: str) -> None:
    path = exported["geoparquet"] / f"{name}.parquet"
    if LAYER_SCHEMAS[name][1] is None:
        read = pd.read_parquet(path)
        assert "geometry" not in read.columns
    else:
        read = gpd.read_parquet(path)
        assert read.crs == "EPSG:4326"
        assert_same_geometries(layers[name], read)
        import pyarrow.parquet as pq

        geo = json.loads(pq.read_schema(path).metadata[b"geo"])
        assert geo["version"] == "1.0.0" and geo["primary_column"] == "geometry"
        assert geo["columns"]["geometry"]["encoding"] == "WKB"
    assert_same_rows(layers[name], read, LAYER_SCHEMAS[name][0])
    for column, dtype in LAYER_SCHEMAS[name][0].items():  # Parquet keeps the column types
        assert str(read[column].dtype) in {"str": ("object", "str", "string"), "Int64": ("Int64",)}.get(
            dtype, (dtype,)), (name, column)


# -- hostile text: markup, formulas, control characters, right-to-left text --------------------

HOSTILE = {
    "cdata": "]]><script>alert(1)</script><![CDATA[x",
    "formula": '=HYPERLINK("http://example.invalid","x")',
    "plus": "+1+cmd|' /C calc'!A0",
    "at": "@SUM(A1:A2)",
    "minus": "-2+3",
    "tab": "\tstarts with a tab",
    "controls": "bell\x07 vertical\x0b unit\x1f end",
    "rtl": "\u202eשלום مرحبا \u200f emoji 🌍 “quotes” 'single' \"double\" &amp; <b>",
}


@pytest.fixture(scope="module")
def hostile_layers(gazetteer: Gazetteer) -> dict[str, Layers]:
    """The sample layers, once per hostile string, as every document's title."""
    import dataclasses

    from tests.layer_samples import sample_analyses

    docs = sample_analyses(gazetteer)
    return {key: build_layers([dataclasses.replace(d, title=value) for d in docs], gazetteer)
            for key, value in HOSTILE.items()}


def _titles(path: Path, fmt: str, name: str) -> list[str]:
    if fmt == "csv":
        return list(pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)["doc_title"])
    if fmt == "geoparquet":
        return list(pd.read_parquet(path)["doc_title"])
    return list(pyogrio.read_dataframe(path, layer=name)["doc_title"])


def _expected(value: str, fmt: str) -> str:
    if fmt == "kml":  # XML 1.0 cannot hold these control characters
        return "".join("\ufffd" if ord(c) < 32 and c not in "\t\n\r" else c for c in value)
    if fmt == "csv" and value[0] in "=+-@\t\r":
        return "'" + value  # OWASP: a leading quote, so a spreadsheet shows the text
    return value


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("key", HOSTILE)
def test_hostile_text_round_trips(hostile_layers: dict[str, Layers], tmp_path: Path, fmt: str, key: str) -> None:
    layers = hostile_layers[key]
    write_layers(layers, tmp_path, fmt)
    for name in SPATIAL:
        if "doc_title" not in LAYER_SCHEMAS[name][0]:
            continue
        path = tmp_path / (GPKG_NAME if fmt == "gpkg" else f"{name}{SUFFIX[fmt]}")
        titles = _titles(path, fmt, name)
        assert titles and all(t == _expected(HOSTILE[key], fmt) for t in titles), (name, titles[:1])
        if fmt == "kml":
            import xml.etree.ElementTree as ET

            tree = ET.parse(path)  # well-formed XML
            assert not [e for e in tree.iter() if e.tag.lower().endswith("script")]


def test_csv_formulas_can_be_written_raw(hostile_layers: dict[str, Layers], tmp_path: Path) -> None:
    layers = hostile_layers["formula"]
    write_layers(layers, tmp_path, "csv", csv_formulas="raw")
    assert _titles(tmp_path / "places.csv", "csv", "places")[0] == HOSTILE["formula"]
    raw = layer_bytes(layers, "places", "csv", csv_formulas="raw")
    assert raw == (tmp_path / "places.csv").read_bytes()
    with pytest.raises(ExportError, match="csv_formulas"):
        write_layers(layers, tmp_path, "csv", csv_formulas="maybe")


def test_numbers_and_coordinates_are_never_neutralised(layers: Layers, exported: dict[str, Path]) -> None:
    areas = pd.read_csv(exported["csv"] / "areas.csv", encoding="utf-8-sig", keep_default_na=False)
    assert "-1" in list(areas["id"].astype(str).str.split(":").str[-1])  # the named region's id
    places = pd.read_csv(exported["csv"] / "places.csv", encoding="utf-8-sig")
    assert (places["lon"] < 0).any()  # negative longitudes stay numbers
