"""The writer's own time in a biography, logs dated by weekday, and letters in the old style.

Short texts written here, run through the time stage: a biographer's research visits do not
move the story's running date; a log's "Tuesday 15th", "On the third day", "Towards evening";
a letter's "4 February 1750/1", "Tuesday last", "Michaelmas last", "Whitsun of last year", and
plans in a letter that do not move its story.
"""
from chronotope.times import tag
from conftest import run_time_stage


def found(text, **kw):
    return {t.text: t.value for t in tag(text, **kw)}


def values(text):
    doc = run_time_stage(text)
    return {doc.norm[m.nstart:m.nend]: m.value for m in doc.mentions_of("date", "time")}


# -- the writer's present in a life told in the third person ------------------------------------

LIFE = ("Anna Berg was born at Kalmar in 1760. Her father kept a shop by the harbour and she helped him "
        "with his books; she kept them for him until he died. In 1786 she went to Riga with her husband, "
        "and there she began to draw the plants of the shore. She wrote to her brother that the work was "
        "hard and that her husband did not like it. He was often ill and she nursed him herself. Her brother "
        "answered that he would send her money, but he sent her none, and she never asked him again. ")


def test_a_biographers_visit_does_not_move_the_story():
    v = values(LIFE + "When I went to Riga in 2014 I could not find their house. "
               "In September she sold his books and went home.")
    assert v["2014"] == "2014" and v["September"] == "1786-09"
    v = values(LIFE + "The letters, which I found in 2019, say little more. In the autumn she left.")
    assert v["the autumn"] == "1786-FA"


def test_the_first_person_of_a_memoir_still_moves_its_story():
    v = values("I was born at Kalmar in 1760. My father kept a shop and I helped him. In 1786 I went to Riga "
               "with my husband, and we lived there until I was old. In 1820 I went back to Kalmar. "
               "In September I opened a school.")
    assert v["September"] == "1820-09"


def test_a_kings_numeral_is_not_the_writer():
    v = values(LIFE + "Her grandson served under Charles I in 1820 and never wrote to her. In September she left Riga.")
    assert v["September"] == "1820-09"


# -- seasons in a narrative ---------------------------------------------------------------------

def test_a_season_already_over_is_the_next_one():
    v = found("Her letter is dated 11 November 1788. She set out in the spring and arrived in June.")
    assert v["the spring"] == "1789-SP"
    v = found("Her letter is dated 11 November 1788. She had sold the house that spring.")
    assert v["that spring"] == "1788-SP"


# -- logs and diaries ---------------------------------------------------------------------------

LOG = ("Monday, 17 July 1809.\nFresh breezes. Lay at anchor in the Downs.\n\n"
       "Tuesday 18th.\nLight airs. Watered the ship.\n\n"
       "Saturday 5 August.\nThe boats which went up on Tuesday last were fired on.\n\n"
       "Tuesday 15th.\nHeavy firing all night. Towards evening the firing ceased.\n")


def test_a_log_dated_by_weekday_and_day_of_month():
    v = values(LOG)
    assert v["Tuesday 18th"] == "1809-07-18"
    assert v["Tuesday last"] == "1809-08-01"
    assert v["Tuesday 15th"] == "1809-08-15"
    assert v["Towards evening"] == "1809-08-15TEV"


def test_a_weekday_and_day_that_agree_only_in_the_other_calendar():
    v = found("London, 2 September 1752. The day after Wednesday the 2nd of September was Thursday the 14th.")
    assert v["Thursday the 14th"] == "1752-09-14"


def test_the_third_day_counts_the_first_as_one():
    v = found("We anchored on Sunday 30 July 1809 and lay without orders. On the third day the troops "
              "were landed. In the afternoon we heard guns.")
    assert v["On the third day"] == "1809-08-01"
    assert v["In the afternoon"] == "1809-08-01TAF"


def test_a_part_of_the_day_alone_is_left_to_news_conventions():
    v = found("Shares fell on Friday. Dealers placed orders in the morning.", reference_date="1989-10-30",
              mode="news")
    assert "the morning" not in v and "in the morning" not in v


def test_a_weekday_before_an_ordinal_noun_is_only_a_weekday():
    v = found("Prices closed lower again Friday, the fourth decline in five days.", reference_date="1989-10-30",
              mode="news")
    assert v.get("Friday") == "1989-10-27"


# -- letters in the old style -------------------------------------------------------------------

LETTERS = ("London, 4 February 1750/1.\n\nDear Sir,\n\nYours came to hand on Tuesday last. The rent fell due "
           "at Michaelmas last and I paid it myself.\n\nYour servant,\nJ. Pell\n\n"
           "Amsterdam, 26 February 1751.\n\nDear Mr Pell,\n\nYour favour of the 4th inst. reached me this "
           "morning. I intend to be in London at Easter.\n\nYour friend,\nH. Vos\n\n"
           "London, 2 October 1752.\n\nDear Vos,\n\nI have not been in Amsterdam since Whitsun of last "
           "year. I propose to come to you at Christmas.\n\nYours,\nJ. Pell\n")


def test_a_split_year_is_the_later_one_in_the_old_style():
    v = found("London, 4 February 1750/1. and February 1740/41 but 5 May 1750/1")
    assert v["4 February 1750/1"] == "1751-02-04"
    assert v["February 1740/41"] == "1741-02"
    assert "5 May 1750/1" not in v
    doc = run_time_stage("London, 4 February 1750/1.\nDear Sir,")
    m = next(doc.mentions_of("date"))
    assert m.calendar == "julian"


def test_old_letters_last_and_next_after_the_name():
    v = values(LETTERS)
    assert v["4 February 1750/1"] == "1751-02-04"
    assert v["Tuesday last"] == "1751-01-29"          # Old Style: 4 February 1751 was a Monday
    assert v["Michaelmas last"] == "1750-09-29"
    assert v["the 4th inst."] == "1751-02-04"
    assert v["this morning"].startswith("1751-02-26")
    assert v["Whitsun of last year"] in ("1751-05-26", "1751-05-30")
    v = found("Hull, 2 October 1752. We shall meet at Lady Day next and not at Michaelmas next.")
    assert v["Lady Day next"] == "1753-03-25" and v["Michaelmas next"] == "1753-09-29"
    v = found("We meet on Monday next week.", reference_date="1809-08-02")
    assert "next week" in v


def test_a_plan_in_a_letter_does_not_move_its_story():
    v = values("London, 25 March 1751.\n\nDear Vos,\n\nThe eleven days are to be dropped in September of next "
               "year. I do not think you should come over at Easter. I propose to come at Whitsun.\n\nYours,\n"
               "J. Pell\n\nLondon, 2 April 1751.\n\nDear Vos,\n\nNo news.\n\nJ. Pell\n")
    assert v["September of next year"] == "1752-09"
    assert v["Easter"].startswith("1751-04")
    assert v["Whitsun"].startswith("1751-05")
