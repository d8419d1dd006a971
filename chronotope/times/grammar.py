"""Finding temporal expressions: a regex grammar over plain (normalised) text.

Each rule is a compiled regular expression with a handler that turns a match
into a :class:`Timex` *specification* (the fields the text states: year,
month, day, weekday, a shift such as "two days later", a duration...).
Nothing here knows the reference date; ``resolve.py`` anchors the
specifications.  Libraries such as dateparser parse one date string well but
do not find expressions in running text with exact extents, nor keep
partial dates partial, hence a grammar of our own.  Regexes keep it fast
(no tokeniser, no model).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .vocab import alternation, vocabulary

V = vocabulary()
MONTHS: dict[str, int] = V["months"]
WEEKDAYS: dict[str, int] = V["weekdays"]
CARD: dict[str, int] = V["cardinals"]
ORD: dict[str, int] = V["ordinals"]
UNITS: dict[str, str] = V["units"]
SEASONS: dict[str, str] = V["seasons"]
PARTS: dict[str, str] = V["parts_of_day"]
OCR = V["ocr_digits"]


@dataclass(slots=True)
class Timex:
    """One temporal expression: its extent, what the text states, and (once resolved) its value."""
    start: int
    end: int
    kind: str                      # date | time | duration | set
    rule: str
    text: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    hour: int | None = None
    minute: int | None = None
    part: str | None = None        # MO AF EV NI MI (part of day)
    season: str | None = None      # SP SU FA WI
    quarter: int | None = None
    decade: int | None = None      # 192 for the 1920s
    century: int | None = None     # 18 for the 19th century
    shift: tuple | None = None     # (unit, n): n units from the reference ("two days later")
    direction: str | None = None   # next | previous | this: nearest such day/month/season
    deictic: bool = False          # anchored to the speaker's now (today, last year)
    this_year: bool = False        # "of this year": same year as the reference
    value: str | None = None       # fixed value (durations, sets, PRESENT_REF...)
    mod: str | None = None         # APPROX START MID END MORE_THAN LESS_THAN ...
    calendar: str | None = None    # stated by the text (O.S., N.S., dual date)
    dual_day: int | None = None    # dual dates "1/14 January": the New Style day
    bounding: bool = False         # "since 1923", "as early as 1924": does not move narrative time
    month_shift: int | None = None     # "the 3rd inst." 0, "the 25th ult." -1, "the 2nd prox." +1
    easter_offset: int | None = None   # movable feasts: days from Easter Sunday ("Good Friday" -2)
    year_ocr: bool = False
    suspect_year: int | None = None    # the year the narrative sequence suggests instead
    narrative_before: tuple | None = None   # narrative time (JDN range) when it was read
    # resolution
    anchor: int | None = None      # index of the timex it was resolved against
    earliest: str | None = None
    latest: str | None = None
    gregorian_value: str | None = None
    resolved_calendar: str | None = None
    confidence: float = 1.0
    sort_key: tuple = field(default=(0, 0))

    @property
    def explicit_year(self) -> bool:
        return self.year is not None and self.shift is None


# ---------------------------------------------------------------------------
# vocabulary as regex fragments

def _month_rx() -> str:
    full = [k for k in MONTHS if len(k) > 3] + ["may"]
    abbr = [k for k in MONTHS if len(k) <= 4 and k not in ("june", "july")]
    return r"(?:" + "|".join(sorted(full, key=len, reverse=True)) + "|(?:" + "|".join(abbr) + r")\.)(?![a-z])" \
        + "|(?:" + "|".join(a for a in abbr if a != "may") + r")(?=\s+\d)"


MONTH = _month_rx()
WD = r"(?:" + "|".join(k for k in WEEKDAYS if len(k) > 4) + r")(?:'s)?(?![a-z])|(?:" + \
    "|".join(k for k in WEEKDAYS if len(k) <= 4) + r")\.(?![a-z])"
_UNITW = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMW = rf"(?:(?:{_UNITW})[- ]and[- ](?:{_TENS})|(?:{_TENS})(?:[- ](?:{_UNITW}))?|{_TEENS}|{_UNITW}|a\s+dozen|dozen|a\s+couple\s+of|a\s+hundred|one\s+hundred|hundreds\s+of)"
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|{NUMW}|an?)"
_ORDU = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
ORDW = (rf"(?:(?:twenty|thirty)[- ](?:{_ORDU})|{_ORDU}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
        rf"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)")
DAYNUM = r"(?:[0-3]?[0-9]|[Iil|][0-9]|[1-3][Iil|O])(?:st|nd|rd|th|d)?"
DAY = rf"(?:{DAYNUM}|{ORDW})"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|[1lI|][0-9lIi|O]{3})"
YEARX = rf"(?:{YEAR}|1\s[5-9][0-9]{{2}}(?![0-9]))"
# years in words, as transcripts write them: "nineteen ninety-six", "two thousand (and) one",
# "nineteen oh five", "nineteen hundred"
_CENTW = "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
SPELLED_YEAR = (rf"(?:(?:{_CENTW})[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_UNITW})(?![\w-])|-(?:{_UNITW}))?|{_TEENS}|hundred|oh[\s-]+(?:{_UNITW}))"
                rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|(?:{_TENS})(?:-(?:{_UNITW}))?|{_UNITW}))?)(?![\w-])")
UNIT = r"(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")(?![a-z])"
SEASON = r"(?:spring|summer|autumn|fall|winter)(?:time)?(?![a-z])"
PART = r"(?:morning|afternoon|evening|night)(?![a-z])"
HOURW = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
OSNS = r"(?:\s*\(?(?:O\.\s?S\.|N\.\s?S\.|[Oo]ld\s+[Ss]tyle|[Nn]ew\s+[Ss]tyle)\)?)"

DUR_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "circa": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "upwards of": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN", "well over": "MORE_THAN",
}
DUR_MOD = alternation(DUR_MODS)
DATE_MODS = {
    "early": "START", "early in": "START", "the beginning of": "START", "the start of": "START",
    "the first days of": "START", "mid": "MID", "mid-": "MID", "the middle of": "MID", "late": "END",
    "late in": "END", "the end of": "END", "towards the end of": "END", "toward the end of": "END",
    "by the end of": "END", "at the end of": "END", "the close of": "END", "about": "APPROX",
    "around": "APPROX", "circa": "APPROX", "c.": "APPROX", "approximately": "APPROX",
}
DATE_MOD = r"(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(DATE_MODS, key=len, reverse=True)
                             if not k.endswith("-")) + r")"

# words before a bare month name that make it a date rather than a name ("the October Revolution")
MONTH_CONTEXT = re.compile(r"(?:\b(?:in|during|since|until|till|by|before|after|from|through|throughout|to|"
                           r"for|between|and|or|of\s+(?:early|late|mid)|last|next|this|that|each|every|early|late|"
                           r"mid|until\s+early|of\s+last|of\s+this|of\s+that|of\s+next|end\s+of|beginning\s+of|middle\s+of|"
                           r"start\s+of)\s+|mid-)$", re.I)
# the noun a month modifies ("the December weather"): a lowercase word that is not a function word
MONTH_ATTRIBUTE = re.compile(r"\s+(?!(?:of|and|or|to|in|on|at|by|for|from|with|is|was|were|had|has|have|that|which|"
                             r"who|when|where|the|a|an|as|but|not|he|she|it|they|we|i|this|these|those|there)\b)[a-z]{3,}\b")
BOUNDING = re.compile(r"(?:\b(?:ever\s+since|since|as\s+early\s+as|as\s+late\s+as|as\s+far\s+back\s+as|until|till|"
                      r"up\s+to|by|before|prior\s+to|not\s+later\s+than|no\s+later\s+than)\s+(?:the\s+)?)$", re.I)
NOT_YEAR_BEFORE = re.compile(r"(?:\b(?:pages?|pp?\.|nos?\.|number|vol\.|volume|art\.|article|section|§|tel\.|phone|"
                             r"room|route|flight|code)\s*|[#$£€¥]\s*)$", re.I)


# ---------------------------------------------------------------------------
# numbers

def ocr_digits(s: str) -> str:
    return "".join(OCR.get(c, c) for c in s)


def to_int(s: str) -> int | None:
    """A number written in digits (OCR noise allowed) or in words."""
    s = s.strip().lower().replace(",", "")
    s = re.sub(r"(?:st|nd|rd|th|d)$", "", s) if s[:1].isdigit() or s[:1] in "il|o" else s
    if not s:
        return None
    if any(c.isdigit() for c in s):
        t = ocr_digits(s).replace(" ", "")
        try:
            return int(float(t))
        except ValueError:
            return None
    s = re.sub(r"\s+", " ", s)
    if s in CARD:
        return CARD[s]
    if s in ORD:
        return ORD[s]
    if s.startswith("hundreds of"):
        return None
    parts = re.split(r"[- ]", s)
    if len(parts) == 3 and parts[1] == "and" and parts[0] in CARD and parts[2] in CARD:
        return CARD[parts[0]] + CARD[parts[2]]      # "five-and-twenty": the older order
    if len(parts) == 2:
        a, b = parts
        if a in CARD and (b in CARD or b in ORD):
            return CARD[a] + CARD.get(b, ORD.get(b, 0))
    return None


def to_float(s: str) -> float | None:
    t = s.strip().lower().replace(",", "")
    if t.endswith(" 1/2"):
        v = to_float(t[:-4])
        return None if v is None else v + 0.5
    try:
        return float(t)
    except ValueError:
        v = to_int(s)
        return float(v) if v is not None else None


def spelled_year(s: str) -> int | None:
    """A year in words: "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    w = re.sub(r"[\s-]+", " ", s.strip().lower()).split()
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        tail = to_int(" ".join(rest)) if rest else 0
        return None if tail is None else 2000 + tail
    cent = CARD.get(w[0]) if w else None
    if cent is None or len(w) < 2:
        return None
    rest = w[1:]
    if rest == ["hundred"]:
        return cent * 100
    if rest[0] == "oh":
        rest = rest[1:]
    tail = to_int(" ".join(rest))
    return None if tail is None or not 0 <= tail <= 99 else cent * 100 + tail


