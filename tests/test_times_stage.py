"""The time stage in the real pipeline (real spaCy): corpus chapters and a narrative written here."""
import pytest

from chronotope.document import Document
from chronotope.pipeline import Options, Pipeline
from chronotope.stages.times import make
from conftest import corpus_path


def run(text, source="test.txt", **opts):
    options = Options(**opts)
    return Pipeline(options, stages=[make(options)]).run(Document(text, source=source))


@pytest.fixture(scope="module")
def my_life():
    with open(corpus_path("my-life-deportation.txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    return text, run(text, "my-life-deportation.txt")


@pytest.fixture(scope="module")
def cliff():
    with open(corpus_path("cliff-trial-and-escape.txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    return text, run(text, "cliff-trial-and-escape.txt", calendar="julian")


def by_text(doc):
    return {m.text: m for m in doc.mentions}


def test_my_life_dates_resolved_in_the_narrative(my_life):
    text, doc = my_life
    ms = by_text(doc)
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text           # offsets index the text as read
    assert ms["October"].value == "1928-10"             # anchored by "During 1928" that follows
    assert ms["December i6"].value == "1928-12-16"      # OCR noise
    assert ms["a month ago"].value == "1928-11"         # inside the letter of December 16
    assert ms["September of this year"].value == "1928-09"
    assert ms["January"].value == "1929-01"             # over the year boundary
    assert ms["The whole next day"].value == "1929-01-21"
    assert ms["the twenty-second"].value == "1929-01-22"
    assert ms["the night of February 10"].value.startswith("1929-02-10")
    assert ms["seventy-three days"].value == "P73D"
    assert ms["twelve days and twelve nights"].value == "P12D"


def test_anchor_points_at_the_mention_it_was_resolved_against(my_life):
    _, doc = my_life
    ids = {m.id: m for m in doc.mentions}
    nxt = by_text(doc)["The whole next day"]
    assert ids[nxt.anchor].text == "January 20, 1929"


def test_no_chronology_flag_on_a_consistent_chapter(my_life):
    _, doc = my_life
    assert doc.issues == []


def test_cliff_old_style_dates_and_the_known_error(cliff):
    text, doc = cliff
    ms = by_text(doc)
    sept = ms["19 SEPTEMBER 1906"]
    assert (sept.value, sept.calendar, sept.gregorian_value) == ("1906-09-19", "julian", "1906-10-02")
    assert ms["3 January"].value == "1907-01-03"        # carried over the year boundary
    assert ms["16 January"].value == "1907-01-16"       # not misled by the wrong year of the letter
    assert ms["19 July 2009"].calendar == "gregorian"
    # the one flag: the letter dated 1906 that follows the departure of January 1907
    assert len(doc.issues) == 1
    issue = doc.issues[0]
    assert text[issue.start:issue.end] == "12 January 1906"
    assert "1907" in issue.message


NARRATIVE = """The Crossing

On Sunday, 14 March 1911, the two brothers left Kiev by the night train. Three days later they
reached Lemberg, where they waited for papers. On 20 March 1911 the papers came, and on the
twenty-second they crossed the frontier on foot.

Before the end of the month the elder brother wrote home:

18 March 1911

Dear mother, we have crossed the frontier and are safe. The papers came at last.

On 2 April 1911 they reached Vienna.
"""


def test_chronology_flags_weekday_mismatch_and_out_of_sequence_letter():
    doc = run(NARRATIVE)
    kinds = {i.kind: i for i in doc.issues}
    assert set(kinds) == {"weekday_mismatch", "letter_out_of_sequence"}
    wd = kinds["weekday_mismatch"]
    assert NARRATIVE[wd.start:wd.end].startswith("Sunday, 14 March 1911")
    assert "Tuesday" in wd.message and "not a Sunday" in wd.message
    letter = kinds["letter_out_of_sequence"]
    assert NARRATIVE[letter.start:letter.end] == "18 March 1911"
    assert "22 March 1911" in letter.message


def test_old_style_hint_when_the_weekday_fits_the_other_calendar():
    doc = run("On Monday, 14 March 1911, they left.")
    assert doc.issues and "Old Style" in doc.issues[0].message


def test_reference_date_and_per_document_calendar():
    doc = run("Yesterday we left. On 2 May 1905 he had written.", reference_date="1930-06-10")
    ms = by_text(doc)
    assert ms["Yesterday"].value == "1930-06-09" and ms["Yesterday"].attrs["anchor"] == "reference_date"
    d = Document("On 2 May 1905 he wrote.", source="x.txt", meta={"calendar": "julian"})
    options = Options()
    Pipeline(options, stages=[make(options)]).run(d)
    assert d.mentions[0].calendar == "julian" and d.mentions[0].gregorian_value == "1905-05-15"
