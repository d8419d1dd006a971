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


# -- weekdays: which side of the DCT the clause points to (DCT 1995-11-08, a Wednesday) ------

@pytest.mark.parametrize("text,expr,value", [
    # a present-tense verb of a scheduled event looks ahead; its past form looks back
    ("The two ministers meet separately Monday with the mediator.", "Monday", "1995-11-13"),
    ("The two ministers met separately Monday with the mediator.", "Monday", "1995-11-06"),
    # intentions and modals look ahead for what follows them, not for what comes before
    ("The crew planned to leave the harbour on Thursday for the islands.", "Thursday", "1995-11-09"),
    ("On Friday, the council planned to pay the first claims.", "Friday", "1995-11-03"),
    ("The delegation could arrive as soon as Friday, officials said.", "Friday", "1995-11-10"),
    ("The ferry would be sailing to the islands Thursday, the captain said.", "Thursday", "1995-11-09"),
    # a deadline moved or granted lies ahead
    ("The board extended its offer until 5 p.m. Friday.", "5 p.m. Friday", "1995-11-10T17:00"),
    # a possessive names an event already reported, whatever the clause's tense
    ("Lawyers said they would look for ways to get around Monday's ruling by the court.", "Monday's", "1995-11-06"),
])
def test_weekday_side_follows_the_clause(text, expr, value):
    assert news(text, "1995-11-08").get(expr, (None, None))[1] == value


def test_clause_ends_at_a_paragraph_break():
    # the cue of the next paragraph ("sent") does not reach back over the line break
    text = "Protesters were planning to march past the harbour on Monday.\n\nIf the boy is sent back, they said."
    assert news(text, "1995-11-08")["Monday"][1] == "1995-11-13"


# -- months: firmer cues ---------------------------------------------------------------------

@pytest.mark.parametrize("text,expr,value", [
    # "since" points before now, whatever follows in the clause
    ("The cutter has been on patrol since March and is scheduled to return in the spring.", "March", "1995-03"),
    ("Police have searched for the driver since shortly after the Dec. 2 crash.", "Dec. 2", "1994-12-02"),
    ("Prices have risen since November.", "November", "1995-11"),
    # "expected", "effective" look ahead
    ("The closing, which is expected in December, needs the approval of holders.", "December", "1995-12"),
    ("The new tariff, effective Feb. 1, raises fares.", "Feb. 1", "1996-02-01"),
    # a future clause counts from now even after an earlier date in the same sentence
    ("The towns, admitted to the league in July 1994, will formally join on March 12 in a ceremony.",
     "March 12", "1996-03-12"),
    # "last" before a month and day: the latest such day before now
    ("The mill was sold last Dec. 2 to a cooperative.", "last Dec. 2", "1994-12-02"),
])
def test_month_side_from_firmer_cues(text, expr, value):
    assert news(text, "1995-11-08").get(expr, (None, None))[1] == value


# -- seasons said without a year: the tense picks the side, as for months ----------------------

def test_season_follows_the_tense_in_news():
    assert news("The strike ended in the autumn.", "1996-02-08")["the autumn"][1] == "1995-FA"
    assert news("The factory will close in the autumn.", "1996-02-08")["the autumn"][1] == "1996-FA"
    assert news("The new bridge will open in the spring.", "1995-11-08")["the spring"][1] == "1996-SP"
    assert news("The strike has lasted since the winter.", "1995-11-08")["the winter"][1] == "1994-WI"
    # "this spring" keeps its own reading
    assert news("The mill closed this spring.", "1995-11-08")["this spring"][1] == "1995-SP"


# -- "that year" in a report is the year it has just named -------------------------------------

def test_that_year_refers_back_in_news():
    found = news("The dam burst in 1988, and floods destroyed half the crops that year, an official said.", "1995-11-08")
    assert found["that year"][1] == "1988"


# -- "soon" with a modal is the near future ------------------------------------------------------

def test_soon_with_a_modal_is_future_ref():
    assert news("The harbour authority may soon close the old pier.", "1995-11-08")["soon"] == ("date", "FUTURE_REF")
    assert news("Analysts expect prices to soon fall.", "1995-11-08")["soon"] == ("date", "FUTURE_REF")
    # told in the past, or part of a connective: not a time
    assert not tag("The pier was soon closed. Soon after that the ferry stopped. Come as soon as you can.",
                   reference_date="1995-11-08", mode="news")
    assert not tag("We soon left the town, and I would soon learn why.")
    assert not tag("We shall soon see how the coast was raised.")     # a manner of telling


# -- a named day's night: TimeBank annotates the day --------------------------------------------

def test_weekday_night_is_the_day_in_news_but_keeps_the_night_in_narratives():
    found = news("Protesters marched downtown Sunday night, and the mayor spoke on the night of Nov. 2.", "1995-11-08")
    assert found["Sunday night"] == ("date", "1995-11-05")
    assert found["the night of Nov. 2"] == ("date", "1995-11-02")
    # "last night" and "tonight" keep the part of the day
    assert news("The mayor spoke last night.", "1995-11-08")["last night"] == ("time", "1995-11-07TNI")
    story = [(t.text, t.kind, t.value) for t in tag("On 3 March 1915 we were in Lemberg. Friday night the guns fell silent.")]
    assert ("Friday night", "time", "1915-03-05TNI") in story
