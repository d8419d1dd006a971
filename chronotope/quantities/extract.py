"""Find quantities in plain text with unit-aware patterns.

Written by hand because the libraries that extract quantities (quantulum3)
know neither historical units nor the narrative forms we meet ("53 degrees
below zero (Fahrenheit)", "eight to ten versts an hour", "a mile and a half",
"forty American dollars"); the numbers are parsed by :mod:`.numbers`
(text2num) and converted by pint.

How it scans: one regex finds every written number; at the end of each (and of
its range, "six or seven", "between 20 and 30") small anchored patterns try a
temperature, money, percentage or unit tail, and the few characters before it
are read for a qualifier ("about", "nearly"), a sign or a currency symbol.
Scanning numbers first keeps the cost linear and low: the big alternations of
unit words are only tried where a number ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .numbers import number_pattern, parse_number
from .units import (article_units, convert, currency_adjectives, fractions, money_families,
                    money_surfaces, temperature_scales, unit_surfaces)

QUALIFIERS = {
    "about": "approx", "some": "approx", "around": "approx", "roughly": "approx",
    "approximately": "approx", "perhaps": "approx", "maybe": "approx",
    "nearly": "at_most", "almost": "at_most", "close to": "at_most",
    "over": "at_least", "more than": "at_least", "upwards of": "at_least",
    "at least": "at_least", "less than": "at_most", "under": "at_most",
    "no more than": "at_most", "not more than": "at_most", "fully": "at_least",
}
# words that may stand between a number and its unit: "ten more versts", "two English miles"
UNIT_FILLERS = ("more", "additional", "further", "other", "odd", "long", "short", "good",
                "english", "russian", "german", "french", "spanish", "statute", "full")
_FRACTION_WORDS = "halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twelfths?"
# "two or three hundred": the multiplier of the second number applies to the first
_SCALE_WORD = re.compile(r"(hundred|thousand|million)s?$", re.I)
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_SPEED_PER = {"hour": "km/h", "day": "km/day"}


@dataclass(slots=True)
class Found:
    start: int
    end: int
    kind: str                    # distance | speed | temperature | mass | area | money | percent
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
        if self.kind == "money":
            q["currency_word"] = self.attrs.get("currency_word", self.original_unit)
        return q


def _round(v):
    """Six significant digits: "eight inches" is 0.000203 km, not 0.0."""
    return None if v is None else float(f"{v:.6g}")


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(slots=True)
class Number:
    """A written number or range of numbers found in the text."""
    start: int
    end: int
    value: float
    min: float
    max: float
    text: str


@lru_cache(maxsize=1)
def _patterns() -> dict:
    num = number_pattern()
    flags = re.IGNORECASE
    scale = _alt(temperature_scales())
    trailing = _alt(fractions()["trailing"])
    units = _alt(unit_surfaces())
    money_words = [k for k in money_surfaces() if k not in ("£", "$")]
    adjs = _alt({a for a, _ in currency_adjectives()})
    return {
        # not the numerator of a fraction ("four-fifths", "two thirds")
        "number": re.compile(rf"(?<![\w/\[])(?:{num})(?![\w/])(?![-\s]*(?:{_FRACTION_WORDS})(?![\w]))", flags),
        "range": re.compile(rf"\s*(?:to|-|–|—|or)\s*(?P<b>{num})(?![\w/])", flags),
        "between_and": re.compile(rf"\s+and\s+(?P<b>{num})(?![\w/])", flags),
        "before": re.compile(rf"(?:(?<![\w])(?P<q>{_alt(QUALIFIERS)})\s+)?(?P<btw>between\s+)?"
                             rf"(?P<minus>(?<![\w])minus\s+|(?<![\w\d,.])[-−–]\s?)?"
                             rf"(?P<sym>[£$]\s?)?$", flags),
        "temp": re.compile(rf"\s*(?:degrees?|°|degs?\.?(?![\w]))(?:\s*(?P<pre_scale>{scale})(?![\w]))?"
                           rf"(?:\s*(?P<dir>below\s+zero|above\s+zero|of\s+frost|below\s+freezing|"
                           rf"of\s+heat|below|above))?"
                           rf"(?:\s*\(\s*(?P<pscale>{scale})\s*\)|\s*(?P<scale>{scale})(?![\w]))?", flags),
        "money": re.compile(rf"\s+(?:(?P<adj>{adjs})\s+)?(?P<cur>{_alt(money_words)}|pounds?)(?![\w])",
                            flags),
        "percent": re.compile(r"\s*(?:%|per\s*cent(?![\w])|percent(?![\w]))", flags),
        "unit": re.compile(rf"(?:[\s-]+(?:of\s+)?)(?:(?:{_alt(UNIT_FILLERS)})\s+)?(?P<u>{units})(?![\w'])"
                           rf"(?P<fr>\s+and\s+(?:{trailing})(?![\w]))?"
                           rf"(?:\s+(?P<per>an|a|per|each|in\s+the|in\s+an?)\s+(?P<per_u>hour|day)(?![\w]))?",
                           flags),
        "article_unit": re.compile(rf"(?<![\w])(?P<art>an?|the)\s+(?P<u>{_alt(article_units())})(?![\w'])"
                                   rf"(?P<fr>\s+and\s+(?:{trailing})(?![\w]))?"
                                   rf"(?:\s+(?P<per>an|a|per|each|in\s+the|in\s+an?)\s+(?P<per_u>hour|day)(?![\w]))?",
                                   flags),
    }


# An air temperature above this, with no scale named, is read in Fahrenheit: no
# weather reaches it in Celsius (see temperature.tsv).
PLAUSIBLE_CELSIUS = 45

_LATITUDE = re.compile(r"\b(lat|long|latitude|longitude)\b\.?\s*$", re.I)
_AFTER_COORD = re.compile(r"^\s*(?:\d+\s*['′]|[NSEW]\.?\b|north|south|east|west|minutes|of\s+lat)", re.I)
_TEMP_CONTEXT = re.compile(r"thermometer|temperature|cold|frost|heat|warm|freez|degrees of", re.I)


def _trailing_fraction(s: str | None) -> float:
    if not s:
        return 0.0
    words = " ".join(s.lower().split()[1:])     # drop "and"
    return fractions()["trailing"].get(words, 0.0)


def find_numbers(text: str) -> list[Number]:
    """Every written number or range in ``text`` ("forty-two", "six or seven", "between 20 and 30")."""
    pats = _patterns()
    out: list[Number] = []
    until = 0
    for m in pats["number"].finditer(text):
        if m.start() < until:
            continue
        s, e = m.start(), m.end()
        before = pats["before"].search(text, max(0, s - 30), s)
        btw = before is not None and before.group("btw")
        a_text = m.group()
        a = parse_number(a_text)
        b = None
        if btw and a is None and re.search(r"\s+and\s+", a_text):
            # "between fifteen and twenty": the word-number pattern took both
            left, right = re.split(r"\s+and\s+", a_text, maxsplit=1)
            a, b = parse_number(left), parse_number(right)
        if a is None:
            continue
        if b is None:
            r = (pats["between_and"] if btw else pats["range"]).match(text, e)
            if r:
                b = parse_number(r.group("b"))
                if b is not None:
                    e = r.end()
        if b is not None:
            sw = _SCALE_WORD.search(text[s:e])
            if sw and a[2] < 100 and not _SCALE_WORD.search(a_text.split(" and ")[0].strip()) and a[2] * _SCALES[sw.group(1).lower()] <= b[1] * 10:
                k = _SCALES[sw.group(1).lower()]
                a = (a[0] * k, a[1] * k, a[2] * k)
            lo, hi = min(a[1], b[1]), max(a[2], b[2])
            if hi > lo:
                out.append(Number(s, e, (lo + hi) / 2, lo, hi, text[s:e]))
                until = e
                continue
        out.append(Number(s, e, a[0], a[1], a[2], text[s:e]))
        until = e
    return out


def find_quantities(text: str, default_scale: str | None = None,
                    numbers: list[Number] | None = None) -> list[Found]:
    """All quantities with units in ``text`` (counts are found by the stage, with the parse).

    ``default_scale`` is the pint temperature unit to use when a temperature
    names no scale (the stage passes the last scale the document named);
    ``numbers`` is :func:`find_numbers` of ``text`` if the caller has it already.
    """
    pats = _patterns()
    out: list[Found] = []
    for n in (find_numbers(text) if numbers is None else numbers):
        before = pats["before"].search(text, max(0, n.start - 30), n.start)
        f = (_temperature(text, n, before, default_scale) or _money(text, n, before)
             or _percent(text, n, before) or _unit(text, n, before))
        if f is not None:
            out.append(f)
    taken = [(f.start, f.end) for f in out]
    for m in pats["article_unit"].finditer(text):
        s = m.start()
        if any(s < b and a < m.end() for a, b in taken):
            continue
        if m.group("art").lower() == "the":
            if not m.group("fr"):
                continue                      # "the mile": no quantity; "the mile and a half": one
            s = m.start("u")
        # "a mile and a half": the fraction is added by _unit_found
        f = _unit_found(m, s, Number(s, m.start("u"), 1.0, 1.0, 1.0, "a"), None)
        if f is not None:
            out.append(f)
    out.sort(key=lambda f: f.start)
    return out


def _qual(before) -> str | None:
    q = before.group("q") if before is not None else None
    return QUALIFIERS.get(" ".join(q.lower().split())) if q else None


def _temperature(text: str, n: Number, before, default_scale) -> Found | None:
    m = _patterns()["temp"].match(text, n.end)
    if not m:
        return None
    scale_word = (m.group("scale") or m.group("pscale") or m.group("pre_scale") or "").lower()
    direction = " ".join((m.group("dir") or "").lower().split())
    minus = before is not None and before.group("minus")
    if _LATITUDE.search(text, max(0, n.start - 40), n.start):
        return None
    if not direction and not scale_word and _AFTER_COORD.match(text[m.end():m.end() + 20]):
        return None
    if not scale_word and not direction and not minus:
        if not _TEMP_CONTEXT.search(text, max(0, n.start - 120), min(len(text), m.end() + 40)):
            return None
    unit = temperature_scales().get(scale_word) or default_scale or "degree_Celsius"
    assumed = None
    if not scale_word and not default_scale and not minus and "frost" not in direction \
            and not direction.startswith("below") and n.max > PLAUSIBLE_CELSIUS:
        unit = assumed = "degree_Fahrenheit"     # "the thermometer stood at 65 degrees"
    vals = [n.value, n.min, n.max]
    if direction.startswith("below") or minus:
        vals = [-v for v in vals]
    if "frost" in direction:
        # degrees of frost: below the freezing point of the scale
        zero = 32.0 if unit == "degree_Fahrenheit" else 0.0
        vals = [zero - v for v in (n.value, n.min, n.max)]
    try:
        conv = [convert(v, unit, "degC") for v in vals]
    except Exception:
        return None
    s = before.start("minus") if minus else n.start
    return Found(s, m.end(), "temperature", conv[0], "degC", vals[0], unit,
                 min(conv[1:]), max(conv[1:]), _qual(before), {"scale_stated": bool(scale_word), "scale_assumed": assumed})


def _money(text: str, n: Number, before) -> Found | None:
    sym = before.group("sym") if before is not None else None
    if sym:
        code, factor = money_surfaces()[sym.strip()]
        s, e, word, family = before.start("sym"), n.end, sym.strip(), money_families()[sym.strip()]
    else:
        m = _patterns()["money"].match(text, n.end)
        if not m:
            return None
        cur = " ".join(m.group("cur").lower().split())
        adj = " ".join(m.group("adj").lower().split()) if m.group("adj") else None
        family = money_families().get(cur, "pound" if cur.startswith("pound") else cur)
        if adj and (adj, family) in currency_adjectives():
            code, factor = currency_adjectives()[(adj, family)]
        elif cur in money_surfaces():
            code, factor = money_surfaces()[cur]
        else:
            return None                         # bare "pounds": a weight
        s, e = n.start, m.end()
        word = text[m.start("adj") if adj else m.start("cur"):m.end()]
    return Found(s, e, "money", n.value * factor, code, n.value, word,
                 n.min * factor, n.max * factor, _qual(before),
                 {"currency_word": word, "family": family, "adjective": bool(not sym and adj),
                  "factor": factor})


def _percent(text: str, n: Number, before) -> Found | None:
    m = _patterns()["percent"].match(text, n.end)
    if not m:
        return None
    return Found(n.start, m.end(), "percent", n.value, "percent", n.value, "percent",
                 n.min, n.max, _qual(before))


def _unit(text: str, n: Number, before) -> Found | None:
    m = _patterns()["unit"].match(text, n.end)
    if not m:
        return None
    return _unit_found(m, n.start, n, before)


def _unit_found(m, start: int, n: Number, before) -> Found | None:
    surf = " ".join(m.group("u").lower().split())
    pint_unit, target = unit_surfaces()[surf]
    kind = {"km": "distance", "kg": "mass", "km2": "area", "km/h": "speed"}[target]
    extra = _trailing_fraction(m.group("fr"))            # "two miles and a half"
    vals = [n.value + extra, n.min + extra, n.max + extra]
    if m.group("per_u") and target == "km":
        per = m.group("per_u").lower()
        pint_unit = f"{pint_unit}/{per}"
        target, kind = _SPEED_PER[per], "speed"
    try:
        conv = [convert(v, pint_unit, target) for v in vals]
    except Exception:
        return None
    return Found(start, m.end(), kind, conv[0], target, vals[0], surf, conv[1], conv[2], _qual(before))
