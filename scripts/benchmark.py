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
* per core: the same passes in CPU seconds of the (single-threaded) worker,
  which the other work on a shared machine does not deflate as it does wall time.
  ``best doc/cpu-s`` adds up each document's least CPU time over the warm
  passes (timeit's minimum, per document): on a shared machine CPU seconds
  too vary from pass to pass, and a slow spell seldom hits one document in
  every pass.
* ``--varied N``: one process parses N documents recombined in memory from
  the corpus, with random gazetteer names swapped in, and reports its RSS
  every N/50 documents (is memory flat? are the caches bounded?).
* ``--vs REV``: the whole process (``python -m geo parse --jsonl``, start-up
  included) of this tree against a git revision: each round runs the two at
  once, one per core, then with the cores swapped, and compares each with the
  other on the same core. Compiled modules are kept as in a normal install
  (``--no-bytecode-cache``: every process compiles every module it imports,
  as under ``PYTHONDONTWRITEBYTECODE=1``).
* ``--instructions N``: the machine instructions of one warm pass over the
  first N documents (with events unless ``--no-events``), counted by
  valgrind's callgrind: the run with two warm passes less the run with one; the first
  pass is the run with one warm pass less that and less the load alone (a third run).
  A count, not a time: the same on a loaded machine as on an idle one, so a
  pure speed change shows its effect while other work shares the cores
  (CPU seconds on a shared machine vary by 30 % from run to run). With
  ``--vs REV`` the revision is counted too.

Usage::

    python scripts/benchmark.py                       # the dev corpora in ../shared/gold
    python scripts/benchmark.py --corpus my.jsonl --passes 5
    python scripts/benchmark.py --profile             # top functions of the parse loop
    python scripts/benchmark.py --varied 100000       # memory over 100,000 varied documents
    python scripts/benchmark.py --vs HEAD~1           # whole process, this tree / the previous commit
    python scripts/benchmark.py --instructions 50 --vs HEAD~1   # instructions of a warm pass, both trees

Corpora are JSONL files of ``{"id", "text"}`` objects, read at run time.
The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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

    best = [float("inf")] * len(docs)  # each document's least CPU time over the warm passes

    def one_pass(record: bool = False) -> tuple[float, float, int]:
        toponyms = 0
        t0, c0 = time.perf_counter(), time.process_time()
        for n, doc in enumerate(docs):
            d0 = time.process_time()
            toponyms += len(parser.analyse(doc["text"], doc_id=str(doc.get("id") or "")).toponyms)
            if record:
                best[n] = min(best[n], time.process_time() - d0)
        return time.perf_counter() - t0, time.process_time() - c0, toponyms

    cold_s, cold_cpu_s, toponyms = one_pass()
    one_pass()  # warm-up, not reported
    warm = [one_pass(record=True) for _ in range(passes)]
    warm_s = statistics.median(w[0] for w in warm)
    warm_cpu_s = statistics.median(w[1] for w in warm)
    return {"corpus": corpus.name, "events": events, "docs": len(docs), "chars": chars,
            "toponyms": toponyms, "gazetteer_load_s": load_s, "built_gazetteer": built,
            "cold_s": cold_s, "cold_docs_per_s": len(docs) / cold_s,
            "warm_s": warm_s, "warm_docs_per_s": len(docs) / warm_s,
            "warm_chars_per_s": chars / warm_s, "warm_passes": passes,
            # CPU seconds of this single-threaded process: documents per second per core,
            # which a shared machine's load does not deflate the way wall time is
            "cold_cpu_s": cold_cpu_s, "warm_cpu_s": warm_cpu_s,
            "cold_docs_per_cpu_s": len(docs) / cold_cpu_s, "warm_docs_per_cpu_s": len(docs) / warm_cpu_s,
            "cold_over_warm": cold_cpu_s / warm_cpu_s,
            # the sum of each document's best warm pass (timeit's minimum, per document): a
            # slow spell of a shared machine lengthens some documents of a pass, seldom all passes
            "warm_best_docs_per_cpu_s": len(docs) / sum(best),
            "peak_rss_mb": peak_rss_mb(), "gazetteer_caches": getattr(gazetteer, "cache_info", dict)()}


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


def rss_mb() -> float:
    """The current resident set of this process (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def varied_documents(docs: list[dict], count: int, *, names: list[str], seed: int = 7):
    """``count`` new documents recombined in memory from the corpus (never written anywhere).

    Each is a random run of sentences drawn from random documents, and about
    one sentence in four gets a random gazetteer name in place of one of its
    capitalised words, so the text keeps asking for names the caches have not
    seen (as a stream of unrelated articles does) and every cache reaches its bound.
    """
    import random

    rng = random.Random(seed)
    sentences = [s for d in docs for s in re.split(r"(?<=[.!?])\s+", d["text"]) if len(s) > 20]
    capitalised = re.compile(r"\b[A-Z][a-z]+\b")
    for i in range(count):
        picked = []
        for _ in range(rng.randint(3, 30)):
            sentence = rng.choice(sentences)
            if names and rng.random() < 0.25:
                words = capitalised.findall(sentence)
                if words:
                    sentence = sentence.replace(rng.choice(words), rng.choice(names), 1)
            picked.append(sentence)
        yield {"id": f"varied-{i}", "text": " ".join(picked)}


def worker_memory(corpus: Path, *, count: int, events: bool, cache_dir: Path | None) -> dict:
    """Peak and sampled RSS while parsing ``count`` varied documents in one process."""
    import random
    import sqlite3

    from geo.gazetteer import Gazetteer
    from geo.pipeline import Geoparser

    gazetteer = Gazetteer.load(cache_dir)
    parser = Geoparser(gazetteer, events=events)
    with sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True) as con:
        names = [n for (n,) in con.execute("SELECT name FROM places WHERE kind='city'")]
    names = random.Random(11).sample(names, min(len(names), 200_000))
    samples = [(0, rss_mb())]
    started, cpu0 = time.perf_counter(), time.process_time()
    every = max(1, count // 50)
    for i, doc in enumerate(varied_documents(read_corpus(corpus), count, names=names), 1):
        parser.analyse(doc["text"], doc_id=doc["id"])
        if i % every == 0:
            samples.append((i, rss_mb()))
    cpu_s = time.process_time() - cpu0
    return {"docs": count, "events": events, "wall_s": time.perf_counter() - started, "cpu_s": cpu_s,
            "docs_per_cpu_s": count / cpu_s, "peak_rss_mb": peak_rss_mb(), "rss_samples": samples,
            "gazetteer_caches": getattr(gazetteer, "cache_info", dict)()}


def export_revision(rev: str, folder: Path) -> Path:
    """The files of git revision ``rev`` in ``folder`` (``git archive``: no worktree, the repository unchanged)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def compare_commits(rev: str, corpus: Path, *, runs: int, events: bool, bytecode: bool = True) -> dict:
    """Whole-process time and peak memory of this tree against ``rev``, in pairs run at once.

    ``rev`` is exported with ``git archive`` into a temporary folder (no
    worktree, nothing in the repository changes); each run parses the corpus
    once in a fresh process with ``python -m geo parse --jsonl``. Each round
    runs the two at the same time, one per core, then again with the cores
    swapped: both meet the same spell of a shared machine, and each is
    compared with the other on the same core (the ratio of a round is the
    geometric mean of its two same-core ratios). Times are the children's own
    CPU (user + system) and wall seconds; the peak is their ``ru_maxrss``.

    With ``bytecode`` (the default) Python keeps its compiled modules
    (``__pycache__``) as a normal install does, whatever
    ``PYTHONDONTWRITEBYTECODE`` says; the uncounted first round writes them.
    Without, every process compiles every module it imports.
    """
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    with tempfile.TemporaryDirectory(prefix="geo-bench-rev-") as tmp:
        export_revision(rev, Path(tmp))
        flags = [] if events else ["--no-events"]
        cmd = [sys.executable, "-m", "geo", "parse", "--jsonl", str(corpus), *flags]
        trees = {"this tree": ROOT, rev: Path(tmp)}

        def start(cwd: Path, core: int | None) -> subprocess.Popen:
            pin = (lambda: os.sched_setaffinity(0, {core})) if core is not None else None
            return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                    preexec_fn=pin)

        def together(cores_ab: tuple[int | None, int | None]) -> dict[str, tuple[float, float, float]]:
            t0 = time.perf_counter()
            children = {name: start(cwd, core) for (name, cwd), core in zip(trees.items(), cores_ab, strict=True)}
            names = {child.pid: name for name, child in children.items()}
            out = {}
            while names:  # whichever ends first: each wall time is its own
                pid, status, usage = os.wait4(-1, 0)
                name = names.pop(pid, None)
                if name is None:
                    continue
                if status != 0:
                    raise SystemExit(f"{name}: {' '.join(cmd)} failed with status {status}")
                out[name] = (time.perf_counter() - t0, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
            return out

        placements = [(cores[0], cores[1]), (cores[1], cores[0])] if len(cores) >= 2 else [(None, None)] * 2
        together(placements[0])  # warms the file cache (and writes the bytecode): not counted
        rounds = [[together(placement) for placement in placements] for _ in range(runs)]
    figures = {name: [r[name] for pair in rounds for r in pair] for name in trees}
    out: dict[str, Any] = {}
    for name, rows in figures.items():
        out[name] = {"wall_s": statistics.median(r[0] for r in rows), "cpu_s": statistics.median(r[1] for r in rows),
                     "peak_mb": statistics.median(r[2] for r in rows), "runs": len(rows)}

    def ratio(field: int) -> float:
        # (A on core 0 / B on core 0) and (A on core 1 / B on core 1): the same core each time
        per_round = [math.sqrt((first["this tree"][field] / second[rev][field])
                               * (second["this tree"][field] / first[rev][field])) for first, second in rounds]
        return statistics.median(per_round)

    out["cpu_ratio"], out["wall_ratio"] = ratio(1), ratio(0)
    out["bytecode_cache"] = bytecode
    return out


#: what --instructions runs under callgrind in a tree's folder: load, then 1 + PASSES passes (none for -1)
_PASSES_SNIPPET = """
import sys
sys.path.insert(0, ".")
from geo.cli import read_jsonl
from geo.gazetteer import Gazetteer
from geo.pipeline import Geoparser
corpus, events, passes, count = sys.argv[1], sys.argv[2] == "on", int(sys.argv[3]), int(sys.argv[4])
docs = list(read_jsonl(corpus))[:count]
parser = Geoparser(Gazetteer.load(), events=events)
for _ in range(1 + passes):
    for doc in docs:
        parser.analyse(doc["text"], doc_id=str(doc.get("id") or ""))
"""


def count_instructions(tree: Path, corpus: Path, *, docs: int, events: bool) -> dict:
    """Instructions of one warm pass of ``tree``'s pipeline (callgrind: two passes less one).

    Both runs go at once (callgrind runs one thread: the two use both cores).
    """
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (Debian: apt-get install valgrind)")

    def start(passes: int) -> subprocess.Popen:
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c",
               _PASSES_SNIPPET, str(corpus.resolve()), "on" if events else "off", str(passes), str(docs)]
        return subprocess.Popen(cmd, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    counts = []
    for child in [start(1), start(2), start(-1)]:  # -1: the load alone, no pass
        _, err = child.communicate()
        found = re.search(r"Collected : (\d+)", err)
        if child.returncode != 0 or found is None:
            raise SystemExit(f"callgrind run in {tree} failed:\n{err[-2000:]}")
        counts.append(int(found.group(1)))
    warm = counts[1] - counts[0]
    first = counts[0] - warm - counts[2]
    return {"docs": docs, "events": events, "warm_pass_instructions": warm,
            "load_and_first_passes_instructions": counts[0], "load_instructions": counts[2],
            "first_pass_instructions": first, "first_over_warm": first / warm}


def report_instructions(corpus: Path, *, docs: int, events: bool, rev: str | None) -> int:
    trees = {"this tree": ROOT}
    with tempfile.TemporaryDirectory(prefix="geo-bench-rev-") as tmp:
        if rev:
            trees[rev] = export_revision(rev, Path(tmp))
        result = {name: count_instructions(tree, corpus, docs=docs, events=events) for name, tree in trees.items()}
    for name, r in result.items():
        print(f"{name:<12} one warm pass over {docs} documents of {corpus.name} (events {'on' if events else 'off'}): "
              f"{r['warm_pass_instructions'] / 1e9:.3f} G instructions; the first pass {r['first_pass_instructions'] / 1e9:.3f} G "
              f"({r['first_over_warm']:.2f} of a warm one); the load {r['load_instructions'] / 1e9:.3f} G")
    if rev:
        result["ratio"] = result["this tree"]["warm_pass_instructions"] / result[rev]["warm_pass_instructions"]
        print(f"ratio this tree / {rev}: {result['ratio']:.3f}")
    print(json.dumps(result, sort_keys=True))
    return 0


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
    ap.add_argument("--varied", type=int, metavar="N",
                    help="instead: parse N varied documents recombined in memory from the first corpus "
                         "in one process and report its RSS over time (memory flat, caches bounded)")
    ap.add_argument("--vs", metavar="REV",
                    help="instead: whole-process time and peak memory of this tree against git revision "
                         "REV (e.g. HEAD~1), in pairs, on the first corpus")
    ap.add_argument("--runs", type=int, default=5, help="rounds of --vs (two pairs each; default 5)")
    ap.add_argument("--no-bytecode-cache", action="store_true",
                    help="with --vs: every process compiles the modules it imports (no __pycache__)")
    ap.add_argument("--instructions", type=int, metavar="N",
                    help="instead: callgrind's count of the instructions of one warm pass over the first N "
                         "documents of the first corpus (with --vs REV: that revision's too)")
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
        elif kind == "memory":
            result = worker_memory(Path(rest[0]), count=int(rest[1]), events=rest[2] == "on",
                                   cache_dir=cache_dir)
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
    if args.varied:
        return report_varied(corpora[0], args.varied, events=not args.no_events, cache_arg=cache_arg)
    if args.instructions:
        return report_instructions(corpora[0], docs=args.instructions, events=not args.no_events, rev=args.vs)
    if args.vs:
        return report_vs(args.vs, corpora[0], runs=args.runs, events=not args.no_events,
                         bytecode=not args.no_bytecode_cache)
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


def report_varied(corpus: Path, count: int, *, events: bool, cache_arg: str) -> int:
    result = run_worker(["memory", str(corpus), str(count), "on" if events else "off", cache_arg])
    samples = result.get("rss_samples", [])
    curve = ", ".join(f"{n}: {mb:.0f}" for n, mb in samples[:: max(1, len(samples) // 10)])
    print(f"{count} varied documents (events {'on' if events else 'off'}): "
          f"peak RSS {result.get('peak_rss_mb', 0):.0f} MB, {result.get('docs_per_cpu_s', 0):.0f} docs/cpu-s; "
          f"RSS MB after n documents: {curve}")
    print(json.dumps(result, sort_keys=True))
    return 1 if "error" in result else 0


def report_vs(rev: str, corpus: Path, *, runs: int, events: bool, bytecode: bool = True) -> int:
    result = compare_commits(rev, corpus, runs=runs, events=events, bytecode=bytecode)
    print("compiled modules kept (__pycache__), as a normal install" if bytecode
          else "every process compiles every module (PYTHONDONTWRITEBYTECODE=1)")
    for name in ("this tree", rev):
        r = result[name]
        print(f"{name:<12} median of {r['runs']}: wall {r['wall_s']:.2f} s, cpu {r['cpu_s']:.2f} s, "
              f"peak {r['peak_mb']:.0f} MB")
    print(f"ratio this tree / {rev} (median of rounds, same core): cpu {result['cpu_ratio']:.3f}, "
          f"wall {result['wall_ratio']:.3f}")
    print(json.dumps(result, sort_keys=True))
    return 0


def print_table(report: dict) -> None:
    print(f"{'corpus':<16}{'events':>7}{'docs':>6}{'cold doc/s':>12}{'warm doc/s':>12}"
          f"{'warm kchar/s':>14}{'cold doc/cpu-s':>16}{'warm doc/cpu-s':>16}{'best doc/cpu-s':>16}{'cold/warm':>11}"
          f"{'peak MB':>9}")
    for r in report["throughput"]:
        if "error" in r:
            print(f"{r['corpus']:<16}{'on' if r['events'] else 'off':>7}  failed: {r['error']}")
            continue
        print(f"{r['corpus']:<16}{'on' if r['events'] else 'off':>7}{r['docs']:>6}"
              f"{r['cold_docs_per_s']:>12.0f}{r['warm_docs_per_s']:>12.0f}"
              f"{r['warm_chars_per_s'] / 1000:>14.0f}{r['cold_docs_per_cpu_s']:>16.0f}"
              f"{r['warm_docs_per_cpu_s']:>16.0f}{r.get('warm_best_docs_per_cpu_s', 0):>16.0f}"
              f"{r['cold_over_warm']:>11.2f}{r['peak_rss_mb']:>9.0f}"
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
