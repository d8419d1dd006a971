"""Commands beyond extract/export: TimeML tagging, the HTML report, the local web app.

Each is a thin wrapper: argument parsing here, the work in its own package.
"""
from __future__ import annotations

import os
import sys

from .cli import DEFAULT_DB, EXIT_NOTHING, EXIT_OK, EXIT_USAGE, _fail, _say


def cmd_timeml(args) -> int:
    from .pipeline import Options
    from .timeml import timeml_main
    if not os.path.isfile(args.input):
        _fail(f"{args.input}: no such file")
        return EXIT_NOTHING
    return timeml_main(args.input, args.out, Options(reference_date=args.reference_date, calendar=args.calendar))


def cmd_report(args) -> int:
    from . import storage
    from .export_json import corpus_to_json
    from .linking import link
    from .report import write_report
    if not os.path.exists(args.db):
        _fail(f"{args.db}: no such database (run 'chronotope extract' first)")
        return EXIT_NOTHING
    corpus = link(storage.load_corpus(args.db, args.doc or None))
    if not corpus.documents:
        _fail(f"{args.db}: no documents")
        return EXIT_NOTHING
    from .web.curation import corrected_export
    write_report(corrected_export(args.db, corpus_to_json(corpus)), args.out)
    _say(args, f"chronotope: wrote {args.out} ({os.path.getsize(args.out) / 1e6:.2f} MB)")
    return EXIT_OK


def cmd_serve(args) -> int:
    from .web import serve
    if not os.path.exists(args.db):
        _fail(f"{args.db}: no such database (run 'chronotope extract' first)")
        return EXIT_NOTHING
    serve(args.db, host=args.host, port=args.port)
    return EXIT_OK


def add_all(sub) -> None:
    t = sub.add_parser("timeml", help="tag a TimeML/TempEval-3 file with TIMEX3 elements",
                       description="Read TimeML or TempEval-3 input (text and DCT) and write it back with TIMEX3"
                                   " tags (type DATE/TIME/DURATION/SET and value), for the TempEval-3 scorer.")
    t.add_argument("input", metavar="IN.tml")
    t.add_argument("--out", metavar="OUT.tml", help="output file (default: standard output)")
    t.add_argument("--reference-date", metavar="YYYY-MM-DD", help="override the document creation time")
    t.add_argument("--calendar", choices=["gregorian", "julian"])
    t.set_defaults(func=cmd_timeml)

    r = sub.add_parser("report", help="write a self-contained offline HTML report",
                       description="One HTML file with a map of journeys, a timeline, a network of people and a"
                                   " reading view; works with no network at all.")
    r.add_argument("--db", default=DEFAULT_DB, metavar="FILE")
    r.add_argument("--out", required=True, metavar="report.html")
    r.add_argument("--doc", action="append", metavar="ID", help="only this document (repeatable)")
    r.add_argument("-q", "--quiet", action="store_true")
    r.set_defaults(func=cmd_report)

    s = sub.add_parser("serve", help="browse, search and curate a database in a local web app",
                       description="A local web app over the database: views, search, filters, entity pages and"
                                   " curation. Binds to 127.0.0.1 unless --host says otherwise.")
    s.add_argument("--db", default=DEFAULT_DB, metavar="FILE")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=cmd_serve)
