"""The report in a real headless Chromium: no network, every leg drawn, clicks reach the evidence.

Skips (with the reason) when Debian's chromium or the playwright package is
missing; CI installs both.  Screenshots of the corpus report go to
docs/screenshots/ for the README.
"""
from __future__ import annotations

import os
import sys
import time

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "browser"))
import chromium  # noqa: E402
import sample_export  # noqa: E402

from chronotope.report import write_report  # noqa: E402

pytestmark = pytest.mark.skipif(chromium.why_not() is not None, reason=chromium.why_not() or "")
SHOTS = os.path.join(os.path.dirname(__file__), "..", "docs", "screenshots")


@pytest.fixture(scope="module")
def browser():
    with chromium.Browser() as b:
        yield b


def _open(browser, path):
    """Open a local file, recording every request the page makes and every dialog it opens."""
    page = browser.new_page()
    requests, dialogs, errors = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script("window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };")
    page.goto("file://" + os.path.abspath(path))
    page.wait_for_selector("body[data-ready='1']", timeout=15000)
    return page, requests, dialogs, errors


def test_sample_report_offline_legs_and_evidence(browser, tmp_path):
    export = sample_export.build()
    out = tmp_path / "sample.html"
    write_report(export, str(out))
    page, requests, dialogs, errors = _open(browser, out)
    try:
        assert errors == []
        # no network: the only request is the file itself
        assert [u for u in requests if not u.startswith("file://")] == []
        assert len(requests) == 1
        # as many leg lines as the export has legs
        n_legs = sum(len(j["legs"]) for j in export["journeys"])
        assert page.locator("#map path.leg").count() == n_legs
        assert page.locator("#map path.leg.planned").count() == 1
        # clicking a leg highlights its evidence in the reading view
        leg = export["journeys"][0]["legs"][1]
        ev = leg["evidence"][0]
        want = export["documents"][0]["text"][ev["start"]:ev["end"]]
        page.locator("#map path.leg-hit").nth(1).click(force=True)
        highlighted = "".join(page.locator("#texts .hl").all_text_contents())
        assert highlighted == want
        assert want in page.locator("#details blockquote.evidence").first.text_content()
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, "report-sample-leg.png"))
        # and the reverse: clicking a place in the text selects it on the map
        page.locator("#texts .m-place", has_text="Hamburg").first.click()
        assert page.locator("#map .place.sel").count() == 1
        assert page.locator("#map path.leg.sel").count() == 2     # the legs into and out of Hamburg
        # the timeline and the network answer clicks too
        page.click(".tab[data-view=timeline]")
        page.locator("svg.tl .item.t-arrest").first.click(force=True)
        assert "arrested Ilya Brand" in "".join(page.locator("#texts .hl").all_text_contents())
        page.click(".tab[data-view=network]")
        page.locator("#network .edge.rel-wrote_to").first.click(force=True)
        assert "wrote a letter" in "".join(page.locator("#texts .hl").all_text_contents())
    finally:
        page.close()


def test_markup_in_the_source_is_shown_as_text(browser, tmp_path):
    out = tmp_path / "xss.html"
    write_report(sample_export.build(), str(out))
    page, requests, dialogs, errors = _open(browser, out)
    try:
        text = page.locator("#texts").text_content()
        assert sample_export.SCRIPT_ATTACK in text
        assert sample_export.ATTR_ATTACK in text
        assert page.locator("#texts img, #texts script, #details img").count() == 0
        # click the attack text and the event around it: still text in the details pane
        page.locator("#texts .ev", has_text="A scrap pasted").first.click()
        page.evaluate("chronotope.select(%r, {})" % (sample_export.DOC_ID + ":ev5"))
        assert page.locator("#details img, #details script").count() == 0
        assert dialogs == [] and page.evaluate("window.__alerts") == []
        assert page.evaluate("document.querySelectorAll('img').length") == 0
    finally:
        page.close()


def test_corpus_report_size_speed_and_screenshots(browser, tmp_path, capsys, request):
    import corpus_export
    if len(corpus_export.corpus_paths()) < 2:
        pytest.skip("the corpus texts are not in ../shared/corpus")
    try:       # the suite's shared run of the real CLI over both chapters
        export = request.getfixturevalue("corpus_run")[0]
    except Exception:       # the CLI cannot run yet (a stage still being written): the stages that import
        export = corpus_export.corpus_export()
    out = tmp_path / "corpus.html"
    figures = write_report(export, str(out))
    assert figures["bytes"] < 5 * 1024 * 1024
    t0 = time.perf_counter()
    page, requests, dialogs, errors = _open(browser, out)
    wall = time.perf_counter() - t0
    try:
        assert errors == [] and [u for u in requests if not u.startswith("file://")] == []
        n_legs = sum(len(j["legs"]) for j in export["journeys"])
        drawable = sum(1 for j in export["journeys"] for leg in j["legs"] if _resolved(export, leg))
        assert page.locator("#map path.leg").count() == drawable <= n_legs
        ready_ms = int(page.get_attribute("body", "data-ready-ms"))
        with capsys.disabled():
            print(f"\nreport of both corpus texts: {figures['bytes'] / 1e6:.2f} MB, {figures['mentions']} mentions, "
                  f"{figures['events']} events, {n_legs} legs; ready {ready_ms} ms after navigation start "
                  f"(open + render {wall:.2f} s wall)")
        os.makedirs(SHOTS, exist_ok=True)
        _select_something(page, export)
        page.screenshot(path=os.path.join(SHOTS, "report-map.png"))
        page.click(".tab[data-view=timeline]")
        items = page.locator("svg.tl .item")
        if items.count():
            items.first.click(force=True)
        page.screenshot(path=os.path.join(SHOTS, "report-timeline.png"))
        page.click(".tab[data-view=network]")
        page.screenshot(path=os.path.join(SHOTS, "report-network.png"))
        page.click(".tab[data-view=map]")
        page.locator("#texts .m-person").nth(3).click()
        page.screenshot(path=os.path.join(SHOTS, "report-reading.png"))
    finally:
        page.close()


def _resolved(export, leg) -> bool:
    geo = {e["id"]: e.get("geo") for e in export["entities"]}
    return all((geo.get(p) or {}).get("lat") is not None for p in (leg.get("from"), leg.get("to")))


def _select_something(page, export):
    """Select a leg if there is one (it shows the evidence), else an event, else a place."""
    if page.locator("#map path.leg-hit").count():
        page.locator("#map path.leg-hit").first.click(force=True)
    elif export["events"]:
        page.evaluate("chronotope.select(%r, {})" % export["events"][0]["id"])
    elif page.locator("#map .place").count():
        page.locator("#map .place").first.click(force=True)
