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

Who travels is read by :mod:`.traveller_roles`, which vehicles the travellers use by
:mod:`.vehicles`; this module reads the movement itself (verb, route, tense).
"""
from __future__ import annotations

import re

from . import vocab
from .syntax import FIRST_PLURAL, FIRST_SINGULAR, doc_text, is_passive, modal, negated, preps, subject
from .traveller_roles import PERSONAL, REFLEXIVE, focus_role, np_span, traveller_roles, traveller_token
from .vehicles import (VEHICLE_PREPS, attach_mode, carries_travellers, in_simile, vehicle_mode, vehicle_owner,
                       vehicle_taker, vessel_name)

# The kinds of frame this module finds; journeys.py chains them (they are not acts).
FRAME_TYPES = ("travel", "mode", "stop", "locative", "heading", "vessel")

FINITE = {"VBD", "VBZ", "VBP", "MD"}
ROUTE_VERBS = {"lead", "lie", "run", "go", "pass", "wind"}


def _lemma_in(tok, words) -> bool:
    """Is this verb one of ``words`` (lemmas)?  By its lemma, or by its own form when the
    lemmatiser strays ("hoped" lemmatised as "hop")."""
    low = tok.lower_
    return tok.lemma_.lower() in words or any(
        low in (w, w + "s", w + "d", w + "ed", w + "es", w + "ing", w[:-1] + "ing") for w in words)


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
    if verb.dep_ == "xcomp" and head.lower_ == "about":
        return True           # "we were about to be taken to Schlusselburg"
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and _lemma_in(head, v["planning_verbs"]["verbs"]):
        return True
    # "was to tow us", "is to be"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and head.lemma_ == "be":
        return True
    if verb.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    if verb.dep_ in ("acl", "relcl") and head.lemma_.lower() in ("route", "way", "road", "plan", "itinerary"):
        return True
    return False


FUTURE_TIME = ("tomorrow", "tonight", "next week", "next month", "next year", "next spring", "next summer",
               "next autumn", "next winter", "the day after tomorrow", "in a few days", "soon")


def _future_present(verb) -> bool:
    """A present tense that means the future ("we sail the day after tomorrow", "tonight I take the
    train"): in a letter it tells a plan, not a movement already made."""
    tensed = verb if verb.tag_ in ("VBZ", "VBP") else None
    if tensed is None and verb.dep_ == "conj" and verb.head.tag_ in ("VBZ", "VBP"):
        tensed = verb.head   # "we sail tomorrow and call at Copenhagen"
    if tensed is None:
        return False
    clause = " ".join(t.lower_ for t in tensed.subtree)
    return any(re.search(r"\b" + re.escape(c) + r"\b", clause) for c in FUTURE_TIME)


def _past(verb) -> bool:
    """Told as already done ("we came", "I have flown", "we were taken"): a letter's body tells
    the road to the place it is written from in the past, and what comes next in the present."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and any(a.lower_ in ("had", "has", "have", "was", "were", "'d", "'ve") for a in auxes):
        return True
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return verb.tag_ in ("VBN", "VBD") and _past(verb.head)
    return False


def _retrospective(verb, v) -> bool:
    """A movement told as an aside from another time: "when I crossed again years afterwards",
    or inside an indirect question ("asked how we came to Illinois")."""
    if any(c.dep_ == "advmod" and c.lower_ in ("how", "why") for c in verb.children) \
            and verb.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "pcomp"):
        return True
    head = verb.head
    when = next((c for c in verb.children if c.dep_ in ("mark", "advmod") and c.lower_ == "when"), None)
    if verb.dep_ == "advcl" and head.lemma_.lower() in v.get("learning_verbs", []) and when is not None \
            and any(c.lower_ == "only" for c in list(when.children) + list(head.children)):
        return True           # "I learned of this only when I was brought back to Athens": told ahead of time
    low = verb.sent.text.lower()
    return any(c in low for c in v.get("retrospect_cues", []))


def _pluperfect(verb) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # "I had walked" is sometimes tagged VBD
    return any(a.lower_ in ("had", "'d") for a in auxes) and verb.tag_ in ("VBN", "VBD")


ALL_PREPS_EXTRA = {"as", "down", "up", "out", "off"}


def _harvest(tok, sent, prep_words):
    """(preposition, object) pairs that belong to this movement, in text order.

    spaCy often hangs "to Tyumen" off a conjoined preposition ("to X and on to Y"),
    off a vehicle ("by the packet from Kiel to Copenhagen") or off a place ("from
    Hamburg to Berlin"); a preposition counts when the path from it up to the verb
    passes only through prepositions, adverbs and nouns, never through another verb
    (so "Poles from Warsaw, where I spent ..." stays with its own clause).
    """
    out = []
    targets = {tok.i}
    if tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN"):
        targets.add(tok.head.i)      # "From Tyumen the prisoners set out": a mis-parse of the clause
    for a in sent:
        if a.pos_ not in ("ADP", "PART") or (a.lower_ not in prep_words and not by_way_of(a)):
            continue
        objs = [g for g in a.children if g.dep_ in ("pobj", "pcomp", "npadvmod")]
        if not objs and a.lower_ == "out":     # "walked out of Antwerp": the origin hangs on "of"
            objs = [g for c in a.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if not objs:
            continue
        if a.lower_ in ("in", "at", "on", "near") and a.head.pos_ == "PROPN" and a.head.dep_ == "pobj":
            continue          # "Queenstown in Ireland", "Kirensk on the Lena": where a stop lies
        cur, ok = a, False
        for _ in range(7):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if _set_off_from(cur, a):
                if cur.i in targets:
                    break     # "as the Germans came in, on foot the whole way to Ostend": not theirs
                continue      # ... but the movement the "as" clause is hung on
            if cur.i in targets:
                ok = True
                break
            if cur.dep_ == "pcomp" and cur.lower_ in vocab.travel()["vehicles"]:
                continue      # "went on by jeep up the coast road to Huế": a vehicle the tagger took for a verb
            if cur.pos_ in ("VERB", "AUX") or cur.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                break
            if cur.pos_ not in ("ADP", "ADV", "PART", "NOUN", "PROPN", "CCONJ", "ADJ", "NUM"):
                break
            if cur.pos_ == "PROPN" and cur.dep_ == "dobj" and cur.head.i in targets and a.lower_ == "from":
                continue      # "had reached Cadiz from Gibraltar", "from" hung on the place reached
            if cur.dep_ == "dobj" and cur.head.i in targets and cur.lemma_.lower() in vocab.travel()["vehicles"]:
                continue      # "took the night train from Vienna to Zurich": the route hung on the train
            if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ not in ("pobj", "conj", "compound", "npadvmod"):
                break         # "... the Empire: Poles from Warsaw": a noun of its own, not a route
        if ok:
            out.extend((a, g) for g in objs)
    # "From Halifax to Montreal the train went": "to" tagged as a particle
    doc = sent.doc
    for a in sent:       # ... and the opening route hung on no verb at all (the parser made a clause of it)
        if a.lower_ != "from" or a.i >= tok.i or a.i + 1 >= tok.i or doc[a.i + 1].pos_ != "PROPN" \
                or any(o.i == a.i + 1 for _, o in out):
            continue
        if any(t.pos_ in ("VERB", "AUX") or t.text in (";", ":") for t in doc[a.i + 1:tok.i]):
            continue
        if tok.dep_ in ("ccomp", "conj", "ROOT") and a.i == sent.start:
            out.append((a, doc[a.i + 1]))
    for p, obj in list(out):
        if p.lower_ == "from" and obj.i + 2 < sent.end and doc[obj.i + 1].lower_ == "to":
            nxt = doc[obj.i + 2]
            named = nxt.pos_ == "PROPN" or (nxt.is_title and nxt.pos_ in ("VERB", "NOUN") and nxt.i > sent.start)
            if named and not any(o.i == nxt.i for _, o in out):     # "from Nevers to Toulouse" (Toulouse a verb)
                out.append((doc[obj.i + 1], nxt))
    out.sort(key=lambda x: x[1].i)
    return out


def _set_off_from(verb, a) -> bool:
    """Is the phrase at ``a`` set off by a comma after a short "as"/"when" clause that the parser
    hung it on?  It then goes with the main clause ("he walked out of Antwerp as the Germans came
    in, on foot the whole way to Ostend")."""
    if verb.dep_ != "advcl" or verb.pos_ != "VERB" or a.i < verb.i or verb.head.pos_ != "VERB" or not any(
            c.dep_ == "mark" and c.lower_ in ("as", "when", "while") for c in verb.children):
        return False
    return any(t.text == "," for t in verb.doc[verb.i + 1:a.i])


def by_way_of(a) -> bool:
    """The "of" of "rode by way of Elvas": a place passed, though "of" alone is no preposition of
    passage."""
    return a.lower_ == "of" and a.head.lower_ == "way" and a.head.head.lower_ == "by"


def _back_at(sent, base, frame) -> list[dict]:
    """"... and was back in Lisbon within the month": being back somewhere is a return there."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() != "be" or negated(tok):
            continue
        back = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "back"), None)
        if back is None:
            continue
        to = [(p, o) for p, o in preps(back, {"in", "at"}) + preps(tok, {"in", "at"}) if o.pos_ == "PROPN"]
        if not to:
            continue
        who = subject(tok)
        top = tok
        while who is None and top.dep_ == "conj":
            top = top.head
            who = subject(top) or next((subject(c) for c in top.children if c.dep_ == "advcl"
                                         and c.i < top.i and subject(c) is not None), None)
        roles = traveller_roles(who, base) if who is not None else focus_role(tok, base)
        f = frame("arrive", "be", tok, [], to, [], [], roles, [], modal(tok), _pluperfect(tok))
        f["past"] = _past(tok)
        out.append(f)
    return out


def _place_spans(pairs, base):
    out = []
    for p, obj in pairs:
        for o in [obj] + list(obj.conjuncts):
            out.append((*np_span(o, base), p.lower_))
    return out


ADDRESS_VERBS = {"send", "telegraph", "cable", "complain", "appeal", "apply", "petition", "protest", "reply"}
SPEECH_VERBS = {"say", "tell", "write", "report", "inform", "assure", "explain", "hear", "learn", "claim"}


def _elided_subject(tok) -> bool:
    """A diary's "Left Christiania at eight", "Reached Kiel at noon": a past verb opening the
    sentence with no subject of its own; the writer is the one who travels."""
    past = tok.tag_ in ("VBD", "VBN") or (tok.tag_ == "VB" and tok.lower_ != tok.lemma_.lower())
    if subject(tok) is not None or not past:      # "Took the afternoon train" is tagged VB
        return False
    sent = tok.sent
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None:
        return False
    if tok.dep_ == "ROOT" and first.i == tok.i:
        return True
    # "... and on 26 August put on a flight": a conjoined verb whose head has no subject either
    return tok.dep_ == "conj" and tok.head.pos_ == "VERB" and _elided_subject(tok.head)


def _verb_form(word: str, v) -> str | None:
    """The motion lemma of a past form ("reached", "left", "sailed"), from the vocabulary."""
    verbs = v["motion_verbs"]
    if word in v.get("past_forms", {}):
        return v["past_forms"][word]
    if word.endswith("ed"):
        for cand in (word[:-2], word[:-1], word[:-3] if len(word) > 4 and word[-3] == word[-4] else ""):
            if cand and verbs.get(cand):
                return cand
    return None


def _generic(who) -> bool:
    """"travellers for Odessa go by Breslau": a bare plural, people in general."""
    if who is None or who.tag_ not in ("NNS", "NNPS"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in who.children) and who.ent_type_ == ""


def _hearsay(verb) -> bool:
    """Present-tense movement reported by someone ("he tells me that boats go to X")."""
    if verb.tag_ not in ("VBZ", "VBP") and not any(
            c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        return False          # "he writes that he is going home"
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head      # "that his papers were searched ..., and that he is going home"
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS


def find(sent, base: int) -> list[dict]:
    v = vocab.travel()
    frames: list[dict] = []
    low = sent.text.lower()
    sstart, send = base + sent.start_char, base + sent.end_char
    verbs = v["motion_verbs"]
    origin_p = set(v["origin_preps"])
    dest_p = set(v["destination_preps"]) - {"at", "in"}
    via_p = set(v["via_preps"])
    prep_words = origin_p | dest_p | via_p | {"at", "in", "on", "by"} | ALL_PREPS_EXTRA
    has_finite = any(t.tag_ in FINITE for t in sent)
    first_person = any(t.lower_ in FIRST_PLURAL | FIRST_SINGULAR for t in sent)

    def frame(kind, lemma, tok, frm, to, via, at, who_roles, modes, planned, background):
        return {"type": "travel", "kind": kind, "lemma": lemma, "nstart": sstart, "nend": send,
                "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
                "from": _place_spans(frm, base), "to": _place_spans(to, base),
                "via": _place_spans(via, base), "at": _place_spans(at, base),
                "travellers": who_roles, "modes": modes,
                "planned": planned, "background": background,
                "first_person": first_person}

    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB":
            continue
        if lemma == "bind" and tok.tag_ == "VBN":
            # "the brig Fortuna, bound for Trieste": where the vessel (and whoever is aboard) goes
            to = [p for p in preps(tok, {"for"})]
            if to:
                frames.append(frame("move", "bind", tok, [], to, [], [], focus_role(tok, base), [],
                                    _planned(tok, v), _pluperfect(tok.head) if tok.head.pos_ == "VERB" else False))
            continue
        if lemma in ROUTE_VERBS:
            subj = subject(tok)
            if subj is not None and subj.lemma_.lower() in v["journey_words"]:
                # "A second route led across the Urals to Archangel": a way weighed, not travelled
                pairs = _harvest(tok, sent, prep_words)
                to = [p for p in pairs if p[0].lower_ in dest_p]
                via = [p for p in pairs if p[0].lower_ in via_p]
                frm = [p for p in pairs if p[0].lower_ in origin_p]
                if to or via:
                    frames.append(frame("move", lemma, tok, frm, to, via, [], focus_role(tok, base), [],
                                        True, False))
                continue
        calls = v.get("call_verbs", {})
        if lemma == "make" and any(c.dep_ == "dobj" and c.lemma_.lower() == "way" for c in tok.children):
            kind = "move"         # "he made his way from Nevers to Toulouse"
        elif lemma in calls and (not calls[lemma] or any(c.dep_ == "prt" and c.lower_ == calls[lemma]
                                                          for c in tok.children)) \
                and preps(tok, {"at"}):
            kind = "stop"         # "we put in at Queenstown", "the steamer called at Copenhagen"
        elif lemma not in verbs or not verbs[lemma]:
            continue
        else:
            kind = verbs[lemma]
        if lemma == "set" and not any(c.lower_ in ("off", "out", "forth", "sail") for c in tok.children):
            continue
        if (lemma == "make" and kind != "move") or tok.dep_ in ("amod", "compound"):
            continue
        if negated(tok) or (tok.dep_ in ("xcomp", "ccomp") and negated(tok.head)):
            continue
        if lemma == "find":
            if not any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE for c in tok.children):
                continue
            kind = "arrive"       # "we found ourselves in Constantinople"
        aboard = any(c.dep_ in ("prep", "advmod") and c.lower_ == "aboard" for c in tok.children) \
            or re.search(r"\bon board\b", " ".join(c.lower_ for c in tok.subtree))
        if kind == "move" and aboard and not preps(tok, dest_p | {"to"}):
            kind = "board"        # "we went aboard the City of Paris at Liverpool": leaving from there
        elif lemma == "get" and any(c.dep_ in ("prt", "advmod") and c.lower_ in ("away", "out") for c in tok.children):
            kind = "move"         # "got away on the last mail boat from St Peter Port": left
        elif lemma == "get" and not preps(tok, {"to", "into"}):
            continue
        if lemma == "take" and not (is_passive(tok) or any(p.lower_ in dest_p | {"to"} for p, _o in _harvest(
                tok, sent, prep_words))):
            continue          # "it took us seven hours", not "they took him back to Danzig"
        pairs = _harvest(tok, sent, prep_words)
        frm = [p for p in pairs if p[0].lower_ in origin_p]
        to = [p for p in pairs if p[0].lower_ in dest_p or p[0].lower_ == "as"]
        via = [p for p in pairs if p[0].lower_ in via_p or p[0].lower_ in ("down", "up") or by_way_of(p[0])]
        at = [p for p in pairs if p[0].lower_ in ("at", "in", "on")]
        if kind == "via":
            via += [(tok, o) for o in tok.children if o.dep_ in ("dobj",)]
            if frm or to:
                kind = "move"     # "crossed ... from Kiel to Copenhagen"
        if kind == "arrive" or lemma in ("reach",):
            objs = [o for o in tok.children if o.dep_ in ("dobj",)]
            if not objs:    # "Gibraltar itself he had reached ...": the object put first (read as npadvmod)
                objs = [o for o in tok.children if o.dep_ == "npadvmod" and o.pos_ == "PROPN" and o.i < tok.i
                        and (subject(tok) is None or o.i < subject(tok).i)]
            # "Hamburg, which he reached": the relative pronoun stands for the place
            objs = [tok.head if (o.tag_ in ("WDT", "WP") and tok.dep_ == "relcl") else o for o in objs]
            to += [(tok, o) for o in objs]
            to += at
            at = []
        elif kind in ("depart", "board"):
            frm += [(tok, o) for o in tok.children if o.dep_ in ("dobj",) and kind == "depart"]
            frm += at
            at = []
        if kind == "board":
            to = [p for p in to if p[0].lower_ != "to"]
        buildings = [p for p in to if _named_building(p[1], v)]
        to = [p for p in to if p not in buildings and not _inside_previous(p, to, v)]
        who = traveller_token(tok, kind, v)
        if _generic(who):
            continue
        roles = traveller_roles(who, base)
        if lemma in v.get("people_verbs", {}).get("verbs", []):
            for r in roles:     # "a guide led them over the mountains": people, not the visas named before
                r["people_only"] = True
        if not roles and _elided_subject(tok):
            roles = focus_role(tok, base)
        modes = []
        if lemma in v["verb_modes"]:
            modes.append((base + tok.idx, v["verb_modes"][lemma]))
        vessel = False
        if kind == "stop" and lemma in calls:
            nautical = lemma in v.get("nautical_calls", [])     # only a vessel "puts in at" a port
            vessel = who is not None and who.lower_ not in PERSONAL and (nautical or who.ent_type_ != "PERSON") and (
                who.pos_ == "PROPN" or who.lemma_.lower() in v["vehicles"])
            if vessel:
                roles = focus_role(tok, base)    # "the Cyrnos put in at Ajaccio": we follow whoever is aboard
            if vessel or lemma in v.get("nautical_calls", []):
                modes.append((base + tok.idx, "ship"))    # "we put in at Queenstown"
        f = frame(kind, lemma, tok, frm, to, via, at, roles, modes,
                  _planned(tok, v) or _hearsay(tok) or _future_present(tok),
                  _pluperfect(tok) or _retrospective(tok, v))
        if kind == "carried" and who is not None and who.dep_ in ("dobj", "obj"):
            f["sender"] = traveller_roles(subject(tok), base)     # "Pringle sent his clerk to Madrid"
        f["past"] = _past(tok)
        # "sent back to Gothenburg on the next steamer from Hull": the origin is the vessel's, said of it
        f["vehicle_origin"] = bool(frm) and all(p.head.dep_ == "pobj" and p.head.lemma_.lower() in v["vehicles"]
                                                for p, _o in frm)
        f["particles"] = [c.lower_ for c in tok.children if c.dep_ == "prt" or (      # "rode in from Homs": to here
            c.dep_ == "prep" and not any(g.dep_ in ("pobj", "pcomp") for g in c.children))]
        f["vessel_call"] = kind == "stop" and lemma in calls and vessel    # "the boat called at X"
        f["pluperfect"] = _pluperfect(tok)    # "had reached Cádiz from Gibraltar": a leg before the story's present
        f["there"] = any(c.dep_ == "advmod" and c.lower_ == "there" for c in tok.children)    # "had flown there"
        f["relative"] = tok.dep_ in ("relcl", "acl")     # "the police who boarded at Buyukdere": said of them
        f["local"] = bool(buildings) and not to     # "marched from the station to the Butyrki prison"
        f["vehicle_names"] = [o.text for p in tok.children if p.dep_ == "prep" and p.lower_ in VEHICLE_PREPS
                              for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
        # "In Moscow we were marched from the station": the traveller is already there
        f["at_fronted"] = [sp for (p, o), sp in zip(at, f["at"]) if p.i < tok.i and o.pos_ == "PROPN"
                           and (subject(tok) is None or p.i < subject(tok).i)]
        frames.append(f)
    frames.extend(_back_at(sent, base, frame))
    # "Reached Kiel at noon": a diary's opening verb that the tagger read as part of a name
    first = next((t for t in sent if not t.is_space), None)
    if first is not None and first.pos_ == "PROPN" and first.i + 1 < sent.end:
        lemma = _verb_form(first.lower_, v)
        nxt = sent.doc[first.i + 1]
        if lemma and nxt.pos_ == "PROPN":
            kind = verbs[lemma]
            pair = [(first, nxt)]
            frames.append(frame(kind, lemma, first, pair if kind == "depart" else [],
                                pair if kind in ("arrive", "move") else [], pair if kind == "via" else [], [],
                                focus_role(first, base), [], False, False))
            frames[-1]["past"] = True
    # travel nouns: "our sudden departure from Moscow to Petersburg", "the voyage to Leros",
    # "put on a flight from Hellinikon to London" (not "a journey of 1,600 versts from A to B",
    # a summary)
    nouns = set(v["travel_nouns"])
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns or tok.dep_ == "compound":
            continue
        pairs = [(p, o) for p, o in preps(tok, origin_p | dest_p) if o.pos_ == "PROPN"]
        pairs += [(p2, o2) for p, o in pairs if p.lower_ in origin_p for p2, o2 in preps(o, dest_p)
                  if o2.pos_ == "PROPN"]     # "a flight from Hellinikon to London": "to" hung on the origin
        if pairs and tok.dep_ == "dobj" and tok.head.lemma_.lower() not in verbs and not any(
                p.lower_ in dest_p for p, _ in pairs):
            # "put on a flight from Hellinikon to London": the destination hung on the verb
            pairs += [(p, o) for p, o in preps(tok.head, dest_p) if o.pos_ == "PROPN"]
        if not pairs:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "for":
            continue          # "paid the agent for the passage to New York": a ticket, not the voyage
        if any(p.lower_ == "of" and any(g.like_num or g.ent_type_ in ("QUANTITY", "DATE", "CARDINAL")
                                        for g in p.subtree) for p in tok.children if p.dep_ == "prep"):
            continue
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX") and (negated(verb) or _planned(verb, v)):
            continue
        if not has_finite:
            continue
        frm = [p for p in pairs if p[0].lower_ in origin_p]
        to = [p for p in pairs if p[0].lower_ in dest_p]
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        roles = traveller_roles(owner, base) if owner is not None else focus_role(tok, base)
        noun_mode = v.get("travel_noun_modes", {}).get(tok.lemma_.lower())     # "the voyage to Leros"
        frames.append(frame("move", tok.lemma_.lower(), tok, frm, to, [], [], roles,
                            [(base + tok.idx, noun_mode)] if noun_mode else [],
                            False, verb.pos_ in ("VERB", "AUX") and (_pluperfect(verb) or _retrospective(verb, v))))
        frames[-1]["past"] = verb.pos_ in ("VERB", "AUX") and _past(verb)
    # verbless "By rail from Hamburg to Berlin", "Berlin to Königsberg by the Eastern Railway"
    if sent.root.pos_ not in ("VERB", "AUX"):   # the sentence itself is verbless
        root = sent.root
        pairs = _harvest(root, sent, origin_p | dest_p | via_p)
        frm = [p for p in pairs if p[0].lower_ in origin_p]
        to = [p for p in pairs if p[0].lower_ in dest_p and p[0].lower_ not in ("for", "till", "until")]
        via = [p for p in pairs if p[0].lower_ in via_p]
        if root.pos_ == "PROPN" and not frm and any(p.head.i == root.i for p, _ in to):
            frm = [(root, root)]
        if frm and to:        # not a title: "The Road to Kirensk", "Escape from Siberia"
            frames.append(frame("move", "", root, frm, to, via, [], focus_role(root, base), [], False, False))
    fragment_route = any(f["type"] == "travel" and not f["lemma"] for f in frames)
    # vehicles named in the sentence: modes of whatever travel is going on; a vehicle in the
    # clause of a verb of travel is that movement's own ("his wife came by the night train")
    by_verb = {f["trigger"][0]: f for f in frames if f["type"] == "travel" and f["lemma"]}
    cues = v.get("vehicle_cues", {})
    for tok in sent:
        mode = vehicle_mode(tok, v)
        if not mode and tok.pos_ == "NOUN" and v.get("vessel_titles", {}).get(tok.lemma_.lower()) \
                and vessel_name(tok) is not None:
            mode = v["vessel_titles"][tok.lemma_.lower()]     # "the transport Danaé": a ship by its name
        cue = None
        if not mode and tok.pos_ == "NOUN" and cues.get(tok.lemma_.lower()):
            mode = cue = cues[tok.lemma_.lower()]     # "with one puncture near Saulieu": a car's trouble
        named = vessel_name(tok) if mode in ("ship", "boat") else None
        if named is not None:       # "the ship Estonia": later "with the Estonia" tells the mode
            frames.append({"type": "vessel", "name": named.text, "mode": mode, "nstart": sstart, "nend": send,
                           "trigger": (base + named.idx, base + named.idx + len(named.text))})
        if not mode or in_simile(tok) or (has_finite and not cue and not carries_travellers(tok, v)):
            continue
        verb = _governing_verb(tok.head if tok.pos_ == "VERB" and tok.dep_ == "pcomp" else tok)
        own = by_verb.get(base + verb.idx)
        if own is not None:
            attach_mode(own, (base + tok.idx, mode), v)
            continue
        planned = verb.pos_ in ("VERB", "AUX") and _planned(verb, v) and verb.lemma_.lower() not in ("get", "transfer")
        f = {"type": "mode", "mode": mode, "nstart": sstart, "nend": send,
             "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
             "planned": planned, "fragment": not has_finite,
             "background": verb.pos_ in ("VERB", "AUX") and _pluperfect(verb),
             "first_person": first_person,
             "owner": vehicle_owner(tok)}
        taker = vehicle_taker(tok, verb, v)
        if taker is not None:       # "at Helsingfors he found a Swedish steamer": his vehicle from here
            f["travellers"] = traveller_roles(taker, base)
            f["taking"] = True
        if cue:
            f["cue"] = True         # counts only beside a movement or when taken ("hired a driver")
        if tok.dep_ == "pobj" and tok.head.lower_ in ("aboard", "into", "onto") and verb.lemma_.lower() not in verbs:
            f["boarding"] = True    # "... to Nizhny Novgorod and there put aboard the convict barge"
        frames.append(f)
    for phrase, mode in v["mode_phrases"].items():
        if mode:
            for m in re.finditer(r"\b" + re.escape(phrase) + r"\b", low):
                at = next((t for t in sent if t.idx - sent.start_char == m.start()), None)
                own = by_verb.get(base + _governing_verb(at).idx) if at is not None else None
                if own is not None:
                    attach_mode(own, (sstart + m.start(), mode), v)
                    continue
                frames.append({"type": "mode", "mode": mode, "nstart": sstart, "nend": send,
                               "trigger": (sstart + m.start(), sstart + m.end()), "planned": False,
                               "fragment": not has_finite, "background": False,
                               "first_person": first_person, "owner": None})
    # "at Pishpek, a railway car": a stop named beside a vehicle in a verbless sentence
    if sent.root.pos_ not in ("VERB", "AUX") and not fragment_route and any(vehicle_mode(t, v) for t in sent):
        for tok in sent:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "in", "to"):
                frames.append({"type": "stop", "nstart": sstart, "nend": send,
                               "trigger": (base + tok.head.idx, base + tok.right_edge.idx + len(tok.right_edge.text)),
                               "at": [(base + tok.left_edge.idx, base + tok.right_edge.idx + len(tok.right_edge.text), tok.head.lower_)]})
    # a diary entry or letter headed by where the writer is: "Königsberg.", "Halifax, 6 April 1927",
    # "Lemberg, after two nights in the train." (journeys.py checks it opens a paragraph)
    if not has_finite and not fragment_route and len(sent) <= 14:
        first = next((t for t in sent if not t.is_space), None)
        if first is not None and first.is_title and first.pos_ in ("PROPN", "NOUN"):
            end = first
            while end.i + 1 < sent.end and sent.doc[end.i + 1].pos_ == "PROPN":
                end = sent.doc[end.i + 1]
            frames.append({"type": "heading", "nstart": sstart, "nend": send,
                           "trigger": (base + first.idx, base + end.idx + len(end.text)),
                           "at": [(base + first.idx, base + end.idx + len(end.text), "")]})
    # a diary's dateline run into its entry: "March 5th, Damascus.—We came over the Lebanon ..."
    rest = doc_text(sent.doc)[sent.end_char:sent.end_char + 4]     # the dash may open the next sentence
    for m in DATELINE.finditer(sent.text + rest[:len(rest) - len(rest.lstrip(" \t"))] + rest.lstrip(" \t")[:1]):
        at = (sstart + m.start("place"), sstart + m.end("place"))
        frames.append({"type": "heading", "nstart": sstart + m.start("line"), "nend": send,
                       "trigger": at, "at": [(*at, "")]})
    # where the narrative stands: "remained at X", "placed at X", "living in X" (a verb's
    # locative, not "relatives in X"; not in a modal or planned clause; not a list of places
    # named in an argument: "everything that happens in Tver, Rostov, Kursk")
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ in ("at", "in", "on") and tok.head.pos_ in ("VERB", "AUX"):
            verb = tok.head
            if modal(verb) or _planned(verb, v) or verb.lemma_.lower() in verbs:
                continue
            objs = [c for c in tok.children if c.dep_ in ("pobj", "pcomp")]
            if not objs or any(o.conjuncts for o in objs):
                continue
            if any(a.dep_ == "mark" and a.lower_ in ("if", "unless") for v2 in [verb] + list(verb.ancestors)
                   for a in v2.children):
                continue
            if verb.tag_ in ("VBZ", "VBP") and not first_person:
                continue
            if verb.lemma_.lower() in SPEECH_VERBS | ADDRESS_VERBS and any(
                    c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i < tok.i for c in verb.children):
                continue        # "wrote to the Department in Copenhagen": where the addressee is
            who = subject(verb)
            if who is None and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
                who = subject(verb.head)    # "the soldiers were sent up to join it at Jebba": theirs
            if who is not None and who.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.pos_ == "PROPN":
                who = verb.head     # "Natalia, who was living ... near Petersburg": where Natalia is
            # "At Berezov, ... Trotsky wrote": a fronted named place tells where the traveller now is
            fronted = tok.i < verb.i and (who is None or tok.i < who.i) and all(o.pos_ == "PROPN" for o in objs)
            frames.append({"type": "locative", "fronted": fronted, "nstart": sstart, "nend": send,
                           "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
                           # the place itself, not one hung on it ("on a charge of carrying letters from Odessa")
                           "at": [(*np_span(objs[0], base), tok.lower_)],
                           "travellers": traveller_roles(who, base) if who is not None and who.tag_ not in ("WDT", "WP") else [],
                           "background": _pluperfect(verb) or modal(verb)})
    frames.sort(key=lambda f: f["trigger"][0])
    return frames


# a line opening with a date ("March 5th", "5 March", "Jan. 3, 1891"), then a place, then a dash
DATELINE = re.compile(r"(?m)^(?P<line>[ \t]*)(?:[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+)"
                      r"(?:,? \d{4})?, (?P<place>[A-Z][^\n.,;:—–]{1,40}?)\.?[ \t]*[—–]")


def _governing_verb(tok):
    """The verb whose clause a word belongs to (itself if it is a verb)."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _named_building(obj, v) -> bool:
    """"the Butyrki transit prison", "the Finland station": a building named after a place, inside
    the town the traveller is in, not a stop of the journey ("the camp at Partheni" still is)."""
    return obj.pos_ == "NOUN" and obj.lemma_.lower() in v.get("building_nouns", []) and any(
        c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.i < obj.i for c in obj.subtree)


def _inside_previous(pair, to, v) -> bool:
    """"took us up to London, to a hospital at Camberwell": a building named after a destination
    already given tells where inside it the traveller went, not a stop beyond it."""
    prep, obj = pair
    earlier = [o for p, o in to if o.i < obj.i and o.pos_ == "PROPN"]
    return bool(earlier) and prep.lower_ == "to" and obj.pos_ == "NOUN" \
        and obj.lemma_.lower() in v.get("building_nouns", [])
