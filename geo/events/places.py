"""Event location: where the sentence's literal mentions stand (the preposition that governs
them, a list they belong to, a distance phrase), which trigger they attach to, and the
fallbacks when a clause names no place ("there", the same event told before, the
dateline, the document's focus), each with its reason and ACLED's geo-precision."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from geo.events.clauses import token_index
from geo.events.lexicon import FIRST_WORDS, LEXICON, REMOTE
from geo.events.state import Candidate, DocState, Tok
from geo.events.words import (
    DETERMINERS,
    DIRECTION_ADJ,
    EXISTENTIAL_AFTER,
    GROUP_NOUNS,
    LOCATIVE_ROLES,
    NEAR_WORDS,
    NOT_PLACE_GOVERNORS,
    PLACE_NOUNS,
    REGION_NOUNS,
)
from geo.model import PlaceLink, Toponym

#: "BAMAKO, Mali (AP) —": the one dateline parser (the reporter's location)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.'’ -]*?)?)\s*(?:\((?P<agency>[A-Za-z .]+)\)\s*)?[—–-]{1,2}\s")
#: fallback reasons that say nothing about the event itself (continuity does not pass them on)
VAGUE = ("document focus", "dateline")
#: how many sentences back a literal place still locates an event that names none
CONTINUITY_SENTENCES = 2
#: most precise kind first
PLACE_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}
#: categories a verb of which puts its direct object at the place ("shelled Kharkiv", "visited Bamako")
PLACE_OBJECT_CATEGORIES = ("ASSAULT", "CONSULT", "DISASTER", "ACCIDENT", "CRIME")


def precision(toponym: Toponym, near: bool) -> int:
    """ACLED geo-precision: 1 the town itself, 2 near a town or part of a region, 3 larger."""
    place = toponym.place
    if place is None or place.kind != "city":
        return 3
    return 2 if near else 1


def adjective(toks: list[Tok], k: int) -> bool:
    """A lowercase adjective between an article or preposition and a name ("the occupied")."""
    word = toks[k].lower
    return (toks[k].is_alnum and not toks[k].is_cap and k >= 1 and word not in LOCATIVE_ROLES
            and word.endswith(("ed", "ern", "al", "-held", "-torn", "-hit", "ing", "ous", "ful", "ive"))
            and (toks[k - 1].lower in DETERMINERS or toks[k - 1].lower in LOCATIVE_ROLES
                 or toks[k - 1].lower in DIRECTION_ADJ or adjective(toks, k - 1)))


def _governor(toks: list[Tok], ti: int, heads: dict[int, int]) -> tuple[str | None, bool, int, int]:
    """The word that governs a place name, whether it says "near", the list head's token index
    and the governing word's index.

    Walks back over a coordinated list ("into Ivory Coast, Ghana, ... and Niger"), articles,
    compass adjectives ("in central Mali") and distance phrases ("30 km north of Gao").
    """
    head = ti
    k = ti - 1
    while True:
        j = k - 1 if k >= 1 and toks[k].lower == "the" else k
        if j >= 1 and toks[j].lower in (",", "and", "or") and (j - 1) in heads:
            head = heads[j - 1]
            k = head - 1
        else:
            break
    skipped = 0
    while k >= 0 and (toks[k].lower in DIRECTION_ADJ or skipped < 2 and adjective(toks, k)):
        skipped += toks[k].lower not in DIRECTION_ADJ
        k -= 1
    if k >= 1 and toks[k].lower == "of" and toks[k - 1].lower in NEAR_WORDS:
        return "near", True, head, k  # "north of Gao", "the outskirts of Bamako"
    if k >= 2 and toks[k].text == "," and toks[k - 1].lower in PLACE_NOUNS:
        k -= 2  # "in the capital, Conakry": what governs "the capital" governs the name
        while k >= 0 and toks[k].lower in DIRECTION_ADJ:
            k -= 1
    if k < 0:
        return None, False, head, k
    word = toks[k].lower
    return word, word in NEAR_WORDS, head, k


@dataclass(slots=True)
class SentencePlaces:
    """Where the sentence's mentions stand.

    ``located``: (toponym index, token, list head token, role, near); ``weak``: places with
    no locative word; ``acting``: mentions that act as subjects; ``homes``: towns that
    qualify a group ("Bamako residents").
    """

    located: list[tuple[int, int, int, str, bool]] = field(default_factory=list)
    weak: list[int] = field(default_factory=list)
    acting: list[int] = field(default_factory=list)
    homes: list[int] = field(default_factory=list)
    heads: dict[int, int] = field(default_factory=dict)  # a toponym's last token -> its list head
    by_last: dict[int, tuple[int, str, bool, int]] = field(default_factory=dict)

    def locate(self, n: int, ti: int, last: int, head: int, role: str, near: bool) -> None:
        self.heads[last] = head
        self.located.append((n, ti, head, role, near))
        self.by_last[last] = (n, role, near, head)


def _object_of_trigger(k: int, triggers: dict[int, Candidate]) -> bool:
    c = triggers.get(k)
    return c is not None and c.category in PLACE_OBJECT_CATEGORIES and c.trigger.pos == "verb"


def _not_literal(toks: list[Tok], t: Toponym, n: int, ti: int, last: int, found: SentencePlaces,
                 triggers: dict[int, Candidate]) -> None:
    """A metonymic, modifier or embedded mention: located only as a trigger's object or a list member."""
    k = ti - 1
    k -= 1 if k >= 0 and toks[k].lower == "the" else 0
    if k >= 0 and _object_of_trigger(k, triggers) and not t.adjectival and t.type != "embedded":
        found.locate(n, ti, last, ti, "where", False)  # "shelled Kharkiv overnight"
        return
    if not t.adjectival and _after_located_possessor(toks, n, ti, last, found):
        return
    if (t.type == "modifier" and not t.adjectival and t.place.kind in ("city", "admin1")
            and last + 1 < len(toks) and toks[last + 1].lower in GROUP_NOUNS):
        found.homes.append(n)  # "Bamako residents marched": where they live, likely where they act
    if last + 1 < len(toks) and toks[last + 1].lower in ("'s", "’s") and not t.adjectival:
        word, near, head, _ = _governor(toks, ti, found.heads)
        if word in LOCATIVE_ROLES and word != "of":
            found.locate(n, ti, last, head, LOCATIVE_ROLES[word], near)  # "at Toronto's airport"
            return
    # "to Mali and the Sahel": a member of a list of located places is located too
    listed = k >= 1 and toks[k].lower in (",", "and", "or") and (k - 1) in found.by_last
    if not listed or t.type == "embedded" or t.adjectival:
        return
    _, role, near, head = found.by_last[k - 1]
    found.locate(n, ti, last, head, role, near)


