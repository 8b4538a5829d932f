"""View models of the page: everything ``app.py`` shows that is not a widget.

``app.py`` keeps only Streamlit (widgets, caching, session state); the
choices, keys, filters, tables and frames it renders are built here, from
library types, and tested without a browser. Every value here is a library
type or plain data, so Streamlit can cache and copy it between sessions
(a class defined in ``app.py`` cannot be unpickled once Streamlit has
replaced that module: issue 14, 25 concurrent sessions).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.model import Analysis, Place, Toponym
from geo.summary import PlaceSummary

if TYPE_CHECKING:
    import pandas as pd

    from geo.corrections import Correction, CorrectionStore
    from geo.gazetteer import Gazetteer
    from geo.panel import EventView

#: suffixes of article files the page reads
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: publication dates the date fields accept: news archives go back far beyond
#: Streamlit's default of ten years before today
PUBLISHED_MIN = dt.date(1900, 1, 1)
#: with this many articles or more, country and region fills start hidden (they dominate the map)
AREAS_HIDDEN_FROM = 10
#: up to this many articles, each has its own title and date fields; beyond, one chosen at a time
EDITORS_MAX = 12


@dataclass(frozen=True, slots=True)
class Article:
    """An article the user loaded, before analysis."""

    id: str
    text: str
    title: str
    published: dt.date | None
    source: str

    def with_metadata(self, title: str, published: dt.date | None) -> Article:
        return replace(self, title=title or self.title, published=published)


def article_key(article: Article) -> str:
    """A digest of everything an analysis depends on: text, id, title and publication date."""
    digest = hashlib.sha1(article.text.encode("utf-8", "surrogatepass"), usedforsecurity=False)
    digest.update(json.dumps([article.id, article.title, str(article.published)], ensure_ascii=False).encode())
    return digest.hexdigest()


def combined_key(keys: Iterable[str]) -> str:
    """One digest of many keys, in order."""
    return hashlib.sha1("\n".join(keys).encode(), usedforsecurity=False).hexdigest()


def published_max(today: dt.date | None = None) -> dt.date:
    """The latest publication date accepted: a year ahead (embargoed or mis-set clocks)."""
    return (today or dt.date.today()) + dt.timedelta(days=366)


def _iso_date(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def read_article(path: Path) -> Article:
    """An article file (.txt, .md, .html) with the title and date of a sibling ``.json``, if any."""
    from geo.text import decode, html_to_text, looks_like_html

    text = decode(path.read_bytes(), source=str(path))
    title = ""
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text, title = html_to_text(text)
    published = None
    meta_path = path.with_suffix(".json")
    if meta_path.exists() and meta_path != path:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        title = meta.get("title") or title
        published = _iso_date(meta.get("published"))
    return Article(path.stem, text, title or path.stem, published, f"seeds/{path.name}")


def read_folder(folder: Path) -> dict[str, Article]:
    """Every article file of a folder, by file stem, in name order."""
    return {path.stem: read_article(path) for path in sorted(folder.iterdir())
            if path.suffix.lower() in ARTICLE_SUFFIXES}


def uploaded_article(name: str, data: bytes) -> Article:
    """An uploaded file as an article; its id is the hash of its text, so a re-upload is one document."""
    from geo.pipeline import doc_id_for
    from geo.text import decode, html_to_text, looks_like_html

    text = decode(data, source=name)
    title = ""
    if Path(name).suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text, title = html_to_text(text)
    return Article(doc_id_for(text), text, title or Path(name).stem, None, f"upload: {name}")


def pasted_article(text: str, title: str, published: dt.date | None, number: int) -> Article:
    from geo.pipeline import doc_id_for

    text = text.strip()
    return Article(doc_id_for(text), text, title.strip() or f"Pasted article {number}", published, "pasted")


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention of one document, as a widget value: ``"doc|start|end"``."""

    doc_id: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return f"{self.doc_id}|{self.start}|{self.end}"

    @classmethod
    def parse(cls, key: str) -> MentionRef:
        doc_id, start, end = key.rsplit("|", 2)  # a document id may hold "|"
        return cls(doc_id, int(start), int(end))

    @classmethod
    def of(cls, analysis: Analysis, toponym: Toponym) -> MentionRef:
        return cls(analysis.id, toponym.start, toponym.end)

    def find(self, analyses: Iterable[Analysis]) -> tuple[Analysis, Toponym] | None:
        for analysis in analyses:
            if analysis.id == self.doc_id:
                for toponym in analysis.toponyms:
                    if (toponym.start, toponym.end) == (self.start, self.end):
                        return analysis, toponym
        return None


def mention_label(analysis: Analysis, toponym: Toponym) -> str:
    where = toponym.place.name if toponym.place else "unresolved"
    return f"{toponym.text} → {where} ({analysis.title or analysis.id}, sentence {toponym.sentence + 1})"


