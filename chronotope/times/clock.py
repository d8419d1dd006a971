"""Rules for times of day: "5 p.m.", "14:30", "half past nine", "at noon".

A clock time becomes a ``time`` Timex shifted 0 days from its reference; "in the
evening", "at night" decide between a.m. and p.m. when the text does not say.
"""
from __future__ import annotations

import re

from .lexicon import HOURW, NUMW, to_int
from .rules import group, rule
from .timex import Timex


@rule("time", rf"\b(?:(?P<mod>about|around|approximately|towards?|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:at\s+)?(?P<h>[0-2]?[0-9])(?:[.:](?P<mi>[0-5][0-9]))?\s*(?P<ap>a\.\s?m\.|p\.\s?m\.|am\b|pm\b|A\.M\.|P\.M\.|o'clock|hrs?\b|h\b)(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)))?")
def _time(m, text):
    h = int(m.group("h"))
    mi = int(m.group("mi") or 0)
    ap = m.group("ap").lower().replace(" ", "")
    return _clock(m, h, mi, ap, m.group("part") or m.group("night"))


@rule("clock24", r"(?<![\d:.])(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])(?::[0-5][0-9])?(?![\d:])")
def _clock24(m, text):
    return _clock(m, int(m.group("h")), int(m.group("mi")), "", None)


@rule("time_words", rf"\b(?:(?P<mod>about|around|approximately|towards?)\s+)?(?:at\s+)?(?P<h>{HOURW}|1[0-2]|[1-9])(?:[\s-]+(?P<miw>{NUMW}|o'?\s?(?:one|two|three|four|five|six|seven|eight|nine)))?(?:\s+(?P<ap>o'clock|a\.\s?m\.|p\.\s?m\.))?(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)))?")
def _time_words(m, text):
    ap = (m.group("ap") or "").lower().replace(" ", "")
    part = m.group("part") or m.group("night")
    if not ap and not part:
        return None
    h = to_int(m.group("h"))
    mi = 0
    if m.group("miw"):
        w = m.group("miw").lower().replace("o'", "").replace("o ", "").strip()
        mi = to_int(w) or 0
        if not 0 <= mi < 60:
            return None
    return _clock(m, h, mi, ap, part)


@rule("quarter_past", rf"\b(?:(?P<mod>about|around|approximately)\s+)?(?:at\s+)?(?P<q>a\s+quarter|quarter|half|twenty-five|twenty|ten|five|(?:{NUMW}|\d{{1,2}})\s+minutes)\s+(?P<rel>past|after|to|before|of|till)\s+(?P<h>{HOURW}|[01]?[0-9])(?:\s*(?P<ap>a\.\s?m\.|p\.\s?m\.|o'clock))?(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night)))?")
def _quarter_past(m, text):
    q = m.group("q").lower()
    mins = 15 if "quarter" in q else 30 if q == "half" else to_int(q.replace(" minutes", ""))
    if mins is None or mins >= 60:
        return None
    ap = (m.group("ap") or "").lower().replace(" ", "")
    part = m.group("part") or m.group("night")
    h = to_int(m.group("h"))
    if h is None or h > 12:
        return None
    if not ap and not part and q != "half" and "quarter" not in q:
        return None
    if m.group("rel").lower() in ("to", "before", "of", "till"):
        h, mi = (h - 1) % 12 or 12, 60 - mins
    else:
        mi = mins
    return _clock(m, h, mi, ap, part)


@rule("noon", r"\b(?:(?P<mod>about|around|towards?|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?:at\s+)?(?P<w>noon|midnight|midday)\b")
def _noon(m, text):
    w = m.group("w").lower()
    t = Timex(m.start(), m.end(), "time", "noon", shift=("D", 0))
    t.hour, t.minute = (24, 0) if w == "midnight" else (12, 0)
    if m.group("mod"):
        t.mod = "APPROX"
    _strip_at(t, m)
    return t


def _strip_at(t: Timex, m: re.Match) -> None:
    """TIMEX3 extents leave out the preposition "at"."""
    s = m.group(0)
    k = re.match(r"(?:(?:about|around|approximately|towards?|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(at\s+)", s, re.I)
    if k and k.start(1) == 0:
        t.start = m.start() + k.end(1)


def _clock(m: re.Match, h: int | None, mi: int, ap: str, part: str | None) -> Timex | None:
    if h is None:
        return None
    ap = ap.replace(".", "")
    if ap in ("pm",) and h < 12:
        h += 12
    elif ap in ("am",) and h == 12:
        h = 0
    elif not ap or ap in ("o'clock", "h", "hr", "hrs"):
        p = (part or "").lower()
        if p in ("afternoon", "evening") and h < 12:
            h += 12
        elif p == "night" and 6 <= h < 12:
            h += 12
        elif p == "night" and h == 12:
            h = 0
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    t = Timex(m.start(), m.end(), "time", "time", shift=("D", 0))
    t.hour, t.minute = h, mi
    mod = group(m, "mod")
    if mod:
        t.mod = "APPROX"
    _strip_at(t, m)
    return t
