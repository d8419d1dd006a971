"""Journey legs in lives told in the third person and in diaries, on texts the tests write: the
biographer's own "I", a couple and "they", a subject called by surname alone, a courier sent
from where the sender is, being "back in" a place, "by way of", a vessel's call told after the
arrival, an arrival told before the road to it, and vehicles the parser misreads."""
from chronotope.document import Document
from conftest import legs_by_traveller


def _run(events_pipeline, text):
    return events_pipeline.run(Document(text, source="own.txt"))


def _legs(d):
    names = {k: v.name for k, v in d.entities.items()}
    return {(names.get(l.from_place), names.get(l.to_place)): l.modes for j in d.journeys
            if not j.attributes.get("planned") for l in j.legs}


BIOGRAPHY = (
    "Henry Lockwood was born at York in 1801. Lockwood trained as a surveyor, and Lockwood's early "
    "letters are cheerful. In 1830 Lockwood sailed from Liverpool to Boston with his wife Jane. "
    "He found work on the canals, and he wrote home often. When I went from York to Liverpool by train "
    "in 2015 to read those letters, I found that he had kept copies of his own. In May 1832 the couple "
    "left Boston for the west. The canal board wanted advice on the foundations of the new locks. They "
    "travelled by wagon and reached Albany after nine days. From Albany they went on in June by boat "
    "to Buffalo.")


def test_the_biographers_own_trip_is_not_the_subjects(events_pipeline):
    d = _run(events_pipeline, BIOGRAPHY)
    by = legs_by_traveller(d)
    writer = by.get(("the writer",), [])
    assert ("York", "Liverpool") in writer
    subject = [legs for who, legs in by.items() if who != ("the writer",) and ("Liverpool", "Boston") in legs]
    assert subject and ("York", "Liverpool") not in subject[0]


def test_the_couple_and_they_travel_on_with_the_subject(events_pipeline):
    legs = _legs(_run(events_pipeline, BIOGRAPHY))
    assert ("Boston", "Albany") in legs and "carriage" in legs[("Boston", "Albany")]
    assert ("Albany", "Buffalo") in legs and "boat" in legs[("Albany", "Buffalo")]


def test_a_quoted_i_in_a_life_is_the_subjects(events_pipeline):
    d = _run(events_pipeline, "Henry Lockwood settled at Albany in 1833, and he seldom wrote. He worked on the locks, "
                       "and he built a house. Of 1835 he wrote: \u201cI went from Albany to Buffalo by the "
                       "canal boat, and I was sick all the way.\u201d He stayed at Buffalo for a year.")
    by = legs_by_traveller(d)
    assert ("the writer",) not in by
    assert any(("Albany", "Buffalo") in legs for legs in by.values())


def test_courier_sent_from_where_the_sender_is_and_back_again(events_pipeline):
    d = _run(events_pipeline, "Henry Lockwood reached Lisbon in March 1790, and Lockwood took a house near the river. "
                       "Lockwood worked on the plans all that winter. In January 1791 Lockwood sent his clerk, "
                       "a young man named Daniel Foster, to Madrid with the plans. Foster rode by way of Elvas "
                       "and Badajoz, crossed the frontier without trouble, and was back in Lisbon within the month.")
    legs = _legs(d)
    assert ("Lisbon", "Madrid") in legs and "horse" in legs[("Lisbon", "Madrid")]
    assert ("Madrid", "Lisbon") in legs
    foster = [j for j in d.journeys if j.travellers and d.entities[j.travellers[0]].name == "Daniel Foster"]
    assert foster and set(foster[0].legs[0].attributes.get("via", [])) == {
        e for e, ent in d.entities.items() if ent.name in ("Elvas", "Badajoz")}


def test_an_arrival_told_first_and_the_road_to_it_after(events_pipeline):
    legs = _legs(_run(events_pipeline, (
        "Henry Lockwood came to Lisbon by a long road. In the spring of 1787 the firm sent him on from Cadiz, "
        "where he had spent the winter, and he made the passage in a coasting brig. He had reached Cadiz from "
        "Gibraltar the previous November in a hired felucca, and Gibraltar itself he had reached as a passenger "
        "on a naval storeship out of Portsmouth after a long wait for a convoy. He landed at Lisbon on "
        "14 April 1787.")))
    assert ("Portsmouth", "Gibraltar") in legs and "ship" in legs[("Portsmouth", "Gibraltar")]
    assert ("Gibraltar", "Cadiz") in legs and ("Cadiz", "Lisbon") in legs
    assert not any(a is None for a, _ in legs)
    assert not any(a == "Lisbon" for a, _ in legs)


def test_a_dated_departure_from_a_place_already_left(events_pipeline):
    legs = _legs(_run(events_pipeline, (
        "In October 1788 Henry Lockwood went on horseback from Coimbra to Porto, and thence to a rented house "
        "at Vila Nova de Gaia. In June 1789 he sailed from Porto to London on a wine ship.")))
    assert ("Porto", "London") in legs and "ship" in legs[("Porto", "London")]


