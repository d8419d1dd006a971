#!/usr/bin/env python3
"""Throughput of the time stage alone, in words per second on one core.

usage: .venv/bin/python benchmarks/bench_times.py [TEXT_FILE ...] [--repeat N]

Times what the stage does per document (find + resolve on the normalised
text, adding mentions, the chronology check) without the language model,
which the pipeline runs once for all stages.  By default it reads the two
corpus chapters and the Beagle from ../shared/corpus (never copied here),
repeated to a text of some size.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from chronotope.document import Document  # noqa: E402
from chronotope.pipeline import Options, Section  # noqa: E402
from chronotope.stages.times import make  # noqa: E402
from chronotope.times import find  # noqa: E402

CORPUS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "corpus")
DEFAULT = ["my-life-deportation.txt", "cliff-trial-and-escape.txt", "public-domain/voyage-of-the-beagle.txt"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    files = args.files or [os.path.join(CORPUS, f) for f in DEFAULT if os.path.exists(os.path.join(CORPUS, f))]
    if not files:
        print("no input texts", file=sys.stderr)
        return 2
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})    # one core
    except (AttributeError, OSError):
        pass
    docs = []
    for p in files:
        with open(p, encoding="utf-8", newline="") as f:
            docs.append((os.path.basename(p), f.read()))
    print(f"time stage throughput, {len(docs)} texts, best of {args.repeat} runs, one core")
    total_words = total_best = 0.0
    for name, text in docs:
        words = len(text.split())
        best = None
        for _ in range(args.repeat):
            doc = Document(text, source=name)          # normalisation is the document's, not timed
            stage = make(Options())
            t0 = time.perf_counter()
            stage.begin(doc)
            stage.process(doc, Section(0, len(doc.norm)))
            stage.finish(doc)
            dt = time.perf_counter() - t0
            best = dt if best is None else min(best, dt)
        n = len(doc.mentions)
        t0 = time.perf_counter()
        find(doc.norm)
        grammar = time.perf_counter() - t0
        print(f"  {name:34s} {words:8d} words {n:6d} mentions {words / best:10.0f} words/s "
              f"(finding alone {words / grammar:10.0f} words/s)")
        total_words += words
        total_best += best
    print(f"  {'all':34s} {int(total_words):8d} words {'':15s} {total_words / total_best:10.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
