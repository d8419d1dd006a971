"""SQLite storage: one database file holds every document and what was found in it.

The schema is documented in docs/schema.md and below, table by table.  Each
document is written in one transaction: re-extracting a document with the
same content hash first deletes its derived rows, so re-running never
duplicates anything, and a failure leaves the database as it was before that
document.  Entities are shared across documents (their ids are deterministic:
``person:leon-trotsky``, ``place:geonames:1526384``), so the same person in two
files is one row; an entity no document mentions any more is removed.
Curation tables (``corrections``) belong to the web app and are never touched
here.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from typing import Iterable

from .document import (Citation, Corpus, Document, Entity, Event, Journey, Leg,
                       Mention, Participant, SourceIssue, Span)

SCHEMA_VERSION = 1

SCHEMA = """
-- One row per source document; text is exactly as decoded (offsets index it).
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,            -- file stem slug + first 8 hex of sha256
    source TEXT NOT NULL,           -- input path as given
    title TEXT,
    sha256 TEXT NOT NULL UNIQUE,    -- content hash of the text: same hash = same document
    length INTEGER NOT NULL,        -- characters (code points)
    format TEXT,                    -- text | markdown | html | epub | pdf | tei
    encoding TEXT,
    body_start INTEGER, body_end INTEGER,   -- part extracted from (Gutenberg licence excluded)
    meta TEXT,                      -- JSON
    text TEXT NOT NULL,
    extracted_at TEXT DEFAULT (datetime('now'))
);
-- Sentences as the language model split them (reading view, evidence).
CREATE TABLE IF NOT EXISTS sentences (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    nstart INTEGER, nend INTEGER
);
CREATE INDEX IF NOT EXISTS sentences_doc ON sentences(doc, start);
-- Things that mentions refer to, shared by all documents.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,            -- kind:key, stable across runs
    kind TEXT NOT NULL,             -- person | place | organization | work
    name TEXT NOT NULL,
    aliases TEXT,                   -- JSON list of other names used
    lat REAL, lon REAL,             -- places: resolved coordinates
    modern_name TEXT, gazetteer_id TEXT, feature TEXT,
    geo TEXT,                       -- JSON, as exported
    confidence REAL,
    attributes TEXT                 -- JSON
);
-- Which documents mention which entities (lets orphans be removed).
CREATE TABLE IF NOT EXISTS document_entities (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    PRIMARY KEY (doc, entity)
);
-- A stretch of text naming something: a person, place, date, quantity...
CREATE TABLE IF NOT EXISTS mentions (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,   -- offsets into documents.text
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity TEXT,
    value TEXT, calendar TEXT, gregorian_value TEXT, earliest TEXT, latest TEXT, anchor TEXT,
    quantity_value REAL, quantity_unit TEXT,
    confidence REAL, source TEXT,
    nstart INTEGER, nend INTEGER,   -- offsets into the normalised view (internal)
    quantity TEXT, attributes TEXT  -- JSON
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc, start);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
-- Something that happened: travel, communication, or an act of persecution.
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,   -- evidence span
    evidence TEXT,
    date_value TEXT, date_earliest TEXT, date_latest TEXT,
    place TEXT,
    confidence REAL,
    nstart INTEGER, nend INTEGER,
    attributes TEXT                 -- JSON
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc, start);
CREATE TABLE IF NOT EXISTS event_participants (
    event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_event ON event_participants(event);
-- Journeys as told in one document; linking chains them across documents.
CREATE TABLE IF NOT EXISTS journeys (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    travellers TEXT,                -- JSON list of entity ids
    attributes TEXT
);
CREATE TABLE IF NOT EXISTS legs (
    journey TEXT NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    from_place TEXT, to_place TEXT,
    modes TEXT,                     -- JSON list
    depart TEXT, arrive TEXT, distance_km REAL, duration TEXT,
    evidence TEXT,                  -- JSON list of {doc,start,end}
    event TEXT,
    attributes TEXT,
    PRIMARY KEY (journey, seq)
);
-- Note markers, their notes, and the works they cite.
CREATE TABLE IF NOT EXISTS citations (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    marker TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    note_start INTEGER, note_end INTEGER, note_text TEXT,
    work TEXT, pages TEXT,
    supports_start INTEGER, supports_end INTEGER,
    links_to_doc TEXT,
    entity TEXT,
    attributes TEXT
);
CREATE INDEX IF NOT EXISTS citations_doc ON citations(doc, start);
-- Problems found in the sources themselves.
CREATE TABLE IF NOT EXISTS issues (
    doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    attributes TEXT
);
-- Full-text search over document text (external content: no second copy).
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TABLE IF NOT EXISTS chronotope_meta (key TEXT PRIMARY KEY, value TEXT);
"""


class StorageError(RuntimeError):
    """The database cannot be opened or written."""


def connect(path: str) -> sqlite3.Connection:
    """Open (creating if needed) a chronotope database in WAL mode."""
    try:
        conn = sqlite3.connect(path, timeout=60, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(SCHEMA)
        conn.execute("INSERT OR REPLACE INTO chronotope_meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    except sqlite3.DatabaseError as e:
        raise StorageError(f"{path}: not a usable chronotope database ({e})") from e
    return conn


def _j(v) -> str | None:
    return None if v is None or v == {} or v == [] else json.dumps(v, ensure_ascii=False)


def _unj(v, default=None):
    return json.loads(v) if v else default


def save_document(conn: sqlite3.Connection, doc: Document, entities: dict[str, Entity]) -> None:
    """Write one document and its annotations in one transaction (replacing an earlier copy)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for (old,) in conn.execute("SELECT id FROM documents WHERE sha256 = ? OR id = ?", (doc.sha256, doc.id)).fetchall():
            _delete_document(conn, old)
        conn.execute(
            "INSERT INTO documents (id, source, title, sha256, length, format, encoding, body_start, body_end, meta, text)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.source, doc.title, doc.sha256, len(doc.text), doc.format, doc.encoding,
             doc.body[0], doc.body[1], _j({k: v for k, v in doc.meta.items() if _plain(v)}), doc.text))
        conn.executemany("INSERT INTO sentences VALUES (?,?,?,?,?)",
                         ((doc.id, sp.start, sp.end, sp.nstart, sp.nend) for sp in doc.sentences))
        conn.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((m.id, m.doc, m.start, m.end, m.text, m.kind, m.entity, m.value, m.calendar,
              m.gregorian_value, m.earliest, m.latest, m.anchor,
              (m.quantity or {}).get("value"), (m.quantity or {}).get("unit"),
              m.confidence, m.source, m.nstart, m.nend, _j(m.quantity), _j(m.attrs)) for m in doc.mentions))
        conn.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((e.id, e.doc, e.type, e.start, e.end, doc.text[e.start:e.end],
              (e.date or {}).get("value"), (e.date or {}).get("earliest"), (e.date or {}).get("latest"),
              e.place, e.confidence, e.nstart, e.nend, _j(e.attributes)) for e in doc.events))
        conn.executemany("INSERT INTO event_participants VALUES (?,?,?)",
                         ((e.id, p.entity, p.role) for e in doc.events for p in e.participants))
        for j in doc.journeys:
            conn.execute("INSERT INTO journeys VALUES (?,?,?,?)", (j.id, doc.id, _j(j.travellers), _j(j.attributes)))
            conn.executemany(
                "INSERT INTO legs VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                ((j.id, k, l.from_place, l.to_place, _j(l.modes), l.depart, l.arrive, l.distance_km,
                  l.duration, _j(l.evidence), l.event, _j(l.attributes)) for k, l in enumerate(j.legs)))
        conn.executemany(
            "INSERT INTO citations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((c.doc, c.marker, c.start, c.end, (c.note or {}).get("start"), (c.note or {}).get("end"),
              (c.note or {}).get("text"), c.work, c.pages, (c.supports or {}).get("start"),
              (c.supports or {}).get("end"), c.links_to_doc, c.entity, _j(c.attributes)) for c in doc.citations))
        conn.executemany("INSERT INTO issues VALUES (?,?,?,?,?,?)",
                         ((i.doc, i.start, i.end, i.kind, i.message, _j(i.attributes)) for i in doc.issues))
        used = _entities_used(doc)
        for eid in used:
            e = entities.get(eid) or doc.entities.get(eid)
            if e is not None:
                _upsert_entity(conn, e)
        conn.executemany("INSERT OR IGNORE INTO document_entities VALUES (?,?)", ((doc.id, eid) for eid in used))
        _drop_orphans(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _plain(v) -> bool:
    try:
        json.dumps(v)
        return True
    except (TypeError, ValueError):
        return False


def _entities_used(doc: Document) -> set[str]:
    used = {m.entity for m in doc.mentions if m.entity}
    used |= {p.entity for e in doc.events for p in e.participants}
    used |= {e.place for e in doc.events if e.place}
    used |= {c.entity for c in doc.citations if c.entity}
    for j in doc.journeys:
        used |= set(j.travellers)
        used |= {x for l in j.legs for x in (l.from_place, l.to_place) if x}
    return used


def _upsert_entity(conn: sqlite3.Connection, e: Entity) -> None:
    row = conn.execute("SELECT aliases FROM entities WHERE id = ?", (e.id,)).fetchone()
    aliases = list(dict.fromkeys(list(e.aliases) + (_unj(row[0], []) if row else [])))
    geo = e.geo or {}
    conn.execute(
        "INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (e.id, e.kind, e.name, _j(aliases), geo.get("lat"), geo.get("lon"), geo.get("name"),
         geo.get("gazetteer_id"), geo.get("feature"), _j(e.geo), e.confidence, _j(e.attrs)))


