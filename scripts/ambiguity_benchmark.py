"""A generated benchmark of ambiguous place names, built from the gazetteer alone (no corpus text).

::

    python scripts/ambiguity_benchmark.py                  # A@161 on the target mention, by template
    python scripts/ambiguity_benchmark.py --disable sentence_container --names 150 --seed 7
    python scripts/ambiguity_benchmark.py --write items.jsonl   # also write the generated items

Names that several gazetteer towns share (in different first-level divisions
or countries; towns of the same name as a county elsewhere count too) are
drawn with a seeded random generator. For each name one of its towns other
than the most populous, chosen at random, is the target (the prior alone
would choose wrong); short sentences
written from templates in our own words give the target's context as
encyclopaedia leads and local news give it: its county and state in the
first sentence, a dateline, a nearby town the gazetteer places near it, its
county or state in another sentence, or only a nearby town that is itself
ambiguous (``ambiguous_pair``: local news names towns of one state, and
neither name places the other outright; the one state both have a reading
in does). The ``control`` template gives no
context: its target is the name's most populous town (what a reader
assumes), so the prior should win there.

Every item is run through the real pipeline (``geo.pipeline.Geoparser`` as
``python -m geo evaluate`` builds it); a target counts as right when the
mention at the target's span is placed within 161 km of the target. A@161 is
over all items (a name not found or not placed is wrong) and over the found
ones. This is a test of the resolver's signals, not of recognition.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.gazetteer import Gazetteer, name_key  # noqa: E402
from geo.model import Place  # noqa: E402
from geo.pipeline import Geoparser  # noqa: E402
from geo.resolve.features import haversine_km  # noqa: E402

CORRECT_KM = 161.0
#: towns this big count as namesakes; targets are at least TARGET_POPULATION
NAMESAKE_POPULATION = 1_000
TARGET_POPULATION = 3_000
#: a neighbour town is at most this far from the target, this big (news names towns it can expect the
#: reader to know, and the recogniser finds few villages), and unambiguous
NEIGHBOUR_KM = 60.0
NEIGHBOUR_POPULATION = 5_000
KINDS_NOT_TOWN = ("country", "admin1", "continent", "region")

#: template name -> text with {N} (the name), {A2} (county), {A1} (state), {C} (country), {NB} (neighbour),
#: {NA} (an ambiguous neighbour: a town near the target whose name's most populous town is elsewhere)
TEMPLATES: dict[str, str] = {
    "lead_county": "{N} is a city in {A2}, {A1}, {C}. It grew up around a railway depot.",
    "lead_county_only": "{N} is a small community in {A2}. Its post office closed years ago.",
    "lead_state": "{N} is a small town in {A1}, {C}. Its population has grown since the mill closed.",
    "dateline": "{N}, {A1} — Officials said on Tuesday that the bridge on the main road would reopen next month.",
    "neighbour": "The {N} city council met on Monday night. Residents of nearby {NB} asked about the new road.",
    "county_sentence": "Deputies from the {A2} sheriff's office were called to a house in {N} on Friday night.",
    "state_elsewhere": "The {A1} legislature passed the budget on Thursday. A new school in {N} will get "
                       "most of the money, the governor said.",
    "ambiguous_pair": "Police in {N} arrested a man from nearby {NA} after a chase on Friday night.",
    "control": "Crowds gathered in {N} on Sunday for the annual parade.",
}


@dataclass(frozen=True)
class Item:
    template: str
    text: str
    start: int
    end: int
    name: str
    target: Place


def ambiguous_names(gazetteer: Gazetteer) -> dict[str, list[Place]]:
    """Name key -> its towns, for keys that at least two towns in different divisions share
    (their main name), and that name no country or first-level division."""
    rows = gazetteer._con.execute(
        "SELECT n.key, p.geonameid FROM names n JOIN places p ON p.geonameid = n.geonameid "
        "WHERE n.quality = 'main' AND p.kind = 'city' AND p.population >= ?", (NAMESAKE_POPULATION,)).fetchall()
    by_key: dict[str, list[int]] = defaultdict(list)
    for key, gid in rows:
        by_key[key].append(gid)
    out = {}
    for key, ids in sorted(by_key.items()):
        if len(ids) < 2 or " " in key and len(key) > 20 or gazetteer.is_dictionary_word(key):
            continue
        places = [p for p in (gazetteer.get(i) for i in ids) if p is not None]
        if len({(p.country_code, p.admin1) for p in places}) < 2:
            continue
        if any(p.kind in KINDS_NOT_TOWN for p in gazetteer.candidates_by_key(key)):
            continue
        out[key] = places
    return out


def neighbour(gazetteer: Gazetteer, target: Place) -> Place | None:
    """The nearest other town in the target's state whose name means one town only."""
    own = name_key(target.name)
    for place, km in gazetteer.nearest(target.lat, target.lon, count=200)[1:]:
        if km > NEIGHBOUR_KM:
            break
        key = name_key(place.name)
        if (key == own or place.admin1 != target.admin1 or place.population < NEIGHBOUR_POPULATION
                or gazetteer.is_dictionary_word(key) or not place.name.replace(" ", "").isalpha()):
            continue
        if len(gazetteer.candidates_by_key(key)) == 1:
            return place
    return None


