"""Curation: a historian's accept / reject / correct / merge / split, kept apart from extracted data.

Corrections live in their own table (``corrections``) in the same SQLite
file; extraction never writes or deletes it (``storage`` replaces a
document's derived rows on re-extraction and leaves this table alone).  A
correction is keyed by what survives re-extraction, never by a generated row
id:

- a mention, event or journey leg by its evidence: ``(doc, kind, start, end)``
  — the document id carries the content hash, the offsets index its text,
  ``kind`` is the mention kind, the event type as extracted, or the leg's
  ``from>to`` places;
- an entity by its deterministic id (``person:leon-trotsky``,
  ``place:geonames:1526384``).

Corrections are applied, in the order they were made, to the contract
export dict every time the app (or an export) reads the database, so a
re-extracted document gets them again.  Nothing is ever deleted: a
correction can be retracted (``active = 0``), and one whose fact is no
longer found is reported as unmatched, not dropped.
"""
from __future__ import annotations

import copy
import json
import sqlite3
from contextlib import closing
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    action TEXT NOT NULL,          -- accept | reject | correct | merge | split
    target TEXT NOT NULL,          -- mention | event | leg | entity
    doc TEXT,                      -- evidence key: document id (carries the content hash)
    kind TEXT,                     -- mention kind / event type as extracted / leg 'from>to'
    start INTEGER, "end" INTEGER,  -- evidence key: offsets into the document text
    entity TEXT,                   -- entity key (entity corrections, merge source, split source)
    field TEXT,                    -- what 'correct' changes: entity, value, geo, name, type, date, participants, place
    value TEXT,                    -- JSON: the new value (merge: the entity kept; split: new entity and its mentions)
    note TEXT,                     -- the historian's reason
    original TEXT,                 -- JSON snapshot of the fact as it was when corrected
    active INTEGER NOT NULL DEFAULT 1   -- 0 once retracted (kept for the record)
);
CREATE INDEX IF NOT EXISTS corrections_key ON corrections(doc, start, "end");
"""

ACTIONS = {"accept", "reject", "correct", "merge", "split"}
TARGETS = {"mention", "event", "leg", "entity"}
FIELDS = {
    "mention": {"entity", "value"},
    "event": {"type", "date", "participants", "place"},
    "leg": {"modes", "depart", "arrive"},
    "entity": {"geo", "name", "kind"},
}


class CurationError(ValueError):
    """A correction that cannot be recorded (unknown fact, bad field or value)."""


def connect(db_path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path, timeout=60, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    return conn


def list_corrections(db_path: str, active_only: bool = False) -> list[dict]:
    with closing(connect(db_path)) as conn:
        q = "SELECT * FROM corrections" + (" WHERE active = 1" if active_only else "") + " ORDER BY id"
        out = []
        for r in conn.execute(q):
            d = dict(r)
            d["value"] = json.loads(d["value"]) if d["value"] else None
            d["original"] = json.loads(d["original"]) if d["original"] else None
            out.append(d)
        return out


def retract(db_path: str, correction_id: int) -> None:
    with closing(connect(db_path)) as conn:
        conn.execute("UPDATE corrections SET active = 0 WHERE id = ?", (int(correction_id),))


# -- finding facts -------------------------------------------------------

def _leg_kind(leg: dict) -> str:
    return f"{leg.get('from')}>{leg.get('to')}"


def find_fact(export: dict, fact_id: str) -> tuple[str, dict] | None:
    """(target, fact) for a mention, event, leg (``journey#legN``) or entity id in the export."""
    for target, items in (("mention", export.get("mentions")), ("event", export.get("events")),
                          ("entity", export.get("entities"))):
        for x in items or []:
            if x.get("id") == fact_id:
                return target, x
    for j in export.get("journeys") or []:
        for i, leg in enumerate(j.get("legs") or []):
            if f"{j.get('id')}#leg{i + 1}" == fact_id:
                return "leg", leg
    return None


def key_of(target: str, fact: dict) -> dict:
    """The re-extraction-proof key of a fact."""
    if target == "entity":
        return {"target": "entity", "entity": fact["id"]}
    if target == "leg":
        ev = (fact.get("evidence") or [{}])[0]
        return {"target": "leg", "doc": ev.get("doc"), "start": ev.get("start"), "end": ev.get("end"),
                "kind": _leg_kind(fact)}
    kind = fact.get("kind") if target == "mention" else (fact.get("attributes") or {}).get("curated_from_type") or fact.get("type")
    return {"target": target, "doc": fact.get("doc"), "start": fact.get("start"), "end": fact.get("end"), "kind": kind}


def add_correction(db_path: str, export: dict, fact_id: str, action: str, field: str | None = None,
                   value: Any = None, note: str | None = None) -> int:
    """Record a correction of the fact ``fact_id`` (as found in ``export``); returns its id."""
    if action not in ACTIONS:
        raise CurationError(f"unknown action {action!r}")
    found = find_fact(export, fact_id)
    if found is None:
        raise CurationError(f"no fact with id {fact_id!r}")
    target, fact = found
    if action == "correct":
        if field not in FIELDS[target]:
            raise CurationError(f"a {target} has no correctable field {field!r}")
        _check_value(target, field, value, export)
        if field == "geo":
            value = {**value, "lat": float(value["lat"]), "lon": float(value["lon"])}
    if action in ("merge", "split") and target != "entity":
        raise CurationError(f"only entities can be {action}d")
    if action == "merge":
        if not isinstance(value, str) or value == fact["id"] or not any(e["id"] == value for e in export.get("entities") or []):
            raise CurationError("merge needs the id of another entity to merge into")
    if action == "split":
        if not isinstance(value, dict) or not value.get("name") or not value.get("mentions"):
            raise CurationError("split needs a name for the new entity and the mentions that belong to it")
        value = {"name": str(value["name"]), "mentions": [[str(m[0]), int(m[1]), int(m[2])] for m in value["mentions"]],
                 "id": value.get("id") or _new_id(fact, value["name"])}
    key = key_of(target, fact)
    with closing(connect(db_path)) as conn:
        cur = conn.execute(
            'INSERT INTO corrections (action, target, doc, kind, start, "end", entity, field, value, note, original)'
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (action, target, key.get("doc"), key.get("kind"), key.get("start"), key.get("end"), key.get("entity"),
             field, json.dumps(value, ensure_ascii=False) if value is not None else None, note,
             json.dumps(fact, ensure_ascii=False)))
        return int(cur.lastrowid)


def _new_id(entity: dict, name: str) -> str:
    from ..document import slug
    return f"{entity.get('kind') or 'entity'}:{slug(name)}-split"


def _check_value(target: str, field: str, value: Any, export: dict) -> None:
    ids = {e["id"] for e in export.get("entities") or []}
    if field in ("entity", "place") and value is not None and value not in ids:
        raise CurationError(f"no entity {value!r}")
    if field == "geo":
        try:
            lat, lon = float(value["lat"]), float(value["lon"])
        except (KeyError, TypeError, ValueError):
            raise CurationError("a place's resolution needs numeric lat and lon") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CurationError("lat must be within ±90 and lon within ±180")
    if field == "participants":
        if not isinstance(value, list) or not all(isinstance(p, dict) and p.get("entity") in ids and p.get("role") for p in value):
            raise CurationError("participants are a list of {entity, role} with known entity ids")
    if field == "date":
        from ..exports.common import date_parts
        if not isinstance(value, dict) or not date_parts(value.get("value") or value.get("earliest")):
            raise CurationError("a date needs an ISO value such as 1929-01-22, 1929-01 or 1929")
    if field in ("type", "name", "kind") and (not isinstance(value, str) or not value.strip()):
        raise CurationError(f"{field} cannot be empty")


# -- applying ------------------------------------------------------------

def apply_corrections(export: dict, corrections: list[dict]) -> tuple[dict, list[dict]]:
    """The export with every active correction applied, and each correction's status.

    Status rows are ``{"id", "matched": bool, "count": n}``: a correction whose
    fact was not found after re-extraction stays recorded and is listed as
    unmatched.
    """
    out = copy.deepcopy(export)
    statuses = []
    for c in corrections:
        if not c.get("active", 1):
            statuses.append({"id": c.get("id"), "matched": None, "count": 0})
            continue
        try:
            n = _apply(out, c)
        except (KeyError, TypeError, ValueError):   # a malformed row must not stop the others
            n = 0
        statuses.append({"id": c.get("id"), "matched": n > 0, "count": n})
    return out, statuses


def _match(items: list[dict], c: dict, kind_key: str) -> list[dict]:
    return [x for x in items if x.get("doc") == c["doc"] and x.get("start") == c["start"] and x.get("end") == c["end"]
            and (c.get("kind") is None or x.get(kind_key) == c["kind"]
                 or (x.get("attributes") or {}).get("curated_from_type") == c["kind"])]


def _mark(x: dict, c: dict, state: str) -> None:
    x["curation"] = {"state": state, "correction": c.get("id"), "note": c.get("note")}


def _apply(ex: dict, c: dict) -> int:
    target, action, value = c["target"], c["action"], c.get("value")
    if target == "mention":
        hits = _match(ex.get("mentions") or [], c, "kind")
        if action == "reject":
            ex["mentions"] = [m for m in ex["mentions"] if not any(m is h for h in hits)]
        for m in hits:
            if action == "accept":
                _mark(m, c, "accepted")
            elif action == "correct":
                m[c["field"]] = value
                _mark(m, c, "corrected")
        return len(hits)
    if target == "event":
        hits = _match(ex.get("events") or [], c, "type")
        if action == "reject":
            ex["events"] = [e for e in ex["events"] if not any(e is h for h in hits)]
        for e in hits:
            if action == "accept":
                _mark(e, c, "accepted")
            elif action == "correct":
                if c["field"] == "type":
                    e.setdefault("attributes", {}).setdefault("curated_from_type", e.get("type"))
                e[c["field"]] = value
                _mark(e, c, "corrected")
        return len(hits)
    if target == "leg":
        n = 0
        for j in ex.get("journeys") or []:
            keep = []
            for leg in j.get("legs") or []:
                ev = (leg.get("evidence") or [{}])[0]
                hit = (ev.get("doc") == c["doc"] and ev.get("start") == c["start"] and ev.get("end") == c["end"]
                       and (c.get("kind") is None or _leg_kind(leg) == c["kind"]))
                if hit:
                    n += 1
                    if action == "reject":
                        continue
                    if action == "accept":
                        _mark(leg, c, "accepted")
                    elif action == "correct":
                        leg[c["field"]] = value
                        _mark(leg, c, "corrected")
                keep.append(leg)
            j["legs"] = keep
        return n
    # entities
    ents = {e["id"]: e for e in ex.get("entities") or []}
    eid = c.get("entity")
    ent = ents.get(eid)
    if ent is None:
        return 0
    if action == "accept":
        _mark(ent, c, "accepted")
    elif action == "correct":
        if c["field"] == "geo":
            geo = dict(ent.get("geo") or {})
            geo.update({k: v for k, v in value.items() if v not in (None, "")})
            geo["lat"], geo["lon"] = float(geo["lat"]), float(geo["lon"])
            ent["geo"] = geo
        else:
            ent[c["field"]] = value
        _mark(ent, c, "corrected")
    elif action == "reject":
        _replace_entity(ex, eid, None)
        ex["entities"] = [e for e in ex["entities"] if e["id"] != eid]
    elif action == "merge":
        keep = ents.get(value)
        if keep is None:
            return 0
        keep["aliases"] = list(dict.fromkeys((keep.get("aliases") or []) + [ent.get("name")] + (ent.get("aliases") or [])))
        if not keep.get("geo") and ent.get("geo"):
            keep["geo"] = ent["geo"]
        _replace_entity(ex, eid, value)
        ex["entities"] = [e for e in ex["entities"] if e["id"] != eid]
        _mark(keep, c, "merged")
    elif action == "split":
        new_id = value["id"]
        wanted = {(m[0], m[1], m[2]) for m in value["mentions"]}
        moved = 0
        for m in ex.get("mentions") or []:
            if m.get("entity") == eid and (m.get("doc"), m.get("start"), m.get("end")) in wanted:
                m["entity"] = new_id
                moved += 1
        if not moved:
            return 0
        if new_id not in ents:
            new = {"id": new_id, "kind": ent.get("kind"), "name": value["name"], "aliases": [], "geo": None}
            _mark(new, c, "split")
            ex["entities"].append(new)
        return moved
    return 1


def _replace_entity(ex: dict, old: str, new: str | None) -> None:
    """Point every reference to ``old`` at ``new`` (None: drop the reference)."""
    if new is None:
        ex["mentions"] = [m for m in ex.get("mentions") or [] if m.get("entity") != old]
    for m in ex.get("mentions") or []:
        if m.get("entity") == old:
            m["entity"] = new
    for e in ex.get("events") or []:
        if e.get("place") == old:
            e["place"] = new
        parts = []
        for p in e.get("participants") or []:
            if p.get("entity") == old:
                if new is None:
                    continue
                p = {**p, "entity": new}
            if p not in parts:
                parts.append(p)
        e["participants"] = parts
    for j in ex.get("journeys") or []:
        j["travellers"] = list(dict.fromkeys(new if t == old else t for t in j.get("travellers") or [] if not (t == old and new is None)))
        for leg in j.get("legs") or []:
            for k in ("from", "to"):
                if leg.get(k) == old:
                    leg[k] = new
    for c in ex.get("citations") or []:
        if c.get("entity") == old:
            c["entity"] = new


def corrected_export(db_path: str, export: dict) -> dict:
    """The export with the database's corrections applied (for ``report`` and ``export`` too)."""
    try:
        corrections = list_corrections(db_path, active_only=True)
    except sqlite3.DatabaseError:
        return export
    if not corrections:
        return export
    return apply_corrections(export, corrections)[0]
