"""Communications: letters, telegrams, wires, newspapers, petitions, statements, messages.

``find(sent, base)`` reads one parsed sentence and returns frames: the kind of
message, the spans of its sender and recipient, its status, delay cue,
channel, and whether the sentence states a general practice rather than one
message.  Entities and dates are filled in later from the other stages'
mentions (:mod:`.resolve`).
"""
from __future__ import annotations

import re

from ..names.org_rules import newspaper_words
from . import vocab
from .syntax import doc_text, governing_verb, is_passive, modal, negated, preps, role, span_of, subject

DEMONSTRATIVES = {"this", "that", "these", "those", "such", "same"}
ARRIVE_VERBS = {"reach", "arrive", "come", "get"}
HOLD_VERBS = {"accumulate", "withhold", "hold", "keep", "confiscate", "seize", "intercept", "censor", "open"}
RECEIVE_VERBS = {"receive", "get", "read", "reread"}
NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT"}


def _party(tok) -> bool:
    """Could this token be a sender or recipient (a person, group or institution)?"""
    return tok.pos_ in ("PRON", "PROPN", "NOUN") and tok.ent_type_ not in NOT_PARTY_ENTS


def _newspaper_title(tok) -> bool:
    """"The Herald says", "the Hull Daily Mail was told": a newspaper named by its title."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    heads, bare = newspaper_words()
    if tok.lower_ not in heads:
        return False
    named = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()]
    return bool(named) or (tok.lower_ in bare and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children))


def _kind_of_noun(tok, v) -> str | None:
    lemma = tok.lemma_.lower()
    text = tok.lower_
    if _newspaper_title(tok):
        return "newspaper"
    kind = v["nouns"].get(lemma) or v["nouns"].get(text)
    if kind is None and lemma in v["reply_nouns"]:
        # "his answer to your note": a reply is a message of the kind it answers
        kind = next((_kind_of_noun(obj, v) for p, obj in preps(tok, {"to"}) if _kind_of_noun(obj, v)), None)
    if kind is None:
        return None
    if kind == "newspaper" and lemma == "paper" and (tok.tag_ != "NNS" or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children)):
        return None     # "paper" the material, "cigarette papers"; "the Moscow papers" are newspapers
    if kind == "newspaper" and lemma == "paper" and tok.i + 1 < len(tok.doc) and \
            tok.doc[tok.i + 1].lower_ in ("on", "upon"):
        return None     # "several able papers on the Insects": learned papers
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in v["modifier_kinds"]:
            return v["modifier_kinds"][c.lemma_.lower()]
    return kind


def _container(tok, v):
    """"a bundle of letters from home", "none of his letters", "two of my letters": the bundle or
    the number carries the letters' prepositions and verb."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        head = tok.head.head
        if head.lemma_.lower() in v["container_nouns"] or (tok.tag_ in ("NNS", "NNPS") and (
                head.like_num or head.pos_ == "NUM" or head.lower_ in v["partitive_words"])):
            return head
    return None