def test_a_vehicle_tagged_as_a_verb_and_a_call_told_after_the_arrival(events_pipeline):
    d = _run(events_pipeline, (
        "In September 1963 I flew up to Da Nang on a military transport. From Da Nang we went on by jeep "
        "up the coast road to Hue, over the pass, and we spent four days there. My wife Ruth came up from "
        "Singapore to Saigon on a French cargo boat in October. The boat called at Kuala Lumpur, she told me."))
    legs = _legs(d)
    assert ("Da Nang", "Hue") in legs and "car" in legs[("Da Nang", "Hue")]
    assert not any("Kuala Lumpur" in pair for pair in legs)


def test_the_same_wagons_again_and_a_vehicle_told_before_its_movement(events_pipeline):
    legs = _legs(_run(events_pipeline, (
        "On the 20th of May 1916 we were put into cattle trucks at Rouen, forty men to a truck, and two days "
        "later we were turned out at Amiens in the rain. Lorries carried us on from Amiens to Albert.")))
    assert legs.get(("Rouen", "Amiens")) in (None, ["rail"])
    assert legs[("Amiens", "Albert")] == ["car"]
    legs = _legs(_run(events_pipeline, "We left Rouen by train on 20 May 1916. Lorries carried us on from Amiens to Albert."))
    assert legs[("Rouen", "Amiens")] == ["rail"]


def test_a_walk_told_after_an_as_clause(events_pipeline):
    legs = _legs(_run(events_pipeline, (
        "In the next bed there was a Belgian called Maurice Peeters. In October 1914 he had walked out of "
        "Antwerp with his mother as the Germans came in, on foot the whole way to Ostend, sleeping in barns.")))
    assert ("Antwerp", "Ostend") in legs and "foot" in legs[("Antwerp", "Ostend")]


DIARY = (
    "March 3rd, Beirut. \u2014 Letters from the Committee at last. Brown and I are to go to Baghdad before "
    "the heat. It is twelve years since I first came to Beirut from Alexandria on a steamer, and I had not "
    "thought to leave it so soon.\n\n"
    "March 5th, Damascus. \u2014 We came over the mountains yesterday by the diligence, with snow deep at the "
    "top of the pass. Brown has gone north to Homs on horseback to see the school there. I stay to hire "
    "camels, which is a matter of much talk.\n\n"
    "March 30th, Baghdad. \u2014 Arrived at noon after the long desert crossing. Brown rode in from Homs this "
    "evening with a guide, very cheerful. Dr. Kerr of the mission, who came up from Basra last month, is "
    "here and gives us the news.\n\n"
    "April 3rd. \u2014 Left Baghdad at dawn on foot with donkeys for the baggage, and reached Basra on the "
    "tenth.\n\n"
    "June 19th. \u2014 Miss Orme came up from Damascus by the post road yesterday, and she is very brave "
    "about the heat.\n")


def test_a_diary_flashback_to_the_place_of_its_heading(events_pipeline):
    legs = _legs(_run(events_pipeline, DIARY))
    assert ("Alexandria", "Beirut") in legs
    assert ("Beirut", "Alexandria") not in legs
    assert ("Beirut", "Damascus") in legs and ("Damascus", "Baghdad") in legs


def test_riding_in_and_coming_up_are_toward_the_diarist(events_pipeline):
    d = _run(events_pipeline, DIARY)
    legs = _legs(d)
    assert ("Homs", "Baghdad") in legs
    assert ("Damascus", "Baghdad") in legs
    by = legs_by_traveller(d)
    assert ("Orme",) in by and ("Damascus", "Baghdad") in by[("Orme",)]
    # a relative clause about Dr. Kerr does not make him the one followed: the next entry is not his
    assert by[("Kerr",)] == [("Basra", "Baghdad")]


HOUSEHOLD = (
    "Marie Laurent was thirty when she left Lyon for good. Her brother Paul had gone ahead from Lyon to "
    "Algiers in the spring of 1849 to open a shop. In May 1850 the whole household took the railway to "
    "Marseille, and from Marseille the family moved to Algiers on a steamer in June, and three years later "
    "to Oran. In 1856 she sailed from Algiers to Genoa, and went on by rail through Turin to Milan.")


def test_a_household_takes_the_railway_and_moves_on_in_summary(events_pipeline):
    d = _run(events_pipeline, HOUSEHOLD)
    by = legs_by_traveller(d)
    marie = by[("Marie Laurent",)]
    assert marie[:3] == [("Lyon", "Marseille"), ("Marseille", "Algiers"), ("Algiers", "Oran")]
    legs = _legs(d)
    assert legs[("Lyon", "Marseille")] == ["rail"] and "ship" in legs[("Marseille", "Algiers")]
    # a pluperfect aside about her brother neither moves him by her railway nor makes "she" his
    assert by[("Paul",)] == [("Lyon", "Algiers")]


def test_a_place_passed_on_the_next_stage_is_not_the_last_ones(events_pipeline):
    d = _run(events_pipeline, HOUSEHOLD)
    legs = _legs(d)
    assert legs[("Algiers", "Genoa")] == ["ship"] and legs[("Genoa", "Milan")] == ["rail"]
    names = {k: v.name for k, v in d.entities.items()}
    via = {(names.get(l.from_place), names.get(l.to_place)): [names[p] for p in l.attributes.get("via", [])]
           for j in d.journeys for l in j.legs}
    assert via[("Genoa", "Milan")] == ["Turin"] and via[("Algiers", "Genoa")] == []
