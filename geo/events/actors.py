"""Actors: names, groups, metonymic countries and pronouns of a sentence, and who is the
source and who the target of each event.

Names the recogniser judged people or organisations (``doc.persons``,
``doc.organisations``) are read as such; otherwise a capitalised run is typed here by
its words (titles, organisation heads). Weapons, explosives and the news outlets that
report a story are never actors.
"""

from __future__ import annotations

from geo.events.lexicon import LEXICON, THEME_OBJECTS
from geo.events.places import adjective
from geo.events.state import Candidate, DocState, Entity, Tok
from geo.events.words import (
    ACTOR_MODIFIERS,
    ADVERBS,
    COMMON_INITIALS,
    CONNECTORS,
    DETERMINERS,
    ENTITY_STARTS,
    GROUP_NOUNS,
    LOCATIVE_ROLES,
    MONTHS_DAYS,
    NOT_ACTORS,
    NOT_OWNER_SUFFIXES,
    ORG_WORDS,
    PLACE_NOUNS,
    POSSESSIVES,
    PRONOUNS,
    PRONOUNS_PERSON,
    PRONOUNS_SPEAKER,
    QUANTIFIERS,
    RECIPIENT_PREPS,
    REPORTING,
    SOURCE_BEFORE,
    TITLE_WORDS,
)
from geo.lexicon import stop_words
from geo.model import Actor, Toponym

LEXICON_HEADS = {key[0] for key in LEXICON}
#: how far after a trigger a recipient may stand
RECIPIENT_WINDOW = 8


class SentenceNames:
    """What :func:`entities` needs of the document for one sentence."""

    __slots__ = ("toponyms", "text", "date_spans", "places_only", "persons", "organisations")

    def __init__(self, toponyms: list[tuple[int, Toponym]], text: str, date_spans: list[tuple[int, int]],
                 places_only: list[tuple[int, int]], persons: set[str], organisations: set[str]) -> None:
        self.toponyms = toponyms
        self.text = text
        self.date_spans = date_spans
        self.places_only = places_only  # spans of mentions that say where, never who
        self.persons = persons
        self.organisations = organisations


def _starts_name(toks: list[Tok], i: int, names: SentenceNames) -> bool:
    tok = toks[i]
    if not (tok.is_cap and tok.is_alnum) or tok.lower in MONTHS_DAYS or names.date_spans and any(
            s <= tok.start < e for s, e in names.date_spans):
        return False
    if not tok.first:
        return True
    if tok.lower in DETERMINERS or tok.lower in CONNECTORS or tok.lower in LEXICON_HEADS \
            or tok.lower in COMMON_INITIALS or tok.lower in stop_words():
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.lower in ("of", "to", "for", "is", "was") \
            and not any(t.start == tok.start for _, t in names.toponyms):
        return False  # "Lack of transparency", "Most of them"
    # "Speaking in Washington, ..."
    return not (tok.lower.endswith("ing") and nxt is not None and not nxt.is_cap)


def _extend(toks: list[Tok], i: int, literal: list[tuple[int, int]]) -> int:
    """The last token of the name or group that starts at ``i``."""
    n = len(toks)
    j = i
    while j + 1 < n:
        nxt = toks[j + 1]
        after = toks[j + 2] if j + 2 < n else None
        if nxt.start - toks[j].end > 1:
            break
        if nxt.is_cap and nxt.is_alnum and nxt.lower not in MONTHS_DAYS:
            j += 1
        elif (after is not None and after.is_cap and after.is_alnum and (
                nxt.lower in CONNECTORS and nxt.lower != "and"
                or nxt.lower == "in" and toks[i].is_cap and any(t.lower in ORG_WORDS for t in toks[i:j + 1])
                and not any(s <= after.start < e for s, e in literal))):
            j += 1  # "Mission in Mali", but not "leaders in Mali" where Mali is where
        elif nxt.lower in TITLE_WORDS and not nxt.is_cap and after is not None and after.is_cap \
                and after.is_alnum and after.lower not in MONTHS_DAYS:
            j += 1  # "opposition leader Ousmane Sonko", "junta leader Mamadi Doumbouya"
        elif nxt.text in ("'s", "’s") and j == i and after is not None and (after.lower in GROUP_NOUNS or (
                after.lower in ACTOR_MODIFIERS and j + 3 < n and toks[j + 3].lower in GROUP_NOUNS)):
            j += 2  # "Sudan's army", "Egypt's foreign minister"
        elif nxt.lower in GROUP_NOUNS or nxt.lower in ACTOR_MODIFIERS and after is not None and (
                after.lower in GROUP_NOUNS):
            j += 1
        else:
            break
    while j > i and (toks[j].lower in CONNECTORS or toks[j].lower in ACTOR_MODIFIERS
                     and toks[j].lower not in GROUP_NOUNS):
        j -= 1
    return j


