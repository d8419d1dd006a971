"""TEI XML to plain text.

Text comes from <text> (front, body, back); divisions, paragraphs, heads and
line groups become paragraph breaks, verse lines line breaks. Inline <note>s
are moved out of the running text: a "[label]" marker stays in place and the
note text is appended after the body, one paragraph per note. Notes that
stand as blocks of their own (e.g. in <back>) stay where they are. Both are
recorded in markers/notes.
"""

from __future__ import annotations

from lxml import etree

from .errors import FormatError
from .html import Extracted
from .textbuild import TextBuilder

TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

BLOCK = {"p", "head", "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "lg", "sp",
         "speaker", "list", "item", "table", "row", "ab", "opener", "closer", "salute", "signed",
         "dateline", "byline", "docTitle", "titlePart", "titlePage", "docAuthor", "docImprint",
         "docDate", "docEdition", "epigraph", "argument", "trailer", "castList", "castItem", "figure",
         "listBibl", "front", "body", "back", "group", "text", "floatingText", "postscript",
         "address", "stage", "listPerson", "listPlace", "listEvent", "label", "u", "spGrp", "q_block"}
LINES = {"l", "addrLine"}
CELLS = {"cell"}
SKIP = {"teiHeader", "fw", "facsimile", "standOff", "sourceDoc"}
# in <choice>, read the regularised/corrected/expanded form
CHOICE_SKIP = {"sic": "corr", "orig": "reg", "abbr": "expan"}
CONTAINERS = BLOCK - {"p", "head", "ab", "speaker", "label", "item", "titlePart", "docAuthor",
                      "docDate", "docImprint", "docEdition", "dateline", "byline", "salute", "signed"}
CONTAINERS |= {"listNote", "noteGrp"}


def _local(el) -> str | None:
    return etree.QName(el).localname if el is not None and isinstance(el.tag, str) else None


def is_tei(root) -> bool:
    return _local(root) in ("TEI", "teiCorpus") and etree.QName(root).namespace in (TEI_NS, None)


_PARSER = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def parse_xml(data: bytes) -> tuple[object, list[str]]:
    """Parse XML strictly; on error retry in recover mode and report what went wrong."""
    try:
        return etree.fromstring(data, etree.XMLParser(**_PARSER)), []
    except etree.XMLSyntaxError as e:
        first = str(e)
    root = None
    try:
        root = etree.fromstring(data, etree.XMLParser(recover=True, **_PARSER))
    except etree.XMLSyntaxError:
        pass
    if root is None:
        raise FormatError(f"malformed XML: {first}")
    return root, [f"malformed XML, read in recovery mode (text may be incomplete): {first}"]


def _clean(s: str) -> str:
    return " ".join(s.split())


def _header(root) -> tuple[str | None, dict]:
    meta: dict = {}
    title = None
    header = next((e for e in root.iter() if _local(e) == "teiHeader"), None)
    if header is not None:
        stmt = next((e for e in header.iter() if _local(e) == "titleStmt"), None)
        if stmt is not None:
            titles = [e for e in stmt if _local(e) == "title"]
            main = [t for t in titles if t.get("type") in ("main", None)] or titles
            if main:
                title = _clean("".join(main[0].itertext())) or None
            authors = [_clean("".join(a.itertext())) for a in stmt if _local(a) == "author"]
            if authors:
                meta["author"] = "; ".join(a for a in authors if a)
        lang = next((e.get("ident") for e in header.iter() if _local(e) == "language" and e.get("ident")), None)
        if lang:
            meta["language"] = lang
    return title, meta


