"""Rules for dates the text states: day, month and year in their many orders.

Full and partial dates ("14 March 1927", "March 14", "the 7th", "October 1879", "1917"),
numeric and ISO forms, Roman-numeral months, decades and centuries, bare weekdays.  OCR
slips in digits (l9l7) and Old/New Style markers are read here too.
"""
from __future__ import annotations

import re

from .lexicon import (DATE_MOD, DAY, DAYNUM, DECADE_WORDS, MONTH, ORD, ORDW, OSNS, PART, PARTS, POSTPOSED_DIRECTION, ROMAN,
                      SPELLED_YEAR,
                      WD, YEARX, calendar_marker, date_mod, day_of, month_of, spelled_year, to_int, weekday_of, year_of)
from .rules import group, rule
from .timex import Timex


# words before a bare month name that make it a date rather than a name ("the October Revolution")
MONTH_CONTEXT = re.compile(r"(?:\b(?:in|during|since|until|till|by|before|after|from|through|throughout|to|"
                           r"for|between|and|or|of\s+(?:early|late|mid)|last|next|this|that|each|every|early|late|"
                           r"mid|until\s+early|of\s+last|of\s+this|of\s+that|of\s+next|end\s+of|beginning\s+of|middle\s+of|"
                           r"start\s+of)\s+|mid-)$", re.I)
# the noun a month modifies ("the December weather"): a lowercase word that is not a function word
MONTH_ATTRIBUTE = re.compile(r"\s+(?!(?:of|and|or|to|in|on|at|by|for|from|with|is|was|were|had|has|have|that|which|"
                             r"who|when|where|the|a|an|as|but|not|he|she|it|they|we|i|this|these|those|there)\b)[a-z]{3,}\b")

NOT_YEAR_BEFORE = re.compile(r"(?:\b(?:pages?|pp?\.|nos?\.|number|vol\.|volume|art\.|article|section|§|tel\.|phone|"
                             r"room|route|flight|code)\s*|[#$£€¥]\s*)$", re.I)

PREFIX = rf"(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?"
PARTOF = rf"(?:(?:the\s+)?(?P<partof>{PART})\s+of\s+)?"
# "4 February 1750/1": a year told both ways where it began on 25 March (Old Style)
SPLIT_YEAR = r"(?:/(?P<y2>[0-9]{1,2})(?![\d/]))?"
WDPRE = rf"(?:(?:(?:on\s+)?(?:this|that|next|last)\s+)?(?P<wd>{WD}),?\s+(?:the\s+)?)?"


def _full(m: re.Match, rule_name: str, y: str | None, mo: int | None, d: str | None) -> Timex | None:
    t = Timex(m.start(), m.end(), "date", rule_name)
    if mo is None:
        return None
    t.month = mo
    if d is not None:
        t.day = day_of(d)
        if t.day is None:
            return None
    if y is not None:
        t.year, t.year_ocr = year_of(y)
        if t.year is None:
            return None
    y2 = group(m, "y2")
    if y2 and t.year is not None:
        if int(y2) != (t.year + 1) % 10 ** len(y2) or t.month > 3:
            return None
        # the civil year began on Lady Day: January to March of "1750/1" are 1751 as we count
        t.year += 1
        t.calendar = "julian"
    wd = group(m, "wd")
    if wd:
        t.weekday = weekday_of(wd)
        if t.weekday is None:
            return None
    d2 = group(m, "d2")
    if d2:
        nd = day_of(d2)
        if nd is None:
            return None
        t.dual_day = nd
        t.calendar = "julian"
    cal = calendar_marker(group(m, "os"))
    if cal:
        t.calendar = cal
    part = group(m, "partof")
    if part:
        t.part = PARTS[part.lower()]
        t.kind = "time"
    t.mod = date_mod(group(m, "dmod") or group(m, "dmod2"))
    return t


@rule("dmy", rf"\b{PARTOF}{PREFIX}{WDPRE}(?P<d>{DAY})(?:\s*/\s*(?P<d2>{DAYNUM}))?(?:\s+of)?\s+(?P<m>{MONTH}),?\s+(?P<y>{YEARX})(?![\d]){SPLIT_YEAR}(?P<os>{OSNS})?")
def _dmy(m, text):
    return _full(m, "dmy", m.group("y"), month_of(m.group("m")), m.group("d"))


