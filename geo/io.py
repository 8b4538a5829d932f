"""Reading articles and corpora: files, folders, JSONL (optionally gzipped), CSV, Parquet, stdin.

::

    for item in read_records(["news/", "wire.jsonl.gz", "-"]):
        if isinstance(item, RecordError):
            print(item)                      # news/b.jsonl:12: the "text" field is empty; ...
        else:
            parser.analyse(item.text, doc_id=item.id, ...)

Every record yields either an :class:`ArticleRecord` or a :class:`RecordError`
that names the file, the line (JSONL), row (CSV, Parquet) or nothing (an
article file), and a reason with the fix. A bad record never stops the
reading: the next one follows. The command line, the batch path, the page and
the scripts read through here, so they accept and reject the same things.

Formats, chosen by suffix: ``.txt``/``.md``/``.html``/``.htm`` (one article, its
metadata in a sibling ``.json``), ``.jsonl``/``.ndjson`` (``.gz`` too), ``.csv``,
``.parquet``; a folder is read recursively in name order; ``-`` is standard
input as JSONL. Column names are configurable with :class:`Columns`. Bytes
are decoded by :func:`geo.text.decode` (per line for JSONL, so one badly
encoded line costs that line only).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from geo.errors import GeoError, InputTextError
from geo.text import MAX_CHARS, check_text, decode, html_to_text, looks_like_html

__all__ = ("ARTICLE_SUFFIXES", "ArticleRecord", "Columns", "RecordError", "STDIN", "corpus_files",
           "read_article", "read_records")

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TABLE_SUFFIXES = (".csv", ".parquet")

#: the name that means standard input (read as JSONL)
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Columns:
    """Which field or column of a corpus holds what (``--id-column`` and friends)."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    published: str = "published"
    url: str = "url"
    source: str = "source"


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article to analyse, with where it came from (``file``, ``position``: line or row, 0 for a file)."""

    id: str
    text: str
    file: str
    position: int = 0
    title: str = ""
    published: str | None = None
    url: str = ""
    source: str = ""
    #: "line" for JSONL, "row" for CSV and Parquet, "" for a whole file
    unit: str = ""

    def error(self, reason: str) -> RecordError:
        """An error line for this record (it could not be analysed)."""
        return RecordError(self.file, self.position, reason, self.id, self.unit)

    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published[:10]) if self.published else None

    def to_dict(self) -> dict[str, Any]:
        """The ``{"id", "text", ...}`` record that :meth:`Geoparser.analyse_many` takes."""
        return {"id": self.id, "text": self.text, "title": self.title, "published": self.published,
                "url": self.url, "source": self.source}


@dataclass(frozen=True, slots=True)
class RecordError:
    """A record that cannot be analysed: where it is, its id if known, and why (with the fix)."""

    file: str
    position: int
    reason: str
    id: str | None = None
    #: "line" for JSONL, "row" for CSV and Parquet, "" for a whole file
    unit: str = ""

    @property
    def where(self) -> str:
        return f"{self.file}:{self.position}" if self.unit == "line" else (
            f"{self.file} row {self.position}" if self.unit == "row" else self.file)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


Item = ArticleRecord | RecordError

DEFAULT_COLUMNS = Columns()


# -- the public entry points ------------------------------------------------------------------


def read_records(inputs: Iterable[str | Path], *, columns: Columns = DEFAULT_COLUMNS,
                 max_chars: int = MAX_CHARS, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every record of ``inputs`` (files, folders, ``-``), in order, as an article or an error."""
    for path in corpus_files(inputs):
        yield from _read_one(path, columns, max_chars, stdin)


def corpus_files(inputs: Iterable[str | Path]) -> Iterator[str | Path]:
    """The files behind ``inputs``: folders expanded (recursively, sorted), ``-`` kept as it is.

    Raises :class:`GeoError` for an input that does not exist or has a format
    this module cannot read (a wrong argument is a usage error, not a bad record).
    """
    for item in inputs:
        if str(item) == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and input_kind(p) is not None)
        elif not path.exists():
            raise GeoError(f"{path}: no such file or folder; check the path.")
        elif input_kind(path) is None:
            raise GeoError(f"{path}: expected an article ({', '.join(ARTICLE_SUFFIXES)}) or a corpus "
                           f"({', '.join(JSONL_SUFFIXES + TABLE_SUFFIXES)}), instead got {path.suffix!r}.")
        else:
            yield path


def read_article(path: Path) -> dict[str, Any]:
    """One article file as a ``{"id", "text", "title", ...}`` record; raises InputTextError if it is bad."""
    item = _article_file(Path(path), Columns(), MAX_CHARS)
    if isinstance(item, RecordError):
        raise InputTextError(str(item))
    return item.to_dict()


# -- formats ----------------------------------------------------------------------------------


def input_kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(ARTICLE_SUFFIXES):
        return "article"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".parquet"):
        return "parquet"
    return None


def _read_one(path: str | Path, columns: Columns, max_chars: int, stdin: BinaryIO | None) -> Iterator[Item]:
    if path == STDIN:
        yield from _jsonl_lines(stdin or sys.stdin.buffer, "<stdin>", columns, max_chars)
        return
    path = Path(path)
    kind = input_kind(path)
    try:
        if kind == "article":
            yield _article_file(path, columns, max_chars)
        elif kind == "jsonl":
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rb") as f:
                yield from _jsonl_lines(f, str(path), columns, max_chars)
        elif kind == "csv":
            yield from _csv_rows(path, columns, max_chars)
        else:
            yield from _parquet_rows(path, columns, max_chars)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        # a file that breaks part-way (truncated gzip, unreadable disk): what was read stands
        yield RecordError(str(path), 0, f"could not be read to the end ({exc}); check or re-copy the file.")