def year_of(s: str) -> tuple[int | None, bool]:
    """A year written in digits; OCR letters (l9l7) are read only if two real digits remain."""
    if re.search(r"[a-z][\s-]+[a-z]", s, re.I) and not any(c.isdigit() for c in s):
        y = spelled_year(s)
        if y is not None:
            return y, False
    raw = s.replace(" ", "")
    digits = sum(c.isdigit() for c in raw)
    ocr = digits < len(raw)
    if ocr and digits < 2:
        return None, True
    y = to_int(raw)
    if y is None or not 1000 <= y <= 2099:
        return None, ocr
    return y, ocr


def day_of(s: str) -> int | None:
    raw = s.strip()
    if raw and not any(c.isdigit() for c in raw) and raw.lower().rstrip("stndrh") in ("i", "l", "ii", "il", "li", "ll", "o"):
        return None
    d = to_int(raw)
    return d if d is not None and 1 <= d <= 31 else None


def month_of(s: str) -> int | None:
    t = s.strip().rstrip(".").lower()
    if not s[:1].isupper():
        return None        # months are capitalised in English: "march", "may" are verbs
    return MONTHS.get(t)


def weekday_of(s: str) -> int | None:
    if not s[:1].isupper():
        return None
    t = s.strip().rstrip(".").lower()
    if t.endswith("'s"):
        t = t[:-2]
    return WEEKDAYS.get(t)


