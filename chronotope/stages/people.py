"""People stage: mentions of people and organizations, clustered into entities.

The language model's named entities are the starting point; rules written
for historical narratives add what it misses or mislabels: names after titles
("Senator Lopukhin", "Comrades Syermuks and Poznansky", "citizen Trotsky,
Lev Davydovich"), a known given name before a capitalised word ("Anatole
France"), initials ("L. Trotsky"), a name in apposition with a role ("Witte,
the former prime minister"), organizations by their head noun ("the Central
Committee", "the Soviet of Workers' Deputies") or a nationality and an
institution ("the German government"), acronyms ("the GPU", "the Labour Office
(ILO)"), numbered units ("the 15th Infantry"), newspapers ("the Chicago
Tribune"), foreign names opened by their head ("Colegio Madrid") and bodies a
text names bare ("the Gestapo"); see ``chronotope.names.org_rules``.

Text claimed by resolved places (the places stage runs before) and the notes
section (``doc.state["skip_spans"]``) is left alone, except for the authors
the notes stage found (``doc.state["note_authors"]``).  In ``finish`` the
mentions are clustered (``chronotope.names``) into ``person:<slug>`` and
``organization:<slug>`` entities, and in first-person documents the narrator
is recorded as ``doc.meta["narrator"]``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Document, Entity, slug
from ..names import Item, cluster_people, compatible_given, fold, org_key, parse_name, person_id, split_list
from ..names.org_rules import (acronym_letters, bare_newspaper, defined_acronym, initials, known_org,
                                lead_head_phrase, newspaper_words, numbered_unit)
from ..names.vocab import given_name_gender, has_surname_ending, is_given_name, words
from ..pipeline import BaseStage

PLACE_PREPOSITIONS = {"in", "at", "near", "towards", "toward", "via", "through", "across", "into",
                      "onto", "around", "outside", "inside", "beyond", "along"}
_INITIAL = re.compile(r"^[A-Z]\.?$")
_JOINED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")     # "J.P. Morgan", "W.E.B. Du Bois"
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.){3,6}$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_WORD = re.compile(r"\w[\w'-]*")

# priority of a rule when candidates overlap: higher wins, then the longer span
P_TITLE, P_RULE, P_MODEL, P_WEAK = 4, 3, 2, 1


def make(options=None) -> "PeopleStage":
    return PeopleStage()


@dataclass
class Candidate:
    kind: str                 # person | organization
    nstart: int
    nend: int
    name: str                 # the name as it should be read (titles stripped)
    priority: int
    source: str
    confidence: float = 0.85
    attrs: dict = field(default_factory=dict)


class PeopleStage(BaseStage):
    name = "people"

    def begin(self, doc: Document) -> None:
        doc.state["people_candidates"] = []

    def process(self, doc: Document, section) -> None:
        try:
            doc.state.setdefault("people_candidates", []).extend(_collect(doc, section))
        except Exception as e:  # one odd section must not stop the run
            doc.meta.setdefault("warnings", []).append(f"people: {type(e).__name__}: {e}")

    def finish(self, doc: Document) -> None:
        try:
            cands = doc.state.get("people_candidates", []) + _note_authors(doc)
            cands = _drop_lone_guesses(_drop_unlikely(doc, cands))   # before propagation: bad surnames do not spread
            cands = _drop_titled_org_words(doc, cands)
            cands = _capitals(doc, _inverted(doc, cands))
            cands = _drop_places(doc, _drop_unlikely(doc, _propagate(doc, cands)))
            _build(doc, _resolve_overlaps(cands))
            narrator = find_narrator(doc)
            if narrator:
                doc.meta["narrator"] = narrator
        except Exception as e:
            doc.meta.setdefault("warnings", []).append(f"people: {type(e).__name__}: {e}")


# -- collecting candidates ----------------------------------------------------

class _Context:
    """What a section's rules need: skip spans and place spans, in normalised offsets."""

    def __init__(self, doc: Document, section) -> None:
        self.doc = doc
        self.base = section.nstart
        self.skip = [(s, e) for s, e in doc.state.get("skip_spans", []) if e > section.nstart and s < section.nend]
        self.places = []   # (s, e, resolved)
        for m in doc.mentions_of("place", nstart=section.nstart, nend=section.nend):
            ent = doc.entities.get(m.entity) if m.entity else None
            resolved = bool(m.entity) and (ent is None or ent.geo is not None)
            self.places.append((m.nstart, m.nend, resolved))

    def skipped(self, s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in self.skip)

    def covered_by_place(self, s: int, e: int) -> bool:
        """A place mention covers all of s..e ("the Moscow train"), not just a word ("Canadian Pacific")."""
        for a, b, _res in self.places:
            if a < e and s < b and 2 * (min(b, e) - max(a, s)) > e - s:
                return True
        return False

    def place(self, s: int, e: int) -> str | None:
        """"resolved" / "unresolved" if a place mention overlaps, else None."""
        got = None
        for a, b, res in self.places:
            if a < e and s < b:
                if res:
                    return "resolved"
                got = "unresolved"
        return got


def _cap(tok) -> bool:
    return _cap_text(tok.text)


@lru_cache(maxsize=65536)
def _cap_text(text: str) -> bool:
    return bool(_NAME_TOKEN.match(text)) and text.lower() not in words("not_names")


def _name_run(sd, i: int, limit: int = 4) -> int:
    """End index (exclusive) of a run of name tokens starting at ``i``."""
    j = i
    while j < len(sd) and j - i < limit:
        t = sd[j]
        if j > i and t.is_sent_start:
            break           # "James I. On the road..."
        if _cap(t) and t.text.lower() not in words("titles") and t.text.lower() not in words("org_heads"):
            j += 1
            # a hyphenated name: "Wolseley-Grant", "Tao-ming"
            if j + 1 < len(sd) and sd[j].text == "-" and not sd[j - 1].whitespace_ and not sd[j].whitespace_ \
                    and sd[j + 1].is_alpha:
                j += 2
        elif t.text.lower() in words("particles") and (j > i or (i > 0 and sd[i - 1].lower_ in words("titles"))) \
                and j + 1 < len(sd) and (
                _cap(sd[j + 1]) or (sd[j + 1].text.lower() in words("particles") and j + 2 < len(sd)
                                    and _cap(sd[j + 2]))):
            j += 1          # "de Vega", "de la Vega", "van der Berg"
        else:
            break
    return j


