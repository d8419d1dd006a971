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
from .syntax import governing_verb, is_passive, modal, negated, preps, role, subject

HYPOTHETICAL_NOUNS = {"question", "threat", "attempt", "plan", "danger", "fear", "possibility", "idea",
                      "prospect", "demand", "proposal", "intention", "risk"}
NOT_PERSON_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT", "GPE", "LOC"}


def _frame(kind, sent, base, tok):
    return {"type": kind, "nstart": base + sent.start_char, "nend": base + sent.end_char,
            "trigger": (base + tok.idx, base + tok.idx + len(tok.text)), "attributes": {}, "roles": {}}


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


def _add(roles, name, tok, base):
    """Add a participant slot; "Two of my co-workers, Comrades A and B" adds the apposition."""
    if tok is None:
        return
    if tok.ent_type_ not in NOT_PERSON_ENTS:
        roles.setdefault(name, []).append(role(tok, base))
    for c in tok.children:
        if c.dep_ == "appos":
            roles.setdefault(name, []).append(role(c, base))
            for cc in c.conjuncts:
                roles.setdefault(name, []).append(role(cc, base))
        if c.dep_ == "prep" and c.lower_ == "of" and tok.ent_type_ == "CARDINAL":
            for g in c.children:
                if g.dep_ == "pobj":
                    _add(roles, name, g, base)
    for cc in tok.conjuncts:
        if cc.ent_type_ not in NOT_PERSON_ENTS:
            roles.setdefault(name, []).append(role(cc, base))


def find(sent, base: int) -> list[dict]:
    v = vocab.acts()
    low = sent.text.lower()
    frames: list[dict] = []
    done: set[int] = set()
    for tok in sent:
        if tok.i in done:
            continue
        lemma = tok.lemma_.lower()
        f = None
        if tok.pos_ == "VERB" and tok.tag_.startswith("VB") and tok.dep_ not in ("amod", "compound"):
            f = _verb_act(tok, lemma, v, sent, base, low)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
            f = _noun_act(tok, lemma, v, sent, base)
        if f is None:
            continue
        if f["type"] == "deportation" and any(g["type"] == "deportation" for g in frames):
            continue
        done.add(tok.i)
        _legal_basis(f, sent, low, v)
        frames.append(f)
    return frames


def _verb_act(tok, lemma, v, sent, base, low):
    kind = v["verbs"].get(lemma)
    roles: dict = {}
    # died in prison / in custody
    if lemma in v["death_verbs"]:
        for p, obj in preps(tok, {"in", "under", "during"}):
            if obj.lemma_.lower() in v["custody_nouns"]:
                f = _frame("death_in_custody", sent, base, tok)
                _add(f["roles"], "subject", subject(tok), base)
                return f
        return None
    # refused to admit you / refused a visa
    if lemma in v["refusal_words"]:
        for c in tok.children:
            if (c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in v["entry_verbs"]) or \
               (c.dep_ in ("dobj",) and c.lemma_.lower() in v["entry_nouns"]):
                f = _frame("entry_refused", sent, base, tok)
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
        return None
    passive = is_passive(tok)
    if lemma in v["verbs_need_passive"] and not passive:
        return None
    neg = negated(tok)
    if neg:
        return None
    subj = subject(tok)
    if subj is not None and subj.lower_ in ("nobody", "no", "none", "noone"):
        return None
    # "to be deported", "resolved ... to be deported", "ordered to be exiled": an order
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if kind in ("deportation", "exile", "expulsion") and infinitive and passive and (
            tok.dep_ == "ROOT" or tok.head.lemma_.lower() in v["order_verbs"]
            or tok.sent.root.lemma_.lower() in v["order_verbs"]):
        kind = "deportation_order" if kind == "deportation" else kind
        f = _frame(kind, sent, base, tok)
        f["attributes"]["ordered"] = True
        _add(f["roles"], "subject", subj, base)
        return f
    f = _frame(kind, sent, base, tok)
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
    return f


def _noun_act(tok, lemma, v, sent, base):
    kind = v["nouns"].get(lemma)
    if lemma == "strike" and any(c.lower_ == "hunger" for c in tok.children):
        kind = "hunger_strike"
    if not kind:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no",) for c in tok.children):
        return None
    if lemma == "charge" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
            not any(c.dep_ == "det" for c in tok.children):
        return None        # "in charge of": responsible for
    light = set(v["light_verbs"])
    verb = governing_verb(tok, 2)
    acts_verbs = set(k for k, x in v["verbs"].items() if x)
    f = _frame(kind, sent, base, tok)
    ok = False
    # "handed me an ultimatum", "the trial ... began", "placed under arrest"
    if verb is not None and verb.lemma_.lower() in light and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
        if negated(verb):
            return None
        if verb.lemma_.lower() in acts_verbs:
            return None
        ok = True
        subj = subject(verb)
        if tok.dep_ == "dobj":
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
            f["attributes"]["accusation"] = sent.doc.text[obj.left_edge.idx:obj.idx + len(obj.text)]
            continue
        if obj.pos_ in ("NOUN", "PROPN", "PRON") and obj.ent_type_ not in NOT_PERSON_ENTS and \
                obj.lemma_.lower() not in ("counter", "activity", "kind", "sort"):
            ok = True
            _add(f["roles"], "subject", obj, base)
    # "a hunger strike that lasted about 50 days"; "Butov's answer was a hunger strike"
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.tag_ in ("VBD", "VBN") and not negated(c):
            ok = True
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
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on",) and lemma == "charge":
        ok = True
    return f


def _legal_basis(f, sent, low, v):
    m = vocab.compiled("acts", "legal_basis_pattern").search(sent.text)
    if m:
        f["attributes"]["charge"] = m.group(0)
    f["basis_cue"] = True   # resolve may look at the previous sentence of the paragraph