def unit_of(s: str) -> str:
    return UNITS[s.lower().rstrip("s") if s.lower().rstrip("s") in UNITS else s.lower()]


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


def _unit_code(word: str) -> str:
    """Like unit_of, but tells minutes (MIN) from months (M)."""
    w = word.lower()
    if w.startswith("minute"):
        return "MIN"
    return unit_of(w)


# ---------------------------------------------------------------------------
# rules

Handler = Callable[[re.Match, str], "Timex | None"]
RULES: list[tuple[str, re.Pattern, Handler]] = []


def rule(name: str, pattern: str, flags: int = re.I):
    rx = re.compile(pattern, flags)

    def deco(fn: Handler) -> Handler:
        RULES.append((name, rx, fn))
        return fn
    return deco


def _g(m: re.Match, k: str) -> str | None:
    try:
        return m.group(k)
    except IndexError:
        return None


def _calendar_marker(s: str | None) -> str | None:
    if not s:
        return None
    t = s.lower().replace(" ", "")
    if "o.s." in t or "old" in t:
        return "julian"
    if "n.s." in t or "new" in t:
        return "gregorian"
    return None


def _date_mod(s: str | None) -> str | None:
    if not s:
        return None
    k = re.sub(r"\s+", " ", s.strip().lower())
    return DATE_MODS.get(k) or DATE_MODS.get(k.rstrip("-"))


PREFIX = rf"(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?"
PARTOF = rf"(?:(?:the\s+)?(?P<partof>{PART})\s+of\s+)?"
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
    wd = _g(m, "wd")
    if wd:
        t.weekday = weekday_of(wd)
        if t.weekday is None:
            return None
    d2 = _g(m, "d2")
    if d2:
        nd = day_of(d2)
        if nd is None:
            return None
        t.dual_day = nd
        t.calendar = "julian"
    cal = _calendar_marker(_g(m, "os"))
    if cal:
        t.calendar = cal
    part = _g(m, "partof")
    if part:
        t.part = PARTS[part.lower()]
        t.kind = "time"
    t.mod = _date_mod(_g(m, "dmod") or _g(m, "dmod2"))
    return t


@rule("dmy", rf"\b{PARTOF}{PREFIX}{WDPRE}(?P<d>{DAY})(?:\s*/\s*(?P<d2>{DAYNUM}))?(?:\s+of)?\s+(?P<m>{MONTH}),?\s+(?P<y>{YEARX})(?![\d])(?P<os>{OSNS})?")
def _dmy(m, text):
    return _full(m, "dmy", m.group("y"), month_of(m.group("m")), m.group("d"))


@rule("mdy", rf"\b{PARTOF}{PREFIX}{WDPRE}(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?:\s*/\s*(?P<d2>{DAYNUM}))?,?\s+(?P<y>{YEARX})(?![\d])(?P<os>{OSNS})?")
def _mdy(m, text):
    return _full(m, "mdy", m.group("y"), month_of(m.group("m")), m.group("d"))


ROMAN = V["roman_months"]


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


@rule("my", rf"\b{PREFIX}(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEARX}|{SPELLED_YEAR})(?![\d]|,\d)(?P<os>{OSNS})?")
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
    t.mod = _date_mod(m.group("dmod") or m.group("dmod2"))
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
    t.mod = _date_mod(m.group("dmod") or m.group("dmod2"))
    t.calendar = _calendar_marker(m.group("os"))
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


@rule("the_year", r"\b(?:(?P<dmod>the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)\s+)?the\s+(?P<w>(?:(?:full|fiscal|current|calendar|entire|whole|latest|past|last)\s+){0,2})year(?![\w-])(?!\s+(?:two\s+thousand|nineteen|\d|of\b|in\s+which|when|that|before|after|earlier|later))(?P<ended>\s+(?:ended|ending|that\s+ended|which\s+ended))?")
def _the_year(m, text):
    """News: "for the year", "the fiscal year", "the current year" are the creation year;
    "the past/latest year" the one before; "the year ended March 31" a one-year period."""
    w = m.group("w").lower().split()
    if "last" in w and "fiscal" not in w and "full" not in w:
        return None          # "the last year of his life": not a calendar year
    if m.group("ended"):
        t = Timex(m.start(), m.start("ended"), "duration", "the_year", value="P1Y")
        return t
    back = -1 if ("past" in w or "latest" in w) else 0
    t = Timex(m.start(), m.end(), "date", "the_year", shift=("Y", back), deictic=True)
    dm = m.group("dmod")
    if dm:
        t.mod = _date_mod(dm) or ("END" if "rest" in dm.lower() else None)
    return t


