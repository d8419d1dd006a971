"""What the chaining in :mod:`.journeys` writes to the document: a ``Leg`` and a travel event
for each leg a traveller made or only planned, after the tidy-ups that need a traveller's
whole track; and, over a corpus, one journey per set of travellers across documents.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document, Journey, Leg, Participant
from .resolve import date_for
from .travellers import travellers_of

if TYPE_CHECKING:
    from .journeys import Track


def plans_kept(t: Track, plans: list[Leg]) -> None:
    """A leg told without its origin that fulfils a plan told earlier ("he must go back to Danzig
    with the Estonia" ... "they took him back to Danzig"): it starts where the plan did."""
    for leg in t.legs:
        if leg["from"] is not None:
            continue
        for plan in plans:
            if plan.to_place == leg["to"] and plan.from_place and plan.from_place != leg["to"]:
                leg["from"] = plan.from_place
                leg["modes"] += [m for m in plan.modes if m not in leg["modes"]]
                break


def planned_leg(doc, f, ev, frm, to, via) -> Leg:
    """A leg of a route only planned, proposed or refused ("A second route led ... to
    Archangel"): from where the traveller stands unless the route says otherwise."""
    s, e = doc.to_source(f["nstart"], f["nend"])
    dest = to[0] if to else (via[-1] if via else None)
    attrs = {"planned": True}
    rest = [p for p in via if p != dest]
    if rest:
        attrs["via"] = rest
    return Leg(from_place=frm, to_place=dest, modes=[m[1] for m in f.get("modes", [])],
               evidence=[{"doc": doc.id, "start": s, "end": e}], event=ev.id if ev else None,
               attributes=attrs)


def emit_leg(doc: Document, leg: dict, travellers: list[str]) -> Leg:
    ev_frame = leg["dest_frame"] or leg["frames"][0]
    attrs = {"modes": leg["modes"], "from": leg["from"], "to": leg["to"], "planned": False}
    if leg["distance_km"] is not None:
        attrs["distance_km"] = leg["distance_km"]
    if leg["duration"]:
        attrs["duration"] = leg["duration"]
    if leg["via"]:
        attrs["via"] = leg["via"]
    date = None
    if leg["depart"] or leg["arrive"]:
        date = {"value": leg["depart"] or leg["arrive"]}
        if leg["depart"] and leg["arrive"]:
            date = {"value": leg["depart"], "earliest": leg["depart"], "latest": leg["arrive"]}
    ev = doc.add_event("travel", ev_frame["nstart"], ev_frame["nend"], date=date, place=leg["to"],
                       participants=[Participant(t, "traveller") for t in travellers], attributes=attrs)
    evidence = []
    seen = set()
    for f in leg["frames"]:
        if f["nstart"] in seen:
            continue
        seen.add(f["nstart"])
        s, e = doc.to_source(f["nstart"], f["nend"])
        evidence.append({"doc": doc.id, "start": s, "end": e})
    return Leg(from_place=leg["from"], to_place=leg["to"], modes=list(leg["modes"]),
               depart=leg["depart"], arrive=leg["arrive"], distance_km=leg["distance_km"],
               duration=leg["duration"], evidence=evidence, event=ev.id,
               attributes={"via": leg["via"]} if leg["via"] else {})


def planned_event(doc, f, k, frm, to, via):
    travellers = travellers_of(doc, k) if k else []
    attrs = {"modes": [m[1] for m in f.get("modes", [])], "from": frm[0] if frm else None,
             "to": to[0] if to else None, "planned": True}
    if via:
        attrs["via"] = via
    return doc.add_event("travel", f["nstart"], f["nend"], date=date_for(doc, f["nstart"], f["nend"], f["trigger"][0], inherit=False),
                  place=attrs["to"], participants=[Participant(t, "traveller") for t in travellers],
                  attributes=attrs)


def chain_across(corpus) -> list[Journey]:
    """Journeys of the same travellers across documents, legs in chronological order.

    Journeys are grouped by their set of travellers (after linking has merged
    entities); legs are ordered by their first date, keeping each document's
    narrative order for undated legs.  Journeys without travellers stay apart.
    """
    groups: dict[tuple, list] = {}
    order = []
    for d in getattr(corpus, "documents", []):
        for j in d.journeys:
            key = tuple(sorted(j.travellers))
            if key and j.attributes.get("planned"):
                key = key + ("(planned)",)      # planned routes stay apart from routes travelled
            if not key:
                order.append((None, j))
                continue
            if key not in groups:
                groups[key] = []
                order.append((key, None))
            groups[key].append(j)
    out = []
    for key, j in order:
        if key is None:
            out.append(j)
            continue
        js = groups[key]
        if len(js) == 1:
            out.append(js[0])
            continue
        js = sorted(js, key=lambda x: min([l.depart or l.arrive or "9999" for l in x.legs] or ["9999"]))
        attrs = {"parts": [x.id for x in js]}
        if key[-1] == "(planned)":
            key, attrs["planned"] = key[:-1], True
        merged = Journey(id=js[0].id, travellers=list(key), legs=[l for x in js for l in x.legs],
                         attributes=attrs)
        out.append(merged)
    return out
