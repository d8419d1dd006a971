"""Project Gutenberg header and licence detection.

The text is kept whole (offsets index the file); only the body range
[body_start, body_end) excludes the PG header and the licence/footer.
"""

from __future__ import annotations

import re

_START = re.compile(
    r"^[ \t]*\*{3}[ \t]*START[ \t]+OF[ \t]+(?:THE|THIS)[ \t]+PROJECT[ \t]+GUTENBERG[ \t]+E-?(?:BOOK|TEXT)[^\r\n]*"
    r"|^[ \t]*\*{1,3}[ \t]*END[ \t]*\*[ \t]*THE SMALL PRINT![^\r\n]*"
    r"|^[ \t]*\*{3}START\*{2}THE SMALL PRINT[^\r\n]*\*END\*[^\r\n]*",
    re.I | re.M)
_END = re.compile(
    r"^[ \t]*\*{3}[ \t]*END[ \t]+OF[ \t]+(?:THE|THIS)[ \t]+PROJECT[ \t]+GUTENBERG[ \t]+E-?(?:BOOK|TEXT)"
    r"|^[ \t]*End[ \t]+of[ \t]+(?:the[ \t]+)?Project[ \t]+Gutenberg(?:'s|\u2019s)?[ \t]+(?:E-?Book|E-?text|Etext)?"
    r"|^[ \t]*End[ \t]+of[ \t]+Project[ \t]+Gutenberg's",
    re.I | re.M)
_MENTION = re.compile(r"Project\s+Gutenberg|gutenberg\.org", re.I)
_FIELD = re.compile(r"^[ \t]*(Title|Author|Language|Release Date|Posting Date)[ \t]*:[ \t]*([^\r\n]+)", re.I | re.M)
_EBOOK_NO = re.compile(r"\[\s*E-?(?:Book|text)\s*#\s*(\d+)\s*\]|E-?Book\s*#\s*(\d+)", re.I)
_HEAD_CHARS = 20000  # where the header is looked for when there is no START line


def find_body(text: str) -> tuple[int, int, str | None, dict]:
    """(body_start, body_end, title, meta) for a Project Gutenberg text; (0, len, None, {}) otherwise."""
    n = len(text)
    if not _MENTION.search(text, 0, min(n, _HEAD_CHARS)) and not _MENTION.search(text, max(0, n - 50000)):
        return 0, n, None, {}
    start = 0
    m = _START.search(text, 0, min(n, 200000))
    if m:
        start = m.end()
        if text.startswith("\r\n", start):
            start += 2
        elif start < n and text[start] in "\r\n":
            start += 1
    end = n
    e = _END.search(text, start)
    if e:
        end = e.start()
    if not m and not e:
        return 0, n, None, {}
    header_end = start if m else min(n, _HEAD_CHARS)
    meta: dict = {"gutenberg": True}
    title = None
    for f in _FIELD.finditer(text, 0, header_end):
        key, value = f.group(1).lower(), f.group(2).strip()
        if key == "title" and title is None:
            title = value
        elif key == "author":
            meta.setdefault("author", value)
        elif key == "language":
            meta.setdefault("language", value)
        elif key in ("release date", "posting date"):
            meta.setdefault(key.replace(" ", "_"), value)
    no = _EBOOK_NO.search(text, 0, header_end) or _EBOOK_NO.search(text, end, min(n, end + 2000))
    if no:
        meta["gutenberg_ebook"] = int(no.group(1) or no.group(2))
    return start, end, title, meta
