"""Two small analysed documents built by hand, for the layer and export tests.

They cover what the exporters must carry: a city, a country, a named region,
a first-level division (no polygon), a country crossing the antimeridian
(Russia), non-ASCII text, an unresolved mention, and events located to a town,
to a country (polygon) and to nothing at all.
"""

from __future__ import annotations

import datetime as dt

from geo.gazetteer import Gazetteer
from geo.model import (
    Actor,
    Analysis,
    Candidate,
    Event,
    EventDate,
    Focus,
    PlaceLink,
    Sentence,
    Toponym,
)

MALI, TIMBUKTU, SAHEL, GAO, RUSSIA, SAO_PAULO = 2453866, 2449067, -1, 2457161, 2017370, 3448439

SENTENCES_A = (
    "Troops left Timbuktu in Mali on Monday.",
    "The Sahel faces “renewed” attacks near Gao, officials said.",
    "Russian mercenaries arrived in Zorgland last week.",
)
SENTENCES_B = ("Delegates from Mali met in São Paulo.",)


def _document(gaz: Gazetteer, doc_id: str, sentences: tuple[str, ...],
              mentions: list[tuple[int, str, str, int | None, float]]) -> tuple[str, tuple, tuple]:
    """Text, sentences and toponyms from (sentence, surface, type, geonameid, confidence)."""
    text = " ".join(sentences)
    spans, offset = [], 0
    for s in sentences:
        spans.append(Sentence(offset, offset + len(s), s))
        offset += len(s) + 1
    toponyms = []
    for index, surface, kind, gid, confidence in mentions:
        start = text.index(surface, spans[index].start)
        place = gaz.get(gid) if gid is not None else None
        alternatives = (Candidate(place, confidence),) if place else ()
        if surface == "Timbuktu":
            alternatives += (Candidate(gaz.get(MALI), 0.25),)
        toponyms.append(Toponym(start, start + len(surface), surface, kind, place, confidence,
                                alternatives, index, adjectival=surface == "Russian"))
    return text, tuple(spans), tuple(toponyms)


def sample_analyses(gaz: Gazetteer) -> list[Analysis]:
    text, sentences, toponyms = _document(gaz, "doc-a", SENTENCES_A, [
        (0, "Timbuktu", "literal", TIMBUKTU, 0.9),
        (0, "Mali", "literal", MALI, 0.975),
        (1, "Sahel", "literal", SAHEL, 0.8),
        (1, "Gao", "literal", GAO, 0.7),
        (2, "Russian", "modifier", RUSSIA, 1.0),
        (2, "Zorgland", "literal", None, 0.0),
    ])
    s0, s1, s2 = sentences
    left = text.index("left")
    events = (
        Event("e1", "MOVE", "Troops withdraw", left, left + 4, "left", s0.start, s0.end, s0.text,
              contexts=("military",), actors=(Actor("Troops", 0, 6, "GB"),),
              places=(PlaceLink(TIMBUKTU, "Timbuktu", "origin", 1, "toponym in the event's sentence", 0),
                      PlaceLink(MALI, "Mali", "where", 3, "country named in the sentence", 1)),
              date=EventDate("2022-11-14", "2022-11-14", "day", "on Monday")),
        Event("e2", "ASSAULT", "Attacks", text.index("attacks"), text.index("attacks") + 7,
              "attacks", s1.start, s1.end, s1.text, contexts=("terrorism", "insurgency"),
              places=(PlaceLink(GAO, "Gao", "where", 2, "near a town", 3),),
              date=EventDate(None, None, None), tense="ongoing"),
        Event("e3", "MOVE", "Mercenaries arrive", text.index("arrived"), text.index("arrived") + 7,
              "arrived", s2.start, s2.end, s2.text, actors=(Actor("Russian mercenaries", s2.start, s2.start + 19, "RU"),),
              date=EventDate("2022-11-07", "2022-11-13", "week", "last week")),
    )
    doc_a = Analysis("doc-a", text, title="Troops leave Mali", published=dt.date(2022, 11, 14),
                     sentences=sentences, toponyms=toponyms, events=events,
                     focus=Focus(country=gaz.get(MALI), city=gaz.get(TIMBUKTU)))
    text, sentences, toponyms = _document(gaz, "doc-b", SENTENCES_B, [
        (0, "Mali", "metonymic", MALI, 0.95),
        (0, "São Paulo", "literal", SAO_PAULO, 0.85),
    ])
    doc_b = Analysis("doc-b", text, title="Talks in São Paulo", published=dt.date(2022, 12, 1),
                     sentences=sentences, toponyms=toponyms, focus=Focus(country=gaz.get(MALI)))
    return [doc_a, doc_b]


#: what the layers of ``sample_analyses`` hold
EXPECTED_COUNTS = {"places": 7, "mentions": 7, "events": 3, "event_areas": 1, "areas": 3, "unresolved": 1}
