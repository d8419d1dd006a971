"""Rules for named parts of a year: seasons, quarters and halves, feasts.

"that winter", "the third quarter", "the year-ago period", "the first half of 1998",
"Christmas", "Good Friday" (a movable feast, reckoned from Easter once the year is known).
"""
from __future__ import annotations

import re

from .lexicon import POSTPOSED_DIRECTION, SEASON, SEASONS, SPELLED_YEAR, YEAR, V, date_mod, year_of
from .rules import rule
from .timex import Timex
from .vocab import alternation


@rule("season", rf"\b(?:(?P<dmod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|towards?\s+the\s+end\s+of)[\s-]+)?(?:(?P<det>this\s+past|this\s+coming|this|that|last|next|the\s+following|the\s+previous|the\s+same|the\s+next|the\s+coming|the\s+past)\s+|(?P<the>the\s+))?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}(?![\d])|{SPELLED_YEAR}))?")
def _season(m, text):
    s = SEASONS[re.sub("time$", "", m.group("s").lower())]
    det = (m.group("det") or "").lower()
    y = m.group("y")
    before = text[max(0, m.start() - 20):m.start()]
    if not (det or y or m.group("dmod")):
        ctx = re.search(r"\b(?:in|during|since|until|till|by|through|throughout|for|before|after|of|over|into)\s+$", before, re.I)
        if not ctx:
            return None
        if m.group("s").lower().startswith("fall") and (not y or m.group("the") is None):
            return None      # "fall" is mostly the verb or noun; "autumn" is always the season
        if re.match(r"\s+of\b", text[m.end():m.end() + 4]):
            return None
    if s == "FA" and not (y or det in ("this", "last", "next", "that")) and re.match(r"\s+of\b", text[m.end():m.end() + 4]):
        return None
    t = Timex(m.start(), m.end(), "date", "season", season=s)
    if y:
        t.year, t.year_ocr = year_of(y)
        if t.year is None:
            return None
    t.mod = date_mod(m.group("dmod"))
    det = re.sub(r"\s+", " ", det)
    if det in ("last", "the previous", "the past", "this past"):
        t.direction = "previous"
    elif det in ("next", "the following", "the next", "the coming", "this coming"):
        t.direction = "next"
    elif det:
        t.direction = "this"
    if det in ("last", "next", "this", "this past", "this coming"):
        t.deictic = True
    return t


_YEAR_AGO = r"year[-\s](?:earlier|ago)"


@rule("quarter", rf"\b(?:(?P<y0>{YEAR})'s\s+|(?P<rel>this|last|next)\s+year's\s+|the\s+(?:(?P<y1>{YEAR})\s+|(?:(?:comparable|corresponding|same)\s+)?(?P<ya>{_YEAR_AGO})\s+)?)?(?:(?:fiscal|calendar|financial)\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?P<y>{YEAR})|\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year|\s+(?P<ago>a\s+{_YEAR_AGO}))?(?![\w-])")
def _quarter(m, text):
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[m.group("q").lower()]
    t = Timex(m.start(), m.end(), "date", "quarter", quarter=q)
    y = m.group("y") or m.group("y0") or m.group("y1")
    if y:
        t.year, _ = year_of(y)
        return t
    rel = (m.group("rel") or m.group("rel2") or "").lower()
    if rel or m.group("ya") or m.group("ago"):
        # "next year's first quarter", "the year-ago third quarter": that quarter of a year
        # counted from the creation year
        n = {"this": 0, "last": -1, "next": 1}.get(rel, -1)
        t.shift, t.deictic = ("Y", n), True
    return t


@rule("year_period", rf"\bthe\s+(?P<y>{YEAR})\s+(?P<u>quarter|period)\b(?!\s+of)")
def _year_period(m, text):
    """'the 1988 period' in a quarterly report: the quarter under discussion, in 1988."""
    y, _ = year_of(m.group("y"))
    if y is None:
        return None
    return Timex(m.start(), m.end(), "date", "year_period", year=y)


