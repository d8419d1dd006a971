"""GeoJSON (RFC 7946): places as Points, journey legs as great-circle LineStrings.

Each leg is its own Feature carrying the leg's properties (journey, order,
travellers, modes, dates, distance, evidence), so a GIS can style and filter
legs; places carry their modern name, gazetteer id and how often they are
mentioned.  Unresolved places have no geometry and are left out.
"""
from __future__ import annotations

import json
from collections import Counter

from .common import ExportIndex, great_circle, is_planned, leg_id


def to_geojson(export: dict) -> dict:
    idx = ExportIndex(export)
    counts = Counter(m.get("entity") for m in idx.mentions if m.get("kind") == "place")
    features = []
    for eid, ent in sorted(idx.entities.items()):
        if ent.get("kind") != "place":
            continue
        c = idx.coords(eid)
        if c is None:
            continue
        geo = ent.get("geo") or {}
        features.append({
            "type": "Feature", "id": eid,
            "geometry": {"type": "Point", "coordinates": [c[0], c[1]]},
            "properties": {"kind": "place", "name": ent.get("name"), "modern_name": geo.get("name"),
                           "gazetteer_id": geo.get("gazetteer_id"), "feature": geo.get("feature"),
                           "aliases": ent.get("aliases") or [], "mentions": counts.get(eid, 0)},
        })
    for j, i, leg in idx.legs():
        a, b = idx.coords(leg.get("from")), idx.coords(leg.get("to"))
        if a is None or b is None:
            continue
        features.append({
            "type": "Feature", "id": leg_id(j, i),
            "geometry": {"type": "LineString", "coordinates": [list(p) for p in great_circle(a, b)]},
            "properties": {
                "kind": "leg", "journey": j.get("id"), "order": i + 1,
                "travellers": j.get("travellers") or [],
                "traveller_names": [idx.name(t) for t in j.get("travellers") or []],
                "from": leg.get("from"), "to": leg.get("to"),
                "from_name": idx.name(leg.get("from")), "to_name": idx.name(leg.get("to")),
                "modes": leg.get("modes") or [], "depart": leg.get("depart"), "arrive": leg.get("arrive"),
                "distance_km": leg.get("distance_km"), "duration": leg.get("duration"),
                "planned": is_planned(j, leg), "evidence": leg.get("evidence") or [],
            },
        })
    return {"type": "FeatureCollection", "features": features}


def write(export: dict, out_path: str) -> None:
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(to_geojson(export), f, ensure_ascii=False, indent=1)
        f.write("\n")