def _has_exchange(tok, v) -> bool:
    """The message is sent, carried or received in this clause (not merely named)."""
    ex = set(v["exchange_verbs"])
    box = _container(tok, v)
    if box is not None and box.i != tok.i and _has_exchange(box, v):
        return True
    need = v["nouns_need_verbs"].get(tok.lemma_.lower()) or v["nouns_need_verbs"].get(tok.lower_)
    if need:          # "wrote an account of", not "took into account"
        verb = governing_verb(tok, 3)
        if verb is None or verb.lemma_.lower() not in need:
            return False
        dep = tok.dep_
        if dep == "appos" and "\n" in doc_text(tok.doc)[tok.head.idx:tok.idx]:
            dep = tok.head.dep_   # "My dear John,\nYour note came": the salutation swallowed the subject
        if dep in ("dobj", "nsubjpass"):
            return True
        if dep == "npadvmod" and tok.head.i == verb.i and tok.i > verb.i and tok.ent_type_ not in NOT_PARTY_ENTS:
            return True       # "slipped a note under my door": the object parsed as an adverbial
        if dep == "nsubj" and verb.lemma_.lower() in ARRIVE_VERBS | {"reach"}:
            return True       # "your note came this morning"
        # "was served with a decree", "presented him with a note"
        return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.i == verb.i
    if _newspaper_speaks(tok, v):
        return True
    if preps(tok, {"from", "to", "for"}):
        return True
    for c in tok.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ex:
            return True
    verb = governing_verb(tok, 3)
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in v["event_of_nouns"]:
        return True       # "acknowledge receipt of your letter", "the arrival of the telegram"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" and box is None:
        verb = None       # "took cognisance of the letter": the letter is talked about, not moved
    if verb is not None and verb.lemma_.lower() in v["publication_verbs"] and tok.dep_ == "nsubj" and \
            preps(verb, {"in", "on"}):
        return True       # "an open letter appeared in the Times"
    if verb is not None and verb.lemma_.lower() in ex:
        return True
    if verb is not None and tok.dep_ in ("nsubj", "nsubjpass") and any(
            c.lemma_.lower() in ex and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for c in verb.conjuncts if c.i > verb.i):
        return True       # "the message was picked up by Wick Radio and passed on by telephone"
    if verb is not None and verb.lemma_.lower() in v["route_verbs"] and tok.dep_ in ("nsubj", "nsubjpass") and \
            preps(verb, set(v["route_preps"])):
        return True       # "my letters went through the governor's office"
    return False


def _newspaper_speaks(tok, v) -> bool:
    """"The Edinburgh papers say ...", "the Times reported": a newspaper tells something."""
    if _kind_of_noun(tok, v) != "newspaper" or tok.dep_ != "nsubj":
        return False
    return tok.head.lemma_.lower() in v["newspaper_speech_verbs"]


def _goods(tok, v) -> bool:
    """"a parcel of books": goods sent, not a message (a parcel of letters is letters)."""
    if tok.lemma_.lower() not in v["goods_containers"]:
        return False
    return any(_kind_of_noun(obj, v) is None for p, obj in preps(tok, {"of"}))


def _only_permitted(verb, v) -> bool:
    """"who has leave to pass letters", "the right to send one telegram": allowed, not done."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in v["permission_nouns"]:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in v["permission_nouns"] and \
        any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.head.children)     # "has leave to"


def _this_document(tok, verb) -> bool:
    """"I make this statement", "we submit this petition": the text itself, sent by its author now."""
    if verb is None or verb.tag_ not in ("VBP", "VBZ") or tok.dep_ != "dobj":
        return False      # "I send you in this letter 20 dollars": the letter carries, it is not sent
    s = subject(verb)
    return s is not None and s.lower_ in ("i", "we")


def _publication(tok, sent, base, v) -> dict | None:
    """"It ran on the front page", "it appeared in the evening papers": a story published,
    told of a pronoun or of the piece named just before."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in v["publication_verbs"] or negated(tok) or modal(tok):
        return None
    subj = subject(tok)
    if subj is None or subj.pos_ not in ("PRON", "NOUN") or subj.lower_ in ("i", "we", "you", "he", "she", "they"):
        return None
    place = [obj for p, obj in preps(tok, {"on", "in"}) if obj.lemma_.lower() in v["publication_nouns"]]
    if not place or any(_kind_of_noun(obj, v) for obj in place):
        return None      # "printed it in its bulletin": the bulletin is the message, found as a noun
    return {"type": "communication", "nstart": base + sent.start_char, "nend": base + sent.end_char,
            "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
            "attributes": {"kind": "newspaper", "status": "sent"}, "roles": {}}


def _dated_writing(tok) -> bool:
    """"I wrote on the 9th and the 16th": letters told by their dates alone."""
    if tok.lemma_.lower() != "write" or any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return False
    return any(obj.ent_type_ == "DATE" or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", obj.lower_)
               for p, obj in preps(tok, {"on"}))


