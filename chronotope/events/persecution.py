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
from .travel import FRAME_TYPES as travel_frame_types
from .syntax import doc_text, governing_verb, is_passive, modal, negated, preps, role, subject

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
        if h.lemma_.lower() in v["hypothetical_heads"]:
            return True
        if cur.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in v["unreal_modals"] for c in h.children):
            return True       # "would try to escape"
        cur = h
    return False


def _person(tok) -> bool:
    """Could this be a person or group moved, held or punished (not a letter, a place, a date)?"""
    if tok is None:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what")
    if tok.ent_type_ in NOT_PERSON_ENTS or tok.ent_type_ in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART"):
        return False
    if tok.lemma_.lower() in vocab.communication()["nouns"]:
        return False
    return tok.pos_ in ("PROPN", "NOUN")


def _moved(tok):
    """Who is moved or held by this verb: the passive subject, or the active object."""
    if _passive(tok):
        s = subject(tok)
        return s if _person(s) else None
    for o in tok.children:
        if o.dep_ in ("dobj", "obj") and _person(o):
            return o
    return None


def _destinations(tok):
    """Objects of "to"/"into"/"on"/"in"/"at" on the verb and on its object ("drove me in a cab to the prison")."""
    out = []
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "obj", "advmod")]
    for h in heads:
        for p, obj in preps(h, {"to", "into", "on", "onto", "aboard", "in", "at", "inside"}):
            out.append((p.lower_, obj))
            for p2, obj2 in preps(obj, {"to", "into", "in", "at"}):
                out.append((p2.lower_, obj2))
    return out


def _custody(obj, v) -> bool:
    words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
    return bool(words & set(v["custody_nouns"]))


def _term_text(sent, tok) -> str:
    """The words of a sentence's term: "three years in the fortress", "a term of five years"."""
    s = tok.left_edge.idx
    e = tok.right_edge.idx + len(tok.right_edge.text)
    return doc_text(sent.doc)[s:e].strip(" ,;")


def _implicit_act(tok, lemma, v, sent, base, low, ctx):
    """Acts told without their keyword: held in a cell, driven to prison, ordered to leave,
    received three years, put on a plane after an expulsion order, sent to a place of exile."""
    passive = _passive(tok)
    if negated(tok) or _unreal(tok, v):
        return None
    # "ordered him to leave the island": expulsion
    if lemma in v["order_verbs"]:
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in v["leave_verbs"]:
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
    if lemma in ("receive", "get", "give"):
        for o in tok.children:
            if o.dep_ in ("dobj", "obj", "dative") and o.lemma_.lower() in v["term_units"] and \
                    any(c.dep_ == "nummod" or c.like_num for c in o.children):
                f = _frame("sentence", sent, base, tok)
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
    who = _moved(tok)
    if who is None:
        return None
    dests = _destinations(tok)
    # "was held for a month in the town jail", "arrested and held for six weeks"
    if lemma in v["custody_verbs"]:
        held_for = passive and lemma in ("hold", "keep") and any(o.lemma_.lower() in v["term_units"] + ["night", "hour"]
                                   for p, o in preps(tok, {"for"}))
        if held_for or any(p in ("in", "at", "inside") and _custody(o, v) for p, o in dests) or \
                (tok.dep_ == "conj" and tok.head.lemma_.lower() in v["arrest_heads"]):
            f = _frame("detention", sent, base, tok)
            _add(f["roles"], "subject", who, base)
            return f
        return None
    if lemma not in v["transfer_verbs"]:
        return None
    # "drove me in a closed carriage to the citadel": taken into custody
    if any(p in ("to", "into") and _custody(o, v) for p, o in dests):
        recent = ctx[-300:] + low[:tok.idx - sent.start_char]
        kind = "detention" if re.search(r"\barrest|\bdetain|\bprison|\bjail|\bcustody", recent) else "arrest"
        f = _frame(kind, sent, base, tok)
        _add(f["roles"], "subject", who, base)
        return f
    around = ctx + " " + low
    dests = [(p, o) for p, o in dests if o.ent_type_ not in ("DATE", "TIME")]
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
    # after an order to leave, refusal of entry or deportation order: "took him back to the port"
    if any(p in ("to", "on", "onto", "aboard") for p, o in dests) and who.pos_ in ("PRON", "PROPN") and \
            any(w in around for w in v["context_orders"] + v["forced_cues"]) and lemma != "send":
        f = _frame("deportation", sent, base, tok)
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
        return _implicit_act(tok, lemma, v, sent, base, low, ctx)
    passive = _passive(tok)
    if lemma in v["verbs_need_passive"] and not passive:
        return None
    neg = negated(tok)
    if neg:
        return None
    if lemma == "dismiss" and not _dismissal(tok):
        return None
    if kind == "expulsion" and any(obj.lemma_.lower() in v["organisation_nouns"] for p, obj in preps(tok, {"from"})):
        return None       # expelled from the party: membership, not a country
    if _unreal(tok, v):
        return None       # "might easily be arrested", "did they mean to deport me?"
    subj = subject(tok)
    if subj is None and tok.dep_ in ("acomp", "dep", "conj") and tok.head.pos_ in ("AUX", "VERB"):
        subj = subject(tok.head)     # "I was exiled" parsed as be + adjective
    if subj is not None and subj.lower_ in ("nobody", "no", "none", "noone"):
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


