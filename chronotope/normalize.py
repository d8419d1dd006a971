"""A normalised view of a text with an exact map back to the original.

Stages read the normalised view (straight quotes, plain spaces, ligatures
expanded, line-end hyphenation joined, wrapped lines unwrapped) because rules
and the language model work better on it; everything the project outputs
indexes the text as decoded from the file, so every edit made here is
recorded and can be mapped back.  No library keeps such a map for arbitrary
edits, hence this small module.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right

# Characters replaced one-for-one or expanded; the source of truth for what
# "normalised" means.  Kept here rather than in a data file because each entry
# is a code point decision tied to the regex below.
_CHAR_MAP = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u3000": " ", "\t": " ", "\x0b": " ", "\x0c": "\n",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    "\u2028": "\n", "\u2029": "\n\n",
}

_PATTERN = re.compile(
    # a word broken at a line end: "con-\nsequence" -> "consequence"
    r"(?<=[a-z])-[ \t]*\r?\n[ \t]*(?=[a-z])"
    # CRLF and lone CR become LF
    r"|\r\n?"
    r"|[" + re.escape("".join(_CHAR_MAP)) + r"]"
)

# A line this long that is followed by another line of the same paragraph is
# taken to be hard-wrapped prose, so its newline is read as a space.
_WRAP_MIN = 40


class OffsetMap:
    """Maps offsets in the normalised text to offsets in the source text.

    Stored as runs: each run covers ``n_lens[k]`` normalised characters that
    came from ``s_lens[k]`` source characters.  In "copy" runs the two agree
    character for character; the rest are replacements, mapped as a whole.
    Only edits create runs, so memory grows with the number of edits, not
    with the length of the text.
    """

    __slots__ = ("n_starts", "s_starts", "n_lens", "s_lens", "copy", "n_total", "s_total")

    def __init__(self) -> None:
        self.n_starts = array("q")
        self.s_starts = array("q")
        self.n_lens = array("q")
        self.s_lens = array("q")
        self.copy = array("b")
        self.n_total = 0
        self.s_total = 0

    def add(self, nlen: int, slen: int, copy: bool) -> None:
        if nlen == 0 and slen == 0:
            return
        if copy and self.copy and self.copy[-1]:
            self.n_lens[-1] += nlen
            self.s_lens[-1] += slen
        else:
            self.n_starts.append(self.n_total)
            self.s_starts.append(self.s_total)
            self.n_lens.append(nlen)
            self.s_lens.append(slen)
            self.copy.append(1 if copy else 0)
        self.n_total += nlen
        self.s_total += slen

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span for a normalised span; a replacement maps as a whole."""
        s = self.point(start, "start")
        e = self.point(end, "end") if end > start else s
        return s, max(s, e)

    def point(self, i: int, side: str = "start") -> int:
        if not self.n_starts or (i <= 0 and side == "end"):
            return 0
        i = max(i, 0)
        if i >= self.n_total:
            return self.s_total
        if side == "end":
            k = bisect_right(self.n_starts, i - 1) - 1
            while k > 0 and self.n_lens[k] == 0:
                k -= 1
            if self.copy[k]:
                return self.s_starts[k] + (i - self.n_starts[k])
            return self.s_starts[k] + self.s_lens[k]
        k = bisect_right(self.n_starts, i) - 1
        off = i - self.n_starts[k]
        if self.copy[k]:
            return self.s_starts[k] + off
        return self.s_starts[k] if off == 0 else self.s_starts[k] + self.s_lens[k]

    def to_norm(self, s: int) -> int:
        """Normalised offset of a source offset (start of the run it falls in)."""
        if s <= 0:
            return 0
        if s >= self.s_total:
            return self.n_total
        k = bisect_right(self.s_starts, s) - 1
        if self.copy[k]:
            return self.n_starts[k] + (s - self.s_starts[k])
        return self.n_starts[k]


def normalise(text: str) -> tuple[str, OffsetMap]:
    """Return the normalised view of ``text`` and its map back to ``text``."""
    omap = OffsetMap()
    pieces: list[str] = []
    pos = 0
    for m in _PATTERN.finditer(text):
        s, e = m.span()
        if s > pos:
            pieces.append(text[pos:s])
            omap.add(s - pos, s - pos, True)
        tok = m.group()
        if tok[0] == "-":
            rep = ""
        elif tok[0] == "\r":
            rep = "\n"
        else:
            rep = _CHAR_MAP[tok]
        pieces.append(rep)
        omap.add(len(rep), e - s, rep == tok)
        pos = e
    if pos < len(text):
        pieces.append(text[pos:])
        omap.add(len(text) - pos, len(text) - pos, True)
    norm = "".join(pieces)
    return _unwrap(norm), omap


def _unwrap(norm: str) -> str:
    """Read single newlines inside hard-wrapped prose as spaces (1:1, so the map holds)."""
    if "\n" not in norm:
        return norm
    lines = norm.split("\n")
    out: list[str] = []
    last = len(lines) - 1
    for k, line in enumerate(lines):
        out.append(line)
        if k < last:
            wrapped = len(line) >= _WRAP_MIN and line.strip() and lines[k + 1].strip()
            out.append(" " if wrapped else "\n")
    return "".join(out)
