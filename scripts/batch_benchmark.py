"""Batch speed and memory on a shared machine: interleaved rounds, RSS over time.

    python scripts/batch_benchmark.py corpus --docs 100000 --out /tmp/c100k.jsonl
    python scripts/batch_benchmark.py speed --corpus /tmp/c.jsonl --rounds 3
    python scripts/batch_benchmark.py memory --corpus /tmp/c100k.jsonl --workers 2

``corpus`` writes a shuffled corpus under /tmp (never into the repository):
documents recombined from sentences of the dev texts and the project's own
(``scripts/archive_benchmark.py``), and sentences of our own that name places
drawn at random from the gazetteer, so the lookup caches meet names they have
not seen all the way through; 1 % of the records are bad.

``speed`` runs 1 worker, ``--workers 2`` and a fresh ``LocalCluster`` of 2
workers in turn, in a rotated order each round, so the machine's other load
falls on all three alike; it prints each round's ratios and their best and
median. Two throughputs: the whole command (start-up included) and the steady
state (documents finished between the first and the last partition marker,
over that time), which is what a long run sees.

``memory`` runs one batch and samples every worker process's RSS every 2 s,
printing a line a minute (documents done, RSS per worker), so a reader sees
whether it is flat; the samples go to a CSV beside the output.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

#: our own sentence shapes; {} is a place name drawn from the gazetteer
TEMPLATES = [
    "Officials in {} said the road would reopen next week.",
    "Heavy rain flooded parts of {} overnight, residents said.",
    "The council of {} approved a new budget on Thursday.",
    "A fire destroyed a warehouse on the outskirts of {}.",
    "Hundreds marched through {} to protest against rising prices.",
    "Police in {} arrested two men after a robbery.",
    "The train from {} to {} was cancelled because of a strike.",
    "Health workers in {} reported new cases of cholera.",
    "Farmers near {} say the harvest is the worst in years.",
    "Talks between delegations from {} and {} ended without agreement.",
]


def place_names(count: int, seed: int) -> list[str]:
    """Names of populated places and regions, drawn at random from the gazetteer cache."""
    import sqlite3

    from geo.gazetteer import cache_path

    con = sqlite3.connect(f"file:{cache_path(None)}?mode=ro", uri=True)
    names = [r[0] for r in con.execute("SELECT name FROM places WHERE population >= 1000 AND name != ''")]
    con.close()
    rng = random.Random(seed)
    return rng.sample(names, min(count, len(names)))


def build_corpus(path: Path, docs: int, *, seed: int = 11, bad_share: float = 0.01) -> tuple[int, int]:
    from archive_benchmark import bad_line, sentences

    rng = random.Random(seed)
    pool = sentences()
    names = place_names(50_000, seed)
    step = round(1 / bad_share)
    good = bad = 0
    with open(path, "wb") as f:
        for i in range(docs):
            if i % step == step // 2:
                f.write(bad_line(bad, rng) + b"\n")
                bad += 1
                continue
            parts = rng.sample(pool, rng.randint(3, 12))
            for _ in range(rng.randint(1, 3)):
                template = rng.choice(TEMPLATES)
                parts.insert(rng.randrange(len(parts) + 1),
                             template.format(*(rng.choice(names) for _ in range(template.count("{}")))))
            body = " ".join(parts)
            day = f"20{rng.randint(20, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            f.write(json.dumps({"id": f"d{i}", "text": body, "published": day, "title": body[:60]},
                               ensure_ascii=False).encode() + b"\n")
            good += 1
    return good, bad


# -- running one batch and watching its processes ------------------------------------------------


def cpu_pressure() -> float:
    """The share of the last 10 s in which some task waited for a core (Linux PSI), in %."""
    try:
        return float(Path("/proc/pressure/cpu").read_text().split()[1].split("=")[1])
    except (OSError, IndexError, ValueError):
        return float("nan")


def schedstat(pid: int) -> tuple[float, float] | None:
    """Seconds this process's threads have run on a core and waited in the run queue for one (Linux
    schedstat), as core-seconds: a Dask worker runs its task in a thread, not in the main one."""
    run = wait = 0
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                r, w, _ = (task / "schedstat").read_text().split()
            except (OSError, ValueError):
                continue  # a thread that ended
            run, wait = run + int(r), wait + int(w)
    except OSError:
        return None
    return run / 1e9, wait / 1e9


def watch(cmd: list[str], *, extra_pids=lambda: [], every: float = 0.5, log=None) -> dict:
    """Run ``cmd``; sample the RSS of it, its children and ``extra_pids()`` every ``every`` s."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    parent = psutil.Process(proc.pid)
    peaks: dict[int, float] = {}
    sched: dict[int, tuple[float, float, float]] = {}  # pid -> (seconds watched, on a core, waiting for one)
    first: dict[int, tuple[float, float, float]] = {}
    pressure = []
    try:
        while proc.poll() is None:
            sample = {}
            try:
                procs = [parent, *parent.children(recursive=True)]
            except psutil.NoSuchProcess:
                procs = []
            procs += [psutil.Process(p) for p in extra_pids() if psutil.pid_exists(p)]
            for p in procs:
                try:
                    sample[p.pid] = p.memory_info().rss / 2**20
                except psutil.NoSuchProcess:
                    continue
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), sample[p.pid])
                stat = schedstat(p.pid)
                if stat:  # from the first sample on (a Dask worker was started before the run)
                    first.setdefault(p.pid, (time.time(), *stat))
                    t0, run0, wait0 = first[p.pid]
                    sched[p.pid] = (time.time() - t0, stat[0] - run0, stat[1] - wait0)
            pressure.append(cpu_pressure())
            if log:
                log(time.perf_counter() - started, sample)
            time.sleep(every)
    except KeyboardInterrupt:
        os.killpg(proc.pid, signal.SIGTERM)
        raise
    err = proc.stderr.read().decode(errors="replace")
    return {"seconds": time.perf_counter() - started, "code": proc.returncode, "stderr": err,
            "peaks": peaks, "sched": sched, "client": proc.pid, "pressure": statistics.fmean(pressure) if pressure else 0.0}


