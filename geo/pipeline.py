"""The pipeline, on one screen: named steps over one shared :class:`~geo.doc.Doc`.

::

    gazetteer = load_gazetteer()
    parser = Geoparser(gazetteer)                        # recognize, resolve, focus, events, corrections
    analysis = parser.analyse(text, published=date(2022, 11, 14))
    Geoparser(gazetteer, disable=["events"])             # any step, or any named rule, switched off
    Geoparser(gazetteer, options={"corrections": CorrectionStore(path)})  # the user's corrections, last

Each step is a component: a callable ``component(doc) -> doc`` built by a
factory registered under its name with :func:`component` (spaCy's
``Language.factory`` is the model). The page, the command line and the batch
path all run these same steps. ``disable`` takes step names and the names of
the rules and features that the steps expose (``python -m geo rules`` lists
them), so any subset can be measured (``python -m geo evaluate --disable``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from geo.doc import Doc, doc_id_for, make_doc
from geo.events import extract_events
from geo.gazetteer import Gazetteer
from geo.model import Analysis
from geo.recognize import RawMention, Recognizer
from geo.resolve import Resolver, document_focus

__all__ = ("DEFAULT_PIPELINE", "Component", "Geoparser", "Rule", "component", "doc_id_for",
           "merge_mentions", "registered_components")

#: extra recognisers (an installed spaCy pipeline, say) map text to extra mentions
ExtraRecognizer = Callable[[str, tuple], list[RawMention]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule or feature of a step, with where it comes from (``python -m geo rules``)."""

    name: str
    step: str
    provenance: str


class Component(Protocol):
    """A pipeline step. ``rules`` names what of it can be switched off on its own."""

    rules: tuple[Rule, ...]

    def __call__(self, doc: Doc) -> Doc: ...


#: name -> factory(gazetteer, settings) -> component
_FACTORIES: dict[str, Callable[[Gazetteer, Settings], Component]] = {}

#: the steps a Geoparser runs, in order
DEFAULT_PIPELINE: tuple[str, ...] = ("recognize", "resolve", "focus", "events", "corrections")


@dataclass(frozen=True, slots=True)
class Settings:
    """What a factory may read: names switched off and per-step options."""

    disabled: frozenset[str] = frozenset()
    extra_recognizers: tuple[ExtraRecognizer, ...] = ()
    options: tuple[tuple[str, Any], ...] = ()

    def option(self, name: str, default: Any = None) -> Any:
        return dict(self.options).get(name, default)


def component(name: str) -> Callable:
    """Register a component factory under ``name``."""
    def register(factory: Callable[[Gazetteer, Settings], Component]) -> Callable:
        _FACTORIES[name] = factory
        return factory
    return register


def registered_components() -> tuple[str, ...]:
    return tuple(_FACTORIES)


# -- the steps --------------------------------------------------------------------------------


class _Step:
    """A component from a plain function of the document."""

    def __init__(self, run: Callable[[Doc], Doc], rules: tuple[Rule, ...] = ()) -> None:
        self.run = run
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        return self.run(doc)


@component("recognize")
def _recognize(gazetteer: Gazetteer, settings: Settings) -> Component:
    from geo.recognize import RULES, SPAN_RULES

    recognizer = Recognizer(gazetteer, disabled=settings.disabled)

    def run(doc: Doc) -> Doc:
        mentions = recognizer(doc)
        for extra in settings.extra_recognizers:
            mentions = merge_mentions(mentions, extra(doc.text, doc.sentences))
        doc.mentions = mentions
        return doc
    rules = tuple(Rule(r.name, "recognize", r.provenance) for r in RULES) + tuple(
        Rule(name, "recognize", provenance) for name, provenance in SPAN_RULES)
    return _Step(run, rules)


@component("resolve")
def _resolve(gazetteer: Gazetteer, settings: Settings) -> Component:
    resolver = Resolver(gazetteer, disabled=settings.disabled)

    def run(doc: Doc) -> Doc:
        doc.toponyms = tuple(resolver(doc.mentions, doc.text))
        return doc
    return _Step(run, tuple(Rule(f.name, "resolve", f.provenance) for f in resolver.features))


@component("focus")
def _focus(gazetteer: Gazetteer, settings: Settings) -> Component:
    def run(doc: Doc) -> Doc:
        doc.focus = document_focus(doc.toponyms, gazetteer)
        return doc
    return _Step(run)


@component("events")
def _events(gazetteer: Gazetteer, settings: Settings) -> Component:
    def run(doc: Doc) -> Doc:
        doc.events = extract_events(doc)
        return doc
    return _Step(run)


@component("corrections")
def _corrections(gazetteer: Gazetteer, settings: Settings) -> Component:
    """The user's scoped corrections, last: ``options={"corrections": store or path}`` (none: no change)."""
    from geo.corrections import CorrectionsStep

    return CorrectionsStep(gazetteer, settings.option("corrections"))


# -- the parser -------------------------------------------------------------------------------


class Geoparser:
    """Runs the named steps over each document; holds the gazetteer and the components.

    Components keep no per-document state, so one parser serves many threads.
    """

    def __init__(self, gazetteer: Gazetteer, *, pipeline: Iterable[str] = DEFAULT_PIPELINE,
                 disable: Iterable[str] = (), extra_recognizers: Iterable[ExtraRecognizer] = (),
                 events: bool = True, options: dict[str, Any] | None = None) -> None:
        self.gazetteer = gazetteer
        disabled = frozenset(disable) | (frozenset() if events else frozenset({"events"}))
        unknown_steps = [n for n in pipeline if n not in _FACTORIES]
        if unknown_steps:
            raise ValueError(f"Expected pipeline steps among {sorted(_FACTORIES)}, instead got: {unknown_steps!r}.")
        settings = Settings(disabled, tuple(extra_recognizers), tuple(sorted((options or {}).items())))
        self.steps: list[tuple[str, Component]] = [
            (name, _FACTORIES[name](gazetteer, settings)) for name in pipeline if name not in disabled]
        known = set(_FACTORIES) | {r.name for r in self.rules()}
        unknown = sorted(disabled - known)
        if unknown:
            raise ValueError(f"Expected step or rule names (see `python -m geo rules`), instead got: {unknown!r}.")
        self.disabled = disabled

    @property
    def pipe_names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def rules(self) -> list[Rule]:
        """Every named rule and feature of the steps that run."""
        return [rule for _, step in self.steps for rule in getattr(step, "rules", ())]

    def __call__(self, doc: Doc) -> Doc:
        for _, step in self.steps:
            doc = step(doc)
        return doc

    def analyse(self, text: str, *, doc_id: str | None = None, title: str = "",
                published: dt.date | None = None) -> Analysis:
        return self(make_doc(text, doc_id=doc_id, title=title, published=published)).to_analysis()

    def analyse_many(self, documents: Iterable[dict]) -> Iterator[Analysis]:
        """Analyse ``{"id", "text", "title"?, "published"?}`` records one by one."""
        for record in documents:
            published = record.get("published")
            if isinstance(published, str) and published:
                published = dt.date.fromisoformat(published[:10])
            yield self.analyse(record["text"], doc_id=str(record.get("id") or "") or None,
                               title=record.get("title") or "", published=published or None)


def merge_mentions(primary: list[RawMention], extra: list[RawMention]) -> list[RawMention]:
    """Add the extra recogniser's spans that overlap none of the primary ones."""
    taken = [(m.start, m.end) for m in primary]
    added = [m for m in extra if all(m.end <= s or m.start >= e for s, e in taken)]
    return sorted(primary + added, key=lambda m: m.start)