def _article_file(path: Path, columns: Columns, max_chars: int) -> Item:
    try:
        text = decode(path.read_bytes(), source=str(path))
    except (InputTextError, OSError) as exc:
        return RecordError(str(path), 0, str(exc), id=path.stem)
    title = ""
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text, title = html_to_text(text)
    fields: dict[str, Any] = {columns.id: path.stem, columns.text: text, columns.title: title}
    meta_path = path.with_suffix(".json")
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                raise ValueError(f"expected a JSON object, instead got {type(meta).__name__}")
        except (OSError, ValueError) as exc:
            return RecordError(str(path), 0, f"its metadata {meta_path.name} is not a readable JSON object "
                               f"({exc}); fix it or move it away.", id=path.stem)
        fields.update({k: v for k, v in meta.items() if k != columns.text and k != columns.id and v})
    return _record(fields, str(path), 0, "", columns, max_chars)


def _jsonl_lines(f: BinaryIO, name: str, columns: Columns, max_chars: int) -> Iterator[Item]:
    for n, raw in enumerate(f, 1):
        if not raw.strip():
            continue
        try:
            line = decode(raw, source=f"line {n}")
            obj = json.loads(line)
        except InputTextError as exc:
            yield RecordError(name, n, str(exc).removeprefix(f"line {n}: "), unit="line")
            continue
        except json.JSONDecodeError as exc:
            yield RecordError(name, n, f"not valid JSON ({exc.msg} at column {exc.colno}); "
                              f"write one JSON object per line.", unit="line")
            continue
        if not isinstance(obj, dict):
            yield RecordError(name, n, f"expected a JSON object with a {columns.text!r} field, instead "
                              f"got {type(obj).__name__}; write one object per line.", unit="line")
            continue
        yield _record(obj, name, n, "line", columns, max_chars)


def _csv_rows(path: Path, columns: Columns, max_chars: int) -> Iterator[Item]:
    try:
        content = decode(path.read_bytes(), source=str(path))
    except InputTextError as exc:
        yield RecordError(str(path), 0, str(exc).removeprefix(f"{path}: "))
        return
    csv.field_size_limit(max(csv.field_size_limit(), 4 * max_chars))
    reader = csv.DictReader(io.StringIO(content, newline=""))
    if reader.fieldnames is None or columns.text not in reader.fieldnames:
        yield RecordError(str(path), 1, f"no {columns.text!r} column among {reader.fieldnames or []}; "
                          f"name the text column with --text-column.", unit="row")
        return
    for n, row in enumerate(reader, 1):
        yield _record(row, str(path), n, "row", columns, max_chars)


def _parquet_rows(path: Path, columns: Columns, max_chars: int) -> Iterator[Item]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own ArrowInvalid and OSError for a non-Parquet file
        yield RecordError(str(path), 0, f"not a readable Parquet file ({exc}).")
        return
    names = table.schema_arrow.names
    if columns.text not in names:
        yield RecordError(str(path), 0, f"no {columns.text!r} column among {names}; "
                          f"name the text column with --text-column.")
        return
    wanted = [c for c in (columns.id, columns.text, columns.title, columns.published, columns.url,
                          columns.source) if c in names]
    n = 0
    for batch in table.iter_batches(batch_size=1024, columns=wanted):
        for row in batch.to_pylist():
            n += 1
            yield _record(row, str(path), n, "row", columns, max_chars)


# -- one record -------------------------------------------------------------------------------


def _record(fields: dict[str, Any], file: str, position: int, unit: str, columns: Columns,
            max_chars: int) -> Item:
    raw_id = fields.get(columns.id)
    doc_id = str(raw_id) if raw_id not in (None, "") else None
    text = fields.get(columns.text)
    if columns.text not in fields:
        return RecordError(file, position, f"no {columns.text!r} field; give each record its article text "
                           f"(or name the field with --text-column).", doc_id, unit)
    try:
        text = check_text(text, max_chars=max_chars)
    except InputTextError as exc:
        return RecordError(file, position, f"the {columns.text!r} field: {exc}", doc_id, unit)
    published = fields.get(columns.published)
    if isinstance(published, dt.date):
        published = published.isoformat()
    if published in (None, ""):
        published = None
    else:
        try:
            dt.date.fromisoformat(str(published)[:10])
        except ValueError:
            return RecordError(file, position, f"the {columns.published!r} field {published!r} is not a date; "
                               f"write it as YYYY-MM-DD (or leave it out).", doc_id, unit)
        published = str(published)[:10]
    if doc_id is None:
        from geo.doc import doc_id_for

        doc_id = doc_id_for(text)
    return ArticleRecord(id=doc_id, text=text, file=file, position=position, unit=unit,
                         title=_str(fields.get(columns.title)), published=published,
                         url=_str(fields.get(columns.url)), source=_str(fields.get(columns.source)))


def _str(value: Any) -> str:
    return "" if value is None else str(value)
