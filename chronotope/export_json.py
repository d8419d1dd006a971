"""The JSON export (shared/contract/export.md): a thin layer over the document model.

Field names in the contract are fixed; extra fields are allowed and used for
what a historian needs besides (confidence, calendars, candidates, ...).
Internal working fields (normalised offsets) are never written.
"""
from __future__ import annotations

import json
from typing import Any

from .document import Corpus, Document

FORMAT_VERSION = 1


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != {} and v != []}


def document_json(doc: Document, include_text: bool = True) -> dict:
    out = {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "sha256": doc.sha256,
        "length": len(doc.text),
        "format": doc.format,
        "encoding": doc.encoding,
        "body": {"start": doc.body[0], "end": doc.body[1]},
        "paragraphs": len(doc.paragraphs),
        "sentences": len(doc.sentences),
        "meta": {k: v for k, v in doc.meta.items() if k not in ("markers", "notes") and _jsonable(v)},
    }
    if include_text:
        out["text"] = doc.text
    return out


def _jsonable(v: Any) -> bool:
    try:
        json.dumps(v)
        return True
    except (TypeError, ValueError):
        return False


def mention_json(m) -> dict:
    out = {
        "id": m.id, "doc": m.doc, "start": m.start, "end": m.end, "text": m.text,
        "kind": m.kind, "entity": m.entity, "value": m.value, "calendar": m.calendar,
        "gregorian_value": m.gregorian_value, "earliest": m.earliest, "latest": m.latest,
        "anchor": m.anchor, "quantity": m.quantity, "confidence": round(m.confidence, 3),
        "source": m.source or None,
    }
    out = _clean(out)
    out.setdefault("entity", None)
    if m.attrs:
        out["attributes"] = m.attrs
    return out


def entity_json(e) -> dict:
    out = {"id": e.id, "kind": e.kind, "name": e.name, "aliases": list(e.aliases),
           "geo": e.geo, "confidence": round(e.confidence, 3)}
    if e.attrs:
        out["attributes"] = e.attrs
    return out


def event_json(ev) -> dict:
    return {
        "id": ev.id, "type": ev.type, "doc": ev.doc, "start": ev.start, "end": ev.end,
        "date": ev.date, "place": ev.place,
        "participants": [{"entity": p.entity, "role": p.role} for p in ev.participants],
        "attributes": ev.attributes, "confidence": round(ev.confidence, 3),
    }


def leg_json(leg) -> dict:
    out = {
        "from": leg.from_place, "to": leg.to_place, "modes": list(leg.modes),
        "depart": leg.depart, "arrive": leg.arrive, "distance_km": leg.distance_km,
        "duration": leg.duration, "evidence": list(leg.evidence),
    }
    if leg.event:
        out["event"] = leg.event
    if leg.attributes:
        out["attributes"] = leg.attributes
    return out


def journey_json(j) -> dict:
    out = {"id": j.id, "travellers": list(j.travellers), "legs": [leg_json(l) for l in j.legs]}
    if j.attributes:
        out["attributes"] = j.attributes
    return out


def citation_json(c) -> dict:
    out = {"doc": c.doc, "marker": c.marker, "start": c.start, "end": c.end, "note": c.note,
           "work": c.work, "pages": c.pages, "supports": c.supports, "links_to_doc": c.links_to_doc}
    if c.entity:
        out["entity"] = c.entity
    if c.attributes:
        out["attributes"] = c.attributes
    return out


def issue_json(i) -> dict:
    out = {"doc": i.doc, "start": i.start, "end": i.end, "kind": i.kind, "message": i.message}
    if i.attributes:
        out["attributes"] = i.attributes
    return out


def _sections(corpus: Corpus, include_text: bool = True) -> list[tuple[str, Any]]:
    """The export's top-level fields in order; the big arrays as generators of items."""
    docs = corpus.documents
    # Reading order within each document, whichever stage added an item first.
    order = lambda x: (x.start, x.end)
    return [
        ("format", "chronotope-export"),
        ("version", FORMAT_VERSION),
        ("documents", (document_json(d, include_text) for d in docs)),
        ("mentions", (mention_json(m) for d in docs for m in sorted(d.mentions, key=lambda m: (m.start, m.end, m.kind)))),
        ("entities", (entity_json(e) for e in sorted(corpus.entities.values(), key=lambda e: e.id))),
        ("events", (event_json(ev) for d in docs for ev in sorted(d.events, key=order))),
        ("journeys", (journey_json(j) for j in corpus.journeys)),
        ("citations", (citation_json(c) for d in docs for c in sorted(d.citations, key=order))),
        ("issues", (issue_json(i) for d in docs for i in sorted(d.issues, key=lambda i: (i.start, i.end, i.kind)))),
    ]


def corpus_to_json(corpus: Corpus, include_text: bool = True) -> dict:
    """The whole export for a corpus, in the contract's shape."""
    return {key: list(value) if not isinstance(value, (str, int)) else value
            for key, value in _sections(corpus, include_text)}


def write_json(data: dict, path: str) -> None:
    """Write atomically, so a failed run never leaves half a file behind."""
    _write_atomically(path, lambda f: json.dump(data, f, ensure_ascii=False, indent=1))


def write_corpus_json(corpus: Corpus, path: str, include_text: bool = True) -> None:
    """Write the export of a corpus item by item, never holding all of it in memory.

    The bytes are those of ``write_json(corpus_to_json(corpus), path)``: each
    item is encoded as ``json.dump(..., indent=1)`` would at its depth (JSON
    strings hold no raw newlines, so indenting every line of an item's own
    encoding by its depth gives the same text).
    """
    _write_atomically(path, lambda f: _stream(f, _sections(corpus, include_text)))


def _stream(f, sections: list[tuple[str, Any]]) -> None:
    encode = json.JSONEncoder(ensure_ascii=False, indent=1).encode
    f.write("{")
    for k, (key, value) in enumerate(sections):
        f.write(("," if k else "") + "\n " + encode(key) + ": ")
        if isinstance(value, (str, int)):
            f.write(encode(value))
            continue
        first = True
        for item in value:
            f.write(("[" if first else ",") + "\n  " + encode(item).replace("\n", "\n  "))
            first = False
        f.write("[]" if first else "\n ]")
    f.write("\n}")


def _write_atomically(path: str, write) -> None:
    import os
    import tempfile
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".chronotope-", suffix=".json", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            write(f)
            f.write("\n")
        os.chmod(tmp, 0o666 & ~_umask())    # mkstemp makes files private; an export is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    import os
    mask = os.umask(0)
    os.umask(mask)
    return mask
