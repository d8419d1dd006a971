"""Notes and citations: markers in the text, the notes section, what each note cites.

``markers`` finds the markers, ``section`` the notes section, ``parse`` reads
a note into author / work / place / year / pages.  The pipeline stage
(``chronotope.stages.notes``) puts them together per document;
:func:`link_citations` is the cross-document step that says which cited work
is another document of the run.
"""
from __future__ import annotations

import re

from .markers import Marker, find_markers, markup_markers, merge_markers
from .parse import ParsedNote, parse_note
from .section import Note, NotesSection, find_notes_section

__all__ = ["Marker", "find_markers", "markup_markers", "merge_markers", "ParsedNote", "parse_note",
           "Note", "NotesSection", "find_notes_section", "link_citations", "title_key"]


def title_key(s: str | None) -> str:
    """A title reduced for comparison: lower case, words only, no leading article."""
    k = re.sub(r"[^\w]+", " ", (s or "").lower()).strip()
    return re.sub(r"^(?:the|a|an)\s+", "", k)


def _doc_keys(doc) -> tuple[set[str], set[str]]:
    """Exact keys (title, first line) and file-stem keys of a document."""
    exact = {title_key(doc.title)}
    first = next((ln.strip() for ln in doc.text.splitlines() if ln.strip()), "")
    if 0 < len(first) <= 120:
        exact.add(title_key(first))
    meta_title = doc.meta.get("title") if isinstance(doc.meta, dict) else None
    if meta_title:
        exact.add(title_key(str(meta_title)))
    name = re.split(r"[\\/]", doc.source)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stems = {title_key(stem.replace("_", " ").replace("-", " "))}
    exact.discard("")
    return exact, stems


def link_citations(corpus) -> int:
    """Set ``links_to_doc`` on citations whose cited work is another document of the run.

    A work matches a document whose title, first line or file name is the
    work's title (compared without case, punctuation or a leading article);
    failing that, a document whose file name begins with the title's words
    ("my-life-deportation.txt" for *My Life*) when the title has at least two
    words.  A document never links to itself.  Returns how many were linked.
    """
    keys = [(d, *_doc_keys(d)) for d in corpus.documents]
    linked = 0
    for doc in corpus.documents:
        for c in doc.citations:
            wk = title_key(c.work)
            if not wk:
                continue
            target = None
            for other, exact, stems in keys:
                if other is doc:
                    continue
                if wk in exact or wk in stems:
                    target = other
                    break
            if target is None and len(wk.split()) >= 2:
                for other, exact, stems in keys:
                    if other is not doc and any(s.startswith(wk + " ") for s in stems):
                        target = other
                        break
            if target is not None:
                c.links_to_doc = target.id
                linked += 1
                ent = doc.entities.get(c.entity) if c.entity else None
                if ent is not None:
                    ent.attrs["document"] = target.id
                ent = corpus.entities.get(c.entity) if c.entity else None
                if ent is not None:
                    ent.attrs["document"] = target.id
    return linked