@rule("mdy", rf"\b{PARTOF}{PREFIX}{WDPRE}(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?:\s*/\s*(?P<d2>{DAYNUM}))?,?\s+(?P<y>{YEARX})(?![\d]){SPLIT_YEAR}(?P<os>{OSNS})?")
def _mdy(m, text):
    return _full(m, "mdy", m.group("y"), month_of(m.group("m")), m.group("d"))


@rule("roman", r"\b(?P<d>[0-3]?[0-9])\s*[.\s]\s*(?P<rm>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*[.\s]\s*(?P<y>1[0-9]{3}|20[0-9]{2})\b(?P<os>" + OSNS + ")?", 0)
def _roman(m, text):
    return _full(m, "roman", m.group("y"), ROMAN[m.group("rm").lower()], m.group("d"))


@rule("iso", r"(?<![\d-])(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>[01][0-9])-(?P<d>[0-3][0-9])(?:[T\s](?P<H>[0-2][0-9]):(?P<M>[0-5][0-9])(?::[0-5][0-9])?)?(?![\d])", 0)
def _iso(m, text):
    t = _full(m, "iso", m.group("y"), int(m.group("m")), m.group("d"))
    if t and m.group("H"):
        t.hour, t.minute, t.kind = int(m.group("H")), int(m.group("M")), "time"
    return t


@rule("numeric", r"(?<![\d/.,-])(?P<a>[0-3]?[0-9])(?P<sep>[/.])(?P<b>[0-3]?[0-9])(?P=sep)(?P<y>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?![\d/]|\.\d)(?:\s+(?P<H>[0-2]?[0-9]):(?P<M>[0-5][0-9])(?::[0-5][0-9])?)?", 0)
def _numeric(m, text):
    a, b = int(m.group("a")), int(m.group("b"))
    ys = m.group("y")
    y = int(ys) if len(ys) == 4 else (1900 + int(ys) if int(ys) >= 30 else 2000 + int(ys))
    if m.group("sep") == "/":
        mo, d = (a, b) if a <= 12 else (b, a)     # US order unless impossible
    else:
        mo, d = (b, a) if b <= 12 else (a, b)     # European order with dots
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    t = Timex(m.start(), m.end(), "date", "numeric", year=y, month=mo, day=d)
    if m.group("H"):
        t.hour, t.minute, t.kind = int(m.group("H")), int(m.group("M")), "time"
    return t


@rule("md", rf"\b{PARTOF}{PREFIX}(?:(?P<ldir>last|next)\s+)?{WDPRE}(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?:\s*/\s*(?P<d2>{DAYNUM}))?(?![\w,.]\d|\.\d|[\w])(?P<os>{OSNS})?")
def _md(m, text):
    d = m.group("d")
    # "May 1,000" or "March 3 1/2" are not dates
    if re.match(r"\s*(?:,\d|%|\s*per\s*cent)", text[m.end():m.end() + 8]):
        return None
    t = _full(m, "md", None, month_of(m.group("m")), d)
    if t is not None and m.group("ldir"):
        # "last Oct. 23": the latest such day before now
        t.direction = "previous" if m.group("ldir").lower() == "last" else "next"
        t.deictic = True
    return t


@rule("dm", rf"\b{PARTOF}{PREFIX}{WDPRE}(?:the\s+)?(?P<d>{DAY})(?:\s*/\s*(?P<d2>{DAYNUM}))?(?:\s+of)?\s+(?P<m>{MONTH})(?P<os>{OSNS})?")
def _dm(m, text):
    d = m.group("d")
    # a bare cardinal in words ("one March") is not a day
    if d[:1].isalpha() and not any(c.isdigit() for c in d) and d.lower() not in ORD and "-" not in d and " " not in d:
        return None      # ("i6th" is OCR for 16th: it has a digit)
    if re.match(r"[1-9][0-9]{2,}", d):
        return None
    return _full(m, "dm", None, month_of(m.group("m")), d)


@rule("my", rf"\b{PREFIX}(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEARX}|{SPELLED_YEAR})(?![\d]|,\d){SPLIT_YEAR}(?P<os>{OSNS})?")
def _my(m, text):
    return _full(m, "my", m.group("y"), month_of(m.group("m")), None)