@rule("year_end", r"\b(?:(?P<mod>around|about|by)\s+)?(?P<w>year[-\s]end|year's\s+end)(?![\w-])")
def _year_end(m, text):
    """News: "by year-end" is the end of the creation year."""
    t = Timex(m.start("w"), m.end(), "date", "the_year", shift=("Y", 0), deictic=True, mod="END")
    if m.group("mod") and m.group("mod").lower() != "by":
        t.start = m.start()
    return t


@rule("the_weekend", r"\bthe\s+weekend(?![\w-])")
def _the_weekend(m, text):
    """News: "over the weekend" is the weekend nearest the creation time (by tense)."""
    return Timex(m.start(), m.end(), "date", "the_weekend", shift=("WE", 0), deictic=True)


@rule("decade", rf"\b(?:(?P<dmod0>{DATE_MOD})\s+)?(?:the\s+)?(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?P<dec>1[0-9]{{2}}|20[0-9])0'?s\b")
def _decade(m, text):
    t = Timex(m.start(), m.end(), "date", "decade", decade=int(m.group("dec")))
    t.mod = _date_mod(m.group("dmod0") or m.group("dmod") or m.group("dmod2"))
    return t


DECADE_WORDS: dict[str, int] = V["decade_words"]


@rule("decade_word", rf"\b(?:(?P<dmod0>{DATE_MOD})\s+)?the\s+(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?:(?P<w>{'|'.join(DECADE_WORDS)})|'(?P<d>[0-9])0'?s)(?![\w-])")
def _decade_word(m, text):
    """"the nineties", "the '80s": a decade whose century the reference date gives (resolve.py)."""
    d = DECADE_WORDS[m.group("w").lower()] if m.group("w") else int(m.group("d"))
    t = Timex(m.start(), m.end(), "date", "decade_word", decade=d)
    t.mod = _date_mod(m.group("dmod0") or m.group("dmod") or m.group("dmod2"))
    return t


@rule("century", rf"\b(?:(?P<dmod0>{DATE_MOD})\s+)?(?:the\s+)?(?:(?P<dmod>{DATE_MOD})\s+|(?P<dmod2>mid)-)?(?P<n>{ORDW}|[12]?[0-9](?:st|nd|rd|th))[\s-]+century\b")
def _century(m, text):
    n = to_int(m.group("n"))
    if not n or n > 21:
        return None
    t = Timex(m.start(), m.end(), "date", "century", century=n - 1)
    t.mod = _date_mod(m.group("dmod0") or m.group("dmod") or m.group("dmod2"))
    return t


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
    t.mod = _date_mod(m.group("dmod"))
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


@rule("dayword", rf"\b(?:the\s+day\s+(?P<dd>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:'s)?(?:\s+(?P<part>{PART}))?")
def _dayword(m, text):
    w = m.group("w").lower()
    n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    if m.group("dd"):
        n += -1 if m.group("dd").lower() == "before" else 1
    t = Timex(m.start(), m.end(), "date", "dayword", shift=("D", n), deictic=True)
    part = m.group("part") or ("night" if w == "tonight" else None)
    if part:
        t.part, t.kind = PARTS[part.lower()], "time"
    return t


@rule("anaphoric", rf"\b(?:the\s+)?(?:(?:whole|entire|very)\s+)?(?P<dir>next|following|previous|preceding|same|subsequent|succeeding)\s+(?P<u>day|morning|afternoon|evening|night|week|month|year|{WD}|weekend)(?![\w-])(?:\s+(?P<part>{PART}))?")
def _anaphoric(m, text):
    d = m.group("dir").lower()
    u = m.group("u").lower()
    sign = 0 if d == "same" else (-1 if d in ("previous", "preceding") else 1)
    t = Timex(m.start(), m.end(), "date", "anaphoric")
    wd = weekday_of(m.group("u"))
    if wd:
        t.weekday = wd
        t.direction = {1: "next", -1: "previous", 0: "this"}[sign]
    elif u in ("day", "morning", "afternoon", "evening", "night"):
        t.shift = ("D", sign)
        if u != "day":
            t.part, t.kind = PARTS[u], "time"
    elif u == "weekend":
        t.shift = ("WE", sign)
    else:
        t.shift = ({"week": "W", "month": "M", "year": "Y"}[u], sign)
    if m.group("part"):
        t.part, t.kind = PARTS[m.group("part").lower()], "time"
    if d == "next" and not re.match(r"the\b|(?:whole|entire|very)\b", m.group(0), re.I):
        t.deictic = True      # "next year" (no article) counts from now, "the next year" from the story
    return t


@rule("day_after", r"\b(?:the\s+)?(?:(?:whole|very)\s+)?(?P<u>day|night|morning|evening|week|month|year)\s+(?P<dd>before|after|afterwards|earlier|later)(?![\w-])(?!\s+(?:that|the|a|an|his|her|their|its|our|my|this|next|tomorrow|yesterday|\d|[A-Z]))")
def _day_after(m, text):
    u = m.group("u").lower()
    sign = -1 if m.group("dd").lower() in ("before", "earlier") else 1
    t = Timex(m.start(), m.end(), "date", "day_after")
    if u in ("day", "night", "morning", "evening"):
        t.shift = ("D", sign)
        if u != "day":
            t.part, t.kind = PARTS[u], "time"
    else:
        t.shift = ({"week": "W", "month": "M", "year": "Y"}[u], sign)
    return t