def _anaphoric_object(tok, v):
    """"I burned your last three", "they confiscated both": a number or ordinal standing for
    messages just named, as the object of a verb that handles them."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in v["verb_status"] or negated(tok):
        return None
    for o in tok.children:
        if o.dep_ in ("dobj", "obj") and (o.pos_ == "NUM" or o.like_num or o.lower_ in
                                           ("both", "all", "most", "first", "last", "rest", "mine", "yours")):
            if not any(c.dep_ == "prep" for c in o.children):
                return o
    return None


def find(sent, base: int) -> list[dict]:
    v = vocab.communication()
    low = sent.text.lower()
    ctx = doc_text(sent.doc)[max(0, sent.start_char - 400):sent.start_char]
    frames = _heading(sent, base, v)
    used = set()
    for tok in sent:
        kind = None
        verb = None
        if tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ != "compound" or _misparsed_compound(tok, v)) and \
                not _mistagged_verb(tok, v):
            kind = _kind_of_noun(tok, v)
            if kind is None:
                continue
            this_doc = any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children)
            if this_doc and not _this_document(tok, governing_verb(tok, 2)):
                continue      # "this letter": the one already told
            if any(c.lower_ in v["self_reference"] for c in tok.children) or any(
                    g.lower_ in v["self_reference"] for c in tok.children if c.dep_ in ("acl", "relcl")
                    for g in c.children):
                continue      # "the letters below", "the letters printed here": the text's own documents
            if _goods(tok, v):
                continue
            if tok.lemma_.lower() in v["bare_nouns"] and any(c.dep_ in ("det", "amod", "poss", "compound", "nummod")
                                                             for c in tok.children):
                continue      # "sent word" is a message; "the last word", "his word" are not
            if not this_doc and not _has_exchange(tok, v):
                continue
            gv = governing_verb(tok, 2)
            if tok.lemma_.lower() in ("inquiry", "enquiry") and gv is not None and \
                    gv.lemma_.lower() in v["inquiry_hold_verbs"]:
                continue      # "an inquiry was held": a hearing, not a message
            if tok.dep_ == "appos" and _kind_of_noun(tok.head, v):
                continue      # "telegrams for me, especially telegrams on ...": one report
            if tok.dep_ == "pobj" and tok.head.lower_ in v["channel_preps"]:
                continue      # "over a direct wire" is the channel, not a message
            verb = governing_verb(tok, 3)
        elif (tok.pos_ == "VERB" and tok.tag_.startswith("VB") and tok.dep_ not in ("amod", "compound", "nmod")
              and tok.lemma_.lower() in v["verbs"]) or _mistagged_verb(tok, v):
            # "he wired Natalia": the verb is the message; "wrote a letter" is the noun's
            if any(_kind_of_noun(o, v) and _has_exchange(o, v) for o in tok.children
                   if o.dep_ in ("dobj", "obj", "nsubjpass")):
                continue
            need = v["verb_needs"].get(tok.lemma_.lower())
            if need and not (preps(tok, set(need)) or any(
                    c.dep_ in need or (c.dep_ == "dobj" and "dobj" in need and c.pos_ in ("PRON", "PROPN", "NOUN"))
                    or (c.dep_ == "prt" and c.lower_ in need) for c in tok.children)) and not _dated_writing(tok):
                continue      # "wrote to him", "informed the governor", "corresponded with"
            if tok.lemma_.lower() in ("inform", "notify") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                continue      # "I have the honour to inform you": the formula of the message itself
            if tok.lemma_.lower() in ("post", "cable") and tok.tag_ == "VBN" and tok.dep_ == "amod":
                continue
            if tok.lemma_.lower() in ("post", "mail", "cable", "wire", "radio", "telephone", "phone") and \
                    tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "NOUN" and tok.tag_ == "VB":
                continue      # "post office officials", "telephone exchange": a noun the tagger took for a verb
            kind = v["verbs"][_verb_lemma(tok, v)]
            verb = tok
        else:
            f = _retold_fate(tok, sent, base, ctx, v) or _publication(tok, sent, base, v) or \
                _retold_object(tok, sent, base, ctx, v)
            if f is not None and tok.i not in used:
                used.add(tok.i)
                frames.append(f)
            continue
        if tok.i in used:
            continue
        head_verb = verb if verb is not None else governing_verb(tok, 3)
        if head_verb is not None and (_instruction(head_verb, v) or _only_permitted(head_verb, v)):
            continue      # "Do not send letters here", "Write again": told to, not done
        if verb is not None and verb.lemma_.lower() == "write" and verb.tag_ in ("VBP", "VBZ") and \
                _HEADING_IN.search(ctx + doc_text(sent.doc)[sent.start_char:verb.idx]):
            continue      # "I write to you from ...": the letter itself, already its heading
        if verb is not None and verb.i != tok.i and (verb.i, kind) in used:
            continue      # a second noun for the same message in the same clause
        used.add(tok.i)
        if verb is not None:
            used.add((verb.i, kind))
        if verb is None or verb.i != tok.i:
            for c in tok.conjuncts:      # "letters and telegrams" share one clause; "telephoned ... and cabled" do not
                used.add(c.i)
        f = {"type": "communication", "nstart": base + sent.start_char, "nend": base + sent.end_char,
             "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
             "attributes": {"kind": kind}, "roles": {}}
        kinds = [kind] + [_kind_of_noun(c, v) for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN")]
        kinds = [k for k in dict.fromkeys(kinds) if k]
        if len(kinds) > 1:
            f["attributes"]["kinds"] = kinds
        _roles(tok, verb, base, f, v)
        box = _container(tok, v)
        if box is not None:
            for p, obj in preps(box, {"from"}):
                f["roles"].setdefault("sender", []).append(role(obj, base))
        _channel(tok, verb, base, f, v, sent)
        clause = _clause_text(verb if verb is not None else tok)
        status = _status(tok, verb, clause, v)
        f["attributes"]["status"] = status
        if status == "smuggled" and kind == "statement":
            f["attributes"]["kind"] = "message"     # an account smuggled out is a clandestine message
        if status == "delayed" or re.search(r"\btook\b|\bafter\b|\bonly after\b", clause):
            f["delay_cue"] = True
        if verb is not None and (modal(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_ in ("want", "hope", "plan"))):
            continue      # "a telegraph report would bring pursuit": it did not happen
        if verb is not None and _feared(verb, v):
            continue      # "I am afraid neither letter has reached you": a fear, not a fate
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
    if lemma in v["summon_verbs"] and verb.i == tok.i:    # "was summoned to the station": called there
        roles.pop("recipient", None)
        if passive and subj is not None:
            roles.setdefault("recipient", []).append(role(subj, base))
        elif subj is not None:
            roles.setdefault("sender", []).append(role(subj, base))
            for o in verb.children:
                if o.dep_ in ("dobj", "obj"):
                    roles.setdefault("recipient", []).append(role(o, base))
        return
    if lemma in ARRIVE_VERBS | {"deliver", "bring"}:
        if lemma == "get" and subj is not None and subj.i != tok.i and not passive:
            roles.setdefault("recipient", []).append(role(subj, base))     # "I got a card from her"
            for p, obj in preps(verb, {"from"}):
                roles.setdefault("sender", []).append(role(obj, base))
            return
        for o in verb.children:
            if o.dep_ in ("dobj", "dative") and o.i != tok.i:
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
        if passive:
            for p, obj in preps(verb, {"by"}):
                if _party(obj):
                    roles.setdefault("holder", []).append(role(obj, base))
    else:
        if subj is not None and subj.i != tok.i and not passive:
            roles.setdefault("sender", []).append(role(subj, base))
        if subj is not None and passive and verb.i == tok.i and lemma in v["told_verbs"]:
            roles.setdefault("recipient", []).append(role(subj, base))     # "he was notified"
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
            if p.lower_ == "by" and not is_passive(head) and verb is not None and head.i == verb.i and not (
                    _channel_noun(obj, v) and not any(c.dep_ in ("det", "poss") for c in obj.children)):
                continue      # but "came by wire", "sent by telegraph" name the channel
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
    f["attributes"]["channel"] = doc_text(sent.doc)[p.idx:obj.right_edge.idx + len(obj.right_edge.text)]
    head = obj.lemma_.lower()
    bare = not any(c.dep_ in ("det", "poss") for c in obj.children)
    if f["attributes"]["kind"] in ("message", "statement", "telegram") and (p.lower_ != "by" or bare):
        if head in v["channel_nouns_telegraph"]:
            f["attributes"]["kind"] = "telegraph"
        elif head in v["channel_nouns_telephone"]:
            f["attributes"]["kind"] = "telephone"
        elif head in v["channel_nouns_radio"]:
            f["attributes"]["kind"] = "radio"


def _channel_noun(obj, v) -> bool:
    head = obj.lemma_.lower()
    return head in v["channel_nouns_telegraph"] or head in v["channel_nouns_telephone"] or head in v["channel_nouns_radio"]


def _status(tok, verb, low, v) -> str:
    """The message's fate from its own clause: first its verb ("confiscated", "kept back",
    "never reached"), then cue phrases in the clause."""
    if verb is not None:
        neg = negated(verb) or _none_of(tok, verb)
        lemma = verb.lemma_.lower()
        if neg and lemma in ARRIVE_VERBS | {"deliver", "receive"}:
            return "lost" if neg == "never" else "blocked"
        parts = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "oprd")}
        for vl, prt, st in v["particle_status"]:
            if lemma == vl and prt in parts:
                return st
        if lemma in v["verb_status"] and not neg:
            return v["verb_status"][lemma]
        if lemma in ("reach", "arrive", "come", "deliver") and not neg and re.search(
                r"\b(?:days?|weeks?|months?|years?)\b[^.;]{0,20}\b(?:after|later)\b", low):
            return "delayed"      # "reached her three months after"
    for idiom in v["status_idioms"]:
        low = low.replace(idiom, " ")
    for cue, status in v["status_cues"]:
        if status and re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", low):
            return status
    return "unknown"


def _none_of(tok, verb) -> str | None:
    """"None of his letters reached him", "no letter came": the subject denies the verb."""
    s = subject(verb)
    if s is None:
        return None
    if s.lower_ in ("none", "neither", "nothing") or any(c.dep_ == "det" and c.lower_ in ("no", "neither")
                                                          for c in s.children):
        return "never"
    return None


def _general(tok, verb, low, v) -> bool:
    if verb is None or tok.tag_ not in ("NNS", "NNPS"):
        return False
    if verb.tag_ not in ("VBP", "VBZ") and not any(c.tag_ in ("VBP", "VBZ") for c in verb.children if c.dep_ == "aux"):
        return False
    return any(cue in low for cue in v["general_practice_cues"])


_HEADING_IN = re.compile(r"(?m)^[^\n,]{1,40}(?:,[^\n,]{1,30})?,\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4}\.?\s*$")


def _heading(sent, base, v) -> list[dict]:
    """A letter's heading, "Place, 14 March 1927" on a line of its own followed by a
    salutation: each such letter in a collection is a communication (sent from there, then).
    The parser may join the heading to the signature of the letter before, or cut it at its
    comma, so every whole line that starts inside the sentence is tried."""
    text = doc_text(sent.doc)
    starts = [i + 1 for i in range(sent.start_char, sent.end_char - 1) if text[i] == "\n"]
    if sent.start_char == 0 or text[sent.start_char - 1] == "\n":
        starts.insert(0, sent.start_char)
    out = []
    for start in starts:
        end = text.find("\n", start)
        f = _heading_line(text[start:end if end >= 0 else len(text)].rstrip(), start, sent.doc, base, v)
        if f is not None:
            out.append(f)
    return out


def _heading_line(line, start, doc, base, v) -> dict | None:
    m = _HEADING_IN.match(line)
    if not m or not line[:1].isupper():
        return None
    month = re.search(r"[A-Za-z]+(?=\.?\s*\d|\.?\s+\d{4})", line.split(",")[-1])
    if not month or month.group(0).lower() not in v["heading_months"]:
        return None
    before = doc_text(doc)[max(0, start - 2):start]
    if start > 0 and "\n" not in before:
        return None          # not a line of its own
    after = doc_text(doc)[start + len(line):start + len(line) + 200].lstrip()
    if not re.match(v["salutations"], after, re.I) and not re.match(r"[A-Z][\w .]{0,40},\s*\n", after):
        return None
    s = base + start
    return {"type": "communication", "nstart": s, "nend": s + len(line), "trigger": (s, s + len(line)),
            "attributes": {"kind": "letter", "status": "sent", "heading": True}, "roles": {}}


def _instruction(verb, v=None) -> bool:
    """An imperative or a prohibition: "Do not send letters here", "Write again",
    "I was not to write to anyone": what should be done, not a message."""
    if verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.lower_ not in ("do", "don't")
                                    for c in verb.children) and verb.dep_ in ("ROOT", "conj", "parataxis", "ccomp"):
        if verb.dep_ == "ROOT" or verb.head.tag_ == "VB":
            return not any(c.dep_ == "nsubj" for c in verb.children)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if negated(verb) and infinitive:
        return True        # "not to write"
    if infinitive and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in (
            "tell", "ask", "order", "instruct", "advise", "urge", "beg", "bid", "forbid", "command", "direct"):
        return True        # "told me to write to the consul"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True        # "I was to write only through his office"
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if v is not None and top.dep_ == "ccomp" and top.head.lemma_.lower() in v["order_heads"] and (
            verb.tag_ == "VB" or modal(verb) or any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children)):
        return True        # "ordered that every letter be handed in open", "asked that he be summoned"
    return False


def _clause_text(head) -> str:
    """Lower-cased text of the clause around head: its verb's subtree without conjoined
    clauses that have a subject of their own ("..., but mine reached her late")."""
    verb = head
    while verb.dep_ in ("xcomp", "aux", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "pcomp", "compound", "amod",
                        "det", "poss", "appos") and verb.head.i != verb.i:
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            break
    skip = set()
    for c in verb.children:
        if c.dep_ in ("conj", "parataxis", "ccomp") and c.pos_ in ("VERB", "AUX") and \
                any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and head.i not in {t.i for t in c.subtree}:
            skip.update(t.i for t in c.subtree)
    toks = [t for t in verb.subtree if t.i not in skip]
    return " ".join(t.text for t in toks).lower()


def _verb_lemma(tok, v) -> str:
    low = tok.lemma_.lower()
    if low in v["verbs"]:
        return low
    return next(stem for stem in (tok.lower_[:-2], tok.lower_[:-1]) if stem in v["verbs"])


def _mistagged_verb(tok, v) -> bool:
    """"Eleni petitioned the Ministry": a past tense the tagger took for a noun, known by its
    ending, its object and a subject-like word before it."""
    if tok.pos_ not in ("NOUN", "PROPN") or not tok.text.islower() or not tok.lower_.endswith("ed") or \
            tok.i == tok.sent.start:
        return False
    if not any(stem in v["verbs"] for stem in (tok.lower_[:-2], tok.lower_[:-1])):
        return False
    return any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children) and not any(
        c.dep_ == "det" for c in tok.children)


def _feared(verb, v) -> bool:
    """The clause is what someone fears or supposes ("I am afraid it never reached you")."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.i < verb.i and head.lemma_.lower() in v["supposition_heads"]