def steady_rate(out: Path) -> float:
    """Documents per second between the first and the last finished partition (start-up excluded)."""
    markers = sorted((out / "done").glob("*.json"), key=lambda p: p.stat().st_mtime)
    if len(markers) < 2:
        return float("nan")
    docs = sum(json.loads(p.read_text())["documents"] for p in markers[1:])
    return docs / (markers[-1].stat().st_mtime - markers[0].stat().st_mtime)


def batch_cmd(corpus: Path, out: Path, partition_size: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "geo", "batch", str(corpus), "--quiet", "--out", str(out),
            "--partition-size", str(partition_size), *extra]


def one_run(kind: str, corpus: Path, work: Path, partition_size: int, good: int) -> dict:
    import shutil

    out = work / f"out-{kind}"
    shutil.rmtree(out, ignore_errors=True)
    if kind == "dask":
        from distributed import LocalCluster

        # a fresh cluster each round: its workers build their parser inside the timed run, as the pool's do
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          memory_limit="1GiB") as cluster:
            pids = [w.process.pid for w in cluster.workers.values()]
            res = watch(batch_cmd(corpus, out, partition_size, "--scheduler", cluster.scheduler_address),
                        extra_pids=lambda: pids)
            workers = pids
    else:
        res = watch(batch_cmd(corpus, out, partition_size, "--workers", "1" if kind == "one" else "2"))
        workers = [p for p in res["peaks"] if p != res["client"]] or [res["client"]]
    # per worker: the share of the run it was on a core, waited for one (other load), or neither (nothing
    # to do, or I/O); summed over threads, so a Dask worker's event loop and task thread can add up past 100 %
    shares = [f"run {run / alive:.0%} wait {wait / alive:.0%} idle {max(0.0, 1 - (run + wait) / alive):.0%}"
              for alive, run, wait in (res["sched"][p] for p in workers if p in res["sched"] and res["peaks"][p] > 50)
              if alive > 0]
    res.update(kind=kind, rate=good / res["seconds"], steady=steady_rate(out), shares=shares,
               worker_peaks=[round(res["peaks"][p]) for p in workers if p in res["peaks"]])
    return res