def _after_located_possessor(toks: list[Tok], n: int, ti: int, last: int, found: SentencePlaces) -> bool:
    """"in Somalia's Beledweyne", "at Pakistan's Peshawar airport": the possessor was located by
    its preposition, and the place it holds is where the preposition means (located the same way)."""
    if ti < 2 or toks[ti - 1].lower not in ("'s", "’s") or (ti - 2) not in found.by_last:
        return False
    _, role, near, head = found.by_last[ti - 2]
    found.locate(n, ti, last, head, role, near)
    return True


def _literal(toks: list[Tok], n: int, ti: int, last: int, found: SentencePlaces,
             triggers: dict[int, Candidate], first_trigger: int, in_dateline: bool) -> None:
    if _after_located_possessor(toks, n, ti, last, found):
        return
    word, near, head, gov = _governor(toks, ti, found.heads)
    found.heads[last] = head
    if word in LOCATIVE_ROLES:
        if word == "of" and not near:
            # "the capital of Mali" places; "the government of Mali" does not; "a sweep
            # of the Hebron area" does, by the noun after the name
            before = toks[head - 2].lower if head >= 2 else ""
            after = toks[last + 1].lower if last + 1 < len(toks) else ""
            if before not in PLACE_NOUNS and after not in REGION_NOUNS:
                found.weak.append(n)
                return
        found.locate(n, ti, last, head, LOCATIVE_ROLES[word], near)
    elif word is not None and _object_of_trigger(gov, triggers):
        found.locate(n, ti, last, head, "where", near)  # "visited Bamako", "invaded Ukraine"
    elif word == "with" and gov >= 1 and toks[gov - 1].lower in ("border", "borders", "frontier"):
        found.locate(n, ti, last, head, "area", True)  # "on the border with Belarus"
    elif word is None or word in NOT_PLACE_GOVERNORS or head < first_trigger or gov in triggers:
        if not in_dateline:
            found.acting.append(n)  # "Niger and Burkina Faso signed": who acts, not where
    else:
        found.weak.append(n)


