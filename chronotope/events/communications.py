"""Communications: letters, telegrams, wires, newspapers, petitions, statements, messages.

``find(sent, base)`` reads one parsed sentence and returns frames: the kind of
message, the spans of its sender and recipient, its status, delay cue,
channel, and whether the sentence states a general practice rather than one
message.  Entities and dates are filled in later from the other stages'
mentions (:mod:`.resolve`).
"""
from __future__ import annotations

import re

from . import vocab
from .syntax import governing_verb, is_passive, modal, negated, preps, role, span_of, subject

DEMONSTRATIVES = {"this", "that", "these", "those", "such", "same"}
ARRIVE_VERBS = {"reach", "arrive", "come", "get"}
HOLD_VERBS = {"accumulate", "withhold", "hold", "keep", "confiscate", "seize", "intercept", "censor", "open"}
RECEIVE_VERBS = {"receive", "get", "read", "reread"}
NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT"}


def _party(tok) -> bool:
    """Could this token be a sender or recipient (a person, group or institution)?"""
    return tok.pos_ in ("PRON", "PROPN", "NOUN") and tok.ent_type_ not in NOT_PARTY_ENTS


def _kind_of_noun(tok, v) -> str | None:
    lemma = tok.lemma_.lower()
    text = tok.lower_
    kind = v["nouns"].get(lemma) or v["nouns"].get(text)
    if kind is None:
        return None
    if kind == "newspaper" and lemma == "paper" and tok.tag_ != "NNS":
        return None     # "paper" the material; "the Moscow papers" are newspapers
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in v["modifier_kinds"]:
            return v["modifier_kinds"][c.lemma_.lower()]
    return kind


def _has_exchange(tok, v) -> bool:
    """The message is sent, carried or received in this clause (not merely named)."""
    ex = set(v["exchange_verbs"])
    if preps(tok, {"from", "to", "for"}):
        return True
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ex:
            return True
    verb = governing_verb(tok, 3)
    if verb is not None and verb.lemma_.lower() in ex:
        return True
    return False