def _misparsed_compound(tok, v) -> bool:
    """"sent a telegram offering to pay": the parser made the message a compound of a gerund."""
    h = tok.head
    return h.pos_ == "NOUN" and h.lower_.endswith("ing") and h.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and \
        _kind_of_noun(h, v) is None and h.i == tok.i + 1


def _last_kind(ctx, v):
    """The kind of the last message named in the text just before (letters, telegrams)."""
    last = None
    for m in re.finditer(r"\b([a-z]+?)s?\b", ctx[-300:].lower()):
        if m.group(1) in v["nouns_need_verbs"] or m.group(0) in v["nouns_need_verbs"]:
            continue      # "card", "note", "word": only messages with the right verb, so not here
        k = v["nouns"].get(m.group(1)) or v["nouns"].get(m.group(0)) or v["verb_forms"].get(m.group(0))
        if k and k not in ("newspaper", "statement", "report"):
            last = k
    return last


def _retold_object(tok, sent, base, ctx, v) -> dict | None:
    """"I burned your last three after reading them": the fate of messages told by a number."""
    obj = _anaphoric_object(tok, v)
    if obj is None:
        return None
    last = _last_kind(ctx + " " + doc_text(sent.doc)[sent.start_char:tok.idx], v)
    if last is None:
        return None
    f = {"type": "communication", "nstart": base + sent.start_char, "nend": base + sent.end_char,
         "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
         "attributes": {"kind": last, "anaphoric": True, "status": v["verb_status"][tok.lemma_.lower()]},
         "roles": {}}
    s = subject(tok)
    if s is not None and not is_passive(tok):
        f["roles"]["holder"] = [role(s, base)]
    return f


