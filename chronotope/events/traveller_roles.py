"""Who travels, as the parse tells it: the traveller's words in a clause of movement, what
kind of traveller they are, and for "he", "she" or "they" which earlier noun phrases it may
stand for.

Kept apart from :mod:`.travel` (which finds the movements) because it is about people, not
routes; it works on the parse of one sentence and its neighbours and yields character spans
only.  :mod:`.travellers` later turns these roles into the person a journey follows.
"""
from __future__ import annotations

from . import vocab
from .syntax import doc_sents, FIRST_PLURAL, FIRST_SINGULAR, is_passive, role, subject

REFLEXIVE = {"ourselves", "myself", "themselves", "himself", "herself", "yourself"}
PERSONAL = {"i", "we", "he", "she", "they", "me", "us", "him", "her", "them"}


def traveller_token(verb, kind, v):
    """The token naming who travels: subject, or object of a carrying verb ("drove us")."""
    if not is_passive(verb):
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if objs and kind == "carried" and objs[0].lemma_.lower() in v["vehicles"] and objs[0].lower_ not in PERSONAL:
            objs = []         # "the household took the Southern Railway to Trieste": the takers travel
        if objs and (kind == "carried" or (kind == "move" and objs[0].lower_ in PERSONAL)
                     or (kind == "arrive" and verb.lemma_.lower() == "get" and objs[0].lower_ in PERSONAL)):
            return objs[0]
        if kind == "carried" and not objs and verb.lemma_.lower() not in ("ship", "take"):
            return None       # "I sent with this letter, through Perregaux, a bill": the sender stays
    subj = _main_clause_subject(verb) or subject(verb)
    if subj is not None and subj.lower_ == "it" and verb.dep_ in ("xcomp", "advcl") \
            and verb.head.lemma_.lower() == "take":
        took = [c for c in verb.head.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PRON", "NOUN", "PROPN")]
        if took:
            return took[0]    # "It took them five days to walk to Orléans": they walked
    if subj is None and verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" \
            and verb.head.lemma_.lower() in v.get("feeling_adjectives", []):
        subj = subject(verb.head.head)     # "I was not sorry to return to Lagos", "we were glad to leave"
    rel = verb if verb.dep_ == "relcl" else verb.head if verb.dep_ == "xcomp" and verb.head.dep_ == "relcl" else None
    if subj is not None and subj.tag_ in ("WDT", "WP") and rel is not None:
        # "an autobus which drove us"; "we left in a troop train that took all day to reach
        # Southampton": a vehicle we ride in takes us where it goes
        subj = _riders(rel.head, v) or rel.head
    if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head          # "the prisoners set out", "the train going north"
    return subj


SUBORDINATORS = {"because", "since", "as", "although", "though", "while", "when", "after", "before", "until"}


def _main_clause_subject(verb):
    """"He missed the sailing because his children were ill, and got away two days later": a verb
    the parser hung on a subordinate clause after a comma and "and" goes with the main clause."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    sub = verb.head
    if sub.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in sub.children):
        return None
    doc = verb.doc
    cc = next((c for c in sub.children if c.dep_ == "cc" and c.i < verb.i), None)
    if cc is None or cc.i == 0 or doc[cc.i - 1].text != ",":
        return None
    return subject(sub.head) if sub.head.pos_ in ("VERB", "AUX") else None


def _riders(vehicle, v):
    """Who rides in a vehicle named as the means of their own movement ("we left Leeds in a
    troop train"): the subject of that movement, else None."""
    if vehicle.lemma_.lower() not in v["vehicles"] or vehicle.dep_ != "pobj":
        return None
    prep, verb = vehicle.head, vehicle.head.head
    if prep.lower_ not in ("in", "on", "by", "aboard") or verb.pos_ != "VERB" \
            or not v["motion_verbs"].get(verb.lemma_.lower()):
        return None
    return subject(verb)


def traveller_kind(tok, v) -> str | None:
    """'focus' (continues the current journey), 'own' (a traveller of its own), or None."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in PERSONAL or low in REFLEXIVE:
        return "focus" if low not in ("i", "me", "we", "us") else "first"
    if lemma in v["vehicles"] and lemma not in v["group_nouns"] and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some") for c in tok.children):
        return None           # "the Committee had a lorry that went to Argelès on Thursdays": not ours
    if lemma in v["group_nouns"] or lemma in v["vehicles"] or _titled_vessel(tok, v):
        return "focus"
    if tok.pos_ == "PROPN" and any(c.dep_ in ("compound", "appos", "amod") and c.lemma_.lower() in v["vehicles"]
                                   and v["vehicles"][c.lemma_.lower()] in ("ship", "boat") for c in tok.children):
        return "focus"        # "the ship Beagle, a ten-gun brig, sailed": a named vessel, with us aboard
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return "own"
    if lemma in v["traveller_nouns"] or lemma in v.get("person_nouns", []) or lemma in v.get("kin_nouns", []) \
            or lemma in v.get("gendered_nouns", {}):
        return "own"          # "the refugees reached Prague", "her mother went home"
    if tok.ent_type_ == "CARDINAL":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return traveller_kind(g, v)
    return None


def _titled_vessel(tok, v) -> bool:
    """"The transport Danaé sailed": a noun that names a vessel only before the vessel's name."""
    if tok.lemma_.lower() not in v.get("vessel_titles", {}) or tok.i + 1 >= tok.sent.end:
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.pos_ == "PROPN" and nxt.is_title


def np_span(obj, base):
    """The noun phrase of obj without its relative clauses and other prepositions
    ("an autobus which drove us ... to Kurday" is not a place; "the top of the Kurday range" is)."""
    keep = [obj]
    stack = [obj]
    # "the landing at Zhigalovo": a common noun is placed by its own preposition
    inner = {"of"} | ({"at", "in", "on", "near"} if obj.pos_ == "NOUN" else set())
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "appos") or (c.dep_ == "prep" and c.lower_ not in inner):
                continue
            if c.i > obj.i and any(x.text in (",", ";", ":", "(", "\u2013", "\u2014") for x in obj.doc[obj.i:c.i]):
                continue
            if c.dep_ == "conj" and t.i == obj.i:
                continue
            keep.append(c)
            stack.append(c)
    s = min(t.idx for t in keep)
    e = max(t.idx + len(t.text) for t in keep)
    return base + s, base + e


def focus_role(tok, base) -> list[dict]:
    return [{"span": (base + tok.idx, base + tok.idx + len(tok.text)),
             "head": (base + tok.idx, base + tok.idx + len(tok.text)),
             "text": "", "kind": "focus", "lemma": "", "elided": True}]


def traveller_roles(who, base):
    if who is None:
        return []
    v = vocab.travel()
    out = []
    for t in [who] + list(who.conjuncts) + [c for c in who.children if c.dep_ == "appos"]:
        r = role(t, base)
        r["span"] = np_span(t, base)
        for c in t.children:    # "a young Galician named Tomás Ferro": the name given is who travels
            if c.dep_ == "acl" and c.lemma_.lower() in ("name", "call") and c.tag_ == "VBN":
                r["span"] = (r["span"][0], max(r["span"][1], base + max(g.idx + len(g.text) for g in c.subtree)))
        r["kind"] = traveller_kind(t, v)
        r["lemma"] = t.lemma_.lower()
        r["plural"] = t.tag_ in ("NNS", "NNPS")
        owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None and r["lemma"] in v["group_nouns"]:
            # "Lenoir's convoy sailed", "Morel's group was taken": the one named goes with it
            r["possessor"] = (base + owner.idx, base + owner.idx + len(owner.text))
        if t.lower_ in ("he", "she", "him", "her", "himself", "herself"):
            r["pronoun"] = "female" if t.lower_ in ("she", "her", "herself") else "male"
            r["antecedents"] = antecedents(t, base)
        elif t.lower_ in PLURAL_THIRD or _of_them(t) is not None:
            # "they", and "the four of them travelled": whoever "them" stands for
            r["pronoun"] = "plural"
            r["subject"] = t.dep_ in ("nsubj", "nsubjpass")
            r["of_them"] = t.lower_ not in PLURAL_THIRD
            r["antecedents"] = plural_antecedents(_of_them(t) or t, base, v)
        out.append(r)
    return out


PLURAL_THIRD = {"they", "them", "themselves"}


def _of_them(tok):
    """The "them" of "four of them", "all of them", "the rest of them", else None."""
    if tok.pos_ not in ("NUM", "PRON", "DET", "NOUN") and tok.ent_type_ != "CARDINAL":
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.lower_ in PLURAL_THIRD), None)
NOT_ANTECEDENT = {"DATE", "TIME", "QUANTITY", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"}


def plural_antecedents(pron, base, v, back: int = 2, limit: int = 4) -> list[dict]:
    """What "they"/"them" stands for: the nearest plural noun phrase before it (a plural noun or
    people listed with "and") in its sentence and the two before, sorted as "group" (a party or
    vehicle we follow: "the prisoners", "the carts"), "people" ("my parents", "Karl and Nils") or
    "thing" ("cigarette papers": no traveller at all).  A first-person narrator says "we" for
    their own party, so "them" is not the narrator's party by default.  Returns up to ``limit``
    candidates, nearest first, each marked ``pobj`` when it sits inside a prepositional phrase
    ("sleeping in barns along the way. From Limoges they reached Toulouse"), so that
    :mod:`.travellers` may pass over a thing for the people before it."""
    doc = pron.doc
    sents = [s for s in doc_sents(doc) if s.start <= pron.i]
    toks = []
    for s in sents[-(back + 1):]:
        toks.extend(t for t in s if t.i < pron.i)
    people = set(v["traveller_nouns"]) | set(v.get("gendered_nouns", {})) | set(v.get("person_nouns", []))
    out = []
    for t in reversed(toks):
        if len(out) >= limit:
            break
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "poss") or t.ent_type_ in NOT_ANTECEDENT:
            continue
        listed = [c for c in t.conjuncts if c.pos_ in ("NOUN", "PROPN")]
        if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head            # "Karl and Nils": the list, from its first member
            listed = [c for c in t.conjuncts if c.pos_ in ("NOUN", "PROPN")]
        if t.tag_ not in ("NNS", "NNPS") and not listed and not (
                t.lemma_.lower() in v["group_nouns"] and t.lemma_.lower() not in v["vehicles"]):
            continue        # "the couple ... They": a group named in the singular is "they" too
        lemma = t.lemma_.lower()
        r = role(t, base)
        r["span"] = np_span(t, base)
        r["lemma"] = lemma
        r["members"] = [role(c, base) for c in [t] + listed]
        r["pobj"] = t.dep_ == "pobj"
        r["in_np"] = t.dep_ == "pobj" and t.head.head.pos_ in ("NOUN", "PROPN")
        if lemma in v["group_nouns"] or lemma in v["vehicles"] or any(
                c.lower_ in FIRST_SINGULAR | FIRST_PLURAL for c in t.conjuncts):
            r["sort"] = "group"       # "my wife, our son and I ... they": the party we follow
        elif lemma in people or t.ent_type_ in ("PERSON", "NORP") or (
                listed and all(c.pos_ == "PROPN" or c.lemma_.lower() in people for c in [t] + listed)):
            r["sort"] = "people"
        elif t.dep_ == "pobj" and t.head.head.pos_ in ("NOUN", "PROPN"):
            continue        # "advice on the foundations of its observatory ... They": a thing inside a phrase
        else:
            r["sort"] = "thing"
        out.append(r)
    return out


