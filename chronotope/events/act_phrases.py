"""Acts told by a phrase rather than by their keyword.

"found him guilty", "broke out of prison", "was put to death", "the police
took him away", "told me she would be arrested if I did not sign", "the
petition was rejected without a hearing", "Justice X granted bail", "the court
heard the appeal", "the dockers struck", "refused food", "his friends got him
out", "would lose his post if I did not", a removal after an expulsion decree.
Each rule returns a frame or None; :mod:`.persecution` calls them.
"""
from __future__ import annotations

import re

from .act_parts import _add, _custody, _frame, _passive, _person, _surely_person
from .syntax import doc_text, negated, preps, subject


def _phrasal_act(tok, lemma, passive, v, sent, base):
    """Acts told by a phrase: "found him guilty", "broke out of prison", "was set free",
    "served five years in prison", "the police took him away", "gendarmes came for him"."""
    kids = list(tok.children)
    # "the court found him guilty" / "not guilty"
    if lemma == "find":
        for c in kids:
            word = c.lower_ if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") else ""
            if not word and c.dep_ in ("oprd", "xcomp", "ccomp"):
                word = " ".join(g.lower_ for g in c.subtree)
            for g in ([c] + list(c.subtree)) if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") else []:
                if g.lower_ in v["verdict_words"]:
                    kind = v["verdict_words"][g.lower_]
                    if any(n.dep_ == "neg" for n in g.children) or any(n.dep_ == "neg" for n in c.children):
                        kind = "acquittal" if kind == "ruling" else kind
                    f = _frame(kind, sent, base, tok)
                    f["attributes"]["filing"] = "case"     # a verdict decides the case, not an earlier filing
                    _add(f["roles"], "agent", subject(tok) if not passive else None, base)
                    who = subject(tok) if passive else next((o for o in kids if o.dep_ in ("dobj", "nsubj") and o.i > tok.i), None)
                    if who is None and c.dep_ in ("ccomp", "xcomp"):
                        who = subject(c)
                    _add(f["roles"], "subject", who, base)
                    return f
        return None
    # "broke out of prison", "escaped from the camp" told as breaking out
    if lemma in v["breakout_verbs"] and any(c.lower_ == "out" for c in kids) and _person(subject(tok)) and any(
            g.dep_ == "pobj" and _custody(g, v) for c in kids if c.lower_ == "out" for g in c.subtree):
        f = _frame("escape", sent, base, tok)
        _add(f["roles"], "subject", subject(tok), base)
        return f
    # "was rounded up", "the Gestapo picked him up", "he was locked up for a week"
    if any(c.lower_ == "up" and c.dep_ in ("prt", "advmod") for c in kids):
        who = subject(tok) if passive else next((o for o in kids if o.dep_ in ("dobj", "obj")), None)
        agent = subject(tok) if not passive else next((obj for p, obj in preps(tok, {"by"})), None)
        official = agent is not None and (agent.lemma_.lower() in v["authority_nouns"] or agent.ent_type_ == "ORG")
        if who is not None and (_surely_person(who, v) or (official and _person(who))):
            if lemma == "lock":
                f = _frame("detention", sent, base, tok)
                _add(f["roles"], "subject", who, base)
                return f
            if lemma in v["roundup_verbs"] and (official or (passive and lemma == "round")):
                # "were rounded up"; "the police picked him up", not "the child was picked up"
                f = _frame("arrest", sent, base, tok)
                _add(f["roles"], "subject", who, base)
                _add(f["roles"], "agent", agent, base)
                return f
    # "was handed over to the police": delivered into custody
    if lemma in v["handover_verbs"] and any(c.lower_ == "over" for c in kids):
        to = [obj for p, obj in preps(tok, {"to"}) if obj.lemma_.lower() in v["authority_nouns"] or obj.ent_type_ == "ORG"]
        who = subject(tok) if passive else next((o for o in kids if o.dep_ in ("dobj", "obj")), None)
        if to and _person(who):
            f = _frame("arrest", sent, base, tok)
            _add(f["roles"], "subject", who, base)
            return f
    # "his friends got him out" of the prison just named: freed
    if lemma in ("get", "let") and any(c.lower_ == "out" and c.dep_ in ("prt", "advmod") for c in kids):
        who = next((o for o in kids if o.dep_ in ("dobj", "obj")), None)
        if _surely_person(who, v) and _custody_near(tok, sent, v):
            f = _frame("release", sent, base, tok)
            _add(f["roles"], "subject", who, base)
            return f
    # "the High Court heard the appeal", "the case was heard on Saturday": a hearing
    if lemma == "hear":
        filing = subject(tok) if passive else next((o for o in kids if o.dep_ in ("dobj", "obj")), None)
        if filing is not None and filing.lemma_.lower() in v["judicial_filings"] and _court_near(sent, v):
            f = _frame("trial", sent, base, tok)
            f["attributes"]["filing"] = filing.lemma_.lower()
            return f
    # "the tobacco workers struck for higher wages": a strike, told of working people
    if lemma == "strike" and not passive:
        who = subject(tok)
        workers = who is not None and who.tag_ in ("NNS", "NNPS") and (
            who.lemma_.lower() in v["worker_nouns"] or (_surely_person(who, v) and preps(tok, set(v["strike_reason_preps"]))))
        if workers and not any(c.dep_ in ("dobj", "obj", "prt", "dative") for c in kids) and \
                not preps(tok, {"at", "upon", "on", "out", "down", "off", "through", "into", "across"}):
            f = _frame("strike", sent, base, tok)
            _add(f["roles"], "subject", who, base)
            return f
    # "the shop men went out on the 11th of May", "the miners came out": a strike told by its idiom
    if lemma in ("go", "come", "walk") and any(c.lower_ == "out" and c.dep_ in ("prt", "advmod") for c in kids):
        who = subject(tok)
        workers = who is not None and who.tag_ in ("NNS", "NNPS") and (who.lemma_.lower() in v["worker_nouns"] or (
            who.lemma_.lower() == "man" and any(c.dep_ == "compound" for c in who.children)))    # "the shop men"
        places = preps(tok, {"of", "into", "to", "onto", "through", "with", "across", "along"}) or [
            obj for p, obj in preps(tok, {"on", "at", "in"}) if obj.ent_type_ not in ("DATE", "TIME")]
        if workers and not places:
            f = _frame("strike", sent, base, tok)
            _add(f["roles"], "subject", who, base)
            return f
    # "one officer told me that my husband would lose his post if I did not ...": a threat
    speaker = subject(tok)
    if lemma in v["threat_speech_verbs"] and (_official(speaker, v) or (
            speaker is not None and speaker.lemma_.lower() in v["command_nouns"])):
        for c in kids:
            if c.dep_ == "ccomp" and _conditional_harm(c, v):
                f = _frame("threat", sent, base, tok)
                _add(f["roles"], "agent", subject(tok), base)
                _add(f["roles"], "subject", subject(c), base)
                return f
    # "was put to death", "burned at the stake"
    if (lemma == "put" and any(obj.lemma_.lower() == "death" for p, obj in preps(tok, {"to"}))) or (
            lemma == "burn" and any(obj.lemma_.lower() == "stake" for p, obj in preps(tok, {"at"}))):
        who = subject(tok) if passive else next((o for o in kids if o.dep_ in ("dobj", "obj")), None)
        if _person(who):
            f = _frame("execution", sent, base, tok)
            _add(f["roles"], "subject", who, base)
            return f
    # "he was let go"
    if lemma == "let" and passive and any(c.lemma_ == "go" for c in kids if c.dep_ in ("xcomp", "ccomp", "oprd")):
        f = _frame("release", sent, base, tok)
        _add(f["roles"], "subject", subject(tok), base)
        return f
    # "was set free", "set at liberty"
    if lemma == "set" and passive and any(c.lower_ in ("free", "liberty") or any(g.lower_ == "liberty" for g in c.subtree)
                                          for c in kids if c.dep_ in ("oprd", "acomp", "advmod", "prep", "xcomp")):
        f = _frame("release", sent, base, tok)
        _add(f["roles"], "subject", subject(tok), base)
        return f
    # "served five years in prison", "spent three years in the fortress"
    if lemma in v["serve_verbs"]:
        term = next((o for o in kids if o.dep_ in ("dobj", "obj", "npadvmod") and o.lemma_.lower() in v["term_units"]
                     and any(c.dep_ == "nummod" or c.like_num for c in o.children)), None)
        held = [obj for p, obj in preps(tok, {"in", "at"}) if _custody(obj, v)] + \
               [obj for o in kids if o.dep_ in ("dobj", "obj") for p, obj in preps(o, {"in", "at"}) if _custody(obj, v)]
        if term is not None and held:
            f = _frame("imprisonment", sent, base, tok)
            _add(f["roles"], "subject", subject(tok), base)
            f["attributes"]["term"] = doc_text(sent.doc)[term.left_edge.idx:term.idx + len(term.text)]
            return f
        return None
    # "the police took him away", "two gendarmes came for him at night"
    agent = subject(tok) if not passive else None
    if agent is not None and agent.lemma_.lower() in v["authority_nouns"]:
        if lemma in ("take", "lead", "carry", "drag", "march") and any(c.lower_ in ("away", "off") for c in kids):
            who = next((o for o in kids if o.dep_ in ("dobj", "obj") and _person(o)), None)
            if who is not None:
                f = _frame("arrest", sent, base, tok)
                _add(f["roles"], "agent", agent, base)
                _add(f["roles"], "subject", who, base)
                return f
        if lemma == "come":
            for p, obj in preps(tok, {"for"}):
                if obj.pos_ in ("PRON", "PROPN") and _person(obj):
                    f = _frame("arrest", sent, base, tok)
                    _add(f["roles"], "agent", agent, base)
                    _add(f["roles"], "subject", obj, base)
                    return f
    return None


