"""Load exported layers in QGIS itself (PyQGIS, headless) and check what an analyst would see.

Run with Debian's Python, which has PyQGIS (apt-get install qgis python3-qgis),
not the project's virtual environment::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/qgis_check.py OUT_DIR [--expect EXPECT.json]

Every ``.geojson``, ``.gpkg`` (each of its layers) and ``.kml`` under the
given files or folders is loaded with the OGR provider. For each layer it
prints whether it is valid, its CRS, geometry type, feature count, how many
geometries are valid (GEOS) and its fields with QGIS' types; QGIS log
messages of level Warning or worse are printed too and count as failures.

``--expect`` names a JSON file ``{"layers": [{"file", "layer", "geometry",
"count", "fields": {name: [kinds...]}}]}`` (kinds: str, int, float, bool,
date); every listed layer must be found and match. Exit status 0 when all
checks pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402  (the platform must be chosen before Qt loads)
    Qgis,
    QgsApplication,
    QgsGeometry,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant  # noqa: E402

KINDS = {
    QVariant.String: "str",
    QVariant.Int: "int",
    QVariant.LongLong: "int",
    QVariant.UInt: "int",
    QVariant.ULongLong: "int",
    QVariant.Double: "float",
    QVariant.Bool: "bool",
    QVariant.Date: "date",
    QVariant.DateTime: "datetime",
}

SUFFIXES = (".geojson", ".gpkg", ".kml")


def layer_uris(paths: list[Path]) -> list[tuple[str, str, str]]:
    """(file name, layer name, OGR uri) of every layer in the given files and folders."""
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.suffix in SUFFIXES) if path.is_dir() else [path]
    out = []
    for path in files:
        if path.suffix == ".gpkg":
            for sublayer in QgsProviderRegistry.instance().querySublayers(str(path)):
                out.append((path.name, sublayer.name(), f"{path}|layername={sublayer.name()}"))
        else:
            out.append((path.name, path.stem, str(path)))
    return out


def inspect(uri: str, name: str) -> dict:
    layer = QgsVectorLayer(uri, name, "ogr")
    report: dict = {"valid": layer.isValid()}
    if not layer.isValid():
        return report
    geometries = invalid = 0
    for feature in layer.getFeatures():
        geometry: QgsGeometry = feature.geometry()
        if geometry.isNull():
            continue
        geometries += 1
        if not geometry.isGeosValid():
            invalid += 1
    report.update({
        "crs": layer.crs().authid() if layer.crs().isValid() else None,
        "geometry": QgsWkbTypes.displayString(layer.wkbType()),
        "count": layer.featureCount(),
        "geometries": geometries,
        "invalid": invalid,
        "fields": {f.name(): KINDS.get(f.type(), f.typeName()) for f in layer.fields()},
    })
    return report


def check(report: dict, expected: dict | None) -> list[str]:
    """Problems with one layer: QGIS' own verdicts, then the expectations if any."""
    if not report["valid"]:
        return ["not a valid layer"]
    problems = []
    if report["geometry"] != "NoGeometry" and report["crs"] != "EPSG:4326":
        problems.append(f"CRS {report['crs']}, expected EPSG:4326")
    if report["invalid"]:
        problems.append(f"{report['invalid']} invalid geometries")
    if expected:
        if expected["geometry"] and report["geometry"] != expected["geometry"]:
            problems.append(f"geometry {report['geometry']}, expected {expected['geometry']}")
        if report["count"] != expected["count"]:
            problems.append(f"{report['count']} features, expected {expected['count']}")
        for field, kinds in expected["fields"].items():
            kind = report["fields"].get(field)
            if kind not in kinds:
                problems.append(f"field {field}: {kind}, expected one of {kinds}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="exported files or folders")
    ap.add_argument("--expect", type=Path, help="JSON file of expected layers")
    args = ap.parse_args(argv)

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    messages: list[str] = []

    def on_message(message: str, tag: str, level: Qgis.MessageLevel) -> None:
        if level in (Qgis.Warning, Qgis.Critical):
            messages.append(f"{tag or 'QGIS'}: {message}")

    QgsApplication.messageLog().messageReceived.connect(on_message)
    expected = {}
    if args.expect:
        for item in json.loads(args.expect.read_text(encoding="utf-8"))["layers"]:
            expected[(item["file"], item["layer"])] = item
    print(f"QGIS {Qgis.QGIS_VERSION}")
    failures = 0
    seen = set()
    for file_name, layer_name, uri in layer_uris(args.paths):
        seen.add((file_name, layer_name))
        report = inspect(uri, layer_name)
        problems = check(report, expected.get((file_name, layer_name)))
        failures += bool(problems)
        label = f"{file_name}:{layer_name}"
        if report["valid"]:
            print(f"{'FAIL' if problems else 'ok  '} {label:<28} valid  {report['crs'] or 'no CRS':<9} "
                  f"{report['geometry']:<12} {report['count']:>4} features  "
                  f"{report['geometries'] - report['invalid']}/{report['geometries']} geometries valid  "
                  f"{len(report['fields'])} fields")
            print("       fields: " + ", ".join(f"{k}:{v}" for k, v in report["fields"].items()))
        else:
            print(f"FAIL {label:<28} not valid")
        for problem in problems:
            print(f"       {problem}")
    for key in sorted(set(expected) - seen):
        failures += 1
        print(f"FAIL {key[0]}:{key[1]} expected but not found")
    for message in messages:
        failures += 1
        print(f"FAIL log {message}")
    print(f"{len(seen)} layers, {failures} failing")
    app.exitQgis()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
