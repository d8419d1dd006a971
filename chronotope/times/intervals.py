"""Resolved dates and the intervals they stand for.

A :class:`Point` is a date at year, month or day granularity in its own calendar.  The
functions here do the date arithmetic the resolver needs and turn a point (with the
expression's season, mod and clock time) into its TIMEX3 value and its earliest/latest
interval in the proleptic Gregorian calendar: the uncertainty a reader can query.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import calendars as cal
from .timex import Timex
from .vocab import vocabulary

SEASON_MONTHS = vocabulary()["season_months"]


@dataclass(slots=True)
class Point:
    """A resolved date at some granularity (Y, M, D), in its own calendar."""
    y: int
    m: int | None = None
    d: int | None = None
    cal: str = "gregorian"
    idx: int | None = None        # index of the timex it comes from

    @property
    def gran(self) -> str:
        return "D" if self.d else ("M" if self.m else "Y")

    def jdn_range(self) -> tuple[int, int]:
        c = self.cal
        if self.d:
            j = cal.to_jdn(self.y, self.m, self.d, c)
            return j, j
        if self.m:
            return cal.to_jdn(self.y, self.m, 1, c), cal.to_jdn(self.y, self.m, cal.days_in_month(self.y, self.m, c), c)
        return cal.to_jdn(self.y, 1, 1, c), cal.to_jdn(self.y, 12, 31, c)

    def mid(self) -> float:
        a, b = self.jdn_range()
        return (a + b) / 2


def add_days(y, m, d, n, c="gregorian"):
    return cal.from_jdn(cal.to_jdn(y, m, d, c) + n, c)


def add_months(y, m, n):
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def iso_week(y, m, d, c="gregorian"):
    if c == "julian":
        y, m, d = cal.julian_to_gregorian(y, m, d)
    iy, iw, _ = date(y, m, d).isocalendar()
    return iy, iw


def fmt(p: Point) -> str:
    if p.d:
        return f"{p.y:04d}-{p.m:02d}-{p.d:02d}"
    if p.m:
        return f"{p.y:04d}-{p.m:02d}"
    return f"{p.y:04d}"


def iso_from_jdn(j: int) -> str:
    y, m, d = cal.jdn_to_gregorian(j)
    return f"{y:04d}-{m:02d}-{d:02d}"


def season_span(y: int, season: str, calendar: str) -> tuple[int, int]:
    """JDN range of a season of year ``y``; a winter runs on into the next year."""
    m0, m1 = SEASON_MONTHS[season]
    ye = y + 1 if m1 < m0 else y
    return cal.to_jdn(y, m0, 1, calendar), cal.to_jdn(ye, m1, cal.days_in_month(ye, m1, calendar), calendar)


def apply_mod(mod: str | None, a: int, b: int, p: Point) -> tuple[int, int]:
    span = b - a + 1
    if mod == "START":
        return a, a + max(span // 3, 1) - 1
    if mod == "MID":
        return a + span // 3, a + 2 * span // 3 - 1 if span >= 3 else b
    if mod == "END":
        return a + 2 * span // 3, b
    if mod == "APPROX":
        widen = {"D": 1, "M": 15, "Y": 365}[p.gran]
        return a - widen, b + widen
    return a, b


def finish(t: Timex, p: Point) -> None:
    """Value, calendar, Gregorian equivalent and interval of a resolved point."""
    if t.value is None:
        v = fmt(p)
        if t.season and t.year is not None:
            v = f"{p.y:04d}-{t.season}"
        if t.kind == "time" and p.d is not None:
            if t.hour is not None:
                v += f"T{t.hour:02d}:{t.minute or 0:02d}"
            elif t.part:
                v += f"T{t.part}"
        t.value = v
    t.resolved_calendar = p.cal
    if t.dual_day:
        # "1/14 January 1918": the value as written (Old Style), the New Style day checked
        if p.d:
            g = cal.julian_to_gregorian(p.y, p.m, p.d)
            t.gregorian_value = f"{g[0]:04d}-{g[1]:02d}-{g[2]:02d}"
            if g[2] != t.dual_day:
                t.confidence = min(t.confidence, 0.6)
    elif p.cal == "julian":
        t.gregorian_value = cal.to_gregorian_iso(t.value)
    a, b = p.jdn_range()
    if t.season:
        a, b = season_span(p.y, t.season, p.cal)
    a, b = apply_mod(t.mod, a, b, p)
    t.earliest, t.latest = iso_from_jdn(a), iso_from_jdn(b)
    if t.kind == "time" and t.hour is not None and p.d:
        hh = t.hour
        stamp = f"T{hh:02d}:{t.minute or 0:02d}" if hh < 24 else "T23:59"
        if t.mod == "APPROX":
            lo = (hh * 60 + (t.minute or 0)) - 30
            hi = lo + 60
            t.earliest = iso_from_jdn(a) + f"T{max(lo, 0) // 60:02d}:{max(lo, 0) % 60:02d}"
            t.latest = iso_from_jdn(b) + f"T{min(hi, 1439) // 60:02d}:{min(hi, 1439) % 60:02d}"
        else:
            t.earliest = iso_from_jdn(a) + stamp
            t.latest = iso_from_jdn(b) + stamp


def underspecified(t: Timex) -> str:
    if t.season:
        return f"XXXX-{t.season}"
    if t.month and t.day:
        return f"XXXX-{t.month:02d}-{t.day:02d}"
    if t.month:
        return f"XXXX-{t.month:02d}"
    if t.weekday:
        return f"XXXX-WXX-{t.weekday}"
    if t.hour is not None:
        return f"XXXX-XX-XXT{t.hour:02d}:{t.minute or 0:02d}"
    if t.part:
        return f"XXXX-XX-XXT{t.part}"
    if t.quarter:
        return f"XXXX-Q{t.quarter}"
    return "XXXX-XX-XX"

def coarse(t: Timex) -> None:
    if t.decade is not None:
        t.value = f"{t.decade:03d}"
        a, b = t.decade * 10, t.decade * 10 + 9
    else:
        t.value = f"{t.century:02d}"
        a, b = t.century * 100, t.century * 100 + 99
    lo, hi = a, b
    span = b - a + 1
    if t.mod == "START":
        hi = a + span // 3 - 1
    elif t.mod == "MID":
        lo, hi = a + span // 3, a + 2 * span // 3 - 1
    elif t.mod == "END":
        lo = a + 2 * span // 3
    t.earliest, t.latest = f"{lo:04d}-01-01", f"{hi:04d}-12-31"

def duration_bounds(t: Timex) -> None:
    if t.kind != "duration" or not t.value:
        return
    if t.mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        t.earliest, t.latest = t.value, None
    elif t.mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        t.earliest, t.latest = None, t.value
    elif t.mod == "APPROX":
        t.earliest = t.latest = None
