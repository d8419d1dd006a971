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

This module keeps that state and decides what moves it; :mod:`.anchoring` computes the
date an expression denotes, :mod:`.intervals` its value and interval, :mod:`.tense` the
clause cues, :mod:`.letters` where letters and quotations lie.
"""
from __future__ import annotations

import re

from ..spans import SpanSet
from . import calendars as cal
from . import narrative as story
from .anchoring import Anchoring
from .intervals import Point, coarse, duration_bounds, finish, underspecified
from .letters import closing_headings, is_heading, quotations
from .tense import clause_tense, future, sentence_end
from .timex import Timex

ANAPHORIC = {"anaphoric", "day_after", "ordday"}
_PART_OF_THE_YEAR = re.compile(r"the\s+(?:end|beginning|start|middle)\s+of\s+the\s+year", re.I)
# rules that follow TimeML's reading of news ("the year" = the creation year): in a narrative,
# where "the year" and "the weekend" are anaphoric and TimeML conventions do not hold, they are dropped
NEWS_ONLY = {"the_year", "the_weekend"}
# and a bare part of the day ("in the afternoon") is the story's day in a narrative; in news,
# where the report's days are many and told out of order, it is dropped
NARRATIVE_ONLY = {"part_of_day"}


class Resolver(Anchoring):
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
        self.excluded = SpanSet()                         # regions (notes) that do not move narrative time
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
        # a biography or history rather than a memoir or letters (``chronotope.voice``, set by
        # the caller, who has the whole document): an "I" in it is the writer stepping in
        self.told_in_third_person = False

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
                quoted_here = quotations(text)
                self.quoted = [(a + offset, b + offset) for a, b in quoted_here]
                self.headings += sum(1 for t in timexes if t.year is not None and t.day is not None
                                     and t.month is not None and not t.shift and is_heading(text, t))
                self.closing = closing_headings(text, timexes, offset, self.headings, self.default_calendar)
                self.static = story.static_years(text, timexes)
            except (ValueError, OverflowError, TypeError):
                self.quoted, self.closing, self.static = [], [], set()
        else:
            timexes = [t for t in timexes if t.rule not in NARRATIVE_ONLY]
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
            duration_bounds(t)
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
            coarse(t)
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
                t.value = underspecified(t)
                t.confidence = 0.4
            if self.narrative is None and self.dct is None and t.year is None:
                self.pending.append(t)
            return
        point.idx = idx
        if ref is not None and (t.year is None or t.shift):
            t.anchor = -1 if ref is self.dct else ref.idx
        finish(t, point)
        if self.mode != "news" and self.headings >= 2 and point.gran == "D" and t.explicit_year and is_heading(text, t):
            self.speech = point
        if t.explicit_year or (t.year is None and ref is not None) or t.shift:
            self._move_narrative(t, point, text, offset)
        if self.mode == "news" and t.explicit_year and point.gran != "Y":
            self.local = (point, sentence_end(text, t.end) + offset)

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


    def _move_narrative(self, t: Timex, p: Point, text: str, offset: int) -> None:
        pos = t.start + offset
        if self.excluded.contains(pos):
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
        if self.mode != "news" and not t.explicit_year:
            speech = self._speech_at(pos)
            if speech is not None and speech.d and p.jdn_range()[0] > speech.jdn_range()[1] and \
                    (t.rule == "weekday" or future(t, text) or clause_tense(t, text) != "past"):
                return        # a letter's "I shall go on Friday", "I hope to come at Easter": a plan, not yet the story
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
                                    p.gran == "Y" and story.in_brackets(text, t) or
                                    story.is_writers_present(text, t, self.told_in_third_person,
                                                             abs(p.y - cur.y)) or
                                    story.is_later_record(text, t, abs(p.y - cur.y))):
            # "Years afterwards, when I crossed again in 1891", "(in 1869 it was worse)": anchors
            # its own sentence only
            self.local = (p, sentence_end(text, t.end) + offset)
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
            end = sentence_end(text, t.end)
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
            finish(t, q)
            t.anchor = p.idx
            t.confidence = 0.7
            self.late.append(t)
        self.pending = []
