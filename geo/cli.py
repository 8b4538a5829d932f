"""Command line: ``python -m geo parse | evaluate | rules | gazetteer | export``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from geo.batch import PARTITION_SIZE
from geo.errors import GeoError
from geo.gazetteer import Gazetteer
from geo.io import ArticleRecord, Columns, RecordError, read_article, read_records

__all__ = ("build_parser", "main", "read_article", "read_jsonl")


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


def _columns(args: argparse.Namespace) -> Columns:
    return Columns(**{name: getattr(args, f"{name}_column") for name in asdict(Columns())})


def _records(args: argparse.Namespace, failures: list[RecordError]) -> Iterator[ArticleRecord]:
    """The articles of the command's inputs; a bad one is reported on stderr and counted."""
    published = args.published.isoformat() if args.published else None
    inputs = [*args.files, *([args.jsonl] if args.jsonl else [])]
    for item in read_records(inputs, columns=_columns(args)):
        if isinstance(item, RecordError):
            _report(item, failures)
        else:
            yield replace(item, published=published) if published else item


def _report(error: RecordError, failures: list[RecordError]) -> None:
    failures.append(error)
    print(f"error: {error}", file=sys.stderr, flush=True)


def _failed(failures: list[RecordError], done: int) -> int:
    """The exit status: 1, with the count, when some records failed; 0 otherwise."""
    if failures:
        print(f"{len(failures)} of {done + len(failures)} record(s) failed (see above); "
              f"the others were processed.", file=sys.stderr)
        return 1
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from geo.batch.worker import analyse_record
    from geo.pipeline import Geoparser

    gazetteer = Gazetteer.load(args.cache_dir)
    extra = []
    if args.spacy_model:
        from geo.spacy_components import load_extra_recognizer

        extra.append(load_extra_recognizer(args.spacy_model, gazetteer))
    parser = Geoparser(gazetteer, events=not args.no_events, extra_recognizers=extra,
                       options={"corrections": _corrections(args)})
    failures: list[RecordError] = []
    done = 0
    for record in _records(args, failures):
        analysis = analyse_record(parser, record)
        if isinstance(analysis, RecordError):
            _report(analysis, failures)
            continue
        out = analysis.to_dict()
        if record.position:  # a record of a corpus (a line or a row): the compact form
            out = {"id": out["id"], "toponyms": out["toponyms"], "events": out["events"]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        done += 1
    return _failed(failures, done)


def _corrections(args: argparse.Namespace):
    """The saved corrections parse and export apply: the user's store, another file, or none."""
    from geo.corrections import CorrectionStore, corrections_from_json, default_store

    if args.no_corrections:
        return None
    if not args.corrections:
        return default_store()
    if not args.corrections.is_file():
        raise GeoError(f"--corrections {args.corrections}: no such file; give a corrections store "
                       f"(.sqlite) or an export (.json), or leave the flag out for the saved ones.")
    if args.corrections.suffix.lower() == ".json":
        return corrections_from_json(args.corrections.read_bytes())
    return CorrectionStore(args.corrections)


def _add_corrections_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--corrections", type=Path, metavar="PATH",
                   help="apply the corrections of this store (default: the saved ones, "
                        "$GEO_DATA_DIR/corrections.sqlite)")
    g.add_argument("--no-corrections", action="store_true", help="ignore saved corrections")


def cmd_evaluate(args: argparse.Namespace) -> int:
    from geo.evaluate import prediction_record, score
    from geo.pipeline import Geoparser

    try:
        parser = Geoparser(Gazetteer.load(args.cache_dir), events=False, disable=args.disable)
    except ValueError as exc:
        raise GeoError(str(exc)) from exc
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