def speed(args: argparse.Namespace) -> int:
    good = sum(1 for line in args.corpus.open("rb") if line.startswith(b'{"id": "d'))
    work = Path(tempfile.mkdtemp(prefix="geo-batch-speed-", dir="/tmp"))
    kinds = ["one", "two", "dask"]
    rounds = []
    print(f"{good} good documents, partitions of {args.partition_size}; outputs in {work}")
    for r in range(args.rounds):
        order = kinds[r % 3:] + kinds[:r % 3]
        results = {}
        for kind in order:
            res = one_run(kind, args.corpus, work, args.partition_size, good)
            results[kind] = res
            print(f"round {r + 1} {kind:<5} {res['seconds']:6.1f} s  whole {res['rate']:6.1f} docs/s  "
                  f"steady {res['steady']:6.1f} docs/s  exit {res['code']}  RSS/worker {res['worker_peaks']} MB  "
                  f"CPU pressure {res['pressure']:.0f} %\n        workers: {'; '.join(res['shares'])}", flush=True)
        ratios = {name: (results[a][key] / results[b][key])
                  for name, a, b in (("two/one", "two", "one"), ("dask/two", "dask", "two"))
                  for key in ("rate",)}
        steady = {name: results[a]["steady"] / results[b]["steady"]
                  for name, a, b in (("two/one", "two", "one"), ("dask/two", "dask", "two"))}
        rounds.append((ratios, steady))
        print(f"round {r + 1} ratios: whole two/one {ratios['two/one']:.2f}, dask/two {ratios['dask/two']:.2f}; "
              f"steady two/one {steady['two/one']:.2f}, dask/two {steady['dask/two']:.2f}", flush=True)
    for label, index in (("whole", 0), ("steady", 1)):
        for name in ("two/one", "dask/two"):
            values = [rnd[index][name] for rnd in rounds]
            print(f"{label:<6} {name:<8} best {max(values):.2f}  median {statistics.median(values):.2f}  "
                  f"all {[round(v, 2) for v in values]}")
    return 0


def memory(args: argparse.Namespace) -> int:
    out = args.out or Path(tempfile.mkdtemp(prefix="geo-batch-memory-", dir="/tmp")) / "out"
    out.parent.mkdir(parents=True, exist_ok=True)
    samples = open(out.parent / "rss.csv", "w")  # noqa: SIM115 (closed below)
    samples.write("seconds,pid,rss_mb,partitions_done\n")
    state = {"next": 0.0}

    def log(elapsed: float, sample: dict[int, float]) -> None:
        done = len(list((out / "done").glob("*.json"))) if (out / "done").exists() else 0
        for pid, rss in sample.items():
            samples.write(f"{elapsed:.1f},{pid},{rss:.1f},{done}\n")
        if elapsed >= state["next"]:
            state["next"] += 60
            big = sorted((round(v) for v in sample.values() if v > 50), reverse=True)
            print(f"{elapsed / 60:5.1f} min  {done * args.partition_size:>7} docs  RSS (MB) {big}  "
                  f"CPU pressure {cpu_pressure():.0f} %", flush=True)

    cmd = batch_cmd(args.corpus, out, args.partition_size, "--workers", str(args.workers))
    print(" ".join(cmd), flush=True)
    try:
        res = watch(cmd, every=2.0, log=log)
    finally:
        samples.close()
    manifest = json.loads((out / "manifest.json").read_text()) if (out / "manifest.json").exists() else {}
    print(f"exit {res['code']} in {res['seconds'] / 60:.1f} min: {manifest.get('documents')} documents, "
          f"{manifest.get('errors')} errors; peak RSS per process (MB): "
          f"{sorted((round(v) for v in res['peaks'].values()), reverse=True)}; samples in {out.parent / 'rss.csv'}")
    print(res["stderr"][-500:])
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--docs", type=int, default=100_000)
    c.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("speed")
    s.add_argument("--corpus", type=Path, required=True)
    s.add_argument("--rounds", type=int, default=3)
    s.add_argument("--partition-size", type=int, default=250)
    m = sub.add_parser("memory")
    m.add_argument("--corpus", type=Path, required=True)
    m.add_argument("--workers", type=int, default=2)
    m.add_argument("--partition-size", type=int, default=1000)
    m.add_argument("--out", type=Path)
    args = ap.parse_args()
    if args.command == "corpus":
        if ROOT in args.out.resolve().parents:
            raise SystemExit("write the corpus outside the repository (it holds dev text)")
        good, bad = build_corpus(args.out, args.docs)
        print(f"{args.out}: {good} good and {bad} bad records, {args.out.stat().st_size / 2**20:.1f} MB")
        return 0
    return speed(args) if args.command == "speed" else memory(args)


if __name__ == "__main__":
    sys.exit(main())
