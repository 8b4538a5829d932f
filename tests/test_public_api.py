"""The package's public face: what README's Python section promises."""

import subprocess
import sys

import geo
from tests.conftest import ROOT


def test_public_names_resolve(gazetteer):
    for name in geo.__all__:
        assert getattr(geo, name) is not None, name
    parser = geo.Geoparser(gazetteer, disable=["events"])
    analysis = parser.analyse("Troops left Gao, Mali, on Monday.")
    assert isinstance(analysis, geo.Analysis)
    assert "Gao" in [t.text for t in analysis.toponyms]


def test_unknown_name_is_an_attribute_error():
    try:
        geo.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_import_geo_loads_no_heavy_library():
    code = "import sys, geo; print(any(m in sys.modules for m in ('pandas', 'folium', 'geopandas', 'spacy')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