@rule("demonstrative", rf"\b(?P<dem>that|this|these|those)\s+(?P<u>day|days|morning|afternoon|evening|night|week|month|year|weekend|time\s+of\s+year)(?![\w-])")
def _demonstrative(m, text):
    dem = m.group("dem").lower()
    u = m.group("u").lower()
    if u == "days":
        if dem not in ("these", "those"):
            return None
        return Timex(m.start(), m.end(), "date", "demonstrative", value="PRESENT_REF" if dem == "these" else "PAST_REF")
    if dem in ("these", "those"):
        return None
    if dem == "this" and u == "day" and re.search(r"\b(?:to|till|until|unto)\s+$", text[max(0, m.start() - 7):m.start()], re.I):
        # "to this day": up to the time of telling, not a day of the story
        return Timex(m.start(), m.end(), "date", "demonstrative", value="PRESENT_REF", deictic=True)
    t = Timex(m.start(), m.end(), "date", "demonstrative", deictic=(dem == "this"))
    if u in ("day", "morning", "afternoon", "evening", "night"):
        t.shift = ("D", 0)
        if u != "day":
            t.part, t.kind = PARTS[u], "time"
    elif u == "weekend":
        t.shift = ("WE", 0)
    elif u.startswith("time"):
        return None
    else:
        t.shift = ({"week": "W", "month": "M", "year": "Y"}[u], 0)
    return t


@rule("lastnext", rf"\b(?:(?P<dmod>early|late|mid)[\s-]+)?(?P<dir>last|next|this|coming|past)\s+(?P<u>week|month|year|weekend|quarter|decade|century|night|{WD})(?![\w-])(?:\s+(?P<part>{PART}))?")
def _lastnext(m, text):
    d = m.group("dir").lower()
    u = m.group("u").lower()
    if d == "past":
        if re.search(r"\bthe\s+$", text[max(0, m.start() - 5):m.start()], re.I):
            return None     # "the past week" is a duration (rule below)
        d = "last"
    before = text[max(0, m.start() - 5):m.start()]
    if re.search(r"\bthe\s+$", before, re.I) and d in ("last", "next"):
        return None         # "the last week" / "the next month": durations or anaphora
    sign = {"last": -1, "next": 1, "coming": 1, "this": 0}[d]
    t = Timex(m.start(), m.end(), "date", "lastnext", deictic=True)
    t.mod = _date_mod(m.group("dmod"))
    wd = weekday_of(m.group("u"))
    if wd:
        t.weekday = wd
        t.direction = {1: "next", -1: "previous", 0: "this"}[sign]
    elif u == "weekend":
        t.shift = ("WE", sign)
    elif u == "night":
        if d != "last":
            return None
        t.shift, t.part, t.kind = ("D", -1), "NI", "time"
    elif u == "quarter":
        t.shift = ("Q", sign)
    elif u in ("decade", "century"):
        t.shift = ({"decade": "DE", "century": "CE"}[u], sign)
    else:
        t.shift = ({"week": "W", "month": "M", "year": "Y"}[u], sign)
    if m.group("part"):
        t.part, t.kind = PARTS[m.group("part").lower()], "time"
    return t


@rule("earlierlater", r"\b(?P<w>earlier|later)\s+(?:this|that|in\s+the)\s+(?P<u>week|month|year|day)\b")
def _earlierlater(m, text):
    u = m.group("u").lower()
    t = Timex(m.start(), m.end(), "date", "earlierlater", shift=({"week": "W", "month": "M", "year": "Y", "day": "D"}[u], 0))
    t.deictic = "this" in m.group(0).lower()
    t.mod = "START" if m.group("w").lower() == "earlier" else "END"
    return t


@rule("ordday", rf"\b(?:on|by|of|until|till|from|since|to|before|after)\s+(?P<the>the\s+)(?P<d>{ORDW}|[0-3]?[0-9](?:st|nd|rd|th))(?=\s*[,.;:)]|\s+(?:of\s+(?:the\s+|this\s+|that\s+)?month\b|at\b|in\b|with\b|there\b|we\b|he\b|she\b|they\b|I\b|it\b|you\b|when\b|and\s+the\b|(?:the\s+[a-z]+|[A-Z][a-z]+)\s+[a-z]{{2,}}ed\b))")
def _ordday(m, text):
    d = day_of(m.group("d"))
    if d is None:
        return None
    t = Timex(m.start("the"), m.end(), "date", "ordday", day=d)
    return t


@rule("weekday", rf"\b(?:(?P<on>on)\s+)?(?P<wd>{WD})(?:\s+(?P<part>{PART}))?")
def _weekday(m, text):
    wd = weekday_of(m.group("wd"))
    if wd is None:
        return None
    s = m.start("wd")
    t = Timex(s, m.end(), "date", "weekday", weekday=wd)
    if m.group("part"):
        t.part, t.kind = PARTS[m.group("part").lower()], "time"
    return t