class _Walker:
    def __init__(self, root) -> None:
        self.b = TextBuilder()
        self.moved: list[tuple[object, str]] = []  # inline notes: (element, label)
        self.ids = {el.get(_XML_ID): el for el in root.iter() if isinstance(el.tag, str) and el.get(_XML_ID)}
        self.labels: dict = {}  # note element -> label
        self.auto = 0
        self.used = {el.get("n").strip("[]() ") for el in root.iter() if _local(el) == "note" and el.get("n")}
        # labels written on <ref>s that point at notes
        for el in root.iter():
            if _local(el) == "ref" and (el.get("target") or "").startswith("#"):
                note = self.ids.get(el.get("target")[1:])
                text = _clean("".join(el.itertext())).strip("[]()")
                if note is not None and _local(note) == "note" and text and note.get("n") is None:
                    self.labels.setdefault(note, text)

    def label(self, note) -> str:
        if note not in self.labels:
            n = note.get("n")
            if not n:  # number unnumbered notes, skipping labels the edition uses
                self.auto += 1
                while str(self.auto) in self.used:
                    self.auto += 1
                n = str(self.auto)
            self.labels[note] = n.strip("[]() ")
        return self.labels[note]

    def walk(self, top, skip_top_tail: bool = True) -> None:
        b = self.b
        pending: dict = {}
        walker = etree.iterwalk(top, events=("start", "end"))
        for event, el in walker:
            tag = _local(el)
            if event == "start":
                if tag is None or tag in SKIP or self._choice_skip(el, tag):
                    walker.skip_subtree()
                    continue
                if tag == "note" and el is not top:
                    parent = _local(el.getparent())
                    if parent in CONTAINERS:  # a note standing on its own: keep in place
                        b.brk(2)
                        pending[el] = ("note", b.mark())
                    else:  # inline: move out, leave a marker
                        label = self.label(el)
                        start, end = b.inline(f"[{label}]")
                        b.markers.append((start + 1, end - 1, label))
                        self.moved.append((el, label))
                        walker.skip_subtree()
                        continue
                elif tag in ("ref", "ptr") and (el.get("target") or "").startswith("#") \
                        and _local(self.ids.get(el.get("target")[1:])) == "note":
                    note = self.ids[el.get("target")[1:]]
                    if tag == "ptr" or not _clean("".join(el.itertext())):
                        label = self.label(note)
                        start, end = b.inline(f"[{label}]")
                        b.markers.append((start + 1, end - 1, label))
                    else:
                        pending[el] = ("ref", b.mark())
                if tag in BLOCK or (tag in ("quote", "bibl", "cit", "note") and _local(el.getparent()) in CONTAINERS):
                    b.brk(2)
                elif tag in LINES:
                    b.brk(1)
                elif tag in CELLS:
                    b.space()
                elif tag == "lb":
                    if el.get("break") == "no":
                        b.glue()
                    elif _local(el.getparent()) not in LINES:
                        b.space()
                b.text(el.text)
            else:
                if tag is not None and tag not in SKIP and not self._choice_skip(el, tag):
                    entry = pending.pop(el, None)
                    if entry and entry[0] == "note":
                        b.add_note(entry[1], self.label(el))
                    elif entry:
                        b.add_marker(entry[1])
                    if tag in BLOCK or tag in ("quote", "bibl", "cit", "note") and _local(el.getparent()) in CONTAINERS:
                        b.brk(2)
                    elif tag in LINES:
                        b.brk(1)
                if el is top and skip_top_tail:
                    continue
                if tag == "note" and any(el is m for m, _ in self.moved):
                    b.text(el.tail)  # tail of a moved note stays in the running text
                    continue
                b.text(el.tail)

    @staticmethod
    def _choice_skip(el, tag) -> bool:
        alt = CHOICE_SKIP.get(tag)
        parent = el.getparent()
        return bool(alt and parent is not None and _local(parent) == "choice"
                    and any(_local(s) == alt for s in parent))

    def append_moved_notes(self) -> None:
        b = self.b
        i = 0
        while i < len(self.moved):  # notes inside notes are appended in turn
            note, label = self.moved[i]
            i += 1
            b.brk(2)
            b.inline(f"[{label}]")
            b.space()
            mark = b.mark()
            self.walk_note(note)
            off, seg = b.since(mark)
            if seg:
                b.notes.append((off, off + len(seg), label))

    def walk_note(self, note) -> None:
        # walk the note's content as running text (its own block breaks collapse to spaces)
        self.b.text(note.text)
        for child in note:
            self.walk(child, skip_top_tail=False)


def extract_tei(data: bytes) -> tuple[Extracted, list[str]]:
    root, warnings = parse_xml(data)
    if not is_tei(root):
        raise FormatError(f"not a TEI document (root element <{_local(root)}>)")
    title, meta = _header(root)
    texts = [e for e in root.iter() if _local(e) == "text" and _local(e.getparent()) == "TEI"]
    if not texts:
        raise FormatError("TEI document has no <text> element")
    w = _Walker(root)
    for t in texts:
        w.b.brk(2)
        w.walk(t)
        lang = t.get(_XML_LANG)
        if lang:
            meta.setdefault("language", lang)
    w.append_moved_notes()
    b = w.b
    notes = sorted(b.notes)
    return Extracted(b.getvalue(), title, b.markers, notes, meta), warnings
