"""Benchmark of the offline gazetteer.

Prints: index build time (a fresh build into a temporary directory), load
time (cold process state: a new Gazetteer from the file), size on disk,
look-ups per second over a mixed list (place names, historical names,
transliteration variants and misses; each name looked up once, so the
result cache does not help; then the same list again, cached), the
token-scanning rate of match_tokens, and resident memory after load.

    .venv/bin/python benchmarks/bench_gazetteer.py [--no-build]
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from chronotope.gazetteer import Gazetteer, build  # noqa: E402
from chronotope.gazetteer.index import _read  # noqa: E402


def rss_mb() -> float:
    try:
        import psutil
        return psutil.Process().memory_info().rss / 1e6
    except ImportError:  # pragma: no cover
        return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-build", action="store_true", help="skip the fresh build")
    ap.add_argument("-n", type=int, default=30000, help="number of look-ups")
    args = ap.parse_args()

    path = build.index_path()
    if not path.exists():  # first use: build the shared index (not timed here)
        Gazetteer.load()
        Gazetteer._instances.clear()
        print("(built the cached index first; run again for a clean RSS figure)")
    gc.collect()
    rss1 = rss_mb()

    t, c = time.perf_counter(), time.process_time()
    data = _read(path)
    gz = Gazetteer(data, path)
    del data
    load, cpu = time.perf_counter() - t, time.process_time() - c
    print(f"load time:         {load:7.3f} s wall, {cpu:.3f} s CPU")
    print(f"size on disk:      {os.path.getsize(path) / 1e6:7.1f} MB  ({path})")
    print(f"places / keys:     {len(gz):,} / {len(gz._keys):,}")
    print(f"RSS after load:    {rss_mb():7.0f} MB  (+{rss_mb() - rss1:.0f} MB for the index)")

    rnd = random.Random(7)
    names = rnd.sample(gz._names, args.n // 2)
    hist = ["Pishpek", "Vernyi", "Alma-Ata", "Przheval'sk", "Constantinople", "Helsingfors",
            "Obdorsk", "Berezov", "Tiflis", "Petrograd", "Smyrna", "Batavia", "Königsberg"]
    variants = ["Beresov", "Vernyy", "Tschita", "Rostoff", "Jekaterinburg", "Charkow",
                "Przhevalskiy", "Orenburgsky", "Taschkent", "Samarcand"]
    misses = [f"Qzx{rnd.randrange(10**6)}ville" for _ in range(args.n // 4)]
    extra = (hist + variants) * ((args.n - len(names) - len(misses)) // (len(hist) + len(variants)) + 1)
    # make every query unique so the result cache never answers
    mixed = names + misses + [f"{q}{' ' * (i % 7)}" if i % 2 else q.upper() if i % 3 else q
                              for i, q in enumerate(extra)]
    mixed = list(dict.fromkeys(mixed))[:args.n]
    rnd.shuffle(mixed)
    t, c = time.perf_counter(), time.process_time()
    hits = sum(1 for q in mixed if gz.lookup(q))
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(f"look-ups (uncached): {len(mixed) / dt:9,.0f} /s wall, {len(mixed) / dc:,.0f} /s CPU"
          f"  ({len(mixed):,} distinct queries, {hits:,} with a result)")
    t = time.perf_counter()
    for q in mixed:
        gz.lookup(q)
    dt = time.perf_counter() - t
    print(f"look-ups (cached):   {len(mixed) / dt:9,.0f} /s")

    text = ("In 1907 the exiles travelled from Alma - Ata by the Kurday Pass to Pishpek , "
            "then along the Chu to Tokmak and the shore of Issyk - Kul , and wrote to "
            "St . Petersburg and Tiflis about the road to Vernyi and Przheval'sk .").split()
    tokens = text * 200
    t = time.perf_counter()
    spans = gz.match_tokens(tokens)
    dt = time.perf_counter() - t
    print(f"match_tokens:      {len(tokens) / dt:9,.0f} tokens/s ({len(spans)} spans in {len(tokens):,} tokens)")

    if not args.no_build:
        del gz
        gc.collect()
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            build.write_index(Path(tmp) / "bench.marshal")
            print(f"build time:        {time.perf_counter() - t:7.2f} s  (fresh build from all sources)")
    try:
        print(f"load average:      {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
              " (figures above scale with contention)")
    except OSError:
        pass


if __name__ == "__main__":
    main()
