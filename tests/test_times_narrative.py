"""Narrative anchoring: which dates move a story's running date (short narratives written here).

A partial date ("On 24 May", "the next morning", "that winter") is read from the story's main
line; asides that look forward or back, titles, life spans, references and letters' plans do
not move it.  The chronology check still flags a real contradiction after an aside.
"""
from chronotope.times import tag
from conftest import run_time_stage as run_stage


def found(text, **kw):
    return {t.text: t.value for t in tag(text, **kw)}


# -- asides that look forward or back ---------------------------------------------------------

def test_a_flash_forward_year_does_not_become_the_story_year():
    v = found("We sailed from Hull on 3 May 1868. Years later, in 1891, I met him again in Paris. "
              "On 24 May we reached New York.")
    assert v["1891"] == "1891" and v["24 May"] == "1868-05-24"
    v = found("On 7 May we went aboard. A child died on the ninth day. Years afterwards, when I crossed "
              "again to Sweden in 1891 to bury my mother, the voyage took eight days.\n\n"
              "We arrived at New York on 19 May. The same evening we were in the cars. On 24 May the train "
              "brought us to Chicago, and the next morning we went on.", reference_date=None)
    # no year before the aside: the first anchor is all there is, the aside still does not move it
    assert v["24 May"].endswith("-05-24")


def test_the_story_year_survives_asides_of_several_kinds():
    for aside in ("The man would later die in 1891.", "Long afterwards, in 1891, I saw him again.",
                  "In after years, in 1891, he told me so.", "He was sent on alone months later and died in 1891."):
        v = found(f"We left Riga on 2 April 1864. {aside} On 24 May we reached Vologda.")
        assert v["24 May"] == "1864-05-24", aside


def test_a_lapse_told_in_an_aside_does_not_move_the_story():
    v = found("We left Tomsk on 2 August 1894. The letter reached my mother, as she told me years later, "
              "in the middle of December. We came into Irkutsk on 28 September, and on the 30th we rested.")
    assert v["28 September"] == "1894-09-28" and v["the 30th"] == "1894-09-30"


def test_a_pluperfect_or_an_as_he_had_aside_looks_back_without_moving_the_story():
    v = found("He left Warsaw on 2 April 1864, as he had done in 1848. On 24 May he reached Vologda.")
    assert v["1848"] == "1848" and v["24 May"] == "1864-05-24"
    v = found("He left Warsaw on 2 April 1864.\n\nIn 1848 he had gone to Paris for the first time.\n\n"
              "On 24 May he reached Vologda.")
    assert v["24 May"] == "1864-05-24"


def test_a_full_date_back_on_the_main_line_resumes_the_story_after_a_jump():
    # no cue before "1866": the year-only jump is taken, and the next full date of the main line undoes it
    v = found("They reached Novgorod on 19 May 1864. Lis was left behind and died at Tobolsk in 1866.\n\n"
              "The stage took almost a month; the party came into Vologda on 16 June 1864. "
              "On 20 June Wrona was placed under police watch.")
    assert v["20 June"] == "1864-06-20"
    v = found("We put in at Queenstown on 8 May 1868. Years afterwards I crossed again in 1891. "
              "We arrived at New York on 19 May 1868. The same evening we were in the cars. On 24 May we "
              "reached Chicago.")
    assert v["The same evening"] == "1868-05-19TEV" and v["24 May"] == "1868-05-24"


def test_a_measured_step_still_moves_the_story():
    v = found("On 3 May 1868 we left Hull. Two years later, in 1870, we moved to Chicago. In June we bought land.")
    assert v["June"] == "1870-06"


def test_to_this_day_is_the_time_of_telling():
    v = found("We reached Kirensk on 9 November 1894, and to this day I remember it. On the 12th we settled.")
    assert v["this day"] == "PRESENT_REF" and v["the 12th"] == "1894-11-12"


# -- titles, life spans, references -------------------------------------------------------------

def test_a_title_range_and_a_life_span_do_not_set_the_story_year():
    v = found("The Calder Letters, 1803-1806\n\nJohn Calder (1761-1830) was in Bordeaux when war was renewed. "
              "He was detained on the 26th of May and marched to Verdun in July.")
    assert v["the 26th of May"] == "1803-05-26" and v["July"] == "1803-07"