def _official(tok, v) -> bool:
    """Police, soldiers, officers, a ministry: those who act for the state."""
    return tok is not None and (tok.lemma_.lower() in v["authority_nouns"] or tok.ent_type_ == "ORG")


def _custody_near(tok, sent, v) -> bool:
    """A prison, camp or custody named in this sentence or just before it."""
    before = doc_text(sent.doc)[max(0, sent.start_char - 300):tok.idx].lower()
    return any(_custody(t, v) for t in sent if t.i < tok.i) or any(
        re.search(r"\b" + re.escape(w) + r"\b", before) for w in v["custody_nouns"])


def _court_near(sent, v) -> bool:
    around = doc_text(sent.doc)[max(0, sent.start_char - 300):sent.end_char].lower()
    return any(re.search(r"\b" + w + r"\b", around) for w in v["court_words"])


def _conditional_harm(verb, v) -> bool:
    """"would lose his post if I did not sign", "will suffer unless you talk": a harm promised
    on a condition the hearer can meet (a threat), not a forecast."""
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in verb.children):
        return False
    if negated(verb):
        return False
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        marks = {g.lower_ for g in c.children if g.dep_ == "mark"}
        if "unless" in marks or ("if" in marks and negated(c)):
            return True
    return False


def _refused_food(tok, v, sent, base):
    """"eleven of us refused food for five days", "she refused to eat": a hunger strike."""
    if negated(tok):
        return None
    kids = list(tok.children)
    if not any((c.dep_ in ("dobj", "obj") and c.lemma_.lower() in v["food_nouns"]) or
               (c.dep_ == "xcomp" and c.lemma_.lower() in ("eat", "feed")) for c in kids):
        return None
    if any(c.dep_ == "aux" and c.lower_ in v["unreal_modals"] for c in kids):
        return None
    f = _frame("hunger_strike", sent, base, tok)
    _add(f["roles"], "subject", subject(tok), base)
    return f


