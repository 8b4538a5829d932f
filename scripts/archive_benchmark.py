"""Archive benchmark: `python -m geo batch` on a varied corpus with 1 % bad records.

    python scripts/archive_benchmark.py --docs 20000          # corpus and outputs under /tmp only

Builds the corpus in a temporary folder (sentences of the dev texts in
../shared/gold and of the project's own seed and fixtures, shuffled and
recombined; never written into the repository), then measures:

- docs/s with 1 worker, with ``--workers 2``, and through a ``LocalCluster`` of 2 workers;
- the peak resident memory of each worker process (psutil, sampled every 0.2 s);
- completeness: every good record in the analyses, every bad one in errors.jsonl, exit 1 with the count;
- kill-halfway-then-resume: a ``--workers 2`` run killed when half its partitions are done,
  rerun, and its layers, analyses and errors compared with the uninterrupted run's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOLD = ROOT.parent / "shared" / "gold"

#: the project's own sentences, so the corpus is not only the dev texts
OWN = [
    "Flooding closed the main road between Mopti and Sévaré on Tuesday.",
    "The ministry in Nairobi said talks with Addis Ababa would resume next month.",
    "Farmers near Fresno reported the driest spring in a decade.",
    "Officials in Ontario announced new rules for rail freight.",
    "Protesters gathered outside parliament in Colombo for a second day.",
    "A ferry carrying 200 passengers docked safely in Dar es Salaam.",
    "Police in Lyon detained four people after the match.",
    "The storm moved north from Queensland towards Papua New Guinea.",
    "Exports from Chittagong fell sharply in the first quarter.",
    "Rescue teams reached villages in the hills above Kathmandu.",
]


def sentences() -> list[str]:
    from geo.text import split_sentences

    pool = list(OWN)
    for corpus in sorted(GOLD.glob("*.jsonl")):
        for line in corpus.read_text(encoding="utf-8").splitlines():
            pool += [s.text for s in split_sentences(json.loads(line)["text"]) if len(s.text) > 20]
    for path in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "fixtures").rglob("*.txt")]:
        pool += [s.text for s in split_sentences(path.read_text(encoding="utf-8"))]
    return pool


def bad_line(i: int, rng: random.Random) -> bytes:
    """One of the kinds of bad records a real archive holds."""
    kind = i % 7
    if kind == 0:
        return json.dumps({"id": f"bad-{i}", "text": ""}).encode()
    if kind == 1:
        return json.dumps({"id": f"bad-{i}", "text": "   \n "}).encode()
    if kind == 2:
        return json.dumps({"id": f"bad-{i}", "text": 12345}).encode()
    if kind == 3:
        return b'{"id": "bad-%d", "text": "cut off' % i
    if kind == 4:
        return b'{"id": "bad-%d", "text": "\xff\xfe\x00\x81 undecodable"}' % i
    if kind == 5:
        return json.dumps({"id": f"bad-{i}", "body": "no text field"}).encode()
    return json.dumps({"id": f"bad-{i}", "text": "Rain in Accra.", "published": "soon"}).encode()


def build_corpus(path: Path, docs: int, *, seed: int = 7, bad_share: float = 0.01) -> tuple[set, set]:
    rng = random.Random(seed)
    pool = sentences()
    good, bad = set(), set()
    step = round(1 / bad_share)
    with open(path, "wb") as f:
        for i in range(docs):
            if i % step == step // 2:
                f.write(bad_line(len(bad), rng) + b"\n")
                bad.add(i + 1)  # the line number
                continue
            body = " ".join(rng.sample(pool, rng.randint(4, 14)))
            day = f"20{rng.randint(20, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            f.write(json.dumps({"id": f"d{i}", "text": body, "published": day,
                                "title": body[:60]}, ensure_ascii=False).encode() + b"\n")
            good.add(f"d{i}")
    return good, bad


def run(cmd: list[str], *, kill_when=None) -> dict:
    """Run the command, sampling each descendant's RSS; optionally kill it when ``kill_when()``."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    peaks: dict[int, float] = {}
    killed = False
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for p in [parent, *parent.children(recursive=True)]:
                try:
                    peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 2**20)
                except psutil.NoSuchProcess:
                    pass
        except psutil.NoSuchProcess:
            pass
        if kill_when is not None and not killed and kill_when():
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.2)
    err = proc.stderr.read().decode(errors="replace")
    return {"seconds": time.perf_counter() - started, "code": proc.returncode, "stderr": err,
            "peaks": peaks, "client": proc.pid, "killed": killed}


