"""What a span must be for a recognition rule to have an opinion on it, told without running the rule.

Most rules open with a test of the span's shape or of a neighbouring word ("the state
of X" needs "of" before the span, "X Township" needs "township" after it) and say
nothing (``None``) where it fails. :data:`RULE_NEEDS` writes those tests down for each
rule, so the recogniser asks of each span a few cheap facts (its :class:`Shape`) once and
runs only the rules its shape allows, in the order of :data:`~geo.recognize.rules.RULES`.
A span averaged 35 rule calls; most of them were such a test failing.

Each entry is a necessary condition read off its rule's code: a rule whose needs a span
does not meet returns ``None`` for it. A rule without an entry runs on every span. Adding a
test to a rule never makes its entry wrong; removing one can: ``tests/test_recognize_needs.py``
checks every entry on every candidate span of its texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from geo.lexicon import stop_words
from geo.recognize.context import Context
from geo.recognize.kind_rules import TOWN_BODY_NOUNS
from geo.recognize.lexicon import (
    CALENDAR,
    CAPITAL_STATE_CODES,
    COMPANY_SUFFIXES,
    CURRENCY_SIGNS,
    FEATURE_HEADS,
    LOWER_ORG_HEADS,
    NAME_PARTICLES,
    NAMESAKE_HEADS,
    PERSON_NOUNS,
    PERSON_VERBS,
    PLURAL_TITLES,
    STREET_HEADS,
    TITLES,
)
from geo.recognize.name_rules import RESIDENT_NOUNS


class Shape(NamedTuple):
    """The cheap facts of a span that rules' needs are about."""

    single: bool
    adjectival: bool
    #: the lower case of the token before the span and after it, where some rule needs that
    #: word (``None`` for other words and where there is no token)
    before: str | None
    after: str | None
    #: a capitalised word right before the span, right after it (not necessarily adjacent)
    cap_before: bool
    cap_after: bool
    #: the span's name key, where some rule needs it (``None`` for other keys)
    key: str | None
    #: the span's first word is one the article's evidence names (a surname, a speaker, ...)
    known: bool


@dataclass(frozen=True, slots=True)
class Needs:
    """A rule's necessary conditions on a span; ``None`` or ``False`` needs nothing."""

    single: bool | None = None
    adjectival: bool | None = None
    #: the lower case of the token before the span (after it) is one of these
    before: frozenset[str] | None = None
    after: frozenset[str] | None = None
    cap_before: bool = False
    cap_after: bool = False
    #: the span's key is one of these (or of what this function returns: a word list read on first use)
    keys: frozenset[str] | Callable[[], frozenset[str]] | None = None
    #: the first word is in the article's evidence (:class:`~geo.recognize.evidence.Evidence`)
    known: bool = False

    def key_set(self) -> frozenset[str] | None:
        return self.keys() if callable(self.keys) else self.keys

    def met(self, shape: Shape) -> bool:
        keys = self.key_set()
        return ((self.single is None or self.single == shape.single)
                and (self.adjectival is None or self.adjectival == shape.adjectival)
                and (self.before is None or shape.before in self.before)
                and (self.after is None or shape.after in self.after)
                and (shape.cap_before or not self.cap_before) and (shape.cap_after or not self.cap_after)
                and (keys is None or shape.key in keys) and (shape.known or not self.known))


def _words(*words: str) -> frozenset[str]:
    return frozenset(words)


