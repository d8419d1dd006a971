"""Check legs against physics: implied speed for the mode, stated distance against geography."""
from __future__ import annotations

import math
from datetime import date

from ..document import Document
from . import vocab
from .resolve import duration_hours


def great_circle_km(a: dict, b: dict) -> float:
    """Haversine distance on a sphere of mean Earth radius (6371 km)."""
    p = math.pi / 180
    la1, lo1, la2, lo2 = a["lat"] * p, a["lon"] * p, b["lat"] * p, b["lon"] * p
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _geo(doc, eid):
    e = doc.entities.get(eid) if eid else None
    g = e.geo if e else None
    if g and g.get("lat") is not None and g.get("lon") is not None:
        return g
    return None


def _day(v: str | None):
    try:
        return date.fromisoformat(v[:10]) if v and len(v) >= 10 else None
    except ValueError:
        return None


def check(doc: Document) -> None:
    limits = vocab.travel()["max_speed_kmh"]
    events = {e.id: e for e in doc.events}
    for j in doc.journeys:
        for leg in j.legs:
            ev = events.get(leg.event)
            s, e = (ev.nstart, ev.nend) if ev else (0, 0)
            a, b = _geo(doc, leg.from_place), _geo(doc, leg.to_place)
            gc = great_circle_km(a, b) if a and b else None
            if gc is not None and leg.distance_km:
                if leg.distance_km < 0.8 * gc - 5 or leg.distance_km > 3 * gc + 50:
                    doc.add_issue("distance_mismatch", s, e,
                                  f"stated distance {leg.distance_km:.0f} km, but the places are "
                                  f"{gc:.0f} km apart on the great circle",
                                  stated_km=leg.distance_km, great_circle_km=round(gc, 1), leg_event=leg.event)
            hours = duration_hours(leg.duration)
            dist = leg.distance_km or gc
            if hours is None:
                d1, d2 = _day(leg.depart), _day(leg.arrive)
                if d1 and d2 and d2 >= d1:
                    hours = max(24.0, (d2 - d1).days * 24.0 + 24.0)   # whole days, generously
            if not hours or not dist or not leg.modes:
                continue
            speed = dist / hours
            limit = max(limits.get(m, limits["other"]) for m in leg.modes)
            if speed > limit:
                doc.add_issue("implausible_speed", s, e,
                              f"{dist:.0f} km in {hours:.1f} h is {speed:.0f} km/h, faster than "
                              f"{limit} km/h by {', '.join(leg.modes)}",
                              speed_kmh=round(speed, 1), limit_kmh=limit, leg_event=leg.event)
