"""Fold retellings of one act into its first telling (see :func:`merge_retold`)."""
from __future__ import annotations

import re

from .travel import FRAME_TYPES as travel_frame_types

# acts a narrative usually tells once per person: a retelling without a named subject is the same act
SINGULAR_TYPES = {"ultimatum", "deportation_order", "trial", "ruling", "entry_refused", "expulsion", "acquittal",
                  "hunger_strike"}
DOERS = {"hunger_strike", "escape", "protest", "strike", "boycott"}     # the subject may be told as the agent
SAME_ACT = {("expulsion", "deportation_order"), ("deportation_order", "expulsion")}
NOT_ACTS = {"communication", *travel_frame_types}
AGAIN = re.compile(r"\b(?:again|once more|another|second time|third time|re-?arrest\w*|new)\b", re.I)


def merge_retold(doc, frames: list[dict]) -> list[dict]:
    """Fold retellings of one act into its first telling.

    The same ultimatum is told in the narrative and again in a quoted letter;
    the same order is "shown" and then "ordered my expulsion". Frames of one
    type (or an expulsion order after a deportation order), in different
    sentences of one document, whose subjects are the same entities (or, for
    acts told once per person such as an ultimatum, not named) and whose own
    dates agree, become one frame; every telling's span is kept in
    ``attributes["evidence"]`` as ``{"doc", "start", "end"}`` source offsets.
    Called by the events stage after all sections are read, before emitting.
    """
    from .resolve import date_for, entities_for, places_in     # resolve reads the other stages' mentions

    kept: list[dict] = []
    out: list[dict] = []
    for f in frames:
        if f.get("type") in NOT_ACTS:
            out.append(f)
            continue
        try:
            target = _retold_of(doc, f, kept, date_for, entities_for, places_in)
        except Exception:           # never lose an act over a failed comparison
            target = None
        if target is None:
            kept.append(f)
            out.append(f)
            continue
        ev = target["attributes"].setdefault("evidence", [_evidence(doc, target)])
        ev.append(_evidence(doc, f))
        for slot, rs in f["roles"].items():
            have = {tuple(r["span"]) for r in target["roles"].get(slot, [])}
            target["roles"].setdefault(slot, []).extend(r for r in rs if tuple(r["span"]) not in have)
        for k, x in f["attributes"].items():
            if k not in ("planned", "ordered"):
                target["attributes"].setdefault(k, x)
    return out


def _evidence(doc, f) -> dict:
    s, e = doc.to_source(f["nstart"], f["nend"])
    return {"doc": doc.id, "start": s, "end": e}


def _retold_of(doc, f, kept, date_for, entities_for, places_in):
    text = doc.norm[f["nstart"]:f["nend"]]
    if AGAIN.search(text):
        return None
    subj_f = _subjects(doc, f, entities_for)
    date_f = date_for(doc, f["nstart"], f["nend"], f["trigger"][0], inherit=False)
    for g in reversed(kept):
        if g["nstart"] == f["nstart"]:
            continue
        if g["type"] != f["type"] and (g["type"], f["type"]) not in SAME_ACT:
            continue
        if g["attributes"].get("filing", "") != f["attributes"].get("filing", "") and \
                g["attributes"].get("filing") and f["attributes"].get("filing"):
            continue          # the petition rejected, then the appeal dismissed: two rulings
        if g["type"] == f["type"] and bool(g["attributes"].get("ordered")) != bool(f["attributes"].get("ordered")):
            continue          # the expulsion decreed, then carried out: the order and the act
        subj_g = _subjects(doc, g, entities_for)
        if subj_f and subj_g:
            if not subj_f & subj_g:
                continue
        elif f["type"] not in SINGULAR_TYPES:
            continue
        pf, pg = set(places_in(doc, f["nstart"], f["nend"])), set(places_in(doc, g["nstart"], g["nend"]))
        if pf and pg and not pf & pg and f["type"] not in SINGULAR_TYPES:
            continue          # held in a cell in the city, then held in a camp on an island
        date_g = date_for(doc, g["nstart"], g["nend"], g["trigger"][0], inherit=False)
        if date_f and date_g:
            a, b = str(date_f.get("value", "")), str(date_g.get("value", ""))
            if not (a.startswith(b) or b.startswith(a)):
                continue
        elif f["type"] not in SINGULAR_TYPES:
            continue          # one person is held, moved or arrested many times: only a shared date says "same"
        return g
    return None


def _subjects(doc, f, entities_for) -> set:
    slots = ("subject", "agent") if f["type"] in DOERS else ("subject",)
    return {e for slot in slots for r in f["roles"].get(slot, []) for e in entities_for(doc, r)}
