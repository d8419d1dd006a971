"""Anchoring: giving partial and relative expressions their values.

Two reference times are kept, as in narrative temporal tagging:

* the *speech time* (document creation time, ``--reference-date``): what
  "today", "last year", "now" and a bare "Friday" point from in news;
* the *narrative time*: the last date the story has reached.  "The next
  day", "two days later", "On January 20", "that autumn" are read from it,
  the year is carried across paragraphs and over a year boundary
  (December 1928 -> "During January" = 1929-01).

A date far behind the narrative time in the middle of a paragraph is a
flashback ("my exile in January, 1928"): it anchors the rest of its own
sentence but does not move the story back.  Bounding phrases ("ever since
1923", "as early as 1924") never move it.  Partial dates met before any
anchor wait for the first one ("In October ... During 1928").

In a run of dated letters or diary entries (two or more date lines, "Lemberg,
14 March 1927", "2 March 1868.", at the top of each letter or, after a
signature, at the bottom), each entry's date is its speech time: "tomorrow",
"tonight", "last week" count from it, and a partial date told in the past
("reached him only on the 7th") is the last such date before it.  A
pluperfect ("had been taken on 3 March") points before the narrative time.
Partial dates inside quotations and telegrams are read but do not move the
story.  Which other dates stay off the story's main line (asides looking
forward or back, title and preface dates, life spans, references) is decided
in :mod:`chronotope.times.narrative`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import calendars as cal
from . import narrative as story
from .grammar import Timex
from .vocab import alternation, vocabulary

V = vocabulary()
SEASON_MONTHS = V["season_months"]
JULIAN_UNTIL = tuple(int(x) for x in V["julian_until"].split("-"))

FUTURE = re.compile(r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|scheduled\s+(?:to|for)|"
                    r"is\s+to|are\s+to|intends?\s+to|next|begins?|starts?|expected\s+to)\b", re.I)
# a present-tense verb of a scheduled event ("meets Monday", "the talks open Tuesday") looks ahead,
# unless an auxiliary or "to" before it carries the tense ("did not meet", "had been due to expire")
SCHEDULED_PRESENT = r"(?<!\bdid\s)(?<!\bnot\s)(?<!n't\s)(?<!\bto\s)" + alternation(V["scheduled_event_verbs"])
# verb-group cues of a clause's tense.  Whole verb groups come first so that their parts do not
# count on their own: "will be named" is future (not "named"), "had been scheduled to" past.
TENSE_CUE = re.compile(r"\b(?:(?P<pp>(?:had|was|were)\s+(?:been\s+|not\s+)?(?:scheduled|due|expected|set|supposed|planned|going)\s+to)|"
                       r"(?P<f>(?:will|won't|shall|would)\s+(?:not\s+)?(?:be|have)\s+[a-z]+ed|will|won't|shall|'ll|going\s+to|scheduled|plans?\s+to|planning|expected\s+to|expects?|"
                       r"upcoming|is\s+to|are\s+to|begins?|starts?|(?:is|are|was|were)\s+(?:planning|preparing)\s+to|"
                       r"intends?|hopes?\s+to|set\s+to|due\s+to|expected|effective|" + SCHEDULED_PRESENT + r")|"
                       # intentions and modals look ahead only for what follows them: "planned to leave on
                       # Thursday", not "On Friday, the government planned to pay"
                       r"(?P<fb>planned\s+to|as\s+soon\s+as|would|might|(?-i:may)|(?:plan|intention|idea|arrangement)\s+(?:was|is)\s+to|"
                       r"must|ha(?:s|ve)\s+to|ought\s+to|needs?\s+to|"
                       # a deadline moved or granted: "extended its deadline until 9 a.m. Tuesday"
                       r"(?:extended|postponed|delayed|deferred|adjourned|given|granted|put\s+off)(?:\s+[\w']+){0,5}?\s+until)|(?P<p>was|were|had|did|said|told|"
                       r"announced|reported|rose|fell|began|became|came|went|took|made|held|won|lost|left|sold|bought|met|paid|"
                       r"grew|gave|got|saw|brought|sent|spent|struck|kept|led|built|wrote|spoke|broke|ran|fought|"
                       r"[a-z]{3,}ed))\b", re.I)
PAST_GOVERNOR = re.compile(r"\b(?:was|were|had|[a-z]{3,}ed)\s+(?:on\s+|in\s+)?$", re.I)
ANAPHORIC = {"anaphoric", "day_after", "ordday"}
_PART_OF_THE_YEAR = re.compile(r"the\s+(?:end|beginning|start|middle)\s+of\s+the\s+year", re.I)
# rules that follow TimeML's reading of news ("the year" = the creation year): in a narrative,
# where "the year" and "the weekend" are anaphoric and TimeML conventions do not hold, they are dropped
NEWS_ONLY = {"the_year", "the_weekend"}


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
        f = cal.julian_to_jdn if self.cal == "julian" else cal.gregorian_to_jdn
        if self.d:
            j = f(self.y, self.m, self.d)
            return j, j
        if self.m:
            return f(self.y, self.m, 1), f(self.y, self.m, cal.days_in_month(self.y, self.m, self.cal))
        return f(self.y, 1, 1), f(self.y, 12, 31)

    def mid(self) -> float:
        a, b = self.jdn_range()
        return (a + b) / 2


def _jdn(y, m, d, c):
    return cal.julian_to_jdn(y, m, d) if c == "julian" else cal.gregorian_to_jdn(y, m, d)


def _from_jdn(j, c):
    return cal.jdn_to_julian(j) if c == "julian" else cal.jdn_to_gregorian(j)


def add_days(y, m, d, n, c="gregorian"):
    return _from_jdn(_jdn(y, m, d, c) + n, c)


def add_months(y, m, n):
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def iso_week(y, m, d, c="gregorian"):
    if c == "julian":
        y, m, d = cal.julian_to_gregorian(y, m, d)
    from datetime import date
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


class Resolver:
    """Resolves the expressions of one document in reading order, keeping narrative state."""

    def __init__(self, reference_date: str | None = None, calendar: str | None = None,
                 mode: str = "narrative") -> None:
        # "news": partial dates ("in March", "Friday") are read from the creation time, as
        # TimeML annotates news; "narrative": from the story's own last date
        self.mode = mode
        self.dct: Point | None = None
        if reference_date:
            m = re.match(r"(\d{4})(?:-?(\d{2}))?(?:-?(\d{2}))?", reference_date)
            if m:
                self.dct = Point(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                                 int(m.group(3)) if m.group(3) else None)
        self.default_calendar = calendar or "gregorian"
        self.narrative: Point | None = None
        self.local: tuple[Point, int] | None = None      # flashback point, valid until this text offset
        self.pending: list[Timex] = []
        self.last_quarter: tuple[int, int] | None = None
        self.late: list[Timex] = []                      # pending expressions resolved after the fact
        self.timexes: list[Timex] = []
        self.excluded: list[tuple[int, int]] = []        # regions (notes) that do not move narrative time
        # speech time of a dated letter or diary entry: its heading date ("Lemberg, 14 March 1927",
        # "2 March 1868."), what "tomorrow" and "last week" inside it are counted from (narrative mode)
        self.speech: Point | None = None
        self.headings = 0        # date lines seen: a diary or a run of letters has two or more
        self._pos = 0            # text offset of the expression being resolved
        self._text = ""          # the text being resolved
        self.closing: list[tuple[int, int, Point]] = []   # letters dated at the bottom: (start, end, date)
        self.quoted: list[tuple[int, int]] = []           # quotations and telegrams: do not move the story
        # the running date came from a title, a subtitle or a single date line: the first date told
        # in the prose replaces it, whichever way it points
        self.weak = False
        # the main line before a year-only jump forward ("Years later, in 1891"): a full date
        # back on it ("We arrived at New York on 19 May 1868") resumes the story there
        self.mainline: Point | None = None
        self.static: set[int] = set()                     # ids of range ends and life spans

    # -- public -----------------------------------------------------------
    def resolve_all(self, text: str, timexes: list[Timex], offset: int = 0) -> list[Timex]:
        """Resolve expressions found in ``text`` (which starts at ``offset`` of the whole text)."""
        if self.mode != "news":
            for t in timexes:
                if t.rule == "the_year" and t.mod and _PART_OF_THE_YEAR.fullmatch(t.text or ""):
                    # "until the end of the year": a part of the story's year, not of the creation year
                    t.rule, t.deictic = "period_of", False
            timexes = [t for t in timexes if t.rule not in NEWS_ONLY]
            try:
                self.quoted = [(a + offset, b + offset) for a, b in _quotations(text)]
                self.headings += sum(1 for t in timexes if t.year is not None and t.day is not None
                                     and t.month is not None and not t.shift and is_heading(text, t))
                self.closing = _closing_headings(text, timexes, offset, self)
                self.static = story.static_years(text, timexes)
            except (ValueError, OverflowError, TypeError):
                self.quoted, self.closing, self.static = [], [], set()
        for t in timexes:
            try:
                self.resolve(t, text, offset)
            except (ValueError, OverflowError, TypeError):
                t.value = t.value or "XXXX-XX-XX"
                t.confidence = 0.3
        return timexes

    # -- the work ---------------------------------------------------------
    def resolve(self, t: Timex, text: str, offset: int = 0) -> None:
        idx = len(self.timexes)
        self.timexes.append(t)
        t.sort_key = (t.start + offset, idx)
        if t.kind in ("duration", "set"):
            self._duration_bounds(t)
            return
        if t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            if self.dct:
                t.anchor = -1
            return
        if t.rule == "decade_word":
            # "the nineties": the latest such decade not after the reference date (the 1990s
            # for a 1998 or 2005 text, the 1890s in a story set in 1929); 19 by default
            ref = self.dct or self.narrative
            century = ref.y // 100 if ref else 19
            if ref and century * 10 + t.decade > ref.y // 10:
                century -= 1
            t.decade = century * 10 + t.decade
        if t.decade is not None or t.century is not None:
            self._coarse(t)
            return
        if self.mode == "news" and t.part == "NI" and (t.weekday or t.day) and t.hour is None \
                and t.rule not in ("dayword", "lastnext", "anaphoric", "set"):
            # "Friday night", "the night of Oct. 23": TimeBank annotates the named day (most
            # annotations are a DATE of that day, not a TNI time); "last night", "tonight" keep it
            t.part, t.kind = None, "date"
        self._text = text
        ref = self._reference(t, offset)
        self._pos = t.start + offset
        if self.narrative is not None:
            t.narrative_before = (*self.narrative.jdn_range(), self.narrative.cal)
        point = self._point(t, ref, text)
        if point is None:
            if t.value is not None and ref is not None:
                t.anchor = -1 if ref is self.dct else ref.idx
            if t.value is None:
                t.value = self._underspecified(t)
                t.confidence = 0.4
            if self.narrative is None and self.dct is None and t.year is None:
                self.pending.append(t)
            return
        point.idx = idx
        if ref is not None and (t.year is None or t.shift):
            t.anchor = -1 if ref is self.dct else ref.idx
        self._finish(t, point, text)
        if self.mode != "news" and self.headings >= 2 and point.gran == "D" and t.explicit_year and is_heading(text, t):
            self.speech = point
        if t.explicit_year or (t.year is None and ref is not None) or t.shift:
            self._move_narrative(t, point, text, offset)
        if self.mode == "news" and t.explicit_year and point.gran != "Y":
            self.local = (point, _sentence_end(text, t.end) + offset)

    def _reference(self, t: Timex, offset: int) -> Point | None:
        if self.local and t.start + offset < self.local[1]:
            local = self.local[0]
        else:
            local = None
            self.local = None
        if t.deictic and self.mode != "news":
            speech = self._speech_at(t.start + offset)
            if speech is not None:
                return speech
        if t.deictic and self.dct:
            return self.dct
        if self.mode == "news" and self.dct:
            if t.rule in ANAPHORIC or (t.rule in ("ago", "demonstrative") and not t.deictic):
                # "two days later", "that year": from the last date the report told, not from its own
                return local or self.narrative or self.dct
            return local or self.dct
        if self.dct and t.rule in ("weekday", "dayword", "refword"):
            return self.dct
        if t.rule == "ordday_rel" and self.mode != "news":
            speech = self._speech_at(t.start + offset)
            if speech is not None and speech.m:
                return speech       # "your letter of the 3rd inst.": this month is the letter's month
        if t.rule == "weekday" and t.direction is None and self.mode != "news" and \
                not re.search(r"\bthe\s+$", self._text[max(0, t.start - 5):t.start], re.I):
            # ("the Sunday" is the one the story has reached)
            speech = self._speech_at(t.start + offset)
            if speech is not None and speech.d:
                return speech       # a weekday in a dated letter counts from the letter's date
        return local or self.narrative or self.dct

    def _speech_at(self, pos: int) -> Point | None:
        """The date of the letter or diary entry a position is in, if the text has such dates."""
        for a, b, p in self.closing:
            if a <= pos < b:
                return p
        return self.speech

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
                tense = "future" if self._future(t, text) else self._tense(t, text)
                back = wd < 6 and (tense == "past" or (tense is None and wd <= 3))
                t.shift = ("WE", -1 if back else 0)
            unit, n = t.shift
            if n is None:
                # "a few days ago": the direction is known, not the distance
                t.value = {"Y": "PAST_REF", "M": "PAST_REF"}.get(unit, "PAST_REF") if "ago" in t.text.lower() else None
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
                if t.month:                     # "March of last year"
                    p.m = t.month
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
            if news and ref.m and t.quarter > (ref.m - 1) // 3 + 1 and not self._future(t, text):
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
                tense = "future" if self._future(t, text) else self._tense(t, text)
                direction = "previous_or_same" if tense == "past" else "next" if tense == "future" else "next_or_same"
            if direction is None:
                if news and (_possessive(text, t) or _since_before(text, t)):
                    # "Wednesday's ruling": an event the report looks back on, whatever the clause's tense
                    direction = "previous_or_same"
                elif news:
                    tense = self._tense(t, text)
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

    def _feast(self, t: Timex, ref: Point | None, text: str, c: str) -> Point | None:
        """A movable feast ("Easter", "Good Friday", "Whit Sunday"), reckoned from Easter of its
        year in the date's calendar; without a year, the year a month and day would get."""
        if t.year is not None:
            y = t.year
        elif ref is None:
            return None
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
                and not t.direction and self._tense(t, text) == "future":
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
            # the nearest such date to the creation time, as TimeML annotates news, but a date
            # on the side the clause's tense points away from counts as further: "was
            # named in March" (DCT November) is the last March, "will open Nov. 21" the next
            if not ref.m:
                return Point(ref.y, mo, d, ref.cal)
            tense = "future" if self._future(t, text) else self._tense(t, text)
            # a past form right before the date governs it: "the year ended Jan. 31"; after "since"
            # ("on patrol since March", "since shortly after the Oct. 23 slaying") a date to come
            # is all but impossible
            governed = bool(PAST_GOVERNOR.search(text, max(0, t.start - 30), t.start))
            since = _since_before(text, t)
            best, best_cost = None, None
            for y in (ref.y - 1, ref.y, ref.y + 1):
                if d and not cal.valid(y, mo, d, ref.cal):
                    continue
                p = Point(y, mo, d, ref.cal)
                delta = p.mid() - ref.mid()
                # a modal ("will", "is to") is a firmer cue than a past form ("-ed" may be an adjective)
                weight = 1000 if since and p.jdn_range()[0] > ref.jdn_range()[1] else \
                    10 if (tense == "future" and delta < 0) or (governed and delta > 0) else \
                    3 if tense == "past" and delta > 0 else 1
                cost = abs(delta) * weight
                if best_cost is None or cost < best_cost:
                    best, best_cost = p, cost
            return best
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
            if not self._future(t, text) and self._tense(t, text) == "past":
                return speech
            return None
        if PLUPERFECT_BEFORE.search(_clause_before(text, t.start)):
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
            if s == "WI" and rm <= 2:
                pass
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
        m0, m1 = SEASON_MONTHS[t.season]

        def span(y: int) -> tuple[int, int]:
            ye = y + 1 if m1 < m0 else y
            f = cal.julian_to_jdn if ref.cal == "julian" else cal.gregorian_to_jdn
            return f(y, m0, 1), f(ye, m1, cal.days_in_month(ye, m1, ref.cal))

        a, b = ref.jdn_range()
        anchor = (a + b) / 2
        tense = ("future" if self._future(t, text) else self._tense(t, text)) if news else None
        governed = bool(PAST_GOVERNOR.search(text, max(0, t.start - 30), t.start))
        since = _since_before(text, t)
        best = ref.y - 1 if t.season == "WI" and ref.m <= 2 else ref.y
        best_cost = None
        for y in (ref.y - 1, ref.y, ref.y + 1) if news else ():
            lo, hi = span(y)
            weight = 1000 if since and lo > b else 10 if (tense == "future" and hi < a) or (governed and lo > b) else \
                3 if tense == "past" and lo > b else 1
            cost = abs((lo + hi) / 2 - anchor) * weight
            if best_cost is None or cost < best_cost:
                best, best_cost = y, cost
        bound = self._past_bound(t, ref, text)
        if bound is not None and span(best)[0] > bound.jdn_range()[1]:
            # told in the past: the last such season begun before the bound
            best = max(y for y in (best - 2, best - 1, best) if span(y)[0] <= bound.jdn_range()[1])
        return best

    def _tense(self, t: Timex, text: str) -> str | None:
        """The tense of the clause around an expression, from the nearest verb cue."""
        s = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start), t.start - 120) + 1
        # the clause ends at a full stop or at a line break (a paragraph's last sentence)
        ends = [x for x in (text.find(". ", t.end), text.find("\n", t.end)) if x >= 0]
        e = min(ends + [len(text), t.end + 120])
        best, best_d = None, None
        for m in TENSE_CUE.finditer(text, s, e):
            if t.start <= m.start() < t.end or m.group("fb") and m.end() > t.start:
                continue
            # the verb an expression modifies mostly comes before it; a participle after it
            # ("by August in the search for markets untouched by...") counts as further away
            dist = t.start - m.end() if m.end() <= t.start else 2 * (m.start() - t.end)
            if best_d is None or dist < best_d:
                best_d = dist
                best = "future" if m.group("f") or m.group("fb") else "past"
        return best

    def _future(self, t: Timex, text: str) -> bool:
        s = max(text.rfind(".", 0, t.start), text.rfind("\n", 0, t.start), t.start - 60) + 1
        e = text.find(".", t.end)
        e = len(text) if e < 0 else e
        return bool(FUTURE.search(text, s, min(e, t.end + 30)))

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

    def _finish(self, t: Timex, p: Point, text: str) -> None:
        """Value, calendar, Gregorian equivalent and interval of a resolved point."""
        if t.value is None:
            v = fmt(p)
            if t.season and t.year is not None:
                v = f"{p.y:04d}-{t.season}"
            if t.kind == "time":
                if p.d is None:
                    pass
                elif t.hour is not None:
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
        if t.season and not (t.value or "").endswith(t.season) is False:
            pass
        if t.season:
            m0, m1 = SEASON_MONTHS[t.season]
            ys = p.y
            f = cal.julian_to_jdn if p.cal == "julian" else cal.gregorian_to_jdn
            a = f(ys, m0, 1)
            ye = ys + 1 if m1 < m0 else ys
            b = f(ye, m1, cal.days_in_month(ye, m1, p.cal))
        a, b = _apply_mod(t.mod, a, b, p)
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

    def _move_narrative(self, t: Timex, p: Point, text: str, offset: int) -> None:
        pos = t.start + offset
        if any(s <= pos < e for s, e in self.excluded):
            return
        if not t.explicit_year and any(s <= pos < e for s, e in self.quoted):
            return        # a telegram's "fifth April", a speaker's "on Tuesday": not the story's time
        if t.deictic and t.year is None:
            # "today", "tomorrow", "last year": the speaker's now, not the story's; but in a dated
            # letter "this morning", "yesterday" are the letter's own days, where its story is
            speech = self._speech_at(pos) if self.mode != "news" else None
            if speech is None or not speech.d or p.gran != "D" or not \
                    speech.jdn_range()[0] - 7 <= p.jdn_range()[0] <= speech.jdn_range()[1]:
                return
            self.narrative = p
            return
        if t.bounding or (t.rule == "ago" and t.deictic) or t.mod == "APPROX" and t.year is not None and p.gran == "Y":
            return
        if t.shift and t.shift[1] is not None and t.shift[1] < 0:
            return            # "the day before", "a month ago": looking back
        if id(t) in self.static or self.mode != "news" and story.is_citation(text, t):
            return            # "1816-1817", "(1898-1971)": the story starts at the first year, if at all
        if t.rule == "ordday_rel":
            return            # "your letter of the 3rd inst.": another letter's date, not the story's
        if t.rule == "weekday" and self.mode != "news":
            speech = self._speech_at(pos)
            if speech is not None and speech.d and p.jdn_range()[0] > speech.jdn_range()[1]:
                return        # a letter's "I shall go on Friday": a plan, not yet the story
        cur = self.narrative
        frame = self.mode != "news" and story.on_frame_line(text, t) and not (
            self.headings >= 2 and p.gran == "D" and is_heading(text, t))
        if cur is None:
            self.narrative, self.weak = p, frame
            self._release_pending(p)
            return
        if self.weak and frame:
            return            # a subtitle's "(copied out fair in 1941)" after the title's "1939"
        if self.mode != "news" and (story.is_aside(text, t) or story.is_generic(text, t) or
                                    p.gran == "Y" and story.in_brackets(text, t)):
            # "Years afterwards, when I crossed again in 1891", "(in 1869 it was worse)": anchors
            # its own sentence only
            self.local = (p, _sentence_end(text, t.end) + offset)
            return
        if self.weak and not frame and t.explicit_year:
            # the first date told in the prose after a title's or a preface's date
            self.narrative, self.weak, self.mainline = p, False, None
            return
        # a coarser mention of the year we are in does not blur the narrative time
        if p.gran == "Y" and cur.y == p.y:
            self.weak = self.weak and frame
            return
        if p.gran == "M" and cur.gran == "D" and cur.y == p.y and cur.m == p.m:
            self.weak = self.weak and frame
            return
        a, _ = cur.jdn_range()
        _, b = p.jdn_range()
        if b < a - 31 and p.gran == "D" and t.explicit_year and cur.gran == "D":
            # a full date a year or so behind, whose day and month fit just after the
            # narrative time: most likely a wrong year in the source ("a year that breaks
            # a sequence"); the chronology check reports it, the story keeps going
            for y in (cur.y, cur.y + 1):
                if abs(y - p.y) != 1 or not cal.valid(y, p.m, p.d, p.cal):
                    continue
                fixed = Point(y, p.m, p.d, p.cal, p.idx)
                if -3 <= fixed.jdn_range()[0] - a <= 60:
                    t.suspect_year = y
                    self.narrative = fixed
                    return
        if b < a - 31 and self._resumes_mainline(t, p, cur):
            self.narrative, self.mainline = p, None
            return
        if b < a - 31 and (not self._starts_paragraph(t, text) or story.looks_back(text, t)):
            # a flashback inside a paragraph: anchors its own sentence only
            end = _sentence_end(text, t.end)
            self.local = (p, end + offset)
            return
        if p.gran == "Y" and cur.gran != "Y" and p.jdn_range()[0] > cur.jdn_range()[1]:
            self.mainline = cur
        elif p.gran != "Y":
            self.mainline = None
        self.narrative, self.weak = p, frame

    def _resumes_mainline(self, t: Timex, p: Point, cur: Point) -> bool:
        """After a year-only jump forward, a full date or a month with its year that falls on or
        after the story's last running date takes the story back to it."""
        if cur.gran != "Y" or p.gran == "Y" or not t.explicit_year or self.mainline is None:
            return False
        return p.jdn_range()[1] >= self.mainline.jdn_range()[0] - 31

    def _starts_paragraph(self, t: Timex, text: str) -> bool:
        ls = text.rfind("\n", 0, t.start) + 1
        lead = text[ls:t.start]
        return len(lead.split()) <= 2

    def _release_pending(self, p: Point) -> None:
        for t in self.pending:
            if t.year is not None or t.value and not t.value.startswith("X"):
                continue
            if t.month is None and not t.season:
                continue
            old = t.value
            t.value = None
            q = self._point(t, p, "")
            if q is None and t.value:
                self.late.append(t)
                continue
            if q is None:
                t.value = old
                continue
            q.idx = p.idx
            self._finish(t, q, "")
            t.anchor = p.idx
            t.confidence = 0.7
            self.late.append(t)
        self.pending = []

    def _underspecified(self, t: Timex) -> str:
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

    def _coarse(self, t: Timex) -> None:
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

    def _duration_bounds(self, t: Timex) -> None:
        if t.kind != "duration" or not t.value:
            return
        if t.mod in ("MORE_THAN", "EQUAL_OR_MORE"):
            t.earliest, t.latest = t.value, None
        elif t.mod in ("LESS_THAN", "EQUAL_OR_LESS"):
            t.earliest, t.latest = None, t.value
        elif t.mod == "APPROX":
            t.earliest = t.latest = None