@rule("ago", rf"\b(?:(?P<mod>{DUR_MOD})\s+)?(?P<n>{NUM}|a\s+few|several|some|many)\s+(?P<u>{UNIT})s?\s+(?P<dir>later|earlier|ago|afterwards?|before(?=\s*[,.;:!?)]|\s*$)|after(?=\s*[,.;:!?)])|hence|previously|back|from\s+now|before\s+that|after\s+that|before\s+this|after\s+this)(?![\w-])")
def _ago(m, text):
    raw = m.group("n").lower()
    n = None if raw in ("a few", "several", "some", "many") else to_float(raw)
    if n is None and raw not in ("a few", "several", "some", "many"):
        return None
    u = _unit_code(m.group("u"))
    d = m.group("dir").lower()
    sign = -1 if d in ("earlier", "ago", "before", "previously", "back") or d.startswith("before") else 1
    t = Timex(m.start(), m.end(), "date", "ago")
    if u == "2W":
        u, n = "W", (n * 2 if n else n)
    if u in ("DE", "CE"):
        n, u = (n * (10 if u == "DE" else 100) if n else n), "Y"
    if u in ("H", "MIN", "S"):
        t.kind = "time"
    t.shift = (u, None if n is None else (sign * n))
    t.deictic = d in ("ago", "hence", "from now", "back")
    if m.group("mod"):
        t.mod = DUR_MODS.get(re.sub(r"\s+", " ", m.group("mod").lower()))
    return t


_DUR_HEAD = rf"(?:(?P<det>the|a|an|another|the\s+(?:past|last|next|first|final|following|previous|coming|remaining)|(?:another|an\s+additional)|over\s+the\s+(?:past|last|next))\s+(?:(?:whole|full|entire|long|short|brief)\s+)?)"


_AGE_AFTER = re.compile(r"\s+of\s+age\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|to\s+be|(?:man|woman|boy|girl|child|lad|youth|maid|fellow|person)\s+of)\s+$", re.I)


@rule("duration", rf"\b(?:(?P<mod>{DUR_MOD})\s+)?{_DUR_HEAD}?(?:(?:full|whole|entire|long|short)\s+)?(?P<n>{NUM})(?:\s+and\s+(?P<half>a\s+half))?[\s-]+(?P<u>{UNIT})s?(?P<half2>\s+and\s+a\s+half)?(?:\s+and\s+(?P<n2>{NUM})\s+(?P<u2>{UNIT})s?)?(?![\w-])(?:\s+(?P<old>old))?")
def _duration(m, text):
    raw = m.group("n").lower()
    n = to_float(raw)
    if n is None:
        return None
    u = _unit_code(m.group("u"))
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
        u2 = _unit_code(m.group("u2"))
        if n2 is None:
            return None
        if u2 == u:
            n = max(n, n2)   # "twelve days and twelve nights"
            t.value = duration_value(n, u)
        else:
            t.value = _compound(n, u, n2, u2)
    if t.value is None and not float(n).is_integer():
        t.value = fractional_value(n, u)
    if t.value is None:
        t.value = duration_value(n, u)
    if m.group("mod"):
        t.mod = DUR_MODS.get(re.sub(r"\s+", " ", m.group("mod").lower()))
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
    return _compound(whole, u, rest, su)


def _compound(n: float, u: str, n2: float, u2: str) -> str:
    order = ["Y", "M", "W", "D", "H", "MIN", "S"]
    parts = {u: n, u2: n2}
    date = "".join(f"{int(parts[k]) if float(parts[k]).is_integer() else parts[k]}{k}" for k in order[:4] if k in parts)
    time = "".join(f"{int(parts[k]) if float(parts[k]).is_integer() else parts[k]}{'M' if k == 'MIN' else k}" for k in order[4:] if k in parts)
    return "P" + date + (("T" + time) if time else "")


@rule("half", rf"\b(?:(?P<mod>{DUR_MOD})\s+)?(?:half\s+(?:an?\s+)(?P<u>{UNIT})|(?:an?|one)\s+(?P<u2>{UNIT})\s+and\s+a\s+half)")
def _half(m, text):
    u = _unit_code(m.group("u") or m.group("u2"))
    if u not in _SMALLER:
        return None
    val = fractional_value(0.5 if m.group("u") else 1.5, u)
    t = Timex(m.start(), m.end(), "duration", "half", value=val)
    if m.group("mod"):
        t.mod = DUR_MODS.get(re.sub(r"\s+", " ", m.group("mod").lower()))
    return t


@rule("vague_duration", rf"\b(?:(?P<q>a\s+few|several|some|many|a\s+number\s+of|a\s+couple\s+of|recent|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|for|in|within|over|after|took|takes|take)\s+)(?P<u>(?:second|minute|hour|day|week|month|year|decade|centurie|quarter)s)(?![\w-])(?!\s+(?:old|of|ago|later|earlier))")
def _vague(m, text):
    q = re.sub(r"\s+", " ", m.group("q").lower())
    u = _unit_code(m.group("u"))
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
    t = Timex(m.start("the"), m.end(), "duration", "ordinal_period", value=duration_value(1, _unit_code(m.group("u"))))
    return t


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
    mod = _g(m, "mod")
    if mod:
        t.mod = "APPROX"
    _strip_at(t, m)
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
        t.value = duration_value(1, _unit_code(m.group("u2")))
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
        t.value = duration_value(n, _unit_code(u))
    return t


