"""spaCy integration, both ways.

1. The geoparser as a pipeline component. Importing this module registers the
   ``"geo_toponyms"`` factory::

       import spacy
       import geo.spacy_components  # registers the factory

       nlp = spacy.blank("en")
       nlp.add_pipe("geo_toponyms")
       doc = nlp("French troops left Gao, Mali, on Monday.")
       for span in doc.spans["toponyms"]:
           print(span.text, span.label_, span._.place)   # label = mention type

2. Any installed spaCy pipeline with a named-entity recogniser as an *extra*
   recogniser for :class:`geo.pipeline.Geoparser`, whose own recogniser stays
   first (its spans win where both find one)::

       extra = load_extra_recognizer("en_core_web_sm", gazetteer)
       parser = Geoparser(gazetteer, extra_recognizers=[extra])
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from geo.errors import SpacyPipelineError
from geo.gazetteer import Gazetteer, name_key
from geo.model import MentionType, Place, Sentence, Toponym
from geo.recognize import RawMention, Recognizer
from geo.resolve import Resolver
from geo.text import split_sentences

__all__ = ("DEFAULT_SPANS_KEY", "NER_LABELS", "GeoToponyms", "SpacyNerRecognizer",
           "SpacyPipelineError", "load_extra_recognizer")

DEFAULT_SPANS_KEY = "toponyms"
#: OntoNotes entity labels that can name a place: countries/cities/states, other
#: locations, facilities, and nationalities (the adjectival forms)
NER_LABELS: tuple[str, ...] = ("GPE", "LOC", "FAC", "NORP")
#: prepositions that make a following name a place where something is or happens
LOCATIVE_WORDS = frozenset({"in", "at", "near", "from", "to", "into", "across", "outside",
                            "inside", "throughout", "around", "toward", "towards", "via", "within"})


def _register_extensions() -> None:
    """``span._.toponym`` (the resolved mention) and ``span._.place`` (its Place or None)."""
    if not Span.has_extension("toponym"):
        Span.set_extension("toponym", default=None)
    if not Span.has_extension("place"):
        Span.set_extension("place", getter=lambda span: span._.toponym.place if span._.toponym else None)


# --------------------------------------------------------------------------- the component

@Language.factory(
    "geo_toponyms",
    default_config={"spans_key": DEFAULT_SPANS_KEY, "cache_dir": None},
    assigns=["doc.spans"],
)
def make_geo_toponyms(nlp: Language, name: str, spans_key: str, cache_dir: str | None) -> GeoToponyms:
    """Build the component; the gazetteer (not serialisable) loads on first use from ``cache_dir``."""
    return GeoToponyms(nlp, name, spans_key=spans_key, cache_dir=cache_dir)


class GeoToponyms:
    """Recognise and resolve place mentions into ``doc.spans[spans_key]``.

    Runs the project's own recogniser and resolver on ``doc.text``; each span
    is labelled with its mention type (``literal``, ``metonymic``,
    ``modifier``, ``demonym``, ``embedded``) and carries the resolved mention
    as ``span._.toponym`` and its place as ``span._.place``. Spans are
    aligned outward to spaCy's tokens where the two tokenisations differ.

    Parameters
    ----------
    nlp, name
        As for every spaCy component.
    spans_key
        The key in ``doc.spans`` to write.
    gazetteer
        An opened gazetteer; by default it is loaded from ``cache_dir`` (or
        the default cache) when the first document arrives. It can also be
        set later: ``nlp.get_pipe("geo_toponyms").gazetteer = gazetteer``.
    """

    def __init__(self, nlp: Language, name: str = "geo_toponyms", *, spans_key: str = DEFAULT_SPANS_KEY,
                 gazetteer: Gazetteer | None = None, cache_dir: str | Path | None = None) -> None:
        _register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self._gazetteer = gazetteer
        self._steps: tuple[Recognizer, Resolver] | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.load(self.cache_dir)
        return self._gazetteer

    @gazetteer.setter
    def gazetteer(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._steps = None

    def toponyms(self, text: str) -> list[Toponym]:
        """The resolved mentions of a text (empty for blank text)."""
        if not text.strip():
            return []
        if self._steps is None:
            self._steps = (Recognizer(self.gazetteer), Resolver(self.gazetteer))
        recognize, resolve = self._steps
        return resolve(recognize(text, split_sentences(text)))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for toponym in self.toponyms(doc.text):
            span = doc.char_span(toponym.start, toponym.end, label=toponym.type, alignment_mode="expand")
            if span is None:
                continue  # a mention inside whitespace-only tokens cannot be aligned
            span._.toponym = toponym
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def __repr__(self) -> str:
        return f"GeoToponyms(name={self.name!r}, spans_key={self.spans_key!r})"


# --------------------------------------------------------------------------- spaCy NER as extra recogniser

class SpacyNerRecognizer:
    """Place mentions from any spaCy pipeline's named entities.

    A callable ``(text, sentences) -> list[RawMention]`` for
    :class:`geo.pipeline.Geoparser`'s ``extra_recognizers``. GPE, LOC and
    FAC entities become mentions when the gazetteer knows the name; NORP
    entities when it knows the nationality ("Malian" -> Mali). Mention types
    come from the words around the entity, using the pipeline's part-of-speech
    tags when it has a tagger.

    Parameters
    ----------
    nlp
        A spaCy ``Language`` whose pipeline sets ``doc.ents``.
    gazetteer
        Where candidates come from.
    labels
        Entity labels to take.
    """

    def __init__(self, nlp: Language, gazetteer: Gazetteer, *, labels: Iterable[str] = NER_LABELS) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.labels = frozenset(labels)

    def __repr__(self) -> str:
        return f"SpacyNerRecognizer({self.nlp.meta.get('name', '?')!r}, labels={sorted(self.labels)})"

    def __call__(self, text: str, sentences: tuple[Sentence, ...]) -> list[RawMention]:
        doc = self.nlp(text)
        starts = [s.start for s in sentences]
        entities = [e for e in doc.ents if e.label_ in self.labels]
        mentions = []
        for n, entity in enumerate(entities):
            nxt = doc[entity.end] if entity.end < len(doc) else None
            candidates: tuple[Place, ...] = ()
            for ent in _forms(entity):
                if ent.label_ == "NORP":
                    place = self.gazetteer.demonym(ent.text)
                    candidates = (place,) if place is not None else ()
                else:
                    candidates = tuple(self.gazetteer.candidates(ent.text))
                if candidates:
                    break
            if not candidates:
                continue
            if ent.label_ == "NORP":
                kind, adjectival, container = _nationality_type(ent, nxt), True, None
            else:
                following = entities[n + 1] if n + 1 < len(entities) else None
                kind, adjectival, container = _name_type(ent, nxt, candidates[0]), False, _container(
                    doc, ent, following)
            sentence = max(0, bisect_right(starts, ent.start_char) - 1)
            mentions.append(RawMention(ent.start_char, ent.end_char, ent.text, kind, sentence,
                                       candidates, adjectival, container))
        return mentions


def _forms(ent: Span) -> list[Span]:
    """The entity, then without a leading "the" ("the Sahel" is a name, "the United States" is not)."""
    if len(ent) > 1 and ent[0].lower_ == "the":
        return [ent, Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)]
    return [ent]


def _container(doc: Doc, ent: Span, following: Span | None) -> str | None:
    """The "Y" of "X, Y" ("Gao, Mali") as a name key, for the resolver."""
    if following is None or following.label_ not in ("GPE", "LOC"):
        return None
    if following.start == ent.end + 1 and doc[ent.end].text == ",":
        return name_key(following.text)
    return None


def _pos(token: Token | None) -> str:
    return token.pos_ if token is not None else ""


def _name_type(ent: Span, nxt: Token | None, top: Place) -> MentionType:
    """literal, metonymic or modifier from the entity's neighbours."""
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    if nxt is not None and nxt.lower_ in ("'s", "’s", "'"):
        return "modifier"  # "Mali's government"
    if nxt is not None and nxt.text == "-" and nxt.i + 1 < len(ent.doc) and ent.doc[nxt.i + 1].is_lower:
        return "modifier"  # "UK-based"
    if prev is not None and prev.lower_ in LOCATIVE_WORDS:
        return "literal"
    if top.kind == "country" and _pos(nxt) in ("VERB", "AUX"):
        return "metonymic"  # "Britain announced"
    if _pos(nxt) in ("NOUN", "PROPN") and nxt is not None and nxt.is_lower:
        return "modifier"  # "UK contingent"
    return "literal"