def test_the_first_date_in_the_prose_replaces_a_subtitle_or_preface_date():
    v = found("Notes of a passage, 1939\n(copied out fair in Mexico City in 1941)\n\n"
              "We crossed the frontier on the 6th of February 1939. In April we heard from Mexico.")
    assert v["April"] == "1939-04"
    v = found("Recollections of a switchman, written down in 1921\n\nI hired on at Blue Island in the spring "
              "of 1891. The shop men went out on the 11th of May, 1894. In June the convention met.")
    assert v["June"] == "1894-06"
    v = found("I thank my friends for their help.\n\nDOWN, BROMLEY, KENT, June 9, 1845\n\nCHAPTER I\n\n"
              "The Beagle sailed from Devonport on the 27th of December, 1831. On the 6th of January we "
              "reached Teneriffe, and the next morning we saw the sun rise. In crossing the Atlantic we "
              "hove-to during the morning of February 16th.")
    assert v["the 6th of January"] == "1832-01-06" and v["the next morning"] == "1832-01-07TMO"
    assert v["the morning of February 16th"] == "1832-02-16TMO"


def test_a_title_year_anchors_what_follows_until_the_prose_gives_one():
    assert found("Letters of a clerk, 1927\n\nIn March we left the village.")["March"] == "1927-03"


def test_a_year_in_a_reference_or_a_bracketed_remark_does_not_move_the_story():
    v = found("On 3 May 1868 we left. The captain (see Smith, London 1931, p. 4) was kind. On 24 May we arrived.")
    assert v["24 May"] == "1868-05-24"
    v = found("On 3 May 1868 we left. The captain (Smith 1931: 44) was kind. On 24 May we arrived.")
    assert v["24 May"] == "1868-05-24"
    v = found("On 3 May 1868 we left. The crossing (in 1869 it was worse) took ten days. On 30 May we rested.")
    assert v["30 May"] == "1868-05-30"


def test_a_month_named_as_any_day_in_it_is_not_the_story_month():
    v = found("On the 16th of January, 1832, we anchored. The birds ran like partridges on a rainy day in "
              "September. On the 16th of February we sailed.")
    assert v["the 16th of February"] == "1832-02-16"


# -- letters ----------------------------------------------------------------------------------

LETTERS = """Paris, 3 May 1870

Dear Anna,

We arrived on Saturday. I shall leave on Friday.

Yours, Jan

Lyon, 9 May 1870

Dear Anna,

On Saturday we rested, and on Sunday we went to Mass. The plan was to sail on Tuesday. This morning the
office told me the boat is gone; I wrote to you at noon. Your wire reached me only on 1 May; the
porter had to bring it on the Sunday.

Yours, Jan
"""


def test_weekdays_in_a_dated_letter_count_from_its_date_by_tense():
    ts = tag(LETTERS)
    got = [(t.text, t.value) for t in ts]
    # 3 May 1870 was a Tuesday, 9 May a Monday
    assert got[1] == ("Saturday", "1870-04-30") and got[2] == ("Friday", "1870-05-06")
    assert ("Saturday", "1870-05-07") in got and ("Sunday", "1870-05-08") in got
    assert ("Tuesday", "1870-05-10") in got                # a plan: the coming Tuesday
    assert ("noon", "1870-05-09T12:00") in got             # the letter's own day, not the plan's
    assert got[-1] == ("Sunday", "1870-05-01")             # "the Sunday": the one the story reached


# -- durations --------------------------------------------------------------------------------

def test_old_and_vague_spans():
    v = found("We stayed a twelvemonth in Hull, then a fortnight in Liverpool, and some days at sea.")
    assert v["a twelvemonth"] == "P1Y" and v["a fortnight"] == "P2W" and v["some days"] == "PXD"


def test_ages_are_not_durations():
    assert found("When he was twenty he went to sea. At the age of forty he came home. He was thirty years old.") == {}
    assert found("At twenty years of age he left. He was a man of forty years. Aged thirty years, he died. "
                 "He lived to be ninety years.") == {}
    v = found("He served twenty years in the navy and was given a sentence of ten years.")
    assert v == {"twenty years": "P20Y", "ten years": "P10Y"}


def test_numbers_in_the_older_order():
    v = found("He served five-and-twenty years. We were four and twenty days at sea.")
    assert v == {"five-and-twenty years": "P25Y", "four and twenty days": "P24D"}


def test_a_month_change_and_a_winter_over_the_year_boundary():
    v = found("On 20 March 1868 we left the village. On the 3rd of April we reached the coast. On the 5th we "
              "sailed. We reached Irkutsk on 28 November. That winter was the coldest I remember. In January "
              "the river froze, and on the 3rd we left.")
    assert v["the 5th"] == "1868-04-05" and v["That winter"] == "1868-WI"
    assert v["January"] == "1869-01" and v["the 3rd"] == "1869-01-03"


# -- the chronology check after an aside ---------------------------------------------------------

