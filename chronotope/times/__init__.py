"""The temporal tagger: pure functions over text.

``tag(text)`` finds dates, times, durations and sets in a text and resolves
them against the narrative (or against ``reference_date``, the document
creation time).

Finding: ``grammar`` runs the rules and merges their spans; the rules are in
``dates``, ``relative``, ``periods``, ``clock`` and ``durations``, built from
``lexicon`` (words and numbers) and registered in ``rules``; each yields a
``timex.Timex``.  Anchoring: ``resolve`` keeps the narrative state, with
``anchoring`` (the date an expression denotes), ``intervals`` (values and
earliest/latest bounds), ``tense`` (clause cues), ``letters`` (dated entries,
quotations) and ``narrative`` (what may move the story).  ``calendars``
converts Old Style dates, ``chronology`` checks the narrated dates against
each other.
"""
from __future__ import annotations

from .grammar import Timex, find
from .resolve import Resolver

__all__ = ["Timex", "Resolver", "find", "tag"]


def tag(text: str, reference_date: str | None = None, calendar: str | None = None,
        mode: str = "narrative") -> list[Timex]:
    """Find and resolve the temporal expressions of one text, in order.

    ``mode="news"`` reads partial dates from ``reference_date`` as TimeML
    annotates news; the default reads them from the narrative's last date.
    """
    r = Resolver(reference_date, calendar, mode)
    return r.resolve_all(text, find(text))
