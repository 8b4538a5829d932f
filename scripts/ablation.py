#!/usr/bin/env python3
"""Measure each recognition rule's worth: both dev corpora scored with the rule switched off.

For every rule of the ``recognize`` step (``python -m geo rules``) the gold
corpora are parsed with ``Geoparser(disable=[rule])`` and scored as
``python -m geo evaluate`` scores them (EUPEG matching, gold with
coordinates; GeoVirus without adjectival and embedded mentions). The table
gives the change against all rules on: a rule that costs F1 when switched
off earns its place. The table is printed and written into
``docs/recognition.md`` between the ``ablation`` markers.

Usage::

    python scripts/ablation.py                     # every rule, both dev corpora
    python scripts/ablation.py --rules too_short,namesake --no-write
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.evaluate import Scores, match, prediction_record, score  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.pipeline import Geoparser  # noqa: E402

GOLD = ROOT.parent / "shared" / "gold"
#: corpus label -> (file, mention kinds it does not annotate)
CORPORA = {"GeoWebNews": ("gwn.jsonl", frozenset()),
           "GeoVirus": ("geovirus.jsonl", frozenset({"adjectival", "embedded"}))}
#: the mention types the recogniser gives (demonyms are scored without coordinates)
TYPES = ("literal", "metonymic", "modifier", "embedded")
DOC = ROOT / "docs" / "recognition.md"
BEGIN, END = "<!-- ablation:begin -->", "<!-- ablation:end -->"


def read_gold(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d for d in map(json.loads, filter(str.strip, f))}


def measure(gazetteer: Gazetteer, gold: dict[str, dict], exclude: frozenset[str],
            disable: tuple[str, ...]) -> Scores:
    parser = Geoparser(gazetteer, events=False, pipeline=("recognize", "resolve"), disable=disable)
    preds = {doc_id: prediction_record(doc_id, (t.to_dict() for t in parser.analyse(d["text"]).toponyms),
                                       exclude=set(exclude))
             for doc_id, d in gold.items()}
    return score(gold, preds, rule="eupeg")


def row(name: str, scores: dict[str, Scores], base: dict[str, Scores] | None) -> str:
    cells = [name]
    for label in CORPORA:
        s = scores[label]
        if base is None:
            cells.append(f"{s.f1:.3f} / {s.precision:.3f} / {s.recall:.3f} / {s.acc161:.3f}")
        else:
            b = base[label]
            cells.append(f"{s.f1 - b.f1:+.3f} / {s.precision - b.precision:+.3f} / "
                         f"{s.recall - b.recall:+.3f} / {s.acc161 - b.acc161:+.3f}")
    return "| " + " | ".join(cells) + " |"


def table(rules: list[str], gazetteer: Gazetteer) -> str:
    golds = {label: (read_gold(GOLD / file), exclude) for label, (file, exclude) in CORPORA.items()}
    base = {label: measure(gazetteer, g, ex, ()) for label, (g, ex) in golds.items()}
    lines = ["| rule switched off | " + " | ".join(f"{label} ΔF1 / ΔP / ΔR / ΔA@161" for label in CORPORA) + " |",
             "|---|" + "---|" * len(CORPORA), row("(all rules on: F1 / P / R / A@161)", base, None)]
    for name in rules:
        scores = {label: measure(gazetteer, g, ex, (name,)) for label, (g, ex) in golds.items()}
        lines.append(row(f"`{name}`", scores, base))
        print(lines[-1], flush=True)
    return "\n".join(lines)


def type_precision(gazetteer: Gazetteer) -> str:
    """Precision of each predicted mention type on each corpus (EUPEG matching)."""
    from collections import Counter

    lines = ["| corpus | " + " | ".join(TYPES) + " |", "|---|" + "---|" * len(TYPES)]
    for label, (file, exclude) in CORPORA.items():
        gold = read_gold(GOLD / file)
        parser = Geoparser(gazetteer, events=False, pipeline=("recognize", "resolve"))
        predicted, matched = Counter(), Counter()
        for doc_id, d in gold.items():
            record = prediction_record(doc_id, (t.to_dict() for t in parser.analyse(d["text"]).toponyms),
                                       exclude=set(exclude))
            preds = [p for p in record["toponyms"] if p.get("lat") is not None]
            gts = [t for t in d["toponyms"] if t.get("lat") is not None]
            predicted.update(p["type"] for p in preds)
            matched.update(p["type"] for _, p in match(gts, preds, "eupeg"))
        lines.append(f"| {label} | " + " | ".join(
            f"{matched[t] / predicted[t]:.3f} ({predicted[t]})" if predicted[t] else "–" for t in TYPES) + " |")
    return "\n".join(lines)


def write(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    if BEGIN not in doc or END not in doc:
        raise SystemExit(f"{DOC} has no {BEGIN} … {END} markers to write the table between.")
    head, rest = doc.split(BEGIN, 1)
    DOC.write_text(head + BEGIN + "\n" + text + "\n" + END + rest.split(END, 1)[1], encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", help="comma-separated rule names (default: every rule of the recognize step)")
    ap.add_argument("--types", action="store_true", help="print the precision of each mention type and stop")
    ap.add_argument("--no-write", action="store_true", help=f"print only; leave {DOC.name} alone")
    args = ap.parse_args()
    gazetteer = Gazetteer.load()
    if args.types:
        print(type_precision(gazetteer))
        return 0
    every = [r.name for r in Geoparser(gazetteer, events=False).rules() if r.step == "recognize"]
    rules = args.rules.split(",") if args.rules else every
    text = table(rules, gazetteer)
    print(text)
    if not args.no_write:
        write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
