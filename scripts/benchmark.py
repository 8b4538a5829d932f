#!/usr/bin/env python3
"""Benchmark the geoparser: throughput, gazetteer build and load times, peak memory.

Not a test: it measures this machine. Every figure comes from a fresh
subprocess, so caches warmed by one measurement never flatter another:

* throughput: documents (and characters) per second for recognition +
  resolution (``Geoparser(events=False)``) and for the whole pipeline with
  events, on each corpus. The first pass over a corpus in a new process is
  reported as ``cold`` (empty lookup caches); then one warm-up pass is run
  and not reported, and the ``warm`` figure is the median of ``--passes``
  passes after it. The gazetteer is loaded before any timing starts.
* peak memory: the largest resident set (``ru_maxrss``) of the process that
  loaded the gazetteer and parsed the corpus.
* gazetteer cold build: ``Gazetteer.load(cache_dir=<tmp>, rebuild=True)``.
* gazetteer warm load: ``Gazetteer.load()`` on the existing cache, median of
  ``--load-runs`` fresh processes (import time and whole-process time too).

Usage::

    python scripts/benchmark.py                       # the dev corpora in ../shared/gold
    python scripts/benchmark.py --corpus my.jsonl --passes 5
    python scripts/benchmark.py --profile             # top functions of the parse loop

Corpora are JSONL files of ``{"id", "text"}`` objects, read at run time.
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

DEFAULT_CORPORA = (ROOT.parent / "shared" / "gold" / "gwn.jsonl",
                   ROOT.parent / "shared" / "gold" / "geovirus.jsonl")


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS)
    scale = 1 / 1024 if sys.platform != "darwin" else 1 / 1024 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def read_corpus(path: Path) -> list[dict]:
    from geo.cli import read_jsonl

    return list(read_jsonl(path))


# --------------------------------------------------------------------------- workers (run in subprocesses)

def worker_throughput(corpus: Path, *, events: bool, passes: int, cache_dir: Path | None) -> dict:
    from geo.gazetteer import Gazetteer, cache_path
    from geo.pipeline import Geoparser

    docs = read_corpus(corpus)
    chars = sum(len(d["text"]) for d in docs)
    # the main process builds the cache first; a build here means the gazetteer code
    # changed during the run, and this process's memory and load figures include it
    built = not cache_path(cache_dir).exists()
    started = time.perf_counter()
    gazetteer = Gazetteer.load(cache_dir)
    load_s = time.perf_counter() - started
    parser = Geoparser(gazetteer, events=events)

    def one_pass() -> tuple[float, int]:
        toponyms = 0
        t0 = time.perf_counter()
        for doc in docs:
            toponyms += len(parser.analyse(doc["text"], doc_id=str(doc.get("id") or "")).toponyms)
        return time.perf_counter() - t0, toponyms

    cold_s, toponyms = one_pass()
    one_pass()  # warm-up, not reported
    warm = sorted(one_pass()[0] for _ in range(passes))
    warm_s = statistics.median(warm)
    return {"corpus": corpus.name, "events": events, "docs": len(docs), "chars": chars,
            "toponyms": toponyms, "gazetteer_load_s": load_s, "built_gazetteer": built,
            "cold_s": cold_s, "cold_docs_per_s": len(docs) / cold_s,
            "warm_s": warm_s, "warm_docs_per_s": len(docs) / warm_s,
            "warm_chars_per_s": chars / warm_s, "warm_passes": passes,
            "peak_rss_mb": peak_rss_mb()}


def worker_build(cache_dir: Path) -> dict:
    from geo.gazetteer import Gazetteer

    started = time.perf_counter()
    gazetteer = Gazetteer.load(cache_dir, rebuild=True)
    build_s = time.perf_counter() - started
    return {"build_s": build_s, "places": len(gazetteer), "size_mb": gazetteer.path.stat().st_size / 2**20,
            "peak_rss_mb": peak_rss_mb()}


def worker_load(cache_dir: Path | None) -> dict:
    t0 = time.perf_counter()
    from geo.gazetteer import Gazetteer

    t1 = time.perf_counter()
    gazetteer = Gazetteer.load(cache_dir)
    t2 = time.perf_counter()
    gazetteer.candidates("Timbuktu")
    t3 = time.perf_counter()
    return {"import_s": t1 - t0, "load_s": t2 - t1, "first_lookup_s": t3 - t2, "peak_rss_mb": peak_rss_mb()}


def run_worker(args: list[str]) -> dict:
    """Run this script as a fresh process; its last stdout line is the worker's JSON."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", *args],
                          capture_output=True, text=True, env=os.environ.copy())
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        # one broken configuration (a bug in a pipeline step) should not hide the other figures
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        sys.stderr.write(f"benchmark worker {args} failed (exit code {done.returncode}):\n{done.stderr}")
        return {"error": last, "process_s": elapsed}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = elapsed
    return result


# --------------------------------------------------------------------------- profile

