"""Triggers: the words of a sentence that report an event, and which of them make their own.

A trigger is a verb or noun of the PLOVER lexicon (:mod:`geo.events.lexicon`), matched
longest first. A trigger that is the complement of a governing one ("accused Mali of
*working* with"), a participle clause (", *killing* four") or a nearby repeat of the same
category joins the first event instead of making its own.
"""

from __future__ import annotations

from operator import attrgetter

from geo.events.lexicon import BASE_FORMS, FIRST_WORDS, LEXICON, OBJECT_OVERRIDES, Trigger
from geo.events.state import Candidate, Tok
from geo.events.words import (
    ADVERBS,
    DETERMINERS,
    FINITE_BEFORE,
    NOT_EVENT_BEFORE,
    OPENERS,
    PASSIVE_AUX,
    REPORTING,
    VERBS_AFTER_NOUN,
)

#: words before a verb form that make it a noun or an adjective ("a call for", "the accused")
NOMINAL_BEFORE = {"a", "an", "the", "this", "that", "its", "their", "his", "her", "all", "some", "many",
                  "several", "newly"}
#: auxiliaries after which a base-form word is a participle ("was hit", "had put")
AUXILIARIES = PASSIVE_AUX | {"has", "have", "had"}
#: how many words may stand between a trigger and one it absorbs
NEAR_TOKENS = 8
_LOWER = attrgetter("lower")


def find_triggers(toks: list[Tok], context: list[set[str]] | None = None) -> list[Candidate]:
    """Trigger words of a sentence; ``context``: words of the sentences just before it."""
    found: list[Candidate] = []
    vocabulary: set[str] = set()

    def words() -> set[str]:
        # the domain of an ambiguous trigger may be set by the sentence or the two before it
        if not vocabulary:
            vocabulary.update(t.lower for t in toks)
            for words_before in context or ():
                vocabulary.update(words_before)
        return vocabulary

    i = 0  # the next token a trigger may start at (a matched trigger's words start none)
    # only tokens that open some trigger can start one: one pass finds them
    for k in [k for k, tok in enumerate(toks) if tok.lower in FIRST_WORDS]:
        tok = toks[k]
        if k < i or not tok.is_alnum or (
                tok.is_cap and k > 0 and toks[k - 1].text not in OPENERS and not tok.first):
            continue  # capitalised mid-sentence: a name ("Accra Initiative", "Strike Force"), not a trigger
        match = _reading(toks, k, words)
        if match is None:
            continue
        size, trig = match
        if _is_event(toks, k, size, trig):
            found.append(Candidate(k, k + size - 1, trig, trig.category, trig.label))
        i = k + size
    absorb(toks, found)
    return [c for c in found if not c.absorbed]


def _reading(toks: list[Tok], i: int, words) -> tuple[int, Trigger] | None:
    """The longest trigger starting at ``i`` and its first reading that fits the context."""
    n = len(toks)
    for size in FIRST_WORDS.get(toks[i].lower, ()):
        if i + size > n:
            continue
        key = tuple(map(_LOWER, toks[i:i + size]))
        if key not in LEXICON:
            continue  # most longer keys that open with a trigger's first word are no trigger
        following = {t.lower for t in toks[i + size:i + size + 4]}
        before = toks[i - 1].lower if i else ""
        after = toks[i + size].lower if i + size < n else ""
        readings = LEXICON.get(key, ())
        if key in BASE_FORMS and not _finite_context(toks, i) and not (size > 1 and key[0] in PAST_AS_BASE):
            readings = tuple(r for r in readings if r.pos == "noun")
        elif key[-1].endswith("s") and (after.endswith("ed") or after in VERBS_AFTER_NOUN):
            # "protests continued", "talks were held": a plural noun before its verb
            readings = tuple(r for r in readings if r.pos == "noun") or readings
        trig = next((r for r in readings if (not r.requires or r.requires & following)
                     and before not in r.not_before and after not in r.not_after
                     and (not r.domain or not r.domain.isdisjoint(words()))), None)
        if trig is not None:
            return size, trig
    return None