def place_links(doc, toks: list[Tok], indices: list[int], cands: list[Candidate],
                dateline_end: int, tail: int) -> SentencePlaces:
    """Where the sentence's mentions (``indices`` into ``doc.toponyms``) stand."""
    text = doc.text
    starts = [t.start for t in toks]
    found = SentencePlaces()
    previous: Toponym | None = None
    triggers = {c.last: c for c in cands}
    first_trigger = min((c.first for c in cands), default=len(toks))
    for n in indices:
        t = doc.toponyms[n]
        ti = token_index(starts, t.start)
        last = token_index(starts, t.end - 1)
        found.heads[last] = ti
        if ti >= tail:
            continue  # "..., his office said in Paris": where the source speaks
        before, previous = previous, t
        if t.place is None:
            continue
        if t.type != "literal" and not _reads_as_place(toks, ti, last, t):
            _not_literal(toks, t, n, ti, last, found, triggers)
        elif before is not None and before.place is not None and text[before.end:t.start].strip() == "," \
                and t.place.kind in ("country", "admin1") and t.place.country_code == before.place.country_code \
                and before.type == "literal":
            continue  # "Gao, Mali": the country only qualifies the town
        else:
            _literal(toks, n, ti, last, found, triggers, first_trigger, bool(dateline_end and t.end <= dateline_end))
    return found


def _reads_as_place(toks: list[Tok], ti: int, last: int, t: Toponym) -> bool:
    """A mention typed otherwise that still says where: "the Tigray region", "Police in Dakar"."""
    after = [tok.lower for tok in toks[last + 1:last + 3]]
    if t.type == "modifier" and not t.adjectival and any(w in REGION_NOUNS for w in after):
        return True
    # a name inside an organisation's name follows capitalised words ("Mission in Mali"); after a
    # common noun ("families in Mopti") or a lone group word ("Police in Dakar") it is a place
    return (t.type == "embedded" and ti >= 2 and toks[ti - 1].lower in ("in", "at", "near")
            and (not toks[ti - 2].is_cap and toks[ti - 2].is_alnum
                 or toks[ti - 2].lower in GROUP_NOUNS and (ti < 3 or not toks[ti - 3].is_cap)))


def link(doc, n: int, role: str, near: bool, reason: str) -> PlaceLink:
    t = doc.toponyms[n]
    assert t.place is not None
    return PlaceLink(t.place.geonameid, t.place.name, role, precision(t, near), reason, n)


def find_dateline(doc, by_sentence: dict[int, list[int]], state: DocState) -> None:
    """The toponym of a dateline ("BAMAKO, Mali (AP) —"), the reporter's location."""
    for index, sentence in enumerate(doc.sentences[:8]):
        m = DATELINE.match(sentence.text)
        if not m:
            continue
        end = sentence.start + m.end("place")
        inside = [n for n in by_sentence.get(index, []) if doc.toponyms[n].end <= end
                  and doc.toponyms[n].place is not None]
        if inside:
            state.dateline_sentence = index
            state.dateline_end = end
            # the most precise one: "BAMAKO, Mali" locates in Bamako
            state.dateline = min(inside, key=lambda n: (doc.toponyms[n].place.kind != "city", n))
            return


def role_for(c: Candidate, role: str) -> str:
    """The public role of a place for this event: "sanctions on Guinea" concern Guinea (area),
    "an attack on Kidal" happens in Kidal (where)."""
    if role == "target":
        return "area" if c.category in REMOTE else "where"
    if role == "destination" and c.category in REMOTE:
        return "area"
    if role == "origin" and c.category in ("SANCTION", "REJECT"):
        return "area"  # "recalled its ambassador from Somalia": Somalia is concerned
    return role