def _collect(doc: Document, section) -> list[Candidate]:
    sdoc = section.spacy
    if sdoc is None:
        return []
    # a list of tokens: indexing a spaCy Doc builds a new Token object each time
    sd = list(sdoc)
    ctx = _Context(doc, section)
    base = section.nstart
    out: list[Candidate] = []
    body_start, body_end = doc.nbody    # a licence or front matter around the body is not the narrative

    def add(kind, i, j, priority, source, conf=0.85, name=None, **attrs):
        if j <= i:
            return
        s, e = base + sd[i].idx, base + sd[j - 1].idx + len(sd[j - 1].text)
        if s < body_start or e > body_end:
            return
        # drop a possessive "'s" and trailing dots of abbreviations are kept
        text = doc.norm[s:e]
        if text.endswith("'s"):
            e -= 2
            text = text[:-2]
        if ctx.skipped(s, e) or not text.strip():
            return
        out.append(Candidate(kind, s, e, name or text, priority, source, conf, dict(attrs)))

    vessel_names = set()
    for k, t in enumerate(sd):
        if t.lower_ in words("vessel_words") and k + 1 < len(sd) and _cap(sd[k + 1]):
            vessel_names.add(sd[k + 1].text)
    doc.state.setdefault("vessel_names", set()).update(vessel_names)

    lower_words = {t.text for t in sd if t.text.islower()}
    _class_words(doc, sdoc, sd)
    person_ok = _person_surfaces(sdoc, sd)
    taken = set()   # token indices claimed by title rules
    n = len(sd)
    i = 0
    while i < n:
        t = sd[i]
        low = t.lower_
        # A. titles before names, with lists after plural titles
        if low in words("titles") and i + 1 < n and sd[i + 1].lower_ not in words("titles") and (
                _cap(sd[i + 1]) or (sd[i + 1].lower_ in words("particles") and _name_run(sd, i + 1) > i + 2)):
            if t.is_sent_start and t.text[0].isupper() and low in {"father", "mother", "brother", "sister", "master", "private", "major", "count", "justice", "elder", "don", "general"} and not sd[i + 1].pos_ == "PROPN":
                i += 1
                continue
            if low in words("place_prefixes"):
                i += 1          # "St. Jago": a place or a saint's day, not a person
                continue
            if not t.text.endswith(".") and sd[i + 1].pos_ != "PROPN" \
                    and sd[i + 1].lower_ in lowercase_words(doc):
                i += 1          # "General Aspect", "the elder Fuegian": a common word after the title
                continue
            j = _name_run(sd, i + 1)
            if _org_after_run(sd, i, j):
                i += 1          # "the General Managers' Association", "the Elder Dempster line"
                continue
            if low.rstrip(".") == "messrs" and j > i + 2 and sd[j - 1].lower_ in {"brothers", "sons", "co", "co."}:
                add("organization", i + 1, j, P_TITLE, "firm", 0.8)    # "Messrs. Baring Brothers"
                taken.update(range(i, j))
                i = j
                continue
            if low.rstrip(".") == "messrs" and j > i + 1:
                firm = _firm_after_messrs(sd, i + 1, j)
                if firm:
                    add("organization", i + 1, firm, P_TITLE, "firm", 0.8)
                    taken.update(range(i, firm))
                    i = firm
                    continue
            if j > i + 1 and not _is_place_run(ctx, sd, base, i + 1, j):
                j = _inverted_tail(sd, j)
                add("person", i + 1, j, P_TITLE, "title", 0.9, title=t.text)
                taken.update(range(i, j))
                # "Comrades Syermuks and Poznansky", "Generals A, B and C"
                k = j
                while k + 1 < n and sd[k].lower_ in {",", "and", "&"}:
                    k2 = k + 1
                    if sd[k2].lower_ == "and" and sd[k].text == ",":
                        k2 += 1
                    if k2 < n and _cap(sd[k2]) and sd[k2].lower_ not in words("titles"):
                        e2 = _name_run(sd, k2)
                        if low.endswith("s") or sd[k].lower_ in {"and", "&"} or sd[k2 - 1].lower_ in {"and", "&"}:
                            if _is_place_run(ctx, sd, base, k2, e2):
                                break
                            add("person", k2, e2, P_TITLE, "title-list", 0.85, title=t.text)
                            taken.update(range(k2, e2))
                            k = e2
                            continue
                    break
                i = max(j, k)
                continue
        i += 1

    for i, t in enumerate(sd):
        if i in taken:
            continue
        # B. post-nominal titles: "Kemal Pasha"
        if t.lower_ in words("post_titles") and i > 0 and _cap(sd[i - 1]) and t.text[0].isupper() and i - 1 not in taken:
            add("person", i - 1, i + 1, P_RULE, "post-title", 0.85)
            taken.update((i - 1, i))
            continue
        # D. a known given name followed by capitalised words: "Anatole France"
        if _cap(t) and t.pos_ == "PROPN" and not t.is_stop and t.lower_ not in lower_words \
                and t.ent_type_ in ("", "PERSON") and not t.text.isupper() and is_given_name(t.text) and i + 1 < len(sd) and _cap(sd[i + 1]) \
                and (i == 0 or sd[i - 1].lower_ not in PLACE_PREPOSITIONS) and not t.is_sent_end:
            j = _name_run(sd, i)
            if j >= i + 2 and ctx.place(base + t.idx, base + t.idx + len(t.text)) is None \
                    and not any(sd[x].text in vessel_names for x in range(i, j)) \
                    and (j >= len(sd) or sd[j].lower_ not in words("org_heads")) \
                    and sd[i + 1].text not in {"of", "and"} and not _firm(sd, i):
                j = _inverted_tail(sd, j)
                add("person", i, j, P_RULE, "given-name", 0.8)
                taken.update(range(i, j))
                continue
        # E. initials before a surname: "L. Trotsky", "P A Zlydnev"
        if _is_initial(t) and (i == 0 or not _is_initial(sd[i - 1])):
            j = i
            while j < len(sd) and _is_initial(sd[j]):
                j += 1
            dotted = any(sd[x].text.endswith(".") for x in range(i, j))
            if j - i == 1 and t.lower_ in words("place_prefixes"):
                continue        # "S. Carlos": San Carlos
            if j < len(sd) and (j - i >= 2 or dotted) and _cap(sd[j]) \
                    and (len(sd[j].text) > 2 or (sd[j].lower_ in words("particles") and _name_run(sd, j, 3) > j + 1)) \
                    and sd[j].text not in vessel_names:
                e = _name_run(sd, j, 2)
                if e > j and ctx.place(base + sd[j].idx, base + sd[e - 1].idx + 1) is None:
                    add("person", i, e, P_RULE, "initials", 0.85)
                    taken.update(range(i, e))
                    continue
        # F. firms: "the firm of Kaplan and Roth", "Fisher and Dale's office", "Hart & Co."
        if _cap(t) and (i == 0 or sd[i - 1].lower_ not in {"and", "&"}):
            firm = _firm(sd, i)
            if firm:            # a firm may be named after places: "the Volga and Kama company"
                add("organization", i, firm, P_RULE, "firm", 0.75)
                taken.update(range(i, firm))
                continue
        # G. the operator of a transport service: "the Cunard liner", "a Pan American flight"
        if _cap(t) and i > 0 and sd[i - 1].lower_ in {"the", "a", "an", "every", "each", "another"}:
            carrier = _carrier(sd, i)
            if carrier:
                cs, ce = base + t.idx, base + sd[carrier - 1].idx + len(sd[carrier - 1].text)
                if not ctx.covered_by_place(cs, ce) and not any(sd[x].text in vessel_names for x in range(i, carrier)) \
                        and sd[carrier - 1].text not in _geographic_names(doc):
                    add("organization", i, carrier, P_RULE, "carrier", 0.7)
                    taken.update(range(i, carrier))
                    continue
        # K. organizations by head noun: "the Central Committee", "the Duma"
        if _head_word(t) and t.text[0].isupper() and not (t.text.isupper() and len(t.text) > 1) \
                and i not in taken and not (i > 0 and sd[i - 1].text == "-"):
            cand = _org_phrase(sd, i)
            if cand:
                a, b = cand
                # the head itself must not be a place's ("the Atlantic Line" is no place,
                # "the New York Times" no town, "Government House" no government)
                person_like = t.lower_ not in words("org_heads") \
                    and (a == 0 or sd[a - 1].lower_ not in {"the", "a", "an"}) \
                    and (is_given_name(sd[a].text) or t.ent_type_ == "PERSON")
                if ctx.place(base + t.idx, base + t.idx + len(t.text)) != "resolved" and not person_like:
                    # "Emily Post", "Henry Cabot Lodge": a person whose surname is a company word
                    add("organization", a, b, P_RULE, "org-head", 0.8)
                    taken.update(range(a, b))
                    continue
        # J. well-known bodies named without a head: "the Gestapo", "the Red Cross"
        known = known_org(sd, i)
        if known and not any(x in taken for x in range(i, known)):
            k0 = i
            while k0 > 0 and _cap(sd[k0 - 1]) and not sd[k0 - 1].is_sent_start and k0 - 1 not in taken \
                    and i - k0 < 3:
                k0 -= 1     # "the Mexican Red Cross", "the International Red Cross"
            add("organization", k0, known, P_RULE, "known-org", 0.8)
            taken.update(range(k0, known))
            continue
        # M. numbered units: "the 15th Infantry", "the 43rd Division"
        unit = numbered_unit(sd, i)
        if unit and not any(x in taken for x in range(i, unit)):
            add("organization", i, unit, P_RULE, "numbered-unit", 0.8)
            taken.update(range(i, unit))
            continue
        # N. foreign names opened by their head: "Colegio Madrid", "Garde Mobile"
        lead = lead_head_phrase(sd, i) if i not in taken else None
        if lead and ctx.place(base + t.idx, base + t.idx + len(t.text)) is None:
            add("organization", i, lead, P_RULE, "lead-head", 0.75)
            taken.update(range(i, lead))
            continue
        # L'. an acronym in brackets defines the name before it: "the Labour Office (ILO)"
        defined = defined_acronym(sd, i)
        if defined is not None and not any(x in taken for x in range(defined, i - 1)):
            add("organization", defined, i - 1, P_RULE, "acronym-defined", 0.8)
            taken.update(range(defined, i - 1))
            add("organization", i, i + 1, P_RULE, "acronym-defined", 0.8)
            taken.add(i)
            continue
        # L. acronyms: "the GPU"
        if _ACRONYM.match(t.text) and not _ROMAN.match(t.text) and t.text.lower() not in words("not_names") \
                and not _caps_line(sd, i) and t.ent_type_ not in ("GPE", "LOC") and not _shouted(doc, t.text):
            if ctx.place(base + t.idx, base + t.idx + len(t.text)) is None:
                add("organization", i, i + 1, P_WEAK, "acronym", 0.6)
        # "the A.R.U.", "of the C.M.S.": three or more dotted capitals, not before a name ("H.M.S. Beagle")
        elif _DOTTED_ACRONYM.match(t.text) and t.ent_type_ not in ("GPE", "LOC") \
                and not set(t.text.replace(".", "")) <= set("NSEW") \
                and t.lower_ not in words("vessel_words") and t.lower_ not in words("not_names") \
                and not (i + 1 < len(sd) and _cap(sd[i + 1])) and not (i > 0 and sd[i - 1].like_num) \
                and not (i > 0 and sd[i - 1].text == ","):
            if ctx.place(base + t.idx, base + t.idx + len(t.text)) is None:
                add("organization", i, i + 1, P_WEAK, "acronym", 0.6)

    for ent in sdoc.ents:
        a, b = ent.start, ent.end
        while a < b and sd[a].lower_ in {"the", "a", "an"}:
            a += 1
        while b > a and (sd[b - 1].is_punct or sd[b - 1].is_space or sd[b - 1].text == "'s"):
            b -= 1
        if b <= a or any(x in taken for x in range(a, b)):
            continue
        s, e = base + sd[a].idx, base + sd[b - 1].idx + len(sd[b - 1].text)
        span_text = doc.norm[s:e]
        if "\n" in span_text or not span_text[0].isupper():
            continue
        place = ctx.place(s, e)
        prev = sd[a - 1] if a > 0 else None
        after_vessel = prev is not None and prev.lower_ in words("vessel_words") or span_text in vessel_names
        if _taxon_context(sd, a, b) or _possessive_name(sd, a, b):
            continue        # a Latin name; "Guy's Hospital": neither "Guy" nor "Hospital" a person
        if after_vessel or (prev is not None and prev.lower_ in words("place_prefixes") and prev.text[:1].isupper()):
            continue
        label = ent.label_
        single = b - a == 1
        tok = sd[a]
        if label == "NORP":
            if b < len(sd) and sd[b].lower_ in words("nation_orgs"):
                add("organization", a, b + 1, P_RULE, "nation-org", 0.8)
            continue
        evidence = _person_evidence(doc, sd, a, b)
        if label == "PERSON" and single and tok.lower_ in words("org_heads"):
            add("organization", a, b, P_MODEL, "model", 0.7)
            continue
        if label == "PERSON":
            while b - a > 1 and sd[a].is_sent_start and (sd[a].pos_ not in ("PROPN",) or sd[a].lower_ in lower_words):
                a += 1      # "Reached Kiel": a sentence-initial verb is not part of the name
                s = base + sd[a].idx
                span_text = doc.norm[s:e]
                single = b - a == 1
                tok = sd[a]
            if sum(1 for x in range(a, b) if sd[x].text.isupper() and len(sd[x].text) > 2) >= 2:
                continue    # a telegram in capitals, not a name
            if single and _modifies_next(sd, b):
                continue    # an adjective use: "Lithuanian chronicles", a genus: "Cynara cardunculus"
            if single and prev is not None and prev.lower_ == "the":
                continue    # "the Bosphorus": people do not take the article
            if single and _imperative(sd, a, b):
                continue    # "Kiss the children": a verb opening a sentence
            if any(sd[x].lower_ in {"and", "&"} for x in range(a, b)):
                k = a
                for x in list(range(a, b)) + [b]:
                    if x == b or sd[x].lower_ in {"and", "&", ","}:
                        if x > k and not _is_place_run(ctx, sd, base, k, x):
                            add("person", k, x, P_MODEL, "model", 0.7)
                        k = x + 1
                continue
            if _bad_person(doc, sd, a, b, span_text):
                continue
            if place == "resolved" and span_text not in person_ok:
                continue
            if place == "unresolved" and not evidence and span_text not in person_ok:
                continue
            if prev is not None and prev.lower_ in PLACE_PREPOSITIONS and not evidence:
                continue    # "at Punta Gorda", "near Rio de Janeiro"
            if _conj_with_place(ctx, sd, base, a, b):
                continue
            if all(sd[x].lower_ in words("titles") for x in range(a, b)):
                continue
            add("person", a, b, P_MODEL, "model", 0.8)
        elif label in ("ORG", "GPE", "LOC", "FAC") and evidence and not (single and _modifies_next(sd, b)) and (
                place != "resolved" or evidence in ("role", "social") or span_text in person_ok) \
                and not (place == "resolved" and prev is not None and prev.lower_ in PLACE_PREPOSITIONS):
            add("person", a, b, P_RULE, "evidence:" + evidence, 0.7)
        elif label == "ORG":
            if place or span_text.lower() in words("not_names") or _bad_org(span_text):
                continue
            if b < len(sd) and sd[b].text[:1].isupper() and sd[b].lower_ in words("titles"):
                continue        # "the Colonial Secretary": part of an office's title
            if prev is not None and prev.ent_type_ == "NORP" and prev.text[:1].isupper() and a - 1 not in taken \
                    and any(sd[x].lower_ in words("org_heads") or sd[x].lower_ in words("firm_heads")
                            or sd[x].lower_ in ("cross", "crescent") for x in range(a, b)):
                add("organization", a - 1, b, P_MODEL, "model", ORG_MODEL_CONFIDENCE)
                continue        # "the Mexican Red Cross", "the Dutch Reformed Church": one name
            if single and b < len(sd) and sd[b].pos_ == "NOUN" and sd[b].text.islower():
                continue        # an adjective use: "Monarchist parties", "the Obukhov plant"
            if _full_name(doc, sd, a, b, prev):
                add("person", a, b, P_RULE, "evidence:full-name", 0.7)
                continue
            conf = _org_guess(doc, sd, a, b, span_text)
            if conf:
                add("organization", a, b, P_MODEL, "model", conf, guess=conf < ORG_MODEL_CONFIDENCE)
    return out


