"""Command line: ``python -m geo parse | evaluate | gazetteer``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from geo.errors import GeoError
from geo.gazetteer import Gazetteer


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, instead got: {value!r}") from exc


def read_jsonl(path: Path) -> Iterator[dict]:
    """Documents of a JSONL file, one object a line; a bad line names its number."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GeoError(f"{path}:{n}: not a JSON object ({exc.msg}).") from exc
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise GeoError(f"{path}:{n}: expected an object with a \"text\" string.")
            yield doc


def read_article(path: Path) -> dict:
    """An article file (.txt, .md, .html) with the metadata of a sibling .json, if any."""
    from geo.text import decode, html_to_text, looks_like_html

    text = decode(path.read_bytes(), source=str(path))
    title = ""
    if path.suffix.lower() in (".html", ".htm") or looks_like_html(text):
        text, title = html_to_text(text)
    doc = {"id": path.stem, "text": text, "title": title}
    meta_path = path.with_suffix(".json")
    if meta_path.exists() and meta_path != path:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        doc["title"] = meta.get("title") or title
        doc["published"] = meta.get("published")
        doc["source"] = meta.get("source", "")
        doc["url"] = meta.get("url", "")
    return doc


def cmd_parse(args: argparse.Namespace) -> int:
    from geo.pipeline import Geoparser

    gazetteer = Gazetteer.load(args.cache_dir)
    extra = []
    if args.spacy_model:
        from geo.spacy_components import load_extra_recognizer

        extra.append(load_extra_recognizer(args.spacy_model, gazetteer))
    parser = Geoparser(gazetteer, events=not args.no_events, extra_recognizers=extra)
    if args.jsonl:
        docs = read_jsonl(args.jsonl)
    else:
        docs = (read_article(p) for p in args.files)
    for doc in docs:
        if args.published:
            doc["published"] = args.published.isoformat()
        analysis = next(parser.analyse_many([doc]))
        record = analysis.to_dict()
        if args.jsonl:
            record = {"id": record["id"], "toponyms": record["toponyms"], "events": record["events"]}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from geo.evaluate import prediction_record, score
    from geo.pipeline import Geoparser

    parser = Geoparser(Gazetteer.load(args.cache_dir), events=False, disable=args.disable)
    gold = {d["id"]: d for d in read_jsonl(args.gold)}
    started = time.perf_counter()
    preds = {}
    for doc_id, doc in gold.items():
        analysis = parser.analyse(doc["text"], doc_id=doc_id)
        preds[doc_id] = prediction_record(doc_id, (t.to_dict() for t in analysis.toponyms),
                                          exclude=set(args.exclude))
    elapsed = time.perf_counter() - started
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as f:
            for rec in preds.values():
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{args.gold}: {len(gold)} documents in {elapsed:.2f} s ({len(gold) / elapsed:.0f} docs/s)")
    for rule in ("exact", "eupeg"):
        print(score(gold, preds, rule=rule, coords_only=not args.all_gold, group=args.group).line())
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    gaz = Gazetteer.load(args.cache_dir, rebuild=args.rebuild)
    print(f"{gaz.path} ({len(gaz):,} places, opened in {time.perf_counter() - started:.2f} s)")
    print(gaz.attribution)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from itertools import chain

    from geo.export import write_layers
    from geo.layers import build_layers
    from geo.pipeline import Geoparser

    if not args.files and not args.jsonl:
        raise GeoError("export needs article files or --jsonl IN.jsonl")
    gazetteer = Gazetteer.load(args.cache_dir)
    docs = chain((read_article(p) for p in args.files), read_jsonl(args.jsonl) if args.jsonl else ())
    if args.published:
        docs = ({**doc, "published": args.published.isoformat()} for doc in docs)
    analyses = list(Geoparser(gazetteer).analyse_many(docs))
    layers = build_layers(analyses, gazetteer)
    paths = write_layers(layers, args.out, args.format)
    counts = layers.counts()
    # one file per layer, or every layer in the one GeoPackage
    where = {name: (str(paths[0]) + f" (layer {name})" if len(paths) == 1 else str(path))
             for name, path in zip(counts, paths * len(counts) if len(paths) == 1 else paths, strict=True)}
    print(f"{len(analyses)} document(s) -> {args.out} ({args.format})")
    for name, count in counts.items():
        print(f"  {name:<12}{count:>7}  {where[name]}")
    if counts["unresolved"]:
        print(f"{counts['unresolved']} mention(s) without a place are in the unresolved table.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m geo", description="Offline geoparser for English news.")
    ap.add_argument("--cache-dir", type=Path, default=None,
                    help="where the gazetteer cache lives (default: $GEO_CACHE_DIR or ~/.cache/geo-news)")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="find and resolve places (and events); one JSON object per document")
    p.add_argument("files", nargs="*", type=Path, help="article files (.txt, .md, .html)")
    p.add_argument("--jsonl", type=Path, help='read documents from a JSONL file of {"id", "text"} lines')
    p.add_argument("--published", type=_date, help="publication date for relative dates (YYYY-MM-DD)")
    p.add_argument("--no-events", action="store_true", help="skip event extraction")
    p.add_argument("--spacy-model", metavar="NAME_OR_PATH",
                   help="also use an installed spaCy pipeline's entities (e.g. en_core_web_sm)")
    p.set_defaults(func=cmd_parse)

    e = sub.add_parser("evaluate", help="score recognition and resolution on a gold JSONL corpus")
    e.add_argument("--gold", type=Path, required=True)
    e.add_argument("--exclude", type=lambda v: [x for x in v.split(",") if x], default=[],
                   help="comma-separated mention kinds the corpus does not annotate, left out of the "
                        "predictions: adjectival (derived forms, 'Malian'), embedded (in organisation "
                        "names), or a mention type; GeoVirus: --exclude adjectival,embedded")
    e.add_argument("--all-gold", action="store_true", help="also count gold toponyms without coordinates")
    e.add_argument("--group", help="keep only gold toponyms of this group (GeoWebNews: literal)")
    e.add_argument("--predictions", type=Path, help="also write the predictions as JSONL here")
    e.add_argument("--disable", type=lambda v: [x for x in v.split(",") if x], default=[],
                   metavar="NAME[,NAME]", help="switch off steps, rules or resolver features by name "
                                                "(`python -m geo rules` lists them), to measure them")
    e.set_defaults(func=cmd_evaluate)

    g = sub.add_parser("gazetteer", help="build (or rebuild) the gazetteer cache and show where it is")
    g.add_argument("--rebuild", action="store_true")
    g.set_defaults(func=cmd_gazetteer)

    x = sub.add_parser("export", help="write places, mentions, events and areas as GIS layers")
    x.add_argument("files", nargs="*", type=Path, help="article files (.txt, .md, .html)")
    x.add_argument("--jsonl", type=Path, help='also read documents from a JSONL file of {"id", "text"} lines')
    x.add_argument("--out", type=Path, required=True, help="folder for the layer files (created if missing)")
    x.add_argument("--format", choices=("geojson", "gpkg", "csv", "kml"), default="geojson",
                   help="geojson (RFC 7946, a file per layer), gpkg (one GeoPackage), csv or kml")
    x.add_argument("--published", type=_date, help="publication date for relative dates (YYYY-MM-DD)")
    x.set_defaults(func=cmd_export)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.command == "parse" and not args.files and not args.jsonl:
        ap.error("parse needs article files or --jsonl IN.jsonl")
    try:
        return args.func(args)
    except (GeoError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
