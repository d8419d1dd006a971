"""Finding the notes section: a "Notes" heading or a trailing block of numbered notes.

Written by hand: the shape of a notes section in plain text (a heading, lines
that start with "1." or "[1]", a footer after them) is a layout convention no
library models.  Works on the normalised text, where wrapped lines of one
paragraph are already joined, so a note is one line or one paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# "17. text", "17) text", "[17] text", "^17 text", "* text", "† text"
_NOTE_LINE = re.compile(
    r"[ \t]*(?:\[(?P<br>\d{1,3}[a-z]?|[*†‡§]{1,3})\]|(?P<num>\d{1,3}[a-z]?)[.)]|\^(?P<caret>\d{1,3})"
    r"|(?P<sym>[*†‡§]{1,3}))[ \t]+(?=\S)"
)
# Under a heading, a bare number is enough: "17 Trotsky, My Life, p. 195."
_NOTE_LINE_BARE = re.compile(r"[ \t]*(?P<num>\d{1,3})[ \t]+(?=\S)")
_HEADING = re.compile(
    r"[ \t]*(?:#+[ \t]*)?(?:notes?|foot[- ]?notes|end[- ]?notes|notes and references|references"
    r"|sources and notes)[ \t]*:?[ \t]*$", re.I)

MAX_FOOTER_LINES = 3        # lines after the notes ("Last updated on ...") that may be skipped
MAX_CONTINUATION_LINES = 6  # lines of one note after its first line


@dataclass(slots=True)
class Note:
    """One note: its label and the normalised span of its text (label excluded)."""
    label: str
    nstart: int
    nend: int
    text: str


@dataclass(slots=True)
class NotesSection:
    nstart: int
    nend: int
    notes: list[Note] = field(default_factory=list)
    heading: bool = False

    def by_label(self) -> dict[str, list[Note]]:
        out: dict[str, list[Note]] = {}
        for n in self.notes:
            out.setdefault(n.label, []).append(n)
        return out


def hard_lines(text: str, norm: str, omap) -> str:
    """``norm`` with the line breaks of the source put back (same length, same offsets).

    The normalised view reads a newline after a long line as a space
    (unwrapping prose); notes are often one per line, so their section is
    looked for with the source's line breaks.
    """
    chars = None
    for m in re.finditer(r"\r\n|\r|\n", text):
        p = omap.to_norm(m.start())
        if p < len(norm) and norm[p] == " ":
            if chars is None:
                chars = list(norm)
            chars[p] = "\n"
    return norm if chars is None else "".join(chars)


def _lines(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = norm.find("\n", pos, end)
        nl = end if nl < 0 else nl
        out.append((pos, nl))
        pos = nl + 1
    return out


def _match(line: str, bare: bool):
    m = _NOTE_LINE.match(line)
    if m is None and bare:
        m = _NOTE_LINE_BARE.match(line)
    if m is None:
        return None
    label = next(g for g in (m.groupdict().get(k) for k in ("br", "num", "caret", "sym")) if g)
    return label, m.end()


def _number(label: str) -> int | None:
    m = re.match(r"\d+", label)
    return int(m.group()) if m else None


def find_notes_section(norm: str, start: int = 0, end: int | None = None) -> NotesSection | None:
    """The notes section at the end of ``norm[start:end]``, or None.

    A heading line ("Notes", "Footnotes"...) followed by note lines, or, with
    no heading, a trailing run of consecutively numbered lines ending at note
    1 (possibly followed by a few footer lines).  Callers should check that
    the body has markers matching the labels when there is no heading.
    """
    end = len(norm) if end is None else end
    lines = _lines(norm, start, end)
    heading_at = None
    for k in range(len(lines) - 1, -1, -1):
        s, e = lines[k]
        if _HEADING.match(norm[s:e]):
            heading_at = k
            break
    if heading_at is not None:
        sec = _after_heading(norm, lines, heading_at)
        if sec is not None and sec.notes:
            return sec
    return _trailing_block(norm, lines)


def _after_heading(norm: str, lines, k: int) -> NotesSection | None:
    notes: list[Note] = []
    cur = None
    last_end = lines[k][1]
    for s, e in lines[k + 1:]:
        line = norm[s:e]
        if not line.strip():
            continue
        got = _match(line, bare=True)
        if got:
            if cur:
                notes.append(cur)
            label, off = got
            cur = Note(label, s + off, e, "")
            last_end = e
        elif cur is not None and len(line.strip()) > 0 and not _looks_like_footer(line):
            cur.nend = e
            last_end = e
        elif cur is None:
            return None
        else:
            break
    if cur:
        notes.append(cur)
    for n in notes:
        n.text = norm[n.nstart:n.nend].strip()
    return NotesSection(lines[k][0], last_end, notes, heading=True)


def _looks_like_footer(line: str) -> bool:
    low = line.strip().lower()
    return bool(re.match(r"(last updated|copyright|©|\(c\)|transcribed|html markup|source:|back to)", low))


def _trailing_block(norm: str, lines) -> NotesSection | None:
    found: list[Note] = []         # bottom-up
    pending: list[tuple[int, int]] = []
    footer = 0
    for s, e in reversed(lines):
        line = norm[s:e]
        if not line.strip():
            continue
        got = _match(line, bare=False)
        if got is None:
            if not found:
                footer += 1
                if footer > MAX_FOOTER_LINES:
                    return None
                continue
            pending.append((s, e))
            if len(pending) > MAX_CONTINUATION_LINES:
                break
            continue
        label, off = got
        num = _number(label)
        if found:
            prev = _number(found[-1].label)
            if num is not None and prev is not None and num != prev - 1:
                break
        # continuation lines seen since the last note belong to this one
        nend = e
        if pending:
            nend = max(pe for _, pe in pending)
            # only lines directly under this note and above the next one
        found.append(Note(label, s + off, nend, ""))
        pending = []
        if num == 1:
            break
    if not found:
        return None
    found.reverse()
    for n in found:
        n.text = norm[n.nstart:n.nend].strip()
    nstart = found[0].nstart
    # include the label of the first note and a heading just above, if any
    line_start = norm.rfind("\n", 0, nstart) + 1
    return NotesSection(line_start, found[-1].nend, found, heading=False)


_INLINE_NOTE = re.compile(r"\[(?P<label>\d{1,3}[a-z]?|[*†‡§]{1,3})\][ \t]+(?=\S)")


def find_inline_notes(norm: str, paragraphs, start: int = 0, end: int | None = None) -> list[Note]:
    """Notes printed among the paragraphs (Project Gutenberg style): a paragraph starting "[1] ...".

    ``paragraphs`` are the document's paragraph spans (``nstart``/``nend``).
    """
    end = len(norm) if end is None else end
    out = []
    for p in paragraphs:
        if p.nstart < start or p.nstart >= end:
            continue
        m = _INLINE_NOTE.match(norm, p.nstart, p.nend)
        if m:
            out.append(Note(m.group("label"), m.end(), p.nend, norm[m.end():p.nend].strip()))
    return out
