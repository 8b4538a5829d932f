"""The pipeline, in one place: text -> sentences -> toponyms -> places -> events.

::

    gazetteer = Gazetteer.load()
    parser = Geoparser(gazetteer)
    analysis = parser.analyse(text, published=date(2022, 11, 14))
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from geo.events import extract_events
from geo.gazetteer import Gazetteer
from geo.model import Analysis
from geo.recognize import RawMention, Recognizer
from geo.resolve import Resolver, document_focus
from geo.text import check_text, split_sentences

#: extra recognisers (an installed spaCy pipeline, say) map text to extra mentions
ExtraRecognizer = Callable[[str, tuple], list[RawMention]]


def doc_id_for(text: str) -> str:
    return "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


class Geoparser:
    """Recognise, resolve and link events; holds the gazetteer and the steps."""

    def __init__(self, gazetteer: Gazetteer, *, extra_recognizers: Iterable[ExtraRecognizer] = (),
                 events: bool = True) -> None:
        self.gazetteer = gazetteer
        self.recognize = Recognizer(gazetteer)
        self.resolve = Resolver(gazetteer)
        self.extra_recognizers = tuple(extra_recognizers)
        self.with_events = events

    def analyse(self, text: str, *, doc_id: str | None = None, title: str = "",
                published: dt.date | None = None) -> Analysis:
        text = check_text(text)
        sentences = split_sentences(text)
        raw = self.recognize(text, sentences)
        for extra in self.extra_recognizers:
            raw = merge_mentions(raw, extra(text, sentences))
        toponyms = tuple(self.resolve(raw))
        analysis = Analysis(
            id=doc_id or doc_id_for(text), text=text, title=title, published=published,
            sentences=sentences, toponyms=toponyms, focus=document_focus(toponyms, self.gazetteer),
        )
        if self.with_events:
            analysis = replace(analysis, events=tuple(extract_events(analysis)))
        return analysis

    def analyse_many(self, documents: Iterable[dict]) -> Iterator[Analysis]:
        """Analyse ``{"id", "text", "title"?, "published"?}`` records one by one."""
        for doc in documents:
            published = doc.get("published")
            if isinstance(published, str) and published:
                published = dt.date.fromisoformat(published[:10])
            yield self.analyse(doc["text"], doc_id=str(doc.get("id") or "") or None,
                               title=doc.get("title") or "", published=published or None)


def merge_mentions(primary: list[RawMention], extra: list[RawMention]) -> list[RawMention]:
    """Add the extra recogniser's spans that overlap none of the primary ones."""
    taken = [(m.start, m.end) for m in primary]
    added = [m for m in extra if all(m.end <= s or m.start >= e for s, e in taken)]
    return sorted(primary + added, key=lambda m: m.start)
