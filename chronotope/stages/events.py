"""Events stage: travel, communications and acts of persecution; journeys and their checks.

``process`` reads each sentence's parse into frames (character spans only);
``finish`` resolves them against the mentions of the times, places and people
stages, emits events, chains journeys and checks their plausibility.  See
:mod:`chronotope.events`.
"""
from __future__ import annotations

from ..document import Document
from ..events import communications, emit, journeys, persecution, plausibility, retelling, travel
from ..pipeline import BaseStage, Section
from .quantities import in_spans, skip_spans

FRAMES = "events.frames"


class EventsStage(BaseStage):
    name = "events"

    def process(self, doc: Document, section: Section) -> None:
        if section.spacy is None:
            return
        frames = doc.state.setdefault(FRAMES, [])
        skip = skip_spans(doc)
        base = section.nstart
        for sent in section.spacy.sents:
            s, e = base + sent.start_char, base + sent.end_char
            if in_spans(s, e, skip) or not sent.text.strip():
                continue
            for finder in (communications.find, persecution.find, travel.find):
                try:
                    frames.extend(finder(sent, base))
                except Exception as exc:      # one odd sentence must not break the run
                    doc.meta.setdefault("stage_errors", []).append(f"events/{finder.__module__}: {exc!r}")

    def finish(self, doc: Document) -> None:
        try:   # an act retold later is one act with several evidence spans
            doc.state[FRAMES] = retelling.merge_retold(doc, doc.state.get(FRAMES, []))
        except Exception as exc:
            doc.meta.setdefault("stage_errors", []).append(f"events/merge_retold: {exc!r}")
        frames = doc.state.get(FRAMES, [])
        travel_frames = []
        for f in frames:
            try:
                if f["type"] == "communication":
                    emit.communication(doc, f)
                elif f["type"] in travel.FRAME_TYPES:
                    travel_frames.append(f)
                else:
                    emit.act(doc, f)
            except Exception as exc:
                doc.meta.setdefault("stage_errors", []).append(f"events/emit: {exc!r}")
        _drop_retellings(doc)
        travel_frames.sort(key=lambda f: (f["nstart"], f["trigger"][0]))
        try:
            doc.journeys.extend(journeys.build(doc, travel_frames))
            plausibility.check(doc)
        except Exception as exc:
            doc.meta.setdefault("stage_errors", []).append(f"events/journeys: {exc!r}")


def _drop_retellings(doc: Document) -> None:
    """One act told twice ("he was arrested on 3 May ... after his arrest on 3 May"): same type,
    same subjects, same stated (not inferred) date; the first telling is kept."""
    seen, keep = set(), []
    for ev in doc.events:
        if ev.type in ("travel", "communication"):
            keep.append(ev)
            continue
        subjects = frozenset(p.entity for p in ev.participants if p.role == "subject")
        date = ev.date or {}
        if not subjects or not date.get("value") or date.get("inferred") or ev.attributes.get("planned"):
            keep.append(ev)
            continue
        key = (ev.type, subjects, date["value"])
        if key in seen:
            continue
        seen.add(key)
        keep.append(ev)
    doc.events[:] = keep


def make(options) -> EventsStage:
    return EventsStage()
