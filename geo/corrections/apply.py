"""Applying corrections: the last pipeline step, over the :class:`~geo.doc.Doc`.

It runs after focus and events, so it must keep the events consistent: a link
to a mention that is no longer a place is dropped, a link to a mention whose
place changed follows it, and every link's index points at the same mention
after mentions are removed or added. The focus is left as the steps before
computed it.

Which correction wins for a mention: one about this mention, else one about
its name in this document, else one about its name everywhere; among equals,
the newest. Corrections naming a place the gazetteer does not have are skipped
and reported; the others still apply.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from geo.corrections.model import Correction, CorrectionError
from geo.model import Analysis, Candidate, Event, PlaceLink, Sentence, Toponym
from geo.text import fold, match_key

if TYPE_CHECKING:
    from geo.doc import Doc
    from geo.gazetteer import Gazetteer

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CorrectionReport:
    """What the corrections step did to one document (``doc.user_data["corrections"]``).

    ``stale``: corrections of one mention whose mention is not in the
    document as the recogniser found it (its text changed, say), measured
    before any correction applied, so a "not a place" never reports itself.
    """

    applied: tuple[Correction, ...] = ()
    stale: tuple[Correction, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(slots=True)
class _Rules:
    """The corrections of one document, sorted by what they are about."""

    mention: dict[tuple[int, int], Correction]
    document: dict[str, Correction]
    everywhere: dict[str, Correction]

    @classmethod
    def of(cls, corrections: Iterable[Correction], doc_id: str) -> _Rules:
        rules = cls({}, {}, {})
        for c in sorted(corrections, key=lambda c: (c.created, c.id or 0)):  # newest last, so it wins
            if c.scope == "mention" and c.doc_id in (doc_id, "") and c.start is not None and c.end is not None:
                rules.mention[(c.start, c.end)] = c
            elif c.scope == "document" and c.doc_id == doc_id:
                rules.document[match_key(c.name)] = c
            elif c.scope == "everywhere":
                rules.everywhere[match_key(c.name)] = c
        return rules

    def for_toponym(self, toponym: Toponym) -> Correction | None:
        found = self.mention.get((toponym.start, toponym.end))
        if found is not None and match_key(found.name) == match_key(toponym.text):
            return found
        key = match_key(toponym.text)
        return self.document.get(key) or self.everywhere.get(key)

    def names_to_find(self) -> dict[str, Correction]:
        """Document and global "X means G" rules, by surface name, to find where the recogniser did not."""
        named = {**self.everywhere, **self.document}
        return {c.name: c for c in named.values() if c.action == "place"}


def apply_to_doc(doc: Doc, corrections: Iterable[Correction], gazetteer: Gazetteer) -> CorrectionReport:
    """Apply ``corrections`` to ``doc`` in place (toponyms and event links); say what happened."""
    toponyms, events, report = correct(doc.text, doc.id, doc.sentences, doc.toponyms, doc.events,
                                       corrections, gazetteer)
    doc.toponyms, doc.events = toponyms, events
    return report


def apply_corrections(analysis: Analysis, corrections: Iterable[Correction],
                      gazetteer: Gazetteer) -> Analysis:
    """The analysis with ``corrections`` applied (the same work as the pipeline step)."""
    toponyms, events, report = correct(analysis.text, analysis.id, analysis.sentences, analysis.toponyms,
                                       analysis.events, corrections, gazetteer)
    for problem in report.problems:
        log.warning("corrections of %s: %s", analysis.id, problem)
    return replace(analysis, toponyms=toponyms, events=events)


def stale_corrections(analysis: Analysis | Iterable[Toponym], corrections: Iterable[Correction]) -> list[Correction]:
    """Corrections of one mention whose mention is not among the (uncorrected) toponyms."""
    found = analysis.toponyms if isinstance(analysis, Analysis) else analysis
    spans = {(t.start, t.end): t for t in found}
    return [c for c in corrections if c.scope == "mention" and c.action != "add"
            and not ((c.start, c.end) in spans and match_key(spans[(c.start, c.end)].text) == match_key(c.name))]


def correct(text: str, doc_id: str, sentences: tuple[Sentence, ...], toponyms: tuple[Toponym, ...],
            events: tuple[Event, ...], corrections: Iterable[Correction], gazetteer: Gazetteer,
            ) -> tuple[tuple[Toponym, ...], tuple[Event, ...], CorrectionReport]:
    """Corrected toponyms and events, and the report (pure: nothing is changed in place)."""
    corrections = list(corrections)
    if not corrections:
        return toponyms, events, CorrectionReport()
    rules = _Rules.of(corrections, doc_id)
    applied: dict[int, Correction] = {}
    problems: list[str] = []
    places: dict[int, Any] = {}

    def place_of(c: Correction) -> Any:
        if c.geonameid not in places:
            places[c.geonameid] = gazetteer.get(c.geonameid)
            if places[c.geonameid] is None:
                problems.append(f"{c.describe()}: GeoNames id {c.geonameid} is not in the gazetteer; "
                                f"skipped (choose the place again).")
        return places[c.geonameid]

    kept: list[tuple[int | None, Toponym]] = []  # (old index or None for an added mention, toponym)
    moved: dict[int, Toponym | None] = {}
    blocked: list[tuple[int, int]] = []  # spans a correction removed: never added back
    for index, toponym in enumerate(toponyms):
        rule = rules.for_toponym(toponym)
        if rule is None or (rule.action != "not_a_place" and place_of(rule) is None):
            kept.append((index, toponym))
            continue
        applied[id(rule)] = rule
        if rule.action == "not_a_place":
            moved[index] = None
            blocked.append((toponym.start, toponym.end))
            continue
        corrected = _with_place(toponym, place_of(rule))
        moved[index] = corrected
        kept.append((index, corrected))

    taken = [(t.start, t.end) for _, t in kept] + blocked
    for added, rule in _missed(text, rules, taken, place_of):
        applied[id(rule)] = rule
        taken.append((added.start, added.end))
        kept.append((None, replace(added, sentence=_sentence_index(sentences, added.start))))
    kept.sort(key=lambda pair: (pair[1].start, pair[1].end))

    new_index = {old: new for new, (old, _) in enumerate(kept) if old is not None}
    stale = stale_corrections(toponyms, rules.mention.values())
    stale += [c for c in rules.mention.values() if c.action == "add" and id(c) not in applied
              and match_key(text[c.start:c.end]) != match_key(c.name)]
    report = CorrectionReport(tuple(applied.values()), tuple(stale), tuple(problems))
    new_events = tuple(_relink(e, moved, new_index) for e in events) if moved or len(kept) != len(toponyms) else events
    return tuple(t for _, t in kept), new_events, report


def _missed(text: str, rules: _Rules, taken: list[tuple[int, int]], place_of: Any):
    """Mentions the recogniser missed: added by the user, or a name a "means G" rule is about."""
    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for rule in rules.mention.values():
        if rule.action != "add" or not free(rule.start, rule.end):
            continue
        surface = text[rule.start:rule.end]
        if match_key(surface) != match_key(rule.name):
            continue  # the text changed: reported as stale
        place = place_of(rule)
        if place is not None:
            yield _added(rule.start, rule.end, surface, place), rule
    names = rules.names_to_find()
    if not names:
        return
    # one pass over the text for every name (longest first, so "New York City" beats "New York")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?!\w)")
    by_folded = {fold(n): c for n, c in names.items()}
    for m in pattern.finditer(text):
        rule = names.get(m.group()) or by_folded.get(fold(m.group()))
        if rule is None or not free(m.start(), m.end()):
            continue
        place = place_of(rule)
        if place is not None:
            taken.append((m.start(), m.end()))
            yield _added(m.start(), m.end(), m.group(), place), rule


def _added(start: int, end: int, surface: str, place: Any) -> Toponym:
    return Toponym(start, end, surface, "literal", place=place, confidence=1.0)


def _with_place(toponym: Toponym, place: Any) -> Toponym:
    """The mention with the user's place; the resolver's earlier choice stays among the alternatives."""
    alternatives = [c for c in toponym.alternatives if c.place.geonameid != place.geonameid]
    if toponym.place is not None and toponym.place.geonameid != place.geonameid:
        previous = next((c for c in toponym.alternatives if c.place.geonameid == toponym.place.geonameid),
                        Candidate(toponym.place, toponym.confidence))
        alternatives = [previous] + [c for c in alternatives if c.place.geonameid != toponym.place.geonameid]
    return replace(toponym, place=place, confidence=1.0, alternatives=tuple(alternatives))


def _sentence_index(sentences: tuple[Sentence, ...], offset: int) -> int:
    return max(0, bisect_right([s.start for s in sentences], offset) - 1)


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


class CorrectionsStep:
    """The pipeline component: reads the document's corrections from the store and applies them.

    ``source`` is a :class:`~geo.corrections.store.CorrectionStore`, a path to one, or a fixed
    collection of :class:`Correction`; ``None`` makes the step do nothing. A store that cannot be
    read leaves the document as it was, with the problem in the report and a warning in the log.
    """

    rules = ()

    def __init__(self, gazetteer: Gazetteer, source: Any = None) -> None:
        from geo.corrections.store import CorrectionStore

        self.gazetteer = gazetteer
        if isinstance(source, str) or hasattr(source, "__fspath__"):
            source = CorrectionStore(source)
        self.source = source

    def corrections_for(self, doc_id: str) -> tuple[Correction, ...]:
        if self.source is None:
            return ()
        if hasattr(self.source, "list"):
            return self.source.list(doc_id)
        return tuple(self.source)

    def __call__(self, doc: Doc) -> Doc:
        try:
            corrections = self.corrections_for(doc.id)
        except CorrectionError as exc:
            log.warning("corrections not applied to %s: %s", doc.id, exc)
            doc.user_data["corrections"] = CorrectionReport(problems=(str(exc),))
            return doc
        if corrections:
            doc.user_data["corrections"] = apply_to_doc(doc, corrections, self.gazetteer)
        return doc
