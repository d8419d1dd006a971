"""Quantities: parsing, historical units through pint, and the stage on real text."""
from pathlib import Path

import pytest

from chronotope.document import Document
from chronotope.quantities import convert, find_quantities, parse_number

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")


def found(text, **kw):
    return {text[f.start:f.end]: f for f in find_quantities(text, **kw)}


def test_historical_units_convert_through_pint():
    assert convert(1, "verst", "km") == pytest.approx(1.0668)
    assert convert(1, "pood", "kg") == pytest.approx(16.38, abs=0.01)
    assert convert(3, "arshin", "km") == pytest.approx(convert(1, "sazhen", "km"))
    assert convert(10, "knot", "km/h") == pytest.approx(18.52)
    assert convert(-40, "degree_Fahrenheit", "degC") == pytest.approx(-40)


def test_numbers_written_in_words_digits_and_vaguely():
    assert parse_number("seventy-three")[0] == 73
    assert parse_number("4,000")[0] == 4000
    assert parse_number("2½")[0] == 2.5
    v, lo, hi = parse_number("several hundred")
    assert lo == 200 and hi > lo
    assert parse_number("Tuesday") is None


def test_distances_speeds_money_and_temperatures():
    text = ("We rode some twelve versts before noon, then the mare kept up nine miles an hour "
            "for the rest of the way. The frost stood at 22 degrees below zero (Fahrenheit); "
            "the ferryman took forty kopecks and a pood of flour cost 3 roubles. The schooner "
            "made seven knots.")
    f = found(text)
    assert f["twelve versts"].value == pytest.approx(12.8, abs=0.01)
    assert f["twelve versts"].qualifier == "approx"
    assert f["nine miles an hour"].unit == "km/h"
    assert f["nine miles an hour"].value == pytest.approx(14.48, abs=0.01)
    t = f["22 degrees below zero (Fahrenheit)"]
    assert t.unit == "degC" and t.value == pytest.approx(-30.0, abs=0.1)
    assert f["forty kopecks"].unit == "RUB" and f["forty kopecks"].value == pytest.approx(0.4)
    assert f["3 roubles"].value == 3
    assert f["seven knots"].value == pytest.approx(12.96, abs=0.01)


def test_bare_degrees_are_not_temperatures_without_context():
    f = found("The island lies in lat. 12 degrees S., and the bay opens 40 degrees to the east.")
    assert not [x for x in f.values() if x.kind == "temperature"]


def test_unnamed_scale_follows_the_documents_last_scale():
    f = found("At noon the thermometer stood at 86 degrees.", default_scale="degree_Fahrenheit")
    assert f["86 degrees"].value == pytest.approx(30.0)


@pytest.fixture(scope="module")
def pipeline():
    from chronotope.pipeline import Options, Pipeline
    from chronotope.stages import quantities
    return Pipeline(Options(), stages=[quantities.make(Options())])


def test_stage_counts_people_and_things(pipeline):
    text = "The court heard 300 witnesses. Kuzmin and eleven others were sent north in 25 carts on 3 May."
    d = pipeline.run(Document(text, source="own.txt"))
    q = {m.text: m.quantity for m in d.mentions if m.kind == "quantity"}
    assert q["300 witnesses"]["unit"] == "count" and q["300 witnesses"]["value"] == 300
    assert q["eleven others"]["value"] == 11
    assert q["25 carts"]["of"] == "cart"
    assert not any("May" in t for t in q)          # a date is not a count


@pytest.mark.skipif(not (CORPUS / "my-life-deportation.txt").exists(), reason="corpus not present")
def test_stage_on_the_memoir_chapter(pipeline):
    path = CORPUS / "my-life-deportation.txt"
    text = path.read_text(encoding="utf-8")
    d = pipeline.run(Document(text, source=path.name))
    by_text = {m.text: m for m in d.mentions if m.kind == "quantity"}
    assert by_text["53 degrees below zero (Fahrenheit)"].quantity["value"] == pytest.approx(-47.2, abs=0.1)
    assert by_text["sixty miles"].quantity["value"] == pytest.approx(96.6, abs=0.1)
    assert by_text["6,000 kilometres"].quantity["unit"] == "km"
    for m in by_text.values():                     # offsets index the source text
        assert text[m.start:m.end] == m.text
