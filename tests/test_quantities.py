"""Quantities: parsing, historical units through pint, and the stage on real text."""

import pytest

from chronotope.document import Document
from chronotope.quantities import convert, find_quantities, parse_number

from conftest import CORPUS


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


def test_fractions_of_units():
    text = ("The inn stood two and a half versts from the ferry, half a verst past the chapel; "
            "we walked a mile and a half, then the mile and a half back, and the boat lay "
            "three quarters of a mile out. The cart weighed four tons and a half.")
    f = found(text)
    assert f["two and a half versts"].original_value == 2.5
    assert f["half a verst"].value == pytest.approx(0.5334, abs=0.001)
    assert f["a mile and a half"].value == pytest.approx(2.414, abs=0.01)
    assert f["mile and a half"].original_value == 1.5          # "the mile and a half"
    assert f["three quarters of a mile"].value == pytest.approx(1.207, abs=0.01)
    assert f["four tons and a half"].original_value == 4.5


def test_ranges_signs_and_percentages():
    text = ("A sack of rye cost between 12 and 18 roubles. The post horses ran eight or nine "
            "versts an hour. By dawn it was -14°R and at noon minus six degrees; the thermometer "
            "showed 20 degrees of frost (Réaumur). Nearly 30 per cent of the sheep died, 5% more in spring.")
    f = found(text)
    r = f["12 and 18 roubles"]
    assert (r.value, r.min, r.max, r.unit) == (15, 12, 18, "RUB")
    sp = f["eight or nine versts an hour"]
    assert sp.unit == "km/h" and sp.min == pytest.approx(8 * 1.0668) and sp.max == pytest.approx(9 * 1.0668)
    assert f["-14°R"].value == pytest.approx(-17.5)
    assert f["minus six degrees"].value == pytest.approx(-6.0)
    assert f["20 degrees of frost (Réaumur)"].value == pytest.approx(-25.0)
    assert f["30 per cent"].unit == "percent" and f["30 per cent"].qualifier == "at_most"
    assert f["5%"].value == 5


def test_nationality_adjective_names_the_currency():
    text = ("She sold the ring for sixty American dollars, paid nine Swiss francs for the room, "
            "owed 300 Austrian crowns and kept two Egyptian pounds. The bag weighed ten pounds.")
    f = found(text)
    assert f["sixty American dollars"].unit == "USD"
    assert f["nine Swiss francs"].unit == "CHF"
    assert f["300 Austrian crowns"].unit == "AHK"
    assert f["two Egyptian pounds"].unit == "EGP"
    assert f["ten pounds"].kind == "mass"


def test_no_quantities_in_years_dates_references_and_ordinals():
    text = ("In 1911, on the 4th, she copied pages 31-33 and article 72/4 of the code; "
            "at five she left, the second time that week.")
    assert find_quantities(text) == []


def test_stage_counts_hyphenated_numbers_and_partitives(pipeline):
    text = ("Thirty-six other deportees waited at the quay. Seven of us were chained together, "
            "three of our fellow-prisoners were kept back, "
            "and several hundred onlookers lined the road. Page 12 of the register lists them. "
            "The guard whirled the other two round his head.")
    d = pipeline.run(Document(text, source="own.txt"))
    q = {m.text: m.quantity for m in d.mentions if m.kind == "quantity"}
    assert q["Thirty-six other deportees"]["value"] == 36
    assert q["Seven of us"] == {**q["Seven of us"], "value": 7, "unit": "count", "of": "people"}
    assert q["several hundred onlookers"]["min"] == 200
    assert q["three of our fellow-prisoners"]["of"] == "prisoner"
    assert not any("12" in t or "two" in t for t in q)


def test_bare_dollars_follow_the_country_the_text_is_in():
    from chronotope.pipeline import Options, Pipeline
    text = ("Hamburg, 2 March 1926\n\nI paid 120 dollars for the passage to Canada.\n\n"
            "Regina, 9 June 1926\n\nThe farmer in Regina pays me 35 dollars a month, and I spent "
            "fifteen American dollars of my old savings on boots.")
    d = Pipeline(Options()).run(Document(text, source="own-letters.txt"))
    q = {m.text: m.quantity for m in d.mentions if m.kind == "quantity" and m.quantity["kind"] == "money"}
    assert q["120 dollars"]["unit"] == "USD"
    assert q["35 dollars"]["unit"] == "CAD" and q["35 dollars"]["currency_word"] == "dollars"
    assert q["fifteen American dollars"]["unit"] == "USD"


def test_ranges_share_their_multiplier_and_bare_hot_degrees_are_fahrenheit():
    f = found("The post lay two or three hundred versts north; the thermometer stood at 70 degrees.")
    r = f["two or three hundred versts"]
    assert (r.min, r.max) == (pytest.approx(200 * 1.0668), pytest.approx(300 * 1.0668))
    assert f["70 degrees"].value == pytest.approx(21.1, abs=0.1)
    from chronotope.quantities import find_numbers
    assert find_numbers("Two-thirds of the crew and four-fifths of the cargo were lost.") == []


def test_origin_places_do_not_set_the_currency():
    from chronotope.pipeline import Options, Pipeline
    text = ("Winnipeg, 3 October 1928\n\nMy neighbour here is a carpenter from Lviv. "
            "He lent me 12 dollars until the harvest money comes.")
    d = Pipeline(Options()).run(Document(text, source="own-letter.txt"))
    q = [m.quantity for m in d.mentions if m.kind == "quantity" and m.text == "12 dollars"]
    assert q and q[0]["unit"] == "CAD"
