"""Dated letters and diary entries, tense, quotations and a few expression shapes: texts written here."""
from chronotope.times import tag
from conftest import run_time_stage as run_stage


def found(text, **kw):
    return {t.text: t.value for t in tag(text, **kw)}


LETTERS = (
    "Two letters of a sailor to his mother.\n\n"
    "Marseille, 9 October 1881\n\n"
    "Dear Mother,\n\n"
    "We came in from Oran on Monday with a cargo of cork. The mate sent word to the owners: "
    "SAILING GENOA TWENTIETH NOVEMBER CARGO WINE. Tomorrow I go ashore to buy boots, and the day "
    "after tomorrow we begin loading.\n\n"
    "Your son Pierre\n\n"
    "Genoa, 2 November 1881\n\n"
    "Dear Mother,\n\n"
    "Your parcel found me only on the 28th, because it had gone to Marseille first. Tonight the "
    "watch is mine. Last week the cook fell from the rigging and broke his arm. Yesterday we "
    "finished unloading, and the captain says we shall sail on the 6th.\n\n"
    "Your son Pierre\n"
)


def test_deictic_words_count_from_the_letter_they_are_in():
    v = found(LETTERS)
    assert v["Tomorrow"] == "1881-10-10"
    assert v["the day after tomorrow"] == "1881-10-11"     # not counted from the cable's date
    assert v["Tonight"].startswith("1881-11-02")
    assert v["Yesterday"] == "1881-11-01"
    assert v["Last week"] == "1881-W43"


def test_a_cable_in_capitals_does_not_move_the_story():
    v = found(LETTERS)
    assert v["TWENTIETH NOVEMBER"] == "1881-11-20"         # read, but not the letter's own time
    assert v["Tomorrow"] == "1881-10-10"


def test_past_tense_in_a_letter_looks_back_from_its_date():
    v = found(LETTERS)
    assert v["the 28th"] == "1881-10-28"                   # "found me only on the 28th": before 2 November
    assert v["the 6th"] == "1881-11-06"                    # "we shall sail on the 6th": after it


def test_diary_entries_count_from_their_heading():
    diary = ("4 May 1902.\n\nRain all day. The post brought a card written on the 29th.\n\n"
             "6 May 1902.\n\nThis morning the river rose. Tomorrow we try the ford.\n")
    v = found(diary)
    assert v["the 29th"] == "1902-04-29"
    assert v["This morning"].startswith("1902-05-06")
    assert v["Tomorrow"] == "1902-05-07"


def test_a_letter_dated_at_the_bottom_gives_its_date_to_the_text_above():
    text = ("Dear Anna,\n\nThe frost came early and yesterday the well froze over. We have wood "
            "enough for the winter and the cow is well again after her fever.\n\nYour loving Karl\n\n"
            "Posen, 12 December 1890\n\n"
            "Dear Anna,\n\nThe thaw has begun and today the ice on the pond cracked with a sound "
            "like a gun going off across the whole village.\n\nYour loving Karl\n\n"
            "Posen, 3 March 1891\n")
    v = found(text)
    assert v["yesterday"] == "1890-12-11"
    assert v["today"] == "1891-03-03"


def test_a_single_quoted_letter_does_not_make_the_narrative_a_diary():
    text = ("In the winter of 1907 the prisoners were moved east. On 10 February they reached the river.\n\n"
            "3 January 1907:\n\nWe are well and the guards are kind.\n\n"
            "The convoy went on. In a letter of 16 February he describes the camp.")
    assert found(text)["16 February"] == "1907-02-16"


def test_pluperfect_points_before_the_narrative_time():
    text = ("In 1952 she was arrested in Prague. On 9 September 1952 she was released. "
            "Her papers, which had been seized on 2 April, were never returned.")
    assert found(text)["2 April"] == "1952-04-02"


def test_ocr_ordinal_and_a_season_without_a_year():
    v = found("In March 1903 the school opened. The roof leaked in the autumn, and we left on the l5th of July 1904.")
    assert v["the autumn"] == "1903-FA"
    assert v["l5th of July 1904"] == "1904-07-15"
    assert found("The bridge fell in May 1911 and was rebuilt on the i2th of June.")["the i2th of June"] == "1911-06-12"


def test_fall_alone_is_not_the_season():
    assert "the fall" not in found("In 1840 the fall of the house was near; the fall of 1840 was wet.")


def test_the_first_week_is_a_duration():
    v = found("She reached the hospital in 1917. For the first week she could not stand, and over the past month she has walked.")
    assert v["the first week"] == "P1W"
    assert v["the past month"] == "P1M"


def test_a_month_used_as_a_modifier_is_a_date():
    v = found("On 3 August 1799 the frigate left Brest. The crew suffered in the November gales off Ushant.")
    assert v["November"] == "1799-11"
    assert found("The May family lived at the mill in 1799.") == {"1799": "1799"}


def test_arrival_dated_before_departure_is_flagged():
    doc = run_stage("In the spring of 1822 the envoy was recalled. He quitted Naples on 20 April and reached "
                    "Rome on 14 April, tired and ill.")
    kinds = [i.kind for i in doc.issues]
    assert kinds == ["arrival_before_departure"]
    assert "14 April" in doc.text[doc.issues[0].start:doc.issues[0].end]
    ok = run_stage("In the spring of 1822 the envoy was recalled. He quitted Naples on 10 April and reached "
                   "Rome on 14 April, tired and ill.")
    assert ok.issues == []


def test_season_told_in_the_past_of_a_letter_or_a_pluperfect_is_the_last_one():
    letters = ("Vienna, 12 February 1927\n\nDear Anna, we arrived here in the autumn and have stayed.\n\nYour Karl\n\n"
               "Vienna, 20 February 1927\n\nDear Anna, I shall leave in the autumn.\n\nYour Karl\n")
    values = [(t.text, t.value) for t in tag(letters)]
    assert values[1] == ("the autumn", "1926-FA")      # past tense in a letter of February
    assert values[3] == ("the autumn", "1927-FA")      # future: the coming one
    assert found("In February 1927 we were in Vienna. We had arrived there in the autumn.")["the autumn"] == "1926-FA"
    # a plain narrative past moves on: the autumn of the narrative's year
    assert found("In February 1927 we were in Vienna. We left in the autumn.")["the autumn"] == "1927-FA"
    assert found("In January 1927 we were in Vienna. That winter was cold.")["That winter"] == "1926-WI"
