"""Dated letters and diary entries, and quoted speech: where a text's speech time changes.

A run of letters or diary entries dates each entry on a line of its own, at its top or,
after a signature, at its bottom; that date is the entry's speech time.  Quotations and
telegrams carry another speaker's dates, read but not the story's own.  The resolver asks
these functions where such regions lie.
"""
from __future__ import annotations

import re

from . import calendars as cal
from .intervals import Point
from .timex import Timex


HEADING_TAIL = re.compile(r"[\s.,:;)\]]*$")


def is_heading(text: str, t: Timex) -> bool:
    """A full date on a line of its own, after at most a place: a letter's date line
    ("Lemberg, 14 March 1927"), a diary heading ("2 March 1868.")."""
    ls = text.rfind("\n", 0, t.start) + 1
    le = text.find("\n", t.end)
    le = len(text) if le < 0 else le
    if not HEADING_TAIL.match(text, t.end, le) and not HEADING_TAIL.fullmatch(text[t.end:le]):
        return False
    lead = text[ls:t.start].strip()
    # nothing before the date, or a place or weekday and a comma ("Last updated on ..." is not a heading)
    return not lead or (lead.endswith(",") and len(lead) <= 40 and len(lead.split()) <= 5)


SIGNATURE = re.compile(r"^(?![IVXLC\d]+\.?$)[^\n.:;]{2,40}$")


def closing_headings(text: str, timexes: list[Timex], offset: int, headings: int,
                     default_calendar: str) -> list[tuple[int, int, Point]]:
    """Letters dated at the bottom: a date line right after a signature ("Your Mykola") closes
    the letter above it, back to the previous date line; its date is the letter's speech time.
    Whether a run of letters is dated at the top or at the bottom is read from its first date
    line: a signature and a letter body above it, or not."""
    out: list[tuple[int, int, Point]] = []
    if headings < 2:
        return out
    prev_end = 0
    first = True
    for t in timexes:
        if t.kind != "date" or t.year is None or t.month is None or t.day is None or t.shift:
            continue
        if not is_heading(text, t):
            continue
        ls = text.rfind("\n", 0, t.start) + 1
        lines = [x.strip() for x in text[prev_end:ls].split("\n") if x.strip()]
        closes = len(lines) >= 2 and SIGNATURE.match(lines[-1]) is not None and len(lines[-1].split()) <= 5 and \
            any(len(x.split()) > 12 for x in lines[:-1])
        if first and not closes:
            return out        # dated at the top
        first = False
        if closes:
            c = t.calendar or ("julian" if default_calendar == "julian" else "gregorian")
            if cal.valid(t.year, t.month, t.day, c):
                out.append((prev_end + offset, ls + offset, Point(t.year, t.month, t.day, c)))
        le = text.find("\n", t.end)
        prev_end = len(text) if le < 0 else le
    return out


_QUOTE = re.compile(r"\u201c[^\u201c\u201d\n]{1,400}\u201d|\"[^\"\n]{1,400}\"|:\s+((?:[A-Z][A-Z'.,-]*\s+){3,}[A-Z][A-Z'.,-]*)")


def quotations(text: str) -> list[tuple[int, int]]:
    """Quoted speech and telegrams in capitals (": ARRIVING HALIFAX ABOUT FIFTH APRIL"): the
    dates in them are another person's, read but not the story's own time."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