def dedupe(links: list[PlaceLink], doc) -> list[PlaceLink]:
    """Each place once; a country goes when a place inside it says where more exactly."""
    seen: set[int] = set()
    out = []
    for p in links:
        if p.geonameid not in seen:
            seen.add(p.geonameid)
            out.append(p)
    places = {id(p): doc.toponyms[p.toponym].place for p in out if p.toponym is not None}
    inner = {(p.country_code, p.admin1 if p.kind == "city" else "") for p in places.values()
             if p.kind in ("city", "admin1")}

    def contains_another(p: PlaceLink) -> bool:
        place = places.get(id(p))
        if place is None or p.role != "where":
            return False
        if place.kind == "country":
            return any(cc == place.country_code for cc, _ in inner)
        # "in Maiduguri, the capital of Borno state": the state only qualifies the town
        return place.kind == "admin1" and (place.country_code, place.admin1 or place.name) in inner

    return [p for p in out if not contains_another(p)] or out


def remember_place(doc, indices: list[int], state: DocState) -> None:
    """The sentence's most precise literal place ("near Balasore in Odisha": Balasore)."""
    literal = [n for n in indices if doc.toponyms[n].type == "literal" and doc.toponyms[n].place is not None
               and not (state.dateline_end and doc.toponyms[n].end <= state.dateline_end)]  # the reporter's
    if literal:
        n = min(literal, key=lambda n: (PLACE_RANK.get(doc.toponyms[n].place.kind, 0), n))
        state.last_place = (n, doc.toponyms[n])


def _refers_back(toks: list[Tok], c: Candidate) -> bool:
    """Whether the sentence names an event of this kind as known: "the raid", "this attack"."""
    for k in range(1, len(toks)):
        if toks[k - 1].lower in ("the", "this", "that") and toks[k].lower in FIRST_WORDS:
            if any(r.pos == "noun" and r.category == c.category for r in LEXICON.get((toks[k].lower,), ())):
                return True
    return False


def fallback_places(doc, toks: list[Tok], c: Candidate, free: list[tuple[int, str, bool]],
                    found: SentencePlaces, state: DocState, index: int, told_here=()) -> list[PlaceLink]:
    """Where an event with no place in its own clause happened, and why we think so.

    ``told_here``: the sentence's events so far; the most precise evidence goes first.
    """
    if free:
        reason = "only place in the sentence" if len(free) == 1 else "place named in the sentence"
        return [link(doc, n, role_for(c, role), near, reason) for n, role, near in free]
    if len(found.homes) == 1 and c.category not in REMOTE:
        return [link(doc, found.homes[0], "where", False, "town of the actors")]
    for k, tok in enumerate(toks):
        if tok.lower == "there" and state.last_place is not None and not (
                k + 1 < len(toks) and toks[k + 1].lower in EXISTENTIAL_AFTER):
            return [link(doc, state.last_place[0], "where", False, "'there' refers to the place named before")]
    earlier = state.placed.get(c.category)
    if earlier and _refers_back(toks, c):
        # "Several others were wounded in the raid": the raid reported, with its place, before
        return [PlaceLink(p.geonameid, p.name, p.role, p.geo_precision, "same event as reported before", p.toponym)
                for p in earlier]
    if len(found.weak) == 1:
        return [link(doc, found.weak[0], "area", False, "only place in the sentence")]
    told = [p for e in told_here for p in e.places if p.reason == "place named in the same clause"]
    if told:
        # "opened fire in Allen, ..., before an officer shot him": one sentence, one scene
        return [replace(p, reason="place of the sentence's other event") for p in told[:1]]
    if state.last_event_places is not None and index - state.last_event_places[0] <= CONTINUITY_SENTENCES:
        # a report goes on where it was: "Police fired tear gas" after "marched in Paris"
        return [replace(p, reason="place of the event before") for p in state.last_event_places[1]]
    if state.last_place is not None and index - state.last_place[1].sentence <= CONTINUITY_SENTENCES:
        return [link(doc, state.last_place[0], "where", False, "place of the sentences before")]
    if state.dateline is not None:
        return [link(doc, state.dateline, "where", False, "dateline")]
    country = doc.focus.country
    if country is not None:
        return [PlaceLink(country.geonameid, country.name, "area", 3, "document focus", None)]
    return []
