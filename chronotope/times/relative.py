"""Rules for times read from another time: "the next day", "two days later", "last week".

Anaphoric and deictic expressions (counted from the story or from the speaker's now),
news conventions ("the year", "the weekend", "year-end"), vague present/past/future
references ("now", "recently", "soon") and a letter's "the 3rd inst.".  Each becomes a
shift or a direction; :mod:`chronotope.times.resolve` gives it its value.
"""
from __future__ import annotations

import re

from .lexicon import (DUR_MOD, NUM, ORDW, PART, PARTS, UNIT, WD, V, date_mod, day_of, dur_mod, to_float, unit_code,
                      weekday_of)
from .rules import rule
from .timex import Timex


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
        t.mod = date_mod(dm) or ("END" if "rest" in dm.lower() else None)
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


@rule("ordinal_day", rf"\b(?:on|by|until|till)\s+the\s+(?P<n>{ORDW}|[1-9][0-9]?(?:st|nd|rd|th))\s+day(?![\w-])(?!\s+of\b|\s+(?:before|after)\b)")
def _ordinal_day(m, text):
    """'On the third day', counting the day the story has reached as the first (the day
    after next), as narratives and diaries count days."""
    n = day_of(m.group("n"))
    if n is None or n < 2:
        return None
    t = Timex(m.start(), m.end(), "date", "ordinal_day")
    t.shift = ("D", n - 1)
    return t


@rule("part_of_day", r"\b(?P<pre>in\s+the|during\s+the|late\s+in\s+the|early\s+in\s+the|towards?(?:\s+the)?)\s+"
      r"(?P<p>morning|afternoon|evening|night)(?![\w-])(?!\s+(?:of|before|after)\b)")
def _part_of_day(m, text):
    """'In the afternoon', 'towards evening' told on its own: that part of the day the story
    has reached (a clock time or a named day before it is longer and wins)."""
    pre = re.sub(r"\s+", " ", m.group("pre").lower())
    if pre.startswith("toward") and pre.endswith("the"):
        return None     # "towards the evening of ...": left to the other rules
    t = Timex(m.start(), m.end(), "time", "part_of_day")
    t.shift, t.part = ("D", 0), PARTS[m.group("p").lower()]
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
    t.mod = date_mod(m.group("dmod"))
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


@rule("ago", rf"\b(?:(?P<mod>{DUR_MOD})\s+)?(?P<n>{NUM}|a\s+few|several|some|many)\s+(?P<u>{UNIT})s?\s+(?P<dir>later|earlier|ago|afterwards?|before(?=\s*[,.;:!?)]|\s*$)|after(?=\s*[,.;:!?)])|hence|previously|back|from\s+now|before\s+that|after\s+that|before\s+this|after\s+this)(?![\w-])")
def _ago(m, text):
    raw = m.group("n").lower()
    n = None if raw in ("a few", "several", "some", "many") else to_float(raw)
    if n is None and raw not in ("a few", "several", "some", "many"):
        return None
    u = unit_code(m.group("u"))
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
        t.mod = dur_mod(m.group("mod"))
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