@rule("month", rf"\b(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?:(?P<dir>this|that|last|next|the\s+following|the\s+previous|the\s+same|the\s+next)\s+)?(?P<m>{MONTH})(?P<post>\s+(?:of\s+)?(?:this|that|last|next|the\s+same|the\s+following|the\s+previous|the\s+next)\s+year|\s+last(?![\w-])|\s+next(?![\w-]))?")
def _month(m, text):
    mo = month_of(m.group("m"))
    if mo is None:
        return None
    before = text[max(0, m.start() - 24):m.start()]
    has_pre = m.group("dmod") or m.group("dmod2") or m.group("dir") or m.group("post")
    word = m.group("m").lower().rstrip(".")
    # "the December weather", "the March gales": a month used as a modifier of a noun
    attributive = bool(word not in ("may", "march") and re.search(r"\bthe\s+$", before, re.I)
                       and MONTH_ATTRIBUTE.match(text, m.end()))
    if not has_pre and not attributive:
        if not MONTH_CONTEXT.search(before):
            return None
        if word in ("may", "march") and not re.search(r"\b(?:in|during|since|until|till|by|of\s+(?:early|late)|early|late|mid)\s+$|mid-$", before, re.I):
            return None
    if re.match(r"\s+(?:Revolution|Days|Manifesto|Theses|Crisis|Uprising|Insurrection|Congress)", text[m.end():m.end() + 16]):
        return None
    t = Timex(m.start(), m.end(), "date", "month", month=mo)
    t.mod = date_mod(m.group("dmod") or m.group("dmod2"))
    d = (m.group("dir") or "").lower()
    post = re.sub(r"\s+", " ", (m.group("post") or "").strip().lower())
    if post.endswith("year"):
        w = post.replace("of ", "").split()[0]
        if w in ("this", "that") or post.startswith("the same"):
            t.this_year = True
        elif w == "last" or "previous" in post:
            t.direction, t.shift = "year", ("Y", -1)
        else:
            t.direction, t.shift = "year", ("Y", 1)
    elif post == "last" or d == "last" or "previous" in d:
        t.direction = "previous"
    elif post == "next" or d in ("next", "the following", "the next"):
        t.direction = "next"
    elif d in ("this", "that", "the same"):
        t.direction = "this"
    if d in ("last", "next", "this") or post in ("last", "next"):
        t.deictic = True
    return t


@rule("year", rf"(?<![\w$£€.,/'])(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?P<pre>(?:the\s+)?(?:(?:fiscal|calendar|financial|academic|school)\s+)?years?\s+|fiscal\s+)?(?P<y>1[0-9]{{3}}|20[0-9]{{2}})(?![\d%]|,\d|\.\d|'?s\b|-\d{{2}}(?!\d))(?P<os>{OSNS})?")
def _year(m, text):
    after = text[m.end():m.end() + 24]
    if re.match(r"\s*(?:%|per\s*cent|km|kilo|kg|miles?|versts?|metres?|meters?|feet|foot|ft\b|roubles?|rubles?|"
                r"dollars|pounds|francs|marks|tons?|tonnes?|men\b|people|troops|soldiers|workers|persons|members|"
                r"copies|horses|sheep|cattle|head\b|yards?|acres?|hectares?|degrees?|votes?|[a-z]+-(?:ton|mile|strong))",
                after, re.I):
        return None
    before = text[max(0, m.start() - 16):m.start()]
    if NOT_YEAR_BEFORE.search(before):
        return None
    if re.search(r"\d\s*$", before) or re.search(r"[-–]\s*$", before) and not re.search(r"(?:1[0-9]{3}|20[0-9]{2})\s*[-–]\s*$", before):
        return None
    t = Timex(m.start(), m.end(), "date", "year", year=int(m.group("y")))
    t.mod = date_mod(m.group("dmod") or m.group("dmod2"))
    t.calendar = calendar_marker(m.group("os"))
    return t


@rule("year_ocr", r"\b(?:in|of|since|during|by|until)\s(?P<y>[1lI|][0-9lIi|O]{3})(?![\w])")
def _year_ocr(m, text):
    y, ocr = year_of(m.group("y"))
    if y is None or not ocr:
        return None
    return Timex(m.start("y"), m.end(), "date", "year", year=y, year_ocr=True)


@rule("spelled_year", rf"\b(?:(?P<pre>in|of|since|until|till|by|from|to|before|after|during|through|early|late|mid|and|or)\s+|(?P<the>the\s+year\s+))?(?P<y>{SPELLED_YEAR})")
def _spelled_year(m, text):
    """'in nineteen ninety-one', 'the year two thousand': a preposition (or "the year") tells a
    year in words from a count ("nineteen ninety-six people")."""
    if not (m.group("pre") or m.group("the")):
        return None
    if re.match(r"\s+(?:[a-z]+\s+)?(?:people|persons|men|women|years?|dollars|percent|per\s+cent|times|of\b)", text[m.end():m.end() + 20], re.I):
        return None
    y = spelled_year(m.group("y"))
    if y is None or not 1000 <= y <= 2099:
        return None
    start = m.start("the") if m.group("the") else m.start("y")
    return Timex(start, m.end(), "date", "year", year=y)


