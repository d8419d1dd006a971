"""The command line: a thin layer over ingest, the pipeline, storage and exports.

Exit codes: 0 everything worked; 1 some inputs failed (the rest were
processed and stored); 2 usage error (unknown option, bad argument);
3 nothing worked.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3
DEFAULT_DB = "chronotope.db"


def _say(args, msg: str) -> None:
    if not getattr(args, "quiet", False):
        print(msg, file=sys.stderr)


def _fail(msg: str) -> None:
    print(f"chronotope: {msg}", file=sys.stderr)


# -- extract -------------------------------------------------------------

def cmd_extract(args) -> int:
    from .ingest import iter_input_paths
    from .pipeline import Options
    from .run import extract_paths

    paths, unmatched = iter_input_paths(args.inputs)
    failures = [f"{p}: no such file, folder or matching pattern" for p in unmatched]
    for f in failures:
        _fail(f)
    if args.reference_date:
        try:
            _check_iso_date(args.reference_date)
        except ValueError as e:
            _fail(f"--reference-date: {e}")
            return EXIT_USAGE
    if not paths:
        _fail("no input files")
        return EXIT_NOTHING
    options = Options(model=args.model, reference_date=args.reference_date, calendar=args.calendar)
    t0 = time.perf_counter()
    try:
        corpus, errors = extract_paths(paths, options, jobs=args.jobs, db=None if args.no_db else args.db,
                                       progress=not args.quiet and sys.stderr.isatty())
    except Exception as e:  # model missing, database unusable: nothing can work
        _fail(str(e))
        return EXIT_NOTHING
    for err in errors:
        _fail(err)
    failures += errors
    for d in corpus.documents:   # a stage that failed on one document, or a decoding problem: say so
        for w in list(d.meta.get("warnings") or []) + list(d.meta.get("stage_errors") or []):
            _fail(f"warning: {d.source}: {w}")
    if args.out and corpus.documents:
        from .export_json import write_corpus_json   # streamed: the whole export is never held at once
        write_corpus_json(corpus, args.out)
    n = len(corpus.documents)
    words = sum(len(d.text[d.body[0]:d.body[1]].split()) for d in corpus.documents)
    secs = time.perf_counter() - t0
    _say(args, f"chronotope: {n} document(s), {words:,} words, {sum(len(d.mentions) for d in corpus.documents):,} mentions,"
               f" {sum(len(d.events) for d in corpus.documents):,} events in {secs:.1f}s"
               + ("" if args.no_db else f"; stored in {args.db}") + (f"; wrote {args.out}" if args.out and n else "")
               + (f"; {len(failures)} failed" if failures else ""))
    if n == 0:
        return EXIT_NOTHING
    return EXIT_PARTIAL if failures else EXIT_OK


def _check_iso_date(s: str) -> None:
    import datetime
    try:
        datetime.date.fromisoformat(s)
    except ValueError:
        raise ValueError(f"{s!r} is not an ISO date (YYYY-MM-DD)") from None


# -- export --------------------------------------------------------------

EXPORT_FORMATS = ["json"]


def cmd_export(args) -> int:
    from . import storage
    from .linking import link

    if not os.path.exists(args.db):
        _fail(f"{args.db}: no such database (run 'chronotope extract' first)")
        return EXIT_NOTHING
    try:
        corpus = storage.load_corpus(args.db, args.doc or None)
    except storage.StorageError as e:
        _fail(str(e))
        return EXIT_NOTHING
    if not corpus.documents:
        _fail(f"{args.db}: no documents" + (" with those ids" if args.doc else ""))
        return EXIT_NOTHING
    link(corpus)
    from .export_json import corpus_to_json, write_json
    from .web.curation import corrected_export
    data = corrected_export(args.db, corpus_to_json(corpus))   # the historian's corrections win
    if args.format == "json":
        if args.out in (None, "-"):
            import json
            json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            write_json(data, args.out)
    else:
        from .exports import write as write_format
        if not args.out:
            _fail(f"--out is required for --format {args.format}")
            return EXIT_USAGE
        write_format(args.format, data, args.out)
    _say(args, f"chronotope: exported {len(corpus.documents)} document(s) as {args.format}"
               + (f" to {args.out}" if args.out not in (None, "-") else ""))
    return EXIT_OK


# -- parser --------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    from .pipeline import DEFAULT_MODEL
    p = argparse.ArgumentParser(
        prog="chronotope",
        description="Reconstruct who, where, when, journeys, messages and persecution from historical narratives,"
                    " every fact pointing back to the characters of its source.",
        epilog="Exit codes: 0 ok; 1 some inputs failed; 2 usage error; 3 nothing worked.")
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="read narrative texts and write the sourced record",
                        description="Read files, folders (recursively) or globs in plain text (any common encoding),"
                                    " Markdown, HTML/XHTML, EPUB, PDF with a text layer or TEI XML; store what is"
                                    " found in a SQLite database and optionally write the JSON export.",
                        epilog="Exit codes: 0 ok; 1 some inputs failed; 2 usage error; 3 nothing worked.")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or glob patterns")
    ex.add_argument("--out", metavar="FILE.json", help="write the JSON export of this run here")
    ex.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"SQLite database (default: {DEFAULT_DB})")
    ex.add_argument("--no-db", action="store_true", help="do not write a database (only --out)")
    ex.add_argument("--model", default=DEFAULT_MODEL, metavar="NAME",
                    help=f"installed spaCy pipeline to use (default: {DEFAULT_MODEL})")
    ex.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                    help="documents processed in N parallel processes (default: 1)")
    ex.add_argument("--reference-date", metavar="YYYY-MM-DD",
                    help="document creation date used to anchor relative dates")
    ex.add_argument("--calendar", choices=["gregorian", "julian"],
                    help="calendar of dates the text does not mark (e.g. julian for Old Style Russian sources)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    ex.set_defaults(func=cmd_extract)

    exp = sub.add_parser("export", help="export a database in another format",
                         description="Export the documents of a database as JSON (the contract format) or another"
                                     " format.")
    exp.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"SQLite database (default: {DEFAULT_DB})")
    exp.add_argument("--format", default="json", choices=_export_formats(), help="output format (default: json)")
    exp.add_argument("--out", metavar="FILE", help="output file (json: default standard output)")
    exp.add_argument("--doc", action="append", metavar="ID", help="only this document (repeatable)")
    exp.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    exp.set_defaults(func=cmd_export)

    _add_optional_commands(sub)
    return p


def _export_formats() -> list[str]:
    try:
        from .exports import FORMATS
        return ["json"] + [f for f in FORMATS if f != "json"]
    except ImportError:
        return EXPORT_FORMATS


def _add_optional_commands(sub) -> None:
    from . import commands
    commands.add_all(sub)


def _positive_int(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _version() -> str:
    from . import __version__
    return f"chronotope {__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
