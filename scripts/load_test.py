"""Concurrent visitors: N headless Chromium pages on one local page server at once.

    python scripts/load_test.py --sessions 10 [--sessions 25] [--json out.json]

Starts `streamlit run serve.py` (``--entry app.py``: the bare script) on a free port of 127.0.0.1 only (nothing
listens beyond loopback), warms it with one visit (the gazetteer opens once
per server), then opens every session of a round at the same moment, each in
its own browser context: load the seed article, wait for the Timbuktu marker
(map ready), click it, wait for its sentence in the side panel. It reports the
slowest map and the slowest click -> panel, the sessions that failed (a
Streamlit exception box, a page error, a timeout), the server's peak
resident memory and the browser CPU per session (every Chromium process of
the round, over the sessions: the figure that depends least on what else
runs on the machine). Bounded: at most ``MAX_SESSIONS`` pages per round and
``--timeout`` seconds per session; the server is stopped at the end.

Targets (issue 14): 25 sessions, 0 crashed, slowest map <= 20 s; 10 sessions,
slowest map <= 8 s, slowest click -> panel <= 2 s.

``--floor`` measures what no page of ours can beat on this machine: the same
rounds against a Streamlit script that only writes one line (no map, no
gazetteer), each session waiting for that line. Its slowest page and its
browser CPU per session are the cost of Streamlit and Chromium alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = "voa-2022-11-14-uk-pulling-mali-troop-deployment"
CHROMIUM = "/usr/bin/chromium"
#: the page's production entry point: app.py behind a server that warms its caches before it opens
#: (``--entry app.py`` measures the bare script)
ENTRY = "serve.py"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAX_SESSIONS = 40
TARGETS = {10: {"slowest_map_s": 8.0, "slowest_panel_s": 2.0}, 25: {"slowest_map_s": 20.0}}
#: the floor's page: Streamlit's own front end and one line of text
FLOOR_SCRIPT = 'import streamlit as st\n\nst.write("floor page ready")\n'
FLOOR_TEXT = "floor page ready"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    """Resident memory of a process and its children, from /proc (KiB)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def cpu_seconds(pid: int | None = None) -> float:
    """User + system CPU seconds of a process (from /proc), or of the whole machine when ``pid`` is None."""
    if pid is None:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
        busy = sum(int(f) for i, f in enumerate(fields) if i not in (3, 4))  # all but idle and iowait
        return busy / os.sysconf("SC_CLK_TCK")
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, str, float]]:
    """Every process: pid -> (parent pid, command name, CPU seconds of it and of its reaped children)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        cpu = sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
        table[int(entry.name)] = (int(fields[1]), name, cpu)
    return table


def browser_cpu_seconds() -> float:
    """CPU seconds of the Chromium processes this script started (renderers included, the server not).

    Sums every descendant of this process named like Chromium, with the CPU of
    the children each has reaped (a renderer of a closed page counts in its zygote).
    """
    table = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in table.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0.0, [os.getpid()]
    while todo:
        for child in children.get(todo.pop(), []):
            todo.append(child)
            if "chrom" in table[child][1]:
                total += table[child][2]  # a live child's CPU is not yet in its parent's cutime
    return total


class MemoryWatch(threading.Thread):
    """Samples the server's resident memory every 0.2 s; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, rss_kib(self.pid))
            self.stop.wait(0.2)


def start_server(data: Path, log: Path, entry: str = ENTRY) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", entry, "--server.port", str(port),
         "--server.address", "127.0.0.1"],
        cwd=ROOT, env={**os.environ, "GEO_DATA_DIR": str(data)},
        stdout=open(log, "w"), stderr=subprocess.STDOUT)  # noqa: SIM115 (lives as long as the server)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(url + "_stcore/health", timeout=2).read()
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                sys.exit(f"streamlit did not start: {log.read_text()[-2000:]}")
            time.sleep(0.1)