@rule("the_quarter", rf"\b(?P<pre>the\s+(?:(?P<w>latest|most\s+recent|recent|current|past|last|previous|same|fiscal|comparable|corresponding)\s+)?|(?:this|that)\s+)(?P<ya>year-(?:earlier|ago)\s+)?(?P<u>quarter|period)\b(?!\s+(?:of|century|hour|mile))(?P<ago>\s+a\s+{_YEAR_AGO}|\s+(?:of\s+)?last\s+year)?")
def _the_quarter(m, text):
    w = (m.group("w") or "").lower()
    u = m.group("u").lower()
    if u == "period" and not (m.group("ya") or m.group("ago") or w in ("latest", "most recent", "comparable", "corresponding", "same")):
        return None
    t = Timex(m.start(), m.end(), "date", "the_quarter", deictic=True)
    if w in ("current",) or m.group("pre").lower().startswith("this"):
        t.shift = ("Q", 0)
    else:
        t.shift = ("Q", -1)       # "the quarter" in news: the one just reported
    if m.group("ya") or m.group("ago"):
        t.shift = ("Q", -5)       # the same quarter a year before the one under discussion
    return t


@rule("year_earlier", r"\b(?P<w>year-(?:earlier|ago))(?=\s+(?:[a-z]+\s+)?(?:quarter|period|results|level|figure|profit|earnings|loss|sales|net))")
def _year_earlier(m, text):
    return Timex(m.start(), m.end(), "date", "year_earlier", shift=("Q", -5), deictic=True)


@rule("half_year", rf"\b(?:the\s+)?(?P<h>first|second)\s+half(?:\s+of\s+(?:the\s+year\s+)?(?P<y>{YEAR}))?(?![\w-])")
def _half_year(m, text):
    if not m.group("y") and not re.match(r"\s+of\s+(?:the|this|last|next)\s+year", text[m.end():m.end() + 20], re.I):
        return None
    h = 1 if m.group("h").lower() == "first" else 2
    t = Timex(m.start(), m.end(), "date", "half_year", value=f"H{h}")
    if m.group("y"):
        t.year, _ = year_of(m.group("y"))
    return t


HOLIDAYS = {k.lower(): tuple(v) for k, v in V["holidays_fixed"].items()}
MOVABLE_FEASTS = {k.lower(): v for k, v in V["holidays_easter"].items()}
_FEAST_NAMES = alternation(list(V["holidays_fixed"]) + list(V["holidays_easter"])).replace(r"\.", r"\.?").replace("'", "['\u2019]")


@rule("holiday", rf"\b(?P<h>{_FEAST_NAMES})(?:\s+(?P<wk>week)\b)?(?:,?\s+(?P<y>1[0-9]{{3}}|20[0-9]{{2}})|\s+(?P<post>{POSTPOSED_DIRECTION})|\s+of\s+(?P<rel>last|next|this|that|the\s+same|the\s+following|the\s+previous)\s+year)?(?![\w'\u2019])"
      r"(?!\s+(?:Islands?|Rising|Eggs?|Lil(?:y|ies)|Offensive|Street|Road|Term|Sittings?)\b)", 0)
def _holiday(m, text):
    key = re.sub(r"\s+", " ", m.group("h").lower()).replace("\u2019", "'")
    key = key if key in HOLIDAYS or key in MOVABLE_FEASTS else key.replace("st ", "st. ", 1)
    t = Timex(m.start(), m.end(), "date", "holiday")
    if m.group("wk") and key not in MOVABLE_FEASTS:
        return None
    if key in MOVABLE_FEASTS:
        t.easter_offset = MOVABLE_FEASTS[key]
        t.month, t.day = 4, 1          # placeholders until the year is known
    else:
        t.month, t.day = HOLIDAYS[key]
    if m.group("y"):
        t.year = int(m.group("y"))
    post, rel = (m.group("post") or "").lower(), re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    if post:
        # "Michaelmas last", "Lady Day next": the last or the next such feast
        t.direction, t.deictic = ("previous" if post == "last" else "next"), True
    elif rel in ("this", "that", "the same"):
        t.this_year = True
    elif rel:
        # "Whitsun of last year": the feast in the year before or after
        t.shift = ("Y", -1 if rel in ("last", "the previous") else 1)
        t.direction, t.deictic = "year", rel in ("last", "next")
    return t