def _delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    # ON DELETE CASCADE removes mentions, events (and participants), journeys (and legs),
    # citations, issues and document_entities.
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))


def _drop_orphans(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity FROM document_entities)")


def delete_document(path: str, doc_id: str) -> None:
    with closing(connect(path)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        _delete_document(conn, doc_id)
        _drop_orphans(conn)
        conn.execute("COMMIT")


def save_corpus(path: str, corpus: Corpus) -> None:
    """Write every document of a corpus, one transaction each."""
    with closing(connect(path)) as conn:
        for doc in corpus.documents:
            save_document(conn, doc, corpus.entities)


def document_ids(path: str) -> list[str]:
    with closing(connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY source, id")]


def load_corpus(path: str, doc_ids: Iterable[str] | None = None) -> Corpus:
    """Rebuild the document model from the database (all documents, or the ones named)."""
    with closing(connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        if doc_ids is None:
            rows = conn.execute("SELECT * FROM documents ORDER BY source, id").fetchall()
        else:
            ids = list(doc_ids)
            rows = [r for i in ids for r in conn.execute("SELECT * FROM documents WHERE id = ?", (i,))]
        corpus = Corpus()
        for r in rows:
            corpus.documents.append(_load_document(conn, r))
        used = set()
        for d in corpus.documents:
            used |= _entities_used(d)
        for eid in sorted(used):
            r = conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone()
            if r is not None:
                corpus.entities[eid] = Entity(id=r["id"], kind=r["kind"], name=r["name"],
                                              aliases=_unj(r["aliases"], []), geo=_unj(r["geo"]),
                                              confidence=r["confidence"] if r["confidence"] is not None else 1.0,
                                              attrs=_unj(r["attributes"], {}))
        return corpus


def _load_document(conn: sqlite3.Connection, r: sqlite3.Row) -> Document:
    doc = Document(r["text"], source=r["source"], title=r["title"], sha256=r["sha256"],
                   format=r["format"] or "text", encoding=r["encoding"],
                   body=(r["body_start"], r["body_end"]), meta=_unj(r["meta"], {}), doc_id=r["id"])
    doc.sentences = [Span(r["start"], r["end"], r["nstart"], r["nend"])
                     for r in conn.execute("SELECT * FROM sentences WHERE doc = ? ORDER BY start", (doc.id,))]
    for m in conn.execute('SELECT * FROM mentions WHERE doc = ? ORDER BY start, "end", kind', (doc.id,)):
        doc.mentions.append(Mention(
            id=m["id"], doc=m["doc"], start=m["start"], end=m["end"], text=m["text"], kind=m["kind"],
            nstart=m["nstart"] or 0, nend=m["nend"] or 0, entity=m["entity"], value=m["value"],
            calendar=m["calendar"], gregorian_value=m["gregorian_value"], earliest=m["earliest"],
            latest=m["latest"], anchor=m["anchor"], quantity=_unj(m["quantity"]),
            confidence=m["confidence"] if m["confidence"] is not None else 1.0,
            source=m["source"] or "", attrs=_unj(m["attributes"], {})))
    parts: dict[str, list[Participant]] = {}
    for p in conn.execute("SELECT p.* FROM event_participants p JOIN events e ON e.id = p.event WHERE e.doc = ?", (doc.id,)):
        parts.setdefault(p["event"], []).append(Participant(p["entity"], p["role"]))
    for e in conn.execute("SELECT * FROM events WHERE doc = ? ORDER BY start, \"end\"", (doc.id,)):
        date = {k: e["date_" + k] for k in ("value", "earliest", "latest") if e["date_" + k] is not None} or None
        doc.events.append(Event(id=e["id"], type=e["type"], doc=e["doc"], start=e["start"], end=e["end"],
                                nstart=e["nstart"] or 0, nend=e["nend"] or 0, date=date, place=e["place"],
                                participants=parts.get(e["id"], []), attributes=_unj(e["attributes"], {}),
                                confidence=e["confidence"] if e["confidence"] is not None else 1.0))
    for j in conn.execute("SELECT * FROM journeys WHERE doc = ? ORDER BY rowid", (doc.id,)):
        legs = [Leg(from_place=l["from_place"], to_place=l["to_place"], modes=_unj(l["modes"], []),
                    depart=l["depart"], arrive=l["arrive"], distance_km=l["distance_km"],
                    duration=l["duration"], evidence=_unj(l["evidence"], []), event=l["event"],
                    attributes=_unj(l["attributes"], {}))
                for l in conn.execute("SELECT * FROM legs WHERE journey = ? ORDER BY seq", (j["id"],))]
        doc.journeys.append(Journey(id=j["id"], travellers=_unj(j["travellers"], []), legs=legs,
                                    attributes=_unj(j["attributes"], {})))
    for c in conn.execute("SELECT * FROM citations WHERE doc = ? ORDER BY start", (doc.id,)):
        doc.citations.append(Citation(
            doc=c["doc"], marker=c["marker"], start=c["start"], end=c["end"],
            note={"start": c["note_start"], "end": c["note_end"], "text": c["note_text"]} if c["note_start"] is not None else None,
            work=c["work"], pages=c["pages"],
            supports={"start": c["supports_start"], "end": c["supports_end"]} if c["supports_start"] is not None else None,
            links_to_doc=c["links_to_doc"], entity=c["entity"], attributes=_unj(c["attributes"], {})))
    for i in conn.execute("SELECT * FROM issues WHERE doc = ? ORDER BY start", (doc.id,)):
        doc.issues.append(SourceIssue(doc=i["doc"], start=i["start"], end=i["end"], kind=i["kind"],
                                      message=i["message"], attributes=_unj(i["attributes"], {})))
    return doc


def search(path: str, query: str, limit: int = 20) -> list[dict]:
    """Full-text search over documents; returns document ids with a highlighted snippet."""
    with closing(connect(path)) as conn:
        try:
            rows = conn.execute(
                "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', ' … ', 12) FROM documents_fts"
                " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit)).fetchall()
        except sqlite3.OperationalError as e:
            raise StorageError(f"bad search query {query!r}: {e}") from e
    return [{"doc": r[0], "title": r[1], "snippet": r[2]} for r in rows]