def cmd_rules(args: argparse.Namespace) -> int:
    from geo.pipeline import Geoparser

    rules = Geoparser(Gazetteer.load(args.cache_dir)).rules()
    width = max((len(r.name) for r in rules), default=0)
    for rule in rules:
        print(f"{rule.step:<10} {rule.name:<{width}}  {rule.provenance}")
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    gaz = Gazetteer.load(args.cache_dir, rebuild=args.rebuild)
    print(f"{gaz.path} ({len(gaz):,} places, opened in {time.perf_counter() - started:.2f} s)")
    print(gaz.attribution)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from geo.batch.worker import analyse_record
    from geo.export import write_layers
    from geo.layers import build_layers
    from geo.pipeline import Geoparser

    if not args.files and not args.jsonl:
        raise GeoError("export needs article files or --jsonl IN.jsonl")
    gazetteer = Gazetteer.load(args.cache_dir)
    parser = Geoparser(gazetteer, options={"corrections": _corrections(args)})
    failures: list[RecordError] = []
    analyses = []
    for record in _records(args, failures):
        analysis = analyse_record(parser, record)
        if isinstance(analysis, RecordError):
            _report(analysis, failures)
        else:
            analyses.append(analysis)
    layers = build_layers(analyses, gazetteer)
    paths = write_layers(layers, args.out, args.format, csv_formulas="raw" if args.raw_csv else "neutralise")
    counts = layers.counts()
    # one file per layer, or every layer in the one GeoPackage
    where = {name: (str(paths[0]) + f" (layer {name})" if len(paths) == 1 else str(path))
             for name, path in zip(counts, paths * len(counts) if len(paths) == 1 else paths, strict=True)}
    print(f"{len(analyses)} document(s) -> {args.out} ({args.format})")
    for name, count in counts.items():
        print(f"  {name:<12}{count:>7}  {where[name]}")
    if counts["unresolved"]:
        print(f"{counts['unresolved']} mention(s) without a place are in the unresolved table.")
    return _failed(failures, len(analyses))


