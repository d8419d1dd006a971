#!/usr/bin/env python3
"""chronotope's place recognition and resolution, end to end, on GeoWebNews.

usage: eval_geowebnews.py [GWN.xml] [--limit N] [--misses N]

Runs the pipeline (the stages up to "places") on every article of
GeoWebNews (Gritta et al. 2019) and matches the predicted place mentions to
the gold toponyms that carry coordinates, by character-offset overlap.
Prints:

- end-to-end recall@161: share of gold toponyms with coordinates that
  chronotope finds and places within 161 km (100 miles);
- accuracy@161 on the toponyms it finds (found = overlapped by a predicted
  place mention with coordinates), and the median error in km;
- the same figures in the same run for a population-only baseline: for each
  found toponym, the most populous gazetteer candidate of the predicted
  string (and, for reference, of every gold string);
- precision of place mentions against all gold annotations (a predicted
  mention overlapping any annotated toponym, with or without coordinates);
- for reference, accuracy counting a gold point inside the bounding box of
  the chosen place as right: a point stands for an ocean, a region or a
  province by convention, and two conventions for "the Middle East" can lie
  1,000 km apart while both are inside it.  The headline figures above are
  point distances only.

The data set is read where it lies (../shared/data/geowebnews), never copied.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronotope.document import Document  # noqa: E402
from chronotope.gazetteer import Gazetteer  # noqa: E402
from chronotope.pipeline import Options, Pipeline  # noqa: E402
from chronotope.stages import registry  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "geowebnews" / "GWN.xml"
KM161 = 161.0


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1, a)))


def read_gwn(path):
    """Articles as (id, text, toponyms); a toponym is a dict of its XML fields."""
    root = ET.parse(path).getroot()
    for art in root.findall("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.find("toponyms") or []:
            d = {ch.tag: (ch.text or "").strip() for ch in t}
            d["start"], d["end"] = int(d["start"]), int(d["end"])
            if d.get("latitude") and d.get("longitude"):
                d["lat"], d["lon"] = float(d["latitude"]), float(d["longitude"])
            tops.append(d)
        yield art.get("file"), text, tops


def build_pipeline():
    opts = Options()
    stages = []
    for name in ("times", "places"):
        try:
            stages += registry.build(opts, names=[name])
        except ImportError as e:   # a stage under construction elsewhere
            print(f"(stage {name!r} unavailable: {e})", file=sys.stderr)
    return Pipeline(opts, stages=stages)


def population_choice(gz, name):
    """The population-only baseline: the most populous candidate for a name."""
    cands = gz.lookup(name, limit=None)
    if not cands:
        return None
    return max(cands, key=lambda p: (p.population or 0, p.score))


def inside_box(gz, geo, lat, lon):
    """Whether (lat, lon) lies in the bounding box of the gazetteer place ``geo`` names."""
    p = gz.get(geo.get("gazetteer_id") or "") if geo.get("gazetteer_id") else None
    if p is None or not p.bbox:
        return False
    s, w, n, e = p.bbox
    return s <= lat <= n and ((w <= lon <= e) if w <= e else (lon >= w or lon <= e))


def summary(errors, n_gold):
    within = sum(1 for e in errors if e <= KM161)
    return {
        "found": len(errors),
        "recall161": within / n_gold if n_gold else 0.0,
        "acc161": within / len(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else float("nan"),
        "mean_km": statistics.fmean(errors) if errors else float("nan"),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gwn", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--misses", type=int, default=0, help="print up to N wrong resolutions")
    args = ap.parse_args(argv)

    gz = Gazetteer.load()
    pipe = build_pipeline()
    n_gold = 0
    sys_err, base_err, base_gold_err = [], [], []
    found_no_geo = 0
    pred_total = pred_hit = 0
    misses = []
    same_id = comparable_id = 0
    id_or_near = 0
    in_box = 0
    gold_in_alternatives = 0
    miss_features = Counter()
    by_type = Counter()
    by_type_found = Counter()
    chars = 0
    t0 = time.perf_counter()
    for k, (aid, text, tops) in enumerate(read_gwn(args.gwn)):
        if args.limit is not None and k >= args.limit:
            break
        doc = pipe.run(Document(text, source=f"gwn-{aid}.txt"))
        chars += len(text)
        preds = []
        for m in doc.mentions_of("place"):
            ent = doc.entities.get(m.entity) if m.entity else None
            preds.append((m.start, m.end, m.text, ent.geo if ent else None, m.attrs.get("candidates") or []))
        pred_total += len(preds)
        pred_hit += sum(1 for s, e, *_ in preds if any(s < t["end"] and t["start"] < e for t in tops))
        for t in tops:
            if "lat" not in t:
                continue
            n_gold += 1
            by_type[t["type"]] += 1
            g = base_gold = population_choice(gz, t["extractedName"])
            if g is not None:
                base_gold_err.append(km(t["lat"], t["lon"], g.lat, g.lon))
            over = [p for p in preds if p[0] < t["end"] and t["start"] < p[1]]
            with_geo = [p for p in over if p[3]]
            if not with_geo:
                found_no_geo += bool(over)
                continue
            by_type_found[t["type"]] += 1
            s, e, surface, geo, alts = with_geo[0]
            err = km(t["lat"], t["lon"], geo["lat"], geo["lon"])
            sys_err.append(err)
            gid = t.get("geonamesID")
            if gid and str(geo.get("gazetteer_id", "")).startswith("geonames:"):
                comparable_id += 1
                same_id += geo["gazetteer_id"] == f"geonames:{gid}"
            id_or_near += err <= KM161 or (bool(gid) and geo.get("gazetteer_id") == f"geonames:{gid}")
            in_box += err <= KM161 or inside_box(gz, geo, t["lat"], t["lon"])
            if err > KM161:
                miss_features[geo.get("feature")] += 1
                if gid and any(a["id"] == f"geonames:{gid}" for a in alts[1:]):
                    gold_in_alternatives += 1
            b = population_choice(gz, surface)
            base_err.append(km(t["lat"], t["lon"], b.lat, b.lon) if b else 20000.0)
            if err > KM161 and len(misses) < args.misses:
                misses.append(f"  {aid}: {t['extractedName']!r} (gold {t['lat']:.2f},{t['lon']:.2f}) -> "
                              f"{geo['name']} ({geo.get('gazetteer_id')}) {err:.0f} km; "
                              f"baseline {base_err[-1]:.0f} km")
    dt = time.perf_counter() - t0
    del base_gold

    ours = summary(sys_err, n_gold)
    base = summary(base_err, n_gold)
    base_all = summary(base_gold_err, n_gold)
    print(f"GeoWebNews: {n_gold} gold toponyms with coordinates, {chars:,} characters, {dt:.1f} s "
          f"({chars / dt / 1000:.1f} k chars/s incl. spaCy)")
    print(f"{'':38s}{'chronotope':>12s}{'population':>12s}")
    print(f"{'toponyms found and placed':38s}{ours['found']:>12d}{base['found']:>12d}")
    print(f"{'end-to-end recall@161':38s}{ours['recall161']:>12.3f}{base['recall161']:>12.3f}")
    print(f"{'accuracy@161 on found toponyms':38s}{ours['acc161']:>12.3f}{base['acc161']:>12.3f}")
    print(f"{'median error km (found)':38s}{ours['median_km']:>12.1f}{base['median_km']:>12.1f}")
    print(f"{'mean error km (found)':38s}{ours['mean_km']:>12.1f}{base['mean_km']:>12.1f}")
    print(f"found without coordinates (unresolved): {found_no_geo}")
    print(f"place mentions overlapping an annotated toponym (precision): "
          f"{pred_hit}/{pred_total} = {pred_hit / max(1, pred_total):.3f}")
    print(f"population-only baseline on every gold string (oracle recognition): "
          f"recall@161 {base_all['recall161']:.3f}, accuracy@161 {base_all['acc161']:.3f} "
          f"on {base_all['found']} known to the gazetteer, median {base_all['median_km']:.1f} km")
    print(f"same GeoNames id as the gold (where both are GeoNames ids): {same_id}/{comparable_id}"
          f" = {same_id / max(1, comparable_id):.3f}")
    print(f"accuracy on found toponyms counting the gold's own GeoNames place as right whatever its "
          f"point (gazetteer coordinate conventions differ for countries and states): "
          f"{id_or_near / max(1, len(sys_err)):.3f}")
    print(f"accuracy on found toponyms counting a gold point inside the chosen place's bounding box "
          f"as right (reference only): {in_box / max(1, len(sys_err)):.3f}")
    print(f"wrong (> 161 km) while the gold place was among the top alternatives: {gold_in_alternatives}")
    print("feature of the place chosen when > 161 km off: " + ", ".join(
        f"{f} {n}" for f, n in miss_features.most_common()))
    print("found share by gold type: " + ", ".join(
        f"{t} {by_type_found[t]}/{n}" for t, n in by_type.most_common()))
    if misses:
        print("wrong resolutions (> 161 km):")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
