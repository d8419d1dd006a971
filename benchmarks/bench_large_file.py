"""Memory on an enormous input: runs `chronotope extract` on a generated text of --mb megabytes.

The text is the bundled sample repeated; the CLI runs in a child process.
Its peak resident memory is read from the operating system after it exits,
so the figure covers ingest, every stage, linking, storage and the export.
While it runs, its resident memory (with any language-model worker processes)
is sampled, and printed as a timeline, so a run whose memory keeps growing
can be told from one that stays flat.

    .venv/bin/python benchmarks/bench_large_file.py [--mb 50] [--jobs 1] [--every 2] [--report 60]
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


def tree_rss_mb(pid: int) -> float | None:
    """Resident memory of a process and its descendants (Linux /proc), or None."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, StopIteration, ValueError):
            if p == pid:
                return None
    return total / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--jobs", type=int, default=1, help="processes for the language model")
    ap.add_argument("--every", type=float, default=2.0, help="seconds between memory samples")
    ap.add_argument("--report", type=float, default=60.0, help="seconds between progress lines")
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
        mb = size / 1e6
        words = words_done(sample, size)
        t0 = time.perf_counter()
        with open(os.path.join(tmp, "err"), "w+") as err:
            proc = subprocess.Popen([sys.executable, "-m", "chronotope", "extract", path, "--db", os.path.join(tmp, "l.db"),
                                     "--out", os.path.join(tmp, "l.json"), "--quiet", "--jobs", str(args.jobs)],
                                    stdout=subprocess.DEVNULL, stderr=err)
            samples: list[tuple[float, float]] = []
            last_print = 0.0
            print(f"input: {size / 1e6:.1f} MB, about {words:,} words; resident memory as it runs:", flush=True)
            while proc.poll() is None:
                rss = tree_rss_mb(proc.pid)
                if rss is not None:
                    samples.append((time.perf_counter() - t0, rss))
                    # printed as it goes, so a run cut short still leaves its timeline
                    if samples[-1][0] - last_print >= args.report:
                        last_print = samples[-1][0]
                        print(f"  ... {last_print:7.0f} s {rss:9,.0f} MB", flush=True)
                time.sleep(args.every)
            secs = time.perf_counter() - t0
            err.seek(0)
            stderr = err.read().strip()
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"input: {mb:.1f} MB, about {words:,} words")
        print(f"exit code {proc.returncode}; {secs:.0f} s ({words / secs:,.0f} words/s); {stderr[-300:]}")
        if samples:
            print("resident memory over the run (process and workers):")
            step = max(1, len(samples) // 12)
            for t, rss in samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else []):
                print(f"  {t:7.0f} s {rss:9,.0f} MB  {'#' * int(rss / 50)}")
        print(f"peak memory (RSS) of the extract process: {peak:,.0f} MB ({peak / mb:.1f} MB per MB of input)")


if __name__ == "__main__":
    sys.exit(main())
