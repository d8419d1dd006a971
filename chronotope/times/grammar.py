"""Finding temporal expressions: a regex grammar over plain (normalised) text.

Each rule is a compiled regular expression with a handler that turns a match
into a :class:`Timex` *specification* (the fields the text states: year,
month, day, weekday, a shift such as "two days later", a duration...).
Nothing here knows the reference date; ``resolve.py`` anchors the
specifications.  Libraries such as dateparser parse one date string well but
do not find expressions in running text with exact extents, nor keep
partial dates partial, hence a grammar of our own.  Regexes keep it fast
(no tokeniser, no model).

The rules live in one module per kind of expression (:mod:`.dates`, :mod:`.relative`,
:mod:`.periods`, :mod:`.clock`, :mod:`.durations`, built from :mod:`.lexicon`); this module
runs them in a fixed order and merges what they find into non-overlapping spans.
"""
from __future__ import annotations

import re
from typing import Iterable

from . import clock, dates, durations, periods, relative  # noqa: F401  (they register their rules)
from .rules import REGISTRY, Handler
from .timex import Timex

__all__ = ["Timex", "find", "select"]

# The order rules run in; where two expressions of the same length overlap, the earlier rule wins.
RULE_ORDER = [
    "dmy", "mdy", "roman", "iso", "numeric", "md", "dm", "my", "month", "year", "year_ocr", "spelled_year",
    "the_year", "year_end", "the_weekend", "decade", "decade_word", "century", "season", "dayword", "anaphoric",
    "day_after", "ordinal_day", "part_of_day", "demonstrative", "lastnext", "earlierlater", "ordday", "weekday_day", "weekday", "ago", "duration", "half",
    "vague_duration", "ordinal_period", "time", "clock24", "time_words", "quarter_past", "noon", "set", "refword",
    "soon", "quarter", "year_period", "the_quarter", "year_earlier", "half_year", "holiday", "ordday_rel", "morrow",
    "period_of",
]
assert set(RULE_ORDER) == set(REGISTRY), "every registered rule needs a place in RULE_ORDER"
RULES: list[tuple[str, re.Pattern, Handler]] = [(name, *REGISTRY[name]) for name in RULE_ORDER]
_PRIORITY = {name: i for i, name in enumerate(RULE_ORDER)}

BOUNDING = re.compile(r"(?:\b(?:ever\s+since|since|as\s+early\s+as|as\s+late\s+as|as\s+far\s+back\s+as|until|till|"
                      r"up\s+to|by|before|prior\s+to|not\s+later\s+than|no\s+later\s+than)\s+(?:the\s+)?)$", re.I)


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
    "day_after": r"\s(?:before|after|afterwards|earlier|later)\b",
    "ordinal_day": r"\sday\b", "part_of_day": r"(?:morning|afternoon|evening|night)", "demonstrative": r"\b(?:that|this|these|those)\s",
    "lastnext": r"\b(?:last|next|this|coming|past)\s", "earlierlater": r"\b(?:earlier|later)\s",
    "ordday": r"\b(?:on|by|of|until|till|from|since|to|before|after)\s+the\s", "weekday": r"(?:mon|tue|wed|thu|fri|sat|sun)",
    "weekday_day": r"(?:mon|tue|wed|thu|fri|sat|sun)",
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
