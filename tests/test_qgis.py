"""QGIS itself loads every exported layer: valid, EPSG:4326, expected counts, field types, valid geometries.

PyQGIS lives in Debian's Python (python3-qgis), not in the virtual environment,
so ``scripts/qgis_check.py`` runs under ``/usr/bin/python3`` in a subprocess,
headless, on files exported here into ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from layer_samples import EXPECTED_COUNTS

from geo.export import GPKG_NAME, write_layers
from geo.layers import LAYER_SCHEMAS, Layers

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "qgis_check.py"
DEBIAN_PYTHON = "/usr/bin/python3"

#: QGIS field kinds a column of each dtype may load as
KINDS = {"str": ["str"], "int64": ["int"], "Int64": ["int"], "float64": ["float"], "bool": ["bool"]}
DATE_COLUMNS = {"published", "date_start", "date_end"}  # GDAL detects ISO dates in GeoJSON
QGIS_GEOMETRY = {"Point": "Point", "MultiPolygon": "MultiPolygon", None: "NoGeometry"}


def _has_pyqgis() -> bool:
    if not Path(DEBIAN_PYTHON).exists():
        return False
    done = subprocess.run([DEBIAN_PYTHON, "-c", "import qgis.core"], capture_output=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return done.returncode == 0


@pytest.fixture(scope="module")
def pyqgis() -> str:
    if not _has_pyqgis():
        if os.environ.get("CI") == "true":
            pytest.fail("PyQGIS is missing; CI must install qgis and python3-qgis (scripts/system-packages.sh)")
        pytest.skip("PyQGIS not installed for /usr/bin/python3 (apt-get install qgis python3-qgis)")
    return DEBIAN_PYTHON


def run_check(python: str, paths: list[Path], expect: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime),
           "HOME": str(tmp_path)}  # QGIS writes its profile under HOME
    env.pop("PYTHONPATH", None)  # the venv's packages must not shadow Debian's
    return subprocess.run([python, str(SCRIPT), *map(str, paths), "--expect", str(expect)],
                          capture_output=True, text=True, timeout=300, env=env)


def expectations(layers: Layers) -> list[dict]:
    """What QGIS should show for each exported file and layer."""
    out = []
    for name in Layers.NAMES:
        schema, geometry = LAYER_SCHEMAS[name]
        fields = {c: KINDS[t] for c, t in schema.items()}
        out.append({"file": GPKG_NAME, "layer": name, "geometry": QGIS_GEOMETRY[geometry],
                    "count": len(layers[name]), "fields": fields})
        if geometry is None:
            continue
        out.append({"file": f"{name}.geojson", "layer": name, "geometry": geometry, "count": len(layers[name]),
                    "fields": {c: k + ["date"] if c in DATE_COLUMNS else k for c, k in fields.items()}})
        # KML: 2.5D geometries of the first placemark's type, flags as 0/1, the id on the Placemark
        out.append({"file": f"{name}.kml", "layer": name, "geometry": None, "count": len(layers[name]),
                    "fields": {c: ["int"] if k == ["bool"] else k for c, k in fields.items()
                               if c not in ("id", "name")}})
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, sample_layers: Layers) -> tuple[Layers, Path]:
    layers = sample_layers
    assert layers.counts() == EXPECTED_COUNTS
    out = tmp_path_factory.mktemp("qgis")
    for fmt in ("geojson", "gpkg", "kml"):
        write_layers(layers, out, fmt)
    return layers, out


def test_qgis_loads_every_exported_layer(pyqgis: str, exported: tuple[Layers, Path], tmp_path: Path) -> None:
    layers, out = exported
    expect = tmp_path / "expect.json"
    items = expectations(layers)
    expect.write_text(json.dumps({"layers": items}), encoding="utf-8")
    done = run_check(pyqgis, [out], expect, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith(f"{len(items)} layers, 0 failing"), done.stdout
    assert "FAIL" not in done.stdout
    # GDAL's warnings (a field it cannot parse, an unsupported version) go to stderr
    assert "Warning" not in done.stderr and "ERROR" not in done.stderr, done.stderr
    assert "ok   layers.gpkg:areas" in done.stdout and "EPSG:4326 MultiPolygon" in done.stdout


def test_qgis_check_fails_on_wrong_counts_and_invalid_geometry(pyqgis: str, tmp_path: Path) -> None:
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])  # self-intersecting
    folder = tmp_path / "bad"
    folder.mkdir()
    gpd.GeoDataFrame({"id": ["a"]}, geometry=[bowtie], crs="EPSG:4326").to_file(folder / "bad.geojson")
    expect = tmp_path / "expect.json"
    expect.write_text(json.dumps({"layers": [
        {"file": "bad.geojson", "layer": "bad", "geometry": "Polygon", "count": 2, "fields": {"id": ["str"]}},
        {"file": "missing.geojson", "layer": "missing", "geometry": None, "count": 0, "fields": {}},
    ]}), encoding="utf-8")
    done = run_check(pyqgis, [folder], expect, tmp_path)
    assert done.returncode == 1
    assert "1 invalid geometries" in done.stdout
    assert "1 features, expected 2" in done.stdout
    assert "FAIL missing.geojson:missing expected but not found" in done.stdout