@rule("refword", r"\b(?P<w>now|nowadays|currently|at\s+present|at\s+the\s+moment|the\s+present(?!\s+(?:government|state|writer|author|king|tsar|day|century|regime|régime|system|leaders?|direction))|right\s+now|today's|recently|recent(?=\s+[a-z])(?!\s+(?:years|months|weeks|days|decades|quarters|past|history)\b)|lately|formerly|in\s+the\s+past|the\s+past(?=\s*[,.;)])|the\s+(?:near|immediate)\s+future|the\s+(?:near|short|long)\s+term(?![\w-])|the\s+future(?=\s*[,.;:!?)]|\s+(?:of|is|was|will|would|and|or|as|that|when|in)\b)|in\s+future|current(?=\s+[a-z]))\b")
def _refword(m, text):
    w = re.sub(r"\s+", " ", m.group("w").lower())
    if w in ("recently", "lately", "formerly", "previously", "in the past", "the past", "recent"):
        val = "PAST_REF"
    elif w in ("the future", "in future", "soon") or w.endswith(" future") or w.endswith(" term"):
        val = "FUTURE_REF"
    else:
        val = "PRESENT_REF"
    t = Timex(m.start(), m.end(), "date", "refword", value=val, deictic=True)
    if w.startswith("in the "):
        t.start += 3
    if w == "now" and re.match(r"\s+(?:that|and\s+then)\b", text[m.end():m.end() + 10]):
        return None
    return t


@rule("soon", r"\b(?:(?P<pre>will|won't|shall|'ll|may|might|could|should)\s+(?:[a-z]+\s+){0,3}|(?P<to>to)\s+)?(?P<w>soon)(?P<post>\s+(?:will|may|might|could|should|shall)\b)?(?!\s+(?:after|afterwards?|before|as|enough|thereafter)\b)")
def _soon(m, text):
    """'may soon seek', 'it soon will begin': the near future, when a modal says the clause looks ahead
    (a narrative's 'we soon left' is not tagged)."""
    if not (m.group("pre") or m.group("to") or m.group("post")):
        return None
    if re.fullmatch(r"(?:will|shall|'ll)\s+", text[m.start():m.start("w")], re.I):
        return None      # "we shall soon see", "they will soon guess": a manner of telling, mostly
    if re.search(r"\b(?:as|too|how|so)\s+$", text[max(0, m.start("w") - 5):m.start("w")], re.I):
        return None
    return Timex(m.start("w"), m.end("w"), "date", "soon", value="FUTURE_REF", deictic=True)


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


@rule("holiday", rf"\b(?P<h>{_FEAST_NAMES})(?:\s+(?P<wk>week)\b)?(?:,?\s+(?P<y>1[0-9]{{3}}|20[0-9]{{2}}))?(?![\w'\u2019])"
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
    return t


_RECKONING = V["month_reckoning"]


@rule("ordday_rel", rf"\b(?:the\s+)?(?P<d>{ORDW}|[0-3]?[0-9](?:st|nd|rd|th)?)\s+(?P<rel>instant|ultimo|proximo|inst\b\.?|ult\b\.?|prox\b\.?)")
def _ordday_rel(m, text):
    """'your letter of the 3rd inst.', 'the 25th ult.': a day of this, last or next month, as
    commercial and official letters reckoned it."""
    d = day_of(m.group("d"))
    if d is None:
        return None
    t = Timex(m.start(), m.end(), "date", "ordday_rel", day=d)
    t.month_shift = _RECKONING[m.group("rel").lower().rstrip(".")]
    return t


@rule("morrow", r"\b(?P<w>the\s+morrow)(?![\w-])")
def _morrow(m, text):
    return Timex(m.start("w"), m.end(), "date", "anaphoric", shift=("D", 1))


_PERIOD_MODS = {"early": "START", "beginning": "START", "start": "START", "first": "START", "late": "END",
                "end": "END", "close": "END", "last": "END", "middle": "MID"}


@rule("period_of", r"\b(?:(?P<el>early|late)\s+in|(?:the\s+)?(?P<w>end|beginning|middle|start|close|first\s+days|last\s+days)\s+of)\s+the\s+(?P<u>month|year)(?![\w-])")
def _period_of(m, text):
    """'at the end of the month', 'early in the year': a part of the month or year the story is in."""
    word = (m.group("el") or m.group("w")).split()[0].lower()
    t = Timex(m.start(), m.end(), "date", "period_of", shift=("M" if m.group("u").lower() == "month" else "Y", 0))
    t.mod = _PERIOD_MODS[word]
    return t


# ---------------------------------------------------------------------------

_PRIORITY = {name: i for i, (name, _, _) in enumerate(RULES)}


# Each rule only runs in windows around a cheap trigger (a month name, a unit, a digit...):
# scanning the whole text with every full pattern is what would make the tagger slow.
_T_MONTH = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_T_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)"
TRIGGERS = {
    "dmy": _T_MONTH, "mdy": _T_MONTH, "md": _T_MONTH, "dm": _T_MONTH, "my": _T_MONTH, "month": _T_MONTH,
    "roman": r"\b[IVX]{1,4}\b", "iso": r"\d-\d", "numeric": r"\d[/.]\d", "year": r"(?:1\d|20)\d\d",
    "year_ocr": r"\b(?:in|of|since|during|by|until)\s[1lI|]", "decade": r"\d0'?s\b", "century": r"century",
    "season": r"(?:spring|summer|autumn|fall|winter)", "dayword": r"(?:today|yesterday|tomorrow|tonight)",
    "anaphoric": r"(?:next|following|previous|preceding|same|subsequent|succeeding)\s",
    "day_after": r"\s(?:before|after|afterwards|earlier|later)\b", "demonstrative": r"\b(?:that|this|these|those)\s",
    "lastnext": r"\b(?:last|next|this|coming|past)\s", "earlierlater": r"\b(?:earlier|later)\s",
    "ordday": r"\b(?:on|by|of|until|till|from|since|to|before|after)\s+the\s", "weekday": r"(?:mon|tue|wed|thu|fri|sat|sun)",
    "ago": _T_UNIT, "duration": _T_UNIT, "half": r"\bhalf\b", "vague_duration": _T_UNIT,
    "time": r"(?:[ap]\.\s?m\.|\b[ap]m\b|o'clock|\dh\b|\bhrs?\b)", "clock24": r"\d:\d\d",
    "time_words": r"(?:o'clock|[ap]\.\s?m\.|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)",
    "quarter_past": r"(?:quarter|half|minutes|twenty|ten|five)\s+(?:past|after|to|before|of|till)\s", "noon": r"(?:noon|midnight|midday)",
    "set": r"(?:every|each|daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|fortnightly|once|twice|thrice|times)",
    "refword": r"(?:now|current|present|moment|recent|lately|formerly|past|future|term\b)", "soon": r"\bsoon\b",
    "quarter": r"quarter", "the_quarter": r"(?:quarter|period)", "year_period": r"(?:quarter|period)", "year_earlier": r"year-",
    "half_year": r"\bhalf\b", "holiday": r"(?:Christmas|New\s+Year|Day\b|Eve\b|Night\b|mas\b|Easter|Friday|Sunday|Monday|Thursday|Saturday|Tuesday|Wednesday|Whitsun|Pentecost|Epiphany|Lammas)",
    "ordday_rel": r"\b(?:inst|ult|prox)", "morrow": r"\bmorrow\b", "period_of": r"\b(?:month|year)\b",
    "spelled_year": r"(?:teen|twenty|two\s+thousand)\b", "the_year": r"\byear\b", "year_end": r"\byear(?:[-\s]end|'s\s+end)",
    "the_weekend": r"weekend", "decade_word": r"(?:ties\b|'\d0)",
    "ordinal_period": r"\b(?:first|past|last|final|opening|remaining)\s",
}
_TRIGGER_RX = {k: re.compile(v, re.I if k not in ("roman", "holiday") else 0) for k, v in TRIGGERS.items()}
_BEFORE, _AFTER = 90, 110


