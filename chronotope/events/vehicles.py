"""Vehicles in a sentence: which mode a word names ("sledge", "the cars"), whether the
travellers use it or only see it, the name a vessel goes by, and who takes it.

Kept apart from :mod:`.travel` (which finds the movements) because a vehicle is a clue of
its own: it can give a movement its mode, or on its own tell how the travellers go on.
"""
from __future__ import annotations

from .syntax import FIRST_PLURAL, FIRST_SINGULAR, subject
from .traveller_roles import PERSONAL


def vehicle_mode(tok, v) -> str | None:
    """The travel mode a word names ("sledge" sleigh, "the cars" left open as "car?"), or None."""
    words = v["vehicles"]
    low, lemma = tok.lower_, tok.lemma_.lower()
    mode = words.get(low) if low in words else words.get(lemma)
    if not mode:
        return None
    named = v.get("compound_vehicles", {})
    for c in tok.children:      # "cattle trucks": a railway wagon, not a lorry
        if c.dep_ == "compound" and f"{c.lower_} {lemma}" in named:
            return named[f"{c.lower_} {lemma}"]
    for t in tok.sent:      # "cattle trucks at Rouen, forty men to a truck": the same wagons again
        if t.i < tok.i and t.lemma_.lower() == lemma:
            for c in t.children:
                if c.dep_ == "compound" and f"{c.lower_} {lemma}" in named:
                    return named[f"{c.lower_} {lemma}"]
    if mode in ("car", "carriage") and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lower_ in v["rail_context"] for g in c.children) for c in tok.children):
        return "rail"         # "a comfortable car of the Perm railway"
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") and not (low == "foot" and tok.head.lower_ == "on") \
            and not (tok.dep_ == "pcomp" and tok.head.lower_ == "by"):     # "by jeep" tagged as a verb
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


def attach_mode(frame, mode, v):
    """Give a movement the vehicle named in its clause; a verb's own guess ("rode", "drove")
    yields to the vehicle ("rode in a cart")."""
    if frame["lemma"] in v.get("weak_verb_modes", []):
        frame["modes"] = [m for m in frame["modes"] if m[0] != frame["trigger"][0]]
    if all(m[1] != mode[1] for m in frame["modes"]):
        frame["modes"].append(mode)


def vehicle_taker(tok, verb, v):
    """Who takes this vehicle ("he found a steamer", "I hired a cab", "we caught the mail
    boat"): the subject of a verb of taking whose object it is, else None."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in set(v.get("taking_verbs", [])) | BOARD_VERBS \
            | set(v.get("waiting_verbs", [])):
        return None
    node = tok
    while node.dep_ in ("compound", "amod", "appos", "conj") and node.head.i != node.i:
        node = node.head
    waited = node.dep_ == "pobj" and node.head.lower_ == "for" and node.head.head.i == verb.i \
        and verb.lemma_.lower() in v.get("waiting_verbs", [])     # "we waited a week for the next barge"
    if not waited and (node.dep_ not in ("dobj", "obj") or node.head.i != verb.i):
        return None
    subj = subject(verb)
    return subj if subj is not None and subj.tag_ not in ("WDT", "WP") else None


CARRY_PREPS = {"in", "by", "on", "into", "onto", "aboard", "to", "from"}
BOARD_VERBS = {"board", "transfer", "take", "change", "get", "enter", "leave", "mount", "ride", "drive"}


def in_simile(tok) -> bool:
    """A vehicle in a comparison ("glides like a boat", "faster than a steamer") is no mode,
    even in a sentence the tagger left without a verb."""
    return tok.head.lower_ in ("like", "as", "than") or any(
        a.lower_ in ("like", "than") for a in tok.ancestors if a.dep_ == "prep")


def carries_travellers(tok, v) -> bool:
    """Is this vehicle one the travellers use ("set off in an autobus", "transfer to sleighs",
    "the tractor that was to tow us", "our train arrived"), not one merely seen?"""
    head = tok.head
    if head.lower_ in ("like", "as", "than") or any(a.lower_ in ("like", "as") for a in tok.ancestors if a.dep_ == "prep"):
        return False          # a simile: "glides like a boat"
    if tok.dep_ in ("compound", "amod") and head.pos_ == "PROPN" and head.i != tok.i:
        return carries_travellers(head, v)     # "we boarded the steamer Orlando": the named vessel carries
    if tok.dep_ == "appos" and head.i != tok.i:
        return carries_travellers(head, v)     # "the Fortuna, a brig of Trieste"
    named = _named_before(tok)
    if named is not None and carries_travellers(named, v):
        return True           # "went aboard the City of Paris, an iron screw steamer" (mis-parsed)
    if (tok.dep_ == "pobj" or (tok.dep_ == "pcomp" and head.lower_ == "by")) and head.lower_ in CARRY_PREPS:
        return True           # ("by jeep" with the vehicle tagged as a verb, too)
    if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubj") and c.lower_ in ("us", "me", "we") for c in head.head.children):
        return True           # "met us with a wagon", "we went with two carts"
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in v["motion_verbs"]:
        # "our train arrived", not "the diligence passed us on the road"
        return not (v["motion_verbs"][head.lemma_.lower()] == "via"
                    and any(c.dep_ == "dobj" and c.lower_ in PERSONAL for c in head.children))
    if tok.dep_ in ("dobj",) and head.lemma_.lower() in BOARD_VERBS | set(v.get("taking_verbs", [])):
        return True           # "boarded the train", "found a Swedish steamer", "hired a cab"
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in v.get("waiting_verbs", []):
        return True           # "waited a week for the next barge": the vehicle they then took
    if vehicle_owner(tok):
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


VEHICLE_PREPS = {"with", "on", "aboard", "in", "by", "into", "onto"}


def vessel_name(tok):
    """The name a vessel noun gives: "the ship Estonia", "the steamer Orlando", "the Fortuna, a
    brig", "the City of Paris, an iron screw steamer" (the name's head word), else None."""
    head = tok.head
    if tok.dep_ in ("compound", "amod") and head.pos_ == "PROPN" and head.i > tok.i:
        return head
    if tok.dep_ == "appos" and head.pos_ == "PROPN":
        return head
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else None
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and tok.i > tok.sent.start \
            and tok.doc[tok.i - 1].dep_ in ("det", "poss", "case"):
        return nxt            # "The ship Estonia is ..." however the parser hung it
    if tok.pos_ in ("NOUN", "ADJ"):
        return _named_before(tok)
    return None


def _named_before(tok):
    """The name a vehicle noun stands in apposition to when the parser lost the link: "the
    City of Paris, an iron screw steamer" gives "City" (the head of the name before the comma)."""
    doc = tok.doc
    i = tok.i - 1
    while i >= tok.sent.start and doc[i].pos_ in ("DET", "ADJ", "NOUN", "NUM") and doc[i].dep_ != "pobj":
        i -= 1
    if i <= tok.sent.start or doc[i].text != "," or doc[i - 1].pos_ != "PROPN":
        return None
    name = doc[i - 1]
    while name.dep_ in ("pobj", "compound") and name.head.i != name.i and (
            name.head.pos_ == "PROPN" or (name.head.lower_ == "of" and name.head.head.pos_ == "PROPN")):
        name = name.head if name.head.pos_ == "PROPN" else name.head.head
    return name if name.i != tok.i else None


def vehicle_owner(tok):
    for c in tok.children:
        if c.dep_ == "poss":
            if c.lower_ in FIRST_PLURAL:
                return "we"
            if c.lower_ in FIRST_SINGULAR:
                return "I"
    return None
