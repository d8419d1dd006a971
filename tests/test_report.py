"""The offline report: its data, its escaping, its size (no browser needed here)."""
from __future__ import annotations

import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "browser"))
import sample_export  # noqa: E402

from chronotope.report import embed_json, render_report, write_report  # noqa: E402
from chronotope.report.viewdata import date_range, julian_to_gregorian, view_data  # noqa: E402


def _embedded(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="chronotope-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_source_text_cannot_break_out_of_the_data_element():
    html = render_report(sample_export.build())
    # the attack strings are in the data, but never as markup
    assert sample_export.SCRIPT_ATTACK not in html
    assert "<img src=x" not in html
    data = _embedded(html)
    assert sample_export.SCRIPT_ATTACK in data["docs"][0]["text"]
    assert sample_export.ATTR_ATTACK in data["docs"][0]["text"]
    # exactly the two script elements of the page itself
    assert len(re.findall(r"<script\b", html)) == 2


def test_embed_json_round_trips_awkward_text():
    s = "</script><!-- & \u2028 \u2029 \" '"
    out = embed_json({"t": s})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"t": s}


def test_report_is_self_contained(tmp_path):
    out = tmp_path / "r.html"
    figures = write_report(sample_export.build(), str(out))
    html = out.read_text("utf-8")
    assert figures["legs"] == 5 and figures["bytes"] == os.path.getsize(out)
    # nothing to fetch: no external src/href, and a policy that forbids fetching anyway
    assert not re.search(r'\b(src|href)\s*=\s*"(https?:)?//', html)
    import html as htmllib
    csp = htmllib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+';", csp)


def test_view_data_draws_every_resolved_leg_as_a_great_circle():
    data = view_data(sample_export.build())
    assert len(data["legs"]) == 5
    assert all(lg["line"] and len(lg["line"]) >= 2 for lg in data["legs"])
    assert [lg["planned"] for lg in data["legs"]] == [False, False, False, False, True]
    london_ny = data["legs"][4]["line"]
    # a great circle from London to New York bends north of both ends
    assert max(p[1] for p in london_ny) > 52
    assert data["stops"]["place:geonames:703448"] == ["dep. 1911-03-03"]
    assert len(data["basemap"]) > 100          # country outlines from the installed package


def test_old_style_dates_carry_their_new_style_equivalent():
    assert julian_to_gregorian("1911-02-24") == "1911-03-09"
    assert julian_to_gregorian("1906-10-19") == "1906-11-01"
    assert julian_to_gregorian("1700-02-18") == "1700-02-28"
    assert julian_to_gregorian("1907") is None
    data = view_data(sample_export.build())
    letter = next(t for t in data["timeline"] if t["type"] == "communication")
    assert letter["julian"] and letter["t0"] == "1911-03-09"
    assert "Old Style" in letter["label"] and "1911-03-09" in letter["label"]
    m = next(m for m in data["mentions"] if m.get("jul") is not None)
    assert m["jul"] == "1911-03-09"


def test_uncertain_dates_are_ranges():
    assert date_range("1929") == ("1929-01-01", "1929-12-31")
    assert date_range("1929-02") == ("1929-02-01", "1929-02-28")
    assert date_range("1929-01-22T06:00") == ("1929-01-22", "1929-01-22")
    assert date_range("not a date") is None
    data = view_data(sample_export.build())
    det = next(t for t in data["timeline"] if t["type"] == "detention")
    assert (det["t0"], det["t1"], det["exact"]) == ("1911-03-08", "1911-03-15", False)


def test_network_relations():
    data = view_data(sample_export.build())
    rels = {(e["source"], e["target"], e["relation"]) for e in data["network"]["edges"]}
    assert ("person:marta-orlova", "person:pavel-orlov", "wrote_to") in rels
    assert ("organization:berlin-police", "person:ilya-brand", "acted_against") in rels
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in data["network"]["nodes"])


def test_report_of_an_odd_export_still_renders():
    broken = sample_export.build()
    broken["journeys"][0]["legs"].append({"from": "place:nowhere", "to": None, "modes": [], "evidence": [
        {"doc": "no-such-doc", "start": 5, "end": 2}]})
    broken["events"].append({"id": "x", "type": "arrest", "doc": sample_export.DOC_ID, "start": 10 ** 6,
                             "end": 10 ** 6 + 5, "date": {"value": "sometime"}, "participants": [{"entity": None}]})
    broken["mentions"].append({"id": "y", "doc": "gone", "start": 0, "end": 3, "kind": "person"})
    data = view_data(broken)
    assert data["legs"][-1]["line"] is None and data["legs"][-1]["ev"] == []
    assert render_report(broken).startswith("<!DOCTYPE html>")


def test_empty_report(tmp_path):
    figures = write_report({"documents": []}, str(tmp_path / "e.html"))
    assert figures["documents"] == 0 and figures["bytes"] > 0