@rule("decade", rf"\b(?:(?P<dmod0>{DATE_MOD})\s+)?(?:the\s+)?(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?P<dec>1[0-9]{{2}}|20[0-9])0'?s\b")
def _decade(m, text):
    t = Timex(m.start(), m.end(), "date", "decade", decade=int(m.group("dec")))
    t.mod = date_mod(m.group("dmod0") or m.group("dmod") or m.group("dmod2"))
    return t


@rule("decade_word", rf"\b(?:(?P<dmod0>{DATE_MOD})\s+)?the\s+(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?:(?P<w>{'|'.join(DECADE_WORDS)})|'(?P<d>[0-9])0'?s)(?![\w-])")
def _decade_word(m, text):
    """"the nineties", "the '80s": a decade whose century the reference date gives (resolve.py)."""
    d = DECADE_WORDS[m.group("w").lower()] if m.group("w") else int(m.group("d"))
    t = Timex(m.start(), m.end(), "date", "decade_word", decade=d)
    t.mod = date_mod(m.group("dmod0") or m.group("dmod") or m.group("dmod2"))
    return t


@rule("century", rf"\b(?:(?P<dmod0>{DATE_MOD})\s+)?(?:the\s+)?(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?P<n>{ORDW}|[12]?[0-9](?:st|nd|rd|th))[\s-]+century\b")
def _century(m, text):
    n = to_int(m.group("n"))
    if not n or n > 21:
        return None
    t = Timex(m.start(), m.end(), "date", "century", century=n - 1)
    t.mod = date_mod(m.group("dmod0") or m.group("dmod") or m.group("dmod2"))
    return t


@rule("ordday", rf"\b(?:on|by|of|until|till|from|since|to|before|after)\s+(?P<the>the\s+)(?P<d>{ORDW}|[0-3]?[0-9](?:st|nd|rd|th))(?=\s*[,.;:)]|\s+(?:of\s+(?:the\s+|this\s+|that\s+)?month\b|at\b|in\b|with\b|there\b|we\b|he\b|she\b|they\b|I\b|it\b|you\b|when\b|and\s+the\b|(?:the\s+[a-z]+|[A-Z][a-z]+)\s+[a-z]{{2,}}ed\b))")
def _ordday(m, text):
    d = day_of(m.group("d"))
    if d is None:
        return None
    t = Timex(m.start("the"), m.end(), "date", "ordday", day=d)
    return t


@rule("weekday_day", rf"\b(?:on\s+)?(?P<wd>{WD}),?\s+(?:the\s+)?(?P<d>[0-3]?[0-9](?:st|nd|rd|th)|{ORDW})(?![\w-])"
      r"(?=\s*(?:[.,;:)]|$)|\s+(?:inst|ult|of\s+th(?:e|is)\s+month)\b|\s+(?:and|we|I|he|she|they|it)\b)")
def _weekday_day(m, text):
    """'Tuesday 15th', 'Thursday the 14th': a diary's or letter's day named by weekday and day of
    the month; the month is the next one from the story's date where the two agree."""
    wd, d = weekday_of(m.group("wd")), day_of(m.group("d"))
    if wd is None or d is None:
        return None
    return Timex(m.start("wd"), m.end(), "date", "weekday_day", weekday=wd, day=d)


@rule("weekday", rf"\b(?:(?P<on>on)\s+)?(?P<wd>{WD})(?:\s+(?P<post>{POSTPOSED_DIRECTION}))?(?:\s+(?P<part>{PART}))?")
def _weekday(m, text):
    wd = weekday_of(m.group("wd"))
    if wd is None:
        return None
    s = m.start("wd")
    t = Timex(s, m.end(), "date", "weekday", weekday=wd)
    if m.group("part"):
        t.part, t.kind = PARTS[m.group("part").lower()], "time"
    if m.group("post"):
        # "on Tuesday last", "Monday next": the older English order of "last Tuesday"
        t.direction = "previous" if m.group("post").lower() == "last" else "next"
        t.deictic = True
    return t
