"""Turning frames (character spans) into entity ids, places, dates and durations
using the mentions the earlier stages (times, places, people) added."""
from __future__ import annotations

import re

from ..document import Document
from ..quantities import parse_number

PERSON_KINDS = ("person", "organization")


def mentions_in(doc: Document, *kinds: str, nstart: int, nend: int) -> list:
    """The mentions of ``kinds`` overlapping [nstart, nend), in the order they were added."""
    return list(doc.mentions_of(*kinds, nstart=nstart, nend=nend))


def paragraph_at(doc: Document, npos: int):
    return doc.paragraph_at(npos)


def narrator(doc: Document) -> str | None:
    return doc.meta.get("narrator")


def entities_for(doc: Document, r: dict, kinds=PERSON_KINDS) -> list[str]:
    """Entity ids for a participant slot: the narrator for I/we, else mentions in its span."""
    if r.get("person") in ("I", "we") or r.get("owner") in ("I", "we"):
        n = narrator(doc)
        return [n] if n else []
    if r.get("person") in ("you", "pronoun"):
        return []
    hs, he = r["head"]
    head = [m.entity for m in mentions_in(doc, *kinds, nstart=hs, nend=he) if m.entity]
    if head:
        return list(dict.fromkeys(head))
    s, e = r["span"]
    return list(dict.fromkeys(m.entity for m in mentions_in(doc, *kinds, nstart=s, nend=e) if m.entity))


def places_in(doc: Document, s: int, e: int) -> list[str]:
    return [m.entity for m in mentions_in(doc, "place", nstart=s, nend=e) if m.entity]


def date_dict(m) -> dict:
    d = {"value": m.value}
    if m.earliest:
        d["earliest"] = m.earliest
    if m.latest:
        d["latest"] = m.latest
    return d


def dates_in(doc: Document, s: int, e: int):
    return [m for m in mentions_in(doc, "date", "time", nstart=s, nend=e) if m.value and m.value[:1].isdigit()]


def date_for(doc: Document, s: int, e: int, trigger: int | None = None, inherit: bool = True) -> dict | None:
    """The date of the sentence [s, e): its own date mention nearest the trigger, or the
    last date told earlier in the same paragraph (the narrative's current date)."""
    own = dates_in(doc, s, e)
    if own:
        t = trigger if trigger is not None else s
        return date_dict(min(own, key=lambda m: abs(m.nstart - t)))
    if not inherit:
        return None
    para = paragraph_at(doc, s)
    if para is None:
        return None
    before = [m for m in dates_in(doc, para.nstart, s)]
    if before:
        d = date_dict(before[-1])
        d["inferred"] = True
        return d
    return None


_DUR = re.compile(r"(?P<n>[\w,.-]+(?:[\s-]+[\w-]+)?)[\s-]+(?P<u>hours?|days?|weeks?|months?|years?|nights?)\b", re.I)
_UNIT = {"hour": "H", "day": "D", "night": "D", "week": "W", "month": "M", "year": "Y"}


def durations_in(doc: Document, s: int, e: int) -> list[str]:
    """ISO durations stated in [s, e): the time stage's, else read from the text."""
    out = [m.value for m in mentions_in(doc, "duration", nstart=s, nend=e) if m.value]
    if out:
        return out
    for m in _DUR.finditer(doc.norm[s:e]):
        words = m.group("n").split()
        val = None
        for k in range(len(words)):
            p = parse_number(" ".join(words[k:]))
            if p:
                val = p[0]
                break
        if val is None:
            continue
        u = _UNIT[m.group("u").lower().rstrip("s")]
        n = int(val) if float(val).is_integer() else val
        out.append(f"PT{n}H" if u == "H" else f"P{n}{u}")
    return out


def duration_hours(iso: str | None) -> float | None:
    if not iso:
        return None
    m = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                     r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?", iso)
    if not m:
        return None
    y, mo, w, d, h, mi = (float(x) if x else 0.0 for x in m.groups())
    total = y * 8766 + mo * 730.5 + w * 168 + d * 24 + h + mi / 60
    return total or None


def quantities_in(doc: Document, s: int, e: int, unit: str):
    return [m for m in mentions_in(doc, "quantity", nstart=s, nend=e)
            if m.quantity and m.quantity.get("unit") == unit and m.quantity.get("value") is not None]


def previous_sentence(doc: Document, s: int):
    """The last sentence starting before ``s``."""
    return doc.sentence_before(s)
