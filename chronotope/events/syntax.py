"""Small helpers over spaCy's dependency parse shared by the event finders.

Frames found here carry character spans (normalised document offsets), never
entity ids: entities, places and dates are resolved in ``finish`` from the
mentions the earlier stages added (see :mod:`.resolve`).
"""
from __future__ import annotations

from ..stages.language import doc_sents, doc_text  # noqa: F401  (re-exported for the finders)

FIRST_SINGULAR = {"i", "me", "my", "myself", "mine"}
FIRST_PLURAL = {"we", "us", "our", "ourselves", "ours"}
MODALS = {"would", "could", "might", "should", "shall", "may", "must", "ought"}


def span_of(tok, base: int, subtree: bool = True, limit: int = 160) -> tuple[int, int]:
    """Normalised (start, end) of a token, or of its subtree when that is short."""
    if subtree:
        s = tok.left_edge.idx
        e = tok.right_edge.idx + len(tok.right_edge.text)
        if e - s <= limit:
            return base + s, base + e
    return base + tok.idx, base + tok.idx + len(tok.text)


def role(tok, base: int) -> dict:
    """A participant slot: its span, and whether it is the narrator's I or we."""
    low = tok.lower_
    d = {"span": span_of(tok, base), "head": (base + tok.idx, base + tok.idx + len(tok.text)),
         "text": tok.text}
    if low in FIRST_SINGULAR:
        d["person"] = "I"
    elif low in FIRST_PLURAL:
        d["person"] = "we"
    elif low in ("you", "your", "yourself"):
        d["person"] = "you"
    elif tok.pos_ == "PRON":
        d["person"] = "pronoun"
    # possessive "our train", "my son": the owner counts as first person too
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ in FIRST_PLURAL | FIRST_SINGULAR and "person" not in d:
            d["owner"] = "we" if c.lower_ in FIRST_PLURAL else "I"
    return d


def is_passive(verb) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj") and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            return c
    # conjoined verbs share their subject ("were arrested ... and then exiled")
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subject(verb.head)
    if verb.dep_ == "relcl":
        return verb.head
    return None


def objects(verb, deps=("dobj", "dative", "obj")):
    return [c for c in verb.children if c.dep_ in deps]


def preps(tok, words=None):
    """(preposition token, its object token) children of tok, following 'as far as' chains."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and (words is None or c.lower_ in words):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            for g in objs:
                out.append((c, g))
            if not objs:
                for g in c.children:
                    if g.dep_ == "prep":
                        for h in g.children:
                            if h.dep_ == "pobj":
                                out.append((c, h))
    return out


def negated(tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "neg":
            return c.lower_
    return None


def modal(tok) -> bool:
    """A modal auxiliary ("would reach"), not a month the parser hung on the verb ("of 9 May reached")."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS and c.tag_ == "MD" for c in tok.children)


def governing_verb(tok, hops: int = 4):
    cur = tok
    for _ in range(hops):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def conjuncts(tok):
    return [tok] + [c for c in tok.conjuncts]