def _owner_country(names: SentenceNames, start: int, end: int) -> str | None:
    """The country of a metonymic or modifier mention inside an actor ("Malian government")."""
    text = names.text
    for _, t in names.toponyms:
        if t.type == "literal" or t.place is None or not t.place.country_code:
            continue
        if not (t.start >= start and t.end <= end):
            continue
        if text[t.end:t.end + 14].lower().startswith(NOT_OWNER_SUFFIXES):
            continue  # "Russian-backed": not Russia's
        if text[max(0, t.start - 4):t.start].lower().endswith(("in ", "of ", "for ")) and t.type == "embedded":
            continue
        return t.place.country_code
    return None


def _reports(toks: list[Tok], i: int) -> bool:
    """A name that the story is told to or by: "told Reuters", "according to the BBC"."""
    k = i - 1 if i >= 1 and toks[i - 1].lower == "the" else i
    return k >= 1 and (toks[k - 1].lower in SOURCE_BEFORE
                       or k >= 2 and toks[k - 2].lower == "according" and toks[k - 1].lower == "to")


def _kind(toks: list[Tok], i: int, j: int, names: SentenceNames, is_group: bool) -> str:
    words = [t.lower for t in toks[i:j + 1]]
    text = names.text[toks[i].start:toks[j].end]
    if text in names.organisations:
        return "org"
    if text in names.persons or text.split()[-1] in names.persons and len(words) > 1:
        return "person"
    capitalised = all(t.is_cap for t in toks[i:j + 1] if t.lower not in CONNECTORS)
    if capitalised and j - i <= 4 and ORG_WORDS.isdisjoint(words) and not toks[i].text.isupper() and (
            not TITLE_WORDS.isdisjoint(words) or 1 <= j - i):
        return "person"
    return "group" if is_group and not capitalised else "name"


def _entity(toks: list[Tok], i: int, j: int, names: SentenceNames) -> Entity | None:
    """The actor that tokens i..j name, or None when they name a place, a date or a thing."""
    span_start, span_end = toks[i].start, toks[j].end
    words = [t.lower for t in toks[i:j + 1]]
    covered = sum(min(e, span_end) - max(s, span_start) for s, e in names.places_only
                  if s < span_end and e > span_start) if names.places_only else 0
    is_group = not GROUP_NOUNS.isdisjoint(words)
    if covered >= (span_end - span_start) - 1 and not is_group:
        return None  # a place where something happens, not someone who acts
    if j + 1 < len(toks) and toks[j + 1].lower in PLACE_NOUNS:
        return None  # "the southern English city of Salisbury": a description of a place
    if toks[j].lower.endswith(("-led", "-backed", "-based", "-style")) or (
            not is_group and ACTOR_MODIFIERS.issuperset(words) and not (i == j and toks[i].text.isupper())):
        return None  # "West African-led": a modifier of what follows; "the UN" alone is the organisation
    text = names.text[span_start:span_end]
    if text.lower() in NOT_ACTORS or (not is_group and _reports(toks, i)):
        return None  # "TNT", "CNN", "told Reuters": weapons and the outlets that report
    kind = _kind(toks, i, j, names, is_group)
    country = _owner_country(names, span_start, span_end)
    same = next((t for _, t in names.toponyms if t.start == span_start and t.end == span_end
                 and t.place is not None and t.type != "embedded"), None)
    if same is not None:
        kind = "country" if same.place.kind == "country" else "name"
        country = same.place.country_code or None
    return Entity(i, j, span_start, span_end, text, kind, country)


def entities(toks: list[Tok], names: SentenceNames) -> list[Entity]:
    """Names, groups, metonymic countries and pronouns of one sentence."""
    found: list[Entity] = []
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not tok.is_cap and tok.lower not in ENTITY_STARTS:
            i += 1
            continue
        if tok.lower in PRONOUNS and tok.is_alnum:
            found.append(Entity(i, i, tok.start, tok.end, tok.text, "pronoun"))
            i += 1
            continue
        if not (_starts_name(toks, i, names) or tok.lower in ACTOR_MODIFIERS or tok.lower in GROUP_NOUNS):
            i += 1
            continue
        j = _extend(toks, i, names.places_only)
        entity = _entity(toks, i, j, names)
        if entity is not None:
            found.append(entity)
        i = j + 1
    return found


