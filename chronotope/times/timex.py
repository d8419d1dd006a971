"""The record every part of the tagger passes along: one temporal expression.

The grammar fills in what the text states (year, month, weekday, a shift such as "two
days later"); the resolver adds the value, anchor and interval.  It has a module of its
own because both sides, and the chronology check, import it.
"""
from __future__ import annotations

from dataclasses import dataclass, field


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
