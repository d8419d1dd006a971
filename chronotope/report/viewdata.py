"""The data behind the views (map, timeline, network, reading), from the contract export.

Shared by the offline report and the web app: both embed this dict as JSON
and draw it with the same script (``static/views.js``).  Everything here is
plain data; nothing from the source text is ever turned into markup on the
Python side.
"""
from __future__ import annotations

import calendar
import re
from collections import defaultdict

from ..exports.common import ExportIndex, great_circle, is_planned, leg_id, network

_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_range(value: str | None) -> tuple[str, str] | None:
    """The first and last day an ISO value at any granularity covers: ``1929-01`` -> (``1929-01-01``, ``1929-01-31``)."""
    if not value or not isinstance(value, str):
        return None
    m = _ISO.match(value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2) is None:
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    mo = int(m.group(2))
    if not 1 <= mo <= 12:
        return f"{y:04d}-01-01", f"{y:04d}-12-31"
    last = calendar.monthrange(y, mo)[1] if y > 0 else 31
    if m.group(3) is None:
        return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{last:02d}"
    d = min(max(1, int(m.group(3))), last)
    return f"{y:04d}-{mo:02d}-{d:02d}", f"{y:04d}-{mo:02d}-{d:02d}"


def julian_to_gregorian(value: str | None) -> str | None:
    """A full Julian (Old Style) date as its Gregorian equivalent, via the Julian day number."""
    m = _ISO.match(value or "")
    if not m or not m.group(3):
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    a = (14 - mo) // 12
    yy, mm = y + 4800 - a, mo + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
    # JDN -> Gregorian (Fliegel & Van Flandern)
    l = jdn + 68569
    n = 4 * l // 146097
    l -= (146097 * n + 3) // 4
    i = 4000 * (l + 1) // 1461001
    l = l - 1461 * i // 4 + 31
    j = 80 * l // 2447
    day = l - 2447 * j // 80
    l = j // 11
    month = j + 2 - 12 * l
    year = 100 * (n - 49) + i + l
    return f"{year:04d}-{month:02d}-{day:02d}"


def _event_span(date: dict | None) -> dict | None:
    """Where an event sits on the timeline: first/last day, and how to label it."""
    if not date:
        return None
    value = date.get("value")
    julian = date.get("calendar") == "julian"
    greg = date.get("gregorian_value") or (julian_to_gregorian(value) if julian else None)
    if julian and greg:
        r = date_range(greg)
        if r is None:
            return None
        return {"t0": r[0], "t1": r[1], "label": f"{value} Old Style = {greg} New Style", "julian": True,
                "exact": True}
    lo = date_range(date.get("earliest") or value)
    hi = date_range(date.get("latest") or value)
    if lo is None or hi is None:
        return None
    t0, t1 = lo[0], hi[1]
    exact = t0 == t1
    label = str(value) if value else f"{t0} – {t1}"
    if not exact and (date.get("earliest") or date.get("latest")):
        label = f"{value or ''} (between {t0} and {t1})".strip()
    return {"t0": t0, "t1": t1, "label": label, "julian": julian, "exact": exact}


def _leg_span(leg: dict) -> dict | None:
    dep, arr = date_range(leg.get("depart")), date_range(leg.get("arrive"))
    if not dep and not arr:
        return None
    t0 = (dep or arr)[0]
    t1 = (arr or dep)[1]
    if t1 < t0:
        t1 = t0
    parts = [x for x in (leg.get("depart"), leg.get("arrive")) if x]
    return {"t0": t0, "t1": t1, "label": " → ".join(parts), "julian": False, "exact": t0 == t1}


