"""Plain-text assembly shared by the HTML and TEI extractors.

Markup whitespace is collapsed, blocks become paragraph breaks ("\n\n"),
and spans of what was emitted can be measured afterwards, so markers and
notes get offsets into the final text without a second pass.
"""

from __future__ import annotations

import re

_WS = re.compile(r"[ \t\n\r\f]+")  # markup whitespace; U+00A0 is content, kept

# A note marker as written: 17, 3a, *, †, ‡‡, b, iv; optional brackets around it.
MARKER_RE = re.compile(
    r"^[\[\(\{<]?\s*([0-9]{1,4}[a-z]?|[*†‡§¶‖#]{1,3}|[a-z]|[ivxlc]{2,6})\s*[\]\)\}>]?\.?$", re.I)
# A note's own leading label: "[1]", "(a)", "1.", "1)", "a.", "*" followed by the note text.
NOTE_LABEL_RE = re.compile(
    r"^(?:[\[\(]\s*([0-9]{1,4}[a-z]?|[*†‡§¶‖]{1,3}|[a-z]|[ivxlc]{1,6})\s*[\]\)][.:]?"
    r"|([0-9]{1,4}[a-z]?|[a-z]|[ivxlc]{1,6})[.):]|([*†‡§¶‖]{1,3}))(?:\s+|$)", re.I)
_BACKLINKS = "↩︎↑⤴^ \t\n"


class TextBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self._brk = 0
        self._space = False
        self._glue = False
        self.markers: list[tuple[int, int, str]] = []
        self.notes: list[tuple[int, int, str]] = []

    # -- layout -------------------------------------------------------------
    def brk(self, n: int = 2, add: bool = False) -> None:
        """Request a break before the next text: 1 = line, 2 = paragraph.

        add=True accumulates (two <br> in a row make a paragraph break).
        """
        if self.pos:
            self._brk = min(2, self._brk + n if add else max(self._brk, n))

    def space(self) -> None:
        self._space = True

    def glue(self) -> None:
        """Join the next text to the previous one (TEI <lb break="no"/>)."""
        self._space = False
        self._glue = True

    # -- content ------------------------------------------------------------
    def text(self, s: str | None, pre: bool = False) -> None:
        if not s:
            return
        if pre:
            self._emit(s)
            return
        s = _WS.sub(" ", s)
        if s[0] == " ":
            if not self._glue:
                self._space = True
            s = s[1:]
        trailing = s.endswith(" ")
        if trailing:
            s = s[:-1]
        if s:
            self._emit(s)
        if trailing:
            self._space = True

    def inline(self, s: str) -> tuple[int, int]:
        """Emit s as-is at the current inline position; return its span."""
        self._emit(s)
        return self.pos - len(s), self.pos

    def _emit(self, s: str) -> None:
        if self.pos:
            sep = "\n" * self._brk if self._brk else (" " if self._space and not self._glue else "")
            if sep:
                self.parts.append(sep)
                self.pos += len(sep)
        self._brk, self._space, self._glue = 0, False, False
        self.parts.append(s)
        self.pos += len(s)

    # -- measuring ----------------------------------------------------------
    def mark(self) -> tuple[int, int]:
        return len(self.parts), self.pos

    def since(self, mark: tuple[int, int]) -> tuple[int, str]:
        """(offset, text) emitted since mark, without the separator before it."""
        seg = "".join(self.parts[mark[0]:])
        stripped = seg.lstrip()
        return mark[1] + len(seg) - len(stripped), stripped.rstrip()

    def add_marker(self, mark: tuple[int, int], label_hint: str | None = None) -> str | None:
        """Record what was emitted since mark as a note marker; return its label."""
        off, seg = self.since(mark)
        m = MARKER_RE.match(seg)
        if not m:
            return None
        label = m.group(1)
        start = off + m.start(1)
        self.markers.append((start, start + len(label), label))
        return label

    def add_note(self, mark: tuple[int, int], label: str | None) -> None:
        """Record what was emitted since mark as a note body (its own leading label stripped)."""
        off, seg = self.since(mark)
        m = NOTE_LABEL_RE.match(seg)
        if label and not m and seg.startswith(label + " "):  # "17 The note..." after a marker 17
            off, seg = off + len(label) + 1, seg[len(label) + 1:]
        elif m and len(seg) > m.end():
            found = m.group(1) or m.group(2) or m.group(3)
            if label is None or found == label:
                label = found
                off += m.end()
                seg = seg[m.end():]
        stripped = seg.lstrip()
        off, seg = off + len(seg) - len(stripped), stripped
        body = seg.rstrip(_BACKLINKS)
        if body:
            self.notes.append((off, off + len(body), label or str(len(self.notes) + 1)))

    def getvalue(self) -> str:
        return "".join(self.parts)
