"""Acts of persecution and legal process (the contract's act types).

``find(sent, base)`` returns frames for one parsed sentence: the act type,
the spans of its subjects and agent, whether it was only planned or
threatened, the legal basis ("article 58/10 of the Criminal Code") and the
sentence text.  Verbs are acts when they happen in the clause ("were
arrested"); nouns only when the clause makes them happen ("handed me an
ultimatum", "new arrests of several hundred people", "a hunger strike that
lasted"), so that an argument about "the deportation" is not an event.
"""
from __future__ import annotations

import re

from . import vocab
from .act_parts import (NOT_PERSON_ENTS, _add, _custody, _frame, _habitual, _message_or_goods,  # noqa: F401
                        _not_a_person, _passive, _patient, _person, _surely_person)
from .act_phrases import _official, _phrasal_act, _refused_food, _removal_kind, _ruling_on_filing, _threatened
from .syntax import doc_text, governing_verb, is_passive, modal, negated, preps, subject

HYPOTHETICAL_NOUNS = {"question", "threat", "attempt", "plan", "danger", "fear", "possibility", "idea",
                      "prospect", "demand", "proposal", "intention", "risk"}


def _planned(tok, v) -> bool:
    if modal(tok):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in v["planning_verbs"]:
        return True
    if tok.dep_ in ("acl", "pcomp") and head.pos_ == "NOUN" and head.lemma_ in HYPOTHETICAL_NOUNS:
        return True
    if tok.dep_ in ("pcomp", "pobj") and head.head.lemma_ in HYPOTHETICAL_NOUNS:
        return True
    if tok.sent.text.rstrip().rstrip("”\"'’").endswith("?"):
        return True          # asked, not asserted
    return False


def find(sent, base: int) -> list[dict]:
    v = vocab.acts()
    low = sent.text.lower()
    ctx = _context(sent)
    frames: list[dict] = []
    done: set[int] = set()
    seen: set[tuple] = set()
    for tok in sent:
        if tok.i in done:
            continue
        lemma = tok.lemma_.lower()
        f = None
        if tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith("VB") and tok.dep_ not in ("amod", "compound"):
            f = _verb_act(tok, lemma, v, sent, base, low, ctx)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
            f = _noun_act(tok, lemma, v, sent, base, low, ctx)
        if f is None:
            continue
        if f["type"] == "deportation" and any(g["type"] == "deportation" for g in frames):
            continue
        key = (f["type"], tuple(r["text"] for r in f["roles"].get("subject", [])[:1]))
        if key in seen:
            continue          # "the arrest ... arrested": one act told twice in one sentence
        seen.add(key)
        done.add(tok.i)
        extra = f.pop("extra", [])
        for g in [f] + extra:
            _legal_basis(g, sent, low, v)
            frames.append(g)
    return frames


def _context(sent, chars: int = 600) -> str:
    """The text just before this sentence in its section, lower-cased: what the act is part of."""
    return doc_text(sent.doc)[max(0, sent.start_char - chars):sent.start_char].lower()


def _unreal(tok, v) -> bool:
    """Asked, supposed or only possible: "might be arrested", "thought we would be shot"."""
    if any(c.dep_ == "aux" and c.lower_ in v["unreal_modals"] for c in tok.children):
        return True
    if tok.sent.text.rstrip().rstrip("”\"'’ ").endswith("?"):
        return True
    cur = tok
    for _ in range(6):
        h = cur.head
        if h.i == cur.i:
            break
        if h.lemma_.lower() in v["hypothetical_heads"] and (
                h.pos_ not in ("VERB", "AUX") or h.lemma_.lower() in v["hypothetical_verbs"]):
            return True       # "the question of his arrest", "thought we would be shot"; not "questioned"
        if cur.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in v["unreal_modals"] for c in h.children):
            return True       # "would try to escape"
        cur = h
    return False


def _moved(tok):
    """Who is moved or held by this verb: the passive subject, or the active object."""
    if _passive(tok):
        s = subject(tok)
        if s is None and tok.dep_ in ("advcl", "conj") and tok.head.pos_ in ("VERB", "AUX"):
            s = subject(tok.head)      # "I was returned to Piraeus, held for two nights at ..."
        return s if _person(s) else None
    for o in tok.children:
        if o.dep_ in ("dobj", "obj") and _person(o):
            return o
    return None