def ambiguous_neighbour(gazetteer: Gazetteer, target: Place, names: dict[str, list[Place]]) -> Place | None:
    """The nearest other town in the target's state whose name is ambiguous too, and whose most
    populous namesake lies in another state (the prior alone would place both wrong)."""
    own = name_key(target.name)
    for place, km in gazetteer.nearest(target.lat, target.lon, count=200)[1:]:
        if km > NEIGHBOUR_KM:
            break
        key = name_key(place.name)
        if key == own or key not in names or place.admin1 != target.admin1 or place.population < TARGET_POPULATION:
            continue
        biggest = max(names[key], key=lambda p: p.population)
        if biggest.admin1 != target.admin1 or biggest.country_code != target.country_code:
            return place
    return None


def fill(template: str, target: Place, values: dict[str, str]) -> tuple[str, int, int] | None:
    """The text of one template for one target, with the target name's span."""
    text = TEMPLATES[template]
    needed = [k for k in ("A2", "A1", "C", "NB", "NA") if "{" + k + "}" in text]
    if any(not values.get(k) for k in needed):
        return None
    head, _, tail = text.partition("{N}")
    head = head.format(**values)
    out = head + target.name + tail.format(**values)
    return out, len(head), len(head) + len(target.name)


def make_items(gazetteer: Gazetteer, count: int, seed: int) -> list[Item]:
    rng = random.Random(seed)
    names = ambiguous_names(gazetteer)
    keys = rng.sample(sorted(names), min(count, len(names)))
    items = []
    for key in keys:
        towns = names[key]
        biggest = max(towns, key=lambda p: p.population)
        choices = [p for p in towns if p.population >= TARGET_POPULATION and p is not biggest]
        if not choices:
            continue
        target = rng.choice(choices)
        country = gazetteer.country(target.country_code)
        nb, na = neighbour(gazetteer, target), ambiguous_neighbour(gazetteer, target, names)
        values = {"A1": target.admin1 if name_key(target.admin1) != key else "",
                  "A2": target.admin2 if target.admin2 and name_key(target.admin2) != key else "",
                  "C": country.name if country else "", "NB": nb.name if nb else "",
                  "NA": na.name if na else ""}
        for template in TEMPLATES:
            goal = biggest if template == "control" else target
            filled = fill(template, goal, values if template != "control" else {})
            if filled is not None:
                items.append(Item(template, *filled, goal.name, goal))
    return items


def score_items(parser: Geoparser, items: list[Item]) -> dict[str, dict[str, float]]:
    """Per template: items, found, A@161 over all and over found, and confidence >= 0.9 share right."""
    tally: dict[str, list[tuple[bool, bool, float]]] = defaultdict(list)
    for item in items:
        toponyms = parser.analyse(item.text).toponyms
        hit = next((t for t in toponyms if t.start <= item.start < t.end or item.start <= t.start < item.end), None)
        found = hit is not None and hit.place is not None
        right = found and haversine_km((hit.place.lat, hit.place.lon),
                                       (item.target.lat, item.target.lon)) < CORRECT_KM
        tally[item.template].append((found, right, hit.confidence if found else 0.0))
    tally["all context"] = [r for t, rows in tally.items() if t != "control" for r in rows]
    out = {}
    for template, rows in tally.items():
        found = [r for r in rows if r[0]]
        confident = [r for r in found if r[2] >= 0.9]
        out[template] = {"items": len(rows), "found": len(found),
                         "A@161": sum(r[1] for r in rows) / len(rows),
                         "A@161_found": sum(r[1] for r in found) / len(found) if found else 0.0,
                         "confident": len(confident),
                         "right_when_confident": sum(r[1] for r in confident) / len(confident) if confident else 0.0}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", type=int, default=120, help="how many ambiguous names to draw (default 120)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--disable", default="", help="features or rules to switch off, comma-separated")
    ap.add_argument("--cache-dir", type=Path, default=None)
    ap.add_argument("--write", type=Path, default=None, help="also write the generated items as JSONL here")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    gazetteer = Gazetteer.load(args.cache_dir)
    items = make_items(gazetteer, args.names, args.seed)
    if args.write:
        with args.write.open("w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps({"template": it.template, "text": it.text, "start": it.start, "end": it.end,
                                    "name": it.name, "geonameid": it.target.geonameid, "lat": it.target.lat,
                                    "lon": it.target.lon}, ensure_ascii=False) + "\n")
    disable = [d for d in args.disable.split(",") if d]
    parser = Geoparser(gazetteer, events=False, disable=disable)
    figures = score_items(parser, items)
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(f"{len(items)} items from {args.names} names, seed {args.seed}, disabled: {disable or 'none'}")
    print(f"{'template':16s} {'items':>5s} {'found':>5s} {'A@161':>6s} {'found':>6s} {'>=0.9':>5s} {'right':>6s}")
    for template, f in figures.items():
        print(f"{template:16s} {f['items']:5d} {f['found']:5d} {f['A@161']:6.3f} {f['A@161_found']:6.3f} "
              f"{f['confident']:5d} {f['right_when_confident']:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