def cluster_peaks(cluster, peaks: dict[int, float], stop) -> None:
    import psutil

    pids = [w.process.pid for w in cluster.workers.values()]
    while not stop.is_set():
        for pid in pids:
            try:
                peaks[pid] = max(peaks.get(pid, 0.0), psutil.Process(pid).memory_info().rss / 2**20)
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.2)


def layers_equal(a: Path, b: Path) -> bool:
    import pandas as pd

    for layer in ("places", "mentions", "events", "event_areas", "unresolved"):
        fa = pd.read_parquet(a / layer).sort_values("id").reset_index(drop=True)
        fb = pd.read_parquet(b / layer).sort_values("id").reset_index(drop=True)
        if not fa.equals(fb):
            return False
    for name in ("errors.jsonl",):
        if (a / name).read_bytes() != (b / name).read_bytes():
            return False
    return sorted(p.read_bytes() for p in (a / "analyses").glob("*.jsonl")) == \
        sorted(p.read_bytes() for p in (b / "analyses").glob("*.jsonl"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--partition-size", type=int, default=500)
    ap.add_argument("--skip", default="", help="comma-separated runs to skip: one,two,dask,resume")
    ap.add_argument("--page", type=Path, metavar="BATCH_OUT",
                    help="only measure the archive page on copies of this batch output (--copies of it)")
    ap.add_argument("--copies", type=int, default=3)
    args = ap.parse_args()
    if args.page:
        target = Path(tempfile.mkdtemp(prefix="geo-archive-page-", dir="/tmp"))
        print(f"archive for the page: {scale_archive(args.page, target, args.copies):,} articles in {target}")
        measure_page(target)
        return 0
    skip = set(filter(None, args.skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="geo-archive-bench-", dir="/tmp"))
    corpus = work / "corpus.jsonl"
    good, bad = build_corpus(corpus, args.docs)
    print(f"corpus: {args.docs} records ({len(bad)} bad), {corpus.stat().st_size / 2**20:.1f} MB in {work}")
    base = [sys.executable, "-m", "geo", "batch", str(corpus), "--quiet",
            "--partition-size", str(args.partition_size)]
    results = {}

    def report(name: str, res: dict, out: Path, workers: list[int]) -> None:
        rate = len(good) / res["seconds"]
        worker_peaks = [round(res["peaks"][p]) for p in workers if p in res["peaks"]]
        results[name] = rate
        # on a shared machine wall time includes waiting for a core; CPU time per document does not
        cpu = sum(json.loads(p.read_text())["cpu_seconds"] for p in (out / "done").glob("*.json"))
        print(f"{name:<12} {res['seconds']:7.1f} s  {rate:6.1f} docs/s  exit {res['code']}  "
              f"peak RSS per worker (MB): {worker_peaks}  worker CPU {cpu:.0f} s "
              f"({len(good) / cpu:.1f} docs per CPU-second)  load avg {os.getloadavg()[0]:.1f}")

    for name, extra in (("1 worker", ["--workers", "1"]), ("--workers 2", ["--workers", "2"])):
        if ("one" if extra[1] == "1" else "two") in skip:
            continue
        out = work / f"out-{extra[1]}"
        res = run([*base, "--out", str(out), *extra])
        workers = [p for p in res["peaks"] if p != res["client"]] or [res["client"]]
        report(name, res, out, workers)
        check(out, good, bad, res)
    if "dask" not in skip:
        import threading

        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            peaks: dict[int, float] = {}
            stop = threading.Event()
            sampler = threading.Thread(target=cluster_peaks, args=(cluster, peaks, stop), daemon=True)
            sampler.start()
            out = work / "out-dask"
            res = run([*base, "--out", str(out), "--scheduler", cluster.scheduler_address])
            stop.set()
            res["peaks"].update(peaks)
            report("dask 2", res, out, list(peaks))
            check(out, good, bad, res)
    if "one" not in skip and "two" not in skip:
        print(f"speed-up --workers 2 / 1 worker: {results['--workers 2'] / results['1 worker']:.2f}x")
    if "dask" not in skip and "two" not in skip:
        print(f"dask 2 / --workers 2: {results['dask 2'] / results['--workers 2']:.2f}")
    if "resume" not in skip and "two" not in skip:
        out = work / "out-resume"
        partitions = -(-args.docs // args.partition_size)

        def halfway() -> bool:
            done = out / "done"
            return done.exists() and len(list(done.glob("*.json"))) >= partitions // 2
        first = run([*base, "--out", str(out), "--workers", "2"], kill_when=halfway)
        left = len(list((out / "done").glob("*.json")))
        second = run([*base, "--out", str(out), "--workers", "2"])
        same = layers_equal(out, work / "out-2")
        print(f"resume: killed={first['killed']} with {left}/{partitions} partitions done, rerun exit "
              f"{second['code']} in {second['seconds']:.1f} s; output equals the uninterrupted run: {same}")
    return 0


def check(out: Path, good: set, bad: set, res: dict) -> None:
    ids = set()
    for path in (out / "analyses").glob("*.jsonl"):
        ids |= {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()}
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    lines = {e["position"] for e in errors}
    counted = f"{len(bad)} record(s) failed" in res["stderr"] or res["stderr"] == ""
    print(f"             good records present: {len(ids & good)}/{len(good)} (extra {len(ids - good)}); "
          f"bad in errors.jsonl: {len(lines & bad)}/{len(bad)} (extra {len(lines - bad)}); "
          f"exit {res['code']} (non-zero: {res['code'] != 0}), count stated: {counted}")



# -- the archive page ---------------------------------------------------------------------------


def scale_archive(source: Path, target: Path, copies: int) -> int:
    """A larger archive from a real batch output: each partition copied with new document ids
    and dates shifted by a year per copy (the page's cost depends on rows, not on their text)."""
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    from geo.archive import summarise

    target.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"] *= copies
    (target / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    shutil.copytree(source / "done", target / "done")
    for layer in ("places", "mentions", "events", "event_areas", "unresolved"):
        (target / layer).mkdir(exist_ok=True)
        for part in sorted((source / layer).glob("*.parquet")):
            table = pq.read_table(part)
            meta = table.schema.metadata
            frame = table.to_pandas()  # geometry stays WKB bytes; the "geo" metadata is put back
            for copy in range(copies):
                f = frame.copy()
                for column in ("id", "doc_id"):
                    f[column] = f"c{copy}-" + f[column].astype(str)
                if "published" in f and copy:
                    year = f["published"].str[:4].astype("Int64") + copy
                    f["published"] = year.astype(str) + f["published"].str[4:]
                t = pa.Table.from_pandas(f, preserve_index=False)
                pq.write_table(t.replace_schema_metadata(meta), target / layer / f"c{copy}-{part.name}")
    summarise(target)  # as a batch run does at its end
    return len(pq.read_table(target / "places", columns=["doc_id"]).column(0).unique())


def measure_page(archive: Path, rounds: int = 3) -> None:
    """Open the page on ``archive`` in Chromium: seconds to the drawn markers, and click -> articles."""
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    from geo.archive import aggregate_places, open_archive
    from tests.test_archive import MARKERS_JS, POINT_JS

    with socket.socket() as probe:  # a free port: other sessions may serve pages on this machine
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1"], cwd=ROOT, env={**os.environ, "GEO_ARCHIVE": str(archive)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    frame_sel = 'iframe[title="streamlit_folium.st_folium"]'
    tops = aggregate_places(open_archive(archive)).head(50)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            for n in range(rounds + 1):  # round 0 warms the server's caches (first visitor after a start)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                started = time.perf_counter()
                page.goto(url + "Archive")
                frame = page.frame_locator(frame_sel)
                deadline = time.monotonic() + 180
                while frame.locator("body").evaluate(MARKERS_JS) == 0 and time.monotonic() < deadline:
                    page.wait_for_timeout(50)  # the markers are on a canvas: ask Leaflet how many it holds
                opened = time.perf_counter() - started
                page.wait_for_timeout(500)
                box = page.locator(frame_sel).bounding_box()
                for top in tops.itertuples():  # the most named place whose marker is in the frame
                    point = frame.locator("body").evaluate(POINT_JS, [top.lat, top.lon])
                    if 40 < point[0] < box["width"] - 60 and 40 < point[1] < box["height"] - 40:
                        break
                started = time.perf_counter()
                page.mouse.click(box["x"] + point[0], box["y"] + point[1])
                try:  # the caption of a selected place (the one whose marker is on top there)
                    page.get_by_text(re.compile(r"^\d+ article\(s\), \d+ mention")).wait_for(timeout=60_000)
                    clicked = time.perf_counter() - started
                except Exception:  # playwright's TimeoutError: report it and go on with the next round
                    page.screenshot(path="/tmp/geo-archive-page-click.png")
                    clicked = float("nan")
                markers = frame.locator("body").evaluate(MARKERS_JS)
                print(f"page {'(cold)' if n == 0 else f'round {n}'}: open {opened:.2f} s ({markers} place markers), "
                      f"click near {top.name} -> articles {clicked:.2f} s  load avg {os.getloadavg()[0]:.1f}",
                      flush=True)
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)


if __name__ == "__main__":
    sys.exit(main())
