"""User corrections: data kept beside the resolver's output, applied on top of it.

A correction says "the mention at these offsets, with this text, is this
GeoNames place" (or "is not a place at all"). Corrections of one document
live in one small JSON file, ``<data dir>/corrections/<doc_id>.json``, where
the data dir is ``$GEO_DATA_DIR``, else ``$XDG_DATA_HOME/geo-news``, else
``~/.local/share/geo-news``. Applying them never touches the resolver: the
analysis is rebuilt with the corrected places, so the map, the side panel and
the downloads all show the corrected document.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import GeoError
from geo.model import Analysis, Candidate, Event, PlaceLink, Toponym

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

FORMAT_VERSION = 1
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


class CorrectionError(GeoError, ValueError):
    """A corrections file that cannot be read, or a correction that does not fit its document."""


@dataclass(frozen=True, slots=True)
class Correction:
    """The place a user chose for one mention; ``geonameid=None`` means "not a place"."""

    start: int
    end: int
    text: str
    geonameid: int | None
    note: str = ""

    def matches(self, toponym: Toponym) -> bool:
        return (toponym.start, toponym.end, toponym.text) == (self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "geonameid": self.geonameid, "note": self.note}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Correction:
        try:
            gid = record["geonameid"]
            return cls(int(record["start"]), int(record["end"]), str(record["text"]),
                       None if gid is None else int(gid), str(record.get("note", "")))
        except (KeyError, TypeError, ValueError) as exc:
            raise CorrectionError(
                f"Expected a correction with start, end, text and geonameid, instead got: {record!r}."
            ) from exc


def data_dir() -> Path:
    """The user data folder of the app (not the cache: corrections are the user's work)."""
    env = os.environ.get("GEO_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "geo-news"


def corrections_path(doc_id: str, *, directory: Path | None = None) -> Path:
    """The file of one document's corrections; the id is made safe as a file name."""
    safe = _SAFE_ID.sub("_", doc_id).strip("._") or "document"
    return (directory or data_dir() / "corrections") / f"{safe}.json"


def load_corrections(doc_id: str, *, directory: Path | None = None) -> tuple[Correction, ...]:
    """The saved corrections of a document; none if it has no file yet."""
    path = corrections_path(doc_id, directory=directory)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ()
    except (OSError, json.JSONDecodeError) as exc:
        raise CorrectionError(f"Cannot read the corrections file {str(path)!r}: {exc}. "
                              f"Fix or delete it.") from exc
    if not isinstance(record, dict) or not isinstance(record.get("corrections"), list):
        raise CorrectionError(f"{str(path)!r} is not a corrections file (expected an object with a "
                              f'"corrections" list); fix or delete it.')
    return tuple(Correction.from_dict(c) for c in record["corrections"])


def save_corrections(doc_id: str, corrections: Iterable[Correction], *,
                     directory: Path | None = None) -> Path:
    """Write a document's corrections (replacing the file atomically); returns its path."""
    path = corrections_path(doc_id, directory=directory)
    record = {"version": FORMAT_VERSION, "doc_id": doc_id,
              "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
              "corrections": [c.to_dict() for c in sorted(corrections, key=lambda c: (c.start, c.end))]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".json.tmp")
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


def stale_corrections(analysis: Analysis, corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections whose mention is no longer in the document (its text or the recogniser changed)."""
    return [c for c in corrections if not any(c.matches(t) for t in analysis.toponyms)]


def apply_corrections(analysis: Analysis, corrections: Iterable[Correction],
                      gazetteer: Gazetteer) -> Analysis:
    """The analysis with each corrected mention's place replaced.

    A corrected mention gets confidence 1.0 and keeps the resolver's choice
    among its alternatives; "not a place" removes the mention. Event links
    that pointed at a corrected mention follow it. Corrections that match no
    mention are skipped (see :func:`stale_corrections`); an unknown geonameid
    raises :class:`CorrectionError`.
    """
    corrections = list(corrections)
    if not corrections:
        return analysis
    toponyms: list[Toponym] = []
    moved: dict[int, Toponym | None] = {}  # old toponym index -> corrected toponym (None: removed)
    new_index: dict[int, int] = {}
    for index, toponym in enumerate(analysis.toponyms):
        correction = next((c for c in corrections if c.matches(toponym)), None)
        if correction is None:
            new_index[index] = len(toponyms)
            toponyms.append(toponym)
            continue
        if correction.geonameid is None:
            moved[index] = None
            continue
        place = gazetteer.get(correction.geonameid)
        if place is None:
            raise CorrectionError(f"The correction of {toponym.text!r} names GeoNames id "
                                  f"{correction.geonameid}, which is not in the gazetteer.")
        alternatives = [c for c in toponym.alternatives if c.place.geonameid != place.geonameid]
        if toponym.place is not None and toponym.place.geonameid != place.geonameid:
            previous = next((c for c in toponym.alternatives if c.place.geonameid == toponym.place.geonameid),
                            Candidate(toponym.place, toponym.confidence))
            alternatives = [previous] + [c for c in alternatives if c.place.geonameid != toponym.place.geonameid]
        corrected = replace(toponym, place=place, confidence=1.0, alternatives=tuple(alternatives))
        moved[index] = corrected
        new_index[index] = len(toponyms)
        toponyms.append(corrected)
    events = tuple(_relink(event, moved, new_index) for event in analysis.events)
    return replace(analysis, toponyms=tuple(toponyms), events=events)


def _relink(event: Event, moved: dict[int, Toponym | None], new_index: dict[int, int]) -> Event:
    links: list[PlaceLink] = []
    for link in event.places:
        if link.toponym is None:
            links.append(link)
            continue
        if link.toponym in moved:
            corrected = moved[link.toponym]
            if corrected is None or corrected.place is None:
                continue  # the mention is not a place any more
            link = replace(link, geonameid=corrected.place.geonameid, name=corrected.place.name,
                           reason=f"{link.reason}; corrected by the user")
        links.append(replace(link, toponym=new_index.get(link.toponym)))
    return replace(event, places=tuple(links))