def _retold_fate(tok, sent, base, ctx, v) -> dict | None:
    """"Two of them were kept back", "The first took ten weeks": the fate of messages named
    in the sentences just before, told of a pronoun, a number or an ordinal."""
    if tok.pos_ not in ("VERB",) or negated(tok) and tok.lemma_.lower() not in ARRIVE_VERBS:
        return None
    lemma = tok.lemma_.lower()
    if lemma not in v["anaphor_verbs"]:
        return None
    subj = subject(tok)
    if subj is None or subj.i > tok.i:
        return None
    word = subj.lower_
    numeric = subj.pos_ == "NUM" or subj.like_num
    ordinal = word in ("first", "second", "third", "last", "rest", "other", "others", "latter", "former")
    if not (numeric or ordinal or word in v["anaphors"]):
        return None
    if lemma in v["anaphor_loose_verbs"] and not (numeric or ordinal or word in ("mine", "yours", "his", "hers", "ours", "theirs")):
        return None            # "they reached Tomsk" is people travelling
    prt = v["anaphor_verbs"][lemma]
    if prt and not any(c.lower_ == prt and c.dep_ in ("prt", "advmod", "prep", "oprd") for c in tok.children):
        return None            # "kept back", not "kept"
    if lemma == "take" and not any(c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in ("day", "week", "month", "year")
                                   for c in tok.children):
        return None            # "took ten weeks"
    last = _last_kind(ctx, v)
    if last is None:
        return None
    f = {"type": "communication", "nstart": base + sent.start_char, "nend": base + sent.end_char,
         "trigger": (base + tok.idx, base + tok.idx + len(tok.text)),
         "attributes": {"kind": last, "anaphoric": True}, "roles": {}}
    _roles(subj, tok, base, f, v)
    clause = _clause_text(tok)
    status = _status(subj, tok, clause, v)
    if lemma == "take":
        status = "delayed"
    f["attributes"]["status"] = status
    if status == "delayed" or re.search(r"\btook\b|\bafter\b", clause):
        f["delay_cue"] = True
    return f