def find(sent, base: int) -> list[dict]:
    v = vocab.communication()
    low = sent.text.lower()
    frames = []
    used = set()
    for tok in sent:
        kind = None
        verb = None
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound",):
            kind = _kind_of_noun(tok, v)
            if kind is None:
                continue
            if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children):
                continue      # "this letter": the one already told
            if not _has_exchange(tok, v):
                continue
            if tok.dep_ == "appos" and _kind_of_noun(tok.head, v):
                continue      # "telegrams for me, especially telegrams on ...": one report
            if tok.dep_ == "pobj" and tok.head.lower_ in v["channel_preps"]:
                continue      # "over a direct wire" is the channel, not a message
            verb = governing_verb(tok, 3)
        elif (tok.pos_ == "VERB" and tok.tag_.startswith("VB") and tok.dep_ not in ("amod", "compound", "nmod")
              and tok.lemma_.lower() in v["verbs"]):
            # "he wired Natalia": the verb is the message; "wrote a letter" is the noun's
            if any(_kind_of_noun(o, v) for o in tok.children if o.dep_ in ("dobj", "obj", "nsubjpass")):
                continue
            if tok.lemma_.lower() == "write" and not (preps(tok, {"to"}) or any(
                    c.dep_ in ("dative",) for c in tok.children)):
                continue
            if tok.lemma_.lower() in ("post", "cable") and tok.tag_ == "VBN" and tok.dep_ == "amod":
                continue
            kind = v["verbs"][tok.lemma_.lower()]
            verb = tok
        else:
            continue
        if tok.i in used:
            continue
        if verb is not None and verb.i != tok.i and (verb.i, kind) in used:
            continue      # a second noun for the same message in the same clause
        used.add(tok.i)
        if verb is not None:
            used.add((verb.i, kind))
        for c in tok.conjuncts:          # "letters and telegrams" share one clause
            used.add(c.i)
        f = {"type": "communication", "nstart": base + sent.start_char, "nend": base + sent.end_char,
             "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
             "attributes": {"kind": kind}, "roles": {}}
        kinds = [kind] + [_kind_of_noun(c, v) for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN")]
        kinds = [k for k in dict.fromkeys(kinds) if k]
        if len(kinds) > 1:
            f["attributes"]["kinds"] = kinds
        _roles(tok, verb, base, f, v)
        _channel(tok, verb, base, f, v, sent)
        status = _status(tok, verb, low, v)
        f["attributes"]["status"] = status
        if status == "delayed" or re.search(r"\btook\b|\bafter\b|\bonly after\b", low):
            f["delay_cue"] = True
        if verb is not None and (modal(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_ in ("want", "hope", "plan"))):
            continue      # "a telegraph report would bring pursuit": it did not happen
        if _general(tok, verb, low, v):
            f["attributes"]["general_practice"] = True
        frames.append(f)
    return frames


def _roles(tok, verb, base, f, v):
    roles = f["roles"]
    for p, obj in preps(tok, {"from"}):
        roles.setdefault("sender", []).append(role(obj, base))
    for p, obj in preps(tok, {"to", "for"}):
        if _party(obj) and (p.lower_ == "to" or obj.pos_ in ("PROPN", "PRON")):
            roles.setdefault("recipient", []).append(role(obj, base))
        else:                                   # "for transmission to the President"
            for p2, obj2 in preps(obj, {"to"}):
                if _party(obj2):
                    roles.setdefault("recipient", []).append(role(obj2, base))
    for c in tok.children:
        if c.dep_ == "poss" and tok.lemma_ not in ("newspaper", "paper"):
            roles.setdefault("sender", []).append(role(c, base))
        if c.dep_ in ("acl", "relcl"):
            for p, obj in preps(c, {"to"}):
                roles.setdefault("recipient", []).append(role(obj, base))
            for p, obj in preps(c, {"by"}):
                roles.setdefault("sender", []).append(role(obj, base))
    if verb is None:
        return
    lemma = verb.lemma_.lower()
    subj = subject(verb)
    passive = is_passive(verb)
    if lemma in ARRIVE_VERBS | {"deliver", "bring"}:
        for o in verb.children:
            if o.dep_ in ("dobj", "dative"):
                roles.setdefault("recipient", []).append(role(o, base))
        for p, obj in preps(verb, {"to"}):
            if obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG"):
                roles.setdefault("recipient", []).append(role(obj, base))
    elif lemma in RECEIVE_VERBS and not passive:
        if subj is not None and subj.i != tok.i:
            roles.setdefault("recipient", []).append(role(subj, base))
        for p, obj in preps(verb, {"from"}):
            roles.setdefault("sender", []).append(role(obj, base))
        for p, obj in preps(verb, {"for"}):
            roles.setdefault("recipient", []).append(role(obj, base))
    elif lemma in HOLD_VERBS:
        if subj is not None and subj.i != tok.i and not passive:
            roles.setdefault("holder", []).append(role(subj, base))
    else:
        if subj is not None and subj.i != tok.i and not passive:
            roles.setdefault("sender", []).append(role(subj, base))
        for o in verb.children:
            if o.i != tok.i and o.pos_ in ("PRON", "PROPN") and o.dep_ in ("dative", "dobj"):
                roles.setdefault("recipient", []).append(role(o, base))
        for p, obj in preps(verb, {"to"}):
            if obj.i != tok.i and _party(obj):
                roles.setdefault("recipient", []).append(role(obj, base))
            for p2, obj2 in preps(obj, {"to"}):      # "for transmission to the President"
                roles.setdefault("recipient", []).append(role(obj2, base))
        for p, obj in preps(verb, {"for"}):
            for p2, obj2 in preps(obj, {"to"}):
                roles.setdefault("recipient", []).append(role(obj2, base))


def _channel(tok, verb, base, f, v, sent):
    chan_preps = set(v["channel_preps"])
    found = None
    heads = [tok] + [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    for head in heads + ([verb] if verb is not None else []):
        for p, obj in preps(head, chan_preps):
            if p.lower_ == "by" and not is_passive(head) and verb is not None and head.i == verb.i:
                continue
            if p.lower_ == "by" and verb is not None and head.i == verb.i and obj.lemma_.lower() in ("force",):
                continue
            found = (p, obj)
            break
        if found:
            break
    if not found:
        return
    p, obj = found
    s = base + p.idx
    e = base + obj.right_edge.idx + len(obj.right_edge.text)
    f["channel_span"] = (s, e)
    f["attributes"]["channel"] = sent.doc.text[p.idx:obj.right_edge.idx + len(obj.right_edge.text)]
    head = obj.lemma_.lower()
    if f["attributes"]["kind"] in ("message", "statement", "telegram") and p.lower_ != "by":
        if head in v["channel_nouns_telegraph"]:
            f["attributes"]["kind"] = "telegraph"
        elif head in v["channel_nouns_telephone"]:
            f["attributes"]["kind"] = "telephone"
        elif head in v["channel_nouns_radio"]:
            f["attributes"]["kind"] = "radio"


def _status(tok, verb, low, v) -> str:
    if verb is not None:
        neg = negated(verb)
        lemma = verb.lemma_.lower()
        if neg and lemma in ARRIVE_VERBS | {"deliver", "receive"}:
            return "lost" if neg == "never" else "blocked"
        if lemma in ("reach", "arrive", "deliver") and not neg:
            pass
    for cue, status in v["status_cues"]:
        if status and re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", low):
            return status
    return "unknown"


def _general(tok, verb, low, v) -> bool:
    if verb is None or tok.tag_ not in ("NNS", "NNPS"):
        return False
    if verb.tag_ not in ("VBP", "VBZ") and not any(c.tag_ in ("VBP", "VBZ") for c in verb.children if c.dep_ == "aux"):
        return False
    return any(cue in low for cue in v["general_practice_cues"])