def profile(corpora: list[Path], *, events: bool, cache_dir: Path | None, top: int) -> None:
    """cProfile one warm pass over the corpora (after a warm-up pass), top functions by cumulative time."""
    import cProfile
    import pstats

    from geo.gazetteer import Gazetteer
    from geo.pipeline import Geoparser

    parser = Geoparser(Gazetteer.load(cache_dir), events=events)
    docs = [d for c in corpora for d in read_corpus(c)]

    def parse_all() -> None:
        for doc in docs:
            parser.analyse(doc["text"])

    parse_all()  # warm-up: the profile shows the steady state, not cache filling
    profiler = cProfile.Profile()
    profiler.enable()
    parse_all()
    profiler.disable()
    print(f"# cProfile of one warm pass over {len(docs)} documents (events {'on' if events else 'off'})")
    pstats.Stats(profiler).strip_dirs().sort_stats("cumulative").print_stats(top)
    pstats.Stats(profiler).strip_dirs().sort_stats("tottime").print_stats(top)


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, action="append",
                    help="a JSONL corpus of {id, text} (repeatable; default: the dev corpora in ../shared/gold)")
    ap.add_argument("--passes", type=int, default=3, help="warm passes per corpus, median reported (default 3)")
    ap.add_argument("--load-runs", type=int, default=5, help="fresh processes for the warm load (default 5)")
    ap.add_argument("--cache-dir", type=Path, default=None, help="the gazetteer cache to load (default cache)")
    ap.add_argument("--skip-build", action="store_true", help="do not time a cold gazetteer build")
    ap.add_argument("--no-events", action="store_true", help="time recognition + resolution only")
    ap.add_argument("--profile", action="store_true",
                    help="instead of benchmarking, print the parse loop's top functions (cProfile)")
    ap.add_argument("--profile-events", action="store_true", help="with --profile: include event extraction")
    ap.add_argument("--top", type=int, default=30, help="functions listed by --profile (default 30)")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        kind, *rest = args.worker
        cache_dir = Path(rest[-1]) if rest and rest[-1] != "-" else None
        if kind == "throughput":
            result = worker_throughput(Path(rest[0]), events=rest[1] == "on", passes=int(rest[2]),
                                       cache_dir=cache_dir)
        elif kind == "build":
            result = worker_build(Path(rest[0]))
        else:
            result = worker_load(cache_dir)
        print(json.dumps(result))
        return 0

    corpora = args.corpus or [p for p in DEFAULT_CORPORA]
    missing = [str(p) for p in corpora if not p.exists()]
    if missing:
        ap.error(f"corpus not found: {', '.join(missing)}; pass --corpus PATH.jsonl")
    if args.profile:
        profile(corpora, events=args.profile_events, cache_dir=args.cache_dir, top=args.top)
        return 0

    cache_arg = str(args.cache_dir) if args.cache_dir else "-"
    # make sure the cache to load exists before timing loads of it
    from geo.gazetteer import Gazetteer

    Gazetteer.load(args.cache_dir)

    report: dict = {"python": sys.version.split()[0], "cpus": os.cpu_count(), "throughput": []}
    for corpus in corpora:
        for events in ([False] if args.no_events else [False, True]):
            result = run_worker(["throughput", str(corpus), "on" if events else "off", str(args.passes), cache_arg])
            report["throughput"].append({"corpus": corpus.name, "events": events, **result})

    loads = [run_worker(["load", cache_arg]) for _ in range(args.load_runs)]
    if any("error" in r for r in loads):
        raise SystemExit("loading the gazetteer failed; see the error above")
    report["warm_load"] = {k: statistics.median(r[k] for r in loads)
                           for k in ("import_s", "load_s", "first_lookup_s", "process_s")}
    report["warm_load"]["runs"] = len(loads)

    if not args.skip_build:
        with tempfile.TemporaryDirectory(prefix="geo-bench-") as tmp:
            report["cold_build"] = run_worker(["build", tmp])

    print_table(report)
    print(json.dumps(report, sort_keys=True))
    return 1 if any("error" in r for r in report["throughput"]) else 0


def print_table(report: dict) -> None:
    print(f"{'corpus':<16}{'events':>7}{'docs':>6}{'cold doc/s':>12}{'warm doc/s':>12}"
          f"{'warm kchar/s':>14}{'peak MB':>9}")
    for r in report["throughput"]:
        if "error" in r:
            print(f"{r['corpus']:<16}{'on' if r['events'] else 'off':>7}  failed: {r['error']}")
            continue
        print(f"{r['corpus']:<16}{'on' if r['events'] else 'off':>7}{r['docs']:>6}"
              f"{r['cold_docs_per_s']:>12.0f}{r['warm_docs_per_s']:>12.0f}"
              f"{r['warm_chars_per_s'] / 1000:>14.0f}{r['peak_rss_mb']:>9.0f}"
              + ("  (built the gazetteer: cache changed during the run)" if r["built_gazetteer"] else ""))
    w = report["warm_load"]
    print(f"gazetteer warm load (median of {w['runs']} fresh processes): Gazetteer.load() {w['load_s']:.3f} s, "
          f"import {w['import_s']:.3f} s, first lookup {w['first_lookup_s']:.4f} s, "
          f"whole process {w['process_s']:.2f} s")
    if "cold_build" in report:
        b = report["cold_build"]
        if "error" in b:
            print(f"gazetteer cold build failed: {b['error']}")
            return
        print(f"gazetteer cold build: {b['build_s']:.1f} s, {b['places']:,} places, {b['size_mb']:.0f} MB, "
              f"peak {b['peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
