"""The chronology check: narrated dates against the order of the narrative and each other.

Findings go to ``doc.issues`` with a message a historian can act on:

* ``weekday_mismatch``: a weekday that does not fall on the date it is
  written with ("Friday, 14 March 1913" was a Friday? if not, say what day
  it was, and whether it would fit the other calendar);
* ``letter_out_of_sequence``: a dated letter or heading that falls before
  the events narrated before it;
* ``year_out_of_sequence``: a full date whose year breaks the narrative
  sequence while its day and month fit right after it (a likely wrong year);
* ``arrival_before_departure``: within one sentence, a departure ("left X on
  18 December") followed by an arrival dated before it ("arrived in Y on
  11 December").
"""
from __future__ import annotations

import re

from ..spans import SpanSet
from . import calendars as cal
from .timex import Timex
from .vocab import alternation, vocabulary

DAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
LETTER_WORDS = re.compile(r"\b(?:letters?|wrote|writes|written|writing|diary|journal|entry|telegram|"
                          r"postcard|note\s+to|dear)\b", re.I)
STATED_JULIAN = re.compile(r"\b(?:all\s+)?dates\b[^.\n]{0,80}?\b(?:old\s+style|o\.\s?s\.|julian(?:\s+calendar)?)", re.I)


def stated_calendar(text: str) -> str | None:
    """'Dates are given in the Old Style': the document says which calendar it uses."""
    head = text[:20000]
    if STATED_JULIAN.search(head):
        return "julian"
    return None


def _jdn(t: Timex) -> int | None:
    if t.year is None or t.month is None or t.day is None:
        return None
    c = t.resolved_calendar or "gregorian"
    if not cal.valid(t.year, t.month, t.day, c):
        return None
    return cal.to_jdn(t.year, t.month, t.day, c)


def _iso(j: int, calendar: str = "gregorian") -> str:
    y, m, d = cal.from_jdn(j, calendar)
    return f"{d} {_month(m)} {y}" + (" (Old Style)" if calendar == "julian" else "")


def _resolved_ymd(t: Timex) -> tuple[int, int, int] | None:
    v = t.value or ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _heading(norm: str, s: int, e: int) -> bool:
    """A date on a line of its own (a letter's date line, a diary heading, a signature)."""
    ls = norm.rfind("\n", 0, s) + 1
    le = norm.find("\n", e)
    le = len(norm) if le < 0 else le
    line = norm[ls:le].strip()
    return len(line) <= 60 and len(line.split()) <= 8


DEPART = re.compile(r"\b" + alternation(vocabulary()["departure_verbs"]) + r"\b", re.I)
ARRIVE = re.compile(r"\b" + alternation(vocabulary()["arrival_verbs"]) + r"\b", re.I)
SENTENCE_BREAK = re.compile(r"[.!?;](?:\s|$)|\n")


def _journey_order(doc, timexes: list[Timex], mentions: list, skip) -> None:
    """An arrival dated before the departure told in the same sentence: one of the dates is wrong."""
    norm = doc.norm
    dated = []
    for k, t in enumerate(timexes):
        m = mentions[k] if k < len(mentions) else None
        if m is None or t.kind not in ("date", "time") or t.shift or t.bounding:
            continue
        ymd = _resolved_ymd(t)
        c = t.resolved_calendar or "gregorian"
        if not ymd or not cal.valid(*ymd, c) or skip.contains(m.nstart):
            continue
        j = cal.to_jdn(*ymd, c)
        dated.append((m, j, c))
    for (m1, j1, c1), (m2, j2, c2) in zip(dated, dated[1:]):
        if j2 >= j1 or m2.nstart - m1.nend > 160 or SENTENCE_BREAK.search(norm, m1.nend, m2.nstart):
            continue
        ss = max(norm.rfind(". ", 0, m1.nstart), norm.rfind("\n", 0, m1.nstart), m1.nstart - 160) + 1
        if not DEPART.search(norm, ss, m1.nstart) or not ARRIVE.search(norm, m1.nend, m2.nstart):
            continue
        doc.add_issue("arrival_before_departure", m1.nstart, m2.nend,
                      f"The arrival '{m2.text.strip()}' ({_iso(j2, c2)}) is dated before the departure "
                      f"'{m1.text.strip()}' ({_iso(j1, c1)}) told in the same sentence; one of the dates is wrong",
                      mention=m2.id)


def check(doc, timexes: list[Timex], mentions: list, skip: SpanSet = SpanSet()) -> None:
    """Add chronology issues for the resolved expressions of one document.

    ``skip``: normalised spans (footnotes) whose dates are not part of the narrative.
    """
    norm = doc.norm
    _journey_order(doc, timexes, mentions, skip)
    for k, t in enumerate(timexes):
        m = mentions[k] if k < len(mentions) else None
        if m is None or t.kind not in ("date", "time"):
            continue
        ns, ne = m.nstart, m.nend
        if skip.contains(ns):
            continue
        # 1. a weekday that does not match its date
        if t.weekday and t.month and t.day:
            ymd = _resolved_ymd(t)
            c = t.resolved_calendar or "gregorian"
            if ymd and cal.valid(*ymd, c):
                actual = cal.weekday(*ymd, c)
                if actual != t.weekday:
                    other = "gregorian" if c == "julian" else "julian"
                    alt = cal.weekday(*ymd, other)
                    msg = (f"'{m.text}': {ymd[2]} {_month(ymd[1])} {ymd[0]}"
                           f"{' (Old Style)' if c == 'julian' else ''} was a {DAY_NAMES[actual]}, "
                           f"not a {DAY_NAMES[t.weekday]}")
                    if t.year is None:
                        msg += f" (year {ymd[0]} taken from the narrative)"
                    if alt == t.weekday:
                        msg += (f"; it was a {DAY_NAMES[t.weekday]} in the "
                                f"{'Old Style (Julian)' if other == 'julian' else 'New Style (Gregorian)'} calendar, "
                                f"so the date may be {'Old' if other == 'julian' else 'New'} Style")
                    else:
                        msg += "; check the day, the month or the weekday"
                    doc.add_issue("weekday_mismatch", ns, ne, msg, mention=m.id, stated=DAY_NAMES[t.weekday],
                                  actual=DAY_NAMES[actual])
        # 2./3. a full date that falls before the events narrated before it
        if t.explicit_year and t.month and t.day and t.narrative_before and not t.bounding:
            j = _jdn(t)
            before, _, ncal = t.narrative_before
            if j is None or j >= before - 1:
                continue
            if t.suspect_year is None and before - j > 366:
                continue      # far behind: another part of the story, not a misplaced letter
            heading = _heading(norm, ns, ne)
            letter = heading and LETTER_WORDS.search(norm, max(0, ns - 3000), ns) is not None
            if t.suspect_year is None and not letter:
                continue
            parts = []
            if letter:
                parts.append(f"the dated letter '{m.text.strip()}' falls before the events narrated before it "
                             f"(the narrative had reached {_iso(before, ncal)})")
                kind = "letter_out_of_sequence"
            else:
                parts.append(f"'{m.text.strip()}' falls before the events narrated before it "
                             f"(the narrative had reached {_iso(before, ncal)})")
                kind = "year_out_of_sequence"
            if t.suspect_year is not None:
                parts.append(f"the year breaks the sequence: {t.suspect_year} would fit")
                if not letter:
                    kind = "year_out_of_sequence"
            msg = "; ".join(parts)
            msg = msg[0].upper() + msg[1:]
            doc.add_issue(kind, ns, ne, msg, mention=m.id, suggested_year=t.suspect_year)


def _month(m: int) -> str:
    return ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"][m]
