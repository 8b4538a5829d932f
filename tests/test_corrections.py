"""User corrections: saved per document, reloaded, applied on top of the resolver."""

from __future__ import annotations

import json

import pytest

from geo import corrections as corr
from geo import panel, webmap
from geo.errors import GeoError
from tests.layer_samples import GAO, MALI, SAHEL, TIMBUKTU, sample_analyses


@pytest.fixture()
def doc(gazetteer):
    return sample_analyses(gazetteer)[0]


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def timbuktu_fix(doc, geonameid):
    t = next(t for t in doc.toponyms if t.text == "Timbuktu")
    return corr.Correction(t.start, t.end, t.text, geonameid)


def test_saved_corrections_load_back(doc, data_dir):
    fix = timbuktu_fix(doc, GAO)
    path = corr.save_corrections("doc-a", [fix])
    assert path == data_dir / "corrections" / "doc-a.json"
    assert corr.load_corrections("doc-a") == (fix,)
    assert json.loads(path.read_text())["corrections"][0]["geonameid"] == GAO


def test_a_document_without_corrections_has_none():
    assert corr.load_corrections("never-corrected") == ()


def test_applying_moves_the_mention_and_its_event(doc, gazetteer):
    fixed = corr.apply_corrections(doc, [timbuktu_fix(doc, GAO)], gazetteer)
    mention = next(t for t in fixed.toponyms if t.text == "Timbuktu")
    assert mention.place.geonameid == GAO and mention.confidence == 1.0
    assert TIMBUKTU in [c.place.geonameid for c in mention.alternatives]  # the old choice stays on offer
    # the map and the panel follow
    features = webmap.map_features([fixed], gazetteer)
    assert TIMBUKTU not in {f["properties"]["geonameid"] for f in features.points["features"]}
    assert panel.place_panel([fixed], GAO).mention_count == 2
    move = next(e for e in fixed.events if e.id == "e1")
    assert move.places[0].geonameid == GAO and "corrected" in move.places[0].reason
    assert fixed.toponyms[move.places[1].toponym].place.geonameid == MALI  # indices still point right


def test_not_a_place_removes_the_mention_and_its_links(doc, gazetteer):
    fixed = corr.apply_corrections(doc, [timbuktu_fix(doc, None)], gazetteer)
    assert "Timbuktu" not in [t.text for t in fixed.toponyms]
    assert len(fixed.toponyms) == len(doc.toponyms) - 1
    move = next(e for e in fixed.events if e.id == "e1")
    assert [link.geonameid for link in move.places] == [MALI]
    assert fixed.toponyms[move.places[0].toponym].text == "Mali"


def test_stale_corrections_are_skipped_and_reported(doc, gazetteer):
    stale = corr.Correction(0, 6, "Troops", SAHEL)
    fixed = corr.apply_corrections(doc, [stale], gazetteer)
    assert fixed.toponyms == doc.toponyms
    assert corr.stale_corrections(doc, [stale, timbuktu_fix(doc, GAO)]) == [stale]


def test_unknown_place_is_an_error(doc, gazetteer):
    with pytest.raises(corr.CorrectionError, match="123456789"):
        corr.apply_corrections(doc, [timbuktu_fix(doc, 123456789)], gazetteer)


def test_a_broken_file_says_which_and_what_to_do(data_dir):
    path = corr.corrections_path("doc-a")
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    with pytest.raises(GeoError, match="doc-a.json"):
        corr.load_corrections("doc-a")
    path.write_text(json.dumps({"corrections": [{"start": 1}]}))
    with pytest.raises(ValueError, match="start, end, text and geonameid"):
        corr.load_corrections("doc-a")


def test_a_later_correction_replaces_the_earlier_one(doc):
    first, second = timbuktu_fix(doc, GAO), timbuktu_fix(doc, MALI)
    assert corr.with_correction([first], second) == (second,)
    assert corr.without_correction([first], first.start, first.end) == ()


def test_document_ids_cannot_escape_the_folder(data_dir):
    path = corr.corrections_path("../../etc/passwd")
    assert path.parent == data_dir / "corrections"
    assert "/" not in path.name and not path.name.startswith(".")


def test_default_folder_is_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("GEO_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert corr.corrections_path("x") == tmp_path / "geo-news" / "corrections" / "x.json"
