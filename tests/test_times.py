"""The temporal tagger on small texts written for these tests (no language model needed)."""
import pytest

from chronotope.times import tag
from chronotope.times.calendars import julian_to_gregorian, gregorian_to_julian, weekday


def values(text, **kw):
    return [(t.text, t.value) for t in tag(text, **kw)]


def one(text, **kw):
    found = tag(text, **kw)
    assert found, f"nothing found in {text!r}"
    return found


@pytest.mark.parametrize("text,expr,value", [
    ("We sailed on December 16, 1928 from the port.", "December 16, 1928", "1928-12-16"),
    ("She was born on 16 December 1928 in a village.", "16 December 1928", "1928-12-16"),
    ("ON 19 SEPTEMBER 1906 the hearing opened.", "19 SEPTEMBER 1906", "1906-09-19"),
    ("The card is stamped 16.XII.1928 in violet ink.", "16.XII.1928", "1928-12-16"),
    ("The ship came in during 1928, late in the season.", "1928", "1928"),
    ("Our uncle left them in March, 1917, for good.", "March, 1917", "1917-03"),
    ("The 3rd of May 1890 was remembered.", "3rd of May 1890", "1890-05-03"),
])
def test_full_and_partial_dates_with_a_year(text, expr, value):
    found = {t.text: t.value for t in tag(text)}
    assert found.get(expr) == value, found


def test_ocr_noise_in_dates_is_read_as_meant():
    found = values("A note dated December i6, 1930 and a second from l9l7 (in l9l7 exactly), then May 3, 1 906.")
    assert ("December i6, 1930", "1930-12-16") in found
    assert ("l9l7", "1917") in found
    assert ("May 3, 1 906", "1906-05-03") in found


def test_ordinary_words_do_not_become_dates():
    text = ("I may march to the sea; the October Revolution was a turning point. "
            "He counted 1500 soldiers and 1,917 horses on page 1905. Sun and sat.")
    assert tag(text) == []


def test_year_carried_forward_across_a_year_boundary():
    text = ("On 28 November 1931 the column left the camp. On December 30 the snow stopped us.\n\n"
            "In January we rested. On January 5 a courier came, and the next day we went on. "
            "At dawn on the ninth, we reached the river. Two days later the ice broke.")
    found = dict(values(text))
    assert found["December 30"] == "1931-12-30"
    assert found["January"] == "1932-01"
    assert found["January 5"] == "1932-01-05"
    assert found["the next day"] == "1932-01-06"
    assert found["the ninth"] == "1932-01-09"
    assert found["Two days later"] == "1932-01-11"


def test_relative_expression_keeps_its_anchor():
    ts = tag("The order was signed on 4 April 1920. A week later the brigade moved.")
    assert ts[1].value == "1920-04-11"
    assert ts[1].anchor == 0


def test_partial_dates_before_the_first_anchor_wait_for_it():
    found = dict(values("In August the harvest failed.\n\nThroughout 1891 prices rose."))
    assert found["August"] == "1891-08"


def test_flashback_does_not_move_the_story_back():
    text = ("On March 2, 1930 we landed. It reminded me of my arrest in June, 1921, in the south. "
            "On March 5 we went inland.")
    found = dict(values(text))
    assert found["June, 1921"] == "1921-06"
    assert found["March 5"] == "1930-03-05"


def test_bounding_phrases_do_not_move_the_story():
    text = ("In a letter of 3 May 1926 she wrote that things had been bad ever since 1919. "
            "On May 9 she left.")
    assert dict(values(text))["May 9"] == "1926-05-09"


def test_document_creation_time_anchors_deictic_expressions():
    found = dict(values("Yesterday the minister resigned; last year he had won. Now the talks resume.",
                        reference_date="1998-03-05"))
    assert found["Yesterday"] == "1998-03-04"
    assert found["last year"] == "1997"
    assert found["Now"] == "PRESENT_REF"


@pytest.mark.parametrize("text,value", [
    ("at six in the morning", "T06:00"),
    ("at 8.45 p.m.", "T20:45"),
    ("about one o'clock in the morning", "T01:00"),
    ("a quarter before nine p.m.", "T20:45"),
    ("at midnight", "T24:00"),
])
def test_times_of_day_attach_to_the_narrative_day(text, value):
    ts = tag(f"On 2 June 1915 the train stopped. It left {text} without warning.")
    assert ts[-1].kind == "time"
    assert ts[-1].value == "1915-06-02" + value


