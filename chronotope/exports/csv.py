"""CSV, one file per table, in a directory: what a spreadsheet or R/pandas user opens.

Nested fields are flattened into columns (a place's ``geo.lat`` becomes
``lat``); lists that are really rows of their own (event participants, journey
legs, leg evidence) get their own tables, keyed by the parent's id.  Files
are UTF-8 with a BOM so that spreadsheet programs detect the encoding.
"""
from __future__ import annotations

import csv
import json
import os

from .common import leg_id

TABLES = {
    "documents": ["id", "source", "title", "sha256", "length", "format", "encoding"],
    "mentions": ["id", "doc", "start", "end", "text", "kind", "entity", "value", "calendar",
                 "gregorian_value", "earliest", "latest", "quantity_value", "quantity_unit", "confidence"],
    "entities": ["id", "kind", "name", "aliases", "lat", "lon", "modern_name", "gazetteer_id", "feature"],
    "events": ["id", "type", "doc", "start", "end", "date", "date_earliest", "date_latest", "calendar",
               "gregorian_value", "place", "attributes", "confidence"],
    "participants": ["event", "entity", "role"],
    "journeys": ["id", "travellers", "legs"],
    "legs": ["id", "journey", "order", "from", "to", "modes", "depart", "arrive", "distance_km",
             "duration", "planned"],
    "evidence": ["leg", "doc", "start", "end"],
    "citations": ["doc", "marker", "start", "end", "note_start", "note_end", "note_text", "work",
                  "pages", "supports_start", "supports_end", "links_to_doc"],
    "issues": ["doc", "start", "end", "kind", "message"],
}


def _j(v) -> str | None:
    """Lists and objects as compact JSON; scalars as they are."""
    if v is None or v == [] or v == {}:
        return None
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "; ".join(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return v


def rows(export: dict) -> dict[str, list[dict]]:
    from .common import is_planned
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for d in export.get("documents") or []:
        out["documents"].append({k: d.get(k) for k in TABLES["documents"]})
    for m in export.get("mentions") or []:
        q = m.get("quantity") or {}
        r = {k: m.get(k) for k in TABLES["mentions"]}
        r["quantity_value"], r["quantity_unit"] = q.get("value"), q.get("unit")
        out["mentions"].append(r)
    for e in export.get("entities") or []:
        g = e.get("geo") or {}
        out["entities"].append({"id": e.get("id"), "kind": e.get("kind"), "name": e.get("name"),
                                "aliases": _j(e.get("aliases")), "lat": g.get("lat"), "lon": g.get("lon"),
                                "modern_name": g.get("name"), "gazetteer_id": g.get("gazetteer_id"),
                                "feature": g.get("feature")})
    for ev in export.get("events") or []:
        dt = ev.get("date") or {}
        out["events"].append({"id": ev.get("id"), "type": ev.get("type"), "doc": ev.get("doc"),
                              "start": ev.get("start"), "end": ev.get("end"), "date": dt.get("value"),
                              "date_earliest": dt.get("earliest"), "date_latest": dt.get("latest"),
                              "calendar": dt.get("calendar"), "gregorian_value": dt.get("gregorian_value"),
                              "place": ev.get("place"), "attributes": _j(ev.get("attributes")),
                              "confidence": ev.get("confidence")})
        for p in ev.get("participants") or []:
            out["participants"].append({"event": ev.get("id"), "entity": p.get("entity"), "role": p.get("role")})
    for j in export.get("journeys") or []:
        legs = j.get("legs") or []
        out["journeys"].append({"id": j.get("id"), "travellers": _j(j.get("travellers")), "legs": len(legs)})
        for i, leg in enumerate(legs):
            lid = leg_id(j, i)
            out["legs"].append({"id": lid, "journey": j.get("id"), "order": i + 1, "from": leg.get("from"),
                                "to": leg.get("to"), "modes": _j(leg.get("modes")), "depart": leg.get("depart"),
                                "arrive": leg.get("arrive"), "distance_km": leg.get("distance_km"),
                                "duration": leg.get("duration"), "planned": int(is_planned(j, leg))})
            for ev in leg.get("evidence") or []:
                out["evidence"].append({"leg": lid, "doc": ev.get("doc"), "start": ev.get("start"), "end": ev.get("end")})
    for c in export.get("citations") or []:
        n, s = c.get("note") or {}, c.get("supports") or {}
        out["citations"].append({"doc": c.get("doc"), "marker": c.get("marker"), "start": c.get("start"),
                                 "end": c.get("end"), "note_start": n.get("start"), "note_end": n.get("end"),
                                 "note_text": n.get("text"), "work": c.get("work"), "pages": c.get("pages"),
                                 "supports_start": s.get("start"), "supports_end": s.get("end"),
                                 "links_to_doc": c.get("links_to_doc")})
    for i in export.get("issues") or []:
        out["issues"].append({k: i.get(k) for k in TABLES["issues"]})
    return out


def write(export: dict, out_path: str) -> list[str]:
    """Write ``<out_path>/<table>.csv`` for every table; returns the paths written."""
    os.makedirs(out_path, exist_ok=True)
    written = []
    for table, data in rows(export).items():
        path = os.path.join(out_path, f"{table}.csv")
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.DictWriter(f, fieldnames=TABLES[table], extrasaction="ignore")
            w.writeheader()
            w.writerows(data)
        written.append(path)
    return written
