"""User corrections: the store (scopes, undo, export/import, faults, concurrency) and the pipeline step."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from geo import corrections as corr
from geo import panel, webmap
from geo.corrections import Correction, CorrectionError, CorrectionStore
from geo.errors import GeoError
from geo.pipeline import DEFAULT_PIPELINE, Geoparser
from tests.layer_samples import GAO, MALI, SAHEL, TIMBUKTU, sample_analyses


@pytest.fixture()
def doc(gazetteer):
    return sample_analyses(gazetteer)[0]


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture()
def store(tmp_path):
    return CorrectionStore(tmp_path / "store" / "corrections.sqlite")


def timbuktu(doc):
    return next(t for t in doc.toponyms if t.text == "Timbuktu")


def timbuktu_fix(doc, geonameid):
    t = timbuktu(doc)
    return Correction.mention(doc.id, t.start, t.end, t.text, geonameid)


# -- the record ---------------------------------------------------------------------------------


def test_a_correction_says_what_is_wrong_with_it():
    with pytest.raises(ValueError, match="scope"):
        Correction(None, None, "X", None, scope="planet")
    with pytest.raises(CorrectionError, match="start < end"):
        Correction.mention("d", 5, 5, "X", None)
    with pytest.raises(CorrectionError, match="integer geonameid"):
        Correction(1, 4, "X", None, action="place")
    with pytest.raises(CorrectionError, match="surface name"):
        Correction.everywhere(" ", None)
    with pytest.raises(CorrectionError, match="scope 'mention'"):
        Correction(None, None, "X", 1, scope="document", action="add", doc_id="d")
    assert Correction.everywhere("Xinhua", None).action == "not_a_place"
    assert Correction.document("d", "Georgia", 1).action == "place"


def test_a_correction_round_trips_through_its_record():
    c = Correction.add_place("d", 3, 9, "Ségou", 2451185).stamped()
    assert Correction.from_dict(json.loads(json.dumps(c.to_dict()))) == c
    with pytest.raises(CorrectionError, match="integer"):
        Correction.from_dict({"start": "three", "end": 9, "name": "x", "geonameid": 1})


# -- the store ----------------------------------------------------------------------------------


def test_saved_corrections_list_back_by_document(store):
    a = store.add(Correction.mention("doc-a", 0, 6, "Troops", None))
    b = store.add(Correction.document("doc-b", "Sahel", SAHEL))
    g = store.add(Correction.everywhere("Xinhua", None))
    assert [c.id for c in store.list()] == [a, b, g]
    assert [c.id for c in store.list("doc-a")] == [a, g]
    assert [c.id for c in store.list("doc-b")] == [b, g]
    assert all(c.created for c in store.list())
    assert store.path.with_name("corrections.sqlite-wal").exists() or \
        sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_store_without_a_file_is_empty_and_not_created(store):
    assert store.list() == () and store.problems() == ()
    assert not store.path.exists()


def test_a_later_correction_of_the_same_thing_replaces_it_and_undo_brings_it_back(store):
    first = store.add(Correction.mention("d", 0, 4, "Gaza", 1))
    second = store.add(Correction.mention("d", 0, 4, "Gaza", 2))
    assert [c.id for c in store.list()] == [second]
    assert store.undo() == f"add of correction {second}"
    assert [c.id for c in store.list()] == [first]
    removed = store.remove(first)
    assert removed.geonameid == 1 and store.list() == ()
    store.undo()
    assert [c.id for c in store.list()] == [first]
    store.undo()
    assert store.list() == () and store.undo() is None
    with pytest.raises(CorrectionError, match="saved correction"):
        store.remove(12345)


def test_mention_and_document_corrections_need_a_document(store):
    with pytest.raises(CorrectionError, match="doc_id"):
        store.add(Correction(0, 4, "Gaza", 1))


def test_export_and_import_share_corrections_with_a_colleague(store, tmp_path):
    store.add(Correction.everywhere("Xinhua", None))
    store.add(Correction.add_place("d", 3, 9, "Ségou", 2451185))
    colleague = CorrectionStore(tmp_path / "colleague.sqlite")
    colleague.add(Correction.everywhere("Xinhua", None))
    report = colleague.import_json(store.export_json())
    assert len(report.added) == 1 and report.duplicates == 1 and report.rejected == ()
    assert {c.name for c in colleague.list()} == {"Xinhua", "Ségou"}
    mixed = colleague.import_json([{"scope": "everywhere", "name": "Reuters"}, {"start": 1}, "nonsense"])
    assert len(mixed.added) == 1 and len(mixed.rejected) == 2
    with pytest.raises(CorrectionError, match="UTF-8"):
        colleague.import_json(b"\xff\xfe{")
    with pytest.raises(CorrectionError, match="JSON"):
        colleague.import_json("{not json")


def test_an_unreadable_record_is_set_aside_and_the_others_still_apply(store):
    good = store.add(Correction.everywhere("Xinhua", None))
    bad = store.add(Correction.everywhere("Reuters", None))
    worse = store.add(Correction.everywhere("AFP", None))
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE corrections SET record = CAST(? AS TEXT) WHERE id = ?", (b"\xff\xfe{bad", bad))
        conn.execute("UPDATE corrections SET record = ? WHERE id = ?", ('{"scope": "galaxy"}', worse))
    assert [c.id for c in store.list()] == [good]
    problems = store.problems()
    assert [p.record_id for p in problems] == [bad, worse]
    assert "not UTF-8" in problems[0].message and "set aside" in problems[0].message
    assert "scope" in problems[1].message
    with sqlite3.connect(store.path) as conn:  # kept as it was, in the backup table
        assert conn.execute("SELECT raw FROM set_aside WHERE original_id = ?", (bad,)).fetchone()[0] == b"\xff\xfe{bad"
    assert store.repair()[0].endswith("nothing to repair (2 record(s) set aside)")


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage not utf-8 \x81\x82" * 50, b"", b"{not a database",
                                     b"SQLite format 3\x00" + b"\x00" * 80 + b"\xff" * 4000])
def test_a_corrupt_store_never_crashes_and_repair_keeps_a_backup(store, content):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    if content:
        with pytest.raises(CorrectionError, match="repair"):
            store.list()
        assert store.problems()[0].kind == "unreadable_store"
        done = store.repair()
        assert "kept as" in done[0]
        assert list(store.path.parent.glob("corrections.sqlite.corrupt-*"))[0].read_bytes() == content
    assert store.list() == () and store.problems() == ()
    store.add(Correction.everywhere("Xinhua", None))
    assert len(store.list()) == 1


def test_repair_saves_the_records_of_an_export_put_in_the_store_s_place(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps({"format": "geo-news-corrections", "version": 2, "corrections": [
        Correction.everywhere("Xinhua", None).to_dict()]}))
    assert "1 record(s) saved" in store.repair()[1]
    assert [c.name for c in store.list()] == ["Xinhua"]


def test_ten_writers_at_once_lose_nothing(store):
    errors = []

    def write(writer):
        try:
            for n in range(30):
                store.add(Correction.mention(f"doc-{writer}", n, n + 1, "x", n + 1))
        except Exception as exc:  # reported below: a failed writer fails the test
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.list()) == 300 and store.problems() == ()


def test_older_per_document_files_are_migrated_once(data_dir, doc):
    fix = timbuktu_fix(doc, GAO)
    corr.save_corrections("doc-a", [fix])
    (data_dir / "corrections" / "broken.json").write_bytes(b"\xff{")
    store = corr.default_store()
    assert [(c.doc_id, c.start, c.geonameid, c.scope) for c in store.list()] == [("doc-a", fix.start, GAO, "mention")]
    again = corr.default_store()  # nothing new: nothing imported twice
    assert len(again.list()) == 1
    assert store.path == data_dir / "corrections.sqlite"


# -- the older per-document files (the page writes them until it uses the store) -----------------


def test_legacy_files_load_back(doc, data_dir):
    fix = timbuktu_fix(doc, GAO)
    path = corr.save_corrections("doc-a", [Correction(fix.start, fix.end, fix.name, GAO)])
    assert path == data_dir / "corrections" / "doc-a.json"
    assert corr.load_corrections("doc-a") == (fix,)
    assert json.loads(path.read_text())["corrections"] == [
        {"start": fix.start, "end": fix.end, "text": "Timbuktu", "geonameid": GAO, "note": ""}]
    assert corr.load_corrections("never-corrected") == ()


def test_a_broken_legacy_file_says_which_and_what_to_do(data_dir):
    path = corr.corrections_path("doc-a")
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    with pytest.raises(GeoError, match="doc-a.json"):
        corr.load_corrections("doc-a")
    path.write_bytes(b'{"corrections": []}\xff')
    with pytest.raises(GeoError, match="doc-a.json"):
        corr.load_corrections("doc-a")
    path.write_text(json.dumps({"corrections": [{"start": 1}]}))
    with pytest.raises(ValueError, match="start, end, text and geonameid"):
        corr.load_corrections("doc-a")


def test_legacy_helpers_replace_and_remove(doc):
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
    assert corr.default_store_path() == tmp_path / "geo-news" / "corrections.sqlite"
    assert corr.corrections_path("x") == tmp_path / "geo-news" / "corrections" / "x.json"


# -- applying -----------------------------------------------------------------------------------


def test_applying_moves_the_mention_and_its_event(doc, gazetteer):
    fixed = corr.apply_corrections(doc, [timbuktu_fix(doc, GAO)], gazetteer)
    mention = timbuktu(fixed)
    assert mention.place.geonameid == GAO and mention.confidence == 1.0
    assert TIMBUKTU in [c.place.geonameid for c in mention.alternatives]  # the old choice stays on offer
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


def test_a_name_never_a_place_everywhere_and_a_document_rule_winning_over_it(gazetteer):
    docs = sample_analyses(gazetteer)
    rules = [Correction.everywhere("mali", None), Correction.document(docs[1].id, "Mali", MALI)]
    first, second = (corr.apply_corrections(d, rules, gazetteer) for d in docs)
    assert "Mali" not in [t.text for t in first.toponyms]
    assert all(link.geonameid != MALI for e in first.events for link in e.places if link.toponym is not None)
    assert "Mali" in [t.text for t in second.toponyms]  # the narrower scope wins


def test_a_mention_correction_wins_over_a_document_one(doc, gazetteer):
    rules = [timbuktu_fix(doc, GAO), Correction.document(doc.id, "Timbuktu", None)]
    assert timbuktu(corr.apply_corrections(doc, rules, gazetteer)).place.geonameid == GAO


def test_adding_a_missed_place_and_a_name_that_means_a_place(doc, gazetteer):
    start = doc.text.index("Zorgland")
    added = Correction.add_place(doc.id, start, start + 8, "Zorgland", GAO)
    fixed = corr.apply_corrections(doc, [added], gazetteer)
    new = next(t for t in fixed.toponyms if t.start == start)
    assert new.place.geonameid == GAO and new.sentence == 2
    assert [t.start for t in fixed.toponyms] == sorted(t.start for t in fixed.toponyms)
    move = next(e for e in fixed.events if e.id == "e1")
    assert [fixed.toponyms[link.toponym].text for link in move.places if link.toponym is not None] == \
        [doc.toponyms[link.toponym].text for link in next(e for e in doc.events if e.id == "e1").places
         if link.toponym is not None]
    everywhere = corr.apply_corrections(doc, [Correction.everywhere("Zorgland", GAO)], gazetteer)
    assert [t.start for t in everywhere.toponyms if t.text == "Zorgland"] == [start]


def test_stale_and_unknown_corrections_are_reported_and_skipped_alone(doc, gazetteer, caplog):
    stale = Correction.mention(doc.id, 0, 6, "Troops", SAHEL)
    unknown = Correction.document(doc.id, "Mali", 123456789)
    fixed = corr.apply_corrections(doc, [stale, unknown, timbuktu_fix(doc, GAO)], gazetteer)
    assert timbuktu(fixed).place.geonameid == GAO  # the good one still applies
    assert next(t for t in fixed.toponyms if t.text == "Mali").place.geonameid == MALI
    assert "123456789" in caplog.text
    assert corr.stale_corrections(doc, [stale, timbuktu_fix(doc, GAO)]) == [stale]


def test_a_not_a_place_correction_is_not_reported_stale_by_the_step(doc, gazetteer):
    _, _, report = corr.apply.correct(doc.text, doc.id, doc.sentences, doc.toponyms, doc.events,
                                      [timbuktu_fix(doc, None)], gazetteer)
    assert report.stale == () and len(report.applied) == 1


# -- the pipeline step --------------------------------------------------------------------------


def test_corrections_are_the_last_step_and_read_the_store(gazetteer, store, seed_text):
    assert DEFAULT_PIPELINE[-1] == "corrections"
    plain = Geoparser(gazetteer).analyse(seed_text, doc_id="seed")
    name = next(t.text for t in plain.toponyms if t.text == "Timbuktu")
    store.add(Correction.everywhere(name, None))
    parser = Geoparser(gazetteer, options={"corrections": store})
    corrected = parser.analyse(seed_text, doc_id="seed")
    assert name not in [t.text for t in corrected.toponyms]
    assert len(corrected.toponyms) == len(plain.toponyms) - sum(t.text == name for t in plain.toponyms)
    for event in corrected.events:
        for link in event.places:
            if link.toponym is not None:
                assert corrected.toponyms[link.toponym].place.geonameid == link.geonameid
    by_path = Geoparser(gazetteer, options={"corrections": str(store.path)}).analyse(seed_text, doc_id="seed")
    assert by_path.toponyms == corrected.toponyms
    assert Geoparser(gazetteer, disable=["corrections"], options={"corrections": store}).analyse(
        seed_text, doc_id="seed").toponyms == plain.toponyms


def test_a_corrupt_store_leaves_the_document_as_it_was(gazetteer, store, seed_text, caplog):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"\x00\xff" * 100)
    parser = Geoparser(gazetteer, options={"corrections": store})
    doc = parser(parser_doc(seed_text))
    assert doc.toponyms and "cannot be read" in doc.user_data["corrections"].problems[0]
    assert "repair" in caplog.text


def parser_doc(text):
    from geo.doc import make_doc

    return make_doc(text, doc_id="seed")