def _passive(tok) -> bool:
    """Passive, also when the parser hangs the participle on "was" or on a passive verb
    before it ("was seized on the quay, hanged a week later")."""
    if is_passive(tok):
        return True
    if tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "dobj", "obj") for c in tok.children):
        if tok.dep_ == "acomp" and tok.head.lemma_ == "be":
            return True
        if tok.dep_ in ("conj", "dep") and tok.head.pos_ == "VERB" and is_passive(tok.head):
            return True
    return False


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
    if any(c.dep_ == "det" and c.lower_ in ("no",) for c in tok.children) and lemma != "warrant":
        return None                 # "showed no warrant" is still an arrest
    if _unreal(tok, v) or (tok.dep_ == "pobj" and tok.head.lower_ == "for" and not ordered):
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
            f["attributes"]["accusation"] = doc_text(sent.doc)[obj.left_edge.idx:obj.idx + len(obj.text)]
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


# acts a narrative usually tells once per person: a retelling without a named subject is the same act
SINGULAR_TYPES = {"ultimatum", "deportation_order", "trial", "ruling", "entry_refused", "expulsion", "acquittal",
                  "hunger_strike"}
DOERS = {"hunger_strike", "escape", "protest", "strike", "boycott"}     # the subject may be told as the agent
SAME_ACT = {("expulsion", "deportation_order"), ("deportation_order", "expulsion")}
NOT_ACTS = {"communication", *travel_frame_types}
AGAIN = re.compile(r"\b(?:again|once more|another|second time|third time|re-?arrest\w*|new)\b", re.I)


def merge_retold(doc, frames: list[dict]) -> list[dict]:
    """Fold retellings of one act into its first telling.

    The same ultimatum is told in the narrative and again in a quoted letter;
    the same order is "shown" and then "ordered my expulsion". Frames of one
    type (or an expulsion order after a deportation order), in different
    sentences of one document, whose subjects are the same entities (or, for
    acts told once per person such as an ultimatum, not named) and whose own
    dates agree, become one frame; every telling's span is kept in
    ``attributes["evidence"]`` as ``{"doc", "start", "end"}`` source offsets.
    Called by the events stage after all sections are read, before emitting.
    """
    from .resolve import date_for, entities_for, places_in     # resolve reads the other stages' mentions

    kept: list[dict] = []
    out: list[dict] = []
    for f in frames:
        if f.get("type") in NOT_ACTS:
            out.append(f)
            continue
        try:
            target = _retold_of(doc, f, kept, date_for, entities_for, places_in)
        except Exception:           # never lose an act over a failed comparison
            target = None
        if target is None:
            kept.append(f)
            out.append(f)
            continue
        ev = target["attributes"].setdefault("evidence", [_evidence(doc, target)])
        ev.append(_evidence(doc, f))
        for slot, rs in f["roles"].items():
            have = {tuple(r["span"]) for r in target["roles"].get(slot, [])}
            target["roles"].setdefault(slot, []).extend(r for r in rs if tuple(r["span"]) not in have)
        for k, x in f["attributes"].items():
            if k not in ("planned", "ordered"):
                target["attributes"].setdefault(k, x)
    return out


def _evidence(doc, f) -> dict:
    s, e = doc.to_source(f["nstart"], f["nend"])
    return {"doc": doc.id, "start": s, "end": e}


def _retold_of(doc, f, kept, date_for, entities_for, places_in):
    text = doc.norm[f["nstart"]:f["nend"]]
    if AGAIN.search(text):
        return None
    subj_f = _subjects(doc, f, entities_for)
    date_f = date_for(doc, f["nstart"], f["nend"], f["trigger"][0], inherit=False)
    for g in reversed(kept):
        if g["nstart"] == f["nstart"]:
            continue
        if g["type"] != f["type"] and (g["type"], f["type"]) not in SAME_ACT:
            continue
        subj_g = _subjects(doc, g, entities_for)
        if subj_f and subj_g:
            if not subj_f & subj_g:
                continue
        elif f["type"] not in SINGULAR_TYPES:
            continue
        pf, pg = set(places_in(doc, f["nstart"], f["nend"])), set(places_in(doc, g["nstart"], g["nend"]))
        if pf and pg and not pf & pg and f["type"] not in SINGULAR_TYPES:
            continue          # held in a cell in the city, then held in a camp on an island
        date_g = date_for(doc, g["nstart"], g["nend"], g["trigger"][0], inherit=False)
        if date_f and date_g:
            a, b = str(date_f.get("value", "")), str(date_g.get("value", ""))
            if not (a.startswith(b) or b.startswith(a)):
                continue
        elif f["type"] not in SINGULAR_TYPES:
            continue          # one person is held, moved or arrested many times: only a shared date says "same"
        return g
    return None


def _subjects(doc, f, entities_for) -> set:
    slots = ("subject", "agent") if f["type"] in DOERS else ("subject",)
    return {e for slot in slots for r in f["roles"].get(slot, []) for e in entities_for(doc, r)}
