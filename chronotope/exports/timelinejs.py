"""TimelineJS 3 JSON: the events (and dated journey legs) as a timeline.

TimelineJS renders ``text`` fields as HTML, so every string from the source is
HTML-escaped here.  Uncertain dates become a start/end range (earliest ..
latest); Old Style (Julian) dates are placed at their Gregorian equivalent
and show both in ``display_date``.  Events are grouped by type.
"""
from __future__ import annotations

import html
import json

from .common import ExportIndex, date_parts, leg_id


def _date(value) -> dict | None:
    p = date_parts(value)
    if not p:
        return None
    return {k: v for k, v in p.items()}


def event_dates(ev_date: dict | None) -> tuple[dict | None, dict | None, str | None]:
    """(start_date, end_date, display_date) for a contract ``date`` object."""
    if not ev_date:
        return None, None, None
    value = ev_date.get("value")
    greg = ev_date.get("gregorian_value")
    julian = ev_date.get("calendar") == "julian"
    start = _date(greg if (julian and greg) else (ev_date.get("earliest") or value))
    end = None
    latest = ev_date.get("latest")
    if latest and latest != (ev_date.get("earliest") or value) and not julian:
        end = _date(latest)
    display = None
    if julian:
        display = f"{value} (Old Style)" + (f" = {greg} (New Style)" if greg else "")
    elif end is not None:
        display = f"{ev_date.get('earliest') or value} – {latest}"
    if start is None:
        start = _date(value)
    return start, end, display


def to_timelinejs(export: dict, title: str | None = None) -> dict:
    idx = ExportIndex(export)
    events = []
    for ev in idx.events:
        start, end, display = event_dates(ev.get("date"))
        if start is None:
            continue
        who = ", ".join(f"{idx.name(p.get('entity'))} ({p.get('role')})" for p in ev.get("participants") or [])
        place = idx.name(ev.get("place"))
        headline = ev.get("type", "event").replace("_", " ")
        if who:
            headline += ": " + ", ".join(idx.name(p.get("entity")) for p in ev.get("participants") or [])
        body = f"<blockquote>{html.escape(idx.text(ev.get('doc'), ev.get('start', 0), ev.get('end', 0)))}</blockquote>"
        if who:
            body += f"<p>{html.escape(who)}</p>"
        if place:
            body += f"<p>{html.escape(place)}</p>"
        item = {"start_date": start, "text": {"headline": html.escape(headline), "text": body},
                "group": ev.get("type") or "event", "unique_id": _uid(ev.get("id"))}
        if end:
            item["end_date"] = end
        if display:
            item["display_date"] = html.escape(display)
        events.append(item)
    for j, i, leg in idx.legs():
        start = _date(leg.get("depart")) or _date(leg.get("arrive"))
        if start is None:
            continue
        end = _date(leg.get("arrive")) if leg.get("depart") and leg.get("arrive") else None
        ev = (leg.get("evidence") or [{}])[0]
        headline = f"{idx.name(leg.get('from'))} → {idx.name(leg.get('to'))}"
        modes = ", ".join(leg.get("modes") or [])
        body = f"<blockquote>{html.escape(idx.text(ev.get('doc', ''), ev.get('start', 0), ev.get('end', 0)))}</blockquote>"
        if modes:
            body += f"<p>{html.escape(modes)}</p>"
        item = {"start_date": start, "text": {"headline": html.escape(headline), "text": body},
                "group": "journey", "unique_id": _uid(leg_id(j, i))}
        if end:
            item["end_date"] = end
        events.append(item)
    docs = list(idx.documents.values())
    heading = title or ("; ".join(d.get("title") or d.get("source") or d["id"] for d in docs) or "chronotope")
    return {"title": {"text": {"headline": html.escape(heading),
                               "text": "<p>Events extracted by chronotope, each with its source sentence.</p>"}},
            "events": events}


def _uid(s: str | None) -> str:
    """TimelineJS uses unique_id in URL fragments and element ids: keep it to safe characters."""
    import re
    return re.sub(r"[^A-Za-z0-9_-]+", "-", s or "x")


def write(export: dict, out_path: str) -> None:
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(to_timelinejs(export), f, ensure_ascii=False, indent=1)
        f.write("\n")