def actor(e: Entity) -> Actor:
    return Actor(e.text, e.start, e.end, e.country)


def _resolve_pronoun(e: Entity, found: list[Entity], state: DocState, speaker: Actor | None,
                     toks: list[Tok]) -> Actor | None:
    word = e.text.lower()
    if word in PRONOUNS_PERSON:
        return actor(state.last_person) if state.last_person is not None else None
    if word in PRONOUNS_SPEAKER:
        return speaker if toks[e.first].quoted or speaker is not None else None
    # "it", "they": the nearest named non-person before it in the sentence, else the last actor
    for other in reversed(found):
        if other.last < e.first and other.kind in ("country", "name", "group", "org"):
            return actor(other)
    return state.last_group


def speaker(toks: list[Tok], found: list[Entity], state: DocState, quotes: bool = True) -> Actor | None:
    """Who speaks in a sentence with a quote: the name next to its reporting verb.

    ``quotes``: whether the sentence has quotation marks at all (else nothing is quoted)."""
    if not quotes or not any(t.quoted for t in toks):
        return state.last_speaker if toks and toks[0].text in ("\"", "“") else None
    for k, tok in enumerate(toks):
        if tok.lower not in REPORTING or tok.quoted or tok.is_cap:
            continue
        near = [e for e in found if not toks[e.first].quoted and (
            e.last < k and k - e.last <= 2 or e.first == k + 1 and tok.lower in ("said", "says", "added", "noted", "wrote"))]
        for e in sorted(near, key=lambda e: abs(e.last - k)):
            if e.kind != "pronoun":
                return actor(e)
            if e.text.lower() in PRONOUNS_PERSON and state.last_person is not None:
                return actor(state.last_person)
    return state.last_speaker


def register_people(found: list[Entity], toponyms: list[tuple[int, Toponym]], state: DocState) -> None:
    """Persons get the country their introduction gives ("UK contingent ... Minister X")."""
    for e in found:
        if e.kind == "name" and " " not in e.text and e.text in state.persons:
            e.kind = "person"
        if e.kind != "person":
            continue
        surname = e.text.split()[-1]
        if surname in state.persons and e.country is None:
            e.country = state.persons[surname]
        elif surname not in state.persons:
            countries = {t.place.country_code for _, t in toponyms if t.end <= e.start
                         and t.type in ("metonymic", "modifier", "demonym") and t.place is not None
                         and t.place.country_code}
            if e.country is None and len(countries) == 1 and any(w in TITLE_WORDS for w in e.text.lower().split()):
                e.country = next(iter(countries))  # "UK contingent ... Defence Minister James Heappey"
            state.persons[surname] = e.country
        state.last_person = e


def _is_passive(toks: list[Tok], c: Candidate) -> bool:
    word = toks[c.first].lower
    if c.trigger.pos != "verb" or word.endswith("ing"):
        return False
    k = c.first - 1
    while k >= 0 and toks[k].lower.endswith("ly"):
        k -= 1
    return k >= 0 and toks[k].lower in ("was", "were", "been", "being", "is", "are", "be", "got", "get")


def _object_of_preposition(toks: list[Tok], c: Candidate) -> bool:
    """A noun trigger inside a prepositional phrase ("apologised for the killing of"): whoever
    stands before it is the subject of another verb, not this event's actor."""
    if c.trigger.pos != "noun" or c.category == "CONSULT":
        return False  # "travelled to Beijing for talks": the traveller talks
    k = c.first - 1
    while k >= 0 and (toks[k].lower in DETERMINERS or toks[k].lower in QUANTIFIERS or adjective(toks, k)
                      or toks[k].is_alnum and not toks[k].is_cap and toks[k].lower.endswith(("ed", "al"))):
        k -= 1
    if k >= 1 and toks[k].lower == "with" and toks[k - 1].lower in RESPONSE_VERBS:
        return False  # "Israel responded with air strikes": the one who responds strikes
    return k >= 0 and toks[k].lower in ("for", "of", "over", "about", "after", "against", "with", "despite",
                                        "following", "amid", "since", "before")


