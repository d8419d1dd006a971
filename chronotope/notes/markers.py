"""Finding note markers in the running text: ``[17]``, ``^17``, ``¹⁷``, ``*``/``†``.

Written by hand because no library finds footnote markers in plain text: the
forms are few and a regular expression per form is the clearest statement of
what counts as a marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# "[17]" (also "[17a]"), "^17", superscript digits after a word or punctuation,
# and note symbols directly after punctuation or a word ("here.*", "said,†").
_MARKER = re.compile(
    r"\[(?P<br>\d{1,3}[a-z]?|[*†‡§¶]{1,3})\]"
    r"|\^(?P<caret>\d{1,3}|[*†‡§])"
    r"|(?<=[\w.,;:!?\"')\]])(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"|(?<=[.,;:!?\"')\w])(?P<sym>[*†‡§]{1,3})(?=\s|$)"
)


@dataclass(slots=True)
class Marker:
    """A note marker: its label as written (no brackets) and normalised offsets.

    ``nstart``/``nend`` cover the whole marker as written, brackets or caret
    included ("[17]"), so removing the span removes the marker.
    """
    label: str
    nstart: int
    nend: int
    from_markup: bool = False


def find_markers(norm: str, start: int = 0, end: int | None = None) -> list[Marker]:
    """Markers in ``norm[start:end]``, in text order."""
    end = len(norm) if end is None else end
    out: list[Marker] = []
    for m in _MARKER.finditer(norm, start, end):
        label = m.group("br") or m.group("caret") or m.group("sym")
        if label is None:
            label = m.group("sup").translate(_SUPERSCRIPT)
        if m.group("sym") and _is_emphasis(norm, m.start(), m.end()):
            continue
        out.append(Marker(label, m.start(), m.end()))
    return out


def _is_emphasis(norm: str, s: int, e: int) -> bool:
    """An asterisk that closes markdown-style ``*emphasis*`` is not a marker."""
    line_start = norm.rfind("\n", 0, s) + 1
    opening = norm.rfind("*", line_start, s)
    return norm[s] == "*" and opening >= 0 and opening + 1 < s and not norm[opening + 1].isspace()


def markup_markers(doc) -> list[Marker]:
    """Markers the ingest layer recorded from markup (HTML ``<sup>``, EPUB noterefs).

    ``doc.meta["markers"]`` is a list of ``(start, end, label)`` in source
    offsets; they are returned in normalised offsets.
    """
    out: list[Marker] = []
    for item in doc.meta.get("markers") or []:
        try:
            s, e, label = item[0], item[1], str(item[2])
        except (TypeError, IndexError, KeyError):
            continue
        label = label.strip().strip("[]()^").translate(_SUPERSCRIPT) or label
        out.append(Marker(label, doc.map.to_norm(int(s)), doc.map.to_norm(int(e)), True))
    return out


def merge_markers(found: list[Marker], extra: list[Marker]) -> list[Marker]:
    """Markup markers win over text markers at the same place; result in text order."""
    out = list(extra)
    for m in found:
        if not any(x.nstart < m.nend and m.nstart < x.nend for x in extra):
            out.append(m)
    return sorted(out, key=lambda m: m.nstart)
