"""Notes stage: note markers, the notes section, and what each note cites.

Runs first, before the language model's output is used by anyone, so that it
can tell later stages which text is the notes section:
``doc.state["skip_spans"]`` lists normalised ``(start, end)`` spans (the notes
section) that stages looking for narrative facts should ignore.  Author names
found in notes are left in ``doc.state["note_authors"]`` as normalised
``(start, end)`` spans for the people stage.

Each marker becomes a :class:`~chronotope.document.Citation`: ``start``/``end``
cover the whole marker as written, brackets included ("[17]"), ``marker`` is
its label without brackets ("17"), ``note`` the note's text without its
number, ``supports`` the sentence before the marker or, when the marker closes
a block quotation introduced by a line ending in a colon, the quoted passage.
Each cited work becomes a ``work:<slug>`` entity with a ``work`` mention on
its title in the note.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..document import Citation, Document, Entity, slug
from ..notes import (Marker, NotesSection, ParsedNote, find_markers, find_notes_section,
                     markup_markers, merge_markers, parse_note)
from ..notes.section import find_inline_notes, hard_lines
from ..pipeline import BaseStage

MAX_QUOTE_PARAGRAPHS = 10   # how far back a block quotation closed by a marker may start


def make(options=None) -> "NotesStage":
    return NotesStage()


class NotesStage(BaseStage):
    name = "notes"

    def begin(self, doc: Document) -> None:
        try:
            self._begin(doc)
        except Exception as e:  # a note we cannot read must not stop the run
            doc.meta.setdefault("warnings", []).append(f"notes: {type(e).__name__}: {e}")

    def finish(self, doc: Document) -> None:
        try:
            for c, mk in doc.state.get("notes_pending", []):
                span = supported_span(doc, mk)
                if span:
                    s, e = doc.to_source(*span)
                    c.supports = {"start": s, "end": e}
        except Exception as e:
            doc.meta.setdefault("warnings", []).append(f"notes: {type(e).__name__}: {e}")

    # -------------------------------------------------------------------
    def _begin(self, doc: Document) -> None:
        bstart, bend = doc.nbody
        section = _markup_section(doc) or find_notes_section(hard_lines(doc.text, doc.norm, doc.map),
                                                             bstart, bend)
        body_end = section.nstart if section else bend
        markers = merge_markers(find_markers(doc.norm, bstart, body_end),
                                [m for m in markup_markers(doc) if m.nstart < body_end])
        if section is not None and not section.heading and not _markup_used(doc):
            labels = {n.label for n in section.notes}
            if not any(m.label in labels for m in markers):
                section = None
                markers = merge_markers(find_markers(doc.norm, bstart, bend), markup_markers(doc))
        inline = []
        if section is not None and not section.heading and not _markup_used(doc):
            scattered = [n for n in find_inline_notes(doc.norm, doc.paragraphs, bstart, bend)
                         if n.nstart < section.nstart]
            if scattered:       # notes among the paragraphs, the last one merely at the end
                section = None
                markers = merge_markers(find_markers(doc.norm, bstart, bend), markup_markers(doc))
        if section is None:
            inline = find_inline_notes(doc.norm, doc.paragraphs, bstart, bend)
            starts = {n.nstart for n in inline}
            # the labels of inline notes are not markers
            markers = [m for m in markers if not any(m.nend + d in starts for d in range(4))]
            labels = {n.label for n in inline}
            if not any(m.label in labels for m in markers):
                inline = []
        skip = list(doc.state.get("skip_spans", []))
        notes_by_label: dict[str, list] = {}
        parsed: dict[int, ParsedNote] = {}
        if section is not None:
            skip.append((section.nstart, section.nend))
            earlier: list[ParsedNote] = []
            for k, note in enumerate(section.notes):
                pn = parse_note(note.text, earlier, note.label)
                earlier.append(pn)
                parsed[k] = pn
                notes_by_label.setdefault(note.label, []).append(k)
        if inline:
            section = NotesSection(inline[0].nstart, inline[-1].nend, inline, heading=False)
            earlier = []
            for k, note in enumerate(inline):
                pn = parse_note(note.text, earlier, note.label)
                earlier.append(pn)
                parsed[k] = pn
                notes_by_label.setdefault(note.label, []).append(k)
                skip.append((_line_start(doc.norm, note.nstart), note.nend))
        doc.state["skip_spans"] = skip
        authors = doc.state.setdefault("note_authors", [])
        # a repeated label takes its notes in turn (the used ones are always the first few);
        # inline notes: the first note with this label after the marker
        next_unused: dict[str, int] = {}
        label_starts = {label: [section.notes[k].nstart for k in ks] for label, ks in notes_by_label.items()}
        pending = []
        for mk in markers:
            label_ks = notes_by_label.get(mk.label, [])
            if inline:
                j = bisect_right(label_starts.get(mk.label, []), mk.nstart)
                ks = label_ks[j:j + 1]
            else:
                ks = label_ks[next_unused.get(mk.label, 0):]
            if not ks and mk.label.isdigit() is False and not mk.from_markup and section is None:
                continue    # a lone "*" with no notes anywhere is not a marker
            note = None
            pn = None
            if ks:
                k = ks[0]
                if len(label_ks) > 1 and not inline:
                    next_unused[mk.label] = next_unused.get(mk.label, 0) + 1
                note = section.notes[k]
                pn = parsed[k]
            s, e = doc.to_source(mk.nstart, mk.nend)
            c = Citation(doc=doc.id, marker=mk.label, start=s, end=e)
            if note is not None:
                ns, ne = doc.to_source(_lstrip(doc.norm, note.nstart, note.nend), note.nend)
                c.note = {"start": ns, "end": ne, "text": doc.text[ns:ne]}
                c.work, c.pages = pn.work, pn.pages
                c.attributes = pn.attributes()
                if pn.work:
                    c.entity = _work_entity(doc, pn)
            doc.citations.append(c)
            pending.append((c, mk))
        # mentions in the notes: work titles and authors, once per note
        if section is not None:
            for k, note in enumerate(section.notes):
                pn = parsed[k]
                base = _lstrip(doc.norm, note.nstart, note.nend)
                off = doc.norm.find(pn.text, base, note.nend + 1)
                off = base if off < 0 else off
                if pn.work and pn.work_span:
                    ws, we = pn.work_span
                    doc.add_mention("work", off + ws, off + we, entity=f"work:{slug(pn.work)}",
                                    source="notes", confidence=0.9)
                for a_s, a_e in pn.author_spans:
                    authors.append((off + a_s, off + a_e))
        doc.state["notes_pending"] = pending
        doc.state["marker_ends"] = sorted(mk.nend for _, mk in pending)


def _line_start(norm: str, pos: int) -> int:
    return norm.rfind("\n", 0, pos) + 1


def _lstrip(norm: str, s: int, e: int) -> int:
    while s < e and norm[s].isspace():
        s += 1
    return s


def _markup_used(doc: Document) -> bool:
    return bool(doc.meta.get("notes"))


def _markup_section(doc: Document) -> NotesSection | None:
    """Notes the ingest layer found in markup: ``doc.meta["notes"]`` = [(start, end, label)]."""
    from ..notes import Note
    items = doc.meta.get("notes") or []
    notes = []
    for item in items:
        try:
            s, e, label = int(item[0]), int(item[1]), str(item[2]).strip().strip("[]().^")
        except (TypeError, IndexError, ValueError):
            continue
        ns, ne = doc.map.to_norm(s), doc.map.to_norm(e)
        text = doc.norm[ns:ne]
        m = re.match(r"\s*(?:\[\w{1,4}\]|\^?\w{1,3}[.)]?|[*†‡§]+)\s+", text)
        if m and re.sub(r"\W", "", m.group()) == re.sub(r"\W", "", label):
            ns += m.end()
        notes.append(Note(label, ns, ne, doc.norm[ns:ne].strip()))
    if not notes:
        return None
    notes.sort(key=lambda n: n.nstart)
    return NotesSection(notes[0].nstart, notes[-1].nend, notes, heading=True)


def _work_entity(doc: Document, pn: ParsedNote) -> str:
    eid = f"work:{slug(pn.work)}"
    ent = doc.entities.get(eid)
    if ent is None:
        attrs = {k: v for k, v in (("author", pn.author), ("place", pn.place), ("year", pn.year),
                                   ("publisher", pn.publisher)) if v}
        doc.entities[eid] = Entity(id=eid, kind="work", name=pn.work, aliases=[pn.work],
                                   confidence=0.9, attrs=attrs)
    else:
        for k, v in (("author", pn.author), ("place", pn.place), ("year", pn.year)):
            if v and k not in ent.attrs:
                ent.attrs[k] = v
    return eid


_ABBREVIATION = re.compile(r"^(?:[A-Z]\.|Mr\.|Mrs\.|Dr\.|St\.|Mme\.|Prof\.|Gen\.|Col\.|Capt\.|Lt\.|Rev\.|"
                           r"vol\.|p\.|pp\.|cf\.|i\.e\.|e\.g\.|No\.)$")
_SENT_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def supported_span(doc: Document, mk: Marker) -> tuple[int, int] | None:
    """What a marker supports (normalised span): a quoted block or the sentence before it."""
    norm = doc.norm
    para = doc.paragraph_at(mk.nstart)
    if para is None:
        return None
    before = mk.nstart
    while before > para.nstart and norm[before - 1].isspace():
        before -= 1
    after = norm[mk.nend:para.nend].strip()
    if not after:
        block = _quoted_block(doc, para)
        if block is not None:
            return block[0], before
    # the sentence that ends just before the marker (found by punctuation: the
    # language model's sentences are unreliable right next to "[17]")
    start = para.nstart
    for m in _SENT_END.finditer(norm, para.nstart, max(para.nstart, before - 1)):
        word = re.search(r"(\S+)$", norm[para.nstart:m.start() + 1])
        if word and _ABBREVIATION.match(word.group(1)):
            continue
        start = m.end()
    # a preceding marker inside the same sentence ends the previous claim
    ends = doc.state.get("marker_ends", [])
    k = bisect_left(ends, before) - 1
    if k >= 0 and ends[k] > start:
        start = ends[k]
    if before <= start:
        return None
    return start, before


def _quoted_block(doc: Document, para) -> tuple[int, int] | None:
    """When a run of paragraphs follows one ending in ':' and closes with the marker, that run."""
    paras = doc.paragraphs
    idx = bisect_left(doc.paragraph_starts, para.nstart)
    if idx >= len(paras) or paras[idx].nstart != para.nstart:
        return None
    norm = doc.norm
    for back in range(0, MAX_QUOTE_PARAGRAPHS):
        i = idx - back
        if i <= 0:
            return None
        prev = paras[i - 1]
        ptext = norm[prev.nstart:prev.nend].rstrip()
        if ptext.endswith(":"):
            return paras[i].nstart, para.nend
        if find_markers(norm, prev.nstart, prev.nend):
            return None
    return None