def _apply_mod(mod: str | None, a: int, b: int, p: Point) -> tuple[int, int]:
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


SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:shortly|just|soon|right|early|late)\s+)?(?:(?:after|before)\s+)?(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?$", re.I)


def _since_before(text: str, t: Timex) -> bool:
    """'since March', 'since shortly after the Oct. 23 slaying': a time before the speaker's now."""
    return bool(SINCE_BEFORE.search(text, max(0, t.start - 40), t.start))


def _possessive(text: str, t: Timex) -> bool:
    """'Friday's session': the expression ends in a possessive (inside its extent or right after it)."""
    return text[t.end - 2:t.end] in ("'s", "\u2019s") or text[t.end:t.end + 2] in ("'s", "\u2019s")


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!?](?:\s|$)|\n").search(text, pos)
    return m.end() if m else len(text)


# a pluperfect verb group ("had been taken", "had left", "had already sent") ending the clause
# before a date, with no other finite verb after it
PLUPERFECT_BEFORE = re.compile(r"\bhad\s+(?:(?:not|never|already|just|only|once|long|since)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t|d)\b"
                               r"(?:\s+(?!(?:and|but|then|was|were|is|are)\b)[a-z,]+){0,6}\s+(?:on|in|of|by|since|until|at)?\s*(?:the\s+)?$", re.I)


