"""Score the event extractor on the project's own gold articles.

    python scripts/score_events.py [GOLD.jsonl] [--verbose]

The gold set (``tests/fixtures/events_gold/articles.jsonl``) is 20 short articles the
project wrote itself (disasters, accidents, crime, conflict, politics), each with its
events: category, the trigger words of every mention (``"word"`` is its first occurrence,
``"word@2"`` the second), the place, the actors and the date. A predicted event matches
a gold event when one of its mentions' triggers overlaps one of the gold mentions
(one-to-one, greedily, in text order). Reported:

- event precision, recall and F1 over matched events;
- category accuracy, place accuracy (the gold place is one of the event's places, or the
  gold country holds one of them),
  actor accuracy (a gold actor is among the event's actors) and date accuracy, each
  on the matched events that have the field in gold;
- merged count: the share of articles whose number of events is within 20 % of gold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.model import Analysis, Event  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "events_gold" / "articles.jsonl"
COUNT_TOLERANCE = 0.2


def plain(name: str) -> str:
    """Without accents or case, so "Tillaberi" finds "Tillabéri"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def gold_spans(text: str, mentions: list[str]) -> list[tuple[int, int]]:
    spans = []
    for mention in mentions:
        word, _, nth = mention.partition("@")
        found = [m.span() for m in re.finditer(rf"\b{re.escape(word)}\b", text)]
        if len(found) < int(nth or 1):
            raise ValueError(f"Expected {mention!r} in the article's text, instead got {len(found)} occurrences.")
        spans.append(found[int(nth or 1) - 1])
    return spans


def _overlaps(event: Event, spans: list[tuple[int, int]]) -> int:
    return sum(1 for m in event.mentions for s, e in spans if m.trigger_start < e and s < m.trigger_end)


def _same_name(a: str, b: str) -> bool:
    return plain(a).startswith(plain(b)) or plain(b).startswith(plain(a))


def _place_right(gold: str, event: Event, analysis: Analysis) -> bool:
    """The gold place is one of the event's places, or a country that holds one of them (a
    town inside the gold country is more precise, not wrong)."""
    surfaces = [analysis.toponyms[p.toponym].text for p in event.places if p.toponym is not None]
    if any(_same_name(name, gold) for name in [p.name for p in event.places] + surfaces):
        return True  # the gazetteer's name or the article's spelling ("Morvi", "Morbi")
    countries = {t.place.country_code for t in analysis.toponyms if t.place is not None
                 and t.place.kind == "country" and _same_name(t.place.name, gold)}
    places = {t.place.geonameid: t.place for t in analysis.toponyms if t.place is not None}
    return any(places[p.geonameid].country_code in countries for p in event.places if p.geonameid in places)


@dataclass
class Tally:
    """Counts over the gold set; ``fields[name] = [right, asked]``."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    articles: int = 0
    counts_within: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in ("category", "place", "actor", "date")})
    misses: list[str] = field(default_factory=list)

    def check(self, name: str, right: bool) -> None:
        self.fields[name][0] += right
        self.fields[name][1] += 1

    def scores(self) -> dict[str, float]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        out = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
        for name, (right, asked) in self.fields.items():
            out[f"{name}_accuracy"] = right / asked if asked else 0.0
        out["counts_within_20pct"] = self.counts_within / self.articles if self.articles else 0.0
        return out


def score_article(record: dict, analysis: Analysis, tally: Tally) -> None:
    events = list(analysis.events)
    gold = record["events"]
    tally.articles += 1
    tally.gold += len(gold)
    tally.predicted += len(events)
    tally.counts_within += abs(len(events) - len(gold)) <= COUNT_TOLERANCE * len(gold)
    free = list(events)
    for g in gold:
        spans = gold_spans(record["text"], g["mentions"])
        best = max(free, key=lambda e: _overlaps(e, spans), default=None)
        if best is None or not _overlaps(best, spans):
            tally.misses.append(f"{record['id']}: missed {g['category']} {g['mentions']}")
            continue
        free.remove(best)
        tally.matched += 1
        tally.check("category", best.category == g["category"])
        if best.category != g["category"]:
            tally.misses.append(f"{record['id']}: {best.trigger!r} is {best.category}, gold {g['category']}")
        if g.get("place"):
            right = _place_right(g["place"], best, analysis)
            tally.check("place", right)
            if not right:
                tally.misses.append(f"{record['id']}: {best.trigger!r} at {[p.name for p in best.places]}, gold {g['place']}")
        if g.get("actors"):
            tally.check("actor", any(plain(a) in plain(x.text) or plain(x.text) in plain(a)
                                     for a in g["actors"] for x in best.actors))
        if g.get("date"):
            tally.check("date", best.date is not None and best.date.start == g["date"])
    tally.misses.extend(f"{record['id']}: extra {e.category} {e.trigger!r}" for e in free)


def score(path: Path = GOLD, parser=None) -> Tally:
    """Run the whole pipeline on every gold article and tally the comparison."""
    if parser is None:
        from geo.gazetteer import Gazetteer
        from geo.pipeline import Geoparser

        parser = Geoparser(Gazetteer.load())
    tally = Tally()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        analysis = parser.analyse(record["text"], doc_id=record["id"],
                                  published=dt.date.fromisoformat(record["published"]))
        score_article(record, analysis, tally)
    return tally


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--verbose", action="store_true", help="list every miss, wrong field and extra event")
    args = ap.parse_args(argv)
    tally = score(args.gold)
    print(f"{tally.articles} articles, {tally.gold} gold events, {tally.predicted} predicted, {tally.matched} matched")
    for name, value in tally.scores().items():
        print(f"  {name:<22} {value:.3f}")
    if args.verbose:
        print("\n".join(tally.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
