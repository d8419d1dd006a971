#!/usr/bin/env python3
"""Score chronotope's TIMEX3 output on TempEval-3 training data (TimeBank + AQUAINT).

usage: .venv/bin/python benchmarks/eval_tempeval.py [DATA_DIR] [--limit N] [--no-dateparser] [--errors FILE]

DATA_DIR defaults to ../shared/data/tempeval3-train next to the checkout.
Measures as the TempEval-3 entity scorer does (see SCORER_DESCRIPTION.md
there): strict span P/R/F1 (same extent), relaxed P/R/F1 (overlapping
extent), and on relaxed matches the type and value accuracy, with
"type F1" / "value F1" = accuracy x relaxed F1.  Extents are compared as
character spans of the plain TEXT (trimmed), which is what the official
token matching amounts to when tags add no whitespace.

Figures are printed for the whole set and per subset folder (TimeBank, AQUAINT): rules are
tuned on TimeBank, AQUAINT is the held-out check.  ``--errors`` writes each miss, spurious tag
and wrong value with the DCT and its context, to judge it as an annotator would.

In the same run, dateparser's ``search_dates`` (with the DCT as
RELATIVE_BASE) tags the same texts and is scored the same way (its values
are the dates it returns, at day or minute granularity; its type is DATE,
or TIME when a clock time was given), with both systems' speed.
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from chronotope.timeml import read, tag_document  # noqa: E402


@dataclass
class Span:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Tally:
    gold: int = 0
    sys: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    matched: int = 0
    value_ok: int = 0
    type_ok: int = 0
    seconds: float = 0.0
    words: int = 0

    def add(self, gold: list[Span], sys_: list[Span], errors=None, name="") -> None:
        self.gold += len(gold)
        self.sys += len(sys_)
        for s in sys_:
            if any(g.start == s.start and g.end == s.end for g in gold):
                self.strict_sys += 1
            if any(g.start < s.end and s.start < g.end for g in gold):
                self.relaxed_sys += 1
        for g in gold:
            if any(g.start == s.start and g.end == s.end for s in sys_):
                self.strict_gold += 1
            over = [s for s in sys_ if g.start < s.end and s.start < g.end]
            if over:
                self.relaxed_gold += 1
                self.matched += 1
                # the best-overlapping system timex carries the attributes
                s = max(over, key=lambda s: min(s.end, g.end) - max(s.start, g.start))
                self.value_ok += s.value == g.value
                self.type_ok += s.type == g.type
                if errors is not None and s.value != g.value:
                    errors.append(f"{name}\tvalue\t{g.type}\t{g.value}\t{s.value}\t{g_text(g)}\t{context(g)}")
            elif errors is not None:
                errors.append(f"{name}\tmissed\t{g.type}\t{g.value}\t\t{g_text(g)}\t{context(g)}")
        if errors is not None:
            for s in sys_:
                if not any(g.start < s.end and s.start < g.end for g in gold):
                    errors.append(f"{name}\tspurious\t{s.type}\t\t{s.value}\t{g_text(s)}\t{context(s)}")

    def figures(self) -> dict:
        def f1(p, r):
            return 2 * p * r / (p + r) if p + r else 0.0
        sp = self.strict_sys / self.sys if self.sys else 0.0
        sr = self.strict_gold / self.gold if self.gold else 0.0
        rp = self.relaxed_sys / self.sys if self.sys else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        rf = f1(rp, rr)
        va = self.value_ok / self.matched if self.matched else 0.0
        ta = self.type_ok / self.matched if self.matched else 0.0
        return {"strict_P": sp, "strict_R": sr, "strict_F1": f1(sp, sr),
                "relaxed_P": rp, "relaxed_R": rr, "relaxed_F1": rf,
                "type_accuracy": ta, "value_accuracy": va, "type_F1": ta * rf, "value_F1": va * rf,
                "words_per_second": self.words / self.seconds if self.seconds else 0.0}


_CURRENT_TEXT = [""]


def g_text(s: Span) -> str:
    return _CURRENT_TEXT[0][s.start:s.end].replace("\n", " ")


def context(s: Span, width: int = 70) -> str:
    """The expression in its sentence, marked [[...]], with the DCT: what a reader needs to judge a miss."""
    t = _CURRENT_TEXT[0]
    out = t[max(0, s.start - width):s.start] + "[[" + t[s.start:s.end] + "]]" + t[s.end:s.end + width]
    return f"DCT={_CURRENT_DCT[0]} " + " ".join(out.split())


_CURRENT_DCT = [""]


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def chronotope_spans(doc) -> list[Span]:
    out = []
    for t in tag_document(doc):
        s, e = trim(doc.plain, t.start, t.end)
        out.append(Span(s, e, {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}[t.kind], t.value or ""))
    return out


def dateparser_spans(doc, search_dates, settings) -> list[Span]:
    out = []
    try:
        found = search_dates(doc.plain, languages=["en"], settings=settings) or []
    except Exception:
        found = []
    pos = 0
    for sub, dt in found:
        i = doc.plain.find(sub, pos)
        if i < 0:
            i = doc.plain.find(sub)
            if i < 0:
                continue
        pos = i + len(sub)
        s, e = trim(doc.plain, i, i + len(sub))
        has_time = dt.hour or dt.minute
        value = dt.strftime("%Y-%m-%dT%H:%M") if has_time else dt.strftime("%Y-%m-%d")
        out.append(Span(s, e, "TIME" if has_time else "DATE", value))
    return out


def _subset(root: str, path: str) -> str:
    """The first folder of ``path`` below ``root`` that names a corpus (TimeBank, AQUAINT)."""
    parts = os.path.relpath(path, root).split(os.sep)[:-1]
    return parts[-1] if parts else "."


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("data", nargs="?", default=os.path.join(os.path.dirname(os.path.dirname(HERE)),
                                                           "shared", "data", "tempeval3-train"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument("--errors", help="write chronotope's misses and wrong values to this TSV file")
    args = ap.parse_args(argv)
    files = sorted(glob.glob(os.path.join(args.data, "**", "*.tml"), recursive=True))
    if args.limit:
        files = files[:args.limit]
    if not files:
        print(f"no .tml files under {args.data}", file=sys.stderr)
        return 2
    ours, theirs = Tally(), Tally()
    # per subset (the folder under DATA_DIR: TimeBank, AQUAINT): tune on one, report the other held out
    subsets: dict[str, Tally] = {}
    errors: list[str] | None = [] if args.errors else None
    search_dates = None
    if not args.no_dateparser:
        try:
            from dateparser.search import search_dates
        except ImportError:
            print("dateparser not installed: its figures are skipped", file=sys.stderr)
    for path in files:
        doc = read(path)
        _CURRENT_TEXT[0] = doc.plain
        _CURRENT_DCT[0] = doc.dct or ""
        words = len(doc.plain.split())
        gold = [Span(*trim(doc.plain, g.start, g.end), g.type, g.value) for g in doc.gold]
        t0 = time.perf_counter()
        mine = chronotope_spans(doc)
        ours.seconds += time.perf_counter() - t0
        ours.words += words
        ours.add(gold, mine, errors, os.path.basename(path))
        sub = subsets.setdefault(_subset(args.data, path), Tally())
        sub.words += words
        sub.add(gold, mine)
        if search_dates is not None:
            from datetime import datetime
            settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
            if doc.dct:
                try:
                    settings["RELATIVE_BASE"] = datetime.strptime(doc.dct[:10], "%Y-%m-%d")
                except ValueError:
                    pass
            t0 = time.perf_counter()
            theirs_spans = dateparser_spans(doc, search_dates, settings)
            theirs.seconds += time.perf_counter() - t0
            theirs.words += words
            theirs.add(gold, theirs_spans)
    print(f"TempEval-3 train (TimeBank + AQUAINT): {len(files)} documents, {ours.gold} gold TIMEX3, {ours.words} words")
    rows = [("chronotope", ours)] + [(f"  {k}", v) for k, v in sorted(subsets.items()) if len(subsets) > 1]
    rows += [("dateparser search_dates", theirs)] if search_dates is not None else []
    keys = ["strict_P", "strict_R", "strict_F1", "relaxed_P", "relaxed_R", "relaxed_F1",
            "type_accuracy", "value_accuracy", "type_F1", "value_F1", "words_per_second"]
    print(f"{'':26s}" + "".join(f"{k:>17s}" for k in keys))
    for name, t in rows:
        fig = t.figures()
        print(f"{name:26s}" + "".join(("" if not t.seconds else f"{fig[k]:17.1f}") if k == "words_per_second" else f"{100 * fig[k]:17.1f}" for k in keys))
        print(f"{'':26s}  ({t.sys} tagged, {t.relaxed_gold} gold matched relaxed, {t.strict_gold} strict)")
    if errors is not None:
        with open(args.errors, "w", encoding="utf-8") as f:
            f.write("file\tproblem\ttype\tgold\tsystem\ttext\tcontext\n" + "\n".join(errors) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
