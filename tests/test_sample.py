"""The bundled sample (examples/diary-of-a-journey.txt): notes and people read as intended."""
from pathlib import Path

import pytest

from chronotope.document import Document
from chronotope.pipeline import Options, Pipeline

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "diary-of-a-journey.txt"


@pytest.fixture(scope="module")
def diary():
    from chronotope.stages import notes, people
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        text = f.read()
    return Pipeline(Options(), stages=[notes.make(None), people.make(None)]).run(
        Document(text, source=SAMPLE.name))


def test_sample_is_a_short_original_narrative():
    text = SAMPLE.read_text(encoding="utf-8")
    assert 1300 <= len(text.split()) <= 1900
    assert "Notes" in text and "[4]" in text


def test_sample_notes(diary):
    cits = {c.marker: c for c in diary.citations}
    assert sorted(cits) == ["1", "2", "3", "4"]
    assert (cits["1"].work, cits["1"].pages) == ("A Winter in East Prussia", "88-91")
    assert cits["1"].attributes["author"] == "Harriet Cole"
    assert (cits["1"].attributes["place"], cits["1"].attributes["year"]) == ("Edinburgh", "1871")
    # "... are described in Cole, pages 102-4": a short form of note 1
    assert (cits["2"].work, cits["2"].pages, cits["2"].entity) == ("A Winter in East Prussia", "102-4",
                                                                   cits["1"].entity)
    assert cits["3"].work == "Letters from the Lithuanian Churches" and cits["3"].pages == "17"
    for c in cits.values():
        sup = diary.text[c.supports["start"]:c.supports["end"]]
        assert sup and "[" not in sup and c.supports["end"] <= c.start


def test_sample_people_and_narrator(diary):
    people = {e.id: e for e in diary.entities.values() if e.kind == "person"}
    assert {"person:m-ashby", "person:anders-halvorsen", "person:voronin", "person:gerasimov",
            "person:helen", "person:thomas"} <= set(people)
    # "Professor Halvorsen" in the diary and the author of note 3 are one person
    assert "Halvorsen" in people["person:anders-halvorsen"].aliases
    # places are not people
    assert not {"person:kiel", "person:odessa", "person:lemberg", "person:eydtkuhnen"} & set(people)
    assert diary.meta["narrator"] == "person:m-ashby"
