"""Reading the contract export (shared/contract/export.md) for the other formats.

Every exporter, the report and the web app take the export's JSON dict as
their input model, so they keep working whatever the extraction stages do
internally.  This module holds the lookups they share: entities by id, place
coordinates, great-circle lines, the people/organization network, and
whether a leg was only planned.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Iterable

# Which participant roles make which relation in the network.
COMMUNICATION_TYPES = {"communication"}
AGENT_ROLES = {"agent"}
TARGET_ROLES = {"subject"}
SENDER_ROLES = {"sender"}
RECIPIENT_ROLES = {"recipient"}
TRAVELLER_ROLES = {"traveller"}
NETWORK_KINDS = {"person", "organization"}


class ExportIndex:
    """Lookups over one export dict."""

    def __init__(self, export: dict) -> None:
        self.export = export
        self.documents = {d["id"]: d for d in export.get("documents") or []}
        self.entities = {e["id"]: e for e in export.get("entities") or []}
        self.mentions = list(export.get("mentions") or [])
        self.events = list(export.get("events") or [])
        self.journeys = list(export.get("journeys") or [])

    def name(self, entity_id: str | None) -> str:
        if not entity_id:
            return ""
        e = self.entities.get(entity_id)
        return (e or {}).get("name") or entity_id

    def coords(self, entity_id: str | None) -> tuple[float, float] | None:
        """(lon, lat) of a place entity, or None when it was not resolved."""
        e = self.entities.get(entity_id or "")
        geo = (e or {}).get("geo") or {}
        try:
            lat, lon = float(geo["lat"]), float(geo["lon"])
        except (KeyError, TypeError, ValueError):
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        return lon, lat

    def text(self, doc_id: str, start: int, end: int) -> str:
        d = self.documents.get(doc_id) or {}
        t = d.get("text") or ""
        return t[start:end]

    def legs(self) -> Iterable[tuple[dict, int, dict]]:
        """(journey, index, leg) for every leg of every journey, in order."""
        for j in self.journeys:
            for i, leg in enumerate(j.get("legs") or []):
                yield j, i, leg


def is_planned(journey: dict, leg: dict) -> bool:
    """A leg that was meant but not (known to be) travelled.

    The contract has no field for it yet; stages mark it with
    ``attributes.planned`` or ``attributes.status == "planned"`` on the leg
    or on the journey.
    """
    for attrs in ((leg.get("attributes") or {}), (journey.get("attributes") or {})):
        if attrs.get("planned") or attrs.get("status") in ("planned", "intended", "not_taken"):
            return True
    return False


def leg_id(journey: dict, index: int) -> str:
    return f"{journey.get('id')}#leg{index + 1}"


def great_circle(a: tuple[float, float], b: tuple[float, float], step_km: float = 150.0,
                 max_points: int = 64) -> list[tuple[float, float]]:
    """Points (lon, lat) along the great circle from a to b.

    Spherical interpolation is a few lines of trigonometry; a geodesy
    library would add a compiled dependency for no visible gain at map scale.
    """
    lon1, lat1 = map(math.radians, a)
    lon2, lat2 = map(math.radians, b)
    v1 = (math.cos(lat1) * math.cos(lon1), math.cos(lat1) * math.sin(lon1), math.sin(lat1))
    v2 = (math.cos(lat2) * math.cos(lon2), math.cos(lat2) * math.sin(lon2), math.sin(lat2))
    dot = max(-1.0, min(1.0, sum(x * y for x, y in zip(v1, v2))))
    omega = math.acos(dot)
    km = omega * 6371.0
    if omega < 1e-9 or math.isclose(omega, math.pi):
        return [a, b]
    n = max(1, min(max_points, int(km // step_km)))
    out = []
    for k in range(n + 1):
        t = k / n
        s1 = math.sin((1 - t) * omega) / math.sin(omega)
        s2 = math.sin(t * omega) / math.sin(omega)
        x, y, z = (s1 * p + s2 * q for p, q in zip(v1, v2))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        lon = math.degrees(math.atan2(y, x))
        out.append((round(lon, 4), round(lat, 4)))
    # Keep longitudes continuous across the antimeridian so lines do not wrap.
    for k in range(1, len(out)):
        lon, lat = out[k]
        prev = out[k - 1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out[k] = (lon, lat)
    return out


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def network(export: dict) -> dict:
    """People and organizations, and who wrote to / acted against / travelled with whom.

    Returns ``{"nodes": [{"id","name","kind"}], "edges": [{"source","target",
    "relation","weight","events":[event ids]}]}``.  Relations:
    ``wrote_to`` (communication sender -> recipient), ``acted_against``
    (agent -> subject of any act), ``travelled_with`` (fellow travellers of
    a travel event or a journey; undirected, source < target).
    """
    idx = ExportIndex(export)
    edges: dict[tuple[str, str, str], dict] = {}

    def add(u: str, v: str, rel: str, ref: str | None) -> None:
        if not u or not v or u == v:
            return
        if rel == "travelled_with" and v < u:
            u, v = v, u
        e = edges.setdefault((u, v, rel), {"source": u, "target": v, "relation": rel, "weight": 0, "events": []})
        e["weight"] += 1
        if ref and ref not in e["events"]:
            e["events"].append(ref)

    for ev in idx.events:
        parts = ev.get("participants") or []
        by_role: dict[str, list[str]] = defaultdict(list)
        for p in parts:
            if p.get("entity"):
                by_role[p.get("role") or ""].append(p["entity"])
        if ev.get("type") in COMMUNICATION_TYPES:
            for s in (x for r in SENDER_ROLES for x in by_role[r]):
                for t in (x for r in RECIPIENT_ROLES for x in by_role[r]):
                    add(s, t, "wrote_to", ev.get("id"))
        elif ev.get("type") == "travel":
            travellers = sorted({x for r in TRAVELLER_ROLES for x in by_role[r]})
            for i, a in enumerate(travellers):
                for b in travellers[i + 1:]:
                    add(a, b, "travelled_with", ev.get("id"))
        else:
            for a in (x for r in AGENT_ROLES for x in by_role[r]):
                for t in (x for r in TARGET_ROLES for x in by_role[r]):
                    add(a, t, "acted_against", ev.get("id"))
    for j in idx.journeys:
        travellers = sorted(set(j.get("travellers") or []))
        for i, a in enumerate(travellers):
            for b in travellers[i + 1:]:
                add(a, b, "travelled_with", j.get("id"))

    used = {x for (u, v, _) in edges for x in (u, v)}
    nodes = []
    for eid in sorted(used | {e for e, ent in idx.entities.items() if ent.get("kind") in NETWORK_KINDS and _in_events(e, idx)}):
        ent = idx.entities.get(eid) or {}
        kind = ent.get("kind") or eid.split(":", 1)[0]
        if kind not in NETWORK_KINDS:
            continue
        nodes.append({"id": eid, "name": ent.get("name") or eid, "kind": kind})
    keep = {n["id"] for n in nodes}
    return {"nodes": nodes,
            "edges": [e for e in edges.values() if e["source"] in keep and e["target"] in keep]}


def _in_events(entity_id: str, idx: ExportIndex) -> bool:
    return any(p.get("entity") == entity_id for ev in idx.events for p in ev.get("participants") or [])


def date_parts(value: Any) -> dict | None:
    """{"year","month","day"} from an ISO-like date value (``1929``, ``1929-01-22``, ``1929-01-22T06:00``)."""
    if not value or not isinstance(value, str):
        return None
    import re
    m = re.match(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?", value)
    if not m:
        return None
    out: dict[str, int] = {"year": int(m.group(1))}
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return out
        out["month"] = month
        if m.group(3):
            day = int(m.group(3))
            if 1 <= day <= 31:
                out["day"] = day
                if m.group(4):
                    out["hour"] = int(m.group(4))
                    out["minute"] = int(m.group(5))
    return out
