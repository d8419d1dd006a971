"""The web app in a real headless Chromium: search, a curation round trip that survives
re-extraction by the real pipeline, and source markup shown as text.

Skips (with the reason) when Debian's chromium or playwright is missing.
"""
from __future__ import annotations

import json
import os
import sys
import urllib.request

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "browser"))
import chromium  # noqa: E402
import sample_export  # noqa: E402
from live_app import LiveApp  # noqa: E402

pytestmark = pytest.mark.skipif(chromium.why_not() is not None, reason=chromium.why_not() or "")
SHOTS = os.path.join(os.path.dirname(__file__), "..", "docs", "screenshots")

# Written for this test: a short travel narrative with markup that must stay text.
TEXT = (
    "The Crossing\n\n"
    "In May 1912 Vera Lindqvist travelled from Stockholm to Helsinki by steamer, and from there "
    "by train to Moscow. Her brother Anton Lindqvist met her at the station.\n\n"
    "Her notebook has a line that reads " + sample_export.SCRIPT_ATTACK + " and under it "
    + sample_export.ATTR_ATTACK + " in pencil.\n"
)


def extract(path: str, db: str) -> None:
    """Run the real pipeline over the file and store it (what 'chronotope extract' does)."""
    from corpus_export import _importable
    from chronotope import storage
    from chronotope.document import Corpus
    from chronotope.pipeline import Options, Pipeline
    from chronotope.run import document_from_path
    from chronotope.stages import registry
    options = Options()
    names = [n for n in registry.STAGES if _importable(f"chronotope.stages.{n}")]
    doc = Pipeline(options, stages=registry.build(options, names)).run(document_from_path(path))
    storage.save_corpus(db, Corpus(documents=[doc], entities=dict(doc.entities)))


def _export(app) -> dict:
    with urllib.request.urlopen(app.url + "/export.json") as r:
        return json.load(r)


@pytest.fixture(scope="module")
def browser():
    with chromium.Browser() as b:
        yield b


def test_search_curation_round_trip_and_escaping(browser, tmp_path):
    src = tmp_path / "the-crossing.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "c.db")
    extract(str(src), db)
    with LiveApp(db) as app:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        try:
            # the views, with the markup in the source shown as text
            page.goto(app.url + "/")
            page.wait_for_selector("body[data-ready='1']")
            text = page.locator("#texts").text_content()
            assert sample_export.SCRIPT_ATTACK in text and sample_export.ATTR_ATTACK in text
            assert page.locator("#texts img, #texts script").count() == 0
            # full-text search
            page.goto(app.url + "/search?q=steamer")
            assert page.locator("ol.results li").count() == 1
            assert page.locator("ol.results mark").first.text_content().lower() == "steamer"
            page.goto(app.url + "/search?q=pencil")
            assert sample_export.SCRIPT_ATTACK in page.locator("ol.results").text_content()
            assert page.locator("ol.results img, ol.results script").count() == 0

            # curation: correct a place's resolution and reject a mention, in the browser
            ex = _export(app)
            place = next(e for e in ex["entities"] if e["kind"] == "place" and e["name"] == "Helsinki")
            page.goto(app.url + "/entity?id=" + place["id"])
            page.fill("#resolve input[name=lat]", "60.1")
            page.fill("#resolve input[name=lon]", "24.9")
            page.fill("#resolve input[name=modern_name]", "Helsinki harbour")
            page.click("#resolve button[type=submit]")
            assert "correction 1 recorded" in page.locator("p.msg").text_content()
            assert "Helsinki harbour" in page.locator(".content").text_content()
            moscow = next(m for m in ex["mentions"] if m["text"] == "Moscow")
            page.goto(app.url + "/fact?id=" + moscow["id"])
            page.fill("#reject input[name=note]", "testing a rejection")
            page.click("#reject button[type=submit]")
            page.wait_for_selector("body[data-ready='1']")

            # re-extract the same file with the real pipeline: the corrections come back
            extract(str(src), db)
            after = _export(app)
            helsinki = next(e for e in after["entities"] if e["id"] == place["id"])
            assert (helsinki["geo"]["lat"], helsinki["geo"]["lon"]) == (60.1, 24.9)
            assert not any(m["text"] == "Moscow" and m["start"] == moscow["start"] for m in after["mentions"])
            page.goto(app.url + "/entity?id=" + place["id"])
            assert "Helsinki harbour" in page.locator(".content").text_content()
            page.goto(app.url + "/corrections")
            assert page.locator("td", has_text="applied").count() == 2
            os.makedirs(SHOTS, exist_ok=True)
            page.screenshot(path=os.path.join(SHOTS, "app-corrections.png"), full_page=True)
            page.goto(app.url + "/entity?id=" + place["id"])
            page.screenshot(path=os.path.join(SHOTS, "app-entity.png"))
            assert dialogs == []
        finally:
            page.close()


def test_app_views_screenshot_of_the_sample(browser, tmp_path):
    from chronotope import storage
    db = str(tmp_path / "s.db")
    storage.save_corpus(db, sample_export.to_corpus())
    with LiveApp(db) as app:
        page = browser.new_page()
        try:
            page.goto(app.url + "/?person=person%3Amarta-orlova")
            page.wait_for_selector("body[data-ready='1']")
            assert page.locator("#map path.leg").count() == 5
            page.locator("#map path.leg-hit").nth(3).click(force=True)
            assert page.locator("#details a.curate").get_attribute("href").startswith("/fact?id=")
            os.makedirs(SHOTS, exist_ok=True)
            page.screenshot(path=os.path.join(SHOTS, "app-views.png"))
            page.click("#details a.curate")
            assert page.locator("#reject").count() == 1
        finally:
            page.close()
