"""Place rules that read the text's own setting: the places around a name, its syntax.

Each test writes its own short text and runs the real stages (notes, times, places)
with real spaCy and the real gazetteer index.
"""
import pytest

from chronotope.pipeline import Options
from chronotope.places.resolve import km
from test_places import assert_near as _assert_near, geo_of, places_pipeline, run


@pytest.fixture(scope="module")
def pipeline():
    return places_pipeline(Options())


def assert_near(doc, surface, lat, lon, tol_km=30):
    """As in test_places, with a tighter default: these are towns, not regions."""
    _assert_near(doc, surface, lat, lon, tol_km)


def test_ship_named_after_a_town_does_not_make_the_town_a_person(pipeline):
    doc = run(pipeline, "In 1853 I came out from Plymouth in the ship Geelong Lass, and after a week in "
                        "Melbourne I walked to Geelong with two mates from Devon.")
    assert_near(doc, "Geelong", -38.15, 144.36, 20)


def test_feature_word_in_the_name_outweighs_the_taggers_label(pipeline):
    # the small model tags these NORP and PERSON; "Lake" and "Canal" say what they are
    doc = run(pipeline, "The railway ends at Kigoma, on the shore of Lake Tanganyika, and a mile along "
                        "the shore is Ujiji, where Stanley found the doctor.")
    assert_near(doc, "Lake Tanganyika", -6.0, 29.5, 300)
    doc = run(pipeline, "January 1920. The mission is to be wound up. Dr. Halstead and the nurses go home "
                        "by Libau and the Kiel Canal to Hull in a Wilson Line steamer.")
    assert_near(doc, "Kiel Canal", 54.2, 9.5, 80)


def test_doubtful_town_near_the_passage_places_is_accepted(pipeline):
    doc = run(pipeline, "In 1858 we lived at Hobart, under the mountain. Once I went north by the coach "
                        "through Oatlands and Campbell Town and up to Launceston to buy timber.")
    assert_near(doc, "Launceston", -41.43, 147.14, 20)


def test_relative_where_after_a_name_marks_a_place(pipeline):
    doc = run(pipeline, "After the war we went back to Calais, where my cousin kept a small hotel "
                        "near the harbour.")
    assert_near(doc, "Calais", 50.95, 1.86, 20)


def test_quarter_of_a_city_named_in_the_passage(pipeline):
    doc = run(pipeline, "I was born in London in 1890. We lived in Camberwell, over my father's shop, "
                        "until the war.")
    assert_near(doc, "Camberwell", 51.474, -0.09, 10)


def test_city_state_is_the_city(pipeline):
    doc = run(pipeline, "The steamer called at Colombo and Penang and then went on to Singapore, where "
                        "we changed ships for Batavia.")
    geo = geo_of(doc, "Singapore")
    assert geo["feature"] in ("city", "town"), geo


def test_town_without_article_is_the_town_not_the_river(pipeline):
    doc = run(pipeline, "In 1919 the refugees came in from Narva by train, and in June I went to Narva "
                      "myself with blankets and soap.")
    assert_near(doc, "Narva", 59.38, 28.19, 15)


def test_names_listed_together_lie_together(pipeline):
    doc = run(pipeline, "We sailed from London in February and reached Sydney in May.\n\n"
                        "In October my master took me on the coasting steamer to Newcastle to put up sheds "
                        "at the wharf. From Newcastle we went on up the Hunter River to Morpeth and "
                        "Maitland, a rich flat country of maize and vines.")
    assert_near(doc, "Morpeth", -32.72, 151.63, 20)


def test_unknown_feature_is_not_its_head_word_alone(pipeline):
    doc = run(pipeline, "The railway climbs from Morogoro under the Uluguru Mountains and then crosses "
                        "the dry plain to Dodoma.")
    texts = [m.text for m in doc.mentions_of("place")]
    assert "Mountains" not in texts
    geo = geo_of(doc, "Uluguru Mountains")
    # unknown to the gazetteer: unresolved, or at least in Africa, never a province elsewhere
    assert geo is None or km(-7.1, 37.6, geo["lat"], geo["lon"]) < 300


def test_quarter_named_in_apposition_is_in_the_story_town(pipeline):
    doc = run(pipeline, "In the spring of 1790 the family sailed from Falmouth to Lisbon.\n\n"
                        "They rented a house at Buenos Aires, the English quarter, above the river, "
                        "and stayed three years.")
    assert_near(doc, "Buenos Aires", 38.72, -9.14, 20)


def test_well_known_old_name_opening_a_sentence(pipeline):
    doc = run(pipeline, "April 1919. We crossed from Helsingfors in a night. Reval at last: a little town "
                        "of towers on a hill above the harbour.")
    assert_near(doc, "Reval", 59.44, 24.75, 15)