def _windows(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in rx.finditer(text):
        s, e = max(0, m.start() - _BEFORE), min(n, m.end() + _AFTER)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    # windows end at a whitespace so that no expression is cut short
    fixed = []
    for s, e in out:
        while e < n and not text[e - 1].isspace() and e - s < 10_000:
            e += 1
        fixed.append((s, e))
    return fixed


def find(text: str) -> list[Timex]:
    """All temporal expressions in ``text``, non-overlapping, in text order."""
    cands: list[Timex] = []
    cache: dict[str, list[tuple[int, int]]] = {}
    for name, rx, fn in RULES:
        trig = TRIGGERS.get(name)
        if trig is None:
            spans = [(0, len(text))]
        else:
            spans = cache.get(trig)
            if spans is None:
                spans = cache[trig] = _windows(_TRIGGER_RX[name], text)
        seen_end = -1
        for ws, we in spans:
            for m in rx.finditer(text, ws, we):
                if m.end() == m.start() or m.start() < seen_end:
                    continue
                seen_end = m.end()
                try:
                    t = fn(m, text)
                except (ValueError, KeyError, TypeError):
                    t = None
                if t is not None:
                    t.rule = t.rule or name
                    cands.append(t)
    return select(cands, text)


_CLOCK_GAP = re.compile(r"\s*(?:\(?[ECMP][SD]T\)?|GMT|UTC)?\s*,?\s*(?:on\s+)?$")


def _merge_clock_with_day(taken: list[Timex], text: str) -> list[Timex]:
    """'noon Thursday', '5 p.m. EST Nov. 9': a clock time followed by its day is one expression."""
    out: list[Timex] = []
    for t in taken:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "time" and prev.hour is not None and prev.month is None
                and prev.weekday is None and t.kind in ("date", "time") and t.hour is None
                and (t.weekday or t.month or t.rule in ("dayword",)) and t.start - prev.end <= 12
                and _CLOCK_GAP.match(text[prev.end:t.start])):
            t.hour, t.minute, t.kind = prev.hour, prev.minute, "time"
            t.part = None
            t.start = prev.start
            t.mod = t.mod or prev.mod
            out[-1] = t
            continue
        out.append(t)
    return out


def select(cands: Iterable[Timex], text: str) -> list[Timex]:
    """Keep the longest expression where several overlap (earlier rule on ties)."""
    ordered = sorted(cands, key=lambda t: (-(t.end - t.start), _PRIORITY.get(t.rule, 99), t.start))
    taken: list[Timex] = []
    occupied: list[tuple[int, int]] = []
    for t in ordered:
        if any(t.start < e and s < t.end for s, e in occupied):
            continue
        occupied.append((t.start, t.end))
        taken.append(t)
    taken.sort(key=lambda t: t.start)
    taken = _merge_clock_with_day(taken, text)
    for t in taken:
        # trim trailing spaces and a possessive
        while t.end > t.start and text[t.end - 1].isspace():
            t.end -= 1
        t.text = text[t.start:t.end]
        before = text[max(0, t.start - 30):t.start]
        if t.kind in ("date", "time") and BOUNDING.search(before):
            t.bounding = True
    return taken
