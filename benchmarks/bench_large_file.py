"""Memory on an enormous input: runs `chronotope extract` on a generated text of --mb megabytes.

The text is the bundled sample repeated; the CLI runs in a child process and
its peak resident memory is read from the operating system after it exits,
so the figure covers ingest, every stage, linking, storage and the export.

    .venv/bin/python benchmarks/bench_large_file.py [--mb 50] [--jobs 1]
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def words_done(sample: str, size: int) -> int:
    return len(sample.split()) * (size // len(sample.encode("utf-8")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--jobs", type=int, default=1, help="processes for the language model")
    args = ap.parse_args()
    sample = (ROOT / "examples" / "diary-of-a-journey.txt").read_text(encoding="utf-8")
    target = int(args.mb * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "large.txt")
        size = 0
        with open(path, "w", encoding="utf-8") as f:
            while size < target:
                f.write(sample)
                f.write("\n\n")
                size += len(sample.encode("utf-8")) + 2
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "chronotope", "extract", path, "--db", os.path.join(tmp, "l.db"),
                               "--out", os.path.join(tmp, "l.json"), "--quiet", "--jobs", str(args.jobs)], capture_output=True, text=True)
        secs = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"input: {size / 1e6:.1f} MB, about {words_done(sample, size):,} words")
        print(f"exit code {proc.returncode}; {secs:.0f} s ({words_done(sample, size) / secs:,.0f} words/s);"
              f" {proc.stderr.strip()[-300:]}")
        print(f"peak memory (RSS) of the extract process: {peak:,.0f} MB ({peak / (size / 1e6):.1f} x the file size)")


if __name__ == "__main__":
    sys.exit(main())
