"""TimeML / TempEval-3 in and out: ``chronotope timeml IN.tml [--out OUT.tml]``.

Reads a TimeML file (``.tml``) or TempEval-3 input (``.TE3input``): the
document creation time from ``<DCT>`` and the text inside ``<TEXT>``.  Existing
TIMEX3 tags in the text are removed (the DCT's is kept), the time tagger runs
on the plain text with the DCT as reference date, and the file is written back
with TIMEX3 tags (``tid``, ``type``, ``value``, ``mod``) added around the
expressions.  Only tags are added, never whitespace, so the TempEval-3
evaluation toolkit (which matches tokens) applies as it is.

The files are XML-like but often not well-formed XML (entities, stray
ampersands), so this works on the markup with regular expressions and keeps
every other byte as it was.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from html import escape

from .times import tag
from .times.grammar import Timex

TYPE = {"date": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}
_TAG = re.compile(r"<[^>]*>")
_TEXT = re.compile(r"(<TEXT[^>]*>)(.*?)(</TEXT>)", re.S)
_DCT = re.compile(r"<DCT>.*?</DCT>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    tid: str = ""
    attrs: dict = field(default_factory=dict)


@dataclass
class TimeMLDoc:
    """A TimeML file split around its TEXT: ``head + body_tagged + tail``."""
    head: str
    body: str               # the TEXT content with markup (TIMEX3 still in)
    tail: str
    dct: str | None
    dct_tid: str | None
    plain: str = ""          # body without any markup
    gold: list[GoldTimex] = field(default_factory=list)


def read(path: str) -> TimeMLDoc:
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    return parse(raw)


def parse(raw: str) -> TimeMLDoc:
    m = _TEXT.search(raw)
    if not m:
        raise ValueError("no <TEXT> element")
    head, body, tail = raw[:m.end(1)], m.group(2), raw[m.start(3):]
    dct = dct_tid = None
    d = _DCT.search(raw)
    if d:
        attrs = dict(_ATTR.findall(d.group(0)))
        v = attrs.get("value", "")
        dct = v if re.match(r"\d{4}", v) else None
        dct_tid = attrs.get("tid")
    doc = TimeMLDoc(head, body, tail, dct, dct_tid)
    doc.plain, doc.gold = _strip(body)
    return doc


def _strip(body: str) -> tuple[str, list[GoldTimex]]:
    """Plain text of the body and the TIMEX3 annotations in it (plain offsets)."""
    out: list[str] = []
    n = 0
    pos = 0
    open_: list[tuple[int, dict]] = []
    gold: list[GoldTimex] = []
    for m in _TAG.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        t = m.group(0)
        if t.startswith("<TIMEX3"):
            open_.append((n, dict(_ATTR.findall(t))))
        elif t.startswith("</TIMEX3") and open_:
            s, a = open_.pop()
            gold.append(GoldTimex(s, n, a.get("type", ""), a.get("value", ""), a.get("tid", ""), a))
    out.append(body[pos:])
    return "".join(out), gold


def _without_timex(body: str) -> str:
    return re.sub(r"</?TIMEX3[^>]*>", "", body)


def annotate(doc: TimeMLDoc, timexes: list[Timex]) -> str:
    """The file with TIMEX3 tags for ``timexes`` (plain-text offsets) in its TEXT."""
    body = _without_timex(doc.body)
    # positions of plain characters in the marked-up body
    index: list[int] = []
    pos = 0
    for m in _TAG.finditer(body):
        index.extend(range(pos, m.start()))
        pos = m.end()
    index.extend(range(pos, len(body)))
    inserts: list[tuple[int, int, str]] = []
    k = 0
    for t in timexes:
        if t.end <= t.start or t.end > len(index) or not t.value:
            continue
        a, b = index[t.start], index[t.end - 1] + 1
        inner = body[a:b]
        if "<" in inner and not _balanced(inner):
            continue
        k += 1
        tid = f"t{k}"
        if tid == doc.dct_tid:
            k += 1
            tid = f"t{k}"
        attrs = f'tid="{tid}" type="{TYPE[t.kind]}" value="{escape(t.value)}"'
        if t.mod:
            attrs += f' mod="{t.mod}"'
        inserts.append((a, 0, f"<TIMEX3 {attrs}>"))
        inserts.append((b, 1, "</TIMEX3>"))
    # apply from the end so earlier positions stay valid; a closing tag goes before an opening one
    pieces = []
    last = len(body)
    for p, order, tagtext in sorted(inserts, key=lambda x: (x[0], -x[1] if x[1] else 0), reverse=True):
        pieces.append(body[p:last])
        pieces.append(tagtext)
        last = p
    pieces.append(body[:last])
    new_body = "".join(reversed(pieces))
    return doc.head + new_body + doc.tail


def _balanced(s: str) -> bool:
    stack = []
    for m in _TAG.finditer(s):
        t = m.group(0)
        if t.endswith("/>"):
            continue
        name = re.match(r"</?(\w+)", t)
        if not name:
            continue
        if t.startswith("</"):
            if not stack or stack[-1] != name.group(1):
                return False
            stack.pop()
        else:
            stack.append(name.group(1))
    return not stack


def tag_document(doc: TimeMLDoc, calendar: str | None = None) -> list[Timex]:
    return tag(doc.plain, reference_date=doc.dct, calendar=calendar, mode="news")


def timeml_main(in_path: str, out_path: str | None = None, options=None) -> int:
    """CLI entry: tag IN (TimeML or TE3input) and write it with TIMEX3 tags to OUT (or stdout)."""
    try:
        doc = read(in_path)
    except (OSError, ValueError, UnicodeDecodeError) as e:
        print(f"chronotope timeml: {in_path}: {e}", file=sys.stderr)
        return 2
    ref = getattr(options, "reference_date", None) if options is not None else None
    if ref and not doc.dct:
        doc.dct = ref
    calendar = getattr(options, "calendar", None) if options is not None else None
    out = annotate(doc, tag_document(doc, calendar))
    if out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as f:
            f.write(out)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":      # python -m chronotope.timeml IN [OUT]
    raise SystemExit(timeml_main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
