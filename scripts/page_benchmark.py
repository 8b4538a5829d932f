"""Measure the page in a real browser: load, click -> panel, 2,000 places, 200 and 1,000 articles.

    python scripts/page_benchmark.py [--runs 5] [--articles 200 --articles 1000] [--json out.json]

Starts `streamlit run serve.py` (``--entry app.py``: the bare script) on a free port (the gazetteer cache must exist:
`python -m geo gazetteer`), drives Debian's Chromium with Playwright, and
prints the figures the issue sets targets for:

* seed page ready (the Timbuktu marker drawn in the map) on the first visit
  after the server starts, on later visits in a fresh browser profile
  (Streamlit's caches warm, the browser's cold) and for a returning visitor
  (both warm);
* click on a marker -> the side panel shows that place's sentence;
* an article with about 2,000 distinct places: map ready (clusters drawn),
  and still clickable (zoom to one place, click it, its sentence in the panel);
* 200 (and 1,000) generated short articles loaded at once: map ready on the
  first visit (every article analysed) and on the next (caches warm), click
  -> panel, and JavaScript errors.

The 2,000-place article is generated from the gazetteer's own city names in
a temporary seeds folder (``GEO_SEEDS_DIR``); corrections go to a temporary
``GEO_DATA_DIR``. Nothing is written in the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = "voa-2022-11-14-uk-pulling-mali-troop-deployment"
MANY = "many-places"
CHROMIUM = "/usr/bin/chromium"
#: the page's production entry point: app.py behind a server that warms its caches before it opens
#: (``--entry app.py`` measures the bare script)
ENTRY = "serve.py"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT_MS = 120_000
TARGETS = {"seed_first_visit_s": 3.0, "seed_warm_visit_s": 3.0, "seed_returning_visit_s": 3.0,
           "click_to_panel_s": 1.0,
           "many_ready_s": 5.0, "many_click_to_panel_s": 1.5,
           "articles_200_ready_s": 6.0, "articles_200_click_to_panel_s": 1.5, "articles_200_js_errors": 0.5}


def many_places_article(count: int = 2200) -> tuple[str, list[str], int]:
    """One sentence per city, from the gazetteer's most populous one-word, ASCII city names.

    Returns the text, the names and how many distinct places the geoparser resolves in it.
    """
    sys.path.insert(0, str(ROOT))
    from geo.gazetteer import Gazetteer
    from geo.pipeline import Geoparser

    gazetteer = Gazetteer.load()
    names: list[str] = []
    seen: set[str] = set()
    for first in string.ascii_lowercase:
        for second in string.ascii_lowercase[::2]:
            for place in gazetteer.search(first + second, limit=12):
                if place.kind == "city" and place.name.isascii() and " " not in place.name \
                        and place.name not in seen:
                    seen.add(place.name)
                    names.append(place.name)
    names = names[:count]
    text = "\n\n".join(f"Fighting was reported in {n}." for n in names)
    return text, names, len(Geoparser(gazetteer).analyse(text).places())


def many_articles(names: list[str], count: int, per_article: int = 6) -> dict[str, str]:
    """``count`` short articles of ``per_article`` places each, with an event sentence per place."""
    verbs = ("Protesters marched in {}.", "Police arrested two men in {}.", "Floods hit {} on Monday.",
             "Talks were held in {}.", "Troops were deployed to {}.", "Aid reached {} last week.")
    articles = {}
    for i in range(count):
        chosen = [names[(i * per_article + j) % len(names)] for j in range(per_article)]
        articles[f"batch-{i:04d}"] = " ".join(verbs[j % len(verbs)].format(n) for j, n in enumerate(chosen))
    return articles


def visit_articles(browser, url: str, ids: list[str], name: str) -> tuple[float, float, list[str]]:
    """All of ``ids`` at once: map ready (a marker or cluster drawn), click one place -> panel, JS errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    started = time.perf_counter()
    page.goto(url + "?" + "&".join(f"article={i}" for i in ids))
    frame(page).locator(".marker-cluster, .geo-place").first.wait_for(state="attached", timeout=TIMEOUT_MS)
    ready = time.perf_counter() - started
    settle(page)
    map_frame = page.frame(url=lambda u: "st_folium" in u)
    map_frame.evaluate(f"() => {{ const m = window.map; let hit = null;"
                       f" m.eachLayer(g => {{ if (g.getLayers) g.getLayers().forEach(l => {{"
                       f" if (l.feature && l.feature.properties.name === {json.dumps(name)}) hit = l; }}); }});"
                       f" m.setView(hit.getLatLng(), 12, {{animate: false}}); }}")
    click = click_to_panel(page, name, name)
    context.close()
    return ready, click, errors


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(seeds: Path, data: Path, log: Path, entry: str = ENTRY) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", entry, "--server.port", str(port),
         "--server.address", "127.0.0.1"],
        cwd=ROOT, env={**os.environ, "GEO_SEEDS_DIR": str(seeds), "GEO_DATA_DIR": str(data)},
        stdout=open(log, "w"), stderr=subprocess.STDOUT)  # noqa: SIM115 (lives as long as the server)
    url = f"http://127.0.0.1:{port}/"
    while True:
        try:
            urllib.request.urlopen(url + "_stcore/health", timeout=2).read()
            return proc, url, time.perf_counter() - started
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"streamlit exited: {log.read_text()}")
            time.sleep(0.05)


def frame(page):
    page.wait_for_selector(MAP_FRAME, state="attached", timeout=TIMEOUT_MS)
    return page.frame_locator(MAP_FRAME)


def settle(page) -> None:
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=TIMEOUT_MS)


