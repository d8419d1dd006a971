"""Which places a travel frame names, and which of them a journey stops at.

Kept apart from :mod:`.journeys` (the chaining itself) because these are questions about one
frame's words and the places stage's mentions: the first place in each span, whether a place
can be a stop (not a river or, unless arrived in, a country), and which of several
destinations in one sentence were only passed on the way.
"""
from __future__ import annotations

import re

from .resolve import places_in


def _feature(doc, pid) -> str | None:
    e = doc.entities.get(pid)
    return (e.geo or {}).get("feature") if e is not None else None


def split_stops(doc, places, v, arrive=False):
    """Destinations that can be stops, and those that are only passed: rivers, seas,
    mountains are never stops; regions and countries are context unless arrived in."""
    never, area = set(v.get("never_stop_features", [])), set(v.get("area_features", []))
    stops, passed = [], []
    for pid in places:
        feat = _feature(doc, pid)
        if feat in never or (feat in area and not arrive):
            passed.append(pid)
        else:
            stops.append(pid)
    return stops, passed


def _named_place(doc, s, e) -> str | None:
    """A span the places stage left unmarked whose words are exactly the name of a place it
    found elsewhere in the document ("Reached Kiel at noon" when "Kiel" was read as a name)."""
    words = doc.norm[s:e].strip(" \t\r\n.,;:!?")
    if not words or not words[:1].isupper():
        return None
    names = doc.state.get("events.place_names")
    if names is None:
        names = {}
        for m in doc.mentions_of("place"):
            if m.entity:
                names.setdefault(doc.norm[m.nstart:m.nend], m.entity)
        doc.state["events.place_names"] = names
    return names.get(words)


def first_places(doc, spans, exclude=()) -> list[str]:
    out = []
    for s, e, _p in spans:
        found = places_in(doc, s, e)
        if not found:
            named = _named_place(doc, s, e)
            found = [named] if named else []
        for pid in found:
            if pid not in out and pid not in exclude:
                out.append(pid)
                break
    return out


def last_stop(doc, places, v) -> str | None:
    """The last of these places that can be a stop ("in the USSR" says less than "at Alma-Ata")."""
    stops = split_stops(doc, places, v)[0]
    return stops[-1] if stops else (places[-1] if places else None)


_STOP_MARKS = re.compile(r"\b(?:thence|there|where|then|whence|after|before|stayed|stopped|spent|waited|"
                         r"remained|until|till|days?|nights?|weeks?|months?|years?|later|afterwards|\d)\b", re.I)
_ONWARD = re.compile(r"\b(?:to|into|for|towards?)\b", re.I)


def passed_on_the_way(doc, f, to: list[str]) -> list[str]:
    """Destinations of one movement that it only passed through: "carried us to Yekaterinburg and
    on to Tyumen", "down the Volga to Kazan and up the Kama to Perm".  A place is a stop when the
    words before the next destination say the journey paused or started again there ("to
    Laibach, and thence to Vienna", "to Leipzig, where he was detained ... to Hamburg", a date
    or a stay); otherwise only the last "to" is where the movement ended."""
    spans = []
    for s, e, p in f["to"]:
        pl = first_places(doc, [(s, e, p)])
        if pl and pl[0] in to:
            spans.append((s, e, pl[0]))
    spans.sort()
    out = []
    for (s0, e0, a), (s1, _e1, b) in zip(spans, spans[1:]):
        between = doc.norm[e0:s1]
        if a == b or a in out or not _ONWARD.search(between) or _STOP_MARKS.search(between):
            continue
        if len(between) > 80 or ";" in between or "." in between:
            continue
        out.append(a)
    return out


def route_stages(doc, f) -> list[tuple[str, str]]:
    """The origins and destinations of one frame in text order, as ("from"|"to", place)."""
    out = []
    for end in ("from", "to"):
        for s, e, _p in f[end]:
            pl = first_places(doc, [(s, e, _p)])
            if pl:
                out.append((s, end, pl[0]))
    out.sort()
    return [(end, pid) for _s, end, pid in out]
