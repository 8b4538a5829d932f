"""Reading articles and corpora: every record is an article or an error that names it."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from geo.errors import GeoError, InputTextError
from geo.io import ArticleRecord, Columns, RecordError, read_article, read_records


def _lines(*objects) -> bytes:
    return b"".join((o if isinstance(o, bytes) else json.dumps(o).encode()) + b"\n" for o in objects)


BAD_AND_GOOD = _lines(
    {"id": "a", "text": "Rain fell on Accra."},
    b"{not json",
    {"id": "e", "text": "   "},
    [1, 2],
    {"id": "n", "text": 42},
    {"id": "m"},
    {"id": "d", "text": "Troops left Gao.", "published": "last week"},
    "Caf\xe9 in Dakar".encode("latin-1"),  # a line in another encoding, not JSON either
    {"id": "b", "text": "Buses stopped in Lagos.", "published": "2024-03-01T10:00:00Z", "url": "u"},
)


def test_jsonl_bad_records_are_errors_with_line_and_fix(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_bytes(BAD_AND_GOOD)
    items = list(read_records([corpus]))
    good = [i for i in items if isinstance(i, ArticleRecord)]
    bad = [i for i in items if isinstance(i, RecordError)]
    assert [g.id for g in good] == ["a", "b"]
    assert good[1].published == "2024-03-01" and good[1].url == "u" and good[1].position == 9
    assert [e.position for e in bad] == [2, 3, 4, 5, 6, 7, 8]
    assert all(e.file == str(corpus) and e.unit == "line" for e in bad)
    reasons = {e.position: e.reason for e in bad}
    assert "not valid JSON" in reasons[2] and "empty" in reasons[3]
    assert "instead got list" in reasons[4] and "int" in reasons[5]
    assert "no 'text' field" in reasons[6] and "YYYY-MM-DD" in reasons[7]
    assert str(bad[0]).startswith(f"{corpus}:2: ")


def test_gzip_and_stdin_read_the_same(tmp_path):
    plain = _lines({"id": "a", "text": "Rain fell on Accra."}, {"id": "b", "text": "Buses in Lagos."})
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(plain))
    from_gz = [r.id for r in read_records([tmp_path / "c.jsonl.gz"])]
    from_stdin = list(read_records(["-"], stdin=io.BytesIO(plain)))
    assert from_gz == [r.id for r in from_stdin] == ["a", "b"]
    assert from_stdin[0].file == "<stdin>"


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    data = gzip.compress(_lines(*({"id": str(i), "text": f"Rain in Accra {i}."} for i in range(2000))))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(read_records([tmp_path / "cut.jsonl.gz"]))
    assert isinstance(items[-1], RecordError) and "could not be read to the end" in items[-1].reason
    assert len(items) > 1 and all(isinstance(i, ArticleRecord) for i in items[:-1])


def test_csv_with_configured_columns(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text('key,body,headline\n1,"Rain fell on Accra.\nMore rain.",Rain\n2,,Empty\n', encoding="utf-8")
    items = list(read_records([table], columns=Columns(id="key", text="body", title="headline")))
    assert isinstance(items[0], ArticleRecord) and items[0].id == "1" and items[0].title == "Rain"
    assert "More rain" in items[0].text
    assert isinstance(items[1], RecordError) and items[1].position == 2 and items[1].unit == "row"
    assert str(items[1]).startswith(f"{table} row 2: ")
    missing = list(read_records([table]))
    assert len(missing) == 1 and "--text-column" in missing[0].reason


def test_parquet_rows(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"id": [7, 8], "text": ["Rain fell on Accra.", None]}), path)
    first, second = read_records([path])
    assert isinstance(first, ArticleRecord) and first.id == "7" and first.position == 1
    assert isinstance(second, RecordError) and second.position == 2 and second.id == "8"


def test_folder_of_articles_with_metadata(tmp_path):
    (tmp_path / "b.html").write_text("<html><head><title>T</title></head><p>Soldiers entered Kidal.</p></html>")
    (tmp_path / "a.txt").write_text("Rain fell on Accra.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"title": "Rain", "published": "2024-01-02"}))
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\xff\xfe\x81\x8d")
    (tmp_path / "d.txt").write_text("Troops in Gao.", encoding="utf-8")
    (tmp_path / "d.json").write_text("{broken")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not an article: left out of a folder
    items = list(read_records([tmp_path]))
    assert [type(i).__name__ for i in items] == ["ArticleRecord", "ArticleRecord", "RecordError", "RecordError"]
    a, b, c, d = items
    assert (a.id, a.title, a.published) == ("a", "Rain", "2024-01-02")
    assert (b.title, b.text) == ("T", "Soldiers entered Kidal.")
    assert c.file.endswith("c.txt") and d.file.endswith("d.txt") and "d.json" in d.reason


def test_a_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(GeoError, match="no such file"):
        list(read_records([tmp_path / "nope.jsonl"]))
    with pytest.raises(GeoError, match="instead got '.pdf'"):
        (tmp_path / "x.pdf").write_bytes(b"")
        list(read_records([tmp_path / "x.pdf"]))


def test_read_article_raises_for_a_bad_file(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(InputTextError, match="empty.txt"):
        read_article(tmp_path / "empty.txt")


def test_too_long_is_an_error(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(_lines({"id": "x", "text": "Accra. " * 100}))
    (item,) = read_records([corpus], max_chars=50)
    assert isinstance(item, RecordError) and "more than the 50" in item.reason