def visit_seed(browser, url: str, context=None) -> tuple[float, object, object]:
    """A new session on the seed; a new browser context unless one is given (warm HTTP cache)."""
    context = context or browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    frame(page).locator('.geo-place[title="Timbuktu"]').wait_for(state="attached", timeout=TIMEOUT_MS)
    return time.perf_counter() - started, context, page


def click_to_panel(page, name: str, sentence_text: str) -> float:
    settle(page)
    marker = frame(page).locator(f'.geo-place[title="{name}"]')
    started = time.perf_counter()
    marker.click()
    page.locator(".geo-sentence").filter(has_text=sentence_text).first.wait_for(timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def visit_many(browser, url: str, name: str) -> tuple[float, float, int]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"{url}?article={MANY}")
    frame(page).locator(".marker-cluster").first.wait_for(state="attached", timeout=TIMEOUT_MS)
    ready = time.perf_counter() - started
    clusters = frame(page).locator(".marker-cluster").count()
    settle(page)
    map_frame = page.frame(url=lambda u: "st_folium" in u)
    # zoom to the place (clusters open from zoom 10), then click it like a user
    map_frame.evaluate(f"() => {{ const m = window.map; let hit = null;"
                       f" m.eachLayer(l => {{ if (l.feature && l.feature.properties.name === {json.dumps(name)})"
                       f" hit = l; }});"
                       f" if (!hit) {{ window.map.eachLayer(g => {{ if (g.getLayers) g.getLayers().forEach(l => {{"
                       f" if (l.feature && l.feature.properties.name === {json.dumps(name)}) hit = l; }}); }}); }}"
                       f" m.setView(hit.getLatLng(), 12, {{animate: false}}); }}")
    click = click_to_panel(page, name, f"Fighting was reported in {name}")
    context.close()
    return ready, click, clusters


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="repetitions of each measurement")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--articles", type=int, action="append",
                    help="also load this many generated articles at once (repeatable; default 200 and 1000)")
    ap.add_argument("--no-many-places", action="store_true", help="skip the 2,000-place article")
    ap.add_argument("--entry", default=ENTRY, help=f"the script `streamlit run` starts (default {ENTRY})")
    args = ap.parse_args(argv)
    args.articles = args.articles or [200, 1000]

    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="geo-page-bench-"))
    seeds = work / "seeds"
    seeds.mkdir()
    for suffix in (".txt", ".json"):
        shutil.copy(ROOT / "seeds" / f"{SEED}{suffix}", seeds / f"{SEED}{suffix}")
    text, names, place_count = many_places_article()
    (seeds / f"{MANY}.txt").write_text(text, encoding="utf-8")
    probe = names[len(names) // 2]
    batch = many_articles(names, max(args.articles))
    for doc_id, body in batch.items():
        (seeds / f"{doc_id}.txt").write_text(body, encoding="utf-8")

    proc, url, server_start = start_server(seeds, work / "data", work / "streamlit.log", args.entry)
    results: dict[str, object] = {"server_start_s": round(server_start, 2), "runs": args.runs,
                                  "cpus": os.cpu_count(), "load_average": os.getloadavg()[0]}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            first, context, _ = visit_seed(browser, url)
            context.close()
            warm, cached, clicks = [], [], []
            for _ in range(args.runs):
                seconds, context, page = visit_seed(browser, url)
                warm.append(seconds)
                clicks.append(click_to_panel(page, "Timbuktu", "during a patrol in"))
                clicks.append(click_to_panel(page, "Accra", "Accra Initiative"))
                page.close()
                # a returning visitor: Streamlit's and the browser's caches both warm
                seconds, context, page = visit_seed(browser, url, context)
                cached.append(seconds)
                context.close()
            many = []
            if not args.no_many_places:
                visit_many(browser, url, probe)  # analyses the article once: Streamlit's cache is warm after
                many = [visit_many(browser, url, probe) for _ in range(args.runs)]
            for count in args.articles:
                ids = list(batch)[:count]
                target = names[1]  # in the first article, so in every batch
                try:
                    first_batch = visit_articles(browser, url, ids, target)  # analyses them: the caches fill
                    again = visit_articles(browser, url, ids, target)
                except Exception as exc:  # noqa: BLE001 (reported, and the other figures still printed)
                    results[f"articles_{count}_failed"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
                    continue
                results[f"articles_{count}_first_ready_s"] = round(first_batch[0], 2)
                results[f"articles_{count}_ready_s"] = round(again[0], 2)
                results[f"articles_{count}_click_to_panel_s"] = round(again[1], 2)
                results[f"articles_{count}_js_errors"] = len(first_batch[2]) + len(again[2])
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    results.update({
        "seed_first_visit_s": round(first, 2),
        "seed_warm_visit_s": round(statistics.median(warm), 2),
        "seed_warm_visit_max_s": round(max(warm), 2),
        "seed_returning_visit_s": round(statistics.median(cached), 2),
        "click_to_panel_s": round(statistics.median(clicks), 2),
        "click_to_panel_max_s": round(max(clicks), 2),
    })
    if many:
        results.update({
            "many_places": place_count,
            "many_ready_s": round(statistics.median(r for r, _, _ in many), 2),
            "many_ready_max_s": round(max(r for r, _, _ in many), 2),
            "many_click_to_panel_s": round(statistics.median(c for _, c, _ in many), 2),
            "many_clusters_drawn": many[-1][2],
        })
    width = max(len(k) for k in results)
    for key, value in results.items():
        target = TARGETS.get(key)
        verdict = "" if target is None or isinstance(value, list) else ("  ok" if float(value) < target else f"  OVER {target} s")
        print(f"{key:<{width}}  {value}{verdict}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(float(results[k]) < t for k, t in TARGETS.items() if k in results) else 1


if __name__ == "__main__":
    sys.exit(main())
