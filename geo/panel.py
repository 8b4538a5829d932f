"""What the page shows beside the map, as data and as escaped HTML.

Pure functions over :class:`~geo.model.Analysis`: the side panel of a clicked
place, the article with its mentions highlighted, and the event timeline.
Article text is data: every piece of it goes through :func:`html.escape`
before it is wrapped in markup, so ``<script>`` in an article shows as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from geo.model import Analysis, Event, EventDate, Place, Toponym
from geo.summary import LOW_CONFIDENCE, PlaceSummary, primary_link, summarise

#: background of a highlighted mention, by mention type
MENTION_COLOURS: dict[str, str] = {
    "literal": "#ffd166",
    "embedded": "#ffb4a2",
    "metonymic": "#a0c4ff",
    "modifier": "#caffbf",
    "demonym": "#d7c8ff",
}
UNRESOLVED_COLOUR = "#e0e0e0"
MENTION_LABELS: dict[str, str] = {
    "literal": "place where something is or happens",
    "embedded": "inside a name (MINUSMA in Mali)",
    "metonymic": "place standing for its government or people",
    "modifier": "adjective (Russian-backed)",
    "demonym": "people (Malians)",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text to highlight, in the coordinates of the text it marks."""

    start: int
    end: int
    type: str
    selected: bool = False
    title: str = ""
    uncertain: bool = False  # a resolution below LOW_CONFIDENCE: underlined, to be checked


def highlight(text: str, spans: Iterable[Span], *, offset: int | None = None) -> str:
    """``text`` as HTML with each span in a coloured ``<mark>``; everything escaped.

    Overlapping spans keep the first one (in start order); spans outside the
    text are ignored rather than trusted. With ``offset`` (where ``text``
    starts in its document) every run of text carries ``data-o`` and every
    mark ``data-start``/``data-end``, so the page can map a click or a
    selection back to document offsets.
    """
    def run(a: int, b: int) -> str:
        if offset is None or a >= b:
            return html.escape(text[a:b])
        return f'<span data-o="{offset + a}">{html.escape(text[a:b])}</span>'

    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < pos or span.end > len(text) or span.start >= span.end:
            continue
        out.append(run(pos, span.start))
        colour = MENTION_COLOURS.get(span.type, UNRESOLVED_COLOUR)
        outline = "outline:2px solid #d62828;" if span.selected else ""
        outline += "border-bottom:2px dotted #d62828;" if span.uncertain else ""
        title = f' title="{html.escape(span.title)}"' if span.title else ""
        where = (f' data-o="{offset + span.start}" data-start="{offset + span.start}" '
                 f'data-end="{offset + span.end}"' if offset is not None else "")
        out.append(f'<mark class="geo-mention geo-{html.escape(span.type)}"{title}{where} '
                   f'style="background:{colour};{outline}padding:0 2px;border-radius:3px">'
                   f"{html.escape(text[span.start:span.end])}</mark>")
        pos = span.end
    out.append(run(pos, len(text)))
    return "".join(out)


def _mention_title(toponym: Toponym) -> str:
    place = toponym.place
    if place is None:
        return f"{toponym.type}: not resolved"
    low = " · low confidence" if toponym.confidence < LOW_CONFIDENCE else ""
    return (f"{toponym.type}: {place.name} ({place.kind}, GeoNames {place.geonameid}), "
            f"confidence {toponym.confidence:.2f}{low}")


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def article_html(analysis: Analysis, *, selected: int | None = None) -> str:
    """The whole article with place mentions highlighted by type; paragraphs kept.

    ``selected`` is a geonameid whose mentions get an outline. Every piece of
    text carries its document offset (see :func:`highlight`).
    """
    spans = [Span(t.start, t.end, t.type if t.place else "unresolved",
                  selected=selected is not None and t.place is not None and t.place.geonameid == selected,
                  title=_mention_title(t), uncertain=t.place is not None and t.confidence < LOW_CONFIDENCE)
             for t in analysis.toponyms]
    text = analysis.text
    bounds, pos = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((pos, brk.start()))
        pos = brk.end()
    bounds.append((pos, len(text)))
    paragraphs = []
    for start, end in bounds:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        inside = [Span(s.start - start, s.end - start, s.type, s.selected, s.title, s.uncertain)
                  for s in spans if start <= s.start and s.end <= end]
        paragraphs.append(highlight(text[start:end], inside, offset=start).replace("\n", "<br>"))
    doc = html.escape(analysis.id, quote=True)
    return "".join(f'<p data-doc="{doc}" style="margin:0 0 .7em 0;line-height:1.55">{p}</p>' for p in paragraphs)


def legend_html() -> str:
    """The mention colours, for a caption next to the article."""
    items = [f'<mark style="background:{c};padding:0 4px;border-radius:3px">{html.escape(t)}</mark> '
             f"{html.escape(MENTION_LABELS[t])}" for t, c in MENTION_COLOURS.items()]
    return '<div style="font-size:.85em;line-height:1.9">' + " &nbsp; ".join(items) + "</div>"


# --------------------------------------------------------------------------- side panel

@dataclass(frozen=True, slots=True)
class SentenceView:
    doc_id: str
    doc_title: str
    index: int
    text: str
    html: str  # escaped, with the place's mentions marked


@dataclass(frozen=True, slots=True)
class EventView:
    id: str
    doc_id: str
    category: str
    label: str
    date: str
    precision: str
    tense: str
    actors: str
    places: str
    sentence: str
    start: str = ""  # ISO dates of the event's span, for a timeline; empty when undated
    end: str = ""

    @property
    def sort_key(self) -> tuple[int, str, str]:
        # undated events go last, then by date, then by id for a stable order
        return (self.date == "", self.date, self.id)


