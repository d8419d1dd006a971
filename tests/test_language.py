"""The language stage: the installed spaCy pipeline, with the project's own adjustments."""
from chronotope.document import Document
from chronotope.pipeline import Options, Pipeline
from chronotope.stages.language import load_model


def test_a_full_stop_and_a_dash_run_into_the_next_word_are_split():
    nlp = load_model(Options().model)
    assert [t.text for t in nlp("March 5th, Damascus.\u2014We came over the hills.")][3:7] == ["Damascus", ".", "\u2014", "We"]
    assert [t.text for t in nlp("We left Kiev.--The train was late.")][2:6] == ["Kiev", ".", "--", "The"]
    # a dash between words and in numbers is left as the pipeline has it
    assert [t.text for t in nlp("He left Paris\u2014and never returned.")][2:5] == ["Paris", "\u2014", "and"]


def test_a_dateline_run_into_its_entry_gives_the_place():
    text = ("March 4th, Beirut. We hired mules for the road.\n\n"
            "March 5th, Damascus.\u2014We came over the hills in two days and found rooms near the bazaar.")
    doc = Pipeline(Options()).run(Document(text, source="diary.txt"))
    places = [m.text for m in doc.mentions_of("place")]
    assert "Damascus" in places
    assert all(m.text == doc.text[m.start:m.end] for m in doc.mentions)