ORG_MODEL_CONFIDENCE = 0.75      # a model ORG with an organisational head word, an acronym or a firm's "&"
ORG_GUESS_CONFIDENCE = 0.4       # a model ORG with none of these: kept only if the document repeats it
POSSESSIVES = {"his", "her", "their", "my", "our", "your", "its"}
_TAXON_END = re.compile(r"(?:us|um|ae|ii|ata|ium|ia|idae|ensis|oides|odon|therium|eae|i)$")


def _shouted(doc, word: str) -> bool:
    """An all-capitals word the document also writes in small letters ("JULY", "AFTER") is no acronym."""
    return word.lower() in lowercase_words(doc) or word.capitalize() in _title_words(doc)


def _title_words(doc: Document) -> frozenset[str]:
    got = doc.state.get("people_title_words")
    if got is None:
        got = doc.state["people_title_words"] = frozenset(
            w for w in _WORD.findall(doc.norm) if w[:1].isupper() and w[1:].islower())
    return got


def _org_guess(doc, sd, a: int, b: int, text: str) -> float | None:
    """How far to trust the model's ORG label on sd[a:b], or None to drop it.

    Measured on a long natural-history travel book, the model's ORG guesses
    without any mark of an organisation were nearly all animals, plant genera,
    places, book titles and capitalised common words; an organisational head
    word ("Society", "Airways"), an acronym or a firm's "&" is what the true
    ones had.
    """
    toks = [sd[x] for x in range(a, b)]
    if toks[0].lower_ in words("titles") or toks[0].lower_.rstrip(".") in words("titles"):
        return None         # "King of England": a title
    if b + 1 < len(sd) and sd[b].text in ("'s", "’s") and sd[b + 1].text[:1].isupper():
        return None         # "Banks's Cove": part of a place's name
    of = next((k for k, t in enumerate(toks) if t.lower_ == "of"), len(toks))
    head_zone = toks[:of]   # "Types of Organization": the head is "Types"
    if any(t.lower_ in words("org_heads") or (b - a > 1 and _head_word(t)) for t in head_zone):
        return ORG_MODEL_CONFIDENCE
    if b - a > 1 and toks[0].lower_ in words("lead_heads"):
        return ORG_MODEL_CONFIDENCE     # "Instituto Luis Vives"
    if b - a == 1 and _ACRONYM.match(text) and not _ROMAN.match(text) and not _caps_line(sd, a) \
            and not _shouted(doc, text):
        return ORG_MODEL_CONFIDENCE
    if "&" in text:
        return ORG_MODEL_CONFIDENCE
    if re.search(r"--|;|,|\d|\n|_|'s\b|’s\b", text) or text.endswith(("-", "'")):
        return None         # a run of headings, a list, a broken span, "Van Diemen's Land"
    if any(t.lower_ in words("place_words") or t.lower_ in words("place_prefixes") for t in toks):
        return None         # "Sierra Ventana", "St. Fe": a place
    if any(_TAXON_END.search(t.lower_) for t in toks if t.text[:1].isupper()):
        return None         # "Polyborus", "Macrauchenia", "Planariae": Latin names of animals and plants
    if any(t.text.isupper() and len(t.text) > 2 for t in toks):
        return None         # capitals of a licence or a heading
    content = [t for t in toks if t.text[:1].isupper()]
    lower = lowercase_words(doc)
    if not content or all(t.lower_ in lower for t in content) or content[0].lower_ in lower:
        return None         # "Voyage", "Erratic Boulders", "Types of Organization": common words with capitals
    if a > 0 and sd[a - 1].lower_ in POSSESSIVES:
        return None         # "in his Voyage": a book
    if b - a == 1 and _LATIN_WORD.search(text.lower()) and a > 0 and sd[a - 1].lower_ in QUANTIFIERS:
        return None         # "a Dermestes": an animal
    return ORG_GUESS_CONFIDENCE


