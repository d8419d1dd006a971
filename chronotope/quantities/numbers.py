"""Numbers as written: digits ("4,000", "1.5"), words ("seventy-three") and vague amounts.

Word numbers are converted by text2num; vague amounts ("several hundred") come
from ``data/units/vague_numbers.tsv`` as a (min, max) range.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .units import number_words, vague_numbers

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\d*½|\d+\s?1/2"


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex (no groups) for one written number: digits, word numbers, vague amounts."""
    words = sorted(number_words(), key=len, reverse=True)
    w = "(?:" + "|".join(words) + ")"
    word_num = rf"(?:(?:a|one)\s+)?{w}(?:(?:[\s-]+|\s+and\s+){w})*"
    vague = "|".join(re.escape(v) for v in sorted(vague_numbers(), key=len, reverse=True))
    return rf"(?:{vague}|{DIGITS}|{word_num})"


def parse_number(s: str) -> tuple[float, float, float] | None:
    """(value, min, max) for a written number, or None if it is not one."""
    t = " ".join(s.lower().replace("\u00a0", " ").split())
    if not t:
        return None
    vague = vague_numbers()
    if t in vague:
        lo, hi = vague[t]
        return float(lo), float(lo), float(hi)
    half = 0.0
    if t.endswith("½"):
        half, t = 0.5, t[:-1] or "0"
    elif t.endswith("1/2"):
        half, t = 0.5, t[:-3].strip() or "0"
    if re.fullmatch(r"[\d,]*\d(?:\.\d+)?", t):
        v = float(t.replace(",", "")) + half
        return v, v, v
    t = re.sub(r"^(a|one)\s+(hundred|thousand|million)", r"one \2", t)
    try:
        from text_to_num import text2num
        v = float(text2num(t.replace("-", " "), "en"))
    except (ValueError, ImportError):
        return None
    return v, v, v