#: the needs of each rule of :data:`~geo.recognize.rules.RULES` that has any, by rule name
RULE_NEEDS: dict[str, Needs] = {
    "state_after_town": Needs(single=True, before=_words(","), after=_words(".")),
    "resident_noun_after": Needs(adjectival=False, before=_words("a", "an", "old"), after=RESIDENT_NOUNS),
    "demonym_town": Needs(adjectival=True, after=_words(",")),
    "division_noun_before": Needs(adjectival=False, before=_words("of")),
    "town_comma_division": Needs(adjectival=False, after=_words(",")),
    "state_code_after_town": Needs(single=True, keys=CAPITAL_STATE_CODES),
    "township_name": Needs(adjectival=False, after=_words("township", "twp")),
    "calendar_word": Needs(keys=CALENDAR),
    "company_suffix": Needs(keys=COMPANY_SUFFIXES),
    "stop_word": Needs(single=True, keys=stop_words),
    "too_short": Needs(single=True, adjectival=False),
    "inner_capital": Needs(single=True, adjectival=False),
    "party_state_label": Needs(before=_words("-")),
    "credit_line": Needs(before=_words("("), after=_words(")")),
    "model_year": Needs(cap_after=True),
    "code_only": Needs(single=True, adjectival=False),
    "acronym_alternate": Needs(single=True, adjectival=False),
    "full_name_elsewhere": Needs(single=True, adjectival=False, known=True),
    "known_surname": Needs(single=True, known=True),
    "title_before": Needs(adjectival=False, before=TITLES | {"."}),
    "given_name_before": Needs(adjectival=False, cap_before=True),
    "person_noun_before": Needs(adjectival=False, before=PERSON_NOUNS | {","}),
    "initial_before": Needs(before=_words(".")),
    "name_particle_before": Needs(before=NAME_PARTICLES | {"'", "’", "-"}),
    "known_speaker": Needs(single=True, known=True),
    "person_act_after": Needs(single=True, adjectival=False, after=PERSON_VERBS),
    "listed_with_people": Needs(single=True, adjectival=False),
    "known_organisation": Needs(single=True, known=True),
    "currency": Needs(after=CURRENCY_SIGNS),
    "currency_sign_before": Needs(single=True, before=CURRENCY_SIGNS),
    "road_number": Needs(single=True, keys=_words("us")),
    "strain_name": Needs(before=_words("/"), after=_words("/")),
    "hyphen_name": Needs(adjectival=False, after=_words("-")),
    "inside_longer_place_name": Needs(adjectival=False, cap_before=True),
    "inside_capitalised_name": Needs(adjectival=False, cap_before=True),
    "given_name_particle": Needs(single=True, after=NAME_PARTICLES | {"el", "al"}),
    "title_word": Needs(keys=TITLES | PLURAL_TITLES),
    "possessive_name_start": Needs(after=_words("'", "’")),
    "locating_verb_after": Needs(adjectival=False, after=_words("lies", "straddles", "is", "was")),
    "defining_sentence": Needs(adjectival=False, after=_words("is", "was", "(", ",")),  # past the aside
    "town_body_after": Needs(adjectival=False, after=TOWN_BODY_NOUNS),
    "sentence_start_word": Needs(single=True, adjectival=False),
    "given_name_then_capital": Needs(single=True, adjectival=False, cap_after=True),
    "state_university": Needs(single=False),
    "the_building": Needs(single=False, before=_words("the")),
    "article_before_town": Needs(single=True, adjectival=False, before=_words("the")),
    "river_word_after": Needs(adjectival=False, after=_words("river", "rivers")),
    "building_modifier": Needs(single=False),
    "feature_of_name": Needs(adjectival=False),
    "saint_possessive_building": Needs(adjectival=False, after=_words("'", "’")),
    "street_name": Needs(adjectival=False, after=STREET_HEADS),
    "feature_name": Needs(adjectival=False, after=FEATURE_HEADS, cap_after=True),
    "city_name": Needs(adjectival=False, after=_words("city")),
    "facility_name": Needs(adjectival=False, cap_after=True),
    "unknown_longer_name": Needs(adjectival=False, cap_after=True),
    "building_in_town": Needs(before=_words("in", "at")),
    "org_noun_before": Needs(before=LOWER_ORG_HEADS),
    "namesake": Needs(after=NAMESAKE_HEADS),
    "adjectival_form": Needs(adjectival=True),
    "wordlike_alternate": Needs(single=True, adjectival=False),
    "dictionary_word": Needs(single=True),  # Context.dictionary is of single words
    "given_name_alone": Needs(single=True),
    "given_name_opens_match": Needs(single=False),
    "common_word_small_place": Needs(single=True),  # Context.zipf is 0 for longer names: no need
    "common_word_after_cue": Needs(single=True),
}

#: a rule with no entry in :data:`RULE_NEEDS`
ANY = Needs()


