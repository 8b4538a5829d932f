"""Print the events of articles, and time event extraction.

    python scripts/events_report.py [FILES...]
    python scripts/events_report.py --time CORPUS.jsonl

Without files: ``seeds/*.txt`` and ``tests/fixtures/events/*.txt``, each with
the publication date of its sibling ``.json``. Each article's line gives the
time of event extraction alone (median of 50 runs over the analysed
document). ``--time`` analyses a JSONL corpus (``{"id", "text"}`` lines) and
reports extraction time per document and per 2,500 characters.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.cli import read_article  # noqa: E402
from geo.events import extract_events  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.model import Analysis, Event  # noqa: E402
from geo.pipeline import Geoparser  # noqa: E402


def describe(event: Event) -> str:
    places = ", ".join(f"{p.name} ({p.role}, precision {p.geo_precision}, {p.reason})" for p in event.places) or "-"
    actors = ", ".join(f"{a.text} [{a.country_code or '?'}]" for a in event.actors) or "-"
    recipients = ", ".join(f"{a.text} [{a.country_code or '?'}]" for a in event.recipients) or "-"
    date = "-"
    if event.date is not None:
        span = event.date.start if event.date.start == event.date.end else f"{event.date.start}/{event.date.end}"
        date = f"{span} ({event.date.precision}, \"{event.date.text}\")"
    return (f"  {event.category:<9} {event.label:<18} \"{event.trigger}\"  tense={event.tense}\n"
            f"      place: {places}\n      date:  {date}\n"
            f"      who:   {actors} -> {recipients}   contexts: {', '.join(event.contexts) or '-'}")


def extraction_ms(analysis: Analysis, runs: int = 50) -> float:
    bare = replace(analysis, events=())
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        extract_events(bare)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def report(paths: list[Path], parser: Geoparser) -> None:
    for path in paths:
        analysis = next(parser.analyse_many([read_article(path)]))
        ms = extraction_ms(analysis)
        print(f"{path.name}: published {analysis.published}, {len(analysis.text):,} characters, "
              f"{len(analysis.events)} events, extracted in {ms:.2f} ms")
        for event in analysis.events:
            print(describe(event))
        print()


def time_corpus(path: Path, parser: Geoparser) -> None:
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    bare = [replace(parser.analyse(d["text"], doc_id=str(d.get("id", ""))), events=()) for d in docs]
    chars = sum(len(a.text) for a in bare)
    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        count = sum(len(extract_events(a)) for a in bare)
        rounds.append(time.perf_counter() - started)
    best = min(rounds)
    print(f"{path}: {len(bare)} documents, {chars:,} characters, {count} events; best of 3 rounds "
          f"{best * 1000:.0f} ms = {best / len(bare) * 1000:.3f} ms per document, "
          f"{best / chars * 2_500_000:.3f} ms per 2,500 characters")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--time", type=Path, metavar="CORPUS.jsonl", help="time extraction over a JSONL corpus")
    args = ap.parse_args(argv)
    parser = Geoparser(Gazetteer.load())
    if args.time:
        time_corpus(args.time, parser)
        return 0
    paths = args.files or sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "events").glob("*.txt"))
    report(paths, parser)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