def test_chronology_check_still_flags_a_wrong_year_after_an_aside():
    doc = run_stage("We sailed from Hull on 3 May 1868. Years later, in 1891, I crossed again in a cabin.\n\n"
                    "We arrived at New York on 19 May 1868. On 24 May 1867 the train brought us to Chicago.")
    kinds = [i.kind for i in doc.issues]
    assert kinds == ["year_out_of_sequence"]
    assert doc.text[doc.issues[0].start:doc.issues[0].end] == "24 May 1867"
    ok = run_stage("We sailed from Hull on 3 May 1868. Years later, in 1891, I crossed again in a cabin.\n\n"
                   "We arrived at New York on 19 May 1868. On 24 May the train brought us to Chicago.")
    assert ok.issues == []


def test_an_editors_note_after_the_last_letter_is_not_read_in_its_past():
    v = found("Leith, 4 June 1805.\nMy dear John, I wrote.\nMargaret\n\nLeith, 20 November 1805.\nMy dearest John,\n"
              "I wrote to you in June.\nMargaret\n\n(Calder was released in June 1806 and sailed from Morlaix. He "
              "landed at Plymouth on the 2nd of July and was in Leith by the end of the month.)")
    assert v["June"] == "1805-06"                          # inside the letter: the June before it
    assert v["the 2nd of July"] == "1806-07-02" and v["the end of the month"] == "1806-07"


# -- old reckonings and feasts ------------------------------------------------------------------

def test_the_morrow_and_parts_of_the_month():
    v = found("We reached Hull on 20 December 1868. On the morrow we left. Early in the month we had been ill; "
              "at the end of the month we sailed.")
    assert v["the morrow"] == "1868-12-21"
    assert v["Early in the month"] == "1868-12" and v["the end of the month"] == "1868-12"
    ts = {t.text: t for t in tag("On 3 March 1870 we came. By the end of the month we were gone.")}
    assert (ts["the end of the month"].earliest, ts["the end of the month"].latest) == ("1870-03-21", "1870-03-31")
    v = found("In the autumn of 1892 the cholera came; the halls stood empty until the end of the year.")
    assert v["the end of the year"] == "1892"


def test_instant_ultimo_proximo_in_a_letter():
    v = found("Leeds, 12 March 1870\n\nSir, I have your letter of the 3rd inst. and that of the 25th ult., and "
              "shall call on the 2nd prox.\n\nI remain, Sir, yours")
    assert v["the 3rd inst."] == "1870-03-03" and v["the 25th ult."] == "1870-02-25"
    assert v["the 2nd prox."] == "1870-04-02"


def test_movable_and_fixed_feasts():
    v = found("We reached Hull on 20 December 1868. On Good Friday we prayed, and at Whitsun we rested. "
              "We were home by Michaelmas.")
    assert v["Good Friday"] == "1869-03-26" and v["Whitsun"] == "1869-05-16" and v["Michaelmas"] == "1869-09-29"
    assert found("The rising came at Easter 1916.")["Easter 1916"] == "1916-04-23"
    # a document in the Old Style keeps the Julian Easter
    assert found("In March 1917 we reached Petrograd. At Easter the bells rang.", calendar="julian")["Easter"] == "1917-04-02"
    assert found("We sailed past Easter Island in 1868.") == {"1868": "1868"}


def test_hard_wrapped_prose_lines_are_not_titles():
    v = found("A Voyage, 1900\n\nWe sailed from Hull on the 3rd of May, 1868, and\nreached New York on the 19th of "
              "May, 1869, after\na long delay in the Azores. On the 24th of May we left\nfor Chicago by the "
              "emigrant train.\n")
    assert v["the 24th of May"] == "1869-05-24"


def test_metadata_fields_do_not_anchor_the_story():
    v = found("Title: A Voyage\nPosting Date: June 24, 2013\nLast Updated: September 12, 2003\nLanguage: English\n\n"
              "The brig sailed from Devonport on the 27th of December, 1831. On the 6th of January we reached "
              "Teneriffe.")
    assert v["the 6th of January"] == "1832-01-06"


def test_a_day_of_the_month_told_in_a_letter_and_a_plan_for_its_own_weekday():
    text = ("We left Moscow on 3 April 1872.\n\nStavropol, 12 May 1872\n\nDear Masha,\nWe arrived on Thursday. "
            "Tomorrow we go on, and on Sunday, if God wills, we start over the mountains.\nYour Ivan\n\n"
            "Tiflis, 30 May 1872\n\nDear Masha,\nWe crossed the pass on the 20th in snow. Three days afterwards "
            "we were in Tiflis. On the 25th the rain stopped.\nYour Ivan\n")
    v = found(text)
    # 12 May 1872 was a Sunday: "on Sunday" still to come is the next one
    assert v["Thursday"] == "1872-05-09" and v["Sunday"] == "1872-05-19"
    assert v["the 20th"] == "1872-05-20" and v["Three days afterwards"] == "1872-05-23"
    assert v["the 25th"] == "1872-05-25"
