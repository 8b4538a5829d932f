"""What a correction is: a frozen record with a scope and an action.

Scopes, narrowest first (a narrower one wins over a wider one):

* ``"mention"``: one mention, by document id and character span;
* ``"document"``: every mention of a surface name in one document;
* ``"everywhere"``: every mention of a surface name in every document.

Actions:

* ``"place"``: the mention means GeoNames place ``geonameid`` (choosing an
  alternative, or "in my articles X means this place");
* ``"not_a_place"``: the name is not a place here ("Xinhua is never a place");
* ``"add"``: a place the recogniser missed, by document id, span and geonameid
  (scope ``"mention"`` only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import KW_ONLY, asdict, dataclass, replace
from typing import Any

from geo.errors import GeoError

SCOPES: tuple[str, ...] = ("mention", "document", "everywhere")
ACTIONS: tuple[str, ...] = ("place", "not_a_place", "add")


class CorrectionError(GeoError, ValueError):
    """A correction, or a corrections store, that cannot be read or does not fit its document."""


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class Correction:
    """One user correction. Build one with :meth:`mention`, :meth:`document`,
    :meth:`everywhere` or :meth:`add_place`; ``id`` is set by the store.

    ``start``/``end``/``name``/``geonameid`` come first so the older
    per-document form ``Correction(start, end, text, geonameid)`` still reads
    as a mention correction.
    """

    start: int | None = None
    end: int | None = None
    name: str = ""
    geonameid: int | None = None
    _: KW_ONLY
    scope: str = "mention"
    action: str = ""  # derived from geonameid when empty
    doc_id: str = ""
    created: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.action:
            object.__setattr__(self, "action", "not_a_place" if self.geonameid is None else "place")
        problem = self._problem()
        if problem:
            raise CorrectionError(f"{problem}, instead got: {self!r}.")

    def _problem(self) -> str:
        if self.scope not in SCOPES:
            return f"Expected a scope in {SCOPES}"
        if self.action not in ACTIONS:
            return f"Expected an action in {ACTIONS}"
        if self.action == "not_a_place" and self.geonameid is not None:
            return "Expected no geonameid for a 'not_a_place' correction"
        if self.action in ("place", "add") and not isinstance(self.geonameid, int):
            return f"Expected an integer geonameid for a {self.action!r} correction"
        if self.scope == "mention":
            if not (isinstance(self.start, int) and isinstance(self.end, int) and 0 <= self.start < self.end):
                return "Expected 0 <= start < end for a correction of one mention"
        elif self.action == "add":
            return "Expected scope 'mention' for adding a missed place"
        if self.scope != "mention" and not self.name.strip():
            return "Expected the surface name a document-wide or global correction applies to"
        return ""

    # -- constructors --------------------------------------------------------------------------

    @classmethod
    def mention(cls, doc_id: str, start: int, end: int, name: str, geonameid: int | None) -> Correction:
        """This mention is place ``geonameid`` (``None``: not a place)."""
        return cls(start, end, name, geonameid, scope="mention", doc_id=doc_id)

    @classmethod
    def document(cls, doc_id: str, name: str, geonameid: int | None) -> Correction:
        """In this document, ``name`` is place ``geonameid`` (``None``: never a place)."""
        return cls(None, None, name, geonameid, scope="document", doc_id=doc_id)

    @classmethod
    def everywhere(cls, name: str, geonameid: int | None) -> Correction:
        """In every document, ``name`` is place ``geonameid`` (``None``: never a place)."""
        return cls(None, None, name, geonameid, scope="everywhere")

    @classmethod
    def add_place(cls, doc_id: str, start: int, end: int, name: str, geonameid: int) -> Correction:
        """A place the recogniser missed: the text ``name`` at ``start:end`` is ``geonameid``."""
        return cls(start, end, name, geonameid, scope="mention", action="add", doc_id=doc_id)

    # -- reading -------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The surface text (the older per-document files call the name ``text``)."""
        return self.name

    def key(self) -> tuple:
        """What a correction is about; a later correction with the same key replaces this one."""
        if self.scope == "mention":
            return ("mention", self.doc_id, self.start, self.end)
        return (self.scope, self.doc_id if self.scope == "document" else "", fold_key(self.name))

    def describe(self) -> str:
        """A one-line account for a list of saved corrections."""
        target = "not a place" if self.geonameid is None else f"GeoNames {self.geonameid}"
        where = {"mention": f"{self.name!r} at {self.start}-{self.end} of {self.doc_id}",
                 "document": f"{self.name!r} everywhere in {self.doc_id}",
                 "everywhere": f"{self.name!r} in every document"}[self.scope]
        verb = "is a missed place:" if self.action == "add" else "→"
        return f"{where} {verb} {target}"

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record.pop("id")
        return record

    @classmethod
    def from_dict(cls, record: Any) -> Correction:
        """A correction from its JSON record; a clear :class:`CorrectionError` otherwise."""
        if not isinstance(record, dict):
            raise CorrectionError(f"Expected a correction as a JSON object, instead got: {record!r}.")
        try:
            gid = record.get("geonameid")
            start, end = record.get("start"), record.get("end")
            return cls(None if start is None else int(start), None if end is None else int(end),
                       str(record.get("name", record.get("text", ""))), None if gid is None else int(gid),
                       scope=str(record.get("scope", "mention")), action=str(record.get("action", "")),
                       doc_id=str(record.get("doc_id", "")), created=str(record.get("created", "")))
        except (TypeError, ValueError) as exc:
            if isinstance(exc, CorrectionError):
                raise
            raise CorrectionError(f"Expected a correction with integer start, end and geonameid, "
                                  f"instead got: {record!r}.") from exc

    def stamped(self, *, id: int | None = None, created: str | None = None) -> Correction:
        return replace(self, id=id, created=created if created is not None else (self.created or now()))


def fold_key(name: str) -> str:
    """The matching key of a surface name (accents, apostrophes and case folded)."""
    from geo.text import match_key

    return match_key(name)