#: verbs whose "with" names the subject's own act ("retaliated with strikes", "hit back with raids")
RESPONSE_VERBS = frozenset({"responded", "responds", "respond", "responding", "retaliated", "retaliates",
                            "retaliate", "retaliating", "replied", "answered", "back"})


def _possessor(toks: list[Tok], c: Candidate, left: list[Entity]) -> Entity | None:
    """Whose a noun trigger is: "Britain's deployment", "our troop deployment"."""
    if c.trigger.pos != "noun" or not left:
        return None
    e = left[-1]
    gap = toks[e.last + 1:c.first]
    if e.text.lower() in POSSESSIVES and len(gap) <= 2 and all(t.is_alnum for t in gap):
        return e
    if gap and gap[0].lower in ("'s", "’s") and len(gap) <= 3 and all(t.is_alnum for t in gap[1:]):
        return e
    return None


def _after_by(toks: list[Tok], e: Entity) -> bool:
    return (e.first >= 1 and toks[e.first - 1].lower == "by"
            or e.first >= 2 and toks[e.first - 1].lower in DETERMINERS and toks[e.first - 2].lower == "by")


class ClauseActors:
    """The entities around one trigger, and how to resolve a pronoun among them."""

    def __init__(self, toks: list[Tok], c: Candidate, found: list[Entity], state: DocState,
                 speaker: Actor | None) -> None:
        seg = toks[c.first].segment
        self.toks, self.c, self.found, self.state, self.speaker = toks, c, found, state, speaker
        self.left = [e for e in found if e.last < c.first and toks[e.last].segment == seg]
        self.right = [e for e in found if e.first > c.last and toks[e.first].segment == seg]
        # the agent of a passive verb or of a noun ("an attack by gunmen"), never a later by-phrase
        self.by_phrase = [e for e in self.right if e.first - c.last <= 3 and _after_by(toks, e)]

    def resolved(self, e: Entity | None) -> list[Actor]:
        if e is None:
            return []
        if e.kind == "pronoun":
            a = _resolve_pronoun(e, self.found, self.state, self.speaker, self.toks)
            return [a] if a else []
        return [actor(e)]


def actors(toks: list[Tok], c: Candidate, found: list[Entity], state: DocState,
           speaker: Actor | None, previous: list[Actor] | None) -> tuple[list[Actor], list[Actor]]:
    """Source and recipients of an event; ``previous``: the source of the sentence's last event
    (None before its first)."""
    clause = ClauseActors(toks, c, found, state, speaker)
    if _is_passive(toks, c):
        source = clause.resolved(clause.by_phrase[0]) if clause.by_phrase else []
        return source, clause.resolved(clause.left[-1]) if clause.left else []
    between = _between(clause)
    if between:
        return between, []  # "talks between the government and the rebels"
    agent = None if c.trigger.pos != "noun" else next(
        (e for e in found if e.kind == "group" and e.first <= c.first and c.last <= e.last), None)
    if agent is not None:
        return [actor(agent)], _recipients(clause)  # "a suicide bomber": an agent noun names who acts
    source = _source(clause, previous) or _relative_subject(clause)
    # first-person speakers in a quote: the one who speaks
    if source and source[0].text.lower() in PRONOUNS_SPEAKER:
        source = []
    return source, _recipients(clause)


def _source(clause: ClauseActors, previous: list[Actor] | None) -> list[Actor]:
    toks, c = clause.toks, clause.c
    # "Somali forces backed by African Union troops recaptured ...": the agent of a participle
    # before the verb is not its subject
    left = [e for e in clause.left if not _after_by(toks, e)]
    subjects = [e for e in left if e.text.lower() not in POSSESSIVES] or left
    possessor = _possessor(toks, c, left)
    k = c.first - 1
    while k >= 0 and toks[k].lower in ADVERBS:
        k -= 1
    shared = c.trigger.pos == "verb" and k >= 0 and toks[k].lower in ("and", "then", "to", "but")
    if possessor is not None:
        return clause.resolved(possessor)
    if shared and previous is not None and (previous or toks[k].lower != "to"):
        # "expelled the ambassador and ordered ...", "gathered ... to denounce": the same subject,
        # even where the first verb's is no actor ("the flooding killed ... and destroyed")
        return list(previous)
    if shared and toks[k].lower == "to" and subjects:
        return clause.resolved(subjects[0])
    if clause.by_phrase:
        return clause.resolved(clause.by_phrase[0])
    if subjects and not _object_of_preposition(toks, c):
        return _coordinated_subjects(clause, subjects)
    if c.trigger.pos == "verb" and c.first >= 1 and (toks[c.first - 1].lower == "to" or (
            toks[c.first].lower.endswith("ing") and toks[c.first - 1].text == ",")):
        # "... to join MINUSMA", ", killing four": the subject is the main clause's
        earlier = [e for e in clause.found if e.last < c.first and e.kind != "pronoun"
                   and not (toks[e.first].quoted and e.kind == "person")]
        if earlier:
            return [actor(earlier[-1])]
        pron = [e for e in clause.found if e.last < c.first and e.kind == "pronoun"]
        return clause.resolved(pron[-1]) if pron else []
    return []


