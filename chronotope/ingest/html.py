"""HTML/XHTML to plain text with paragraph breaks, note markers and notes.

lxml parses (it copes with broken markup); this module only walks the tree:
blocks become "\n\n", inline whitespace collapses, script/style/head are
dropped, and footnote references (<sup>17</sup>, <a class="noteref">,
epub:type="noteref") and footnote bodies (footnote lists, aside
epub:type="footnote", targets of note links) are recorded with offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from .errors import FormatError
from .textbuild import MARKER_RE, TextBuilder

SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
        "canvas", "select", "button", "input", "textarea", "map", "audio", "video"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
         "tr", "table", "thead", "tbody", "tfoot", "caption", "blockquote", "section", "article",
         "aside", "header", "footer", "nav", "main", "figure", "figcaption", "pre", "hr",
         "address", "body", "details", "summary", "fieldset", "form", "center", "hgroup",
         "legend", "listing", "menu", "dir", "noframes", "frameset", "frame", "plaintext", "xmp"}
CELLS = {"td", "th"}
NOTE_BLOCKS = {"p", "div", "li", "dd", "aside", "section", "blockquote", "td", "footer", "table"}
_NOTE_WORDS = re.compile(r"(?:^|[\s_-])(?:foot-?notes?|end-?notes?|rear-?notes?|notes?)(?:$|[\s_-])", re.I)
_REF_CLASS = re.compile(r"noteref|footnote-?ref|fnref|fnanchor|note-?anchor|footnote-?link|endnote-?ref", re.I)
_XML_DECL = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")


@dataclass
class Extracted:
    text: str
    title: str | None = None
    markers: list[tuple[int, int, str]] = field(default_factory=list)
    notes: list[tuple[int, int, str]] = field(default_factory=list)
    meta: dict = field(default_factory=dict)


def parse(text: str):
    """Parse HTML/XHTML text into an lxml tree (XML declaration removed: lxml rejects it in str)."""
    m = _XML_DECL.match(text)
    if m:
        text = text[m.end():]
    if not text.strip():
        raise FormatError("empty file")
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise FormatError(f"cannot parse HTML: {e}") from None


def _attr(el, suffix: str) -> str:
    """Attribute by local name, whatever the prefix (epub:type, {ns}type)."""
    for k, v in el.attrib.items():
        if k == suffix or k.endswith(":" + suffix) or k.endswith("}" + suffix):
            return v
    return ""


def _tag(el) -> str | None:
    t = el.tag
    if not isinstance(t, str):
        return None  # comment / processing instruction
    return t.rsplit("}", 1)[-1].lower()


def _label_of(s: str) -> str | None:
    m = MARKER_RE.match(" ".join(s.split()))
    return m.group(1) if m else None


def _is_ref_link(el) -> bool:
    if _tag(el) != "a":
        return False
    kinds = _attr(el, "type") + " " + (el.get("role") or "")
    return bool(re.search(r"noteref|doc-noteref|doc-biblioref", kinds)
                or _REF_CLASS.search(el.get("class") or ""))


def _ids(root) -> dict:
    """id (or old-style <a name>) -> element."""
    by_id: dict = {}
    for el in root.iter():
        if isinstance(el.tag, str):
            for key in ("id", "name"):
                v = el.get(key)
                if v and v not in by_id:
                    by_id[v] = el
    return by_id


def collect_note_targets(root, later=None) -> dict[str, str]:
    """id -> label for every element a note marker links to.

    Only forward links count: a note's link back to its marker points
    backwards. For links into other files, later(file) says whether that file
    comes after this one (EPUB spine order); without it they are accepted.
    """
    targets: dict[str, str] = {}
    by_id = _ids(root)
    order = None
    for a in root.iter("a", "{http://www.w3.org/1999/xhtml}a"):
        href = a.get("href") or ""
        if "#" not in href:
            continue
        file, frag = href.split("#", 1)
        label = _label_of(a.text_content())
        if label is None or not frag:
            continue
        in_sup = any(_tag(p) == "sup" for p in a.iterancestors())
        if not (_is_ref_link(a) or in_sup or label.isdigit() or re.fullmatch(r"[*†‡§¶‖]+", label)
                or re.match(r"\s*\[", a.text_content())):
            continue
        if "backlink" in (_attr(a, "type") + " " + (a.get("role") or "")):
            continue
        if not file:
            target = by_id.get(frag)
            if target is None:
                continue
            if order is None:
                order = {el: i for i, el in enumerate(root.iter())}
            if order.get(target, -1) <= order[a]:
                continue
        elif later is not None and not later(file):
            continue
        targets.setdefault(frag, label)
    return targets


def _find_notes(root, targets: dict[str, str]) -> dict:
    """Elements holding one note each -> label (None: read it from the note text)."""
    notes: dict = {}
    by_id = _ids(root)
    for ident, label in targets.items():
        el = by_id.get(ident)
        if el is None:
            continue
        while _tag(el) not in NOTE_BLOCKS and el.getparent() is not None:
            el = el.getparent()
        if _tag(el) in ("body", "html") or el.getparent() is None:
            continue
        notes.setdefault(el, label)
    for el in root.iter():
        if not isinstance(el.tag, str) or el in notes:
            continue
        kinds = _attr(el, "type") + " " + (el.get("role") or "")
        if re.search(r"\b(?:foot|end|rear)?note\b|doc-(?:foot|end)note\b", kinds) and "noteref" not in kinds \
                and _tag(el) not in ("a", "sup", "span", "ol", "ul", "section", "body"):
            notes[el] = targets.get(el.get("id") or "")
        elif _is_note_list(el):
            start = int(el.get("start")) if (el.get("start") or "").isdigit() else 1
            for i, li in enumerate(c for c in el if _tag(c) == "li"):
                notes.setdefault(li, targets.get(li.get("id") or "", str(start + i) if _tag(el) == "ol" else None))
        elif _tag(el) in ("div", "p") and re.search(r"(?:^|\s)(?:foot|end)note(?:$|\s)", el.get("class") or "", re.I):
            notes.setdefault(el, targets.get(el.get("id") or ""))
    # keep only outermost notes
    return {el: lab for el, lab in notes.items() if not any(a in notes for a in el.iterancestors())}


def _is_note_list(el) -> bool:
    """<ol>/<ul> of footnotes: class/id says so, or its parent is marked as the notes section."""
    if _tag(el) not in ("ol", "ul"):
        return False
    parent = el.getparent()
    labels = [el.get("class") or "", el.get("id") or ""]
    if parent is not None:
        labels += [_attr(parent, "type"), parent.get("role") or "", parent.get("class") or "", parent.get("id") or ""]
    return any(_NOTE_WORDS.search(x) or "doc-endnotes" in x for x in labels)


def _meta(root) -> tuple[str | None, dict]:
    meta: dict = {}
    title = None
    for t in root.iter("title", "{http://www.w3.org/1999/xhtml}title"):
        if any(_tag(a) in ("svg", "math") for a in t.iterancestors()):
            continue
        title = " ".join(t.text_content().split()) or None
        break
    for m in root.iter("meta", "{http://www.w3.org/1999/xhtml}meta"):
        name = (m.get("name") or m.get("property") or "").lower()
        content = (m.get("content") or "").strip()
        if not content:
            continue
        if name in ("author", "dc.creator", "dcterms.creator", "citation_author") and "author" not in meta:
            meta["author"] = content
        elif name in ("dc.title", "dcterms.title", "og:title", "citation_title") and not title:
            title = content
        elif name in ("dc.language", "dcterms.language") and "language" not in meta:
            meta["language"] = content
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang and "language" not in meta:
        meta["language"] = lang
    if not title:
        for h in root.iter("h1", "{http://www.w3.org/1999/xhtml}h1"):
            title = " ".join(h.text_content().split()) or None
            break
    return title, meta


def extract_tree(root, targets: dict[str, str] | None = None) -> Extracted:
    """Walk a parsed HTML tree into text + markers + notes."""
    if targets is None:
        targets = collect_note_targets(root)
    note_elems = _find_notes(root, targets)
    b = TextBuilder()
    pre = 0
    open_marks: dict = {}  # element -> ("marker"|"note", mark, label)
    in_marker = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = _tag(el)
        if event == "start":
            if tag is None or tag in SKIP:
                walker.skip_subtree()
                continue
            if tag in BLOCK:
                b.brk(2)
            elif tag == "br":
                b.brk(1, add=True)
            elif tag in CELLS:
                b.space()
            if tag == "pre":
                pre += 1
            if el in note_elems:
                b.brk(2)
                open_marks[el] = ("note", b.mark(), note_elems[el])
            elif not in_marker and (tag == "sup" or (tag == "a" and _is_marker_link(el, targets))):
                open_marks[el] = ("marker", b.mark(), None)
                in_marker += 1
            b.text(el.text, pre > 0)
        else:
            if tag is not None and tag not in SKIP:
                entry = open_marks.pop(el, None)
                if entry:
                    kind, mark, label = entry
                    if kind == "note":
                        b.add_note(mark, label)
                        b.brk(2)
                    else:
                        in_marker -= 1
                        off, seg = b.since(mark)
                        if tag == "a" or _sup_is_marker(seg, b, off):
                            b.add_marker(mark)
                if tag == "pre":
                    pre -= 1
                if tag in BLOCK:
                    b.brk(2)
            b.text(el.tail, pre > 0)
    title, meta = _meta(root)
    return Extracted(b.getvalue(), title, b.markers, b.notes, meta)


def _is_marker_link(a, targets: dict[str, str]) -> bool:
    href = a.get("href") or ""
    if _is_ref_link(a):
        return True
    return "#" in href and href.split("#", 1)[1] in targets


def _sup_is_marker(seg: str, b: TextBuilder, off: int) -> bool:
    """A <sup> is a note marker unless it is an ordinal such as 2<sup>e</sup> or 1<sup>o</sup>."""
    m = MARKER_RE.match(seg)
    if not m:
        return False
    return not (m.group(1).isalpha() and _char_before(b, off).isdigit())


def _char_before(b: TextBuilder, off: int) -> str:
    """The character at off-1 in the text built so far."""
    pos = b.pos
    for part in reversed(b.parts):
        if pos - len(part) < off:
            i = off - 1 - (pos - len(part))
            return part[i] if 0 <= i < len(part) else ""
        pos -= len(part)
    return ""


def extract_html(text: str) -> Extracted:
    return extract_tree(parse(text))