@dataclass(frozen=True, slots=True)
class AlternativeView:
    geonameid: int
    name: str
    kind: str
    country_code: str
    score: float


@dataclass(frozen=True, slots=True)
class PlacePanel:
    """Everything the side panel shows about one place, over the documents shown."""

    place: Place
    confidence: float
    mention_types: tuple[str, ...]
    alternatives: tuple[AlternativeView, ...]
    sentences: tuple[SentenceView, ...]
    events: tuple[EventView, ...]
    mention_count: int = 0


def date_label(date: EventDate | None) -> tuple[str, str]:
    """(date as shown, precision) of an event date; empty strings when unknown."""
    if date is None or not date.start:
        return "", ""
    precision = date.precision or ""
    start, end = date.start, date.end
    if precision == "month":
        return start[:7], precision
    if precision == "year":
        return start[:4], precision
    if end and end != start:
        return f"{start} – {end}", precision
    return start, precision


def _actors(event: Event) -> str:
    names = [a.text for a in event.actors]
    if event.recipients:
        names.append("→ " + ", ".join(r.text for r in event.recipients))
    return ", ".join(names)


def event_view(event: Event, doc_id: str) -> EventView:
    date, precision = date_label(event.date)
    start = (event.date.start or "") if event.date else ""
    end = (event.date.end or start) if event.date else ""
    return EventView(event.id, doc_id, event.category, event.label, date, precision, event.tense,
                     _actors(event), ", ".join(dict.fromkeys(link.name for link in event.places)),
                     event.sentence, start, end)


def place_panel(analyses: Sequence[Analysis], geonameid: int,
                summary: PlaceSummary | None = None) -> PlacePanel | None:
    """The side panel of a place: its summary, every sentence naming it, its events.

    ``summary`` is the place's :class:`~geo.summary.PlaceSummary` over the same
    documents when the caller already has it (the map's); else it is computed.
    """
    if summary is None:
        summary = next((s for s in summarise(analyses) if s.geonameid == geonameid), None)
    if summary is None:
        return None
    sentences: list[SentenceView] = []
    events: list[EventView] = []
    for analysis in analyses:
        by_sentence: dict[int, list[Toponym]] = {}
        for toponym in analysis.mentions_of(geonameid):
            by_sentence.setdefault(toponym.sentence, []).append(toponym)
        for index, toponyms in sorted(by_sentence.items()):
            sentence = analysis.sentences[index]
            spans = [Span(t.start - sentence.start, t.end - sentence.start, t.type, selected=True,
                          title=_mention_title(t)) for t in toponyms]
            sentences.append(SentenceView(analysis.id, analysis.title, index, sentence.text,
                                          highlight(sentence.text, spans)))
        if by_sentence:
            events.extend(event_view(e, analysis.id) for e in analysis.events_at(geonameid))
    alternatives = tuple(AlternativeView(c.place.geonameid, c.place.name, c.place.kind, c.place.country_code,
                                         round(c.score, 3)) for c in summary.alternatives)
    return PlacePanel(summary.place, summary.confidence, summary.mention_types, alternatives,
                      tuple(sentences), tuple(sorted(events, key=lambda e: e.sort_key)), summary.mention_count)


def panel_html(panel: PlacePanel, *, show_documents: bool = False) -> str:
    """The panel's sentences and events as one escaped HTML fragment."""
    parts = []
    for s in panel.sentences:
        source = (f'<div style="font-size:.75em;color:#666">{html.escape(s.doc_title or s.doc_id)}</div>'
                  if show_documents else "")
        parts.append(f'<blockquote class="geo-sentence" style="margin:.4em 0;padding:.3em .6em;'
                     f'border-left:3px solid #ccc">{source}{s.html}</blockquote>')
    if panel.events:
        parts.append('<div style="margin-top:.6em;font-weight:600">Events here</div><ul class="geo-events">')
        for e in panel.events:
            when = f"{e.date} ({e.precision})" if e.date else "date unknown"
            actors = f" — {html.escape(e.actors)}" if e.actors else ""
            parts.append(f"<li><b>{html.escape(e.category)}</b> {html.escape(e.label)} · "
                         f"{html.escape(when)} · {html.escape(e.tense)}{actors}</li>")
        parts.append("</ul>")
    return "".join(parts)


# --------------------------------------------------------------------------- events

def event_timeline(analyses: Iterable[Analysis], *, categories: Iterable[str] | None = None,
                   tenses: Iterable[str] | None = None) -> list[EventView]:
    """Every event of the documents, by date (undated last), optionally filtered."""
    wanted_categories = set(categories) if categories is not None else None
    wanted_tenses = set(tenses) if tenses is not None else None
    rows = [event_view(e, a.id) for a in analyses for e in a.events
            if (wanted_categories is None or e.category in wanted_categories)
            and (wanted_tenses is None or e.tense in wanted_tenses)]
    return sorted(rows, key=lambda e: e.sort_key)


def event_place(analyses: Iterable[Analysis], event_id: str) -> int | None:
    """The geonameid an event is shown at: its :func:`~geo.summary.primary_link`, as in the events layer."""
    for analysis in analyses:
        for event in analysis.events:
            if event.id == event_id:
                link = primary_link(event)
                return link.geonameid if link is not None else None
    return None
