"""The user's corrections, in one SQLite file under the data folder.

::

    store = CorrectionStore(data_dir() / "corrections.sqlite")   # or default_store()
    cid = store.add(Correction.everywhere("Xinhua", None))       # "Xinhua is never a place"
    store.list(doc_id="voa-1")        # what applies to one document (its own + the global ones)
    store.undo()                      # reverses the last add or remove
    store.remove(cid)
    text = store.export_json(); other.import_json(text)
    store.problems(); store.repair()

Why SQLite: every change is one transaction (``BEGIN IMMEDIATE``, WAL
journal, ``synchronous=FULL``), so writers from many threads, page sessions
and processes queue instead of overwriting each other, and a crash leaves the
last committed state. A connection lives for one operation, so a store object
can be shared by every thread.

Nothing here crashes on a bad file: a record that cannot be read is moved to
the ``set_aside`` table (the backup, with the reason) and the others still
apply; a file that is not a readable store raises :class:`CorrectionError`
naming the file and the fix, and :meth:`CorrectionStore.repair` keeps it as
``<name>.corrupt-<time>`` and starts a fresh store with what could be saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.corrections.model import Correction, CorrectionError, now

log = logging.getLogger(__name__)

FORMAT = "geo-news-corrections"
FORMAT_VERSION = 2
#: how long a writer waits for another one before giving up (seconds)
BUSY_TIMEOUT_S = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record TEXT NOT NULL,                 -- Correction.to_dict() as JSON
    doc_id TEXT NOT NULL DEFAULT '',
    scope TEXT NOT NULL,
    key TEXT NOT NULL,                    -- Correction.key() as JSON
    removed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS corrections_doc ON corrections (doc_id, scope) WHERE removed = 0;
CREATE TABLE IF NOT EXISTS log (           -- what undo() reverses, newest last
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op TEXT NOT NULL,                     -- 'add' or 'remove'
    correction INTEGER NOT NULL,
    replaced TEXT NOT NULL DEFAULT '[]'   -- ids an 'add' replaced (same key)
);
CREATE TABLE IF NOT EXISTS set_aside (     -- unreadable records, kept as they were
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    original_id INTEGER,
    raw BLOB,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the store, for the page to show (and :meth:`CorrectionStore.repair`)."""

    kind: str  # "unreadable_store", "set_aside", "legacy_file"
    message: str
    record_id: int | None = None
    raw: str = ""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: ids added, records already there, records refused (with why)."""

    added: tuple[int, ...] = ()
    duplicates: int = 0
    rejected: tuple[str, ...] = ()


def data_dir() -> Path:
    """The user data folder (not the cache: corrections are the user's work).

    ``$GEO_DATA_DIR``, else ``$XDG_DATA_HOME/geo-news``, else ``~/.local/share/geo-news``.
    """
    env = os.environ.get("GEO_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "geo-news"


def default_store_path() -> Path:
    return data_dir() / "corrections.sqlite"


def default_store(*, migrate: bool = True) -> CorrectionStore:
    """The user's store; corrections in the older per-document JSON files are imported once."""
    store = CorrectionStore(default_store_path())
    if migrate:
        report = store.migrate_legacy(data_dir() / "corrections")
        for message in report.rejected:
            log.warning("corrections: %s", message)
    return store


class CorrectionStore:
    """Scoped corrections in one SQLite file; safe to share between threads and processes."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"CorrectionStore({str(self.path)!r})"

    # -- connections ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One connection for one operation; ``write`` holds the write lock for the whole of it."""
        if not write and not self.path.exists():
            yield _EMPTY
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise CorrectionError(f"Cannot open the corrections store {str(self.path)!r}: {exc}. "
                                  f"Set GEO_DATA_DIR to a writable folder.") from exc
        try:
            try:
                _prepare(conn)
                if write:
                    conn.execute("BEGIN IMMEDIATE")
                yield conn
                if write:
                    conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise CorrectionError(f"The corrections store {str(self.path)!r} stayed busy for "
                                      f"{BUSY_TIMEOUT_S:.0f} s ({exc}); try again.") from exc
            raise self._unreadable(exc) from exc
        except sqlite3.DatabaseError as exc:
            raise self._unreadable(exc) from exc
        finally:
            conn.close()

    def _unreadable(self, exc: Exception) -> CorrectionError:
        return CorrectionError(
            f"The corrections store {str(self.path)!r} cannot be read ({exc}). Repair it "
            f"(CorrectionStore.repair(), or Repair on the page's Corrections tab): the file is kept as "
            f"{self.path.name}.corrupt-<time> and a new store starts with every record that can be saved.")

    # -- changes -------------------------------------------------------------------------------

    def add(self, correction: Correction) -> int:
        """Save ``correction``; an earlier one about the same thing (same key) is replaced. Returns its id."""
        if correction.scope in ("mention", "document") and not correction.doc_id:
            raise CorrectionError(f"Expected a doc_id for a {correction.scope!r} correction, "
                                  f"instead got: {correction!r}.")
        with self._connect(write=True) as conn:
            return _insert(conn, correction.stamped())

    def remove(self, correction_id: int) -> Correction:
        """Delete a saved correction (undo brings it back); returns it."""
        with self._connect(write=True) as conn:
            row = conn.execute("SELECT record FROM corrections WHERE id = ? AND removed = 0",
                               (correction_id,)).fetchone()
            if row is None:
                raise CorrectionError(f"Expected the id of a saved correction, instead got: {correction_id!r}.")
            conn.execute("UPDATE corrections SET removed = 1 WHERE id = ?", (correction_id,))
            conn.execute("INSERT INTO log (op, correction) VALUES ('remove', ?)", (correction_id,))
        return _decode(row[0]).stamped(id=correction_id)

    def undo(self) -> str | None:
        """Reverse the last add or remove; returns what was undone, ``None`` if nothing was left."""
        with self._connect(write=True) as conn:
            row = conn.execute("SELECT seq, op, correction, replaced FROM log ORDER BY seq DESC LIMIT 1").fetchone()
            if row is None:
                return None
            seq, op, cid, replaced = row
            if op == "add":
                conn.execute("UPDATE corrections SET removed = 1 WHERE id = ?", (cid,))
                conn.executemany("UPDATE corrections SET removed = 0 WHERE id = ?",
                                 [(i,) for i in json.loads(replaced)])
            else:
                conn.execute("UPDATE corrections SET removed = 0 WHERE id = ?", (cid,))
            conn.execute("DELETE FROM log WHERE seq = ?", (seq,))
        return f"{op} of correction {cid}"

    # -- reading -------------------------------------------------------------------------------

    def list(self, doc_id: str | None = None) -> tuple[Correction, ...]:
        """Saved corrections, oldest first; with ``doc_id``, those that apply to that document.

        A record that cannot be read is set aside (see :meth:`problems`) and left out.
        """
        sql = "SELECT id, CAST(record AS BLOB) FROM corrections WHERE removed = 0"
        args: tuple = ()
        if doc_id is not None:
            sql += " AND (doc_id = ? OR scope = 'everywhere')"
            args = (doc_id,)
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY id", args).fetchall()
        found, bad = [], []
        for cid, raw in rows:
            try:
                found.append(_decode(raw).stamped(id=cid))
            except CorrectionError as exc:
                bad.append((cid, raw, str(exc)))
        if bad:
            self._set_aside(bad)
        return tuple(found)

    def get(self, correction_id: int) -> Correction | None:
        return next((c for c in self.list() if c.id == correction_id), None)

    def problems(self) -> tuple[Problem, ...]:
        """What is wrong with the store; never raises. Empty when all is well."""
        try:
            self.list()  # sets aside what cannot be read
            with self._connect() as conn:
                check = conn.execute("PRAGMA quick_check").fetchone()
                rows = conn.execute("SELECT original_id, raw, reason FROM set_aside ORDER BY id").fetchall()
        except CorrectionError as exc:
            return (Problem("unreadable_store", str(exc)),)
        found = []
        if check and check[0] != "ok":
            found.append(Problem("unreadable_store", f"{self.path}: integrity check failed ({check[0]}); "
                                                     f"repair() rebuilds it from the readable records."))
        for original_id, raw, reason in rows:
            preview = bytes(raw or b"").decode("utf-8", "replace")[:200]
            found.append(Problem("set_aside", f"Correction {original_id} could not be read and was set aside "
                                              f"(kept in the store's set_aside table): {reason}",
                                 original_id, preview))
        return tuple(found)

    # -- sharing -------------------------------------------------------------------------------

    def export_json(self, doc_id: str | None = None) -> str:
        """The corrections as a JSON document a colleague can import."""
        return json.dumps({"format": FORMAT, "version": FORMAT_VERSION, "exported": now(),
                           "corrections": [c.to_dict() for c in self.list(doc_id)]},
                          ensure_ascii=False, indent=1)

    def import_json(self, data: str | bytes | dict | list) -> ImportReport:
        """Add the corrections of an export (or a list of records); bad records are refused, not fatal."""
        records = _records_of(data)
        added, rejected, duplicates = [], [], 0
        with self._connect(write=True) as conn:
            present = {(tuple(json.loads(k)), r) for k, r in
                       conn.execute("SELECT key, record FROM corrections WHERE removed = 0")}
            present_keys = {(k, _target(r)) for k, r in present}
            for n, record in enumerate(records, 1):
                try:
                    correction = Correction.from_dict(record)
                except CorrectionError as exc:
                    rejected.append(f"record {n}: {exc}")
                    continue
                ident = (correction.key(), (correction.action, correction.geonameid))
                if ident in present_keys:
                    duplicates += 1
                    continue
                present_keys.add(ident)
                added.append(_insert(conn, correction.stamped()))
        return ImportReport(tuple(added), duplicates, tuple(rejected))

    def migrate_legacy(self, folder: Path) -> ImportReport:
        """Import the older per-document ``<doc_id>.json`` files of ``folder`` (each file once per content)."""
        from geo.corrections.legacy import read_legacy_file

        if not folder.is_dir():
            return ImportReport()
        added, rejected, duplicates = [], [], 0
        for path in sorted(folder.glob("*.json")):
            try:
                digest = hashlib.sha1(path.read_bytes()).hexdigest()
            except OSError as exc:
                rejected.append(f"{path}: {exc}")
                continue
            marker = f"legacy:{path.name}"
            if self._meta(marker) == digest:
                continue
            try:
                corrections = read_legacy_file(path)
            except CorrectionError as exc:
                rejected.append(str(exc))
                continue
            report = self.import_json([c.to_dict() for c in corrections])
            added += report.added
            duplicates += report.duplicates
            rejected += report.rejected
            self._set_meta(marker, digest)
        return ImportReport(tuple(added), duplicates, tuple(rejected))

    # -- repair --------------------------------------------------------------------------------

    def repair(self) -> tuple[str, ...]:
        """Make the store usable again and say what was done.

        A file that cannot be read as a store is moved to ``<name>.corrupt-<time>`` (with its
        ``-wal``/``-shm``), and a new store gets every record that can still be read from it
        (a JSON export or an older corrections file counts). Set-aside records stay as they are.
        """
        problems = self.problems()
        if not any(p.kind == "unreadable_store" for p in problems):
            return (f"{self.path}: nothing to repair" + (f" ({len(problems)} record(s) set aside)"
                                                         if problems else ""),)
        salvaged = self._salvage()
        stamp = now().replace(":", "").replace("+0000", "Z")
        backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                os.replace(part, Path(str(backup) + suffix))
        done = [f"{self.path} could not be read; kept as {backup}."]
        report = self.import_json(salvaged) if salvaged else ImportReport()
        if not salvaged:
            with self._connect(write=True):
                pass  # a fresh, empty store
        done.append(f"New store with {len(report.added)} record(s) saved from it"
                    + (f"; {len(report.rejected)} could not be read" if report.rejected else "") + ".")
        return tuple(done)

    def _salvage(self) -> list:
        """Every correction record that can still be read from a damaged file."""
        try:
            with self._connect() as conn:
                return [json.loads(bytes(r[0]).decode("utf-8", "replace")) for r in
                        conn.execute("SELECT CAST(record AS BLOB) FROM corrections WHERE removed = 0")]
        except (CorrectionError, sqlite3.Error, ValueError):
            pass
        try:
            return _records_of(self.path.read_bytes())
        except (CorrectionError, OSError):
            pass
        from geo.corrections.legacy import read_legacy_file

        try:
            return [c.to_dict() for c in read_legacy_file(self.path)]
        except CorrectionError:
            return []

    def _set_aside(self, bad: Iterable[tuple[int, bytes, str]]) -> None:
        try:
            with self._connect(write=True) as conn:
                for cid, raw, reason in bad:
                    conn.execute("INSERT INTO set_aside (original_id, raw, reason, at) VALUES (?, ?, ?, ?)",
                                 (cid, raw, reason, now()))
                    conn.execute("DELETE FROM corrections WHERE id = ?", (cid,))
                    log.warning("corrections: record %s of %s set aside: %s", cid, self.path, reason)
        except CorrectionError as exc:  # a read-only store: the record is skipped, not moved
            log.warning("corrections: could not set aside unreadable records: %s", exc)

    def _meta(self, key: str) -> str | None:
        with self._connect() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        with self._connect(write=True) as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


class _Empty:
    """Stands in for a connection to a store that has no file yet: every query returns nothing."""

    def execute(self, *args: Any) -> _Empty:
        return self

    def fetchall(self) -> list:
        return []

    def fetchone(self) -> None:
        return None

    def __iter__(self) -> Iterator:
        return iter(())


_EMPTY: Any = _Empty()


def _prepare(conn: sqlite3.Connection) -> None:
    """Settings and schema, retried until BUSY_TIMEOUT_S has passed if the file stays locked:
    switching a new file to WAL needs it to itself, and writers that open a store no one has
    created yet all try that at once (the ten-writer test failed once, under load, in a full run)."""
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'set_aside'").fetchone()[0] == 0:
                conn.executescript(_SCHEMA)
            return
        except sqlite3.OperationalError as exc:
            if not ("locked" in str(exc) or "busy" in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _insert(conn: sqlite3.Connection, correction: Correction) -> int:
    key = json.dumps(correction.key(), ensure_ascii=False)
    replaced = [r[0] for r in conn.execute("SELECT id FROM corrections WHERE key = ? AND removed = 0", (key,))]
    conn.executemany("UPDATE corrections SET removed = 1 WHERE id = ?", [(i,) for i in replaced])
    cur = conn.execute("INSERT INTO corrections (record, doc_id, scope, key) VALUES (?, ?, ?, ?)",
                       (json.dumps(correction.to_dict(), ensure_ascii=False), correction.doc_id,
                        correction.scope, key))
    cid = int(cur.lastrowid or 0)
    conn.execute("INSERT INTO log (op, correction, replaced) VALUES ('add', ?, ?)", (cid, json.dumps(replaced)))
    return cid


def _decode(raw: bytes | str) -> Correction:
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        record = json.loads(text)
    except UnicodeDecodeError as exc:
        raise CorrectionError(f"not UTF-8 (byte {raw[exc.start:exc.start + 1]!r} at {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise CorrectionError(f"not JSON ({exc.msg} at {exc.pos})") from exc
    return Correction.from_dict(record)


def corrections_from_json(data: str | bytes | dict | list) -> tuple[Correction, ...]:
    """The corrections of an export, read without a store; a record that cannot be read is an error."""
    return tuple(Correction.from_dict(r) for r in _records_of(data))


def _target(record: str) -> tuple:
    try:
        parsed = json.loads(record)
        return (parsed.get("action"), parsed.get("geonameid"))
    except (ValueError, AttributeError):
        return ()


def _records_of(data: str | bytes | dict | list) -> list:
    """The correction records of an export, a bare list, or an older per-document file."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CorrectionError(f"Expected corrections as UTF-8 JSON, instead got a byte "
                                  f"{data[exc.start:exc.start + 1]!r} at offset {exc.start}.") from exc
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise CorrectionError(f"Expected corrections as JSON, instead got: {exc.msg} at line {exc.lineno}, "
                                  f"column {exc.colno}.") from exc
    if isinstance(data, dict) and isinstance(data.get("corrections"), list):
        doc_id = data.get("doc_id") if data.get("format") != FORMAT else None
        records = data["corrections"]
        if doc_id:  # an older per-document file names its document once
            records = [{**r, "doc_id": str(doc_id)} if isinstance(r, dict) else r for r in records]
        return records
    if isinstance(data, list):
        return data
    raise CorrectionError(f'Expected a corrections export (an object with a "corrections" list) or a list, '
                          f"instead got: {type(data).__name__}.")