def _nationality_type(ent: Span, nxt: Token | None) -> MentionType:
    """modifier ("Malian army") or demonym ("the Malians", "the French said")."""
    if nxt is not None and nxt.text == "-":
        return "modifier"  # "Russian-backed"
    if _pos(nxt):
        return "modifier" if _pos(nxt) in ("NOUN", "PROPN", "ADJ") else "demonym"
    # no tagger: a lower-case word right after a singular form is the noun it modifies
    if nxt is not None and nxt.is_alpha and nxt.is_lower and not ent.text.endswith("s"):
        return "modifier"
    return "demonym"


def load_extra_recognizer(name_or_path: str | Path, gazetteer: Gazetteer | None = None, *,
                          labels: Iterable[str] = NER_LABELS, **load_options: Any) -> SpacyNerRecognizer:
    """An extra recogniser from an installed spaCy pipeline (``"en_core_web_sm"``) or a saved one.

    Raises
    ------
    SpacyPipelineError
        When no such pipeline is installed, or it sets no ``doc.ents``.
    """
    import spacy

    try:
        nlp = spacy.load(name_or_path, **load_options)
    except OSError as exc:
        raise SpacyPipelineError(
            f"The spaCy pipeline {str(name_or_path)!r} is not installed or not a pipeline folder; "
            f"install one (for example `pip install en_core_web_sm` from a wheel you trust) or pass "
            f"the path of a saved pipeline. Without it the project's own recogniser still works."
        ) from exc
    if not any("doc.ents" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names):
        raise SpacyPipelineError(
            f"The spaCy pipeline {str(name_or_path)!r} has no named-entity recogniser "
            f"(components: {nlp.pipe_names}); use one with 'ner' or 'entity_ruler'.")
    return SpacyNerRecognizer(nlp, gazetteer if gazetteer is not None else Gazetteer.load(), labels=labels)
