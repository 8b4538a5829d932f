"""The driver: one pass over the document's sentences, each step a function of its own module.

For each sentence that can hold an event (:func:`geo.events.lexicon.may_trigger`) and is not
page furniture: clause tokens (:mod:`~geo.events.clauses`), triggers
(:mod:`~geo.events.triggers`), modality (:mod:`~geo.events.modality`), where the places
stand (:mod:`~geo.events.places`), actors (:mod:`~geo.events.actors`), then one mention per
trigger. :mod:`~geo.events.merge` then joins the mentions of one real-world event.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from operator import attrgetter

from geo.doc import Doc, Token
from geo.events import actors as actor_rules
from geo.events import places as place_rules
from geo.events.clauses import clause_tokens, is_furniture, reporting_tail, sentence_words
from geo.events.dates import DateExpression, find_dates
from geo.events.lexicon import AID_LIKE, NO_ATTACKER, REMOTE, may_trigger
from geo.events.merge import merge_mentions
from geo.events.modality import contexts, date_for, modality, sentence_contexts
from geo.events.state import Candidate, DocState, Entity, Tok
from geo.events.triggers import find_triggers
from geo.events.words import REPORTING
from geo.model import Actor, Event, EventMention, PlaceLink, Sentence


def extract_events(doc: Doc) -> tuple[Event, ...]:
    """The events of an analysed document, one record per real-world event, in text order.

    Each record keeps every report of the event in ``mentions``; its places point at
    ``doc.toponyms`` (or the document focus), its date is normalised against ``doc.published``.
    """
    return merge_mentions(doc, extract_mentions(doc))


def extract_mentions(doc: Doc) -> list[Event]:
    """One event record per trigger, each with its one mention, in text order (before coreference)."""
    state = DocState()
    mentions: list[Event] = []
    by_sentence: dict[int, list[int]] = {}
    for n, t in enumerate(doc.toponyms):
        by_sentence.setdefault(t.sentence, []).append(n)
    place_rules.find_dateline(doc, by_sentence, state)
    # one pass over the whole text is much cheaper than one per sentence
    all_dates = find_dates(doc.text)
    date_starts = [d.start for d in all_dates]
    first = 0  # the sentence's first token: tokens are in sentence order, so one cursor serves
    for index in range(len(doc.sentences)):
        last = bisect_left(doc.tokens, index + 1, lo=first, key=_sentence_of)
        tokens, first = doc.tokens[first:last], last
        mentions.extend(_sentence_mentions(doc, index, tokens, by_sentence.get(index, []), state,
                                           (all_dates, date_starts), len(mentions)))
    return mentions


def _sentence_dates(sentence: Sentence, all_dates: list[DateExpression],
                    date_starts: list[int]) -> list[DateExpression]:
    """The date expressions inside a sentence (``date_starts``: where each of ``all_dates`` starts)."""
    lo, hi = bisect_right(date_starts, sentence.start - 1), bisect_right(date_starts, sentence.end)
    return [d for d in all_dates[lo:hi] if d.end <= sentence.end]


#: a token's sentence, read by bisect without a call of Python code per step
_sentence_of = attrgetter("sentence")


@dataclass(slots=True)
class _Sentence:
    """One sentence being read: its clause tokens and what the steps found in it."""

    index: int
    toks: list[Tok]
    words: set[str]
    indices: list[int]
    dates: list[DateExpression]
    places: place_rules.SentencePlaces
    entities: list[Entity]
    speaker: Actor | None
    reported: bool


def _sentence_mentions(doc: Doc, index: int, tokens: list[Token], indices: list[int], state: DocState,
                       document_dates: tuple[list[DateExpression], list[int]], numbered: int) -> list[Event]:
    """The event mentions of one sentence; ``document_dates``: the document's date expressions and
    where each starts (only a sentence that is read takes its own)."""
    sentence = doc.sentences[index]
    words = sentence_words(tokens, doc.text)
    quoted = "\"" in sentence.text or "“" in sentence.text
    if (not may_trigger(words, *state.recent[-2:]) and not (quoted and not REPORTING.isdisjoint(words))
            or is_furniture(sentence, tokens, doc.title)):
        # nothing can happen here, and nobody speaks: only remember it for what follows
        state.remember_words(words)
        place_rules.remember_place(doc, indices, state)
        return []
    toks = clause_tokens(tokens)
    cands = find_triggers(toks, state.recent[-2:])
    state.remember_words(words)
    dates = _sentence_dates(sentence, *document_dates)
    read = _read(doc, index, toks, words, indices, dates, cands, state, quoted)
    actor_rules.register_people(read.entities, [(n, doc.toponyms[n]) for n in indices], state)
    if cands:
        # negated triggers go first, so they take no place from a real one
        tenses = {id(c): modality(toks, c, read.reported) for c in cands}
        cands = [c for c in cands if tenses[id(c)] is not None]
        free = _attach_places(doc, read, cands)
        mentions = _mentions(doc, read, cands, tenses, free, state, numbered)
    else:
        mentions = []
    place_rules.remember_place(doc, indices, state)
    if read.speaker is not None:
        state.last_speaker = read.speaker
    return mentions


def _read(doc: Doc, index: int, toks: list[Tok], words: set[str], indices: list[int],
          dates: list[DateExpression], cands: list[Candidate], state: DocState, quoted: bool) -> _Sentence:
    """Places, entities and the speaker of a sentence with triggers or a quote."""
    tail = reporting_tail(toks)
    dateline_end = state.dateline_end if index == state.dateline_sentence else 0
    found = place_rules.place_links(doc, toks, indices, cands, dateline_end, tail)
    places_only = [(doc.toponyms[n].start, doc.toponyms[n].end) for n in indices
                   if doc.toponyms[n].type == "literal" and n not in found.acting]
    places_only += [(doc.toponyms[n].start, doc.toponyms[n].end) for n, *_ in found.located]
    reported = not REPORTING.isdisjoint(words) and any(t.lower in REPORTING and not t.is_cap for t in toks)
    entities: list[Entity] = []
    if cands or quoted or reported:
        names = actor_rules.SentenceNames([(n, doc.toponyms[n]) for n in indices], doc.text,
                                          [(d.start, d.end) for d in dates], places_only,
                                          doc.persons, doc.organisations)
        entities = actor_rules.entities(toks, names)
    speaker = actor_rules.speaker(toks, entities, state, quoted)
    return _Sentence(index, toks, words, indices, dates, found, entities, speaker, reported)


def _attach_places(doc: Doc, read: _Sentence, cands: list[Candidate]) -> list[tuple[int, str, bool]]:
    """Each located mention goes to the nearest trigger of its clause (before it, else after
    it); returns the located mentions no trigger took."""
    toks = read.toks
    claimed: set[int] = set()
    for n, ti, head, role, near in read.places.located:
        seg = toks[head].segment
        before = [c for c in cands if c.last < head and toks[c.last].segment == seg]
        after = [c for c in cands if c.first > ti and toks[c.first].segment == seg]
        fronted = head >= 1 and toks[head - 1].first and toks[head - 1].lower in ("in", "at", "near", "outside")
        if fronted:
            targets = cands
        elif before and after:
            # a place phrase usually qualifies what precedes it; the following trigger wins
            # only when it is much closer ("flew to Abidjan for a summit")
            targets = [after[0] if (after[0].first - ti) * 2 < head - before[-1].last else before[-1]]
        else:
            targets = before[-1:] or after[:1]
        for c in targets:
            c.places.append(place_rules.link(doc, n, place_rules.role_for(c, role), near,
                                             "place named in the same clause"))
        if targets:
            claimed.add(n)
    return [(n, role, near) for n, _, _, role, near in read.places.located if n not in claimed]


def _recipient_places(doc: Doc, places: list[PlaceLink]) -> list[Actor]:
    """"sanctions on Guinea", "aid to Mali": the places an event is aimed at, as its target."""
    out = []
    for p in places:
        if p.toponym is None or p.role not in ("area", "destination") or p.reason != "place named in the same clause":
            continue
        t = doc.toponyms[p.toponym]
        out.append(Actor(t.text, t.start, t.end, t.place.country_code or None))
    return out


#: ASSAULT labels that name harm done rather than the act that did it
CASUALTY_LABELS = ("killing", "injuries")
#: how many sentences after a disaster its deaths may be reported
CONSEQUENCE_SENTENCES = 2


def _is_consequence(c: Candidate, toks: list[Tok], cands: list[Candidate], index: int, state: DocState) -> bool:
    """Deaths, injuries and destruction with no attacker where a disaster or an accident is told: its toll,
    not an assault (PLOVER's ASSAULT is deliberate harm). Later sentences' tolls take the
    disaster's category, so coreference joins them to it."""
    if c.category != "ASSAULT" or not (c.label in CASUALTY_LABELS or toks[c.first].lower.startswith("destr")):
        return False
    if any(o.category in NO_ATTACKER for o in cands):
        return True
    if state.last_cause is not None and index - state.last_cause[0] <= CONSEQUENCE_SENTENCES:
        c.category, c.label = state.last_cause[1:]
    return False


def _toll_of_cause(c: Candidate, toks: list[Tok], cands: list[Candidate]) -> bool:
    """", killing 2,000" after a disaster or an accident earlier in the sentence: a participle
    of casualties whose subject is the cause, whatever name the clause between holds."""
    return c.trigger.pos == "verb" and c.first >= 1 and toks[c.first].lower.endswith("ing") \
        and toks[c.first - 1].text == "," and c.category == "ASSAULT" and c.label in CASUALTY_LABELS \
        and any(o.category in NO_ATTACKER and o.last < c.first for o in cands)


def _roles(read: _Sentence, cands: list[Candidate], state: DocState) -> dict[int, tuple[list[Actor], list[Actor]]]:
    """Source and recipients of each trigger that makes an event; a disaster's toll in the same
    sentence makes none, and the places it took go to the disaster."""
    toks = read.toks
    roles: dict[int, tuple[list[Actor], list[Actor]]] = {}
    previous: list[Actor] | None = None
    for c in cands:
        source, recipients = actor_rules.actors(toks, c, read.entities, state, read.speaker, previous)
        if c.category in NO_ATTACKER:
            # a hazard acts for no one: "Flash floods", "Heavy rains", "a cholera outbreak" are its kind,
            # "Forecasters said a hurricane ...", "Officials confirmed an outbreak" are who report it
            source = []
        if source and any(o.category in NO_ATTACKER and source[-1].end <= toks[o.first].start and o.last < c.first
                          for o in cands):
            # "the Ebola outbreak killed 15", "officials said an earthquake killed 20": the disaster
            # between the name and the verb is its subject
            source = []
        if source and _toll_of_cause(c, toks, cands):
            source = []  # "An earthquake struck X's province, killing 2,000": the toll is the cause's
        previous = source
        if source or not _is_consequence(c, toks, cands, read.index, state):
            roles[id(c)] = (source, recipients)
            continue
        causes = [o for o in cands if o.category in NO_ATTACKER]
        if causes and c.places:
            cause = min(causes, key=lambda o: abs(o.first - c.first))
            cause.places.extend(p for p in c.places if p not in cause.places)
    return roles


def _mentions(doc: Doc, read: _Sentence, cands: list[Candidate], tenses: dict[int, str | None],
              free: list[tuple[int, str, bool]], state: DocState, numbered: int) -> list[Event]:
    toks, sentence = read.toks, doc.sentences[read.index]
    found_contexts = sentence_contexts(toks, read.words)
    out: list[Event] = []
    previous_places: list[PlaceLink] = []
    roles = _roles(read, cands, state)
    for c in cands:
        if id(c) not in roles:
            continue  # a disaster's toll, told with it
        source, recipients = roles[id(c)]
        date, tense = date_for(toks, c, cands, read.dates, doc.published, tenses[id(c)])
        places = list(c.places)
        if not recipients and c.category in REMOTE | AID_LIKE:
            recipients = _recipient_places(doc, places)
        if not places and previous_places and c.trigger.pos == "verb" and toks[c.first - 1].lower == "to":
            # "met in Asmara to sign a peace agreement": the purpose happens where its means does
            places = [replace(p, reason="place of the event it completes") for p in previous_places]
        if not places:
            places = place_rules.fallback_places(doc, toks, c, free, read.places, state, read.index, out)
            if date is None and places and places[0].reason == "same event as reported before":
                date = state.dated.get(c.category)  # the incident told again keeps its date too
        start, end = toks[c.first].start, toks[c.last].end
        number = f"{doc.id}:m{numbered + len(out) + 1}"
        mention = EventMention(
            id=number, category=c.category, label=c.label, trigger_start=start, trigger_end=end,
            trigger=doc.text[start:end], sentence_start=sentence.start, sentence_end=sentence.end,
            sentence_index=read.index, tense=tense, actors=tuple(source), recipients=tuple(recipients),
            places=tuple(place_rules.dedupe(places, doc)), date=date, pos=c.trigger.pos)
        out.append(Event(
            id=number, category=c.category, label=c.label, trigger_start=start, trigger_end=end,
            trigger=mention.trigger, sentence_start=sentence.start, sentence_end=sentence.end,
            sentence=sentence.text, contexts=contexts(c, found_contexts), actors=mention.actors,
            recipients=mention.recipients, places=mention.places, date=date, tense=tense,
            sentence_index=read.index, mentions=(mention,)))
        if c.category in NO_ATTACKER:
            state.last_cause = (read.index, c.category, c.label)
        if source:
            state.last_group = source[0]
        if c.places:
            state.placed[c.category] = tuple(c.places)
            state.dated[c.category] = date
        if places and places[0].reason not in place_rules.VAGUE:
            state.last_event_places = (read.index, tuple(places))
        previous_places = list(c.places)
    return out


__all__ = ("extract_events", "extract_mentions")
