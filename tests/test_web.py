"""The local web app and curation, through Starlette's test client and a real SQLite file."""
from __future__ import annotations

import os
import re
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "browser"))
import sample_export  # noqa: E402

from chronotope import storage  # noqa: E402
from chronotope.web import create_app, curation, filter_export  # noqa: E402

DOC = sample_export.DOC_ID
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "c.db")
    storage.save_corpus(path, sample_export.to_corpus())
    return path


@pytest.fixture()
def client(db):
    from starlette.testclient import TestClient
    app = create_app(db)
    c = TestClient(app)
    c.token = app.state.token
    return c


def _post(client, **form):
    form.setdefault("token", client.token)
    return client.post("/curate", data=form, follow_redirects=False)


def reextract(db):
    """Store the same document again, as a re-run of extraction does (derived rows replaced)."""
    storage.save_corpus(db, sample_export.to_corpus())


def test_pages_render_and_escape_source_text(client):
    for url in ["/", "/search?q=steamer", "/entities", "/entity?id=place:geonames:2911298",
                f"/fact?id={DOC}:ev2", "/fact?id=journey:marta-orlova-1%23leg2", "/corrections"]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert sample_export.SCRIPT_ATTACK not in r.text and "<img src=x" not in r.text, url
    r = client.get("/search?q=scrap")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_search_finds_text_and_entities(client):
    r = client.get("/search?q=steamer")
    assert "<mark>steamer</mark>" in r.text
    r = client.get("/search?q=Orlova")
    assert "/entity?id=person%3Amarta-orlova" in r.text
    r = client.get('/search?q="unbalanced')
    assert r.status_code == 200 and "Could not search" in r.text


def test_filters_narrow_the_views():
    ex = sample_export.build()
    assert [e["type"] for e in filter_export(ex, type="arrest")["events"]] == ["arrest"]
    by_person = filter_export(ex, person="person:pavel-orlov")
    assert [e["type"] for e in by_person["events"]] == ["communication"] and by_person["journeys"] == []
    berlin = filter_export(ex, place="place:geonames:2950159")
    assert {e["type"] for e in berlin["events"]} == {"arrest", "detention"}
    assert len(berlin["journeys"][0]["legs"]) == 2
    march = filter_export(ex, date_from="1911-03-05", date_to="1911-03-31")
    assert {e["type"] for e in march["events"]} == {"arrest", "detention", "communication"}


def test_curation_needs_the_token(client):
    r = client.post("/curate", data={"token": "forged", "id": f"{DOC}:m3", "action": "reject"})
    assert r.status_code == 403
    assert curation.list_corrections(client.app.state.store.db_path) == []


def test_host_header_must_be_local(client):
    r = client.get("/", headers={"host": "evil.example"})
    assert r.status_code == 400


def test_reject_correct_merge_split_survive_reextraction(client, db):
    # reject a mention, correct an event's type, date and participants, a place's resolution, merge and split
    assert _post(client, id=f"{DOC}:m21", action="reject").status_code == 303
    assert _post(client, id=f"{DOC}:ev2", action="correct", field="type", value="detention").status_code == 303
    _post(client, id=f"{DOC}:ev4", action="correct", field="date", value="1911-02-25", calendar="julian")
    _post(client, id=f"{DOC}:ev4", action="correct", field="participants",
          participants="person:marta-orlova sender\nperson:ilya-brand recipient")
    _post(client, id="place:geonames:2911298", action="correct", field="geo", lat="53.55", lon="10.0",
          modern_name="Hamburg (port)")
    _post(client, id="person:pavel-orlov", action="merge", into="person:ilya-brand")
    _post(client, id="place:geonames:2950159", action="split", new_name="Berlin harbour",
          mention=f'["{DOC}", {sample_export._span("Berlin", 3)[0]}, {sample_export._span("Berlin", 3)[1]}]')
    bad = _post(client, id=f"{DOC}:ev2", action="correct", field="date", value="someday")
    assert bad.status_code == 400

    def check():
        ex = client.get("/export.json").json()
        assert not any(m["text"] == "New York" for m in ex["mentions"])
        types = [e["type"] for e in ex["events"] if e["start"] == sample_export._span("In Berlin the police")[0]]
        assert types == ["detention", "detention"]
        letter = next(e for e in ex["events"] if e["type"] == "communication")
        assert letter["date"] == {"value": "1911-02-25", "calendar": "julian", "gregorian_value": "1911-03-10"}
        assert {p["entity"] for p in letter["participants"]} == {"person:marta-orlova", "person:ilya-brand"}
        hamburg = next(e for e in ex["entities"] if e["id"] == "place:geonames:2911298")
        assert (hamburg["geo"]["lat"], hamburg["geo"]["lon"], hamburg["geo"]["name"]) == (53.55, 10.0, "Hamburg (port)")
        assert not any(e["id"] == "person:pavel-orlov" for e in ex["entities"])
        ilya = next(e for e in ex["entities"] if e["id"] == "person:ilya-brand")
        assert "Pavel Orlov" in ilya["aliases"]
        assert next(m for m in ex["mentions"] if m["text"] == "Pavel Orlov")["entity"] == "person:ilya-brand"
        split = [m for m in ex["mentions"] if m["text"] == "Berlin"]
        assert [m["entity"] for m in split].count("place:berlin-harbour-split") == 1
        return ex

    check()
    reextract(db)
    check()
    page = client.get("/corrections").text
    assert page.count("applied") >= 7 and "not matched" not in page

    # retracting keeps the record and undoes the effect
    rows = curation.list_corrections(db)
    reject = next(r for r in rows if r["action"] == "reject")
    _post(client, action="retract", correction=str(reject["id"]), back="/corrections")
    ex = client.get("/export.json").json()
    assert any(m["text"] == "New York" for m in ex["mentions"])
    assert len(curation.list_corrections(db)) == len(rows)


def test_a_correction_whose_fact_is_gone_is_kept_and_reported(db):
    ex = sample_export.build()
    curation.add_correction(db, ex, f"{DOC}:m3", "reject")
    changed = sample_export.build()
    changed["mentions"] = [m for m in changed["mentions"] if m["id"] != f"{DOC}:m3"]
    out, statuses = curation.apply_corrections(changed, curation.list_corrections(db))
    assert statuses == [{"id": 1, "matched": False, "count": 0}]
    assert len(curation.list_corrections(db)) == 1


def test_corrections_are_not_touched_by_storage(db):
    curation.add_correction(db, sample_export.build(), "place:geonames:703448", "accept")
    storage.delete_document(db, DOC)
    assert len(curation.list_corrections(db)) == 1


def test_curation_refuses_nonsense(db):
    ex = sample_export.build()
    with pytest.raises(curation.CurationError):
        curation.add_correction(db, ex, "no-such-id", "reject")
    with pytest.raises(curation.CurationError):
        curation.add_correction(db, ex, f"{DOC}:ev1", "correct", field="participants",
                                value=[{"entity": "person:nobody", "role": "agent"}])
    with pytest.raises(curation.CurationError):
        curation.add_correction(db, ex, "place:geonames:703448", "correct", field="geo", value={"lat": 95, "lon": 0})
    with pytest.raises(curation.CurationError):
        curation.add_correction(db, ex, f"{DOC}:m3", "merge", value="place:geonames:756135")


def test_views_page_links_facts_to_curation(client):
    html = client.get("/").text
    assert 'data-app="1"' in html
    assert re.search(r'<nav><a href="/"', html)
