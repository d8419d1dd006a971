"""Emit communication and act events from frames, resolving entities, dates and counts."""
from __future__ import annotations

from ..document import Document, Participant
from . import vocab
from .resolve import (date_for, durations_in, entities_for, mentions_in, paragraph_at, places_in,
                      previous_sentence)

BASIS_TYPES = {"deportation_order", "sentence", "ruling", "charge", "trial", "exile", "deportation", "expulsion"}


def _participants(doc, frame, roles_map) -> tuple[list[Participant], dict]:
    parts, texts = [], {}
    for slot, role_name in roles_map.items():
        for r in frame["roles"].get(slot, []):
            ids = entities_for(doc, r)
            for eid in ids:
                if not any(p.entity == eid and p.role == role_name for p in parts):
                    parts.append(Participant(eid, role_name))
            if not ids:
                texts.setdefault(f"{role_name}_text", []).append(r["text"])
    return parts, {k: ", ".join(dict.fromkeys(v)) for k, v in texts.items()}


def communication(doc: Document, f: dict) -> None:
    attrs = dict(f["attributes"])
    parts, texts = _participants(doc, f, {"sender": "sender", "recipient": "recipient", "holder": "holder"})
    attrs.update(texts)
    s, e = f["nstart"], f["nend"]
    if f.get("delay_cue") or attrs.get("status") == "delayed":
        durs = durations_in(doc, s, e)
        if durs:
            attrs["delay"] = durs[0]
            if attrs.get("status") in ("unknown", "sent", "delivered"):
                attrs["status"] = "delayed"
    date = date_for(doc, s, e, f["trigger"][0])
    if date:
        key = "received" if attrs.get("status") in ("delivered", "delayed") else "sent"
        attrs[key] = date.get("value")
    attrs.setdefault("general_practice", False)
    doc.add_event("communication", s, e, date=date, participants=parts, attributes=attrs)


def act(doc: Document, f: dict) -> None:
    attrs = dict(f["attributes"])
    parts, texts = _participants(doc, f, {"subject": "subject", "agent": "agent"})
    attrs.update(texts)
    s, e = f["nstart"], f["nend"]
    if f["type"] in BASIS_TYPES and "charge" not in attrs:
        prev = previous_sentence(doc, s)
        para = paragraph_at(doc, s)
        if prev is not None and para is not None and prev.nstart >= para.nstart:
            m = vocab.compiled("acts", "legal_basis_pattern").search(doc.norm[prev.nstart:prev.nend])
            if m:
                attrs["charge"] = m.group(0)
    count = _count(doc, f)
    if count:
        attrs.update(count)
    attrs.setdefault("planned", False)
    places = places_in(doc, s, e)
    date = date_for(doc, s, e, f["trigger"][0])
    doc.add_event(f["type"], s, e, date=date, place=places[0] if places else None,
                  participants=parts, attributes=attrs)


def _count(doc, f) -> dict | None:
    """'Trotsky and fourteen others' = 15; 'arrests of several hundred people' >= 200."""
    for r in f["roles"].get("subject", []):
        s, e = r["span"]
        counts = [m for m in mentions_in(doc, "quantity", nstart=s, nend=e)
                  if m.quantity and m.quantity.get("unit") == "count"]
        if not counts:
            continue
        total = sum(m.quantity["value"] for m in counts)
        if any(m.quantity.get("of") in ("other", "others") for m in counts):
            named = {m.entity for m in mentions_in(doc, "person", nstart=s, nend=e) if m.entity}
            total += max(1, len(named))
        out = {"count": total}
        q = counts[0].quantity
        if "min" in q:
            out["count_min"], out["count_max"] = q["min"], q["max"]
        return out
    return None
