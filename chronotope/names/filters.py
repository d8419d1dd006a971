"""Dropping candidates that read as something else once the whole document is known.

A section's rules see one sentence; whether "Nature" is a common word, "Gaucho"
a class of people, "Beagle" a ship or "Kiel" a place shows only across the
document. These filters run in the people stage's ``finish``, before and after
surnames are propagated, and end by settling overlaps between candidates.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ..document import Document
from .candidate import Candidate
from .cluster import org_key
from .firms import without_operator
from .org_rules import org_name
from .parse import parse_name
from .tokens import LATIN_EPITHET, lowercase_words
from .vocab import is_given_name, words


_PLACE_CONTEXT = re.compile(
    r"\b(?:in|at|near|towards|toward|via|through|across|into|onto|reached|reaching|leaving|left)\s+"
    r"([A-ZÀ-ÖØ-Þ][\w'-]+)\b(?!\s+[A-Z])")
# "in Austrian Galicia"
_PLACE_CONTEXT_ADJ = re.compile(r"\b(?:in|at|near|through|across|into)\s+[A-Z][\w'-]+\s+([A-Z][\w'-]+)\b(?!\s+[A-Z])")
_PLACE_CONTEXT_PAIR = re.compile(r"\b(?:in|at|near|via|through|across|into)\s+([A-Z][\w'-]+\s+[A-Z][\w'-]+)\b(?!\s+[A-Z]|['’]s)")
# "by rail to Lemberg", "bound for Kiel", "travellers for Odessa"
_TRAVEL_CONTEXT = re.compile(
    r"\b(?:went|go|goes|going|gone|travelled|traveled|sailed|drove|rode|came|come|returned|journey|rail|train|"
    r"steamer|coach|road|route|way|bound|travellers|passengers|miles|versts|kilometres|kilometers)"
    r"\s+(?:on\s+|by\s+\w+\s+)?(?:to|for|from)\s+([A-Z][\w'-]+)")
WEAK_SOURCES = {"model", "propagated", "evidence:given-name", "evidence:surname"}
_STRONG_EPITHET = re.compile(r"(?:ensis|icus|icum|oides|iformis)$")
_ONLY_INITIALS = re.compile(r"^(?:[A-Z]\.?\s*)+$")


def drop_unlikely(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """Drop person candidates that read as something else once the whole document is known.

    Compass points and bare initials ("S. W."), a title alone ("Captain",
    "Majesty"), a class of people ("Gauchos", "the elder Fuegian"), a common
    word the text also writes in lower case ("Nature", "Instinct"), a place
    phrase ("Gregory Bay", "San Pedro") and a Latin binomial ("Rana
    mascariensis") proposed by the model alone.
    """
    vessels = doc.state.get("vessel_names", set())
    class_words = set(doc.state.get("people_class_words", set()))
    # "the Gauchos" makes "Gaucho" a class word too
    class_words.update(w[:-2] for w in list(class_words) if w.endswith("es"))
    class_words.update(w[:-1] for w in list(class_words) if w.endswith("s"))
    lower = lowercase_words(doc)
    out = []
    for c in cands:
        if c.kind != "person":
            name = org_name(c.name)
            if name in vessels or name.lower() in words("titles"):
                continue    # "the Beagle" once named "H.M.S. Beagle" is a ship; "the Captain" a title
            if c.attrs.get("guess") and (name in class_words or all(w in vessels or w in class_words
                                                                    for w in name.split() if w[:1].isupper())):
                continue    # "the Gaucho", "the Adventure and Beagle": people of a kind, ships
            out.append(c)
            continue
        if c.source in WEAK_SOURCES and c.name.strip() in vessels:
            continue
        name = parse_name(c.name).name
        toks = name.split()
        weak = c.source in WEAK_SOURCES or c.source == "given-name"
        if not toks or _ONLY_INITIALS.match(name) or name.lower() in words("titles") \
                or name.lower() in words("not_names"):
            continue
        if not toks[0][:1].isupper() and toks[0].lower() not in words("particles"):
            continue        # "of England" left after a title
        if len(toks) == 1:
            w = toks[0]
            titled = c.source.startswith("title") and c.attrs.get("title", "")[:1].isupper()
            if (w in class_words and not titled) or (w.lower() in lower and not titled and c.source != "initials"):
                continue
        if len(toks) == 2 and c.source in WEAK_SOURCES | {"initials", "given-name"} \
                and LATIN_EPITHET.search(toks[1].lower()) \
                and (_STRONG_EPITHET.search(toks[1].lower()) or not is_given_name(toks[0])):
            continue        # "Opetiorhynchus Patagonicus", "C. Azarae"
        if len(toks) > 1 and c.source in WEAK_SOURCES | {"note-author"} and not is_given_name(toks[0]) \
                and toks[0].lower() in lower and toks[0].lower() not in words("particles"):
            continue        # "Geological Transactions", "Information About Project Gutenberg"
        if len(toks) > 1 and weak:
            if any(x.lower() in words("place_words") for x in toks) or toks[0].lower() in words("place_prefixes"):
                continue
            if c.source != "given-name" and toks[-1] in class_words:
                continue    # "Catalonian Spaniard"
        out.append(c)
    return out


def drop_titled_org_words(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """"General Managers" read as a title and a name is the start of "General Managers' Association".

    A person found after a title word is dropped when the title and the name
    together stand inside an organization's name elsewhere in the document
    ("the Elder Dempster line" makes "for Elder Dempster" the firm too).
    """
    def bare(text):
        return " " + re.sub(r"['’]s?(?!\w)", "", org_name(text)) + " "
    org_names = {bare(n) for c in cands if c.kind == "organization" for n in {c.name, without_operator(c.name)}}
    if not org_names:
        return cands
    # every run of whole words inside an organization's name, so that "inside a name" is a
    # set look-up rather than a search through every name for every person
    org_parts = {" " + " ".join(words[i:j]) + " " for o in org_names for words in [o.split(" ")[1:-1]]
                 for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    out = []
    for c in cands:
        if c.kind == "person":
            title = c.attrs.get("title", "")
            if c.source.startswith("title") and title[:1].isupper() \
                    and bare(f"{title} {c.name}") in org_parts:
                continue
            if c.source in WEAK_SOURCES and len(doc.norm[c.nstart:c.nend].split()) > 1 \
                    and bare(doc.norm[c.nstart:c.nend]) in org_names:
                continue    # the model's "Elder Dempster" where the text names the firm
        out.append(c)
    return out


def drop_lone_guesses(cands: list[Candidate]) -> list[Candidate]:
    """A model ORG guess with no mark of an organisation stays only if the document names it twice."""
    counts = Counter(org_key(org_name(c.name)) for c in cands if c.kind == "organization")
    return [c for c in cands if not (c.kind == "organization" and c.attrs.get("guess")
                                     and counts[org_key(org_name(c.name))] < 2)]


def drop_places(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """One sense per document: a one-word name used as a place anywhere is a place everywhere.

    A word counts as a place when another stage has a place mention with that
    text, or when the document puts it after "in", "at", "the"... .  Only the
    weaker person readings (the model alone, propagation) give way; a title
    or a note author keeps its reading.
    """
    place_words = {m.text for m in doc.mentions_of("place")}
    for e in doc.entities.values():
        if e.kind == "place":
            place_words.add(e.name)
            place_words.update(e.aliases)
    bstart, bend = doc.nbody
    for rx in (_PLACE_CONTEXT, _PLACE_CONTEXT_ADJ, _TRAVEL_CONTEXT):
        place_words.update(m.group(1) for m in rx.finditer(doc.norm, bstart, bend))
    # "the post in Ulu Pahang": two words, the first no given name ("in John Smith" is a man)
    place_words.update(m.group(1) for m in _PLACE_CONTEXT_PAIR.finditer(doc.norm, bstart, bend)
                       if not is_given_name(m.group(1).split()[0]))
    out = []
    for c in cands:
        if c.kind == "person" and (c.source in WEAK_SOURCES or c.source == "given-name") \
                and c.name.strip() in place_words and (len(c.name.split()) > 1 or c.source != "given-name"):
            continue
        if c.kind == "organization" and c.attrs.get("guess") and org_name(c.name) in place_words:
            continue
        out.append(c)
    return out


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Overlapping candidates: the stronger rule wins, then the longer span."""
    cands = sorted(cands, key=lambda c: (-c.priority, -(c.nend - c.nstart), c.nstart))
    starts: list[int] = []      # kept spans, sorted and disjoint
    ends: list[int] = []
    kept: list[Candidate] = []
    for c in cands:
        k = bisect_right(starts, c.nstart)
        if k > 0 and ends[k - 1] > c.nstart:
            continue
        if k < len(starts) and starts[k] < c.nend:
            continue
        starts.insert(k, c.nstart)
        ends.insert(k, c.nend)
        kept.append(c)
    return sorted(kept, key=lambda c: c.nstart)
