"""Print the events of the seed articles and of the event test fixtures.

    python scripts/events_report.py [FILES...]

Without arguments: ``seeds/*.txt`` and ``tests/fixtures/events/*.txt``, each
with the publication date of its sibling ``.json`` (if any). Also times
event extraction alone per article (median of repeated runs).
"""

from __future__ import annotations

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
from geo.pipeline import Geoparser  # noqa: E402


def describe(event) -> str:
    places = ", ".join(f"{p.name} ({p.role}, p{p.geo_precision}, {p.reason})" for p in event.places) or "-"
    actors = ", ".join(f"{a.text}[{a.country_code or '?'}]" for a in event.actors) or "-"
    recipients = ", ".join(f"{a.text}[{a.country_code or '?'}]" for a in event.recipients) or "-"
    date = "-"
    if event.date is not None:
        span = event.date.start if event.date.start == event.date.end else f"{event.date.start}/{event.date.end}"
        date = f"{span} ({event.date.precision}, '{event.date.text}')"
    return (f"  {event.category:<9} {event.label:<18} trigger='{event.trigger}' tense={event.tense}\n"
            f"      place: {places}\n      date: {date}\n      actors: {actors} -> {recipients}"
            f"  contexts: {','.join(event.contexts) or '-'}")


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "events").glob("*.txt"))
    parser = Geoparser(Gazetteer.load())
    timings = []
    for path in paths:
        doc = read_article(path)
        analysis = next(parser.analyse_many([doc]))
        bare = replace(analysis, events=())
        runs = []
        for _ in range(50):
            started = time.perf_counter()
            extract_events(bare)
            runs.append(time.perf_counter() - started)
        ms = statistics.median(runs) * 1000
        timings.append((len(analysis.text), ms))
        print(f"{path.name} (published {analysis.published}, {len(analysis.text)} chars, "
              f"events in {ms:.2f} ms): {len(analysis.events)} events")
        for event in analysis.events:
            print(describe(event))
    if timings:
        per_kchar = statistics.median(ms / max(1, n) * 1000 for n, ms in timings)
        print(f"\nevent extraction: median {per_kchar:.3f} ms per 1,000 characters "
              f"({per_kchar * 2.5:.2f} ms for a 2,500-character article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
