"""Travel clues in one parsed sentence: movements, vehicles, and where the narrative stands.

``find(sent, base)`` returns frames with character spans only (place
mentions are matched to these spans in ``finish``, by :mod:`.journeys`):

- ``move`` frames from verbs of travel ("set off", "arrived in", "was taken
  to", "the convoy sped northwards"), with origin/destination/via spans, the
  travellers' span, modes named in the clause, and whether the movement was
  only planned or is told in the pluperfect (background, not the narrative's
  advance);
- ``mode`` clues from vehicles named where the travellers are ("an
  automobile again, and at Pishpek, a railway car");
- ``stop`` clues ("at Pishpek" next to a vehicle in a verbless sentence);
- ``locative`` clues ("remained at Alma-Ata") that tell where the narrative
  stands before a journey's first stated departure.
"""
from __future__ import annotations

import re

from . import vocab
from .syntax import FIRST_PLURAL, FIRST_SINGULAR, is_passive, modal, negated, preps, role, subject

FINITE = {"VBD", "VBZ", "VBP", "MD"}
REFLEXIVE = {"ourselves", "myself", "themselves", "himself", "herself", "yourself"}
PERSONAL = {"i", "we", "he", "she", "they", "me", "us", "him", "her", "them"}


def _mode_of(tok, sent, v) -> str | None:
    words = v["vehicles"]
    low, lemma = tok.lower_, tok.lemma_.lower()
    mode = words.get(low) if low in words else words.get(lemma)
    if not mode:
        return None
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") and not (low == "foot" and tok.head.lower_ == "on"):
        return None
    if low == "foot" and tok.head.lower_ != "on":
        return None
    if mode in ("car", "carriage"):
        mods = {c.lower_ for c in tok.children}
        if mods & set(v["rail_context"]):
            return "rail"
        if low in ("car", "cars", "carriage", "carriages"):
            return mode + "?"     # railway car or motor car: the journey decides (journeys.py)
    if tok.dep_ == "compound" and (tok.head.lemma_.lower() in words or tok.head.pos_ == "NOUN"):
        return None           # "railway car": the head names it; "car-window" is no vehicle
    return mode


def _planned(verb, v) -> bool:
    if modal(verb):
        return True
    before = verb.doc[max(0, verb.i - 3):verb.i].text.lower()
    if "rather than" in before or "instead of" in before:
        return True           # "rather than continue to Obdorsk"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ in ("advcl", "relcl") and modal(head):
        return True           # "as an aviator must feel when he flies"
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.lemma_.lower() in (
            "plan", "intend", "want", "wish", "hope", "propose", "decide", "mean", "appoint", "expect",
            "choose", "offer", "refuse", "try", "attempt", "consider", "think", "fear"):
        return True
    # "was to tow us", "is to be"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and head.lemma_ == "be":
        return True
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    if verb.dep_ in ("acl", "relcl") and head.lemma_.lower() in ("route", "way", "road", "plan", "itinerary"):
        return True
    return False


def _pluperfect(verb) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in ("had", "'d") for a in auxes) and verb.tag_ == "VBN"


def _travellers(verb, kind, v):
    """The token naming who travels: subject, or object of a carrying verb ("drove us")."""
    if not is_passive(verb):
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if objs and (kind == "carried" or (kind == "move" and objs[0].lower_ in PERSONAL)):
            return objs[0]
    subj = subject(verb)
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head          # "an autobus which drove us"
    return subj


