"""Sets of character spans that answer "is this inside any of them?" by binary search.

Stages keep lists of regions to leave alone (the notes section, footnotes,
quotations) and ask about every candidate; a scan of the list per question
made them quadratic on long texts with many notes.  Only whether a region is
hit matters, never which, so the spans are merged into their union.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable


class SpanSet:
    """The union of half-open spans [start, end)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted((s, e) for s, e in spans if e > s):
            if self.ends and s <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def __iter__(self):
        return iter(zip(self.starts, self.ends))

    def contains(self, pos: int) -> bool:
        """Some span has start <= pos < end."""
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with [start, end)."""
        k = bisect_left(self.starts, end) - 1
        return k >= 0 and self.ends[k] > start