def _clause_before(text: str, pos: int) -> str:
    """The clause an expression ends: back to the last sentence or clause break, at most 120 chars."""
    s = max(0, pos - 120)
    cut = max(text.rfind(". ", s, pos), text.rfind(";", s, pos), text.rfind("\n", s, pos),
              text.rfind(", and ", s, pos), text.rfind(" and ", s, pos))
    return text[cut + 1 if cut >= 0 else s:pos]


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


def _closing_headings(text: str, timexes: list[Timex], offset: int, resolver: "Resolver") -> list[tuple[int, int, Point]]:
    """Letters dated at the bottom: a date line right after a signature ("Your Mykola") closes
    the letter above it, back to the previous date line; its date is the letter's speech time.
    Whether a run of letters is dated at the top or at the bottom is read from its first date
    line: a signature and a letter body above it, or not."""
    out: list[tuple[int, int, Point]] = []
    if resolver.headings < 2:
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
            c = t.calendar or ("julian" if resolver.default_calendar == "julian" else "gregorian")
            if cal.valid(t.year, t.month, t.day, c):
                out.append((prev_end + offset, ls + offset, Point(t.year, t.month, t.day, c)))
        le = text.find("\n", t.end)
        prev_end = len(text) if le < 0 else le
    return out


_QUOTE = re.compile(r"\u201c[^\u201c\u201d\n]{1,400}\u201d|\"[^\"\n]{1,400}\"|:\s+((?:[A-Z][A-Z'.,-]*\s+){3,}[A-Z][A-Z'.,-]*)")


def _quotations(text: str) -> list[tuple[int, int]]:
    """Quoted speech and telegrams in capitals (": ARRIVING HALIFAX ABOUT FIFTH APRIL"): the
    dates in them are another person's, read but not the story's own time."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
