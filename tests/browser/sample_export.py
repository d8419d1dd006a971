"""A small export in the contract's shape, over a text written for these tests.

The report, the web app and the exporters all read the contract's JSON dict,
so their tests can be fed a known export: three journey legs with
coordinates, one planned leg, a letter, an arrest, an Old Style date, and
source text that tries to inject markup.  Offsets are computed by searching
the text, so they always index it exactly.
"""
from __future__ import annotations

import copy

SCRIPT_ATTACK = "<script>alert(1)</script>"
ATTR_ATTACK = '"><img src=x onerror=alert(1)>'

TEXT = (
    "Letters from the Road\r\n"
    "\r\n"
    "On 3 March 1911 Marta Orlova left Kiev by the night train for Warsaw, "
    "with her cousin Ilya Brand beside her. From Warsaw they went on by rail "
    "to Berlin, arriving on 6 March.\r\n"
    "\r\n"
    "In Berlin the police arrested Ilya Brand on 8 March and held him for a week. "
    "Marta wrote a letter to her brother Pavel Orlov in Odessa on 24 February (O.S.) "
    "which reached him only in April.\r\n"
    "\r\n"
    "From Berlin she took the steamer out of Hamburg to London. "
    "They meant to sail on to New York, but never did.\r\n"
    "\r\n"
    "A scrap pasted in the notebook reads " + SCRIPT_ATTACK + " and another "
    + ATTR_ATTACK + " beside a pressed flower.\r\n"
)

DOC_ID = "letters-from-the-road-0badc0de"


def _span(needle: str, nth: int = 1) -> tuple[int, int]:
    pos = -1
    for _ in range(nth):
        pos = TEXT.index(needle, pos + 1)
    return pos, pos + len(needle)


def _mention(i: int, kind: str, needle: str, entity: str | None = None, nth: int = 1, **extra) -> dict:
    s, e = _span(needle, nth)
    m = {"id": f"{DOC_ID}:m{i}", "doc": DOC_ID, "start": s, "end": e, "text": TEXT[s:e],
         "kind": kind, "entity": entity, "confidence": 0.9}
    m.update(extra)
    return m


def _ev(needle: str, nth: int = 1) -> list[dict]:
    s, e = _span(needle, nth)
    return [{"doc": DOC_ID, "start": s, "end": e}]


PLACES = {
    "place:geonames:703448": ("Kiev", "Kyiv", 50.4547, 30.5238),
    "place:geonames:756135": ("Warsaw", "Warsaw", 52.2298, 21.0118),
    "place:geonames:2950159": ("Berlin", "Berlin", 52.5244, 13.4105),
    "place:geonames:2911298": ("Hamburg", "Hamburg", 53.5507, 9.993),
    "place:geonames:2643743": ("London", "London", 51.5085, -0.1257),
    "place:geonames:5128581": ("New York", "New York City", 40.7143, -74.006),
    "place:geonames:698740": ("Odessa", "Odesa", 46.4775, 30.7326),
}