def _removal_kind(around, v) -> str:
    """A removal carries out the order told before it: an expulsion where only expulsion
    was ordered, a deportation otherwise."""
    if re.search(r"\bdeport", around) or not any(w in around for w in v["expulsion_words"]):
        return "deportation"
    return "expulsion"


def _threatened(tok, kind, v, sent, base):
    """"The officers told me that my mother would be arrested if I did not sign": an act
    held over someone as the price of a refusal is a threat, made by the speaker."""
    if kind in ("threat", "escape", "protest", "strike", "boycott", "hunger_strike"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "should") for c in tok.children):
        return None
    if not any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in tok.children):
        return None
    speech = tok.head if tok.dep_ == "ccomp" else None
    if speech is None or speech.lemma_.lower() not in v["threat_speech_verbs"]:
        return None
    f = _frame("threat", sent, base, tok)
    _add(f["roles"], "agent", subject(speech), base)
    _add(f["roles"], "subject", subject(tok), base)
    f["attributes"]["threatened"] = kind
    return f


def _ruling_on_filing(tok, lemma, v, sent, base):
    """"The petition was rejected without a hearing", "the court dismissed his appeal": a
    decision on a filing before a court is a ruling (a minister refusing a petition is not)."""
    if lemma not in v["ruling_verbs"]:
        return None
    filing = subject(tok) if _passive(tok) else next(
        (o for o in tok.children if o.dep_ in ("dobj", "obj")), None)
    if filing is None:
        return None
    judge = None if _passive(tok) else subject(tok)
    if judge is not None and judge.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
        judge = tok.head              # "the court of appeal, which refused extradition"
    if judge is None and not _passive(tok) and tok.i > sent.start and tok.doc[tok.i - 1].pos_ in ("PROPN", "NOUN"):
        judge = tok.doc[tok.i - 1]    # "On 9 June Justice Adeyemi granted bail": the subject parsed into the date
    if _is_court(judge, v) and filing.pos_ != "PRON" and not negated(tok):
        f = _frame("ruling", sent, base, tok)    # "Justice Mwangi granted bail", "the court refused extradition"
        f["attributes"]["filing"] = filing.lemma_.lower()
        _add(f["roles"], "agent", judge, base)
        return f
    if lemma in v["court_only_ruling_verbs"]:
        return None                   # "granted" alone is a ruling only when a court grants
    if filing.pos_ == "PRON":           # "it was dismissed": the filing named just before
        prev = doc_text(sent.doc)[max(0, sent.start_char - 200):tok.idx].lower()
        named = sorted((w for w in v["judicial_filings"] if re.search(r"\b" + w + r"\b", prev)), key=prev.rfind)
    else:
        named = [filing.lemma_.lower()] if filing.lemma_.lower() in v["judicial_filings"] + v["court_decisions"] else []
    if not named:
        return None
    around = doc_text(sent.doc)[max(0, sent.start_char - 300):sent.end_char].lower()
    if not any(re.search(r"\b" + w + r"\b", around) for w in v["court_words"]):
        return None
    f = _frame("ruling", sent, base, tok)
    f["attributes"]["filing"] = named[-1] if filing.pos_ == "PRON" else named[0]
    _add(f["roles"], "agent", subject(tok) if not _passive(tok) else None, base)
    return f


def _is_court(tok, v) -> bool:
    """A court, judge or magistrate ("the High Court", "Justice Mwangi", "the magistrate")."""
    if tok is None:
        return False
    words = {tok.lemma_.lower()} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if tok.pos_ == "PROPN" and tok.i > 0 and tok.doc[tok.i - 1].text[:1].isupper():
        words.add(tok.doc[tok.i - 1].lower_)     # "Justice Mwangi" with the title parsed apart
    return bool(words & set(v["court_words"])) and tok.lemma_.lower() not in ("appeal", "hearing")