def _layout(net: dict) -> dict[str, tuple[float, float]]:
    """Node positions in the unit square: linked nodes by networkx's spring layout (fixed seed:
    stable pictures), nodes with no relation yet in rows along the bottom so they do not
    squeeze the linked ones."""
    nodes = [n["id"] for n in net["nodes"]]
    linked = sorted({x for e in net["edges"] for x in (e["source"], e["target"])} & set(nodes))
    alone = [n for n in nodes if n not in set(linked)]
    out: dict[str, tuple[float, float]] = {}
    bottom = 0.94 if not alone else 0.74
    if linked:
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(linked)
        for e in net["edges"]:
            w = g.get_edge_data(e["source"], e["target"], {}).get("weight", 0) + e["weight"]
            g.add_edge(e["source"], e["target"], weight=w)
        pos = nx.spring_layout(g, seed=7, k=1.5 / max(1, len(linked)) ** 0.5, iterations=100)
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]

        def norm(v, lo, hi, a, b):
            return (a + b) / 2 if hi - lo < 1e-9 else a + (b - a) * (v - lo) / (hi - lo)
        # room on the right for the labels, which are drawn to the right of the nodes
        for n, p in pos.items():
            out[n] = (round(norm(p[0], min(xs), max(xs), 0.05, 0.8), 4), round(norm(p[1], min(ys), max(ys), 0.06, bottom), 4))
    per_row = 5
    rows = max(1, -(-len(alone) // per_row))
    top, span = (0.82, 0.16) if linked else (0.06, 0.88)
    step = min(0.05 if linked else 0.08, span / max(1, rows - 1))
    for i, n in enumerate(alone):
        row, col = divmod(i, per_row)
        out[n] = (round(0.03 + col * 0.19, 4), round(top + row * step, 4))
    return out


def view_data(export: dict, *, basemap: bool = True) -> dict:
    """Everything the views draw, as plain JSON-able data."""
    idx = ExportIndex(export)
    ents = {}
    for eid, e in idx.entities.items():
        c = idx.coords(eid)
        geo = e.get("geo") or {}
        ents[eid] = {"name": e.get("name") or eid, "kind": e.get("kind"),
                     "ll": [round(c[0], 4), round(c[1], 4)] if c else None,
                     "modern": geo.get("name") if geo.get("name") != e.get("name") else None}
    mentions = []
    for m in idx.mentions:
        if m.get("doc") not in idx.documents:
            continue
        row = {"id": m.get("id"), "doc": m["doc"], "s": m.get("start", 0), "e": m.get("end", 0),
               "k": m.get("kind"), "ent": m.get("entity")}
        if m.get("value"):
            row["v"] = m["value"]
        if m.get("calendar") == "julian":
            row["jul"] = m.get("gregorian_value") or julian_to_gregorian(m.get("value")) or ""
        mentions.append(row)
    events = []
    timeline = []
    for ev in idx.events:
        span = _event_span(ev.get("date"))
        parts = [[p.get("entity"), p.get("role")] for p in ev.get("participants") or [] if p.get("entity")]
        events.append({"id": ev.get("id"), "type": ev.get("type"), "doc": ev.get("doc"),
                       "s": ev.get("start", 0), "e": ev.get("end", 0), "place": ev.get("place"),
                       "parts": parts, "date": span["label"] if span else None,
                       "attrs": {k: v for k, v in (ev.get("attributes") or {}).items()
                                 if isinstance(v, (str, int, float, bool))}})
        if span:
            who = [p[0] for p in parts if (idx.entities.get(p[0]) or {}).get("kind") in ("person", "organization")]
            timeline.append({"ref": ev.get("id"), "kind": "event", "type": ev.get("type"), "who": who, **span})
    legs = []
    stops: dict[str, list[str]] = defaultdict(list)
    journeys = []
    for j in idx.journeys:
        journeys.append({"id": j.get("id"), "travellers": j.get("travellers") or [],
                         "legs": [leg_id(j, i) for i in range(len(j.get("legs") or []))]})
    for j, i, leg in idx.legs():
        a, b = idx.coords(leg.get("from")), idx.coords(leg.get("to"))
        lid = leg_id(j, i)
        planned = is_planned(j, leg)
        legs.append({"id": lid, "journey": j.get("id"), "n": i + 1, "from": leg.get("from"), "to": leg.get("to"),
                     "modes": leg.get("modes") or [], "depart": leg.get("depart"), "arrive": leg.get("arrive"),
                     "km": leg.get("distance_km"), "duration": leg.get("duration"), "planned": planned,
                     "line": [list(p) for p in great_circle(a, b)] if a and b else None,
                     "ev": [{"doc": x.get("doc"), "s": x.get("start", 0), "e": x.get("end", 0)}
                            for x in leg.get("evidence") or [] if x.get("doc") in idx.documents]})
        if leg.get("depart") and leg.get("from"):
            stops[leg["from"]].append(f"dep. {leg['depart']}")
        if leg.get("arrive") and leg.get("to"):
            stops[leg["to"]].append(f"arr. {leg['arrive']}")
        for p in (leg.get("from"), leg.get("to")):
            if p:
                stops.setdefault(p, [])
        span = _leg_span(leg)
        if span:
            timeline.append({"ref": lid, "kind": "leg", "type": "journey", "who": j.get("travellers") or [], **span})
    net = network(export)
    pos = _layout(net)
    for n in net["nodes"]:
        n["x"], n["y"] = pos.get(n["id"], (0.5, 0.5))
    docs = [{"id": d["id"], "title": d.get("title") or d.get("source") or d["id"], "source": d.get("source"),
             "text": d.get("text") or ""} for d in idx.documents.values()]
    issues = [{"doc": i.get("doc"), "s": i.get("start", 0), "e": i.get("end", 0), "kind": i.get("kind"),
               "msg": i.get("message")} for i in export.get("issues") or [] if i.get("doc") in idx.documents]
    data = {"docs": docs, "ents": ents, "mentions": mentions, "events": events, "legs": legs,
            "journeys": journeys, "stops": {k: v for k, v in stops.items()}, "timeline": timeline,
            "network": net, "issues": issues, "basemap": []}
    if basemap:
        from .basemap import land_paths
        data["basemap"] = [s["d"] for s in land_paths()]
    return data
