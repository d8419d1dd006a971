"""Names the gazetteer does not know, placed by the scene of the passage; names that are a
vessel, a description or a longer street name; features and old names of the supplement.

Each test writes its own short text and runs the real stages (times, places) with real
spaCy and the real gazetteer index.
"""
import pytest

from chronotope.pipeline import Options
from test_places import assert_near as _assert_near, km, places_named, places_pipeline, run


@pytest.fixture(scope="module")
def pipeline():
    return places_pipeline(Options())


def assert_near(doc, surface, lat, lon, tol_km=15):
    _assert_near(doc, surface, lat, lon, tol_km)


def test_unknown_quarter_is_placed_at_the_town_the_paragraph_opens_with(pipeline):
    doc = run(pipeline, "Dar es Salaam is a fine harbour with a narrow mouth, and behind the white "
                        "offices lies the Indian bazaar at Kariakoo, where I bought a hat.")
    assert_near(doc, "Kariakoo", -6.82, 39.27)


def test_unknown_quarter_is_placed_at_the_dateline_town(pipeline):
    doc = run(pipeline, "Dear Mother,\n\nTabora, 3rd May 1926.\n\nI stayed three days with a district "
                        "officer, who showed me the old house at Kwihara, a few miles out.")
    assert_near(doc, "Kwihara", -5.02, 32.80, 20)


def test_unknown_name_travelled_to_is_not_placed_at_the_town_left(pipeline):
    doc = run(pipeline, "Sydney in that winter was half empty, for every man had gone across the "
                        "mountains to Wallumbilla Creek diggings.")
    for m in places_named(doc, "Wallumbilla"):
        geo = doc.entities[m.entity].geo
        assert geo is None or km(-33.87, 151.21, geo["lat"], geo["lon"]) > 5


def test_a_vessel_in_apposition_is_no_place(pipeline):
    doc = run(pipeline, "We came across from Batavia in four days in the Bintang, a small Dutch "
                        "steamer, and anchored off Singapore.")
    assert not places_named(doc, "Bintang")
    assert_near(doc, "Singapore", 1.29, 103.85, 30)


def test_street_or_quarter_named_after_a_town_is_not_that_town(pipeline):
    doc = run(pipeline, "August 1919. Riga. We are lodged in the Old Town, near the Powder Tower, "
                        "and the clinic is in Moscow Suburb across the railway.")
    assert_near(doc, "Moscow Suburb", 56.95, 24.11)
    assert_near(doc, "Powder Tower", 56.95, 24.11)
    assert not any(m.text == "Tower" for m in doc.mentions_of("place"))


def test_a_description_is_not_another_towns_other_name(pipeline):
    # GeoNames gives "Old Town" as another name of Las Vegas and Baltimore
    doc = run(pipeline, "We came to Riga in August. We are lodged in the old quarter, the Old Town, "
                        "and the old streets are narrow.")
    for m in places_named(doc, "Old Town"):
        geo = doc.entities[m.entity].geo
        assert geo is None or km(56.95, 24.11, geo["lat"], geo["lon"]) < 20


def test_a_city_is_not_taken_for_a_quarter_of_another_named_beside_it(pipeline):
    doc = run(pipeline, "Nagasaki, 9th April 1891.\n\nI am to go up to Kobe and Yokohama in the summer, "
                        "and if it goes well I may visit Tokyo. Nagasaki is quiet.")
    assert_near(doc, "Nagasaki", 32.75, 129.88, 20)


def test_river_named_with_up_is_the_river_not_the_province(pipeline):
    doc = run(pipeline, "At Kabalo I took a river steamer south up the Lualaba to Bukama.")
    geo = places_named(doc, "Lualaba") and doc.entities[places_named(doc, "Lualaba")[0].entity].geo
    assert geo and geo["feature"] == "river"


def test_river_shared_with_england_follows_the_story(pipeline):
    doc = run(pipeline, "From Melbourne I went down to Hobart Town and lived in Battery Point, with a "
                      "view of the Derwent. Later I went up to Launceston for timber from the Tamar.")
    assert_near(doc, "Derwent", -42.6, 146.8, 80)
    assert_near(doc, "Tamar", -41.25, 146.97, 50)


def test_treaty_port_names(pipeline):
    doc = run(pipeline, "Canton, 2nd August 1889.\n\nThe foreigners are kept to Shameen, a little island "
                        "joined to the city by two bridges, and we passed the forts at the Bogue. "
                        "In Nagasaki my heart goes to Deshima.")
    assert_near(doc, "Shameen", 23.11, 113.24, 10)
    assert_near(doc, "Bogue", 22.8, 113.63, 20)
    assert_near(doc, "Deshima", 32.74, 129.87, 10)
