"""The older per-document corrections files, kept readable (and writable) during the move to the store.

Before the store (:mod:`geo.corrections.store`), the corrections of one
document lived in ``<data dir>/corrections/<doc_id>.json``: a list of
``{"start", "end", "text", "geonameid", "note"}`` records, each about one
mention. :meth:`~geo.corrections.store.CorrectionStore.migrate_legacy` imports
them into the store; the functions here read and write them for the page
until it uses the store.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from geo.corrections.model import Correction, CorrectionError
from geo.corrections.store import data_dir

FORMAT_VERSION = 1
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


def corrections_path(doc_id: str, *, directory: Path | None = None) -> Path:
    """The file of one document's corrections; the id is made safe as a file name."""
    safe = _SAFE_ID.sub("_", doc_id).strip("._") or "document"
    return (directory or data_dir() / "corrections") / f"{safe}.json"


def load_corrections(doc_id: str, *, directory: Path | None = None) -> tuple[Correction, ...]:
    """The saved corrections of a document; none if it has no file yet."""
    path = corrections_path(doc_id, directory=directory)
    if not path.exists():
        return ()
    return tuple(replace(c, doc_id=doc_id) for c in read_legacy_file(path))


def read_legacy_file(path: Path) -> tuple[Correction, ...]:
    """The mention corrections of one older per-document file; a clear error if it cannot be read."""
    try:
        record = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorrectionError(f"Cannot read the corrections file {str(path)!r}: {exc}. "
                              f"Fix or delete it.") from exc
    if not isinstance(record, dict) or not isinstance(record.get("corrections"), list):
        raise CorrectionError(f"{str(path)!r} is not a corrections file (expected an object with a "
                              f'"corrections" list); fix or delete it.')
    doc_id = str(record.get("doc_id") or path.stem)
    found = []
    for item in record["corrections"]:
        if not (isinstance(item, dict) and {"start", "end", "text", "geonameid"} <= item.keys()):
            raise CorrectionError(f"{str(path)!r}: expected a correction with start, end, text and geonameid, "
                                  f"instead got: {item!r}.")
        found.append(replace(Correction.from_dict({**item, "scope": "mention", "action": ""}), doc_id=doc_id))
    return tuple(found)


def save_corrections(doc_id: str, corrections: Iterable[Correction], *,
                     directory: Path | None = None) -> Path:
    """Write a document's corrections (replacing the file atomically); returns its path."""
    path = corrections_path(doc_id, directory=directory)
    record = {"version": FORMAT_VERSION, "doc_id": doc_id,
              "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "corrections": [{"start": c.start, "end": c.end, "text": c.name, "geonameid": c.geonameid, "note": ""}
                              for c in sorted(corrections, key=lambda c: (c.start or 0, c.end or 0))]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # a temporary name of this process and thread only, so writers never share one
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise CorrectionError(f"Cannot save corrections to {str(path)!r}: {exc}. "
                              f"Set GEO_DATA_DIR to a writable folder.") from exc
    return path


def with_correction(corrections: Sequence[Correction], correction: Correction) -> tuple[Correction, ...]:
    """The list with ``correction`` replacing any earlier one for the same mention."""
    kept = [c for c in corrections if (c.start, c.end, c.text) != (correction.start, correction.end,
                                                                     correction.text)]
    return tuple(kept + [correction])


def without_correction(corrections: Sequence[Correction], start: int, end: int) -> tuple[Correction, ...]:
    return tuple(c for c in corrections if (c.start, c.end) != (start, end))
