"""Print the events of articles, and time event extraction.

    python scripts/events_report.py [FILES...]
    python scripts/events_report.py --time CORPUS.jsonl

Without files: ``seeds/*.txt`` and ``tests/fixtures/events/*.txt``, each with
the publication date of its sibling ``.json``. Each article's line gives the
time of event extraction alone (median of 50 runs over the analysed
document). ``--time`` analyses a JSONL corpus (``{"id", "text"}`` lines) and
reports extraction time per document, per 1,000 and per 2,500 characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.cli import read_article  # noqa: E402
from geo.doc import Doc, make_doc  # noqa: E402
from geo.events import extract_events  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.model import Event  # noqa: E402
from geo.pipeline import Geoparser  # noqa: E402


def describe(event: Event) -> str:
    places = ", ".join(f"{p.name} ({p.role}, precision {p.geo_precision}, {p.reason})" for p in event.places) or "-"
    actors = ", ".join(f"{a.text} [{a.country_code or '?'}]" for a in event.actors) or "-"
    recipients = ", ".join(f"{a.text} [{a.country_code or '?'}]" for a in event.recipients) or "-"
    date = "-"
    if event.date is not None:
        span = event.date.start if event.date.start == event.date.end else f"{event.date.start}/{event.date.end}"
        date = f"{span} ({event.date.precision}, \"{event.date.text}\")"
    told = "" if len(event.mentions) < 2 else f"  (told {len(event.mentions)} times: " + ", ".join(
        f'"{m.trigger}"' for m in event.mentions) + ")"
    return (f"  {event.category:<9} {event.label:<18} \"{event.trigger}\"  tense={event.tense}{told}\n"
            f"      place: {places}\n      date:  {date}\n"
            f"      who:   {actors} -> {recipients}   contexts: {', '.join(event.contexts) or '-'}")


def extraction_ms(doc: Doc, runs: int = 50) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        extract_events(doc)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def prepared(parser: Geoparser, record: dict) -> Doc:
    """The document after every step before events (events are what is timed)."""
    published = record.get("published")
    if isinstance(published, str) and published:
        published = dt.date.fromisoformat(published[:10])
    doc = make_doc(record["text"], doc_id=str(record.get("id") or "") or None, title=record.get("title") or "",
                   published=published or None)
    for name, step in parser.steps:
        if name != "events":
            doc = step(doc)
    return doc


def report(paths: list[Path], parser: Geoparser) -> None:
    for path in paths:
        doc = prepared(parser, read_article(path))
        ms = extraction_ms(doc)
        events = extract_events(doc)
        mentions = sum(len(e.mentions) for e in events)
        print(f"{path.name}: published {doc.published}, {len(doc.text):,} characters, "
              f"{len(events)} events from {mentions} mentions, extracted in {ms:.2f} ms")
        for event in events:
            print(describe(event))
        print()


def time_corpus(path: Path, parser: Geoparser) -> None:
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    bare = [prepared(parser, d) for d in docs]
    chars = sum(len(a.text) for a in bare)
    rounds = []
    for _ in range(3):
        started = time.perf_counter()
        count = sum(len(extract_events(a)) for a in bare)
        rounds.append(time.perf_counter() - started)
    best = min(rounds)
    print(f"{path}: {len(bare)} documents, {chars:,} characters, {count} events; best of 3 rounds "
          f"{best * 1000:.0f} ms = {best / len(bare) * 1000:.3f} ms per document, "
          f"{best / chars * 1_000_000:.3f} ms per 1,000 characters, {best / chars * 2_500_000:.3f} ms per 2,500")


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
