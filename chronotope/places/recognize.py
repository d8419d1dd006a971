"""Finding place names in a section: gazetteer matches, spaCy entities and context cues.

spaCy's small English model labels many historical place names as persons
or organisations (Pishpek, Alma-Ata, Tobolsk) and some surnames as places,
and a gazetteer of 240,000 places holds many surnames and common words.
Neither source decides alone: every candidate span gets a score from
evidence for a place (gazetteer hit, GPE/LOC label, "at X", "the river X",
"X station", a place cue for the same name elsewhere in the document) and
evidence for a person or a common word ("Bulanov announced", "the
representative of the GPU, Volynsky", part of a longer personal name, a
title, "the steamer Kalinin", a lower-case use of the word).  No library
weighs these cues for historical narratives, hence this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import normalize_name
from .cues import Cues
from .resolve import COMPATIBLE, coarse as coarse_feature
from ..stages.language import doc_ents as _ents, doc_text as _text

# spaCy labels and what they say about a place reading of the span.
LABEL_WEIGHT = {"GPE": 1.0, "LOC": 1.0, "FAC": 0.5, "ORG": 0.0, "PERSON": -1.0, "NORP": -1.5}
OTHER_LABEL_WEIGHT = -0.5
MAJOR_FEATURES = frozenset({"continent", "ocean", "country", "polity", "sea", "us_state", "admin1"})
MAJOR_POPULATION = 500_000
SETTLEMENTS = frozenset({"city", "town", "village"})
ACCEPT = 0.5          # a candidate is a place above this score
# labels that keep a capitalised word after "at" from being taken for a place by that cue alone
CUE_ONLY_BLOCKING_LABELS = frozenset({"PERSON", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL",
                                      "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE", "PERCENT",
                                      "QUANTITY"})
DESCRIPTION_TOWN = 20_000   # a town this big keeps a name of common words ("Palm Springs")
LONE_TOWN_POPULATION = 5_000    # a town this big, tagged PERSON alone after "at", is likely the town
# Weight of each kind of person evidence found at other occurrences of a name.
PERSON_WEIGHT = {"longname": 1.5, "title": 1.5, "appos": 1.5, "possessive": 1.0, "verb": 1.0, "label": 1.5}
ARTICLES = frozenset({"the", "a", "an"})
ORG_MODIFIER = 0.5    # "the Toronto police": the place is named, inside an organisation's name
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "central", "upper", "lower", "middle"})
_WORD = re.compile(r"[^\W\d_]+")
TOWN_WORDS = frozenset({"city", "town"})
PHYSICAL = frozenset({"river", "mountain", "lake", "region", "pass", "water"})
ROUTE_WORDS = frozenset({"to", "via", "through", "towards"})
PHYSICAL_HEADS = frozenset({"river", "mountain", "lake", "water", "island", "pass"})
VESSEL = "vessel"     # person-like evidence that stays at its occurrence (a ship named after a place)


def _route_span(ent) -> bool:
    """"Perpignan to Banyuls-sur-Mer" tagged PERSON: a lower-case route word between two
    capitalised words is a journey's span, not a personal name."""
    toks = list(ent)
    return any(t.lower_ in ROUTE_WORDS and t.is_lower and 0 < k < len(toks) - 1
               and _name_like(toks[k - 1]) and _name_like(toks[k + 1]) for k, t in enumerate(toks))


def _ents_at(sdoc, i: int) -> tuple:
    """The entity span holding token ``i`` (none or one: spaCy's entities do not overlap),
    from a per-token table built once, instead of a loop over the section's entities."""
    table = sdoc.user_data.get("chronotope.ents_at")
    if table is None:
        table = [()] * len(sdoc)
        for ent in _ents(sdoc):
            for k in range(ent.start, ent.end):
                table[k] = (ent,)
        sdoc.user_data["chronotope.ents_at"] = table
    return table[i]


@dataclass
class Candidate:
    """A span that may name a place, with the evidence for and against."""
    i: int                       # token span in the section's spaCy Doc
    j: int
    nstart: int                  # normalised document offsets
    nend: int
    text: str
    key: str
    places: list = field(default_factory=list)   # gazetteer candidates (best first)
    label: str | None = None
    source: str = "gazetteer"
    cue: str | None = None
    feature: str | None = None   # coarse feature class the context implies
    local: float = 0.0           # evidence at this occurrence
    person: set = field(default_factory=set)     # kinds of person evidence here
    place_cue: bool = False
    score: float = 0.0
    accepted: bool = False
    facility: bool = False       # a street or building named after a place
    inner: list = field(default_factory=list)     # gazetteer candidates of the place inside it
    building: bool = False       # a prison, street, airport... of a town: placed at the town
    street: bool = False         # listed before a plural street word ("Bourbon and Dauphine streets")

    @property
    def variant_only(self) -> bool:
        """Known to the gazetteer only in another transliteration: weak evidence."""
        return all(p.match == "variant" for p in self.places)
    reasons: list = field(default_factory=list)


class Evidence:
    """What the document says about a name across all its occurrences so far."""

    def __init__(self) -> None:
        self.person: dict[str, dict[str, set]] = {}   # key -> kind -> positions
        self.place: dict[str, set] = {}               # key -> positions with a place cue
        self.labels: dict[str, dict[str, set]] = {}   # key -> spaCy label -> positions

    def add_person(self, key: str, kind: str, pos: int) -> None:
        self.person.setdefault(key, {}).setdefault(kind, set()).add(pos)

    def add_place(self, key: str, pos: int) -> None:
        self.place.setdefault(key, set()).add(pos)

    def add_label(self, key: str, label: str, pos: int) -> None:
        self.labels.setdefault(key, {}).setdefault(label, set()).add(pos)

    def person_kinds_elsewhere(self, key: str, pos: int) -> set[str]:
        kinds = {k for k, ps in self.person.get(key, {}).items() if ps - {pos} and k != VESSEL}
        labels = self.labels.get(key, {})
        n_person = len(labels.get("PERSON", set()) - {pos})
        n_place = len((labels.get("GPE", set()) | labels.get("LOC", set())) - {pos})
        if n_person >= 2 and n_person > n_place:
            kinds.add("label")
        return kinds

    def place_elsewhere(self, key: str, pos: int) -> bool:
        return bool(self.place.get(key, set()) - {pos})


def lowercase_words(text: str) -> frozenset[str]:
    """Words used in lower case in the text: a capitalised use of one is likely a common word."""
    return frozenset(w for w in _WORD.findall(text) if w.islower() and len(w) > 2)


