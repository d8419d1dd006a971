"""Each export format, checked by a real parser or validator."""
from __future__ import annotations

import csv
import json
import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "browser"))
import sample_export  # noqa: E402

from chronotope import exports  # noqa: E402


@pytest.fixture()
def export():
    return sample_export.build()


def _schema(name: str) -> dict:
    import chronotope
    path = os.path.join(os.path.dirname(chronotope.__file__), "data", "schemas", name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def test_geojson_legs_and_places(tmp_path, export):
    geojson = pytest.importorskip("geojson")
    out = tmp_path / "x.geojson"
    exports.write("geojson", export, str(out))
    fc = geojson.loads(out.read_text("utf-8"))
    assert fc.is_valid, fc.errors()
    legs = [f for f in fc["features"] if f["properties"]["kind"] == "leg"]
    places = [f for f in fc["features"] if f["properties"]["kind"] == "place"]
    assert len(legs) == sum(len(j["legs"]) for j in export["journeys"])
    assert all(f["geometry"]["type"] == "LineString" for f in legs)
    assert {p["id"] for p in places} == {e["id"] for e in export["entities"] if e["kind"] == "place"}
    kiev = next(f for f in legs if f["properties"]["from_name"] == "Kiev")
    assert kiev["properties"]["modes"] == ["rail"] and kiev["properties"]["depart"] == "1911-03-03"
    # a great circle: endpoints are the places, the middle bends north of the straight line
    lon0, lat0 = kiev["geometry"]["coordinates"][0]
    assert (round(lon0, 2), round(lat0, 2)) == (30.52, 50.45)
    assert [f["properties"]["planned"] for f in legs] == [False, False, False, False, True]


def test_geojson_skips_unresolved_places(tmp_path, export):
    for e in export["entities"]:
        if e["name"] == "Hamburg":
            e["geo"] = None
    out = tmp_path / "x.geojson"
    exports.write("geojson", export, str(out))
    legs = [f for f in json.loads(out.read_text())["features"] if f["properties"]["kind"] == "leg"]
    assert len(legs) == 3


def test_csv_one_file_per_table(tmp_path, export):
    paths = exports.write("csv", export, str(tmp_path / "csv"))
    names = {os.path.basename(p) for p in paths}
    assert {"mentions.csv", "entities.csv", "events.csv", "participants.csv", "legs.csv"} <= names
    with open(tmp_path / "csv" / "mentions.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    text = export["documents"][0]["text"]
    assert len(rows) == len(export["mentions"])
    for r in rows:
        assert text[int(r["start"]):int(r["end"])] == r["text"]
    with open(tmp_path / "csv" / "legs.csv", encoding="utf-8-sig", newline="") as f:
        legs = list(csv.DictReader(f))
    assert [r["planned"] for r in legs] == ["0", "0", "0", "0", "1"]
    with open(tmp_path / "csv" / "participants.csv", encoding="utf-8-sig", newline="") as f:
        parts = list(csv.DictReader(f))
    assert {"event": export["events"][3]["id"], "entity": "person:pavel-orlov", "role": "recipient"} in parts


def test_timelinejs_matches_schema_and_escapes(tmp_path, export):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "t.json"
    exports.write("timelinejs", export, str(out))
    data = json.loads(out.read_text("utf-8"))
    jsonschema.validate(data, _schema("timelinejs.schema.json"))
    by_id = {e["unique_id"]: e for e in data["events"]}
    letter = next(e for e in data["events"] if e["group"] == "communication")
    # Old Style date: placed at its Gregorian equivalent, both shown
    assert letter["start_date"] == {"year": 1911, "month": 3, "day": 9}
    assert "Old Style" in letter["display_date"] and "1911-03-09" in letter["display_date"]
    detention = next(e for e in data["events"] if e["group"] == "detention")
    assert detention["start_date"]["day"] == 8 and detention["end_date"]["day"] == 15
    assert not any("<script" in json.dumps(e) for e in by_id.values())
    # the schema rejects what TimelineJS rejects
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"events": [{"start_date": {"month": 3}}]}, _schema("timelinejs.schema.json"))


def test_gexf_reads_back_in_networkx(tmp_path, export):
    nx = pytest.importorskip("networkx")
    out = tmp_path / "n.gexf"
    exports.write("gexf", export, str(out))
    g = nx.read_gexf(str(out))
    assert g.nodes["person:marta-orlova"]["label"] == "Marta Orlova"
    rels = {(u, v, d["relation"]) for u, v, d in g.edges(data=True)}
    assert ("person:marta-orlova", "person:pavel-orlov", "wrote_to") in rels
    assert ("organization:berlin-police", "person:ilya-brand", "acted_against") in rels
    assert ("person:ilya-brand", "person:marta-orlova", "travelled_with") in rels
    assert not any(n.startswith("place:") for n in g.nodes)


def test_tei_standoff_points_at_the_evidence(tmp_path, export):
    from lxml import etree
    out = tmp_path / "t.xml"
    exports.write("tei", export, str(out))
    tree = etree.parse(str(out))          # a real XML parser: well-formed, namespaced
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    ab = tree.find(".//t:ab", ns)
    text = ab.text
    assert text == export["documents"][0]["text"]          # CRLF and markup-like text survive
    import re
    spans = tree.findall(".//t:spanGrp[@type='mentions']/t:span", ns)
    assert len(spans) == len(export["mentions"])
    for sp in spans:
        m = re.search(r",(\d+),(\d+)\)$", sp.get("target"))
        s, n = int(m.group(1)), int(m.group(2))
        assert text[s:s + n] == sp.text
    cd = tree.find(".//t:correspDesc", ns)
    sent = cd.find("t:correspAction[@type='sent']", ns)
    assert sent.find("t:persName", ns).text == "Marta Orlova"
    assert sent.find("t:date", ns).get("when") == "1911-03-09"
    assert sent.find("t:date", ns).get("when-custom") == "1911-02-24"
    assert cd.find("t:correspAction[@type='received']/t:persName", ns).text == "Pavel Orlov"
    ids = tree.xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    assert all(re.match(r"^[A-Za-z_][\w.-]*$", i) for i in ids)


def test_lpf_matches_schema(tmp_path, export):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "p.json"
    exports.write("lpf", export, str(out))
    data = json.loads(out.read_text("utf-8"))
    jsonschema.validate(data, _schema("lpf.schema.json"))
    kiev = next(f for f in data["features"] if f["properties"]["title"] == "Kiev")
    assert kiev["links"] == [{"type": "closeMatch", "identifier": "gn:703448"}]
    assert kiev["geometry"]["geometries"][0]["coordinates"] == [30.5238, 50.4547]
    cite = kiev["names"][0]["citations"][0]["@id"]
    s, e = map(int, cite.split("#char=")[1].split(","))
    assert export["documents"][0]["text"][s:e] == "Kiev"
    assert {"toponym": "Kyiv"} in kiev["names"]


def test_unknown_format_is_refused(tmp_path, export):
    with pytest.raises(ValueError):
        exports.write("shapefile", export, str(tmp_path / "x"))


def test_exports_survive_an_empty_export(tmp_path):
    empty = {"documents": [], "mentions": [], "entities": [], "events": [], "journeys": [],
             "citations": [], "issues": []}
    for fmt, (_, kind) in exports.FORMATS.items():
        exports.write(fmt, empty, str(tmp_path / f"empty-{fmt}"))
        assert os.path.exists(tmp_path / f"empty-{fmt}")
