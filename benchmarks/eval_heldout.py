"""Score chronotope on the held-out texts in benchmarks/heldout/ and print a table.

usage: .venv/bin/python benchmarks/eval_heldout.py [--set heldout3] [--validate-only] [--misses] [--keep DIR]

The two corpus chapters are what the rules were written against; these four
texts (written for the project, see heldout/README.md) were not, so the gap
between the two columns is a measure of over-fitting. For each text it

1. validates the gold (every `text`/`evidence` an exact substring, `nth` in
   range, journey stops and legs named in the text) and exits non-zero on any
   error, so a broken gold file never silently scores;
2. runs the real CLI, `chronotope extract FILE --out OUT --no-db`, and reports
   its error verbatim if it fails;
3. runs /work/shared/eval/score.py --json on the export;
4. counts spurious events: emitted events/legs that overlap no gold evidence
   (or match no gold leg), per 1000 words.

The same is done for the corpus chapter that has gold (my-life-deportation)
so the held-out mean can be read against it.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = Path(__file__).resolve().parent / "heldout"
SHARED = Path("/work/shared")
SCORE = SHARED / "eval" / "score.py"
CLI = ROOT / ".venv" / "bin" / "chronotope"
PY = ROOT / ".venv" / "bin" / "python"
REFERENCE = (SHARED / "corpus" / "my-life-deportation.txt",
             SHARED / "eval" / "gold" / "my-life-deportation.json")

# score.py figures in the order printed; *_emitted are counts, the rest 0..1
FIGURES = [
    "date_value_recall", "duration_value_recall", "place_resolved_recall",
    "people_recall", "organizations_recall", "leg_recall", "leg_mode_accuracy",
    "communications_recall", "communications_kind_accuracy", "legal_recall",
    "legal_kind_accuracy", "quantity_recall", "inconsistency_recall",
    "citation_recall",
]
SHORT = {
    "date_value_recall": "dates", "duration_value_recall": "durations",
    "place_resolved_recall": "places", "people_recall": "people",
    "organizations_recall": "orgs", "leg_recall": "legs",
    "leg_mode_accuracy": "leg modes", "communications_recall": "comms",
    "communications_kind_accuracy": "comm kinds", "legal_recall": "legal",
    "legal_kind_accuracy": "legal kinds", "quantity_recall": "quantities",
    "inconsistency_recall": "inconsist.", "citation_recall": "citations",
}


def _scorer():
    """score.py as a module, so the spurious counts match exactly as it does."""
    spec = importlib.util.spec_from_file_location("chronotope_score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# ---------------------------------------------------------------- validation

def validate(gold: dict, text: str, name: str) -> tuple[list[str], list[str]]:
    """Errors (gold unusable) and warnings (ambiguous but scorable)."""
    errors, warnings = [], []

    def check(section, item, key):
        s = item.get(key)
        if not isinstance(s, str) or not s:
            errors.append(f"{name}: {section}: item without {key!r}: {item}")
            return
        n = text.count(s)
        if n == 0:
            errors.append(f"{name}: {section}: {s!r} is not a substring of the text")
        elif item.get("nth") and item["nth"] > n:
            errors.append(f"{name}: {section}: {s!r} nth={item['nth']} but only {n} occurrence(s)")
        elif n > 1 and not item.get("nth") and section not in ("places",):
            warnings.append(f"{name}: {section}: {s!r} occurs {n} times and has no nth")

    for section in ("dates", "durations", "places", "quantities", "inconsistencies"):
        for item in gold.get(section, []):
            check(section, item, "text")
    for section in ("communications", "legal"):
        for item in gold.get(section, []):
            check(section, item, "evidence")
            if section == "communications" and not item.get("kinds"):
                errors.append(f"{name}: communication without kinds: {item['evidence'][:50]!r}")
            if section == "legal" and not item.get("kind"):
                errors.append(f"{name}: legal item without kind: {item['evidence'][:50]!r}")
    for item in gold.get("quantities", []):
        if "unit" not in item or not isinstance(item.get("value"), (int, float)):
            errors.append(f"{name}: quantity needs unit and numeric value: {item}")
    for item in gold.get("places", []):
        if not all(isinstance(item.get(k), (int, float)) for k in ("lat", "lon")):
            errors.append(f"{name}: place without lat/lon: {item}")
        elif not (-90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180):
            errors.append(f"{name}: place coordinates out of range: {item}")
    for section in ("dates", "durations"):
        for item in gold.get(section, []):
            if not isinstance(item.get("value"), str):
                errors.append(f"{name}: {section} item without a string value: {item}")
    place_texts = {p["text"] for p in gold.get("places", [])}
    for j in gold.get("journeys", []):
        for leg in j.get("legs", []):
            for end in ("from", "to"):
                s = leg.get(end)
                if not s or s not in text:
                    errors.append(f"{name}: journey {j.get('id')}: leg {end} {s!r} not in the text")
                elif s not in place_texts:
                    errors.append(f"{name}: journey {j.get('id')}: leg {end} {s!r} is not a gold place")
        for fact in j.get("facts", []):
            check("journey facts", fact, "evidence")
    for section in ("people", "organizations"):
        for item in gold.get(section, []):
            names = [item.get("name", "")] + item.get("mentions", [])
            if not any(n and n in text for n in names):
                errors.append(f"{name}: {section}: none of {names} occurs in the text")
    for c in gold.get("citations", []):
        if f"[{c['marker']}]" not in text:
            errors.append(f"{name}: citation marker [{c['marker']}] not in the text")
        if c.get("work") and c["work"] not in text:
            errors.append(f"{name}: citation work {c['work']!r} not in the text")
    return errors, warnings


# ------------------------------------------------------------------- running

def extract(text_path: Path, out: Path) -> tuple[bool, str, float]:
    t0 = time.perf_counter()
    proc = subprocess.run([str(CLI), "extract", str(text_path), "--out", str(out), "--no-db"],
                          capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        return False, (proc.stderr or proc.stdout).strip(), secs
    return True, proc.stderr.strip(), secs


def score(gold_path: Path, export: Path, text_path: Path) -> dict:
    proc = subprocess.run([str(PY), str(SCORE), str(gold_path), str(export), str(text_path), "--json"],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"score.py failed on {text_path.name}:\n{proc.stderr}")
    return json.loads(proc.stdout)


def spurious(sc, gold: dict, text: str, export: dict) -> dict:
    """Emitted vs gold, and emitted items that no gold item accounts for."""
    doc = sc.pick_doc(export, None, gold.get("doc", ""))
    if doc is None and export.get("documents"):
        doc = export["documents"][0]["id"]
    events = [e for e in export.get("events", []) if e.get("doc", doc) == doc]
    out = {}
    for key, is_comm in (("communications", True), ("legal", False)):
        spans = [s for g in gold.get(key, []) for s in sc.spans_of(text, g["evidence"])]
        mine = [e for e in events if e.get("type") != "travel"
                and (e.get("type") == "communication") == is_comm]
        extra = [e for e in mine
                 if not any(sc.overlap((e.get("start", -1), e.get("end", -1)), s) for s in spans)]
        out[key] = (len(mine), len(gold.get(key, [])), len(extra), extra)
    legs = [leg for j in export.get("journeys", []) for leg in j.get("legs", [])]
    gold_pairs = []
    for gj in gold.get("journeys", []):
        for gl in gj["legs"]:
            gold_pairs.append((sc.place_entity_for(text, export, doc, gl["from"]),
                               sc.place_entity_for(text, export, doc, gl["to"])))
    extra_legs = [leg for leg in legs
                  if not any(leg.get("from") in fr and leg.get("to") in to for fr, to in gold_pairs)]
    out["legs"] = (len(legs), len(gold_pairs), len(extra_legs), extra_legs)
    return out


def entity_names(export: dict) -> dict:
    return {e["id"]: e.get("name") for e in export.get("entities", [])}


# ------------------------------------------------------------------ printing

def fmt(v):
    if v is None:
        return "   -"
    return f"{v:5.2f}" if isinstance(v, float) else f"{v:5d}"


def main(argv: list[str]) -> int:
    global HELDOUT
    if "--set" in argv:   # another folder of texts and gold beside this one, e.g. --set heldout3
        HELDOUT = Path(__file__).resolve().parent / argv[argv.index("--set") + 1]
    validate_only = "--validate-only" in argv
    show_misses = "--misses" in argv
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None

    items = []
    for gold_path in sorted((HELDOUT / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        items.append((HELDOUT / gold["doc"], gold_path, gold))

    bad = False
    for text_path, gold_path, gold in items + [(REFERENCE[0], REFERENCE[1],
                                               json.loads(REFERENCE[1].read_text()))]:
        text = read_text(text_path)
        errors, warnings = validate(gold, text, text_path.name)
        for w in warnings:
            print("warning:", w)
        for e in errors:
            print("GOLD ERROR:", e)
        bad |= bool(errors)
        words = len(text.split())
        if text_path.parent == HELDOUT and not 900 <= words <= 1500:
            print(f"warning: {text_path.name} has {words} words (brief: 900-1500)")
    if bad:
        print("gold validation failed; fix the gold before scoring", file=sys.stderr)
        return 2
    print(f"gold valid: {len(items)} held-out texts")
    if validate_only:
        return 0

    sc = _scorer()
    outdir = keep or Path(tempfile.mkdtemp(prefix="heldout-"))
    outdir.mkdir(parents=True, exist_ok=True)
    rows, failures, details = {}, {}, {}
    runs = items + [(REFERENCE[0], REFERENCE[1], json.loads(REFERENCE[1].read_text()))]
    for text_path, gold_path, gold in runs:
        name = text_path.stem
        out = outdir / f"{name}.json"
        ok, msg, secs = extract(text_path, out)
        if not ok:
            failures[name] = msg
            continue
        res = score(gold_path, out, text_path)
        export = json.loads(out.read_text(encoding="utf-8"))
        text = read_text(text_path)
        words = len(text.split())
        spur = spurious(sc, gold, text, export)
        scores = dict(res["scores"])
        # score.py reports 0.0 accuracy when nothing matched to judge; show that as "-"
        for acc, rec in (("leg_mode_accuracy", "leg_recall"),
                         ("communications_kind_accuracy", "communications_recall"),
                         ("legal_kind_accuracy", "legal_recall")):
            if scores.get(rec) == 0.0:
                scores.pop(acc, None)
        rows[name] = {"scores": scores, "words": words, "secs": secs, "spur": spur}
        details[name] = (res["misses"], spur, entity_names(export), text)

    names = [p.stem for p, _, _ in items if p.stem in rows]
    ref = REFERENCE[0].stem
    cols = names + ["MEAN held-out", ref]
    width = 11
    print()
    print("figure".ljust(14) + "".join(c[:width].rjust(width + 1) for c in cols))
    for f in FIGURES:
        vals = [rows[n]["scores"].get(f) for n in names]
        present = [v for v in vals if v is not None]
        mean = sum(present) / len(present) if present else None
        refv = rows.get(ref, {}).get("scores", {}).get(f)
        line = SHORT[f].ljust(14) + "".join(fmt(v).rjust(width + 1) for v in vals + [mean, refv])
        print(line)
    # overall: mean of the recall figures each text has
    def overall(n):
        v = [rows[n]["scores"][f] for f in FIGURES if f in rows[n]["scores"]]
        return sum(v) / len(v) if v else None
    ov = [overall(n) for n in names]
    print("ALL (mean)".ljust(14) + "".join(fmt(v).rjust(width + 1) for v in
          ov + [sum(ov) / len(ov) if ov else None, overall(ref) if ref in rows else None]))

    print("\nemitted / gold / spurious (spurious per 1000 words)")
    for key in ("communications", "legal", "legs"):
        cells = []
        for n in names + [ref]:
            if n not in rows:
                cells.append("-")
                continue
            em, gd, ex, _ = rows[n]["spur"][key]
            cells.append(f"{em}/{gd}/{ex} ({1000 * ex / rows[n]['words']:.1f})")
        print(key.ljust(14) + "".join(c.rjust(20) for c in cells))
    print("words".ljust(14) + "".join(str(rows[n]["words"]).rjust(20) for n in names + [ref] if n in rows))
    print("extract secs".ljust(14) + "".join(f"{rows[n]['secs']:.1f}".rjust(20) for n in names + [ref] if n in rows))
    print("columns: " + ", ".join(names + [ref]))

    for name, msg in failures.items():
        print(f"\nCLI FAILED on {name}:\n{msg}")

    if show_misses:
        for name in names:
            misses, spur, ents, text = details[name]
            print(f"\n=== {name}: misses")
            print("\n".join(misses))
            for key in ("communications", "legal"):
                extra = spur[key][3]
                if extra:
                    print(f"--- spurious {key} ({len(extra)})")
                    for e in extra:
                        kind = e.get("attributes", {}).get("kind") if key == "communications" else e.get("type")
                        print(f"  {kind}: {text[e['start']:e['end']][:90]!r}")
            extra = spur["legs"][3]
            if extra:
                print(f"--- spurious legs ({len(extra)})")
                for leg in extra:
                    print(f"  {ents.get(leg.get('from'))} -> {ents.get(leg.get('to'))} {leg.get('modes')}")
    print(f"\nexports in {outdir}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
