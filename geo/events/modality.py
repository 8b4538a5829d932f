"""Modality, tense and date: negated triggers, what is past, ongoing, future or hypothetical,
and the date expression of the trigger's clause resolved in that tense; PLOVER contexts."""

from __future__ import annotations

import datetime as dt

from geo.events.clauses import token_index
from geo.events.dates import DateExpression, resolve
from geo.events.lexicon import CONTEXT_CUES
from geo.events.state import Candidate, Tok
from geo.events.words import (
    DETERMINERS,
    FUTURE,
    FUTURE_TO,
    HYPOTHETICAL,
    NEGATORS,
    ONGOING,
    PAST_AUX,
    PLANNED,
    PRESENT,
    PROGRESSIVE_AUX,
    REPORTING,
)

#: how far back from a trigger its clause is read for modal cues, and how near a negator must be
CLAUSE_WINDOW = 20
NEGATION_WINDOW = 6


def _clause_before(toks: list[Tok], first: int) -> tuple[list[str], int]:
    """The clause's words before the trigger, nearest first, and where the clause starts."""
    seg = toks[first].segment
    k = first - 1
    words: list[str] = []
    while k >= 0 and toks[k].segment == seg and first - k <= CLAUSE_WINDOW:
        # "Theresa May", "Will Smith": capitalised words mid-clause are names, not modals
        if not toks[k].is_cap or toks[k].first:
            words.append(toks[k].lower)
        k -= 1
    return words, k


def _lead(toks: list[Tok], k: int, seg: int) -> list[str]:
    """The clause that introduces this one ("aim to prevent ...", "announced that")."""
    lead: list[str] = []
    if k >= 0 and toks[k].segment == seg - 1 and toks[k + 1].lower in ("that", "to"):
        j = k
        while j >= 0 and toks[j].segment == seg - 1 and len(lead) < 8:
            lead.append(toks[j].lower)
            j -= 1
    return lead


def modality(toks: list[Tok], cand: Candidate, reported: bool) -> str | None:
    """past, ongoing, future, hypothetical; None when the trigger is negated."""
    seg = toks[cand.first].segment
    words, k = _clause_before(toks, cand.first)
    lead = _lead(toks, k, seg)
    near = words[:NEGATION_WINDOW]
    # a token never holds a space: a word ends in "n't" where "n't " is in the words joined by spaces
    tail = " ".join(near) + " "
    if not NEGATORS.isdisjoint(near) or "n't " in tail or "n’t " in tail:
        return None
    trigger_word = toks[cand.first].lower
    if trigger_word == "would-be":
        return "hypothetical"
    if not ONGOING.isdisjoint(words):
        return "ongoing"
    if not HYPOTHETICAL.isdisjoint(words) or "if" in lead or "unless" in lead:
        return "hypothetical"
    if "would" in words[:5]:
        return "future" if reported or not REPORTING.isdisjoint(lead) else "hypothetical"
    # ``words`` runs backwards from the trigger, so "set to" reads ("to", "set")
    if not FUTURE.isdisjoint(words) or not FUTURE_TO.isdisjoint(words[1:]) and any(
            w in FUTURE_TO and n and words[n - 1] == "to" for n, w in enumerate(words)):
        return "future"
    if cand.trigger.pos == "verb" and trigger_word.endswith("ing") and words[:2] and (
            words[0] in PROGRESSIVE_AUX or (len(words) > 1 and words[0] in ("now", "still")
                                            and words[1] in PROGRESSIVE_AUX)):
        return "ongoing"
    if words and words[0] in ("planning", "plotting") or len(words) > 1 and words[0] in DETERMINERS \
            and words[1] in PLANNED:
        return "hypothetical"  # "planning an attack", "plotted a coup", "plotting attacks": not (yet) an
        # event (but "carried out a planned attack" was one)
    if cand.trigger.pos == "noun":
        return _noun_tense(toks, cand, words)
    return "past"


def _noun_tense(toks: list[Tok], cand: Candidate, words: list[str]) -> str:
    """"protests continued", "fighting still raged": a noun's tense from the verbs around it."""
    seg = toks[cand.first].segment
    after = [t.lower for t in toks[cand.last + 1:cand.last + 8] if t.segment == seg]
    if not ONGOING.isdisjoint(after[:2]):
        return "ongoing"
    if (any(w in PRESENT for w in words[:6] + after) and not any(w in PAST_AUX for w in words + after)
            and not any(w.endswith("ed") for w in after[:3])):
        return "ongoing"
    return "past"


def date_for(toks: list[Tok], c: Candidate, others: list[Candidate], dates: list[DateExpression],
             published: dt.date | None, tense: str):
    """The event's date (the nearest expression of its clause, else of a clause with no other
    event) and its tense, corrected where the date lies after publication."""
    if not dates:
        return None, tense
    anchor = toks[c.first].start
    seg = toks[c.first].segment
    starts = [t.start for t in toks]
    segment_of = {id(d): toks[token_index(starts, d.start)].segment for d in dates}
    same = [d for d in dates if segment_of[id(d)] == seg]
    busy = {toks[o.first].segment for o in others if o is not c}
    pool = same or [d for d in dates if segment_of[id(d)] not in busy]
    if not pool:
        return None, tense
    expr = min(pool, key=lambda d: abs(d.start - anchor))
    date = resolve(expr, published, tense=tense)
    if published is not None and date.start is not None and tense == "past":
        if date.start > published.isoformat():
            tense = "future"
        elif date.precision == "range" and date.end and date.end >= published.isoformat() and \
                expr.kind == "window_next":
            tense = "future"
    return date, tense


def sentence_contexts(toks: list[Tok], words: set[str]) -> list[str]:
    """PLOVER contexts the sentence's words suggest, in order of first cue."""
    found: list[str] = []
    if CONTEXT_CUES.keys().isdisjoint(words):
        return found
    for t in toks:
        ctx = CONTEXT_CUES.get(t.lower)
        if ctx and ctx not in found:
            found.append(ctx)
    if "human_rights" in found and "human" not in words:
        found.remove("human_rights")  # "rights" alone is not "human rights"
    return found


def contexts(c: Candidate, found_in_sentence: list[str]) -> tuple[str, ...]:
    found = list(c.trigger.contexts)
    found.extend(ctx for ctx in found_in_sentence if ctx not in found)
    return tuple(found)
