"""Linked Places Format (LPF, GeoJSON-LD) for places, as World Historical Gazetteer imports it.

Each place entity is a Feature: its name as the narrative spells it and every
other spelling found (``names``, each citing the characters it was read
from with an RFC 5147 ``#char=`` fragment), its point, its modern name and
its gazetteer link (``links``: ``gn:`` for GeoNames ids), and the dates of
the events that happened there (``when``).
"""
from __future__ import annotations

import json
from collections import defaultdict

from .common import ExportIndex

LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
GAZETTEER_PREFIXES = {"geonames": "gn", "wikidata": "wd", "tgn": "tgn", "pleiades": "pl"}


def _doc_uri(doc_id: str, start: int, end: int) -> str:
    return f"urn:chronotope:doc:{doc_id}#char={int(start)},{int(end)}"


def _link(gazetteer_id: str | None) -> dict | None:
    if not gazetteer_id or ":" not in str(gazetteer_id):
        return None
    prefix, local = str(gazetteer_id).split(":", 1)
    return {"type": "closeMatch", "identifier": f"{GAZETTEER_PREFIXES.get(prefix.lower(), prefix.lower())}:{local}"}


def to_lpf(export: dict) -> dict:
    idx = ExportIndex(export)
    spellings: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for m in idx.mentions:
        if m.get("kind") == "place" and m.get("entity"):
            doc = idx.documents.get(m.get("doc")) or {}
            spellings[m["entity"]][m.get("text") or ""].append({
                "label": f"{doc.get('source') or m.get('doc')}, characters {m.get('start')}–{m.get('end')}",
                "@id": _doc_uri(m.get("doc"), m.get("start", 0), m.get("end", 0))})
    dates: dict[str, list[str]] = defaultdict(list)
    for ev in idx.events:
        d = ev.get("date") or {}
        if ev.get("place") and (d.get("earliest") or d.get("value")):
            dates[ev["place"]].append(str(d.get("earliest") or d.get("value")))
            dates[ev["place"]].append(str(d.get("latest") or d.get("value")))
    features = []
    for eid, ent in sorted(idx.entities.items()):
        if ent.get("kind") != "place":
            continue
        geo = ent.get("geo") or {}
        name = ent.get("name") or eid
        names = []
        seen = set()
        for toponym, cites in sorted(spellings.get(eid, {}).items()):
            if toponym and toponym not in seen:
                seen.add(toponym)
                names.append({"toponym": toponym, "citations": cites[:20]})
        for alt in [name, *(ent.get("aliases") or []), geo.get("name")]:
            if alt and alt not in seen:
                seen.add(alt)
                names.append({"toponym": alt})
        c = idx.coords(eid)
        feat = {
            "@id": f"urn:chronotope:{eid}",
            "type": "Feature",
            "properties": {"title": name, "ccodes": [geo["country"]] if geo.get("country") else []},
            "names": names,
            "geometry": ({"type": "GeometryCollection",
                          "geometries": [{"type": "Point", "coordinates": [c[0], c[1]],
                                          "certainty": "certain" if (geo.get("confidence") or 1) >= 0.8 else "less-certain"}]}
                         if c else None),
            "types": [{"identifier": f"geonames:{geo['feature']}", "label": geo["feature"]}] if geo.get("feature") else [],
            "links": [x for x in [_link(geo.get("gazetteer_id"))] if x],
            "descriptions": [{"value": f"Modern name: {geo['name']}"}] if geo.get("name") else [],
        }
        if dates.get(eid):
            ds = sorted(dates[eid])
            feat["when"] = {"timespans": [{"start": {"earliest": ds[0]}, "end": {"latest": ds[-1]}}]}
        features.append(feat)
    return {"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": features}


def write(export: dict, out_path: str) -> None:
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(to_lpf(export), f, ensure_ascii=False, indent=1)
        f.write("\n")