class Selector:
    """The rules (name, judge) each shape of span needs run, in their order; one tuple per shape,
    made on first use (shapes are few: the words tested are those of the needs).

    A new shape is answered from bit masks, not by testing each rule's needs: for each fact of a
    shape and each value it takes, the rules whose needs that value meets, as the bits of an int
    (one AND per fact). The first pass over new text meets most of its shapes; testing ~55 needs
    for each was a quarter of what that pass did beyond a warm one.
    """

    #: at most this many shapes are kept (an article of odd words cannot grow it without end)
    MAX_SHAPES = 4096

    def __init__(self, rules: tuple, needs: dict[str, Needs] = RULE_NEEDS) -> None:
        self.rules = tuple((r, needs.get(r.name, ANY)) for r in rules)
        wanted = [n for _, n in self.rules]
        self.before = frozenset().union(*(n.before for n in wanted if n.before is not None))
        self.after = frozenset().union(*(n.after for n in wanted if n.after is not None))
        self.keys = frozenset().union(*(n.key_set() for n in wanted if n.keys is not None))
        self._judges = tuple((r.name, r.judge) for r, _ in self.rules)
        self._masks = self._fact_masks(wanted)
        self._by_shape: dict[tuple, tuple[tuple[str, Callable[[Context], object]], ...]] = {}

    def _fact_masks(self, wanted: list[Needs]) -> tuple[dict, ...]:
        """For each field of :class:`Shape`, {value: mask of the rules that value lets run}; a value
        missing from a dict (a word no rule tests) is ``None``'s."""
        def mask(test: Callable[[Needs], bool]) -> int:
            return sum(1 << i for i, n in enumerate(wanted) if test(n))

        def flag(field: str) -> dict:
            return {v: mask(lambda n, v=v: getattr(n, field) is None or getattr(n, field) == v) for v in (True, False)}

        def words(field: str, vocabulary: frozenset[str]) -> dict:
            out = {w: mask(lambda n, w=w: getattr(n, field) is None or w in getattr(n, field)) for w in vocabulary}
            out[None] = mask(lambda n: getattr(n, field) is None)
            return out

        keyed = {w: mask(lambda n, w=w: n.keys is None or w in n.key_set()) for w in self.keys}
        keyed[None] = mask(lambda n: n.keys is None)
        return (flag("single"), flag("adjectival"), words("before", self.before), words("after", self.after),
                {True: mask(lambda n: True), False: mask(lambda n: not n.cap_before)},
                {True: mask(lambda n: True), False: mask(lambda n: not n.cap_after)},
                keyed, {True: mask(lambda n: True), False: mask(lambda n: not n.known)})

    def shape(self, ctx: Context, known: frozenset[str]) -> Shape:
        return Shape(*self._shape(ctx, known))

    def _shape(self, ctx: Context, known: frozenset[str]) -> tuple:
        """The fields of :meth:`shape` as a plain tuple (the cache's key: a named tuple is made by
        a Python-level ``__new__``, a fifth of the cost of choosing the rules)."""
        prev, nxt = ctx.prev, ctx.nxt
        before = prev.lower if prev is not None and prev.lower in self.before else None
        after = nxt.lower if nxt is not None and nxt.lower in self.after else None
        return (ctx.single, ctx.adjectival, before, after,
                prev is not None and prev.is_cap and prev.is_word, nxt is not None and nxt.is_cap and nxt.is_word,
                ctx.key if ctx.key in self.keys else None, ctx.first.text in known)

    def select(self, shape: tuple) -> tuple[tuple[str, Callable[[Context], object]], ...]:
        """(name, judge) of the rules whose needs ``shape`` (a :class:`Shape`'s fields) meets."""
        allowed = -1
        for masks, value in zip(self._masks, shape, strict=True):
            allowed &= masks[value]
        return tuple(judge for i, judge in enumerate(self._judges) if allowed >> i & 1)

    def judges(self, ctx: Context, known: frozenset[str]) -> tuple[tuple[str, Callable[[Context], object]], ...]:
        """(name, judge) of the rules that may have an opinion on the span of ``ctx``.

        ``known``: the words of the article's evidence (all its sets in one).
        """
        shape = self._shape(ctx, known)
        judges = self._by_shape.get(shape)
        if judges is None:
            judges = self.select(shape)
            if len(self._by_shape) < self.MAX_SHAPES:
                self._by_shape[shape] = judges
        return judges