def _is_event(toks: list[Tok], i: int, size: int, trig: Trigger) -> bool:
    """Whether a matched word reports an event where it stands."""
    before = toks[i - 1].lower if i > 0 else ""
    if trig.pos == "verb" and (before in NOMINAL_BEFORE or before.isdigit()) and not toks[i].lower.endswith("ing"):
        return False  # "a call for", "the accused", "731 approved applicants"
    if trig.pos == "noun" and before in NOT_EVENT_BEFORE:
        return False  # "press conference", "life support"
    if trig.category == "CONSULT" and trig.pos == "verb" and before in PASSIVE_AUX:
        return False  # "the calls have been met with anger": no meeting
    # "in support of", "in protest of": a modifier, not an event
    return not (before == "in" and i + size < len(toks) and toks[i + size].lower in ("of", "for"))


#: verbs whose past is their base form: a phrase that opens with one ("set fire", "cut ties") is
#: no noun, and after its subject it is the past ("Attackers set fire to a church")
PAST_AS_BASE = frozenset({"set", "cut", "hit", "shut", "put", "beat", "quit", "burst", "spread"})


def _finite_context(toks: list[Tok], i: int) -> bool:
    """Whether a verb's base form at ``i`` reads as a verb: after "will", "to", "they", ..."""
    k = i - 1
    while k >= 0 and (toks[k].lower in ADVERBS or toks[k].lower.endswith("ly") and len(toks[k].lower) > 4):
        k -= 1
    if k >= 0 and toks[k].lower in AUXILIARIES:
        return True  # "was hit", "has cut": a verb whose participle is its base form
    return k < 0 or toks[k].lower in FINITE_BEFORE or toks[k + 1].first


def _joins(toks: list[Tok], a: Candidate, b: Candidate) -> bool:
    """Whether ``b`` is part of ``a``'s event (else ``b`` starts the next chain)."""
    between = toks[a.last + 1:b.first]
    next_segment = toks[b.first].segment == toks[a.last].segment + 1
    # a reporting verb between ends the event ("..., officials said, ..."); not "state" after a name,
    # which is the division ("in Katsina state")
    verbs_between = any(t.lower in REPORTING and not t.is_cap
                        and not (t.lower in ("state", "states") and k and between[k - 1].is_cap)
                        for k, t in enumerate(between))
    # ", killing four soldiers", ", pledging to ...": a participle clause that goes on with the event
    if next_segment and toks[b.first - 1].text == "," and toks[b.first].lower.endswith("ing") \
            and a.category == b.category and not verbs_between:
        return True
    # "... were killed when their vehicle struck an explosive device": one incident
    if a.category == b.category and next_segment and len(between) <= 12 \
            and any(t.lower in ("when", "as") for t in between):
        return True
    if toks[a.last].segment != toks[b.first].segment or verbs_between:
        return False
    near = len(between) <= NEAR_TOKENS
    if b.trigger.pos == "verb" and any(t.lower in ("and", "or", "but") for t in between[-2:]):
        # "were killed and four wounded", "looted shops and burned houses"
        return a.category == b.category and near
    if a.category == "CONSULT" and near and any(t.lower in ("on", "about", "over") for t in between):
        return True  # "talks ... on military cooperation": what the talks are about
    governed = a.trigger.governs and near and not any(t.text == "," for t in between)
    # "withdraw its troop deployment", "suspend the partnership": ending what the noun names
    ended = (a.trigger.pos == "verb" and b.trigger.pos == "noun" and b.category in ("MOBILIZE", "COOPERATE")
             and a.category in ("RETREAT", "SANCTION"))
    return governed or near and (a.trigger.requires and b.trigger.pos == "noun" or a.category == b.category or ended)


def absorb(toks: list[Tok], found: list[Candidate]) -> None:
    """Complements of governing triggers and same-category repeats join the first event."""
    a: Candidate | None = None
    for b in found:
        if a is None:
            a = b
            continue
        joined = _joins(toks, a, b)
        if not joined:
            a = b
            continue
        b.absorbed = True
        override = OBJECT_OVERRIDES.get((a.category, toks[b.first].lower))
        if override:
            a.category, a.label = override
    for c in found:
        if c.absorbed:
            continue
        obj = next((t.lower for t in toks[c.last + 1:c.last + 4] if t.lower not in DETERMINERS), None)
        override = OBJECT_OVERRIDES.get((c.category, obj or ""))
        if override:
            c.category, c.label = override
