"""Find quantities in plain text with unit-aware patterns.

Written by hand because the libraries that extract quantities (quantulum3)
know neither historical units nor the narrative forms we meet ("53 degrees
below zero (Fahrenheit)", "eight to ten versts an hour", "fifty roubles");
the numbers are parsed by :mod:`.numbers` (text2num) and converted by pint.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .numbers import number_pattern, parse_number
from .units import convert, money_surfaces, temperature_scales, unit_surfaces

QUALIFIERS = {
    "about": "approx", "some": "approx", "around": "approx", "roughly": "approx",
    "approximately": "approx", "nearly": "at_most", "almost": "at_most",
    "over": "at_least", "more than": "at_least", "upwards of": "at_least",
    "at least": "at_least", "less than": "at_most", "under": "at_most",
    "no more than": "at_most", "not more than": "at_most",
}


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str                    # distance | speed | temperature | mass | area | money | count
    value: float | None
    unit: str
    original_value: float | None
    original_unit: str
    min: float | None = None
    max: float | None = None
    qualifier: str | None = None
    attrs: dict = field(default_factory=dict)

    def as_quantity(self) -> dict:
        q = {"value": _round(self.value), "unit": self.unit,
             "original_value": self.original_value, "original_unit": self.original_unit,
             "kind": self.kind}
        if self.min is not None and self.max is not None and self.min != self.max:
            q["min"], q["max"] = _round(self.min), _round(self.max)
        if self.qualifier:
            q["qualifier"] = self.qualifier
        return q


def _round(v):
    return None if v is None else round(v, 3)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns():
    num = number_pattern()
    rng = rf"(?P<a>{num})(?:\s*(?:to|-|–|or)\s*(?P<b>{num}))?"
    qual = rf"(?:(?P<q>{_alt(QUALIFIERS)})\s+)?"
    unit = (rf"{qual}\b{rng}[\s-]+(?:of\s+)?(?:(?:more|additional|further|other|odd)\s+)?"
            rf"(?P<u>{_alt(unit_surfaces())})\b"
            rf"(?:\s+(?P<per>an|a|per|each)\s+(?P<per_u>hour|day))?")
    scale = _alt(temperature_scales())
    temp = (rf"{qual}\b(?P<minus>minus\s+)?{rng}\s*(?:degrees?|°|deg\.)\s*"
            rf"(?:(?P<pre_scale>{scale})\b\s*)?"
            rf"(?P<dir>below\s+zero|above\s+zero|of\s+frost|below\s+freezing|below|above)?"
            rf"(?:\s*\(?\s*(?P<scale>{scale})(?![\w])\s*\)?)?")
    money_words = {k: v for k, v in money_surfaces().items() if k not in ("£", "$")}
    money = (rf"{qual}(?:(?P<sym>[£$])\s?)?\b{rng}(?(sym)|\s+(?P<cur>{_alt(money_words)})\b)")
    flags = re.IGNORECASE
    return re.compile(unit, flags), re.compile(temp, flags), re.compile(money, flags)


def _range(m) -> tuple[float, float, float] | None:
    a = parse_number(m.group("a"))
    if a is None:
        return None
    b = parse_number(m.group("b")) if m.group("b") else None
    if b is None:
        return a
    lo, hi = min(a[1], b[1]), max(a[2], b[2])
    return (lo + hi) / 2, lo, hi


def _qual(m) -> str | None:
    q = m.group("q")
    return QUALIFIERS.get(" ".join(q.lower().split())) if q else None


def _start(m) -> int:
    """Spans start at the number: the qualifier is kept as an attribute."""
    return m.start("a") if m.group("a") is not None else m.start()


_LATITUDE = re.compile(r"\b(lat|long|latitude|longitude)\b\.?\s*$", re.I)
_AFTER_COORD = re.compile(r"^\s*(?:\d+\s*['′]|[NSEW]\.?\b|north|south|east|west|minutes|of\s+lat)", re.I)
_TEMP_CONTEXT = re.compile(r"thermometer|temperature|cold|frost|heat|warm|freez|degrees of", re.I)


def find_quantities(text: str, default_scale: str | None = None) -> list[Found]:
    """All quantities with units in ``text`` (counts are found by the stage, with the parse).

    ``default_scale`` is the pint temperature unit to use when a temperature
    names no scale (the stage passes the last scale the document named).
    """
    unit_re, temp_re, money_re = _patterns()
    out: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):
        return all(e <= a or s >= b for a, b in taken)

    for m in temp_re.finditer(text):
        s, e = _start(m), m.end()
        if not free(s, e):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 20]
        if _LATITUDE.search(before) or _AFTER_COORD.match(after) and not m.group("dir") and not m.group("scale"):
            continue
        scale_word = (m.group("scale") or m.group("pre_scale") or "").lower()
        direction = (m.group("dir") or "").lower()
        context = text[max(0, m.start() - 120):m.end() + 40]
        if not scale_word and not direction and not _TEMP_CONTEXT.search(context):
            continue
        r = _range(m)
        if r is None:
            continue
        scales = temperature_scales()
        unit = scales.get(scale_word) or default_scale or "degree_Celsius"
        sign = -1 if (direction.startswith("below") or m.group("minus")) else 1
        vals = [sign * x for x in r]
        if "frost" in direction:
            # degrees of frost: below the freezing point of the scale
            zero = 32.0 if unit == "degree_Fahrenheit" else 0.0
            vals = [zero - x for x in r]
        try:
            conv = [convert(v, unit, "degC") for v in vals]
        except Exception:
            continue
        out.append(Found(s, e, "temperature", conv[0], "degC", vals[0], unit,
                         min(conv[1:]), max(conv[1:]), _qual(m),
                         {"scale_stated": bool(scale_word)}))
        taken.append((s, e))

    for m in money_re.finditer(text):
        s, e = m.start(), m.end()
        if m.group("q"):
            s = m.start("sym") if m.group("sym") else m.start("a")
        if not free(s, e):
            continue
        r = _range(m)
        if r is None:
            continue
        surf = (m.group("sym") or m.group("cur") or "").lower()
        code, factor = money_surfaces()[surf]
        out.append(Found(s, e, "money", r[0] * factor, code, r[0], surf,
                         r[1] * factor, r[2] * factor, _qual(m)))
        taken.append((s, e))

    for m in unit_re.finditer(text):
        s, e = _start(m), m.end()
        if not free(s, e):
            continue
        r = _range(m)
        if r is None:
            continue
        surf = " ".join(m.group("u").lower().split())
        pint_unit, target = unit_surfaces()[surf]
        kind = {"km": "distance", "kg": "mass", "km2": "area", "km/h": "speed"}[target]
        if m.group("per_u") and target == "km":
            per = m.group("per_u").lower()
            pint_unit = f"{pint_unit}/{per}"
            target, kind = ("km/h" if per == "hour" else "km/day"), "speed"
        try:
            conv = [convert(v, pint_unit, target) for v in r]
        except Exception:
            continue
        out.append(Found(s, e, kind, conv[0], target, r[0], surf, conv[1], conv[2], _qual(m)))
        taken.append((s, e))
    out.sort(key=lambda f: f.start)
    return out
