"""News mode: TimeML's readings of news text, against the document creation time (DCT).

Every sentence here was written for these tests.  Each test names the TimeML reading it checks;
the narrative mode (memoirs) must not pick up the news-only readings.
"""
import pytest

from chronotope.times import tag


def news(text, dct):
    return {t.text: (t.kind, t.value) for t in tag(text, reference_date=dct, mode="news")}


# -- months without a year: the clause's tense picks the side of the DCT ------------------

@pytest.mark.parametrize("text,expr,value", [
    # past tense: the last such month, even when the next one would be nearer
    ("The mill's owner resigned in March after a long dispute.", "March", "1995-03"),
    ("Our books closed for the year ended Jan. 31 with a small loss.", "Jan. 31", "1995-01-31"),
    # future: the next one
    ("The bridge will be reopened to traffic in February.", "February", "1996-02"),
    # close to the DCT the nearer date still wins over a loose past cue ("said")
    ("The council said the vote is set for Nov. 20 at the town hall.", "Nov. 20", "1995-11-20"),
])
def test_month_without_a_year_follows_the_tense(text, expr, value):
    assert news(text, "1995-11-06").get(expr, (None, None))[1] == value


def test_verb_groups_are_read_whole_for_tense():
    # "will be appointed" is future although "appointed" ends in -ed
    found = news("She will be appointed captain of the research ship for a voyage in January.", "1995-04-10")
    assert found["January"][1] == "1996-01"
    # "had been scheduled to" is past although "scheduled to" alone looks ahead
    found = news("The auction had been scheduled to close Friday evening.", "1995-11-06")
    assert found["Friday evening"][1] == "1995-11-03TEV"


# -- "the year", "year-end", "the weekend" -----------------------------------------------

def test_the_year_in_news_is_the_creation_year_or_a_one_year_period():
    text = ("For the year, shipments of timber were flat. Sales for the full year rose. "
            "In the year ended June 30, the cooperative lost money. Sales in the past year fell. "
            "The merger should close by year-end.")
    found = [(t.text, t.kind, t.value) for t in tag(text, reference_date="1995-11-06", mode="news")]
    assert ("the year", "date", "1995") in found
    assert ("the full year", "date", "1995") in found
    assert ("the year", "duration", "P1Y") in found           # "the year ended June 30"
    assert ("June 30", "date", "1995-06-30") in found
    assert ("the past year", "date", "1994") in found
    assert ("year-end", "date", "1995") in found


def test_the_weekend_is_the_one_the_tense_points_to():
    # 1995-11-06 is a Monday: a weekend told in the past is the one just gone (ISO week 44)
    assert news("Over the weekend the ferry company cancelled its sailings.", "1995-11-06")["the weekend"][1] == "1995-W44-WE"
    # told of the future on a Thursday: the coming one
    assert news("The ferry company will resume sailings over the weekend.", "1995-11-09")["the weekend"][1] == "1995-W45-WE"


def test_news_only_readings_stay_out_of_narratives():
    text = "For the year, we lived on potatoes. Over the weekend the snow fell."
    assert not [t for t in tag(text, reference_date="1928-01-01")]
    assert not [t for t in tag(text)]


# -- references to past and future ------------------------------------------------------------

def test_recent_and_near_future_are_references():
    found = news("Recent storms flooded the road. In recent years the village shrank. "
                 "The firm expects losses in the near term and hopes to recover in the near future.", "1995-11-06")
    assert found["Recent"] == ("date", "PAST_REF")
    assert found["recent years"] == ("date", "PAST_REF")
    assert found["the near term"] == ("date", "FUTURE_REF")
    assert found["the near future"] == ("date", "FUTURE_REF")


def test_recent_months_stay_a_duration():
    found = news("Prices have climbed in recent months.", "1995-11-06")
    assert found["recent months"] == ("duration", "PXM")


# -- quarters a year apart --------------------------------------------------------------------

def test_quarters_counted_by_years():
    text = ("The dairy earned more in the third quarter. In the year-ago third quarter it earned less. "
            "For the quarter a year ago, sales were lower. In the 1994 period it lost money. "
            "A new plant may open in next year's second quarter.")
    found = news(text, "1995-11-06")
    assert found["the third quarter"][1] == "1995-Q3"
    assert found["the year-ago third quarter"][1] == "1994-Q3"
    assert found["the quarter a year ago"][1] == "1994-Q3"
    assert found["the 1994 period"][1] == "1994-Q3"        # the quarter under discussion
    assert found["next year's second quarter"][1] == "1996-Q2"


def test_year_ago_quarter_ignores_a_forecast_quarter():
    text = ("Profit rose in the third quarter. It expects a gain in the third quarter of 1996. "
            "In the year-ago period, profit was lower.")
    assert news(text, "1995-11-06")["the year-ago period"][1] == "1994-Q3"


# -- years and decades in words ---------------------------------------------------------------

@pytest.mark.parametrize("text,expr,value", [
    ("The orchard was planted in nineteen sixty-two by my aunt.", "nineteen sixty-two", "1962"),
    ("The plan aimed to finish by the year two thousand.", "the year two thousand", "2000"),
    ("They met again in October nineteen eighty-one.", "October nineteen eighty-one", "1981-10"),
    ("Frost came early in the winter of nineteen seventy-eight.", "the winter of nineteen seventy-eight", "1978-WI"),
    ("Rents doubled through the eighties in the old town.", "the eighties", "198"),
    ("Vinyl came back after the '70s.", "the '70s", "197"),
])
def test_years_and_decades_in_words(text, expr, value):
    assert news(text, "1995-11-06").get(expr, (None, None))[1] == value


def test_counts_in_words_are_not_years():
    assert not tag("About nineteen sixty-two people came to the meeting.", reference_date="1995-11-06", mode="news")


def test_decade_in_words_takes_its_century_from_the_reference():
    # a story set in 1929: "the nineties" are the 1890s
    found = {t.text: t.value for t in tag("In 1929 we spoke of the nineties as of a lost world.")}
    assert found["the nineties"] == "189"


def test_seasons_with_this_past_and_over():
    found = news("Sales slumped this past spring. Over the summer, the factory stayed shut.", "1995-11-06")
    assert found["this past spring"][1] == "1995-SP"
    assert found["the summer"][1] == "1995-SU"