_OBJECT_WORDS = {"the", "a", "an", "my", "your", "his", "her", "our", "their", "him", "them", "me", "us", "it",
                 "this", "that", "these", "those", "all", "everyone", "nobody"}


def _imperative(sd, a: int, b: int) -> bool:
    """A one-word "name" opening a sentence and followed by an object is a verb: "Greet the neighbours"."""
    t = sd[a]
    return t.is_sent_start and b < len(sd) and sd[b].lower_ in _OBJECT_WORDS and not is_given_name(t.text) \
        and t.text[1:].islower()


def _possessive_name(sd, a: int, b: int) -> bool:
    """ "X's Y" naming a place or an institution ("Guy's Hospital"): X before, or Y after, the possessive."""
    if b + 1 < len(sd) and sd[b].text in ("'s", "’s") and sd[b + 1].lower_ in words("institution_words") \
            and sd[b + 1].text[:1].isupper():
        return True
    if a >= 2 and sd[a - 1].text in ("'s", "’s") and _cap(sd[a - 2]) and sd[a].lower_ in words("institution_words"):
        return True
    return False


def _full_name(doc, sd, a: int, b: int, prev) -> bool:
    """A two- or three-word span opening with a known given name is a person's ("Mikhail Orlov")."""
    if not 2 <= b - a <= 3 or (prev is not None and prev.lower_ in {"the", "a", "an"}):
        return False
    toks = [sd[x] for x in range(a, b)]
    if all(_INITIAL.match(t.text) for t in toks[:-1]) and any(t.text.endswith(".") for t in toks[:-1]) \
            and (_cap(toks[-1]) or re.match(r"^[a-z]{1,2}['’][A-Z]", toks[-1].text)) and len(toks[-1].text) > 2:
        return True         # "M. A. Dubois"
    if not all(_cap(t) and not t.text.isupper() for t in toks):
        return False
    if any(t.lower_ in words("org_heads") or t.lower_ in words("firm_heads") or t.lower_ in words("place_words")
           for t in toks):
        return False
    lower = lowercase_words(doc)
    if any(t.lower_ in lower for t in toks) or len(toks[0].text) < 3:
        return False        # "Marine Lizard": common words, not a name
    return is_given_name(toks[0].text)


def _taxon_context(sd, a: int, b: int) -> bool:
    """A Latin name of a plant or animal: "(Aptenodytes demersa)", "the genus Millepora", "_Mulita_"."""
    prev = sd[a - 1] if a > 0 else None
    if prev is not None and prev.lower_ in words("taxon_words"):
        return True
    k = a - 1              # a list after one: "the genera Colymbetes, Hydroporus, Hydrobius"
    while k >= 1 and sd[k].text in {",", "and"} and _cap(sd[k - 1]) and a - k < 16:
        k -= 2
        if k >= 0 and sd[k].lower_ in words("taxon_words"):
            return True
    if prev is not None and prev.lower_ == "of" and a >= 2 and sd[a - 2].lower_ in words("taxon_words"):
        return True         # "species of Geospiza"
    if prev is not None and prev.lower_ == "of" and a >= 2 and sd[a - 2].lower_ in words("place_words"):
        return True         # "the hacienda of Quintero", "the plain of Guitron": a place
    if prev is not None and prev.text == "_" or sd[a].text.startswith("_"):
        return True         # italics in plain-text editions mark foreign words
    if b < len(sd):
        nxt = sd[b]
        if nxt.text.islower() and nxt.lower_ in words("place_words"):
            return True     # not a person either: "Mahlos-Mahdoo atoll"
        if prev is not None and prev.text == "(" and nxt.text[:1].islower() and _LATIN_WORD.search(nxt.text):
            return True
    return False


def _modifies_next(sd, b: int) -> bool:
    """The word before ``sd[b]`` modifies it: "Lithuanian chronicles", "Cynara cardunculus"."""
    if b >= len(sd):
        return False
    nxt = sd[b]
    return nxt.text.isalpha() and nxt.text.islower() and (
        nxt.pos_ in ("NOUN", "X") or (nxt.pos_ in ("ADJ", "PROPN") and bool(_LATIN_EPITHET.search(nxt.text))))


QUANTIFIERS = {"a", "an", "two", "three", "four", "five", "six", "many", "several", "some", "few", "these",
               "those", "other", "most", "all", "no", "every", "each", "another", "such"}


def _class_words(doc: Document, sdoc, sd) -> None:
    """Capitalised words the text uses as common nouns: "a Gaucho", "the Spaniards were", NORP names.

    Collected for the whole document in ``doc.state["people_class_words"]``; a
    one-word person name among them is a class of people (or a ship, a
    landmark), not a person.
    """
    found = doc.state.setdefault("people_class_words", set())
    for ent in sdoc.ents:
        if ent.label_ == "NORP" and len(ent) == 1:
            found.add(ent.text)
    n = len(sd)
    for i in range(1, n):
        t = sd[i]
        if not t.is_title or t.is_sent_start:
            continue
        prev = sd[i - 1].lower_
        if prev not in QUANTIFIERS and prev != "the":
            continue
        k = i + 1
        while k < n and sd[k].is_space:
            k += 1
        nxt = sd[k] if k < n else None
        if nxt is not None and (nxt.text[:1].isupper() or nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
                                or nxt.text == "'s"):
            continue        # "the Rosas government", "a Mr. Smith", "the Beagle Channel"
        if prev == "the" and not (t.text.endswith("s") or t.lower_ in lowercase_words(doc)):
            if t.pos_ == "PROPN":
                continue    # "the Bosphorus" is handled where it is read; keep plural and common words
        found.add(t.text)


