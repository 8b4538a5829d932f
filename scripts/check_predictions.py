#!/usr/bin/env python3
"""Check that a pure speed change changed no output: dev-corpus predictions, byte for byte.

Parses every document of the dev corpora with the whole pipeline (toponyms and
events) and writes one JSON line per document, as ``python -m geo parse --jsonl``
does. The first run (or ``--save``) keeps that output as the reference, in a
folder OUTSIDE the repository (``--dir``, default ``$TMPDIR/geo-predictions``),
since it holds corpus-derived text; every later run compares with it and
prints the first document that differs.

Usage::

    git stash; python scripts/check_predictions.py --save; git stash pop   # reference: before
    python scripts/check_predictions.py                                    # after: exit 0 = identical

Exit status: 0 identical (or saved), 1 different, 2 no reference or no corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

DEFAULT_CORPORA = (ROOT.parent / "shared" / "gold" / "gwn.jsonl",
                   ROOT.parent / "shared" / "gold" / "geovirus.jsonl")


def predictions(corpus: Path, *, cache_dir: Path | None) -> list[str]:
    """One JSON line per document: its toponyms and events."""
    from geo.cli import read_jsonl
    from geo.gazetteer import Gazetteer
    from geo.pipeline import Geoparser

    parser = Geoparser(Gazetteer.load(cache_dir))
    lines = []
    for doc in read_jsonl(corpus):
        record = parser.analyse(doc["text"], doc_id=str(doc.get("id") or "")).to_dict()
        record = {"id": record["id"], "toponyms": record["toponyms"], "events": record["events"]}
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return lines


def first_difference(old: list[str], new: list[str]) -> str | None:
    if old == new:
        return None
    if len(old) != len(new):
        return f"{len(old)} documents saved, {len(new)} now"
    for i, (a, b) in enumerate(zip(old, new, strict=True)):
        if a != b:
            doc_id = json.loads(b)["id"]
            at = next(k for k in range(min(len(a), len(b))) if a[k] != b[k]) if a[:len(b)] != b[:len(a)] \
                else min(len(a), len(b))
            return f"document {i} (id {doc_id!r}) differs from character {at}: ...{b[max(0, at - 60):at + 60]}..."
    return "differs"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, action="append", help="JSONL corpus (default: both dev corpora)")
    ap.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "geo-predictions",
                    help="where the reference predictions are kept (outside the repository)")
    ap.add_argument("--save", action="store_true", help="write the reference instead of comparing")
    ap.add_argument("--cache-dir", type=Path, default=None, help="the gazetteer cache to load")
    args = ap.parse_args(argv)
    if args.dir.resolve().is_relative_to(ROOT):
        ap.error(f"--dir {args.dir} is inside the repository; corpus-derived text stays outside it")
    corpora = args.corpus or list(DEFAULT_CORPORA)
    status = 0
    for corpus in corpora:
        if not corpus.exists():
            print(f"{corpus}: not found", file=sys.stderr)
            return 2
        lines = predictions(corpus, cache_dir=args.cache_dir)
        saved = args.dir / f"{corpus.stem}.predictions.jsonl"
        digest = hashlib.sha256("".join(lines).encode()).hexdigest()[:16]
        if args.save or not saved.exists():
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text("".join(lines), encoding="utf-8")
            print(f"{corpus.name}: saved {len(lines)} documents to {saved} (sha256 {digest})")
            continue
        diff = first_difference(saved.read_text(encoding="utf-8").splitlines(keepends=True), lines)
        if diff is None:
            print(f"{corpus.name}: identical to {saved} ({len(lines)} documents, sha256 {digest})")
        else:
            print(f"{corpus.name}: DIFFERENT from {saved}: {diff}")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
