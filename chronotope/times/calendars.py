"""Julian and Gregorian calendar dates through the Julian Day Number.

Old Style (Julian) dates are converted by JDN arithmetic, so the offset
(10 days in the 17th century, 12 in the 19th, 13 from 1900-03-01 Julian...)
follows from the calendars themselves rather than from a constant table.
Python's ``datetime`` only knows the proleptic Gregorian calendar, hence
these few lines.
"""
from __future__ import annotations

from datetime import date


def gregorian_to_jdn(y: int, m: int, d: int) -> int:
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045


def julian_to_jdn(y: int, m: int, d: int) -> int:
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083


def jdn_to_gregorian(j: int) -> tuple[int, int, int]:
    a = j + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return 100 * b + d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1


def jdn_to_julian(j: int) -> tuple[int, int, int]:
    c = j + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    return d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1


def to_jdn(y: int, m: int, d: int, calendar: str = "gregorian") -> int:
    """Julian day number of a date in either calendar."""
    return julian_to_jdn(y, m, d) if calendar == "julian" else gregorian_to_jdn(y, m, d)


def from_jdn(j: int, calendar: str = "gregorian") -> tuple[int, int, int]:
    """(year, month, day) of a Julian day number in either calendar."""
    return jdn_to_julian(j) if calendar == "julian" else jdn_to_gregorian(j)


def julian_to_gregorian(y: int, m: int, d: int) -> tuple[int, int, int]:
    return jdn_to_gregorian(julian_to_jdn(y, m, d))


def gregorian_to_julian(y: int, m: int, d: int) -> tuple[int, int, int]:
    return jdn_to_julian(gregorian_to_jdn(y, m, d))


def weekday(y: int, m: int, d: int, calendar: str = "gregorian") -> int:
    """ISO weekday (Monday=1 ... Sunday=7) of a date in the given calendar."""
    j = julian_to_jdn(y, m, d) if calendar == "julian" else gregorian_to_jdn(y, m, d)
    return j % 7 + 1


def days_in_month(y: int, m: int, calendar: str = "gregorian") -> int:
    if m == 2:
        leap = y % 4 == 0 if calendar == "julian" else (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0))
        return 29 if leap else 28
    return 30 if m in (4, 6, 9, 11) else 31


def valid(y: int, m: int, d: int, calendar: str = "gregorian") -> bool:
    return 1 <= m <= 12 and 1 <= d <= days_in_month(y, m, calendar) and 1 <= y <= 9999


def to_gregorian_iso(value: str) -> str:
    """Gregorian equivalent of a Julian TIMEX value; only day-level parts change."""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            y, m, d = int(value[:4]), int(value[5:7]), int(value[8:10])
        except ValueError:
            return value
        gy, gm, gd = julian_to_gregorian(y, m, d)
        return f"{gy:04d}-{gm:02d}-{gd:02d}" + value[10:]
    return value


def ordinal(y: int, m: int, d: int) -> int:
    """Proleptic Gregorian day number usable for comparisons (datetime ordinal)."""
    return date(y, m, d).toordinal()


def easter(y: int, calendar: str = "gregorian") -> tuple[int, int]:
    """(month, day) of Easter Sunday in year ``y``, in the given calendar (the Western
    Gregorian reckoning, or the Julian one the Eastern churches and Britain before 1752 kept)."""
    if calendar == "julian":
        a, b, c = y % 4, y % 7, y % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        n = d + e + 114
        return n // 31, n % 31 + 1
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    n = h + ll - 7 * m + 114
    return n // 31, n % 31 + 1