def _person_surfaces(sdoc, sd) -> set[str]:
    """Names the model calls people and the text never uses as places.

    A gazetteer knows towns called after people; a surface form that the
    model labels a person at least twice, and that never follows "in", "at",
    "to", "from"... in the section, is a person even where a place matcher
    claimed it.  Possessives and evidence of a person ("Klyuchevsky's Russian
    history") count too.
    """
    labelled: Counter = Counter()
    place_ctx: set[str] = set()
    for ent in sdoc.ents:
        text = ent.text
        if ent.label_ == "PERSON":
            labelled[text] += 1
    for t in sd:
        if t.i > 0 and sd[t.i - 1].lower_ in PLACE_PREPOSITIONS | {"to", "from"} and _cap(t):
            place_ctx.add(t.text)
        if t.i + 1 < len(sd) and _cap(t) and sd[t.i + 1].lower_ in {"road", "district", "province", "station",
                                                                  "railway", "line", "river", "street"}:
            place_ctx.add(t.text)
    out = {s for s, n in labelled.items() if n >= 2 and s not in place_ctx}
    for t in sd:
        if _cap(t) and t.i + 1 < len(sd) and sd[t.i + 1].text == "'s" and has_surname_ending(t.text) \
                and t.text not in place_ctx:
            out.add(t.text)
    return out


def _is_place_run(ctx, sd, base, i, j) -> bool:
    return ctx.place(base + sd[i].idx, base + sd[j - 1].idx + len(sd[j - 1].text)) == "resolved"


def _inverted_tail(sd, j: int) -> int:
    """Extend "Trotsky" to "Trotsky, Lev Davydovich" when a given name (and patronymic) follows."""
    if j + 1 < len(sd) and sd[j].text == "," and _cap(sd[j + 1]) and is_given_name(sd[j + 1].text):
        k = j + 2
        if k < len(sd) and _cap(sd[k]) and re.search(r"(?:vich|vna|ovich|evich)$", sd[k].text):
            return k + 1
        if k >= len(sd) or sd[k].is_punct:
            return k
    return j


def _conj_run(sd, i: int) -> tuple[int, int] | None:
    """"Kaplan and Roth", "Hart & Lowe": (index of the joining word, end), or None."""
    j1 = _name_run(sd, i, 3)
    if j1 == i or j1 + 1 >= len(sd) or sd[j1].lower_ not in {"and", "&"}:
        return None
    if sd[j1 + 1].lower_ in {"co", "co.", "company", "son", "sons", "brothers"} and sd[j1 + 1].text[:1].isupper():
        return j1, j1 + 2   # "John Holt and Company", "Hart & Sons"
    j2 = _name_run(sd, j1 + 1, 3)
    if j2 == j1 + 1:
        return None
    return j1, j2


def _firm_after_messrs(sd, i: int, j: int) -> int | None:
    """"my bankers, Messrs. Kaplan and Roth": a firm when a trade, a firm noun or an address marks it.

    "Messrs. Kaplan and Roth walked with me" is two gentlemen: the title alone
    does not decide.
    """
    got = _conj_run(sd, i)
    if got is None:
        return None
    j1, j2 = got
    if _firm(sd, i):
        return _firm(sd, i)
    before = [x.lower_ for x in sd[max(0, i - 4):i - 1]]
    if any(w in words("firm_trades") for w in before):
        return j2
    if j2 + 2 < len(sd) and sd[j2].text == "," and sd[j2 + 1].lower_ == "of" and _cap(sd[j2 + 2]):
        return j2           # "Messrs. Kaplan and Roth, of Cheapside": a business address
    return None


def _firm(sd, i: int) -> int | None:
    """End of a firm's name "X and Y" starting at ``i`` when the text marks it as one.

    Two surnames joined by "and" are usually two people; a firm is marked by
    "& Co.", "the firm of", "X and Y's office", "the X and Y company".
    """
    got = _conj_run(sd, i)
    if got is None:
        return None
    j1, j2 = got
    if sd[j2 - 1].lower_ in {"co", "co."} or (sd[j2 - 1].lower_ in {"company", "son", "sons", "brothers"}
                                              and j2 - 1 == j1 + 1) or (
            j2 < len(sd) and sd[j2].lower_ in {"&", "and"}
            and j2 + 1 < len(sd) and sd[j2 + 1].lower_ in {"co", "co.", "sons"}):
        if sd[j2 - 1].lower_ not in {"co", "co.", "company", "son", "sons", "brothers"}:
            j2 += 2
        return j2
    before = " ".join(x.lower_ for x in sd[max(0, i - 3):i])
    if re.search(r"\b(?:firm|house|partnership|company) of(?: the)?$", before):
        return j2
    k = j2
    if k < len(sd) and sd[k].text in {"'s", "’s", "'"}:
        k += 1
    if k < len(sd) and sd[k].text.islower() and sd[k].lower_ in words("firm_nouns"):
        return j2
    return None


def _carrier(sd, i: int) -> int | None:
    """End of a capitalised name (1-3 words) standing before a transport service noun, or None."""
    j = i
    while j < len(sd) and j - i < 3 and _cap(sd[j]) and not sd[j].is_sent_start:
        j += 1
    if j == i or j >= len(sd):
        return None
    nxt = sd[j]
    if not nxt.text.islower() or nxt.lower_ not in words("carrier_nouns"):
        return None
    if j - i == 1 and (sd[i].ent_type_ in ("NORP", "GPE", "LOC") or sd[i].pos_ == "ADJ"
                       or sd[i].lower_ in words("titles")):
        return None         # "a Danish steamer", "the Odessa train"
    if any(sd[x].ent_type_ == "PERSON" for x in range(i, j)):
        return None
    return j


def _caps_line(sd, i: int) -> bool:
    """An all-capitals word in an all-capitals heading ("ON 19 SEPTEMBER") is not an acronym."""
    near = [sd[k] for k in range(max(0, i - 2), min(len(sd), i + 3)) if k != i and sd[k].is_alpha]
    return any(x.text.isupper() and len(x.text) > 1 for x in near)


_GEO_NOUNS = ("ridge", "ridges", "range", "ranges", "chain", "hills", "mountains", "mountain", "river", "valley",
              "plain", "plains", "pass", "bay", "island", "lake", "formation", "beds", "coast", "district")


def _geographic_names(doc: Document) -> frozenset[str]:
    """Capitalised words the document puts before a landform noun: "the Peuquenes ridge".

    Such a word before "line" is a geological or survey line, not a shipping line.
    """
    got = doc.state.get("people_geo_names")
    if got is None:
        nouns = "|".join(sorted(set(_GEO_NOUNS) | set(words("place_words"))))
        rx = re.compile(r"\b([A-ZÀ-ÖØ-Þ][\w'-]+)\s+(?:" + nouns + r")\b")
        got = doc.state["people_geo_names"] = frozenset(m.group(1) for m in rx.finditer(doc.norm))
    return got


def _is_initial(t) -> bool:
    """"L." or "L", or joined initials "J.P." that are not a ship's prefix or a country ("H.M.S.", "U.S.")."""
    if _INITIAL.match(t.text):
        return True
    return bool(_JOINED_INITIALS.match(t.text)) and not set(t.text.replace(".", "")) <= set("NSEW") \
        and t.lower_ not in words("vessel_words") \
        and t.ent_type_ not in ("GPE", "LOC", "NORP") and t.lower_ not in words("not_names")


def _head_word(t) -> bool:
    """A word that ends an organization's name: "Committee", "Railway", "Tribune"."""
    low = t.lower_
    return low in words("org_heads") or low in words("firm_heads") or low in newspaper_words()[0]


def _org_after_run(sd, i: int, j: int) -> bool:
    """The capitalised words after a title word ``sd[i]`` are an organization's, not a person's.

    "the General Managers' Association": an organization's head follows the
    run (perhaps after a possessive); "the Elder Dempster line", "every Elder
    Dempster boat": a transport service noun follows a run after a determiner.
    """
    if j <= i + 1 or j >= len(sd):
        return False
    k = j
    if sd[k].text in ("'", "'s", "’s", "’") and k + 1 < len(sd):
        k += 1
    nxt = sd[k]
    if nxt.text[:1].isupper() and _head_word(nxt):
        return True
    before = sd[i - 1].lower_ if i > 0 else ""
    return k == j and nxt.text.islower() and nxt.lower_ in words("carrier_nouns") \
        and before in {"the", "a", "an", "every", "each", "another"} and not sd[i].text.endswith(".")


