"""The words of time as regex fragments, and readers for what they match.

Month and weekday names, numbers in digits (OCR noise allowed) or in words, ordinals,
years written out ("nineteen ninety-six"), units and the modifiers of dates and
durations: every rule module builds its patterns from these fragments and reads its
groups with these functions, so they live apart from any one rule.
"""
from __future__ import annotations

import re

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
# "Tuesday last", "Michaelmas next" (but "Monday next week" is "next week")
POSTPOSED_DIRECTION = r"(?:last|next)(?![\w-])(?!\s+(?:week|month|year|weekend|quarter|decade|century|time)\b)"
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

ROMAN = V["roman_months"]
DECADE_WORDS: dict[str, int] = V["decade_words"]

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


def unit_code(word: str) -> str:
    """Like unit_of, but tells minutes (MIN) from months (M)."""
    w = word.lower()
    if w.startswith("minute"):
        return "MIN"
    return unit_of(w)


def calendar_marker(s: str | None) -> str | None:
    if not s:
        return None
    t = s.lower().replace(" ", "")
    if "o.s." in t or "old" in t:
        return "julian"
    if "n.s." in t or "new" in t:
        return "gregorian"
    return None


def date_mod(s: str | None) -> str | None:
    if not s:
        return None
    k = re.sub(r"\s+", " ", s.strip().lower())
    return DATE_MODS.get(k) or DATE_MODS.get(k.rstrip("-"))


def dur_mod(s: str | None) -> str | None:
    """The TIMEX3 mod of a duration's qualifier ("about", "more than", "just under")."""
    if not s:
        return None
    return DUR_MODS.get(re.sub(r"\s+", " ", s.lower()))
