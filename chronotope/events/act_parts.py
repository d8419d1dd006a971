"""Who an act is done to, and the small shared pieces of an act frame.

The finders in :mod:`.persecution` and :mod:`.act_phrases` ask the same
questions of a parse: is this token a person (not a letter, an animal, a
place), is the verb passive, is the place a custody place, is the act told as
a habit of a class rather than one act.  Frames carry character spans only.
"""
from __future__ import annotations

from . import vocab
from .syntax import is_passive, preps, role, subject

NOT_PERSON_ENTS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "MONEY", "PERCENT", "GPE", "LOC"}


def _frame(kind, sent, base, tok):
    return {"type": kind, "nstart": base + sent.start_char, "nend": base + sent.end_char,
            "trigger": (base + tok.idx, base + tok.idx + len(tok.text)), "attributes": {}, "roles": {}}


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


def _person(tok) -> bool:
    """Could this be a person or group moved, held or punished (not a letter, a place, a date)?"""
    if tok is None:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what")
    if tok.like_num or tok.pos_ == "NUM":       # "two of our people"
        return any(_person(obj) for p, obj in preps(tok, {"of"}))
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in vocab.acts()["not_persons"]:
        return False                               # "the rocks were thrown into disorder"
    if _message_or_goods(tok):
        return False
    if tok.ent_type_ in NOT_PERSON_ENTS or tok.ent_type_ in ("ORG", "FAC", "PRODUCT", "WORK_OF_ART"):
        return False
    if tok.lemma_.lower() in vocab.communication()["nouns"]:
        return False
    return tok.pos_ in ("PROPN", "NOUN")


def _message_or_goods(tok) -> bool:
    """A letter, or "a packet of letters": what is seized or confiscated is then not a person."""
    nouns = vocab.communication()["nouns"]
    return bool(nouns.get(tok.lemma_.lower())) or any(nouns.get(obj.lemma_.lower()) for p, obj in preps(tok, {"of"}))


def _surely_person(tok, v) -> bool:
    """A pronoun for people, a name, or a noun that names people ("the prisoners", "my brother")."""
    if tok is None:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "which", "that", "this", "what")
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "NORP"):
        return True
    if tok.like_num:
        return any(_surely_person(obj, v) for p, obj in preps(tok, {"of"}))
    return tok.lemma_.lower() in v["people_nouns"] or tok.lower_ in v["people_nouns"]


def _not_a_person(tok, v) -> bool:
    """An animal, a plant or a thing: "it", "the ostrich", "the air"."""
    if tok is None:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in ("it", "which", "that", "this", "what")
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in v["not_persons"]


def _custody(obj, v) -> bool:
    words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
    return bool(words & set(v["custody_nouns"]))


def _passive(tok) -> bool:
    """Passive, also when the parser hangs the participle on "was" or on a passive verb
    before it ("was seized on the quay, hanged a week later")."""
    if is_passive(tok):
        return True
    if tok.tag_ == "VBN" and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in ("have", "get") and \
            not any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return True          # "had two of our people put in the citadel"
    if tok.tag_ == "VBN" and tok.dep_ in ("conj", "advcl") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for c in tok.children):
        cur = tok.head       # "was detained, questioned about my friends, and released"
        for _ in range(3):
            if is_passive(cur):
                return True
            if cur.dep_ not in ("conj", "advcl") or cur.head.i == cur.i:
                break
            cur = cur.head
    if tok.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "dobj", "obj") for c in tok.children):
        if tok.dep_ == "acomp" and tok.head.lemma_ == "be":
            return True
        if tok.dep_ in ("conj", "dep") and tok.head.pos_ == "VERB" and is_passive(tok.head):
            return True
    return False


def _patient(tok, kind, passive):
    """Who undergoes the act: the passive subject, the object, or the doer of an escape."""
    if passive or kind in ("escape", "hunger_strike"):
        return subject(tok)
    return next((o for o in tok.children if o.dep_ in ("dobj", "obj")), None)


def _habitual(tok, v) -> bool:
    """What was done to a class of people as a rule ("prisoners were often beaten"), not one act."""
    if not any(c.dep_ == "advmod" and c.lower_ in v["habitual_adverbs"] for c in tok.children):
        return False
    s = subject(tok)
    return s is not None and s.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "poss") for c in s.children)