def build() -> dict:
    """A fresh copy of the sample export (callers may mutate it)."""
    ents = [
        {"id": "person:marta-orlova", "kind": "person", "name": "Marta Orlova", "aliases": ["Marta"], "geo": None},
        {"id": "person:ilya-brand", "kind": "person", "name": "Ilya Brand", "aliases": [], "geo": None},
        {"id": "person:pavel-orlov", "kind": "person", "name": "Pavel Orlov", "aliases": [], "geo": None},
        {"id": "organization:berlin-police", "kind": "organization", "name": "the police", "aliases": [], "geo": None},
    ]
    for pid, (name, modern, lat, lon) in PLACES.items():
        ents.append({"id": pid, "kind": "place", "name": name, "aliases": [],
                     "geo": {"lat": lat, "lon": lon, "name": modern,
                             "gazetteer_id": "geonames:" + pid.rsplit(":", 1)[1], "feature": "PPL"}})
    mentions = [
        _mention(1, "date", "3 March 1911", value="1911-03-03", calendar="gregorian"),
        _mention(2, "person", "Marta Orlova", "person:marta-orlova"),
        _mention(3, "place", "Kiev", "place:geonames:703448"),
        _mention(4, "place", "Warsaw", "place:geonames:756135"),
        _mention(5, "person", "Ilya Brand", "person:ilya-brand"),
        _mention(6, "place", "Warsaw", "place:geonames:756135", nth=2),
        _mention(7, "place", "Berlin", "place:geonames:2950159"),
        _mention(8, "date", "6 March", value="1911-03-06", calendar="gregorian"),
        _mention(9, "place", "Berlin", "place:geonames:2950159", nth=2),
        _mention(10, "organization", "the police", "organization:berlin-police"),
        _mention(11, "person", "Ilya Brand", "person:ilya-brand", nth=2),
        _mention(12, "date", "8 March", value="1911-03-08", calendar="gregorian"),
        _mention(13, "duration", "a week", value="P7D"),
        _mention(14, "person", "Pavel Orlov", "person:pavel-orlov"),
        _mention(15, "place", "Odessa", "place:geonames:698740"),
        _mention(16, "date", "24 February (O.S.)", value="1911-02-24", calendar="julian",
                 gregorian_value="1911-03-09"),
        _mention(17, "date", "April", value="1911-04"),
        _mention(18, "place", "Berlin", "place:geonames:2950159", nth=3),
        _mention(19, "place", "Hamburg", "place:geonames:2911298"),
        _mention(20, "place", "London", "place:geonames:2643743"),
        _mention(21, "place", "New York", "place:geonames:5128581"),
    ]
    s_trip, e_trip = _span("On 3 March 1911 Marta Orlova left Kiev by the night train for Warsaw")
    s_arr, e_arr = _span("In Berlin the police arrested Ilya Brand on 8 March and held him for a week.")
    s_let, e_let = _span("Marta wrote a letter to her brother Pavel Orlov in Odessa on 24 February (O.S.) "
                         "which reached him only in April.")
    s_xss, e_xss = _span("A scrap pasted in the notebook reads")
    events = [
        {"id": f"{DOC_ID}:ev1", "type": "travel", "doc": DOC_ID, "start": s_trip, "end": e_trip,
         "date": {"value": "1911-03-03", "earliest": "1911-03-03", "latest": "1911-03-03"},
         "place": "place:geonames:703448",
         "participants": [{"entity": "person:marta-orlova", "role": "traveller"},
                          {"entity": "person:ilya-brand", "role": "traveller"}],
         "attributes": {}, "confidence": 0.8},
        {"id": f"{DOC_ID}:ev2", "type": "arrest", "doc": DOC_ID, "start": s_arr, "end": e_arr,
         "date": {"value": "1911-03-08", "earliest": "1911-03-08", "latest": "1911-03-08"},
         "place": "place:geonames:2950159",
         "participants": [{"entity": "organization:berlin-police", "role": "agent"},
                          {"entity": "person:ilya-brand", "role": "subject"}],
         "attributes": {}, "confidence": 0.9},
        {"id": f"{DOC_ID}:ev3", "type": "detention", "doc": DOC_ID, "start": s_arr, "end": e_arr,
         "date": {"value": "1911-03", "earliest": "1911-03-08", "latest": "1911-03-15"},
         "place": "place:geonames:2950159",
         "participants": [{"entity": "person:ilya-brand", "role": "subject"}],
         "attributes": {"duration": "P7D"}, "confidence": 0.7},
        {"id": f"{DOC_ID}:ev4", "type": "communication", "doc": DOC_ID, "start": s_let, "end": e_let,
         "date": {"value": "1911-02-24", "earliest": "1911-02-24", "latest": "1911-02-24",
                  "calendar": "julian", "gregorian_value": "1911-03-09"},
         "place": None,
         "participants": [{"entity": "person:marta-orlova", "role": "sender"},
                          {"entity": "person:pavel-orlov", "role": "recipient"}],
         "attributes": {"kind": "letter", "status": "delayed"}, "confidence": 0.8},
        {"id": f"{DOC_ID}:ev5", "type": "protest", "doc": DOC_ID, "start": s_xss, "end": e_xss,
         "date": None, "place": None, "participants": [], "attributes": {"note": SCRIPT_ATTACK},
         "confidence": 0.2},
    ]
    journeys = [{
        "id": "journey:marta-orlova-1",
        "travellers": ["person:marta-orlova", "person:ilya-brand"],
        "legs": [
            {"from": "place:geonames:703448", "to": "place:geonames:756135", "modes": ["rail"],
             "depart": "1911-03-03", "arrive": None, "distance_km": 690, "duration": None,
             "evidence": _ev("left Kiev by the night train for Warsaw")},
            {"from": "place:geonames:756135", "to": "place:geonames:2950159", "modes": ["rail"],
             "depart": None, "arrive": "1911-03-06", "distance_km": None, "duration": None,
             "evidence": _ev("From Warsaw they went on by rail to Berlin, arriving on 6 March.")},
            {"from": "place:geonames:2950159", "to": "place:geonames:2911298", "modes": ["rail"],
             "depart": None, "arrive": None, "distance_km": None, "duration": None,
             "evidence": _ev("From Berlin she took the steamer out of Hamburg")},
            {"from": "place:geonames:2911298", "to": "place:geonames:2643743", "modes": ["ship"],
             "depart": None, "arrive": None, "distance_km": None, "duration": None,
             "evidence": _ev("took the steamer out of Hamburg to London")},
            {"from": "place:geonames:2643743", "to": "place:geonames:5128581", "modes": ["ship"],
             "depart": None, "arrive": None, "distance_km": None, "duration": None,
             "evidence": _ev("They meant to sail on to New York, but never did."),
             "attributes": {"planned": True}},
        ],
    }]
    s_note, e_note = _span("pressed flower")
    return copy.deepcopy({
        "format": "chronotope-export", "version": 1,
        "documents": [{"id": DOC_ID, "source": "letters-from-the-road.txt", "title": "Letters from the Road",
                       "sha256": "0badc0de" * 8, "length": len(TEXT), "text": TEXT}],
        "mentions": mentions,
        "entities": ents,
        "events": events,
        "journeys": journeys,
        "citations": [{"doc": DOC_ID, "marker": "1", "start": s_note, "end": e_note,
                       "note": None, "work": None, "pages": None, "supports": None, "links_to_doc": None}],
        "issues": [{"doc": DOC_ID, "start": s_let, "end": e_let, "kind": "chronology",
                    "message": "the letter is dated before the journey it mentions"}],
    })


