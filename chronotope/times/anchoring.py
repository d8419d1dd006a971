"""What date an expression denotes, given the date it is read from.

The :class:`Anchoring` half of the resolver: shifts ("two days later", "a week ago"),
quarters, seasons, a month and day without a year (which year keeps the story moving
forward, or in news which is nearest the creation time), a bare day or weekday, movable
feasts.  It reads but does not change the narrative state, which
:class:`~chronotope.times.resolve.Resolver` keeps (``mode``, ``dct``, ``narrative``,
``last_quarter``, the letters' speech times).
"""
from __future__ import annotations

import re

from . import calendars as cal
from .intervals import SEASON_MONTHS, Point, add_days, add_months, iso_week, season_span
from .tense import PAST_GOVERNOR, PLUPERFECT_BEFORE, clause_before, clause_tense, future, nearest_in_news, possessive, since_before
from .timex import Timex
from .vocab import vocabulary

JULIAN_UNTIL = tuple(int(x) for x in vocabulary()["julian_until"].split("-"))


class Anchoring:
    """Turns one expression and its reference point into a :class:`Point` (or a fixed value)."""

    def _calendar_for(self, t: Timex, ref: Point | None) -> str:
        if t.calendar:
            return t.calendar
        if (t.year is None or t.shift) and ref is not None and ref is not self.dct:
            return ref.cal
        if self.default_calendar == "julian":
            y = t.year if t.year is not None else (ref.y if ref else None)
            if y is not None and (y, t.month or 1, t.day or 1) < JULIAN_UNTIL:
                return "julian"
        return "gregorian"

    def _point(self, t: Timex, ref: Point | None, text: str) -> Point | None:
        """The date an expression denotes, or None when nothing anchors it."""
        if t.value and t.rule == "half_year":
            y = t.year or (ref.y if ref else None)
            if y is None:
                return None
            t.value = f"{y:04d}-{t.value}"
            return None
        c = self._calendar_for(t, ref)
        if t.rule == "year_period" and t.year is not None:
            # "the 1988 period": the quarter being discussed, in that year
            t.value = f"{t.year:04d}-Q{self.last_quarter[1]}" if self.last_quarter else f"{t.year:04d}"
            return None
        if t.quarter and t.year is not None:
            t.value = f"{t.year:04d}-Q{t.quarter}"
            self.last_quarter = (t.year, t.quarter)
            return None
        if t.easter_offset is not None:
            return self._feast(t, ref, text, c)
        # explicit year -------------------------------------------------
        if t.year is not None and t.shift is None:
            p = Point(t.year, t.month, t.day if t.month else None, c)
            if t.month and t.day and not cal.valid(t.year, t.month, t.day, c):
                p.d = None
                t.confidence = 0.5
            return p
        news = self.dct is not None and (ref is self.dct)
        # relative shift ------------------------------------------------
        if t.shift:
            if ref is None:
                return None
            if t.rule == "the_weekend" and ref.d is not None:
                # the weekend just past when told in the past tense or early in the week,
                # else the coming one (the weekend ends an ISO week)
                wd = cal.weekday(ref.y, ref.m, ref.d, ref.cal)
                tense = "future" if future(t, text) else clause_tense(t, text)
                back = wd < 6 and (tense == "past" or (tense is None and wd <= 3))
                t.shift = ("WE", -1 if back else 0)
            unit, n = t.shift
            if n is None:
                # "a few days ago": the direction is known, not the distance
                t.value = "PAST_REF" if "ago" in t.text.lower() else None
                return None
            n = int(round(n))
            if unit in ("D", "H", "MIN", "S", "WE"):
                if unit == "WE":
                    if ref.d is None:
                        return None
                    y, m, d = add_days(ref.y, ref.m, ref.d, 7 * n, ref.cal)
                    iy, iw = iso_week(y, m, d, ref.cal)
                    t.value = f"{iy:04d}-W{iw:02d}-WE"
                    return Point(y, m, d, ref.cal)
                if unit != "D":
                    # "three hours later": same day (or the next) as the reference
                    if ref.d is None:
                        return None
                    return Point(ref.y, ref.m, ref.d, ref.cal)
                if ref.d is None:
                    if ref.m is None:
                        return None
                    t.confidence = 0.5
                    return Point(ref.y, ref.m, None, ref.cal)
                y, m, d = add_days(ref.y, ref.m, ref.d, n, ref.cal)
                return Point(y, m, d, ref.cal)
            if unit == "W":
                if ref.d is None:
                    return None
                y, m, d = add_days(ref.y, ref.m, ref.d, 7 * n, ref.cal)
                if t.rule == "ago" and not t.deictic:
                    return Point(y, m, d, ref.cal)       # "a week later": a day
                iy, iw = iso_week(y, m, d, ref.cal)
                t.value = f"{iy:04d}-W{iw:02d}"
                return Point(y, m, d, ref.cal)
            if unit == "M":
                if ref.m is None:
                    return None
                y, m = add_months(ref.y, ref.m, n)
                return Point(y, m, None, ref.cal)
            if unit == "Q":
                if n == -1 and t.rule == "the_quarter" and self.last_quarter and "period" in t.text.lower():
                    t.value = f"{self.last_quarter[0]:04d}-Q{self.last_quarter[1]}"
                    return None
                if n == -5 and self.mode == "news" and self.last_quarter and ref.m and \
                        self.last_quarter <= (ref.y, (ref.m - 1) // 3 + 1):
                    # "the year-ago quarter": the quarter under discussion, a year before
                    t.value = f"{self.last_quarter[0] - 1:04d}-Q{self.last_quarter[1]}"
                    return None
                if ref.m is None:
                    return None
                q = (ref.m - 1) // 3 + n
                y = ref.y + q // 4
                t.value = f"{y:04d}-Q{q % 4 + 1}"
                if n != -5:
                    self.last_quarter = (y, q % 4 + 1)
                return None
            if unit == "Y":
                if t.quarter:
                    # "next year's first quarter", "the year-ago third quarter"
                    t.value = f"{ref.y + n:04d}-Q{t.quarter}"
                    if n == 0:
                        self.last_quarter = (ref.y, t.quarter)
                    return None
                if self.mode == "news" and t.rule == "ago" and abs(n) == 1 and self.last_quarter and \
                        re.search(r"\b(?:quarter|period|three\s+months)\b", text[max(0, t.start - 1000):t.end + 60], re.I):
                    # "a year ago" beside quarterly figures: the same quarter a year before
                    yq, q = self.last_quarter
                    t.value = f"{yq + n:04d}-Q{q}"
                    return None
                p = Point(ref.y + n, None, None, ref.cal)
                if t.month:                     # "March of last year", "Michaelmas of last year"
                    p.m = t.month
                    if t.day and cal.valid(p.y, t.month, t.day, p.cal):
                        p.d = t.day
                return p
            if unit in ("DE", "CE"):
                if unit == "DE":
                    t.value = f"{(ref.y // 10 + n):03d}"
                else:
                    t.value = f"{(ref.y // 100 + n):02d}"
                return None
            return None
        if ref is None:
            return None
        # quarter / season / month / day without a year -------------------
        if t.quarter:
            y = ref.y
            if news and ref.m and t.quarter > (ref.m - 1) // 3 + 1 and not future(t, text):
                y -= 1
            t.value = f"{y:04d}-Q{t.quarter}"
            self.last_quarter = (y, t.quarter)
            return None
        if t.season:
            return self._season(t, ref, text, news)
        if t.month:
            return self._month_day(t, ref, text, news, c)
        if t.day and not t.month:
            # "on the twenty-second": the next such day of the month from the reference
            if ref.m is None:
                return None
            if t.month_shift is not None:
                # "the 3rd inst.", "the 25th ult.": of this, the last or the next month
                y, m = add_months(ref.y, ref.m, t.month_shift)
                return Point(y, m, t.day, ref.cal) if cal.valid(y, m, t.day, ref.cal) else None
            y, m = ref.y, ref.m
            if ref.d and t.day < ref.d:
                y, m = add_months(y, m, 1)
            if t.weekday:
                found = self._weekday_month(t, y, m, ref.cal)
                if found is not None:
                    return found
            if not cal.valid(y, m, t.day, ref.cal):
                return None
            p = Point(y, m, t.day, ref.cal)
            bound = self._past_bound(t, ref, text)
            if bound is not None and bound.d and p.jdn_range()[0] > bound.jdn_range()[1]:
                # "reached him only on the 7th" in a letter of the 12th: the last 7th before it
                y, m = bound.y, bound.m
                if t.day > bound.d:
                    y, m = add_months(y, m, -1)
                if cal.valid(y, m, t.day, ref.cal):
                    p = Point(y, m, t.day, ref.cal)
            return p
        if t.weekday:
            if ref.d is None:
                return None
            wd_ref = cal.weekday(ref.y, ref.m, ref.d, ref.cal)
            direction = t.direction
            if direction is None and self.mode != "news" and ref is self._speech_at(self._pos):
                # inside a dated letter: "we left on Friday" is the Friday before its date,
                # "I shall go on Friday" the one after
                tense = "future" if future(t, text) else clause_tense(t, text)
                direction = "previous_or_same" if tense == "past" else "next" if tense == "future" else "next_or_same"
            if direction is None:
                if news and (possessive(text, t) or since_before(text, t)):
                    # "Wednesday's ruling": an event the report looks back on, whatever the clause's tense
                    direction = "previous_or_same"
                elif news:
                    tense = clause_tense(t, text)
                    direction = {"future": "next_or_same", "past": "previous_or_same"}.get(tense, "previous_or_same")
                else:
                    direction = "next_or_same"
            if direction == "nearest":
                fwd = (t.weekday - wd_ref) % 7
                direction = "next_or_same" if fwd <= 3 else "previous"
            if direction in ("next", "next_or_same"):
                delta = (t.weekday - wd_ref) % 7
                if delta == 0 and direction == "next":
                    delta = 7
            elif direction in ("previous", "previous_or_same"):
                delta = -((wd_ref - t.weekday) % 7)
                if delta == 0 and direction == "previous":
                    delta = -7
            else:  # this
                delta = t.weekday - wd_ref
            y, m, d = add_days(ref.y, ref.m, ref.d, delta, ref.cal)
            return Point(y, m, d, ref.cal)
        if t.hour is not None:
            if ref.d is None:
                return None
            return Point(ref.y, ref.m, ref.d, ref.cal)
        return None

    @staticmethod
    def _weekday_month(t: Timex, y: int, m: int, c: str) -> Point | None:
        """'Tuesday 15th': the first month from (y, m) whose day falls on that weekday, in the
        story's calendar or, across a change of style ("Wednesday the 2nd ... Thursday the
        14th"), in the other one; None when no month near agrees."""
        other = "gregorian" if c == "julian" else "julian"
        for k in range(3):
            yy, mm = add_months(y, m, k)
            for cc in (c, other):
                if cal.valid(yy, mm, t.day, cc) and cal.weekday(yy, mm, t.day, cc) == t.weekday:
                    return Point(yy, mm, t.day, cc)
        return None

    def _feast(self, t: Timex, ref: Point | None, text: str, c: str) -> Point | None:
        """A movable feast ("Easter", "Good Friday", "Whit Sunday"), reckoned from Easter of its
        year in the date's calendar; without a year, the year a month and day would get."""
        if t.year is not None:
            y = t.year
        elif ref is None:
            return None
        elif t.shift and t.shift[0] == "Y" and t.shift[1] is not None:
            y, c = ref.y + int(t.shift[1]), ref.cal       # "Whitsun of last year"
        else:
            t.month, t.day = cal.easter(ref.y, ref.cal)
            p = self._month_day(t, ref, text, self.dct is not None and ref is self.dct, ref.cal)
            if p is None:
                return None
            y, c = p.y, ref.cal
        m, d = cal.easter(y, c)
        y, m, d = add_days(y, m, d, t.easter_offset, c)
        t.month, t.day = m, d
        if re.search(r"\sweek$", t.text or "", re.I):
            iy, iw = iso_week(y, m, d, c)      # "Easter week": the week that ends on Easter Sunday
            t.value = f"{iy:04d}-W{iw:02d}"
        return Point(y, m, d, c)

    def _month_day(self, t: Timex, ref: Point, text: str, news: bool, c: str) -> Point | None:
        mo, d = t.month, t.day
        if self.mode == "news" and not news and self.dct and self.dct.m and ref.mid() < self.dct.mid() \
                and not t.direction and clause_tense(t, text) == "future":
            # "were invited in July 1997 and will join on March 12": the future counts from now
            ref, news = self.dct, True
        if t.this_year:
            return Point(ref.y, mo, d, ref.cal)
        if t.direction in ("previous", "next", "this") and ref.m:
            y = ref.y
            if t.direction == "previous" and (mo, d or 0) >= (ref.m, ref.d or 0):
                y -= 1
            if t.direction == "next" and (mo, d or 99) <= (ref.m, ref.d or 0):
                y += 1
            return Point(y, mo, d, ref.cal)
        if news:
            return nearest_in_news(t, ref, text, mo, d)
        # narrative: the candidate year that keeps the story moving forward
        best, best_cost = None, None
        anchor = ref.mid()
        for y in (ref.y - 1, ref.y, ref.y + 1):
            if d and not cal.valid(y, mo, d, ref.cal):
                continue
            p = Point(y, mo, d, ref.cal)
            delta = p.mid() - anchor
            if ref.gran == "Y":
                cost = abs(y - ref.y) * 1000
            else:
                cost = delta if delta >= 0 else -2.5 * delta
            if best_cost is None or cost < best_cost:
                best, best_cost = p, cost
        bound = self._past_bound(t, ref, text)
        if best is not None and bound is not None and best.jdn_range()[0] > bound.jdn_range()[1]:
            # told in the past (a letter's past tense, a pluperfect): the last such date before
            for y in (bound.y, bound.y - 1):
                if d and not cal.valid(y, mo, d, ref.cal):
                    continue
                p = Point(y, mo, d, ref.cal)
                if p.jdn_range()[0] <= bound.jdn_range()[1]:
                    return p
        return best

    def _past_bound(self, t: Timex, ref: Point, text: str) -> Point | None:
        """The latest date a partial date told in the past can denote, or None.

        In a dated letter or diary entry the past tense points before the entry's date
        (its speech time); anywhere, a pluperfect ("had been taken on 3 March") points
        before the narrative time.  Narratives are told in the past throughout, so
        outside a letter the simple past says nothing.
        """
        if self.mode == "news" or t.direction or t.this_year:
            return None
        pos = self._pos
        if any(a <= pos < b for a, b in self.quoted):
            return None       # a quotation has its own tense: "sent word: SAILING TWENTIETH NOVEMBER"
        speech = self._speech_at(pos)
        cur = self.narrative
        if speech is not None and cur is not None and cur.idx is not None and cur.idx < len(self.timexes) and \
                self.timexes[cur.idx].explicit_year and cur.jdn_range()[0] > speech.jdn_range()[1]:
            speech = None     # a dated year beyond the last letter: an editor's note after it, not the letter
        if speech is not None:
            if not future(t, text) and clause_tense(t, text) == "past":
                return speech
            return None
        if PLUPERFECT_BEFORE.search(clause_before(text, t.start)):
            return ref
        return None

    def _season(self, t: Timex, ref: Point, text: str, news: bool) -> Point | None:
        s = t.season
        y = ref.y
        rm = ref.m or 6
        first = SEASON_MONTHS[s][0]
        if t.direction == "next":
            if rm >= first and not (s == "WI" and rm <= 2):
                y += 1
        elif t.direction == "previous":
            if rm <= SEASON_MONTHS[s][1] or (s == "WI"):
                y -= 1
        elif t.direction is None and ref.m:
            y = self._season_year(t, ref, text, news)
        elif s == "WI" and ref.m and ref.m <= 2:
            y -= 1        # "that winter" in January is the winter that began in December
        t.value = f"{y:04d}-{s}"
        return Point(y, None, None, ref.cal)

    def _season_year(self, t: Timex, ref: Point, text: str, news: bool) -> int:
        """The year of a season named without one, read as a month is: in news the nearest to the
        creation time on the side the tense points to ("closed in the autumn" told in February is
        the last autumn); in a narrative the one of the narrative's year (the winter that began in
        December when it is January or February), unless it is told in the past of a letter or in a
        pluperfect.  A winter's year is that of its December."""
        def span(y: int) -> tuple[int, int]:
            return season_span(y, t.season, ref.cal)

        a, b = ref.jdn_range()
        anchor = (a + b) / 2
        tense = ("future" if future(t, text) else clause_tense(t, text)) if news else None
        governed = bool(PAST_GOVERNOR.search(text, max(0, t.start - 30), t.start))
        since = since_before(text, t)
        best = ref.y - 1 if t.season == "WI" and ref.m <= 2 else ref.y
        best_cost = None
        for y in (ref.y - 1, ref.y, ref.y + 1) if news else ():
            lo, hi = span(y)
            weight = 1000 if since and lo > b else 10 if (tense == "future" and hi < a) or (governed and lo > b) else \
                3 if tense == "past" and lo > b else 1
            cost = abs((lo + hi) / 2 - anchor) * weight
            if best_cost is None or cost < best_cost:
                best, best_cost = y, cost
        if not news and span(best)[1] < a and not re.match(r"(?:this|that|the\s+same)\b", t.text or "", re.I):
            best += 1     # "she set out in the spring" told in November: the story moves on to the next one
        bound = self._past_bound(t, ref, text)
        if bound is not None and span(best)[0] > bound.jdn_range()[1]:
            # told in the past: the last such season begun before the bound
            best = max(y for y in (best - 2, best - 1, best) if span(y)[0] <= bound.jdn_range()[1])
        return best
