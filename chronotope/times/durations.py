"""Rules for durations and sets: "three weeks", "two and a half years", "every Sunday".

The TIMEX3 duration values they produce (P3W, P2Y6M, PT5H30M, PXY for a vague count) are
written here too.
"""
from __future__ import annotations

import re

from .lexicon import DUR_MOD, MONTH, NUM, NUMW, PARTS, SEASONS, UNIT, WD, dur_mod, month_of, to_float, unit_code, weekday_of
from .rules import rule
from .timex import Timex


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P73D, PT7H, P1M, PXY for a vague count."""
    if unit == "2W":
        unit, n = "W", (n * 2 if n is not None else None)
    if unit in ("DE", "CE"):
        mult = 10 if unit == "DE" else 100
        unit, n = "Y", (n * mult if n is not None else None)
    if n is None:
        num = "X"
    elif float(n).is_integer():
        num = str(int(n))
    else:
        num = f"{n:g}"
    t = "T" if unit in ("H", "S") or unit == "MIN" else ""
    u = "M" if unit == "MIN" else unit
    return f"P{t}{num}{u}"

_DUR_HEAD = rf"(?:(?P<det>the|a|an|another|the\s+(?:past|last|next|first|final|following|previous|coming|remaining)|(?:another|an\s+additional)|over\s+the\s+(?:past|last|next))\s+(?:(?:whole|full|entire|long|short|brief)\s+)?)"


_AGE_AFTER = re.compile(r"\s+of\s+age\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|to\s+be|(?:man|woman|boy|girl|child|lad|youth|maid|fellow|person)\s+of)\s+$", re.I)


@rule("duration", rf"\b(?:(?P<mod>{DUR_MOD})\s+)?{_DUR_HEAD}?(?:(?:full|whole|entire|long|short)\s+)?(?P<n>{NUM})(?:\s+and\s+(?P<half>a\s+half))?[\s-]+(?P<u>{UNIT})s?(?P<half2>\s+and\s+a\s+half)?(?:\s+and\s+(?P<n2>{NUM})\s+(?P<u2>{UNIT})s?)?(?![\w-])(?:\s+(?P<old>old))?")
def _duration(m, text):
    raw = m.group("n").lower()
    n = to_float(raw)
    if n is None:
        return None
    u = unit_code(m.group("u"))
    if u == "S" and raw in ("a", "an", "one") and not re.match(r"\s*(?:[,.;:!?)]|later|or\b|earlier|ago|before|after)", text[m.end():m.end() + 10]):
        return None      # "a second route": an ordinal, not a duration
    if u == "Q" and re.search(r"-\s*quarters?$", m.group(0), re.I):
        return None      # "three-quarters": a fraction
    det = (m.group("det") or "").lower()
    if raw in ("a", "an") and det:
        return None      # "the a day" cannot happen; "another a"
    t = Timex(m.start(), m.end(), "duration", "duration")
    if m.group("half") or m.group("half2"):
        n += 0.5
    if m.group("n2") and m.group("u2"):
        n2 = to_float(m.group("n2"))
        u2 = unit_code(m.group("u2"))
        if n2 is None:
            return None
        if u2 == u:
            n = max(n, n2)   # "twelve days and twelve nights"
            t.value = duration_value(n, u)
        else:
            t.value = compound_value(n, u, n2, u2)
    if t.value is None and not float(n).is_integer():
        t.value = fractional_value(n, u)
    if t.value is None:
        t.value = duration_value(n, u)
    if m.group("mod"):
        t.mod = dur_mod(m.group("mod"))
    if m.group("old") or u == "Y" and (_AGE_AFTER.match(text, m.end()) or
                                       _AGE_BEFORE.search(text, max(0, m.start() - 30), m.start())):
        return None      # an age ("52 years old", "twenty years of age", "a man of forty years")
    if raw in ("a", "an") and re.search(r"(?:\d|%|cents?|dollars?|million|billion|times|once|twice|[a-z]+s)\s+$",
                                        text[max(0, m.start() - 12):m.start()]) and not det:
        return None      # "$5 a year", "twice a week": a rate, not a duration
    return t


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def fractional_value(n: float, u: str) -> str:
    """A fractional count as whole units and the rest in the next smaller unit, as TimeML writes
    it: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M, half a year = P6M."""
    if u not in _SMALLER:
        return duration_value(n, u)
    su, k = _SMALLER[u]
    whole = int(n)
    rest = (n - whole) * k
    if not float(rest).is_integer():
        return duration_value(n * k, su)     # 1.5 weeks: P10.5D
    if whole == 0:
        return duration_value(rest, su)
    return compound_value(whole, u, rest, su)


def compound_value(n: float, u: str, n2: float, u2: str) -> str:
    order = ["Y", "M", "W", "D", "H", "MIN", "S"]
    parts = {u: n, u2: n2}
    date = "".join(f"{int(parts[k]) if float(parts[k]).is_integer() else parts[k]}{k}" for k in order[:4] if k in parts)
    time = "".join(f"{int(parts[k]) if float(parts[k]).is_integer() else parts[k]}{'M' if k == 'MIN' else k}" for k in order[4:] if k in parts)
    return "P" + date + (("T" + time) if time else "")


@rule("half", rf"\b(?:(?P<mod>{DUR_MOD})\s+)?(?:half\s+(?:an?\s+)(?P<u>{UNIT})|(?:an?|one)\s+(?P<u2>{UNIT})\s+and\s+a\s+half)")
def _half(m, text):
    u = unit_code(m.group("u") or m.group("u2"))
    if u not in _SMALLER:
        return None
    val = fractional_value(0.5 if m.group("u") else 1.5, u)
    t = Timex(m.start(), m.end(), "duration", "half", value=val)
    if m.group("mod"):
        t.mod = dur_mod(m.group("mod"))
    return t


@rule("vague_duration", rf"\b(?:(?P<q>a\s+few|several|some|many|a\s+number\s+of|a\s+couple\s+of|recent|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|for|in|within|over|after|took|takes|take)\s+)(?P<u>(?:second|minute|hour|day|week|month|year|decade|centurie|quarter)s)(?![\w-])(?!\s+(?:old|of|ago|later|earlier))")
def _vague(m, text):
    q = re.sub(r"\s+", " ", m.group("q").lower())
    u = unit_code(m.group("u"))
    if q in ("for", "in", "within", "over", "after", "took", "takes", "take") and u in ("S", "MIN"):
        return None
    if q == "recent" and u in ("Y", "DE"):
        # "in recent years": TimeML reads it as a reference to the past, not a length
        # (TimeBank keeps "recent weeks/months" as durations)
        return Timex(m.start(), m.end(), "date", "vague_duration", value="PAST_REF", deictic=True)
    n = 2 if q == "a couple of" else None
    t = Timex(m.start(), m.end(), "duration", "vague_duration", value=duration_value(n, u))
    if q in ("for", "in", "within", "over", "after", "took", "takes", "take"):
        t.start = m.start("u")
    return t


@rule("ordinal_period", r"\b(?:for|during|over|throughout|within|in)\s+(?P<the>the\s+(?:very\s+)?(?:first|past|last|final|opening|remaining)\s+(?:(?:whole|full|entire)\s+)?(?P<u>week|fortnight|month|year|hour))(?![\w-])(?!\s+(?:of|or|and|after|before|since|when|that|in\s+which)\b)")
def _ordinal_period(m, text):
    """"For the first week", "over the past month": one unit of time, a duration (P1W)."""
    t = Timex(m.start("the"), m.end(), "duration", "ordinal_period", value=duration_value(1, unit_code(m.group("u"))))
    return t


@rule("set", rf"\b(?:(?P<ev>every|each)\s+(?:(?P<other>other|second)\s+)?(?P<u>day|week|month|year|morning|evening|night|afternoon|hour|minute|quarter|summer|winter|spring|autumn|{WD}|{MONTH})(?![\w-])|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|fortnightly)\b|(?P<n>once|twice|thrice|{NUMW}\s+times|\d+\s+times)\s+(?:a|an|per|each|every)\s+(?P<u2>{UNIT}))")
def _set(m, text):
    t = Timex(m.start(), m.end(), "set", "set")
    if m.group("adv"):
        a = m.group("adv").lower()
        t.value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                   "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "fortnightly": "P2W"}[a]
        if a in ("quarterly", "annually", "yearly", "monthly", "weekly") and re.match(r"\s+[a-z]", text[m.end():m.end() + 3]):
            return None      # "quarterly earnings": an adjective, not a set
        return t
    if m.group("u2"):
        t.value = duration_value(1, unit_code(m.group("u2")))
        return t
    u = m.group("u")
    wd = weekday_of(u)
    mo = month_of(u) if u[:1].isupper() else None
    n = 2 if m.group("other") else 1
    if wd:
        t.value = f"XXXX-WXX-{wd}"
    elif mo:
        t.value = f"XXXX-{mo:02d}"
    elif u.lower() in SEASONS:
        t.value = f"XXXX-{SEASONS[u.lower()]}"
    elif u.lower() in PARTS and u.lower() != "night":
        t.value = f"XXXX-XX-XXT{PARTS[u.lower()]}"
    elif u.lower() == "night":
        t.value = "XXXX-XX-XXTNI"
    else:
        t.value = duration_value(n, unit_code(u))
    return t