@pytest.mark.parametrize("text,value", [
    ("It lasted seventy-three days.", "P73D"),
    ("They walked twelve days and twelve nights.", "P12D"),
    ("The march took more than seven hours.", "PT7H"),
    ("After a twelve-day halt we moved.", "P12D"),
    ("He spent thirteen months in gaol.", "P13M"),
    ("A week passed.", "P1W"),
    ("She waited half an hour.", "PT30M"),
    # a fraction: whole units and the rest in the next smaller unit, as TimeML writes it
    ("For 2 1/2 years he wrote.", "P2Y6M"),
    ("The crossing took 5 1/2 hours.", "PT5H30M"),
    ("A minute and a half later the bell rang.", "PT1M30S"),
    ("We stayed a year and a half.", "P1Y6M"),
    ("They rested half a day.", "PT12H"),
])
def test_durations(text, value):
    ts = [t for t in tag(text) if t.kind == "duration"]
    assert ts and ts[0].value == value, [(t.text, t.value) for t in tag(text)]


def test_more_than_gives_an_open_interval():
    t = one("It took more than seven hours.")[0]
    assert t.mod == "MORE_THAN" and t.earliest == "PT7H" and t.latest is None


def test_sets():
    found = values("The engine made daily trips, and the guard came every Monday.")
    assert ("daily", "P1D") in found
    assert ("every Monday", "XXXX-WXX-1") in found


def test_decades_centuries_seasons():
    found = dict(values("In the 1890s, late in the nineteenth century, and in the autumn of 1906 all changed."))
    assert found["the 1890s"] == "189"
    assert found["late in the nineteenth century"] == "18"
    assert found["the autumn of 1906"] == "1906-FA"


def test_uncertainty_produces_intervals():
    ts = {t.text: t for t in tag("Early in March 1905 we met; towards the end of 1906 we parted; about 1910 he died.")}
    early = ts["Early in March 1905"]
    assert (early.value, early.earliest, early.latest) == ("1905-03", "1905-03-01", "1905-03-10")
    end = ts["towards the end of 1906"]
    assert end.value == "1906" and end.earliest > "1906-08" and end.latest == "1906-12-31"
    autumn = tag("On 2 May 1906 he wrote. That autumn he was tried.")[-1]
    assert (autumn.value, autumn.earliest, autumn.latest) == ("1906-FA", "1906-09-01", "1906-11-30")


def test_julian_dates_explicit_dual_and_default():
    t = tag("The strike began on 1/14 January 1918 in the capital.")[0]
    assert (t.value, t.resolved_calendar, t.gregorian_value) == ("1918-01-01", "julian", "1918-01-14")
    t = tag("He was arrested on 9 January 1905 (O.S.) at home.")[0]
    assert (t.value, t.resolved_calendar, t.gregorian_value) == ("1905-01-09", "julian", "1905-01-22")
    ts = tag("He reached the town on 3 March 1907. He left on 5 May 1921.", calendar="julian")
    assert ts[0].resolved_calendar == "julian" and ts[0].gregorian_value == "1907-03-16"
    assert ts[1].resolved_calendar == "gregorian"      # after the switch of 1918


def test_julian_gregorian_conversion_follows_the_calendars():
    assert julian_to_gregorian(1850, 1, 1) == (1850, 1, 13)       # 12 days in the 19th century
    assert julian_to_gregorian(1900, 2, 28) == (1900, 3, 12)
    assert julian_to_gregorian(1900, 3, 1) == (1900, 3, 14)       # 13 days from 1900-03-01 (Julian)
    assert gregorian_to_julian(1918, 2, 14) == (1918, 2, 1)
    assert weekday(1928, 12, 16) == 7                              # a Sunday


def test_odd_input_does_not_break():
    assert tag("") == []
    for text in ("\x00\x01 31/31/31 99.99.99 December 99, 1900 0th of May", "On the 45th" * 50):
        tag(text)
