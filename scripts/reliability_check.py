"""Measure issue 14's reliability numbers: corrections under concurrent writers, pathological text,
hostile exports, and a fixed list of bad inputs.

    python scripts/reliability_check.py                  # everything (a few minutes)
    python scripts/reliability_check.py --only text      # corrections | text | exports | inputs
    python scripts/reliability_check.py --trials 5 --no-pipeline

Nothing touches the network or the user's data folder (temporary folders only).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing as mp
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

MB = 1_000_000


# -- corrections: 10 writers x 30 corrections at once ------------------------------------------

def _writer(path: str, writer: int, count: int) -> None:
    from geo.corrections import Correction, CorrectionStore

    store = CorrectionStore(path)
    for n in range(count):
        store.add(Correction.mention(f"doc-{writer}", n, n + 1, "x", n + 1))


def check_corrections(trials: int, writers: int = 10, each: int = 30) -> dict:
    from geo.corrections import CorrectionStore

    lost, unreadable, seconds = [], 0, []
    ctx = mp.get_context("fork")
    for _ in range(trials):
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "corrections.sqlite")
            started = time.perf_counter()
            procs = [ctx.Process(target=_writer, args=(path, w, each)) for w in range(writers)]
            for p in procs:
                p.start()
            for p in procs:
                p.join()
            seconds.append(time.perf_counter() - started)
            store = CorrectionStore(path)
            try:
                saved = len(store.list())
                unreadable += bool(store.problems())
            except Exception:  # counted: an unreadable store fails the check
                saved, unreadable = 0, unreadable + 1
            lost.append(writers * each - saved)
    return {"trials": trials, "writers": writers, "corrections_each": each, "lost_total": sum(lost),
            "max_lost_in_a_trial": max(lost), "trials_unreadable": unreadable,
            "slowest_trial_s": round(max(seconds), 2)}


# -- pathological text ------------------------------------------------------------------------

def check_text(pipeline: bool) -> dict:
    from geo.text import html_to_text, split_sentences

    cases = {"U.S. x 1 MB": "U.S. " * (MB // 5), "initials x 1 MB": "J. R. R. " * (MB // 9),
             "abbreviations x 1 MB": "Gen. Dr. Calif. " * (MB // 16), "one 1 MB line": "word " * (MB // 5)}
    out: dict = {}
    for name, text in cases.items():
        started = time.perf_counter()
        split_sentences(text)
        out[f"split {name} (s)"] = round(time.perf_counter() - started, 2)
    for name, markup in {"<p left open x 1 MB": "<p" * (MB // 2), "<!-- left open x 1 MB": "<!--" * (MB // 4)}.items():
        started = time.perf_counter()
        html_to_text(markup)
        out[f"html {name} (s)"] = round(time.perf_counter() - started, 2)
    if pipeline:
        from geo.gazetteer import Gazetteer
        from geo.pipeline import Geoparser

        parser = Geoparser(Gazetteer.load())
        for name in ("U.S. x 1 MB", "initials x 1 MB"):
            started, cpu = time.perf_counter(), time.process_time()
            try:
                analysis = parser.analyse(cases[name])
                result = f"{len(analysis.toponyms)} mentions"
            except Exception as exc:  # a refusal is a result too
                result = f"{type(exc).__name__}: {exc}"
            out[f"pipeline {name}"] = (f"{time.perf_counter() - started:.1f} s wall, "
                                       f"{time.process_time() - cpu:.1f} s CPU, {result}")
    return out


# -- hostile exports --------------------------------------------------------------------------

HOSTILE = ("]]><script>alert(1)</script><![CDATA[ =HYPERLINK(\"x\") +1+cmd|' /C calc'!A0 @SUM(1) "
           "bell\x07 \u202eשלום مرحبا 🌍 &amp; <b>")


def check_exports() -> dict:
    from layer_samples import sample_analyses

    from geo.export import FORMATS, write_layers
    from geo.gazetteer import Gazetteer
    from geo.layers import build_layers

    gaz = Gazetteer.load()
    layers = build_layers([dataclasses.replace(d, title=HOSTILE) for d in sample_analyses(gaz)], gaz)
    ogrinfo = shutil.which("ogrinfo")
    files = opened = xml_ok = xml_files = scripts = 0
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            for path in write_layers(layers, Path(tmp) / fmt, fmt):
                files += 1
                if path.suffix == ".kml":
                    xml_files += 1
                    try:
                        tree = ET.parse(path)
                        xml_ok += 1
                        scripts += sum(e.tag.rsplit("}", 1)[-1].lower() == "script" for e in tree.iter())
                    except ET.ParseError as exc:
                        failures.append(f"{path.name}: {exc}")
                if ogrinfo is None:
                    continue
                done = subprocess.run([ogrinfo, "-so", "-al", str(path)], capture_output=True, text=True,
                                      timeout=60)
                if done.returncode == 0:
                    opened += 1
                else:
                    failures.append(f"{fmt}/{path.name}: {done.stderr.strip()[:120]}")
    return {"files": files, "opened_by_ogrinfo": opened, "xml_files": xml_files, "xml_well_formed": xml_ok,
            "script_elements": scripts, "failures": failures,
            "note": "GeoParquet needs GDAL's Parquet driver (not in Debian 12's GDAL 3.6)"}


# -- 25 bad inputs ----------------------------------------------------------------------------

def bad_inputs() -> dict[str, bytes]:
    text = "Troops left Timbuktu in Mali on Monday.\n"
    jsonl = {
        "jsonl broken line": b'{"id": "a", "text": "Troops left Mali."}\n{broken\n{"id": "c", "text": "Gao."}\n',
        "jsonl non-object line": b'{"id": "a", "text": "Mali."}\n[1, 2]\n',
        "jsonl missing text": b'{"id": "a", "title": "no text"}\n',
        "jsonl non-string text": b'{"id": "a", "text": 42}\n',
        "jsonl bad date": b'{"id": "a", "text": "Mali.", "published": "2022-13-45"}\n',
        "jsonl not utf-8": '{"id": "a", "text": "Ségou."}\n'.encode("cp1252"),
    }
    return {
        "empty": b"", "whitespace": b" \n\t \n", "binary": bytes(range(256)) * 4,
        "utf-16 with BOM": text.encode("utf-16"), "utf-16-le without BOM": text.encode("utf-16-le"),
        "utf-16-be without BOM": text.encode("utf-16-be"), "utf-32 without BOM": text.encode("utf-32-le"),
        "latin-1": "Troops left Ségou.\n".encode("latin-1"),
        "mixed utf-8 and latin-1": "Ségou.\n".encode() + "Ségou.\n".encode("latin-1"),
        "NUL bytes": b"Troops\x00 left\x00 Mali.\x00",
        "RTL and emoji": "القوات غادرت مالي 🌍 Troops left Mali.".encode(),
        "HTML with scripts": b"<html><body><p>Troops left Mali.</p><script>alert(1)</script></body></html>",
        "control characters": b"Troops\x07 left\x1b[31m Mali.",
        "only punctuation": b"?!.,;:" * 100, "one huge word": b"a" * 500_000,
        "10 MB": b"Troops left Mali. " * (10 * MB // 18),
        "10,000 places": ("Mali, Gao, Timbuktu, " * 3334).encode(),
        "U.S. x 200 KB": b"U.S. " * 40_000, "lone surrogate escape": b"Mali \xed\xa0\x80 Gao",
        **jsonl,
    }


def check_inputs() -> dict:
    from geo.errors import GeoError
    from geo.gazetteer import Gazetteer
    from geo.pipeline import Geoparser
    from geo.text import decode, html_to_text, looks_like_html

    parser = Geoparser(Gazetteer.load())
    results: dict[str, str] = {}
    for name, data in bad_inputs().items():
        started = time.perf_counter()
        if name.startswith("jsonl"):
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "in.jsonl"
                path.write_bytes(data)
                done = subprocess.run([sys.executable, "-m", "geo", "parse", "--no-corrections", "--jsonl", str(path)],
                                      capture_output=True, text=True, cwd=ROOT, timeout=300)
            lines = [ln for ln in done.stdout.splitlines() if ln.strip()]
            message = done.stderr.strip().splitlines()[-1][:160] if done.stderr.strip() else ""
            results[name] = f"exit {done.returncode}, {len(lines)} record(s) out; {message}"
            continue
        try:
            text = decode(data, source=name)
            if looks_like_html(text):
                text, _ = html_to_text(text)
            analysis = parser.analyse(text)
            results[name] = f"ok: {len(analysis.toponyms)} mention(s), {len(analysis.events)} event(s)"
        except GeoError as exc:
            results[name] = f"refused: {str(exc)[:160]}"
        except Exception as exc:  # reported: an unexpected crash is a failure of the check
            results[name] = f"CRASH {type(exc).__name__}: {str(exc)[:120]}"
        results[name] += f" ({time.perf_counter() - started:.1f} s)"
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("corrections", "text", "exports", "inputs"))
    ap.add_argument("--trials", type=int, default=30)
    ap.add_argument("--no-pipeline", action="store_true", help="skip the whole pipeline on 1 MB texts")
    args = ap.parse_args()
    checks = {"corrections": lambda: check_corrections(args.trials),
              "text": lambda: check_text(not args.no_pipeline),
              "exports": check_exports, "inputs": check_inputs}
    for name, run in checks.items():
        if args.only and name != args.only:
            continue
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        print(json.dumps(run(), ensure_ascii=False, indent=1), flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
