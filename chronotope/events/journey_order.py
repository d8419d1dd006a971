"""Legs told out of the story's order: which stretches a remembered movement pairs, an arrival
told before the road to it, and whether a dated departure is new or a retelling.

Split from :mod:`.journeys` (which chains the legs in the order the text tells them); these
are pure helpers over its leg dicts and the document's dates.
"""
from __future__ import annotations

import re

from .resolve import dates_in


def new_stretch(gap: str) -> bool:
    """Does the text between two ends of a remembered movement start a new stretch: a comma or
    "and" right before the next end's preposition ("from Calcutta, and to Calcutta from
    Karachi"), not an aside between them ("out of Antwerp with his mother as the Germans came
    in, on foot the whole way to Ostend")?"""
    after = re.split(r"[,;]", gap)[-1]
    return (("," in gap or ";" in gap) and len(after.split()) <= 3) or \
        bool(re.search(r"(?:^|\s)and\s+(?:then\s+|thence\s+)?\S+\s*$", gap))


def arrival_told_first(legs: list[dict]) -> list[dict]:
    """"Pringle came to Lisbon by a roundabout road. ... sent him on from Cádiz ... He landed at
    Lisbon": an arrival told first in summary, then the road to it.  Its origin-less leg and
    the leg back to where the road starts (read as "at Lisbon, next seen leaving Cádiz") are
    one telling of the leg that follows."""
    out = list(legs)
    i = 0
    while i + 2 < len(out):
        a, b, c = out[i], out[i + 1], out[i + 2]
        if a["from"] is None and b.get("implied") and b["from"] == a["to"] and c["from"] == b["to"] \
                and c["to"] == a["to"]:
            del out[i:i + 2]
            continue
        i += 1
    return out


def dated_after(doc, f, legs) -> bool:
    """Does the frame state a date later (by month) than every date of these legs?  Then setting
    out from a place already left is a new departure ("in June 1789 he sailed from Porto", months
    after the move beyond it), not a retelling."""
    stated = dates_in(doc, f["nstart"], f["nend"])
    known = [d[:7] for l in legs for d in (l.get("depart"), l.get("arrive")) if d]
    return bool(stated and known) and stated[0].value[:7] > max(known)


def far_apart(a: str, b: str) -> bool:
    try:
        return abs(int(a[:4]) - int(b[:4])) >= 1
    except ValueError:
        return False
