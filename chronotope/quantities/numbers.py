"""Numbers as written: digits ("4,000", "1.5"), words ("seventy-three"), fractions
("two and a half", "half a", "three quarters of a") and vague amounts ("several hundred").

Word numbers are converted by text2num; vague amounts come from
``data/units/vague_numbers.tsv`` as a (min, max) range; fractions from
``data/units/fractions.tsv``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .units import fractions, number_words, vague_numbers

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "2½", "2 1/2": a digit number with a written half
DIGIT_HALF = r"\d*½|\d+\s?1/2"


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex (no groups) for one written number: digits, word numbers, fractions, vague amounts.

    Word numbers join with spaces, hyphens and "and" ("one hundred and forty-two");
    a trailing fraction ("and a half") belongs to the number; a leading one
    ("half a", "a quarter of a") is a number on its own, to be followed by a unit.
    """
    w = rf"(?:{_alt(number_words())})"
    word_num = rf"(?:(?:a|one)\s+)?{w}(?:(?:\s*-\s*|\s+|\s+and\s+){w}\b)*"
    fr = fractions()
    trailing = rf"(?:\s+and\s+(?:{_alt(fr['trailing'])}))"
    leading = _alt(fr["leading"])
    vague = _alt(vague_numbers())
    return (rf"(?:{vague}|{leading}|(?:{DIGIT_HALF}|{DIGITS}|{word_num}\b){trailing}?)")


def parse_number(s: str) -> tuple[float, float, float] | None:
    """(value, min, max) for a written number, or None if it is not one."""
    t = " ".join(s.lower().replace("\u00a0", " ").split())
    if not t:
        return None
    vague = vague_numbers()
    if t in vague:
        lo, hi = vague[t]
        return float(lo), float(lo), float(hi)
    fr = fractions()
    if t in fr["leading"]:
        v = fr["leading"][t]
        return v, v, v
    extra = 0.0
    m = re.search(r"\s+and\s+(.+)$", t)
    if m and m.group(1) in fr["trailing"]:
        extra, t = fr["trailing"][m.group(1)], t[:m.start()]
    if t.endswith("½"):
        extra, t = 0.5, t[:-1] or "0"
    elif re.search(r"\s?1/2$", t) and len(t) > 3:
        extra, t = 0.5, t[:-3].strip() or "0"
    if re.fullmatch(r"[\d,]*\d(?:\.\d+)?", t):
        v = float(t.replace(",", "")) + extra
        return v, v, v
    t = re.sub(r"\s*-\s*", " ", t)
    t = re.sub(r"^(a|one)\s+(hundred|thousand|million)", r"one \2", t)
    try:
        from text_to_num import text2num
        v = float(text2num(t, "en")) + extra
    except (ValueError, ImportError):
        return None
    return v, v, v