def _between(clause: ClauseActors) -> list[Actor]:
    """The parties of a noun trigger followed by "between" that no possessor owns."""
    toks, c = clause.toks, clause.c
    if c.trigger.pos != "noun" or c.last + 1 >= len(toks) or toks[c.last + 1].lower != "between":
        return []
    if _possessor(toks, c, [e for e in clause.left if not _after_by(toks, e)]) is not None:
        return []
    return [actor(e) for e in clause.right if e.first - c.last <= 8 and e.kind != "pronoun"][:3]


def _coordinated_subjects(clause: ClauseActors, subjects: list[Entity]) -> list[Actor]:
    """The subject, with the names coordinated before it ("Niger and Burkina Faso signed")."""
    source = clause.resolved(subjects[-1])
    k = subjects[-1].first
    for e in reversed(subjects[:-1]):
        gap = [t.lower for t in clause.toks[e.last + 1:k]]
        if not (1 <= len(gap) <= 2 and gap[0] in ("and", ",", "&") and all(w in ("and", ",", "&", "the") for w in gap)):
            break
        source.insert(0, actor(e))
        k = e.first
    return source


def _relative_subject(clause: ClauseActors) -> list[Actor]:
    """"the minister, who visited Bamako": the antecedent of a relative pronoun."""
    toks, c = clause.toks, clause.c
    if c.trigger.pos != "verb":
        return []
    seg = toks[c.first].segment
    opener = next((k for k in range(c.first - 1, -1, -1) if toks[k].segment != seg), None)
    if opener is None or toks[opener + 1].lower not in ("who", "which"):
        return []
    antecedent = [e for e in clause.found if e.last < opener + 1 and e.kind != "pronoun"]
    return [actor(antecedent[-1])] if antecedent else []


def _recipients(clause: ClauseActors) -> list[Actor]:
    """The first entity right after the trigger that it acts on ("attacked civilians",
    "talks with the rebels"), not what it moves ("dispatched 300 troops") or a topic."""
    toks, c = clause.toks, clause.c
    for e in clause.right:
        if e in clause.by_phrase or e.kind == "pronoun" or e.first - c.last > RECIPIENT_WINDOW:
            continue
        gap = [t.lower for t in toks[c.last + 1:e.first]]
        if c.category == "AID" and _given_to(gap):
            return [actor(e)]  # "sent food aid to refugees": what is given, then whom it is given to
        preps = [w for w in gap if w in RECIPIENT_PREPS or w in LOCATIVE_ROLES]
        if any(not (w in DETERMINERS or w in RECIPIENT_PREPS or w in QUANTIFIERS or w.isdigit()
                    or w in ("'s", "’s")) for w in gap if w not in ACTOR_MODIFIERS):
            continue
        if not preps and c.category in THEME_OBJECTS:
            continue  # "dispatched 300 troops": what moves, not whom it targets
        if preps and preps[0] not in RECIPIENT_PREPS:
            continue
        if c.category == "CONSULT" and preps and preps[0] != "with":
            continue  # "talks on the Nile dam": the topic
        return [actor(e)]
    return []


def _given_to(gap: list[str]) -> bool:
    """Whether the words between an aid trigger and an entity end in "to" (determiners or numbers
    after it), with what is given before it and no clause break ("sent food aid to the refugees")."""
    if "to" not in gap:
        return False
    k = len(gap) - 1 - gap[::-1].index("to")
    return all(w.isalnum() for w in gap[:k]) and all(
        w in DETERMINERS or w in QUANTIFIERS or w.isdigit() for w in gap[k + 1:])


__all__ = ("SentenceNames", "actor", "actors", "entities", "register_people", "speaker")
