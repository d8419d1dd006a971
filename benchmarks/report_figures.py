"""Figures for the offline report of both corpus texts: file size and time to open in headless Chromium.

    .venv/bin/python benchmarks/report_figures.py [--db chronotope.db] [--out /tmp/report.html]

Without --db the corpus texts in ../shared/corpus are run through the pipeline first.
Prints the size (the issue asks for under 5 MB) and the time from navigation start until
the page has drawn every view (the issue asks for under two seconds), best of three.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "browser"))
sys.path.insert(0, os.path.join(HERE, "..", "tests"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="a chronotope database (default: run the pipeline over the corpus)")
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "chronotope-report.html"))
    args = ap.parse_args()
    from chronotope.report import write_report
    t0 = time.perf_counter()
    if args.db:
        from chronotope.web import load_export
        from chronotope.web.curation import corrected_export
        export = corrected_export(args.db, load_export(args.db))
    else:
        from corpus_export import corpus_export
        export = corpus_export()
    t1 = time.perf_counter()
    figures = write_report(export, args.out)
    t2 = time.perf_counter()
    print(f"documents {figures['documents']}, mentions {figures['mentions']}, events {figures['events']}, "
          f"legs {figures['legs']}")
    print(f"extraction/loading {t1 - t0:.1f} s; report written in {t2 - t1:.2f} s")
    print(f"report size: {figures['bytes']:,} bytes ({figures['bytes'] / 1e6:.2f} MB; limit 5 MB)")
    import chromium
    if chromium.why_not():
        print("load time: not measured:", chromium.why_not())
        return 0
    times = []
    with chromium.Browser() as b:
        for _ in range(3):
            page = b.new_page()
            page.goto("file://" + os.path.abspath(args.out))
            page.wait_for_selector("body[data-ready='1']", timeout=30000)
            times.append(int(page.get_attribute("body", "data-ready-ms")))
            page.close()
    print(f"load time (navigation start to all views drawn): best {min(times)} ms, runs {times} (limit 2000 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