def _name_like(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and t[0].isalpha()


def _lower(tok) -> str:
    return tok.text.lower().rstrip(".")


class Recognizer:
    """Scores candidate place spans in one section (see module docstring)."""

    def __init__(self, gz, cues: Cues, year: int | None = None) -> None:
        self.gz = gz
        self.cues = cues
        self.year = year
        self._lookup_cache: dict[str, list] = {}

    def lookup(self, text: str) -> list:
        key = normalize_name(text)
        if key not in self._lookup_cache:
            try:
                self._lookup_cache[key] = self.gz.lookup(text, self.year) if key else []
            except Exception:  # a broken look-up must not break the pipeline
                self._lookup_cache[key] = []
        return self._lookup_cache[key]

    # ------------------------------------------------------------ candidates
    def candidates(self, sdoc, base: int, blocked) -> list[Candidate]:
        """Candidate spans of a section; ``blocked(nstart, nend)`` says a span is taken (dates...)."""
        toks = [t.text for t in sdoc]
        out: list[Candidate] = []
        taken = [False] * len(sdoc)
        try:
            spans = self.gz.match_tokens(toks, variants=False)
        except Exception:
            spans = []
        common = self.cues.common_words
        parts: set[int] = set()      # single words that are part of an unknown feature's name
        for i, j in self._facility_runs(sdoc, spans):
            # "near the Powder Tower", "in Moscow Suburb", "ashore at Circular Quay": a street,
            # building or quarter whose last word the gazetteer knows alone ("Tower": a
            # village) or whose first word is a town; the whole name is the place
            c = self._make(sdoc, base, i, j, "cue")
            c.facility = True
            if _lower(sdoc[j - 1]) in self.cues.named_after_town:
                c.inner = self.lookup(sdoc[i:j - 1].text)
            out.append(c)
            for k in range(i, j):
                taken[k] = True
        for i, j, _key in spans:
            if j - i > 1 and sdoc[j - 1].is_lower and sdoc[j - 1].lower_ in TOWN_WORDS \
                    and self.lookup(sdoc[i:j - 1].text):
                # "Hyderabad city", "Poona cantonment": GeoNames' alternate "Hyderabad City" is
                # another place; the name is the capitalised part, the feature word a cue
                j -= 1
            if j <= i or any(taken[i:j]):
                continue
            if j - i == 1 and self._part_of_feature_name(sdoc, i):
                # "Uluguru Mountains", "Hunter River": a feature the gazetteer does not know; its
                # head word alone ("Mountains": an alternate name of a province) or its first
                # word alone ("Hunter": villages, no river) is not it
                parts.add(i)
                continue
            if j - i == 1 and sdoc[i].lower_ in common and j < len(sdoc) and _name_like(sdoc[j]):
                # "Eastern Ghouta", "South Florida", "Latin America": a common word that
                # begins a longer name; the rest is looked at on its own
                continue
            if self._abbreviation(sdoc, i, j):
                continue
            if self._hyphen_part(sdoc, i, j):
                c = self._make(sdoc, base, i, j, "gazetteer")
                if not (self._prominent(c) and c.places[0].match == "exact"):
                    # "Croix-Rousse", "Nelson-Creston", "Miami-Dade": a part of a longer
                    # hyphenated name is no place of its own, unless a well-known one
                    for k in range(i, j):
                        taken[k] = True
                    continue
            fj = self._facility_end(sdoc, j)
            if fj and self._organization_head(sdoc[fj - 1]):
                # "the Pacific Railway", "the Hudson's Bay Company": a firm, no place
                j = fj
            elif fj:
                # "Press Street", "Florida Atlantic University": a longer name, not the town
                c = self._make(sdoc, base, i, fj, "cue", lookup=False)
                c.facility = True
                c.inner = self.lookup(sdoc[i:j].text)
                out.append(c)
                j = fj
            else:
                c = self._make(sdoc, base, i, j, "gazetteer")
                if j - i > 1 and sdoc[j - 1].lower_ in self.cues.facility_heads and c.places \
                        and c.places[0].feature in SETTLEMENTS and (
                        c.places[0].feature == "village" or (c.places[0].population or 0) < 10_000):
                    # "Washington Square": a square somewhere, more likely than a hamlet of that name
                    c.places = []
                    c.facility = True
                    c.source = "cue"
                out.append(c)
            for k in range(i, j):
                taken[k] = True
        # single words the gazetteer knows only in another transliteration ("Beresov")
        common = self.cues.common_words
        for i, tok in enumerate(sdoc):
            if taken[i] or i in parts or not _name_like(tok) or len(tok.text) < 4 or tok.lower_ in common:
                continue
            if self.lookup(tok.text) and self._part_of_feature_name(sdoc, i):
                parts.add(i)
                continue
            if self.lookup(tok.text):
                fj = self._facility_end(sdoc, i + 1)
                if fj:
                    # "Quarry Street": a street, not the town "Coari" spelt another way
                    c = self._make(sdoc, base, i, fj, "cue", lookup=False)
                    c.facility = True
                    c.inner = self.lookup(tok.text)
                    out.append(c)
                    for k in range(i, fj):
                        taken[k] = True
                    continue
                out.append(self._make(sdoc, base, i, i + 1, "gazetteer"))
                taken[i] = True
        for ent in _ents(sdoc):
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            i, j = ent.start, ent.end
            while i < j and (sdoc[i].lower_ in ARTICLES or not sdoc[i].text.strip()):
                i += 1
            while j > i and (not sdoc[j - 1].text.strip() or sdoc[j - 1].is_punct):
                j -= 1
            if i >= j or any(taken[i:j]) or not any(_name_like(t) for t in sdoc[i:j]) or (j - i == 1 and i in parts):
                continue
            if j - i > 1 and self._organization_head(sdoc[j - 1]):
                continue      # "the Northern Pacific Railroad" tagged FAC: a firm
            out.append(self._make(sdoc, base, i, j, "spacy"))
            for k in range(i, j):
                taken[k] = True
        # names only a cue marks: "the river Sosva", "a village called Oglbu"
        for i, tok in enumerate(sdoc):
            if taken[i] or not _name_like(tok) or i == 0:
                continue
            if self._feature_before(sdoc, i) or self._called(sdoc, i):
                j = i + 1
                while j < len(sdoc) and _name_like(sdoc[j]) and not taken[j]:
                    j += 1
                out.append(self._make(sdoc, base, i, j, "cue"))
                for k in range(i, j):
                    taken[k] = True
            elif not tok.is_sent_start and tok.lower_ not in common and self._facility_after(sdoc, i + 1):
                # "the Butyrki transit prison", "Hellinikon airport": a named building of a town
                c = self._make(sdoc, base, i, i + 1, "cue")
                c.facility = True
                out.append(c)
                taken[i] = True
            elif self._after_strong_locative(sdoc, i):
                # "blocked by snow at Finse", "the mills at Kreenholm": a name no gazetteer knows,
                # which the tagger calls an organisation or nothing, right after "at", "near"...
                j = i + 1
                while j < len(sdoc) and _name_like(sdoc[j]) and not taken[j] and not sdoc[j].is_sent_start:
                    j += 1
                if j < len(sdoc) and sdoc[j].text in ("'s", "’s"):
                    continue
                out.append(self._make(sdoc, base, i, j, "cue"))
                for k in range(i, j):
                    taken[k] = True
        # initials ("P. A. Zlydnev") are no place names
        out = [c for c in out if (not blocked(c.nstart, c.nend) or self._titled_feature(sdoc, c))
               and not self._abbreviation(sdoc, c.i, c.j)
               and not any(len(t.text) == 1 and t.text.isalpha() for t in sdoc[c.i:c.j])]
        for c in out:
            if c.places and not c.facility and self._facility_after(sdoc, c.j) and all(
                    p.match == "variant" or (p.feature == "village" and (p.population or 0) < 20_000)
                    for p in c.places):
                # "the Lukyanovka prison": a prison of the town of the scene, more likely
                # than a hamlet of that name spelt another way
                c.facility = True
                continue
            if not c.places and not c.facility and (
                    (c.j - c.i > 1 and _lower(sdoc[c.j - 1]) in self.cues.facility_heads)
                    or self._facility_after(sdoc, c.j)):
                c.facility = True     # "Stadiou Street", "the Butyrki transit prison"
        for c in self._street_lists(sdoc, out):
            # "down Bourbon and Dauphine streets": streets, not the island once called Bourbon
            c.places, c.facility, c.building, c.street, c.source = [], True, True, True, "cue"
        for c in out:
            # a building or street inside a town (not a railway or a canal named after one)
            c.building = c.building or c.facility and (_lower(sdoc[c.j - 1]) in self.cues.town_buildings
                                                       or self._facility_after(sdoc, c.j))
            if c.inner and _lower(sdoc[c.j - 1]) not in self.cues.named_after_town:
                c.inner = []      # "Washington Square" need not be in Washington
        out.sort(key=lambda c: c.i)
        return out

    def _facility_runs(self, sdoc, spans) -> list[tuple[int, int]]:
        """Capitalised names of two or more words ending in a street, building or quarter word
        ("Powder Tower", "Moscow Suburb", "Senate Square") that the gazetteer does not know as a
        whole: a gazetteer match of a part of one would take the wrong place."""
        heads = self.cues.facility_heads
        starts = {i: j for i, j, _ in spans}
        out = []
        for k, tok in enumerate(sdoc):
            if not _name_like(tok) or _lower(tok) not in heads or k == 0 or not _name_like(sdoc[k - 1]) \
                    or self._organization_head(tok):
                continue
            i = k - 1
            while i > 0 and _name_like(sdoc[i - 1]) and not sdoc[i].is_sent_start:
                i -= 1
            while i < k and (sdoc[i].lower_ in ARTICLES or (sdoc[i].is_sent_start and not sdoc[i].pos_ == "PROPN")):
                i += 1        # "The Powder Tower stands...": the article is no part of the name
            if i >= k or any(a <= i and k + 1 <= b for a, b in starts.items()):
                continue      # the gazetteer knows the whole name
            out.append((i, k + 1))
        return out

    def _after_strong_locative(self, sdoc, i: int) -> bool:
        """Token i begins a name right after a strong locative word ("at", "near", "beyond";
        not "in" or "to", which govern people and institutions as often), and the tagger
        does not call it a person, a people, a date or a work."""
        tok = sdoc[i]
        if tok.is_sent_start or tok.ent_type_ in CUE_ONLY_BLOCKING_LABELS or len(tok.text) < 3:
            return False
        k = i - 1
        if k >= 0 and sdoc[k].lower_ == "the":
            k -= 1
        return k >= 0 and sdoc[k].is_lower and self.cues.place_before.get(sdoc[k].lower_, 0.0) >= 1.0

    def _vessel_apposition(self, sdoc, j: int) -> bool:
        """", a small Dutch steamer" right after the name: the name is a vessel's."""
        if j + 2 >= len(sdoc) or sdoc[j].text != "," or sdoc[j + 1].lower_ not in ARTICLES:
            return False
        for t in sdoc[j + 2:j + 6]:
            if t.lower_ in self.cues.vessel_nouns:
                return True
            if not (t.is_alpha and t.pos_ in ("ADJ", "PROPN", "NOUN", "NUM")):
                return False
        return False

    def _organization_head(self, tok) -> bool:
        """A capitalised last word of a firm's name: "Railway", "Company"."""
        return _name_like(tok) and _lower(tok) in self.cues.organization_heads

    def _inside_organization(self, sdoc, c: Candidate) -> str | None:
        """The head word of a firm's name made of several place names that the name is listed
        in: "the Chicago, Rock Island and Pacific Railway", "the Baltimore and Ohio Railroad".
        One place before a firm's word ("the Jamaica Cancer Society") still names the place,
        as "the Toronto police" does."""
        k, words = c.j, []
        while k < len(sdoc) and k < c.j + 8:
            t = sdoc[k]
            if self._organization_head(t) and (k + 1 >= len(sdoc) or not _name_like(sdoc[k + 1])):
                if k > c.j and ("and" in words or "&" in words):
                    return t.text
                return None
            if not (_name_like(t) or t.lower_ in ("and", "&", "-", ",")):
                return None
            words.append(t.lower_)
            k += 1
        return None

    @staticmethod
    def _abbreviation(sdoc, i: int, j: int) -> bool:
        """An abbreviated word ("Mont.", "Wash. state") is no name to look up."""
        if j - i != 1 or len(sdoc[i].text) > 5:
            return False
        t = sdoc[i].text
        if t.endswith(".") and len(t) > 2:
            return True
        return (j + 1 < len(sdoc) and sdoc[j].text == "." and not sdoc[i].whitespace_
                and not sdoc[j + 1].is_title and not sdoc[j + 1].is_space)

    @staticmethod
    def _hyphen_part(sdoc, i: int, j: int) -> bool:
        """Whether tokens i..j are one part of a hyphenated name written without spaces
        ("Miami-Dade", "Croix-Rousse"): a capitalised word joined by a hyphen before or after.
        "London-based" (a lower-case word after) is not such a name."""
        def joined(h: int, k: int) -> bool:   # hyphen token h joins the word k to the span
            return (0 <= k < len(sdoc) and sdoc[h].text in ("-", "‐") and _name_like(sdoc[k])
                    and not sdoc[h].whitespace_ and not sdoc[min(h, k)].whitespace_)
        return (i >= 2 and joined(i - 1, i - 2)) or (j + 1 < len(sdoc) and joined(j, j + 1)
                                                     and not sdoc[j - 1].whitespace_)

    def _street_lists(self, sdoc, cands) -> list:
        """Names listed before a plural street word: "Bourbon and Dauphine streets".  A lone
        name before one ("the London streets") is the town whose streets they are."""
        out = []
        order = sorted(cands, key=lambda c: c.i)
        run: list = []
        for a in order:
            if run and not (a.i - run[-1].j <= 2 and all(
                    t.text in (",", "and", "&", "or") for t in sdoc[run[-1].j:a.i])):
                run = []
            run.append(a)
            after = sdoc[a.j] if a.j < len(sdoc) else None
            if len(run) >= 2 and after is not None and after.lower_ in self.cues.street_plurals:
                out += run
                run = []
        return out

    def _facility_end(self, sdoc, j: int) -> int | None:
        """End of a street/building name that continues a gazetteer name at token j, or None."""
        heads = self.cues.facility_heads
        k, end = j, None
        while k < len(sdoc) and k < j + 4:
            t = sdoc[k]
            if t.text == "-" or (t.text in ("'s", "’s") and k + 1 < len(sdoc)
                                  and sdoc[k + 1].lower_.rstrip(".") in heads):
                # "St. Peter's Basilica", but not "Seoul's Jamsil Stadium" (Seoul is a place)
                k += 1
                continue
            if not _name_like(t):
                break
            if t.lower_.rstrip(".") in heads:
                end = k + 1
            k += 1
        return end

    def _facility_after(self, sdoc, j: int) -> bool:
        """A lower-case building word within three words after token j-1: "X transit prison"."""
        for k in range(j, min(j + 3, len(sdoc))):
            t = sdoc[k]
            if not t.is_lower or not t.is_alpha:
                return False
            if t.lower_ in self.cues.town_buildings:
                return True
        return False

    def _make(self, sdoc, base: int, i: int, j: int, source: str, lookup: bool = True) -> Candidate:
        span = sdoc[i:j]
        ns = base + span.start_char
        ne = base + span.end_char
        text = span.text
        c = Candidate(i, j, ns, ne, text, normalize_name(text), source=source)
        c.places = self.lookup(text) if lookup else []
        labels = {t.ent_type_ for t in span if t.ent_type_}
        for lab in ("GPE", "LOC", "FAC", "PERSON", "NORP", "ORG"):
            if lab in labels:
                c.label = lab
                break
        else:
            c.label = next(iter(labels), None)
        return c

    # ------------------------------------------------------------ cues
    def _prev(self, sdoc, i: int, skip_articles: bool = True) -> int:
        """Index of the word before token i, skipping articles (-1 if none)."""
        k = i - 1
        while k >= 0 and (sdoc[k].is_space or (skip_articles and sdoc[k].lower_ in ARTICLES)):
            k -= 1
        return k

    def _feature_before(self, sdoc, i: int) -> str | None:
        fb = self.cues.feature_before
        k = i - 1
        while k >= 0 and sdoc[k].is_space:
            k -= 1
        if k < 0:
            return None
        w1 = _lower(sdoc[k])
        if k >= 1:
            w0 = _lower(sdoc[k - 1])
            if (w0, w1) in fb:
                return fb[(w0, w1)]
        if (w1,) in fb and sdoc[k].is_lower:
            return fb[(w1,)]
        return None

    def _called(self, sdoc, i: int) -> bool:
        cw, cn = self.cues.called_words, self.cues.called_nouns
        k = i - 1
        if k < 1 or sdoc[k].lower_ not in cw and not (k >= 2 and f"{sdoc[k-1].lower_} {sdoc[k].lower_}" in cw):
            return False
        for m in range(max(0, k - 3), k):
            if sdoc[m].lemma_.lower() in cn or sdoc[m].lower_ in cn:
                return True
        return False

    def local_evidence(self, sdoc, c: Candidate, lower_words: frozenset[str]) -> None:
        """Evidence at this occurrence: context cues, labels, person signs."""
        cues = self.cues
        s = 0.0
        span = sdoc[c.i:c.j]
        root = span.root
        prev = self._prev(sdoc, c.i)
        prev_raw = self._prev(sdoc, c.i, skip_articles=False)
        pw = _lower(sdoc[prev]) if prev >= 0 else ""
        after = c.j if c.j < len(sdoc) else None
        aw = _lower(sdoc[after]) if after is not None else ""

        words = c.key.split()
        if len(words) > 1 and c.places and c.places[0].match == "alternate" \
                and all(w in lower_words or w in cues.common_words for w in words) and not any(
                    p.feature not in SETTLEMENTS or (p.match in ("exact", "historical")
                                                     and (p.population or 0) >= DESCRIPTION_TOWN)
                    for p in c.places):
            # "the Old Town": a description of a quarter, not the town somewhere that has it
            # for another name (Las Vegas) nor a small town of that name (Old Town, Maine);
            # looked at as a name the gazetteer does not know ("Fort Hall", a named feature, stays)
            c.places = []
            c.reasons.append("a description, another place's other name")
        # label of the named-entity recogniser
        diary = self._diary_verb_before(sdoc, c)
        origin = self._origin_of(sdoc, c)
        lead = self._lead_preposition(sdoc, c)
        if c.label:
            w = LABEL_WEIGHT.get(c.label, OTHER_LABEL_WEIGHT)
            route = c.label == "PERSON" and any(e.label_ == "PERSON" and _route_span(e) for e in _ents_at(sdoc, c.i))
            if c.label == "PERSON" and (diary or origin or lead or c.street or route or self._lone_prominent(sdoc, c)):
                # "Reached Kiel", "Captain Berntsen of Arendal", "by Graz and ...": the tagger's
                # PERSON covers a verb or a person's place of origin, or a well-known place alone
                w = 0.0
            elif w < 0 and self._the_feature(sdoc, c):
                # "along the Sweetwater", "up the Ghats", "the Krishna rises": a river, range or
                # region named with the article; people are not "the Sweetwater"
                w = 0.0
            elif w < 0 and self._headed_feature(c):
                # "Lake Tanganyika", "the Kiel Canal", "Victoria Falls": the name's own feature word
                # says what it is; the tagger's PERSON or NORP does not count
                w = 0.0
            s += w
            c.reasons.append(f"label {c.label} {w:+}")
        # gazetteer
        if c.places and not c.variant_only and self._weak(c):
            c.reasons.append("only another name of a small place +0")
        elif c.places and not c.variant_only:
            best = c.places[0]
            w = 0.5
            if best.feature not in SETTLEMENTS or (best.population or 0) >= 100_000:
                w += 0.5
            if best.feature in MAJOR_FEATURES or (best.population or 0) >= MAJOR_POPULATION:
                w += 0.5
            s += w
            c.reasons.append(f"gazetteer {best.feature} {w:+}")
        # a modifier inside an organisation's or building's name: "the Central Committee"
        for ent in _ents_at(sdoc, c.i):
            if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT") and ent.start <= c.i \
                    and c.j < ent.end and _name_like(sdoc[c.j]):
                w = ORG_MODIFIER if ent.label_ == "ORG" and c.key not in cues.given_names else 1.5
                s -= w
                c.reasons.append(f"modifier in {ent.label_} {ent.text!r} -{w}")
                break
        if c.facility and c.label != "ORG":
            s += 1.0
            c.place_cue = True
            c.cue = c.cue or "facility name"
            c.reasons.append("street or building name +1")
        # an acronym ("US", "EU") that the gazetteer knows only as a small place's name
        if c.places and len(c.text) <= 4 and c.text.isupper() and not any(
                p.feature in MAJOR_FEATURES for p in c.places):
            s -= 3.0
            c.reasons.append("acronym -3")
        # not a place: vessels, works, titles right before the name
        if prev_raw >= 0 and _lower(sdoc[prev_raw]) in cues.not_place_before and not sdoc[prev_raw].ent_type_ in ("GPE", "LOC"):
            s -= 3.0
            # "the brig Launceston": a ship named after a town says nothing of the name elsewhere
            c.person.add(VESSEL if _lower(sdoc[prev_raw]) in cues.vessel_nouns else "title")
            c.reasons.append(f"after {sdoc[prev_raw].text!r} -3")
        # "in the Bintang, a small Dutch steamer": a vessel named in an apposition
        if self._vessel_apposition(sdoc, c.j):
            s -= 3.0
            c.person.add(VESSEL)
            c.reasons.append("apposition a vessel -3")
        # "aboard the Estonia", "S.S. Baltic": a vessel
        if prev >= 0 and pw in cues.vessel_before and prev_raw != prev:
            s -= 3.0
            c.person.add("title")
            c.reasons.append(f"after {pw!r} the -3 (a vessel)")
        # "the Kavkaz and Merkury company": names inside an organisation's name
        k = c.j
        while k < len(sdoc) and k < c.j + 5 and (_name_like(sdoc[k]) or sdoc[k].lower_ in ("and", "&", "-")):
            k += 1
        firm = self._inside_organization(sdoc, c)
        if k < len(sdoc) and sdoc[k].is_lower and _lower(sdoc[k]) in cues.organization_after:
            s -= 3.0
            c.reasons.append(f"in an organisation's name (… {sdoc[k].text}) -3")
        elif firm:
            s -= 3.0
            c.reasons.append(f"in a firm's name (… {firm}) -3")
        # "down the Volga": a river
        # ("set up the Cauvery Management Board": "up" is a verb's particle, not a preposition)
        if prev >= 0 and pw in cues.river_before and prev_raw != prev and (sdoc[prev].dep_ != "prt" or root.head.i == prev) \
                and not (after is not None and _name_like(sdoc[after])) and any(
                coarse_feature(p.feature) == "river" for p in c.places):
            c.feature, c.cue = "river", f"{pw} the X"
            s += 1.0
            c.place_cue = True
            c.reasons.append(f"{pw} the X (river) +1")
        if diary:
            s += 1.0
            c.place_cue = True
            c.cue = c.cue or f"{diary} X"
            c.reasons.append(f"diary {diary!r} X +1")
        if origin:
            s += 1.0
            c.place_cue = True
            c.cue = c.cue or "of X (origin)"
            c.reasons.append("person (or town word) of X +1")
        if c.places and self._heading(sdoc, c):
            s += 1.5
            c.place_cue = True
            c.cue = c.cue or "heading"
            c.reasons.append("a place heading +1.5")
        # feature words around the name
        fb = self._feature_before(sdoc, c.i)
        if fb:
            c.feature, c.cue = fb, f"{sdoc[prev].text} X" if prev >= 0 else "X"
            s += 2.0
            c.place_cue = True
            c.reasons.append(f"feature before ({fb}) +2")
        elif self._called(sdoc, c.i):
            c.feature, c.cue = "city", "called X"
            s += 2.0
            c.place_cue = True
            c.reasons.append("called +2")
        if self._where_after(sdoc, c.j):
            # "back to Calais, where my brother met us": a relative "where" follows a place
            s += 1.0
            c.place_cue = True
            c.cue = c.cue or "X, where"
            c.reasons.append("X, where +1")
        if aw in cues.feature_after and sdoc[after].is_lower:
            val = cues.feature_after[aw]
            if val and not c.feature:
                c.feature = val
            c.cue = c.cue or f"X {aw}"
            s += 1.5
            c.place_cue = True
            c.reasons.append(f"feature after ({aw}) +1.5")
        elif aw in cues.modifier_after and sdoc[after].is_lower and c.places:
            c.cue = c.cue or f"X {aw}"
            s += 1.0
            c.place_cue = True
            c.reasons.append(f"modifier ({aw}) +1")
        # a locative preposition or motion verb before the name; not when the name
        # only modifies a noun ("at the Obukhov plant")
        modifies = (after is not None and root.dep_ in ("compound", "amod", "nmod")
                    and root.head.i >= c.j and root.head.pos_ == "NOUN"
                    and _lower(root.head) not in cues.feature_after)
        # "The Eastward Diary": a capitalised cue word inside a title is no cue
        titled = prev >= 0 and sdoc[prev].text[:1].isupper() and not sdoc[prev].is_sent_start
        phrase = None if fb or modifies else self._phrase_before(sdoc, c.i)
        locative = 0.0        # weight of the locative cue found here, for the label check below
        if phrase:
            w = cues.place_before_phrases[phrase]
            s += w
            locative = w
            c.place_cue = True
            c.cue = c.cue or f"{' '.join(phrase)} X"
            c.reasons.append(f"{' '.join(phrase)!r} {w:+}")
        elif prev >= 0 and pw in cues.place_before and not fb and not modifies and not titled:
            w = cues.place_before[pw]
            # "in Trotsky's letter": a possessive name is no location
            recipient = pw == "to" and sdoc[prev].head.lemma_.lower() in cues.recipient_heads
            aimed = pw == "at" and sdoc[prev].head.lemma_.lower() in cues.at_person_verbs
            if recipient:
                c.reasons.append("'to' a recipient")
            elif aimed:
                c.reasons.append("'at' after a verb aimed at someone")     # "she smiled at Natalia"
            elif not (after is not None and sdoc[after].text in ("'s", "’s", "'")):
                s += w
                # "a letter from Calais" is a place too, but "a letter from Natalia" is not,
                # nor is "she smiled at Natalia"
                if not (pw == "from" and sdoc[prev].head.lemma_.lower() in cues.recipient_heads):
                    locative = w
                c.place_cue = True
                c.cue = c.cue or f"{pw} X"
                c.reasons.append(f"{pw!r} {w:+}")
                if prev_raw == prev and not c.feature and self._river_or_town(c):
                    # "went twice to Narva": a river is named with its article, a town without
                    c.feature = "city"
                    c.reasons.append("no article: the town, not the river")
        elif prev >= 1 and not modifies and pw == "for" and (
                sdoc[prev - 1].lemma_.lower() in cues.departure_verbs or sdoc[prev - 1].lower_ in cues.departure_verbs):
            s += 1.0
            c.place_cue = True
            c.cue = c.cue or "for X"
            c.reasons.append("departure for +1")
        elif prev >= 0 and not modifies and pw == "by" and not titled \
                and sdoc[prev].head.lemma_.lower() in cues.by_motion_verbs:
            # "the train went by Buffalo": a place passed through, not an agent
            s += 0.8
            c.place_cue = True
            c.cue = c.cue or "by X"
            c.reasons.append("travel by X +0.8")
        elif prev >= 0 and not modifies and sdoc[prev].lemma_.lower() in cues.motion_verbs and root.dep_ in ("dobj", "obj", "pobj", "npadvmod"):
            s += 1.0
            c.place_cue = True
            c.cue = c.cue or f"{sdoc[prev].lemma_} X"
            c.reasons.append("motion verb +1")
        if locative >= 1.0 and c.label == "PERSON" and self._lone_town(sdoc, c):
            # "the ferry from Calais", "join it at Jebba": the tagger's PERSON on a town of
            # some size, alone, right after a strong locative word, counts half
            s += 0.5
            c.reasons.append("lone PERSON label after a locative +0.5")
        elif locative >= 0.8 and c.label == "NORP" and c.key not in cues.demonyms \
                and sdoc[c.i].tag_ not in ("JJ", "JJR", "JJS") and self._lone_town(sdoc, c):
            # "to Agadez": a town's name is no people's name; the NORP label counts a third
            s += 1.0
            c.reasons.append("lone NORP label on a town after a locative +1")
        if c.key in cues.given_names and after is not None and _name_like(sdoc[after]) \
                and not sdoc[after].lower_ in cues.facility_heads and not c.place_cue:
            s -= 1.5
            c.reasons.append("first name before a name -1.5")    # "Paris Hilton", "Florence Nightingale"
        # "the Bosphorus.", "the Urals;": a bare name with an article is rarely a person
        if prev_raw >= 0 and sdoc[prev_raw].lower_ == "the" and c.j - c.i == 1 and c.label in ("PERSON", "NORP", None):
            if after is None or sdoc[after].pos_ not in ("NOUN", "PROPN"):
                s += 0.5
                c.reasons.append("the X +0.5")
        # person signs at this occurrence
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in cues.person_verbs:
            c.person.add("verb")
            c.reasons.append(f"subject of {root.head.lemma_!r}")
        if root.dep_ == "appos" and root.head.lemma_.lower() in cues.person_nouns:
            c.person.add("appos")
            c.reasons.append(f"apposition to {root.head.lemma_!r}")
        if any(ch.dep_ == "appos" and ch.lemma_.lower() in cues.person_nouns for ch in root.children):
            c.person.add("appos")
            c.reasons.append("has person apposition")
        if after is not None and sdoc[after].text in ("'s", "’s") and after + 1 < len(sdoc):
            nxt = [t for t in sdoc[after + 1:after + 4] if t.pos_ == "NOUN"]
            if nxt and nxt[0].lemma_.lower() in cues.person_possessions:
                c.person.add("possessive")
                c.reasons.append(f"possessive of {nxt[0].lemma_!r}")
        if c.key in cues.not_place_before:
            s -= 3.0
            c.reasons.append("a title -3")
        if c.key in cues.institutions and not fb:
            s -= 3.0
            c.reasons.append("an assembly or government -3")     # "members of the Duma"
        for ent in _ents_at(sdoc, c.i):
            if ent.label_ == "PERSON" and ent.start <= c.i and ent.end >= c.j and (ent.start < c.i or ent.end > c.j) \
                    and not _route_span(ent) and not self._vessel_name(sdoc, ent):
                extra = [t for t in list(sdoc[ent.start:c.i]) + list(sdoc[c.j:ent.end]) if _name_like(t)]
                # "At Berezov Trotsky met...": a place cue before the span wins
                if diary or lead:
                    extra = [t for t in extra if t.i != ent.start]
                if origin:
                    extra = []
                if extra and not (c.place_cue and ent.start == c.i):
                    c.person.add("longname")
                    c.reasons.append(f"inside person name {ent.text!r}")
                break
        # common words
        key = c.key
        words = key.split()
        if len(words) > 1 and all(w in cues.common_words for w in words) and (
                words[-1] not in cues.geo_heads or words[0] in COMPASS) and not self._named_feature(c):
            s -= 2.0
            c.reasons.append("common phrase -2")    # "White House", "West Coast"
        elif c.j - c.i == 1 and key in cues.common_words:
            pen = 2.0
            if (c.label in ("GPE", "LOC") or locative >= 0.8) and self._prominent(c) \
                    and c.places[0].match == "exact" and not sdoc[c.i].is_sent_start \
                    and c.places[0].feature in SETTLEMENTS:
                # "it went by Buffalo", "sent to Reading": capitalised in mid-sentence, a city of
                # note, and the tagger or a locative word sees a place
                pen = 1.0
            s -= pen
            c.reasons.append(f"common word -{pen:g}")
        elif c.j - c.i == 1 and key in lower_words:
            s -= 1.5
            c.reasons.append("used in lower case -1.5")
        pt = sdoc[c.i - 1] if c.i > 0 else None
        if pt is not None and _name_like(pt) and pt.lower_ in cues.common_words and not pt.is_sent_start \
                and pt.lower_ not in cues.place_before and pt.lower_ not in ARTICLES and not self._prominent(c):
            s -= 2.0
            c.reasons.append(f"after {sdoc[c.i - 1].text!r} -2")   # "West Wing": not the village Wing
        if c.key in cues.demonyms:
            s -= 4.0
            c.reasons.append("demonym -4")         # "Welsh", "Kirghizes": peoples, not places
        elif c.j - c.i == 1 and sdoc[c.i].tag_ in ("JJ", "JJR", "JJS") and not fb \
                and not (aw in cues.feature_after and sdoc[after].is_lower):
            s -= 1.5
            c.reasons.append("adjective -1.5")     # "Welsh", "Siberian": demonyms are no place names
        first = sdoc[c.i]
        if first.is_sent_start and first.pos_ != "PROPN" and c.label not in ("GPE", "LOC") and not (
                self._prominent(c) and c.places[0].match in ("exact", "historical")
                and key not in cues.common_words and key not in lower_words):
            # ("Reval at last:": a well-known town's own name, no English word, is no common word
            # capitalised because it opens the sentence)
            s -= 1.0
            c.reasons.append("sentence-initial non-name -1")
        if not any(ch.isupper() for ch in c.text):
            s -= 5.0
        c.local = s

    def person_evidence_from_names(self, sdoc, ev: Evidence, base: int) -> None:
        """Tokens of multi-word personal names ("Gegorgy Vasiliyevich Butov") are persons everywhere."""
        for ent in _ents(sdoc):
            if ent.label_ in ("PERSON", "GPE", "LOC"):
                ev.add_label(normalize_name(ent.text), ent.label_, base + ent.start_char)
            if ent.label_ != "PERSON" or _route_span(ent) or self._vessel_name(sdoc, ent):
                continue
            names = [t for t in ent if _name_like(t) and t.lower_.rstrip(".") not in self.cues.not_place_before]
            if len(names) >= 2:
                for t in names:
                    ev.add_person(normalize_name(t.text), "longname", base + t.idx)

    def _vessel_name(self, sdoc, ent) -> bool:
        """A ship's name tagged PERSON ("the ship Ballarat Belle"): its words are no person."""
        k = ent.start
        if k < len(sdoc) and _lower(sdoc[k]) in self.cues.vessel_nouns:
            return True
        k -= 1
        while k >= 0 and sdoc[k].is_space:
            k -= 1
        if k >= 0 and _lower(sdoc[k]) in self.cues.vessel_nouns:
            return True
        return k >= 1 and sdoc[k].lower_ in ARTICLES and _lower(sdoc[k - 1]) in self.cues.vessel_before

    def _diary_verb_before(self, sdoc, c: Candidate) -> str | None:
        """"Reached Kiel at noon": a capitalised travel verb opening a subjectless sentence."""
        k = c.i - 1
        if k < 0:
            return None
        t = sdoc[k]
        w = t.lower_
        if not t.is_sent_start or w not in self.cues.diary_verbs or not t.text[:1].isupper():
            return None
        if k > 0 and sdoc[k - 1].text.strip() and not sdoc[k - 1].is_punct:
            return None
        return w

    def _lead_preposition(self, sdoc, c: Candidate) -> bool:
        """"Near Bahia Blanca the road turned": a capitalised locative opening the sentence,
        which the tagger takes into a PERSON name with the place."""
        k = c.i - 1
        if k < 0:
            return False
        t = sdoc[k]
        return t.is_sent_start and t.text[:1].isupper() and t.lower_ in self.cues.place_before \
            and not (k > 0 and sdoc[k - 1].text.strip() and not sdoc[k - 1].is_punct)

    def _origin_of(self, sdoc, c: Candidate) -> bool:
        """"Captain Ole Berntsen of Arendal": "of X" right after a person's name is a place of
        origin; so is "of X" after a word for a town's people or parts ("the governor of X")."""
        k = c.i - 1
        if k < 1 or sdoc[k].lower_ != "of" or c.j - c.i > 3:
            return False
        p = sdoc[k - 1]
        if p.is_lower and (p.lemma_.lower() in self.cues.of_place_nouns or p.lower_ in self.cues.of_place_nouns):
            return True       # "a schoolmistress of Teruel", "the governor of Tobolsk"
        if not _name_like(p) or p.ent_type_ not in ("PERSON", ""):
            return False
        # the word before "of" is a person's name: tagged PERSON, or after a title
        if p.ent_type_ == "PERSON":
            return True
        q = k - 2
        while q >= 0 and _name_like(sdoc[q]) and q >= k - 4:
            if _lower(sdoc[q]) in self.cues.not_place_before:
                return True
            q -= 1
        return False

    def _phrase_before(self, sdoc, i: int) -> tuple | None:
        """A multi-word locative phrase ending right before token i (an article may stand
        between): "by way of Viborg", "as far as the Ob"."""
        k = i - 1
        while k >= 0 and (sdoc[k].is_space or sdoc[k].lower_ in ARTICLES):
            k -= 1
        words = []
        while k >= 0 and len(words) < 4:
            if sdoc[k].is_space:
                k -= 1
                continue
            words.insert(0, sdoc[k].lower_)
            if tuple(words) in self.cues.place_before_phrases:
                return tuple(words)
            k -= 1
        return None

    def _lone_town(self, sdoc, c: Candidate) -> bool:
        """A town the gazetteer knows by this very name, of 10,000 people or more, tagged on
        its own (not inside a longer name) and not a given name."""
        if not c.places or c.places[0].match not in ("exact", "historical"):
            return False
        best = c.places[0]
        if best.feature not in SETTLEMENTS or (best.population or 0) < LONE_TOWN_POPULATION:
            return False
        if c.key in self.cues.given_names or c.key in self.cues.common_words:
            return False
        for ent in _ents_at(sdoc, c.i):
            if ent.start != c.i or ent.end != c.j:
                return False
        return True

    def _lone_prominent(self, sdoc, c: Candidate) -> bool:
        """A well-known place tagged PERSON on its own, with no person word next to it."""
        if not self._prominent(c) or c.places[0].match not in ("exact", "historical"):
            return False
        if c.places[0].feature not in SETTLEMENTS and c.places[0].feature not in MAJOR_FEATURES:
            # a river or strait: "the Pregel is frozen", not "Cauvery Management Board"
            before = self._prev(sdoc, c.i, skip_articles=False)
            if before < 0 or sdoc[before].lower_ != "the" or (c.j < len(sdoc) and _name_like(sdoc[c.j])):
                return False
        if c.key in self.cues.given_names or c.key in self.cues.common_words:
            return False
        for ent in _ents_at(sdoc, c.i):
            if ent.start <= c.i < ent.end:
                if ent.start != c.i or ent.end != c.j:
                    return False
        prev = self._prev(sdoc, c.i, skip_articles=False)
        if prev >= 0 and _lower(sdoc[prev]) in self.cues.not_place_before:
            return False
        return True

    def _heading(self, sdoc, c: Candidate) -> bool:
        """"Eydtkuhnen." opening a diary entry or alone on a line: the sentence is only the name."""
        text = _text(sdoc)
        start = sdoc[c.i].idx
        before = text[:start].rstrip(" \t")
        if before and not before.endswith("\n") and not (
                sdoc[c.i].is_sent_start and before.endswith(".") and c.j < len(sdoc) and sdoc[c.j].text == "."):
            return False      # (a sentence of the name alone, "August 1919. Riga.", is one too)
        k = c.j
        if k < len(sdoc) and sdoc[k].text in (".", ":", ";", "—", "-"):
            k += 1
        else:
            return False
        return k >= len(sdoc) or sdoc[k].is_sent_start or "\n" in sdoc[k - 1].whitespace_ or sdoc[k].is_space

    @staticmethod
    def _named_feature(c: Candidate) -> bool:
        """The gazetteer knows the whole span as a named feature, not a settlement ("South
        Pass", "Independence Rock", "Fort Hall"): its words are common, the name is not."""
        return any(p.match != "variant" and p.feature not in SETTLEMENTS and p.feature not in MAJOR_FEATURES
                   and normalize_name(re.sub(r"\s*\(.*\)", "", p.name)) == c.key for p in c.places)

    def _titled_feature(self, sdoc, c: Candidate) -> bool:
        """A capitalised name of several words that the gazetteer knows as a feature ("the Forty
        Mile Desert"): not the distance or date the other stages found inside it."""
        words = [t for t in sdoc[c.i:c.j] if t.text.strip() and t.text not in ("'s", "’s", "-")]
        return len(words) > 1 and all(t.text[:1].isupper() for t in words) and self._named_feature(c)

    def _head_feature(self, tok) -> str | None:
        """The physical feature class a capitalised head word names ("River", "Mountains")."""
        if not _name_like(tok):
            return None
        f = self.cues.feature_after.get(tok.lower_)
        return f if f in PHYSICAL_HEADS else None

    def _part_of_feature_name(self, sdoc, i: int) -> bool:
        """Whether token i is one word of a two-word feature name whose other word is a
        capitalised feature word, and the gazetteer knows the word alone as no such feature."""
        tok = sdoc[i]
        if i > 0 and self._head_feature(tok) and _name_like(sdoc[i - 1]) and not sdoc[i - 1].whitespace_ == "" \
                and sdoc[i - 1].lower_ not in ARTICLES:
            return True       # "Mountains" after "Uluguru"
        if i + 1 < len(sdoc) and tok.whitespace_:
            f = self._head_feature(sdoc[i + 1])
            if f and not any(coarse_feature(p.feature) in COMPATIBLE.get(f, {f}) for p in self.lookup(tok.text)
                             if p.match != "variant"):
                return True   # "Hunter" before "River"
        return False

    @staticmethod
    def _where_after(sdoc, j: int) -> bool:
        """", where" (or ", whence") right after the name."""
        return j + 1 < len(sdoc) and sdoc[j].text == "," and sdoc[j + 1].lower_ in ("where", "whence")

    @staticmethod
    def _river_or_town(c: Candidate) -> bool:
        """Whether the gazetteer knows the name, by this very name, as both a river and a
        settlement ("Narva", "Tigris" no; "Narva" yes)."""
        own = [p for p in c.places if p.match in ("exact", "historical")]
        return any(coarse_feature(p.feature) == "river" for p in own) and any(
            p.feature in SETTLEMENTS for p in own)

    def _headed_feature(self, c: Candidate) -> bool:
        """A name of several words that the gazetteer knows by this very name, whose first or
        last word is a feature word ("Lake Tanganyika", "Kiel Canal", "Victoria Falls")."""
        words = c.key.split()
        if len(words) < 2 or not (words[-1] in self.cues.geo_heads or words[0] in self.cues.geo_leads):
            return False
        if words[0] in self.cues.demonyms and not c.text.split()[-1][:1].isupper():
            return False      # "the Greek islands": a people's adjective and a noun, a description
        return any(p.match in ("exact", "historical") and normalize_name(p.name) == c.key for p in c.places)

    @staticmethod
    def _the_feature(sdoc, c: Candidate) -> bool:
        """A single word after "the" whose best gazetteer match is a river, range, lake or region."""
        if c.j - c.i != 1 or c.i == 0 or sdoc[c.i - 1].lower_ != "the" or not c.places:
            return False
        best = c.places[0]
        return best.match != "variant" and coarse_feature(best.feature) in PHYSICAL

    @staticmethod
    def _weak(c: Candidate) -> bool:
        """Known only as another name (GeoNames alternate) of a small place: "Tom", "Petro"."""
        return all(p.match in ("alternate", "variant") and p.feature in SETTLEMENTS
                   and (p.population or 0) < 100_000 for p in c.places)

    # ------------------------------------------------------------ decision
    @staticmethod
    def _prominent(c: Candidate) -> bool:
        if not c.places or c.variant_only:
            return False
        best = c.places[0]
        return best.feature not in SETTLEMENTS or (best.population or 0) >= 100_000

    def decide(self, c: Candidate, ev: Evidence) -> None:
        pos = c.nstart
        s = c.local
        kinds_here = set(c.person)
        kinds_else = ev.person_kinds_elsewhere(c.key, pos)
        given = c.key in self.cues.given_names
        factor = 2.0 if given else 1.0
        if self._prominent(c) and not given:
            # "China vowed", "Liverpool won": prominent places are often subjects (metonymy)
            kinds_here.discard("verb")
            kinds_else.discard("verb")
            kinds_here.discard("possessive")
            kinds_else.discard("possessive")
            if c.places[0].match == "exact":
                kinds_else.discard("label")   # the tagger's repeated PERSON on "Tamil Nadu"
        if "longname" in kinds_here:
            s -= 3.0
        if kinds_here & {"appos", "verb", "possessive"}:
            s -= 1.5 * factor
        if "label" in kinds_else and 2 * len(ev.place.get(c.key, ())) >= len(ev.labels.get(c.key, {}).get("PERSON", ())):
            kinds_else.discard("label")   # labelled a person, but as often used with a place cue
        if kinds_else:
            pen = min(3.0, sum(PERSON_WEIGHT.get(k, 1.5) for k in kinds_else)) * factor
            s -= pen
            c.reasons.append(f"person elsewhere {sorted(kinds_else)} -{pen}")
        if ev.place_elsewhere(c.key, pos):
            s += 0.5
            c.reasons.append("place cue elsewhere +0.5")
        c.score = s
        if c.places and not c.variant_only and not self._weak(c):
            c.accepted = s > ACCEPT
        else:
            # no gazetteer entry: a place only with a cue or a geographic head word
            head = c.text.split()[-1].lower() if c.text.split() else ""
            c.accepted = s > ACCEPT and (c.place_cue or (len(c.text.split()) > 1 and head in self.cues.geo_heads))
