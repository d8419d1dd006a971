"""Small questions every name rule asks of a token or of the document's words.

Is this token a capitalised name word? Where does a run of name words end?
Does the document also write this word in lower case (so it is a common
word)? The per-document answers are computed once and kept in ``doc.state``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Document
from .vocab import words


PLACE_PREPOSITIONS = {"in", "at", "near", "towards", "toward", "via", "through", "across", "into",
                      "onto", "around", "outside", "inside", "beyond", "along"}
QUANTIFIERS = {"a", "an", "two", "three", "four", "five", "six", "many", "several", "some", "few", "these",
               "those", "other", "most", "all", "no", "every", "each", "another", "such"}
POSSESSIVES = {"his", "her", "their", "my", "our", "your", "its"}
_CAP = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
_WORD = re.compile(r"\w[\w'-]*")
_REGNAL = re.compile(r"^[IVX]{1,5}\.?,?$")
# a lower-case particle written on to a capitalised name: "kaNdlela" (Zulu "son of"), "deVries"
GLUED_PARTICLE = re.compile(r"^([a-z]{1,3})[A-ZÀ-ÖØ-Þ][a-zà-ÿ'’-]+$")
LATIN_WORD = re.compile(r"(?:a|us|um|i|ii|ae|is|es|ensis|icus|ata|oides)$")
LATIN_EPITHET = re.compile(r"(?:ensis|icus|icum|ica|oides|iformis|atus|ii|ae)$")


def is_cap_token(tok) -> bool:
    """:func:`is_cap` for a spaCy token."""
    return is_cap(tok.text)


@lru_cache(maxsize=65536)
def is_cap(text: str) -> bool:
    """A capitalised word that may be part of a name: not one of ``not_names`` ("I", "We")."""
    return bool(_CAP.match(text)) and text.lower() not in words("not_names")


def glued_particle(text: str) -> bool:
    """A surname with its particle written on: "kaNdlela", "deVries" (``glued_particles.txt``)."""
    m = GLUED_PARTICLE.match(text)
    return bool(m) and m.group(1) in words("glued_particles")


def sentence_break(sd, j: int) -> bool:
    """A sentence starts at ``sd[j]`` after punctuation or a line break.

    The parser sometimes starts a sentence between two words of a name it
    does not know ("Józef | Wrona was arrested"); with nothing but a space
    between them, that is no boundary a name stops at.
    """
    if not sd[j].is_sent_start or j == 0:
        return sd[j].is_sent_start
    prev = sd[j - 1]
    return prev.is_punct or prev.is_space or "\n" in prev.whitespace_ or prev.text.endswith(".") \
        or not prev.text[:1].isupper() or not sd[j].text[:1].isupper()


def caps_mismatch(a: str, b: str) -> bool:
    """One word in capitals ("ROCKS") next to one that is not ("In"): a heading meets running text."""
    if _REGNAL.match(a) or _REGNAL.match(b):
        return False        # "Mahmud II", "Frederick VI"
    big_a = a.isupper() and sum(ch.isalpha() for ch in a) > 1
    big_b = b.isupper() and sum(ch.isalpha() for ch in b) > 1
    return big_a != big_b and a[:1].isalpha() and b[:1].isalpha()


def name_run(sd, i: int, limit: int = 4) -> int:
    """End index (exclusive) of a run of name tokens starting at ``i``.

    The run stops at a sentence break, at "--" and where a word in capitals
    meets one that is not (a heading followed by its text).
    """
    j = i
    while j < len(sd) and j - i < limit:
        t = sd[j]
        if j > i and (sentence_break(sd, j) or "--" in sd[j - 1].text or caps_mismatch(sd[j - 1].text, t.text)):
            break           # "James I. On the road...", "ST. PAUL'S ROCKS.--In crossing"
        if "--" in t.text:
            break
        if is_cap_token(t) and t.text.lower() not in words("titles") and t.text.lower() not in words("org_heads"):
            j += 1
            # a hyphenated name: "Wolseley-Grant", "Tao-ming"
            if j + 1 < len(sd) and sd[j].text == "-" and not sd[j - 1].whitespace_ and not sd[j].whitespace_ \
                    and sd[j + 1].is_alpha:
                j += 2
        elif t.text.lower() in words("particles") and (j > i or (i > 0 and sd[i - 1].lower_ in words("titles"))) \
                and j + 1 < len(sd) and (
                is_cap_token(sd[j + 1]) or (sd[j + 1].text.lower() in words("particles") and j + 2 < len(sd)
                                    and is_cap_token(sd[j + 2]))):
            j += 1          # "de Vega", "de la Vega", "van der Berg"
        elif j > i and t.text.lower() in words("particles") and j + 2 < len(sd) and sd[j + 1].text == "-" \
                and not t.whitespace_ and not sd[j + 1].whitespace_ and is_cap_token(sd[j + 2]):
            j += 3          # "Abdul Kadir al-Fatani": a particle joined by a hyphen
        elif j > i and glued_particle(t.text):
            j += 1          # "Mangcwabe kaNdlela", "Ivan deVries": a particle written on to the name
        else:
            break
    return j


def caps_line(sd, i: int) -> bool:
    """An all-capitals word in an all-capitals heading ("ON 19 SEPTEMBER") is not an acronym."""
    near = [sd[k] for k in range(max(0, i - 2), min(len(sd), i + 3)) if k != i and sd[k].is_alpha]
    return any(x.text.isupper() and len(x.text) > 1 for x in near)


def lowercase_words(doc: Document) -> frozenset[str]:
    """Every word the document writes in lower case (computed once, kept in ``doc.state``)."""
    got = doc.state.get("people_lower")
    if got is None:
        found = set()
        for w in _WORD.findall(doc.norm):
            if w.islower():
                found.add(w)
                if "-" in w or "'" in w:
                    found.update(x for x in re.split(r"[-']", w) if x)
        got = doc.state["people_lower"] = frozenset(found)
    return got


def title_words(doc: Document) -> frozenset[str]:
    got = doc.state.get("people_title_words")
    if got is None:
        got = doc.state["people_title_words"] = frozenset(
            w for w in _WORD.findall(doc.norm) if w[:1].isupper() and w[1:].islower())
    return got


def shouted(doc, word: str) -> bool:
    """An all-capitals word the document also writes in small letters ("JULY", "AFTER") is no acronym."""
    return word.lower() in lowercase_words(doc) or word.capitalize() in title_words(doc)


_GEO_NOUNS = ("ridge", "ridges", "range", "ranges", "chain", "hills", "mountains", "mountain", "river", "valley",
              "plain", "plains", "pass", "bay", "island", "lake", "formation", "beds", "coast", "district")


def geographic_names(doc: Document) -> frozenset[str]:
    """Capitalised words the document puts before a landform noun: "the Peuquenes ridge".

    Such a word before "line" is a geological or survey line, not a shipping line.
    """
    got = doc.state.get("people_geo_names")
    if got is None:
        nouns = "|".join(sorted(set(_GEO_NOUNS) | set(words("place_words"))))
        rx = re.compile(r"\b([A-ZÀ-ÖØ-Þ][\w'-]+)\s+(?:" + nouns + r")\b")
        got = doc.state["people_geo_names"] = frozenset(m.group(1) for m in rx.finditer(doc.norm))
    return got