def _after_the(sd, k: int) -> bool:
    """The capitalised words ending at ``sd[k]`` follow "the": "the Hudson's ...", not "Trotsky's ..."."""
    while k > 0 and _cap(sd[k - 1]) and not sd[k].is_sent_start:
        k -= 1
    return k > 0 and sd[k - 1].lower_ == "the"


def _org_left(sd, i: int) -> int:
    """Start of the capitalised words before ``sd[i]`` (hyphenated compounds included: "Anti-war")."""
    a = i
    while a > 0 and not sd[a - 1].is_sent_start and sd[a - 1].lower_ not in {"the", "and", "&"}:
        p = sd[a - 1]
        if _cap(p) or p.text == "-":
            a -= 1
        elif p.is_alpha and p.text.islower() and a >= 3 and sd[a - 2].text == "-" and _cap(sd[a - 3]):
            a -= 1          # the lower-case half of "Anti-dictatorial"
        elif p.text in ("'", "'s", "’s", "’") and a >= 2 and _cap(sd[a - 2]) and not sd[a - 2].is_sent_start \
                and (sd[a - 2].lower_ in words("titles") or sd[a - 2].lower_ in words("roles")
                     or (p.text in ("'", "’") and sd[a - 2].lower_.endswith("s"))
                     or (sd[i].lower_ in words("org_heads") and _after_the(sd, a - 2))):
            a -= 1          # "the Colonial Secretary's Office", "the Hudson's Bay Company"
        else:
            break
    if a > 0 and sd[a - 1].is_sent_start and _cap(sd[a - 1]) and sd[a - 1].lower_ not in {"the", "a", "an"}:
        a -= 1
    while a < i and sd[a].text == "-":
        a += 1
    return a


def _org_phrase(sd, i: int) -> tuple[int, int] | None:
    """The organization phrase around head noun ``sd[i]``, or None."""
    a = _org_left(sd, i)
    # "the Army and Navy Club", "the Mining and Forestry Institute": one name, not two
    if a < i and a >= 2 and sd[a - 1].lower_ in {"and", "&"} and _cap(sd[a - 2]) \
            and not sd[a - 2].is_sent_start and sd[a - 2].lower_ not in words("titles"):
        a = _org_left(sd, a - 1)
    b = i + 1
    # "of Workers' Deputies", "of the Communist International"
    if b + 1 < len(sd) and sd[b].lower_ in ("of", "for"):
        k = b + 1
        if k < len(sd) and sd[k].lower_ == "the":
            k += 1
        e = k
        while e < len(sd) and (_cap(sd[e]) or sd[e].text in {"'", "'s"} or (
                sd[e].text == "-" and e + 1 < len(sd) and _cap(sd[e + 1])) or (
                sd[e].lower_ in {"and", "&"} and e > k and e + 1 < len(sd) and _cap(sd[e + 1])
                and sd[e + 1].lower_ not in words("org_heads") and sd[e + 1].lower_ not in words("titles")
                and sd[e + 1].lower_.rstrip(".") not in words("titles"))) and sd[e].lower_ not in {"the"}:
            e += 1          # "of Trade and Industry" as well as "of Workers' Deputies"
        if e > k and not any(sd[x].lower_ in words("org_heads") for x in range(k, e)):
            b = e
    if a == i and b > i + 1 and sd[i].lower_ not in words("org_heads"):
        return None         # "the Mission of Cudico", "the Hospital of ...": a company word needs a name before it
    if b - a == 1:
        if bare_newspaper(sd, i):
            return a, b     # "in the Times"
        if sd[i].lower_ not in words("org_heads"):
            return None     # "the Line", "the Press": company words name a company only with a name
        # a bare head word is an organization only as a noun after "the": "the Duma", "the Soviet"
        if a == 0 or sd[a - 1].lower_ != "the":
            return None
        if b < len(sd) and (sd[b].pos_ in ("NOUN", "PROPN", "ADJ") and not sd[b].is_punct):
            return None
    return a, b


def _person_evidence(doc, sd, a: int, b: int) -> str | None:
    """Why a span the model did not call a person is one, or None."""
    last = sd[b - 1]
    text = " ".join(sd[x].text for x in range(a, b))
    # apposition with a role: "Kavtaradze, the former chairman"
    for x in range(a, b):
        for ch in sd[x].children:
            if ch.dep_ == "appos" and ch.i > b and sd[b].text == "," and ch.lemma_.lower() in words("roles"):
                return "role"
    if b + 2 < len(sd) and sd[b].text == ",":
        k = b + 1
        if sd[k].lower_ in {"the", "a", "an", "our", "his", "her", "their", "my", "its"}:
            for x in range(k + 1, min(len(sd), k + 5)):
                if sd[x].lower_ in words("roles") and not (
                        x + 1 < len(sd) and sd[x + 1].pos_ in ("NOUN", "PROPN") and sd[x + 1].text.islower()):
                    return "role"
                if sd[x].is_punct:
                    break
    # a lone given name: "Natalia", "Nikita"
    if b - a == 1 and given_name_gender(text) and (a == 0 or sd[a - 1].lower_ not in PLACE_PREPOSITIONS):
        return "given-name"
    # "my first acquaintance with Istrati"
    if last.dep_ == "pobj" and last.head.lower_ == "with" and last.head.head.lower_ in words("social_words"):
        return "social"
    # an East European surname ending, used as a name (possessive, list or subject)
    if b - a == 1 and has_surname_ending(text) and (
            (b < len(sd) and sd[b].text == "'s") or last.dep_ in ("conj", "nsubj", "appos", "poss")):
        return "surname"
    return None


def _bad_person(doc, sd, a: int, b: int, text: str) -> bool:
    if any(ch.isdigit() for ch in text) or text.lower() in words("not_names"):
        return True
    parts = text.split("-")
    if len(parts) > 2 and len({p.lower() for p in parts}) == 1:
        return True            # "Chu-chu-chu-chu"
    if b - a == 1 and sd[a].is_sent_start:
        low = text.lower()
        if low != text and low in lowercase_words(doc):
            return True        # a common word capitalised at a sentence start ("Sciatica")
    return False


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


def _bad_org(text: str) -> bool:
    return len(text) < 2 or text.islower()


def _conj_with_place(ctx, sd, base, a, b) -> bool:
    """A name listed among places ("Tver, Rostov, Kursk") is a place."""
    tok = sd[b - 1]
    related = [tok.head] if tok.dep_ == "conj" else []
    related += [c for c in tok.children if c.dep_ == "conj"]
    for r in related:
        if ctx.place(base + r.idx, base + r.idx + len(r.text)):
            return True
    return False


def _note_authors(doc: Document) -> list[Candidate]:
    """Authors the notes stage found in notes: people mentions too."""
    out = []
    for s, e in doc.state.get("note_authors", []):
        text = doc.norm[s:e]
        # "Cuvier. Ossemens Fossils", "Azara's Voyage": the author, not the title after
        for cut in _AUTHOR_END.finditer(text):
            before = text[:cut.start()].split()
            if cut.group() == "'s" or (before and before[-1].lower() + "." not in words("titles")
                                        and before[-1].lower() not in words("titles")):
                text = text[:cut.start()]
                break
        for part in split_list(text):
            k = doc.norm.find(part, s, e)
            if k >= 0:
                out.append(Candidate("person", k, k + len(part), part, P_RULE, "note-author", 0.9))
    return out


class _Spans:
    """Disjoint sorted spans for fast overlap tests (overlapping input spans are merged)."""

    def __init__(self, spans) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and a < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_right(self.starts, s)
        if k > 0 and self.ends[k - 1] > s:
            return True
        return k < len(self.starts) and self.starts[k] < e


_SURNAME_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]+),[ \t\u00a0]*$")


