"""Person candidates whose shape in the text says they are no one.

The model reads capitalised words as names wherever they stand; printed books
put capitals in places no name is: chapter headings in capitals run into the
first line ("ST. PAUL'S ROCKS.--In crossing"), chapter summaries join their
topics with "--" ("Massacres--Arrow-head"), footnotes abbreviate the titles
of works ("Humboldt's Pers. Narr."), naturalists name animals and plants in
Latin, in brackets or in lists ("a fine beetle (Calosoma)", "Cynucus,
Adimonia, and Scarabaeus"), and an ordinal adverb opens a sentence
("Eighthly, a tooth"). :func:`drop_bad_shapes` drops such candidates; a name
after a title or from initials is kept, the text having marked it a person's.
"""
from __future__ import annotations

import re
from collections import Counter

from ..document import Document
from .candidate import Candidate
from .tokens import caps_mismatch, lowercase_words
from .vocab import is_given_name, words

# sources that only guessed: the model, and rules that spread or infer a name
GUESSED = {"model", "propagated", "evidence:given-name", "evidence:surname", "evidence:full-name", "given-name"}

# Latin family and tribe names of animals and plants: "Carabidae", "Cruciferae"
_FAMILY = re.compile(r"(?:idae|inae|aceae|oidea|ini|iformes)$")
# endings of Latin genus names ("Calosoma", "Scarabaeus", "Cophias", "Ceryle")
_GENUS = re.compile(r"(?:a|us|um|ae|ia|is|es|as|os|x|yx|ops|odon|e)$")
# after an abbreviated word: a comma or bracket, a small letter, or a second abbreviation ("Pers. Narr.")
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "last"}
_STRONG_LATIN = re.compile(r"(?:us|um|ae|ii|idae|ium|oides|odon)$")
_ABBREVIATED = re.compile(r"\.(?:\s*[,;:)\]]|\s+[a-z]|\s+[A-Z][a-z]{0,7}\.)")
_LIST_NEIGHBOUR = re.compile(r"([A-Z][a-z]+)(?:,\s+(?:and\s+)?|\s+and\s+)$")
_LIST_NEXT = re.compile(r"^(?:,\s+(?:and\s+)?|\s+and\s+)([A-Z][a-z]+)")


def drop_bad_shapes(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """Drop person candidates that are headings, citations, Latin names or adverbs by their shape."""
    lower = lowercase_words(doc)
    out = []
    for c in cands:
        if c.kind == "person" and _bad_shape(doc, c, lower):
            continue
        out.append(c)
    return out


def _bad_shape(doc: Document, c: Candidate, lower) -> bool:
    text = doc.norm[c.nstart:c.nend]
    toks = text.split()
    if not toks:
        return True
    if "--" in text:
        return True             # "Sacred Tree--Patagonian Hare": a chapter summary
    names = [w for w in toks if len(w.rstrip(".")) > 1 and w.lower() not in words("particles")]
    if c.source != "capitals" and any(caps_mismatch(x, y) for x, y in zip(names, names[1:])):
        return True             # "ROCKS.--In", "LONDON Smith": a heading meets running text
    if c.source not in GUESSED:
        return False
    if any(w.islower() and w not in words("particles") for w in toks[1:-1]) or (
            len(toks) > 1 and toks[-1].islower()):
        return True             # "Bien te veo": a phrase in a foreign tongue, not a name
    if len(toks) > 1 and toks[-1].endswith(".") and len(toks[-1]) > 3 \
            and toks[-1].lower().rstrip(".") not in {"esq", "jun", "junr", "sen", "senr", "bart"}:
        return True             # "Linnaean Trans.": an abbreviated title
    after = doc.norm[c.nend:c.nend + 14]
    before = doc.norm[max(0, c.nstart - 40):c.nstart]
    if len(toks) == 1:
        word = toks[0]
        if _ABBREVIATED.match(after) and not is_given_name(word):
            return True         # "Pers. Narr.", "(Desmodus d'orbignyi, Wat.)"
        if before.endswith("--") or after.startswith("--"):
            para = doc.paragraph_at(c.nstart)
            ptext = doc.norm[para.nstart:para.nend] if para else before + text + after
            if ptext.count("--") >= 2:
                return True     # "Massacres--Arrow-head, antiquarian Relic."
        if word.endswith("ly") and after.startswith(",") and not is_given_name(word) \
                and (word[:-2].lower() in lower | _ORDINALS or word[:-2].lower() + "e" in lower) and len(word) > 5:
            return True         # "Eighthly, a tooth", "Secondly,"
    if _heading_only(doc, c, toks, lower):
        return True             # "Chapter Four: The Long Strike and its Aftermath"
    last = toks[-1].rstrip(".,")
    if _FAMILY.search(last) and not is_given_name(toks[0]):
        return True             # "Carabidae"
    if len(toks) <= 2 and _GENUS.search(toks[0].lower()) and not is_given_name(toks[0]) and _latin_context(doc, c, before, after):
        return True
    return False


_WORD = re.compile(r"\w[\w'’-]*")


def word_counts(doc: Document) -> Counter:
    """How often each word occurs in the document, as written (computed once, kept in ``doc.state``)."""
    got = doc.state.get("people_word_counts")
    if got is None:
        got = doc.state["people_word_counts"] = Counter(_WORD.findall(doc.norm))
    return got


def _heading_only(doc: Document, c: Candidate, toks: list[str], lower) -> bool:
    """A guessed name that stands only in a heading line and nowhere else in the document.

    A heading ("Chapter Four: The Long Strike and its Aftermath, 1928-1934")
    is a short line without closing punctuation whose capitals are those of a
    title; a person it names is named again in the text. A full name opening
    with a given name ("Letter to Anna Orlova") is kept unless every word is
    also a common word of the document.
    """
    norm = doc.norm
    ls = norm.rfind("\n", 0, c.nstart) + 1
    le = norm.find("\n", c.nend)
    le = len(norm) if le < 0 else le
    line = norm[ls:le].strip()
    if not line or len(line.split()) > 15 or line[-1] in ".!?;,\"”'’:":
        return False
    text = " ".join(toks)
    if norm.count(text) > line.count(text):
        return False            # named again outside the heading
    every_common = all(w.lower() in lower for w in toks)
    last = toks[-1].rstrip(".,")
    if not every_common and word_counts(doc)[last] > _WORD.findall(line).count(last):
        return False            # "Smith" in the text names the heading's "John Smith"
    return every_common or not (len(toks) > 1 and is_given_name(toks[0]))


def _latin_context(doc: Document, c: Candidate, before: str, after: str) -> bool:
    """A Latin-shaped name in brackets after a common noun, or listed among other Latin-shaped names."""
    noun = re.search(r"([a-z]+)\s*\($", before)
    if noun and noun.group(1) not in words("roles") and re.match(r"\s*(?:\)|\[\d+\]|,)", after):
        return True             # "a fine beetle (Calosoma)", "(Cophias [18])"; not "the author (Azara)"
    m1, m2 = _LIST_NEIGHBOUR.search(before), _LIST_NEXT.match(after)
    listed = [m.group(1) for m in (m1, m2) if m]
    if not listed:
        return False
    every = listed + [doc.norm[c.nstart:c.nend].split()[0]]
    return all(_GENUS.search(w.lower()) and not is_given_name(w) for w in every) \
        and any(_STRONG_LATIN.search(w.lower()) for w in every)   # not "Garcia, Sosa and Pereyra"
