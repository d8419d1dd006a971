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

    kept = _Kept(doc, entities_for)
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
            kept.add(f)
            out.append(f)
            continue
        ev = target["attributes"].setdefault("evidence", [_evidence(doc, target)])
        ev.append(_evidence(doc, f))
        kept.merge_roles(target, f)
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
    if not subj_f and f["type"] not in SINGULAR_TYPES:
        return None       # nothing to tell this act from another of its kind
    date_f = date_for(doc, f["nstart"], f["nend"], f["trigger"][0], inherit=False)
    if not date_f and f["type"] not in SINGULAR_TYPES:
        return None       # one person is held, moved or arrested many times: only a shared date says "same"
    pf = set(places_in(doc, f["nstart"], f["nend"]))
    for g in kept.candidates(f, subj_f):
        if g["nstart"] == f["nstart"]:
            continue
        if g["type"] != f["type"] and (g["type"], f["type"]) not in SAME_ACT:
            continue
        if g["attributes"].get("filing", "") != f["attributes"].get("filing", "") and \
                g["attributes"].get("filing") and f["attributes"].get("filing"):
            continue          # the petition rejected, then the appeal dismissed: two rulings
        if g["type"] == f["type"] and bool(g["attributes"].get("ordered")) != bool(f["attributes"].get("ordered")):
            continue          # the expulsion decreed, then carried out: the order and the act
        subj_g = kept.subjects[id(g)]
        if subj_f and subj_g:
            if not subj_f & subj_g:
                continue
        elif f["type"] not in SINGULAR_TYPES:
            continue
        pg = kept.places_of(g, places_in)
        if pf and pg and not pf & pg and f["type"] not in SINGULAR_TYPES:
            continue          # held in a cell in the city, then held in a camp on an island
        date_g = kept.date_of(g, date_for)
        if date_f and date_g:
            a, b = str(date_f.get("value", "")), str(date_g.get("value", ""))
            if not (a.startswith(b) or b.startswith(a)):
                continue
        elif f["type"] not in SINGULAR_TYPES:
            continue          # one person is held, moved or arrested many times: only a shared date says "same"
        return g
    return None


class _Kept:
    """The first tellings so far, indexed so that a new frame is compared only with those
    that could be the same act: same type (or an order and its act) and, unless the act is
    told once per person, a shared subject.  Comparing with every earlier act made the
    step quadratic in the length of the text."""

    def __init__(self, doc, entities_for) -> None:
        self.doc, self.entities_for = doc, entities_for
        self.frames: list[dict] = []
        self.subjects: dict[int, set] = {}
        self.by_type: dict[str, list[int]] = {}
        self.by_subject: dict[tuple, list[int]] = {}
        self.position: dict[int, int] = {}
        self.role_spans: dict[int, dict[str, set]] = {}
        self.dates: dict[int, dict | None] = {}
        self.places: dict[int, set] = {}

    def add(self, f: dict) -> None:
        k = self.position[id(f)] = len(self.frames)
        self.frames.append(f)
        self.subjects[id(f)] = set()
        self.role_spans[id(f)] = {slot: {tuple(r["span"]) for r in rs} for slot, rs in f["roles"].items()}
        self.by_type.setdefault(f["type"], []).append(k)
        self._index_subjects(f, f["roles"])

    def date_of(self, g: dict, date_for):
        """The first telling's own date (its span never changes, so it is read once)."""
        if id(g) not in self.dates:
            self.dates[id(g)] = date_for(self.doc, g["nstart"], g["nend"], g["trigger"][0], inherit=False)
        return self.dates[id(g)]

    def places_of(self, g: dict, places_in) -> set:
        if id(g) not in self.places:
            self.places[id(g)] = set(places_in(self.doc, g["nstart"], g["nend"]))
        return self.places[id(g)]

    def merge_roles(self, target: dict, f: dict) -> None:
        """Add the participants of a retelling ``f`` that ``target`` does not have yet."""
        added: dict[str, list] = {}
        for slot, rs in f["roles"].items():
            have = self.role_spans[id(target)].setdefault(slot, set())
            new = [r for r in rs if tuple(r["span"]) not in have]
            have.update(tuple(r["span"]) for r in new)
            target["roles"].setdefault(slot, []).extend(new)
            added[slot] = new
        self._index_subjects(target, added)

    def _index_subjects(self, f: dict, roles: dict) -> None:
        try:
            subj = _subjects(self.doc, {"type": f["type"], "roles": roles}, self.entities_for)
        except Exception:           # as in the comparison: an act is never lost over a failed look-up
            subj = set()
        for e in subj - self.subjects[id(f)]:
            self.by_subject.setdefault((f["type"], e), []).append(self.position[id(f)])
        self.subjects[id(f)] = self.subjects[id(f)] | subj

    def candidates(self, f: dict, subj_f: set):
        """Earlier first tellings that may be ``f`` retold, latest first."""
        types = [f["type"]] + [b for a, b in SAME_ACT if a == f["type"]]
        found: set[int] = set()
        for t in types:
            if subj_f and f["type"] not in SINGULAR_TYPES:
                for e in subj_f:
                    found.update(self.by_subject.get((t, e), ()))
            else:
                found.update(self.by_type.get(t, ()))
        return [self.frames[k] for k in sorted(found, reverse=True)]


def _subjects(doc, f, entities_for) -> set:
    slots = ("subject", "agent") if f["type"] in DOERS else ("subject",)
    return {e for slot in slots for r in f["roles"].get(slot, []) for e in entities_for(doc, r)}