def mention_options(analyses: Iterable[Analysis], *, resolved_only: bool = False) -> dict[str, str]:
    """Mention key -> label, in document and text order."""
    return {MentionRef.of(a, t).key: mention_label(a, t) for a in analyses for t in a.toponyms
            if not resolved_only or t.place is not None}


# --------------------------------------------------------------------------- corrections


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of "Replace with": a place id (or ``"none"``: not a place) and its label."""

    value: str
    label: str
    score: float | None = None


NOT_A_PLACE = "none"


def _place_label(place: Place) -> str:
    return f"{place.name}, {place.country_code or '—'} ({place.kind})"


def correction_choices(toponym: Toponym, found: Sequence[Place]) -> list[Choice]:
    """What a mention can be corrected to: the resolver's alternatives (with their scores), the
    gazetteer's answers, then "not a place". The current place is not offered.

    Nothing is preselected by the page: the first entry is only the best scored,
    and a wrong default ("UK" -> "Uk, RU") would be saved by one careless click.
    """
    current = toponym.place.geonameid if toponym.place is not None else None
    choices: dict[str, Choice] = {}
    for cand in sorted(toponym.alternatives, key=lambda c: -c.score):
        gid = cand.place.geonameid
        if gid != current:
            choices.setdefault(str(gid), Choice(str(gid), f"{_place_label(cand.place)}, score {cand.score:.2f}",
                                                round(cand.score, 3)))
    for place in found:
        if place.geonameid != current:
            choices.setdefault(str(place.geonameid),
                               Choice(str(place.geonameid), f"{_place_label(place)}, GeoNames {place.geonameid}"))
    choices[NOT_A_PLACE] = Choice(NOT_A_PLACE, "Not a place")
    return list(choices.values())


def selection_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A selected stretch of article text trimmed of spaces and punctuation; None if nothing is left."""
    start, end = max(0, start), min(len(text), end)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the page to; empty means everything. Applied to map, panel and downloads."""

    doc_ids: frozenset[str] = frozenset()
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    categories: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    undated: bool = True  # keep articles without a publication date when a date range is set

    def keeps(self, analysis: Analysis) -> bool:
        if self.doc_ids and analysis.id not in self.doc_ids:
            return False
        if analysis.published is None:
            return self.undated or not (self.published_from or self.published_to)
        if self.published_from and analysis.published < self.published_from:
            return False
        return not (self.published_to and analysis.published > self.published_to)


def apply_filters(analyses: Iterable[Analysis], filters: Filters) -> list[Analysis]:
    """The documents kept, each narrowed to the countries and event categories asked for.

    A country filter keeps the mentions of places in those countries (and the
    events linked to one of them); a category filter keeps those events only.
    """
    kept = []
    for analysis in analyses:
        if not filters.keeps(analysis):
            continue
        if filters.countries:
            analysis = _only_countries(analysis, filters.countries)
        if filters.categories:
            analysis = replace(analysis, events=tuple(e for e in analysis.events
                                                      if e.category in filters.categories))
        kept.append(analysis)
    return kept


def _only_countries(analysis: Analysis, countries: frozenset[str]) -> Analysis:
    index: dict[int, int] = {}
    toponyms = []
    for i, toponym in enumerate(analysis.toponyms):
        if toponym.place is not None and toponym.place.country_code in countries:
            index[i] = len(toponyms)
            toponyms.append(toponym)
    kept_ids = {t.place.geonameid for t in toponyms if t.place is not None}
    events = []
    for event in analysis.events:
        links = tuple(replace(link, toponym=index.get(link.toponym) if link.toponym is not None else None)
                      for link in event.places if link.geonameid in kept_ids)
        if links:
            events.append(replace(event, places=links))
    return replace(analysis, toponyms=tuple(toponyms), events=tuple(events))


def filter_options(analyses: Sequence[Analysis]) -> dict[str, list[str]]:
    """The values each filter can take, from the documents loaded."""
    return {
        "categories": sorted({e.category for a in analyses for e in a.events}),
        "countries": sorted({t.place.country_code for a in analyses for t in a.toponyms
                             if t.place is not None and t.place.country_code}),
    }


# --------------------------------------------------------------------------- tables


def places_table(summaries: Iterable[PlaceSummary]) -> list[dict[str, Any]]:
    """One row per place for the sortable table beside the map (plain values only)."""
    return [{"place": s.place.name, "kind": s.place.kind, "country": s.place.country_code,
             "mentions": s.mention_count, "articles": len(s.doc_ids), "events": s.event_count,
             "confidence": s.confidence, "geonameid": s.geonameid} for s in summaries]


def timeline_frame(events: Sequence[EventView]) -> pd.DataFrame:
    """Dated events as rows from start to end; a day-precise event lasts until the next day."""
    import pandas as pd

    return pd.DataFrame({
        "start": pd.to_datetime([e.start for e in events]),
        "end": pd.to_datetime([e.end for e in events]) + pd.Timedelta(days=1),
        "category": [e.category for e in events], "event": [e.label for e in events],
        "date": [e.date for e in events], "precision": [e.precision for e in events],
        "context": [e.tense for e in events],
    })


def event_rows(events: Iterable[EventView]) -> list[dict[str, Any]]:
    return [{"date": e.date or "unknown", "precision": e.precision, "category": e.category, "event": e.label,
             "context": e.tense, "actors": e.actors, "places": e.places, "sentence": e.sentence}
            for e in events]


# --------------------------------------------------------------------------- caching helpers


def signature(analyses: Iterable[Analysis]) -> str:
    """A short digest of what the map and downloads are built from (documents, metadata, places)."""
    digest = hashlib.sha1(usedforsecurity=False)
    for a in analyses:
        digest.update(json.dumps([a.id, a.title, str(a.published),
                                  [(t.start, t.end, t.place.geonameid if t.place else None) for t in a.toponyms],
                                  [(e.id, e.category, [p.geonameid for p in e.places]) for e in a.events]],
                                 ensure_ascii=False).encode())
    return digest.hexdigest()


@dataclass
class LayerFiles:
    """Download files, built on demand and kept (bounded) for every session of the server.

    Called by a download button after the script run has ended, so it must be
    plain Python: a Streamlit cache here logs "missing ScriptRunContext".
    """

    gazetteer: Gazetteer
    max_entries: int = 32
    _files: OrderedDict[tuple[str, str, str], bytes] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: str, analyses: tuple[Analysis, ...], name: str, fmt: str) -> bytes:
        from geo.export import layer_bytes
        from geo.layers import build_layers

        with self._lock:
            cached = self._files.get((key, name, fmt))
            if cached is not None:
                self._files.move_to_end((key, name, fmt))
                return cached
        data = layer_bytes(build_layers(analyses, self.gazetteer), name, fmt)
        with self._lock:
            self._files[(key, name, fmt)] = data
            while len(self._files) > self.max_entries:
                self._files.popitem(last=False)
        return data


# --------------------------------------------------------------------------- corrections

#: the scopes a correction form offers, with the words the page shows
SCOPE_LABELS: dict[str, str] = {"mention": "this mention", "document": "this article",
                                "everywhere": "every article"}


def corrected(analysis: Analysis, store: CorrectionStore, gazetteer: Gazetteer) -> tuple[Analysis, list[str]]:
    """The analysis with the user's saved corrections, and a warning per problem.

    Which corrections are stale is decided on the resolver's own analysis,
    before any is applied: a "not a place" removes its mention, and checking
    afterwards reported that very correction as stale on every reload (issue 11).
    A store that cannot be read leaves the analysis as it is, with a warning.
    """
    from geo.corrections import CorrectionError, apply_corrections, stale_corrections

    try:
        corrections = store.list(doc_id=analysis.id)
    except CorrectionError as exc:
        return analysis, [f"corrections not applied: {exc}"]
    if not corrections:
        return analysis, []
    stale = stale_corrections(analysis, corrections)
    fixed = apply_corrections(analysis, corrections, gazetteer)
    return fixed, [f"{len(stale)} saved correction(s) no longer match a mention."] if stale else []


def correction_for(scope: str, doc_id: str, toponym: Toponym, geonameid: int | None) -> Correction:
    """The correction of a mention in the scope the user chose (this mention, this article, every article)."""
    from geo.corrections import Correction

    if scope == "document":
        return Correction.document(doc_id, toponym.text, geonameid)
    if scope == "everywhere":
        return Correction.everywhere(toponym.text, geonameid)
    return Correction.mention(doc_id, toponym.start, toponym.end, toponym.text, geonameid)


def choose_alternative(store: CorrectionStore, analyses: Iterable[Analysis], geonameid: int,
                       alternative: int) -> int:
    """Move every mention of a place in these documents to one of its alternatives; how many moved."""
    moved = 0
    for analysis in analyses:
        for toponym in analysis.mentions_of(geonameid):
            store.add(correction_for("mention", analysis.id, toponym, alternative))
            moved += 1
    return moved


def saved_corrections(store: CorrectionStore, doc_ids: Iterable[str]) -> list[Correction]:
    """The corrections that apply to these documents (their own and the every-article ones), once each."""
    seen: dict[int | None, Correction] = {}
    for doc_id in doc_ids:
        for c in store.list(doc_id=doc_id):
            seen.setdefault(c.id, c)
    return sorted(seen.values(), key=lambda c: (c.created or "", c.id or 0))
