"""Rules on given names: a place name that is also a given name ("Jordan", "Austin", "Florence")
opens a person's full name, or is the person alone, unless the words around it say it is a place."""

from __future__ import annotations

from geo.recognize.context import Context
from geo.recognize.evidence import is_airport_word
from geo.recognize.lexicon import (
    LOCATIVE,
    LOCATIVE_TOWN_POPULATION,
    NAME_PARTICLES,
    SAINT_WORDS,
    SMALL_PLACE_POPULATION,
    TOWN_GENERICS,
)
from geo.recognize.name_rules import named_population
from geo.recognize.verdicts import PERSON, Verdict


def given_name_particle(c: Context) -> Verdict:
    """"Dennis van Engelsdorp", "Hassan el Bushra": a given name, a surname particle, a capital."""
    nxt, nxt2 = c.nxt, c.nxt2
    if c.single and not c.big_area and nxt is not None and nxt2 is not None \
            and nxt.lower in NAME_PARTICLES | {"el", "al"} and not nxt.is_cap and nxt2.is_cap and nxt2.is_word \
            and c.is_given_name(c.first):
        return PERSON
    return None


def given_name_then_capital(c: Context) -> Verdict:
    """"Paul Ryan", "Jordan Peterson": a given name opening a two-word name; not a city before the
    name of an airport ("London Heathrow", "Paris Orly": a person is never named so)."""
    if c.follows_cap and not (c.org_follows or c.adjectival or c.next_is_title) and c.single \
            and c.is_given_name(c.first) and not (c.nxt is not None and is_airport_word(c.gazetteer, c.nxt)):
        return PERSON
    return None


def given_name_alone(c: Context) -> Verdict:
    """"Levi", "Julia": a person, more likely than a village, without a locative cue. The village's
    size is that of the places the name is the own name of, where there are any (a bigger town
    that only lists the name among its alternates does not make it a place)."""
    if c.single and not c.big_area and not c.locative and named_population(c) < SMALL_PLACE_POPULATION \
            and c.is_given_name(c.first):
        return PERSON
    return None


def given_name_opens_match(c: Context) -> Verdict:
    """"Pedro Sanchez" the prime minister, not the village; but "Silver Spring" (a generic term of
    toponymy) and "Santa Monica" (a saint's name, a town of 20,000 or more) are the towns'."""
    prev = c.prev
    if not c.single and not c.big_area and c.population < SMALL_PLACE_POPULATION \
            and c.is_given_name(c.first) and not (prev is not None and prev.lower in LOCATIVE) \
            and c.last.lower not in TOWN_GENERICS \
            and not (c.first.lower in SAINT_WORDS and c.population >= LOCATIVE_TOWN_POPULATION):
        return PERSON
    return None