async def session(browser, url: str, timeout_s: float) -> dict[str, object]:
    """One visitor: map ready, click Timbuktu, panel shows its sentence."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    ms = timeout_s * 1000
    result: dict[str, object] = {"map_s": None, "panel_s": None}
    started = time.perf_counter()
    try:
        await page.goto(url, timeout=ms)
        frame = page.frame_locator(MAP_FRAME)
        marker = frame.locator('.geo-place[title="Timbuktu"]')
        await marker.wait_for(state="attached", timeout=ms)
        result["map_s"] = round(time.perf_counter() - started, 2)
        await page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=ms)
        clicked = time.perf_counter()
        await marker.click(timeout=ms)
        await page.locator(".geo-sentence").filter(has_text="during a patrol in").first.wait_for(timeout=ms)
        result["panel_s"] = round(time.perf_counter() - clicked, 2)
    except Exception as exc:  # a timeout or a closed page: this session failed, the others go on
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    shown = await page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').all_inner_texts()
    errors += [f"shown: {t[:200]}" for t in shown]
    await context.close()
    result["errors"] = errors
    return result


async def floor_session(browser, url: str, timeout_s: float) -> dict[str, object]:
    """One visitor of the floor page: its line of text shown (reported as the map, no click)."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    result: dict[str, object] = {"map_s": None, "panel_s": 0.0, "errors": []}
    started = time.perf_counter()
    try:
        await page.goto(url, timeout=timeout_s * 1000)
        await page.get_by_text(FLOOR_TEXT).wait_for(timeout=timeout_s * 1000)
        result["map_s"] = round(time.perf_counter() - started, 2)
    except Exception as exc:  # a timeout: this session failed, the others go on
        result["errors"] = [f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"]
    await context.close()
    return result


async def round_of(sessions: int, url: str, timeout_s: float, floor: bool = False) -> list[dict[str, object]]:
    from playwright.async_api import async_playwright

    visit = floor_session if floor else session
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            before = browser_cpu_seconds()
            results = await asyncio.gather(*(visit(browser, url, timeout_s) for _ in range(sessions)))
            spent = browser_cpu_seconds() - before  # before the browser closes: its processes still count
            return [{**r, "browser_cpu_s": spent / sessions} for r in results]
        finally:
            await browser.close()


def summary(sessions: int, results: list[dict[str, object]], peak_kib: int,
            cpu: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> dict[str, object]:
    maps = [r["map_s"] for r in results if r["map_s"] is not None]
    panels = [r["panel_s"] for r in results if r["panel_s"] is not None]
    failed = [r for r in results if r["errors"] or r["panel_s"] is None]
    return {"sessions": sessions, "failed": len(failed),
            "slowest_map_s": max(maps) if maps else None, "slowest_panel_s": max(panels) if panels else None,
            "median_map_s": sorted(maps)[len(maps) // 2] if maps else None,
            "server_peak_rss_mib": round(peak_kib / 1024),
            # where the round's time went: the page server, against every process of the machine
            # (the browsers, and whatever else shares it) over the same wall time
            "server_cpu_s": round(cpu[0], 1),
            # the browser's CPU per session (every Chromium process of the round, over the sessions): the figure
            # that depends least on what else runs on the machine
            "browser_cpu_per_session_s": round(float(results[0]["browser_cpu_s"]), 2) if results else None,
            "machine_cpu_s": round(cpu[1], 1), "wall_s": round(cpu[2], 1),
            "errors": sorted({e for r in failed for e in r["errors"]})}


def verdict(row: dict[str, object]) -> bool:
    if row["failed"]:
        return False
    targets = TARGETS.get(int(row["sessions"]), {})
    return all(row[k] is not None and float(row[k]) <= t for k, t in targets.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, action="append",
                    help=f"concurrent pages in one round (repeatable; at most {MAX_SESSIONS}); default 10 and 25")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds a session may take (default 120)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--entry", default=ENTRY, help=f"the script `streamlit run` starts (default {ENTRY})")
    ap.add_argument("--floor", action="store_true",
                    help="serve a one-line Streamlit page instead: the cost of Streamlit and Chromium alone")
    args = ap.parse_args(argv)
    rounds = args.sessions or [10, 25]
    if any(not 1 <= n <= MAX_SESSIONS for n in rounds):
        ap.error(f"--sessions must be between 1 and {MAX_SESSIONS}")

    work = Path(tempfile.mkdtemp(prefix="geo-load-"))
    entry = args.entry
    if args.floor:
        entry = str(work / "floor.py")
        Path(entry).write_text(FLOOR_SCRIPT, encoding="utf-8")
    proc, url = start_server(work / "data", work / "streamlit.log", entry)
    watch = MemoryWatch(proc.pid)
    watch.start()
    rows = []
    try:
        asyncio.run(round_of(1, url, args.timeout, args.floor))  # the first visit opens the gazetteer and analyses the seed
        for n in rounds:
            before = (cpu_seconds(proc.pid), cpu_seconds(), time.perf_counter())
            results = asyncio.run(round_of(n, url, args.timeout, args.floor))
            cpu = (cpu_seconds(proc.pid) - before[0], cpu_seconds() - before[1], time.perf_counter() - before[2])
            rows.append(summary(n, results, watch.peak, cpu))
    finally:
        watch.stop.set()
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    log = (work / "streamlit.log").read_text(errors="replace")
    for row in rows:
        row["ok"] = verdict(row)
        if args.floor:
            row["floor"] = True
        print(json.dumps(row))
    print(f"cpus {os.cpu_count()} · load average {os.getloadavg()[0]:.1f} · server log tracebacks: "
          f"{log.count('Traceback')}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
