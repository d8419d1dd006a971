"""Time stage: dates, times, durations and sets, anchored in the narrative.

A thin wrapper around :mod:`chronotope.times`: it tags ``doc.norm`` section
by section with one :class:`~chronotope.times.resolve.Resolver` per
document (kept in ``doc.state``, so the running reference date crosses
sections), adds the mentions, and in ``finish`` runs the chronology check,
which reports contradictions as ``doc.issues``.

Mention fields: ``value`` (TIMEX3), ``calendar`` and ``gregorian_value``
for dates, ``earliest``/``latest`` (an interval in the proleptic Gregorian
calendar, ISO dates; for durations the bounds a "more than"/"less than"
gives), ``anchor`` (id of the mention a relative expression was resolved
against), ``confidence``; ``attrs`` has ``type`` (TIMEX3 type), ``mod`` and
the ``rule`` that found it.
"""
from __future__ import annotations

from ..spans import SpanSet
from ..document import Document
from ..pipeline import BaseStage, Options, Section
from ..times import chronology
from ..times.grammar import Timex, find
from ..times.resolve import Resolver
from ..voice import voice

TIMEX_TYPE = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
STATE = "times"


class TimeStage(BaseStage):
    name = "times"

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    def begin(self, doc: Document) -> None:
        ref = self.options.reference_date or doc.meta.get("reference_date") or doc.meta.get("dct")
        calendar = doc.meta.get("calendar") or self.options.calendar or chronology.stated_calendar(doc.norm)
        resolver = Resolver(ref, calendar)
        resolver.told_in_third_person = voice(doc).third_person
        doc.state[STATE] = {"resolver": resolver, "mentions": []}

    def process(self, doc: Document, section: Section) -> None:
        st = doc.state.get(STATE)
        if st is None:
            self.begin(doc)
            st = doc.state[STATE]
        resolver: Resolver = st["resolver"]
        resolver.excluded = SpanSet(_note_regions(doc))
        text = doc.norm[section.nstart:section.nend]
        try:
            timexes = find(text)
        except Exception:          # a bad input must never break the pipeline
            return
        first = len(resolver.timexes)
        resolver.resolve_all(text, timexes, offset=section.nstart)
        for t in resolver.timexes[first:]:
            st["mentions"].append(self._add(doc, t, section.nstart, st["mentions"]))

    def finish(self, doc: Document) -> None:
        st = doc.state.get(STATE)
        if not st:
            return
        resolver: Resolver = st["resolver"]
        mentions = st["mentions"]
        index = {id(t): k for k, t in enumerate(resolver.timexes)}
        for t in resolver.late:
            k = index.get(id(t))
            if k is not None and mentions[k] is not None:
                _fill(mentions[k], t, mentions)
        try:
            chronology.check(doc, resolver.timexes, mentions, skip=SpanSet(_note_regions(doc)))
        except Exception as e:      # the check is advisory; never lose the mentions for it
            doc.meta.setdefault("warnings", []).append(f"chronology check failed: {e}")

    def _add(self, doc: Document, t: Timex, base: int, mentions: list):
        if t.end <= t.start:
            return None
        m = doc.add_mention(t.kind, base + t.start, base + t.end, source=f"times:{t.rule}")
        _fill(m, t, mentions)
        return m


def _fill(m, t: Timex, mentions: list) -> None:
    m.value = t.value
    if t.kind in ("date", "time") and t.resolved_calendar:
        m.calendar = t.resolved_calendar
        m.gregorian_value = t.gregorian_value or (t.value if t.resolved_calendar == "gregorian" else None)
    m.earliest, m.latest = t.earliest, t.latest
    if t.anchor is not None and 0 <= t.anchor < len(mentions) and mentions[t.anchor] is not None:
        m.anchor = mentions[t.anchor].id
    elif t.anchor == -1:
        m.attrs["anchor"] = "reference_date"
    m.confidence = t.confidence
    m.attrs["type"] = TIMEX_TYPE[t.kind]
    m.attrs["rule"] = t.rule
    if t.mod:
        m.attrs["mod"] = t.mod


def _note_regions(doc: Document) -> list[tuple[int, int]]:
    """Normalised spans of footnote texts: their dates do not move narrative time."""
    out = []
    for c in doc.citations:
        note = c.note or {}
        if "start" in note and "end" in note:
            out.append((doc.map.to_norm(note["start"]), doc.map.to_norm(note["end"])))
    return out


def make(options: Options | None = None) -> TimeStage:
    return TimeStage(options)