def cmd_batch(args: argparse.Namespace) -> int:
    from geo.batch import ParserSpec, run_batch

    spec = ParserSpec(cache_dir=str(args.cache_dir) if args.cache_dir else None, events=not args.no_events)
    progress = not args.quiet and sys.stderr.isatty()
    summary = run_batch(args.inputs, args.out, workers=args.workers, scheduler=args.scheduler,
                        partition_size=args.partition_size, columns=_columns(args), spec=spec,
                        progress=progress, log=None if progress or args.quiet else _stderr)
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    if args.gpkg:
        from geo.batch.gpkg import export_gpkg

        rows = export_gpkg(args.out, args.gpkg)
        if not args.quiet:
            print(f"{args.gpkg}: " + ", ".join(f"{n} {layer}" for layer, n in rows.items()), file=sys.stderr)
    if summary.errors:
        print(f"{summary.errors} record(s) failed; each is a line of {args.out / 'errors.jsonl'}.",
              file=sys.stderr)
        return 1
    return 0


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m geo", description="Offline geoparser for English news.")
    ap.add_argument("--cache-dir", type=Path, default=None,
                    help="where the gazetteer cache lives (default: $GEO_CACHE_DIR or ~/.cache/geo-news)")
    sub = ap.add_subparsers(dest="command", required=True)
    columns = argparse.ArgumentParser(add_help=False)
    names = columns.add_argument_group("corpus columns (JSONL fields, CSV and Parquet columns)")
    for name, default in asdict(Columns()).items():
        names.add_argument(f"--{name}-column", default=default, metavar="NAME",
                           help=f"the field holding the article's {name} (default: {default})")

    p = sub.add_parser("parse", parents=[columns],
                       help="find and resolve places (and events); one JSON object per document")
    p.add_argument("files", nargs="*", type=Path,
                   help="articles (.txt, .md, .html), folders, corpora (.jsonl[.gz], .csv, .parquet); "
                        "- reads JSONL from standard input")
    p.add_argument("--jsonl", type=Path, help='read documents from a JSONL file of {"id", "text"} lines '
                                              '(- for standard input)')
    p.add_argument("--published", type=_date, help="publication date for relative dates (YYYY-MM-DD)")
    p.add_argument("--no-events", action="store_true", help="skip event extraction")
    p.add_argument("--spacy-model", metavar="NAME_OR_PATH",
                   help="also use an installed spaCy pipeline's entities (e.g. en_core_web_sm)")
    _add_corrections_flags(p)
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
    e.add_argument("--disable", type=lambda v: [x for x in v.split(",") if x], default=[], metavar="NAME[,NAME]",
                   help="switch off steps or named rules (see `python -m geo rules`) to measure their worth")
    e.set_defaults(func=cmd_evaluate)

    r = sub.add_parser("rules", help="list every named rule of every step with its provenance")
    r.set_defaults(func=cmd_rules)

    g = sub.add_parser("gazetteer", help="build (or rebuild) the gazetteer cache and show where it is")
    g.add_argument("--rebuild", action="store_true")
    g.set_defaults(func=cmd_gazetteer)

    x = sub.add_parser("export", parents=[columns],
                       help="write places, mentions, events and areas as GIS layers")
    x.add_argument("files", nargs="*", type=Path,
                   help="articles (.txt, .md, .html), folders, corpora (.jsonl[.gz], .csv, .parquet); "
                        "- reads JSONL from standard input")
    x.add_argument("--jsonl", type=Path, help='also read documents from a JSONL file of {"id", "text"} lines')
    x.add_argument("--out", type=Path, required=True, help="folder for the layer files (created if missing)")
    x.add_argument("--format", choices=("geojson", "gpkg", "csv", "kml", "geoparquet"), default="geojson",
                   help="geojson (RFC 7946, a file per layer), gpkg (one GeoPackage), csv, kml or geoparquet")
    x.add_argument("--raw-csv", action="store_true",
                   help="write CSV cells that start with = + - @ as they are (default: neutralised with a "
                        "leading ' so a spreadsheet does not run them as formulas)")
    x.add_argument("--published", type=_date, help="publication date for relative dates (YYYY-MM-DD)")
    _add_corrections_flags(x)
    x.set_defaults(func=cmd_export)

    b = sub.add_parser("batch", parents=[columns],
                       help="geoparse an archive into GeoParquet layers (resumable, local workers or Dask)")
    b.add_argument("inputs", nargs="+",
                   help="folders of articles, corpora (.jsonl[.gz], .csv, .parquet), article files; "
                        "- reads JSONL from standard input")
    b.add_argument("--out", type=Path, required=True,
                   help="output folder; rerunning with the same one resumes (finished partitions are kept)")
    b.add_argument("--workers", type=int, default=None,
                   help="local worker processes, each with one parser (default: the number of cores)")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="a dask.distributed scheduler (tcp://host:8786) to run the partitions on")
    b.add_argument("--partition-size", type=int, default=PARTITION_SIZE, metavar="N",
                   help=f"records per partition, the unit of resume (default: {PARTITION_SIZE})")
    b.add_argument("--no-events", action="store_true", help="skip event extraction")
    b.add_argument("--gpkg", type=Path, metavar="FILE", help="also write every layer of the folder into "
                   "one GeoPackage (for a GDAL or QGIS without the Parquet driver, such as Debian's)")
    b.add_argument("--quiet", action="store_true", help="no progress bar, no summary")
    b.set_defaults(func=cmd_batch)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.command == "parse" and not args.files and not args.jsonl:
        ap.error("parse needs article files or --jsonl IN.jsonl")
    try:
        # one line at a time, so `| head -1` and `| tee` see each document as it is done
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    except AttributeError:  # a stream that is not a TextIOWrapper (a test's capture, say)
        pass
    try:
        return args.func(args)
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, as cat and grep do; point stdout at
        # devnull so that the interpreter's own flush at exit does not fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a program ended by a closed pipe
    except (GeoError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