def traveller_kind(tok, v) -> str | None:
    """'focus' (continues the current journey), 'own' (a traveller of its own), or None."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in PERSONAL or low in REFLEXIVE:
        return "focus" if low not in ("i", "me", "we", "us") else "first"
    if lemma in v["group_nouns"] or lemma in v["vehicles"]:
        return "focus"
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return "own"
    if lemma in v["traveller_nouns"]:
        return "own"
    if tok.ent_type_ == "CARDINAL":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return traveller_kind(g, v)
    return None


def np_span(obj, base):
    """The noun phrase of obj without its relative clauses and other prepositions
    ("an autobus which drove us ... to Kurday" is not a place; "the top of the Kurday range" is)."""
    keep = [obj]
    stack = [obj]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "punct", "cc") or (c.dep_ == "prep" and c.lower_ != "of"):
                continue
            if c.dep_ == "conj" and t.i == obj.i:
                continue
            keep.append(c)
            stack.append(c)
    s = min(t.idx for t in keep)
    e = max(t.idx + len(t.text) for t in keep)
    return base + s, base + e


def _place_spans(pairs, base):
    out = []
    for p, obj in pairs:
        for o in [obj] + list(obj.conjuncts):
            out.append((*np_span(o, base), p.lower_))
    return out


def find(sent, base: int) -> list[dict]:
    v = vocab.travel()
    frames: list[dict] = []
    low = sent.text.lower()
    sstart, send = base + sent.start_char, base + sent.end_char
    verbs = v["motion_verbs"]
    origin_p = set(v["origin_preps"])
    dest_p = set(v["destination_preps"]) - {"at", "in"}
    via_p = set(v["via_preps"])
    has_finite = any(t.tag_ in FINITE for t in sent)
    first_person = any(t.lower_ in FIRST_PLURAL | FIRST_SINGULAR for t in sent)
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in verbs or not verbs[lemma]:
            continue
        kind = verbs[lemma]
        if lemma == "set" and not any(c.lower_ in ("off", "out", "forth", "sail") for c in tok.children):
            continue
        if lemma == "make" or tok.dep_ in ("amod", "compound"):
            continue
        if negated(tok) or (tok.dep_ in ("xcomp", "ccomp") and negated(tok.head)):
            continue
        if lemma == "find":
            if not any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in tok.children):
                continue
            kind = "arrive"       # "we found ourselves in Constantinople"
        if lemma == "get" and not preps(tok, {"to", "into"}):
            continue
        if lemma == "take" and not (is_passive(tok) or preps(tok, dest_p | {"to"})):
            continue          # "it took us seven hours"
        pairs = preps(tok)
        for c in tok.children:       # "set off" + particle's preps, "went on to"
            if c.dep_ in ("prt", "advmod"):
                pairs += preps(c)
        frm = [p for p in pairs if p[0].lower_ in origin_p]
        to = [p for p in pairs if p[0].lower_ in dest_p or p[0].lower_ == "as"]
        via = [p for p in pairs if p[0].lower_ in via_p]
        at = [p for p in pairs if p[0].lower_ in ("at", "in", "on")]
        if kind == "via":
            via += [(tok, o) for o in tok.children if o.dep_ in ("dobj",)]
        if kind == "arrive" or lemma in ("reach",):
            to += [(tok, o) for o in tok.children if o.dep_ in ("dobj",)]
            to += at
            at = []
        elif kind in ("depart", "board"):
            frm += [(tok, o) for o in tok.children if o.dep_ in ("dobj",) and kind == "depart"]
            frm += at
            at = []
        if kind == "board":
            to = [p for p in to if p[0].lower_ != "to"]
        who = _travellers(tok, kind, v)
        modes = []
        if lemma in v["verb_modes"]:
            modes.append((base + tok.idx, v["verb_modes"][lemma]))
        f = {"type": "travel", "kind": kind, "lemma": lemma, "nstart": sstart, "nend": send,
             "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
             "from": _place_spans(frm, base), "to": _place_spans(to, base),
             "via": _place_spans(via, base), "at": _place_spans(at, base),
             "travellers": _traveller_roles(who, base), "modes": modes,
             "planned": _planned(tok, v), "background": _pluperfect(tok),
             "first_person": first_person}
        frames.append(f)
    # vehicles named in the sentence: modes of whatever travel is going on
    for tok in sent:
        mode = _mode_of(tok, sent, v)
        if not mode or (has_finite and not _carries(tok, v)):
            continue
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        planned = verb.pos_ in ("VERB", "AUX") and _planned(verb, v) and verb.lemma_.lower() not in ("get", "transfer")
        frames.append({"type": "mode", "mode": mode, "nstart": sstart, "nend": send,
                       "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
                       "planned": planned, "fragment": not has_finite,
                       "background": verb.pos_ in ("VERB", "AUX") and _pluperfect(verb),
                       "first_person": first_person,
                       "owner": _owner(tok)})
    for phrase, mode in v["mode_phrases"].items():
        if mode:
            for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", low):
                frames.append({"type": "mode", "mode": mode, "nstart": sstart, "nend": send,
                               "trigger": (sstart + m.start(), sstart + m.end()), "planned": False,
                               "fragment": not has_finite, "background": False,
                               "first_person": first_person, "owner": None})
    # "at Pishpek, a railway car": a stop named beside a vehicle in a verbless sentence
    if not has_finite:
        for tok in sent:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in", "to"):
                frames.append({"type": "stop", "nstart": sstart, "nend": send,
                               "trigger": (base + tok.head.idx, base + tok.right_edge.idx + len(tok.right_edge.text)),
                               "at": [(base + tok.left_edge.idx, base + tok.right_edge.idx + len(tok.right_edge.text), tok.head.lower_)]})
    # where the narrative stands: "remained at X", "placed at X", "living in X" (a verb's
    # locative, not "relatives in X"; not in a modal or planned clause)
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ in ("at", "in") and tok.head.pos_ in ("VERB", "AUX"):
            verb = tok.head
            if modal(verb) or _planned(verb, v) or verb.lemma_.lower() in verbs:
                continue
            if not any(c.dep_ in ("pobj", "pcomp") for c in tok.children):
                continue
            frames.append({"type": "locative", "nstart": sstart, "nend": send,
                           "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
                           "at": [(base + tok.idx + len(tok.text), base + tok.right_edge.idx + len(tok.right_edge.text), tok.lower_)]})
    frames.sort(key=lambda f: f["trigger"][0])
    return frames


CARRY_PREPS = {"in", "by", "on", "into", "onto", "aboard", "to", "from"}
BOARD_VERBS = {"board", "transfer", "take", "change", "get", "enter", "leave", "mount", "ride", "drive"}


def _carries(tok, v) -> bool:
    """Is this vehicle one the travellers use ("set off in an autobus", "transfer to sleighs",
    "the tractor that was to tow us", "our train arrived"), not one merely seen?"""
    head = tok.head
    if head.lower_ in ("like", "as", "than") or any(a.lower_ in ("like", "as") for a in tok.ancestors if a.dep_ == "prep"):
        return False          # a simile: "glides like a boat"
    if tok.dep_ == "pobj" and head.lower_ in CARRY_PREPS:
        return True
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in v["motion_verbs"]:
        return True
    if tok.dep_ in ("dobj",) and head.lemma_.lower() in BOARD_VERBS:
        return True
    if _owner(tok):
        return True
    # a vehicle that moves or serves the narrator: "drove us", "made passage for us"
    for c in list(tok.children) + ([head] if tok.dep_ in ("nsubj",) else []):
        verb = c if c.pos_ in ("VERB", "AUX") else None
        if verb is None:
            continue
        for g in verb.subtree:
            if g.lower_ in ("us", "me", "him", "her", "them") and g.dep_ in ("dobj", "pobj", "dative"):
                return True
    return False


def _owner(tok):
    for c in tok.children:
        if c.dep_ == "poss":
            if c.lower_ in FIRST_PLURAL:
                return "we"
            if c.lower_ in FIRST_SINGULAR:
                return "I"
    return None


def _traveller_roles(who, base):
    if who is None:
        return []
    v = vocab.travel()
    out = []
    for t in [who] + list(who.conjuncts) + [c for c in who.children if c.dep_ == "appos"]:
        r = role(t, base)
        r["span"] = np_span(t, base)
        r["kind"] = traveller_kind(t, v)
        r["lemma"] = t.lemma_.lower()
        out.append(r)
    return out
