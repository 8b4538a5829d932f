"""The working objects of event extraction: tokens of a clause, entities, trigger candidates,
and the per-document state one call passes from sentence to sentence.

Nothing here is module-level or shared between calls: :func:`geo.events.extract_events`
makes one :class:`DocState` per document and hands it to each step explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geo.doc import Token
from geo.events.lexicon import Trigger
from geo.model import Actor, EventDate, PlaceLink, Toponym

#: A word of a sentence as the event rules read it: the Doc's own token, or adjacent pieces
#: joined into one ("al-Shabab", "didn't", "'s": :func:`geo.events.clauses.regroup`). Events
#: read ``is_alnum`` as "a word" (numbers count), and :func:`~geo.events.clauses.clause_tokens`
#: sets ``segment`` (the clause), ``quoted`` (inside a quotation) and ``first`` (only
#: punctuation before it in its sentence, quote or clause) on each.
Tok = Token


@dataclass(slots=True)
class Entity:
    """A possible actor: a name, a group, a metonymic country or a pronoun."""

    first: int  # token indices, inclusive
    last: int
    start: int
    end: int
    text: str
    kind: str  # "name", "group", "country", "person", "pronoun", "org"
    country: str | None = None


@dataclass(slots=True)
class Candidate:
    """A trigger matched in a sentence, before it becomes an event mention."""

    first: int
    last: int
    trigger: Trigger
    category: str
    label: str
    absorbed: bool = False
    places: list[PlaceLink] = field(default_factory=list)


@dataclass(slots=True)
class DocState:
    """What earlier sentences of one document leave for later ones.

    Made once per call of :func:`geo.events.extract_events` and passed explicitly.
    """

    dateline: int | None = None  # toponym index of the dateline's place
    dateline_sentence: int | None = None
    dateline_end: int = 0  # character offset where the dateline's place ends
    last_person: Entity | None = None
    last_group: Actor | None = None
    last_speaker: Actor | None = None
    last_place: tuple[int, Toponym] | None = None
    persons: dict[str, str | None] = field(default_factory=dict)  # surname -> country code
    recent: list[set[str]] = field(default_factory=list)  # words of the last two sentences
    placed: dict[str, tuple[PlaceLink, ...]] = field(default_factory=dict)  # category -> last own places
    dated: dict[str, EventDate | None] = field(default_factory=dict)  # category -> that event's date
    #: the last disaster or accident: (sentence index, category, label), for the deaths it causes
    last_cause: tuple[int, str, str] | None = None
    #: the places of the last event that had some: (sentence index, places)
    last_event_places: tuple[int, tuple[PlaceLink, ...]] | None = None

    def remember_words(self, words: set[str]) -> None:
        self.recent.append(words)
        del self.recent[:-2]