def _destinations(tok):
    """Objects of "to"/"into"/"on"/"in"/"at" on the verb and on its object ("drove me in a cab to the prison")."""
    out = []
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "obj", "advmod", "oprd", "npadvmod")]
    for h in heads:
        for p, obj in preps(h, {"to", "into", "on", "onto", "aboard", "in", "at", "inside", "as"}):
            if p.lower_ == "as" and obj.head.i == p.i:
                continue          # "taken as a hostage"; only "as far as the frontier"
            out.append(("to" if p.lower_ == "as" else p.lower_, obj))
            for p2, obj2 in preps(obj, {"to", "into", "in", "at"}):
                out.append((p2.lower_, obj2))
    return out


def _term_text(sent, tok) -> str:
    """The words of a sentence's term: "three years in the fortress", "a term of five years"."""
    s = tok.left_edge.idx
    e = tok.right_edge.idx + len(tok.right_edge.text)
    return doc_text(sent.doc)[s:e].strip(" ,;")


def _implicit_act(tok, lemma, v, sent, base, low, ctx):
    """Acts told without their keyword: held in a cell, driven to prison, ordered to leave,
    received three years, put on a plane after an expulsion order, sent to a place of exile."""
    passive = _passive(tok)
    if negated(tok) or _unreal(tok, v) or _habitual(tok, v):
        return None
    # "ordered him to leave the island": expulsion
    if lemma in v["order_verbs"]:
        if not passive and not any(o.dep_ in ("dobj", "obj") for o in tok.children):
            return None    # "Captain X determined to leave the strait": his own decision
        out_of = [c for c in tok.children if c.lower_ == "out" and c.dep_ in ("prep", "prt", "advmod")]
        for c in list(tok.children) + out_of:
            if c in out_of or (c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in v["leave_verbs"]):
                f = _frame("expulsion", sent, base, tok)
                f["attributes"]["ordered"] = True
                _add(f["roles"], "agent", subject(tok) if not passive else None, base)
                who = [o for o in tok.children if o.dep_ in ("dobj", "obj")] or ([subject(tok)] if passive else [])
                _add(f["roles"], "subject", who[0] if who else None, base)
                return f
        return None
    # "my term was shortened by the amnesty": released early
    if lemma in v["shorten_verbs"] and passive:
        s_ = subject(tok)
        if s_ is not None and s_.lemma_.lower() in ("term", "sentence"):
            f = _frame("release", sent, base, tok)
            owners = [c for c in s_.children if c.dep_ == "poss"]
            _add(f["roles"], "subject", owners[0] if owners else None, base)
            return f
        return None
    # "received three years in the fortress", "was given five years": a sentence
    if lemma == "get" and any(c.lower_ == "out" for c in tok.children):
        return _phrasal_act(tok, lemma, passive, v, sent, base)    # "got him out" of prison
    if lemma in ("receive", "get", "give"):
        around = ctx[-600:] + " " + low
        if not any(re.search(r"\b" + w + r"\b", around) for w in v["legal_context_words"]):
            return None    # "lucky in getting two fine days": no court, prison or exile in sight
        for o in tok.children:
            if o.dep_ in ("dobj", "obj", "dative") and o.lemma_.lower() in v["term_units"] and \
                    any(c.dep_ == "nummod" or c.like_num for c in o.children):
                f = _frame("sentence", sent, base, tok)
                if lemma == "give" and not passive:     # "the judge gave him six months"
                    _add(f["roles"], "agent", subject(tok), base)
                    _add(f["roles"], "subject", next((c for c in tok.children if c.i != o.i and c.dep_ in (
                        "dative", "dobj", "obj")), None), base)
                else:
                    _add(f["roles"], "subject", subject(tok), base)
                end = o
                for c in tok.children:
                    if c.dep_ == "prep" and c.i > o.i:
                        end = c
                        break
                f["attributes"]["sentence"] = doc_text(sent.doc)[o.left_edge.idx:end.right_edge.idx + len(end.right_edge.text)]
                return f
        return None
    # "after the refusal he must go back with the same ship": ordered to return
    if lemma in v["return_verbs"] and (lemma != "go" or any(c.lower_ == "back" for c in tok.children)) and (
            any(c.dep_ == "aux" and c.lower_ in ("must",) for c in tok.children)
            or (tok.dep_ == "xcomp" and tok.head.lemma_ in ("have", "be"))) and \
            any(w in ctx + " " + low for w in v["context_orders"]):
        f = _frame("deportation_order", sent, base, tok)
        f["attributes"]["ordered"] = True
        _add(f["roles"], "subject", subject(tok), base)
        return f
    found = _phrasal_act(tok, lemma, passive, v, sent, base)
    if found is not None:
        return found
    who = _moved(tok)
    if who is None:
        return None
    dests = _destinations(tok)
    # "they escorted him to the frontier": put out of the country
    if lemma in v["transfer_verbs"] and any(p == "to" and o.lemma_.lower() in v["border_nouns"] for p, o in dests) \
            and (who.pos_ in ("PRON", "PROPN") or who.ent_type_ == "PERSON"):
        f = _frame(_removal_kind(ctx + " " + low, v), sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    # "was held for a month in the town jail", "arrested and held for six weeks"
    if lemma in v["custody_verbs"]:
        if any(c.dep_ in ("xcomp", "acomp") for c in tok.children):
            return None    # "kept standing", "kept waiting": how, not where, one was held
        spans = [o for p, o in preps(tok, {"for"})] + [o for o in tok.children if o.dep_ in ("oprd", "npadvmod") and any(
            c.dep_ == "nummod" or c.like_num for c in o.children)]     # "held for a month", "kept two nights"
        held_for = (passive or _official(subject(tok), v)) and lemma in ("hold", "keep") and any(
            o.lemma_.lower() in v["term_units"] + ["night", "hour"] for o in spans)
        if held_for or any(p in ("in", "at", "inside") and _custody(o, v) for p, o in dests) or \
                (tok.dep_ == "conj" and tok.head.lemma_.lower() in v["arrest_heads"]):
            f = _frame("detention", sent, base, tok)
            _add(f["roles"], "subject", who, base)
            return f
        return None
    if lemma not in v["transfer_verbs"]:
        return None
    # "drove me in a closed carriage to the citadel": taken into custody; "put in the citadel"
    put_in = lemma == "put" and any(p in ("in", "inside") and _custody(o, v) for p, o in dests)
    if put_in or any(p in ("to", "into") and _custody(o, v) for p, o in dests):
        recent = ctx[-300:] + low[:tok.idx - sent.start_char]
        kind = "detention" if re.search(r"\barrest|\bdetain|\bprison|\bjail|\bcustody", recent) else "arrest"
        if put_in or lemma in v["custody_transfer_verbs"]:
            kind = "detention"     # put in a cell, transferred to a prison: already in custody
        f = _frame(kind, sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    around = ctx + " " + low
    dests = [(p, o) for p, o in dests if o.ent_type_ not in ("DATE", "TIME")]
    # "I was hooded, pushed into a car and taken to a building": seized, told by how
    if passive and any(re.search(r"(?<!\w)" + re.escape(c) + r"(?!\w)", low) for c in v["seizure_cues"]) and \
            any(p in ("to", "into") for p, o in dests) and not re.search(r"\barrest|\bdetain", ctx[-300:]):
        f = _frame("arrest", sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    # "was taken from the ship by night": seized
    if lemma == "take" and passive and preps(tok, {"from"}) and not any(p in ("to", "into") for p, o in dests):
        f = _frame("arrest", sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    agent = subject(tok) if not passive else None
    if agent is not None and (agent.lemma_.lower() in v["vehicle_nouns"] or agent.head.lemma_.lower() in v["vehicle_nouns"]):
        return None        # "a bus which drove us": the vehicle, not an escort
    if who.pos_ == "NOUN" and who.ent_type_ != "PERSON" and who.lemma_.lower() in v["vehicle_nouns"]:
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None        # "instructions to conduct you": the order, not the act
    if any(c.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
           for c in tok.children):
        return None        # "was brought to see me": a visit
    if any(w.lemma_.lower() in v["vehicle_nouns"] for o in tok.children if o.dep_ in ("dobj", "obj") for w in o.subtree):
        return None        # "I take the night train": riding, not being taken
    # "sent back" after a refusal told earlier in the text, however far back
    back = any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in tok.children)
    if back and any(w in doc_text(sent.doc)[:sent.start_char].lower() for w in v["removal_context"]):
        around += " " + v["removal_context"][0]
    # "sentenced me to eighteen months' imprisonment. I was taken back to Langata": the term begins
    if passive and any(p == "to" for p, o in dests) and who.pos_ in ("PRON", "PROPN") and \
            re.search(v["prison_sentence_told"], ctx[-300:] + " " + low[:tok.idx - sent.start_char]):
        f = _frame("imprisonment", sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    # after an order to leave, refusal of entry or deportation order: "took him back to the port"
    if any(p in ("to", "on", "onto", "aboard") for p, o in dests) and who.pos_ in ("PRON", "PROPN") and \
            any(w in around for w in v["context_orders"] + v["forced_cues"]) and (lemma != "send" or back):
        f = _frame(_removal_kind(around, v), sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    # "was sent to a remote town" in a story of exile
    if lemma == "send" and passive and any(p == "to" for p, o in dests) and \
            any(w in doc_text(sent.doc)[max(0, sent.start_char - 1500):sent.end_char].lower() for w in v["exile_context"]):
        f = _frame("exile", sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    return None


def _verb_act(tok, lemma, v, sent, base, low, ctx=""):
    kind = v["verbs"].get(lemma) or v["verbs"].get(tok.lower_)
    if kind and tok.lower_ in v["verbs"] and lemma not in v["verbs"]:
        lemma = tok.lower_          # spaCy's odd lemma ("fined" -> "fin")
    # died in prison / in custody
    if lemma in v["death_verbs"]:
        for p, obj in preps(tok, {"in", "under", "during"}):
            if obj.lemma_.lower() in v["custody_nouns"]:
                f = _frame("death_in_custody", sent, base, tok)
                _add(f["roles"], "subject", subject(tok), base)
                return f
        return None
    if not negated(tok):
        ruled = _ruling_on_filing(tok, lemma, v, sent, base)
        if ruled is not None:
            return ruled
    # "deprived him of his citizenship": the state puts him out (an expulsion ordered)
    if lemma in v["deprive_verbs"] and not negated(tok) and not _unreal(tok, v) and \
            any(obj.lemma_.lower() in v["citizenship_nouns"] for h in [tok] + [
                c for c in tok.children if c.dep_ in ("dobj", "obj")] for p, obj in preps(h, {"of"})):
        f = _frame("expulsion", sent, base, tok)
        f["attributes"]["ordered"] = True
        f["attributes"]["citizenship_revoked"] = True
        who = subject(tok) if _passive(tok) else next((o for o in tok.children if o.dep_ in ("dobj", "obj")), None)
        _add(f["roles"], "subject", who, base)
        return f
    # refused to admit you / refused a visa (an exit visa or leave to go is not entry)
    if lemma in v["refusal_words"]:
        fasting = _refused_food(tok, v, sent, base)
        if fasting is not None:
            return fasting
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and any(g.lemma_.lower() in v["exit_words"] for g in c.children
                                                       if g.dep_ in ("amod", "compound")):
                return None
            if (c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in v["entry_verbs"]) or \
               (c.dep_ in ("dobj",) and c.lemma_.lower() in v["entry_nouns"]):
                f = _frame("entry_refused", sent, base, tok)
                if _passive(tok):                       # "he was refused entry at Dover"
                    _add(f["roles"], "subject", subject(tok), base)
                else:
                    _add(f["roles"], "agent", subject(tok), base)
                for o in c.children:
                    if o.dep_ in ("dobj",):
                        _add(f["roles"], "subject", o, base)
                for p, obj in preps(c, {"to", "into"}):
                    f["attributes"]["country_text"] = obj.text
                return f
        return None
    # arrived / will cross ... not of my own choice, by submitting to force
    if lemma in v["forced_motion_verbs"] and any(cue in low for cue in v["forced_cues"]):
        f = _frame("deportation", sent, base, tok)
        _add(f["roles"], "subject", subject(tok) if not is_passive(tok) else subject(tok), base)
        return f
    if not kind:
        return _implicit_act(tok, lemma, v, sent, base, low, ctx)
    passive = _passive(tok)
    tried = lemma == "try" and not passive and preps(tok, {"for"}) and any(
        o.dep_ in ("dobj", "obj") and o.pos_ in ("PRON", "PROPN") for o in tok.children)
    if lemma in v["verbs_need_passive"] and not passive and not tried:
        return None       # "tried to escape"; but "the court tried him for heresy"
    neg = negated(tok)
    if neg:
        return None
    if tok.dep_ == "xcomp" and negated(tok.head):
        return None       # "did not attempt to escape", "never tried to flee"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return None       # "without having been expelled"
    need = v["verb_needs_preps"].get(lemma)
    if need and not preps(tok, set(need)):
        return None       # "spied a lake" is seeing; "spied on us" is surveillance
    if kind == "detention" and any(obj.lemma_.lower() in v["delay_causes"] for p, obj in preps(tok, {"by"})):
        return None       # "detained six days by bad weather": delayed, not held
    if kind == "escape" and any(c.dep_ in ("dobj", "obj") and c.ent_type_ not in ("GPE", "LOC", "FAC") and
                                c.lemma_.lower() not in v["custody_nouns"] for c in tok.children):
        return None       # "escape detection", "escaped notice": evaded
    if _not_a_person(_patient(tok, kind, passive), v):
        return None       # "the spider, trying to escape", "the jaguar having been banished"
    if lemma in v["verbs_need_person"] and not _surely_person(_patient(tok, kind, passive), v):
        return None       # "the goods were transported to Lima"
    if _habitual(tok, v):
        return None       # "prisoners were sometimes moved to the punishment cells"
    if lemma == "dismiss" and not _dismissal(tok):
        return None
    filing = "post" if lemma == "dismiss" else None     # dismissed from a post, not a filing dismissed
    need_obj = v["verbs_need_objects"].get(lemma)
    patient = _patient(tok, kind, passive)
    if need_obj and (patient is None or patient.lemma_.lower() not in need_obj):
        return None       # "commuted his sentence", not "commuted to London"
    if kind == "expulsion" and any(obj.lemma_.lower() in v["organisation_nouns"] for p, obj in preps(tok, {"from"})):
        return None       # expelled from the party: membership, not a country
    if _unreal(tok, v):
        return _threatened(tok, kind, v, sent, base)   # "might easily be arrested"; "told me she would be arrested if"
    subj = subject(tok)
    if passive and subj is not None and subj.pos_ == "NOUN" and _message_or_goods(subj):
        return None       # "a packet of letters was seized": a message, not a person
    if subj is None and tok.dep_ in ("acomp", "dep", "conj") and tok.head.pos_ in ("AUX", "VERB"):
        subj = subject(tok.head)     # "I was exiled" parsed as be + adjective
    if subj is not None and subj.lower_ in ("nobody", "no", "none", "noone", "neither"):
        return None
    # "to be deported", "resolved ... to be deported", "ordered to be exiled": an order
    # "to be deported"; "to be exiled" is parsed be + adjective, "to" hanging on "be"
    inf = tok.head if tok.dep_ == "acomp" and tok.head.lemma_ == "be" else tok
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in inf.children)
    if kind in ("deportation", "exile", "expulsion") and infinitive and passive and (
            inf.dep_ == "ROOT" or inf.head.lemma_.lower() in v["order_verbs"] + ["be"]
            or tok.sent.root.lemma_.lower() in v["order_verbs"]):
        # an order to exile someone is their (administrative) sentence
        kind = {"deportation": "deportation_order", "exile": "sentence"}.get(kind, kind)
        f = _frame(kind, sent, base, tok)
        f["attributes"]["ordered"] = True
        if kind == "sentence":
            end = max(tok.right_edge.i, inf.right_edge.i)
            f["attributes"]["sentence"] = doc_text(sent.doc)[tok.idx:sent.doc[end].idx + len(sent.doc[end].text)].rstrip(" .;,")
        _add(f["roles"], "subject", subj, base)
        return f
    f = _frame(kind, sent, base, tok)
    if filing:
        f["attributes"]["filing"] = filing
    if _planned(tok, v) or (infinitive and tok.dep_ not in ("ROOT",)):
        f["attributes"]["planned"] = True
    intransitive = kind in ("escape", "protest", "boycott", "strike", "hunger_strike")
    if passive:
        _add(f["roles"], "subject", subj, base)
        for p, obj in preps(tok, {"by"}):
            _add(f["roles"], "agent", obj, base)
    elif intransitive:
        _add(f["roles"], "subject", subj, base)
    else:
        _add(f["roles"], "agent", subj, base)
        for o in tok.children:
            if o.dep_ in ("dobj", "obj"):
                _add(f["roles"], "subject", o, base)
    if kind == "sentence":
        m = re.search(r"sentenced\s+to\s+([^.;:]+)", sent.text, re.I)
        if m:
            f["attributes"]["sentence"] = m.group(1).strip()
        elif lemma in v["verbs_need_objects"]:     # "the sentence was commuted to twenty years"
            for p, obj in preps(tok, {"to"}):
                f["attributes"]["sentence"] = _term_text(sent, obj).split(",")[0]
    if kind in ("exile", "deportation", "expulsion", "imprisonment"):
        # "exiled for a term of five years": the term is a sentence as well as the exile
        for p, obj in preps(tok, {"for"}):
            if obj.lemma_.lower() in ("term", "period") or (
                    obj.lemma_.lower() in v["term_units"] and any(c.like_num for c in obj.children)):
                g = _frame("sentence", sent, base, tok)
                g["roles"] = {k: list(x) for k, x in f["roles"].items()}
                g["attributes"]["sentence"] = _term_text(sent, obj)
                f["extra"] = [g]
                break
    return f


def _dismissal(tok) -> bool:
    """"dismissed him from the service", "dismissed the appeal": a decision, not "dismissed the idea"."""
    for o in tok.children:
        if o.dep_ in ("dobj", "obj", "nsubjpass") and (
                o.pos_ in ("PRON", "PROPN") or o.lemma_.lower() in (
                "appeal", "case", "charge", "complaint", "petition", "claim", "suit", "action", "plea")):
            return True
    return bool(preps(tok, {"from"}))


def _noun_act(tok, lemma, v, sent, base, low="", ctx=""):
    kind = v["nouns"].get(lemma)
    ordered = False
    if lemma in v["order_nouns"]:
        # "a deportation order", "the expulsion decree": the order, not the act
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and v["nouns"].get(c.lemma_.lower()) in v["ordered_kinds"]:
                kind = v["ordered_kinds"][v["nouns"][c.lemma_.lower()]]
                ordered = True
    if lemma in v["inquiry_nouns"]:
        verb = governing_verb(tok, 2)
        if verb is not None and verb.lemma_.lower() in v["inquiry_verbs"]:
            kind = "trial"          # "an inquiry was held before a commission"
    if lemma == "strike" and (any(c.lower_ == "hunger" for c in tok.children)
                              or re.search(v["hunger_context"], ctx + " " + low)):
        kind = "hunger_strike"      # "ended the strike" after a hunger strike was told
    if not kind:
        return None
    if any(c.dep_ == "amod" and c.lower_ in v["idiom_modifiers"].get(lemma, ()) for c in tok.children):
        return None                 # "a narrow escape": a close call
    if lemma == "charge" and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        return None                 # "under charge of a girl": in her care
    if any(c.dep_ == "det" and c.lower_ in ("no",) for c in tok.children) and lemma != "warrant":
        return None                 # "showed no warrant" is still an arrest
    stated_charge = kind == "charge" and bool(preps(tok, {"of"})) and not any(
        c.dep_ == "aux" and c.lower_ in v["unreal_modals"] for c in tok.head.head.children)
    if tok.dep_ == "pobj" and tok.head.lower_ == "without":
        return None                 # "held without trial", "released without charge"
    if (_unreal(tok, v) and not stated_charge) or (tok.dep_ == "pobj" and tok.head.lower_ == "for" and not ordered):
        return None                 # "feared arrest", "taken away for execution"
    if kind == "charge" and (tok.dep_ == "appos" or tok.dep_ == "pobj" and tok.head.lower_ == "of" and
                             tok.head.head.pos_ == "NOUN" and tok.head.head.lemma_.lower() not in v["nouns"]):
        return None                 # "a confirmation of charges": the charges are named, not brought
    if ordered:
        f = _frame(kind, sent, base, tok)
        f["attributes"]["ordered"] = True
        if governing_verb(tok, 2) is not None or any(c.dep_ in ("acl", "relcl") for c in tok.children):
            return f
        return None
    if lemma == "charge" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
            not any(c.dep_ == "det" for c in tok.children):
        return None        # "in charge of": responsible for
    if lemma == "charge" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("have", "take", "assume") and \
            not any(c.dep_ == "det" for c in tok.children):
        return None        # "which has charge of the prisoners": responsible for
    light = set(v["light_verbs"])
    verb = governing_verb(tok, 2)
    if tok.dep_ == "pobj" and tok.head.lower_ == "under" and verb is not None and \
            verb.lemma_.lower() in v["state_verbs"] and not negated(verb):
        f = _frame(kind, sent, base, tok)      # "told me that I was under arrest", "remained under arrest"
        _add(f["roles"], "subject", subject(verb), base)
        return f
    acts_verbs = set(k for k, x in v["verbs"].items() if x)
    f = _frame(kind, sent, base, tok)
    ok = False
    # "handed me an ultimatum", "the trial ... began", "placed under arrest"
    if verb is not None and verb.lemma_.lower() in light and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
        if negated(verb):
            return None
        if verb.lemma_.lower() in acts_verbs:
            return None
        if verb.lemma_.lower() in ("go", "come") and tok.dep_ == "pobj" and tok.head.lower_ not in ("on", "into", "under"):
            return None     # "went on strike", "went into exile"; not "comes from a sudden expulsion"
        ok = True
        subj = subject(verb)
        if verb.lemma_.lower() in v["undergo_verbs"] and tok.dep_ in ("dobj", "pobj"):
            _add(f["roles"], "subject", subj, base)     # "he stood trial", "they went on hunger strike"
        elif tok.dep_ == "dobj":
            _add(f["roles"], "agent", subj, base)
            for o in verb.children:
                if o.dep_ == "dative":
                    _add(f["roles"], "subject", o, base)
        if _planned(verb, v):
            f["attributes"]["planned"] = True
    # "arrests of several hundred people", "the trial of the Soviet"
    for p, obj in preps(tok, {"of"}):
        if kind == "charge":             # "on a charge of counter-revolutionary activity"
            ok = True
            f["attributes"]["accusation"] = doc_text(sent.doc)[obj.left_edge.idx:obj.idx + len(obj.text)]
            continue
        if obj.pos_ in ("NOUN", "PROPN", "PRON") and obj.ent_type_ not in NOT_PERSON_ENTS and \
                obj.lemma_.lower() not in ("counter", "activity", "kind", "sort") and not _not_a_person(obj, v):
            ok = True
            _add(f["roles"], "subject", obj, base)
    # "a hunger strike that lasted about 50 days"; "Butov's answer was a hunger strike"
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.tag_ in ("VBD", "VBN") and not negated(c) and (
                kind != "sentence" or c.lemma_.lower() in v["sentence_noun_verbs"]):
            ok = True                # not "any sentence we addressed them"
        if c.dep_ == "poss":
            _add(f["roles"], "subject", c, base)
    if tok.dep_ == "attr" and verb is not None and verb.lemma_ == "be":
        ok = True
        s = subject(verb)
        if s is not None:
            owners = [c for c in s.children if c.dep_ == "poss"]
            _add(f["roles"], "subject", owners[0] if owners else s, base)
    if not ok:
        return None
    if tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in acts_verbs:
        return None        # "sentenced to deportation": the verb's event
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB" and \
            tok.head.head.lemma_.lower() in acts_verbs:
        return None        # "commuted to twenty years' imprisonment": the term of the verb's event
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on",) and lemma == "charge":
        ok = True
    return f


def _legal_basis(f, sent, low, v):
    m = vocab.compiled("acts", "legal_basis_pattern").search(sent.text)
    if m:
        f["attributes"]["charge"] = m.group(0)
    f["basis_cue"] = True   # resolve may look at the previous sentence of the paragraph