def _known_full_names(cands: list[Candidate]) -> dict[str, list]:
    """Folded surname -> the parsed full names (with a given name or initial) the candidates give it."""
    out: dict[str, list] = {}
    for c in cands:
        if c.kind == "person":
            p = parse_name(c.name)
            if p.first and p.last:
                out.setdefault(fold(p.last), []).append(p)
    return out


def _inverted(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """"Mavrin, Pavel Ilyich": a surname and comma before given names make one inverted name.

    Only when the document also names that person the usual way round ("Pavel
    I. Mavrin"), so a list of people ("Mavrin, Pavel Orlov") is left alone.
    """
    known = _known_full_names(cands)
    if not known:
        return cands
    for c in cands:
        if c.kind != "person" or "," in c.name:
            continue
        p = parse_name(c.name)
        given = c.name.split()
        if len(given) < 2 or not is_given_name(given[0]):
            continue        # "Orlov, Anna and Ivan": a list; "Orlov, Anna Ivanovna": one name
        if re.match(r"\s*(?:and|&)\b", doc.norm[c.nend:c.nend + 6]):
            continue
        m = _SURNAME_BEFORE.search(doc.norm, max(0, c.nstart - 40), c.nstart)
        if not m or fold(m.group(1)) == fold(p.last):
            continue
        q = parse_name(f"{m.group(1)}, {c.name}")
        if any(fold(k.last) == fold(q.last) and k.first and fold(k.first) != fold(q.last)
               and compatible_given(q, k) and _middle_agrees(q, k) for k in known.get(fold(m.group(1)), [])):
            c.nstart = m.start(1)
            c.name = doc.norm[c.nstart:c.nend]
    return cands


def _middle_agrees(a, b) -> bool:
    """Middle names that do not contradict: "K." and "Konstantinou", or one of them missing."""
    ma, mb = fold(a.middle), fold(b.middle)
    return not ma or not mb or ma[:1] == mb[:1]


def _capitals(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A name written in capitals in a heading ("STATEMENT OF PAVEL I. MAVRIN") is the same name.

    The surnames of full names found elsewhere are looked for in capitals,
    with capital given names or initials before them that agree with the
    known given names; the mention keeps the text, the name is read in
    ordinary case so the two forms cluster.
    """
    known = _known_full_names(cands)
    if not known:
        return cands
    taken = _Spans([(c.nstart, c.nend) for c in cands])
    bstart, bend = doc.nbody
    out = list(cands)
    for key, parts in known.items():
        last = parts[0].last
        if len(last) < 3 or not last[:1].isupper():
            continue
        up = re.escape(last.upper())
        rx = re.compile(r"(?<![\w'-])((?:[A-ZÀ-ÖØ-Þ]+\.?[ \u00a0]+){0,3})" + up + r"(?![\w-])")
        for m in rx.finditer(doc.norm, bstart, bend):
            s, e = m.span()
            pre = m.group(1).split()
            while pre and not _given_agrees(pre[0], parts):
                pre.pop(0)      # "STATEMENT OF": not part of the name
            if not pre or not all(_given_agrees(w, parts) for w in pre):
                continue
            s = e - len(last)
            for w in reversed(pre):
                s = doc.norm.rfind(w, m.start(), s)
            if s < 0 or taken.overlaps(s, e):
                continue
            name = " ".join(w.capitalize() if len(w.rstrip(".")) > 1 else w for w in doc.norm[s:e].split())
            out.append(Candidate("person", s, e, name, P_RULE, "capitals", 0.8))
    return out


def _given_agrees(word: str, parts) -> bool:
    w = fold(word)
    if not w:
        return False
    for p in parts:
        given = [fold(x) for x in p.given]
        if (len(w) == 1 and any(g[:1] == w for g in given)) or w in given:
            return True
    return False


def _propagate(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """A surname once read as a person's is a person's elsewhere in the document too.

    The model may label "Orlov" a person in one sentence and an organization
    (or nothing) in the next; organization candidates that are exactly such a
    surname become people, and uncovered occurrences are added, except where
    a place, the notes section or another candidate already holds the text.
    """
    surnames = set()
    for c in cands:
        if c.kind == "person" and c.source != "given-name":
            last = parse_name(c.name).last
            if len(last) >= 3 and last[:1].isupper() and last.lower() not in words("not_names") \
                    and last.lower() not in words("titles"):
                surnames.add(last)
    if not surnames:
        return cands
    places = [(m.nstart, m.nend) for m in doc.mentions_of("place")]
    skip = list(doc.state.get("skip_spans", [])) + places
    out = []
    for c in cands:
        if c.kind == "organization" and c.name.strip() in surnames and c.source == "model":
            c = Candidate("person", c.nstart, c.nend, c.name.strip(), P_MODEL, "propagated", 0.7)
        out.append(c)
    blocked = _Spans(skip + [(c.nstart, c.nend) for c in out])
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
                         + r")(?![\w-])")
    bstart, bend = doc.nbody
    for m in pattern.finditer(doc.norm, bstart, bend):
        s, e = m.span()
        if blocked.overlaps(s, e):
            continue
        out.append(Candidate("person", s, e, m.group(), P_WEAK, "propagated", 0.7))
    return out


_PLACE_CONTEXT = re.compile(
    r"\b(?:in|at|near|towards|toward|via|through|across|into|onto|reached|reaching|leaving|left)\s+"
    r"([A-ZÀ-ÖØ-Þ][\w'-]+)\b(?!\s+[A-Z])")
# "in Austrian Galicia"
_PLACE_CONTEXT_ADJ = re.compile(r"\b(?:in|at|near|through|across|into)\s+[A-Z][\w'-]+\s+([A-Z][\w'-]+)\b(?!\s+[A-Z])")
# "by rail to Lemberg", "bound for Kiel", "travellers for Odessa"
_TRAVEL_CONTEXT = re.compile(
    r"\b(?:went|go|goes|going|gone|travelled|traveled|sailed|drove|rode|came|come|returned|journey|rail|train|"
    r"steamer|coach|road|route|way|bound|travellers|passengers|miles|versts|kilometres|kilometers)"
    r"\s+(?:on\s+|by\s+\w+\s+)?(?:to|for|from)\s+([A-Z][\w'-]+)")
WEAK_SOURCES = {"model", "propagated", "evidence:given-name", "evidence:surname"}


_LATIN_WORD = re.compile(r"(?:a|us|um|i|ii|ae|is|es|ensis|icus|ata|oides)$")
_AUTHOR_END = re.compile(r"(?<=\w\w)\.\s+[A-Z]|'s\b")
_STRONG_EPITHET = re.compile(r"(?:ensis|icus|icum|oides|iformis)$")
_LATIN_EPITHET = re.compile(r"(?:ensis|icus|icum|ica|oides|iformis|atus|ii|ae)$")
_ONLY_INITIALS = re.compile(r"^(?:[A-Z]\.?\s*)+$")


def _drop_unlikely(doc: Document, cands: list[Candidate]) -> list[Candidate]:
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
            name = _org_name(c.name)
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
                and _LATIN_EPITHET.search(toks[1].lower()) \
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


def _drop_titled_org_words(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """"General Managers" read as a title and a name is the start of "General Managers' Association".

    A person found after a title word is dropped when the title and the name
    together stand inside an organization's name elsewhere in the document
    ("the Elder Dempster line" makes "for Elder Dempster" the firm too).
    """
    def bare(text):
        return " " + re.sub(r"['’]s?(?!\w)", "", _org_name(text)) + " "
    org_texts = [bare(c.name) for c in cands if c.kind == "organization"]
    if not org_texts:
        return cands
    org_names = set(org_texts)
    out = []
    for c in cands:
        if c.kind == "person":
            title = c.attrs.get("title", "")
            if c.source.startswith("title") and title[:1].isupper() \
                    and any(bare(f"{title} {c.name}") in o for o in org_texts):
                continue
            if c.source in WEAK_SOURCES and len(doc.norm[c.nstart:c.nend].split()) > 1 \
                    and bare(doc.norm[c.nstart:c.nend]) in org_names:
                continue    # the model's "Elder Dempster" where the text names the firm
        out.append(c)
    return out


def _drop_lone_guesses(cands: list[Candidate]) -> list[Candidate]:
    """A model ORG guess with no mark of an organisation stays only if the document names it twice."""
    counts = Counter(org_key(_org_name(c.name)) for c in cands if c.kind == "organization")
    return [c for c in cands if not (c.kind == "organization" and c.attrs.get("guess")
                                     and counts[org_key(_org_name(c.name))] < 2)]


def _drop_places(doc: Document, cands: list[Candidate]) -> list[Candidate]:
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
    out = []
    for c in cands:
        if c.kind == "person" and (c.source in WEAK_SOURCES or c.source == "given-name") \
                and c.name.strip() in place_words and (len(c.name.split()) > 1 or c.source != "given-name"):
            continue
        if c.kind == "organization" and c.attrs.get("guess") and _org_name(c.name) in place_words:
            continue
        out.append(c)
    return out


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
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


# -- entities ---------------------------------------------------------------

def _build(doc: Document, cands: list[Candidate]) -> None:
    sent_starts = [s.nstart for s in doc.sentences]
    para_starts = [p.nstart for p in doc.paragraphs]
    people = [c for c in cands if c.kind == "person"]
    orgs = [c for c in cands if c.kind == "organization"]
    items = []
    for c in people:
        parts = parse_name(c.name)
        if not parts.last and not parts.first:
            continue
        items.append(Item(key=c, parts=parts, sentence=bisect_right(sent_starts, c.nstart) - 1,
                          paragraph=bisect_right(para_starts, c.nstart) - 1, pos=c.nstart))
    used_ids: set[str] = set(doc.entities)
    for cl in cluster_people(items):
        name = cl.canonical()
        eid = person_id(name)
        k = 2
        while eid in used_ids and doc.entities.get(eid) is not None and doc.entities[eid].kind == "person" \
                and eid in doc.state.get("people_ids", set()):
            eid = f"{person_id(name)}-{k}"
            k += 1
        doc.state.setdefault("people_ids", set()).add(eid)
        used_ids.add(eid)
        best = parse_name(name)
        attrs = {}
        if best.first:
            attrs["first"] = best.first
        if best.last:
            attrs["surname"] = best.last
        g = given_name_gender(best.first) if best.first and not best.is_initial() else None
        if g in ("male", "female"):
            attrs["gender"] = g
        titles = sorted({t for it in cl.items for t in it.parts.titles})
        if titles:
            attrs["titles"] = titles
        if cl.variants:
            attrs["variants"] = cl.variants
            attrs["merge"] = "variant spelling"
        ent = doc.entities.get(eid)
        if ent is None:
            ent = doc.entities[eid] = Entity(id=eid, kind="person", name=name, aliases=[],
                                             confidence=cl.confidence, attrs=attrs)
        for alias in [name] + cl.aliases():
            if alias not in ent.aliases:
                ent.aliases.append(alias)
        for it in cl.items:
            c = it.key
            m = doc.add_mention("person", c.nstart, c.nend, entity=eid, source=f"people:{c.source}",
                                confidence=round(c.confidence * cl.confidence, 3))
            if it.parts.titles:
                m.attrs["titles"] = it.parts.titles
    by_key: dict[str, list[Candidate]] = {}
    for c in orgs:
        name = _org_name(c.name)
        if not name:
            continue
        c.name = name
        by_key.setdefault(org_key(name), []).append(c)
    # plurals: "Soviets" joins "Soviet" when both are there
    for key in list(by_key):
        if key.endswith("s") and key[:-1] in by_key:
            by_key[key[:-1]].extend(by_key.pop(key))
    _link_short_forms(by_key)
    for key, cs in by_key.items():
        names = Counter(c.name for c in cs)
        name = max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n)))
        eid = f"organization:{slug(name)}"
        conf = max(c.confidence for c in cs)
        ent = doc.entities.get(eid)
        if ent is None:
            ent = doc.entities[eid] = Entity(id=eid, kind="organization", name=name, aliases=[], confidence=conf)
        for n in names:
            if n not in ent.aliases:
                ent.aliases.append(n)
        for c in cs:
            doc.add_mention("organization", c.nstart, c.nend, entity=eid, source=f"people:{c.source}",
                            confidence=c.confidence)


def _link_short_forms(by_key: dict[str, list[Candidate]]) -> None:
    """Join an acronym ("A.R.U.") or a bare head word ("the Society") to the one long name it stands for.

    An acronym joins the organization whose significant words have its letters
    as initials; a head word alone joins the one organization whose name ends
    with it. Where two names fit, nothing is joined.
    """
    long_names = {k: cs[0].name for k, cs in by_key.items() if len(cs[0].name.split()) > 1}
    for key in list(by_key):
        cs = by_key.get(key)
        if not cs:
            continue
        name = cs[0].name
        if len(name.split()) != 1:
            continue
        letters = acronym_letters(name)
        if letters:
            fits = [k for k, n in long_names.items() if initials(n) == letters]
            if not fits and len(letters) >= 3:     # "JDC" for the "American Joint Distribution Committee"
                fits = [k for k, n in long_names.items() if initials(n).endswith(letters)]
        elif _head_word_text(name):
            fits = [k for k, n in long_names.items() if _head_of(n) == name.lower()]
        else:
            continue
        if len(fits) == 1 and fits[0] in by_key and fits[0] != key:
            by_key[fits[0]].extend(by_key.pop(key))


def _head_of(name: str) -> str:
    """The head word of an organization's name: "Society for Exiles" -> "society"."""
    toks = name.split()
    for k, w in enumerate(toks):
        if k and w in ("of", "for"):
            return toks[k - 1].lower()
    return toks[-1].lower()


def _head_word_text(word: str) -> bool:
    low = word.lower()
    return low in words("org_heads") or low in words("firm_heads") or low in newspaper_words()[0]


def _org_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:'\"")
    if text.endswith(".") and not acronym_letters(text):
        text = text.rstrip(".")     # "A.R.U." keeps its last dot
    text = re.sub(r"^(?:the|The)\s+", "", text)
    return text


# -- narrator ---------------------------------------------------------------

_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
_SIGNATURE_AFTER = re.compile(r"^[\s.,]*(?:[\w ,]*\d{4}\.?)?[\s\"'.]*$")


def find_narrator(doc: Document) -> str | None:
    """The person who is "I" in a first-person document, when the text makes it clear.

    A person who signs a letter or statement in the text (a name alone at the
    end of a paragraph, perhaps with a date) is the narrator of a first-person
    text; failing a signature, the author the file's metadata names; failing
    that, the most often named person with a full name when they are named at
    least three times.
    """
    text = doc.norm
    words_count = max(1, len(text.split()))
    if len(_FIRST_PERSON.findall(text)) * 1000 / words_count < 8:
        return None
    signers: Counter = Counter()
    for m in doc.mentions_of("person"):
        if not m.entity:
            continue
        para = doc.paragraph_at(m.nstart)
        if para is None:
            continue
        after = text[m.nend:para.nend]
        before = text[para.nstart:m.nstart].rstrip()
        line_start = text.rfind("\n", para.nstart, m.nstart)
        starts_line = not before or before.endswith((".", ":", '"', "'")) or \
            (line_start >= 0 and not text[line_start + 1:m.nstart].strip())
        own_paragraph = not before and para.nstart > doc.paragraphs[0].nstart
        if (before or own_paragraph) and starts_line and _SIGNATURE_AFTER.match(after) and len(after) < 40:
            signers[m.entity] += 1
    if signers:
        return signers.most_common(1)[0][0]
    author = (doc.meta.get("author") or "").split(";")[0].strip().lower()
    if author:
        # the file names its author (Gutenberg "Author:", HTML/EPUB/PDF metadata): that is
        # the "I", whether or not the text names them; the most-named person is only a guess
        for e in doc.entities.values():
            if e.kind == "person" and author in [e.name.lower()] + [a.lower() for a in e.aliases]:
                return e.id
        return None
    counts = Counter(m.entity for m in doc.mentions_of("person") if m.entity)
    for eid, n in counts.most_common():
        ent = doc.entities.get(eid)
        if ent is not None and ent.attrs.get("first") and n >= 3:
            return eid
        break
    return None
