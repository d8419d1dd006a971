"""Journey legs of groups in texts told in the third person with no narrator, on texts the tests
write: "they" after a thing named in a phrase, a place taken for a plural noun, "it took them
five days to walk", "the four of them", a bare first name, a wife named beside her husband's
name, "X's convoy", "made his way", a route hung on the train taken, and a date given the
year of an aside that must not hold back the movements after it."""
from chronotope.document import Document
from conftest import legs_by_traveller


def _by_traveller(events_pipeline, text):
    return legs_by_traveller(events_pipeline.run(Document(text, source="own.txt")))


def _legs(by):
    return {leg for legs in by.values() for leg in legs}


FLIGHT = (
    "Martin Adler was a bookseller in Vienna, and Martin Adler kept a diary all his life. Martin left first. "
    "On 3 May 1938 he took the night train from Vienna to Zurich. His wife Clara Adler stayed behind with "
    "the children. In July 1938 Clara and the children travelled by train from Vienna to Prague. "
    "In December they flew from Prague to Amsterdam. They stayed in Amsterdam a week and then took the "
    "train to Paris. Clara was allowed one visit to her husband; she went down to Nevers by train.\n\n"
    "In June 1940 Clara and the children left Paris on foot in the column of people moving south. It took "
    "them five days to walk to Orléans, sleeping in barns along the way. From Orléans they reached "
    "Limoges by train. Martin, meanwhile, made his way from Nevers to Limoges on a bicycle.")


def test_a_family_told_as_they_keeps_its_own_road(events_pipeline):
    by = _by_traveller(events_pipeline, FLIGHT)
    legs = _legs(by)
    for leg in [("Vienna", "Zurich"), ("Vienna", "Prague"), ("Prague", "Amsterdam"), ("Amsterdam", "Paris"),
                ("Paris", "Orléans"), ("Orléans", "Limoges"), ("Nevers", "Limoges")]:
        assert leg in legs, leg
    clara = [legs for who, legs in by.items() if "Clara Adler" in who]
    assert clara and ("Paris", "Nevers") in clara[0]       # "Clara ...; she went down": not her husband


CONVOY = (
    "After the rising the prisoners were marched from Paris to Versailles. Morel was sent on to Brest "
    "in June 1871. Lenoir was sent from Versailles to Toulon by train. Morel's wife, Jeanne, came from "
    "Paris to Brest by train in the autumn. She went back to Paris a week later. In 1873 Lenoir's convoy "
    "sailed from Toulon to Nouméa.")


def test_a_wife_and_a_named_convoy_travel_as_themselves(events_pipeline):
    by = _by_traveller(events_pipeline, CONVOY)
    jeanne = [legs for who, legs in by.items() if any("Jeanne" in w for w in who if w)]
    assert jeanne and ("Brest", "Paris") in jeanne[0]
    assert ("Toulon", "Nouméa") in _legs(by)


ASIDE = (
    "Paul Weber left Berlin in 1938. Paul Weber was interviewed in 1992 about those years. In May he "
    "went from Berlin to Prague, and in September from Prague to Paris. In November 1940 he sailed from "
    "Lisbon to New York.")


def test_a_date_taken_from_an_aside_does_not_hold_back_later_legs(events_pipeline):
    assert ("Lisbon", "New York") in _legs(_by_traveller(events_pipeline, ASIDE))
