"""Journey legs told out of the story's order or in less common shapes, on texts the tests write:
pluperfect legs with both ends, "there", "out of", a vehicle's relative clause, a building
after a destination, a diary's dateline run into its entry, and compound vehicle words."""
from chronotope.document import Document


def _legs(events_pipeline, text):
    d = events_pipeline.run(Document(text, source="own.txt"))
    names = {k: v.name for k, v in d.entities.items()}
    return {(names.get(l.from_place), names.get(l.to_place)): l.modes for j in d.journeys
            if not j.attributes.get("planned") for l in j.legs}


def test_pluperfect_leg_with_both_ends_is_kept_without_moving_the_traveller(events_pipeline):
    legs = _legs(events_pipeline, "Anna Berg arrived at Hamburg on 3 May 1850. She had reached Bremen from Oslo "
                           "the year before in a small steamer. In June she went on from Hamburg to Berlin by rail.")
    assert "ship" in legs[("Oslo", "Bremen")]
    assert ("Hamburg", "Berlin") in legs and ("Bremen", "Berlin") not in legs


def test_pluperfect_stretches_told_backwards_and_there(events_pipeline):
    legs = _legs(events_pipeline, "I reached Vienna on 2 March 1962. I had been in Munich only one night. "
                           "I had flown there from Rome, and to Rome from Athens.")
    assert ("Rome", "Munich") in legs and ("Athens", "Rome") in legs
    assert "aircraft" in legs[("Athens", "Rome")]


def test_out_of_is_an_origin(events_pipeline):
    legs = _legs(events_pipeline, "In August 1914 the family walked out of Liège to Namur.")
    assert "foot" in legs[("Liège", "Namur")]


def test_a_vehicle_that_reaches_a_place_takes_its_riders_there(events_pipeline):
    legs = _legs(events_pipeline, "We left Leeds on 2 May 1916 in a troop train that took all day to reach Southampton.")
    assert "rail" in legs[("Leeds", "Southampton")]


def test_a_building_after_a_destination_is_inside_it(events_pipeline):
    legs = _legs(events_pipeline, "We landed at Dover on 14 July. A Red Cross train took us up to London, "
                           "to a hospital at Camberwell.")
    assert ("Dover", "London") in legs
    assert not any(b == "Camberwell" for _, b in legs)


def test_diary_dateline_run_into_the_entry(events_pipeline):
    # (with the dash spaced: the tokenizer keeps "Beirut.—Letters" as one token, hiding the place)
    legs = _legs(events_pipeline, "March 3rd, Beirut. — Letters from the Committee at last.\n\n"
                           "March 5th, Damascus. — We came over the mountains yesterday by the diligence.")
    assert "carriage" in legs[("Beirut", "Damascus")]


def test_cattle_trucks_are_railway_wagons(events_pipeline):
    legs = _legs(events_pipeline, "We went up by train to the base camp at Lille. On 20 May 1916 we were put into "
                           "cattle trucks at Lille, forty men to a truck, and two days later we were turned out "
                           "at Arras in the rain. Lorries carried us on from Arras to Doullens.")
    assert "rail" in legs[("Lille", "Arras")]
