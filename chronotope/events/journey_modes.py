"""How a leg's vehicle is settled when the words leave it open.

"the cars" (railway or motor car), "drove" (carriage or motor car), "flew": decided by the
vehicle the journey has used so far or the period the narrative stands in; and a stage told
with no vehicle goes on in the one the travellers kept.  Split from :mod:`.journeys`, whose
chaining asks these questions but does not answer them.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .journeys import Track


def resolve_mode(doc, t, mode, f, by_sentence):
    """A mode the words leave open: "the cars" (railway or motor), "drove" (carriage or
    motor car), "flew" (an aircraft only once there were any): the journey's vehicle so far,
    else the period of the narrative."""
    if not mode.endswith("?"):
        return mode
    prev = (t.leg["modes"] if t.leg else []) or (t.legs[-1]["modes"] if t.legs else [])
    kind = mode[:-1]
    year = _year_at(doc, f["trigger"][0])
    if kind in ("car", "carriage"):
        near = {g.get("mode") for g in by_sentence.get(f["nstart"], [])} | {
            m[1] for g in by_sentence.get(f["nstart"], []) for m in g.get("modes", []) or []}
        if "rail" in prev or "rail" in near or (kind == "car" and year is not None and year < 1895):
            return "rail"       # "we were in the cars" in 1868: railway cars
        return kind
    if kind == "motor":
        if year is None:
            return None
        return "car" if year >= 1915 else ("carriage" if year < 1895 else None)
    if kind == "air":
        return "aircraft" if year is not None and year >= 1910 else None
    return None


def same_vehicle_onward(t: Track, v) -> None:
    """A stage told with no vehicle right after one that named it, in the same paragraph ("We
    left Paris at six and got to Lyon that night ... on Sunday we came down the Rhône valley"):
    the travellers went on as they came, when theirs is a vehicle one keeps (a car, a cart), not
    a ship or train that serves its own line."""
    kept = set(v.get("kept_modes", []))
    for prev, leg in zip(t.legs, t.legs[1:]):
        if not set(prev["modes"]) <= kept:
            continue
        if leg["modes"] or not prev["modes"] or leg.get("implied") or prev["to"] != leg["from"]:
            continue
        if leg["para"] == prev["to_para"] and (leg["dest_frame"] or {}).get("type") == "travel":
            leg["modes"] = list(prev["modes"])


def _year_at(doc, pos: int) -> int | None:
    """The year the narrative stands in at a position: the last year told before it, else
    the first told after it."""
    years = doc.state.get("events.years")
    if years is None:
        years = sorted((m.nstart, int(m.value[:4])) for m in doc.mentions_of("date")
                       if m.value and re.match(r"\d{4}", m.value))
        doc.state["events.years"] = years
    before = [y for s, y in years if s <= pos]
    if before:
        return before[-1]
    return years[0][1] if years else None