def to_corpus(export: dict | None = None):
    """The sample as the document model, so that it can be stored in a real database."""
    from chronotope.document import (Corpus, Document, Entity, Event, Journey, Leg, Mention,
                                     Participant, SourceIssue)
    export = export or build()
    docs = []
    for d in export["documents"]:
        doc = Document(d["text"], source=d["source"], title=d["title"], doc_id=d["id"])
        for m in export["mentions"]:
            if m["doc"] == doc.id:
                doc.mentions.append(Mention(id=m["id"], doc=doc.id, start=m["start"], end=m["end"], text=m["text"],
                                            kind=m["kind"], entity=m.get("entity"), value=m.get("value"),
                                            calendar=m.get("calendar"), gregorian_value=m.get("gregorian_value")))
        for e in export["events"]:
            if e["doc"] == doc.id:
                doc.events.append(Event(id=e["id"], type=e["type"], doc=doc.id, start=e["start"], end=e["end"],
                                        date=e.get("date"), place=e.get("place"),
                                        participants=[Participant(p["entity"], p["role"]) for p in e["participants"]],
                                        attributes=e.get("attributes") or {}))
        for j in export["journeys"]:
            doc.journeys.append(Journey(id=j["id"], travellers=list(j["travellers"]), legs=[
                Leg(from_place=l["from"], to_place=l["to"], modes=list(l["modes"]), depart=l.get("depart"),
                    arrive=l.get("arrive"), distance_km=l.get("distance_km"), evidence=list(l["evidence"]),
                    attributes=l.get("attributes") or {}) for l in j["legs"]]))
        for i in export["issues"]:
            doc.issues.append(SourceIssue(doc=doc.id, start=i["start"], end=i["end"], kind=i["kind"],
                                          message=i["message"]))
        docs.append(doc)
    ents = {e["id"]: Entity(id=e["id"], kind=e["kind"], name=e["name"], aliases=list(e.get("aliases") or []),
                            geo=e.get("geo")) for e in export["entities"]}
    return Corpus(documents=docs, entities=ents)