def antecedents(pron, base, back: int = 3) -> list[dict]:
    """Who "he" or "she" may stand for: the subjects (names or nouns, not pronouns) of the
    clause before it and of the previous sentences of its section, nearest first.  A simple
    recency rule (no library here resolves coreference within our pipeline); :mod:`.travellers`
    keeps the first one whose gender fits."""
    doc = pron.doc
    sents = [s for s in doc_sents(doc) if s.start <= pron.i]
    toks = []
    for s in sents[-(back + 1):]:
        toks.extend(t for t in s if t.i < pron.i)
    out = []
    for t in reversed(toks):
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # a subordinate clause's subject (or a mis-parse of one) counts only when its gender tells
        relative = t.head.dep_ not in ("ROOT", "conj") or t.tag_ in ("WP", "WDT")
        if t.tag_ in ("WP", "WDT") and t.head.dep_ == "relcl":
            t = t.head.head           # "Natalia, who was living ...": the relative stands for its noun
        if t.pos_ not in ("PROPN", "NOUN") or t.lower_ in PERSONAL or (t.pos_ == "NOUN" and t.tag_ == "NNS"):
            continue        # "the boys returned ... he flew": a plural noun is no "he" (a name may end in -s)
        r = role(t, base)
        s0, e0 = np_span(t, base)
        for c in t.children:        # "his wife Anna Orlova": the name in apposition names her
            if c.dep_ == "appos":
                s1, e1 = np_span(c, base)
                s0, e0 = min(s0, s1), max(e0, e1)
        r["span"] = (s0, e0)
        r["lemma"] = t.lemma_.lower()
        r["proper"] = t.pos_ == "PROPN" or t.ent_type_ == "PERSON"
        r["relative"] = relative
        out.append(r)
    return out
