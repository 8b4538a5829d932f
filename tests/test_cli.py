import json
import subprocess
import sys

from geo.cli import main
from tests.conftest import ROOT, SEED_TEXT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_seed_file_uses_its_metadata(capsys):
    code, out, _ = run(capsys, "parse", str(SEED_TEXT))
    assert code == 0
    (doc,) = [json.loads(line) for line in out.splitlines()]
    assert doc["published"] == "2022-11-14" and doc["title"] == "UK Pulling Mali Troop Deployment"
    timbuktu = next(t for t in doc["toponyms"] if t["name"] == "Timbuktu")
    assert timbuktu["geonameid"] == 2449067 and timbuktu["type"] == "literal"
    assert set(timbuktu) >= {"start", "end", "name", "type", "lat", "lon", "geonameid", "feature_code",
                             "country_code", "confidence"}
    assert "events" in doc


def test_parse_jsonl(tmp_path, capsys):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Rain fell on Accra."}) + "\n\n"
                      + json.dumps({"id": "b", "text": "Nothing here."}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--jsonl", str(corpus), "--no-events")
    assert code == 0
    a, b = [json.loads(line) for line in out.splitlines()]
    assert a["id"] == "a" and [t["name"] for t in a["toponyms"]] == ["Accra"]
    assert b == {"id": "b", "toponyms": [], "events": []}


def test_unresolvable_names_keep_null_coordinates():
    from geo.model import Toponym

    record = Toponym(0, 4, "Xyzz", "literal").to_dict()
    assert record["lat"] is None and record["lon"] is None and record["geonameid"] is None


def test_html_article(tmp_path, capsys):
    page = tmp_path / "story.html"
    page.write_text("<html><head><title>Story</title><script>var Paris=1</script></head>"
                    "<body><p>Soldiers entered Kidal on Sunday.</p></body></html>", encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(page))
    doc = json.loads(out)
    assert code == 0 and doc["title"] == "Story"
    assert [t["name"] for t in doc["toponyms"]] == ["Kidal"]


def test_windows_1252_file_is_read(tmp_path, capsys):
    page = tmp_path / "old.txt"
    page.write_bytes("“Troops” returned to Ségou.".encode("cp1252"))
    code, out, _ = run(capsys, "parse", str(page))
    assert code == 0 and [t["name"] for t in json.loads(out)["toponyms"]] == ["Ségou"]


def test_bad_input_gives_clear_errors(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, out, err = run(capsys, "parse", str(empty))
    assert code == 1 and out == "" and "empty" in err and "empty.txt" in err
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"Mali \x81\x8d\x8f\x90\x9d")
    code, _, err = run(capsys, "parse", str(junk))
    assert code == 1 and "UTF-8" in err and "junk.txt" in err
    huge = tmp_path / "huge.txt"
    huge.write_text("Troops left Mali. " * 300_000, encoding="utf-8")  # 5.4 MB
    code, _, err = run(capsys, "parse", str(huge))
    assert code == 1 and "characters" in err and "huge.txt" in err
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text('{"id": 1, "text": "Mali"}\nnot json\n', encoding="utf-8")
    code, _, err = run(capsys, "parse", "--jsonl", str(bad_jsonl))
    assert code == 1 and "bad.jsonl:2" in err
    # a record that fails is counted (exit 1); a usage error (no such file) is exit 2
    code, _, err = run(capsys, "parse", str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt" in err


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "geo", "parse", "--no-events", str(SEED_TEXT)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["toponyms"]


def test_parse_with_an_extra_spacy_pipeline(tmp_path, capsys):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "timbuktu"}])
    nlp.to_disk(tmp_path / "pipeline")
    article = tmp_path / "a.txt"
    article.write_text("Aid trucks reached timbuktu on Friday.", encoding="utf-8")
    code, out, _ = run(capsys, "parse", "--no-events", str(article))
    assert code == 0 and json.loads(out)["toponyms"] == []  # lower case: not for the own recogniser
    code, out, _ = run(capsys, "parse", "--no-events", "--spacy-model", str(tmp_path / "pipeline"), str(article))
    (timbuktu,) = json.loads(out)["toponyms"]
    assert code == 0 and timbuktu["geonameid"] == 2449067


def test_missing_spacy_pipeline_is_a_clear_error(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Mali.", encoding="utf-8")
    code, _, err = run(capsys, "parse", "--spacy-model", "no_such_pipeline", str(article))
    assert code == 2 and "no_such_pipeline" in err


BAD_CORPUS = "\n".join([
    json.dumps({"id": "a", "text": "Rain fell on Accra."}),
    "{broken",
    json.dumps({"id": "e", "text": ""}),
    json.dumps({"id": "b", "text": "Buses stopped in Lagos."}),
]) + "\n"


def test_parse_reports_bad_lines_and_goes_on(tmp_path, capsys):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(BAD_CORPUS, encoding="utf-8")
    code, out, err = run(capsys, "parse", "--jsonl", str(corpus), "--no-events")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    assert f"{corpus}:2: not valid JSON" in err and f"{corpus}:3: the 'text' field" in err
    assert "2 of 4 record(s) failed" in err


def test_export_writes_the_good_records(tmp_path, capsys):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(BAD_CORPUS, encoding="utf-8")
    code, out, err = run(capsys, "export", "--jsonl", str(corpus), "--out", str(tmp_path / "out"))
    assert code == 1 and "2 document(s)" in out and "2 of 4 record(s) failed" in err
    places = json.loads((tmp_path / "out" / "places.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["doc_id"] for f in places["features"]} == {"a", "b"}


def test_parse_stdin_line_buffered_and_quiet_on_a_closed_pipe(tmp_path):
    lines = "".join(json.dumps({"id": str(i), "text": f"Rain fell on Accra on day {i}."}) + "\n"
                    for i in range(300))
    # head reads one line and exits; the parser must stop quietly, without a traceback
    proc = subprocess.run(f"{sys.executable} -m geo parse --no-events - | head -1", shell=True, cwd=ROOT,
                          input=lines, capture_output=True, text=True, timeout=120,
                          executable="/bin/bash")
    assert json.loads(proc.stdout)["id"] == "0"
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_export_geoparquet_and_raw_csv(tmp_path):
    import geopandas as gpd
    import pandas as pd

    article = tmp_path / "a.txt"
    article.write_text("=HYPERLINK(1) Protesters marched in Bamako, Mali, on Friday.\n", encoding="utf-8")
    assert main(["export", str(article), "--out", str(tmp_path / "pq"), "--format", "geoparquet",
                 "--no-corrections"]) == 0
    places = gpd.read_parquet(tmp_path / "pq" / "places.parquet")
    assert "Bamako" in set(places["name"])
    for flags, first in (([], "'="), (["--raw-csv"], "=")):
        out = tmp_path / f"csv{len(flags)}"
        assert main(["export", str(article), "--out", str(out), "--format", "csv", "--no-corrections", *flags]) == 0
        sentences = pd.read_csv(out / "mentions.csv")["sentence"]
        assert sentences.str.startswith(first).any(), list(sentences)
